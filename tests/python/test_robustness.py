"""Bad input, limits and concurrency: what each hostile input gets.

Every row of the table in docs/robustness.md is a test here (or in
test_cli.py / tests/cpp/test_robustness.cpp).

The full 100 MB extraction is slow and
runs only with LIPTAKO_SLOW_TESTS=1; the default suite checks 100 MB of
whitespace, the 100 MB limit error and that cost grows linearly.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path

import liptako
import pytest

REPO = Path(__file__).resolve().parents[2]
SLOW = os.environ.get("LIPTAKO_SLOW_TESTS") == "1"
MB = 1 << 20


def _offsets_ok(text: str, doc: liptako.Document) -> None:
    for x in list(doc.entities) + list(doc.timexes):
        assert 0 <= x.start < x.end <= len(text)
        assert text[x.start:x.end] == x.text


def _bare(config=None) -> liptako.Extractor:
    """An extractor without the bundled resources (fast to build)."""
    return liptako.Extractor(config, bundled=False)


# ---- texts -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\x00", "\ufeff", "\u200f"])
def test_empty_and_blank_texts_give_empty_documents(extractor, text):
    doc = extractor.extract(text, id="e")
    assert doc.id == "e" and doc.entities == [] and doc.timexes == [] and doc.events == []
    assert doc.dct.source == "none"


def test_100mb_of_whitespace_keeps_offsets_at_the_end(extractor):
    text = " " * (100 * MB) + "Mali and Niger met on Saturday."
    t0 = time.perf_counter()
    doc = extractor.extract(text, dct="2023-09-18")
    elapsed = time.perf_counter() - t0
    assert [e.text for e in doc.entities] == ["Mali", "Niger"]
    assert doc.entities[0].start == 100 * MB
    assert [t.value for t in doc.timexes] == ["2023-09-16"]
    _offsets_ok(text, doc)
    assert elapsed < 30, f"100 MB of spaces took {elapsed:.1f}s"


def test_100mb_text_over_the_limit_is_refused_quickly():
    x = _bare({"options": {"max_text_bytes": 50 * MB}})
    text = "Mali signed a pact. " * (100 * MB // 20)
    t0 = time.perf_counter()
    with pytest.raises(liptako.LimitError, match=r"text of 104857600 bytes exceeds "
                                                 r"max_text_bytes = 52428800"):
        x.extract(text)
    assert time.perf_counter() - t0 < 5
    # In a batch, the refused text gets the error in its place.
    out = x.extract_many(["Mali.", text, "Niger."], workers=2)
    assert isinstance(out[1], liptako.LimitError) and out[1].doc_id == "1"
    assert [e.text for e in out[0].entities + out[2].entities] == []  # no gazetteer: bare


@pytest.mark.parametrize("sentence", [
    "Mali and Niger met in Niamey on Saturday, the ministry said. ",
    # One endless "sentence" of name-like words: recognizer scans must be bounded.
    "Union ", "Ministry of A ", "al Bashir bin ", "Lake ", "John ", "(ECOWAS) ",
])
def test_cost_is_linear_in_text_size(extractor, sentence):
    def cost(n_bytes: int) -> float:
        text = sentence * (n_bytes // len(sentence))
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            extractor._engine_now().extract_json(text, "", None)
            best = min(best, time.perf_counter() - t0)
        return best

    small, large = cost(MB // 8), cost(MB)
    # 8x the text: linear is ~8x; quadratic would be ~64x. Generous for noisy CI.
    assert large < 20 * small + 0.5, (small, large)


@pytest.mark.skipif(not SLOW, reason="set LIPTAKO_SLOW_TESTS=1 (takes a minute or two)")
def test_100mb_of_sentences(extractor):
    # Sentences with nothing to find keep the output (and memory) small; the
    # last one has findings, whose offsets must be exact 100 MB in.
    sentence = "the talks went on late into the night, the ministry said. "
    text = sentence * (100 * MB // len(sentence)) + "Mali and Niger met on Saturday."
    t0 = time.perf_counter()
    doc = extractor.extract(text, dct="2023-09-18")
    elapsed = time.perf_counter() - t0
    assert [e.text for e in doc.entities] == ["Mali", "Niger"]
    assert [t.value for t in doc.timexes] == ["2023-09-16"]
    _offsets_ok(text, doc)
    print(f"100 MB of sentences: {elapsed:.1f} s")


def test_one_million_character_token(extractor):
    for blob in ("a" * 1_000_000, "é" * 1_000_000, "e\u0301" * 500_000, "7" * 1_000_000,
                 "mali" * 250_000):
        text = "Mali " + blob + " Niger on Saturday."
        t0 = time.perf_counter()
        doc = extractor.extract(text)
        assert time.perf_counter() - t0 < 10
        assert [e.text for e in doc.entities] == ["Mali", "Niger"], blob[:8]
        _offsets_ok(text, doc)


def test_nul_bytes_separate_words(extractor):
    # NUL separates tokens like a space (cpp/src/segmenter.cpp).
    text = "\x00Mali\x00and\x00Niger\x00met" + "\x00" * 10_000 + "in\x00Burkina Faso\x00"
    doc = extractor.extract(text)
    assert [e.text for e in doc.entities] == ["Mali", "Niger", "Burkina Faso"]
    _offsets_ok(text, doc)
    spaced = extractor.extract(text.replace("\x00", " ")).to_dict()
    assert spaced["entities"] == doc.to_dict()["entities"]


@pytest.mark.parametrize("text", [
    "Mali\ud800Niger", "\udfffMali\udfff", "Mali\ud83d\ude00Niger",  # a pair: a real emoji
    "\ud800" * 1000 + " Burkina Faso", "Assimi Go\udcefta met Niger", "\udc80\udc81 Mali",
])
def test_lone_surrogates_never_break_offsets(extractor, text):
    doc = extractor.extract(text)
    _offsets_ok(text, doc)
    json.loads(doc.to_json())


def test_invalid_utf8_decoded_by_python(extractor):
    raw = b"\xff\xfeMali \xc3\x28 and \xe2\x82 Niger \xf0\x9f\x98 on Saturday \xed\xa0\x80 Chad"
    for text in (raw.decode("utf-8", "replace"), raw.decode("utf-8", "surrogateescape")):
        doc = extractor.extract(text)
        _offsets_ok(text, doc)
        assert {"Mali", "Niger"} <= {e.text for e in doc.entities}


def test_text_of_wrong_type(extractor):
    for bad in (b"Mali", None, 3, ["Mali"]):
        with pytest.raises(TypeError):
            extractor.extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("dct", ["", "2023-13-01", "2023-02-29", "18/09/2023", "2023-9-18",
                                 "x" * 10_000, "2023-09-18\x01", "２０２３-09-18"])
def test_invalid_dct_is_an_error_naming_it(extractor, dct):
    with pytest.raises(liptako.Error, match="not a valid date"):
        extractor.extract("Mali on Saturday.", dct=dct)


def test_error_message_with_nul_is_not_truncated(extractor):
    with pytest.raises(liptako.Error, match="not a valid date"):
        extractor.extract("Mali", dct="2023-09-18\x00")


# ---- configurations ----------------------------------------------------------

@pytest.mark.parametrize("pattern, reason", [
    (r"(a)\1", "invalid escape sequence"),                 # backreference
    (r"Mali(?=\s)", "invalid perl operator"),             # lookahead
    (r"(?<=the )Mali", "invalid perl operator"),          # lookbehind
    (r"(?!x)Mali", "invalid perl operator"),              # negative lookahead
    (r"a{1000}{1000}", "bad repetition operator"),
    (r"(\w{1,100}\s){1,100}", "invalid repetition size"),
    (r"(a", "missing )"),
    (r"[z-a]", "invalid character class range"),
])
def test_regexes_re2_rejects_are_config_errors_naming_the_rule(pattern, reason):
    with pytest.raises(liptako.ConfigError) as info:
        _bare({"rules": [[{"name": "r1", "label": "X", "pattern": pattern}]]})
    msg = str(info.value)
    assert "/rules/0/0/pattern" in msg and "'r1'" in msg and reason in msg, msg


def test_regex_over_the_memory_budget_is_a_limit_error():
    small = {"regex_max_mem": 65536}
    with pytest.raises(liptako.LimitError, match=r"rule 'big' exceeds the regex memory budget"):
        _bare({"options": small, "rules": [[{"name": "big", "label": "X",
                                              "pattern": r"\pL{1000}"}]]})
    # Rules that compile one by one may still exceed the budget together (the
    # RE2::Set that filters them).
    with pytest.raises(liptako.LimitError, match="regex memory budget"):
        _bare({"options": small, "rules": [[{"name": "big", "label": "X", "pattern": r"\w{1000}"},
                                             {"name": "other", "label": "X", "pattern": "x"}]]})
    # The same pattern under the default budget (64 MiB) compiles.
    x = _bare({"rules": [[{"name": "w", "label": "X", "pattern": r"\b(\w{30})\b"}]]})
    assert [e.label for e in x.extract("a" * 30 + " b").entities] == ["X"]


@pytest.mark.parametrize("options, where", [
    ({"regex_max_mem": 100}, "/options/regex_max_mem"),
    ({"regex_max_mem": 2 ** 63}, "/options/regex_max_mem"),
    ({"regex_max_mem": "64MB"}, "/options/regex_max_mem"),
    ({"max_text_bytes": -1}, "/options/max_text_bytes"),
    ({"max_text_bytes": 2 ** 64}, "/options/max_text_bytes"),
    ({"max_text_bytes": 1e6}, "/options/max_text_bytes"),
    ({"max_text_bytes": "100"}, "/options/max_text_bytes"),
    ({"max_text_bytes": None}, "/options/max_text_bytes"),
    ({"day_first": "yes"}, "/options/day_first"),
    ({"max_txt_bytes": 10}, "/options/max_txt_bytes"),
])
def test_bad_options_name_their_path(options, where):
    with pytest.raises(liptako.ConfigError, match=re.escape(where)):
        _bare({"options": options})


def test_max_text_bytes_counts_utf8_bytes_and_zero_means_no_limit():
    x = _bare({"options": {"max_text_bytes": 10}})
    x.extract("x" * 10)
    with pytest.raises(liptako.LimitError, match="text of 12 bytes"):
        x.extract("é" * 6)  # 6 code points, 12 bytes
    with pytest.raises(liptako.LimitError, match="text of 11 bytes"):
        x.extract("\ud800" * 3 + "xx")  # lone surrogates: 3 bytes each (surrogatepass)
    _bare({"options": {"max_text_bytes": 0}}).extract("x" * 100_000)


@pytest.mark.parametrize("config, path", [
    ({"entities": 3}, "/entities"),
    ({"entities": [3]}, "/entities/0"),
    ({"entities": [{"name": None, "label": "X"}]}, "/entities/0/name"),
    ({"entities": [{"name": "", "label": "X"}]}, "/entities/0/name"),
    ({"entities": [{"name": "A", "label": "X", "aliases": [1]}]}, "/entities/0/aliases/0"),
    ({"entities": [{"name": "A", "label": "X", "aliases": "B"}]}, "/entities/0/aliases"),
    ({"entities": [{"name": "A", "label": "X", "ambiguous": "yes"}]}, "/entities/0/ambiguous"),
    ({"entities": [{"name": "A"}]}, "/entities/0/label"),
    ({"gazetteers": {"a": 1}}, "/gazetteers"),
    ({"gazetteers": [3]}, "/gazetteers/0"),
    ({"gazetteers": [{"format": "liptako-gazetteer/1", "label": "X"}]}, "/gazetteers/0/entries"),
    ({"lexicons": ["a"]}, "/lexicons"),
    ({"lexicons": {"first_nams": ["a"]}}, "/lexicons/first_nams"),
    ({"lexicons": {"first_names": {"format": "liptako-lexicon/1", "words": 5}}},
     "/lexicons/first_names/words"),
    ({"rules": {"a": 1}}, "/rules"),
    ({"rules": [[{"name": "r", "label": "X"}]]}, "/rules/0/0/pattern"),
    ({"rules": [[{"name": "r", "label": "X", "pattern": 5}]]}, "/rules/0/0/pattern"),
    ({"events": 5}, "/"),
    ({"events": {"types": "x"}}, "/types"),
    ({"format": 1}, "/format"),
    ({"format": "liptako-config/2"}, "/format"),
    ({"unknown": 1}, "/unknown"),
])
def test_wrongly_typed_config_is_a_config_error_with_its_path(config, path):
    with pytest.raises(liptako.ConfigError) as info:
        _bare(config)
    assert f": {path}:" in str(info.value) or str(info.value).endswith(path), str(info.value)


def test_config_that_is_not_an_object(tmp_path):
    for content in ("[]", "3", '"x"', "null"):
        p = tmp_path / "c.json"
        p.write_text(content)
        with pytest.raises(liptako.ConfigError, match="must be a JSON object"):
            liptako.Extractor.from_config(p)


def test_deeply_nested_json_in_a_resource_file(tmp_path):
    # Parsed by the C++ engine (nlohmann::json): no recursion limit problem.
    g = tmp_path / "deep.json"
    g.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(liptako.ConfigError, match=r"deep.json: /0: expected an entry object"):
        _bare({"gazetteers": [str(g)]})


def test_deeply_nested_config_file_is_a_config_error(tmp_path):
    p = tmp_path / "deep.json"
    p.write_text('{"entities": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(liptako.ConfigError):
        liptako.Extractor.from_config(p)


def test_deeply_nested_config_dict_is_a_config_error():
    nested: list = []
    for _ in range(5_000):
        nested = [nested]
    with pytest.raises(liptako.ConfigError):
        _bare({"entities": nested})


def test_missing_and_unreadable_config_files(tmp_path):
    with pytest.raises(liptako.ConfigError, match="nope.json: /: cannot read file"):
        liptako.Extractor.from_config(tmp_path / "nope.json")
    d = tmp_path / "dir.json"
    d.mkdir()
    with pytest.raises(liptako.ConfigError, match="dir.json: /: cannot read file"):
        liptako.Extractor.from_config(d)
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "gone.json")
    with pytest.raises(liptako.ConfigError, match="dangling.json: /: cannot read file"):
        liptako.Extractor.from_config(link)
    with pytest.raises(liptako.ConfigError, match=r"dangling.json: /: cannot read file"):
        _bare({"gazetteers": [str(link)]})
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"description": "caf\xe9"}')
    with pytest.raises(liptako.ConfigError, match="not UTF-8"):
        liptako.Extractor.from_config(bad)
    if os.geteuid() != 0:  # root reads everything
        locked = tmp_path / "locked.json"
        locked.write_text("{}")
        locked.chmod(0)
        with pytest.raises(liptako.ConfigError, match="cannot read file"):
            liptako.Extractor.from_config(locked)


def test_resource_path_that_is_a_directory(tmp_path):
    d = tmp_path / "dir.json"
    d.mkdir()
    with pytest.raises(liptako.ConfigError, match="dir.json: /: cannot read file"):
        _bare({"gazetteers": [str(d)]})


def test_100mb_config_loads(tmp_path):
    p = tmp_path / "big.json"
    with open(p, "w", encoding="utf-8") as f:
        f.write('{"description": "')
        f.write("x" * (100 * MB))
        f.write('", "entities": [{"name": "Atlas Star", "label": "VESSEL"}], "bundled": false}')
    x = liptako.Extractor.from_config(p)
    assert [e.id for e in x.extract("the Atlas Star sailed").entities] == ["vessel/atlas-star"]
    # Truncated: a clean error, not a crash.
    with open(p, "r+b") as f:
        f.truncate(50 * MB)
    with pytest.raises(liptako.ConfigError, match="invalid JSON"):
        liptako.Extractor.from_config(p)


def test_gazetteer_with_odd_phrases_builds():
    x = _bare({"entities": [
        {"name": "!!!", "label": "X"},                # no word token: ignored
        {"name": "\u0301\u0301", "label": "X"},       # combining marks only
        {"name": "a" * 100_000, "label": "X"},
        {"name": " ".join(["w"] * 5_000), "label": "X"},
        {"name": "Mali\x00Niger", "label": "X"},
        {"name": "🇲🇱", "label": "X"},
        {"name": "Mali", "label": "X", "aliases": ["Mali"] * 1_000},
    ]})
    text = "Mali " + " ".join(["w"] * 5_000) + " Mali\x00Niger 🇲🇱 !!!"
    doc = x.extract(text)
    _offsets_ok(text, doc)
    assert doc.entities[0].text == "Mali"


# ---- concurrency ---------------------------------------------------------------

def _documents(corpus, n):
    """n short documents: sentences of the example corpus, varied."""
    sentences = [s for t in corpus.values() for s in re.split(r"(?<=[.!?])\s+", t) if s]
    return [f"{sentences[i % len(sentences)]} {sentences[(i * 7 + 3) % len(sentences)]}"
            for i in range(n)]


def test_eight_threads_one_extractor_equal_serial(extractor, corpus):
    docs = _documents(corpus, 1000)
    dcts = [None if i % 3 else "2023-09-18" for i in range(len(docs))]
    engine = extractor._engine_now()
    serial = [engine.extract_json(t, str(i), d) for i, (t, d) in enumerate(zip(docs, dcts))]
    out: list = [None] * 8
    errors: list = []
    start = threading.Barrier(8)

    def work(k: int) -> None:
        try:
            start.wait()
            # Each thread walks the documents from a different point.
            order = [(i + k * 125) % len(docs) for i in range(len(docs))]
            got = {i: engine.extract_json(docs[i], str(i), dcts[i]) for i in order}
            out[k] = [got[i] for i in range(len(docs))]
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for k in range(8):
        assert out[k] == serial, f"thread {k} differs"
    # The typed API from threads too (a shorter run).
    typed = [extractor.extract(t, dct=d).to_dict() for t, d in zip(docs[:100], dcts[:100])]
    res: list = [None] * 8

    def typed_work(k: int) -> None:
        res[k] = [extractor.extract(t, dct=d).to_dict() for t, d in zip(docs[:100], dcts[:100])]

    threads = [threading.Thread(target=typed_work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == typed for r in res)


def test_extract_many_puts_each_failure_in_its_place(extractor, corpus):
    docs: list = _documents(corpus, 700)
    dcts: list = ["2023-09-18"] * len(docs)
    dcts[5] = "2023-02-30"   # an Error (bad DCT)
    docs[300] = b"bytes"      # not a str
    docs[699] = None          # not a str, last of the last batch
    dcts[256] = "nope"        # first of the second batch
    ids = [f"doc{i}" for i in range(len(docs))]
    results = extractor.extract_many(docs, ids=ids, dcts=dcts, workers=8)
    assert len(results) == len(docs)
    bad = {5, 256, 300, 699}
    for i, r in enumerate(results):
        if i in bad:
            assert isinstance(r, liptako.Error) and r.doc_id == f"doc{i}", (i, r)
            assert f"doc{i}" in str(r)
        else:
            assert isinstance(r, liptako.Document) and r.id == f"doc{i}"
            assert r.to_dict() == extractor.extract(docs[i], dct=dcts[i], id=ids[i]).to_dict()
    assert "2023-02-30" in str(results[5]) and "nope" in str(results[256])
    assert "bytes" in str(results[300]) and "NoneType" in str(results[699])
    with pytest.raises(liptako.Error, match="doc5"):
        extractor.extract_many(docs, ids=ids, dcts=dcts, errors="raise")
    # The streaming form yields the same, batch boundaries anywhere.
    streamed = list(extractor.iter_extract(iter(docs), ids=iter(ids), dcts=iter(dcts),
                                           workers=3, batch_size=7))
    assert [type(r) for r in streamed] == [type(r) for r in results]
    with pytest.raises(ValueError):
        extractor.extract_many(docs, errors="ignore")


def test_extract_many_empty_and_single(extractor):
    assert extractor.extract_many([]) == []
    (only,) = extractor.extract_many(["Mali."], workers=64)
    assert [e.text for e in only.entities] == ["Mali"]
