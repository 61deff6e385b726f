"""pandas views of liptako results: one row per mention, per event, per participant.

>>> import liptako
>>> docs = liptako.Extractor().extract_many(texts, ids=names)
>>> f = liptako.to_frames(docs)
>>> f.entities.head()          # one row per entity mention
>>> f.top_entities(5)          # the most mentioned entities of each label
>>> liptako.timeline(docs)     # dated events across documents, oldest first

Needs pandas (``pip install 'liptako[notebook]'``).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence,
                    Tuple, Union)

from ._document import Document, Event
from .errors import Error

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd  # type: ignore[import-untyped]

__all__ = ["Frames", "to_frames", "timeline", "date_key"]

# Column schemas: name -> kind. "str" columns may hold missing values (None/NaN).
# Every frame, empty or not, has exactly these columns with the same dtypes, so
# partitions computed anywhere (Dask workers) concatenate cleanly.
DOCUMENT_COLUMNS: Dict[str, str] = {
    "doc": "str", "dct": "str", "dct_source": "str", "chars": "int",
    "entities": "int", "timexes": "int", "events": "int", "error": "str",
}
ENTITY_COLUMNS: Dict[str, str] = {
    "doc": "str", "start": "int", "end": "int", "text": "str", "label": "str", "id": "str",
    "name": "str", "mention": "str", "source": "str", "title": "str", "sentence": "int",
    "sentence_text": "str",
}
TIMEX_COLUMNS: Dict[str, str] = {
    "doc": "str", "start": "int", "end": "int", "text": "str", "type": "str", "value": "str",
    "anchor": "str", "sentence": "int", "sentence_text": "str",
}
EVENT_COLUMNS: Dict[str, str] = {
    "doc": "str", "event": "int", "type": "str", "cameo": "str", "trigger": "str",
    "start": "int", "end": "int", "date": "str", "date_text": "str", "date_source": "str",
    "modality": "str", "mentions": "int", "participants": "str", "participant_ids": "str",
    "sentence": "int", "sentence_start": "int", "sentence_end": "int", "sentence_text": "str",
}
PARTICIPANT_COLUMNS: Dict[str, str] = {
    "doc": "str", "event": "int", "type": "str", "role": "str", "id": "str", "name": "str",
    "label": "str", "start": "int", "end": "int",
}
TIMELINE_COLUMNS: Dict[str, str] = {
    "when": "datetime", "date": "str", "type": "str", "cameo": "str", "participants": "str",
    "actors": "str", "targets": "str", "locations": "str", "trigger": "str", "modality": "str",
    "date_text": "str", "date_source": "str", "doc": "str", "event": "int", "sentence": "int",
    "sentence_text": "str",
}


def _pd() -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("liptako.frames needs pandas: pip install 'liptako[notebook]'") from e
    return pd


_STR_DTYPE: Any = None


def _str_dtype() -> Any:
    """The dtype pandas infers for text (object before pandas 3, ``str`` since)."""
    global _STR_DTYPE
    if _STR_DTYPE is None:
        _STR_DTYPE = _pd().Series(["x"]).dtype
    return _STR_DTYPE


def _frame(rows: Dict[str, List[Any]], schema: Dict[str, str]) -> "pd.DataFrame":
    pd = _pd()
    data = {}
    for name, kind in schema.items():
        values = rows.get(name, [])
        if kind == "int":
            data[name] = pd.Series(values, dtype="int64")
        elif kind == "datetime":
            data[name] = pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce")
        else:
            data[name] = pd.Series(values, dtype="object").astype(_str_dtype())
    return pd.DataFrame(data, columns=list(schema))


def _columns(schema: Dict[str, str]) -> Dict[str, List[Any]]:
    return {name: [] for name in schema}


# -- sentences -------------------------------------------------------------------

def _sentence_texts(doc: Document) -> List[str]:
    """The text of each sentence of ``doc``, sliced once for all its rows."""
    text = doc.text
    return [text[s:e] for s, e in doc.sentences]


def _mention_sentences(doc: Document, sentences: List[str], mentions: Sequence[Any]
                       ) -> List[str]:
    """Per mention, the text of its sentence (the mention's own text if its
    sentence index is out of range)."""
    n = len(sentences)
    return [sentences[m.sentence] if 0 <= m.sentence < n else doc.text[m.start:m.end]
            for m in mentions]


# -- dates -------------------------------------------------------------------------

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}


def date_key(value: Optional[str]) -> Optional[Any]:
    """A ``pandas.Timestamp`` for the start of a TIMEX3 date value, or None when the
    value is missing, underspecified (``XXXX-07``) or not a calendar date
    (``PAST_REF``, ``P2M``)."""
    if not value:
        return None
    pd = _pd()
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$", value)
    try:
        if m:
            y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
            return pd.Timestamp(int(y), int(mo), int(d))
        m = re.match(r"^(\d{4})-W(\d{2})(?:-(\d))?", value)
        if m:
            import datetime
            day = int(m.group(3)) if m.group(3) else 1
            return pd.Timestamp(datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)),
                                                              day))
        m = re.match(r"^(\d{4})-(?:Q(\d)|H(\d)|(SP|SU|FA|AU|WI))$", value)
        if m:
            y = int(m.group(1))
            if m.group(2):
                return pd.Timestamp(y, 3 * (int(m.group(2)) - 1) + 1, 1)
            if m.group(3):
                return pd.Timestamp(y, 6 * (int(m.group(3)) - 1) + 1, 1)
            return pd.Timestamp(y, _SEASON_MONTH[m.group(4)], 1)
        m = re.match(r"^(\d{3})X?$", value)  # decade, e.g. 199
        if m:
            return pd.Timestamp(int(m.group(1)) * 10, 1, 1)
    except ValueError:
        return None
    return None


# -- the frames --------------------------------------------------------------------


def _participants_text(ev: Event, roles: Optional[Sequence[str]] = None) -> str:
    return "; ".join(f"{p.name} ({p.role})" if roles is None else p.name
                     for p in ev.participants if roles is None or p.role in roles)


@dataclass
class Frames:
    """pandas DataFrames of a set of documents (see docs/notebooks.md).

    - ``documents``: one row per input (``error`` set when extraction failed);
    - ``entities``: one row per entity mention;
    - ``timexes``: one row per temporal expression;
    - ``events``: one row per event, participants flattened into ``participants``
      ("Mali (actor); Niger (target)") and ``participant_ids``;
    - ``participants``: one row per (event, participant) with its ``role``.
    """

    documents: "pd.DataFrame"
    entities: "pd.DataFrame"
    timexes: "pd.DataFrame"
    events: "pd.DataFrame"
    participants: "pd.DataFrame"

    def __iter__(self) -> Iterator["pd.DataFrame"]:
        return iter((self.documents, self.entities, self.timexes, self.events,
                     self.participants))

    def top_entities(self, n: int = 10, label: Optional[str] = None) -> "pd.DataFrame":
        """The ``n`` most mentioned entities of each label (or of one ``label``):
        columns label, id, name, mentions, documents."""
        pd = _pd()
        ents = self.entities
        if label is not None:
            ents = ents[ents["label"] == label]
        if ents.empty:
            return _frame({}, {"label": "str", "id": "str", "name": "str", "mentions": "int",
                               "documents": "int"})
        g = ents.groupby(["label", "id"], sort=False)
        out = pd.DataFrame({
            "name": g["name"].first(), "mentions": g.size(), "documents": g["doc"].nunique(),
        }).reset_index()
        out = out.sort_values(["label", "mentions", "documents", "id"],
                              ascending=[True, False, False, True], kind="stable")
        out = out.groupby("label", sort=False).head(n).reset_index(drop=True)
        return out[["label", "id", "name", "mentions", "documents"]]

    def summary(self) -> "pd.DataFrame":
        """Counts per kind and label: columns kind, label, mentions, distinct, documents."""
        rows: Dict[str, List[Any]] = {k: [] for k in ("kind", "label", "mentions", "distinct",
                                                      "documents")}
        for kind, frame, col, key in (("entity", self.entities, "label", "id"),
                                      ("timex", self.timexes, "type", "value"),
                                      ("event", self.events, "type", "date")):
            for label, part in frame.groupby(col, sort=True):
                rows["kind"].append(kind)
                rows["label"].append(label)
                rows["mentions"].append(len(part))
                rows["distinct"].append(int(part[key].nunique()))
                rows["documents"].append(int(part["doc"].nunique()))
        return _frame(rows, {"kind": "str", "label": "str", "mentions": "int",
                             "distinct": "int", "documents": "int"})

    def mentioning(self, *ids_or_names: str) -> "pd.Series":
        """Ids of the documents mentioning any of the given entity ids or names
        (case-insensitive), e.g. ``f.mentioning("country/MLI", "ECOWAS")``."""
        wanted = {s.casefold() for s in ids_or_names}
        e = self.entities
        hit = (e["id"].str.casefold().isin(wanted) | e["name"].str.casefold().isin(wanted)
               | e["text"].str.casefold().isin(wanted))
        return e.loc[hit, "doc"].drop_duplicates().reset_index(drop=True)

    def filter(self, docs: Iterable[str]) -> "Frames":
        """The same frames restricted to the given document ids."""
        keep = set(docs)
        return Frames(*(f[f["doc"].isin(keep)].reset_index(drop=True) for f in self))


DocLike = Union[Document, Error]


def _as_docs(docs: Union[Document, Iterable[DocLike]]) -> List[DocLike]:
    if isinstance(docs, Document):
        return [docs]
    return list(docs)


# The columns read straight off an Entity / a Timex: all but "doc" and "sentence_text".
_ENTITY_FIELDS = tuple(c for c in ENTITY_COLUMNS if c not in ("doc", "sentence_text"))
_TIMEX_FIELDS = tuple(c for c in TIMEX_COLUMNS if c not in ("doc", "sentence_text"))


def _extend_rows(columns: Dict[str, List[Any]], names: Iterable[str],
                 rows: Iterable[Tuple[Any, ...]]) -> None:
    """Appends rows (values in the order of ``names``) to the columns of those names."""
    for name, column in zip(names, zip(*rows)):
        columns[name].extend(column)


def _event_row(doc_id: str, i: int, ev: Event) -> Tuple[Any, ...]:
    """The EVENT_COLUMNS of event ``i`` of a document, in order."""
    d = ev.date
    return (doc_id, i, ev.type, ev.cameo, ev.trigger.text, ev.trigger.start, ev.trigger.end,
            d.value if d else None, d.text if d else None, d.source if d else None,
            ev.modality, ev.mentions, _participants_text(ev),
            "; ".join(p.id for p in ev.participants), ev.sentence_index, ev.sentence.start,
            ev.sentence.end, ev.sentence.text)


def to_frames(docs: Union[Document, Iterable[DocLike]]) -> Frames:
    """pandas DataFrames of documents (results of ``extract``/``extract_many``).

    Errors among the results (``extract_many(..., errors="return")``) become rows
    of ``documents`` with ``error`` set and contribute no mentions.
    """
    D, E, T = _columns(DOCUMENT_COLUMNS), _columns(ENTITY_COLUMNS), _columns(TIMEX_COLUMNS)
    V, P = _columns(EVENT_COLUMNS), _columns(PARTICIPANT_COLUMNS)
    for n, doc in enumerate(_as_docs(docs)):
        if isinstance(doc, Error):
            did = getattr(doc, "doc_id", None)
            _extend_rows(D, DOCUMENT_COLUMNS, [(str(did) if did is not None else f"#{n}", None,
                                                None, 0, 0, 0, 0, str(doc))])
            continue
        if not isinstance(doc, Document):
            raise TypeError(f"to_frames expects liptako Documents, not {type(doc).__name__}")
        entities, timexes, events = doc.entities, doc.timexes, doc.events
        _extend_rows(D, DOCUMENT_COLUMNS, [(doc.id, doc.dct.value, doc.dct.source, len(doc.text),
                                            len(entities), len(timexes), len(events), None)])
        sentences = _sentence_texts(doc) if entities or timexes else []
        for columns, fields, mentions in ((E, _ENTITY_FIELDS, entities),
                                          (T, _TIMEX_FIELDS, timexes)):
            if mentions:
                columns["doc"].extend([doc.id] * len(mentions))
                _extend_rows(columns, fields, map(operator.attrgetter(*fields), mentions))
                columns["sentence_text"].extend(_mention_sentences(doc, sentences, mentions))
        if events:
            _extend_rows(V, EVENT_COLUMNS,
                         [_event_row(doc.id, i, ev) for i, ev in enumerate(events)])
            _extend_rows(P, PARTICIPANT_COLUMNS, [
                (doc.id, i, ev.type, p.role, p.id, p.name, p.label, p.start, p.end)
                for i, ev in enumerate(events) for p in ev.participants])
    return Frames(_frame(D, DOCUMENT_COLUMNS), _frame(E, ENTITY_COLUMNS),
                  _frame(T, TIMEX_COLUMNS), _frame(V, EVENT_COLUMNS),
                  _frame(P, PARTICIPANT_COLUMNS))


def timeline(docs: Union[Document, Frames, "pd.DataFrame", Iterable[DocLike]]) -> "pd.DataFrame":
    """Events across documents sorted by date, oldest first.

    ``when`` is the start of the event's date as a Timestamp (``2023-W37`` -> the
    Monday of that week); events whose date is missing or underspecified
    (``XXXX-07``) have ``when`` NaT and come last, in document order, with their
    ``date`` kept as given. Accepts documents, :class:`Frames` or an events frame.
    """
    pd = _pd()
    if isinstance(docs, Frames):
        events, parts = docs.events, docs.participants
    elif isinstance(docs, pd.DataFrame):
        events, parts = docs, None
    else:
        f = to_frames(docs)
        events, parts = f.events, f.participants
    rows = _columns(TIMELINE_COLUMNS)
    by_role: Dict[Tuple[str, int], Dict[str, List[str]]] = {}
    if parts is not None:
        for doc, ev, role, name in zip(parts["doc"], parts["event"], parts["role"],
                                       parts["name"]):
            by_role.setdefault((doc, int(ev)), {}).setdefault(role, []).append(name)
    for r in events.itertuples(index=False):
        roles = by_role.get((r.doc, int(r.event)), {})
        date = r.date if isinstance(r.date, str) else None
        for k, v in (("when", date_key(date)), ("date", date), ("type", r.type),
                     ("cameo", r.cameo), ("participants", r.participants),
                     ("actors", "; ".join(roles.get("actor", []))),
                     ("targets", "; ".join(roles.get("target", []))),
                     ("locations", "; ".join(roles.get("location", []))),
                     ("trigger", r.trigger), ("modality", r.modality),
                     ("date_text", r.date_text), ("date_source", r.date_source),
                     ("doc", r.doc), ("event", r.event), ("sentence", r.sentence),
                     ("sentence_text", r.sentence_text)):
            rows[k].append(v)
    out = _frame(rows, TIMELINE_COLUMNS)
    out["_order"] = range(len(out))
    out = out.sort_values(["when", "_order"], na_position="last", kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)
