"""A bare phrase matcher: liptako's gazetteer without the rest of the pipeline."""

from __future__ import annotations

from array import array
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
    values are integers in 0..2**32-1. Phrases listed in ``case_sensitive``
    only match with exactly that case (acronyms such as ``US`` or ``IS``).
    Immutable and thread-safe; matching releases the GIL. Pickles as its phrases
    (built again on load), so it can be sent to processes and Dask workers.

    Three forms of the same matches, from the friendliest to the cheapest:
    :meth:`find` (a list of :class:`Match`), :meth:`find_arrays` (three
    ``array('q')`` columns, no object per match) and :meth:`count`.
    """

    def __init__(self, phrases: Iterable[Phrase], *, case_sensitive: Sequence[str] = ()
                 ) -> None:
        exact = set(case_sensitive)
        items: List[Tuple[str, int, bool]] = []
        for i, p in enumerate(phrases):
            text, value = (p, i) if isinstance(p, str) else (p[0], int(p[1]))
            items.append((text, value, text in exact))
        self._build(items)

    def _build(self, items: List[Tuple[str, int, bool]]) -> None:
        self._core = _core.Gazetteer(items, Match)
        # What pickling needs to build it again, compactly: the phrases as one
        # string and three columns (a few bytes per phrase besides its text).
        self._phrases = "".join(t for t, _, _ in items)
        self._lengths = array("Q", (len(t) for t, _, _ in items))
        self._values = array("Q", (v for _, v, _ in items))
        self._exact = array("B", (cs for _, _, cs in items))

    # -- pickling: the phrases, built again on load (multiprocessing, Dask) ------

    def __getstate__(self) -> Tuple[str, bytes, bytes, bytes]:
        return (self._phrases, self._lengths.tobytes(), self._values.tobytes(),
                self._exact.tobytes())

    def __setstate__(self, state: Tuple[str, bytes, bytes, bytes]) -> None:
        phrases, lengths_b, values_b, exact_b = state
        lengths, values, exact = array("Q"), array("Q"), array("B")
        lengths.frombytes(lengths_b)
        values.frombytes(values_b)
        exact.frombytes(exact_b)
        if not len(lengths) == len(values) == len(exact) or sum(lengths) != len(phrases):
            raise ValueError("not a pickled liptako.Gazetteer: its columns disagree")
        items, at = [], 0
        for n, v, cs in zip(lengths, values, exact):
            items.append((phrases[at:at + n], v, bool(cs)))
            at += n
        self._build(items)

    def __repr__(self) -> str:
        return f"Gazetteer({len(self):,} phrases)"

    def find(self, text: str, *, overlapping: bool = False) -> List[Match]:
        """Matches in text order, as ``Match(start, end, value)`` in code points
        (``text[m.start:m.end]`` is the matched text). ``overlapping=True``
        reports every occurrence, ordered by start then end."""
        return self._core.find(text, overlapping)

    def find_arrays(self, text: str, *, overlapping: bool = False
                    ) -> Tuple["array[int]", "array[int]", "array[int]"]:
        """The matches of :meth:`find` as three ``array('q')`` columns:
        ``(starts, ends, values)``, element ``i`` of each being match ``i``.
        No Python object per match: the fast form for many matches
        (``numpy.asarray(starts)`` wraps a column without copying)."""
        return self._core.find_arrays(text, overlapping)

    def count(self, text: str, *, overlapping: bool = False) -> int:
        """The number of matches :meth:`find` would return."""
        return self._core.count(text, overlapping)

    def __len__(self) -> int:
        return len(self._core)

    def memory_bytes(self) -> int:
        return int(self._core.memory_bytes())
