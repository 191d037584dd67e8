"""Doc -> contract objects (placeholder)."""
from __future__ import annotations
from spacy.tokens import Doc
from extract.schema import Document, DocumentInfo, ExtractorInfo, ErrorRecord


def assemble_document(doc: Doc, *, text: str, doc_id: str, source: str, sha256: str,
                      extractor_version: str, model: str, read_errors=()) -> Document:
    return Document(
        document=DocumentInfo(id=doc_id, source=source, sha256=sha256, chars=len(text),
                              reference_date=doc._.reference_date),
        extractor=ExtractorInfo(version=extractor_version, model=model),
        errors=[ErrorRecord(**e) for e in list(read_errors) + list(doc._.extract_errors or [])],
    )
