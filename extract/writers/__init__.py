"""Output writers: one class per format, ``write(document)`` + ``close()`` (context managers).

Writers never run NLP. ``get_writer(format, output)`` is the registry used by the CLI::

    with get_writer("jsonl", Path("out.jsonl"), resume=True) as writer:
        done = writer.existing_ids()          # document ids already in the output
        writer.write(document)

Output is deterministic: documents are serialised with ``model_dump(mode="json")`` and
``json.dumps(..., ensure_ascii=False, sort_keys=False)``.
"""

from __future__ import annotations

import json as _json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from extract.schema import Document


class WriterError(ValueError):
    """A usage problem with the output (bad path, wrong kind of output, corrupt file)."""


def document_json(document: Document, *, indent: int | None = None) -> str:
    """The canonical JSON text of one document (no trailing newline)."""
    data = document.model_dump(mode="json")
    if indent is None:
        return _json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(", ", ": "))
    return _json.dumps(data, ensure_ascii=False, sort_keys=False, indent=indent)


def stdout_binary() -> BinaryIO:
    """stdout as a byte stream (UTF-8 output whatever the locale)."""
    sys.stdout.flush()
    return getattr(sys.stdout, "buffer", None) or _TextAsBinary(sys.stdout)


def write_whole(output: Path | None, data: bytes) -> None:
    """Write ``data`` to stdout, or to ``output`` through a temporary file and a rename
    (never a half-written file)."""
    if output is None:
        out = stdout_binary()
        out.write(data)
        out.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class _TextAsBinary:
    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()


class Writer:
    """Base class: subclasses implement ``write``/``close``; resumable ones ``existing_ids``."""

    format: ClassVar[str] = ""
    output_kind: ClassVar[str] = "file"  # "file" (stdout when no output) | "file-required" | "dir"
    resumable: ClassVar[bool] = False
    single_document: ClassVar[bool] = False

    def __init__(self, output: Path | None, *, resume: bool = False) -> None:
        self.output = output
        self.resume = resume
        self.closed = False

    def existing_ids(self) -> set[str]:
        """Document ids already in the output (for ``--resume``)."""
        return set()

    def write(self, document: Document, text: str | None = None) -> None:  # pragma: no cover - abstract
        """Write one document; ``text`` is the input as read, for formats that show it (html)."""
        raise NotImplementedError

    def close(self) -> None:
        self.closed = True

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close()


def _registry() -> dict[str, type[Writer]]:
    from extract.writers.csv import CsvWriter
    from extract.writers.json import JsonWriter
    from extract.writers.jsonl import JsonlWriter
    from extract.writers.html import HtmlWriter
    from extract.writers.sqlite import SqliteWriter
    from extract.writers.stix import StixWriter

    return {w.format: w for w in (JsonWriter, JsonlWriter, CsvWriter, SqliteWriter, StixWriter, HtmlWriter)}


FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "sqlite", "stix", "html")


def writer_class(format: str) -> type[Writer]:
    try:
        return _registry()[format]
    except KeyError:
        raise WriterError(f"unknown format '{format}' (choose from {', '.join(FORMATS)})") from None


def check_output(format: str, output: Path | None, *, resume: bool = False) -> None:
    """Raise WriterError when ``output`` does not suit ``format`` (before any work is done)."""
    cls = writer_class(format)
    if output is not None and str(output) == "-":
        output = None
    if output is None:
        if cls.output_kind != "file":
            what = "a directory" if cls.output_kind == "dir" else "a file"
            raise WriterError(f"--format {format} needs -o/--output ({what})")
        if resume:
            raise WriterError("--resume needs -o/--output (an existing jsonl or sqlite output)")
        return
    if resume and not cls.resumable:
        raise WriterError(f"--resume works with --format jsonl or sqlite, not {format}")
    if cls.output_kind == "dir":
        if output.exists() and not output.is_dir():
            raise WriterError(f"{output}: not a directory (--format {format} writes several files into a directory)")
    else:
        if output.is_dir():
            raise WriterError(f"{output}: is a directory (--format {format} writes one file)")


def get_writer(format: str, output: Path | str | None = None, *, resume: bool = False) -> Writer:
    """A writer for ``format`` writing to ``output`` (None or '-' = stdout where allowed)."""
    out = Path(output) if output is not None and str(output) != "-" else None
    check_output(format, out, resume=resume)
    return writer_class(format)(out, resume=resume)


__all__ = ["FORMATS", "Writer", "WriterError", "check_output", "document_json", "get_writer", "writer_class"]
