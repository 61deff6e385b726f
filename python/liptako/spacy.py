"""spaCy interop: a ``liptako`` pipeline component.

>>> import spacy, liptako.spacy            # importing registers the factory
>>> nlp = spacy.blank("en")
>>> nlp.add_pipe("liptako")                # or add_pipe("liptako", config={"labels": "liptako"})
>>> doc = nlp("Mali and Niger signed a pact on 3 March 2023.")
>>> [(e.text, e.label_, e.kb_id_) for e in doc.ents]
[('Mali', 'GPE', 'country/MLI'), ('Niger', 'GPE', 'country/NER')]
>>> doc.spans["liptako"]                   # entities and timexes, liptako labels
>>> doc._.liptako                          # the liptako.Document (events too)

Entities go into ``doc.ents`` with spaCy's labels (``labels="spacy"``: PERSON ->
PERSON, COUNTRY -> GPE, ORG -> ORG, LOCATION -> LOC, other labels unchanged) or
liptako's own (``labels="liptako"``); ``kb_id_`` is the liptako id. With
``timexes_in_ents=True`` dates and times join ``doc.ents`` as DATE/TIME.
Entities already in ``doc.ents`` (from an earlier ``ner``) are kept where they do
not overlap liptako's (``overwrite=True``: liptako wins; False: earlier wins).
Mentions whose characters do not fall on token boundaries are expanded to the
covering tokens. ``doc.spans[spans_key]`` holds every entity and timex with
liptako labels; ``kb_id_`` is the entity id or the timex's TIMEX3 value.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._extractor import Extractor

__all__ = ["LiptakoComponent", "SPACY_LABELS"]

SPACY_LABELS: Dict[str, str] = {"PERSON": "PERSON", "COUNTRY": "GPE", "ORG": "ORG",
                                "LOCATION": "LOC", "DATE": "DATE", "TIME": "TIME",
                                "DURATION": "DATE", "SET": "DATE"}

if not Doc.has_extension("liptako"):
    Doc.set_extension("liptako", default=None)


class LiptakoComponent:
    """The pipeline component; created by ``nlp.add_pipe("liptako")``."""

    def __init__(self, nlp: Language, name: str = "liptako", *, labels: str = "spacy",
                 spans_key: str = "liptako", timexes_in_ents: bool = False,
                 overwrite: bool = True, config: Optional[str] = None,
                 extractor: Optional[Extractor] = None) -> None:
        if labels not in ("spacy", "liptako"):
            raise ValueError("labels must be 'spacy' or 'liptako'")
        self.name = name
        self.labels = labels
        self.spans_key = spans_key
        self.timexes_in_ents = timexes_in_ents
        self.overwrite = overwrite
        if extractor is not None:
            self.extractor = extractor
        elif config:
            self.extractor = Extractor.from_config(config)
        else:
            self.extractor = Extractor()

    def _label(self, label: str) -> str:
        return SPACY_LABELS.get(label, label) if self.labels == "spacy" else label

    def __call__(self, doc: Doc) -> Doc:
        result = self.extractor.extract(doc.text)
        doc._.liptako = result
        ents: List[Span] = []
        group: List[Span] = []
        for e in result.entities:
            span = doc.char_span(e.start, e.end, label=e.label, kb_id=e.id,
                                 alignment_mode="expand")
            if span is None:
                continue
            group.append(span)
            ents.append(Span(doc, span.start, span.end, label=self._label(e.label),
                             kb_id=e.id))
        for t in result.timexes:
            span = doc.char_span(t.start, t.end, label=t.type, kb_id=t.value,
                                 alignment_mode="expand")
            if span is None:
                continue
            group.append(span)
            if self.timexes_in_ents and t.type in ("DATE", "TIME"):
                ents.append(Span(doc, span.start, span.end, label=self._label(t.type),
                                 kb_id=t.value))
        doc.spans[self.spans_key] = group
        ours = filter_spans(ents)
        first, second = (ours, list(doc.ents)) if self.overwrite else (list(doc.ents), ours)
        taken = {i for s in first for i in range(s.start, s.end)}
        doc.ents = sorted(first + [s for s in second
                                   if not any(i in taken for i in range(s.start, s.end))],
                          key=lambda s: s.start)
        return doc

    def pipe(self, stream: Any, batch_size: int = 256) -> Any:
        for doc in stream:
            yield self(doc)


@Language.factory("liptako", default_config={"labels": "spacy", "spans_key": "liptako",
                                             "timexes_in_ents": False, "overwrite": True,
                                             "config": None})
def make_liptako(nlp: Language, name: str, labels: str, spans_key: str, timexes_in_ents: bool,
                 overwrite: bool, config: Optional[str]) -> LiptakoComponent:
    return LiptakoComponent(nlp, name, labels=labels, spans_key=spans_key,
                            timexes_in_ents=timexes_in_ents, overwrite=overwrite,
                            config=config)


_ = spacy  # the module is imported for its side effects on spaCy's registry
