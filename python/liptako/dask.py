"""Extraction over Dask collections: bags of texts or records, or a DataFrame column.

>>> import dask.bag as db
>>> from dask.distributed import Client
>>> import liptako.dask as ld
>>> client = Client("tcp://scheduler:8786")           # or LocalCluster()
>>> bag = db.from_sequence(records, npartitions=64)   # (id, text, dct) or dicts
>>> frames = ld.to_frames(bag)                        # dask DataFrames, to_frames layout
>>> entities = frames.entities.compute()

Each task receives the Extractor as its pickled recipe (a few hundred bytes);
every worker process unpickles and builds it once and keeps it in a per-process
cache, so the compiled engine is never shipped and never rebuilt per task.
See docs/scale-out.md.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from ._extractor import Extractor
from .frames import (DOCUMENT_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, PARTICIPANT_COLUMNS,
                     TIMEX_COLUMNS, Frames, _columns, _frame)
from .frames import to_frames as _to_frames

__all__ = ["DaskFrames", "to_frames", "entities", "extract_bag", "cache_info"]

_KINDS = ("documents", "entities", "timexes", "events", "participants")
_SCHEMAS = {"documents": DOCUMENT_COLUMNS, "entities": ENTITY_COLUMNS,
            "timexes": TIMEX_COLUMNS, "events": EVENT_COLUMNS,
            "participants": PARTICIPANT_COLUMNS}

# -- the per-process Extractor cache ------------------------------------------------

_CACHE: Dict[str, Extractor] = {}
_CACHE_LOCK = threading.Lock()
_BUILDS = 0


def _key(blob: Optional[bytes]) -> str:
    return "default" if blob is None else hashlib.sha256(blob).hexdigest()


def _extractor(blob: Optional[bytes]) -> Extractor:
    """The Extractor for a pickled recipe (None: ``Extractor()``), built once per process."""
    global _BUILDS
    key = _key(blob)
    x = _CACHE.get(key)
    if x is not None:
        return x
    with _CACHE_LOCK:
        x = _CACHE.get(key)
        if x is None:
            x = Extractor() if blob is None else pickle.loads(blob)
            x._engine_now()  # build now, once
            _CACHE[key] = x
            _BUILDS += 1
    return x


def cache_info() -> Dict[str, Any]:
    """This process's cache: pid, number of engines built, recipe keys. Run it on
    every worker with ``client.run(liptako.dask.cache_info)``."""
    return {"pid": os.getpid(), "builds": _BUILDS, "keys": sorted(_CACHE)}


# -- records ------------------------------------------------------------------------

Record = Tuple[str, str, Optional[str]]


def _record(item: Any, number: str, text_field: str, id_field: str,
            dct_field: str) -> Record:
    if isinstance(item, str):
        return number, item, None
    if isinstance(item, Mapping):
        doc_id = item.get(id_field)
        dct = item.get(dct_field)
        return (number if doc_id is None else str(doc_id), item[text_field],
                None if dct is None else str(dct)[:10])
    if isinstance(item, (tuple, list)) and len(item) in (2, 3):
        dct = item[2] if len(item) == 3 else None
        return str(item[0]), item[1], None if dct is None else str(dct)[:10]
    raise TypeError("expected a text, an (id, text[, dct]) tuple or a mapping with "
                    f"{text_field!r}, not {type(item).__name__}")


def _extract_records(records: List[Record], blob: Optional[bytes], threads: int) -> Frames:
    x = _extractor(blob)
    docs = x.extract_many([r[1] for r in records], ids=[r[0] for r in records],
                          dcts=[r[2] for r in records], workers=threads, errors="return")
    return _to_frames(docs)


def _bag_partition(items: Sequence[Any], partition: int, blob: Optional[bytes], threads: int,
                   text_field: str, id_field: str, dct_field: str) -> Frames:
    records = [_record(item, f"{partition}:{k}", text_field, id_field, dct_field)
               for k, item in enumerate(items)]
    return _extract_records(records, blob, threads)


def _df_partition(pdf: Any, blob: Optional[bytes], threads: int, text_column: str,
                  id_column: Optional[str], dct_column: Optional[str]) -> Frames:
    texts = pdf[text_column].tolist()
    ids = pdf[id_column].tolist() if id_column else pdf.index.tolist()
    dcts = pdf[dct_column].tolist() if dct_column else [None] * len(texts)
    import pandas as pd  # type: ignore[import-untyped]

    records = []
    for i, t, d in zip(ids, texts, dcts):
        missing = d is None or bool(pd.isna(d))  # None, NaN, NaT, pd.NA
        records.append((str(i), t, None if missing else str(d)[:10]))
    return _extract_records(records, blob, threads)


def _get(frames: Frames, kind: str) -> Any:
    return getattr(frames, kind)


# -- public API -----------------------------------------------------------------------


@dataclass
class DaskFrames:
    """The :class:`liptako.Frames` layout as lazy dask DataFrames.

    All five share the extraction tasks: compute them together
    (``dask.compute(*frames)``) or ``persist()`` first, otherwise each
    ``.compute()`` extracts again.
    """

    documents: Any
    entities: Any
    timexes: Any
    events: Any
    participants: Any

    def __iter__(self) -> Iterator[Any]:
        return iter((self.documents, self.entities, self.timexes, self.events,
                     self.participants))

    def compute(self, **kwargs: Any) -> Frames:
        """All five frames computed in one pass, as a :class:`liptako.Frames`."""
        import dask
        parts = dask.compute(*self, **kwargs)
        return Frames(*(p.reset_index(drop=True) for p in parts))

    def persist(self, **kwargs: Any) -> "DaskFrames":
        import dask
        return DaskFrames(*dask.persist(*self, **kwargs))


def _blob(extractor: Optional[Extractor]) -> Optional[bytes]:
    return None if extractor is None else pickle.dumps(extractor)


def _partition_tasks(collection: Any, blob: Optional[bytes], threads: int,
                     text_field: str, id_field: str, dct_field: str,
                     text_column: str, id_column: Optional[str],
                     dct_column: Optional[str]) -> List[Any]:
    import dask
    import dask.bag as db
    import dask.dataframe as dd

    if isinstance(collection, db.Bag):
        return [dask.delayed(_bag_partition, pure=True)(part, i, blob, threads, text_field,
                                                         id_field, dct_field)
                for i, part in enumerate(collection.to_delayed())]
    if isinstance(collection, dd.DataFrame):
        return [dask.delayed(_df_partition, pure=True)(part, blob, threads, text_column,
                                                        id_column, dct_column)
                for part in collection.to_delayed()]
    if isinstance(collection, dd.Series):
        frame = collection.to_frame(name=text_column)
        return [dask.delayed(_df_partition, pure=True)(part, blob, threads, text_column,
                                                        None, None)
                for part in frame.to_delayed()]
    raise TypeError("expected a dask.bag.Bag, dask.dataframe.DataFrame or Series, not "
                    f"{type(collection).__name__}")


def to_frames(collection: Any, extractor: Optional[Extractor] = None, *,
              text_column: str = "text", id_column: Optional[str] = None,
              dct_column: Optional[str] = None, text_field: str = "text",
              id_field: str = "id", dct_field: str = "dct", threads: int = 1) -> DaskFrames:
    """Extracts every text of a Dask collection; returns :class:`DaskFrames`.

    - a ``dask.bag`` of texts (ids ``"<partition>:<index>"``), of ``(id, text)`` or
      ``(id, text, dct)`` tuples, or of mappings (``text_field``, ``id_field``,
      ``dct_field``);
    - a ``dask.dataframe`` with a ``text_column`` (ids from ``id_column`` or the
      index; optional ``dct_column``), or a Series of texts.

    ``extractor`` defaults to ``Extractor()`` built on each worker; a custom one is
    shipped as its recipe (its file paths must exist on the workers). ``threads``
    is the number of engine threads per task (1 suits one-thread Dask workers).
    """
    import dask.dataframe as dd

    tasks = _partition_tasks(collection, _blob(extractor), threads, text_field, id_field,
                             dct_field, text_column, id_column, dct_column)
    out = []
    for kind in _KINDS:
        meta = _frame(_columns(_SCHEMAS[kind]), _SCHEMAS[kind])
        parts = [_delayed_get(t, kind) for t in tasks]
        out.append(dd.from_delayed(parts, meta=meta, verify_meta=False))
    return DaskFrames(*out)


def _delayed_get(task: Any, kind: str) -> Any:
    import dask
    return dask.delayed(_get, pure=True)(task, kind)


def entities(collection: Any, extractor: Optional[Extractor] = None, **kwargs: Any) -> Any:
    """The entities frame alone (a dask DataFrame); see :func:`to_frames`."""
    return to_frames(collection, extractor, **kwargs).entities


def _bag_documents(items: Sequence[Any], partition: int, blob: Optional[bytes], threads: int,
                   text_field: str, id_field: str, dct_field: str) -> List[Any]:
    records = [_record(item, f"{partition}:{k}", text_field, id_field, dct_field)
               for k, item in enumerate(items)]
    return _extractor(blob).extract_many([r[1] for r in records], ids=[r[0] for r in records],
                                         dcts=[r[2] for r in records], workers=threads)


def extract_bag(bag: Any, extractor: Optional[Extractor] = None, *, threads: int = 1,
                text_field: str = "text", id_field: str = "id",
                dct_field: str = "dct") -> Any:
    """A bag of :class:`liptako.Document` (or :class:`liptako.Error`) per input item,
    in order, for custom processing with ``.map``/``.filter``/``.foldby``."""
    import dask
    import dask.bag as db

    blob = _blob(extractor)
    parts = [dask.delayed(_bag_documents, pure=True)(part, i, blob, threads, text_field,
                                                      id_field, dct_field)
             for i, part in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)
