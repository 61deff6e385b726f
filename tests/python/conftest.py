import os
from pathlib import Path

import pytest

import liptako

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("LIPTAKO_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or a skip when it is absent (a user's clone has none)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (../shared exists only beside CI's clone)")
    return p


@pytest.fixture(scope="session")
def extractor() -> liptako.Extractor:
    return liptako.Extractor()


@pytest.fixture(scope="session")
def seeds():
    d = shared_path("seeds")
    return {f.name: f.read_text(encoding="utf-8") for f in sorted(d.glob("*.txt"))}


@pytest.fixture(scope="session")
def corpus():
    d = REPO / "examples" / "corpus"
    return {f.name: f.read_text(encoding="utf-8") for f in sorted(d.glob("*.txt"))}
