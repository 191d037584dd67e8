"""The pattern loader is strict: unknown keys, missing keys and bad JSON name file and line."""

from __future__ import annotations

import pytest

from extract.components.lexicon import OrganisationEntry
from extract.patterns import PatternFileError, pattern_dirs, read_pattern_file

GOOD = '{"id": "x", "canonical": "X Front", "kind": "armed_group", "aliases": ["X Front"]}'


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([GOOD, '{"id": "y", "canonical": "Y", "kind": "armed_group", "aliases": [], "colour": "red"}'], ":2: unknown key 'colour'"),
        (['{"id": "y", "kind": "armed_group", "aliases": []}'], ":1: missing key 'canonical'"),
        (["# header", "", "{not json"], ":3: invalid JSON"),
        (['{"id": "y", "canonical": "Y", "kind": "pirates", "aliases": []}'], ":1: 'kind'"),
        (["[1, 2]"], ":1: expected a JSON object"),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path, lines, message):
    path = tmp_path / "organisations.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError) as err:
        read_pattern_file(path, OrganisationEntry)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_comments_and_blank_lines_are_skipped(tmp_path):
    path = tmp_path / "organisations.jsonl"
    path.write_text(f"# source: test\n\n   # indented comment\n{GOOD}\n", encoding="utf-8")
    entries = read_pattern_file(path, OrganisationEntry)
    assert [e.id for e in entries] == ["x"]


def test_analyst_directory_must_exist(tmp_path):
    with pytest.raises(PatternFileError, match="not a directory"):
        pattern_dirs([tmp_path / "missing"])


def test_shipped_directory_is_found():
    shipped = pattern_dirs()[0]
    assert (shipped / "entity_filters.jsonl").is_file()


@pytest.mark.parametrize(
    "fields",
    [
        {"object_lemmas": ["body"]},  # object lemmas without the requirement that reads them
        {"requires": "object_lemma"},  # the requirement without the lemmas
    ],
)
def test_trigger_object_lemmas_go_with_their_requirement(fields):
    from pydantic import ValidationError

    from extract.events.lexicon import TriggerEntry

    with pytest.raises(ValidationError, match="object_lemmas"):
        TriggerEntry(id="found", lemmas=["find"], attack_type="armed_assault", **fields)
