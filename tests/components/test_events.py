"""extract_events on real report prose (dev reports, MUC-4 style wire text), real pipeline."""

from __future__ import annotations

import pytest

from extract.events.arguments import parse_number
from extract.events.lexicon import PATTERN_FILES
from extract.patterns import load_patterns, pattern_dirs


@pytest.mark.parametrize(
    "text, n, expected",
    [
        ("Local ISIS supporters inspired by ISIS also carried out attacks in Kenya, Germany and possibly the United States.",
         3, {"status": "carried_out"}),
        ("On the other hand, mass-killing attacks planned for France, Russia, Albania and Saudi Arabia were prevented by local security services.",
         4, {"status": "prevented"}),
        ("The vehicular attack in the Christmas market in Berlin on December 19, 2016, which killed 12 people may be another ISIS success.",
         1, {"status": "carried_out", "attack_type": "vehicle_ramming", "killed": 12, "locations": ["Berlin"]}),
        ("On 11 March 2004, ten bombs hidden in sports bags exploded on four commuter trains heading into Atocha station in Madrid, killing 193 people and injuring around 2,000.",
         1, {"status": "carried_out", "attack_type": "bombing", "killed": 193, "date": "11 March 2004"}),
        ("In March 2019, police in Barcelona arrested three men who had discussed opening fire on a Holy Week procession and had tried to buy weapons through an online marketplace.",
         1, {"status": "prevented", "attack_type": "shooting", "locations": ["Barcelona"]}),
        ("Late on Wednesday, dozens of gunmen on motorcycles raided a military base at Gueskerou in Niger's Diffa region, killing 11 soldiers and seizing weapons.",
         1, {"status": "carried_out", "attack_type": "armed_assault", "killed": 11}),
        ("In the early hours of 14 June 2019, an arson attack destroyed a mobile telephone mast and two service vehicles on the outskirts of Trento, in northern Italy.",
         1, {"status": "carried_out", "attack_type": "arson"}),
    ],
)
def test_event_sentences(text, n, expected, attack_events):
    evs = attack_events(text)
    assert len(evs) == n, evs
    for ev in evs:
        for key, value in expected.items():
            if key == "locations":
                assert set(value) <= set(ev["locations"]), ev
            else:
                assert ev[key] == value, (key, ev)


@pytest.mark.parametrize(
    "text",
    [
        "ISIS propaganda to supporters abroad urging them to carry out stabbing attacks.",
        "For ISIS, general calls are insufficient, and it posts detailed instructions for stabbing and vehicular attacks.",
        'Online channels continued to urge followers to "strike the enemies of God wherever you find them".',
        "In 2019, thirteen Member States of the European Union reported a total of 119 completed, failed and foiled terrorist attacks.",
        "Member States reported 26 left-wing and anarchist attacks, nearly all of them in Italy, Greece and Spain.",
        "This section reviews four attacks that reshaped counter-terrorism policy in the United States, Japan, Spain and the United Kingdom.",
        "On 1 July, Killnet posted a list of websites of government bodies in Poland; no attacks had been observed by the time of publication.",
        "Indonesia has suffered periodic militant attacks since 2002.",
        "The Nigerian Army said its troops cleared several camps on islands in Lake Chad on Wednesday.",
    ],
)
def test_not_events(text, attack_events):
    assert attack_events(text) == []


def test_perpetrator_from_attribution_sentence(attack_events):
    text = ("On the evening of 19 January 2019, a car bomb exploded outside the courthouse on Bishop Street in "
            "Londonderry, minutes after police had evacuated the area. No injuries were reported. The Police Service "
            "of Northern Ireland attributed the attack to the New IRA, a dissident republican group.")
    evs = attack_events(text)
    assert len(evs) == 1
    ev = evs[0]
    assert ev["attack_type"] == "bombing" and ev["status"] == "carried_out"
    assert "Londonderry" in ev["locations"]
    assert any("courthouse" in t for t in ev["targets"])
    assert any("New IRA" in p for p in ev["perpetrators"])
    assert "car bomb" in ev["weapons"]


def test_mentions_of_one_attack_merge(attack_events):
    text = ("The deadliest incident of the year was a stabbing inside the police headquarters in Paris on 3 October 2019. "
            "Mickaël Harpon, a 45-year-old computer technician, killed three police officers and an administrative "
            "employee with a kitchen knife before a trainee officer shot him dead in the courtyard.")
    evs = attack_events(text)
    assert len(evs) == 1
    ev = evs[0]
    assert ev["attack_type"] == "stabbing" and ev["killed"] == 4
    assert ev["locations"] == ["Paris"]


def test_attempt_with_failed_devices(attack_events):
    text = ("On 7 July 2005, four men detonated rucksack bombs on three trains and on a bus in Tavistock Square in London, killing 52 people. "
            "Two weeks later, on 21 July 2005, four other men tried to repeat the attack on three trains and a bus, "
            "but their devices failed to detonate.")
    evs = attack_events(text)
    statuses = sorted(e["status"] for e in evs)
    assert statuses == ["attempted", "carried_out"], evs


@pytest.mark.parametrize("text, value", [("25", 25), ("three", 3), ("twenty-five", 25), ("1,100", 1100), ("dozens", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_pattern_files_load_and_have_headers():
    for fname, model in PATTERN_FILES.items():
        entries = load_patterns(fname, model, tuple(pattern_dirs()))
        assert entries, fname
        first = (pattern_dirs()[0] / fname).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), fname


def test_component_serialises(nlp, tmp_path):
    comp = nlp.get_pipe("extract_events")
    comp.to_disk(tmp_path)
    comp.from_disk(tmp_path)
    assert (tmp_path / "attack_triggers.jsonl").is_file()
