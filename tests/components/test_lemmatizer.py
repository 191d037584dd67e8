"""extract_lemmatizer gives exactly the lemmas of the model's own lemmatizer, and stands in only for a
rule-mode English lemmatizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.components.lemmatizer import CachedEnglishLemmatizer, cache_lemmatizers
from extract.pipeline import DEFAULT_MODEL

SENTENCES = [
    "Gunmen killed two policemen and wounded three others; the bombs were planted by the rebels.",
    "THE TERRORISTS HAVE BEEN ATTACKING THE POWER PYLONS SINCE THE ELECTIONS, SAID THE ARMY.",
    "She was kidnapped in 1989 and is being held by the ELN, which denies having taken her.",
    "The FMLN ain't going to stop: gon na hit them again, let's go, y'all.",
    # the same word twice, as different parts of speech ("attack" noun and verb, "bombed" verb and adjective)
    "They attack at night; the attack on the bombed bridge bombed no one.",
]


@pytest.fixture(scope="module")
def model_and_cached(shipped_model):
    swapped = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    assert cache_lemmatizers(swapped) == ["lemmatizer"]
    return shipped_model, swapped


def _lemmas(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.pos_, t.lemma_) for t in doc]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas_as_the_models_lemmatizer(model_and_cached, text):
    shipped, swapped = model_and_cached
    assert _lemmas(swapped(text)) == _lemmas(shipped(text))
    assert _lemmas(swapped(text)) == _lemmas(shipped(text))  # again, now from the cache


def test_same_lemmas_on_the_example_reports(model_and_cached, example_report_texts):
    shipped, swapped = model_and_cached
    assert example_report_texts
    for a, b in zip(shipped.pipe(example_report_texts), swapped.pipe(example_report_texts)):
        assert _lemmas(b) == _lemmas(a)


def test_lemmas_the_attribute_ruler_set_are_kept(model_and_cached):
    # "gon na": the model's attribute ruler gives "na" the lemma "to"; the lemmatizer must not overwrite it
    _, swapped = model_and_cached
    assert [t.lemma_ for t in swapped("We are gon na go.")][2:4] == ["go", "to"]


def test_the_extractor_runs_the_cached_lemmatizer(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedEnglishLemmatizer)


def test_a_lookup_mode_lemmatizer_is_left_as_it_ships():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert cache_lemmatizers(nlp) == []
