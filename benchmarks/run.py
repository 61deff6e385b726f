"""liptako benchmarks: one command, every peer side by side.

    python benchmarks/run.py                 # default: 50 MB corpus (make bench)
    python benchmarks/run.py --quick         # ~5 MB corpus, fewer repeats
    python benchmarks/run.py --size-mb 100 --skip cpp

Writes benchmarks/out/results.json (numbers + machine + versions), the
tables between the BENCH markers of docs/performance.md and, after a full run
(not --quick), the summary and the targets table between the BENCH markers of
README.md.

Sections (each can be skipped with --skip NAME):
  gazetteer  liptako vs pyahocorasick, ahocorasick_rs, flashtext, spaCy
             PhraseMatcher/EntityRuler, re, google-re2 at 10k/100k/1M patterns,
             each peer in its own subprocess (build time, match time, peak RSS)
  cpp        builds cpp/bench (Google Benchmark) into build/bench, runs the
             C++ hot paths and Gazetteer::find on the same patterns and text
  interleaved  liptako (C++ and find_arrays) and the peers with a ratio
             target, each a live process, timed in alternating rounds on
             the same text: the ratios the targets are judged on
  pipeline   bundled Extractor: MB/s and docs/s, 1 thread and 2 workers
  scaling    time vs text size, load/pickle/unpickle time, RSS vs gazetteer size
  dates      benchmarks/bench_dates.py: liptako vs dateparser and datefinder on
             the TimeBank texts (throughput and TimeML scores)
  scaleout   benchmarks/bench_scaleout.py: serial vs extract_many vs Dask
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import pickle
import platform
import random
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
DOC = ROOT / "docs" / "performance.md"
README = ROOT / "README.md"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

SEP = "\n" + corpus.DOC_SEPARATOR + "\n"
BEGIN, END = "<!-- BENCH:BEGIN -->", "<!-- BENCH:END -->"

# Per peer: the largest pattern set it is run with, and the text it gets (MB,
# capped by --gaz-mb). Slow peers get less text; MB/s is comparable because
# every peer's cost is linear in the text (checked in the scaling section).
PEERS: Dict[str, Dict[str, float]] = {
    "liptako": {"max_patterns": 1_000_000, "mb": 1e9},
    "liptako_gazetteer": {"max_patterns": 1_000_000, "mb": 1e9},
    "liptako_gazetteer_arrays": {"max_patterns": 1_000_000, "mb": 1e9},
    "pyahocorasick": {"max_patterns": 1_000_000, "mb": 1e9},
    "pyahocorasick_long": {"max_patterns": 1_000_000, "mb": 1e9},
    "ahocorasick_rs": {"max_patterns": 1_000_000, "mb": 1e9},
    "ahocorasick_rs_ll": {"max_patterns": 1_000_000, "mb": 1e9},
    "flashtext": {"max_patterns": 1_000_000, "mb": 2},
    "spacy_phrasematcher": {"max_patterns": 100_000, "mb": 1},
    "spacy_entityruler": {"max_patterns": 100_000, "mb": 1},
    "re2": {"max_patterns": 100_000, "mb": 2},
    "re": {"max_patterns": 10_000, "mb": 0.1},
}
CAP_REASONS = {
    "spacy_phrasematcher": "1M patterns: building takes minutes (one spaCy Doc per pattern)",
    "spacy_entityruler": "1M patterns: building takes minutes (one spaCy Doc per pattern)",
    "re2": "1M-way alternation exceeds RE2's memory budget / compiles for minutes",
    "re": ("backtracking tries every alternative at every position: 10k patterns already "
           "run at ~0.05 MB/s; 100k+ is impractical"),
}


def log(*a: Any) -> None:
    print(*a, file=sys.stderr, flush=True)


def machine() -> Dict[str, Any]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1e6, 1)
    except OSError:
        pass
    from importlib.metadata import version
    versions = {}
    for dist in ("liptako", "pyahocorasick", "ahocorasick-rs", "flashtext", "spacy",
                 "google-re2", "psutil"):
        try:
            versions[dist] = version(dist)
        except Exception:
            versions[dist] = None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem,
            "os": platform.platform(), "python": sys.version.split()[0], "versions": versions,
            "load_average": os.getloadavg()}


def child(args: List[str], timeout: float) -> Optional[Dict[str, Any]]:
    try:
        r = subprocess.run([sys.executable, *args], capture_output=True, text=True,
                           timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:.0f} s"}
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or ["failed"])[-1][:200]}
    return json.loads(r.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- gazetteer

def bench_gazetteer(args, text_file: Path, sizes: List[int]) -> Dict[str, Any]:
    res: Dict[str, Any] = {"sizes": sizes, "runs": [], "text_mb": args.gaz_mb}
    for n in sizes:
        pfile = OUT / f"patterns_{n}.txt"
        if not pfile.exists():
            pfile.write_text("\n".join(corpus.patterns(n)), encoding="utf-8")
        from gazetteer_peers import liptako_gazetteer_file
        liptako_gazetteer_file(str(pfile), pfile.read_text(encoding="utf-8").splitlines())
        for peer, spec in PEERS.items():
            if args.peers and peer not in args.peers:
                continue
            if n > spec["max_patterns"]:
                res["runs"].append({"peer": peer, "patterns": n, "skipped": CAP_REASONS.get(peer)})
                continue
            mb = min(spec["mb"], args.gaz_mb)
            log(f"  gazetteer {peer:20s} {n:>8,d} patterns, {mb:g} MB")
            r = child([str(HERE / "gazetteer_peers.py"), peer, str(pfile), str(text_file),
                       str(mb), str(args.repeats)], timeout=args.timeout)
            r = r or {}
            r.setdefault("peer", peer)
            r.setdefault("patterns", n)
            if "match_s" in r:
                r["mb_s"] = r["mb"] / r["match_s"]
            log("   ", {k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()
                        if k not in ("note",)})
            res["runs"].append(r)
            # The reference count for a peer run on less text: liptako on that text.
            if peer != "liptako" and "mb" in r and not any(
                    x["peer"] == "ahocorasick_rs" and x.get("patterns") == n
                    and abs(x.get("mb", 0) - r["mb"]) < 1e-6 for x in res["runs"]):
                ref = child([str(HERE / "gazetteer_peers.py"), "ahocorasick_rs", str(pfile),
                             str(text_file), str(mb), "1"], timeout=args.timeout)
                if ref and "matches" in ref:
                    r["reference_matches"] = ref["matches"]
    return res


# ---------------------------------------------------------------- C++ (Google Benchmark)

def bench_cpp(args, text_file: Path, sizes: List[int]) -> Dict[str, Any]:
    build = ROOT / "build" / "bench"
    if not shutil.which("cmake"):
        return {"error": "cmake not found"}
    gen = ["-G", "Ninja"] if shutil.which("ninja") else []
    cfg = ["cmake", "-S", str(ROOT), "-B", str(build), *gen, "-DCMAKE_BUILD_TYPE=Release",
           "-DLIPTAKO_BUILD_BENCHMARKS=ON"]
    log("  cpp: building liptako_bench")
    for cmd in (cfg, ["cmake", "--build", str(build), "--target", "liptako_bench", "-j",
                      str(os.cpu_count() or 2)]):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            return {"error": f"{' '.join(cmd[:2])} failed: {r.stderr[-500:]}"}
    exe = build / "liptako_bench"
    out: Dict[str, Any] = {}

    def run(filt: str, env: Dict[str, str], min_time: str) -> List[Dict[str, Any]]:
        r = subprocess.run([str(exe), f"--benchmark_filter={filt}", "--benchmark_format=json",
                            f"--benchmark_min_time={min_time}"], capture_output=True, text=True,
                           env={**os.environ, **env})
        if r.returncode != 0:
            log("  cpp failed:", r.stderr[-300:])
            return []
        return json.loads(r.stdout)["benchmarks"]

    log("  cpp: hot paths (example corpus x ~1 MB)")
    out["hot_paths"] = run(".", {}, "0.5" if not args.quick else "0.1")
    # The same patterns and text as the Python peers (the gazetteer text slice).
    slice_file = OUT / "gazetteer_text_slice.txt"
    from gazetteer_peers import read_text
    slice_file.write_text(read_text(str(text_file), args.gaz_mb), encoding="utf-8")
    out["gazetteer_same_input"] = []
    for n in sizes:
        log(f"  cpp: Gazetteer::find, {n:,d} patterns, same text as the peers")
        rows = run("BM_GazetteerFile", {"LIPTAKO_BENCH_TEXT": str(slice_file),
                                        "LIPTAKO_BENCH_PATTERNS": str(OUT / f"patterns_{n}.txt")},
                   "2" if not args.quick else "0.2")
        for row in rows:
            row["patterns_n"] = n
        out["gazetteer_same_input"] += rows
    # The whole pipeline on the news-like text too (the hot paths' BM_Extract reads
    # the example corpus): the kind of text the Python pipeline rows run on.
    log("  cpp: BM_Extract on the news-like text")
    out["extract_news_like"] = run("BM_Extract$", {"LIPTAKO_BENCH_TEXT": str(slice_file)},
                                   "2" if not args.quick else "0.5")
    out["extract_news_like_mb"] = slice_file.stat().st_size / 1e6
    return out


# ---------------------------------------------------------------- interleaved rounds

# The peers timed in rounds alternating with liptako's. Each ratio target here is
# within a factor of a few of what is measured, so the drift of a shared machine
# between two peers' turns (minutes apart in the gazetteer section) moves it; spaCy's
# PhraseMatcher, at more than twice its target, is left to the gazetteer section.
INTERLEAVED_PEERS = ["flashtext", "ahocorasick_rs", "pyahocorasick"]
INTERLEAVED_LIPTAKO = ["liptako C++", "liptako_gazetteer_arrays"]


class RoundServer:
    """One contender's live process, speaking the rounds protocol of
    benchmarks/gazetteer_peers.py (liptako_bench --rounds-server speaks it too)."""

    def __init__(self, name: str, cmd: List[str], env: Dict[str, str], timeout: float):
        self.name, self.timeout = name, timeout
        self.stderr = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr, text=True, cwd=ROOT,
                                     env={**os.environ, **env})
        self.header = self._reply()

    def _reply(self) -> Dict[str, Any]:
        ready, _, _ = select.select([self.proc.stdout], [], [], self.timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.stderr.seek(0)
            why = (self.stderr.read().strip().splitlines() or
                   [f"no answer within {self.timeout:.0f} s" if not ready else "exited"])[-1]
            self.close()
            raise RuntimeError(f"{self.name}: {why[:200]}")
        try:
            return json.loads(line)
        except json.JSONDecodeError:
            self.close()
            raise RuntimeError(f"{self.name}: not a JSON line: {line.strip()[:200]!r}") from None

    def round(self, passes: int) -> Dict[str, Any]:
        """Matches the text `passes` times; returns {"seconds", "matches"}."""
        self.proc.stdin.write(f"{passes}\n")
        self.proc.stdin.flush()
        return self._reply()

    def close(self) -> None:
        """Ends the process (its stdin closed, then killed if it lingers)."""
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.stderr.close()


def interleaved_ratio(mine: List[float], theirs: List[float]) -> Dict[str, Any]:
    """liptako's MB/s over a peer's, round by round (both timed in the same round)."""
    per_round = [a / b for a, b in zip(mine, theirs)]
    return {"median": statistics.median(per_round), "min": min(per_round),
            "max": max(per_round), "rounds": per_round}


def run_rounds(servers: List[RoundServer], rounds: int, window: float, mb: float,
               errors: Dict[str, str]) -> Dict[str, Dict[str, Any]]:
    """Times `rounds` rounds of the servers (each matching `mb` MB a pass) in an order
    that rotates, each for about `window` seconds a round (its passes set from one
    pass first). A server that fails is dropped, its error put in `errors`, and the
    others go on. Returns, for each server that ran every round, its passes a round
    and its MB/s in each round (in round order: the k-th entries of two servers were
    timed in the same round)."""
    live = list(servers)
    passes: Dict[str, int] = {}
    mb_s: Dict[str, List[float]] = {s.name: [] for s in live}

    def timed(s: RoundServer, n: int) -> Optional[float]:
        """The seconds of n passes of s, or None when s failed (then dropped)."""
        try:
            return max(s.round(n)["seconds"], 1e-9)
        except RuntimeError as e:
            errors[s.name] = str(e)
            live.remove(s)
            return None

    for s in list(live):
        seconds = timed(s, 1)
        if seconds is not None:
            passes[s.name] = max(1, round(window / seconds))
    for k in range(rounds):
        shift = k % max(1, len(live))
        for s in live[shift:] + live[:shift]:
            seconds = timed(s, passes[s.name])
            if seconds is not None:
                mb_s[s.name].append(mb * passes[s.name] / seconds)
    return {s.name: {"passes": passes[s.name], "mb_s": mb_s[s.name]} for s in live}


def bench_interleaved(args, text_file: Path, sizes: List[int]) -> Dict[str, Any]:
    """Per pattern count: every contender builds once in its own process, then each
    round runs them one after another (the order rotating) for about `window`
    seconds each, on the same text. A ratio is the median over rounds of the two
    contenders' MB/s in the same round."""
    from gazetteer_peers import read_text
    text = OUT / "interleaved_text.txt"
    text.write_text(read_text(str(text_file), min(PEERS["flashtext"]["mb"], args.gaz_mb)),
                    encoding="utf-8")
    exe = ROOT / "build" / "bench" / "liptako_bench"
    rounds, window = (3, 0.3) if args.quick else (9, 1.0)
    res: Dict[str, Any] = {"mb": text.stat().st_size / 1e6, "rounds": rounds,
                           "window_s": window, "sizes": []}
    for n in sizes:
        pfile = OUT / f"patterns_{n}.txt"
        wanted: List[Tuple[str, List[str], Dict[str, str]]] = []
        if exe.exists():
            wanted.append(("liptako C++", [str(exe), "--rounds-server"],
                           {"LIPTAKO_BENCH_TEXT": str(text), "LIPTAKO_BENCH_PATTERNS": str(pfile)}))
        for peer in ["liptako_gazetteer_arrays"] + INTERLEAVED_PEERS:
            if n <= PEERS[peer]["max_patterns"] and (not args.peers or peer in args.peers):
                wanted.append((peer, [sys.executable, str(HERE / "gazetteer_peers.py"), peer,
                                      str(pfile), str(text), str(res["mb"] + 1), "--serve"],
                               {}))
        entry: Dict[str, Any] = {"patterns": n, "contenders": {}, "errors": {}, "ratios": {}}
        servers: List[RoundServer] = []
        try:
            for name, cmd, env in wanted:  # one at a time: builds do not share the cores
                log(f"  interleaved: {n:,d} patterns, starting {name}")
                try:
                    servers.append(RoundServer(name, cmd, env, args.timeout))
                except RuntimeError as e:
                    entry["errors"][name] = str(e)
            for name, ran in run_rounds(servers, rounds, window, res["mb"],
                                        entry["errors"]).items():
                header = next(s.header for s in servers if s.name == name)
                entry["contenders"][name] = {
                    "build_s": header["build_s"], "matches": header["matches"], **ran,
                    "median_mb_s": statistics.median(ran["mb_s"])}
        finally:
            for s in servers:
                s.close()
        c = entry["contenders"]
        for mine in INTERLEAVED_LIPTAKO:
            for peer in INTERLEAVED_PEERS:
                if mine in c and peer in c:
                    entry["ratios"][f"{mine} / {peer}"] = interleaved_ratio(c[mine]["mb_s"],
                                                                            c[peer]["mb_s"])
        log("   ", {k: f"{v['median']:.1f}x ({v['min']:.1f}-{v['max']:.1f})"
                    for k, v in entry["ratios"].items()}, entry["errors"] or "")
        res["sizes"].append(entry)
    return res


# ---------------------------------------------------------------- pipeline

def _read_all(results) -> Dict[str, int]:
    """Reads every document's lists (building them) and counts them."""
    counts = {"entities": 0, "timexes": 0, "events": 0}
    for d in results:
        counts["entities"] += len(d.entities)
        counts["timexes"] += len(d.timexes)
        counts["events"] += len(d.events)
    return counts


def bench_pipeline(args, docs: List[str]) -> Dict[str, Any]:
    """The bundled Extractor, three ways: extract_many (documents returned, their
    lists built on first read, so none here), iter_extract with every document's
    lists read as they stream (all Python objects built), and an extract() loop
    reading every document. Modes are interleaved round by round; the best of
    at least five rounds (this VM's slow spells last minutes: with three, one
    spell could cover every round of a mode)."""
    import liptako
    x = liptako.Extractor()
    piece, tot = [], 0
    for d in docs:  # the first --pipeline-mb of the corpus
        if tot >= args.pipeline_mb * 1e6:
            break
        piece.append(d)
        tot += len(d.encode("utf-8"))
    docs = piece
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    n_loop = min(len(docs), 2000)
    loop_mb = sum(len(d.encode("utf-8")) for d in docs[:n_loop]) / 1e6
    _read_all(x.extract_many(docs[:50], workers=1))  # warm up

    def many(w: int) -> Dict[str, int]:
        out = x.extract_many(docs, workers=w)
        return {"documents": len(out)}

    def streamed(w: int) -> Dict[str, int]:
        return _read_all(x.iter_extract(docs, workers=w))

    def loop(_w: int) -> Dict[str, int]:
        return _read_all(x.extract(d) for d in docs[:n_loop])

    modes = {f"many_{w}": (many, w, mb, len(docs)) for w in (1, 2)}
    modes.update({f"read_{w}": (streamed, w, mb, len(docs)) for w in (1, 2)})
    modes["loop"] = (loop, 1, loop_mb, n_loop)
    times: Dict[str, List[float]] = {k: [] for k in modes}
    counts: Dict[str, Dict[str, int]] = {}
    res: Dict[str, Any] = {"mb": mb, "docs": len(docs), "rounds": max(5, args.repeats)}
    for _ in range(res["rounds"]):
        for key, (fn, w, _mb, _n) in modes.items():
            t0 = time.perf_counter()
            counts[key] = fn(w)
            times[key].append(time.perf_counter() - t0)
    for key, (_fn, _w, m, n) in modes.items():
        best = min(times[key])
        res[key] = {"s": best, "times": times[key], "mb": m, "docs": n, "mb_s": m / best,
                    "docs_s": n / best, **counts[key]}
        log(f"  pipeline {key}: {m / best:.2f} MB/s, {n / best:.0f} docs/s")
    res["speedup_2_workers"] = res["many_1"]["s"] / res["many_2"]["s"]
    res["speedup_2_workers_read"] = res["read_1"]["s"] / res["read_2"]["s"]
    return res


# ---------------------------------------------------------------- scaling

def bench_scaling(args, docs: List[str], sizes: List[int]) -> Dict[str, Any]:
    import liptako
    res: Dict[str, Any] = {}
    # Load, pickle, unpickle (median of 5; each load in a fresh subprocess too).
    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        x = liptako.Extractor()
        loads.append(time.perf_counter() - t0)
    blob = pickle.dumps(x)
    pk, upk = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        blob = pickle.dumps(x)
        pk.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        y = pickle.loads(blob)
        y.extract("Mali.")  # unpickling is lazy: the engine is rebuilt on first use
        upk.append(time.perf_counter() - t0)
    cold = child(["-c", "import time; t=time.perf_counter(); import liptako; "
                  "x=liptako.Extractor(); import json; "
                  "print(json.dumps({'s': time.perf_counter()-t}))"], timeout=120)
    res["load"] = {"extractor_s": statistics.median(loads), "cold_import_and_load_s":
                   (cold or {}).get("s"), "pickle_s": statistics.median(pk),
                   "unpickle_and_first_extract_s": statistics.median(upk),
                   "pickle_bytes": len(blob)}
    log("  load:", res["load"])

    # Time vs text size: the corpus's documents up to each size (cycled past its
    # end, so 100 MB is the 50 MB corpus twice), streamed through iter_extract
    # on one worker with each result dropped, as a pipeline writing results out
    # would: a list of millions of kept results would time Python's heap, not
    # the engine.
    targets = [0.001, 0.01, 0.1, 1, 5, 10, 25, 50, 100]
    if args.quick:
        targets = [t for t in targets if t <= 10]
    for _doc in x.iter_extract(docs[:2000], workers=1):  # warm up (allocator, caches)
        pass
    pieces = []
    for target in targets:
        if target < 0.05:  # below one document: a prefix of one text
            text = docs[0]
            while len(text) < target * 1e6:
                text += "\n\n" + docs[len(text) % len(docs)]
            piece = [text[: int(target * 1e6)]]
        else:
            piece, tot = [], 0
            for d in itertools.cycle(docs):
                if tot >= target * 1e6:
                    break
                piece.append(d)
                tot += len(d.encode("utf-8"))
        pieces.append((sum(len(d.encode("utf-8")) for d in piece) / 1e6, piece))

    def timed(piece: List[str]) -> Tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in x.iter_extract(piece, workers=1):
            pass
        return time.perf_counter() - t0, time.process_time() - c0  # CPU: all threads

    best = [float("inf")] * len(pieces)
    best_cpu = [float("inf")] * len(pieces)
    # Rounds: every size is timed once per round, in a new order each round, so
    # that a burst of load or a slow spell of this shared VM lands on one round
    # rather than on one size; the best of the rounds is kept (at least five).
    # Texts under 1 MB are timed many times within a round (the best time kept).
    # From 1 MB up, one sample streams at least 10 MB (the piece again and again,
    # the mean kept): a short sample's best would otherwise catch a fast moment
    # that a 100 MB one averages away.
    order = list(range(len(pieces)))
    for round_ in range(max(5, args.repeats)):
        random.Random(round_).shuffle(order)
        for k in order:
            mb, piece = pieces[k]
            if mb < 1:
                for _ in range(max(1, min(200, int(0.25 / max(mb, 1e-4))))):
                    wall, cpu = timed(piece)
                    best[k], best_cpu[k] = min(best[k], wall), min(best_cpu[k], cpu)
                continue
            reps = max(1, math.ceil(10 / mb))
            wall = cpu = 0.0
            for _ in range(reps):
                w, c = timed(piece)
                wall, cpu = wall + w, cpu + c
            best[k], best_cpu[k] = min(best[k], wall / reps), min(best_cpu[k], cpu / reps)
    rows = []
    for k, (mb, _piece) in enumerate(pieces):
        rows.append({"mb": mb, "s": best[k], "s_per_mb": best[k] / mb, "mb_s": mb / best[k],
                     "cpu_s": best_cpu[k], "cpu_s_per_mb": best_cpu[k] / mb})
        log(f"  text {mb:9.3f} MB: {best[k]:8.3f} s, {mb / best[k]:.2f} MB/s")
    del pieces
    res["text_size"] = rows

    # Gazetteer size: build time and peak RSS, one subprocess per size.
    grows = []
    for n in sizes:
        pfile = OUT / f"patterns_{n}.txt"
        if not pfile.exists():
            pfile.write_text("\n".join(corpus.patterns(n)), encoding="utf-8")
        # The gazetteer file is written here, so that the child's peak RSS is the
        # Extractor's alone (not also the Python list json.dumps was given).
        tmp = OUT / f"scaling_gaz_{n}.json"
        if not tmp.exists():
            pats = pfile.read_text(encoding="utf-8").splitlines()
            tmp.write_text(json.dumps({"format": "liptako-gazetteer/1", "label": "MISC",
                                       "entries": [{"id": f"x/{k}", "name": p}
                                                   for k, p in enumerate(pats)]}),
                           encoding="utf-8")
            del pats
        code = (
            "import json,sys,time,liptako\n"
            "from pathlib import Path\n"
            f"sys.path.insert(0,{str(HERE)!r})\n"
            "from gazetteer_peers import peak_rss_mb\n"
            "f=Path(sys.argv[1])\n"
            "base=peak_rss_mb()\n"
            "t=time.perf_counter()\n"
            "x=liptako.Extractor({'gazetteers':[str(f)]})\n"
            "s=time.perf_counter()-t\n"
            "st=x.stats()\n"
            "print(json.dumps({'build_s':s,'rss_mb':peak_rss_mb(),"
            "'rss_before_mb':base,'gazetteer_mb':st['gazetteer_bytes']/1e6,"
            "'phrases':st['phrases']}))\n")
        r = child(["-c", code, str(tmp)], timeout=args.timeout) or {}
        r["patterns"] = n
        grows.append(r)
        log(f"  gazetteer {n:>8,d} (+bundled): {r}")
    res["gazetteer_size"] = grows
    return res


# ---------------------------------------------------------------- report

def fmt(v: Optional[float], nd: int = 2) -> str:
    if v is None:
        return "–"
    if v >= 100:
        return f"{v:,.0f}"
    return f"{v:.{nd}f}"


def _x(v: Optional[float]) -> str:
    return f"{v:.1f}x" if v is not None else "–"


# The performance issue's gazetteer targets: liptako / peer throughput.
GAZ_TARGETS = [("ahocorasick_rs", 3), ("pyahocorasick", 5), ("flashtext", 50),
               ("spacy_phrasematcher", 100)]


def iterations(rows: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The Google Benchmark rows that time iterations (not repetition aggregates)."""
    return [r for r in rows if r.get("run_type", "iteration") == "iteration"]


def _ratio(a: Optional[float], b: float) -> Optional[float]:
    return a / b if a else None


def cpp_gazetteer_mb_s(row: Dict[str, Any]) -> float:
    """MB/s of a BM_GazetteerFile row: its best round, as every Python peer is
    timed (rows from before the counter existed: the mean of the iterations)."""
    return row.get("best_round_bytes_per_second", row["bytes_per_second"]) / 1e6


def interleaved_ratios(results: Dict[str, Any]) -> Dict[Tuple[int, str, str], Dict[str, Any]]:
    """(patterns, liptako contender, peer) -> that ratio of the interleaved section."""
    out = {}
    for entry in (results.get("interleaved") or {}).get("sizes", []):
        for key, ratio in entry["ratios"].items():
            mine, peer = key.split(" / ")
            out[(entry["patterns"], mine, peer)] = ratio
    return out


def gazetteer_sizes(results: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Per pattern count: liptako's MB/s (C++ `Gazetteer::find`; `find_arrays`,
    `find` and the faster of them from Python), and each target peer that ran
    with its MB/s, the wanted ratio and liptako's ratios over it. Where the peer
    also ran in the interleaved section, its MB/s and ratios are that section's
    medians (`interleaved` holds both ratio entries): timed in the same rounds,
    they are the steadier measure of the two."""
    g = results.get("gazetteer") or {}
    cpp = results.get("cpp") or {}
    same = {r["patterns_n"]: cpp_gazetteer_mb_s(r)
            for r in iterations(cpp.get("gazetteer_same_input", []))}
    rounds = interleaved_ratios(results)
    interleaved_mb_s = {(e["patterns"], name): c["median_mb_s"]
                        for e in (results.get("interleaved") or {}).get("sizes", [])
                        for name, c in e["contenders"].items()}
    sizes = []
    for n in g.get("sizes", []):
        runs = {r["peer"]: r for r in g["runs"] if r["patterns"] == n and "mb_s" in r}
        arrays = runs.get("liptako_gazetteer_arrays", {}).get("mb_s")
        objects = runs.get("liptako_gazetteer", {}).get("mb_s")
        python = max(filter(None, (arrays, objects)), default=None)
        c = same.get(n)
        peers = []
        for peer, want in GAZ_TARGETS:
            if peer not in runs:
                continue
            row = {"peer": peer, "want": want, "mb_s": runs[peer]["mb_s"],
                   "python_x": _ratio(python, runs[peer]["mb_s"]),
                   "cpp_x": _ratio(c, runs[peer]["mb_s"]), "interleaved": None}
            cpp_r = rounds.get((n, "liptako C++", peer))
            py_r = rounds.get((n, "liptako_gazetteer_arrays", peer))
            if cpp_r and py_r:
                row.update(python_x=py_r["median"], cpp_x=cpp_r["median"],
                           mb_s=interleaved_mb_s.get((n, peer), row["mb_s"]),
                           interleaved={"cpp": cpp_r, "python": py_r})
            peers.append(row)
        sizes.append({"patterns": n, "cpp": c, "arrays": arrays, "objects": objects,
                      "peers": peers})
    return sizes


def _x_range(ratio: Dict[str, Any]) -> str:
    return f"{_x(ratio['median'])} ({ratio['min']:.1f}-{ratio['max']:.1f})"


def gazetteer_targets(results: Dict[str, Any]) -> List[str]:
    """Ratios of liptako (C++, and the fastest Python form) over each target peer."""
    il = results.get("interleaved") or {}
    L = ["Targets (liptako MB/s ÷ peer MB/s, same patterns and text). Interleaved: the "
         f"median over {il.get('rounds', '?')} rounds of the ratio within a round, with its "
         "range (Python: `find_arrays`); separate: the best rounds of the gazetteer rows "
         "above, timed minutes apart.", "",
         "| patterns | peer | target | liptako C++ | liptako from Python | timed |",
         "|---:|---|---:|---:|---:|---|"]
    for size in gazetteer_sizes(results):
        for p in size["peers"]:
            il_p = p["interleaved"]
            cells = ([_x_range(il_p["cpp"]), _x_range(il_p["python"]), "interleaved"] if il_p
                     else [_x(p["cpp_x"]), _x(p["python_x"]), "separate"])
            L.append(f"| {size['patterns']:,d} | {p['peer']} | {p['want']}x | "
                     + " | ".join(cells) + " |")
    L.append("")
    return L


def interleaved_table(results: Dict[str, Any]) -> List[str]:
    """The interleaved section's contenders: median MB/s, passes per round, matches."""
    il = results.get("interleaved")
    if not il:
        return []
    L = ["### Interleaved rounds (the ratios the targets use)", "",
         f"Every contender is a live process that has built its matcher and been warmed up; "
         f"each of {il['rounds']} rounds then runs them one after another on the same "
         f"{il['mb']:.1f} MB of text, the order rotating, each for about "
         f"{il['window_s']:g} s (passes over the text), so that the two sides of a ratio are "
         "timed seconds apart.", "",
         "| patterns | contender | median MB/s | min-max MB/s | passes a round | build s | "
         "matches |", "|---:|---|---:|---:|---:|---:|---:|"]
    for entry in il["sizes"]:
        for name, c in entry["contenders"].items():
            L.append(f"| {entry['patterns']:,d} | {name} | {fmt(c['median_mb_s'])} | "
                     f"{fmt(min(c['mb_s']))}-{fmt(max(c['mb_s']))} | {c['passes']} | "
                     f"{fmt(c['build_s'])} | {c['matches']:,d} |")
        for name, why in entry.get("errors", {}).items():
            L.append(f"| {entry['patterns']:,d} | {name} | {why} | | | | |")
    L.append("")
    return L


def report(results: Dict[str, Any]) -> str:
    m = results["machine"]
    L: List[str] = []
    L.append(f"Measured {results['date']} on {m['cpu']}, {m['cores']} cores, "
             f"{m['memory_gb']} GB RAM, Python {m['python']}, {m['os']} "
             f"(load average at start {', '.join(f'{x:.1f}' for x in m['load_average'])}); "
             f"corpus {results['corpus']['mb']:.1f} MB, {results['corpus']['docs']:,d} documents "
             f"(seed {results['corpus']['seed']}). Versions: "
             + ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v) + ".")
    L.append("")
    g = results.get("gazetteer")
    cpp = results.get("cpp") or {}
    same = {r["patterns_n"]: r for r in iterations(cpp.get("gazetteer_same_input", []))}
    repeats_shown = results["args"].get("repeats", 3)
    if g:
        L.append("### Gazetteer matching (whole-word, case-insensitive, leftmost-longest)")
        L.append("")
        L.append("MB/s of text, single thread, the best round of at least "
                 f"{repeats_shown} rounds and 2 s of rounds (the same rule for every peer, the "
                 "C++ row too: its rounds are Google Benchmark's iterations over 2 s); build = building the matcher "
                 "from the pattern list; RSS = peak of the peer's process (includes the text). "
                 "`matches` is the peer's count and, in brackets, the count of the "
                 "equal-semantics reference (ahocorasick_rs, overlapping + filter) on the same "
                 "text when the peer ran on less text.")
        L.append("")
        L.append("| patterns | matcher | MB/s | vs liptako C++ | build s | peak RSS MB | text MB | matches |")
        L.append("|---:|---|---:|---:|---:|---:|---:|---:|")
        for n in g["sizes"]:
            c = same.get(n)
            c_mbs = cpp_gazetteer_mb_s(c) if c else None
            if c:
                L.append(f"| {n:,d} | **liptako C++ `Gazetteer::find`** (tokenize+fold+find) | "
                         f"**{fmt(c_mbs)}** | 1.00 | {fmt(c.get('build_s'))} | – | "
                         f"{results['gazetteer_slice_mb']:.1f} | {int(c.get('spans', 0)):,d} spans "
                         f"({int(c.get('matches', 0)):,d} values) |")
            for r in [r for r in g["runs"] if r["patterns"] == n]:
                name = r["peer"]
                if r.get("skipped"):
                    L.append(f"| {n:,d} | {name} | skipped | | | | | {r['skipped']} |")
                    continue
                if "error" in r:
                    L.append(f"| {n:,d} | {name} | {r['error']} | | | | | |")
                    continue
                ratio = f"{c_mbs / r['mb_s']:.1f}x slower" if c_mbs else "–"
                ref = (f" ({r['reference_matches']:,d})" if "reference_matches" in r else "")
                L.append(f"| {n:,d} | {name} | {fmt(r['mb_s'])} | {ratio} | {fmt(r['build_s'])} | "
                         f"{fmt(r['rss_mb'], 0)} | {r['mb']:.1f} | {r['matches']:,d}{ref} |")
        L.append("")
        notes = {}
        for r in g["runs"]:
            if r.get("note"):
                notes[r["peer"]] = r["note"]
        for k, v in notes.items():
            L.append(f"- **{k}**: {v}")
        L.append("")
        L.extend(interleaved_table(results))
        L.extend(gazetteer_targets(results))
    p = results.get("pipeline")
    if p:
        L.append("### Full pipeline (bundled Extractor: entities, dates, events)")
        L.append("")
        L.append("| mode | results | MB/s | docs/s | s | entities | timexes | events |")
        L.append("|---|---|---:|---:|---:|---:|---:|---:|")
        rows = [(f"`extract_many(workers={w})`", "returned, lists built on first read", f"many_{w}")
                for w in (1, 2)]
        rows += [(f"`iter_extract(workers={w})`", "every document's lists read", f"read_{w}")
                 for w in (1, 2)]
        rows.append(("`extract()` loop", "every document's lists read", "loop"))
        for name, what, key in rows:
            r = p[key]
            cells = [f"{r[k]:,d}" if k in r else "" for k in ("entities", "timexes", "events")]
            L.append(f"| {name} | {what} | {fmt(r['mb_s'])} | {fmt(r['docs_s'], 0)} | "
                     f"{fmt(r['s'])} | " + " | ".join(cells) + " |")
        L.append("")
        L.append(f"2 workers vs 1: **{p['speedup_2_workers']:.2f}x** with the documents "
                 f"returned; **{p['speedup_2_workers_read']:.2f}x** when every document's "
                 f"lists are read as they stream ({p['mb']:.1f} MB, {p['docs']:,d} documents, "
                 f"best of {p.get('rounds', 3)} rounds; "
                 f"the loop: {p['loop']['docs']:,d} documents). The engine runs on native "
                 "threads without the GIL; building Python objects needs it, so when every "
                 "document is read that share runs on one thread (the main one, overlapped "
                 "with the engine's next batch).")
        L.append("")
    if cpp.get("hot_paths"):
        L.append("### C++ hot paths (Google Benchmark, `cpp/bench/bench_core.cpp`, ~1 MB of the example corpus)")
        L.append("")
        L.append("| benchmark | ms per iteration | MB/s | counters |")
        L.append("|---|---:|---:|---|")
        for b in iterations(cpp["hot_paths"]):
            extra = {k: v for k, v in b.items() if k in (
                "tokens", "matches", "rules", "timexes", "events", "entities", "docs",
                "memory_MB")}
            bps = b.get("bytes_per_second")
            L.append(f"| {b['name']} | {b['real_time']:.2f} | {fmt(bps / 1e6) if bps else '–'} | "
                     + ", ".join(f"{k}={v:,.0f}" if v >= 10 or float(v).is_integer() else f"{k}={v:.1f}"
                                 for k, v in extra.items()) + " |")
        L.append("")
        for b in iterations(cpp.get("extract_news_like", [])):
            if b.get("bytes_per_second"):
                L.append(f"`BM_Extract` on the {cpp['extract_news_like_mb']:.1f} MB news-like text "
                         f"of the gazetteer rows (the full pipeline, one thread, "
                         f"{b.get('docs', 0):,.0f} documents): "
                         f"**{fmt(b['bytes_per_second'] / 1e6)} MB/s**.")
                L.append("")
    s = results.get("scaling")
    if s:
        ld = s["load"]
        L.append("### Load, pickle, scaling")
        L.append("")
        L.append(f"- `liptako.Extractor()` (bundled): **{ld['extractor_s'] * 1000:.0f} ms** "
                 f"(median of 5); fresh process, import + load: "
                 f"{fmt((ld['cold_import_and_load_s'] or 0) * 1000, 0)} ms")
        L.append(f"- pickle: {ld['pickle_s'] * 1000:.2f} ms ({ld['pickle_bytes']:,d} bytes: the "
                 f"recipe, not the engine); unpickle + first extract (rebuild): "
                 f"{ld['unpickle_and_first_extract_s'] * 1000:.0f} ms")
        L.append("")
        L.append("| text MB | s | s per MB | MB/s | CPU s per MB (both threads) |")
        L.append("|---:|---:|---:|---:|---:|")
        for r in s["text_size"]:
            cpu = f"{r['cpu_s_per_mb']:.3f}" if "cpu_s_per_mb" in r else "–"
            L.append(f"| {r['mb']:.3f} | {r['s']:.4f} | {r['s_per_mb']:.3f} | {fmt(r['mb_s'])} "
                     f"| {cpu} |")
        L.append("")
        big = [r for r in s["text_size"] if r["mb"] >= 0.9]
        if len(big) >= 2:
            per = [r["s_per_mb"] for r in big]

            def spread(v: List[float]) -> str:
                mid = statistics.median(v)
                return (f"between {min(v):.3f} and {max(v):.3f}, at most "
                        f"{100 * max(abs(u - mid) for u in v) / mid:.0f}% from their median")
            line = f"Linearity from 1 MB up: wall s/MB {spread(per)}"
            if all("cpu_s_per_mb" in r for r in big):
                line += (f"; CPU s/MB {spread([r['cpu_s_per_mb'] for r in big])}. The engine's "
                         "cost is the CPU time; wall time also holds the stream's start and end "
                         "(the first batch is extracted before any result is built, the last "
                         "built after extraction ends), which weigh more on small texts")
            L.append(line + ".")
            L.append("")
        L.append("| extra patterns (+ bundled) | build s | peak RSS MB | gazetteer MB |")
        L.append("|---:|---:|---:|---:|")
        for r in s["gazetteer_size"]:
            if "build_s" not in r:
                L.append(f"| {r['patterns']:,d} | {r.get('error')} | | |")
                continue
            L.append(f"| {r['patterns']:,d} | {r['build_s']:.2f} | {r['rss_mb']:.0f} | "
                     f"{r['gazetteer_mb']:.1f} |")
        L.append("")
    return "\n".join(L)


# A target of the performance issue: what, wanted, measured, and whether the
# Python API meets it ("yes"), only the C++ engine ("C++ only") or neither.
Target = Tuple[str, str, str, str]


def _met(python: bool, cpp: bool) -> str:
    return "yes" if python and cpp else "C++ only" if cpp else "**no**"


def readme_summary(results: Dict[str, Any], dates: Optional[Dict[str, Any]]) -> str:
    """The README's speed table and targets, from one run's results."""
    m = results["machine"]
    cpp = results.get("cpp") or {}
    pipe = results.get("pipeline") or {}
    sc = results.get("scaling") or {}
    hot = {b["name"]: b for b in iterations(cpp.get("hot_paths", []))}
    news = iterations(cpp.get("extract_news_like", []))
    extract_news = news[0]["bytes_per_second"] / 1e6 if news else None
    extract_example = (hot["BM_Extract"]["bytes_per_second"] / 1e6
                       if "BM_Extract" in hot else None)
    L = [f"`make bench`, {results['date']}, {m['cpu']}, {m['cores']} cores; every peer in the "
         "same run (docs/performance.md has every row).", "",
         "| what | liptako | peers, same run |", "| --- | --- | --- |"]
    targets: List[Target] = []
    names = {"ahocorasick_rs": "ahocorasick_rs", "pyahocorasick": "pyahocorasick",
             "flashtext": "flashtext", "spacy_phrasematcher": "spaCy PhraseMatcher"}
    for size in gazetteer_sizes(results):
        n = size["patterns"]
        peers = []
        for p in size["peers"]:
            name, want, px, cx = names[p["peer"]], p["want"], p["python_x"], p["cpp_x"]
            peers.append(f"{name} {fmt(p['mb_s'])} ({_x(px)}"
                         + (", interleaved)" if p["interleaved"] else ")"))
            how = " (interleaved rounds, medians)" if p["interleaved"] else ""
            targets.append((f"gazetteer, {n:,d} names, vs {name}", f"{want}x",
                            f"{_x(px)} from Python, {_x(cx)} from C++{how}",
                            _met(px is not None and px >= want, cx is not None and cx >= want)))
        L.append(f"| gazetteer, {n:,d} names, whole-word, case-insensitive | from Python: "
                 f"`find_arrays` {fmt(size['arrays'])} MB/s, `find` {fmt(size['objects'])} MB/s; "
                 f"C++ `Gazetteer::find` {fmt(size['cpp'])} MB/s | " + ", ".join(peers) + " |")
    if pipe:
        L.append("| full pipeline: entities, dates, events | "
                 f"C++, one thread: {fmt(extract_news)} MB/s on the news-like text, "
                 f"{fmt(extract_example)} on the example articles; Python: "
                 f"`extract_many` {fmt(pipe['many_1']['mb_s'])} MB/s with one worker, "
                 f"{fmt(pipe['many_2']['mb_s'])} with two ({pipe['speedup_2_workers']:.2f}x), "
                 f"documents returned; reading every document as it streams "
                 f"{fmt(pipe['read_1']['mb_s'])} -> {fmt(pipe['read_2']['mb_s'])} MB/s "
                 f"({pipe['speedup_2_workers_read']:.2f}x); `extract()` loop "
                 f"{fmt(pipe['loop']['mb_s'])} MB/s | |")
        per_core = min(filter(None, (extract_news, extract_example)), default=None)
        targets.append(("full pipeline, one core", "20 MB/s",
                        f"{fmt(extract_news)} (news-like) / {fmt(extract_example)} (articles) "
                        f"in C++, {fmt(pipe['many_1']['mb_s'])} from Python",
                        _met(pipe["many_1"]["mb_s"] >= 20,
                             per_core is not None and per_core >= 20)))
        both = pipe["speedup_2_workers"] >= 1.8
        targets.append(("2 workers vs 1", "1.8x", f"{pipe['speedup_2_workers']:.2f}x",
                        _met(both, both)))
    big = [r for r in sc.get("text_size", []) if r["mb"] >= 1]
    if big:
        per = [r["s_per_mb"] for r in big]
        med = statistics.median(per)
        dev = max(abs(v - med) / med for v in per)
        L.append(f"| time vs text size, 1 MB to {max(r['mb'] for r in big):.0f} MB (streamed) | "
                 f"{min(per):.3f}-{max(per):.3f} s per MB (at most {dev:.0%} from the median) "
                 "| |")
        targets.append(("cost per MB, 1 MB to 100 MB", "within 10%", f"{dev:.0%}",
                        _met(dev <= 0.10, dev <= 0.10)))
    for r in sc.get("gazetteer_size", []):
        if r.get("patterns") == 1_000_000 and "build_s" in r:
            L.append(f"| an Extractor with 1M extra names from a JSON file | builds in "
                     f"{r['build_s']:.1f} s, {r['rss_mb']:.0f} MB peak RSS | |")
            ok = r["build_s"] < 10 and r["rss_mb"] < 500
            targets.append(("1M-name Extractor build", "10 s, 500 MB",
                            f"{r['build_s']:.1f} s, {r['rss_mb']:.0f} MB", _met(ok, ok)))
    load = sc.get("load")
    if load:
        L.append(f"| bundled Extractor | loads in {load['extractor_s'] * 1e3:.0f} ms; pickles as "
                 f"a {load['pickle_bytes']:,d}-byte recipe | |")
        ok = load["extractor_s"] < 0.5
        targets.append(("bundled Extractor load", "0.5 s", f"{load['extractor_s']:.2f} s",
                        _met(ok, ok)))
    if dates:
        sy = dates["systems"]
        mine = next((v for k, v in sy.items() if k.endswith("(dates only)")), None)
        full = next((v for k, v in sy.items() if k.endswith("(full pipeline)")), None)
        dp = next((v for k, v in sy.items() if k.startswith("dateparser")), None)
        df = next((v for k, v in sy.items() if k.startswith("datefinder")), None)
        if mine and dp and df and full:
            L.append(f"| dates on TimeBank + AQUAINT ({dates['documents']} docs) | dates only: "
                     f"{mine['docs_per_s']:,.0f} docs/s; full pipeline {full['docs_per_s']:,.0f} "
                     f"docs/s | dateparser `search_dates` {dp['docs_per_s']:,.1f} docs/s "
                     f"({mine['docs_per_s'] / dp['docs_per_s']:.0f}x); datefinder "
                     f"{df['docs_per_s']:,.0f} docs/s "
                     f"({mine['docs_per_s'] / df['docs_per_s']:.1f}x; absolute dates only) |")
    L += ["", "Targets (from the same run; met: from the Python API, or only by the C++ "
          "engine, or not):", "", "| target | wanted | measured | met |",
          "| --- | --- | --- | --- |"]
    L += [f"| {what} | {want} | {got} | {met} |" for what, want, got, met in targets]
    return "\n".join(L)


def write_between_markers(path: Path, table: str, title: str) -> None:
    """Puts `table` between the BENCH markers of `path` (appended if it has none)."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"{title}\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    pre, rest = text.split(BEGIN, 1)
    post = rest.split(END, 1)[1] if END in rest else ""
    path.write_text(f"{pre}{BEGIN}\n{table}\n{END}{post}", encoding="utf-8")


def write_doc(table: str) -> None:
    write_between_markers(DOC, table, "# Performance")


def write_readme(results: Dict[str, Any]) -> None:
    dates_file = OUT / "dates.json"
    dates = json.loads(dates_file.read_text(encoding="utf-8")) if dates_file.exists() else None
    write_between_markers(README, readme_summary(results, dates), "# liptako")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=None, help="corpus size (default 50)")
    ap.add_argument("--quick", action="store_true", help="~5 MB corpus, one repeat, 10k/100k")
    ap.add_argument("--gaz-mb", type=float, default=None,
                    help="text given to the gazetteer peers (default 10, quick 2)")
    ap.add_argument("--pipeline-mb", type=float, default=None,
                    help="text for the pipeline section (default 10, quick 2)")
    ap.add_argument("--patterns", default=None, help="comma list (default 10000,100000,1000000)")
    ap.add_argument("--peers", default=None, help="comma list of gazetteer peers (default all)")
    ap.add_argument("--skip", default="",
                    help="comma list: gazetteer,cpp,interleaved,pipeline,scaling,dates,scaleout")
    ap.add_argument("--repeats", type=int, default=None)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--timeout", type=float, default=300, help="per peer run, seconds")
    ap.add_argument("--no-doc", action="store_true",
                    help="do not touch docs/performance.md and README.md")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite the tables from benchmarks/out/results.json, run nothing")
    args = ap.parse_args()
    if args.report_only:
        results = json.loads((OUT / "results.json").read_text(encoding="utf-8"))
        write_doc(report(results))
        if not results["args"].get("quick"):
            write_readme(results)
        return
    size = args.size_mb or (5 if args.quick else 50)
    args.gaz_mb = args.gaz_mb or (2 if args.quick else 10)
    args.pipeline_mb = args.pipeline_mb or (2 if args.quick else 10)
    args.repeats = args.repeats or (1 if args.quick else 3)
    args.peers = set(args.peers.split(",")) if args.peers else None
    sizes = [int(x) for x in args.patterns.split(",")] if args.patterns else (
        [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    skip = set(filter(None, args.skip.split(",")))
    OUT.mkdir(parents=True, exist_ok=True)

    t_start = time.perf_counter()
    results: Dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(),
                               "args": {k: (sorted(v) if isinstance(v, set) else v)
                                        for k, v in vars(args).items()}}
    log(f"corpus: {size:g} MB (seed {args.seed})")
    t0 = time.perf_counter()
    docs = corpus.load_or_generate(size, OUT, args.seed)
    text_file = OUT / f"corpus_{size:g}MB_seed{args.seed}.txt"
    results["corpus"] = {"mb": sum(len(d.encode("utf-8")) for d in docs) / 1e6,
                         "docs": len(docs), "seed": args.seed, "file": str(text_file),
                         "s": time.perf_counter() - t0}
    results["gazetteer_slice_mb"] = min(args.gaz_mb, results["corpus"]["mb"])
    if "gazetteer" not in skip:
        log("gazetteer peers")
        results["gazetteer"] = bench_gazetteer(args, text_file, sizes)
    if "cpp" not in skip:
        log("C++ benchmarks")
        results["cpp"] = bench_cpp(args, text_file, sizes)
    if "interleaved" not in skip:
        log("interleaved rounds: liptako and the peers with a ratio target")
        results["interleaved"] = bench_interleaved(args, text_file, sizes)
    if "pipeline" not in skip:
        log("full pipeline")
        results["pipeline"] = bench_pipeline(args, docs)
    if "scaling" not in skip:
        log("scaling")
        results["scaling"] = bench_scaling(args, docs, sizes)
    if "dates" not in skip:
        log("dates vs dateparser and datefinder (benchmarks/bench_dates.py)")
        r = subprocess.run([sys.executable, str(HERE / "bench_dates.py")], cwd=ROOT)
        results["dates_returncode"] = r.returncode
    scaleout = HERE / "bench_scaleout.py"
    if scaleout.exists() and "scaleout" not in skip:
        log("scale-out (benchmarks/bench_scaleout.py)")
        r = subprocess.run([sys.executable, str(scaleout)], cwd=ROOT)
        results["scaleout_returncode"] = r.returncode
    results["total_s"] = time.perf_counter() - t_start
    (OUT / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    table = report(results)
    (OUT / "results.md").write_text(table + "\n", encoding="utf-8")
    if not args.no_doc:
        write_doc(table)
        if not args.quick:
            write_readme(results)
    log(f"done in {results['total_s']:.0f} s: {OUT / 'results.json'}, {DOC}"
        + ("" if args.no_doc or args.quick else f", {README}"))


if __name__ == "__main__":
    main()
