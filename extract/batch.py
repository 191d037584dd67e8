"""Batch processing: many inputs -> streamed Documents -> a writer.

* Inputs are read lazily, one at a time, and every Document is written as soon as it is
  ready; at most one chunk of inputs (``jobs * 32`` texts) is held in memory.
* ``Extractor.extract_many(..., n_process=jobs)`` runs each chunk; when it raises, the
  documents of that chunk not yet written are processed again one by one, in-process,
  so the failing document becomes an error record (``processing_failed``) and the others
  still get results. Output order is always input order.
* A text longer than ``nlp.max_length`` is split at paragraph boundaries, each piece is
  processed on its own and the pieces are merged (offsets shifted, entities with the same
  type and name merged, ids renumbered).
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
            self.writer.write(document)
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
        limit = self.extractor.nlp.max_length
        group: list[InputDocument] = []
        for item in chunk:
            if len(item.text) > limit:
                yield from self._process_group(group)
                group = []
                yield item, self._extract_long(item, limit)
            else:
                group.append(item)
        yield from self._process_group(group)

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

    def _extract_long(self, item: InputDocument, limit: int) -> Document:
        """A text over ``nlp.max_length``: paragraph-aligned pieces, merged."""
        try:
            parts: list[tuple[int, Document]] = []
            reference_date = item.reference_date
            reference_source = item.reference_date_source
            for offset, piece in split_text(item.text, limit):
                part = InputDocument(
                    text=piece, source=item.source, sha256=item.digest(),
                    reference_date=reference_date, reference_date_source=reference_source,
                )
                document = next(self.extractor.extract_many([part], n_process=1))
                if reference_date is None and document.document.reference_date:
                    # one reference date for the whole text: the first piece's (dateline)
                    reference_date = document.document.reference_date
                    reference_source = "inferred"
                parts.append((offset, document))
            return merge_documents(item, parts)
        except Exception as exc:  # noqa: BLE001
            return self._failed(item, exc)


# ---------------------------------------------------------------------------
# long texts


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Pieces of at most ``limit`` chars, cut at a blank line, else a line break, else a
    sentence end, else a space (hard cut as a last resort); (offset, piece) pairs."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    pieces: list[tuple[int, str]] = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            pos = text.rfind(sep, lo, hi - len(sep) + 1)
            if pos != -1:
                cut = pos + len(sep)
                break
        if cut == -1:
            cut = hi
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def _shift(value: Any, offset: int) -> Any:
    """Shift every {"start", "end"} span inside ``value`` by ``offset`` (in place)."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            value["start"] += offset
            value["end"] += offset
        for v in value.values():
            if isinstance(v, (dict, list)):
                _shift(v, offset)
    elif isinstance(value, list):
        for v in value:
            _shift(v, offset)
    return value


def _prefix(entity_id: str) -> str:
    head, _, tail = entity_id.rpartition("-")
    return head if head and tail.isdigit() else entity_id


def merge_documents(item: InputDocument, parts: Sequence[tuple[int, Document]]) -> Document:
    """Merge the Documents of the pieces of one text: offsets shifted by each piece's
    offset, entities of the same type and (canonical) name merged, ids renumbered."""
    entities: list[dict[str, Any]] = []
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    counters: dict[str, int] = {}
    events: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    first = parts[0][1]

    def new_id(prefix: str) -> str:
        counters[prefix] = counters.get(prefix, 0) + 1
        return f"{prefix}-{counters[prefix]}"

    for offset, document in parts:
        data = document.model_dump(mode="json")
        id_map: dict[str, str] = {}
        keys: list[tuple[str, str]] = []
        for ent in data["entities"]:  # first: the merged id of every entity of this part
            key = (ent["type"], (ent.get("canonical") or ent["text"]).casefold())
            keys.append(key)
            if key in by_key:
                id_map[ent["id"]] = by_key[key]["id"]
            else:
                target = dict(ent, id=new_id(_prefix(ent["id"])), mentions=[])
                for k in ("publisher", "parent"):  # filled below, remapped
                    if k in target:
                        target[k] = None
                by_key[key] = target
                entities.append(target)
                id_map[ent["id"]] = target["id"]
        for ent, key in zip(data["entities"], keys):  # then: merge, references remapped
            _shift(ent["mentions"], offset)
            for k in ("publisher", "parent"):
                if isinstance(ent.get(k), str):
                    ent[k] = id_map.get(ent[k], ent[k])
            target = by_key[key]
            target["mentions"].extend(ent["mentions"])
            target["confidence"] = max(target["confidence"], ent["confidence"])
            for k, v in ent.items():
                if k not in ("id", "mentions") and target.get(k) is None and v is not None:
                    target[k] = v
        for ev in data["events"]:
            _shift(ev, offset)
            ev["id"] = new_id("ev")
            for k in ("perpetrators", "claimed_by", "locations"):
                seen: list[str] = []
                for ref in ev.get(k) or []:
                    mapped = id_map.get(ref, ref)
                    if mapped not in seen:
                        seen.append(mapped)
                ev[k] = seen
            if ev.get("date"):
                ev["date"] = id_map.get(ev["date"], ev["date"])
            events.append(ev)
        for err in data["errors"]:
            if err not in errors:
                errors.append(err)
    for ent in entities:
        ent["mentions"].sort(key=lambda m: (m["start"], m["end"]))
    digest = item.digest()
    return Document.model_validate({
        "schema_version": first.schema_version,
        "document": {
            "id": document_id(digest), "source": item.source, "sha256": digest,
            "chars": len(item.text), "reference_date": first.document.reference_date,
        },
        "extractor": first.extractor.model_dump(mode="json"),
        "entities": entities,
        "events": events,
        "errors": errors,
    })
