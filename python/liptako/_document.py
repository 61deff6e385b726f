"""Typed results: Document, Entity, Timex, Event (the output-format contract).

The engine (python/src/bindings.cpp) builds these objects itself: the classes
are registered with it by liptako._extractor, and their fields must stay as the
binding fills them (it checks at registration). The classes are slotted: the
binding fills their slots directly, running no Python code. A Document's lists
are built from the engine's result when first read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Generic, List, Optional, Tuple, TypeVar, overload


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a person, country, organization or place.

    ``text[start:end] == entity.text`` always holds for the document's text.
    """

    start: int
    end: int
    text: str
    label: str
    id: str
    name: str
    mention: str
    source: str
    sentence: int
    title: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        d = {
            "start": self.start, "end": self.end, "text": self.text, "label": self.label,
            "id": self.id, "name": self.name, "mention": self.mention, "source": self.source,
            "sentence": self.sentence,
        }
        if self.title:
            d["title"] = self.title
        return d


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression normalised as TimeML TIMEX3."""

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str
    sentence: int

    def to_dict(self) -> Dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "value": self.value, "anchor": self.anchor, "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> Dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    name: str
    label: str
    role: str
    start: int
    end: int

    def to_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "label": self.label, "role": self.role,
            "start": self.start, "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str
    text: str
    source: str

    def to_dict(self) -> Dict[str, Any]:
        return {"value": self.value, "text": self.text, "source": self.source}


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, and when: one happening, merged over its mentions."""

    type: str
    cameo: str
    trigger: Span
    participants: Tuple[Participant, ...]
    date: Optional[EventDate]
    sentence: Span
    sentence_index: int
    mentions: int
    modality: str

    def to_dict(self) -> Dict[str, Any]:
        return {
            "type": self.type, "cameo": self.cameo, "trigger": self.trigger.to_dict(),
            "participants": [p.to_dict() for p in self.participants],
            "date": self.date.to_dict() if self.date else None,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "sentence_index": self.sentence_index, "mentions": self.mentions,
            "modality": self.modality,
        }


@dataclass(frozen=True, slots=True)
class Dct:
    """The document creation time and where it came from (given, dateline, none)."""

    value: Optional[str]
    source: str

    def to_dict(self) -> Dict[str, Any]:
        return {"value": self.value, "source": self.source}


class _BuiltOnRead(Generic[T]):
    """A list of a Document, built from the engine's result when first read."""

    def __init__(self, slot: str) -> None:
        self._slot = slot

    @overload
    def __get__(self, doc: None, owner: type) -> "_BuiltOnRead[T]": ...
    @overload
    def __get__(self, doc: "Document", owner: type) -> T: ...

    def __get__(self, doc: Optional["Document"], owner: type) -> Any:
        if doc is None:
            return self
        if doc._pending is not None:
            doc._build()
        return getattr(doc, self._slot)

    def __set__(self, doc: "Document", value: T) -> None:
        doc._build()  # so that building later cannot overwrite the value set
        setattr(doc, self._slot, value)


class Document:
    """The result of extracting one text.

    A document from the engine builds its lists (entities, timexes, events,
    sentences) when one of them is first read, or when the document is
    compared, pickled or converted: until then it holds the engine's result.
    So extracting many texts never waits on Python objects nobody reads, and
    a document is built once even when threads read it at the same time.
    """

    __slots__ = ("id", "text", "dct", "_entities", "_timexes", "_events", "_sentences",
                 "_pending")

    entities: _BuiltOnRead[List[Entity]] = _BuiltOnRead("_entities")
    timexes: _BuiltOnRead[List[Timex]] = _BuiltOnRead("_timexes")
    events: _BuiltOnRead[List[Event]] = _BuiltOnRead("_events")
    #: (start, end) of each sentence, in order; Entity.sentence indexes it.
    sentences: _BuiltOnRead[List[Tuple[int, int]]] = _BuiltOnRead("_sentences")

    def __init__(self, id: str, text: str, dct: Dct, entities: Optional[List[Entity]] = None,
                 timexes: Optional[List[Timex]] = None, events: Optional[List[Event]] = None,
                 sentences: Optional[List[Tuple[int, int]]] = None) -> None:
        self.id = id
        self.text = text
        self.dct = dct
        self._entities = [] if entities is None else entities
        self._timexes = [] if timexes is None else timexes
        self._events = [] if events is None else events
        self._sentences = [] if sentences is None else sentences
        self._pending: Any = None  # the engine's result (liptako._core), until built

    def _build(self) -> None:
        pending = self._pending
        if pending is not None:
            # take() returns the same lists to every caller: threads racing here agree.
            self._entities, self._timexes, self._events, self._sentences = pending.take()
            self._pending = None

    def _state(self) -> Tuple[Any, ...]:
        self._build()
        return (self.id, self.text, self.dct, self._entities, self._timexes, self._events,
                self._sentences)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._state() == other._state()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __getstate__(self) -> Tuple[Any, ...]:
        return self._state()

    def __setstate__(self, state: Tuple[Any, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def to_dict(self, *, include_text: bool = False) -> Dict[str, Any]:
        """The document in the JSON output format (docs/output-format.md)."""
        d: Dict[str, Any] = {
            "id": self.id,
            "dct": self.dct.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
            "sentences": [{"start": s, "end": e} for s, e in self.sentences],
        }
        if include_text:
            d["text"] = self.text
        return d

    def to_json(self, *, include_text: bool = False, indent: Optional[int] = None) -> str:
        return json.dumps(self.to_dict(include_text=include_text), ensure_ascii=False,
                          indent=indent)

    # -- notebook display (liptako.display) ------------------------------------------

    def _repr_html_(self) -> str:
        """The article with its mentions highlighted, for Jupyter."""
        from .display import render_html
        return render_html(self)

    def __repr__(self) -> str:
        return (f"Document(id={self.id!r}, dct={self.dct.value!r}, entities={len(self.entities)}, "
                f"timexes={len(self.timexes)}, events={len(self.events)})")
