"""A state's forces by their bare names ("the National Guard"), in a report about that state.

patterns/organisations.jsonl ``country_aliases``: the bare name is the force of the report's country (its
dateline place's, else the one most of its places lie in); in a report about another country it stays what
it was. ALL-CAPS wire reports as distributed (the recaser gives the names their capitals).
"""

from __future__ import annotations

import pytest

from extract.components.lexicon import OrganisationEntry
from extract.patterns import PatternFileError, read_pattern_file


def organisations(extractor, text: str) -> dict[str, str | None]:
    """Each ORGANISATION's text -> its canonical name."""
    return {e.text: e.canonical for e in extractor.extract_text(text).entities if e.type == "ORGANISATION"}


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        # a Salvadoran dateline: the bare names are the Salvadoran forces
        ("SAN SALVADOR, 12 NOV 89 (ACAN-EFE) -- [TEXT] THE NATIONAL GUARD REPORTED THAT IT ARRESTED 15 PEOPLE LAST "
         "WEEK IN SOYAPANGO.", "NATIONAL GUARD", "Salvadoran National Guard"),
        ("SAN SALVADOR, 12 NOV 89 (ACAN-EFE) -- [TEXT] THE NATIONAL POLICE ANNOUNCED THAT IT HAS ABUNDANT EVIDENCE "
         "OF THE CRIME.", "NATIONAL POLICE", "Salvadoran National Police"),
        ("San Salvador, 12 Nov 89 (AFP) -- The Armed Forces reported that two soldiers were wounded near Apopa.",
         "Armed Forces", "Salvadoran Armed Forces"),
        # a Peruvian or Colombian report: the same name is that country's force
        ("LIMA, 25 MAR 90 (EFE) -- [TEXT] THE NATIONAL POLICE HAVE REPORTED THAT A BOMB EXPLODED IN MIRAFLORES.",
         "NATIONAL POLICE", "Peruvian National Police"),
        ("BOGOTA, 20 JUL 89 (EFE) -- [TEXT] THE NATIONAL POLICE REPORTED THAT THE ELN DYNAMITED THE PIPELINE.",
         "NATIONAL POLICE", "Colombian National Police"),
        # the army of the report's country (one of the nine MUC-4 countries)
        ("SAN SALVADOR, 12 NOV 89 (ACAN-EFE) -- [TEXT] A SPOKESMAN FOR THE ARMY SAID THAT THE REBELS WITHDREW "
         "FROM SOYAPANGO.", "ARMY", "Salvadoran Armed Forces"),
        ("Lima, 25 Mar 90 (EFE) -- A spokesman for the Army said that the rebels withdrew from Ayacucho.",
         "Army", "Peruvian Armed Forces"),
        # a report with no dateline place: the country most of its places lie in
        ("CLANDESTINE, 12 NOV 89 (RADIO VENCEREMOS) -- [TEXT] THE NATIONAL GUARD ATTACKED THE TOWN OF APOPA, "
         "SAN SALVADOR DEPARTMENT, AND THEN WITHDREW TO SOYAPANGO.", "NATIONAL GUARD", "Salvadoran National Guard"),
    ],
)
def test_bare_name_is_the_force_of_the_reports_country(extractor, text, name, canonical):
    found = organisations(extractor, text)
    assert found.get(name) == canonical, found


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        # a Peruvian report: no National Guard of Peru, so not El Salvador's
        ("LIMA, 25 MAR 90 (EFE) -- [TEXT] THE NATIONAL GUARD SAID IT REPELLED AN ATTACK NEAR AYACUCHO.",
         "NATIONAL GUARD", "Salvadoran National Guard"),
        # a Salvadoran report: the Colombian National Police is not its National Police
        ("San Salvador, 12 Nov 89 (AFP) -- The National Police said the bomb went off near the market.",
         "National Police", "Colombian National Police"),
        # an army of another country is not the Salvadoran one, and "an army of" in mixed case is no name
        ("MADRID, 25 MAR 90 (EFE) -- [TEXT] A SPOKESMAN FOR THE ARMY SAID THAT THE TALKS WERE POSTPONED.",
         "ARMY", "Salvadoran Armed Forces"),
        ("San Salvador, 12 Nov 89 (AFP) -- An army of volunteers cleared the streets of Soyapango.",
         "army", "Salvadoran Armed Forces"),
        # nor in ALL-CAPS text, where the recaser leaves a bare name after an indefinite determiner alone
        ("SAN SALVADOR, 12 NOV 89 (AFP) -- [TEXT] AN ARMY OF VOLUNTEERS CLEARED THE STREETS OF SOYAPANGO.",
         "ARMY", "Salvadoran Armed Forces"),
        # a qualified name keeps its own force ("the Venezuelan National Guard" in a Salvadoran report)
        ("SAN SALVADOR, 30 OCT 89 (DPA) -- [TEXT] FIVE MEMBERS OF THE VENEZUELAN NATIONAL GUARD WERE KILLED.",
         "VENEZUELAN NATIONAL GUARD", "Salvadoran National Guard"),
    ],
)
def test_bare_name_elsewhere_is_not_that_force(extractor, text, name, wrong):
    found = organisations(extractor, text)
    assert found.get(name) != wrong, found
    assert not any(canonical == wrong for canonical in found.values()), found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # guerrillas attacking a post of the National Guard of the report's country: a military action
        ("SAN SALVADOR, 26 SEP 89 (RADIO CADENA YSKL) -- [TEXT] GUERRILLAS ATTACKED THE NATIONAL GUARD POST IN "
         "SESORI, NORTH OF SAN MIGUEL, LAST NIGHT.", 0),
        ("SAN SALVADOR, 26 SEP 89 (RADIO CADENA YSKL) -- [TEXT] GUERRILLAS ATTACKED THE ARMED FORCES GARRISON IN "
         "SESORI, NORTH OF SAN MIGUEL, LAST NIGHT.", 0),
        # a police post is no military target (attacks on the police are terrorism in MUC-4)
        ("SAN SALVADOR, 3 JUL 89 (AFP) -- [TEXT] GUERRILLAS ATTACKED A NATIONAL POLICE POST IN SESORI, NORTH OF "
         "SAN MIGUEL, LAST NIGHT.", 1),
        # children killed at the post: an attack on people, not only on the force
        ("SAN SALVADOR, 11 NOV 89 (ACAN-EFE) -- [TEXT] GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS TODAY, "
         "KILLING TWO CHILDREN.", 1),
    ],
)
def test_attack_on_the_countrys_armed_force_in_muc4_scope(text, kept, attack_events, military_scope_events):
    assert len(attack_events(text)) >= 1
    assert len(military_scope_events(text)) == kept, military_scope_events(text)


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ('{"id": "x", "canonical": "X", "kind": "police", "aliases": ["X"], "country_aliases": ["National Police"]}',
         "need a country"),
        ('{"id": "x", "canonical": "X", "kind": "police", "aliases": ["X"], "country": "sv"}', "alpha-2"),
        ('{"id": "x", "canonical": "X", "kind": "police", "aliases": ["X"], "country": "SV", '
         '"country_aliases": ["national police"]}', "capitalised"),
    ],
)
def test_country_aliases_validated(tmp_path, line, error):
    path = tmp_path / "organisations.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError, match=error):
        read_pattern_file(path, OrganisationEntry)
