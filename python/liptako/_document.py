"""Typed results: Document, Entity, Timex, Event (the output-format contract).

The engine (python/src/bindings.cpp) builds these objects itself: the classes
are registered with it by liptako._extractor, and their fields must stay as the
binding fills them (it checks at registration). The classes are slotted where
Python allows it (3.10+): the binding then fills their slots directly.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

#: Result classes are slotted on Python 3.10+ (dataclass(slots=True)).
_SLOTS: Dict[str, Any] = {"slots": True} if sys.version_info >= (3, 10) else {}


@dataclass(frozen=True, **_SLOTS)
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


@dataclass(frozen=True, **_SLOTS)
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


@dataclass(frozen=True, **_SLOTS)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> Dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, **_SLOTS)
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


@dataclass(frozen=True, **_SLOTS)
class EventDate:
    value: str
    text: str
    source: str

    def to_dict(self) -> Dict[str, Any]:
        return {"value": self.value, "text": self.text, "source": self.source}


@dataclass(frozen=True, **_SLOTS)
class Event:
    """Who did what to whom, and when: one happening, merged over its mentions."""

    type: str
    cameo: str
    trigger: Span
    participants: List[Participant]
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


@dataclass(frozen=True, **_SLOTS)
class Dct:
    """The document creation time and where it came from (given, dateline, none)."""

    value: Optional[str]
    source: str

    def to_dict(self) -> Dict[str, Any]:
        return {"value": self.value, "source": self.source}


@dataclass(**_SLOTS)
class Document:
    """The result of extracting one text."""

    id: str
    text: str
    dct: Dct
    entities: List[Entity] = field(default_factory=list)
    timexes: List[Timex] = field(default_factory=list)
    events: List[Event] = field(default_factory=list)
    #: (start, end) of each sentence, in order; Entity.sentence indexes it.
    sentences: List[Tuple[int, int]] = field(default_factory=list)

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
