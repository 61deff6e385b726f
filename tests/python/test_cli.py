"""The command line under bad input: nothing lost, problems named, clean exits.

The CLI runs as a subprocess (``python -m liptako.cli``), as a user would run it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

CLI = [sys.executable, "-m", "liptako.cli"]
# The CLI as a user's terminal starts it: Ctrl-C raises KeyboardInterrupt. A
# shell starts a background job with SIGINT ignored, and Python keeps an
# inherited SIG_IGN; the tests that interrupt the CLI must not depend on how
# pytest itself was started.
CLI_INTERRUPTIBLE = [sys.executable, "-c",
                     "import runpy, signal; "
                     "signal.signal(signal.SIGINT, signal.default_int_handler); "
                     "runpy.run_module('liptako.cli', run_name='__main__')"]


def run(*args: str, stdin: bytes = b"", timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, timeout=timeout,
                          check=False)


def lines(data: bytes) -> list:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_binary_invalid_utf8_and_good_files(tmp_path):
    (tmp_path / "good.txt").write_text("Mali and Niger signed a pact.", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes(b"Mali \xe9t\xe9 \xff\xfe Niger \xc3\x28 Chad")
    (tmp_path / "empty.txt").write_bytes(b"")
    r = run("extract", str(tmp_path))
    assert r.returncode == 1  # the binary file is a problem
    docs = {d["id"]: d for d in lines(r.stdout)}
    assert set(docs) == {"good.txt", "latin1.txt", "empty.txt"}
    err = r.stderr.decode()
    assert "bin.txt: binary file (NUL byte at offset 7); skipped" in err
    assert "latin1.txt: invalid UTF-8 at byte 5" in err
    assert "1 problem(s); 3 document(s) written" in err
    latin = docs["latin1.txt"]
    assert [e["text"] for e in latin["entities"]] == ["Mali", "Niger", "Chad"]
    text = (tmp_path / "latin1.txt").read_bytes().decode("utf-8", "replace")
    for e in latin["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]


def test_invalid_utf8_and_nul_on_stdin():
    r = run("extract", "-", stdin=b"Mali \xff and Niger")
    assert r.returncode == 0
    (doc,) = lines(r.stdout)
    assert [e["text"] for e in doc["entities"]] == ["Mali", "Niger"]
    r = run("extract", "-", stdin=b"Mali\x00Niger")
    assert r.returncode == 1 and r.stdout == b""
    assert b"<stdin>: binary file" in r.stderr


def test_missing_and_unreadable_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Mali.", encoding="utf-8")
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    eio = tmp_path / "eio.txt"  # unreadable even for root: read() fails with EIO
    eio.symlink_to("/proc/self/mem")
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)  # inside a directory walk: skipped, never opened (it would block)
    (tmp_path / "sub.txt").mkdir()  # a directory named like a text file: walked
    (tmp_path / "sub.txt" / "inner.txt").write_text("Niger.", encoding="utf-8")
    r = run("extract", str(tmp_path), str(tmp_path / "missing.txt"), timeout=60)
    err = r.stderr.decode()
    assert r.returncode == 1
    assert sorted(d["id"] for d in lines(r.stdout)) == ["good.txt", "inner.txt"]
    assert f"{dangling}: dangling symbolic link; skipped" in err
    assert f"{eio}: cannot read: Input/output error" in err
    assert f"{fifo}: not a regular file; skipped" in err
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in err
    assert "4 problem(s); 2 document(s) written" in err
    if os.geteuid() != 0:
        locked = tmp_path / "locked.txt"
        locked.write_text("Chad.")
        locked.chmod(0)
        r = run("extract", str(locked))
        assert r.returncode == 1 and b"cannot read: Permission denied" in r.stderr


def test_bad_config_and_bad_jsonl(tmp_path):
    cfg = tmp_path / "c.json"
    cfg.write_text('{"rules": [[{"name": "r", "label": "X", "pattern": "(?=a)"}]]}')
    r = run("extract", "-", "--config", str(cfg), stdin=b"Mali")
    assert r.returncode == 2 and b"rule 'r'" in r.stderr and r.stdout == b""
    r = run("extract", "-", "--config", str(tmp_path / "none.json"), stdin=b"Mali")
    assert r.returncode == 2 and b"cannot read file" in r.stderr
    data = tmp_path / "in.jsonl"
    data.write_bytes(b'{"id": "a", "text": "Mali"}\n'
                     b'{"id": "b", "text": 3}\n'
                     b'not json\n'
                     b'[1, 2]\n'
                     b'\xff\xfe\n'
                     b'\n'
                     b'{"id": "c", "text": "\\ud800 Niger \\u0000 Chad", "date": "2023-02-30"}\n'
                     b'{"id": "d", "text": "Chad on Saturday", "date": "2023-09-18T12:00:00Z"}\n')
    r = run("extract", "--input", "jsonl", str(data))
    err = r.stderr.decode()
    assert r.returncode == 1
    assert [d["id"] for d in lines(r.stdout)] == ["a", "d"]
    assert "in.jsonl:2: field 'text' missing or not a string" in err
    assert "in.jsonl:3: malformed JSON line" in err
    assert "in.jsonl:4: a line must be a JSON object" in err
    assert "in.jsonl:5: malformed JSON line" in err
    assert "c: document c: dct '2023-02-30' is not a valid date" in err
    assert "5 problem(s); 2 document(s) written" in err


def test_lone_surrogates_from_jsonl_are_written(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "s", "text": "\ud800 Mali and \udfff Niger signed a "
                                                   "pact on Saturday."}) + "\n")
    out = tmp_path / "out.jsonl"
    for fmt in ("jsonl", "json", "csv", "table"):
        r = run("extract", "--input", "jsonl", str(data), "--format", fmt, "-o", str(out),
                "--dct", "2023-09-18")
        assert r.returncode == 0, r.stderr
        assert out.read_text(encoding="utf-8")


def test_ten_thousand_files_nothing_lost(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    n = 10_000
    names = []
    for i in range(n):
        sub = src / f"d{i % 10}"
        sub.mkdir(exist_ok=True)
        name = f"f{i:05d}.txt"
        (sub / name).write_text(f"Story {i}: Mali and Niger met on Saturday.", encoding="utf-8")
        names.append(name)
    bad = []
    for k in range(5):
        p = src / f"d{k}" / f"bad{k}.txt"
        p.symlink_to("/proc/self/mem" if k % 2 else str(tmp_path / "gone"))
        bad.append(p)
    out = tmp_path / "out.jsonl"
    r = run("extract", str(src), "-o", str(out), "--workers", "2", timeout=300)
    assert r.returncode == 1
    docs = lines(out.read_bytes())
    assert len(docs) == n
    assert sorted(d["id"] for d in docs) == sorted(names)
    assert all(len(d["entities"]) == 2 for d in docs)
    err = r.stderr.decode()
    for p in bad:
        assert str(p) in err
    assert f"5 problem(s); {n} document(s) written" in err


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_sigint_leaves_only_whole_records(tmp_path, fmt):
    src = tmp_path / "in"
    src.mkdir()
    text = "Mali and Niger met in Niamey on Saturday, the ministry said. " * 40
    for i in range(4_000):
        (src / f"f{i:05d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    proc = subprocess.Popen(CLI_INTERRUPTIBLE + ["extract", str(src), "-o", str(out),
                                                 "--format", fmt, "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.stat().st_size > 64 * 1024:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "finished before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert b"liptako: interrupted" in err
    data = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        assert data.endswith("\n")
        docs = [json.loads(line) for line in data.splitlines()]
    else:
        docs = json.loads(data)
    assert 0 < len(docs) < 4_000
    assert docs[0]["entities"] and all(d["entities"] == docs[0]["entities"] for d in docs)


def test_broken_pipe_is_quiet(tmp_path):
    for i in range(300):
        (tmp_path / f"f{i:03d}.txt").write_text("Mali and Niger.", encoding="utf-8")
    p1 = subprocess.Popen(CLI + ["extract", str(tmp_path)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    assert p1.stdout is not None
    first = p1.stdout.readline()
    p1.stdout.close()  # like `| head -1`
    _, err = p1.communicate(timeout=120)
    assert json.loads(first)["id"] == "f000.txt"
    assert b"Traceback" not in err


def test_eval_conll_without_the_spacy_peer_is_one_clear_error(tmp_path):
    try:
        import spacy  # noqa: F401
        spacy.load("en_core_web_sm")
        pytest.skip("the spaCy model is installed: there is no error to see")
    except (ImportError, OSError):
        pass
    conll = tmp_path / "tiny.conll"
    conll.write_text("-DOCSTART- O\n\nMali I-LOC\nsigned O\n. O\n", encoding="utf-8")
    r = run("eval", "conll", str(conll), "--system", "both")
    assert r.returncode == 2
    assert b"Traceback" not in r.stderr and b"spaCy" in r.stderr
