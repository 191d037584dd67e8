"""extract_country_names: a state's own forces by their bare names, in a report about that state.

"The National Guard", "the National Police", "the Army" name different bodies in different
countries, so patterns/organisations.jsonl lists them as an entry's ``country_aliases``, not as
its aliases. Runs after extract_places: the report's country is its dateline place's (not a
foreign bureau's, "MANAGUA (NICARAGUA), ... --"), else the one most of its resolved places lie
in. There a country alias becomes the ORGANISATION of that country's entry ("the National Guard"
in a Salvadoran report is the Salvadoran National Guard). In a report about another country, or
about none, the bare name stays what the model and the earlier components made of it, and a
longer lexicon name around it ("Venezuelan National Guard") or a place keeps its span. A country
alias matches its capitalised spelling (the recaser gives it in ALL-CAPS text).
"""

from __future__ import annotations

from typing import ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.attributes import doc_text, set_span_attrs
from extract.components.base import PatternComponent
from extract.components.datelines import DATELINE
from extract.components.lexicon import OrganisationEntry, spans_overlap, without_line_breaks
from extract.components.places import INPUT_PLACE_LABELS
from extract.events.merge import country_code, majority_country
from extract.patterns import PatternEntry

class CountryNamesComponent(PatternComponent):
    """Bare names of a state's forces -> that state's ORGANISATION, in a report about it."""

    PATTERN_FILES: ClassVar[dict[str, type[PatternEntry]]] = {"organisations.jsonl": OrganisationEntry}

    def initialize_rules(self) -> None:
        entries: list[OrganisationEntry] = self.entries["organisations.jsonl"]
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.owners: dict[int, dict[str, OrganisationEntry]] = {}  # match id -> country code -> entry
        keys: dict[str, str] = {}
        for entry in entries:
            for alias in entry.country_aliases:
                if alias not in keys:
                    keys[alias] = f"country_name{len(keys)}"
                    self.matcher.add(keys[alias], [self.nlp.make_doc(alias)])
                owners = self.owners.setdefault(self.nlp.vocab.strings[keys[alias]], {})
                owners.setdefault(entry.country, entry)  # type: ignore[arg-type]
        self.table = {e.id: e for e in entries}
        self.first_words = frozenset(alias.split()[0] for alias in keys)

    def __call__(self, doc: Doc) -> Doc:
        if not self.owners or not any(t.text in self.first_words for t in doc):
            return doc
        words, index = without_line_breaks(doc)
        found = self.matcher(words)
        country = report_country(doc) if found else None
        if country is None:
            return doc
        spans = [Span(doc, index[start], index[end - 1] + 1, label="ORGANISATION", span_id=entry.id)
                 for match_id, start, end in found for entry in [self.owners[match_id].get(country)] if entry]
        ents = list(doc.ents)
        fixed = [e for e in ents if e.label_ in INPUT_PLACE_LABELS or str(e._.source or "").startswith("pattern:")]
        spans = [s for s in filter_spans(spans) if not any(spans_overlap(s, e) for e in fixed)]
        if not spans:
            return doc
        kept = [e for e in ents if not any(spans_overlap(e, s) for s in spans)]
        doc.ents = sorted(kept + spans, key=lambda s: s.start)
        for span in spans:
            entry = self.table[span.id_]
            parent = self.table.get(entry.parent) if entry.parent else None
            set_span_attrs(
                span,
                canonical=entry.canonical,
                kb_id=entry.kb_id,
                source=f"pattern:{entry.id}",
                confidence=0.9,
                info={"kind": entry.kind, "parent": parent.canonical if parent else None},
            )
        return doc


def report_country(doc: Doc) -> str | None:
    """The country a report is about: its dateline place's (not a foreign bureau's, "MANAGUA (NICARAGUA),
    ... --", whose body is about another country), else the one most of its resolved places lie in."""
    places = [e for e in doc.ents if e.label_ in INPUT_PLACE_LABELS]
    dateline = DATELINE.match(doc_text(doc)[:300])
    name = (doc._.default_place or "").lower().strip()
    if dateline and name and "(" not in dateline.group(0).split(",")[0]:
        for e in places:
            if country_code(e) and e.start_char < dateline.end() and e.text.lower().strip() == name:
                return country_code(e)
    return majority_country(places)


@Language.factory("extract_country_names", default_config={"patterns_dirs": []})
def make_component(nlp: Language, name: str, patterns_dirs: list[str]) -> CountryNamesComponent:
    return CountryNamesComponent(nlp, name, patterns_dirs)
