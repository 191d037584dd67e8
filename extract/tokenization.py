"""Tokenizer rules the base model lacks: a bracketed footnote reference glued to a sentence's end.

English tokenizers keep "Cairo.[1]" as "Cairo.[1" + "]", so the sentence end is lost and the next
sentence runs on ("... in Cairo.[1] Local ISIS supporters also carried out attacks ..."): think-tank
and government reports put such references after most sentences. Three suffix rules split it into
"Cairo" "." "[" "1" "]" without touching other brackets ("[TEXT]", "[FMLN]").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_suffix_regex

# suffixes, applied from the end of a token: the reference's number, its opening bracket after a
# sentence's end, and a closing quote or bracket between them ("said.\"[2]")
FOOTNOTE_SUFFIXES = (r"(?<=\[)\d{1,3}$", r"(?<=[.!?\"'\u201d])\[$")


def split_footnote_references(nlp: Language) -> None:
    """Adds the footnote-reference suffix rules to ``nlp``'s tokenizer (in place); a custom tokenizer
    without suffix rules is left as it is."""
    if not hasattr(nlp.tokenizer, "suffix_search"):
        return
    suffixes = list(nlp.Defaults.suffixes or ()) + list(FOOTNOTE_SUFFIXES)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
