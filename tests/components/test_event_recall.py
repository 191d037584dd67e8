"""Attacks the lexicon and the merging used to miss: new trigger wordings, and separate incidents
of one paragraph kept apart (real pipeline)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, attack_type, trigger, targets",
    [
        # strafing is shooting
        ("Former minister Francisco Guerrero died in San Salvador when he was strafed by guerrillas.",
         "shooting", "strafed", []),
        # an armed group destroying something attacks it
        ("FMLN urban commandos destroyed a truck owned by a soda company in San Salvador today.",
         "unknown", "destroyed", ["truck"]),
        ("Rebels destroyed ten power transmission towers in Usulutan last night, officials said.",
         "unknown", "destroyed", ["power transmission towers"]),
        # "set" and "on fire" / "ablaze" around the object
        ("In Lima the terrorists set two schools and several houses on fire, police said.",
         "arson", "set", ["schools", "houses"]),
        ("Guerrillas set three buses ablaze in Lima on Monday.",
         "arson", "set", ["buses"]),
        # explosives named by their use
        ("In Lima the terrorists used explosives against the town hall, the police said.",
         "bombing", "used explosives", ["town hall"]),
        # the burning of a target named by a noun
        ("Police were investigating the burning of five buses by rebels in Solola last week.",
         "arson", "burning", ["buses"]),
        ("The Extraditables claimed responsibility for the burning of a restaurant in Medellin today.",
         "arson", "burning", ["restaurant"]),
    ],
)
def test_trigger_wordings(text, attack_type, trigger, targets, attack_events):
    got = attack_events(text)
    assert [(e["attack_type"], e["trigger"], e["targets"]) for e in got] == [(attack_type, trigger, targets)]


@pytest.mark.parametrize(
    "text",
    [
        "The fire destroyed three houses in Lima on Monday.",  # no attacker
        "The army destroyed a guerrilla camp in Chalatenango, a military spokesman said.",  # the state forces
        "The government set the price of fuel in Lima on Monday.",  # no fire
        "The burning of the flag by students in Lima was condemned on Monday.",  # burned no target
        "A burning bus blocked the highway near Lima on Monday.",  # no act of burning
    ],
)
def test_no_attack_without_an_attacker_or_a_fire(text, attack_events):
    assert attack_events(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # "also": one more attack, not the paragraph's car bombing
        ("A car bomb exploded outside a bank in Lima today, police said. "
         "Terrorist groups also blew up several high-voltage towers.",
         [("bombing", ["bank"]), ("bombing", ["high-voltage towers"])]),
        ("Urban guerrillas attacked the home of the mayor in San Salvador on Sunday. "
         "The house of the congress president was also attacked.",
         [("unknown", ["home of the mayor"]), ("unknown", ["house of the congress president"])]),
        # "another": one more bomb
        ("A bomb exploded at the Banco Cafetero branch in Medellin on Sunday. "
         "Another bomb exploded at a supermarket, police said.",
         [("bombing", ["Banco Cafetero branch"]), ("bombing", ["supermarket"])]),
        # an arson after a bombing in the paragraph is another act
        ("A bomb exploded at a bank in Lima on Sunday, police said. "
         "Hours later, terrorists set fire to a bus.",
         [("bombing", ["bank"]), ("arson", ["bus"])]),
    ],
)
def test_one_more_attack_in_the_paragraph(text, expected, attack_events):
    got = attack_events(text)
    assert [(e["attack_type"], e["targets"]) for e in got] == expected


@pytest.mark.parametrize(
    "text, victims",
    [
        # two murders of two named people, one paragraph: two incidents
        ("Gunmen murdered the judge Carlos Valencia Garcia in Medellin on Monday. "
         "Hours later, gunmen murdered the journalist Jorge Pardo Ruiz.",
         [["Carlos Valencia Garcia"], ["Jorge Pardo Ruiz"]]),
    ],
)
def test_different_victims_are_different_attacks(text, victims, attack_events):
    assert [e["victims"] for e in attack_events(text)] == victims


@pytest.mark.parametrize(
    "text, trigger, victims",
    [
        # the dead found are a murder: the body of X, X's body, X found dead, X died of bullet wounds
        ("The body of Jose Castellar, the mayor of Achi, was found today near Cartagena.",
         "found", ["Jose Castellar"]),
        ("Peasants found the bodies of Salvador Bonilla and Jose Antonio Marquez in Soyapango yesterday.",
         "found", ["Salvador Bonilla", "Jose Antonio Marquez"]),
        ("Marco Tulio Montenegro, a student leader, has been found dead in Guatemala City.",
         "found dead", ["Marco Tulio Montenegro"]),
        ("Bernardo Jaramillo Ossa, the presidential candidate, died of gunshot wounds in Bogota today.",
         "died of gunshot wounds", ["Bernardo Jaramillo Ossa"]),
        # where the dead were found is no target of the attack
        ("Jose Castellar's body was found on Saturday under a bridge in Guatemala City.",
         "found", ["Jose Castellar"]),
    ],
)
def test_dead_found_are_attacks(text, trigger, victims, attack_events):
    got = attack_events(text)
    assert [(e["attack_type"], e["trigger"], e["victims"], e["targets"]) for e in got] == [
        ("armed_assault", trigger, victims, [])]


@pytest.mark.parametrize(
    "text",
    [
        "The legislative body found the proposal unacceptable in Lima.",  # a body of people, no remains
        "Police found the weapons of the guerrillas in a house in Lima.",  # found no dead
        "The commission found the government dead wrong on the issue in Lima.",  # "dead" is no death
        "The minister died of natural causes in Lima yesterday.",  # no wound
    ],
)
def test_no_attack_where_no_dead_are_found(text, attack_events):
    assert attack_events(text) == []


@pytest.mark.parametrize(
    "text, victims",
    [
        # a religious order's members are people that can be killed, as priests are
        ("Two Jesuits were killed by unidentified gunmen in Guatemala City on Monday.", ["Two Jesuits"]),
        # told as background in a relative clause on the dead, with their own place and date: the killing is
        # reported (its victims span is not asserted here)
        ("THE SPANISH DELEGATION WILL ATTEND THE FUNERALS OF THE JESUITS WHO WERE KILLED IN SAN SALVADOR ON "
         "16 NOVEMBER.", None),
    ],
)
def test_killed_members_of_a_religious_order(text, victims, attack_events):
    got = attack_events(text)
    assert [e["attack_type"] for e in got] == ["armed_assault"], got
    if victims is not None:
        assert got[0]["victims"] == victims


@pytest.mark.parametrize(
    "text",
    [
        "The Jesuit order killed its plan to build a school in San Salvador on Monday.",  # killed no person
        "The Jesuits who run the university in San Salvador met the president on Monday.",  # no killing
    ],
)
def test_no_killing_of_a_religious_order_without_a_killing(text, attack_events):
    assert attack_events(text) == []
