"""extract_dates: DATE filtering, rule-added dates, reference date and normalisation.

Runs after ``extract_entities`` and ``extract_lexicon``. On the Doc it:

1. infers ``doc._.reference_date`` when it is unset (dateline / week header / publication
   line at the top of the report, else the latest explicit full date in the text; else
   None, never today's date) and sets ``doc._.default_place`` from a dateline;
2. removes DATE spans that are not calendar expressions (counts, ranges, ages, durations,
   clock times, frequencies) and trims leading context words ("ON 14 NOV" -> "14 NOV");
3. adds dates the model missed with a Matcher over ``patterns/date_patterns.jsonl`` and a
   PhraseMatcher over ``patterns/date_holidays.jsonl``, never over ORGANISATION,
   PUBLICATION, PLACE or PERSON spans (nor any other named-entity label);
4. normalises every DATE: ``info = {"value", "granularity"}``, ``canonical`` = the ISO
   value, ``source`` ("model:DATE" / "rule:<pattern id>" / "rule:holiday:<id>"),
   ``confidence``.

The pure date logic lives in :mod:`extract.dates_normalise`.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Union

import numpy
from pydantic import Field
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from extract.attributes import add_doc_error, doc_text, set_span_attrs
from extract.components.base import PatternComponent
from extract.dates_normalise import (
    LEADING_CONTEXT,
    MONTHS,
    DateValue,
    PARTS_OF_DAY,
    Holiday,
    classify_date_text,
    explicit_full_date,
    infer_dateline_place,
    infer_header_reference,
    normalise_date,
    parse_iso,
    resolve_anaphoric,
)
from extract.patterns import PatternEntry, PatternFileError

DATE_LABEL = "DATE"
# Labels a DATE span may replace. Everything else (ORGANISATION, PUBLICATION, PLACE, PERSON,
# and raw model ORG/GPE/LOC/FAC/PERSON/NORP/EVENT/... before extract_entities maps them) is
# never overridden.
OVERRIDABLE_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}

_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 or m == "may"]
_ALL_MONTHS = sorted(set(MONTHS) | {m + "." for m in MONTHS if len(m) <= 4})
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# "$NAME" elements of date_patterns.jsonl
TOKEN_MACROS: dict[str, dict[str, Any]] = {
    "DAY": {"TEXT": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th|ST|ND|RD|TH)?$"}},
    "MONTH": {"LOWER": {"IN": _ALL_MONTHS}, "IS_LOWER": False},
    "MONTH_NAME": {"LOWER": {"IN": _FULL_MONTHS}, "IS_LOWER": False},
    "YEAR": {"TEXT": {"REGEX": r"^(1[5-9]\d\d|20\d\d)$"}},
    "YY": {"TEXT": {"REGEX": r"^'?\d\d$"}},
    "DAYRANGE": {"TEXT": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])[-\u2013\u2014](0?[1-9]|[12][0-9]|3[01])$"}},
    "DASH": {"LOWER": {"IN": ["-", "\u2013", "\u2014", "to"]}},
    "WEEKDAY": {"LOWER": {"IN": _WEEKDAYS}, "IS_LOWER": False},
    "PART_OF_DAY": {"LOWER": {"IN": list(PARTS_OF_DAY)}},
    "NUM": {"LIKE_NUM": True},
    "BREAK": {"IS_SPACE": True, "TEXT": {"REGEX": "^[ \\t]*\\n[ \\t]*$"}},  # one line break (wrapped text), not a blank line
}

# Single leading tokens that are context, not part of the value; "the" is kept.
_LEADING_WORDS = {w for w in LEADING_CONTEXT if " " not in w} | {"(", "[", "\"", "'", ",", "-", "--"}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TRAILING_PUNCT = {",", ".", ")", "]", "\"", "'", ";", ":", "-", "--", "\u2014", "\u2013"}


class DatePatternEntry(PatternEntry):
    """One line of patterns/date_patterns.jsonl."""

    id: str
    pattern: list[Union[str, dict[str, Any]]] = Field(min_length=1)
    keep: list[int] | None = Field(default=None, min_length=2, max_length=2)  # slice of the match
    comment: str | None = None


class HolidayEntry(PatternEntry):
    """One line of patterns/date_holidays.jsonl."""

    id: str
    names: list[str] = Field(min_length=1)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    easter_offset: int | None = None
    length_days: int = Field(default=1, ge=1)


def expand_pattern(entry: DatePatternEntry) -> list[dict[str, Any]]:
    """Replace "$NAME"/"$NAME?" elements by their token specs."""
    tokens: list[dict[str, Any]] = []
    for element in entry.pattern:
        if isinstance(element, str):
            name = element.lstrip("$")
            optional = name.endswith("?")
            name = name.rstrip("?")
            if not element.startswith("$") or name not in TOKEN_MACROS:
                raise PatternFileError(
                    f"date_patterns.jsonl: pattern {entry.id!r}: unknown token macro {element!r} "
                    f"(known: {', '.join('$' + k for k in TOKEN_MACROS)})"
                )
            spec = dict(TOKEN_MACROS[name])
            if optional:
                spec["OP"] = "?"
            tokens.append(spec)
        else:
            tokens.append(dict(element))
    return tokens


# A token test a match cannot do without: (attribute, "in", words) or (attribute, "regex", pattern)
AnchorTest = tuple[str, str, Union[frozenset, str]]
_SPEC_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER"}  # token spec key -> attribute tested
_ATTR_IDS = {"ORTH": ORTH, "LOWER": LOWER}
_MAX_TESTS = 63  # anchor tests per attribute (bits of a uint64); more: every Doc is matched whole
_MAX_REMEMBERED = 1 << 20  # strings whose test results an AnchoredMatcher keeps


def _upper_keys(spec: dict[str, Any]) -> dict[str, Any]:
    """A token spec with its keys upper-cased, as the Matcher reads them ("lower" is "LOWER")."""
    return {key.upper(): value for key, value in spec.items() if isinstance(key, str)}


def _anchor_tests(spec: dict[str, Any]) -> list[AnchorTest]:
    """The ORTH/TEXT/LOWER conditions of one token spec (upper-case keys) that a token must pass to match it."""
    tests: list[AnchorTest] = []
    for key, value in spec.items():
        attr = _SPEC_ATTRS.get(key)
        if attr is None:
            continue
        if isinstance(value, str):
            tests.append((attr, "in", frozenset([value])))
        elif isinstance(value, dict):
            if isinstance(value.get("IN"), list):
                tests.append((attr, "in", frozenset(value["IN"])))
            if isinstance(value.get("REGEX"), str):
                tests.append((attr, "regex", value["REGEX"]))
    return tests


class AnchoredMatcher:
    """A spaCy ``Matcher`` run only around the tokens that can anchor a match, with the result of
    running it over the whole Doc (the same matches in the same order).

    Every token of a pattern without an operator must match, so each match contains a token that
    passes one of those tokens' word lists or regexes (a digit, a month or weekday name, "ago").
    Per pattern the test with the fewest hits in the Doc is its anchor; the Matcher runs over the
    stretches of ``width - 1`` tokens either side of the anchors (merged when they overlap or touch,
    so no match is cut or found twice and the Matcher emits them in its whole-Doc order). A pattern
    with no such test, or with an operator other than "?", makes every Doc be matched whole."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        self.width = 0  # the most tokens a match can span
        self.tests: dict[str, list[AnchorTest]] = {"ORTH": [], "LOWER": []}  # per attribute, bit k = test k
        self.pattern_tests: list[list[tuple[str, int]]] = []  # per pattern: (attribute, bit) of its anchor tests
        self.whole = False  # some pattern has no anchor: match the whole Doc
        self._known: dict[str, dict[int, int]] = {"ORTH": {}, "LOWER": {}}  # string id -> bits of the tests it passes

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        self.matcher.add(key, [pattern])
        specs = [_upper_keys(spec) for spec in pattern]
        tests = [t for spec in specs if "OP" not in spec for t in _anchor_tests(spec)]
        if not tests or any(spec.get("OP") not in (None, "?") for spec in specs):
            self.whole = True
            return
        self.width = max(self.width, len(pattern))
        for attr in self.tests:
            self._known[attr].clear()
        anchors = []
        for test in tests:
            listed = self.tests[test[0]]
            if test not in listed:
                listed.append(test)
            anchors.append((test[0], listed.index(test)))
        self.pattern_tests.append(anchors)
        self.whole = self.whole or any(len(listed) > _MAX_TESTS for listed in self.tests.values())

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of every match in ``doc``, as ``Matcher(doc)`` returns them."""
        if self.whole or len(doc) == 0:
            return self.matcher(doc)
        out: list[tuple[int, int, int]] = []
        for start, end in self._stretches(doc):
            out += [(key, start + s, start + e) for key, s, e in self.matcher(doc[start:end])]
        return out

    def _stretches(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges [start, end) around the anchors, in order, merged when they overlap or touch."""
        bits = {attr: self._bits(doc, attr) for attr, listed in self.tests.items() if listed}
        hits: dict[tuple[str, int], numpy.ndarray] = {}
        anchors = numpy.zeros(len(doc), dtype=bool)
        for tests in self.pattern_tests:
            for attr, k in tests:
                if (attr, k) not in hits:
                    hits[attr, k] = (bits[attr] >> numpy.uint64(k)) & numpy.uint64(1) != 0
            anchors |= min((hits[t] for t in tests), key=numpy.count_nonzero)
        stretches: list[tuple[int, int]] = []
        reach = self.width - 1
        for i in numpy.flatnonzero(anchors).tolist():
            start, end = max(0, i - reach), min(len(doc), i + reach + 1)
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], end)
            else:
                stretches.append((start, end))
        return stretches

    def _bits(self, doc: Doc, attr: str) -> numpy.ndarray:
        """Per token, the bits of the ``attr`` tests it passes (worked out once per distinct string)."""
        ids, inverse = numpy.unique(doc.to_array(_ATTR_IDS[attr]), return_inverse=True)
        known = self._known[attr]
        if len(known) > _MAX_REMEMBERED:
            known.clear()
        per_id = []
        for h in ids.tolist():
            b = known.get(h)
            if b is None:
                b = known[h] = self._test_bits(attr, doc.vocab.strings[h])
            per_id.append(b)
        return numpy.array(per_id, dtype=numpy.uint64)[inverse.reshape(-1)]

    def _test_bits(self, attr: str, string: str) -> int:
        """The bits of the ``attr`` tests a string passes."""
        b = 0
        for k, (_, kind, value) in enumerate(self.tests[attr]):
            if string in value if kind == "in" else re.search(value, string) is not None:
                b |= 1 << k
        return b


class DateComponent(PatternComponent):
    PATTERN_FILES = {"date_patterns.jsonl": DatePatternEntry, "date_holidays.jsonl": HolidayEntry}

    def initialize_rules(self) -> None:
        self.matcher = AnchoredMatcher(self.nlp.vocab)
        self.keep: dict[str, tuple[int, int]] = {}
        for entry in self.entries["date_patterns.jsonl"]:
            if entry.keep is not None:
                self.keep[f"date:{entry.id}"] = (entry.keep[0], entry.keep[1])
            try:
                self.matcher.add(f"date:{entry.id}", expand_pattern(entry))
            except (ValueError, KeyError) as exc:
                if isinstance(exc, PatternFileError):
                    raise
                raise PatternFileError(f"date_patterns.jsonl: pattern {entry.id!r}: {exc}") from exc
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        holidays = []
        for entry in self.entries["date_holidays.jsonl"]:
            self.phrase_matcher.add(f"holiday:{entry.id}", [self.nlp.make_doc(n) for n in entry.names])
            holidays.append(
                Holiday(
                    names=tuple(n.lower().replace("\u2019", "'") for n in entry.names),
                    month=entry.month,
                    day=entry.day,
                    easter_offset=entry.easter_offset,
                    length_days=entry.length_days,
                )
            )
        self.holidays: tuple[Holiday, ...] = tuple(holidays)

    # ------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        header = infer_header_reference(doc_text(doc))
        if not doc._.default_place:
            doc._.default_place = header.place if header is not None and header.place else infer_dateline_place(doc_text(doc))

        kept_dates, others = self._filter_model_dates(doc)
        rule_dates = self._rule_dates(doc)
        sources = {(s.start, s.end): src for s, src in rule_dates}
        sources.update({(s.start, s.end): src for s, src in kept_dates})  # the model's name wins
        dates, others = self._merge([s for s, _ in kept_dates], [s for s, _ in rule_dates], others)
        for span in dates:
            span._.source = sources[(span.start, span.end)]

        if doc._.reference_date and parse_iso(doc._.reference_date) is None:
            add_doc_error(doc, "bad_reference_date", f"reference date {doc._.reference_date!r} is not ISO YYYY-MM-DD")
            doc._.reference_date = None
        if not doc._.reference_date:
            ref, source = self._infer_reference(dates, header)
            doc._.reference_date = ref
            doc._.reference_date_source = source

        doc.ents = sorted(dates + others, key=lambda s: s.start)
        reference = doc._.reference_date
        breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(doc_text(doc))]
        anchor: tuple[str, int] | None = None  # (ISO day, paragraph) of the last dated day
        for span in doc.ents:
            if span.label_ != DATE_LABEL:
                continue
            paragraph = bisect.bisect(breaks, span.start_char)
            value = normalise_date(span.text, reference, self.holidays)
            confidence = None
            if value.value is None and anchor is not None and anchor[1] == paragraph:
                resolved = resolve_anaphoric(span.text, anchor[0])
                if resolved.value is not None:
                    value, confidence = resolved, 0.6
            self._annotate(span, value, confidence)
            if value.granularity == "day" and value.value:
                anchor = (value.value, paragraph)
        return doc

    # ------------------------------------------------------------------------------------
    def _filter_model_dates(self, doc: Doc) -> tuple[list[tuple[Span, str]], list[Span]]:
        kept: list[tuple[Span, str]] = []
        others: list[Span] = []
        for ent in doc.ents:
            if ent.label_ != DATE_LABEL:
                others.append(ent)
                continue
            span = trim_span(ent)
            if span is None or classify_date_text(span.text) != "date" or is_military_clock_time(span) or is_month_word_noun(span):
                continue
            if span.start_char != ent.start_char or span.end_char != ent.end_char:
                # carry the attributes of the model span over to the trimmed one
                for name in ("confidence", "kb_id"):
                    value = getattr(ent._, name)
                    if value is not None:
                        setattr(span._, name, value)
            kept.append((span, ent._.source or "model:DATE"))
        return kept, others

    def _rule_dates(self, doc: Doc) -> list[tuple[Span, str]]:
        spans: list[tuple[Span, str]] = []
        matches = [(m, s, e) for m, s, e in self.matcher(doc)] + list(self.phrase_matcher(doc))
        for match_id, start, end in matches:
            rule = self.nlp.vocab.strings[match_id]
            if rule in self.keep:
                a, b = self.keep[rule]
                start, end = (start + a if a >= 0 else end + a), (start + b if b > 0 else end + b)
                if start >= end:
                    continue
            span = trim_span(Span(doc, start, end, label=DATE_LABEL))
            if (
                span is None
                or classify_date_text(span.text) in ("age", "time", "frequency")
                or is_military_clock_time(span)
                or is_month_word_noun(span)
            ):
                continue
            source = "rule:" + (rule.split(":", 1)[1] if rule.startswith("date:") else rule)
            spans.append((span, source))
        return spans

    def _merge(self, model: list[Span], rules: list[Span], others: list[Span]) -> tuple[list[Span], list[Span]]:
        """Non-overlapping DATE spans (longest wins; model first on ties) that never cover a
        protected (named) entity; overridable non-DATE spans under a DATE are dropped."""
        protected = [s for s in others if s.label_ not in OVERRIDABLE_LABELS]
        taken = set()
        for s in protected:
            taken.update(range(s.start, s.end))
        candidates = [s for s in model + rules if not taken.intersection(range(s.start, s.end))]
        dates = filter_spans(candidates)
        covered = set()
        for s in dates:
            covered.update(range(s.start, s.end))
        rest = [s for s in others if s.label_ not in OVERRIDABLE_LABELS or not covered.intersection(range(s.start, s.end))]
        return dates, rest

    def _infer_reference(self, dates: list[Span], header) -> tuple[str | None, str | None]:
        if header is not None:
            return header.date, header.source
        latest = None
        for span in dates:
            d = explicit_full_date(span.text)
            if d is not None and (latest is None or d > latest):
                latest = d
        if latest is not None:
            return latest.isoformat(), "text"
        return None, None

    def _annotate(self, span: Span, value: DateValue, confidence: float | None = None) -> None:
        source = span._.source or "model:DATE"
        if confidence is None:
            confidence = 0.9 if source.startswith("rule:") else 0.85
            if value.value is None:
                confidence -= 0.2
        set_span_attrs(
            span,
            source=source,
            canonical=value.value,
            confidence=round(confidence, 2),
            info={"value": value.value, "granularity": value.granularity},
        )


_CLOCK_BEFORE = {"at", "about", "around", "approximately", "until", "till", "by", "from", "to", "between", "and"}
_CLOCK_AFTER = {"hours", "hrs", "hr", "local", "gmt", "utc", "zulu", "this", "that", "today", "tonight", "yesterday", "to"}


def _neighbour_words(span: Span, step: int, n: int = 2) -> list[str]:
    """Up to ``n`` words before (step -1) or after (step 1) the span, line breaks skipped."""
    doc, out = span.doc, []
    i = span.start - 1 if step < 0 else span.end
    while 0 <= i < len(doc) and len(out) < n:
        if not doc[i].is_space:
            out.append(doc[i].lower_)
        i += step
    return out


def is_military_clock_time(span: Span) -> bool:
    """'AT 1835', 'FROM 1710 TO 2250', '1620 THIS AFTERNOON': a 24-hour clock time, not a year."""
    if len(span) != 1 or not span[0].is_digit or len(span[0].text) != 4:
        return False
    hours, minutes = int(span.text[:2]), int(span.text[2:])
    if hours > 23 or minutes > 59:
        return False
    before, after = _neighbour_words(span, -1), _neighbour_words(span, 1)
    if after[:1] and after[0] in _CLOCK_AFTER or after[:1] == ["on"]:
        return True
    return bool(before) and (before[0] in _CLOCK_BEFORE or (before[0] in ("about", "around") and before[1:2] == ["at"]))


# Month names that are also English nouns or verbs ("a march", "the march ended", "they may"), and
# the determiners that make such a word the noun: "this March", "last March", "every March" stay months.
_MONTH_WORDS_ALSO_NOUNS = {"march", "may"}
_NOUN_DETERMINERS = {"a", "an", "the", "their", "his", "her", "its", "our", "my", "your"}


def is_month_word_noun(span: Span) -> bool:
    """'headed a MARCH to ...', 'during the MARCH,', 'the MARCH ended': the noun, not the month;
    'the March elections' (modifying a noun), 'the March 1980 massacre', 'in March' stay dates."""
    if len(span) != 1 or span[0].lower_ not in _MONTH_WORDS_ALSO_NOUNS:
        return False
    token = span[0]
    if token.i == 0 or token.doc[token.i - 1].lower_ not in _NOUN_DETERMINERS:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and (following.like_num or following.is_digit):
        return False
    return not (token.dep_ in ("compound", "nmod", "amod") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i)


def trim_span(span: Span) -> Span | None:
    """Drop leading context words ("on", "since", "beginning", brackets) and trailing
    punctuation; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _LEADING_WORDS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING_PUNCT or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    if start == span.start and end == span.end:
        return span
    return Span(doc, start, end, label=span.label)


@Language.factory("extract_dates", default_config={"patterns_dirs": []})
def make_component(nlp: Language, name: str, patterns_dirs: list[str]) -> DateComponent:
    return DateComponent(nlp, name, patterns_dirs)
