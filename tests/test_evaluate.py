"""extract.evaluate: the scorer on hand-made outputs (pure, no spaCy) and one real end-to-end run."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from extract import schema
from extract.evaluate import (
    EvaluationError,
    EvaluationReport,
    best_assignment,
    evaluate_dir,
    _hungarian_max,
    normalise,
    score_document,
)

# --------------------------------------------------------------------------- builders


def ent(eid: str, etype: str, text: str, *mentions: str, canonical: str | None = None, **extra) -> dict:
    mentions = mentions or (text,)
    out = {"id": eid, "type": etype, "text": text, "canonical": canonical, "kb_id": None,
           "mentions": [{"start": 0, "end": len(m), "text": m} for m in mentions],
           "confidence": 0.9, "source": "test"}
    out.update(extra)
    return out


def span(text: str) -> dict:
    return {"text": text, "start": 0, "end": len(text)}


def event(eid: str, locations: list[str], status: str = "carried_out", attack_type: str = "bombing", **extra) -> dict:
    out = {"id": eid, "type": "ATTACK", "attack_type": attack_type, "status": status, "perpetrators": [],
           "claimed_by": [], "attackers": [], "targets": [], "victims": [], "locations": locations, "date": None,
           "casualties": {"killed": None, "injured": None}, "weapons": [], "trigger": span("attack"),
           "evidence": [], "confidence": 0.8, "source": "test"}
    out.update(extra)
    return out


def sysdoc(entities: list[dict], events: list[dict] | None = None) -> dict:
    return {"schema_version": "1",
            "document": {"id": "doc-1", "source": "r.txt", "sha256": "0" * 64, "chars": 100, "reference_date": None},
            "extractor": {"name": "extract", "version": "0", "model": "m"},
            "entities": entities, "events": events or [], "errors": []}


GOLD = {
    "text_file": "report.txt",
    "entities": [
        {"type": "ORGANISATION", "names": ["ISIS", "Islamic State"]},
        {"type": "ORGANISATION", "names": ["Euphrates Province"], "optional": True},
        {"type": "PUBLICATION", "names": ["Rumiyah"]},
        {"type": "DATE", "names": ["October 4, 2016", "on October 4, 2016"], "value": "2016-10-04"},
        {"type": "DATE", "names": ["recent months"], "optional": True},
        {"type": "PLACE", "names": ["Cairo"], "country_code": "EG"},
        {"type": "PLACE", "names": ["Berlin"], "country_code": "DE"},
        {"type": "PLACE", "names": ["Holland", "Netherlands"], "country_code": "NL"},
        {"type": "PERSON", "names": ["Amedy Coulibaly"]},
    ],
    "events": [
        {"locations": ["Cairo"], "status": "carried_out", "attack_type": ["suicide_bombing", "bombing"],
         "perpetrators": ["ISIS"], "killed": 25, "date": "2016-10-04", "targets": ["cathedral"]},
        {"locations": ["Berlin"], "status": "carried_out", "attack_type": ["vehicle_ramming"],
         "perpetrators": None, "killed": 12, "date": None, "targets": ["market"]},
        {"locations": ["Holland", "Netherlands"], "status": "threatened", "optional": True},
    ],
}


def perfect_output() -> dict:
    ents = [
        ent("org-1", "ORGANISATION", "ISIS", "ISIS", "Islamic State", canonical="Islamic State"),
        ent("pub-1", "PUBLICATION", "Rumiyah"),
        ent("date-1", "DATE", "October 4, 2016", value="2016-10-04", granularity="day"),
        ent("place-1", "PLACE", "Cairo", country_code="EG"),
        ent("place-2", "PLACE", "Berlin", country_code="DE"),
        ent("place-3", "PLACE", "Holland", country_code="NL"),
        ent("person-1", "PERSON", "Amedy Coulibaly"),
    ]
    evs = [
        event("ev-1", ["place-1"], attack_type="suicide_bombing", perpetrators=["org-1"], date="date-1",
              casualties={"killed": 25, "injured": None}, targets=[span("the Coptic cathedral")]),
        event("ev-2", ["place-2"], attack_type="vehicle_ramming", casualties={"killed": 12, "injured": None},
              targets=[span("a Christmas market")]),
    ]
    return sysdoc(ents, evs)


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "raw, key",
    [
        ("ISIS", "isis"),
        ("  Islamic   State ", "islamic state"),
        ("the United States", "united states"),
        ("The Netherlands,", "netherlands"),
        ("on December 19, 2016", "december 19, 2016"),
        ("In Cairo.", "cairo"),
        ("at the Christmas market", "christmas market"),
        ("ISIS's", "isis"),
        ("ISIS’s", "isis"),
        ("(Haq,", "haq"),
        ('"Rumiyah"', "rumiyah"),
        ("Theresa May", "theresa may"),  # "the" only as a whole leading word
        ("Athens", "athens"),  # "at" only as a whole leading word
        ("Washington, D.C.", "washington, d.c"),
        ("", ""),
    ],
)
def test_normalise(raw: str, key: str) -> None:
    assert normalise(raw) == key


def test_name_normalisation_in_matching() -> None:
    gold = {"entities": [{"type": "PLACE", "names": ["United States"]}, {"type": "DATE", "names": ["December 19, 2016"]},
                         {"type": "ORGANISATION", "names": ["ISIS"]}]}
    out = sysdoc([ent("place-1", "PLACE", "the United States"), ent("date-1", "DATE", "On December 19, 2016,"),
                  ent("org-1", "ORGANISATION", "ISIS's")])
    s = score_document(gold, out)
    assert s.entities_micro.tp == 3 and s.entities_micro.fp == 0 and s.entities_micro.fn == 0


def test_canonical_and_mentions_count_for_matching() -> None:
    gold = {"entities": [{"type": "ORGANISATION", "names": ["Islamic State"]},
                         {"type": "PLACE", "names": ["Netherlands"]}]}
    out = sysdoc([ent("org-1", "ORGANISATION", "ISIL", canonical="Islamic State"),
                  ent("place-1", "PLACE", "Holland", "Holland", "the Netherlands")])
    s = score_document(gold, out)
    assert s.entities["ORGANISATION"].tp == 1 and s.entities["PLACE"].tp == 1


def test_type_must_agree() -> None:
    gold = {"entities": [{"type": "PUBLICATION", "names": ["Fox News"]}]}
    s = score_document(gold, sysdoc([ent("org-1", "ORGANISATION", "Fox News")]))
    assert s.entities["PUBLICATION"].fn == 1 and s.entities["ORGANISATION"].fp == 1


# --------------------------------------------------------------------------- whole documents


def test_perfect_output_scores_one() -> None:
    s = score_document(GOLD, perfect_output())
    for etype, c in s.entities.items():
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0), etype
    assert s.date_value.value == 1.0 and s.place_country.value == 1.0
    assert s.events.f1 == 1.0 and s.events_location.f1 == 1.0
    for slot, acc in s.slots.items():
        assert acc.value == 1.0, slot
    assert s.misses == []


def test_accepts_schema_document() -> None:
    doc = schema.Document.model_validate(perfect_output())
    s = score_document(GOLD, doc)
    assert s.entities_micro.f1 == 1.0 and s.events.f1 == 1.0


def test_empty_output_recall_zero() -> None:
    s = score_document(GOLD, sysdoc([]))
    micro = s.entities_micro
    assert micro.tp == 0 and micro.fp == 0 and micro.fn == 7  # the 2 optional entities are not misses
    assert micro.recall == 0.0 and micro.precision == 0.0 and micro.f1 == 0.0
    assert s.events.fn == 2 and s.events.recall == 0.0  # the optional Holland event is not a miss
    assert s.date_value.total == 0 and s.place_country.total == 0
    assert all(a.total == 0 and a.value is None for a in s.slots.values())
    assert "report  FN  PLACE  'Cairo'" in s.misses


def test_duplicates_are_false_positives() -> None:
    out = sysdoc([ent("org-1", "ORGANISATION", "ISIS"), ent("org-2", "ORGANISATION", "Islamic State"),
                  ent("org-3", "ORGANISATION", "Appendix C")])
    s = score_document({"entities": [{"type": "ORGANISATION", "names": ["ISIS", "Islamic State"]}]}, out)
    c = s.entities["ORGANISATION"]
    assert (c.tp, c.fp, c.fn) == (1, 2, 0)
    assert any("FP  ORGANISATION  'Islamic State'  (duplicate of 'ISIS')" in m for m in s.misses)
    assert "doc  FP  ORGANISATION  'Appendix C'" in score_document({"entities": []}, out, doc_name="doc").misses


def test_matching_is_one_to_one_and_maximal() -> None:
    # sys A matches gold 1 and 2, sys B only gold 1: the best matching pairs A-2 and B-1.
    gold = {"entities": [{"type": "PERSON", "names": ["Smith", "John Smith"]}, {"type": "PERSON", "names": ["Smith"]}]}
    out = sysdoc([ent("person-1", "PERSON", "Smith"), ent("person-2", "PERSON", "John Smith")])
    c = score_document(gold, out).entities["PERSON"]
    assert (c.tp, c.fp, c.fn) == (2, 0, 0)


def test_optional_items_are_neutral() -> None:
    gold = {"entities": [{"type": "ORGANISATION", "names": ["ISIS"]},
                         {"type": "ORGANISATION", "names": ["Euphrates Province"], "optional": True}]}
    found = score_document(gold, sysdoc([ent("org-1", "ORGANISATION", "ISIS"),
                                         ent("org-2", "ORGANISATION", "Euphrates Province")]))
    missed = score_document(gold, sysdoc([ent("org-1", "ORGANISATION", "ISIS")]))
    for s in (found, missed):
        c = s.entities["ORGANISATION"]
        assert (c.tp, c.fp, c.fn) == (1, 0, 0)
    # optional events: matching one is neutral, missing one too
    gold_ev = {"entities": [], "events": [{"locations": ["Mosul"], "status": "carried_out", "optional": True}]}
    out = sysdoc([ent("place-1", "PLACE", "Mosul")], [event("ev-1", ["place-1"])])
    for s in (score_document(gold_ev, out), score_document(gold_ev, sysdoc([]))):
        assert (s.events.tp, s.events.fp, s.events.fn) == (0, 0, 0)


def test_date_value_and_country_accuracy() -> None:
    gold = {"entities": [{"type": "DATE", "names": ["4 Oct"], "value": "2016-10-04"},
                         {"type": "DATE", "names": ["last month"], "value": "2016-09"},
                         {"type": "DATE", "names": ["Christmas"]},  # no value: not scored
                         {"type": "PLACE", "names": ["Cairo"], "country_code": "EG"},
                         {"type": "PLACE", "names": ["Europe"]}]}
    out = sysdoc([ent("date-1", "DATE", "4 Oct", value="2016-10-04"), ent("date-2", "DATE", "last month", value=None),
                  ent("date-3", "DATE", "Christmas", value="2016-12-25"),
                  ent("place-1", "PLACE", "Cairo", country_code="eg"), ent("place-2", "PLACE", "Europe")])
    s = score_document(gold, out, doc_name="doc")
    assert (s.date_value.correct, s.date_value.total) == (1, 2)
    assert (s.place_country.correct, s.place_country.total) == (1, 1)
    assert "doc  VALUE  DATE  'last month'  gold=2016-09 system=None" in s.misses


# --------------------------------------------------------------------------- events


def _places(*names: str) -> list[dict]:
    return [ent(f"place-{i + 1}", "PLACE", n) for i, n in enumerate(names)]


def test_event_status_disagreement() -> None:
    gold = {"entities": [], "events": [{"locations": ["France"], "status": "prevented"}]}
    out = sysdoc(_places("France"), [event("ev-1", ["place-1"], status="carried_out")])
    s = score_document(gold, out)
    assert (s.events_location.tp, s.events_location.fp, s.events_location.fn) == (1, 0, 0)
    assert (s.events.tp, s.events.fp, s.events.fn) == (0, 1, 1)
    assert (s.slots["status"].correct, s.slots["status"].total) == (0, 1)
    assert any("FN  EVENT(status)  'France' prevented" in m for m in s.misses)


def test_status_prefers_the_agreeing_gold_event() -> None:
    # France both prevented (required) and carried_out (optional): a carried_out system event
    # is neutral on the headline score and a location-only TP.
    gold = {"entities": [], "events": [{"locations": ["France"], "status": "prevented"},
                                       {"locations": ["France"], "status": "carried_out", "optional": True}]}
    s = score_document(gold, sysdoc(_places("France"), [event("ev-1", ["place-1"], status="carried_out")]))
    assert (s.events.tp, s.events.fp, s.events.fn) == (0, 0, 1)
    assert (s.events_location.tp, s.events_location.fp, s.events_location.fn) == (1, 0, 0)


def test_events_one_to_one() -> None:
    gold = {"entities": [], "events": [{"locations": ["Kenya"], "status": "carried_out"},
                                       {"locations": ["Germany"], "status": "carried_out"}]}
    out = sysdoc(_places("Kenya", "Germany"), [event("ev-1", ["place-1"]), event("ev-2", ["place-1"]),
                                               event("ev-3", ["place-1", "place-2"])])
    s = score_document(gold, out)
    assert (s.events.tp, s.events.fp, s.events.fn) == (2, 1, 0)


def test_event_without_shared_location() -> None:
    gold = {"entities": [], "events": [{"locations": ["Cairo"], "status": "carried_out"}]}
    s = score_document(gold, sysdoc(_places("Alexandria"), [event("ev-1", ["place-1"])]))
    assert (s.events.tp, s.events.fp, s.events.fn) == (0, 1, 1)
    assert any("FP  EVENT  'Alexandria' carried_out bombing" in m for m in s.misses)


def test_slot_scoring() -> None:
    gold = {"entities": [], "events": [
        {"locations": ["Cairo"], "status": "carried_out", "attack_type": ["suicide_bombing", "bombing"],
         "perpetrators": ["ISIS", "Islamic State"], "killed": 25, "date": "2016-12-11", "targets": ["cathedral"]},
        {"locations": ["Berlin"], "status": "carried_out", "attack_type": ["vehicle_ramming"],
         "perpetrators": ["Anis Amri"], "killed": 12, "date": "2016-12-19", "targets": ["game"]},
        {"locations": ["Paris"], "status": "carried_out", "attack_type": None, "perpetrators": None,
         "killed": None, "date": None, "targets": None},
    ]}
    ents = _places("Cairo", "Berlin", "Paris") + [
        ent("org-1", "ORGANISATION", "Daesh", "Daesh", canonical="Islamic State"),
        ent("person-1", "PERSON", "Amri"),
        ent("date-1", "DATE", "December 11", value="2016-12-11"),
        ent("date-2", "DATE", "Monday", value="2016-12-18"),
    ]
    evs = [
        event("ev-1", ["place-1"], attack_type="bombing", perpetrators=["org-1"], date="date-1",
              casualties={"killed": 25, "injured": 49}, targets=[span("St Mark's Cathedral")]),
        event("ev-2", ["place-2"], attack_type="shooting", perpetrators=["person-1"], date="date-2",
              casualties={"killed": 11, "injured": None}, targets=[span("the games arcade")]),
        event("ev-3", ["place-3"], attack_type="shooting", status="attempted"),
    ]
    s = score_document(gold, sysdoc(ents, evs))
    got = {k: (a.correct, a.total) for k, a in s.slots.items()}
    assert got == {"status": (2, 3), "attack_type": (1, 2), "perpetrators": (1, 2), "killed": (1, 2),
                   "date": (1, 2), "targets": (1, 2)}  # "game" is not the word "games"
    assert any("SLOT  killed  event 'Berlin'  gold=12 system=11" in m for m in s.misses)


def test_report_totals_table_and_json() -> None:
    report = EvaluationReport(documents=[score_document(GOLD, perfect_output(), doc_name="a"),
                                         score_document(GOLD, sysdoc([]), doc_name="b")])
    total = report.total
    assert total.entities_micro.tp == 7 and total.entities_micro.fn == 7
    table = report.to_table()
    for needle in ("ORGANISATION", "micro", "DATE value accuracy", "PLACE country accuracy", "loc+status",
                   "location only", "attack_type", "targets", "a  ", "b  "):
        assert needle in table
    data = json.loads(json.dumps(report.to_dict()))
    assert data["total"]["entities_micro"]["recall"] == 0.5
    assert data["documents"][1]["events"]["fn"] == 2
    assert report.misses() and all(m.startswith("b  ") for m in report.misses())


# --------------------------------------------------------------------------- assignment


def test_best_assignment_scipy_and_fallback_agree() -> None:
    rng = random.Random(7)
    for _ in range(60):
        n, m = rng.randint(1, 6), rng.randint(1, 6)
        w = [[rng.choice([0, 0, 1, 2, 3, 5]) for _ in range(m)] for _ in range(n)]
        a, b = best_assignment(w), _hungarian_max(w)
        assert sum(w[i][j] for i, j in a) == sum(w[i][j] for i, j in b)
        assert len({i for i, _ in b}) == len(b) == len({j for _, j in b})
    assert best_assignment([]) == [] and best_assignment([[0, 0]]) == []


# --------------------------------------------------------------------------- directories


def test_evaluate_dir_errors(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no \\*.gold.json"):
        evaluate_dir(tmp_path, extractor=object())
    (tmp_path / "a.gold.json").write_text(json.dumps({"text_file": "missing.txt", "entities": []}))
    with pytest.raises(EvaluationError, match="missing.txt"):
        evaluate_dir(tmp_path, extractor=object())


REPORT = (
    "On December 19, 2016, a truck was driven into a Christmas market in Berlin, killing 12 people. "
    "ISIS claimed responsibility for the attack through its Amaq news agency.\n"
)


def test_evaluate_dir_end_to_end(tmp_path: Path, extractor) -> None:
    (tmp_path / "berlin.txt").write_text(REPORT, encoding="utf-8")
    gold = {"text_file": "berlin.txt",
            "entities": [{"type": "PLACE", "names": ["Berlin"], "country_code": "DE"},
                         {"type": "DATE", "names": ["December 19, 2016"], "value": "2016-12-19"},
                         {"type": "ORGANISATION", "names": ["ISIS", "Islamic State"]},
                         {"type": "PUBLICATION", "names": ["Amaq", "Amaq news agency"]},
                         {"type": "ORGANISATION", "names": ["Amaq", "Amaq news agency"], "optional": True}],
            "events": [{"locations": ["Berlin"], "status": "carried_out", "attack_type": ["vehicle_ramming"],
                        "perpetrators": ["ISIS"], "killed": 12, "date": "2016-12-19", "targets": ["market"]}]}
    (tmp_path / "berlin.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate_dir(tmp_path, extractor)
    assert [d.doc for d in report.documents] == ["berlin"]
    total = report.total
    assert total.entities_micro.tp + total.entities_micro.fn == 4  # every required entity is accounted for
    assert total.events.tp + total.events.fn == 1
    assert "PLACE" in report.to_table()
    json.dumps(report.to_dict())
    assert all(line.startswith("berlin  ") for line in report.misses())
