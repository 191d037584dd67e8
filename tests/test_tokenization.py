"""Footnote references glued to a sentence's end (real pipeline): the sentence ends at its full stop,
and other brackets keep their tokens."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, tokens, second_sentence",
    [
        # a reference right after the full stop, followed by a non-breaking or a plain space
        ("The most serious attack was in the Coptic cathedral in Cairo.[1]\u00a0Local supporters also carried out "
         "attacks in Kenya.",
         ["Cairo", ".", "[", "1", "]"], "Local supporters"),
        ("Two soldiers were killed in Maiduguri on 3 May.[12] The army said the attackers fled.",
         ["May", ".", "[", "12", "]"], "The army said"),
        # after a closing quote, and two references in a row
        ("The group called it \u201ca warning.\u201d[3] Police arrested two men on Friday.",
         ["warning", ".", "\u201d", "[", "3", "]"], "Police arrested"),
        ("The embassy was closed after the bombing.[4][5] It reopened a week later.",
         ["bombing", ".", "[", "4", "]", "[", "5", "]"], "It reopened"),
    ],
)
def test_footnote_reference_ends_the_sentence(nlp, text, tokens, second_sentence):
    doc = nlp(text)
    words = [t.text for t in doc]
    start = words.index(tokens[0])
    assert words[start : start + len(tokens)] == tokens
    sents = [s.text for s in doc.sents]
    assert len(sents) == 2 and second_sentence in sents[1] and second_sentence not in sents[0], sents


@pytest.mark.parametrize(
    "text, tokens",
    [
        # editorial markers, bracketed names and decimals are not references: their tokens are unchanged
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] THE [FARABUNDO MARTI NATIONAL LIBERATION FRONT] SAID.",
         ["[", "TEXT", "]"]),
        ("It cost 2.5 million dollars.", ["2.5"]),
    ],
)
def test_other_brackets_keep_their_tokens(nlp, text, tokens):
    words = [t.text for t in nlp(text)]
    start = words.index(tokens[0])
    assert words[start : start + len(tokens)] == tokens
