"""The liptako command line: extract, eval."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import IO, Iterator, Optional, Sequence, Tuple, Union

from . import __version__
from ._document import Document
from ._extractor import Extractor
from .errors import Error

Item = Tuple[str, str, Optional[str]]  # (id, text, dct)


class Problems:
    """Counts and reports input problems on stderr; the run goes on."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, where: str, reason: str) -> None:
        self.count += 1
        print(f"liptako: {where}: {reason}", file=sys.stderr, flush=True)


def _decode(data: bytes, where: str, problems: Problems) -> Optional[str]:
    nul = data.find(b"\x00")
    if nul >= 0:
        problems.report(where, f"binary file (NUL byte at offset {nul}); skipped")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"liptako: {where}: invalid UTF-8 at byte {e.start}; such bytes are read as "
              "U+FFFD", file=sys.stderr)
        return data.decode("utf-8", errors="replace")


def _text_files(paths: Sequence[str], problems: Problems) -> Iterator[Tuple[str, Path]]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*.txt")):
                if f.is_file():
                    yield f.name, f
                elif f.is_symlink() and not f.exists():
                    problems.report(str(f), "dangling symbolic link; skipped")
                elif not f.is_dir():
                    # FIFOs, sockets, devices: reading could block forever.
                    problems.report(str(f), "not a regular file; skipped")
        elif path.exists():
            yield path.name, path
        else:
            problems.report(p, "no such file or directory")


def _read_text_items(paths: Sequence[str], dct: Optional[str], problems: Problems
                     ) -> Iterator[Item]:
    for p in paths:
        if p == "-":
            text = _decode(sys.stdin.buffer.read(), "<stdin>", problems)
            if text is not None:
                yield "stdin", text, dct
            continue
        for doc_id, f in _text_files([p], problems):
            try:
                data = f.read_bytes()
            except OSError as e:
                problems.report(str(f), f"cannot read: {e.strerror or e}")
                continue
            text = _decode(data, str(f), problems)
            if text is not None:
                yield doc_id, text, dct


def _read_jsonl_items(paths: Sequence[str], args: argparse.Namespace, problems: Problems
                      ) -> Iterator[Item]:
    for p in paths:
        name = "<stdin>" if p == "-" else p
        try:
            stream: IO[bytes] = sys.stdin.buffer if p == "-" else open(p, "rb")
        except OSError as e:
            problems.report(p, f"cannot read: {e.strerror or e}")
            continue
        with stream:
            for number, raw in enumerate(stream, start=1):
                where = f"{name}:{number}"
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as e:
                    problems.report(where, f"malformed JSON line: {e}")
                    continue
                if not isinstance(record, dict):
                    problems.report(where, "a line must be a JSON object")
                    continue
                text = record.get(args.text_field)
                if not isinstance(text, str):
                    problems.report(where, f"field {args.text_field!r} missing or not a string")
                    continue
                doc_id = record.get(args.id_field)
                doc_id = str(doc_id) if doc_id is not None else f"{Path(name).name}:{number}"
                date = record.get(args.date_field) if args.date_field else None
                date = str(date)[:10] if date else args.dct
                yield doc_id, text, date


class Writer:
    """Writes documents in one format; every record is written whole."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out, self.fmt, self.n = out, fmt, 0
        if fmt == "csv":
            self.csv = csv.writer(out, lineterminator="\n")
            self.csv.writerow(["doc", "kind", "start", "end", "text", "label", "id_or_value",
                               "name", "sentence"])

    def write(self, doc: Document) -> None:
        if self.fmt == "jsonl":
            self.out.write(doc.to_json() + "\n")
        elif self.fmt == "json":
            self.out.write(("[\n" if self.n == 0 else ",\n") + doc.to_json())
        elif self.fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            for e in doc.entities:
                w.writerow([doc.id, "entity", e.start, e.end, e.text, e.label, e.id, e.name,
                            e.sentence])
            for t in doc.timexes:
                w.writerow([doc.id, "timex", t.start, t.end, t.text, t.type, t.value, "",
                            t.sentence])
            for ev in doc.events:
                names = "; ".join(f"{p.name} ({p.role})" for p in ev.participants)
                w.writerow([doc.id, "event", ev.trigger.start, ev.trigger.end, ev.trigger.text,
                            ev.type, ev.date.value if ev.date else "", names, ev.sentence_index])
            self.out.write(buf.getvalue())
        else:
            self.out.write(format_table(doc))
        self.n += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.n == 0 else "\n]\n")
        self.out.flush()


def format_table(doc: Document) -> str:
    """A readable summary of one document."""
    lines = [f"== {doc.id}  (date: {doc.dct.value or 'unknown'}, from {doc.dct.source})"]
    seen = set()
    rows = []
    for e in doc.entities:
        if (e.id, e.label) in seen:
            continue
        seen.add((e.id, e.label))
        count = sum(1 for o in doc.entities if o.id == e.id)
        extra = f"  [{e.title}]" if e.title else ""
        rows.append((e.label, e.name + extra, e.id, f"x{count}"))
    for t in doc.timexes:
        rows.append((f"TIMEX/{t.type}", t.text, t.value, t.anchor))
    for ev in doc.events:
        who = ", ".join(sorted({p.name for p in ev.participants}))
        date = ev.date.value if ev.date else "-"
        rows.append((f"EVENT/{ev.type}", f"{ev.trigger.text}: {who}", date, f"x{ev.mentions}"))
    widths = [max((len(r[i]) for r in rows), default=0) for i in range(4)]
    widths = [min(w, 60) for w in widths]
    for r in rows:
        lines.append("  " + "  ".join(c[:60].ljust(widths[i]) for i, c in enumerate(r)).rstrip())
    if not rows:
        lines.append("  (nothing found)")
    return "\n".join(lines) + "\n\n"


def _cmd_extract(args: argparse.Namespace) -> int:
    problems = Problems()
    try:
        extractor = Extractor.from_config(args.config) if args.config else Extractor()
    except Error as e:
        print(f"liptako: {e}", file=sys.stderr)
        return 2
    items = (_read_jsonl_items(args.paths, args, problems) if args.input == "jsonl"
             else _read_text_items(args.paths, args.dct, problems))
    written = 0
    out: IO[str]
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    writer = Writer(out, args.format)
    status = 0
    try:
        stream = _paired(items, extractor, args.workers)
        if args.progress:
            from ._progress import wrap
            stream = wrap(stream, desc="liptako")
        for doc_id, result in stream:
            if isinstance(result, Error):
                problems.report(doc_id, str(result))
                continue
            writer.write(result)
            written += 1
    except KeyboardInterrupt:
        if out is sys.stdout:
            writer.close()  # whole records only; closes the JSON array (--format json)
        else:
            out.flush()
        print("liptako: interrupted", file=sys.stderr)
        return 130
    finally:
        if out is not sys.stdout:
            writer.close()
            out.close()
    if out is sys.stdout:
        writer.close()
    if problems.count:
        print(f"liptako: {problems.count} problem(s); {written} document(s) written",
              file=sys.stderr)
        status = 1
    return status


def _paired(items: Iterator[Item], extractor: Extractor, workers: Optional[int]
            ) -> Iterator[Tuple[str, Union[Document, Error]]]:
    """Extracts items in batches, yielding (id, Document or Error) in input order."""
    import itertools
    while True:
        batch = list(itertools.islice(items, 256))
        if not batch:
            return
        results = extractor.extract_many([t for _, t, _ in batch], ids=[i for i, _, _ in batch],
                                         dcts=[d for _, _, d in batch], workers=workers)
        for (doc_id, _, _), result in zip(batch, results):
            yield doc_id, result


def _cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "timeml":
        from .evaluation import timeml
        extractor = Extractor()

        def tag(text: str, dct: Optional[str]) -> list:
            return extractor.extract(text, dct=dct).timexes

        result = timeml.score_directory(args.path, tag)
        print(timeml.format_report(result))
    elif args.what == "gold":
        from .evaluation import gold
        if not args.text:
            print("liptako: eval gold needs --text DIR (the articles)", file=sys.stderr)
            return 2
        extractor = Extractor()
        gold_dir = Path(args.path)
        predicted = []
        for g in sorted(gold_dir.glob("*.json")):
            name = json.loads(g.read_text(encoding="utf-8")).get("doc", g.stem + ".txt")
            text = (Path(args.text) / name).read_text(encoding="utf-8")
            predicted.append(extractor.extract(text, id=name).to_dict())
        result = gold.score_documents(predicted, str(gold_dir))
        print(gold.format_report(result))
    else:
        from .evaluation import conll
        systems = ["liptako", "spacy"] if args.system == "both" else [args.system]
        try:
            results = {s: conll.evaluate(args.path, system=s, show_errors=args.errors)
                       for s in systems}
        except RuntimeError as e:  # the spaCy peer is an optional extra
            print(f"liptako eval: {e}", file=sys.stderr)
            return 2
        for s in systems:
            print(conll.format_report(results[s]))
        if len(systems) == 2:
            a, b = results["liptako"], results["spacy"]
            print(f"same run: F1 liptako {a['overall']['f1']:.3f} vs spaCy "
                  f"{b['overall']['f1']:.3f}; speed {b['seconds'] / a['seconds']:.0f}x "
                  f"({a['docs_per_second']:.0f} vs {b['docs_per_second']:.1f} docs/s)")
        result = results if len(systems) == 2 else results[systems[0]]
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="liptako", description=__doc__)
    p.add_argument("--version", action="version", version=f"liptako {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract entities, dates and events from texts")
    e.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, directories (walked for .txt) or - for stdin")
    e.add_argument("--dct", help="document date YYYY-MM-DD for every text")
    e.add_argument("--format", choices=["jsonl", "json", "table", "csv"], default="jsonl")
    e.add_argument("-o", "--output", help="write here instead of stdout")
    e.add_argument("--input", choices=["text", "jsonl"], default="text",
                   help="text files, or JSON Lines with one article per line")
    e.add_argument("--text-field", default="text")
    e.add_argument("--id-field", default="id")
    e.add_argument("--date-field", default="date", help="JSONL field used as the article's DCT")
    e.add_argument("--config", help="a liptako configuration file (extends the bundled one)")
    e.add_argument("--workers", type=int, default=None, help="threads (default: all cores)")
    e.add_argument("--progress", action="store_true", help="show a progress bar (tqdm)")
    e.set_defaults(func=_cmd_extract)

    v = sub.add_parser("eval", help="score liptako against gold data")
    v.add_argument("what", choices=["timeml", "gold", "conll"])
    v.add_argument("path", help="TimeML directory, gold directory or CoNLL file")
    v.add_argument("--text", help="eval gold: directory of the articles")
    v.add_argument("--system", choices=["liptako", "spacy", "both"], default="liptako",
                   help="eval conll: the system to score (both: side by side in one run)")
    v.add_argument("--errors", type=int, default=20, help="eval conll: errors to list")
    v.add_argument("--json", help="also write the scores as JSON here")
    v.set_defaults(func=_cmd_eval)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
