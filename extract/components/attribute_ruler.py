"""extract_attribute_ruler: the base model's attribute ruler, matched through an index instead of spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` (tag -> POS and morphology, lemma exceptions) holds 179 fixed-length
patterns over TAG, LOWER and DEP. spaCy's Matcher tries every pattern at every token, which made the
ruler about an eighth of the whole extractor's time. This subclass keeps the ruler's patterns, attributes
and ``set_annotations`` (so the same rules set the same values in the same order) and finds the matches
through a dictionary from a pattern's first-token value (its LOWER, TAG or DEP) to the patterns that can
start there. ``build_pipeline`` swaps it in only when every pattern is one it can match exactly (no
operators, only equality, IN, NOT_IN, REGEX and flag tests on the attributes below); any other ruler is
left as the model ships it.
"""

from __future__ import annotations

import itertools
import operator
import re
from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

# Matcher attribute name -> the token's value of it, as spaCy's Matcher compares it
TOKEN_VALUES: dict[str, Callable[[Token], Any]] = {
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "LOWER": lambda t: t.lower_,
    "NORM": lambda t: t.norm_,
    "TAG": lambda t: t.tag_,
    "POS": lambda t: t.pos_,
    "DEP": lambda t: t.dep_,
    "LEMMA": lambda t: t.lemma_,
    "SHAPE": lambda t: t.shape_,
    "IS_SPACE": lambda t: t.is_space,
    "IS_PUNCT": lambda t: t.is_punct,
    "IS_ALPHA": lambda t: t.is_alpha,
    "IS_DIGIT": lambda t: t.is_digit,
}
INDEX_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the first token's attributes a pattern is filed under

Check = Callable[[Token], bool]


class UnsupportedPattern(ValueError):
    """A pattern the index cannot match exactly (an operator, or a predicate it does not know)."""


def _value_check(attr: str, spec: Any) -> Check:
    """One token attribute's test, as spaCy's Matcher applies it."""
    value_of = TOKEN_VALUES.get(attr)
    if value_of is None:
        raise UnsupportedPattern(attr)
    if isinstance(spec, (str, bool, int)):
        return lambda t: value_of(t) == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda t: value_of(t) in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda t: value_of(t) not in banned
        if op == "REGEX":
            regex = re.compile(arg)
            return lambda t: regex.search(value_of(t)) is not None
    raise UnsupportedPattern(f"{attr}: {spec!r}")


def _token_checks(spec: dict[str, Any], skip: frozenset[str] = frozenset()) -> list[Check]:
    """One pattern token's attribute tests, but for the attributes in ``skip`` (those its index key covers)."""
    if "OP" in spec:
        raise UnsupportedPattern("OP")
    return [_value_check(attr.upper(), value) for attr, value in spec.items() if attr.upper() not in skip]


def _index_keys(first: dict[str, Any]) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """(attributes, value tuples) a pattern is filed under: every exact or IN test of its first token's
    LOWER, TAG, DEP and IS_SPACE, each combination of allowed values one key ("TAG" NN and "LOWER" x:
    ("LOWER", "TAG"), [("x", "NN")]); no attributes for a pattern that tests none of them."""
    upper = {k.upper(): v for k, v in first.items()}
    attrs: list[str] = []
    choices: list[list[Any]] = []
    for attr in INDEX_ATTRS:
        spec = upper.get(attr)
        if isinstance(spec, (str, bool)):
            attrs.append(attr)
            choices.append([spec])
        elif isinstance(spec, dict) and set(spec) == {"IN"} and all(isinstance(v, str) for v in spec["IN"]):
            attrs.append(attr)
            choices.append(list(spec["IN"]))
    return tuple(attrs), [tuple(values) for values in itertools.product(*choices)]


# a pattern as matched: (rule key, length, [(offset, test)]) with the tests its index key does not cover
Entry = tuple[int, int, list[tuple[int, Check]]]


class IndexedPatterns:
    """Fixed-length token patterns, found at every position the way spaCy's Matcher finds them.

    A pattern is filed under its first token's exact LOWER, TAG, DEP and IS_SPACE values, so each token
    is tried only against the patterns that can start there, and only on the tests the key leaves open
    (for most one-token patterns, none)."""

    def __init__(self, patterns: Iterable[tuple[int, list[dict[str, Any]]]]) -> None:
        # attributes -> their values -> the patterns filed there
        self.index: dict[tuple[str, ...], dict[tuple[Any, ...], list[Entry]]] = {}
        for key, pattern in patterns:
            if not pattern:
                raise UnsupportedPattern("empty pattern")
            attrs, value_tuples = _index_keys(pattern[0])
            checks = [(0, c) for c in _token_checks(pattern[0], frozenset(attrs))]
            checks += [(k, c) for k, spec in enumerate(pattern[1:], 1) for c in _token_checks(spec)]
            table = self.index.setdefault(attrs, {})
            for values in value_tuples:
                table.setdefault(values, []).append((key, len(pattern), checks))
        # (a token's key in the table, from its INDEX_ATTRS values; the table); itemgetter of one
        # position gives the bare value, so those tables are keyed by it
        self.lookups: list[tuple[Callable[[tuple[Any, ...]], Any], dict[Any, list[Entry]]]] = []
        for attrs, table in self.index.items():
            positions = [INDEX_ATTRS.index(a) for a in attrs]
            if len(positions) == 1:
                table = {values[0]: entries for values, entries in table.items()}
            self.lookups.append((operator.itemgetter(*positions) if positions else _no_key, table))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern key, start, end) of every match, each once, in that order."""
        found: set[tuple[int, int, int]] = set()
        tokens = list(doc)
        n = len(tokens)
        for i, token in enumerate(tokens):
            values = (token.lower_, token.tag_, token.dep_, token.is_space)
            for key_of, table in self.lookups:
                for key, length, checks in table.get(key_of(values), ()):
                    if i + length <= n and all(check(tokens[i + k]) for k, check in checks):
                        found.add((key, i, i + length))
        return sorted(found)


def _no_key(values: tuple[Any, ...]) -> tuple[()]:
    """The table key of the patterns filed under no attribute."""
    return ()


class IndexedAttributeRuler(AttributeRuler):
    """An AttributeRuler whose matches come from an index of its patterns (same rules, same result)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._indexed: IndexedPatterns | None = None

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._indexed = None

    def clear(self) -> None:
        super().clear()
        self._indexed = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if self._indexed is None:
            self._indexed = IndexedPatterns(
                (i, pattern) for i, entry in enumerate(self.patterns) for pattern in entry["patterns"]
            )
        keys = self.vocab.strings
        # (rule number, match id, start, end), sorted by rule number as AttributeRuler.match sorts them
        return [(key, keys.add(str(key)), start, end) for key, start, end in self._indexed(doc)]


@Language.factory("extract_attribute_ruler", default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_component(nlp: Language, name: str, validate: bool, scorer) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_rulers(nlp: Language) -> list[str]:
    """Swap every AttributeRuler of ``nlp`` whose patterns the index matches exactly for an
    IndexedAttributeRuler with the same patterns; the names of the pipes swapped."""
    swapped = []
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is not AttributeRuler:
            continue
        patterns = pipe.patterns
        try:
            IndexedPatterns((i, p) for i, entry in enumerate(patterns) for p in entry["patterns"])
        except UnsupportedPattern:
            continue
        new = nlp.replace_pipe(name, "extract_attribute_ruler")
        new.add_patterns(patterns)
        swapped.append(name)
    return swapped
