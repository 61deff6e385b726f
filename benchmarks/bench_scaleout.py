#!/usr/bin/env python3
"""Documents per second: serial vs extract_many(workers=2) vs Dask with 2 worker processes.

    .venv/bin/python benchmarks/bench_scaleout.py [--docs 20000] [--repeat 3]

Prints a markdown table and writes benchmarks/out/scaleout.json. The corpus is
generated from templates (about 200 characters a document), so the numbers do
not depend on any file. "extract" rows time extraction alone (Documents returned,
their lists built on first read: none is read here); "+ to_frames" rows read every
document and build the pandas frames, as the Dask path does.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import liptako
from corpus import short_articles  # benchmarks/ (this script's folder)

OUT = Path(__file__).resolve().parent / "out" / "scaleout.json"

def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--partitions", type=int, default=16)
    args = ap.parse_args()

    import dask.bag as db
    from distributed import Client, LocalCluster

    import liptako.dask as ld

    corpus = short_articles(args.docs)
    texts = [t for _, t, _ in corpus]
    ids = [i for i, _, _ in corpus]
    dcts = [d for _, _, d in corpus]
    chars = sum(len(t) for t in texts)
    x = liptako.Extractor()
    x.extract("warm up")

    rows = []

    def run(name, fn, note):
        secs = best_of(args.repeat, fn)
        rows.append({"method": name, "seconds": round(secs, 3),
                     "docs_per_s": round(args.docs / secs, 1),
                     "mb_per_s": round(chars / secs / 1e6, 2), "note": note})

    run("serial extract (workers=1)",
        lambda: x.extract_many(texts, ids=ids, dcts=dcts, workers=1), "Documents, unread")
    run("extract_many(workers=2)",
        lambda: x.extract_many(texts, ids=ids, dcts=dcts, workers=2), "Documents, unread, 2 threads")
    run("serial extract + to_frames",
        lambda: liptako.to_frames(x.extract_many(texts, ids=ids, dcts=dcts, workers=1)),
        "pandas frames")
    run("extract_many(workers=2) + to_frames",
        lambda: liptako.to_frames(x.extract_many(texts, ids=ids, dcts=dcts, workers=2)),
        "pandas frames")

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        bag = db.from_sequence(corpus, npartitions=args.partitions).persist()
        client.run(ld._extractor, None)  # build the engines outside the timing
        run("Dask, 2 worker processes: extract_bag",
            lambda: ld.extract_bag(bag).count().compute(),
            f"{args.partitions} partitions, Documents kept on workers")
        run("Dask, 2 worker processes: to_frames (all five frames)",
            lambda: ld.to_frames(bag).compute(),
            f"{args.partitions} partitions, frames gathered to the client")

    meta = {"docs": args.docs, "chars": chars, "repeat": args.repeat,
            "cpus": os.cpu_count(), "python": sys.version.split()[0],
            "machine": platform.platform(), "liptako": liptako.__version__}
    print(f"\n{args.docs} documents, {chars / args.docs:.0f} chars each on average, "
          f"{os.cpu_count()} CPUs, best of {args.repeat}\n")
    print("| method | seconds | docs/s | MB/s | note |")
    print("|---|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r['method']} | {r['seconds']} | {r['docs_per_s']} | {r['mb_per_s']} | "
              f"{r['note']} |")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"meta": meta, "results": rows}, indent=2) + "\n")
    print(f"\nwrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
