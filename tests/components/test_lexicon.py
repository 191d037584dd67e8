"""extract_lexicon: organisation and publication names from patterns/, with canonical names and ids."""

from __future__ import annotations

import pytest


def labelled(nlp, text):
    doc = nlp(text)
    return {e.text: (e.label_, e._.canonical, e._.source) for e in doc.ents}


@pytest.mark.parametrize(
    ("sentence", "name", "label", "canonical"),
    [
        ("ISIS has been highly motivated to carry out terrorist attacks around the globe.", "ISIS", "ORGANISATION", "Islamic State"),
        ("Local sources attributed the attack to ISWAP, the Islamic State's West African affiliate.", "ISWAP", "ORGANISATION", "Islamic State West Africa Province"),
        ("The Police Service of Northern Ireland attributed the attack to the New IRA.", "Police Service of Northern Ireland", "ORGANISATION", None),
        ("THE MRTA HAS FINANCED ITSELF LARGELY THROUGH KIDNAPPINGS FOR RANSOM.", "MRTA", "ORGANISATION", None),
        ("The claim was carried by Amaq, the group's news agency.", "Amaq", "PUBLICATION", None),
        ("Dabiq and Rumiyah urged supporters to carry out stabbing attacks.", "Rumiyah", "PUBLICATION", "Rumiyah"),
    ],
)
def test_lexicon_names(nlp, sentence, name, label, canonical):
    found = labelled(nlp, sentence)
    assert name in found, found
    assert found[name][0] == label
    assert found[name][2].startswith("pattern:")
    if canonical:
        assert found[name][1] == canonical


@pytest.mark.parametrize(
    ("cable", "name"),
    [
        ("THE FMLN [FARABUNDO MARTI NATIONAL LIBERATION\nFRONT] CONTINUES ITS ATTACKS.", "FARABUNDO MARTI NATIONAL LIBERATION\nFRONT"),
        ("On Monday morning militants of the Islamic State West\nAfrica Province attacked the base.", "Islamic State West\nAfrica Province"),
        ("Militants of the Islamic State West  Africa Province attacked the base.", "Islamic State West  Africa Province"),
    ],
)
def test_name_wrapped_over_two_lines(nlp, cable, name):
    assert name in labelled(nlp, cable)


@pytest.mark.parametrize(
    "text",
    [
        "The report was written by the Islamic State West.\n\nAfrica Province officials denied it.",  # a blank line
        "Groups listed:\nIslamic State West\nAfrica Province\nBoko Haram\n",  # lines of a list
    ],
)
def test_names_on_separate_lines_stay_apart(nlp, text):
    assert not any("\n" in name for name in labelled(nlp, text))


@pytest.mark.parametrize(
    "sentence",
    [
        "This is a report on what is known so far.",  # "is" is not the Islamic State
        "The independent candidate won the vote.",  # "The Independent" only in exact case
    ],
)
def test_ambiguous_aliases_need_exact_case(nlp, sentence):
    doc = nlp(sentence)
    assert not [e for e in doc.ents if e.label_ in ("ORGANISATION", "PUBLICATION")]


@pytest.mark.parametrize(
    ("sentence", "acronym", "long_form"),
    [
        ("A cell of the Informal Anarchist Federation (FAI) claimed it. The FAI later denied it.", "FAI", "Informal Anarchist Federation"),
        ("The Border Guard Board (PPA) reported outages; PPA systems were restored.", "PPA", "Border Guard Board"),
    ],
)
def test_bracketed_acronym_and_its_later_uses(extractor, sentence, acronym, long_form):
    doc = extractor.extract_text(sentence)
    ent = next(e for e in doc.entities if any(m.text == long_form for m in e.mentions))
    assert [m.text for m in ent.mentions].count(acronym) == 2


@pytest.mark.parametrize(
    ("text", "alias", "canonical"),
    [
        # "RIA" is both Estonia's Information System Authority and RIA Novosti: the document decides
        ("The Estonian Information System Authority said RIA had repelled the attacks.", "RIA", "Estonian Information System Authority"),
        ("RIA Novosti reported the strike; RIA quoted the ministry.", "RIA", "RIA Novosti"),
        ("RIA said the sites were back online.", "RIA", None),
    ],
)
def test_shared_alias_owner_comes_from_the_document(nlp, text, alias, canonical):
    doc = nlp(text)
    span = next(e for e in doc.ents if e.text == alias)
    assert span._.canonical == canonical
