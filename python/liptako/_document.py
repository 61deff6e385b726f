"""Typed results: Document, Entity, Timex, Event (the output-format contract)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> Dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class EventDate:
    value: str
    text: str
    source: str

    def to_dict(self) -> Dict[str, Any]:
        return {"value": self.value, "text": self.text, "source": self.source}


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Dct:
    """The document creation time and where it came from (given, dateline, none)."""

    value: Optional[str]
    source: str

    def to_dict(self) -> Dict[str, Any]:
        return {"value": self.value, "source": self.source}


@dataclass
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

    @classmethod
    def _from_core(cls, raw: Dict[str, Any], text: str) -> "Document":
        # Mention texts are sliced from the Python str so that they are exact
        # even for lone surrogates, which JSON cannot carry.
        def sl(d: Dict[str, Any]) -> str:
            return text[d["start"]:d["end"]]

        entities = [
            Entity(e["start"], e["end"], sl(e), e["label"], e["id"], e["name"], e["mention"],
                   e["source"], e["sentence"], e.get("title"))
            for e in raw["entities"]
        ]
        timexes = [
            Timex(t["start"], t["end"], sl(t), t["type"], t["value"], t["anchor"], t["sentence"])
            for t in raw["timexes"]
        ]
        events = []
        for ev in raw["events"]:
            trig = ev["trigger"]
            sent = ev["sentence"]
            date = ev["date"]
            events.append(Event(
                type=ev["type"], cameo=ev["cameo"],
                trigger=Span(trig["start"], trig["end"], sl(trig)),
                participants=[Participant(p["id"], p["name"], p["label"], p["role"], p["start"],
                                          p["end"]) for p in ev["participants"]],
                date=EventDate(date["value"], date["text"], date["source"]) if date else None,
                sentence=Span(sent["start"], sent["end"], sl(sent)),
                sentence_index=ev["sentence_index"], mentions=ev["mentions"],
                modality=ev["modality"],
            ))
        dct = raw["dct"]
        sentences = [(s["start"], s["end"]) for s in raw["sentences"]]
        return cls(raw["id"], text, Dct(dct["value"], dct["source"]), entities, timexes, events,
                   sentences)

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
