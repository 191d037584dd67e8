"""The custom attributes extract's components set on spaCy Docs and Spans.

Span values are stored in ``doc.user_data`` keyed by character offsets, so they survive
``doc.ents`` being re-assigned, ``Doc.to_bytes`` and ``nlp.pipe(n_process>1)``.
Everything stored is plain data (str/int/float/dict/list) so it serialises with msgpack.
"""

from __future__ import annotations

import weakref
from typing import Any

from spacy.tokens import Doc, Span

# Span attributes (on entities in doc.ents)
SPAN_ATTRIBUTES: dict[str, str] = {
    "canonical": "normalised name of the entity",
    "kb_id": "Wikidata QID, where known",
    "source": "what produced the span: 'pattern:<rule id>', 'model:<label>', 'rule:<name>'",
    "confidence": "confidence in [0, 1]",
    "info": "type-specific fields as a dict (DATE: value, granularity; PLACE: country_code, ...)",
}

# Doc attributes
DOC_ATTRIBUTES: dict[str, Any] = {
    "reference_date": None,  # ISO date string the relative dates are resolved against
    "reference_date_source": None,  # "option" | "metadata" | "dateline" | "text"
    "default_place": None,  # dateline place name, e.g. "SAN SALVADOR"
    "attack_events": None,  # list[dict], see extract.components.events
    "extract_errors": None,  # list[{"code", "message"}]
}


def _span_key(name: str, span: Span) -> tuple:
    # The layout spaCy uses for span extensions, so Doc.from_docs shifts the offsets.
    return ("._.", name, span.start_char, span.end_char)


def _make_span_accessors(name: str):
    def getter(span: Span) -> Any:
        return span.doc.user_data.get(_span_key(name, span))

    def setter(span: Span, value: Any) -> None:
        span.doc.user_data[_span_key(name, span)] = value

    return getter, setter


def register_attributes() -> None:
    """Register the Doc/Span extensions (idempotent)."""
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            getter, setter = _make_span_accessors(name)
            Span.set_extension(name, getter=getter, setter=setter)
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def set_span_attrs(span: Span, **values: Any) -> None:
    """Set several extract attributes of a span at once (None values are stored too)."""
    for name, value in values.items():
        if name not in SPAN_ATTRIBUTES:
            raise KeyError(f"unknown span attribute {name!r}")
        setattr(span._, name, value)


# Doc -> (token count, text): a Doc's text never changes once it is made (a retokenizer keeps it),
# the token count guards against an empty Doc filled in place by ``from_bytes``.
_DOC_TEXTS: weakref.WeakKeyDictionary[Doc, tuple[int, str]] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy's ``Doc.text`` joins every token anew on each access)."""
    cached = _DOC_TEXTS.get(doc)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    text = doc.text
    _DOC_TEXTS[doc] = (len(doc), text)
    return text


def add_doc_error(doc: Doc, code: str, message: str) -> None:
    """Record a non-fatal problem for this document."""
    errors = list(doc._.extract_errors or [])
    errors.append({"code": code, "message": message})
    doc._.extract_errors = errors


register_attributes()
