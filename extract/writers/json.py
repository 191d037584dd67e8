"""``--format json``: ONE document object, pretty-printed (indent 2), to stdout or a file."""

from __future__ import annotations

from pathlib import Path

from extract.schema import Document
from extract.writers import Writer, WriterError, document_json, write_whole


class JsonWriter(Writer):
    format = "json"
    single_document = True

    def __init__(self, output: Path | None, *, resume: bool = False) -> None:
        super().__init__(output, resume=resume)
        self.count = 0

    def write(self, document: Document, text: str | None = None) -> None:
        if self.count:
            raise WriterError("--format json writes one document; use --format jsonl for several")
        self.count += 1
        data = (document_json(document, indent=2) + "\n").encode("utf-8")
        write_whole(self.output, data)
