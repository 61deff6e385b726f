"""Progress bars (tqdm when installed, otherwise a plain pass-through)."""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, TypeVar

T = TypeVar("T")


def wrap(items: Iterable[T], *, total: Optional[int] = None, desc: str = "") -> Iterator[T]:
    try:
        from tqdm.auto import tqdm
    except ImportError:  # progress is a convenience, never a requirement
        yield from items
        return
    yield from tqdm(items, total=total, desc=desc, unit="doc")
