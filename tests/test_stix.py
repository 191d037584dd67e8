"""--format stix: a valid, deterministic STIX 2.1 bundle from the real pipeline's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stix2validator import ValidationOptions, validate_string
from typer.testing import CliRunner

import extract.cli as cli
from extract.cli import app
from extract.schema import Document
from extract.writers import WriterError, get_writer
from extract.writers.stix import EPOCH, EXTENSION_ID, TOOL_IDENTITY_ID, bundle_json, document_objects

REPO = Path(__file__).resolve().parent.parent
REPORT = REPO / "corpora" / "dev" / "itic-isis-attacks-abroad-2016.txt"


@pytest.fixture(scope="module")
def document(extractor) -> Document:
    return extractor.extract_text(REPORT.read_text(encoding="utf-8"), source=REPORT.name)


@pytest.fixture(scope="module")
def bundle(document) -> dict:
    return json.loads(bundle_json([document]))


def _objects(bundle: dict, kind: str) -> list[dict]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def _ext(obj: dict) -> dict:
    return obj["extensions"][EXTENSION_ID]


def test_bundle_passes_stix2_validator(document) -> None:
    text = bundle_json([document])
    results = validate_string(text, ValidationOptions(version="2.1"))
    errors = [str(e) for r in results.object_results for e in r.errors] if hasattr(results, "object_results") else []
    assert results.is_valid, errors


def test_export_is_deterministic(extractor, document) -> None:
    again = extractor.extract_text(REPORT.read_text(encoding="utf-8"), source=REPORT.name)
    assert bundle_json([again]) == bundle_json([document])


def test_every_event_is_an_incident_with_its_relationships(document, bundle) -> None:
    incidents = {_ext(i)["event_id"]: i for i in _objects(bundle, "incident")}
    assert set(incidents) == {ev.id for ev in document.events}
    assert len(document.events) > 0
    rels = {(r["source_ref"], r["relationship_type"], r["target_ref"]) for r in _objects(bundle, "relationship")}
    by_id = {o["id"]: o for o in bundle["objects"]}
    names = {e.id: (e.canonical or e.text) for e in document.entities}
    for ev in document.events:
        inc = incidents[ev.id]
        ext = _ext(inc)
        assert ext["extension_type"] == "property-extension"
        assert ext["attack_type"] == ev.attack_type.value
        assert ext["status"] == ev.status.value
        assert ext["trigger_text"] == ev.trigger.text
        if ev.casualties.killed is not None:
            assert ext["killed"] == ev.casualties.killed
        assert len(ext.get("perpetrator_refs", [])) == len(set(ev.perpetrators))
        assert len(ext.get("location_refs", [])) == len(set(ev.locations))
        for ref in ext.get("perpetrator_refs", []):
            assert (inc["id"], "attributed-to", ref) in rels
            assert by_id[ref]["type"] in ("threat-actor", "intrusion-set", "identity")
        for ref in ext.get("location_refs", []):
            assert (inc["id"], "located-at", ref) in rels
            assert by_id[ref]["type"] == "location"
            assert by_id[ref]["name"] in {names[p] for p in ev.locations}
    # a dated event carries its date value
    dated = [ev for ev in document.events if ev.date]
    assert dated
    values = {e.id: e.value for e in document.entities if e.type == "DATE"}
    for ev in dated:
        if values[ev.date]:
            assert _ext(incidents[ev.id])["date"] == values[ev.date]


def test_mapping_of_entities(document, bundle) -> None:
    actors = {a["name"]: a for a in _objects(bundle, "threat-actor")}
    assert "Islamic State" in actors
    isis = actors["Islamic State"]
    assert "ISIS" in isis["aliases"]
    assert isis["threat_actor_types"] == ["terrorist"]
    assert {"source_name": "wikidata", "external_id": "Q2429253", "url": "https://www.wikidata.org/wiki/Q2429253"} in isis[
        "external_references"
    ]
    identities = _objects(bundle, "identity")
    people = {i["name"] for i in identities if i["identity_class"] == "individual"}
    assert people == {e.canonical or e.text for e in document.entities if e.type == "PERSON"}
    orgs = {i["name"] for i in identities if i["identity_class"] == "organization"}
    assert "Rumiyah" in orgs  # publications are identities of class organization
    assert "National Coordinator for Security and Counterterrorism" in orgs
    locations = {loc["name"]: loc for loc in _objects(bundle, "location")}
    berlin = locations["Berlin"]
    assert berlin["country"] == "DE" and berlin["latitude"] == pytest.approx(52.52, abs=0.1)
    assert {"source_name": "geonames", "external_id": "2950159", "url": "https://www.geonames.org/2950159"} in berlin[
        "external_references"
    ]
    assert locations["Western Europe"]["region"] == "western-europe"
    # DATE entities have no object of their own
    n_non_dates = sum(1 for e in document.entities if e.type != "DATE")
    tool = 1  # the extract tool's own identity
    assert len(_objects(bundle, "location")) + len(identities) - tool + len(actors) == n_non_dates


def test_report_and_timestamps(document, bundle) -> None:
    (report,) = _objects(bundle, "report")
    assert report["name"] == REPORT.name
    assert report["published"] == "2016-12-19T00:00:00Z"
    own = {o["id"] for o in bundle["objects"]} - {report["id"], TOOL_IDENTITY_ID, EXTENSION_ID}
    assert set(report["object_refs"]) == own
    for obj in bundle["objects"]:
        if obj["id"] not in (TOOL_IDENTITY_ID, EXTENSION_ID):
            assert obj["created"] == obj["modified"] == "2016-12-19T00:00:00.000Z"
    (ext,) = _objects(bundle, "extension-definition")
    assert ext["extension_types"] == ["property-extension"]


def test_no_reference_date_gives_the_epoch_never_now(document) -> None:
    info = document.document.model_copy(update={"reference_date": None})
    undated = document.model_copy(update={"document": info})
    objs = document_objects(undated)
    report = objs[-1]
    assert report.type == "report"
    assert str(report.published).startswith("1970-01-01")
    assert all(o.created.isoformat().startswith("1970-01-01") for o in objs)
    assert EPOCH.startswith("1970-01-01")


def _synthetic(events: list[dict], entities: list[dict], errors: list[dict] = ()) -> Document:
    return Document.model_validate(
        {
            "document": {"id": "doc-x", "source": "x.txt", "sha256": "ab" * 32, "chars": 100, "reference_date": "2022-05-01"},
            "extractor": {"version": "0.1.0", "model": "test"},
            "entities": entities,
            "events": events,
            "errors": list(errors),
        }
    )


def test_cyber_only_perpetrator_is_an_intrusion_set_and_errors_are_reported() -> None:
    doc = _synthetic(
        entities=[
            {"id": "org-1", "type": "ORGANISATION", "text": "Killnet", "canonical": "Killnet", "kind": "other",
             "mentions": [{"start": 0, "end": 7, "text": "Killnet"}], "confidence": 0.9, "source": "pattern:killnet"},
            {"id": "place-1", "type": "PLACE", "text": "the Sahel", "canonical": "Sahel",
             "mentions": [{"start": 20, "end": 29, "text": "the Sahel"}], "confidence": 0.9, "source": "pattern:x"},
        ],
        events=[
            {"id": "ev-1", "attack_type": "cyber", "status": "carried_out", "perpetrators": ["org-1"],
             "locations": ["place-1"], "trigger": {"text": "DDoS", "start": 10, "end": 14}, "confidence": 0.7},
        ],
        errors=[{"code": "geocode_failed", "message": "x <failed>"}],
    )
    bundle = json.loads(bundle_json([doc]))
    assert [o["name"] for o in _objects(bundle, "intrusion-set")] == ["Killnet"]
    (loc,) = _objects(bundle, "location")
    assert loc["region"] == "sahel"  # no country or coordinates: an open-vocabulary region
    rels = {(r["relationship_type"]) for r in _objects(bundle, "relationship")}
    assert rels == {"attributed-to", "located-at", "targets"}
    (report,) = _objects(bundle, "report")
    assert "geocode_failed" in report["description"]
    assert validate_string(json.dumps(bundle), ValidationOptions(version="2.1")).is_valid


def test_same_document_twice_is_exported_once(document) -> None:
    one = json.loads(bundle_json([document]))
    two = json.loads(bundle_json([document, document]))
    assert len(two["objects"]) == len(one["objects"])


def test_writer_and_cli(tmp_path, extractor, monkeypatch) -> None:
    monkeypatch.setattr(cli, "_load_extractor", lambda model, patterns, *a: extractor)
    out = tmp_path / "bundle.json"
    runner = CliRunner()
    result = runner.invoke(app, [str(REPORT), "--format", "stix", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    first = out.read_bytes()
    result = runner.invoke(app, [str(REPORT), "--format", "stix", "-o", str(out)])
    assert out.read_bytes() == first  # byte-identical across runs
    assert json.loads(first)["type"] == "bundle"
    stdout = runner.invoke(app, [str(REPORT), "--format", "stix"])
    assert stdout.exit_code == 0 and stdout.stdout_bytes == first
    with pytest.raises(WriterError):
        get_writer("stix", tmp_path)  # a directory
    with pytest.raises(WriterError):
        get_writer("stix", out, resume=True)
