"""The TimeML evaluator (liptako.evaluation.timeml) on a tiny document written here, and
the full TBAQ-cleaned evaluation as a regression guard (../shared; skipped without it)."""

import os
import tempfile

from conftest import shared_path

from liptako.evaluation import timeml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-11" temporalFunction="false"
 functionInDocument="CREATION_TIME">August 11, 1998</TIMEX3></DCT>
<TEXT>Talks &amp; votes began <TIMEX3 tid="t1" type="DATE" value="1998-08-10">Monday</TIMEX3>
and will last <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>, officials
said <TIMEX3 tid="t3" type="DATE" value="1998-08-11">today</TIMEX3>.</TEXT>
</TimeML>
"""


def _span(text, s):
    b = text.index(s)
    return b, b + len(s)


def test_parse_tml_rebuilds_text_offsets_and_dct():
    d = timeml.parse_tml(TML)
    assert d["dct"] == "1998-08-11"
    assert "Talks & votes" in d["text"] and "<" not in d["text"]
    assert [t["value"] for t in d["timexes"]] == ["1998-08-10", "P2W", "1998-08-11"]
    for t in d["timexes"]:
        assert d["text"][t["start"]:t["end"]] == t["text"]


def _score_via_tag(pred_fn):
    with tempfile.TemporaryDirectory() as tmpd:
        with open(os.path.join(tmpd, "a.tml"), "w", encoding="utf-8") as f:
            f.write(TML)
        return timeml.score_directory(tmpd, lambda text, dct: pred_fn(text, dct))


def test_perfect_tagger_scores_one():
    def tag(text, dct):
        assert dct == "1998-08-11"
        out = []
        for s, ty, v in (("Monday", "DATE", "1998-08-10"), ("two weeks", "DURATION", "P2W"),
                         ("today", "DATE", "1998-08-11")):
            b, e = _span(text, s)
            out.append({"start": b, "end": e, "type": ty, "value": v})
        return out
    o = _score_via_tag(tag)["overall"]
    for k in ("strict", "relaxed", "value", "type"):
        assert o[k]["f1"] == 1.0, (k, o)


def test_partial_extent_wrong_value_and_spurious():
    def tag(text, dct):
        b, e = _span(text, "two weeks")
        m, me = _span(text, "Monday")
        v, ve = _span(text, "votes")
        return [{"start": m, "end": me, "type": "DATE", "value": "1998-08-03"},   # wrong value
                {"start": b + 4, "end": e, "type": "DURATION", "value": "P2W"},   # relaxed only
                {"start": v, "end": ve, "type": "DATE", "value": "1998"}]         # spurious
    r = _score_via_tag(tag)
    o = r["overall"]
    assert o["gold"] == 3 and o["pred"] == 3
    assert abs(o["strict"]["p"] - 1 / 3) < 1e-3 and abs(o["strict"]["r"] - 1 / 3) < 1e-3
    assert abs(o["relaxed"]["p"] - 2 / 3) < 1e-3 and abs(o["relaxed"]["r"] - 2 / 3) < 1e-3
    assert abs(o["value"]["f1"] - 1 / 3) < 1e-3          # only "weeks" has the right value
    assert abs(o["type"]["f1"] - 2 / 3) < 1e-3
    errs = r["errors"]
    assert len(errs["missed"]) == 1 and errs["missed"][0]["text"] == "today"
    assert len(errs["spurious"]) == 1
    assert len(errs["wrong_value"]) == 1
    assert "Overall".lower() in timeml.format_report(r).lower()


def test_full_tbaq_evaluation_floors(extractor):
    path = shared_path("data", "tempeval3", "TBAQ-cleaned")

    def tag(text, dct):
        return extractor.extract(text, dct=dct).timexes

    o = timeml.score_directory(str(path), tag)["overall"]
    # measured (docs/timex.md): relaxed 0.949, strict 0.896, value 0.837, type 0.920
    assert o["relaxed"]["f1"] >= 0.945, o
    assert o["strict"]["f1"] >= 0.89, o
    assert o["value"]["f1"] >= 0.835, o
    assert o["type"]["f1"] >= 0.915, o
