"""``--format csv -o DIR``: documents.csv, entities.csv, mentions.csv, events.csv, event_roles.csv.

One row per item keyed by ``document_id`` (columns: :mod:`extract.writers.rows`). Text
cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) get a leading ``'``; numbers are written as numbers (a negative
longitude stays ``-3.7``). Files are UTF-8 with a header row, RFC 4180 quoting.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, TextIO

from extract.schema import Document
from extract.writers import Writer
from extract.writers.rows import TABLES, document_rows

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells; leave numbers and None alone."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class CsvWriter(Writer):
    format = "csv"
    output_kind = "dir"

    def __init__(self, output: Path | None, *, resume: bool = False) -> None:
        super().__init__(output, resume=resume)
        assert output is not None
        output.mkdir(parents=True, exist_ok=True)
        self._files: dict[str, TextIO] = {}
        self._writers: dict[str, Any] = {}
        for table, columns in TABLES.items():
            fh = open(output / f"{table}.csv", "w", encoding="utf-8", newline="")
            self._files[table] = fh
            w = csv.writer(fh)
            w.writerow(columns)
            self._writers[table] = w

    def write(self, document: Document, text: str | None = None) -> None:
        for table, rows in document_rows(document).items():
            columns = TABLES[table]
            w = self._writers[table]
            for row in rows:
                w.writerow([escape_cell(row[c]) for c in columns])
            self._files[table].flush()

    def close(self) -> None:
        for fh in self._files.values():
            if not fh.closed:
                fh.close()
        super().close()
