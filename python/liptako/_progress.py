"""Progress bars (tqdm when installed, otherwise a plain pass-through)."""

from __future__ import annotations

import warnings
from typing import Iterable, Iterator, Optional, TypeVar

T = TypeVar("T")


def wrap(items: Iterable[T], *, total: Optional[int] = None, desc: str = "") -> Iterator[T]:
    try:
        with warnings.catch_warnings():
            # In Jupyter without ipywidgets, tqdm.auto warns (TqdmWarning: IProgress
            # not found) and falls back to a text bar: the fallback is fine, the
            # warning is noise in every notebook.
            warnings.simplefilter("ignore")
            from tqdm.auto import tqdm
    except ImportError:  # progress is a convenience, never a requirement
        yield from items
        return
    yield from tqdm(items, total=total, desc=desc, unit="doc")
