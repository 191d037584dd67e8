"""doc_text: the cached text of a Doc is always the Doc's own text."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.attributes import doc_text


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text", [
    "",
    "SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] THE ARCE BATTALION ATTACKED.",
    "Two  spaces,\n\na blank line and a trailing space ",
    "Bogotá, 10 Jul 89 (EFE) -- Pablo Escobar’s men  ",
])
def test_doc_text_is_the_docs_text(blank, text: str) -> None:
    doc = blank(text)
    assert doc_text(doc) == doc.text == text
    assert doc_text(doc) is doc_text(doc)  # built once


def test_doc_text_after_retokenizing_and_refilling(blank) -> None:
    doc = blank("New York City is big")
    assert doc_text(doc) == "New York City is big"
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])
    assert doc_text(doc) == "New York City is big"
    empty = Doc(blank.vocab)
    assert doc_text(empty) == ""
    empty.from_bytes(blank("Lima, 3 Mar 90 -- a bomb exploded").to_bytes())  # the same Doc filled in place
    assert doc_text(empty) == "Lima, 3 Mar 90 -- a bomb exploded"
