"""Targets the parse hides (real pipeline, wire-report prose): a relative clause that says a thing was
attacked ("the offices, which were dynamited"), a place the parse hangs on the doer or the source of a
throw ("placed by a young man at the office"), a place a device was put at ("put a bomb at the store"),
the things a list picks out ("including the homes of X"), windows shattered or broken, and a union, an NGO,
a party or a company attacked ("the attack against FENASTRAS")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, targets, not_targets",
    [
        # a relative clause whose pronoun is the passive subject of an attack or damage verb
        ("BOGOTA, 8 SEP 89 (EFE) -- [TEXT] THE MINISTER TODAY VISITED THE LA PRENSA NEWSPAPER OFFICES, WHICH "
         "WERE DYNAMITED BY DRUG TRAFFICKERS LAST WEEKEND.",
         ["LA PRENSA NEWSPAPER OFFICES"], []),
        ("Lima, 3 May 90 (EFE) -- The mayor toured the two bank branches, which were destroyed by a car bomb on "
         "Tuesday.",
         ["bank branches"], []),
        # not a restrictive clause (a kind, not one thing), a settlement or district, or a clause that
        # tells something else about the thing
        ("AYACUCHO, 8 NOV 89 (EFE) -- [TEXT] POLICE SOURCES REPORTED SIX BOMBINGS LAST NIGHT IN AYACUCHO BUT DID "
         "NOT MENTION THE BUILDINGS THAT WERE ATTACKED.",
         [], ["BUILDINGS"]),
        ("SAN SALVADOR, 12 NOV 89 (EFE) -- [TEXT] THE PRESIDENT VISITED THE NORTHERN NEIGHBORHOODS, WHICH WERE "
         "DYNAMITED BY THE GUERRILLAS YESTERDAY.",
         [], ["NORTHERN NEIGHBORHOODS", "NEIGHBORHOODS"]),
        ("Lima, 3 May 90 (EFE) -- A bomb exploded in the bank branch, which was opened by the mayor last year.",
         [], []),
        # the place the parse hangs on the doer or on the source of a throw
        ("BOGOTA, 3 JAN 90 (EFE) -- [TEXT] THE SECOND BOMB WAS PLACED BY A YOUNG MAN AT THE TELEPHONE "
         "COMPANY OFFICE, CAUSING CONSIDERABLE DAMAGE.",
         ["TELEPHONE COMPANY OFFICE"], []),
        ("GUATEMALA CITY, 3 JAN 90 (EFE) -- [TEXT] URBAN GUERRILLAS THREW TWO EXPLOSIVE DEVICES FROM A VEHICLE "
         "AT THE SAN JORGE WAREHOUSE.",
         ["SAN JORGE WAREHOUSE"], []),
        # but the attackers' own vehicle is still no target
        ("BOGOTA, 5 MAY 89 (AFP) -- [TEXT] ROA AND SAAVEDRA WERE GUNNED DOWN BY HITMEN IN A JEEP.",
         [], ["JEEP"]),
        # a device put somewhere
        ("MEDELLIN, 3 JAN 90 (EFE) -- [TEXT] THIS MORNING, HE WAS GOING TO PUT A BOMB AT THE AZULEJOS CORONA "
         "STORE.",
         ["AZULEJOS CORONA STORE"], []),
        # a kidnapping's place is no target
        ("BOGOTA, 3 JAN 90 (EFE) -- [TEXT] GUERRILLAS KIDNAPPED THE MAYOR AT HIS OFFICE.",
         [], ["OFFICE"]),
        # windows shattered or broken: the building they belong to
        ("Bogota, 3 Jan 90 (EFE) -- A car bomb exploded in front of the bank and shattered the windows of the "
         "nearby hotel.",
         ["nearby hotel"], []),
        # organisations hit as places: a union, an NGO, a party or a company the lexicon knows that an attack
        # verb or an "on"/"against" phrase is done to ("the attack against FENASTRAS") ...
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] UNIDENTIFIED INDIVIDUALS CARRIED OUT A DYNAMITE ATTACK "
         "AGAINST FENASTRAS LAST NIGHT.",
         ["FENASTRAS"], []),
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] THE BOMB ATTACK ON COMADRES INJURED THREE WOMEN.",
         ["COMADRES"], []),
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] TERRORISTS ATTACKED FENASTRAS WITH A BOMB.",
         ["FENASTRAS"], []),
        # ... but when the building is named, the building, not the body, is the target
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] GUERRILLAS BOMBED THE OFFICES OF FENASTRAS YESTERDAY.",
         ["OFFICES OF FENASTRAS"], ["FENASTRAS"]),
        # ... and an armed group or the state forces attacked is no target
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] THE FMLN CARRIED OUT AN ATTACK ON THE NATIONAL POLICE IN "
         "SOYAPANGO.",
         [], ["NATIONAL POLICE"]),
        ("SAN SALVADOR, 3 NOV 89 (RADIO) -- [TEXT] THE ARMY LAUNCHED AN ATTACK AGAINST THE FMLN IN "
         "CHALATENANGO, KILLING 12 GUERRILLAS.",
         [], ["FMLN"]),
    ],
)
def test_hidden_targets(text, targets, not_targets, attack_events):
    evs = attack_events(text)
    assert evs, text
    found = [t for ev in evs for t in ev["targets"]]
    for t in targets:
        assert t in found, (t, found)
    for t in not_targets:
        assert t not in found, (t, found)
