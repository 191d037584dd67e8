"""extract_datelines: the dateline and editorial markers of wire text are their own sentence.

"LIMA, 3 MAR 90 -- A GROUP OF ARMED MEN KIDNAPPED ..." and "SAN SALVADOR, 3 JAN 90 --
[REPORT] [TEXT] THE ARCE BATTALION ..." open with a place, a date and bracketed markers
that the parser otherwise attaches to the first sentence (the dateline place becomes the
subject of "kidnapped"). Runs before the parser and marks the first token after the
dateline as a sentence start, which the parser respects.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.attributes import doc_text

# A place, a comma, a day-month-year or "NO DATE", an optional "(SOURCE)", then "--".
DATELINE = re.compile(
    r"\A\s*[^\W\d_][^\n,]{1,40},(?:[^\n-]{0,40}?,)?\s*(?:\d{1,2}\s+[^\W\d_]{3,9}\.?\s+\d{2,4}|no date)"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?--\s*(?:\[[^\]\n]{1,80}\]\s*)*",
    re.IGNORECASE,
)


class DatelineSplitter:
    """Marks the first token after a wire-story dateline (and its [MARKERS]) as a sentence start."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        m = DATELINE.match(doc_text(doc)[:300])
        if not m:
            return doc
        span = doc.char_span(m.end(), len(doc_text(doc)), alignment_mode="expand")
        if span is None or span.start == 0:
            return doc
        i = span.start
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i < len(doc):
            doc[i].is_sent_start = True
        return doc

    def to_disk(self, path, *, exclude=()) -> None:  # stateless
        pass

    def from_disk(self, path, *, exclude=()) -> "DatelineSplitter":
        return self


@Language.factory("extract_datelines")
def make_dateline_splitter(nlp: Language, name: str) -> DatelineSplitter:
    return DatelineSplitter(nlp, name)
