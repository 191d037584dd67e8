"""Organisations hit as places (real pipeline, wire-report prose): a union, an NGO, a party or a company
the lexicon knows that an attack verb or an "on"/"against" phrase is done to ("the attack against
FENASTRAS") is a target; an armed group or the state forces attacked, and a body whose building is
named ("the offices of FENASTRAS"), are not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, targets, not_targets",
    [
        # the object of "against"/"on" after an attack noun, or of an attack verb
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] UNIDENTIFIED INDIVIDUALS CARRIED OUT A DYNAMITE ATTACK "
         "AGAINST FENASTRAS LAST NIGHT.",
         ["FENASTRAS"], []),
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] THE BOMB ATTACK ON COMADRES INJURED THREE WOMEN.",
         ["COMADRES"], []),
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] TERRORISTS ATTACKED FENASTRAS WITH A BOMB.",
         ["FENASTRAS"], []),
        # the building named: the building, not the body, is the target
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] GUERRILLAS BOMBED THE OFFICES OF FENASTRAS YESTERDAY.",
         ["OFFICES OF FENASTRAS"], ["FENASTRAS"]),
        # not an armed group nor the state forces
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] THE FMLN CARRIED OUT AN ATTACK ON THE NATIONAL POLICE IN "
         "SOYAPANGO.",
         [], ["NATIONAL POLICE"]),
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] THE ARMY LAUNCHED AN ATTACK AGAINST THE FMLN IN "
         "CHALATENANGO, KILLING 12 GUERRILLAS.",
         [], ["FMLN"]),
    ],
)
def test_organisation_targets(text, targets, not_targets, attack_events):
    evs = attack_events(text)
    assert evs, text
    found = [t for ev in evs for t in ev["targets"]]
    for t in targets:
        assert t in found, (t, found)
    for t in not_targets:
        assert t not in found, (t, found)
