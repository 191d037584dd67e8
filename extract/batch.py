"""Batch processing: many inputs -> streamed Documents -> a writer.

* Inputs are read lazily, one at a time, and every Document is written as soon as it is
  ready; at most one chunk of inputs (``jobs * 32`` texts) is held in memory.
* ``Extractor.extract_many(..., n_process=jobs)`` runs each chunk; when it raises, the
  documents of that chunk not yet written are processed again one by one, in-process,
  so the failing document becomes an error record (``processing_failed``) and the others
  still get results. Output order is always input order.
* Texts longer than ``nlp.max_length`` need nothing here: ``Extractor.extract_many``
  processes them in paragraph-aligned chunks joined back into one Doc.
* ``--resume``: inputs whose document id is already in the output are skipped (their
  bytes are hashed, not parsed).
* A rich progress bar on stderr when asked for (the CLI does so only on a terminal).
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

from extract import __version__
from extract.extractor import Extractor, InputDocument, document_id
from extract.readers import read_raw, to_input_document
from extract.schema import Document, DocumentInfo, ErrorRecord, ExtractorInfo
from extract.writers import Writer

FAILURE_CODES = frozenset({"read_failed", "processing_failed"})
CHUNK_PER_JOB = 32


@dataclass
class BatchStats:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    failed_sources: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        text = f"{self.ok} ok, {self.failed} failed"
        if self.skipped:
            text += f", {self.skipped} skipped (already in the output)"
        return text


def is_failure(document: Document) -> bool:
    return any(e.code in FAILURE_CODES for e in document.errors)


def error_document(item: InputDocument, model: str, message: str, code: str = "processing_failed") -> Document:
    """An error record: the document's identity, no entities or events, the errors."""
    digest = item.digest()
    errors = [ErrorRecord(**e) for e in item.errors] + [ErrorRecord(code=code, message=message)]
    return Document(
        document=DocumentInfo(
            id=document_id(digest), source=item.source, sha256=digest, chars=len(item.text),
            reference_date=item.reference_date,
        ),
        extractor=ExtractorInfo(version=__version__, model=model),
        errors=errors,
    )


def _stderr_line(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


class Batch:
    """Runs an Extractor over many inputs and writes each Document as it is ready."""

    def __init__(
        self,
        extractor: Extractor,
        writer: Writer,
        *,
        jobs: int = 1,
        reference_date: str | None = None,
        resume: bool = False,
        progress: bool = False,
        debug: bool = False,
        report: Callable[[str], None] = _stderr_line,
    ) -> None:
        self.extractor = extractor
        self.writer = writer
        self.jobs = max(1, int(jobs))
        self.reference_date = reference_date
        self.resume = resume
        self.show_progress = progress
        self.debug = debug
        self._report = report
        self._progress: Any = None

    # -- reporting -------------------------------------------------------------------

    def report(self, line: str) -> None:
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            self._report(line)

    def _debug_traceback(self, exc: BaseException) -> None:
        if self.debug:
            self.report("".join(traceback.format_exception(exc)).rstrip())

    # -- running ---------------------------------------------------------------------

    def run(self, sources: Sequence[str]) -> BatchStats:
        stats = BatchStats()
        skip = self.writer.existing_ids() if self.resume else set()
        if not self.show_progress:
            self._run(sources, skip, stats, lambda: None)
            return stats
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns = (
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
            self._progress = progress
            task = progress.add_task("extract", total=len(sources), rate="")

            def advance() -> None:
                progress.advance(task)
                speed = progress.tasks[0].speed
                progress.update(task, rate=f"{speed:.1f} docs/s" if speed else "")

            try:
                self._run(sources, skip, stats, advance)
            finally:
                self._progress = None
        return stats

    def _run(self, sources: Sequence[str], skip: set[str], stats: BatchStats, advance: Callable[[], None]) -> None:
        def on_skip() -> None:
            stats.skipped += 1
            advance()

        items = self._read(sources, skip, on_skip)
        for item, document in self.process(items):
            self.writer.write(document, text=item.text)
            if self.resume:  # identical content met twice in one resumed run: written once
                skip.add(document.document.id)
            if is_failure(document):
                stats.failed += 1
                stats.failed_sources.append(item.source)
            else:
                stats.ok += 1
            advance()

    def _read(self, sources: Iterable[str], skip: set[str], on_skip: Callable[[], None]) -> Iterator[InputDocument]:
        for source in sources:
            raw = read_raw(source)
            if raw.error is None and skip and document_id(raw.sha256) in skip:
                on_skip()
                continue
            item = to_input_document(raw, reference_date=self.reference_date)
            for err in item.errors:
                self.report(f"extract: error: {source}: {err['message'].removeprefix(f'cannot read {source}: ')}")
            yield item

    # -- processing ------------------------------------------------------------------

    def process(self, items: Iterable[InputDocument]) -> Iterator[tuple[InputDocument, Document]]:
        """(input, Document) pairs in input order; never raises for a bad document."""
        chunk: list[InputDocument] = []
        size = CHUNK_PER_JOB * self.jobs
        for item in items:
            chunk.append(item)
            if len(chunk) >= size:
                yield from self._process_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._process_chunk(chunk)

    def _process_chunk(self, chunk: list[InputDocument]) -> Iterator[tuple[InputDocument, Document]]:
        # texts over nlp.max_length are split and joined back by Extractor.extract_many
        yield from self._process_group(chunk)

    def _process_group(self, group: list[InputDocument]) -> Iterator[tuple[InputDocument, Document]]:
        if not group:
            return
        done = 0
        n_process = self.jobs if len(group) > 1 else 1
        try:
            for document in self.extractor.extract_many(iter(group), n_process=n_process):
                yield group[done], document
                done += 1
                if done == len(group):
                    break
        except Exception as exc:  # noqa: BLE001 - isolate the failing document below
            if self.debug:
                self.report(f"extract: debug: batch of {len(group)} failed, retrying one by one")
                self._debug_traceback(exc)
        for item in group[done:]:
            yield item, self._extract_one(item)

    def _extract_one(self, item: InputDocument) -> Document:
        try:
            return next(self.extractor.extract_many([item], n_process=1))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            return self._failed(item, exc)

    def _failed(self, item: InputDocument, exc: BaseException) -> Document:
        message = f"processing failed: {type(exc).__name__}: {exc}"
        self.report(f"extract: error: {item.source}: {message}")
        self._debug_traceback(exc)
        return error_document(item, self.extractor.model_name, message)
