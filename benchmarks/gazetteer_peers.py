"""Gazetteer matching peers, one per subprocess (run by benchmarks/run.py).

    python benchmarks/gazetteer_peers.py PEER PATTERNS_FILE TEXT_FILE MB REPEATS

prints one JSON object: build_s, match_s (best of REPEATS), mb (text size
matched), matches, rss_mb (peak RSS of the process), version.

    python benchmarks/gazetteer_peers.py PEER PATTERNS_FILE TEXT_FILE MB --serve

builds the peer, prints one JSON line (build_s, mb, matches, version, note),
then answers each line "N" read from stdin by matching the text N times and
printing {"seconds", "matches"}, until stdin ends: the rounds that
benchmarks/run.py interleaves between peers (and with liptako_bench
--rounds-server, which speaks the same protocol).

Common semantics, liptako's: whole-word, case-insensitive, leftmost-longest,
non-overlapping. Automaton peers get lowercased text and patterns (the
lowercasing is timed); their raw matches are filtered to word boundaries
(``str.isalnum`` on both sides) and then to leftmost-longest non-overlapping
spans, in Python, inside the timed region: that is the price of the same
semantics. Peers whose own semantics differ say so in ``note``.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Callable, List, Sequence, Tuple

DOC_SEPARATOR = "\n\f\n"
Span = Tuple[int, int]


def word_bounded(text: str, spans: Sequence[Span]) -> List[Span]:
    n = len(text)
    return [(s, e) for s, e in spans
            if (s == 0 or not text[s - 1].isalnum()) and (e == n or not text[e].isalnum())]


def leftmost_longest(spans: Sequence[Span]) -> List[Span]:
    out: List[Span] = []
    last = -1
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if s >= last:
            out.append((s, e))
            last = e
    return out


def read_text(path: str, mb: float) -> str:
    limit = int(mb * 1e6)
    with open(path, encoding="utf-8") as f:  # only what is needed: RSS stays the peer's
        text = f.read(limit + 1)
    if len(text) > limit:  # cut at a document boundary
        cut = text.rfind(DOC_SEPARATOR, 0, limit)
        text = text[: cut if cut > 0 else limit]
    return text


def peak_rss_mb() -> float:
    """This process's peak RSS in MB. VmHWM (Linux) is the process's own; ru_maxrss
    starts from the parent's RSS at fork and exec keeps it, so it would report at
    least the benchmark driver's size."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def version(dist: str) -> str:
    from importlib.metadata import version as v
    try:
        return v(dist)
    except Exception:
        return "?"


# Each builder returns (match function text -> number of matches, version, note).
Builder = Callable[[List[str]], Tuple[Callable[[str], int], str, str]]


def liptako_gazetteer_file(pattern_file: str, patterns: List[str]) -> Path:
    """The patterns as a liptako-gazetteer/1 file beside the pattern file (written
    once; benchmarks/run.py writes it before the peer's process starts, so that the
    peer's peak RSS does not hold the Python list json.dumps was given)."""
    path = Path(pattern_file).with_suffix(".liptako.json")
    if not path.exists():
        entries = [{"id": f"x/{k}", "name": p} for k, p in enumerate(patterns)]
        path.write_text(json.dumps({"format": "liptako-gazetteer/1", "label": "MISC",
                                    "entries": entries}), encoding="utf-8")
    return path


def peer_liptako(patterns: List[str]):
    import liptako
    tmp = liptako_gazetteer_file(sys.argv[2], patterns)
    x = liptako.Extractor.from_config({"gazetteers": [str(tmp)], "events": None,
                                       "options": {"stages": ["entities"]}}, bundled=False)

    def run(text: str) -> int:
        docs = text.split(DOC_SEPARATOR)
        n = 0
        for d in x.extract_many(docs, workers=1):
            n += sum(1 for e in d.entities if e.label == "MISC")
        return n
    return run, version("liptako"), ("Python Extractor with only this gazetteer and the "
                                     "entities stage: tokenize + gazetteer + resolver + JSON "
                                     "+ Document objects")


def peer_liptako_gazetteer(patterns: List[str]):
    import liptako
    # Case-insensitive like the automaton peers, which add lowercased patterns: a name
    # listed in several cases is one phrase.
    g = liptako.Gazetteer(list(dict.fromkeys(p.lower() for p in patterns)))

    def run(text: str) -> int:
        return len(g.find(text))
    return run, version("liptako"), ("liptako.Gazetteer from Python: tokenize + fold + "
                                     "leftmost-longest find, GIL released, code-point offsets")


def peer_liptako_gazetteer_arrays(patterns: List[str]):
    import liptako
    g = liptako.Gazetteer(list(dict.fromkeys(p.lower() for p in patterns)))

    def run(text: str) -> int:
        starts, _ends, _values = g.find_arrays(text)
        return len(starts)
    return run, version("liptako"), ("liptako.Gazetteer.find_arrays from Python: the same "
                                     "matches as three array('q') columns (starts, ends, "
                                     "values), no object per match")


def _pyahocorasick_automaton(patterns: List[str]):
    """Lowercased patterns, each storing its length."""
    import ahocorasick
    a = ahocorasick.Automaton()
    for p in patterns:
        lp = p.lower()
        a.add_word(lp, len(lp))
    a.make_automaton()
    return a


def peer_pyahocorasick(patterns: List[str]):
    a = _pyahocorasick_automaton(patterns)

    def run(text: str) -> int:
        t = text.lower()
        spans = [(end - n + 1, end + 1) for end, n in a.iter(t)]
        return len(leftmost_longest(word_bounded(t, spans)))
    return run, version("pyahocorasick"), "iter() all overlapping matches, filtered"


def peer_pyahocorasick_long(patterns: List[str]):
    a = _pyahocorasick_automaton(patterns)

    def run(text: str) -> int:
        t = text.lower()
        spans = [(end - n + 1, end + 1) for end, n in a.iter_long(t)]
        return len(word_bounded(t, spans))
    return run, version("pyahocorasick"), ("iter_long() native longest non-overlapping, then "
                                           "word-boundary filter: a non-word match can hide a "
                                           "word match, so it may find fewer")


def _aho_rs(patterns: List[str], overlapping: bool):
    import ahocorasick_rs as ar
    kind = ar.MatchKind.Standard if overlapping else ar.MatchKind.LeftmostLongest
    a = ar.AhoCorasick([p.lower() for p in patterns], matchkind=kind)

    def run(text: str) -> int:
        t = text.lower()
        spans = [(s, e) for _, s, e in a.find_matches_as_indexes(t, overlapping=overlapping)]
        spans = word_bounded(t, spans)
        return len(leftmost_longest(spans) if overlapping else spans)
    return run


def peer_ahocorasick_rs(patterns: List[str]):
    return (_aho_rs(patterns, True), version("ahocorasick-rs"),
            "Standard kind, overlapping=True, filtered")


def peer_ahocorasick_rs_ll(patterns: List[str]):
    return (_aho_rs(patterns, False), version("ahocorasick-rs"),
            "native LeftmostLongest non-overlapping, then word-boundary filter (may find fewer)")


def peer_flashtext(patterns: List[str]):
    from flashtext import KeywordProcessor
    kp = KeywordProcessor(case_sensitive=False)
    for p in patterns:
        kp.add_keyword(p)

    def run(text: str) -> int:
        return len(kp.extract_keywords(text, span_info=True))
    return run, version("flashtext"), ("native whole-word longest match; its word characters "
                                       "are ASCII [A-Za-z0-9_] only")


def _spacy_docs(nlp, text: str):
    return nlp.tokenizer.pipe(text.split(DOC_SEPARATOR), batch_size=64)


def peer_spacy_phrasematcher(patterns: List[str]):
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans
    nlp = spacy.blank("en")
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    m.add("X", list(nlp.tokenizer.pipe(patterns, batch_size=1000)))

    def run(text: str) -> int:
        n = 0
        for doc in _spacy_docs(nlp, text):
            n += len(filter_spans(m(doc, as_spans=True)))
        return n
    return run, version("spacy"), ("blank('en') tokenizer, attr=LOWER, filter_spans "
                                   "(token-based, like liptako)")


def peer_spacy_entityruler(patterns: List[str]):
    import spacy
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns([{"label": "X", "pattern": p} for p in patterns])

    def run(text: str) -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(text.split(DOC_SEPARATOR), batch_size=64))
    return run, version("spacy"), "blank('en') + entity_ruler, phrase_matcher_attr=LOWER"


def _alternation(patterns: List[str], escape) -> str:
    alts = sorted({p.lower() for p in patterns}, key=lambda s: (-len(s), s))
    return r"\b(?:" + "|".join(escape(p) for p in alts) + r")\b"


def peer_re(patterns: List[str]):
    import re
    rx = re.compile(_alternation(patterns, re.escape), re.IGNORECASE)

    def run(text: str) -> int:
        return sum(1 for _ in rx.finditer(text))
    return run, sys.version.split()[0], (r"one \b(?:...)\b alternation, longest first, "
                                         "IGNORECASE (backtracking: cost grows with patterns)")


def peer_re2(patterns: List[str]):
    import re2
    opts = re2.Options()
    opts.max_mem = 2 << 30
    opts.case_sensitive = False
    opts.longest_match = True
    rx = re2.compile(_alternation(patterns, re2.escape), opts)

    def run(text: str) -> int:
        return sum(1 for _ in rx.finditer(text))
    return run, version("google-re2"), (r"one \b(?:...)\b alternation, longest_match, "
                                        "case-insensitive; \\b is ASCII-only")


PEERS = {
    "liptako": peer_liptako,
    "liptako_gazetteer": peer_liptako_gazetteer,
    "liptako_gazetteer_arrays": peer_liptako_gazetteer_arrays,
    "pyahocorasick": peer_pyahocorasick,
    "pyahocorasick_long": peer_pyahocorasick_long,
    "ahocorasick_rs": peer_ahocorasick_rs,
    "ahocorasick_rs_ll": peer_ahocorasick_rs_ll,
    "flashtext": peer_flashtext,
    "spacy_phrasematcher": peer_spacy_phrasematcher,
    "spacy_entityruler": peer_spacy_entityruler,
    "re": peer_re,
    "re2": peer_re2,
}


MIN_SECONDS = 2.0


# CPython 3.11 specializes a function's bytecode only once it has been called 8
# times. A peer whose work is one Python call per text (flashtext's
# extract_keywords, the automaton peers' filters) ran unspecialized in every round
# before this: flashtext 27% slower than in its ninth call. Every peer is called
# WARM_UP_CALLS times on the text's first WARM_UP_CHARS characters before it is timed.
WARM_UP_CALLS = 16
WARM_UP_CHARS = 20_000


def warm_up(run: Callable[[str], int], text: str) -> None:
    for _ in range(WARM_UP_CALLS):
        run(text[:WARM_UP_CHARS])


def serve(run: Callable[[str], int], text: str, header: dict) -> None:
    """The rounds protocol of the module docstring."""
    print(json.dumps({**header, "mb": len(text.encode("utf-8")) / 1e6,
                      "matches": run(text)}), flush=True)
    for line in sys.stdin:
        passes = int(line)
        if passes < 1:
            sys.exit(f"--serve: expected a positive number of passes, got {line.strip()!r}")
        t0 = time.perf_counter()
        for _ in range(passes):
            matches = run(text)
        print(json.dumps({"seconds": time.perf_counter() - t0, "matches": matches}),
              flush=True)


def main() -> None:
    peer, pattern_file, text_file, mb, repeats = sys.argv[1:6]
    patterns = Path(pattern_file).read_text(encoding="utf-8").splitlines()
    text = read_text(text_file, float(mb))
    t0 = time.perf_counter()
    run, ver, note = PEERS[peer](patterns)
    build_s = time.perf_counter() - t0
    warm_up(run, text)
    if repeats == "--serve":
        del patterns
        serve(run, text, {"peer": peer, "build_s": build_s, "version": ver, "note": note})
        return
    rss_build = peak_rss_mb()
    # The best round of at least `repeats` rounds and MIN_SECONDS of them: a fast peer's
    # best of three 35 ms rounds fell on this VM's slow moments as often as not, while a
    # slow peer's rounds each average them out. The same rule for every peer.
    best = float("inf")
    matches = -1
    rounds, spent = 0, 0.0
    while rounds < int(repeats) or spent < MIN_SECONDS:
        t0 = time.perf_counter()
        matches = run(text)
        elapsed = time.perf_counter() - t0
        best, spent, rounds = min(best, elapsed), spent + elapsed, rounds + 1
    print(json.dumps({
        "peer": peer, "patterns": len(patterns), "build_s": build_s, "match_s": best,
        "mb": len(text.encode("utf-8")) / 1e6, "matches": matches,
        "rounds": rounds, "rss_after_build_mb": rss_build,
        "rss_mb": peak_rss_mb(),
        "version": ver, "note": note,
    }))


if __name__ == "__main__":
    main()
