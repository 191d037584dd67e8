"""The organisation and publication lexicons (patterns/organisations.jsonl, publications.jsonl).

Table-driven checks that the shipped lexicon files load through the strict loader with the
component's entry models and are internally consistent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from extract.components.lexicon import OrganisationEntry, PublicationEntry
from extract.patterns import read_pattern_file

PATTERNS = Path(__file__).resolve().parent.parent / "patterns"
ORG_FILE = PATTERNS / "organisations.jsonl"
PUB_FILE = PATTERNS / "publications.jsonl"

FILES = [
    pytest.param(ORG_FILE, OrganisationEntry, 400, id="organisations"),
    pytest.param(PUB_FILE, PublicationEntry, 250, id="publications"),
]
QID = re.compile(r"^Q[0-9]+$")
ID = re.compile(r"^[a-z0-9_]+$")


def _load(path, model):
    return read_pattern_file(path, model)


@pytest.fixture(scope="module")
def orgs() -> list[OrganisationEntry]:
    return _load(ORG_FILE, OrganisationEntry)


@pytest.fixture(scope="module")
def pubs() -> list[PublicationEntry]:
    return _load(PUB_FILE, PublicationEntry)


@pytest.mark.parametrize("path,model,minimum", FILES)
def test_file_loads_and_has_coverage(path, model, minimum):
    entries = _load(path, model)
    assert len(entries) >= minimum


@pytest.mark.parametrize("path", [ORG_FILE, PUB_FILE], ids=["organisations", "publications"])
def test_file_starts_with_source_header(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#")


@pytest.mark.parametrize("path,model,minimum", FILES)
def test_ids_unique_and_slugs(path, model, minimum):
    entries = _load(path, model)
    ids = [e.id for e in entries]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate ids: {dupes}"
    bad = [i for i in ids if not ID.match(i)]
    assert not bad, f"ids must be lowercase slugs: {bad}"


@pytest.mark.parametrize("path,model,minimum", FILES)
def test_aliases_well_formed(path, model, minimum):
    for e in _load(path, model):
        assert e.aliases, f"{e.id}: no aliases"
        assert e.canonical in e.aliases, f"{e.id}: canonical {e.canonical!r} not among aliases"
        for a in e.aliases:
            assert a and a == a.strip(), f"{e.id}: empty or padded alias {a!r}"
            assert "  " not in a, f"{e.id}: double space in alias {a!r}"
        assert len(set(e.aliases)) == len(e.aliases), f"{e.id}: repeated alias"
        missing = [a for a in e.ambiguous if a not in e.aliases]
        assert not missing, f"{e.id}: ambiguous aliases not in aliases: {missing}"


@pytest.mark.parametrize("path,model,minimum", FILES)
def test_kb_ids_are_wikidata_qids(path, model, minimum):
    bad = [(e.id, e.kb_id) for e in _load(path, model) if e.kb_id is not None and not QID.match(e.kb_id)]
    assert not bad, bad


def test_parents_exist_and_are_not_cyclic(orgs):
    ids = {e.id: e for e in orgs}
    for e in orgs:
        if e.parent is None:
            continue
        assert e.parent in ids, f"{e.id}: unknown parent {e.parent!r}"
        seen, cur = {e.id}, e.parent
        while cur is not None:
            assert cur not in seen, f"{e.id}: parent cycle through {cur}"
            seen.add(cur)
            cur = ids[cur].parent


def test_publishers_are_organisations(orgs, pubs):
    ids = {e.id for e in orgs}
    bad = [(p.id, p.publisher) for p in pubs if p.publisher is not None and p.publisher not in ids]
    assert not bad, bad


@pytest.mark.parametrize(
    "file_,alias,entry_id",
    [
        ("org", "ISIS", "isis"),
        ("org", "Daesh", "isis"),
        ("org", "ISWAP", "iswap"),
        ("org", "Wilayat al-Furat", "is_euphrates"),
        ("org", "AQAP", "aqap"),
        ("org", "Shining Path", "shining_path"),
        ("org", "Sendero Luminoso", "shining_path"),
        ("org", "Farabundo Marti National Liberation Front", "fmln"),
        ("org", "Tupac Amaru Revolutionary Movement", "mrta"),
        ("org", "The Extraditables", "extraditables"),
        ("org", "Baader-Meinhof Gang", "raf"),
        ("org", "NoName057(16)", "noname05716"),
        ("org", "Fancy Bear", "apt28"),
        ("org", "Multinational Joint Task Force", "mnjtf"),
        ("org", "Parquet national antiterroriste", "pnat"),
        ("pub", "Rumiyah", "rumiyah"),
        ("pub", "Amaq", "amaq"),
        ("pub", "Agence France-Presse", "afp"),
        ("pub", "Radio Venceremos", "radio_venceremos"),
        ("pub", "HumAngle", "humangle"),
    ],
)
def test_known_aliases_resolve(orgs, pubs, file_, alias, entry_id):
    entries = orgs if file_ == "org" else pubs
    hits = [e.id for e in entries if alias in e.aliases]
    assert hits == [entry_id]


@pytest.mark.parametrize("alias,entry_id", [("IS", "isis"), ("AQ", "al_qaeda"), ("Anonymous", "anonymous")])
def test_word_like_aliases_are_ambiguous(orgs, alias, entry_id):
    entry = next(e for e in orgs if e.id == entry_id)
    assert alias in entry.ambiguous
