"""extract's components as a spaCy plugin: nlp.add_pipe("extract_*") in a user's own pipeline."""

from __future__ import annotations

import importlib
import importlib.metadata
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extract.pipeline import DEFAULT_MODEL, EXTRACT_COMPONENTS
from extract.tokenization import split_footnote_references

REPO = Path(__file__).resolve().parent.parent
REPORT = REPO / "corpora" / "dev" / "itic-isis-attacks-abroad-2016.txt"
NAMES = [name for name, _ in EXTRACT_COMPONENTS]
# extract_datelines goes before the parser; the other two stand in for the model's own attribute ruler
# and lemmatizer (build_pipeline swaps them in)
ALL_FACTORIES = ["extract_datelines", *NAMES, "extract_attribute_ruler", "extract_lemmatizer"]


def _entry_points_in_pyproject() -> dict[str, str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["entry-points"]["spacy_factories"]


def _factory(name: str):
    """The function spaCy registered for a factory name."""
    return spacy.registry.factories.get(Language.get_factory_name(name))


def _ents(doc) -> list[tuple]:
    return [
        (e.start_char, e.end_char, e.label_, e._.canonical, e._.kb_id, e._.source, e._.info, e._.confidence)
        for e in doc.ents
    ]


@pytest.fixture(scope="module")
def user_nlp() -> Language:
    nlp = spacy.load(DEFAULT_MODEL)
    split_footnote_references(nlp)
    nlp.add_pipe("extract_datelines", before="parser")
    for name in NAMES:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def text() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def user_doc(user_nlp, text):
    return user_nlp(text)


def test_user_pipeline_matches_the_extractor(extractor, user_nlp, user_doc, text) -> None:
    assert user_nlp.pipe_names[-len(NAMES):] == NAMES
    reference = extractor.nlp(extractor.recaser.recase(text))
    assert user_doc._.attack_events, "no events found"
    assert user_doc._.attack_events == reference._.attack_events
    assert _ents(user_doc) == _ents(reference)
    assert user_doc._.reference_date == reference._.reference_date == "2016-12-19"
    # and the contract Document made from the Extractor has one event per attack_events dict
    document = extractor.extract_text(text, source=REPORT.name)
    assert len(document.events) == len(user_doc._.attack_events)


def test_to_disk_round_trip(tmp_path, user_nlp, user_doc, text) -> None:
    user_nlp.to_disk(tmp_path / "pipeline")
    for name in NAMES:
        assert (tmp_path / "pipeline" / name).is_dir()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == user_nlp.pipe_names
    doc = loaded(text)
    assert _ents(doc) == _ents(user_doc)
    assert doc._.attack_events == user_doc._.attack_events


def test_extensions_are_registered(user_doc) -> None:
    from spacy.tokens import Doc, Span

    for name in ("attack_events", "reference_date", "reference_date_source", "default_place", "extract_errors"):
        assert Doc.has_extension(name), name
    for name in ("canonical", "kb_id", "info", "source", "confidence"):
        assert Span.has_extension(name), name
    places = [e for e in user_doc.ents if e.label_ == "PLACE" and e.text == "Berlin"]
    assert places and places[0]._.info["country_code"] == "DE"


def test_pyproject_entry_points_name_the_registered_factories() -> None:
    declared = _entry_points_in_pyproject()
    assert set(declared) == set(ALL_FACTORIES)
    for name, target in declared.items():
        module_name, _, attr = target.partition(":")
        func = getattr(importlib.import_module(module_name), attr, None)
        assert func is not None, f"{target} does not exist"
        registered = _factory(name)
        assert registered is func, f"{name}: pyproject says {target}, spaCy has {registered}"


def test_installed_entry_points_resolve() -> None:
    try:
        dist = importlib.metadata.distribution("extract")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("the extract package is not installed as a distribution")
    if not any(ep.group == "spacy_factories" for ep in dist.entry_points):
        pytest.skip("installed extract distribution predates the spacy_factories entry points")
    eps = {ep.name: ep for ep in importlib.metadata.entry_points(group="spacy_factories") if ep.name in ALL_FACTORIES}
    assert set(eps) == set(ALL_FACTORIES)
    for name, ep in eps.items():
        assert ep.load() is _factory(name)
