"""Batch: streaming, error isolation, long texts, resume (real pipeline)."""

from __future__ import annotations

import json
import shutil

import pytest

from extract.batch import Batch
from extract.extractor import InputDocument
from extract.writers import get_writer

DEV = "itic-isis-attacks-abroad-2016.txt", "lima-cable-1989.txt", "lake-chad-weekly-2021.txt"


class FlakyExtractor:
    """The real extractor, except that a text containing BOOM raises mid-stream."""

    def __init__(self, real) -> None:
        self.real = real
        self.nlp = real.nlp
        self.model_name = real.model_name

    def extract_many(self, items, *, n_process=1, batch_size=8):
        for item in items:
            if "BOOM" in item.text:
                raise RuntimeError("component exploded")
            yield from self.real.extract_many([item], n_process=1)


def _items(texts):
    return [InputDocument(text=t, source=f"t{i}.txt") for i, t in enumerate(texts)]


def test_failing_document_becomes_error_record_and_batch_goes_on(extractor) -> None:
    lines: list[str] = []
    batch = Batch(FlakyExtractor(extractor), writer=None, report=lines.append)  # type: ignore[arg-type]
    texts = ["ISIS attacked Berlin.", "BOOM in Paris.", "Boko Haram struck Maiduguri."]
    out = list(batch.process(_items(texts)))
    assert [i.source for i, _ in out] == ["t0.txt", "t1.txt", "t2.txt"]
    docs = [d for _, d in out]
    assert docs[0].errors == [] and docs[2].errors == []
    assert [e.code for e in docs[1].errors] == ["processing_failed"]
    assert docs[1].entities == [] and docs[1].events == []
    assert "component exploded" in docs[1].errors[0].message
    assert len(lines) == 1 and lines[0].startswith("extract: error: t1.txt: processing failed")
    assert docs[2] == extractor.extract_text(texts[2], source="t2.txt")


def test_text_longer_than_max_length_is_chunked_and_merged(extractor, corpora_dir) -> None:
    text = (corpora_dir / "dev" / DEV[0]).read_text(encoding="utf-8")
    item = InputDocument(text=text, source="long.txt")
    whole = extractor.extract_many([item]).__next__()
    saved = extractor.nlp.max_length
    extractor.nlp.max_length = 2500
    try:
        [(_, doc)] = list(Batch(extractor, writer=None).process([item]))  # type: ignore[arg-type]
    finally:
        extractor.nlp.max_length = saved
    assert doc.errors == [] or all(e.code != "processing_failed" for e in doc.errors)
    assert doc.document.chars == len(text) and doc.document.id == whole.document.id
    ids = [e.id for e in doc.entities]
    assert len(ids) == len(set(ids))
    for ent in doc.entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text
    for ev in doc.events:
        assert set(ev.perpetrators + ev.claimed_by + ev.locations) <= set(ids)
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    # roughly the same entities as unchunked processing
    assert abs(len(doc.entities) - len(whole.entities)) <= max(3, len(whole.entities) // 3)


def _sqlite_rows(db) -> dict[str, list[str]]:
    """Every row of every table of a sqlite output, sorted, for comparing two runs."""
    import sqlite3

    con = sqlite3.connect(db)
    return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}")))
            for t in ("documents", "entities", "mentions", "events", "event_roles")}


def _run(extractor, sources, fmt, out, *, resume=False, jobs=1):
    with get_writer(fmt, out, resume=resume) as w:
        return Batch(extractor, w, jobs=jobs, resume=resume).run(sources)


@pytest.mark.parametrize("fmt", ["jsonl", "sqlite"])
def test_resume_after_partial_run_equals_full_run(extractor, corpora_dir, tmp_path, fmt) -> None:
    sources = [str(corpora_dir / "dev" / n) for n in DEV]
    full, part = tmp_path / f"full.{fmt}", tmp_path / f"part.{fmt}"
    stats = _run(extractor, sources, fmt, full)
    assert (stats.ok, stats.failed, stats.skipped) == (3, 0, 0)
    _run(extractor, sources[:2], fmt, part)
    stats = _run(extractor, sources, fmt, part, resume=True)
    assert (stats.ok, stats.skipped) == (1, 2)
    if fmt == "jsonl":
        assert part.read_bytes() == full.read_bytes()
    else:
        assert _sqlite_rows(part) == _sqlite_rows(full)


def test_jobs_2_gives_the_same_output_as_jobs_1(extractor, corpora_dir, tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n in DEV:
        shutil.copy(corpora_dir / "dev" / n, src / n)
    (src / "empty.txt").write_bytes(b"")
    sources = sorted(str(p) for p in src.iterdir())
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _run(extractor, sources, "jsonl", one, jobs=1)
    _run(extractor, sources, "jsonl", two, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert [json.loads(line)["document"]["source"] for line in one.read_text().splitlines()] == sources


@pytest.mark.parametrize("fmt", ["jsonl", "sqlite"])
def test_resume_after_killing_a_real_run(corpora_dir, tmp_path, fmt) -> None:
    """A CLI run killed midway (SIGKILL) and resumed gives the rows of an uninterrupted run."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    src = tmp_path / "in"
    src.mkdir()
    texts = sorted((corpora_dir / "muc4" / "texts").glob("*.txt"))[:40]
    for p in texts:
        shutil.copy(p, src / p.name)
    full, part = tmp_path / f"full.{fmt}", tmp_path / f"part.{fmt}"
    cmd = [sys.executable, "-m", "extract", str(src), "--format", fmt, "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(corpora_dir.parent))

    def count(path) -> int:
        if not path.exists():
            return 0
        if fmt == "jsonl":
            return path.read_bytes().count(b"\n")
        try:
            with sqlite3.connect(path) as con:
                return con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            return 0

    proc = subprocess.Popen(cmd + ["-o", str(part)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while count(part) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = count(part)
    assert 0 < done < len(texts), "the run was not interrupted midway"

    subprocess.run(cmd + ["-o", str(part), "--resume"], env=env, check=True, capture_output=True)
    subprocess.run(cmd + ["-o", str(full)], env=env, check=True, capture_output=True)
    if fmt == "jsonl":
        assert part.read_bytes() == full.read_bytes()
    else:
        assert _sqlite_rows(part) == _sqlite_rows(full)
