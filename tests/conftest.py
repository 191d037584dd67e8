"""Shared fixtures: the real pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor: Extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    return CORPORA


@pytest.fixture(scope="session")
def shipped_model():
    """The base spaCy model as it ships (without NER, which the stand-ins for its own components never read)."""
    import spacy

    from extract.pipeline import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL, exclude=["ner"])


@pytest.fixture(scope="session")
def example_report_texts() -> list[str]:
    """The seven dev reports' texts."""
    return [p.read_text(encoding="utf-8") for p in sorted((CORPORA / "dev").glob("*.txt"))]


@pytest.fixture(scope="session")
def event_attackers(extractor: Extractor):
    """Run the extractor on a text and return the attacker spans of each event."""

    def run(text: str) -> list[list[str]]:
        return [[s.text for s in ev.attackers] for ev in extractor.extract_text(text).events]

    return run


@pytest.fixture(scope="session")
def attack_events(extractor: Extractor):
    """Run the pipeline on a text (recased as the extractor does) and return its attack events
    with every span as the text it covers."""

    def run(text: str) -> list[dict]:
        doc = extractor.nlp(extractor.recaser.recase(text))
        sub = lambda s: text[s["start"] : s["end"]]  # noqa: E731
        return [
            {
                "attack_type": e["attack_type"], "status": e["status"], "trigger": sub(e["trigger"]),
                "locations": [sub(x) for x in e["locations"]],
                "perpetrators": [sub(x) for x in e["perpetrators"]],
                "claimed_by": [sub(x) for x in e["claimed_by"]],
                "attackers": [sub(x) for x in e["attackers"]],
                "targets": [sub(x) for x in e["targets"]],
                "victims": [sub(x) for x in e["victims"]],
                "weapons": [sub(x) for x in e["weapons"]],
                "killed": e["killed"], "injured": e["injured"],
                "date": sub(e["date"]) if e["date"] else None,
                "source": e["source"],
            }
            for e in doc._.attack_events
        ]

    return run


@pytest.fixture(scope="session")
def military_scope_events(nlp, attack_events):
    """``attack_events`` with the opt-in military filter on (``drop_military``, MUC-4's scope)."""

    def run(text: str) -> list[dict]:
        comp = nlp.get_pipe("extract_events")
        comp.drop_military = True
        try:
            return attack_events(text)
        finally:
            comp.drop_military = False

    return run
