"""Targets a later sentence reports damaged (real pipeline, wire-report prose): a sentence without
an attack of its own that says what was destroyed or damaged continues the attack before it;
negated or threatened damage, areas, damage done by the security forces and the damage of a
sentence with its own attack do not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, targets, not_targets",
    [
        # the passive subjects of a damage verb, coordinated
        ("BOGOTA, 12 MAR 90 -- A BOMB EXPLODED LAST NIGHT AT A SUPERMARKET IN BOGOTA. NO ONE WAS HURT. TWO BANK "
         "BUILDINGS AND A RESTAURANT WERE SERIOUSLY DAMAGED.",
         ["BANK BUILDINGS", "RESTAURANT"], []),
        # a damage participle after "was" ("was completely gutted")
        ("LIMA, 3 MAY 89 -- TERRORISTS DYNAMITED A POWER STATION IN HUANCAYO YESTERDAY. A FIRE IMMEDIATELY BROKE "
         "OUT AND THE INSTALLATION WAS COMPLETELY GUTTED.",
         ["INSTALLATION"], []),
        # the object of an active damage verb, and what a damaged part belongs to
        ("Unidentified men hurled a grenade at a house in Lima on Monday. Police said that it destroyed the "
         "entrance and windows of the residence as well as a car.",
         ["residence"], []),
        ("A car bomb exploded in Medellin on Friday, killing two people. However, the front of the public "
         "building, where the car was parked, was partially destroyed.",
         ["public building"], []),
        # a damage noun's object
        ("Three bombs exploded in San Salvador last night. There were no fatalities, but damage to the "
         "warehouses was reported.",
         ["warehouses"], []),
        # a damage participle that modifies the target is not part of its span
        ("Guerrillas attacked a farm near Santa Ana yesterday. There are reports about partially destroyed "
         "homes and animals that were killed.",
         ["homes"], ["partially destroyed homes"]),
        # negated or threatened damage is none
        ("A bomb exploded at a bank in Cali on Sunday. The newspaper office next door was not damaged, but two "
         "houses were destroyed.",
         ["houses"], ["newspaper office"]),
        ("A bomb exploded at a bank in Cali on Sunday. Two cars were damaged. The guerrillas said that they "
         "will destroy the factories of the oligarchy.",
         ["cars"], ["factories"]),
        # what the security forces destroyed is not what the attack damaged
        ("A bomb exploded at a bank in Cali on Sunday. Two cars were damaged. Later, the police destroyed a "
         "warehouse near the river.",
         ["cars"], ["warehouse"]),
        # an elliptical clause that repeats the damage verb, and what its coordinated parts belong to
        ("MEDELLIN, 9 MAY 90 -- A BOMB EXPLODED AT A BANK IN MEDELLIN LAST NIGHT. SEVERAL BUILDINGS WERE DAMAGED, "
         "AS WERE THE WINDOWS, ROOFS, AND FACADES OF SEVERAL CAR DEALERSHIPS.",
         ["BUILDINGS", "CAR DEALERSHIPS"], []),
        # an area is where the damage was, not a target
        ("A bomb exploded at a bank in Cali on Sunday. The whole area and a hotel were destroyed.",
         ["hotel"], ["area"]),
    ],
)
def test_damage_report_targets(text, targets, not_targets, attack_events):
    evs = [ev["targets"] for ev in attack_events(text)]
    assert len(evs) == 1, evs
    for t in targets:
        assert t in evs[0], (t, evs)
    for t in not_targets:
        assert t not in evs[0], (t, evs)


def test_own_attack_keeps_its_damage(attack_events):
    """A sentence that reports an attack of its own gives what it destroyed to that attack, not to
    the attack before it."""
    text = ("A bomb exploded at a bank in Lima on Monday. Two stores were damaged. In Cuzco, another bomb "
            "destroyed a bus on Tuesday.")
    first = [ev for ev in attack_events(text) if "bank" in ev["targets"]]
    assert len(first) == 1, first
    assert "stores" in first[0]["targets"] and "bus" not in first[0]["targets"], first


@pytest.mark.parametrize(
    "text, targets",
    [
        # the place one of several explosions occurred: a quantity of the attack as the subject
        ("BOGOTA, 12 MAR 90 -- ONE OF THE EXPLOSIONS OCCURRED IN THE VICINITY OF THE COURTS IN THE PALO "
         "QUEMADO SECTOR.", ["COURTS"]),
        # an elliptical list of where the devices went off
        ("TEGUCIGALPA, 4 JUN 89 -- THREE BOMBS WENT OFF IN TEGUCIGALPA, ONE AT THE CENTRAL PARK, ANOTHER AT "
         "THE STATE-RUN UNIVERSITY OF HONDURAS.", ["CENTRAL PARK", "STATE-RUN UNIVERSITY OF HONDURAS"]),
        # "across from" places the device at its target
        ("MEDELLIN, 2 APR 90 -- THE MEMBERS OF THE GROUP PLACED A CAR BOMB ACROSS FROM THE MEDELLIN TELEPHONE "
         "OFFICE, INJURING FIVE PEDESTRIANS.", ["MEDELLIN TELEPHONE OFFICE"]),
        # a second place coordinated by its preposition, "opposite X", an object shared by coordinated verbs
        ("SANTA FE, 4 MAY 88 -- TWO BOMBS EXPLODED EARLY THIS MORNING AT THE HOUSE OF A JUDGE AND AT THE "
         "OFFICES OF A LAWYER.", ["HOUSE OF A JUDGE", "OFFICES OF A LAWYER"]),
        ("MEDELLIN, 8 SEP 89 -- A POWERFUL BOMB EXPLODED TONIGHT IN THE COLOMBIAN CITY OF MEDELLIN, OPPOSITE A "
         "TELEPHONE EXCHANGE, CAUSING SEVERE PROPERTY DAMAGE.", ["TELEPHONE EXCHANGE"]),
        ("TEGUCIGALPA, 11 DEC 89 -- RADIO AMERICA REPORTED TODAY THAT A SANDINIST HELICOPTER HAS ATTACKED AND "
         "SUNK A HONDURAN FISHING BOAT IN THE ATLANTIC OCEAN.", ["HONDURAN FISHING BOAT"]),
        # "the other" device of the sentence going off at its target
        ("BOGOTA, 5 OCT 89 -- ONE BOMB EXPLODED IN WESTERN BOGOTA, ON BOYACA AVENUE, WHILE THE OTHER OCCURRED AT "
         "THE TELEPHONE COMPANY SUBSTATION IN THE NORMANDY NEIGHBORHOOD.", ["TELEPHONE COMPANY SUBSTATION"]),
        # an area shared by coordinated verbs is where the attack was, not its target
        ("SAN SALVADOR, 20 NOV 89 -- THE REPORT STATES THAT THE AIR FORCE HAS BOMBED AND STRAFED THE AREA ACROSS "
         "FROM THE INCA FACTORY IN SOYAPANGO.", []),
        # a murder happens at a place: the place is not its target
        ("SAN SALVADOR, 4 JUN 89 -- UNIDENTIFIED MEN MURDERED TWO PEASANTS YESTERDAY, ONE AT THE BUS STATION, "
         "ANOTHER AT THE MARKET.", []),
        ("BOGOTA, 12 MAR 90 -- TWO OF THE JUDGES WERE ASSASSINATED IN THE VICINITY OF THE COURTS.", []),
    ],
)
def test_where_the_device_went_off(text, targets, attack_events):
    evs = attack_events(text)
    got = [t for ev in evs for t in ev["targets"]]
    assert evs, text
    assert sorted(got) == sorted(targets), (targets, got)
