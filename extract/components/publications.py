"""extract_publications: publications recognised from how reports cite them.

- citations "(Haq, November 27, 2016)", "(Reuters, 12 March 2021)": a short proper name, a
  comma and a DATE inside brackets -> PUBLICATION with ``info["date"]``;
- introducers from patterns/publication_cues.jsonl: "the newspaper Corriere della Sera",
  "the state broadcaster Télé Sahel" -> the name after the cue word;
- appositives "Rumiyah, an ISIS publication" -> ``info["publisher"]``;
- issues "issue #2 of Rumiyah" -> ``info["issue"]``.
Publication names known to the lexicon arrive already labelled; this component adds the
rest and fills in issue, date and publisher.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.attributes import doc_text, set_span_attrs
from extract.casing import is_all_caps
from extract.components.base import PatternComponent
from extract.patterns import PatternEntry

NAME_CONNECTORS = {"della", "delle", "de", "del", "di", "da", "la", "le", "el", "al", "of", "the", "du", "des", "and", "&"}
_CITATION = re.compile(r"\(\s*([^(),\n]{2,60}?)\s*,\s*([^()\n]{4,40}?)\s*\)")
_ISSUE = re.compile(r"\bissue\s*(?:no\.?|number|#)?\s*(\d+)\s+of\s+$", re.I)
_MAX_NAME_TOKENS = 6


class PublicationCueEntry(PatternEntry):
    """One line of patterns/publication_cues.jsonl."""

    id: str
    kind: Literal["introducer", "appositive", "name_head", "name_start"]
    words: list[str]


def _is_resolved_name(ent: Span) -> bool:
    """A place the gazetteer resolved, or a name a rule already typed: not a citation source."""
    if ent.label_ == "PLACE":
        return bool((ent._.info or {}).get("country_code") or (ent._.info or {}).get("feature"))
    return ent.label_ != "PUBLICATION" and not (ent._.source or "model").startswith("model")


def _is_name_token(text: str) -> bool:
    return text[:1].isupper() or (text[:1].isdigit() and len(text) < 5)


class PublicationCitations(PatternComponent):
    """Adds PUBLICATION spans from citation forms and fills issue, date and publisher."""

    PATTERN_FILES = {"publication_cues.jsonl": PublicationCueEntry}

    def initialize_rules(self) -> None:
        self.tables: dict[str, dict[tuple[str, ...], str]] = {
            "introducer": {}, "appositive": {}, "name_head": {}, "name_start": {}
        }
        for entry in self.entries["publication_cues.jsonl"]:
            for w in entry.words:
                self.tables[entry.kind][tuple(w.lower().split())] = entry.id
        self.introducers = self.tables["introducer"]
        self.introducer_starts = {k[0] for k in self.introducers}  # first words, checked before a lookup
        self.introducer_len = max((len(k) for k in self.introducers), default=0)
        self.appositives = self.tables["appositive"]

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, str, dict]] = []
        found += self._citations(doc)
        if not is_all_caps(doc_text(doc)):
            found += self._introduced(doc)
        for span, rule, info in found:
            self._add(doc, span, rule, info)
        self._relabel_media_names(doc)
        self._annotate_existing(doc)
        return doc

    # -- new spans -------------------------------------------------------------------
    def _citations(self, doc: Doc) -> list[tuple[Span, str, dict]]:
        out = []
        dates = [e for e in doc.ents if e.label_ == "DATE"]
        for m in _CITATION.finditer(doc_text(doc)):
            name_span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
            date = next((d for d in dates if d.start_char >= m.start(2) and d.end_char <= m.end(2)), None)
            if name_span is None or date is None or len(name_span) > _MAX_NAME_TOKENS:
                continue
            if not _is_name_token(name_span[0].text) or any(t.is_digit for t in name_span):
                continue
            if any(_is_resolved_name(e) for e in doc.ents if e.start < name_span.end and name_span.start < e.end):
                continue
            info = {"date": (date._.info or {}).get("value")}
            out.append((name_span, "rule:publication-citation", info))
        return out

    def _introduced(self, doc: Doc) -> list[tuple[Span, str, dict]]:
        out = []
        strings = doc.vocab.strings
        lowers = [strings[low] for low in doc.to_array(LOWER).tolist()]
        i = 0
        while i < len(doc):
            matched = None
            if lowers[i] in self.introducer_starts and doc[i].is_lower:
                for n in range(self.introducer_len, 0, -1):
                    words = tuple(lowers[i : i + n])
                    if len(words) == n and words in self.introducers:
                        matched = n
                        break
            if matched:
                span = self._name_after(doc, i + matched)
                if span is not None:
                    out.append((span, f"rule:publication-{self.introducers[words]}", {}))
                    i = span.end
                    continue
            i += 1
        return out

    def _name_after(self, doc: Doc, start: int) -> Span | None:
        end = start
        while end < len(doc) and end - start < _MAX_NAME_TOKENS:
            tok = doc[end]
            if _is_name_token(tok.text) and not tok.is_sent_start:
                end += 1
            elif tok.lower_ in NAME_CONNECTORS and end > start and end + 1 < len(doc) and _is_name_token(doc[end + 1].text):
                end += 1
            else:
                break
        if end == start or doc[start].ent_type_ == "DATE":
            return None
        return doc[start:end]

    def _add(self, doc: Doc, span: Span, rule: str, info: dict) -> None:
        existing = [e for e in doc.ents if e.start < span.end and span.start < e.end]
        if any(e.label_ == "DATE" for e in existing):
            return
        if any(e.label_ == "PUBLICATION" for e in existing):
            for e in existing:
                if e.label_ == "PUBLICATION":
                    merged = dict(e._.info or {})
                    merged.update({k: v for k, v in info.items() if v})
                    e._.info = merged
            return
        if any((e._.source or "").startswith("pattern") for e in existing):
            return
        new = Span(doc, span.start, span.end, label="PUBLICATION")
        doc.ents = [e for e in doc.ents if e not in existing] + [new]
        set_span_attrs(new, source=rule, confidence=0.8, info=info, canonical=None, kb_id=None)

    def _relabel_media_names(self, doc: Doc) -> None:
        """A model ORGANISATION named like an outlet ("Shahada News Agency", "Radio X") is a PUBLICATION."""
        ents, changed = list(doc.ents), False
        for k, ent in enumerate(ents):
            if ent.label_ != "ORGANISATION" or not (ent._.source or "model").startswith("model") or len(ent) < 2:
                continue
            words = [t.lower_ for t in ent]
            rule = next(
                (r for n, r in ((n, self.tables["name_head"].get(tuple(words[-n:]))) for n in (3, 2, 1)) if r and n < len(words)),
                None,
            ) or next((r for n in (2, 1) if (r := self.tables["name_start"].get(tuple(words[:n]))) and n < len(words)), None)
            if rule:
                new = Span(doc, ent.start, ent.end, label="PUBLICATION")
                ents[k], changed = new, True
                set_span_attrs(new, source=f"rule:publication-{rule}", confidence=0.75, info={}, canonical=None, kb_id=None)
        if changed:
            doc.ents = ents

    # -- fields of existing publication spans ---------------------------------------
    def _annotate_existing(self, doc: Doc) -> None:
        ents = list(doc.ents)
        for idx, ent in enumerate(ents):
            if ent.label_ != "PUBLICATION":
                continue
            info = dict(ent._.info or {})
            issue = _ISSUE.search(doc_text(doc)[max(0, ent.start_char - 40) : ent.start_char])
            if issue and not info.get("issue"):
                info["issue"] = issue.group(1)
            publisher = self._appositive_publisher(doc, ent, ents[idx + 1 :])
            if publisher and not info.get("publisher"):
                info["publisher"] = publisher._.canonical or publisher.text
            if issue and not info.get("date"):
                info["date"] = self._date_in_same_bracket(doc, ent, ents[idx + 1 :])
            ent._.info = info

    def _appositive_publisher(self, doc: Doc, ent: Span, following: list[Span]) -> Span | None:
        """'<pub>, an <ORG> publication' -> the ORG span."""
        if ent.end + 3 >= len(doc) or doc[ent.end].text != "," or doc[ent.end + 1].lower_ not in ("a", "an", "the"):
            return None
        for org in following[:2]:
            if org.label_ == "ORGANISATION" and org.start == ent.end + 2:
                for n in (2, 1):
                    words = tuple(t.lower_ for t in doc[org.end : org.end + n])
                    if words in self.appositives:
                        return org
        return None

    def _date_in_same_bracket(self, doc: Doc, ent: Span, following: list[Span]) -> str | None:
        close = doc_text(doc).find(")", ent.end_char)
        for d in following:
            if d.label_ == "DATE" and (close == -1 or d.end_char <= close) and d.start_char - ent.end_char < 80:
                return (d._.info or {}).get("value")
        return None


@Language.factory("extract_publications", default_config={"patterns_dirs": []})
def make_publication_citations(nlp: Language, name: str, patterns_dirs: list[str]) -> PublicationCitations:
    return PublicationCitations(nlp, name, patterns_dirs)
