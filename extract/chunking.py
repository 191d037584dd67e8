"""Paragraph-aligned chunks for texts longer than the pipeline's max_length, and joining them back."""

from __future__ import annotations

import warnings
from typing import Any

from spacy.tokens import Doc

_BREAKS = ("\n\n", "\n", ". ", " ")


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering ``text``; cuts after a paragraph, line, sentence or space break."""
    if len(text) <= max_chars:
        return [(0, text)]
    chunks, start = [], 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            window = text[start:end]
            for brk in _BREAKS:
                cut = window.rfind(brk)
                if cut > max_chars // 2:
                    end = start + cut + len(brk)
                    break
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def _shift(value: Any, offset: int) -> Any:
    """Shift every {"start", "end"} dict inside an event structure by ``offset``."""
    if isinstance(value, dict):
        shifted = {k: _shift(v, offset) for k, v in value.items()}
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            shifted["start"] += offset
            shifted["end"] += offset
        return shifted
    if isinstance(value, list):
        return [_shift(v, offset) for v in value]
    return value


def join_docs(docs: list[Doc], offsets: list[int]) -> Doc:
    """One Doc from consecutive chunk Docs: entities, span attributes, events and errors kept."""
    if len(docs) == 1:
        return docs[0]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W10[12]\]")
        joined = Doc.from_docs(docs, ensure_whitespace=False)
    events, errors = [], []
    for doc, offset in zip(docs, offsets):
        events += _shift(list(doc._.attack_events or []), offset)
        errors += list(doc._.extract_errors or [])
    joined._.attack_events = events
    joined._.extract_errors = errors or None
    first = docs[0]
    joined._.reference_date = first._.reference_date
    joined._.reference_date_source = first._.reference_date_source
    joined._.default_place = first._.default_place
    return joined
