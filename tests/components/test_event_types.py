"""The kind of attack of an event reported by several mentions, or by explosions named with other
weapons (extract/events/merge.py ``_retype_with_guns``, EventExtractor ``_retype*``)."""

from __future__ import annotations

import pytest

WIRE = "SAN SALVADOR, 12 NOV 89 (AFP) -- [TEXT] "


@pytest.mark.parametrize(
    "text, attack_type",
    [
        # a bombing merged with a mention of firearms or fired munitions is an armed assault
        (WIRE + "A BOMB EXPLODED AT THE NATIONAL POLICE POST IN SAN MIGUEL EARLY TODAY. MINUTES LATER URBAN "
         "GUERRILLAS ATTACKED THE POST IN SAN MIGUEL WITH RIFLES AND MACHINEGUNS, KILLING TWO POLICEMEN.",
         "armed_assault"),
        (WIRE + "A BOMB EXPLODED AT THE DEFENSE MINISTRY IN SAN SALVADOR TONIGHT. THE ATTACK ON THE DEFENSE "
         "MINISTRY IN SAN SALVADOR WAS CARRIED OUT WITH MORTARS AND ROCKETS.", "armed_assault"),
        # a later bombing word naming neither a device nor a target echoes the attack's fire: its kind stays
        (WIRE + "URBAN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS IN SAN MIGUEL TONIGHT, WOUNDING TWO "
         "GUARDS. RESIDENTS OF SAN MIGUEL WERE ALARMED BY THE STRONG EXPLOSIONS DURING THE ATTACK.", "armed_assault"),
        (WIRE + "REBELS ATTACKED THE TOWN OF SENSUNTEPEQUE TODAY, KILLING THREE CIVILIANS. THE BOMBINGS LASTED FOR "
         "TWO HOURS, RESIDENTS SAID.", "armed_assault"),
        # ... but one that names what it hit or the device makes it a bombing
        (WIRE + "URBAN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS IN SAN MIGUEL TONIGHT, WOUNDING TWO "
         "GUARDS. THE EXPLOSION DESTROYED THE FRONT OF THE HEADQUARTERS.", "bombing"),
        (WIRE + "URBAN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS IN SAN MIGUEL TONIGHT, WOUNDING TWO "
         "GUARDS. A 5-KG DYNAMITE BOMB EXPLODED AT THE HEADQUARTERS DURING THE ATTACK.", "bombing"),
        # aircraft named as the agent of the phrase a compound trigger modifies: an air strike
        (WIRE + "HOMES IN SOYAPANGO WERE DESTROYED AS A RESULT OF BOMB STRIKES AND MISSILE BOMBARDMENT BY AIR "
         "FORCE PLANES, RESIDENTS SAID.", "armed_assault"),
    ],
)
def test_kind_of_merged_attack(text, attack_type, attack_events):
    evs = attack_events(text)
    assert [e["attack_type"] for e in evs] == [attack_type], evs


@pytest.mark.parametrize(
    "text, attack_type",
    [
        # state forces as the subject or "by" agent of a bombing: an armed attack (MUC-4 keys: ATTACK)
        (WIRE + "ACCORDING TO EYEWITNESSES, ARMY TROOPS BOMBED THE SCHOOL OF MEDICINE OF THE NATIONAL "
         "UNIVERSITY IN SAN SALVADOR.", "armed_assault"),
        (WIRE + "THE ARMY CARRIED OUT A BOMB ATTACK ON THE MEJICANOS NEIGHBORHOOD, KILLING FOUR CIVILIANS.",
         "armed_assault"),
        (WIRE + "THE HOUSE OF A JUDGE IN SANTA ANA WAS BOMBED BY SOLDIERS OF THE 2D INFANTRY BRIGADE LAST NIGHT.",
         "armed_assault"),
        # no doer, or an armed group as the doer: a bombing
        (WIRE + "A BOMB EXPLODED AT A BANK IN SANTA TECLA LAST NIGHT, DESTROYING ITS FRONT.", "bombing"),
        (WIRE + "TERRORISTS BOMBED THE HOUSE OF A JUDGE IN SANTA ANA LAST NIGHT.", "bombing"),
        # an aircraft that blew up is what the bomb hit, not an air strike's doer ...
        ("BOGOTA, 28 NOV 89 (EFE) -- [TEXT] THE AVIANCA PLANE EXPLODED IN MID-AIR SHORTLY AFTER TAKING OFF FROM "
         "BOGOTA, KILLING ALL 107 PEOPLE ON BOARD.", "bombing"),
        # ... but a helicopter that dropped explosives on a village is one
        (WIRE + "AN AIR FORCE HELICOPTER BOMBED THE VILLAGE OF SAN JOSE LAS FLORES, KILLING FOUR CIVILIANS.",
         "armed_assault"),
        # a bomb the forces stopped or handled is still the bombers' bombing
        (WIRE + "A BOMB PLANTED AT THE U.S. EMBASSY IN SAN SALVADOR WAS DEFUSED TODAY BY THE POLICE.", "bombing"),
        (WIRE + "THE POLICE PLACED THE BOMB IN A FLOWER BED NEAR THE MINISTRY IN SAN SALVADOR, WHERE IT WENT OFF.",
         "bombing"),
    ],
)
def test_bombing_by_state_forces(text, attack_type, attack_events):
    """A bombing whose doers are state forces is an armed attack; a device with no doer is a bombing."""
    evs = attack_events(text)
    assert [e["attack_type"] for e in evs] == [attack_type], evs


def test_explosions_named_again_next_to_gunfire(attack_events):
    """Explosions coordinated with gunfire make an armed assault also when the trigger is a later
    mention of the same explosions in the sentence."""
    text = (WIRE + "RESIDENTS SAID THAT EXPLOSIONS AND SHOOTOUTS WERE HEARD IN MEJICANOS AND SOYAPANGO, WHERE "
            "THREE EXPLOSIONS DESTROYED THE TELEPHONE EXCHANGE.")
    evs = attack_events(text)
    assert evs and all(e["attack_type"] == "armed_assault" for e in evs), evs


def test_weapons_found_in_another_paragraph_do_not_retype(attack_events):
    """A placeless mention of another paragraph without a target or victim ("Officers recovered four
    grenades and a pistol.") joins the bombing it is merged into without making it an armed assault."""
    text = ("KABUL, 24 April 2021 — A magnetic bomb attached to a minibus exploded in the Dasht-e-Barchi area "
            "of western Kabul on Thursday, killing three passengers and wounding four.\n\n"
            "HYDERABAD, India, 20 April 2021 — The National Investigation Agency said it had arrested two men in "
            "Hyderabad on Monday who were allegedly planning grenade attacks on processions in the city. "
            "Officers recovered four grenades and a pistol.")
    kabul = [e for e in attack_events(text) if "kabul" in [x.lower() for x in e["locations"]]]
    assert [e["attack_type"] for e in kabul] == ["bombing"], kabul
