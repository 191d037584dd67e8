"""Attack mentions that used to be lost before they became events (real pipeline, wire-report prose):
a casualty verb in a relative clause or coordinated to an earlier verb, "set X ... on fire" with the
"on fire" under a participle of the object, destruction by a weapon, and the named person an attack
noun befell ("X was the victim of another attack"), a victim whose description holds a large number, the triggers a
negation in another clause does not reach ("a fifth bomb did not explode") or that is about a word the attack's
phrase qualifies ("the masterminds of the murder are not soldiers"), a generic attack noun dated in
its own phrase ("a 21 October attack"); and the
sentences that still make no event (guards)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, attack_type, victims, targets",
    [
        # the victim is the noun a relative clause hangs on
        ("It is a difficult time for the party because he received the banners of Luis Carlos Galan, who was "
         "killed last Friday in Soacha.",
         "assassination", ["Luis Carlos Galan"], []),
        # a casualty verb coordinated to an earlier verb takes the earlier verb's passive subject
        ("Mayor Armansio Quispe and two peasants were brought before a kangaroo court by the Shining Path in "
         "Ayacucho, and then killed by a firing squad.",
         "assassination", ["Armansio Quispe"], []),
        # "on fire" under a participle of the object
        ("Guerrillas set two trucks loaded with minerals on fire near Huaraz on Sunday.",
         "arson", [], ["trucks"]),
        # destroyed by a weapon (a participle's "by" agent), no attacker named
        ("A military source said that a telecommunications office was destroyed and five houses damaged by "
         "explosives in San Salvador on Monday.",
         "bombing", [], ["telecommunications office"]),
        # the person a copula says the attack befell
        ("Senator Pedro Gomez was the target of a terrorist attack in Medellin on Sunday.",
         "unknown", ["Pedro Gomez"], []),
        ("Ruben Zamora, leader of the Democratic Convergence, was unharmed following a terrorist attack in "
         "San Salvador.",
         "unknown", ["Ruben Zamora"], []),
        # a kind of attack beside the one attack the sentence narrates
        ("In Ayacucho, two people were murdered and various homemade bombs exploded in the last 24 hours.",
         "bombing", [], []),
        ("FMLN sappers who continuously sabotage the electrical power system destroyed several high-voltage "
         "posts in Usulutan Department yesterday.",
         "unknown", [], ["high-voltage posts"]),
        # a number inside a phrase that describes the victim is no toll ("1,100 km north of Lima")
        ("Councilman Juan Manuel Garabito from Piura, 1,100 km north of Lima, has also been shot to death.",
         "assassination", ["Juan Manuel Garabito"], []),
        # one bomb that did not explode, in a clause of its own, does not deny the others
        ("The city of Trujillo was shaken at dawn by four powerful dynamite explosions (a fifth bomb did not explode) which "
         "destroyed the offices of the housing enterprise.",
         "bombing", [], ["offices of the housing enterprise"]),
        ("Two bombs exploded at the Lima city hall today, but a third bomb did not explode.",
         "bombing", [], []),
        # a negation of what is said of a word the attack's phrase qualifies, as subject, or a denial of
        # that word, presupposes the attack
        ("Colonel Ochoa said that the masterminds of the murder of Hector Oqueli in Guatemala City are not soldiers.",
         "assassination", ["Hector Oqueli"], []),
        ("Those responsible for the bombing of the Avianca office in Bogota have not been caught.",
         "bombing", [], ["Avianca office"]),
        ("The FMLN has denied any involvement in the assassination of Archbishop Romero in San Salvador.",
         "assassination", ["Romero"], []),
    ],
)
def test_recovered_mentions(text, attack_type, victims, targets, attack_events):
    evs = attack_events(text)
    assert len(evs) == 1, evs
    assert evs[0]["attack_type"] == attack_type, evs
    for v in victims:
        assert v in evs[0]["victims"], (v, evs)
    for t in targets:
        assert t in evs[0]["targets"], (t, evs)


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause of an arrest, not of a casualty verb
        "Luis Perez, who was arrested last week in Lima, is accused of drug trafficking.",
        # "set ... free" is no fire
        "Soldiers set two guerrillas free near Huaraz on Sunday.",
        # destroyed by the security forces, not by a weapon
        "Troops destroyed a guerrilla camp near Huaraz on Sunday.",
        # a toll in hundreds is still a count over time
        "Hundreds of peasants have been murdered in Colombia since 1985.",
        # a denial that governs the other triggers of its sentence
        "The FMLN denied the attack in which three peasants were killed in Lima.",
        "The guerrillas did not kill or kidnap anyone in Lima.",
        "The bomb did not explode and no one was hurt in Lima.",
        # a negated object that the attack's phrase qualifies: the attack is not asserted
        "The minister said he had no reports of an attack on the embassy in Lima.",
        "The police found no evidence of a bombing at the embassy in Lima.",
    ],
)
def test_still_no_event(text, attack_events):
    assert attack_events(text) == []


@pytest.mark.parametrize(
    "text, count",
    [
        # a generic attack noun dated in its own phrase is one attack, placed at the dateline
        ("LIMA, 3 JAN 90 -- [TEXT] Security measures were reinforced in the last few hours following an attack "
         "early this morning 12 blocks from the hotel.", 1),
        ("LIMA, 3 JAN 90 -- [TEXT] In this capacity, the Swede supervised a 21 October attack on a police "
         "detachment and residents of the mountain township.", 1),
        # undated, or a plural over a period: still too vague to stand alone
        ("LIMA, 3 JAN 90 -- [TEXT] The government condemned the attack and announced an investigation.", 0),
        ("LIMA, 3 JAN 90 -- [TEXT] Attacks in the past week have worried the government.", 0),
    ],
)
def test_dated_generic_attack(text, count, attack_events):
    assert len(attack_events(text)) == count


@pytest.mark.parametrize(
    "text, injured_or_killed",
    [
        # "he" or "she" as the subject of a casualty verb is one person hit: the attack it tells harmed someone
        ("LIMA, 3 JAN 90 -- [TEXT] A teacher died in a hospital today, a week after an attack in which she was "
         "seriously injured.", [(1, 1)]),
        ("SAN SALVADOR, 10 APR 90 -- [TEXT] The mayor's driver is recovering from an attack in which he was "
         "wounded last month, his family said.", [(None, 1)]),
        # not a pronoun that is no casualty's subject, nor an attack that names no one hit
        ("LIMA, 3 JAN 90 -- [TEXT] The minister said he condemned an attack in which he took no part.", []),
        ("LIMA, 3 JAN 90 -- [TEXT] The government condemned an attack and announced an investigation.", []),
    ],
)
def test_pronoun_casualty_is_one_person(text, injured_or_killed, attack_events):
    assert [(ev["killed"], ev["injured"]) for ev in attack_events(text)] == injured_or_killed
