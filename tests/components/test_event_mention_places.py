"""Where an attack mention happened, read from its own sentence: an anaphoric attack noun that is the
subject of its clause ("the attack damaged ... in X", "the attack took place in X"), and the place of a
report ("police reported in Lima that ...") that is not the place of the attack it reports; real pipeline."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # a report without a dateline: the anaphoric attack is placed by its own clause, not dropped
        ("THE TERRORIST ATTACK DAMAGED THE MAIN POWER LINE IN SAN SALVADOR.", [["SAN SALVADOR"]]),
        ("The attack destroyed a branch of the Agrarian Bank in Ayacucho last night.", [["Ayacucho"]]),
        ("The attack, carried out by urban commandos, destroyed two buses in Soyapango.", [["Soyapango"]]),
    ],
)
def test_anaphoric_attack_placed_by_its_clause(text, expected, attack_events):
    assert [ev["locations"] for ev in attack_events(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the attack's own place, not the capital the police spoke in (the dateline city's country)
        ("LIMA, 12 MAY 90 (EFE) -- [TEXT] PERU'S NATIONAL POLICE REPORTED IN LIMA TODAY THAT SHINING PATH "
         "TERRORISTS BURNED THE OFFICES OF THE AGRARIAN BANK YESTERDAY. THE ATTACK CAUSED HEAVY DAMAGE IN PERU.",
         [["PERU"]]),
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] THE ARMED FORCES PRESS COMMITTEE REPORTED IN SAN SALVADOR THAT URBAN "
         "GUERRILLAS KILLED TWO PEASANTS YESTERDAY. THE GOVERNMENT OF EL SALVADOR CONDEMNED THE ATTACK.",
         [["EL SALVADOR"]]),
    ],
)
def test_place_of_the_report_is_not_the_attacks(text, expected, attack_events):
    assert [ev["locations"] for ev in attack_events(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the countries of the people who condemned it, not one attack per country
        ("GUATEMALA CITY, 3 JAN 90 -- [TEXT] THE KIDNAPPING OF FIVE UNIVERSITY STUDENTS HAS BEEN CONDEMNED BY LEADERS "
         "FROM UNIVERSITIES IN MEXICO, HONDURAS, PERU, COLOMBIA, AND PANAMA.", [["GUATEMALA CITY"]]),
        ("LIMA, 3 JAN 90 -- THE MURDER OF THE MAYOR WAS CONDEMNED BY LEADERS IN MEXICO AND BOLIVIA.", [["LIMA"]]),
        # the object of the reaction keeps its own place
        ("SAN SALVADOR, 3 JAN 90 -- THE GOVERNMENT CONDEMNED THE BOMBING OF THE BUS IN USULUTAN.", [["USULUTAN"]]),
    ],
)
def test_place_of_a_reaction_is_not_the_attacks(text, expected, attack_events):
    assert [ev["locations"] for ev in attack_events(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an attack placed only on a street happened in the town of the dateline (else of the paragraph)
        ("SANTIAGO, 13 FEB 90 -- A bomb went off yesterday at the gate of the University of Chile on "
         "Bernardo O'Higgins Avenue, police said.", [["Bernardo O'Higgins Avenue", "SANTIAGO"]]),
        ("LIMA, 12 MAY 90 -- Terrorists bombed a bank on Arequipa Avenue yesterday, police said.",
         [["Arequipa Avenue", "LIMA"]]),
        # not when its sentence names the town the street is in
        ("SANTIAGO, 13 FEB 90 -- A bomb went off yesterday at the gate of a school on Bernardo O'Higgins "
         "Avenue in Valparaiso, police said.", [["Bernardo O'Higgins Avenue", "Valparaiso"]]),
        ("LIMA, 12 MAY 90 -- Terrorists bombed a bank on Arequipa Avenue in Huancayo yesterday, police said.",
         [["Arequipa Avenue", "Huancayo"]]),
    ],
)
def test_attack_on_a_street_is_in_its_town(text, expected, attack_events):
    assert [ev["locations"] for ev in attack_events(text)] == expected
