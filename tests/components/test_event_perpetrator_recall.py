"""Unnamed attackers (MUC-4 PerpInd) kept as the whole noun phrase a report names them by: "a group
of" plain people, a guerrilla column or a paramilitary squad, people "in uniform". Real pipeline,
report-style sentences."""

from __future__ import annotations

import pytest


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
        # the units fighters are named by (patterns/event_actors.jsonl)
        ("The journalist was murdered by paramilitary groups in Medellin on Monday.", ["paramilitary groups"]),
        ("A paramilitary squad murdered 12 peasants in Segovia on Friday.", ["paramilitary squad"]),
        ("The town hall was burned by a guerrilla column in Usulutan on Friday.", ["guerrilla column"]),
        ("A rebel column kidnapped the mayor of San Jose on Friday.", ["rebel column"]),
        ("The power pylon was dynamited by urban commando units in San Salvador on Monday.", ["urban commando units"]),
        # the clothes people are "in" describe them as the attackers and stay in their phrase
        ("Men in uniform murdered the union leader in San Salvador on Tuesday.", ["Men in uniform"]),
        ("Eight men in civilian clothes kidnapped the journalist in Lima on Monday.", ["Eight men in civilian clothes"]),
        ("The judge was shot by individuals in civilian clothes in Medellin on Friday.",
         ["individuals in civilian clothes"]),
    ],
)
def test_attacker_phrase(event_attackers, text, expected):
    evs = event_attackers(text)
    assert len(evs) == 1, evs
    assert evs[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # paramilitary groups act for the state side: blamed, they clear the document's armed group
        "SAN SALVADOR, 12 NOV 89 -- FMLN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS IN SAN SALVADOR "
        "YESTERDAY. ACCORDING TO THE POLICE, A PARAMILITARY GROUP IS RESPONSIBLE FOR THE MASSACRE OF 12 PEASANTS "
        "IN SAN MIGUEL LAST WEDNESDAY.",
        "SAN SALVADOR, 12 NOV 89 -- FMLN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS IN SAN SALVADOR "
        "YESTERDAY. HUMAN RIGHTS GROUPS BLAMED A PARAMILITARY SQUAD FOR THE MASSACRE OF 12 PEASANTS IN SAN MIGUEL "
        "LAST WEDNESDAY.",
    ],
)
def test_state_aligned_attackers_clear_document_group(extractor, text):
    doc = extractor.extract_text(text)
    ents = {e.id: e for e in doc.entities}
    massacre = [ev for ev in doc.events if "MASSACRE" in text[ev.trigger.start:ev.trigger.end]]
    assert len(massacre) == 1, doc.events
    assert [ents[p].text for p in massacre[0].perpetrators] == []
