"""Writers: json, jsonl, csv, sqlite (documents built by hand, no NLP)."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3

import pytest

from extract.schema import Document
from extract.writers import WriterError, get_writer

TEXT = "=HYPERLINK attack by ISIS in Cairo on 11 December 2016 killed 25. -Madrid @x"


def make_doc(n: int = 1, *, text: str = TEXT) -> Document:
    sha = hashlib.sha256(str(n).encode()).hexdigest()
    return Document.model_validate({
        "document": {"id": f"doc-{sha[:16]}", "source": f"r{n}.txt", "sha256": sha, "chars": len(text),
                     "reference_date": "2016-12-19"},
        "extractor": {"version": "0.1.0", "model": "en_core_web_sm 3.8.0"},
        "entities": [
            {"id": "org-1", "type": "ORGANISATION", "text": "ISIS", "canonical": "Islamic State",
             "kb_id": "Q2429253", "mentions": [{"start": 25, "end": 29, "text": "ISIS"}],
             "confidence": 0.97, "source": "pattern:isis", "kind": "armed_group"},
            {"id": "place-1", "type": "PLACE", "text": "Cairo", "canonical": "Cairo",
             "mentions": [{"start": 33, "end": 38, "text": "Cairo"}], "confidence": 0.9, "source": "model:GPE",
             "country_code": "EG", "geonames_id": 360630, "latitude": 30.06, "longitude": 31.25, "feature": "city"},
            {"id": "place-2", "type": "PLACE", "text": "-Madrid", "canonical": "=Madrid",
             "mentions": [{"start": 68, "end": 75, "text": "-Madrid"}], "confidence": 0.5, "source": "model:GPE",
             "latitude": 40.4, "longitude": -3.7},
            {"id": "date-1", "type": "DATE", "text": "11 December 2016", "value": "2016-12-11",
             "granularity": "day", "mentions": [{"start": 42, "end": 58, "text": "11 December 2016"}],
             "confidence": 0.9, "source": "model:DATE"},
            {"id": "pub-1", "type": "PUBLICATION", "text": "=HYPERLINK", "publisher": "org-1",
             "mentions": [{"start": 0, "end": 10, "text": "=HYPERLINK"}], "confidence": 0.6, "source": "rule:x"},
        ],
        "events": [
            {"id": "ev-1", "attack_type": "bombing", "status": "carried_out", "perpetrators": ["org-1"],
             "claimed_by": ["org-1"], "locations": ["place-1"], "date": "date-1",
             "casualties": {"killed": 25, "injured": None},
             "victims": [{"text": "+25", "start": 66, "end": 68}],
             "trigger": {"text": "attack", "start": 11, "end": 17}, "evidence": [{"start": 0, "end": 67}],
             "confidence": 0.8, "source": "events:r1"},
        ],
    })


def test_json_writes_one_pretty_document(tmp_path) -> None:
    out = tmp_path / "o.json"
    doc = make_doc()
    with get_writer("json", out) as w:
        w.write(doc)
        with pytest.raises(WriterError):
            w.write(make_doc(2))
    data = out.read_bytes()
    assert data.startswith(b'{\n  "schema_version": "1",')
    assert Document.model_validate_json(data) == doc
    with get_writer("json", out) as w:
        w.write(doc)
    assert out.read_bytes() == data  # deterministic


def test_json_to_stdout(capsysbinary) -> None:
    with get_writer("json", None) as w:
        w.write(make_doc())
    assert json.loads(capsysbinary.readouterr().out)["document"]["source"] == "r1.txt"


def test_jsonl_lines_and_resume_repairs_torn_line(tmp_path) -> None:
    out = tmp_path / "o.jsonl"
    with get_writer("jsonl", out) as w:
        w.write(make_doc(1))
        w.write(make_doc(2))
    full = out.read_bytes()
    assert full.count(b"\n") == 2
    # an interrupted run leaves half a line
    out.write_bytes(full + b'{"schema_version": "1", "docu')
    with get_writer("jsonl", out, resume=True) as w:
        assert w.existing_ids() == {make_doc(1).document.id, make_doc(2).document.id}
        w.write(make_doc(3))
    lines = out.read_bytes().splitlines()
    assert len(lines) == 3 and all(json.loads(line) for line in lines)
    # without --resume the file is replaced
    with get_writer("jsonl", out) as w:
        w.write(make_doc(4))
    assert out.read_bytes().count(b"\n") == 1


def test_jsonl_resume_refuses_a_corrupt_middle_line(tmp_path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text("not json\n{}\n")
    with pytest.raises(WriterError, match=r"o.jsonl:1"):
        get_writer("jsonl", out, resume=True)


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_tables_and_formula_escaping(tmp_path) -> None:
    out = tmp_path / "csv"
    with get_writer("csv", out) as w:
        w.write(make_doc(1))
        w.write(make_doc(2))
    assert sorted(p.name for p in out.iterdir()) == [
        "documents.csv", "entities.csv", "event_roles.csv", "events.csv", "mentions.csv"]
    entities = _read_csv(out / "entities.csv")
    assert len(entities) == 10 and {e["document_id"] for e in entities} == {make_doc(1).document.id, make_doc(2).document.id}
    by_id = {e["entity_id"]: e for e in entities[:5]}
    assert by_id["pub-1"]["text"] == "'=HYPERLINK"
    assert by_id["place-2"]["text"] == "'-Madrid" and by_id["place-2"]["canonical"] == "'=Madrid"
    assert by_id["place-2"]["longitude"] == "-3.7"  # numbers are not text: not escaped
    assert by_id["org-1"]["kind"] == "armed_group" and by_id["place-1"]["country_code"] == "EG"
    assert by_id["pub-1"]["publisher"] == "org-1"
    mentions = _read_csv(out / "mentions.csv")
    assert len(mentions) == 10 and mentions[0]["text"] == "ISIS" and mentions[0]["start"] == "25"
    assert "'=HYPERLINK" in [m["text"] for m in mentions]
    events = _read_csv(out / "events.csv")
    assert len(events) == 2 and events[0]["killed"] == "25" and events[0]["injured"] == ""
    roles = _read_csv(out / "event_roles.csv")
    mine = [r for r in roles if r["document_id"] == make_doc(1).document.id]
    assert {(r["role"], r["entity_id"] or r["text"]) for r in mine} == {
        ("perpetrator", "org-1"), ("claimed_by", "org-1"), ("location", "place-1"),
        ("victim", "'+25"), ("evidence", "")}
    raw = (out / "entities.csv").read_text(encoding="utf-8")
    assert "\n=" not in raw and ",=" not in raw and ",-M" not in raw and ",@" not in raw


def test_sqlite_rows_upsert_and_cascade(tmp_path) -> None:
    db = tmp_path / "o.db"
    for _ in range(2):  # the second run replaces rows, adds none
        with get_writer("sqlite", db) as w:
            w.write(make_doc(1))
            w.write(make_doc(2))
    con = sqlite3.connect(db)
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("documents", "entities", "mentions", "events", "event_roles")}
    assert counts == {"documents": 2, "entities": 10, "mentions": 10, "events": 2, "event_roles": 10}
    row = con.execute("SELECT type, canonical, kb_id, latitude FROM entities WHERE entity_id='place-1'").fetchone()
    assert row == ("PLACE", "Cairo", None, 30.06)
    assert con.execute("SELECT start, \"end\", text FROM mentions WHERE entity_id='org-1' LIMIT 1").fetchone() == (25, 29, "ISIS")
    stored = con.execute("SELECT document FROM documents WHERE document_id=?", (make_doc(1).document.id,)).fetchone()[0]
    assert Document.model_validate_json(stored) == make_doc(1)
    assert con.execute("PRAGMA foreign_key_list(mentions)").fetchall()
    assert "entities_type" in {r[1] for r in con.execute("PRAGMA index_list(entities)")}
    # resume sees the ids
    with get_writer("sqlite", db, resume=True) as w:
        assert w.existing_ids() == {make_doc(1).document.id, make_doc(2).document.id}
    # a changed document replaces its rows (fewer entities now)
    smaller = make_doc(1).model_copy(update={"entities": make_doc(1).entities[:1], "events": []})
    with get_writer("sqlite", db) as w:
        w.write(smaller)
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == 6
    assert con.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == 6
    assert con.execute("SELECT COUNT(*) FROM event_roles").fetchone()[0] == 5


def test_sqlite_refuses_a_non_database(tmp_path) -> None:
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(WriterError, match="not a usable SQLite database"):
        get_writer("sqlite", bad)


@pytest.mark.parametrize(
    "fmt, output, resume, message",
    [
        ("xml", None, False, "unknown format"),
        ("csv", None, False, "needs -o"),
        ("sqlite", None, False, "needs -o"),
        ("json", "DIR", False, "is a directory"),
        ("sqlite", "DIR", False, "is a directory"),
        ("csv", "FILE", False, "not a directory"),
        ("json", "out.json", True, "--resume works with"),
        ("jsonl", None, True, "--resume needs -o"),
    ],
)
def test_get_writer_usage_errors(tmp_path, fmt, output, resume, message) -> None:
    (tmp_path / "FILE").write_text("x")
    (tmp_path / "DIR").mkdir()
    with pytest.raises(WriterError, match=message):
        get_writer(fmt, None if output is None else tmp_path / output, resume=resume)
