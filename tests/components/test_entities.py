"""extract_entities: model labels mapped to the contract's types, junk removed, titles stripped."""

from __future__ import annotations

import pytest


def ents(nlp, text):
    doc = nlp(text)
    return {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("The attacks are listed in Appendix C of this report.", "Appendix C"),
        ("Event counts in Table 3 are provisional; see Annex 2 for coding rules.", "Annex 2"),
        ("He was charged under the Prevention of Terrorism Act in London.", "the Prevention of Terrorism Act"),
        ("Investigators said Harpon had converted to Islam in 2008.", "Islam"),
    ],
)
def test_non_names_are_removed(nlp, sentence, absent):
    found = {text for text, _ in ents(nlp, sentence)}
    assert absent not in found
    assert absent.removeprefix("the ") not in found


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Borno State Governor Babagana Zulum called for more soldiers to be deployed.", "Babagana Zulum", "Governor"),
        ("Army spokesman Colonel Aminu Garba gave no figure for military losses.", "Aminu Garba", "Colonel"),
        ("President Joko Widodo condemned the attacks.", "Joko Widodo", "President"),
    ],
)
def test_titles_are_stripped_and_kept(nlp, sentence, name, title):
    doc = nlp(sentence)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert [p.text for p in people] == [name]
    assert people[0]._.info["title"] == title


def test_only_contract_labels_remain(nlp, corpora_dir):
    doc = nlp((corpora_dir / "dev" / "europol-style-trend-summary-2019.txt").read_text(encoding="utf-8"))
    assert {e.label_ for e in doc.ents} <= {"ORGANISATION", "PUBLICATION", "DATE", "PLACE", "PERSON"}
    assert all(e._.source for e in doc.ents)


@pytest.mark.parametrize(
    ("sentence", "not_a_name"),
    [
        ("Nigerien officials did not say whether any soldiers were missing.", "Nigerien"),
        ("Next issue: 2 May 2021. Earlier issues are archived on our website.", "Next"),
    ],
)
def test_demonyms_and_capitalised_words_are_not_names(nlp, sentence, not_a_name):
    doc = nlp(sentence)
    assert not_a_name not in {e.text for e in doc.ents if e.label_ in ("ORGANISATION", "PERSON")}


def test_titled_hyphenated_name_is_a_person(nlp):
    doc = nlp("The coup was led by Lieutenant-Colonel Paul-Henri Sandaogo Damiba, who overthrew the president.")
    assert "Paul-Henri Sandaogo Damiba" in {e.text for e in doc.ents if e.label_ == "PERSON"}
