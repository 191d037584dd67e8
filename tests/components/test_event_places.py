"""Where an attack happened: reports without a dateline place, and the dateline place (where the
report was filed) versus its country, real pipeline."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clandestine radio's report: the attack on a named target is in the country the report names
        ("CLANDESTINE, 22 JUL 89 (RADIO VENCEREMOS) -- [TEXT] THE FMLN CONDEMNS THE BOMB ATTACK ON THE "
         "CENTRAL AMERICAN UNIVERSITY, WHICH DESTROYED ITS PRINTING PRESS. THE PEOPLE OF EL SALVADOR DEMAND JUSTICE.",
         [{"attack_type": "bombing", "locations": ["EL SALVADOR"], "targets": ["CENTRAL AMERICAN UNIVERSITY"]}]),
        # a report that names no country: the first place it names
        ("CLANDESTINE, 22 JUL 89 (RADIO VENCEREMOS) -- [TEXT] THE FMLN CONDEMNS THE BOMB ATTACK ON THE "
         "CENTRAL AMERICAN UNIVERSITY, WHICH DESTROYED ITS PRINTING PRESS. THE STUDENTS OF SAN SALVADOR DEMAND JUSTICE.",
         [{"attack_type": "bombing", "locations": ["SAN SALVADOR"]}]),
        # "NO CITY (PERU)": people killed, in a paragraph that names no place, in the country of the dateline
        ("NO CITY (PERU), 16 SEP 89 -- [TEXT] THE ARMY HAS REPORTED NEW GUERRILLA ACTIONS.\n\n"
         "SHINING PATH GUERRILLAS KILLED TWO PEASANTS AND A POLICEMAN YESTERDAY, THE ARMY REPORTED.",
         [{"attack_type": "armed_assault", "locations": ["PERU"], "victims": ["TWO PEASANTS", "POLICEMAN"]}]),
        # a wire report that names no place of any country: the attack that says whom or what it hit
        # is kept, with no place
        ("CLANDESTINE, 26 JUN 89 (RADIO VENCEREMOS) -- [TEXT] THE MEDIA HAS REPORTED THE MURDER OF JOSE "
         "ANTONIO MARTINEZ, DIRECTOR OF THE WATER BOARD, BY URBAN COMMANDOS. THE PEOPLE DEMAND JUSTICE.",
         [{"attack_type": "assassination", "locations": [], "victims": ["JOSE ANTONIO MARTINEZ"]}]),
        ("CLANDESTINE, 19 OCT 89 -- [TEXT] RUBEN ZAMORA, LEADER OF THE DEMOCRATIC CONVERGENCE, WAS UNHARMED "
         "FOLLOWING A TERRORIST ATTACK ON HIS HOUSE YESTERDAY.",
         [{"locations": [], "victims": ["RUBEN ZAMORA"], "targets": ["HOUSE"]}]),
        # not an attack that names nothing it hit ("the army massacre"), nor one in a text without a dateline
        ("CLANDESTINE, 26 JUN 89 (RADIO VENCEREMOS) -- [TEXT] THE ARMY MASSACRE WAS PART OF THIS PLAN. "
         "THE PEOPLE DEMAND JUSTICE.", []),
        ("The media has reported the murder of Jose Antonio Martinez, director of the water board, by urban "
         "commandos. The people demand justice.", []),
    ],
)
def test_report_without_dateline_place(text, expected, attack_events):
    got = attack_events(text)
    assert [{k: ev[k] for k in exp} for ev, exp in zip(got, expected)] == expected
    assert len(got) == len(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a report without a dateline place keeps, in its country, an attack done to civilians a person noun picks
        # out (a determiner, number or possessive), counted or not: it says whom it hit
        ("CLANDESTINE, 9 NOV 89 (RADIO VENCEREMOS) -- [TEXT] THE KILLING OF THREE MEMBERS OF THE SOCIAL CHRISTIAN "
         "MOVEMENT WAS PART OF THE REGIME'S PLAN. THE PEOPLE OF EL SALVADOR DEMAND JUSTICE.",
         [{"attack_type": "armed_assault", "locations": ["EL SALVADOR"]}]),
        ("CLANDESTINE, 27 AUG 89 (RADIO VENCEREMOS) -- [TEXT] THE REGIME HAS STEPPED UP ITS REPRESSION SINCE THE "
         "MURDER OF A UNION LEADER. THE WORKERS OF EL SALVADOR WILL NOT BE SILENCED.",
         [{"locations": ["EL SALVADOR"]}]),
        ("CLANDESTINE, 27 AUG 89 (RADIO VENCEREMOS) -- [TEXT] THE DEATH SQUADS MURDERED THE MAYOR'S DRIVER. "
         "THE WORKERS OF EL SALVADOR WILL NOT BE SILENCED.",
         [{"locations": ["EL SALVADOR"]}]),
        # not a kind of people ("the killing of priests"), troops, or attackers
        ("CLANDESTINE, 9 NOV 89 (RADIO VENCEREMOS) -- [TEXT] THE KILLING OF PRIESTS WAS PART OF THE REGIME'S "
         "PLAN. THE PEOPLE OF EL SALVADOR DEMAND JUSTICE.", []),
        ("CLANDESTINE, 9 NOV 89 (RADIO VENCEREMOS) -- [TEXT] THE KILLING OF TWO SOLDIERS WAS PART OF THE "
         "REGIME'S PLAN. THE PEOPLE OF EL SALVADOR DEMAND JUSTICE.", []),
        ("CLANDESTINE, 9 NOV 89 (RADIO VENCEREMOS) -- [TEXT] THE KILLING OF TWO GUERRILLAS WAS PART OF THE "
         "REGIME'S PLAN. THE PEOPLE OF EL SALVADOR DEMAND JUSTICE.", []),
    ],
)
def test_report_without_dateline_place_keeps_people_hit(text, expected, attack_events):
    got = attack_events(text)
    assert [{k: ev[k] for k in exp} for ev, exp in zip(got, expected)] == expected
    assert len(got) == len(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the dateline city is where the report was filed: the attack is somewhere in its country
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN GUERRILLAS KILLED TWO PEASANTS AND WOUNDED A SOLDIER "
         "YESTERDAY, THE ARMED FORCES REPORTED. THE GOVERNMENT OF EL SALVADOR CONDEMNED THE ATTACK.",
         [["EL SALVADOR"]]),
        ("LIMA, 12 MAY 90 (EFE) -- [TEXT] TERRORISTS BLEW UP TWO ELECTRICITY PYLONS LAST NIGHT, CAUSING A "
         "BLACKOUT, POLICE SOURCES SAID. PERU'S GOVERNMENT BLAMED THE SHINING PATH.",
         [["PERU"]]),
        # a foreign bureau's dateline ("MANAGUA (NICARAGUA)"): the country the report's body speaks of
        ("MANAGUA (NICARAGUA), 18 NOV 89 (BARRICADA) -- [TEXT] URBAN GUERRILLAS KILLED TWO PEASANTS AND WOUNDED "
         "A TEACHER YESTERDAY, THE SALVADORAN ARMED FORCES REPORTED. THE GOVERNMENT OF EL SALVADOR CONDEMNED THE ATTACK.",
         [["EL SALVADOR"]]),
        ("MEXICO CITY (MEXICO), 22 SEP 89 (NOTIMEX) -- [TEXT] UNIDENTIFIED GUNMEN MURDERED A TRADE UNION LEADER AT "
         "HIS HOME YESTERDAY. HUMAN RIGHTS GROUPS IN GUATEMALA BLAMED A DEATH SQUAD.",
         [["GUATEMALA"]]),
        # "near the capital" is not in it
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN GUERRILLAS KILLED TWO PEASANTS NEAR THE SALVADORAN CAPITAL "
         "YESTERDAY, THE ARMED FORCES REPORTED. THE GOVERNMENT OF EL SALVADOR CONDEMNED THE ATTACK.",
         [["EL SALVADOR"]]),
    ],
)
def test_dateline_place_is_the_country(text, expected, attack_events):
    assert [ev["locations"] for ev in attack_events(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN GUERRILLAS KILLED TWO PEASANTS AND WOUNDED A SOLDIER IN THIS "
         "CITY YESTERDAY, THE ARMED FORCES REPORTED. THE GOVERNMENT OF EL SALVADOR CONDEMNED THE ATTACK.",
         [["SAN SALVADOR"]]),
        ("LIMA, 12 MAY 90 (EFE) -- [TEXT] TERRORISTS BLEW UP TWO ELECTRICITY PYLONS IN THIS CAPITAL LAST NIGHT, "
         "POLICE SOURCES SAID. PERU'S GOVERNMENT BLAMED THE SHINING PATH.",
         [["LIMA"]]),
        ("BOGOTA, 5 JUN 89 (EFE) -- [TEXT] A CAR BOMB EXPLODED IN A RESIDENTIAL SECTOR OF THE CAPITAL YESTERDAY, "
         "KILLING TWO PEOPLE. THE GOVERNMENT OF COLOMBIA CONDEMNED THE ATTACK.",
         [["BOGOTA"]]),
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN GUERRILLAS KILLED TWO PEASANTS IN THE CAPITAL LAST NIGHT, THE "
         "ARMED FORCES REPORTED. THE GOVERNMENT OF EL SALVADOR CONDEMNED THE ATTACK.",
         [["SAN SALVADOR"]]),
    ],
)
def test_in_this_city_is_the_dateline_city(text, expected, attack_events):
    assert [ev["locations"] for ev in attack_events(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the attack took place / occurred / was staged in X" after an attack placed only in its country
        ("LIMA, 3 JAN 90 -- [TEXT] SHINING PATH GUERRILLAS BLEW UP A POWER PYLON IN PERU YESTERDAY. "
         "THE ATTACK TOOK PLACE IN HUANTA.", [["HUANTA"]]),
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN GUERRILLAS KILLED TWO PEASANTS IN EL SALVADOR YESTERDAY. "
         "THE ATTACK OCCURRED IN SOYAPANGO.", [["SOYAPANGO"]]),
        ("BOGOTA, 5 JUN 89 -- [TEXT] ELN GUERRILLAS DYNAMITED A SECTION OF THE OIL PIPELINE IN COLOMBIA LAST "
         "NIGHT. THE ATTACK WAS STAGED IN PUERTO BOYACA, WHERE MUCH PROPAGANDA WAS STREWN.", [["PUERTO BOYACA"]]),
        # or only at the dateline place, where the report was filed
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN COMMANDOS ATTACKED THE HOME OF ASSEMBLY PRESIDENT RICARDO ALVARENGA "
         "TODAY, KILLING A POLICEMAN. THE ATTACK TOOK PLACE IN COLONIA MIRAMONTES.", [["COLONIA MIRAMONTES"]]),
        # not where the attack was condemned, nor a place the attack already has, nor a country
        ("LIMA, 3 JAN 90 -- [TEXT] SHINING PATH GUERRILLAS BLEW UP A POWER PYLON IN PERU YESTERDAY. "
         "THE ATTACK WAS CONDEMNED IN HUANTA.", [["PERU"]]),
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN COMMANDOS ATTACKED THE HOME OF ASSEMBLY PRESIDENT RICARDO ALVARENGA "
         "TODAY, KILLING A POLICEMAN. THE ATTACK WAS CONDEMNED IN SANTA TECLA.", [["SAN SALVADOR"]]),
        ("LIMA, 3 JAN 90 -- [TEXT] SHINING PATH GUERRILLAS BLEW UP A POWER PYLON IN AYACUCHO YESTERDAY. "
         "THE ATTACK TOOK PLACE IN HUANTA.", [["AYACUCHO"]]),
        ("LIMA, 3 JAN 90 -- [TEXT] SHINING PATH GUERRILLAS BLEW UP A POWER PYLON IN PERU YESTERDAY. "
         "THE ATTACK TOOK PLACE IN PERU'S NORTHERN JUNGLE.", [["PERU"]]),
    ],
)
def test_restating_sentence_places_an_attack_placed_in_a_country_or_at_the_dateline(text, expected, attack_events):
    assert [ev["locations"] for ev in attack_events(text)] == expected
