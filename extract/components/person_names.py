"""People's names that start with a known given name, to repair the statistical NER's spans.

On recased wire text the small English model often misses a Spanish or Portuguese name
("Bernardo Jaramillo Ossa"), cuts it short ("Jose Antonio" of "Jose Antonio Rodriguez
Porth") or calls it an organisation ("Gustavo Ropero Navarro"). A run of capitalised words
that opens with a given name from patterns/person_given_names.jsonl is a person's name:

- a name the gazetteer or a lexicon knows ("Abu Dhabi") is not a run;
- no model entity overlaps it: it becomes a PERSON;
- the model's entities overlapping it all lie inside it (including the small model's stray
  WORK_OF_ART after a dateline's "[TEXT]"): they are replaced by one PERSON;
- a PERSON overlapping it or just before it (a title, "Roch Marc" + "Christian Kaboré"): both merge;
- any other entity reaching outside it ("Luis Vernaza Hospital") wins, the run is dropped.

A run ends at a function word, a verb or adjective form, a paragraph break or after five
words (the line break of hard-wrapped text does not end it),
and loses trailing ordinary English words ("Luis Castro roman" -> "Luis Castro") unless the word
closes the name before a comma, full stop, "and", "was" or "were" ("Carlos Mores, who";
extract.casing.closes_name).
"""

from __future__ import annotations

from pathlib import Path
from typing import Container, Sequence

from spacy.tokens import Doc, Span, Token

from extract.attributes import doc_text
from extract.casing import FOLLOWING_CHARS, closes_name, common_words, function_and_verb_words, given_names, surname_follows
from extract.gazetteer import strip_accents

MAX_NAME_WORDS = 5
# group nouns a person's name may open the name of ("the Modesto Ramirez urban commando units")
ORGANISATION_HEADS = frozenset({
    "front", "federation", "confederation", "command", "commando", "commandos", "group", "unit", "units", "brigade",
    "battalion", "movement", "committee", "committees", "foundation", "association", "institute", "university",
    "party", "union", "organization", "organisation", "cartel", "council", "center", "centre", "league", "alliance",
    "column", "cell", "squad", "detachment", "society",
})
MAX_MODIFIERS = 3  # words between a person's name and the group noun it names ("urban commando")
MODEL_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART"})  # labels a run may replace
_SHORT_LINE = 40  # a line break after a shorter line ends a headline or a list item, not wrapped prose


def is_wrapped_line_break(token: Token) -> bool:
    """A whitespace token holding one line break of hard-wrapped prose (the line before it is long)."""
    if token.text.count("\n") != 1:
        return False
    line_start = doc_text(token.doc).rfind("\n", 0, token.idx) + 1
    return token.idx - line_start >= _SHORT_LINE


class GivenNamePersons:
    """Finds given-name runs in a Doc and merges them into the model's entity spans."""

    def __init__(self, dirs: Sequence[Path], known_names: Container[str]) -> None:
        self.given, self.word_given = given_names(tuple(dirs))
        self.common = common_words()
        self.not_name_words = function_and_verb_words()
        self.known_names = known_names  # UPPER-CASE organisation, publication and place names
        self.folded_names = {strip_accents(name) for name in known_names}  # without accents ("VINA DEL MAR")

    def runs(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges [start, end) of capitalised runs of two or more words opening with a given name."""
        out: list[tuple[int, int]] = []
        i, n = 0, len(doc)
        while i < n:
            end = self._run_end(doc, i) if self._opens_name(doc, i) else i
            # "Abu Dhabi": a name the gazetteer or a lexicon knows is a place or an organisation
            if end - i >= 2 and " ".join(t.text.upper() for t in doc[i:end] if not t.is_space) not in self.known_names:
                out.append((i, end))
                i = end
            else:
                i += 1
        return out

    def _opens_name(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        if not (token.is_title and token.is_alpha):
            return False
        upper = token.text.upper()
        if upper in self.given:
            return True
        # "Hector Oqueli", not "Mark The": a given name that is also a word needs a surname after it
        return upper in self.word_given and i + 1 < len(doc) and self._name_word(doc, i + 1) and surname_follows(
            doc[i + 1].text, self.given, self.common
        )

    def _name_word(self, doc: Doc, j: int) -> bool:
        token = doc[j]
        if not (token.is_title and token.is_alpha):
            return False
        if token.lower_ not in self.not_name_words or token.text.upper() in self.given:
            return True
        return self._closes_name(doc, j)

    def _closes_name(self, doc: Doc, j: int) -> bool:
        """An English word ending the name before a comma, full stop, "and", "was" or "were" ("Carlos Mores, who"), unless
        the model puts it in a place or in an organisation that goes on after it ("Luis Vernaza Hospital.");
        a model organisation the word ends, or a model entity of another label it ends that opens with a given
        name (mostly places), is the name miscalled ("Felipe Costa," tagged ORG, "Guillermo Payes," tagged GPE)."""
        ends_entity = j + 1 == len(doc) or doc[j + 1].ent_iob_ != "I"
        ends_organisation = doc[j].ent_type_ == "ORG" and ends_entity
        if doc[j].ent_type_ not in ("", "PERSON") and not ends_organisation and not (
            ends_entity and self._opens_with_given_name(doc, j)
        ):
            return False
        following = doc_text(doc)[doc[j].idx + len(doc[j]) : doc[j].idx + len(doc[j]) + FOLLOWING_CHARS]
        return closes_name(doc[j].text, following)

    def _opens_with_given_name(self, doc: Doc, j: int) -> bool:
        """The model entity token j is in opens with a given name ("Guillermo Payes" tagged GPE)."""
        start = j
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return start < j and doc[start].text.upper() in self.given

    def _next_word(self, doc: Doc, j: int) -> int:
        """Index of the name word after token j-1, stepping over the line break of wrapped text."""
        if j < len(doc) and doc[j].is_space and is_wrapped_line_break(doc[j]):
            return j + 1
        return j

    def _run_end(self, doc: Doc, i: int) -> int:
        end, words = i + 1, 1
        while words < MAX_NAME_WORDS:
            nxt = self._next_word(doc, end)
            if nxt >= len(doc) or not self._name_word(doc, nxt):
                break
            end, words = nxt + 1, words + 1
        while end > i + 1 and (
            doc[end - 1].lower_ in self.common
            and doc[end - 1].text.upper() not in self.given
            and not self._closes_name(doc, end - 1)
        ):
            end -= 1
            while end > i + 1 and doc[end - 1].is_space:
                end -= 1
        return end

    def merge(self, doc: Doc, ents: Sequence[Span]) -> tuple[list[Span], list[Span]]:
        """(entities with the runs merged in, the PERSON spans this added or changed)."""
        kept = list(ents)
        added: list[Span] = []
        for start, end in self.runs(doc):
            # a model PERSON just before the run is the first part of the name ("Roch Marc" + "Christian Kaboré")
            overlapping = [e for e in kept if e.start < end and start < e.end or (e.end == start and e.label_ == "PERSON")]
            if any(e.label_ not in MODEL_NAME_LABELS for e in overlapping):
                continue
            outside = [e for e in overlapping if e.start < start or e.end > end]
            if outside and any(e.label_ != "PERSON" for e in outside):
                continue
            new_start = min([start] + [e.start for e in overlapping])
            new_end = max([end] + [e.end for e in overlapping])
            if len(overlapping) == 1 and overlapping[0].label_ == "PERSON" and (
                overlapping[0].start, overlapping[0].end
            ) == (new_start, new_end):
                continue  # the model already has this name
            span = Span(doc, new_start, new_end, label="PERSON")
            kept = [e for e in kept if e not in overlapping] + [span]
            added.append(span)
        kept = [self._not_person(doc, e, kept) if e.label_ == "PERSON" else e for e in kept]
        kept = [e for e in kept if e is not None]
        kept.sort(key=lambda e: e.start)
        return kept, added

    def _not_person(self, doc: Doc, ent: Span, kept: Sequence[Span]) -> Span | None:
        """A PERSON span that is part of another name: the organisation it opens ("the Modesto Ramirez
        urban commando units", "the Oscar Arnulfo Romero Federation") as an ORG; None for the end of a
        place or organisation name the gazetteer or a lexicon knows ("Vina" + "del Mar")."""
        for k in (1, 2):
            if ent.start - k >= 0 and not any(t.is_space for t in doc[ent.start - k : ent.start]):
                if strip_accents(" ".join(doc[ent.start - k : ent.end].text.upper().split())) in self.folded_names:
                    return None
        end = self._organisation_end(ent)
        if end is None or any(e.start < end and ent.end <= e.end and e is not ent for e in kept):
            return ent
        # with its opening quote: '"Nelson Mandela" command group'
        start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].is_quote else ent.start
        return Span(doc, start, end, label="ORG")

    def _organisation_end(self, ent: Span) -> int | None:
        """End of the organisation name a person's name opens: the group noun the name modifies
        just after it, with only its modifiers or a quote between ('the "Nelson Mandela" command group')."""
        root = ent.root
        if root.dep_ not in ("compound", "nmod", "amod"):
            return None
        head = root.head
        if not ent.end <= head.i <= ent.end + MAX_MODIFIERS or head.lower_ not in ORGANISATION_HEADS:
            return None
        between = ent.doc[ent.end : head.i]
        if not all(t.head.i == head.i and t.dep_ in ("compound", "amod", "punct") or t.is_quote for t in between):
            return None
        return head.i + 1
