"""Document-level scoring against the dev-gold JSON files (see eval/FORMAT.md).

Each gold file ``<stem>.json`` lists, per document, what a reader expects the
extractor to report: entities, timex values and events, not mentions.

``score_documents(predicted, gold_dir)`` takes documents in the liptako output
layout (``Document.to_dict()`` / one line of ``liptako extract``) and returns
precision, recall and F1 per kind (``entities``, ``timexes``, ``events``),
micro-averaged over documents (true/false positives and misses are summed over
documents, then P/R/F1 computed once), plus a per-document breakdown with the
misses and spurious items. ``format_report(result)`` renders it as text.

Matching rules (FORMAT.md):

* Names are compared case-, accent- and punctuation-insensitively: case-folded,
  accents stripped (NFKD, combining marks dropped), everything that is not a
  letter or digit removed (``al-Qaeda`` = ``Al Qaeda`` = ``al qaeda``).
* Entities: labels PERSON, COUNTRY and ORG are scored (LOCATION and user labels
  are informative only). Predicted mentions are grouped per document by label
  and id (by name when there is no id). A group counts for a gold entity when
  the label matches and the canonical name or the text of any of its mentions
  equals the gold name or an alias. A group matching an ``optional`` entry, or
  a gold entry another group already matched, is neither right nor wrong; a
  group matching nothing is spurious.
* Timexes: unique values per document. REF values (``PRESENT_REF`` ...) and
  durations (``P...``, type DURATION) are informative only, on both sides;
  optional gold values are neither required nor wrong when predicted.
* Events: a gold event is found by a predicted event of the same type sharing
  at least one participant and, when the gold gives a date, with the same date
  value. Participants are compared by name: a gold participant stands for the
  names and aliases of the gold entity it names; a predicted participant for
  its ``name`` and the texts of the document's entities with its ``id``. A
  predicted event matching only events already found (repeated mentions) or
  only optional events is neither right nor wrong; one matching nothing is
  spurious. Predicted events whose ``modality`` is present and not
  ``asserted`` are ignored (the default output filters them too).
* Only documents present both in ``predicted`` and in ``gold_dir`` are
  scored; the others are listed under ``unscored_predicted`` and
  ``unscored_gold``.

Pure standard library.
"""

from __future__ import annotations

import json
import os
import unicodedata
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

SCORED_ENTITY_LABELS = ("PERSON", "COUNTRY", "ORG")
KINDS = ("entities", "timexes", "events")

__all__ = ["normalize", "load_gold", "score_document", "score_documents", "format_report"]


def normalize(name: Optional[str]) -> str:
    """Comparison key: case-folded, accents stripped, only letters and digits kept."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(
        ch for ch in decomposed if not unicodedata.combining(ch) and ch.isalnum()
    )


def load_gold(gold_dir: str) -> Dict[str, Dict[str, Any]]:
    """Reads every ``*.json`` of ``gold_dir``; keys are the document ids (``doc``)."""
    gold: Dict[str, Dict[str, Any]] = {}
    for fname in sorted(os.listdir(gold_dir)):
        if not fname.endswith(".json"):
            continue
        with open(os.path.join(gold_dir, fname), encoding="utf-8") as fh:
            doc = json.load(fh)
        doc_id = doc.get("doc") or fname[: -len(".json")] + ".txt"
        gold[doc_id] = doc
    return gold


def _is_informative_timex(value: str, type_: Optional[str] = None) -> bool:
    return (
        not value
        or "_REF" in value
        or value.startswith("P")
        or (type_ or "").upper() == "DURATION"
    )


def _counts() -> Dict[str, int]:
    return {"tp": 0, "fp": 0, "fn": 0}


def _prf(c: Dict[str, int]) -> Dict[str, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _gold_name_keys(entry: Dict[str, Any]) -> Set[str]:
    keys = {normalize(entry.get("name"))}
    keys.update(normalize(a) for a in entry.get("aliases") or [])
    keys.discard("")
    return keys


def _score_entities(pred: Dict[str, Any], gold: Dict[str, Any]) -> Dict[str, Any]:
    gold_entries = [
        e for e in gold.get("entities") or [] if e.get("label") in SCORED_ENTITY_LABELS
    ]
    gold_keys = [_gold_name_keys(e) for e in gold_entries]
    # Group predicted mentions by (label, id) or (label, name key).
    groups: Dict[Tuple[str, str], Dict[str, Any]] = {}
    for ent in pred.get("entities") or []:
        label = ent.get("label")
        if label not in SCORED_ENTITY_LABELS:
            continue
        key = (label, ent.get("id") or "name:" + normalize(ent.get("name") or ent.get("text")))
        g = groups.setdefault(key, {"label": label, "name": ent.get("name") or ent.get("text"),
                                    "keys": set()})
        for k in (normalize(ent.get("name")), normalize(ent.get("text"))):
            if k:
                g["keys"].add(k)
    found = [False] * len(gold_entries)
    spurious: List[str] = []
    for g in groups.values():
        hits = [
            i for i, e in enumerate(gold_entries)
            if e.get("label") == g["label"] and g["keys"] & gold_keys[i]
        ]
        if not hits:
            spurious.append(f"{g['label']} {g['name']}")
            continue
        required = [i for i in hits if not gold_entries[i].get("optional")]
        for i in required:
            found[i] = True
    c = _counts()
    missed: List[str] = []
    for i, e in enumerate(gold_entries):
        if e.get("optional"):
            continue
        if found[i]:
            c["tp"] += 1
        else:
            c["fn"] += 1
            missed.append(f"{e.get('label')} {e.get('name')}")
    c["fp"] = len(spurious)
    return {"counts": c, "missed": missed, "spurious": spurious}


def _score_timexes(pred: Dict[str, Any], gold: Dict[str, Any]) -> Dict[str, Any]:
    required: Set[str] = set()
    optional: Set[str] = set()
    for t in gold.get("timexes") or []:
        v = t.get("value") or ""
        if _is_informative_timex(v, t.get("type")):
            continue
        (optional if t.get("optional") else required).add(v)
    optional -= required
    predicted: Set[str] = set()
    for t in pred.get("timexes") or []:
        v = t.get("value") or ""
        if not _is_informative_timex(v, t.get("type")):
            predicted.add(v)
    c = _counts()
    c["tp"] = len(predicted & required)
    missed = sorted(required - predicted)
    spurious = sorted(predicted - required - optional)
    c["fn"] = len(missed)
    c["fp"] = len(spurious)
    return {"counts": c, "missed": missed, "spurious": spurious}


def _describe_event(ev: Dict[str, Any], names: Iterable[str]) -> str:
    date = ev.get("date")
    if isinstance(date, dict):
        date = date.get("value")
    return f"{ev.get('type')} [{', '.join(names)}] date={date}"


def _score_events(pred: Dict[str, Any], gold: Dict[str, Any]) -> Dict[str, Any]:
    # Alias sets of the gold entities, so that a gold participant name stands for its aliases.
    alias_sets = [_gold_name_keys(e) for e in gold.get("entities") or []]

    def gold_participant_keys(name: str) -> Set[str]:
        k = normalize(name)
        out = {k}
        for s in alias_sets:
            if k in s:
                out |= s
        out.discard("")
        return out

    # Texts of the predicted entities per id, so that a participant also stands for its mentions.
    texts_by_id: Dict[str, Set[str]] = {}
    for ent in pred.get("entities") or []:
        eid = ent.get("id")
        if not eid:
            continue
        s = texts_by_id.setdefault(eid, set())
        for k in (normalize(ent.get("name")), normalize(ent.get("text"))):
            if k:
                s.add(k)

    gold_events = list(gold.get("events") or [])
    gold_sets = [
        set().union(*[gold_participant_keys(p) for p in ev.get("participants") or []])
        if ev.get("participants") else set()
        for ev in gold_events
    ]
    found = [False] * len(gold_events)
    spurious: List[str] = []
    for ev in pred.get("events") or []:
        modality = ev.get("modality")
        if modality is not None and modality != "asserted":
            continue
        keys: Set[str] = set()
        names: List[str] = []
        for p in ev.get("participants") or []:
            names.append(p.get("name") or p.get("id") or "?")
            k = normalize(p.get("name"))
            if k:
                keys.add(k)
            keys |= texts_by_id.get(p.get("id") or "", set())
        date = ev.get("date")
        date_value = date.get("value") if isinstance(date, dict) else date
        hits = []
        for i, g in enumerate(gold_events):
            if g.get("type") != ev.get("type") or not (keys & gold_sets[i]):
                continue
            if g.get("date") is not None and g.get("date") != date_value:
                continue
            hits.append(i)
        if not hits:
            spurious.append(_describe_event(ev, names))
            continue
        # Prefer a required gold event not found yet, dated ones first (they are more specific).
        fresh = [i for i in hits if not found[i] and not gold_events[i].get("optional")]
        if fresh:
            fresh.sort(key=lambda i: gold_events[i].get("date") is None)
            found[fresh[0]] = True
    c = _counts()
    missed: List[str] = []
    for i, g in enumerate(gold_events):
        if g.get("optional"):
            continue
        if found[i]:
            c["tp"] += 1
        else:
            c["fn"] += 1
            missed.append(_describe_event(g, g.get("participants") or []))
    c["fp"] = len(spurious)
    return {"counts": c, "missed": missed, "spurious": spurious}


def score_document(pred: Dict[str, Any], gold: Dict[str, Any]) -> Dict[str, Any]:
    """Scores one predicted document against one gold document."""
    return {
        "entities": _score_entities(pred, gold),
        "timexes": _score_timexes(pred, gold),
        "events": _score_events(pred, gold),
    }


def score_documents(predicted: List[Dict[str, Any]], gold_dir: str) -> Dict[str, Any]:
    """Scores predicted documents against the gold files of ``gold_dir``.

    Returns ``{"entities": {...}, "timexes": {...}, "events": {...}, "documents": {...},
    "unscored_predicted": [...], "unscored_gold": [...]}`` where each kind holds
    ``precision``, ``recall``, ``f1``, ``tp``, ``fp``, ``fn`` (micro-averaged) and each
    document entry holds, per kind, its counts, ``missed`` and ``spurious`` items.
    """
    gold = load_gold(gold_dir)
    totals = {k: _counts() for k in KINDS}
    documents: Dict[str, Any] = {}
    seen: Set[str] = set()
    unscored_predicted: List[str] = []
    for doc in predicted:
        doc_id = os.path.basename(str(doc.get("id") or ""))
        if doc_id not in gold:
            unscored_predicted.append(doc_id)
            continue
        seen.add(doc_id)
        res = score_document(doc, gold[doc_id])
        documents[doc_id] = res
        for k in KINDS:
            for field in ("tp", "fp", "fn"):
                totals[k][field] += res[k]["counts"][field]
    result: Dict[str, Any] = {k: _prf(totals[k]) for k in KINDS}
    result["documents"] = documents
    result["unscored_predicted"] = unscored_predicted
    result["unscored_gold"] = sorted(set(gold) - seen)
    return result


def format_report(result: Dict[str, Any]) -> str:
    """A plain-text report: totals per kind, then each document's misses and spurious items."""
    lines = []
    for k in KINDS:
        r = result[k]
        lines.append(
            f"{k:9s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
            f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})"
        )
    for doc_id in sorted(result.get("documents", {})):
        res = result["documents"][doc_id]
        lines.append(f"\n== {doc_id}")
        for k in KINDS:
            c = res[k]["counts"]
            lines.append(f"  {k}: tp={c['tp']} fp={c['fp']} fn={c['fn']}")
            for item in res[k]["missed"]:
                lines.append(f"    missed:   {item}")
            for item in res[k]["spurious"]:
                lines.append(f"    spurious: {item}")
    if result.get("unscored_predicted"):
        lines.append("\nno gold for: " + ", ".join(result["unscored_predicted"]))
    if result.get("unscored_gold"):
        lines.append("not predicted: " + ", ".join(result["unscored_gold"]))
    return "\n".join(lines)
