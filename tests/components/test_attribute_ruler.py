"""extract_attribute_ruler sets exactly what the model's own attribute ruler sets, and stands in only
for rulers whose patterns it can match exactly."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from extract.components.attribute_ruler import IndexedAttributeRuler, IndexedPatterns, UnsupportedPattern, index_attribute_rulers
from extract.pipeline import DEFAULT_MODEL

SENTENCES = [
    # tag -> POS and morphology for every token, lemma exceptions ("ai n't", "gon na", "let 's", "y' all")
    "The FMLN ain't going to stop: gon na hit them again, let's go, y'all.",
    "There were 12 people killed when a bomb exploded at 2300 on 14 May in Lima.",
    "I think you should read it; but they've said nothin' about the attack.",
    "SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] THE ARMY REPORTED THAT 50 PEASANTS WERE KIDNAPPED.",
    "ISIS claimed the attack in Cairo on December 11, 2016 (Haq, November 27, 2016).\n\n  Two were hurt.",
]


@pytest.fixture(scope="module")
def model_and_indexed(shipped_model):
    """The shipped model, and the same model with its ruler swapped (both without NER, which reads neither)."""
    swapped = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    assert index_attribute_rulers(swapped) == ["attribute_ruler"]
    return shipped_model, swapped


def _annotations(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_pos_morph_and_lemma_as_the_models_ruler(model_and_indexed, text):
    shipped, swapped = model_and_indexed
    assert _annotations(swapped(text)) == _annotations(shipped(text))


def test_same_annotations_on_the_example_reports(model_and_indexed, example_report_texts):
    shipped, swapped = model_and_indexed
    assert example_report_texts
    for a, b in zip(shipped.pipe(example_report_texts), swapped.pipe(example_report_texts)):
        assert _annotations(b) == _annotations(a)


def test_the_extractor_runs_the_indexed_ruler(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)


@pytest.mark.parametrize(
    ("pattern", "supported"),
    [
        ([{"TAG": "NN"}], True),
        ([{"LOWER": {"IN": ["is", "was"]}, "DEP": {"NOT_IN": ["aux"]}}], True),
        ([{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}], True),
        ([{"IS_SPACE": True}], True),
        # an operator, or an attribute or predicate the index does not know: the model's ruler stays
        ([{"LOWER": "very", "OP": "+"}], False),
        ([{"ENT_TYPE": "GPE"}], False),
        ([{"LENGTH": {">=": 3}}], False),
    ],
)
def test_which_patterns_the_index_matches(pattern, supported):
    try:
        IndexedPatterns([(0, pattern)])
    except UnsupportedPattern:
        assert not supported
    else:
        assert supported


def test_a_ruler_with_an_operator_pattern_is_left_as_the_model_ships_it():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert index_attribute_rulers(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler


def test_later_rules_win_as_in_spacys_ruler():
    patterns = [
        {"patterns": [[{"LOWER": "bomb"}]], "attrs": {"LEMMA": "first"}},
        {"patterns": [[{"LOWER": {"IN": ["bomb", "bombs"]}}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": "a"}, {"LOWER": "bomb"}]], "attrs": {"LEMMA": "third"}, "index": -1},
    ]
    results = []
    for swap in (False, True):
        nlp = spacy.blank("en")
        nlp.add_pipe("attribute_ruler").add_patterns(patterns)
        if swap:
            assert index_attribute_rulers(nlp) == ["attribute_ruler"]
        results.append([t.lemma_ for t in nlp("a bomb and bombs, no bomb")])
    assert results[0] == results[1] == ["", "third", "", "second", "", "", "second"]
