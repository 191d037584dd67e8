"""Unnamed attackers (MUC-4 PerpInd): the subject the parse hangs on a participle before the attack verb
("two men riding a motorcycle threw a grenade": "men" the subject of "riding", the verb without one);
people a count or an adjective describes who act on a person, a thing attacked or with a weapon in the
attack's sentence or text block ("two men fired on the senator"); the groups and units of guerrillas,
rebels or terrorists ("an urban guerrilla group"), not a group that names no one or an organisation ("no
guerrilla group has claimed", "a group calling itself X"). Real pipeline, report-style sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # wire text wrapped at the participle: the parse makes "riding" an adverbial clause of "threw"
        ("LIMA, 4 SEP 89 (AFP) -- [TEXT] AN ATTACK SHOOK LIMA IN CENTRAL PERU THIS EVENING WHEN TWO MEN RIDING ON\n"
         "A MOTORCYCLE THREW A BOMB AT A POLICE STATION LOCATED IN THE DISTRICT OF MIRAFLORES.", ["TWO MEN"]),
        # parsed as a participle of the noun: the phrase whole, as before
        ("Panic spread in Cali this evening when two men riding on a motorcycle threw an explosive device at a "
         "police station.", ["two men riding on a motorcycle"]),
    ],
)
def test_participle_subject(event_attackers, text, expected):
    evs = event_attackers(text)
    assert len(evs) == 1, evs
    assert evs[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a clause of its own ("while ... were searching") keeps its subject to itself
        "Police said a bomb exploded in a market in Lima on Monday while soldiers were searching the area.",
    ],
)
def test_participle_clause_not_attacker(event_attackers, text):
    evs = event_attackers(text)
    assert all("soldiers" not in " ".join(a) for a in evs), evs


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Pedro Ramos was shot dead in Barranquilla on Monday. According to the first reports, two men "
         "fired on the senator from a passing car.", ["two men"]),
        ("A watchman was killed in an attack on a bank in Cali on Friday night. Several men wounded the watchman "
         "and fled.", ["men"]),
    ],
)
def test_described_people_acting_on_victim(event_attackers, text, expected):
    evs = event_attackers(text)
    assert len(evs) == 1, evs
    assert evs[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # people who do nothing to anyone are not the attackers
        "Two men died in the bomb attack on a bus in Lima on Monday.",
        "A bomb exploded at the offices of a bank in Lima on Monday. Three men created panic in the streets afterwards.",
    ],
)
def test_described_people_not_acting(event_attackers, text):
    assert event_attackers(text) == [[]]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the groups, units and squads of guerrillas, rebels or terrorists (patterns/event_actors.jsonl)
        ("The mayor was killed in Lima on Monday by a bomb presumably placed by an urban guerrilla group on top of "
         "his car.", ["urban guerrilla group"]),
        ("Early on Monday morning, rebel groups detonated eight bombs in front of the homes of officials in "
         "Usulutan.", ["rebel groups"]),
        ("The mayor was murdered in Cali on Friday by a guerrilla unit.", ["guerrilla unit"]),
        # a group that names no one or the organisation itself is no attacker
        ("No guerrilla group has claimed responsibility for the bomb attack on the embassy in Lima on Monday.", []),
        ("A mayor was kidnapped in Tegucigalpa on Monday by a new guerrilla group calling itself the 9 May People's "
         "Liberation Forces.", []),
        ("Two missionaries were shot dead in La Paz on Monday by a group of terrorists. This is the same terrorist "
         "group that claimed credit for the attack on the embassy.", ["terrorists"]),
    ],
)
def test_fighters_group(event_attackers, text, expected):
    evs = event_attackers(text)
    assert len(evs) == 1, evs
    assert evs[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a describing noun in apposition to a name: the named person is the one implicated or involved
        ("San Salvador, 1 Feb 90 -- Col Guillermo Alfredo Benavides, the primary person implicated in the murder "
         "of six Jesuit priests, was officially removed today from his post.", "Guillermo Alfredo Benavides"),
        ("Ponce attended the ceremony in San Salvador on Wednesday, replacing Colonel Guillermo Benavides, one of the men involved in the "
         "assassination of the Jesuits.", "Guillermo Benavides"),
    ],
)
def test_apposed_person_implicated(attack_events, text, expected):
    evs = attack_events(text)
    assert len(evs) == 1, evs
    assert expected in evs[0]["perpetrators"], evs


@pytest.mark.parametrize(
    "text",
    [
        # an apposition that says nothing of the attack names no perpetrator
        "Colonel Guillermo Benavides, the director of the military school, said the murder of the Jesuits in "
        "San Salvador was an outrage.",
    ],
)
def test_apposed_person_not_implicated(attack_events, text):
    assert all("Guillermo Benavides" not in e["perpetrators"] for e in attack_events(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # people arrested following an attack or said to be implicated in it, in a sentence of their own,
        # are the perpetrators of the attack told before
        ("LIMA, 30 MAR 89 -- [TEXT] TEN POLICEMEN WERE KILLED WHEN SHINING PATH GUERRILLAS ATTACKED THE POLICE POST "
         "AT UCHIZA ON 27 MARCH. HENRY VLADIMIR DELGADO SALAZAR AND JOSE ALZATE CARDONA WERE ARRESTED FOLLOWING THE "
         "ARMED ATTACK ON THE POLICE POST AT UCHIZA.", ["HENRY VLADIMIR DELGADO SALAZAR", "JOSE ALZATE CARDONA"]),
        ("SAN SALVADOR, 13 JAN 90 -- [TEXT] SIX JESUIT PRIESTS WERE MURDERED IN SAN SALVADOR ON 16 NOVEMBER. "
         "SALVADORAN PRESIDENT ALFREDO CRISTIANI TODAY CHARGED THAT COLONEL GUILLERMO BENAVIDES, DIRECTOR OF THE "
         "MILITARY ACADEMY, AND TWO SOLDIERS ARE IMPLICATED IN THE ASSASSINATION OF THE JESUITS.",
         ["GUILLERMO BENAVIDES"]),
        # the names those arrested or charged "have been identified as" are the perpetrators of the attack
        # someone is charged with, else of the one told before them
        ("BOGOTA, 11 SEP 89 -- [TEXT] FOUR MEN TRAVELLING IN A BLUE RENAULT HAVE SET FIRE TO TWO GOVERNMENT "
         "VEHICLES IN RIO NEGRO MUNICIPALITY, ANTIOQUIA. TWO OF THEM WERE ARRESTED AFTER A SHOOT-OUT WITH POLICEMEN."
         "\n\n   THE ARRESTED MEN HAVE BEEN IDENTIFIED AS DIEGO LEON OROZCO, 23, AND ERNESTO GONZALEZ, ALSO 23.",
         ["DIEGO LEON OROZCO", "ERNESTO GONZALEZ"]),
        ("Lima, 3 May 90 -- A car bomb exploded outside the offices of a bank in Lima on Monday. Police arrested "
         "two suspects on Tuesday. Those detained were identified as Juan Carlos Perez and Mario Lopez Rojas.",
         ["Juan Carlos Perez", "Mario Lopez Rojas"]),
        # "their names are" / "his name is" right after a sentence that charges or arrests people for the attack
        ("BOGOTA, 26 AUG 89 -- [TEXT] POLICE PRESENTED FIVE MEN SUSPECTED OF KILLING LIBERAL PRESIDENTIAL CANDIDATE "
         "LUIS CARLOS GALAN. THEIR NAMES ARE ARMANDO BERNAL ACOSTA, NORBERTO MURILLO CHALATA AND LUIS HASBUN.",
         ["ARMANDO BERNAL ACOSTA", "NORBERTO MURILLO CHALATA", "LUIS HASBUN"]),
        ("Lima, 3 May 90 -- A car bomb exploded outside the offices of a bank in Lima on Monday. Police arrested "
         "two suspects in connection with the attack. Their names are Juan Carlos Perez and Mario Lopez.",
         ["Juan Carlos Perez", "Mario Lopez"]),
    ],
)
def test_arrested_implicated_or_identified(attack_events, text, expected):
    evs = attack_events(text)
    assert len(evs) == 1, evs
    assert all(x in evs[0]["perpetrators"] for x in expected), evs


@pytest.mark.parametrize(
    "text",
    [
        # the victims identified are no perpetrators
        "Lima, 3 May 90 -- A car bomb exploded outside a bank in Lima on Monday. The dead were identified as "
        "Juan Carlos Perez and Mario Lopez Rojas.",
        # names after a sentence that charges no one with the attack are not its perpetrators
        "Lima, 3 May 90 -- A car bomb exploded outside a bank in Lima on Monday, killing two guards. Their names "
        "are Juan Carlos Perez and Mario Lopez Rojas.",
    ],
)
def test_identified_victims_not_suspects(attack_events, text):
    assert all(e["perpetrators"] == [] for e in attack_events(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # another sentence of the text block names the attackers as doing something to someone or something,
        # as the agent of a passive, or as the subject of a verb that leads to an attack word
        ("Senator Pedro Ramos was shot dead in Barranquilla on Monday.  According to the police, the assailants "
         "arrived at the senator's home in two vehicles.", ["assailants"]),
        ("Judge Carlos Valencia was shot dead in Bogota on Monday.  He was intercepted by four individuals on two "
         "motorcycles.", ["four individuals"]),
        ("Five youths were kidnapped in San Salvador on Monday.  The terrorists continue to resort to kidnappings "
         "of youths in the capital.", ["terrorists"]),
    ],
)
def test_block_attackers_acting(event_attackers, text, expected):
    evs = event_attackers(text)
    assert evs and evs[0] == expected, evs


@pytest.mark.parametrize(
    "text",
    [
        # attacker nouns of another sentence that only say, meet or send something are not the attackers
        "Two engineers kidnapped in Bogota a month ago were released on Monday.  The kidnappers had met with the "
        "team of negotiators in Bucaramanga.",
        "A bomb exploded at the offices of a bank in Lima on Monday.  The guerrillas have sent no official note "
        "about the peace talks.",
    ],
)
def test_block_attackers_not_acting(event_attackers, text):
    assert event_attackers(text)[0] == [], event_attackers(text)
