#!/usr/bin/env python3
"""Dates side by side: liptako vs dateparser's search_dates vs datefinder.

    .venv/bin/python benchmarks/bench_dates.py [--limit N]

Texts: the TempEval-3 TBAQ-cleaned TimeML documents when ../shared exists (scored
against their TIMEX3 gold), else examples/corpus/*.txt (throughput only). Every
system gets the same texts and the document creation time (DCT) as its base date.

Throughput: documents/s and MB/s of UTF-8 text, timing the call only (liptako: the
dates-only Extractor, and the full one with people/places/organisations/events too).

Scores (TempEval-3 style, liptako.evaluation.timeml): dateparser and datefinder return
(string, datetime) pairs; each string is mapped to its first occurrence in the text at
or after the previous one (else anywhere), which gives the extent; the value is the
datetime's ISO day (YYYY-MM-DD) and the type DATE. A gold value that is a year, a month,
a week or a duration therefore never matches their value: that is their actual output
precision, so the value column is comparable only as "how often the value is right".

Prints a markdown table and writes benchmarks/out/dates.json.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import sys
import time
import warnings
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

import liptako
from liptako.evaluation import timeml

ROOT = Path(__file__).resolve().parent.parent
SHARED_TBAQ = ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
CORPUS = ROOT / "examples" / "corpus"
OUT = ROOT / "benchmarks" / "out" / "dates.json"

Doc = Dict[str, object]  # {"name", "text", "dct", "timexes" (gold, or None)}


def load_docs(limit: Optional[int]) -> Tuple[str, List[Doc]]:
    if SHARED_TBAQ.exists():
        docs = timeml.load_directory(str(SHARED_TBAQ))
        src = "TBAQ-cleaned (TimeBank + AQUAINT)"
    else:
        docs = [{"name": p.name, "text": p.read_text(encoding="utf-8"), "dct": None, "timexes": None}
                for p in sorted(CORPUS.glob("*.txt"))]
        src = "examples/corpus"
    return src, docs[:limit] if limit else docs


def _spans(text: str, found: List[Tuple[str, _dt.datetime]]) -> List[dict]:
    out, pos = [], 0
    for s, d in found:
        if not s or d is None:
            continue
        b = text.find(s, pos)
        if b < 0:
            b = text.find(s)
        if b < 0:
            continue
        pos = b + 1
        out.append({"start": b, "end": b + len(s), "type": "DATE",
                    "value": "%04d-%02d-%02d" % (d.year, d.month, d.day)})
    return out


def _base(dct: Optional[str]) -> _dt.datetime:
    if dct:
        return _dt.datetime.strptime(dct, "%Y-%m-%d")
    return _dt.datetime(2024, 1, 1)


def make_systems() -> Dict[str, Callable[[str, Optional[str]], List]]:
    systems: Dict[str, Callable[[str, Optional[str]], List]] = {}
    # The dates-only extractor (stages: timexes) is what a user who wants dates runs;
    # the full pipeline (names and events too) is shown beside it.
    dates = liptako.Extractor({"options": {"stages": ["timexes"]}})
    full = liptako.Extractor()
    for ex in (dates, full):
        ex.extract("Warm-up on Monday, March 3, 2019.", dct="2019-03-04")
    version = getattr(liptako, "__version__", "")
    systems["liptako %s (dates only)" % version] = \
        lambda text, dct: dates.extract(text, dct=dct).timexes
    systems["liptako %s (full pipeline)" % version] = \
        lambda text, dct: full.extract(text, dct=dct).timexes
    try:
        import dateparser
        from dateparser.search import search_dates

        def dp(text: str, dct: Optional[str]) -> List[dict]:
            found = search_dates(text, languages=["en"], settings={
                "RELATIVE_BASE": _base(dct), "PREFER_DATES_FROM": "past"}) or []
            return _spans(text, found)
        systems["dateparser %s search_dates" % dateparser.__version__] = dp
    except ImportError:
        print("dateparser not installed: pip install dateparser", file=sys.stderr)
    try:
        import datefinder

        def df(text: str, dct: Optional[str]) -> List[dict]:
            found = [(s, d) for d, s in datefinder.find_dates(text, source=True,
                                                               base_date=_base(dct))]
            return _spans(text, found)
        systems["datefinder %s" % getattr(datefinder, "__version__", "")] = df
    except ImportError:
        print("datefinder not installed: pip install datefinder", file=sys.stderr)
    return systems


def run(limit: Optional[int]) -> dict:
    src, docs = load_docs(limit)
    nbytes = sum(len(str(d["text"]).encode("utf-8")) for d in docs)
    results = {"corpus": src, "documents": len(docs), "bytes": nbytes,
               "python": platform.python_version(), "machine": platform.machine(),
               "cpus": os.cpu_count(), "value_note":
               "dateparser/datefinder: extent = the returned string located in the text, "
               "value = ISO day of the returned datetime, type DATE", "systems": {}}
    for name, tag in make_systems().items():
        preds: Dict[str, List] = {}
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for d in docs:
                try:
                    preds[str(d["name"])] = tag(str(d["text"]), d["dct"])  # type: ignore[arg-type]
                except Exception as e:  # a peer crashing on one text is a result, not a stop
                    preds[str(d["name"])] = []
                    print("%s failed on %s: %s" % (name, d["name"], e), file=sys.stderr)
        secs = time.perf_counter() - t0
        row = {"seconds": round(secs, 3), "docs_per_s": round(len(docs) / secs, 1),
               "mb_per_s": round(nbytes / secs / 1e6, 3),
               "found": sum(len(v) for v in preds.values())}
        if docs and docs[0].get("timexes") is not None:
            o = _score(docs, preds)["overall"]
            row.update({"strict_f1": o["strict"]["f1"], "relaxed_f1": o["relaxed"]["f1"],
                        "value_f1": o["value"]["f1"], "type_f1": o["type"]["f1"]})
        results["systems"][name] = row
    return results


def _score(docs: List[Doc], preds: Dict[str, List]) -> dict:
    """Scores stored predictions with the same evaluator as `liptako eval timeml`."""
    queue = iter([preds[str(d["name"])] for d in docs])
    return timeml.score_documents(docs, lambda text, dct: next(queue))


def table(r: dict) -> str:
    lines = ["%d documents (%s, %.2f MB), Python %s, %s CPUs" % (
        r["documents"], r["corpus"], r["bytes"] / 1e6, r["python"], r["cpus"]), "",
        "| system | docs/s | MB/s | found | strict F1 | relaxed F1 | value F1 | type F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, s in r["systems"].items():
        lines.append("| %s | %.1f | %.3f | %d | %s | %s | %s | %s |" % (
            name, s["docs_per_s"], s["mb_per_s"], s["found"],
            *(("%.3f" % s[k]) if k in s else "-" for k in
              ("strict_f1", "relaxed_f1", "value_f1", "type_f1"))))
    names = list(r["systems"])
    if len(names) > 1:
        base = r["systems"][names[0]]["docs_per_s"]
        lines.append("")
        for n in names[1:]:
            if n.startswith("liptako"):
                continue
            lines.append("liptako (dates only) / %s throughput: %.1fx"
                         % (n, base / r["systems"][n]["docs_per_s"]))
    lines.append("")
    lines.append("Values: " + r["value_note"] + ".")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    a = ap.parse_args()
    r = run(a.limit)
    print(table(r))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(r, indent=2), encoding="utf-8")
    print("\nwrote", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
