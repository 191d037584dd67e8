"""Unnamed attackers (MUC-4 PerpInd) kept as the whole noun phrase a report names them by: "a group
of" plain people, a guerrilla column or a paramilitary squad, people "in uniform". Real pipeline,
report-style sentences."""

from __future__ import annotations

import pytest


def attackers(extractor, text: str) -> list[list[str]]:
    """The attacker spans of each event."""
    return [[s.text for s in ev.attackers] for ev in extractor.extract_text(text).events]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "a group of" plain people: the whole phrase, as the subject or the "by" agent
        ("Six peasants were murdered in Usulutan on Sunday by a group of unidentified persons.",
         ["group of unidentified persons"]),
        ("A group of unidentified individuals machinegunned the house of the mayor in Soyapango on Monday.",
         ["group of unidentified individuals"]),
        ("The kidnapping of the businessman was carried out by a group of people in the streets of Lima on 4 October.",
         ["group of people"]),
        ("A group of armed men kidnapped the businessman in Cali on Monday.", ["group of armed men"]),
    ],
)
def test_attacker_phrase(extractor, text, expected):
    evs = attackers(extractor, text)
    assert len(evs) == 1, evs
    assert evs[0] == expected
