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
