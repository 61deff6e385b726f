"""liptako.to_frames, Frames, liptako.timeline, plots and progress bars."""

import io

import pytest

pd = pytest.importorskip("pandas")

import liptako  # noqa: E402
from liptako.frames import date_key  # noqa: E402

TEXTS = {
    "a": ("Mali, Niger and Burkina Faso signed a defence pact in Niamey on 16 September 2023. "
          "President Assimi Goita said the Alliance of Sahel States would pool troops. "
          "ECOWAS imposed sanctions on Niger on 30 July 2023."),
    "b": ("Gunmen attacked a convoy near Djibo on Saturday, killing 12 soldiers. "
          "Burkina Faso's army said Ibrahim Traore had ordered reinforcements."),
    "c": "Nothing here mentions anyone at all.",
}


@pytest.fixture(scope="module")
def docs(extractor):
    return extractor.extract_many(list(TEXTS.values()), ids=list(TEXTS))


@pytest.fixture(scope="module")
def frames(docs):
    return liptako.to_frames(docs)


def test_entities_one_row_per_mention(docs, frames):
    e = frames.entities
    assert len(e) == sum(len(d.entities) for d in docs)
    assert list(e.columns[:4]) == ["doc", "start", "end", "text"]
    for row in e.itertuples():
        text = TEXTS[row.doc]
        assert text[row.start:row.end] == row.text
        assert row.text in row.sentence_text
        assert row.sentence_text in text
    assert {"COUNTRY", "PERSON"} <= set(e["label"])
    assert e["start"].dtype == "int64" and e["sentence"].dtype == "int64"


def test_timexes_and_events(docs, frames):
    t = frames.timexes
    assert len(t) == sum(len(d.timexes) for d in docs)
    assert "2023-09-16" in set(t["value"])
    for row in t.itertuples():
        assert row.text in row.sentence_text
    ev = frames.events
    assert len(ev) == sum(len(d.events) for d in docs)
    p = frames.participants
    assert len(p) == sum(len(e.participants) for d in docs for e in d.events)
    # The flattened string and the long frame agree.
    for row in ev.itertuples():
        part = p[(p["doc"] == row.doc) & (p["event"] == row.event)]
        expect = "; ".join(f"{n} ({r})" for n, r in zip(part["name"], part["role"]))
        assert row.participants == expect
        assert row.trigger in row.sentence_text


def test_documents_frame_counts_every_input(frames):
    d = frames.documents
    assert list(d["doc"]) == ["a", "b", "c"]
    assert d.set_index("doc").loc["c", "entities"] == 0
    assert d["error"].isna().all()


def test_errors_become_document_rows(extractor):
    results = extractor.extract_many(["Mali.", 42], ids=["ok", "bad"])  # type: ignore[list-item]
    f = liptako.to_frames(results)
    assert list(f.documents["doc"]) == ["ok", "bad"]
    assert f.documents["error"].notna().tolist() == [False, True]


def test_empty_frames_have_the_same_columns_and_dtypes(frames):
    empty = liptako.to_frames([])
    for a, b in zip(empty, frames):
        assert list(a.columns) == list(b.columns)
        assert list(a.dtypes) == list(b.dtypes)
    assert empty.top_entities().empty
    assert liptako.timeline([]).empty


def test_single_document(docs):
    assert len(liptako.to_frames(docs[0]).documents) == 1


def test_top_entities_and_summary(frames):
    top = frames.top_entities(2)
    assert list(top.columns) == ["label", "id", "name", "mentions", "documents"]
    assert (top.groupby("label").size() <= 2).all()
    niger = top[top["id"] == "country/NER"]
    assert not niger.empty and int(niger["documents"].iloc[0]) == 1
    people = frames.top_entities(5, label="PERSON")
    assert set(people["label"]) == {"PERSON"}
    s = frames.summary()
    assert set(s["kind"]) >= {"entity", "timex"}
    assert s[s["kind"] == "entity"]["mentions"].sum() == len(frames.entities)


def test_mentioning_and_filter(frames):
    assert list(frames.mentioning("country/MLI")) == ["a"]
    assert set(frames.mentioning("burkina faso")) == {"a", "b"}
    sub = frames.filter(frames.mentioning("country/MLI"))
    assert set(sub.entities["doc"]) == {"a"} and list(sub.documents["doc"]) == ["a"]


def test_sentences_come_from_the_engine(extractor, corpus):
    text = "Mr. Smith met Gen. Tiani in Niamey. They spoke.\nNew line here! \"Quoted.\" Done"
    doc = extractor.extract(text)
    assert [text[s:e] for s, e in doc.sentences] == [
        "Mr. Smith met Gen. Tiani in Niamey.", "They spoke.", "New line here!", "\"Quoted.\"",
        "Done"]
    assert extractor.extract("").sentences == []
    for name, text in corpus.items():
        doc = extractor.extract(text, id=name)
        for m in list(doc.entities) + list(doc.timexes):
            s, e = doc.sentences[m.sentence]
            assert s <= m.start and m.end <= e, (name, m)
        for ev in doc.events:
            assert doc.sentences[ev.sentence_index] == (ev.sentence.start, ev.sentence.end)


@pytest.mark.parametrize("value,expect", [
    ("2023-09-18", "2023-09-18"), ("2023-09", "2023-09-01"), ("2023", "2023-01-01"),
    ("2023-09-17TNI", "2023-09-17"), ("2023-W37", "2023-09-11"), ("2023-Q3", "2023-07-01"),
    ("2023-SU", "2023-06-01"), ("XXXX-07", None), ("XXXX-WXX-6", None), ("PAST_REF", None),
    ("P2M", None), (None, None), ("", None), ("2023-02-30", None),
])
def test_date_key(value, expect):
    got = date_key(value)
    assert (None if got is None else got.strftime("%Y-%m-%d")) == expect


def test_timeline_sorted_with_unknown_dates_last(extractor):
    texts = [
        "ECOWAS imposed sanctions on Niger on 30 July 2023.",
        "Gunmen attacked a convoy near Djibo in July, the army said.",  # XXXX-07, no dct
        "Mali and Niger signed a defence pact on 16 September 2022.",
        "Soldiers seized power in Niger; ECOWAS threatened to intervene.",
    ]
    docs = extractor.extract_many(texts, ids=["w", "x", "y", "z"])
    tl = liptako.timeline(docs)
    assert len(tl) == sum(len(d.events) for d in docs)
    known = tl[tl["when"].notna()]
    assert known["when"].is_monotonic_increasing
    # Unknown or underspecified dates come after every known date, and are kept.
    first_unknown = tl["when"].isna().to_numpy().argmax() if tl["when"].isna().any() else len(tl)
    assert tl["when"].iloc[first_unknown:].isna().all()
    dated = list(known["doc"])
    assert dated.index("y") < dated.index("w")
    for d in docs:
        for ev in d.events:
            if ev.date and ev.date.value.startswith("XXXX"):
                assert ev.date.value in set(tl["date"])
    # The same from Frames or from the events frame.
    f = liptako.to_frames(docs)
    assert liptako.timeline(f)[["doc", "type", "date"]].equals(tl[["doc", "type", "date"]])
    assert list(liptako.timeline(f.events)["doc"]) == list(tl["doc"])


def test_plots_return_figures(docs, frames):
    pytest.importorskip("matplotlib")
    nx = pytest.importorskip("networkx")
    from matplotlib.figure import Figure

    from liptako import plots

    for fig in (plots.timeline_figure(docs), plots.timeline_figure(liptako.timeline(frames)),
                plots.timeline_figure([]),
                plots.cooccurrence_figure(docs, labels=["PERSON", "COUNTRY", "ORG"]),
                plots.cooccurrence_figure([]), plots.top_entities_figure(frames, 3)):
        assert isinstance(fig, Figure)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        assert buf.getvalue()[:4] == b"\x89PNG"
    g = plots.cooccurrence_graph(docs)
    assert isinstance(g, nx.Graph)
    assert g.has_edge("country/MLI", "country/NER")
    assert g.nodes["country/MLI"]["label"] == "COUNTRY"
    assert g.nodes["country/MLI"]["mentions"] >= 1
    only_people = plots.cooccurrence_graph(docs, labels=["COUNTRY"])
    assert {only_people.nodes[n]["label"] for n in only_people} == {"COUNTRY"}
    strong = plots.cooccurrence_graph(docs, min_count=100)
    assert strong.number_of_edges() == 0 and strong.number_of_nodes() == 0
    by_doc = plots.cooccurrence_graph(docs, by="document")
    assert by_doc.number_of_edges() >= g.number_of_edges()
    with pytest.raises(ValueError):
        plots.cooccurrence_graph(docs, by="paragraph")


def test_progress_bar_with_tqdm(extractor, capsys):
    pytest.importorskip("tqdm")
    texts = ["Mali and Niger signed a pact."] * 7
    results = extractor.extract_many(texts, progress=True)
    assert len(results) == 7
    err = capsys.readouterr().err
    assert "liptako" in err and "7/7" in err
    # A generator has no length: the bar still runs.
    assert len(extractor.extract_many((t for t in texts), progress=True)) == 7
