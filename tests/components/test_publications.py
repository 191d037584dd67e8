"""extract_publications: citations, introducers, issues and publishers."""

from __future__ import annotations

import pytest


def publications(extractor, text):
    doc = extractor.extract_text(text)
    return {e.text: e for e in doc.entities if e.type == "PUBLICATION"}


@pytest.mark.parametrize(
    ("text", "name", "date"),
    [
        ("Coulibaly appears in the same video as a role model (Haq, November 27, 2016).", "Haq", "2016-11-27"),
        ("The defence ministry said 18 attackers had been neutralised (Reuters, 12 March 2021).", "Reuters", "2021-03-12"),
        ("Roadside bombs were planted along supply routes (Sahel Monitor, 9 March 2021).", "Sahel Monitor", "2021-03-09"),
    ],
)
def test_citation_in_brackets(extractor, text, name, date):
    pubs = publications(extractor, text)
    assert name in pubs, pubs.keys()
    assert pubs[name].date == date


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The attack was called a blow against the state, according to the newspaper Corriere della Sera.", "Corriere della Sera"),
        ("In a statement read on the state broadcaster Tele Kanem, the ministry gave no figures.", "Tele Kanem"),
    ],
)
def test_name_after_media_noun(extractor, text, name):
    assert name in publications(extractor, text)


def test_issue_and_publisher(extractor):
    text = "Propaganda urging stabbing attacks (Cover of issue #2 of Rumiyah, an ISIS publication, October 4, 2016)."
    doc = extractor.extract_text(text)
    pub = next(e for e in doc.entities if e.type == "PUBLICATION" and e.text == "Rumiyah")
    org = next(e for e in doc.entities if e.type == "ORGANISATION" and e.text == "ISIS")
    assert pub.issue == "2"
    assert pub.publisher == org.id
    assert pub.date == "2016-10-04"


def test_bracketed_non_citations_are_not_publications(extractor):
    text = "Police arrested three men (aged 19, 22 and 25) in Barcelona (Spain, March 2019)."
    assert "Spain" not in publications(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The group claimed the operation within hours through its Shahada News Agency.", "Shahada News Agency"),
        ("The statement was broadcast on Radio Mogadishu on Tuesday.", "Radio Mogadishu"),
    ],
)
def test_names_shaped_like_outlets(extractor, text, name):
    assert name in publications(extractor, text)
