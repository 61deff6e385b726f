"""TempEval-3 style evaluation of temporal expressions against TimeML files.

Reads every ``.tml`` file under a directory, rebuilds the plain text of the
``<TEXT>`` element (tags stripped, XML entities decoded), collects the gold
TIMEX3 spans as code-point offsets into that text, takes the document creation
time (DCT) from the TIMEX3 with ``functionInDocument="CREATION_TIME"`` and
scores a tagger:

* extent: strict (same offsets) and relaxed (overlap) precision/recall/F1;
* value and type: over relaxed matches; a match with the right value counts
  as correct, precision = correct / predicted, recall = correct / gold (the
  TempEval-3 "value F1" / "type F1");
* overall and per type (recall over gold of that type, precision over
  predictions of that type).

The DCT timex itself is not scored (TempEval-3 convention).

``tag(text, dct)`` receives the TEXT content and the DCT as ``YYYY-MM-DD`` (or
None) and returns objects or dicts with ``start``, ``end`` (code-point
offsets), ``type`` and ``value``.

Pure standard library.
"""

from __future__ import annotations

import html
import os
import re
from collections import defaultdict
from typing import Any, Callable, Dict, Iterable, List, Optional

_TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_:]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR_RE = re.compile(r"([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*(\"[^\"]*\"|'[^']*')")
_TEXT_RE = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
_DATE_RE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")

TYPES = ("DATE", "TIME", "DURATION", "SET")


def _attrs(s: str) -> Dict[str, str]:
    return {k: html.unescape(v[1:-1]) for k, v in _ATTR_RE.findall(s)}


def _iso_dct(value: str) -> Optional[str]:
    m = _DATE_RE.match(value or "")
    if not m:
        return None
    return "%s-%s-%s" % m.groups()


def parse_tml(raw: str) -> Dict[str, Any]:
    """Parses one TimeML document: {'text', 'dct', 'timexes': [{start,end,type,value,text}]}."""
    dct = None
    dct_tid = None
    for m in _TAG_RE.finditer(raw):
        if m.group(1) == "" and m.group(2) == "TIMEX3":
            a = _attrs(m.group(3))
            if a.get("functionInDocument") == "CREATION_TIME":
                dct = _iso_dct(a.get("value", ""))
                dct_tid = a.get("tid")
                break
    tm = _TEXT_RE.search(raw)
    body = tm.group(1) if tm else ""
    out: List[str] = []
    length = 0
    timexes: List[Dict[str, Any]] = []
    stack: List[Dict[str, Any]] = []
    pos = 0
    for m in _TAG_RE.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, rest = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if closing:
            if stack:
                t = stack.pop()
                t["end"] = length
                timexes.append(t)
        elif rest.rstrip().endswith("/"):
            continue  # empty (non-consuming) TIMEX3
        else:
            a = _attrs(rest)
            stack.append({"start": length, "type": a.get("type", ""), "value": a.get("value", ""),
                          "tid": a.get("tid"),
                          "dct": a.get("functionInDocument") == "CREATION_TIME"})
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    text = "".join(out)
    gold = []
    for t in sorted(timexes, key=lambda t: (t["start"], t["end"])):
        if t["dct"] or (dct_tid is not None and t["tid"] == dct_tid):
            continue
        t["text"] = text[t["start"]:t["end"]]
        del t["dct"]
        gold.append(t)
    return {"text": text, "dct": dct, "timexes": gold}


def _get(o: Any, k: str) -> Any:
    return o[k] if isinstance(o, dict) else getattr(o, k)


def _norm_pred(preds: Iterable[Any], text: str) -> List[Dict[str, Any]]:
    res = []
    for p in preds:
        s, e = int(_get(p, "start")), int(_get(p, "end"))
        res.append({"start": s, "end": e, "type": str(_get(p, "type")),
                    "value": str(_get(p, "value")), "text": text[s:e]})
    res.sort(key=lambda t: (t["start"], t["end"]))
    return res


def _match(gold: List[Dict[str, Any]], pred: List[Dict[str, Any]]):
    """One-to-one relaxed matching (overlap), preferring exact then largest overlap."""
    cands = []
    j0 = 0
    for gi, g in enumerate(gold):
        while j0 < len(pred) and pred[j0]["end"] <= g["start"]:
            j0 += 1
        j = j0
        while j < len(pred) and pred[j]["start"] < g["end"]:
            p = pred[j]
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                exact = g["start"] == p["start"] and g["end"] == p["end"]
                cands.append((not exact, -ov, gi, j))
            j += 1
        # predictions starting before g but long enough to overlap
        j = j0 - 1
        while j >= 0 and j >= j0 - 3:
            p = pred[j]
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((True, -ov, gi, j))
            j -= 1
    cands.sort()
    gm: Dict[int, int] = {}
    pm: Dict[int, int] = {}
    for _, _, gi, pj in cands:
        if gi in gm or pj in pm:
            continue
        gm[gi] = pj
        pm[pj] = gi
    return gm


class _Counts:
    def __init__(self) -> None:
        self.gold = 0
        self.pred = 0
        self.strict = 0
        self.relaxed = 0
        self.value = 0
        self.type = 0
        # per-type tables: matches counted by predicted type (precision side)
        self.p_strict = self.p_relaxed = self.p_value = self.p_type = -1

    def as_dict(self) -> Dict[str, Any]:
        def prf(tp: int, ptp: int = -1) -> Dict[str, float]:
            ptp = tp if ptp < 0 else ptp
            p = ptp / self.pred if self.pred else 0.0
            r = tp / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
        return {
            "gold": self.gold, "pred": self.pred,
            "strict": prf(self.strict, self.p_strict), "relaxed": prf(self.relaxed, self.p_relaxed),
            "value": prf(self.value, self.p_value), "type": prf(self.type, self.p_type),
            "value_accuracy": round(self.value / self.relaxed, 4) if self.relaxed else 0.0,
            "type_accuracy": round(self.type / self.relaxed, 4) if self.relaxed else 0.0,
        }


def score_documents(docs: Iterable[Dict[str, Any]],
                    tag: Callable[[str, Optional[str]], List[Any]]) -> Dict[str, Any]:
    overall = _Counts()
    def _typed() -> _Counts:
        c = _Counts()
        c.p_strict = c.p_relaxed = c.p_value = c.p_type = 0
        return c
    per_type: Dict[str, _Counts] = defaultdict(_typed)
    errors: Dict[str, List[Dict[str, Any]]] = {"missed": [], "spurious": [], "wrong_value": [],
                                               "wrong_type": [], "partial": []}
    ndocs = 0
    for doc in docs:
        ndocs += 1
        text, gold = doc["text"], doc["timexes"]
        pred = _norm_pred(tag(text, doc["dct"]), text)
        gm = _match(gold, pred)
        matched_pred = set(gm.values())
        overall.gold += len(gold)
        overall.pred += len(pred)
        for p in pred:
            per_type[p["type"]].pred += 1
        for gi, g in enumerate(gold):
            c = per_type[g["type"]]
            c.gold += 1
            ctx = text[max(0, g["start"] - 40):g["end"] + 40].replace("\n", " ")
            if gi not in gm:
                errors["missed"].append({"doc": doc.get("name"), "dct": doc["dct"],
                                         "text": g["text"],
                                         "type": g["type"], "value": g["value"], "context": ctx})
                continue
            p = pred[gm[gi]]
            strict = p["start"] == g["start"] and p["end"] == g["end"]
            vok = p["value"] == g["value"]
            tok = p["type"] == g["type"]
            for cnt in (overall, c):
                cnt.relaxed += 1
                cnt.strict += strict
                cnt.value += vok
                cnt.type += tok
            # precision side of the per-type table: by predicted type
            pc = per_type[p["type"]]
            pc.p_relaxed += 1
            pc.p_strict += strict
            pc.p_value += vok
            pc.p_type += tok
            info = {"doc": doc.get("name"), "dct": doc["dct"], "text": g["text"],
                    "pred_text": p["text"],
                    "type": g["type"], "pred_type": p["type"], "value": g["value"],
                    "pred_value": p["value"], "context": ctx}
            if not strict:
                errors["partial"].append(info)
            if not vok:
                errors["wrong_value"].append(info)
            if not tok:
                errors["wrong_type"].append(info)
        for pj, p in enumerate(pred):
            if pj not in matched_pred:
                errors["spurious"].append({"doc": doc.get("name"), "dct": doc["dct"],
                                           "text": p["text"],
                                           "type": p["type"], "value": p["value"],
                                           "context": text[max(0, p["start"] - 40):p["end"] + 40]
                                           .replace("\n", " ")})
    per = {}
    for t in sorted(per_type):
        d = per_type[t].as_dict()
        per[t] = d
    return {"documents": ndocs, "overall": overall.as_dict(), "per_type": per, "errors": errors}


def load_directory(path: str) -> List[Dict[str, Any]]:
    docs = []
    for root, _dirs, files in os.walk(path):
        for f in sorted(files):
            if not f.endswith(".tml"):
                continue
            full = os.path.join(root, f)
            with open(full, encoding="utf-8") as fh:
                d = parse_tml(fh.read())
            d["name"] = os.path.relpath(full, path)
            docs.append(d)
    docs.sort(key=lambda d: d["name"])
    return docs


def score_directory(path: str, tag: Callable[[str, Optional[str]], List[Any]]) -> Dict[str, Any]:
    """Scores `tag` on every .tml file under `path` (recursively)."""
    return score_documents(load_directory(path), tag)


def format_report(result: Dict[str, Any]) -> str:
    def row(name: str, d: Dict[str, Any]) -> str:
        return ("%-10s %5d %5d | %.3f %.3f %.3f | %.3f %.3f %.3f | %.3f %.3f" % (
            name, d["gold"], d["pred"], d["strict"]["p"], d["strict"]["r"], d["strict"]["f1"],
            d["relaxed"]["p"], d["relaxed"]["r"], d["relaxed"]["f1"], d["value"]["f1"],
            d["type"]["f1"]))
    lines = ["TimeML evaluation: %d documents" % result["documents"],
             "%-10s %5s %5s | %-17s | %-17s | %-5s %-5s" % ("", "gold", "pred", "strict P R F1",
                                                           "relaxed P R F1", "valF1", "typeF1"),
             row("overall", result["overall"])]
    for t, d in result["per_type"].items():
        lines.append(row(t, d))
    o = result["overall"]
    lines.append("value accuracy on relaxed matches: %.3f, type accuracy: %.3f"
                 % (o["value_accuracy"], o["type_accuracy"]))
    e = result.get("errors", {})
    if e:
        lines.append("errors: " + ", ".join("%s=%d" % (k, len(v)) for k, v in e.items()))
    return "\n".join(lines)
