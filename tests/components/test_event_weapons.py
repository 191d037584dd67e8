"""Event weapons on real report sentences: the weapon's noun phrase, found arms, words that only look
like weapon words.

MUC-4-style wire text (ALL-CAPS, recased before spaCy) and mixed-case prose, real pipeline. A weapon
keeps the modifiers that say what kind of weapon it is, not its count, ordinal or size.
"""

from __future__ import annotations

import pytest


def weapons_and_types(attack_events, text: str) -> tuple[list[str], list[str]]:
    """All weapons and attack types of the text's events."""
    evs = attack_events(text)
    return [w for ev in evs for w in ev["weapons"]], [ev["attack_type"] for ev in evs]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a kind of weapon keeps its modifier, a count or an ordinal does not
        ("SAN SALVADOR, 12 JAN 90 -- TWO MEDIUM-SIZED BOMBS EXPLODED LAST NIGHT AT THE OFFICES OF THE "
         "NATIONAL TELEPHONE COMPANY IN SAN SALVADOR.", "MEDIUM-SIZED BOMBS"),
        ("BOGOTA, 3 SEP 89 -- THE FIRST MEDIUM-SIZED BOMB EXPLODED AT A BUILDING LOCATED ON THE CORNER OF "
         "7TH STREET IN BOGOTA.", "MEDIUM-SIZED BOMB"),
        # a container of the explosive is the weapon
        ("A rebel group placed a charge of dynamite at the gas station in San Salvador on Monday.",
         "charge of dynamite"),
        # GTD explosives and projectiles
        ("Guerrillas attacked the police post in Usulutan with bazookas on Monday.", "bazookas"),
        ("A booby trap exploded at the entrance of the town hall in Usulutan on Monday, killing two people.",
         "booby trap"),
        # explosive substances and munitions are weapons of their own lexicon entries
        ("Guerrillas blew up the power pylon in Usulutan with dynamite on Monday.", "dynamite"),
        ("TERRORISTS HURLED A GRENADE AT THE POLICE POST IN USULUTAN ON MONDAY.", "GRENADE"),
        ("A BOMB EXPLODED AT THE OFFICES OF THE NATIONAL TELEPHONE COMPANY IN SAN SALVADOR LAST NIGHT.", "BOMB"),
        # a found bomb is the weapon of the attack the find is about; its size is not part of it
        ("Police found a powerful homemade bomb in a bank in San Salvador on Monday.", "homemade bomb"),
    ],
)
def test_weapon_noun_phrase(attack_events, text, expected):
    weapons, _ = weapons_and_types(attack_events, text)
    assert expected in weapons, weapons


@pytest.mark.parametrize(
    "text, absent",
    [
        # a gerund or noun that only inflects like a weapon word
        ("Guerrillas attacked the mining town of Segovia in Antioquia yesterday.", "mining"),
        ("THE LITTLE MANGY DOGS WHO GO ABOUT PLANTING BOMBS HERE ATTACKED THE TOWN OF USULUTAN YESTERDAY.",
         "PLANTING BOMBS"),
        # arms found or seized are not the weapons of the attack
        ("Guerrillas attacked the Banco Popular in San Salvador on Monday, killing two guards. Officers "
         "recovered four grenades and a pistol.", "pistol"),
    ],
)
def test_not_a_weapon(attack_events, text, absent):
    weapons, types = weapons_and_types(attack_events, text)
    assert types, "no attack found"
    assert absent not in weapons, weapons


@pytest.mark.parametrize(
    "text",
    [
        # a verb that is a malware word does not make the attack a cyber attack
        "The brothels have been attacked in San Salvador because it is believed that women are exploited "
        "there.",
    ],
)
def test_weapon_verb_does_not_type_attack(attack_events, text):
    _, types = weapons_and_types(attack_events, text)
    assert types, "no attack found"
    assert "cyber" not in types, types
