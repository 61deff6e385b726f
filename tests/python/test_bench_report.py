"""benchmarks/run.py: the README's speed summary says what the figures say, and the
interleaved rounds' processes speak their protocol."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
import run  # noqa: E402


def results(flashtext_mb_s: float, python_mb_s: float, cpp_mb_s: float,
            pipeline_python: float, pipeline_cpp: float) -> dict:
    """A minimal results.json: one pattern size, flashtext as the only peer."""
    def bench(name, mb_s):
        return {"name": name, "run_type": "iteration", "real_time": 1.0,
                "bytes_per_second": mb_s * 1e6}
    pipe = {k: {"mb_s": v} for k, v in
            (("many_1", pipeline_python), ("many_2", 2 * pipeline_python),
             ("read_1", 15.0), ("read_2", 25.0), ("loop", 13.0))}
    pipe.update(speedup_2_workers=2.0, speedup_2_workers_read=1.6)
    return {
        "date": "2026-01-01 00:00",
        "machine": {"cpu": "test cpu", "cores": 2},
        "gazetteer": {"sizes": [10_000], "runs": [
            {"peer": "flashtext", "patterns": 10_000, "mb_s": flashtext_mb_s},
            {"peer": "liptako_gazetteer_arrays", "patterns": 10_000, "mb_s": python_mb_s},
            {"peer": "liptako_gazetteer", "patterns": 10_000, "mb_s": python_mb_s / 2}]},
        "cpp": {"gazetteer_same_input": [dict(bench("BM_GazetteerFile", cpp_mb_s),
                                              patterns_n=10_000)],
                "hot_paths": [bench("BM_Extract", pipeline_cpp + 4)],
                "extract_news_like": [bench("BM_Extract", pipeline_cpp)]},
        "pipeline": pipe,
        "scaling": {
            "text_size": [{"mb": 1.0, "s_per_mb": 0.050}, {"mb": 10.0, "s_per_mb": 0.056},
                          {"mb": 100.0, "s_per_mb": 0.052}],
            "gazetteer_size": [{"patterns": 1_000_000, "build_s": 2.0, "rss_mb": 510.0}],
            "load": {"extractor_s": 0.06, "pickle_bytes": 755},
        },
    }


def targets(summary: str) -> dict:
    rows = {}
    for line in summary.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("target", "---"):
            rows[cells[0]] = cells[3]
    return rows


def test_targets_met_from_python_from_cpp_only_or_not():
    got = targets(run.readme_summary(results(6.0, 310.0, 330.0, 21.0, 22.0), None))
    assert got["gazetteer, 10,000 names, vs flashtext"] == "yes"  # 51.7x from Python
    assert got["full pipeline, one core"] == "yes"
    got = targets(run.readme_summary(results(6.0, 290.0, 310.0, 18.0, 21.0), None))
    assert got["gazetteer, 10,000 names, vs flashtext"] == "C++ only"  # 48.3x / 51.7x
    assert got["full pipeline, one core"] == "C++ only"
    got = targets(run.readme_summary(results(6.0, 240.0, 280.0, 15.0, 19.0), None))
    assert got["gazetteer, 10,000 names, vs flashtext"] == "**no**"
    assert got["full pipeline, one core"] == "**no**"
    # 10% is the linearity bound: 0.056 is 7% above the median 0.052.
    assert got["cost per MB, 1 MB to 100 MB"] == "yes"
    assert got["1M-name Extractor build"] == "**no**"  # 510 MB
    assert got["bundled Extractor load"] == "yes"


def test_cpp_gazetteer_figure_is_its_best_round_as_for_the_peers():
    r = results(6.0, 290.0, 280.0, 21.0, 22.0)  # mean of the C++ iterations: 46.7x
    assert run.gazetteer_sizes(r)[0]["cpp"] == 280.0  # a row without the counter
    assert targets(run.readme_summary(r, None))[
        "gazetteer, 10,000 names, vs flashtext"] == "**no**"
    r["cpp"]["gazetteer_same_input"][0]["best_round_bytes_per_second"] = 320e6
    assert run.gazetteer_sizes(r)[0]["cpp"] == 320.0
    assert targets(run.readme_summary(r, None))[
        "gazetteer, 10,000 names, vs flashtext"] == "C++ only"  # 53.3x / 48.3x


def test_summary_goes_between_the_markers(tmp_path):
    page = tmp_path / "README.md"
    page.write_text(f"# t\n\nbefore\n{run.BEGIN}\nold\n{run.END}\nafter\n", encoding="utf-8")
    run.write_between_markers(page, "new table", "# t")
    assert page.read_text(encoding="utf-8") == (
        f"# t\n\nbefore\n{run.BEGIN}\nnew table\n{run.END}\nafter\n")


def test_readme_has_the_markers():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count(run.BEGIN) == 1 and text.count(run.END) == 1
    assert text.index(run.BEGIN) < text.index(run.END)


def with_interleaved(r: dict, cpp_rounds: list, python_rounds: list,
                     flashtext_rounds: list) -> dict:
    """`r` with an interleaved section at 10k patterns: per-round MB/s."""
    c = {"liptako C++": cpp_rounds, "liptako_gazetteer_arrays": python_rounds,
         "flashtext": flashtext_rounds}
    r["interleaved"] = {"mb": 2.0, "rounds": len(cpp_rounds), "window_s": 1.0, "sizes": [{
        "patterns": 10_000, "errors": {},
        "contenders": {k: {"mb_s": v, "median_mb_s": sorted(v)[len(v) // 2], "passes": 1,
                           "build_s": 0.1, "matches": 10} for k, v in c.items()},
        "ratios": {f"{mine} / flashtext": run.interleaved_ratio(c[mine], flashtext_rounds)
                   for mine in ("liptako C++", "liptako_gazetteer_arrays")}}]}
    return r


def test_interleaved_ratio_is_the_median_of_each_rounds_ratio():
    # The machine slows down in the third round: both sides of that round's ratio do.
    got = run.interleaved_ratio([300.0, 310.0, 150.0], [6.0, 6.2, 3.0])
    assert got["rounds"] == [50.0, 50.0, 50.0]
    assert got["median"] == got["min"] == got["max"] == 50.0
    # The two best rounds would say 51.7x; the ratios of the rounds, 48.3x, 48.4x, 46.7x.
    got = run.interleaved_ratio([290.0, 300.0, 280.0], [6.0, 6.2, 6.0])
    assert round(got["median"], 2) == 48.33
    assert (round(got["min"], 2), round(got["max"], 2)) == (46.67, 48.39)


def test_targets_use_the_interleaved_rounds_where_the_peer_ran_in_them():
    r = results(6.0, 310.0, 330.0, 21.0, 22.0)  # separate runs: 51.7x and 55.0x
    assert targets(run.readme_summary(r, None))[
        "gazetteer, 10,000 names, vs flashtext"] == "yes"
    with_interleaved(r, [270.0, 280.0, 290.0], [250.0, 260.0, 270.0], [6.0, 6.0, 6.0])
    summary = run.readme_summary(r, None)
    assert targets(summary)["gazetteer, 10,000 names, vs flashtext"] == "**no**"  # 46.7x
    assert "flashtext 6.00 (43.3x, interleaved)" in summary  # its MB/s from the same rounds
    with_interleaved(r, [310.0, 305.0, 320.0], [290.0, 280.0, 300.0], [6.0, 6.0, 6.0])
    assert targets(run.readme_summary(r, None))[
        "gazetteer, 10,000 names, vs flashtext"] == "C++ only"  # 51.7x / 48.3x
    table = "\n".join(run.gazetteer_targets(r))
    assert "| 10,000 | flashtext | 50x | 51.7x (50.8-53.3) | 48.3x (46.7-50.0) | interleaved |" \
        in table


def test_round_server_speaks_the_peers_protocol(tmp_path):
    import liptako
    patterns = tmp_path / "patterns.txt"
    patterns.write_text("Niger\nBurkina Faso\nAlliance of Sahel States\n", encoding="utf-8")
    text = tmp_path / "text.txt"
    body = "Mali, Niger and Burkina Faso signed the Alliance of Sahel States pact. " * 50
    text.write_text(body, encoding="utf-8")
    server = run.RoundServer(
        "liptako_gazetteer_arrays",
        [sys.executable, str(ROOT / "benchmarks" / "gazetteer_peers.py"),
         "liptako_gazetteer_arrays", str(patterns), str(text), "1", "--serve"], {}, 120)
    try:
        expected = len(liptako.Gazetteer(["niger", "burkina faso",
                                          "alliance of sahel states"]).find(body))
        assert expected == 150
        assert server.header["matches"] == expected
        assert server.header["mb"] == len(body) / 1e6
        got = server.round(3)
        assert got["matches"] == expected and got["seconds"] > 0
    finally:
        server.close()
    assert server.proc.returncode == 0


def test_round_server_that_fails_to_start_says_why(tmp_path):
    patterns = tmp_path / "patterns.txt"
    patterns.write_text("Niger\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"^nobody: KeyError: 'nobody'$"):
        run.RoundServer("nobody", [sys.executable, str(ROOT / "benchmarks" / "gazetteer_peers.py"),
                                   "nobody", str(patterns), str(patterns), "1", "--serve"], {}, 120)


# A rounds server that takes 0.01 s a pass and answers `replies` requests, then exits.
FAKE_SERVER = """
import json, sys
print(json.dumps({"build_s": 0.5, "matches": 7}), flush=True)
for k, line in enumerate(sys.stdin):
    if k == REPLIES:
        sys.exit("gone after REPLIES replies")
    print(json.dumps({"seconds": 0.01 * int(line), "matches": 7}), flush=True)
"""


def fake_server(name: str, replies: int) -> "run.RoundServer":
    code = FAKE_SERVER.replace("REPLIES", str(replies))
    return run.RoundServer(name, [sys.executable, "-c", code], {}, 60)


def test_rounds_go_on_without_a_server_that_fails():
    servers = [fake_server("steady", 100), fake_server("quits", 3), fake_server("mute", 0)]
    errors: dict = {}
    try:
        ran = run.run_rounds(servers, 4, 0.05, 2.0, errors)
    finally:
        for s in servers:
            s.close()
    # 'steady' ran the calibration pass and every round: 5 passes of 0.01 s a round.
    assert ran == {"steady": {"passes": 5, "mb_s": [200.0] * 4}}
    assert errors == {"quits": "quits: gone after 3 replies", "mute": "mute: gone after 0 replies"}


def test_round_server_that_prints_something_else_says_what():
    with pytest.raises(RuntimeError, match=r"^talker: not a JSON line: 'Loading model\.\.\.'$"):
        run.RoundServer("talker", [sys.executable, "-c", "print('Loading model...')"], {}, 60)
