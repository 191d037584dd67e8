"""Targets an attack damaged that a later sentence names: wire reports give the damage after the
attack ("A bomb exploded in Bogota. Two bank buildings and a restaurant were seriously damaged.").
A mixin of :class:`extract.events.mentions.MentionBuilder`."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.events.arguments import (
    AGENT_LABELS, PLACE_LABELS, is_security, noun_phrase_args, of_objects, person_span, prep_objects, security_people, subjects,
)
from extract.events.lexicon import parse_spec
from extract.events.merge import Mention, latest_placed

# how many sentences after an attack a sentence that reports damage without an attack of its own
# may continue it (wire reports give the damage right after the attack, or a few sentences on)
DAMAGE_SENTS = 4
# kinds of attack that damage things (not a kidnapping, a murder or a stabbing)
DAMAGING_TYPES = ("bombing", "suicide_bombing", "arson", "armed_assault", "shooting", "unknown")
# patterns/event_targets.jsonl: the damage verbs that report what an attack did to things
REPORT_CATEGORY = "damage_report"
# the place a thing was damaged at: "furniture was destroyed at the party headquarters"
AT_PREPS = ("at", "inside")


class DamageTargetFinder:
    """Reader of the targets a damage report names (uses a MentionBuilder's doc, lex, view, sents,
    sent_of, target_span, antecedent_target and fighters)."""

    def continued_targets(self, groups, out: list[Mention]) -> None:
        """The physical targets a sentence without an attack of its own reports damaged ("the
        installation was completely gutted", "it destroyed the entrance of the home", "damage to
        the buildings") continue the latest attack before it, within ``DAMAGE_SENTS`` sentences;
        a sentence with an attack of its own (an event or not) gives none to another."""
        with_group = {self.sent_of[t.head] for g in groups for t in g}
        report = {a for e in self.lex.targets if e.category == REPORT_CATEGORY for a in parse_spec(e.lemmas[0])[0]}
        for k, sent in enumerate(self.sents):
            if k in with_group:
                continue
            before = [m for m in out if m.sent_i < k and k - m.sent_i <= DAMAGE_SENTS and m.attack_type in DAMAGING_TYPES]
            if not before:
                continue
            earlier = [x for m in out for x in m.targets + m.later_targets]
            spans = [self.antecedent_target(t, self.damaged_span(t, report), earlier) for t in self.damaged(sent, report)]
            if not spans:
                continue
            m = latest_placed(before)
            m.later_targets += [sp for sp in spans if sp not in m.targets + m.later_targets]

    def damaged(self, sent: Span, report: set[str]) -> list[Token]:
        """The physical targets a sentence says were damaged: the passive subject or the object of
        a damage verb ("X were damaged", "destroyed X"), the subject of a damage participle
        ("X was completely gutted"), the noun one modifies ("partially destroyed homes"), the
        object of a damage noun ("damage to X"), the place the damage was done at ("furniture
        destroyed at X"), with the phrases coordinated to them and the whole a part belongs to
        ("the windows of X", "X's windows"); not people, places, areas or what fighters own."""
        lex = self.lex
        nouns: list[Token] = []
        lemmas = lex.lemmas(sent.doc)
        for v in sent:
            if lemmas[v.i] not in report or _denied(v) or self.by_security(v):
                continue
            if v.pos_ in ("VERB", "AUX", "ADJ"):
                nouns += [c for c in v.children if c.dep_ in ("nsubjpass", "dobj")]
                nouns += [s for c in v.children if _as_was(c) for s in c.children if s.dep_ == "nsubj"]
                nouns += prep_objects(v, *AT_PREPS)
                if v.dep_ in ("acomp", "oprd"):
                    nouns += [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                elif v.dep_ == "amod" and v.tag_ in ("VBN", "JJ"):
                    nouns.append(v.head)
            elif v.pos_ == "NOUN":
                nouns += prep_objects(v, "to")
        nouns = list(dict.fromkeys(nouns + [c for n in nouns for c in n.conjuncts if c.i > n.i]))
        nouns += [w for n in nouns if lemmas[n.i] not in lex.target_lemmas for w in _whole(n)]
        found = noun_phrase_args(nouns, lex.target_lemmas, self.view, AGENT_LABELS | PLACE_LABELS | {"DATE"})
        return [t for t in found if lex.target_lemmas[lemmas[t.i]].category != "area"
                and person_span(t, self.view) is None and not self.fighters(t)]

    def by_security(self, verb: Token) -> bool:
        """Damage the security forces did ("the police destroyed a guerrilla safe house"): not
        what an attack did."""
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return False  # a passive: its subject is what was damaged
        return any(is_security(s, self.view, self.lex) or security_people(s, self.lex) is not None for s in subjects(verb))

    def damaged_span(self, tok: Token, report: set[str]) -> tuple[int, int]:
        """A damaged target's span without the damage participle that modifies it ("the destroyed
        vehicle": "vehicle") and the words of a name it is written after ("In Prados de Venecia
        houses have been destroyed": "houses")."""
        doc = self.doc
        start, end = self.target_span(tok)
        first = doc.char_span(start, end, alignment_mode="expand").start
        k = first
        while k < tok.i and (doc[k].ent_iob_ == "I"  # inside an entity begun before the span
                             or _damage_modifier(doc[k], tok, report) or doc[k].is_space):
            k += 1
        return (doc[k].idx if k != first else start), end


def _denied(verb: Token) -> bool:
    """A damage verb negated or under a modal ("were not seriously damaged", "we will burn and
    destroy"); a coordinated verb shares its first verb's modal, not its negation."""
    shared = list(verb.head.children) if verb.dep_ in ("xcomp", "conj") else []
    return any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children) or any(c.tag_ == "MD" for c in shared)


def _as_was(clause: Token) -> bool:
    """An elliptical clause that repeats its verb ("several buildings were damaged, as were the windows")."""
    return clause.dep_ == "advcl" and clause.lemma_.lower() == "be" and any(
        m.dep_ == "mark" and m.lower_ == "as" for m in clause.children)


def _whole(part: Token) -> list[Token]:
    """What a damaged part belongs to: "the windows of X", "X's windows"."""
    return [c for c in part.children if c.dep_ == "poss"] + of_objects(part)


def _damage_modifier(word: Token, noun: Token, report: set[str]) -> bool:
    """A damage participle of a noun or its adverb ("partially destroyed" homes)."""
    part = word.head if word.dep_ == "advmod" else word
    return part.dep_ == "amod" and part.head.i == noun.i and part._.ev_lemma in report
