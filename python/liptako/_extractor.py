"""The Python face of the engine: Extractor."""

from __future__ import annotations

import copy
import itertools
import json
import os
import threading
from pathlib import Path
from typing import (Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional,
                    Sequence, Tuple, Union, cast)

from . import _core
from ._document import Dct, Document, Entity, Event, EventDate, Participant, Span, Timex
from .errors import ConfigError, Error, LimitError

# The engine builds result objects of these classes itself.
_core.register_result_types(document=Document, dct=Dct, entity=Entity, timex=Timex, span=Span,
                            participant=Participant, event_date=EventDate, event=Event)

DATA_DIR = Path(__file__).resolve().parent / "data"
BUNDLED_CONFIG = DATA_DIR / "config.json"

ConfigSource = Union[str, "os.PathLike[str]", Mapping[str, Any]]
Result = Union[Document, Error]

_ERROR_CLASSES = {"LimitError": LimitError, "ConfigError": ConfigError, "Error": Error}
_BATCH_SIZE = 256  # texts extracted together (extract_many, iter_extract's default)


def _load_config(source: ConfigSource) -> Tuple[Dict[str, Any], str, str]:
    """Returns (config dict, where, base_dir) for a path or a mapping."""
    if isinstance(source, Mapping):
        try:
            return copy.deepcopy(dict(source)), "<config>", os.getcwd()
        except RecursionError:
            raise ConfigError("<config>: /: nested too deeply") from None
    path = Path(os.fspath(source))
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{path}: /: cannot read file: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: /: file is not UTF-8: {e}") from None
    try:
        config = json.loads(text)
    except json.JSONDecodeError as e:
        raise ConfigError(f"{path}: /: invalid JSON: {e}") from None
    except RecursionError:
        raise ConfigError(f"{path}: /: invalid JSON: nested too deeply") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{path}: /: a configuration must be a JSON object")
    return config, str(path), str(path.resolve().parent)


class _Batch(NamedTuple):
    texts: List[Any]  # str, or anything else (reported as an error in place)
    ids: List[str]
    dcts: List[Optional[str]]


_MISSING = object()


def _error(doc_id: str, kind: str, message: str) -> Error:
    """The Error for a document the engine could not extract."""
    err = _ERROR_CLASSES.get(kind, Error)(f"document {doc_id}: {message}")
    err.doc_id = doc_id  # type: ignore[attr-defined]
    return err


def _next_or_fail(it: Iterator[Any], name: str) -> Any:
    value = next(it, _MISSING)
    if value is _MISSING:
        raise ValueError(f"{name} has fewer items than texts")
    return value


def _dumps(config: Dict[str, Any], where: str) -> str:
    try:
        return json.dumps(config)
    except RecursionError:
        raise ConfigError(f"{where}: /: nested too deeply") from None
    except (TypeError, ValueError) as e:
        raise ConfigError(f"{where}: /: not JSON data: {e}") from None


class Extractor:
    """Finds people, countries, organizations, places, dates and events in news text.

    ``Extractor()`` loads the bundled resources. The compiled engine is immutable
    and thread-safe; adding entities or rules rebuilds it on the next call.
    An Extractor pickles as its recipe (the configuration steps) and is
    rebuilt when unpickled.
    """

    def __init__(self, config: Optional[ConfigSource] = None, *, bundled: bool = True) -> None:
        self._recipe: List[Tuple[Dict[str, Any], str, str]] = []
        if bundled:
            self._recipe.append(_load_config(BUNDLED_CONFIG))
        if config is not None:
            self._recipe.append(_load_config(config))
        self._lock = threading.Lock()
        self._engine: Optional[Any] = None
        self._engine_for = -1
        self._engine_now()  # fail early on bad configuration

    @classmethod
    def from_config(cls, config: ConfigSource, *, bundled: Optional[bool] = None) -> "Extractor":
        """An Extractor from a configuration file or dict (docs/configuration.md).

        The bundled resources are included unless the configuration says
        ``"bundled": false`` (or ``bundled=False`` is passed).
        """
        cfg, where, base = _load_config(config)
        use_bundled = cfg.pop("bundled", True) if bundled is None else bundled
        if not isinstance(use_bundled, bool):
            raise ConfigError(f"{where}: /bundled: expected true or false")
        x = cls.__new__(cls)
        x._recipe = [_load_config(BUNDLED_CONFIG)] if use_bundled else []
        x._recipe.append((cfg, where, base))
        x._lock = threading.Lock()
        x._engine = None
        x._engine_for = -1
        x._engine_now()
        return x

    # -- building ---------------------------------------------------------------

    def _engine_now(self) -> Any:
        with self._lock:
            if self._engine is None or self._engine_for != len(self._recipe):
                builder = _core.Builder()
                for config, where, base in self._recipe:
                    builder.add_config(_dumps(config, where), where, base)
                self._engine = builder.build()
                self._engine_for = len(self._recipe)
            return self._engine

    def _add(self, config: Dict[str, Any], where: str) -> "Extractor":
        # Validate now, so the error points at the call that caused it.
        probe = _core.Builder()
        probe.add_config(_dumps(config, where), where, os.getcwd())
        with self._lock:
            self._recipe.append((config, where, os.getcwd()))
        return self

    def add_entity(self, name: str, label: str, *, id: Optional[str] = None,
                   aliases: Sequence[str] = (), acronyms: Sequence[str] = (),
                   demonyms: Sequence[str] = (), case_sensitive: Sequence[str] = (),
                   ambiguous: bool = False) -> "Extractor":
        """Adds one gazetteer entry; returns self for chaining."""
        entry: Dict[str, Any] = {"name": name, "label": label, "aliases": list(aliases),
                                 "acronyms": list(acronyms), "demonyms": list(demonyms),
                                 "case_sensitive": list(case_sensitive), "ambiguous": ambiguous}
        if id is not None:
            entry["id"] = id
        return self._add({"entities": [entry]}, "add_entity()")

    def add_entities(self, entries: Iterable[Mapping[str, Any]]) -> "Extractor":
        """Adds gazetteer entries in the liptako-gazetteer/1 entry format."""
        return self._add({"entities": [dict(e) for e in entries]}, "add_entities()")

    def add_gazetteer(self, path: Union[str, "os.PathLike[str]"]) -> "Extractor":
        """Adds a liptako-gazetteer/1 file."""
        return self._add({"gazetteers": [str(Path(path).resolve())]}, "add_gazetteer()")

    def add_rule(self, name: str, label: str, pattern: str, *, id: Optional[str] = None,
                 entity_name: Optional[str] = None, case_insensitive: bool = False
                 ) -> "Extractor":
        """Adds a named RE2 rule; group 1, if any, is the entity span."""
        rule: Dict[str, Any] = {"name": name, "label": label, "pattern": pattern,
                                "case_insensitive": case_insensitive}
        if id is not None:
            rule["id"] = id
        if entity_name is not None:
            rule["entity_name"] = entity_name
        return self._add({"rules": [{"rules": [rule]}]}, "add_rule()")

    def stats(self) -> Dict[str, int]:
        """Sizes of the compiled engine (entities, phrases, rules, gazetteer bytes)."""
        return dict(self._engine_now().stats())

    # -- extraction -------------------------------------------------------------

    def extract(self, text: str, *, dct: Optional[str] = None, id: Optional[str] = None
                ) -> Document:
        """Extracts one text. ``dct`` ("YYYY-MM-DD") is the article's date; without
        it a dateline in the text is used when present."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        doc: Document = self._engine_now().extract(text, id or "", dct)
        return doc

    def iter_extract(self, texts: Iterable[str], *, ids: Optional[Iterable[str]] = None,
                     dcts: Optional[Iterable[Optional[str]]] = None,
                     workers: Optional[int] = None, batch_size: int = _BATCH_SIZE,
                     errors: str = "return") -> Iterator[Result]:
        """Streams results in input order with bounded memory (``batch_size``
        texts in flight). A text that fails gives its :class:`Error` in its
        place (``errors="return"``) or raises it (``errors="raise"``)."""
        if errors not in ("return", "raise"):
            raise ValueError("errors must be 'return' or 'raise'")
        for results, failed in self._batches(texts, ids, dcts, workers, batch_size):
            if failed and errors == "raise":
                for r in results:
                    if isinstance(r, Error):
                        raise r
                    yield r
            else:
                yield from results

    def extract_many(self, texts: Iterable[str], *, ids: Optional[Iterable[str]] = None,
                     dcts: Optional[Iterable[Optional[str]]] = None,
                     workers: Optional[int] = None, progress: bool = False,
                     errors: str = "return") -> List[Result]:
        """Extracts many texts on ``workers`` threads (the GIL is released while
        matching) and returns the results in input order."""
        if progress:
            from ._progress import wrap
            total = len(texts) if hasattr(texts, "__len__") else None  # type: ignore[arg-type]
            it = self.iter_extract(texts, ids=ids, dcts=dcts, workers=workers, errors=errors)
            return list(wrap(it, total=total, desc="liptako"))
        if errors not in ("return", "raise"):
            raise ValueError("errors must be 'return' or 'raise'")
        out: List[Result] = []
        for results, failed in self._batches(texts, ids, dcts, workers, _BATCH_SIZE):
            if failed and errors == "raise":
                raise next(r for r in results if isinstance(r, Error))
            out.extend(results)
        return out

    def _batches(self, texts: Iterable[Any], ids: Optional[Iterable[Any]],
                 dcts: Optional[Iterable[Any]], workers: Optional[int], batch_size: int
                 ) -> Iterator[Tuple[List[Result], bool]]:
        """The results of ``texts``, a batch at a time: (results in input order,
        whether any is an :class:`Error`). Nothing is done per text here when
        ``ids`` and ``dcts`` are not given and every text succeeds."""
        n_workers = workers if workers and workers > 0 else (os.cpu_count() or 1)
        engine = self._engine_now()
        text_it = iter(texts)
        id_it = iter(ids) if ids is not None else None
        dct_it = iter(dcts) if dcts is not None else None
        counted = 0  # texts taken so far: the default ids

        def next_batch() -> Optional[_Batch]:
            nonlocal counted
            texts_ = list(itertools.islice(text_it, batch_size))
            if not texts_:
                return None
            n = len(texts_)
            if id_it is None:
                batch_ids = list(map(str, range(counted, counted + n)))
            else:
                batch_ids = [str(_next_or_fail(id_it, "ids")) for _ in texts_]
            if dct_it is None:
                batch_dcts: List[Optional[str]] = [None] * n
            else:
                batch_dcts = [None if d is None else str(d)
                              for d in [_next_or_fail(dct_it, "dcts") for _ in texts_]]
            counted += n
            return _Batch(texts_, batch_ids, batch_dcts)

        def start(b: _Batch) -> "_core.ExtractedBatch":
            # Returns at once: the batch is extracted on native threads meanwhile (a
            # text that is not a str gets an error in its place).
            return engine.extract_batch(b.texts, b.ids, b.dcts, n_workers)

        # Pipelined: the engine's threads (no GIL) extract the next batch while this
        # thread turns the current one into Python objects. At most two batches are
        # in memory.
        batch = next_batch()
        pending = start(batch) if batch else None
        while batch is not None and pending is not None:
            pending.wait()
            following = next_batch()
            extracted, pending = pending, (start(following) if following else None)
            raw = extracted.results()
            failed = extracted.errors() > 0
            del extracted  # the engine's documents; the Python ones are built
            if failed:
                results: List[Result] = [r if isinstance(r, Document) else _error(doc_id, *r)
                                         for doc_id, r in zip(batch.ids, raw)]
            else:
                results = cast(List[Result], raw)  # Documents only
            yield results, failed
            batch = following

    # -- pickling: the recipe, rebuilt on load ------------------------------------

    def __getstate__(self) -> Dict[str, Any]:
        return {"recipe": self._recipe}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._recipe = [tuple(step) for step in state["recipe"]]  # type: ignore[misc]
        self._lock = threading.Lock()
        self._engine = None
        self._engine_for = -1

    def __repr__(self) -> str:
        s = self.stats()
        return f"Extractor(entities={s['entities']}, phrases={s['phrases']}, rules={s['rules']})"
