"""liptako.Gazetteer against a naive reference matcher."""

import pickle
import random
import re
import unicodedata
from array import array

import pytest

import liptako


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def reference(phrases, text):
    """Leftmost-longest whole-word matches over \\w+ tokens (ASCII-letter test data)."""
    tokens = [(m.start(), m.end(), _fold(m.group())) for m in re.finditer(r"\w+", text)]
    table = {tuple(_fold(p).split()): i for i, p in enumerate(phrases)}
    longest = max(len(k) for k in table)
    out, i = [], 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(t[2] for t in tokens[i:i + n])
            if key in table:
                out.append((tokens[i][0], tokens[i + n - 1][1], table[key]))
                i += n
                break
        else:
            i += 1
    return out


def test_agrees_with_reference_on_generated_text():
    rng = random.Random(7)
    words = ["mali", "niger", "burkina", "faso", "union", "african", "bank", "west", "sahel"]
    phrases = sorted({" ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
                      for _ in range(60)})
    g = liptako.Gazetteer(phrases)
    assert len(g) == len(phrases)
    for _ in range(50):
        text = " ".join(rng.choice(words + ["and", "the"]).capitalize()
                        if rng.random() < 0.5 else rng.choice(words) for _ in range(80))
        assert [tuple(m) for m in g.find(text)] == reference(phrases, text)


def test_semantics_and_code_point_offsets():
    g = liptako.Gazetteer([("Burkina Faso", 1), ("Faso", 2), ("al-Qaeda", 3), ("US", 4),
                           ("Goita", 5)], case_sensitive=["US"])
    text = "🇲🇱 Burkina Faso, al Qaeda and Goïta’s men; us and US"
    got = [(text[m.start:m.end], m.value) for m in g.find(text)]
    assert got == [("Burkina Faso", 1), ("al Qaeda", 3), ("Goïta", 5), ("US", 4)]
    overlapping = [(text[m.start:m.end], m.value) for m in g.find(text, overlapping=True)]
    assert ("Faso", 2) in overlapping and ("Burkina Faso", 1) in overlapping



@pytest.mark.parametrize("odd", ["é", "’", "👍", "\ud800"])
def test_exact_matches_after_non_ascii_anywhere(odd):
    # The binding encodes a non-ASCII str to UTF-8 itself, ASCII runs a word at a
    # time: one code point of each width (1-, 2- and 4-byte strs, a lone
    # surrogate) at every position around those words and tails of every length.
    g = liptako.Gazetteer(["Café Niger"], case_sensitive=["Café Niger"])
    for p in range(40):
        for tail in ("", "x" * (p % 11)):
            text = "a" * p + odd + " Café Niger " + odd + tail
            start = text.index("Café Niger")
            assert [tuple(m) for m in g.find(text)] == [(start, start + 10, 0)]
            assert g.count(text) == 1

def test_bad_input():
    g = liptako.Gazetteer(["Mali"])
    assert g.find("") == []
    assert [tuple(m)[2] for m in g.find("\ud800 Mali \x00")] == [0]
    with pytest.raises(TypeError):
        g.find(b"Mali")  # type: ignore[arg-type]


PHRASES = [("Burkina Faso", 1), ("Faso", 2), ("al-Qaeda", 3), ("US", 4), ("Goita", 5),
           ("Mali", 6), ("Niger", 7)]
TEXTS = [
    "🇲🇱 Burkina Faso, al Qaeda and Goïta’s men; us and US",
    "Goi\u0308ta met \ud800 Mali’s envoy; 👍🏽 Niger \udfff and Burkina Faso",
    "Plain ASCII: Mali, Niger, Burkina Faso and the US.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("overlapping", [False, True])
def test_the_three_forms_agree(text, overlapping):
    g = liptako.Gazetteer(PHRASES, case_sensitive=["US"])
    found = g.find(text, overlapping=overlapping)
    assert all(type(m) is liptako.Match for m in found)
    starts, ends, values = g.find_arrays(text, overlapping=overlapping)
    assert all(isinstance(a, array) and a.typecode == "q" for a in (starts, ends, values))
    assert list(zip(starts, ends, values)) == [tuple(m) for m in found]
    assert g.count(text, overlapping=overlapping) == len(found)
    for m in found:
        assert m == (m.start, m.end, m.value) and hash(m) == hash((m.start, m.end, m.value))
    # Code-point offsets, whatever the text holds (emoji, combining marks, lone
    # surrogates): each match slices its phrase out of the text.
    phrase = {v: p for p, v in PHRASES}
    for m in found:
        assert _fold(text[m.start:m.end]).replace("-", " ") == \
            _fold(phrase[m.value]).replace("-", " ")


@pytest.mark.parametrize("odd", ["é", "’", "👍", "\ud800"])
@pytest.mark.parametrize("overlapping", [False, True])
def test_offsets_exact_in_long_texts_with_few_or_many_non_ascii(odd, overlapping):
    # The offsets of a long text with few non-ASCII code points (one in some 350
    # here) are converted from a list its encoder makes, those of a text with many
    # (one in some 25) from a map of its bytes. Overlapping matches step back over
    # a listed code point: "Faso" ends before the "é" of the longer phrase.
    phrases = [("Burkina Faso and Traoré", 1), ("Faso", 2), ("Traoré", 3), ("Mali", 4)]
    g = liptako.Gazetteer(phrases)
    phrase = dict((v, p) for p, v in phrases)
    for every in (20, 1):
        text = "".join(("Burkina Faso and Traoré" if k % 50 == 0 else "Burkina Faso in Mali")
                       + (f" {odd} " if k % every == 0 else "   ") for k in range(2000))
        found = g.find(text, overlapping=overlapping)
        assert len(found) >= 3960
        assert [tuple(m) for m in found] == list(zip(*g.find_arrays(text, overlapping=overlapping)))
        for m in found:
            assert _fold(text[m.start:m.end]) == _fold(phrase[m.value])


def test_offsets_slice_the_matched_text():
    g = liptako.Gazetteer(PHRASES, case_sensitive=["US"])
    got = [(TEXTS[1][m.start:m.end], m.value) for m in g.find(TEXTS[1])]
    assert got == [("Goi\u0308ta", 5), ("Mali", 6), ("Niger", 7), ("Burkina Faso", 1)]
    long_text = "🇲🇱 Mali and Niger. " * 20_000
    starts, ends, values = g.find_arrays(long_text)
    assert len(starts) == 40_000 and g.count(long_text) == 40_000
    assert {long_text[s:e] for s, e in zip(starts, ends)} == {"Mali", "Niger"}
    # A span with several values: one match per value, the same offsets.
    twice = liptako.Gazetteer([("Mali", 1), ("mali", 2), ("Niger", 3)])
    starts, ends, values = twice.find_arrays(long_text)
    assert len(starts) == 60_000 and list(values[:3]) == [1, 2, 3]
    assert all(long_text[s:e] == ("Niger" if v == 3 else "Mali")
               for s, e, v in zip(starts, ends, values))


def test_matches_pickle_and_bad_input_is_clear():
    g = liptako.Gazetteer(["Mali"])
    (m,) = g.find("in Mali")
    assert pickle.loads(pickle.dumps(m)) == m and m._asdict() == {"start": 3, "end": 7,
                                                                  "value": 0}
    for call in (g.find, g.find_arrays, g.count):
        with pytest.raises(TypeError, match="text must be str, not bytes"):
            call(b"Mali")  # type: ignore[arg-type]


def test_pickles_as_its_phrases_and_matches_the_same():
    phrases = ["Burkina Faso", ("ECOWAS", 42), "Assimi Goïta", ("US", 7), "al-Qaeda", "Mali"]
    g = liptako.Gazetteer(phrases, case_sensitive=["US"])
    text = "Mali's Assimi Goita met US and us envoys; ECOWAS, AL-QAEDA and burkina faso."
    blob = pickle.dumps(g)
    h = pickle.loads(blob)
    assert h.find(text) == g.find(text) and len(h) == len(g) == 6
    assert [text[m.start:m.end] for m in h.find(text)] == [
        "Mali", "Assimi Goita", "US", "ECOWAS", "AL-QAEDA", "burkina faso"]
    assert {m.value for m in h.find(text)} >= {42, 7}
    assert len(blob) < 400  # the phrases and a few bytes each, not the matcher
    assert repr(h) == "Gazetteer(6 phrases)"
    with pytest.raises(ValueError, match="columns disagree"):
        liptako.Gazetteer([]).__setstate__(("abc", b"", b"", b""))
