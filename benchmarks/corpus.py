"""Reproducible news-like corpus and gazetteer pattern sets for the benchmarks.

The corpus is built from the example articles (examples/corpus/*.txt) and
templates, with names from the bundled resources (python/liptako/data) and
generated names inserted, plus dates and numbers. Same seed and size, same
bytes: the generator uses only ``random.Random(seed)``.

Documents are separated by a line holding only ``DOC_SEPARATOR``.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "python" / "liptako" / "data"
EXAMPLES = ROOT / "examples" / "corpus"
DOC_SEPARATOR = "\f"  # a form feed line between documents (never inside one)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WIRES = ["Reuters", "AFP", "AP", "Sahel Wire", "Bloomberg"]

TEMPLATES = [
    "{PERSON} met {PERSON2} in {CITY} on {DATE} to discuss security along the border with {COUNTRY}.",
    "{ORG} said on {WEEKDAY} that it would send {NUM} observers to {COUNTRY} ahead of the vote.",
    "Officials in {CITY} said {NUM} soldiers were killed when gunmen attacked a convoy near {LOCATION} {RELDATE}.",
    "The {DEMONYM} government has signed a {NUM} million dollar agreement with {ORG}, the ministry said.",
    "{PERSON}, who leads {ORG}, told reporters in {CITY} that talks would resume {RELDATE}.",
    "Protesters gathered outside the offices of {ORG} in {CITY} on {DATE}, demanding the release of {PERSON}.",
    "According to {ORG}, more than {NUM} people have fled {LOCATION} since {MONTH} {YEAR}.",
    "{COUNTRY} and {COUNTRY2} agreed {RELDATE} to reopen their shared border, {PERSON} said.",
    "Speaking to {WIRE}, {PERSON} accused {ORG} of failing to protect civilians in {LOCATION}.",
    "The summit, hosted by {PERSON} in {CITY}, ended on {DATE} with a joint statement on {COUNTRY}'s transition.",
    "{ORG} shares fell {NUM} percent on {WEEKDAY} after the company cut its forecast for {YEAR}.",
    "Heavy rains in {LOCATION} have displaced {NUM} families, {ORG} said in a statement on {DATE}.",
    "A spokesman for {PERSON} declined to comment on the report, which {WIRE} could not independently verify.",
    "Farmers near {LOCATION} say prices have doubled since the {DEMONYM} authorities closed the market in {MONTH}.",
    "The delegation from {COUNTRY} will travel to {CITY} {RELDATE} for talks with {ORG} and {ORG2}.",
]
RELDATES = ["last week", "on Monday", "next month", "two days ago", "earlier this year",
            "last Friday", "in the coming weeks", "yesterday", "this morning", "next Tuesday"]
ORG_WORDS = ["National", "United", "African", "Sahel", "Atlantic", "Northern", "Federal",
             "Independent", "Continental", "Green", "Royal", "Global", "Union", "Central",
             "Liberty", "Delta", "Pioneer", "Horizon", "Savanna", "Niger", "Volta", "Coastal"]
SURNAME_SUFFIXES = ["son", "ou", "ski", "ara", "iba", "ello", "ov", "ez", "ani", "oko"]


def _entries(name: str) -> List[Dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))["entries"]


def _words(name: str) -> List[str]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))["words"]


def _entries_but_towns(name: str) -> List[dict]:
    """A bundled gazetteer's entries but its towns (type "town": found only where the
    text speaks of a place), so that towns, ~27,000 of the ~35,000 places, do not make
    most of the benchmark's patterns and place names."""
    return [e for e in _entries(name) if e.get("type") != "town"]


def bundled_names() -> List[str]:
    """Every name, alias, acronym and demonym of the bundled gazetteers (but the
    towns), in file order."""
    out: List[str] = []
    seen = set()
    for f in ("countries.json", "organizations.json", "people.json", "locations.json"):
        for e in _entries_but_towns(f):
            for s in [e["name"], *e.get("aliases", []), *e.get("acronyms", []),
                      *e.get("demonyms", [])]:
                if s not in seen:
                    seen.add(s)
                    out.append(s)
    return out


def _first_names() -> List[str]:
    # Capitalised, ASCII-letter names only: they spell the same in every peer.
    return sorted({w for w in _words("first_names.json")
                   if re.fullmatch(r"[A-Z][a-z]{2,}", w)})


def generated_names(n: int, seed: int = 7) -> List[str]:
    """`n` distinct synthetic names: first x surname people and synthetic organizations."""
    rng = random.Random(seed)
    first = _first_names()
    surnames = sorted({f + s for f in first[::7] for s in SURNAME_SUFFIXES[:3]})
    heads = [h for h in _words("org_heads.json") if re.fullmatch(r"[A-Z][a-z]+", h)]
    out: List[str] = []
    seen = set()
    while len(out) < n:
        r = rng.random()
        if r < 0.75:
            s = f"{rng.choice(first)} {rng.choice(surnames)}"
        elif r < 0.85:
            s = f"{rng.choice(first)} {rng.choice(first)} {rng.choice(surnames)}"
        else:
            s = f"{rng.choice(ORG_WORDS)} {rng.choice(surnames)} {rng.choice(heads)}"
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def patterns(n: int) -> List[str]:
    """`n` gazetteer patterns: the bundled names (sampled down when n is smaller)
    then generated names. Deterministic."""
    bundled = bundled_names()
    if n <= len(bundled):
        rng = random.Random(11)
        return sorted(rng.sample(bundled, n))
    return bundled + generated_names(n - len(bundled))


def _example_sentences() -> List[str]:
    out: List[str] = []
    for f in sorted(EXAMPLES.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        for para in text.split("\n"):
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para.strip()):
                if len(s) > 40 and not s.isupper():
                    out.append(s)
    return out


def generate(size_mb: float, seed: int = 2024) -> List[str]:
    """Documents totalling about `size_mb` MB (1 MB = 1e6 bytes of UTF-8)."""
    rng = random.Random(seed)
    countries = _entries("countries.json")
    country_names = [e["name"] for e in countries]
    demonyms = [d for e in countries for d in e.get("demonyms", [])[:1]] or ["national"]
    orgs = [e["name"] for e in _entries("organizations.json")]
    orgs += [a for e in _entries("organizations.json") for a in e.get("acronyms", [])]
    people = [e["name"] for e in _entries("people.json")]
    locs = _entries_but_towns("locations.json")
    cities = [e["name"] for e in locs if e.get("type") == "city"] or [e["name"] for e in locs]
    locations = [e["name"] for e in locs]
    # Generated people (a slice of the generated patterns) stand in for the
    # long tail of names a news feed mentions.
    gen_people = [s for s in generated_names(20000) if len(s.split()) == 2][:5000]
    examples = _example_sentences()

    def person() -> str:
        return rng.choice(people) if rng.random() < 0.5 else rng.choice(gen_people)

    def date() -> str:
        d, m, y = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2015, 2025)
        return rng.choice([f"{d} {m} {y}", f"{m} {d}, {y}", f"{WEEKDAYS[d % 7]}, {m} {d}"])

    fill = {
        "PERSON": person, "PERSON2": person,
        "ORG": lambda: rng.choice(orgs), "ORG2": lambda: rng.choice(orgs),
        "COUNTRY": lambda: rng.choice(country_names), "COUNTRY2": lambda: rng.choice(country_names),
        "DEMONYM": lambda: rng.choice(demonyms),
        "CITY": lambda: rng.choice(cities), "LOCATION": lambda: rng.choice(locations),
        "DATE": date, "RELDATE": lambda: rng.choice(RELDATES),
        "WEEKDAY": lambda: rng.choice(WEEKDAYS), "MONTH": lambda: rng.choice(MONTHS),
        "YEAR": lambda: str(rng.randint(2010, 2026)), "NUM": lambda: str(rng.randint(2, 950)),
        "WIRE": lambda: rng.choice(WIRES),
    }
    slot = re.compile(r"\{([A-Z0-9]+)\}")

    def sentence() -> str:
        if examples and rng.random() < 0.35:
            return rng.choice(examples)
        return slot.sub(lambda m: fill[m.group(1)](), rng.choice(TEMPLATES))

    target = int(size_mb * 1e6)
    docs: List[str] = []
    total = 0
    while total < target:
        city = rng.choice(cities).upper()
        m, d, y = rng.choice(MONTHS), rng.randint(1, 28), rng.randint(2015, 2025)
        head = f"{city}, {m} {d}, {y} ({rng.choice(WIRES)}) -"
        paras = []
        for _ in range(rng.randint(3, 8)):
            paras.append(" ".join(sentence() for _ in range(rng.randint(1, 4))))
        doc = head + " " + "\n\n".join(paras)
        docs.append(doc)
        total += len(doc.encode("utf-8")) + 2
    return docs


def load_or_generate(size_mb: float, cache_dir: Path, seed: int = 2024) -> List[str]:
    """The corpus, cached as one file per (size, seed)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"corpus_{size_mb:g}MB_seed{seed}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8").split("\n" + DOC_SEPARATOR + "\n")
    docs = generate(size_mb, seed)
    path.write_text(("\n" + DOC_SEPARATOR + "\n").join(docs), encoding="utf-8")
    return docs


# ---------------------------------------------------------------- short articles

_SHORT_PEOPLE = ["Assimi Goita", "Ibrahim Traore", "Abdourahamane Tiani", "Bola Tinubu",
                 "Mahamat Idriss Deby", "Antonio Guterres"]
_SHORT_COUNTRIES = ["Mali", "Niger", "Burkina Faso", "Chad", "Senegal", "Nigeria", "France",
                    "Russia"]
_SHORT_ORGS = ["ECOWAS", "the African Union", "the United Nations", "the World Bank"]
_SHORT_PLACES = ["Niamey", "Bamako", "Ouagadougou", "Djibo", "Gao", "Timbuktu", "Abuja"]
_SHORT_MONTHS = ["January", "March", "May", "July", "September", "November"]
_SHORT_SUFFIX = " The statement was read on the state broadcaster late in the evening."
_SHORT_TEMPLATES = [
    "{c1} and {c2} signed a defence pact in {place} on {day} {month} {year}, officials said. "
    "{person} called it a turning point for the region.",
    "Gunmen attacked a convoy near {place} on Saturday, killing {n} soldiers, the army of {c1} "
    "said. {org} condemned the attack.",
    "{org} imposed sanctions on {c1} on {day} {month} {year} after soldiers seized power. "
    "{person} said {c2} would not be intimidated.",
    "{person} met envoys from {org} in {place} last week to discuss the withdrawal of troops "
    "from {c1}, a spokesman said.",
    "Nothing of note happened in the market today; traders said prices were stable at {n} "
    "francs a kilo.",
]


def short_articles(n: int, seed: int = 1234) -> List[tuple]:
    """``n`` (id, text, dct) records of about 200 characters from templates (one in
    three without a DCT): many small documents, for scale-out runs and their tests."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        c1, c2 = rng.sample(_SHORT_COUNTRIES, 2)
        text = (rng.choice(_SHORT_TEMPLATES) + _SHORT_SUFFIX).format(
            c1=c1, c2=c2, person=rng.choice(_SHORT_PEOPLE), org=rng.choice(_SHORT_ORGS),
            place=rng.choice(_SHORT_PLACES), day=rng.randint(1, 28),
            month=rng.choice(_SHORT_MONTHS), year=rng.choice([2021, 2022, 2023, 2024]),
            n=rng.randint(2, 90))
        dct = None if i % 3 == 0 else f"2024-0{1 + i % 9}-1{i % 10}"
        out.append((f"doc-{i:06d}", text, dct))
    return out

