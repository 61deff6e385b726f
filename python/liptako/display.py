"""HTML rendering of a Document with its mentions highlighted (like spaCy's displaCy).

``Document._repr_html_`` calls :func:`render_html`, so a Document shown in Jupyter
appears as the article with entities, dates and event triggers marked by label.

Rules:
- the article text, labels, names and values are HTML-escaped: a text holding
  ``<script>`` shows it as text and runs nothing;
- marks never overlap: entities win over timexes, timexes over event triggers;
  a span overlapping one already kept is not marked (it is still in the data);
- the hover title shows an entity's id and canonical name, a timex's TIMEX3
  value, an event's type, date and participants.
"""

from __future__ import annotations

import hashlib
from html import escape
from typing import Dict, Iterable, List, Optional, Tuple

from ._document import Document

__all__ = ["render_html", "COLORS", "color_for"]

# displaCy-like colours per label; other labels get a stable colour from PALETTE.
COLORS: Dict[str, str] = {
    "PERSON": "#aa9cfc", "COUNTRY": "#feca74", "ORG": "#7aecec", "LOCATION": "#ff9561",
    "DATE": "#bfe1d9", "TIME": "#bfe1d9", "DURATION": "#e4e7d2", "SET": "#e4e7d2",
    "EVENT": "#ffeb80",
}
PALETTE = ["#c887fb", "#9cc9cc", "#ffeb80", "#ddd", "#f0d0ff", "#bfeeb7", "#e6bbad"]

_STYLE = (
    "<style>"
    ".liptako-doc{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
    "line-height:2.3;white-space:pre-wrap;max-width:60em}"
    ".liptako-doc mark{padding:0.2em 0.35em;margin:0 0.1em;border-radius:0.35em;"
    "line-height:1}"
    ".liptako-doc mark.liptako-event{background:none;border-bottom:2px dashed #d08000;"
    "border-radius:0;padding:0}"
    ".liptako-label{font-size:0.6em;font-weight:bold;line-height:1;text-transform:uppercase;"
    "vertical-align:middle;margin-left:0.4em}"
    ".liptako-legend{font-family:sans-serif;font-size:0.85em;margin-bottom:0.6em}"
    ".liptako-legend span{padding:0.15em 0.5em;margin-right:0.4em;border-radius:0.35em}"
    ".liptako-head{font-family:sans-serif;font-size:0.85em;color:#555;margin-bottom:0.3em}"
    "</style>"
)


def color_for(label: str) -> str:
    if label in COLORS:
        return COLORS[label]
    h = int(hashlib.md5(label.encode("utf-8")).hexdigest(), 16)
    return PALETTE[h % len(PALETTE)]


# (start, end, css class, label shown, background, hover title)
_Mark = Tuple[int, int, str, str, str, str]


def _marks(doc: Document, entities: bool, timexes: bool, events: bool,
           labels: Optional[Iterable[str]]) -> List[_Mark]:
    wanted = set(labels) if labels is not None else None
    tiers: List[List[_Mark]] = []
    if entities:
        tier = []
        for e in doc.entities:
            if wanted is None or e.label in wanted:
                title = f"{e.label} {e.id} \u2014 {e.name}"
                if e.title:
                    title += f" ({e.title})"
                tier.append((e.start, e.end, "liptako-entity", e.label, color_for(e.label),
                             title))
        tiers.append(tier)
    if timexes:
        tiers.append([(t.start, t.end, "liptako-timex", t.type, color_for(t.type),
                       f"{t.type} {t.value} (anchor: {t.anchor})")
                      for t in doc.timexes if wanted is None or t.type in wanted])
    if events:
        tier = []
        for ev in doc.events:
            if wanted is None or ev.type in wanted or "EVENT" in wanted:
                date = ev.date.value if ev.date else "no date"
                who = "; ".join(f"{p.name} ({p.role})" for p in ev.participants)
                tier.append((ev.trigger.start, ev.trigger.end, "liptako-event", ev.type, "",
                             f"{ev.type} (CAMEO {ev.cameo}) \u2014 {date}"
                             + (f" \u2014 {who}" if who else "")))
        tiers.append(tier)
    kept: List[_Mark] = []
    n = len(doc.text)
    for tier in tiers:  # earlier tiers win; within a tier, earlier then longer wins
        for m in sorted(tier, key=lambda m: (m[0], -(m[1] - m[0]))):
            lo, hi = m[0], m[1]
            if not (0 <= lo < hi <= n):
                continue
            if any(lo < k[1] and k[0] < hi for k in kept):
                continue
            kept.append(m)
    kept.sort(key=lambda m: m[0])
    return kept


def render_html(doc: Document, *, entities: bool = True, timexes: bool = True,
                events: bool = True, labels: Optional[Iterable[str]] = None,
                legend: bool = True, header: bool = True) -> str:
    """The document as an HTML fragment with its mentions highlighted.

    ``labels`` restricts the marks to some labels/types (e.g. ``["PERSON", "DATE"]``).
    """
    marks = _marks(doc, entities, timexes, events, labels)
    text = doc.text
    out: List[str] = [_STYLE, '<div class="liptako">']
    if header:
        dct = doc.dct.value or "unknown"
        out.append(f'<div class="liptako-head">{escape(doc.id or "document")} \u00b7 '
                   f'date: {escape(dct)} ({escape(doc.dct.source)}) \u00b7 '
                   f'{len(doc.entities)} entities, {len(doc.timexes)} timexes, '
                   f'{len(doc.events)} events</div>')
    if legend and marks:
        seen: List[Tuple[str, str]] = []
        for m in marks:
            key = ("EVENT", "event") if m[2] == "liptako-event" else (m[3], m[2])
            if key not in seen:
                seen.append(key)
        out.append('<div class="liptako-legend">')
        for label, _ in sorted(seen, key=lambda k: (k[1] != "liptako-entity", k[0])):
            if label == "EVENT":
                out.append('<span style="border-bottom:2px dashed #d08000">event</span>')
            else:
                out.append(f'<span style="background:{color_for(label)}">'
                           f'{escape(label)}</span>')
        out.append("</div>")
    out.append('<div class="liptako-doc">')
    pos = 0
    for s, e, cls, label, bg, title in marks:
        out.append(escape(text[pos:s]))
        style = f' style="background:{bg}"' if bg else ""
        out.append(f'<mark class="{cls}"{style} title="{escape(title, quote=True)}">'
                   f'{escape(text[s:e])}'
                   f'<span class="liptako-label">{escape(label)}</span></mark>')
        pos = e
    out.append(escape(text[pos:]))
    out.append("</div></div>")
    return "".join(out)
