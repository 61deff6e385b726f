"""liptako.Gazetteer against a naive reference matcher."""

import random
import re
import unicodedata

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


def test_bad_input():
    g = liptako.Gazetteer(["Mali"])
    assert g.find("") == []
    assert [tuple(m)[2] for m in g.find("\ud800 Mali \x00")] == [0]
    with pytest.raises(TypeError):
        g.find(b"Mali")  # type: ignore[arg-type]
