"""How event mentions are grouped into incidents: a later mention that names nothing it hit nor
anything it was done with restates an attack of the document, and a first one summarises the attack
the report then details (real pipeline)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the bombing" in another sentence and place: the car bombing the report opened with
        ("A car bomb exploded outside the police headquarters in Lima on Monday, killing three people. "
         "In Cusco, police said the bombing was carried out by the Shining Path.",
         [("bombing", "car bomb", ["Shining Path"])]),
        # a claim of "the attack" placed elsewhere: the attack on the mayor's office
        ("Guerrillas attacked the mayor's office in Usulutan on Sunday, the army said. "
         "The attack in San Miguel was claimed by the FMLN.",
         [("unknown", "Guerrillas attacked", ["Guerrillas", "FMLN"])]),
        # the kidnapping claimed from another city is the kidnapping of the businessman
        ("Gunmen kidnapped the businessman Carlos Ruiz in Cali on Tuesday. "
         "In Quito, the ELN claimed the kidnapping in a communique.",
         [("kidnapping", "kidnapped", ["ELN"])]),
        # ... but "the bombing" dated to another day is another bombing
        ("A car bomb exploded outside the police headquarters in Lima on 12 March, killing three people. "
         "In Cusco, police said the bombing on 14 March was carried out by the Shining Path.",
         [("bombing", "car bomb", ["Shining Path"]), ("bombing", "bombing", ["Shining Path"])]),
    ],
)
def test_vague_mention_joins_the_attack_it_restates(text, expected, attack_events):
    got = attack_events(text)
    assert [(e["attack_type"], e["trigger"], e["perpetrators"]) for e in got] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # generic attacks in other countries are attacks there, not the bombing in Paris
        # (these rows pass without the grouping change too; they fail without its country guard)
        ("A bomb exploded at a bank in Paris on Friday, police said. "
         "There were also attacks in Germany on Friday, officials said.",
         [("bombing", ["Paris"]), ("unknown", ["Germany"])]),
        ("A bomb exploded at a bank in Paris on Friday, police said. "
         "ISIS carried out attacks in Germany and Belgium last year.",
         [("bombing", ["Paris"]), ("unknown", ["Germany"]), ("unknown", ["Belgium"])]),
    ],
)
def test_generic_attacks_in_another_country_stay_apart(text, expected, attack_events):
    got = attack_events(text)
    assert [(e["attack_type"], e["locations"]) for e in got] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # two coordinated acts by different means: a bombing and an arson, a kidnapping and a bombing
        ("Rebels blew up a grocery store and set fire to several houses in Anta on Monday.",
         [("bombing", ["grocery store"]), ("arson", ["houses"])]),
        ("Guerrillas kidnapped the mayor and dynamited the town hall in Chalatenango on Sunday.",
         [("kidnapping", []), ("bombing", ["town hall"])]),
        # two acts set side by side by "while"
        ("Two bank branches were blown up in Medellin on Monday while a restaurant was burned in Envigado.",
         [("bombing", ["bank branches"]), ("arson", ["restaurant"])]),
        # not split: one act and the means it used, one act and its toll, a generic verb beside the means,
        # a bomb and the fire it caused
        ("A bomb that set fire to the building exploded in Lima on Monday.",
         [("bombing", ["building"])]),
        ("Terrorists set fire to the town hall with dynamite in Anta on Monday.",
         [("arson", ["town hall"])]),
        ("Terrorists blew up a grocery store in Anta on Monday, killing two people.",
         [("bombing", ["grocery store"])]),
        ("Rebels attacked and dynamited the police post in Usulutan on Sunday.",
         [("bombing", ["police post"])]),
    ],
)
def test_coordinated_acts_by_different_means_are_two_attacks(text, expected, attack_events):
    got = attack_events(text)
    assert [(e["attack_type"], e["targets"]) for e in got] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a later shooting word with a place of its own and no victim restates the murder
        ("LIMA, 3 JAN 90 -- Gunmen assassinated the mayor, Jose Rivera, in Cali on Monday.\n\n"
         "The shooting took place in the Granada neighborhood of Bogota, police said.",
         [("assassination", "assassinated")]),
        ("BOGOTA, 3 JAN 90 -- Judge Carlos Mejia was murdered in Medellin on Friday.\n\n"
         "The gunmen opened fire in Envigado, the police said.",
         [("assassination", "murdered")]),
        ("BOGOTA, 3 JAN 90 -- Unidentified men murdered the labor leader Carlos Mejia in Medellin on Friday.\n\n"
         "The police said the machinegunning took place in Envigado.",
         [("assassination", "murdered")]),
        # not a shooting after a bombing or a kidnapping, nor a shooting that names whom it hit
        ("BOGOTA, 3 JAN 90 -- A bomb exploded at a bank in Medellin on Friday.\n\n"
         "The police said the shooting took place in Envigado.",
         [("bombing", "bomb"), ("shooting", "shooting")]),
        ("BOGOTA, 3 JAN 90 -- Guerrillas kidnapped the mayor of Medellin on Friday.\n\n"
         "The police said the shooting took place in Envigado.",
         [("kidnapping", "kidnapped"), ("shooting", "shooting")]),
        ("BOGOTA, 3 JAN 90 -- Judge Carlos Mejia was assassinated in Medellin on Friday.\n\n"
         "Witnesses said the judge was shot near his house in Envigado.",
         [("assassination", "assassinated"), ("shooting", "shot")]),
        # a vague first mention is the summary of the attack the report then details
        ("SAN SALVADOR, 3 JAN 90 -- Strong explosions were heard in Santa Tecla this morning.\n\n"
         "A bomb destroyed the offices of the newspaper El Diario in Soyapango, the police said.",
         [("bombing", "bomb")]),
        ("LIMA, 3 JAN 90 -- A kidnapping was reported in Miraflores this morning.\n\n"
         "Four armed men kidnapped the businessman Carlos Ruiz from his home in San Isidro, the police said.",
         [("kidnapping", "kidnapped")]),
        # not a summary of another kind of attack, nor one place of a list, nor one of another status
        ("SAN SALVADOR, 3 JAN 90 -- A kidnapping was reported in Santa Tecla this morning.\n\n"
         "A bomb destroyed the offices of the newspaper El Diario in Soyapango, the police said.",
         [("kidnapping", "kidnapping"), ("bombing", "bomb")]),
        ("SAN SALVADOR, 3 JAN 90 -- Strong explosions were heard in Santa Tecla and Soyapango this morning.\n\n"
         "A bomb destroyed the offices of the newspaper El Diario in Soyapango, the police said.",
         [("bombing", "explosions"), ("bombing", "explosions")]),
        ("SAN SALVADOR, 3 JAN 90 -- A bomb attack was foiled in Santa Tecla this morning.\n\n"
         "A bomb destroyed the offices of the newspaper El Diario in Soyapango, the police said.",
         [("bombing", "bomb attack"), ("bombing", "bomb")]),
    ],
)
def test_vague_mentions_restate_or_summarise_an_attack(text, expected, attack_events):
    """A vague shooting word restates a murder; a vague first mention summarises the attack the report details."""
    got = attack_events(text)
    assert [(e["attack_type"], e["trigger"]) for e in got] == expected
