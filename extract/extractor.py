"""Extractor: text -> spaCy Doc (pipeline) -> contract Document (assemble)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from extract import __version__
from extract.assemble import assemble_document
from extract.casing import Recaser
from extract.chunking import join_docs, split_text
from extract.dates_normalise import infer_header_reference
from extract.patterns import pattern_dirs
from extract.pipeline import DEFAULT_MODEL, build_pipeline, model_description
from extract.schema import Document


# Longest text given to spaCy in one piece: the parser and NER need memory in proportion to
# the length of a Doc, so a 1 MB report is processed as ~20 kB paragraph-aligned chunks (a batch at a time).
CHUNK_CHARS = 20_000
_NO_TENSOR = numpy.zeros((0,), dtype="float32")


@dataclass
class InputDocument:
    """One text to process, with what the reader knew about it."""

    text: str
    source: str = "<text>"
    sha256: str | None = None  # of the input bytes; computed from the text when None
    reference_date: str | None = None  # from --reference-date (ISO) or document metadata
    reference_date_source: str | None = None  # "option" | "metadata"
    errors: list[dict[str, str]] = field(default_factory=list)  # problems met while reading

    def digest(self) -> str:
        return self.sha256 or hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def document_id(sha256: str) -> str:
    """Stable document id derived from the content hash."""
    return f"doc-{sha256[:16]}"


class Extractor:
    """Runs the extract pipeline over texts and returns contract ``Document`` models."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        patterns: Sequence[str | Path] = (),
        component_config: dict[str, dict[str, Any]] | None = None,
        nlp: Language | None = None,
    ) -> None:
        self.nlp = nlp if nlp is not None else build_pipeline(model, patterns, component_config)
        self.model_name = model_description(self.nlp)
        self.recaser = Recaser.from_patterns(pattern_dirs(patterns))

    def extract_text(
        self,
        text: str,
        *,
        source: str = "<text>",
        reference_date: str | date | None = None,
        sha256: str | None = None,
    ) -> Document:
        """Extract from one text; ``reference_date`` anchors relative dates."""
        ref = reference_date.isoformat() if isinstance(reference_date, date) else reference_date
        item = InputDocument(
            text=text,
            source=source,
            sha256=sha256,
            reference_date=ref,
            reference_date_source="option" if ref else None,
        )
        return next(self.extract_many([item]))

    def extract_many(
        self, items: Iterable[InputDocument], *, n_process: int = 1, batch_size: int = 8
    ) -> Iterator[Document]:
        """Extract from many texts, streaming results in input order.

        Texts longer than ``CHUNK_CHARS`` (or the pipeline's ``max_length``) are processed in
        paragraph-aligned chunks that are joined back into one Doc, so offsets and entities span
        the whole text while the parser's memory stays bounded.
        """
        pending: list[tuple[InputDocument, list[int]]] = []

        def docs() -> Iterator[Doc]:
            for item in items:
                text = self.recaser.recase(item.text)
                chunks = split_text(text, min(self.nlp.max_length, CHUNK_CHARS))
                pending.append((item, [offset for offset, _ in chunks]))
                header = infer_header_reference(text) if len(chunks) > 1 and not item.reference_date else None
                for _, chunk in chunks:
                    doc = self._make_doc(item, chunk)
                    if header is not None:  # every chunk resolves relative dates against the dateline
                        doc._.reference_date, doc._.reference_date_source = header.date, header.source
                    yield doc

        group: list[Doc] = []
        for doc in self.nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
            doc.tensor = _NO_TENSOR  # the contextual vectors are not needed once the pipeline ran
            group.append(doc)
            item, offsets = pending[0]
            if len(group) == len(offsets):
                pending.pop(0)
                yield self._assemble(item, join_docs(group, offsets))
                group = []

    def _make_doc(self, item: InputDocument, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        if item.reference_date:
            doc._.reference_date = item.reference_date
            doc._.reference_date_source = item.reference_date_source or "option"
        return doc

    def _assemble(self, item: InputDocument, doc: Doc) -> Document:
        digest = item.digest()
        return assemble_document(
            doc,
            text=item.text,
            doc_id=document_id(digest),
            source=item.source,
            sha256=digest,
            extractor_version=__version__,
            model=self.model_name,
            read_errors=item.errors,
        )
