"""Property tests (Hypothesis): on arbitrary Unicode the extractor never crashes,
every offset is valid, and the same input always gives the same output.

The strategies mix real names and dates from the example corpus with the
characters that break naive text code: combining marks, right-to-left
scripts and marks, emoji (with ZWJ and skin-tone modifiers), NUL and other
controls, lone surrogates, unusual spaces and line separators. Example counts
are bounded and the deadline is off, so the module runs in a few seconds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import liptako
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
CORPUS = (sorted((REPO / "examples" / "corpus").glob("*.txt")) +
          sorted((REPO / "tools" / "stories").glob("*.txt")))

# Real vocabulary: capitalised word runs and dates of the example corpus and the wire
# stories of tools/stories.
_words: set = set()
for _f in CORPUS:
    _t = _f.read_text(encoding="utf-8")
    _words.update(re.findall(r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)*", _t))
    _words.update(re.findall(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.? \d{1,2}"
                             r"(?:, \d{4})?", _t))
REAL = sorted(_words) + [
    "Mali", "Niger", "Burkina Faso", "ECOWAS", "Assimi Goïta", "Côte d’Ivoire", "al-Qaeda",
    "U.S.", "Mali’s", "on Saturday", "last week", "two years ago", "September 18, 2023",
    "03/04/2023", "3 p.m.", "date 2023-11-13\n", "BAMAKO, March 3 (Reuters) - ", "signed a pact",
    "said", ".", ",", " ", "\n", "(", ")", "\"", "’s",
]
SPECIAL = [
    "\u0301", "\u0308", "\u0327",  # combining acute, diaeresis, cedilla
    "\u200f", "\u200e", "\u202e", "\u2066", "\u2069",  # RTL/LTR marks and isolates
    "مالي", "النيجر", "שלום", "ελλάδα", "Ελλάδα", "Мали", "马里",
    "😀", "🇲🇱", "👩🏽‍⚕️", "\u200d", "\ufe0f", "\U0001f3fd",
    "\x00", "\x01", "\x7f", "\x85", "\u2028", "\u2029", "\r\n", "\t", "\u00a0", "\u3000",
    "\ufeff", "\ufffd", "\ud800", "\udfff", "\udc80", "\ud83d",
    "ǅ", "ß", "İ", "ﬁ", "Ⅻ", "①", "١٢٣", "\U0010ffff",
]

piece = st.one_of(
    st.sampled_from(REAL),
    st.sampled_from(SPECIAL),
    st.text(min_size=1, max_size=8),  # every code point, surrogates included
    st.text(alphabet=st.characters(categories=["Mn", "Me", "Cf", "Cs", "Co", "Zl", "Zp"]),
            min_size=1, max_size=4),
)
texts = st.lists(piece, max_size=40).map("".join)
dcts = st.one_of(st.none(), st.sampled_from(["2023-09-18", "2024-02-29", "1999-12-31"]))

PROPS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def engine(extractor):
    return extractor._engine_now()


def _check_spans(text: str, raw: dict) -> None:
    n = len(text)
    for kind in ("entities", "timexes"):
        prev = 0
        for m in raw[kind]:
            s, e = m["start"], m["end"]
            assert 0 <= s < e <= n, (kind, m)
            assert s >= prev, f"{kind} not sorted"
            prev = s
            piece_ = text[s:e]
            # The engine's own text for the span (JSON carries no lone
            # surrogates: those come back as U+FFFD).
            expected = piece_.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
            assert m["text"] == expected or m["text"] == piece_, (kind, m, piece_)
            assert piece_ == piece_.strip(" \t\r\n"), (kind, m)
    for ev in raw["events"]:
        for span in (ev["trigger"], ev["sentence"]):
            assert 0 <= span["start"] <= span["end"] <= n
        for p in ev["participants"]:
            assert 0 <= p["start"] <= p["end"] <= n


@PROPS
@given(text=texts, dct=dcts)
def test_offsets_valid_and_deterministic(extractor, engine, text, dct):
    raw_json = engine.extract_json(text, "p", dct)
    raw = json.loads(raw_json)
    _check_spans(text, raw)
    # Same input, same output: the engine and the typed layer.
    assert engine.extract_json(text, "p", dct) == raw_json
    doc = extractor.extract(text, dct=dct, id="p")
    for x in list(doc.entities) + list(doc.timexes):
        assert 0 <= x.start <= x.end <= len(text)
        assert text[x.start:x.end] == x.text
    assert doc.to_dict() == extractor.extract(text, dct=dct, id="p").to_dict()
    # Serialising the typed document always works (lone surrogates included).
    json.loads(doc.to_json())


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(texts, min_size=1, max_size=6))
def test_batch_equals_one_by_one(extractor, parts):
    one = [extractor.extract(t, id=str(i)).to_dict() for i, t in enumerate(parts)]
    many = extractor.extract_many(parts, workers=2)
    assert [d.to_dict() for d in many] == one


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(data=st.binary(max_size=300))
def test_decoded_bytes_never_break_offsets(engine, data):
    # What the CLI does with invalid UTF-8: decode with replacement.
    text = data.decode("utf-8", "replace")
    _check_spans(text, json.loads(engine.extract_json(text, "", None)))
    # And with surrogateescape, which maps each bad byte to a lone surrogate.
    text = data.decode("utf-8", "surrogateescape")
    _check_spans(text, json.loads(engine.extract_json(text, "", None)))


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(prefix=texts, suffix=texts)
def test_context_never_moves_a_found_name_off_its_text(extractor, prefix, suffix):
    text = prefix + " Mali and Niger signed a pact on Saturday. " + suffix
    doc = extractor.extract(text, dct="2023-09-18")
    for e in doc.entities:
        assert text[e.start:e.end] == e.text and e.text
    assert liptako.Document is type(doc)
