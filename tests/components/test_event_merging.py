"""Event mentions -> events: one event per incident (merging, coordinated-place splits), real pipeline."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # plural targets are shared by every place of the list
        ("Rebels attacked police stations in Tumbes and Piura on Sunday night, the army said.",
         [{"locations": ["Tumbes"], "targets": ["police stations"]},
          {"locations": ["Piura"], "targets": ["police stations"]}]),
        # a singular target and the weapons are kept once, on the first place
        ("Guerrillas attacked the town hall in Soyapango and Mejicanos with rifles on Tuesday, police said.",
         [{"locations": ["Soyapango"], "targets": ["town hall"], "weapons": ["rifles"]},
          {"locations": ["Mejicanos"], "targets": [], "weapons": []}]),
        # a named victim and the attackers are not duplicated
        ("Gunmen killed the judge Carlos Mendez in Tumbes and Piura on Sunday, police said.",
         [{"locations": ["Tumbes"], "victims": ["Carlos Mendez"], "attackers": ["Gunmen"]},
          {"locations": ["Piura"], "victims": [], "attackers": []}]),
    ],
)
def test_coordinated_places_keep_participants_once(text, expected, attack_events):
    got = attack_events(text)
    assert len(got) == len(expected)
    for ev, exp in zip(got, expected):
        assert {k: ev[k] for k in exp} == exp


@pytest.mark.parametrize(
    "text, places",
    [
        # two attacks in two towns on consecutive days stay two events
        ("A car bomb exploded outside a bank in Tumbes on Sunday, police said. "
         "On Monday, gunmen shot dead a judge in Piura.",
         [["Tumbes"], ["Piura"]]),
        # a later mention of the same attack at the same place enriches it
        ("A car bomb exploded outside a bank in Tumbes on Sunday, police said. "
         "The explosion in Tumbes destroyed three vehicles parked nearby.",
         [["Tumbes"]]),
        # "this attack" restates the attack told before, whatever place it names
        ("SAN SALVADOR, 3 JAN 90 -- A car bomb exploded today outside the U.S. embassy in San Salvador. "
         "The FMLN carried out this attack in Usulutan department, the army said.",
         [["San Salvador"]]),
        ("LIMA, 3 JAN 90 -- Terrorists murdered the mayor of Ayacucho today. "
         "These murders in Huancayo must stop, the bishop said.",
         [["Ayacucho"]]),
        # so does "the attack" that names nothing it hit nor anyone harmed
        ("SAN SALVADOR, 3 JAN 90 -- A car bomb exploded today outside the U.S. embassy in San Salvador. "
         "The FMLN claimed responsibility for the attack in Usulutan department, the army said.",
         [["San Salvador"]]),
        # not "the attack" inside a relative clause, one ranked among others, or one that harmed people
        ("SAN SALVADOR, 3 JAN 90 -- A car bomb exploded today outside the U.S. embassy in San Salvador. "
         "Police arrested the man who carried out the attack in Usulutan department last week.",
         [["San Salvador", "Usulutan department"]]),
        ("SAN SALVADOR, 3 JAN 90 -- A car bomb exploded today outside the U.S. embassy in San Salvador. "
         "The worst attack of the year was in Usulutan department, the army said.",
         [["San Salvador", "Usulutan department"]]),
        ("SAN SALVADOR, 3 JAN 90 -- A car bomb exploded today outside the U.S. embassy in San Salvador. "
         "The attack on a bank in Usulutan killed two guards.",
         [["San Salvador"], ["Usulutan"]]),
        # an attack without a demonstrative in another place is another attack
        ("SAN SALVADOR, 3 JAN 90 -- A car bomb exploded today outside the U.S. embassy in San Salvador. "
         "Another car bomb exploded outside a bank in Usulutan.",
         [["San Salvador"], ["Usulutan"]]),
    ],
)
def test_incidents_by_place(text, places, attack_events):
    assert [ev["locations"] for ev in attack_events(text)] == places


@pytest.mark.parametrize(
    "text, expected",
    [
        # kidnapped, then murdered days later elsewhere: one incident (the kidnapping)
        ("Armed men kidnapped the businessman Jorge Ramirez Salas in Cucuta on 3 May 1990, police said. "
         "The kidnappers murdered Jorge Ramirez Salas near Pamplona on 9 May 1990, his family said.",
         [("kidnapping", ["Cucuta", "Pamplona"])]),
        # the same person, months apart: two incidents
        ("Armed men kidnapped the businessman Jorge Ramirez Salas in Cucuta on 3 May 1990, police said. "
         "Guerrillas shot dead Jorge Ramirez Salas near Pamplona on 9 December 1990, his family said.",
         [("kidnapping", ["Cucuta"]), ("assassination", ["Pamplona"])]),
        # two victims the same day in two towns: two incidents
        ("Gunmen kidnapped the mayor Luis Fernando Ortega in Neiva on Monday. In a separate incident, "
         "guerrillas shot dead the engineer Pedro Alvarez Gomez in Florencia on Monday.",
         [("kidnapping", ["Neiva"]), ("assassination", ["Florencia"])]),
        # a later attack on the victim named by a surname: the same incident
        ("Armed men kidnapped the businessman Jose Rivera Lopez in Cucuta on Monday, police said. "
         "Rivera was found shot near Pamplona on Wednesday, his family said.",
         [("kidnapping", ["Cucuta", "Pamplona"])]),
        # by the two surnames, on the victim's home
        ("Gunmen shot the mayor Carlos Rodriguez Porth in Neiva on Monday. "
         "Rodriguez Porth's residence was machinegunned in Florencia on Tuesday.",
         [("assassination", ["Neiva", "Florencia"])]),
        # the victim named in the sentence before a pronoun the attack hit
        ("Armed men kidnapped the businessman Jose Rivera Lopez in Cucuta on Monday, police said. "
         "On Wednesday Jose Rivera Lopez was traveling near Pamplona when he was shot.",
         [("kidnapping", ["Cucuta", "Pamplona"])]),
        # a plan to kill the victim again is no part of the attack carried out
        ("Gunmen shot dead the businessman Jose Rivera Lopez in Cucuta on Monday, police said. "
         "Guerrillas are planning to murder him in Pamplona, the police said.",
         [("assassination", ["Cucuta"]), ("assassination", ["Pamplona"])]),
        # another person of the same surname: two incidents
        ("Armed men kidnapped the businessman Jose Rivera Lopez in Cucuta on Monday, police said. "
         "Guerrillas shot dead Pedro Rivera near Pamplona on Wednesday, his family said.",
         [("kidnapping", ["Cucuta"]), ("assassination", ["Pamplona"])]),
        # the surname, months apart: two incidents
        ("Armed men kidnapped the businessman Jose Rivera Lopez in Cucuta on 3 May 1990, police said. "
         "Rivera was found shot near Pamplona on 9 December 1990, his family said.",
         [("kidnapping", ["Cucuta"]), ("shooting", ["Pamplona"])]),
    ],
)
def test_same_named_victim_is_one_incident(text, expected, attack_events):
    got = [(e["attack_type"], e["locations"]) for e in attack_events(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the next sentence names only the country of the attack: the same attack
        ("Guerrillas kidnapped a German engineer in Arauca on Sunday, the army said. "
         "The kidnapping of the engineer in Colombia was claimed by the ELN.",
         [("carried_out", ["Arauca", "Colombia"])]),
        ("A car bomb exploded outside a police station in Medellin on Friday, killing four people. "
         "The attack in Colombia was claimed by the Extraditables.",
         [("carried_out", ["Medellin", "Colombia"])]),
        # another country: another attack
        ("A car bomb exploded outside a police station in Medellin on Friday, killing four people. "
         "In Ecuador, a bomb exploded at a bank on Friday, police said.",
         [("carried_out", ["Medellin"]), ("carried_out", ["Ecuador"])]),
        # the country, but another outcome on another day: another attack
        ("A car bomb exploded outside a police station in Medellin on Friday, killing four people. "
         "Police in Colombia said on Saturday that they had defused a second bomb.",
         [("carried_out", ["Medellin"]), ("prevented", ["Colombia"])]),
    ],
)
def test_country_of_an_adjacent_attack(text, expected, attack_events):
    got = [(e["status"], e["locations"]) for e in attack_events(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text, places",
    [
        # the squad that examines the bomb is not a second bombing
        ("LA PAZ, 3 JAN 90 -- A BOMB EXPLODED AT THE U.S. EMBASSY IN LA PAZ TODAY.  "
         "POLICE BOMB-SQUAD EXPERTS CALLED TO THE SITE ARE NOW INVESTIGATING THE ATTACK.",
         [["LA PAZ"]]),
        ("Lima, 3 Jan 90 -- A car bomb exploded outside a bank in Lima today. "
         "According to early reports from the bomb squad, nobody was hurt.",
         [["Lima"]]),
        ("Lima, 3 Jan 90 -- Bomb disposal technicians examined the site in Lima today.", []),
        # an expert who is a victim is still killed in an attack
        ("Lima, 3 Jan 90 -- An explosives expert was killed when a bomb exploded at a bank in Lima today.",
         [["Lima"]]),
    ],
)
def test_bomb_squad_is_no_bombing(text, places, attack_events):
    got = attack_events(text)
    assert [ev["locations"] for ev in got] == places


@pytest.mark.parametrize(
    "text, places",
    [
        # a threat against a list of places is one threat
        ("BOGOTA, 3 JAN 90 -- The Extraditables threatened today to carry out bomb attacks in Medellin, Cali "
         "and Barranquilla.",
         [["Medellin", "Cali", "Barranquilla"]]),
        # attacks carried out in a list of places are one per place
        ("BOGOTA, 3 JAN 90 -- Bombs exploded today in Medellin, Cali and Barranquilla, police said.",
         [["Medellin"], ["Cali"], ["Barranquilla"]]),
    ],
)
def test_threat_to_places_is_one_event(text, places, attack_events):
    got = attack_events(text)
    assert [ev["locations"] for ev in got] == places


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare casualty report right after a bombing tells its toll, whatever spot it names
        ("LIMA, 3 JAN 90 -- A car bomb exploded outside the police station in Lima today. "
         "Police officer Jose Perez, who was guarding the station on Abancay Avenue, was killed.",
         [("bombing", ["Jose Perez"])]),
        ("SAN SALVADOR, 3 JAN 90 -- Urban commandos set fire to a bus in San Salvador today. "
         "Bus driver Carlos Rivas Mena, who was parked at the terminal on Venezuela Boulevard, was killed.",
         [("arson", ["Carlos Rivas Mena"])]),
        # not a killing with an attacker of its own
        ("LIMA, 3 JAN 90 -- A car bomb exploded outside the police station in Lima today. "
         "In Huancayo, the mayor of the town, Jose Perez, was killed by a Shining Path column.",
         [("bombing", []), ("assassination", ["Jose Perez"])]),
        # nor one told sentences after the attack
        ("LIMA, 3 JAN 90 -- A car bomb exploded outside the police station in Lima today. "
         "The blast shattered windows in the area. Police cordoned off the street. "
         "Officials met the president. The army sent troops to the area. "
         "Police officer Jose Perez, who was guarding a bank on Abancay Avenue, was killed.",
         [("bombing", []), ("assassination", ["Jose Perez"])]),
    ],
)
def test_bare_casualty_report_tells_the_toll_of_the_attack_before(text, expected, attack_events):
    got = attack_events(text)
    assert [(ev["attack_type"], ev["victims"]) for ev in got] == expected
