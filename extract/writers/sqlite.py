"""``--format sqlite -o FILE.db``: tables documents, entities, mentions, events, event_roles.

Every document is written in one transaction that first deletes the document's rows
(foreign keys cascade from ``documents``) and then inserts them, so re-running over the
same reports replaces rows instead of adding them (upsert by document id). Columns are
those of :mod:`extract.writers.rows`; ``documents.document`` keeps the whole JSON.

References from events to entities (``events.date``, ``event_roles.entity_id``) are
indexed but not foreign keys, so a dangling id never makes a whole document unwritable.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from extract.schema import Document
from extract.writers import Writer, WriterError, document_json
from extract.writers.rows import TABLES, document_rows

LAYOUT_VERSION = "1"

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    document_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    chars INTEGER NOT NULL,
    reference_date TEXT,
    schema_version TEXT NOT NULL,
    extractor_name TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    model TEXT NOT NULL,
    entity_count INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    error_count INTEGER NOT NULL,
    errors TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    document_id TEXT NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    canonical TEXT,
    kb_id TEXT,
    confidence REAL,
    source TEXT,
    mention_count INTEGER NOT NULL,
    kind TEXT,
    parent TEXT,
    publisher TEXT,
    issue TEXT,
    date TEXT,
    value TEXT,
    granularity TEXT,
    country_code TEXT,
    geonames_id INTEGER,
    latitude REAL,
    longitude REAL,
    feature TEXT,
    title TEXT,
    extra TEXT,
    PRIMARY KEY (document_id, entity_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    document_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (document_id, entity_id) REFERENCES entities(document_id, entity_id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS events (
    document_id TEXT NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    attack_type TEXT,
    status TEXT,
    date TEXT,
    killed INTEGER,
    injured INTEGER,
    confidence REAL,
    source TEXT,
    trigger_text TEXT,
    trigger_start INTEGER,
    trigger_end INTEGER,
    extra TEXT,
    PRIMARY KEY (document_id, event_id)
);
CREATE TABLE IF NOT EXISTS event_roles (
    document_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    entity_id TEXT,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    FOREIGN KEY (document_id, event_id) REFERENCES events(document_id, event_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical);
CREATE INDEX IF NOT EXISTS entities_kb_id ON entities(kb_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(document_id, entity_id);
CREATE INDEX IF NOT EXISTS events_attack_type ON events(attack_type);
CREATE INDEX IF NOT EXISTS events_date ON events(document_id, date);
CREATE INDEX IF NOT EXISTS event_roles_event ON event_roles(document_id, event_id);
CREATE INDEX IF NOT EXISTS event_roles_entity ON event_roles(document_id, entity_id);
"""


class SqliteWriter(Writer):
    format = "sqlite"
    output_kind = "file-required"
    resumable = True

    def __init__(self, output: Path | None, *, resume: bool = False) -> None:
        super().__init__(output, resume=resume)
        assert output is not None
        output.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(output), isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.executescript(DDL)
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'layout_version'").fetchone()
            if row is None:
                self.conn.execute("INSERT INTO meta(key, value) VALUES ('layout_version', ?)", (LAYOUT_VERSION,))
            elif row[0] != LAYOUT_VERSION:
                raise WriterError(f"{output}: database layout version {row[0]}, this extract writes {LAYOUT_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise WriterError(f"{output}: not a usable SQLite database ({exc})") from exc
        self._inserts = {
            table: 'INSERT INTO {} ({}) VALUES ({})'.format(
                table,
                ", ".join(f'"{c}"' for c in (columns + ("document",) if table == "documents" else columns)),
                ", ".join("?" for _ in (columns + ("document",) if table == "documents" else columns)),
            )
            for table, columns in TABLES.items()
        }

    def existing_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT document_id FROM documents")}

    def write(self, document: Document, text: str | None = None) -> None:
        rows = document_rows(document)
        doc_id = document.document.id
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            cur.execute("DELETE FROM documents WHERE document_id = ?", (doc_id,))
            for table, columns in TABLES.items():
                values = []
                for row in rows[table]:
                    v = [row[c] for c in columns]
                    if table == "documents":
                        v.append(document_json(document))
                    values.append(v)
                if values:
                    cur.executemany(self._inserts[table], values)
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if not self.closed:
            self.conn.close()
        super().close()
