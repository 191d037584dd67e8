"""``--format json``: ONE document object, pretty-printed (indent 2), to stdout or a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from extract.schema import Document
from extract.writers import Writer, WriterError, document_json, stdout_binary


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
        if self.output is None:
            out = stdout_binary()
            out.write(data)
            out.flush()
            return
        # write next to the target and rename: never a half-written file
        self.output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.output.name}.", dir=self.output.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self.output)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
