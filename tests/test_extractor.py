"""End-to-end properties of the Extractor on real reports: offsets, determinism, schema, batching."""

from __future__ import annotations

import json

import jsonschema
import pytest
import spacy

from extract import Extractor
from extract.extractor import InputDocument
from extract.schema import json_schema

REPORTS = [
    "itic-isis-attacks-abroad-2016.txt",
    "europol-style-trend-summary-2019.txt",
    "lima-cable-1989.txt",
    "lake-chad-weekly-2021.txt",
]


@pytest.fixture(scope="module")
def documents(extractor, corpora_dir):
    texts = {name: (corpora_dir / "dev" / name).read_text(encoding="utf-8") for name in REPORTS}
    return {name: (texts[name], extractor.extract_text(texts[name], source=name)) for name in REPORTS}


@pytest.mark.parametrize("name", REPORTS)
def test_every_offset_slices_the_input(documents, name):
    text, doc = documents[name]
    for ent in doc.entities:
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text
    for ev in doc.events:
        for span in [ev.trigger, *ev.attackers, *ev.targets, *ev.victims, *ev.weapons]:
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("name", REPORTS)
def test_output_validates_against_published_schema(documents, name):
    _, doc = documents[name]
    jsonschema.validate(json.loads(doc.model_dump_json()), json_schema())


@pytest.mark.parametrize("name", REPORTS)
def test_event_references_resolve(documents, name):
    _, doc = documents[name]
    ids = {e.id: e.type for e in doc.entities}
    assert len(ids) == len(doc.entities)
    for ev in doc.events:
        assert all(ids[i] == "PLACE" for i in ev.locations)
        assert all(ids[i] in ("ORGANISATION", "PERSON") for i in ev.perpetrators + ev.claimed_by)
        assert ev.date is None or ids[ev.date] == "DATE"


def test_same_input_gives_identical_json(extractor, documents):
    text, first = documents["itic-isis-attacks-abroad-2016.txt"]
    again = extractor.extract_text(text, source="itic-isis-attacks-abroad-2016.txt")
    assert again.model_dump_json() == first.model_dump_json()


def test_empty_text_gives_empty_document(extractor):
    doc = extractor.extract_text("")
    assert doc.entities == [] and doc.events == [] and doc.errors == []
    assert doc.document.chars == 0


def test_reference_date_option_wins(extractor):
    doc = extractor.extract_text("Gunmen attacked a police station in Kano last Tuesday.", reference_date="2021-03-14")
    assert doc.document.reference_date == "2021-03-14"


def test_two_processes_give_the_same_documents(extractor, documents):
    items = [InputDocument(text=documents[n][0], source=n) for n in REPORTS[:2]]
    serial = [d.model_dump_json() for d in extractor.extract_many(items)]
    parallel = [d.model_dump_json() for d in extractor.extract_many(items, n_process=2)]
    assert parallel == serial


def test_pipeline_survives_to_disk_and_spacy_load(extractor, documents, tmp_path):
    extractor.nlp.to_disk(tmp_path / "pipeline")
    reloaded = Extractor(nlp=spacy.load(tmp_path / "pipeline"))
    text, doc = documents["europol-style-trend-summary-2019.txt"]
    assert reloaded.extract_text(text, source="europol-style-trend-summary-2019.txt").model_dump_json() == doc.model_dump_json()


def test_long_text_is_chunked_without_losing_entities(extractor, documents):
    text, whole = documents["itic-isis-attacks-abroad-2016.txt"]
    old = extractor.nlp.max_length
    extractor.nlp.max_length = 2500  # forces paragraph-aligned chunks
    try:
        chunked = extractor.extract_text(text, source="itic-isis-attacks-abroad-2016.txt")
    finally:
        extractor.nlp.max_length = old
    assert {e.text for e in chunked.entities} == {e.text for e in whole.entities}
    for ent in chunked.entities:
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("max_chars", [50, 400, 2500])
def test_split_text_covers_the_text_at_breaks(documents, max_chars):
    from extract.chunking import split_text

    text, _ = documents["lake-chad-weekly-2021.txt"]
    chunks = split_text(text, max_chars)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= max_chars for _, c in chunks)
    assert [o for o, _ in chunks] == [sum(len(c) for _, c in chunks[:i]) for i in range(len(chunks))]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The group's leader, Ahmed Diriye, also known as Abu Ubaidah, appears to prioritise hotels.", {"Ahmed Diriye", "Abu Ubaidah"}),
        ('PAMPHLETS PRAISED "PRESIDENTE GONZALO", THE NOM DE GUERRE OF SL LEADER ABIMAEL GUZMAN, AND DENOUNCED THE VOTE.', {"GONZALO", "ABIMAEL GUZMAN"}),
    ],
)
def test_aliases_are_one_person(extractor, text, names):
    doc = extractor.extract_text(text)
    people = [{m.text for m in e.mentions} for e in doc.entities if e.type == "PERSON"]
    assert any(names <= p for p in people), people


def test_bracketed_translation_is_the_same_organisation(extractor):
    text = "The suspects were charged by the National Public Prosecutor's Office (Landelijk Parket) in Rotterdam."
    orgs = [{m.text for m in e.mentions} for e in extractor.extract_text(text).entities if e.type == "ORGANISATION"]
    assert any({"National Public Prosecutor's Office", "Landelijk Parket"} <= o for o in orgs), orgs


def test_street_named_after_a_person_is_a_place(extractor):
    text = "In December 2014, a gunman took hostages at a café in Martin Place, Sydney."
    types = {e.text: e.type for e in extractor.extract_text(text).entities}
    assert types.get("Martin Place") == "PLACE"
