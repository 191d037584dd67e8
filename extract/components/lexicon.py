"""extract_lexicon: organisations and publications from patterns/ matched with spaCy's SpanRuler.

Each alias becomes a token pattern. Multi-word names and mixed-case names match
case-insensitively (``LOWER``); short all-caps acronyms ("ISIS", "FMLN") match their exact
spelling (``ORTH``) so that "Isis" the first name or "is" the verb never match. Aliases an
entry lists as ``ambiguous`` (English words such as "IS") match only in exact case and never
in documents written in ALL CAPS. Matches overwrite overlapping model entities.
"""

from __future__ import annotations

from typing import Literal

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.attributes import set_span_attrs
from extract.casing import is_all_caps
from extract.components.base import PatternComponent
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


class OrganisationEntry(PatternEntry):
    """One line of patterns/organisations.jsonl."""

    id: str
    canonical: str
    kb_id: str | None = None
    kind: OrganisationKind
    aliases: list[str]
    ambiguous: list[str] = []
    parent: str | None = None


class PublicationEntry(PatternEntry):
    """One line of patterns/publications.jsonl."""

    id: str
    canonical: str
    kb_id: str | None = None
    kind: PublicationKind
    aliases: list[str]
    ambiguous: list[str] = []
    publisher: str | None = None


LEXICON_FILES: dict[str, tuple[type[PatternEntry], str]] = {
    "organisations.jsonl": (OrganisationEntry, "ORGANISATION"),
    "publications.jsonl": (PublicationEntry, "PUBLICATION"),
}
_ACRONYM_MAX_LEN = 7


def alias_token_pattern(tokens: list[str], exact_case: bool) -> list[dict[str, str]]:
    """A Matcher token pattern for an alias already split into tokens."""
    attr = "ORTH" if exact_case else "LOWER"
    return [{attr: t if exact_case else t.lower()} for t in tokens]


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and alias.upper() == alias and len(alias) <= _ACRONYM_MAX_LEN


class LexiconRuler(PatternComponent):
    """Names from the organisation and publication lexicons -> ORGANISATION/PUBLICATION ents."""

    PATTERN_FILES = {fname: model for fname, (model, _) in LEXICON_FILES.items()}

    def initialize_rules(self) -> None:
        self.table: dict[str, tuple[str, PatternEntry]] = {}
        self._ambiguous_ids: set[str] = set()
        ruler = SpanRuler(self.nlp, name=f"{self.name}_ruler", spans_key=None, annotate_ents=False)
        patterns = []
        tokenizer = self.nlp.tokenizer
        for fname, (_, label) in LEXICON_FILES.items():
            for entry in self.entries.get(fname, []):
                self.table[entry.id] = (label, entry)
                ambiguous = set(entry.ambiguous)
                for alias in dict.fromkeys(entry.aliases):
                    tokens = [t.text for t in tokenizer(alias)]
                    exact = is_acronym(alias) or alias in ambiguous
                    rule_id = f"{entry.id}#amb" if alias in ambiguous else entry.id
                    patterns.append(
                        {"label": label, "pattern": alias_token_pattern(tokens, exact), "id": rule_id}
                    )
        ruler.add_patterns(patterns)
        self.ruler = ruler if patterns else None

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None:
            return doc
        caps = is_all_caps(doc.text)
        matches: list[Span] = []
        for span in self.ruler.match(doc):
            rule_id = span.id_
            if rule_id.endswith("#amb"):
                if caps:
                    continue
                rule_id = rule_id[: -len("#amb")]
            matches.append(Span(doc, span.start, span.end, label=span.label_, span_id=rule_id))
        matches = filter_spans(matches)
        if not matches:
            return doc
        kept = [e for e in doc.ents if not any(_overlaps(e, m) for m in matches)]
        doc.ents = sorted(kept + matches, key=lambda s: s.start)
        for span in matches:
            label, entry = self.table[span.id_]
            info = {"kind": entry.kind}
            if isinstance(entry, PublicationEntry):
                info["publisher"] = self._publisher_name(entry.publisher)
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
        return doc

    def _canonical(self, entry_id: str | None) -> str | None:
        if entry_id and entry_id in self.table:
            return self.table[entry_id][1].canonical  # type: ignore[attr-defined]
        return None

    def _publisher_name(self, entry_id: str | None) -> str | None:
        return self._canonical(entry_id)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory("extract_lexicon", default_config={"patterns_dirs": []})
def make_lexicon_ruler(nlp: Language, name: str, patterns_dirs: list[str]) -> LexiconRuler:
    return LexiconRuler(nlp, name, patterns_dirs)
