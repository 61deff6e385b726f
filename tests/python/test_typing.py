"""The package's type stubs and annotations pass a type checker."""

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_package_is_typed():
    assert (REPO / "python" / "liptako" / "py.typed").exists()
    assert (REPO / "python" / "liptako" / "_core.pyi").exists()


def test_mypy_passes_on_the_public_api(tmp_path):
    pytest.importorskip("mypy")
    user = tmp_path / "user.py"
    user.write_text(
        "import liptako\n"
        "x = liptako.Extractor()\n"
        "doc = x.extract('Mali', dct='2023-09-18')\n"
        "names: list[str] = [e.name for e in doc.entities]\n"
        "values: list[str] = [t.value for t in doc.timexes]\n"
        "docs = x.extract_many(['a', 'b'], workers=2)\n"
    )
    cmd = [sys.executable, "-m", "mypy", "--no-error-summary", "--ignore-missing-imports",
           "--cache-dir", str(tmp_path / ".mypy"), str(REPO / "python" / "liptako" / "__init__.py"),
           str(REPO / "python" / "liptako" / "_extractor.py"),
           str(REPO / "python" / "liptako" / "_document.py"), str(user)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
