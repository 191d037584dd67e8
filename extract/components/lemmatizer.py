"""extract_lemmatizer: the base model's English rule lemmatizer, remembering every lemma it gives.

spaCy's rule lemmatizer builds a Token and a morphology object for every token, and returns base
forms ("bomb" as a singular noun, "attack" as an infinitive) before it reaches its cache, so two
tokens in three pay for ``is_base_form`` every time. This subclass reads the Doc's word, POS and
morphology columns as one array and remembers the first lemma for each combination; the lemma is a
function of those three and the lookup tables alone, so the lemmas are the ones the model's
lemmatizer gives. ``build_pipeline`` swaps it in for a rule-mode EnglishLemmatizer and hands it the
model's lookup tables; any other lemmatizer is left as it ships.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc


class CachedEnglishLemmatizer(EnglishLemmatizer):
    """An EnglishLemmatizer that remembers each lemma it gives (same lemmas, fewer look-ups)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (word, POS, morphology) hashes -> the hash of the lemma rule_lemmatize gives first
        self.lemma_hashes: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Lemmatize the tokens with no lemma yet (every token with ``overwrite``), one dictionary
        look-up per token on the Doc's word, POS and morphology columns."""
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        strings, known = self.vocab.strings, self.lemma_hashes
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = strings.add(self.rule_lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(numpy.uint64))
        return doc


@Language.factory(
    "extract_lemmatizer",
    default_config={"model": None, "mode": "rule", "overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
)
def make_component(nlp: Language, name: str, model, mode: str, overwrite: bool, scorer) -> CachedEnglishLemmatizer:
    return CachedEnglishLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def cache_lemmatizers(nlp: Language) -> list[str]:
    """Swap every rule-mode EnglishLemmatizer of ``nlp`` for a CachedEnglishLemmatizer with the same
    tables and settings; the names of the pipes swapped."""
    swapped = []
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is not EnglishLemmatizer or pipe.mode != "rule" or pipe.model is not None:
            continue
        new = nlp.replace_pipe(name, "extract_lemmatizer", config={"mode": "rule", "overwrite": pipe.overwrite})
        new.lookups = pipe.lookups
        swapped.append(name)
    return swapped
