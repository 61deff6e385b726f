#!/usr/bin/env python3
"""Dumps what liptako finds in a set of documents, one line per finding, for diffing
the output of two builds (a regression check before a rule change lands).

    tools/dump_outputs.py stories DIR > before.txt    # DIR/YYYY-MM-DD_name.txt files
    tools/dump_outputs.py timeml DIR > before.txt     # TimeML files, their own DCTs
    ... change, rebuild ...
    tools/dump_outputs.py stories DIR > after.txt && diff before.txt after.txt

Every line starts with the document's name, so a diff shows where a change landed.
Events of every modality are dumped (hypothetical and negated ones too).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Iterator, Optional, Tuple

import liptako
from liptako.evaluation.timeml import parse_tml

_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})_")


def _stories(directory: str) -> Iterator[Tuple[str, str, Optional[str]]]:
    for name in sorted(os.listdir(directory)):
        if name.endswith(".txt"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                text = f.read()
            m = _DATED_NAME.match(name)
            yield name, text, m.group(1) if m else None


def _timeml(directory: str) -> Iterator[Tuple[str, str, Optional[str]]]:
    for root, _, files in sorted(os.walk(directory)):
        for name in sorted(files):
            if name.endswith(".tml"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    doc = parse_tml(f.read())
                yield name, doc["text"], doc["dct"]


def _dump(name: str, doc: "liptako.Document", what: str) -> None:
    out = sys.stdout
    if "e" in what:
        for e in doc.entities:
            out.write(f"{name}\tE\t{e.label}\t{e.text}\t{e.id}\n")
    if "t" in what:
        for t in doc.timexes:
            out.write(f"{name}\tT\t{t.type}\t{t.text}\t{t.value}\n")
    if "v" in what:
        for ev in doc.events:
            roles = " ".join(f"{p.role}:{p.name}" for p in ev.participants)
            date = ev.date.value if ev.date else "-"
            out.write(f"{name}\tV\t{ev.type}/{ev.modality}\t{ev.trigger.text}\t{date}\t{roles}\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=("stories", "timeml"))
    ap.add_argument("directory")
    ap.add_argument("--what", default="etv",
                    help="e entities, t timexes, v events (default: all three)")
    args = ap.parse_args()
    x = liptako.Extractor.from_config({"options": {"all_event_modalities": True}})
    docs = _stories(args.directory) if args.kind == "stories" else _timeml(args.directory)
    for name, text, dct in docs:
        _dump(name, x.extract(text, dct=dct, id=name), args.what)
    return 0


if __name__ == "__main__":
    sys.exit(main())
