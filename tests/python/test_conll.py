"""CoNLL reader and exact-span scorer (liptako.evaluation.conll)."""

import pytest

from liptako.evaluation import conll

from conftest import shared_path

IOB1 = """-DOCSTART- -X- O O

John I-PER
Smith I-PER
visited I-LOC
Paris I-LOC
. O

Apple I-ORG
B-ORG B-ORG
Google I-ORG
hired O
French I-MISC
staff O

-DOCSTART- -X- O O

Lagos I-LOC
"""

IOB2 = """John B-PER
Smith I-PER
visited O
New B-LOC
York I-LOC
and O
Acme B-ORG
Inc I-ORG
. O
"""


def test_tag_spans_iob1_and_iob2():
    assert conll.tag_spans(["I-PER", "I-PER", "O", "I-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    # IOB1: B- separates two adjacent entities of one type.
    assert conll.tag_spans(["I-ORG", "B-ORG", "I-ORG"]) == [(0, 1, "ORG"), (1, 3, "ORG")]
    assert conll.tag_spans(["B-PER", "I-PER", "B-PER", "O"]) == [(0, 2, "PER"), (2, 3, "PER")]
    # A type change starts a new span even without B-.
    assert conll.tag_spans(["I-PER", "I-LOC"]) == [(0, 1, "PER"), (1, 2, "LOC")]


def test_parse_documents_and_rebuilt_text():
    docs = conll.parse_conll(IOB1)
    assert len(docs) == 2
    d = conll.GoldDocument(docs[0])
    assert d.text == "John Smith visited Paris .\nApple B-ORG Google hired French staff"
    got = {(d.text[a:b], lab) for a, b, lab in d.gold}
    # MISC is not scored; "visited Paris" is one IOB1 span of type LOC.
    assert got == {("John Smith", "PER"), ("visited Paris", "LOC"), ("Apple", "ORG"),
                   ("B-ORG Google", "ORG")}
    assert conll.GoldDocument(docs[1]).text == "Lagos"
    # A file without -DOCSTART- is one document.
    assert len(conll.parse_conll(IOB2)) == 1


def _span(doc, text, label):
    start = doc.text.index(text)
    return (start, start + len(text), label)


def test_score_exact_spans_and_error_kinds():
    doc = conll.GoldDocument(conll.parse_conll(IOB2)[0])
    assert doc.text == "John Smith visited New York and Acme Inc ."
    pred = [
        _span(doc, "John Smith", "PER"),       # right
        _span(doc, "York", "LOC"),             # wrong boundary
        _span(doc, "Acme Inc", "PER"),         # wrong label
        _span(doc, "visited", "ORG"),          # spurious
        _span(doc, "Smith", "DATE"),           # label outside PER/ORG/LOC: ignored
    ]
    r = conll.score([doc], [pred], show_errors=10)
    assert r["overall"]["tp"] == 1 and r["overall"]["fp"] == 3 and r["overall"]["fn"] == 2
    assert r["labels"]["PER"]["tp"] == 1 and r["labels"]["PER"]["fp"] == 1
    assert r["labels"]["ORG"]["fn"] == 1 and r["labels"]["ORG"]["fp"] == 1
    assert r["error_counts"] == {"missed": 0, "spurious": 1, "wrong label": 1,
                                 "wrong boundary": 1}
    assert r["overall"]["precision"] == pytest.approx(0.25)
    assert r["overall"]["recall"] == pytest.approx(1 / 3)
    assert "overall" in conll.format_report(r)


def test_predicted_spans_snap_to_gold_tokens():
    doc = conll.GoldDocument(conll.parse_conll(IOB2)[0])
    start = doc.text.index("New York")
    # A span ending inside a token covers the whole token.
    r = conll.score([doc], [[(start, start + 7, "LOC")]])
    assert r["labels"]["LOC"]["tp"] == 1


def test_evaluate_liptako_on_tiny_file(tmp_path):
    f = tmp_path / "tiny.conll"
    f.write_text("-DOCSTART- O\n\nPresident B-MISC\nEmmanuel B-PER\nMacron I-PER\nvisited O\n"
                 "Mali B-LOC\n. O\n", encoding="utf-8")
    r = conll.evaluate(f, show_errors=5)
    assert r["documents"] == 1 and r["gold_entities"] == 2
    assert r["overall"]["tp"] == 2 and r["overall"]["fp"] == 0


# Measured on wikigold (145 documents) at the time of writing: overall F1 0.602
# (spaCy en_core_web_sm: 0.531). A regression guard, not a target.
WIKIGOLD_F1_FLOOR = 0.58


def test_wikigold_f1_floor():
    path = shared_path("data", "wikigold", "wikigold.conll.txt")
    r = conll.evaluate(path, show_errors=0)
    assert r["documents"] == 145
    assert r["overall"]["f1"] >= WIKIGOLD_F1_FLOOR, conll.format_report(r)
    assert r["overall"]["precision"] >= 0.70
