"""benchmarks/: the MUC-4 metrics on hand-made templates, and smoke runs of both scripts.

No timing is asserted anywhere: the scripts only have to finish and print numbers.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


muc4 = _load("muc4")


def tpl(incident_type: str = "attack", **roles) -> dict:
    out = {"incident_type": incident_type}
    for r in muc4.ROLES:
        out[r] = [list(e) if isinstance(e, (list, tuple)) else [e] for e in roles.get(r, [])]
    return out


GOLD = [
    tpl("attack", PerpInd=[("guerrillas", "guerrilla column")], PerpOrg=[("urng", "guatemalan national revolutionary unity")],
        Target=[('"santo tomas" presidential farm', "presidential farm")], Victim=["cerezo"]),
    tpl("bombing", Target=["liqueur plant"], Weapon=["rockets", "dynamite"]),
]


def totals(counts: dict) -> tuple[int, int, int]:
    m = muc4.micro(counts, counts.keys())
    return m.correct, m.predicted, m.gold


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize("raw, key", [
    ("THE GUERRILLAS", "guerrillas"),
    ('"SANTO TOMAS" PRESIDENTIAL FARM', "santo tomas presidential farm"),
    ("A CAR BOMB", "car bomb"),
    ("AN EXPLOSIVE, DEVICE.", "explosive device"),
    ("THEATRE", "theatre"),
])
def test_normalise_mention(raw: str, key: str) -> None:
    assert muc4.normalise_mention(raw) == key


# --------------------------------------------------------------------------- GTT micro


def test_gtt_perfect() -> None:
    system = [tpl("attack", PerpInd=["THE GUERRILLAS"], PerpOrg=["URNG"], Target=["THE PRESIDENTIAL FARM"],
                  Victim=["PRESIDENT CEREZO", "CEREZO"]),
              tpl("bombing", Target=["the liqueur plant"], Weapon=["dynamite", "rockets"])]
    # "president cerezo" is not a gold mention, "cerezo" is: the Victim entity with both mentions counts once
    system[0]["Victim"] = [["PRESIDENT CEREZO", "CEREZO"]]
    c = muc4.gtt_score(system, GOLD)
    assert totals(c) == (9, 9, 9)
    m = muc4.micro(c, muc4.GTT_KEYS)
    assert (m.p, m.r, m.f1) == (1.0, 1.0, 1.0)
    ree = muc4.ceaf_ree_score(system, GOLD)
    assert totals(ree) == (7, 7, 7)


def test_gtt_empty() -> None:
    c = muc4.gtt_score([], GOLD)
    assert totals(c) == (0, 0, 9)
    assert muc4.micro(c, muc4.GTT_KEYS).r == 0.0
    assert totals(muc4.gtt_score([], [])) == (0, 0, 0)
    # spurious templates on an irrelevant document: everything predicted is wrong
    c = muc4.gtt_score([tpl("attack", Target=["bus"])], [])
    assert totals(c) == (0, 2, 0)


def test_gtt_wrong_incident_type_is_not_paired() -> None:
    system = [tpl("kidnapping", PerpInd=["guerrillas"], PerpOrg=["urng"])]
    c = muc4.gtt_score(system, GOLD[:1])
    assert c["incident_type"].correct == 0 and c["PerpInd"].correct == 0 and c["PerpOrg"].correct == 0
    assert totals(c) == (0, 3, 5)
    # template-free CEAF-REE does not care about the incident type
    assert muc4.ceaf_ree_score(system, GOLD[:1])["PerpOrg"].correct == 1


def test_gtt_one_to_one_pairing() -> None:
    gold = [tpl("attack", Victim=["mayor"]), tpl("attack", Victim=["judge"])]
    # two system templates fit gold 1; only one may pair with it, the other pairs with gold 2
    system = [tpl("attack", Victim=["the mayor"]), tpl("attack", Victim=["mayor", "judge"])]
    pairs = muc4.gtt_pairs(system, gold)
    assert sorted(pairs) == [(0, 0), (1, 1)]
    c = muc4.gtt_score(system, gold)
    assert (c["incident_type"].correct, c["Victim"].correct) == (2, 2)
    assert (c["Victim"].predicted, c["Victim"].gold) == (3, 2)
    # each gold entity is matched at most once inside a template
    c = muc4.gtt_score([tpl("attack", Victim=["mayor", "the mayor"])], [tpl("attack", Victim=["mayor"])])
    assert (c["Victim"].correct, c["Victim"].predicted, c["Victim"].gold) == (1, 2, 1)
    # ... while event_to_template never predicts the same entity twice
    span = {"text": "MAYOR ROSALES", "start": 0, "end": 13}
    people = {"person-1": {"type": "PERSON", "mentions": [{"text": "ROSALES", "start": 6, "end": 13}]}}
    t = muc4.event_to_template({"attack_type": "shooting", "victims": [span, dict(span, text="THE MAYOR ROSALES")]}, people)
    assert t["Victim"] == [["MAYOR ROSALES", "ROSALES"]]


def test_named_victim_goes_by_every_name_of_its_person() -> None:
    """A victim span that is a PERSON mention fills the slot with all the entity's names, so the short
    form the attack's sentence uses matches the full name of the key."""
    person = {"type": "PERSON", "text": "GONZALO RODRIGUEZ GACHA", "canonical": None,
              "mentions": [{"text": "GONZALO RODRIGUEZ GACHA", "start": 0, "end": 23},
                           {"text": "RODRIGUEZ GACHA", "start": 100, "end": 115}]}
    event = {"attack_type": "armed_assault", "victims": [{"text": "RODRIGUEZ GACHA", "start": 100, "end": 115}]}
    t = muc4.event_to_template(event, {"person-1": person})
    c = muc4.gtt_score([t], [tpl("attack", Victim=["gonzalo rodriguez gacha"])])
    assert (c["Victim"].correct, c["Victim"].predicted, c["Victim"].gold) == (1, 1, 1)


@pytest.mark.parametrize(
    "title, gold, correct",
    [
        ("DR", "dr antonio regalado", 1),  # MUC-4 names a perpetrator with the title the text gives him
        ("DR", "antonio regalado", 1),
        (None, "dr antonio regalado", 0),
    ],
)
def test_person_perpetrator_goes_by_its_title(title: str | None, gold: str, correct: int) -> None:
    person = {"type": "PERSON", "text": "ANTONIO REGALADO", "canonical": None, "title": title,
              "mentions": [{"text": "ANTONIO REGALADO", "start": 3, "end": 19}]}
    t = muc4.event_to_template({"attack_type": "armed_assault", "perpetrators": ["person-1"]}, {"person-1": person})
    c = muc4.gtt_score([t], [tpl("attack", PerpInd=[gold])])
    assert (c["PerpInd"].correct, c["PerpInd"].predicted, c["PerpInd"].gold) == (correct, 1, 1)


@pytest.mark.parametrize(
    "attacker, perp_org, perp_ind",
    [
        # a collective unit of the state forces (patterns/event_actors.jsonl "security") is an organisation
        ("THE ARMED FORCES", [["THE ARMED FORCES"]], []),
        ("the Salvadoran Air Force", [["the Salvadoran Air Force"]], []),
        ("army", [["army"]], []),
        # people are individuals; "members of" a unit also name the unit
        ("SOLDIERS", [], [["SOLDIERS"]]),
        ("army troops", [], [["army troops"]]),
        ("MEMBERS OF\nTHE ARMY", [["THE ARMY"]], [["MEMBERS OF\nTHE ARMY"]]),
        ("members of the Shining Path", [], [["members of the Shining Path"]]),
        # a phrase wins over its head noun: death squads and commandos are attackers, not units
        ("DEATH SQUADS", [], [["DEATH SQUADS"]]),
        ("urban commandos", [], [["urban commandos"]]),
    ],
)
def test_event_to_template_state_force_units(attacker: str, perp_org: list, perp_ind: list) -> None:
    t = muc4.event_to_template({"attack_type": "shooting", "attackers": [{"text": attacker, "start": 0, "end": 1}]}, {})
    assert (t["PerpOrg"], t["PerpInd"]) == (perp_org, perp_ind)


# the spans of one event that name one weapon, unit, group of people or thing: (span key, attack type, template slot)
WEAPON_SPANS = ("weapons", "bombing", "Weapon")
UNIT_SPANS = ("attackers", "shooting", "PerpOrg")
PEOPLE_SPANS = ("attackers", "shooting", "PerpInd")
TARGET_SPANS = ("targets", "bombing", "Target")


@pytest.mark.parametrize(
    "spans, mentions, fillers",
    [(WEAPON_SPANS, *row) for row in [
        # a later mention whose words recur in an earlier one is that weapon again
        (["A CAR BOMB", "THE BOMB"], [["A CAR BOMB", "THE BOMB"]]),
        (["TWO BOMBS", "THE BOMB", "BOMBS"], [["TWO BOMBS", "THE BOMB", "BOMBS"]]),
        (["DYNAMITE", "DYNAMITE STICKS"], [["DYNAMITE", "DYNAMITE STICKS"]]),
        (["50 KG OF DYNAMITE", "the dynamite"], [["50 KG OF DYNAMITE", "the dynamite"]]),
        # different weapons stay apart
        (["DYNAMITE", "GRENADES"], [["DYNAMITE"], ["GRENADES"]]),
        (["RIFLES", "MACHINEGUNS", "rifle"], [["RIFLES", "rifle"], ["MACHINEGUNS"]]),
        # a generic explosive beside a specific one of the same attack is that explosive
        (["DYNAMITE", "THE BOMB"], [["DYNAMITE", "THE BOMB"]]),
        (["A CAR BOMB", "EXPLOSIVES", "AN EXPLOSIVE DEVICE"], [["A CAR BOMB", "EXPLOSIVES", "AN EXPLOSIVE DEVICE"]]),
        (["BOMBS", "50 KG OF TNT", "RIFLES"], [["50 KG OF TNT", "BOMBS"], ["RIFLES"]]),
        # alone, or beside a munition or a firearm, it stays a weapon of its own
        (["THE BOMB"], [["THE BOMB"]]),
        (["A BOMB", "GRENADES"], [["A BOMB"], ["GRENADES"]]),
        (["EXPLOSIVES", "MACHINEGUNS"], [["EXPLOSIVES"], ["MACHINEGUNS"]]),
    ]] + [(UNIT_SPANS, *row) for row in [
        # a unit of the state forces named as an organisation and as attackers is one filler
        (["THE ARMED FORCES", "SALVADORAN ARMED FORCES"], [["THE ARMED FORCES", "SALVADORAN ARMED FORCES"]]),
        (["MEMBERS OF THE ARMY", "THE ARMY"], [["THE ARMY"]]),
        # different units stay apart
        (["THE ARMY", "THE AIR FORCE"], [["THE ARMY"], ["THE AIR FORCE"]]),
    ]] + [(PEOPLE_SPANS, *row) for row in [
        # the same people named with and without a count or a "group of" are one filler
        (["URBAN GUERRILLAS", "SIX URBAN GUERRILLAS"], [["URBAN GUERRILLAS", "SIX URBAN GUERRILLAS"]]),
        (["GROUP OF UNIDENTIFIED PERSONS", "unidentified persons"], [["GROUP OF UNIDENTIFIED PERSONS", "unidentified persons"]]),
        # different attackers stay apart
        (["GUERRILLAS", "DRUG TRAFFICKERS"], [["GUERRILLAS"], ["DRUG TRAFFICKERS"]]),
        (["TWO MEN", "A WOMAN"], [["TWO MEN"], ["A WOMAN"]]),
    ]] + [(TARGET_SPANS, *row) for row in [
        (["THE U.S. EMBASSY BUILDING", "THE BUILDING"], [["THE U.S. EMBASSY BUILDING", "THE BUILDING"]]),
        (["NEARBY HOUSES", "the houses", "HOUSE"], [["NEARBY HOUSES", "the houses", "HOUSE"]]),
        (["THE OFFICES OF THE MINISTRY", "THE MINISTRY"], [["THE OFFICES OF THE MINISTRY", "THE MINISTRY"]]),
        # different things stay apart
        (["A BUS", "A POWER PYLON"], [["A BUS"], ["A POWER PYLON"]]),
        (["THE BANK", "A CAR", "TWO CARS"], [["THE BANK"], ["A CAR", "TWO CARS"]]),
    ]],
)
def test_mentions_of_one_thing_are_one_filler(spans, mentions: list[str], fillers: list[list[str]]) -> None:
    assert _fillers(spans, mentions) == fillers


def _fillers(spans: tuple[str, str, str], mentions: list[str]) -> list[list[str]]:
    """The template fillers of one slot for an event whose spans of one kind are ``mentions``."""
    key, attack_type, slot = spans
    ev = {"attack_type": attack_type, key: [{"text": m, "start": 0, "end": len(m)} for m in mentions]}
    return muc4.event_to_template(ev, {})[slot]


@pytest.mark.parametrize(
    "target, kept",
    [
        # settlements, districts and routes are places in MUC-4, not physical targets
        ("THE TOWNS", False),
        ("THE VILLAGE OF POCHUTA", False),
        ("HEAVILY\nPOPULATED AREAS", False),
        ("THE ESCALON NEIGHBORHOOD", False),
        # a building named after one, or one of its buildings, is a target
        ("THE TOWN HALL", True),
        ("THE OFFICES OF THE MAYOR OF THE TOWN", True),
        ("A BUS", True),
    ],
)
def test_area_is_no_target(target: str, kept: bool) -> None:
    ev = {"attack_type": "bombing", "targets": [{"text": target, "start": 0, "end": len(target)}]}
    assert muc4.event_to_template(ev, {})["Target"] == ([[target]] if kept else [])


def test_event_to_template_mapping() -> None:
    entities = {"org-1": {"id": "org-1", "type": "ORGANISATION", "text": "FMLN", "canonical": None,
                          "mentions": [{"text": "FMLN"}, {"text": "FARABUNDO MARTI NATIONAL LIBERATION FRONT"}]},
                "person-1": {"id": "person-1", "type": "PERSON", "text": "JOSE PEREZ", "mentions": []},
                "person-2": {"id": "person-2", "type": "PERSON", "text": "HECTOR OQUELI",
                             "mentions": [{"text": "HECTOR OQUELI", "start": 100, "end": 113}]}}
    span = lambda t, start=0: {"text": t, "start": start, "end": start + len(t)}  # noqa: E731
    # Victim is MUC-4's HUM TGT: NAME slot: a victim span naming no person has no filler there
    ev = {"attack_type": "suicide_bombing", "status": "carried_out", "perpetrators": ["org-1", "person-1"],
          "attackers": [span("URBAN GUERRILLAS")], "targets": [span("A BUS")],
          "victims": [span("TWO POLICEMEN"), span("HECTOR OQUELI", 100)], "weapons": [span("DYNAMITE")]}
    t = muc4.event_to_template(ev, entities)
    assert t["incident_type"] == "bombing"
    assert t["PerpOrg"] == [["FMLN", "FMLN", "FARABUNDO MARTI NATIONAL LIBERATION FRONT"]]
    assert t["PerpInd"] == [["JOSE PEREZ"], ["URBAN GUERRILLAS"]]
    assert (t["Target"], t["Victim"], t["Weapon"]) == ([["A BUS"]], [["HECTOR OQUELI"]], [["DYNAMITE"]])
    for attack_type, expected in [("kidnapping", "kidnapping"), ("hostage_taking", "kidnapping"), ("arson", "arson"),
                                  ("shooting", "attack"), ("armed_assault", "attack"), ("unknown", "attack")]:
        assert muc4.event_to_template({"attack_type": attack_type}, {})["incident_type"] == expected
    gold = [muc4.gold_template({"incident_type": "bombing",
                                "PerpOrg": [[["farabundo marti national liberation front", 3], ["fmln", 9]]],
                                "PerpInd": [], "Target": [[["bus", 1]]], "Victim": [], "Weapon": []})]
    c = muc4.gtt_score([t], gold)
    assert (c["PerpOrg"].correct, c["Target"].correct) == (1, 1)


# --------------------------------------------------------------------------- keys


def test_key_dates() -> None:
    d = muc4.parse_key_date
    assert d("02 FEB 90") == [(date(1990, 2, 2), date(1990, 2, 2))]
    assert d("- 23 AUG 88") == [(None, date(1988, 8, 23))]
    assert d("12 JAN 90 - 15 JAN 90") == [(date(1990, 1, 12), date(1990, 1, 15))]
    assert d("(25 MAY 89 - 26 MAY 89) / (25 MAY 89)") == [(date(1989, 5, 25), date(1989, 5, 26)),
                                                          (date(1989, 5, 25), date(1989, 5, 25))]
    assert d("-") is None and d("*") is None
    ok = lambda sys_value, key: muc4.date_ok(muc4.iso_interval(sys_value), d(key))  # noqa: E731
    assert ok("1990-02-02", "02 FEB 90") and not ok("1990-02-03", "02 FEB 90")
    assert ok("1988-08-20", "- 23 AUG 88") and not ok("1988-08-24", "- 23 AUG 88")
    assert ok("1990-01-13", "12 JAN 90 - 15 JAN 90") and ok("1990-01", "01 JAN 90 - 31 JAN 90")
    assert not ok("1990-02", "02 FEB 90")  # a month is not the day
    assert not ok(None, "02 FEB 90")


@pytest.mark.parametrize(
    "system, key, match",
    [
        ("Usulután", "EL SALVADOR: USULUTAN (DEPARTMENT)", True),  # accents folded: the keys are ASCII
        ("USULUTAN DEPARTMENT", "EL SALVADOR: USULUTAN (DEPARTMENT)", True),  # the kind after the name
        ("SOYAPANGO", "EL SALVADOR: SOYAPANGO CITY (CITY)", True),
        ("Córdoba", "COLOMBIA: CORDOBA (DEPARTMENT): AYAPEL (MUNICIPALITY)", True),
        # a city named after its country is not the country
        ("GUATEMALA CITY", "GUATEMALA", False),
        ("PANAMA CITY", "PANAMA", False),
        ("SAN MIGUEL DEPARTMENT", "EL SALVADOR: SAN SALVADOR (CITY)", False),
    ],
)
def test_key_place_names(system: str, key: str, match: bool) -> None:
    assert bool(muc4.place_names(system) & muc4.parse_key_location(key)["places"]) == match


def test_key_locations_and_stage() -> None:
    loc = muc4.parse_key_location("EL SALVADOR: SAN SALVADOR (CITY)")
    assert loc == {"countries": {"el salvador"}, "places": {"san salvador"}}
    loc = muc4.parse_key_location("(COLOMBIA) / (COLOMBIA: BOGOTA (CITY))")
    assert loc == {"countries": {"colombia"}, "places": {"colombia", "bogota"}}
    assert muc4.parse_key_location("PERU: ANCASH (DEPARTMENT): CHAVIN (TOWN) - HUARI (TOWN)")["places"] == {
        "ancash", "chavin", "huari"}
    assert muc4.country_code("el salvador") == "SV"
    key = muc4.key_template({"MESSAGE: TEMPLATE": "1", "INCIDENT: TYPE": "BOMBING", "INCIDENT: DATE": "- 04 FEB 90",
                             "INCIDENT: LOCATION": "EL SALVADOR: SAN SALVADOR (CITY)",
                             "INCIDENT: STAGE OF EXECUTION": "ACCOMPLISHED"})
    entities = {"place-1": {"id": "place-1", "type": "PLACE", "text": "SAN SALVADOR", "country_code": "SV",
                            "mentions": []},
                "date-1": {"id": "date-1", "type": "DATE", "text": "3 FEB", "value": "1990-02-03", "mentions": []}}
    good = muc4.event_key_features({"attack_type": "bombing", "status": "carried_out", "locations": ["place-1"],
                                    "date": "date-1"}, entities)
    c = muc4.keys_score([good], [key])
    assert {s: (v.correct, v.predicted, v.gold) for s, v in c.items()} == {
        "date": (1, 1, 1), "country": (1, 1, 1), "place": (1, 1, 1), "stage": (1, 1, 1)}
    bad = muc4.event_key_features({"attack_type": "bombing", "status": "threatened", "locations": [], "date": None},
                                  entities)
    c = muc4.keys_score([bad], [key])
    assert {s: (v.correct, v.predicted, v.gold) for s, v in c.items()} == {
        "date": (0, 0, 1), "country": (0, 0, 1), "place": (0, 0, 1), "stage": (0, 1, 1)}
    optional = dict(key, optional=True)
    assert muc4.keys_score([], [optional])["date"].gold == 0  # unpaired optional template: not a miss


# --------------------------------------------------------------------------- smoke runs


def _run(script: str, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True,
                          cwd=str(REPO), timeout=timeout)


def test_muc4_script_smoke(tmp_path: Path) -> None:
    out = tmp_path / "muc4.json"
    proc = _run("muc4.py", "--limit", "3", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "GTT micro" in proc.stdout and "CEAF-REE" in proc.stdout
    assert "theirs: TST3+TST4 test split; ours: TST1+TST2 dev split" in proc.stdout
    assert re.search(r"extract .*GTT micro\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d", proc.stdout)
    data = json.loads(out.read_text())
    assert data["documents"] == 3
    for key in ("gtt_micro", "ceaf_ree", "relevance"):
        assert 0.0 <= data[key]["f1"] <= 100.0
    assert set(data["keys"]) == {"date", "country", "place", "stage"}


def test_throughput_script_smoke(tmp_path: Path) -> None:
    out = tmp_path / "throughput.json"
    proc = _run("throughput.py", "--limit", "3", "--rounds", "2", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "words/s" in proc.stdout and "peak RSS" in proc.stdout
    data = json.loads(out.read_text())
    assert data["corpus"]["documents"] == 3 and data["corpus"]["words"] > 0
    assert data["bare_spacy"]["words_per_second"] > 0 and data["extractor"]["words_per_second"] > 0
    assert len(data["rounds"]) == 2 and all(r["speed_ratio"] > 0 for r in data["rounds"])
    ratio = data["extractor"]["words_per_second"] / data["bare_spacy"]["words_per_second"]
    assert abs(data["speed_ratio"] - ratio) < 0.01
    assert data["memory"]["x1"]["docs"] == 3 and data["memory"]["x4"]["docs"] == 12
    assert data["memory"]["x1"]["peak_rss_mb"] > 0
    stages = [s["stage"] for s in data["components"]]
    assert any("ner" in s for s in stages) and any("assemble" in s for s in stages)
    assert abs(sum(s["share"] for s in data["components"]) - 1.0) < 0.01
    assert data["machine"]["cores"] and data["machine"]["spacy"]
