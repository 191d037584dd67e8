"""``--format jsonl``: one document object per line, flushed after every document.

With ``resume=True`` the existing file is read for document ids and appended to; a last
line cut off by an interrupted run (no newline, or not valid JSON) is removed first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

from extract.schema import Document
from extract.writers import Writer, WriterError, document_json, stdout_binary


class JsonlWriter(Writer):
    format = "jsonl"
    resumable = True

    def __init__(self, output: Path | None, *, resume: bool = False) -> None:
        super().__init__(output, resume=resume)
        self._ids: set[str] = set()
        self._fh: BinaryIO | None = None
        if output is None:
            self._stream: BinaryIO = stdout_binary()
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        if resume and output.exists():
            self._ids = self._scan_and_repair(output)
            self._fh = open(output, "ab")
        else:
            self._fh = open(output, "wb")
        self._stream = self._fh

    @staticmethod
    def _scan_and_repair(path: Path) -> set[str]:
        ids: set[str] = set()
        good_end = 0
        with open(path, "rb") as fh:
            lineno = 0
            for raw in fh:
                lineno += 1
                complete = raw.endswith(b"\n")
                if not raw.strip():
                    good_end += len(raw)
                    continue
                try:
                    doc_id = json.loads(raw)["document"]["id"]
                except (ValueError, KeyError, TypeError) as exc:
                    if not complete:  # the torn last line of an interrupted run
                        break
                    raise WriterError(f"{path}:{lineno}: not a document line, cannot resume ({exc})") from exc
                if not complete:  # valid JSON but no newline: keep it, end the line
                    ids.add(doc_id)
                    with open(path, "ab") as out:
                        out.write(b"\n")
                    good_end += len(raw) + 1
                    break
                ids.add(doc_id)
                good_end += len(raw)
        if path.stat().st_size > good_end:
            with open(path, "r+b") as fh:
                fh.truncate(good_end)
        return ids

    def existing_ids(self) -> set[str]:
        return set(self._ids)

    def write(self, document: Document, text: str | None = None) -> None:
        self._stream.write((document_json(document) + "\n").encode("utf-8"))
        self._stream.flush()

    def close(self) -> None:
        if self._fh is not None and not self._fh.closed:
            self._fh.close()
        super().close()
