"""liptako.dask on a real two-process distributed cluster."""

import sys
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

import liptako  # noqa: E402
import liptako.dask as ld  # noqa: E402

# The many-small-articles generator the scale-out benchmark uses too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from corpus import short_articles  # noqa: E402

N_DOCS = 10_000

def canonical(frame, by):
    return frame.sort_values(by, kind="stable").reset_index(drop=True)


ENTITY_KEY = ["doc", "start", "end", "id"]
TIMEX_KEY = ["doc", "start", "end"]
EVENT_KEY = ["doc", "event"]


@pytest.fixture(scope="module")
def corpus():
    return short_articles(N_DOCS)


@pytest.fixture(scope="module")
def serial(corpus):
    x = liptako.Extractor()
    docs = x.extract_many([t for _, t, _ in corpus], ids=[i for i, _, _ in corpus],
                          dcts=[d for _, _, d in corpus], workers=1)
    return liptako.to_frames(docs)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=":0", worker_dashboard_address=":0") as c:
        with distributed.Client(c) as cl:
            yield cl


def test_generated_corpus_is_realistic(corpus):
    assert len(corpus) >= 10_000
    assert len({i for i, _, _ in corpus}) == len(corpus)
    mean = sum(len(t) for _, t, _ in corpus) / len(corpus)
    assert 170 <= mean <= 260


def test_bag_of_records_on_two_processes_equals_serial(client, corpus, serial):
    bag = db.from_sequence(corpus, npartitions=16)
    frames = ld.to_frames(bag).compute()
    # No document lost: every id appears exactly once.
    assert sorted(frames.documents["doc"]) == sorted(i for i, _, _ in corpus)
    assert frames.documents["error"].isna().all()
    assert set(frames.entities["doc"]) == set(serial.entities["doc"])
    pd.testing.assert_frame_equal(canonical(frames.entities, ENTITY_KEY),
                                  canonical(serial.entities, ENTITY_KEY))
    pd.testing.assert_frame_equal(canonical(frames.timexes, TIMEX_KEY),
                                  canonical(serial.timexes, TIMEX_KEY))
    pd.testing.assert_frame_equal(canonical(frames.events, EVENT_KEY),
                                  canonical(serial.events, EVENT_KEY))
    assert len(frames.participants) == len(serial.participants)
    assert len(serial.entities) > 3 * N_DOCS  # the comparison is not vacuous
    # Both worker processes took part, each built its engine exactly once.
    info = client.run(ld.cache_info)
    assert len({v["pid"] for v in info.values()}) == 2
    assert all(v["builds"] == 1 for v in info.values()), info


def test_dataframe_column_and_custom_extractor(client, corpus):
    part = corpus[:2000]
    pdf = pd.DataFrame({"id": [i for i, _, _ in part], "body": [t for _, t, _ in part],
                        "published": [d for _, _, d in part]})
    ddf = dd.from_pandas(pdf, npartitions=4)
    # A user entry that wins over the bundled "Gao": it must travel in the recipe.
    x = liptako.Extractor().add_entity("Gao Regional Authority", "ORG", id="org/gao-test",
                                       aliases=["Gao"])
    ents = ld.entities(ddf, x, text_column="body", id_column="id",
                       dct_column="published").compute()
    assert (ents["id"] == "org/gao-test").any()
    expect = liptako.to_frames(x.extract_many([t for _, t, _ in part],
                                              ids=[i for i, _, _ in part],
                                              dcts=[d for _, _, d in part])).entities
    pd.testing.assert_frame_equal(canonical(ents, ENTITY_KEY), canonical(expect, ENTITY_KEY))
    info = client.run(ld.cache_info)
    assert all(len(v["keys"]) == v["builds"] for v in info.values())


def test_bag_of_plain_texts_and_extract_bag(client, corpus):
    texts = [t for _, t, _ in corpus[:500]]
    bag = db.from_sequence(texts, npartitions=5)
    docs_frame = ld.to_frames(bag).documents.compute()
    assert len(docs_frame) == 500 and docs_frame["doc"].is_unique
    docs = ld.extract_bag(bag).compute()
    assert [d.text for d in docs] == texts
    assert all(isinstance(d, liptako.Document) for d in docs)


def test_compute_all_frames_at_once(client, corpus):
    bag = db.from_sequence([{"id": i, "text": t, "dct": d} for i, t, d in corpus[:300]],
                           npartitions=3)
    df = ld.to_frames(bag)
    ents, evs = dask.compute(df.entities, df.events)
    assert len(ents) > 0 and len(evs) > 0
    assert set(ents["doc"]) <= {i for i, _, _ in corpus[:300]}


def test_rejects_other_collections():
    with pytest.raises(TypeError):
        ld.to_frames([("a", "Mali")])
