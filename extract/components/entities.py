"""extract_entities: the statistical NER's spans mapped to the contract's types and cleaned.

Model labels become contract types (ORG -> ORGANISATION, GPE/LOC/FAC -> PLACE, PERSON,
DATE); every other label is dropped. Spans that are not names are removed using the
filters in patterns/entity_filters.jsonl plus shape checks (no capital letter in
mixed-case text, digits only, a line break inside). Titles and ranks listed in
patterns/person_titles.jsonl are stripped from PERSON names and kept as ``info["title"]``.
Names opening with a known given name repair the model's PERSON spans first (person_names.py).
A span may cross the line break of hard-wrapped prose, not a paragraph or headline break.
"""

from __future__ import annotations

from typing import Container, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.attributes import doc_text, set_span_attrs
from extract.casing import common_words, name_index, is_all_caps
from extract.gazetteer import strip_accents
from extract.components.person_names import GivenNamePersons, is_wrapped_line_break

# Last words that make a name a place even when it looks like a person's name.
PLACE_NAME_HEADS = frozenset({"street", "place", "square", "road", "avenue", "bridge", "plaza", "boulevard", "lane", "drive"})
from extract.components.base import PatternComponent
from extract.patterns import DemonymEntry, PatternEntry, pattern_dirs

MODEL_LABELS: dict[str, str] = {
    "ORG": "ORGANISATION",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "PERSON": "PERSON",
    "DATE": "DATE",
}
CONTRACT_LABELS = frozenset({"ORGANISATION", "PUBLICATION", "DATE", "PLACE", "PERSON"})
MODEL_CONFIDENCE = 0.7
GIVEN_NAME_CONFIDENCE = 0.65
_EDGE_STRIP = {"the", "The", "THE", "'s", "’s", "'", "’"}


class EntityFilterEntry(PatternEntry):
    """One line of patterns/entity_filters.jsonl."""

    id: str
    labels: list[str]
    first_word: list[str] = []
    last_word: list[str] = []
    whole: list[str] = []
    reason: str


class PersonTitleEntry(PatternEntry):
    """One line of patterns/person_titles.jsonl."""

    id: str
    titles: list[str]


def _line_break_inside(span: Span) -> bool:
    """The span crosses a line break other than the wrap of a long line of prose."""
    return any("\n" in t.text_with_ws and not (t.is_space and is_wrapped_line_break(t)) for t in span[:-1]) or (
        "\n" in span[-1].text
    )


def _norm(word: str) -> str:
    return word.lower().rstrip(".")


def _name_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A person's full name and, for three words or more, the short forms a report repeats: the last
    two words (the two surnames of "Gonzalo Rodriguez Gacha") and the first two ("Pablo Escobar")."""
    forms = [words]
    if len(words) >= 3:
        forms += [words[-2:], words[:2]]
    return forms


def repeated_names(doc: Doc, ents: list[Span], known: Container[str] = (), caps: bool = False) -> list[Span]:
    """``ents`` plus the other mentions of each two-or-more-word PERSON name, or of its short forms,
    that the model left untagged or called something else ("Rodriguez Gacha, his son and the people
    with them have been killed" after "Gonzalo Rodriguez Gacha"). A span a pattern file made stays,
    and a name a lexicon or the gazetteer knows (``known``: upper case, no accents, "VINA DEL MAR") is
    no person's.
    A form opens with a capital (the recaser may lower a later word: "Velez ochoa") unless the
    text is written in capitals (``caps``)."""
    forms: dict[str, set[tuple[str, ...]]] = {}
    for e in ents:
        words = tuple(t.lower_ for t in e if not t.is_space)
        if e.label_ == "PERSON" and len(words) >= 2 and all(t.is_alpha for t in e if not t.is_space):
            for f in _name_forms(words):
                if strip_accents(" ".join(f).upper()) not in known:
                    forms.setdefault(f[0], set()).add(f)
    if not forms:
        return ents
    owner = {i: e for e in ents for i in range(e.start, e.end)}
    replaced: set[int] = set()
    added: list[Span] = []
    i = 0
    while i < len(doc):
        match = _name_at(doc, i, forms.get(doc[i].lower_, ()), owner, caps)
        if match is None:
            i += 1
            continue
        for j in range(match.start, match.end):
            if j in owner:
                replaced.add(id(owner[j]))
        set_span_attrs(match, source="rule:repeated-name", confidence=GIVEN_NAME_CONFIDENCE, info=None,
                       canonical=None, kb_id=None)
        added.append(match)
        i = match.end
    return [e for e in ents if id(e) not in replaced] + added


def _name_at(doc: Doc, i: int, forms: Iterable[tuple[str, ...]], owner: dict[int, Span], caps: bool) -> Span | None:
    """The longest of ``forms`` written at token i, capitalised, over no entity but the model's spans
    inside it (a place, or a name cut short: "Velez" of "Velez Ochoa"); the words of a form may be
    spaced or wrapped over two lines of prose, not split by a paragraph or headline break."""
    for f in sorted(forms, key=len, reverse=True):
        j, k = i, 0
        while j < len(doc) and k < len(f):
            if k and doc[j].is_space and ("\n" not in doc[j].text or is_wrapped_line_break(doc[j])):
                j += 1
                continue
            if doc[j].lower_ != f[k] or not (caps or k or doc[j].text[:1].isupper()):
                break
            j, k = j + 1, k + 1
        if k < len(f) or (j < len(doc) and doc[j].is_alpha and doc[j].text[:1].isupper() and not caps):
            continue
        over = {id(owner[x]): owner[x] for x in range(i, j) if x in owner}
        if all((e._.source or "").startswith("model:") and i <= e.start and e.end <= j
               and not (e.label_ == "PERSON" and (e.start, e.end) == (i, j)) for e in over.values()):
            return Span(doc, i, j, label="PERSON")
    return None


class ModelEntityMapper(PatternComponent):
    """Statistical NER spans -> contract types, with junk removed and titles stripped."""

    PATTERN_FILES = {
        "entity_filters.jsonl": EntityFilterEntry,
        "person_titles.jsonl": PersonTitleEntry,
        "place_demonyms.jsonl": DemonymEntry,
    }

    def initialize_rules(self) -> None:
        self.filters = self.entries["entity_filters.jsonl"]
        self.demonyms = {e.demonym.lower() for e in self.entries["place_demonyms.jsonl"]}
        self.common_words = common_words()
        self.known_names = name_index(tuple(pattern_dirs(self.patterns_dirs)))
        titles = {_norm(t) for e in self.entries["person_titles.jsonl"] for t in e.titles}
        self.titles = {tuple(t.split()) for t in titles}
        self.max_title_len = max((len(t) for t in self.titles), default=0)
        self.title_words: dict[str, int] = {}  # first word of a title -> the most words a title starting with it has
        for t in self.titles:
            self.title_words[t[0]] = max(self.title_words.get(t[0], 0), len(t))
        self.person_names = GivenNamePersons(pattern_dirs(self.patterns_dirs), self.known_names)

    def __call__(self, doc: Doc) -> Doc:
        caps = is_all_caps(doc_text(doc))
        kept: list[Span] = []
        ents, named = self.person_names.merge(doc, doc.ents)
        from_names = {(e.start, e.end) for e in named}
        for ent in ents:
            label = ent.label_ if ent.label_ in CONTRACT_LABELS else MODEL_LABELS.get(ent.label_)
            if label is None:
                continue
            span, title = self._clean(doc, ent, label)
            label = span.label_ if span is not None else label
            if span is None or self._rejected(span, label, caps):
                continue
            kept.append(span)
            if ent.label_ in MODEL_LABELS:
                info = {"title": title} if label == "PERSON" else None
                by_name = (ent.start, ent.end) in from_names
                set_span_attrs(
                    span, source="rule:given-name" if by_name else f"model:{ent.label_}",
                    confidence=GIVEN_NAME_CONFIDENCE if by_name else MODEL_CONFIDENCE, info=info,
                    canonical=None, kb_id=None,
                )
        kept += self._titled_names(doc, kept)
        doc.ents = repeated_names(doc, kept, self.person_names.folded_names, caps)
        return doc

    def _titled_names(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """'Presidente Gonzalo', 'Monsignor Gregorio Rosa Chavez': capitalised words after a title."""
        taken = {i for e in kept for i in range(e.start, e.end)}
        added = []
        i = 0
        while i < len(doc):
            n = self._title_at(doc, i)
            if not n:
                i += 1
                continue
            start = end = i + n
            while end < len(doc) and end - start < 4 and end not in taken and doc[end].is_title and doc[end].is_alpha:
                end += 1
            if end > start and start not in taken and doc[end - 1].lower_ not in self.common_words:
                span = Span(doc, start, end, label="PERSON")
                added.append(span)
                taken.update(range(start, end))
                set_span_attrs(span, source="rule:titled-name", confidence=0.6, info={"title": doc[i:start].text},
                               canonical=None, kb_id=None)
            i = max(end, i + 1)
        return added

    def _title_at(self, doc: Doc, i: int) -> int:
        """Length of a capitalised title starting at token i (0 if none)."""
        token = doc[i]
        if not token.is_title:
            return 0
        for n in range(min(self.title_words.get(_norm(token.text), 0), len(doc) - i), 0, -1):
            if tuple(_norm(t.text) for t in doc[i : i + n]) in self.titles:
                return n
        return 0

    def _clean(self, doc: Doc, ent: Span, label: str) -> tuple[Span | None, str | None]:
        start, end = ent.start, ent.end
        while start < end and doc[start].text in _EDGE_STRIP and label != "DATE":
            start += 1
        while end > start and doc[end - 1].text in _EDGE_STRIP and label != "DATE":
            end -= 1
        while end > start and not doc[end - 1].text[0].isalnum():
            end -= 1
        title = None
        if label in ("ORGANISATION", "PLACE") and ent.label_ in MODEL_LABELS and 2 <= end - start <= 6:
            _, title_before = self._strip_title(doc, start, start)
            if title_before and all(t.is_title or t.text == "-" for t in doc[start:end]):
                label = "PERSON"  # "Colonel Aminu Garba": a titled name is a person
        if label == "PERSON" and end - start > 1 and doc[end - 1].lower_ in PLACE_NAME_HEADS:
            label = "PLACE"  # "Martin Place", "Tavistock Square": a street or square named after a person
        if label == "PERSON":
            start, title = self._strip_title(doc, start, end)
        if start >= end:
            return None, None
        return Span(doc, start, end, label=label), title

    def _strip_title(self, doc: Doc, start: int, end: int) -> tuple[int, str | None]:
        """Drop leading title tokens inside the span, or find the title just before it."""
        for n in range(min(self.max_title_len, end - start - 1), 0, -1):
            words = tuple(_norm(t.text) for t in doc[start : start + n])
            if words in self.titles:
                return start + n, doc[start : start + n].text
        for n in range(min(self.max_title_len, start), 0, -1):
            if doc[start - n].is_lower and not any(t.is_title for t in doc[start - n : start]):
                continue
            words = tuple(_norm(t.text) for t in doc[start - n : start])
            if words in self.titles:
                return start, doc[start - n : start].text
        return start, None

    def _rejected(self, span: Span, label: str, caps: bool) -> bool:
        text = span.text
        if _line_break_inside(span) or (label != "DATE" and not any(c.isalpha() for c in text)):
            return True
        if label != "DATE" and not caps and not any(t.text[:1].isupper() for t in span):
            return True
        words = [_norm(t.text) for t in span]
        whole = " ".join(words)
        if label in ("ORGANISATION", "PERSON") and (whole in self.demonyms or whole.rstrip("s") in self.demonyms):
            return True  # "Nigerien", "Salafists": nationality and group adjectives are not names
        if label == "ORGANISATION" and len(span) == 1 and not caps and not text.isupper() and whole in self.common_words and text.upper() not in self.known_names:
            return True  # "Next", "Interior": a capitalised ordinary word, not a name
        for f in self.filters:
            if label not in f.labels:
                continue
            if whole in f.whole or words[0] in f.first_word or words[-1] in f.last_word:
                return True
        return False


@Language.factory("extract_entities", default_config={"patterns_dirs": []})
def make_entity_mapper(nlp: Language, name: str, patterns_dirs: list[str]) -> ModelEntityMapper:
    return ModelEntityMapper(nlp, name, patterns_dirs)
