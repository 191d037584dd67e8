"""extract_lexicon: organisations and publications from patterns/ matched with spaCy's PhraseMatcher.

Each alias becomes a phrase pattern. Multi-word names and mixed-case names match
case-insensitively (a ``LOWER`` PhraseMatcher); short all-caps acronyms ("ISIS", "FMLN")
match their exact spelling (an ``ORTH`` PhraseMatcher) so that "Isis" the first name or "is" the verb never match. Aliases an
entry lists as ``ambiguous`` (English words such as "IS") match only in exact case and never
in documents written in ALL CAPS. Matches overwrite overlapping model entities.
"""

from __future__ import annotations

import weakref
from typing import Literal

from pydantic import field_validator, model_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.attributes import doc_text, set_span_attrs
from extract.casing import is_all_caps
from extract.components.base import PatternComponent
from extract.components.person_names import is_wrapped_line_break
from extract.patterns import PatternEntry

OrganisationKind = Literal[
    "terrorist_group",
    "armed_group",
    "state_agency",
    "intelligence_agency",
    "police",
    "military",
    "political_party",
    "igo",
    "company",
    "ngo",
    "other",
]
PublicationKind = Literal[
    "magazine",
    "newspaper",
    "news_agency",
    "broadcaster",
    "propaganda_outlet",
    "website",
    "journal",
    "video_series",
    "other",
]


class _NameEntry(PatternEntry):
    """The keys every lexicon line has: a named thing and all the names it goes by."""

    id: str
    canonical: str
    kb_id: str | None = None
    aliases: list[str]
    ambiguous: list[str] = []


class OrganisationEntry(_NameEntry):
    """One line of patterns/organisations.jsonl."""

    kind: OrganisationKind
    parent: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 code of the state whose body this is
    country_aliases: list[str] = []  # bare names that mean this body only in a report about ``country``

    @field_validator("country")
    @classmethod
    def _country_code(cls, value: str | None) -> str | None:
        """A country is an upper-case two-letter ISO 3166-1 code."""
        if value is not None and not (len(value) == 2 and value.isascii() and value.isalpha() and value.isupper()):
            raise ValueError(f"country must be an upper-case ISO 3166-1 alpha-2 code, not {value!r}")
        return value

    @model_validator(mode="after")
    def _country_aliases_need_country(self) -> "OrganisationEntry":
        """Country aliases are capitalised names, need the entry's country and are none of its aliases."""
        if self.country_aliases and self.country is None:
            raise ValueError("country_aliases need a country")
        for alias in self.country_aliases:
            if not alias[:1].isupper() or alias in self.aliases:
                raise ValueError(f"country alias {alias!r} must be capitalised and not also an alias")
        return self


class PublicationEntry(_NameEntry):
    """One line of patterns/publications.jsonl."""

    kind: PublicationKind
    publisher: str | None = None


LEXICON_FILES: dict[str, tuple[type[PatternEntry], str]] = {
    "organisations.jsonl": (OrganisationEntry, "ORGANISATION"),
    "publications.jsonl": (PublicationEntry, "PUBLICATION"),
}
_ACRONYM_MAX_LEN = 7


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and alias.upper() == alias and len(alias) <= _ACRONYM_MAX_LEN


class LexiconRuler(PatternComponent):
    """Names from the organisation and publication lexicons -> ORGANISATION/PUBLICATION ents."""

    PATTERN_FILES = {fname: model for fname, (model, _) in LEXICON_FILES.items()}

    def initialize_rules(self) -> None:
        self.table: dict[str, tuple[str, PatternEntry]] = {}
        owners: dict[str, list[str]] = {}  # normalised alias -> entry ids that list it
        aliases: dict[str, tuple[str, str, bool]] = {}  # normalised alias -> (alias, label, ambiguous)
        for fname, (_, label) in LEXICON_FILES.items():
            for entry in self.entries.get(fname, []):
                self.table[entry.id] = (label, entry)
                ambiguous = set(entry.ambiguous)
                for alias in entry.aliases:
                    key = alias if is_acronym(alias) or alias in ambiguous else alias.lower()
                    ids = owners.setdefault(key, [])
                    if entry.id not in ids:
                        ids.append(entry.id)
                    prev = aliases.get(key)
                    aliases[key] = (alias, label, alias in ambiguous or bool(prev and prev[2]))
        self.shared: dict[str, list[str]] = {}
        self.rules: list[tuple[str, str]] = []  # match id -> (label, rule id)
        self.matchers = {
            "exact": PhraseMatcher(self.nlp.vocab, attr="ORTH"),
            "lower": PhraseMatcher(self.nlp.vocab, attr="LOWER"),
        }
        for n, (key, (alias, label, ambiguous)) in enumerate(aliases.items()):
            ids = owners[key]
            if len(ids) == 1:
                rule_id = ids[0]
            else:
                rule_id = f"shared{n}"
                self.shared[rule_id] = ids
            if ambiguous:
                rule_id += "#amb"
            exact = is_acronym(alias) or ambiguous
            match_key = f"lexicon{len(self.rules)}"
            self.rules.append((label, rule_id))
            pattern = self.nlp.make_doc(alias if exact else alias.lower())
            self.matchers["exact" if exact else "lower"].add(match_key, [pattern])
        self._rule_of = {self.nlp.vocab.strings[f"lexicon{i}"]: r for i, r in enumerate(self.rules)}

    def match(self, doc: Doc) -> list[Span]:
        """Every alias occurrence as a Span labelled with its type, ``span.id_`` = rule id."""
        words, index = without_line_breaks(doc)
        spans = []
        for matcher in self.matchers.values():
            for match_id, start, end in matcher(words):
                label, rule_id = self._rule_of[match_id]
                spans.append(Span(doc, index[start], index[end - 1] + 1, label=label, span_id=rule_id))
        return spans

    def _resolve_shared(self, spans: list[Span]) -> dict[str, str | None]:
        """Pick the owner of each shared alias: the one whose unshared names occur in the document."""
        present = {s.id_ for s in spans if s.id_ not in self.shared}
        resolved: dict[str, str | None] = {}
        for rule_id in {s.id_ for s in spans if s.id_ in self.shared}:
            candidates = [i for i in self.shared[rule_id] if i in present]
            resolved[rule_id] = candidates[0] if len(candidates) == 1 else None
        return resolved

    def __call__(self, doc: Doc) -> Doc:
        caps = is_all_caps(doc_text(doc))
        matches: list[Span] = []
        for span in self.match(doc):
            rule_id = span.id_
            if rule_id.endswith("#amb"):
                if caps:
                    continue
                rule_id = rule_id[: -len("#amb")]
            matches.append(Span(doc, span.start, span.end, label=span.label_, span_id=rule_id))
        matches = filter_spans(matches)
        if not matches:
            add_defined_acronyms(doc)
            return doc
        owners = self._resolve_shared(matches)
        resolved = []
        for span in matches:
            entry_id = owners.get(span.id_, span.id_)
            label = self.table[entry_id][0] if entry_id else span.label_
            resolved.append((Span(doc, span.start, span.end, label=label, span_id=span.id_), entry_id))
        matches = [s for s, _ in resolved]
        kept = [e for e in doc.ents if not any(spans_overlap(e, m) for m in matches)]
        doc.ents = sorted(kept + matches, key=lambda s: s.start)
        for span, entry_id in resolved:
            if entry_id is None:  # a name several entries share, and nothing in the text decides
                set_span_attrs(span, canonical=None, kb_id=None, source=f"pattern:{span.id_}", confidence=0.8, info=None)
                continue
            label, entry = self.table[entry_id]
            info = {"kind": entry.kind}
            if isinstance(entry, PublicationEntry):
                info["publisher"] = self._canonical(entry.publisher)
            elif isinstance(entry, OrganisationEntry):
                info["parent"] = self._canonical(entry.parent)
            set_span_attrs(
                span,
                canonical=entry.canonical,
                kb_id=entry.kb_id,
                source=f"pattern:{entry.id}",
                confidence=0.95,
                info=info,
            )
        add_defined_acronyms(doc)
        return doc

    def _canonical(self, entry_id: str | None) -> str | None:
        if entry_id and entry_id in self.table:
            return self.table[entry_id][1].canonical  # type: ignore[attr-defined]
        return None


# doc -> (its token count, its words when they differ from it, their indexes); never the doc itself as a
# value, which would keep its entry alive
_WORDS: weakref.WeakKeyDictionary[Doc, tuple[int, Doc | None, list[int]]] = weakref.WeakKeyDictionary()


def without_line_breaks(doc: Doc) -> tuple[Doc, list[int]]:
    """The document's words without the whitespace tokens inside prose (the break of a hard-wrapped
    line, a double space), so that a name wrapped over two lines matches ("NATIONAL LIBERATION\nFRONT");
    and the index in ``doc`` of each of its tokens. A blank line or the end of a short line (a list
    item, a heading) still separates names. Made once per document (the lexicon and the country names
    both read it)."""
    made = _WORDS.get(doc)
    if made is not None and made[0] == len(doc):
        return (doc if made[1] is None else made[1]), made[2]
    index = [t.i for t in doc if not (t.is_space and ("\n" not in t.text or is_wrapped_line_break(t)))]
    words = None if len(index) == len(doc) else Doc(doc.vocab, words=[doc[i].text for i in index])
    _WORDS[doc] = (len(doc), words, index)
    return (doc if words is None else words), index


def add_defined_acronyms(doc: Doc) -> None:
    """'Informal Anarchist Federation (FAI)': the bracketed acronym and its later uses name the same thing."""
    ents = list(doc.ents)
    definitions: dict[str, Span] = {}
    for ent in ents:
        if ent.label_ not in ("ORGANISATION", "PUBLICATION") or ent.end + 2 >= len(doc):
            continue
        if doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
            acronym = doc[ent.end + 1]
            if acronym.is_upper and 2 <= len(acronym.text) <= 8 and acronym.text != ent.text:
                definitions.setdefault(acronym.text, ent)
    if not definitions:
        return
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for tok in doc:
        long_form = definitions.get(tok.text)
        if long_form is not None and tok.i not in taken:
            added.append((Span(doc, tok.i, tok.i + 1, label=long_form.label_), long_form))
    doc.ents = sorted(ents + [s for s, _ in added], key=lambda s: s.start)
    for span, long_form in added:
        set_span_attrs(
            span,
            canonical=long_form._.canonical or long_form.text,
            kb_id=long_form._.kb_id,
            source="rule:acronym-definition",
            confidence=0.85,
            info=long_form._.info,
        )


def spans_overlap(a: Span, b: Span) -> bool:
    """Whether two spans share a token."""
    return a.start < b.end and b.start < a.end


@Language.factory("extract_lexicon", default_config={"patterns_dirs": []})
def make_lexicon_ruler(nlp: Language, name: str, patterns_dirs: list[str]) -> LexiconRuler:
    return LexiconRuler(nlp, name, patterns_dirs)
