"""A bare phrase matcher: liptako's gazetteer without the rest of the pipeline."""

from __future__ import annotations

from typing import Iterable, List, NamedTuple, Sequence, Tuple, Union

from . import _core

Phrase = Union[str, Tuple[str, int]]


class Match(NamedTuple):
    start: int  # code-point offsets: text[start:end] is the matched text
    end: int
    value: int  # the value given with the phrase (its index by default)


class Gazetteer:
    """Finds phrases in text: whole words, case- and accent-insensitive
    (``Goita`` = ``Goïta``), hyphen = space (``al-Qaeda`` = ``al Qaeda``),
    possessives split (``Mali's`` contains ``Mali``), leftmost-longest.

    ``phrases`` are strings (value = their index) or ``(phrase, value)`` pairs;
    phrases listed in ``case_sensitive`` only match with exactly that case
    (acronyms such as ``US`` or ``IS``). Immutable and thread-safe; ``find``
    releases the GIL.
    """

    def __init__(self, phrases: Iterable[Phrase], *, case_sensitive: Sequence[str] = ()
                 ) -> None:
        exact = set(case_sensitive)
        items: List[Tuple[str, int, bool]] = []
        for i, p in enumerate(phrases):
            text, value = (p, i) if isinstance(p, str) else (p[0], int(p[1]))
            items.append((text, value, text in exact))
        self._core = _core.Gazetteer(items)

    def find(self, text: str, *, overlapping: bool = False) -> List[Match]:
        """Matches in text order; ``overlapping=True`` reports every occurrence."""
        return [Match(*m) for m in self._core.find(text, overlapping)]

    def __len__(self) -> int:
        return len(self._core)

    def memory_bytes(self) -> int:
        return int(self._core.memory_bytes())
