"""Sentence-level assembly: triggers -> grouped mentions with status and arguments."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from extract.events.arguments import (
    AGENT_LABELS, ARG_DEPS, GROUP_NOUNS, LIGHT_VERBS, PLACE_LABELS, SentenceView, agent_entities, agents, attacker_head, attacker_span,
    casualty_count, core_span, is_attacker_noun, is_security, noun_phrase_args, np_span, person_span,
    security_people, subjects, target_attached,
)
from extract.events.lexicon import EventLexicon, parse_spec
from extract.events.merge import Mention
from extract.events.status import DETACHING_PREPS, CueIndex, clause_top, trigger_status
from extract.events.triggers import TYPE_RANK, Trigger, find_triggers

MAX_LINK = 4
MAX_OF_PHRASE = 8  # tokens of an "of" phrase a target keeps ("the offices of the national telephone company")
# dependencies that continue a list of named people ("X, Y, and Z", "two reporters, X and Y")
LIST_DEPS = ("conj", "appos")
# how many sentences after an attack a sentence naming victims without an attack may continue it
CONTINUE_SENTS = 8
TAKEN_TYPES = ("kidnapping", "hostage_taking")
# attacks on one person: the possessor of the attack noun is its victim ("X's murder")
PERSONAL_TYPES = ("assassination",) + TAKEN_TYPES
RELATIVES = ("who", "whom", "that")
# a victim phrase's members and names: "nine people, including X", "a vendor identified as X"
INCLUDING = ("including",)
# "one of the wounded is X" (not "a relative of the victims is X")
PART_WORDS = ("one", "some", "several", "many", "most", "all", "two", "three")
NAMING_VERBS = ("identify", "name", "know", "call")
# a document's only armed group is the perpetrator of attacks named within this many sentences of it
NEAR_SENTENCES = 5
# people nouns that are the attackers when they are the subject or "by" agent of an attack
PERSON_NOUNS = {"individual", "man", "men", "youth", "stranger"}
MEMBER_WORDS = {"member", "members", "supporter", "faction", "cell", "column", "unit", "commando", "militant", "fighter"}
# nouns a weapon word modifies that are still the weapon ("dynamite charge", "explosive devices")
WEAPON_PARTS = {"charge", "stick", "device", "package", "cartridge", "shell", "launcher", "artifact", "load",
                "bomb", "grenade", "rifle", "gun", "weapon", "mine"}  # tree edges between two triggers of the same attack


def _described(tok: Token) -> bool:
    """A people noun with a count, an adjective or a participle describing them ("two young men",
    "men wearing military uniforms")."""
    return tok._.ev_lemma in PERSON_NOUNS and any(
        x.dep_ in ("nummod", "amod") or (x.dep_ == "acl" and x.tag_ in ("VBG", "VBN") and x.i > tok.i) for x in tok.children)


def described_people(tok: Token) -> Token | None:
    """Unnamed people a subject or "by" agent describes, who are then the attackers: itself
    ("three individuals"), or the people a group is made of ("a group of men wearing uniforms")."""
    if _described(tok):
        return tok
    if tok._.ev_lemma in GROUP_NOUNS:
        for p in (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children):
            if p.dep_ == "pobj" and _described(p):
                return p
    return None


def people_span(tok: Token, view: SentenceView) -> tuple[int, int]:
    """An attacker span with the participle that describes the people ("men wearing military
    uniforms", "two men riding a motorcycle")."""
    start, end = attacker_span(tok, view)
    for x in tok.children:
        phrase = list(x.subtree)
        if x.dep_ == "acl" and x.tag_ in ("VBG", "VBN") and x.i > tok.i and tok._.ev_lemma in PERSON_NOUNS \
                and len(phrase) <= 6 and not any(t.pos_ in ("VERB", "AUX") and t.i != x.i for t in phrase):
            last = x.right_edge
            while last.i > x.i and (last.is_punct or last.is_space):
                last = last.nbor(-1)
            end = max(end, last.idx + len(last))
    return start, end


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def tree_path(a: Token, b: Token) -> list[Token] | None:
    """Tokens on the path a..b (excluding the common ancestor), or None if unconnected."""
    aa, bb = _ancestors(a), _ancestors(b)
    bset = {t.i: k for k, t in enumerate(bb)}
    for k, t in enumerate(aa):
        if t.i in bset:
            return aa[:k] + bb[: bset[t.i]]
    return None


def linked(a: Token, b: Token) -> bool:
    path = tree_path(a, b)
    if path is None or len(path) > MAX_LINK:
        return False
    for t in path:
        if t.dep_ in ("conj", "relcl", "parataxis") and t.pos_ in ("NOUN", "PROPN"):
            return False
        if t.dep_ == "pobj" and t.head.lower_ in DETACHING_PREPS:
            return False
        if t.dep_ == "prep" and t.lower_ in DETACHING_PREPS:
            return False
    return True


def tree_distance(a: Token, b: Token) -> int:
    p = tree_path(a, b)
    return len(p) if p is not None else 99


def clause_verb(tok: Token) -> Token:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def requirement_ok(trig: Trigger, doc: Doc, view: SentenceView, lex: EventLexicon) -> bool:
    head = doc[trig.head]
    req = trig.requires
    if req is None:
        return True
    objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [x for o in objs for x in o.children if x.dep_ == "conj"]
    if req == "named_person_object":  # "killed X", "killed the mayor of Cali, X"
        return any(person_span(o, view) is not None for o in objs)
    if req == "person_object":
        return any(person_span(o, view) is not None or o._.ev_lemma in lex.victim_lemmas for o in objs)
    if req == "target_object":
        return any(o._.ev_lemma in lex.target_lemmas for o in objs)
    subs = subjects(head) if head.pos_ in ("VERB", "AUX") or head.is_upper else []
    subs += agents(head)
    if req == "attacker_subject":
        if any(is_attacker_noun(o, lex) or o.lower_ in ("themselves",) for o in objs):
            return False
        return any(
            not is_security(s, view, lex)
            and (is_attacker_noun(s, lex) or view.ent(s, AGENT_LABELS) is not None or agent_entities(s, view, lex))
            for s in subs
        )
    if req == "not_security_subject":
        return not any(is_security(s, view, lex) for s in subs)
    return True


class MentionBuilder:
    def __init__(self, doc: Doc, lex: EventLexicon):
        self.doc = doc
        self.lex = lex
        self.view = SentenceView(doc)
        self.cues = CueIndex.build(doc, lex)
        self.weapon_matches = lex.match("weapons", doc)
        # line number per token: a parsed "sentence" may run over several lines (headings, bullets)
        # (soft-wrapped wire text keeps its lines together; a short line or a bullet breaks)
        self.line_of = []
        hard = _hard_breaks(doc.text)
        line, k = 0, 0
        for tok in doc:
            while k < len(hard) and hard[k] < tok.idx:
                line += 1
                k += 1
            self.line_of.append(line)
        # text blocks separated by a blank line (SentenceView.para_of also breaks at a single newline)
        blanks = [mt.end() for mt in re.finditer(r"\n[ \t]*\n", doc.text)]
        self.block_of = [bisect.bisect_right(blanks, tok.idx) for tok in doc]
        self.orphan_victims: list[tuple[int, list[tuple[int, int]]]] = []  # (token, named victims)
        # kidnapping verbs: "those who were kidnapped are X"
        self.taken_lemmas = {a for e in lex.triggers if e.attack_type in TAKEN_TYPES and len(e.lemmas) == 1
                             for a in parse_spec(e.lemmas[0])[0]}
        self.sents = list(doc.sents)
        self.sent_of = {}
        for k, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = k

    # ------------------------------------------------------------------ groups
    def groups(self) -> list[list[Trigger]]:
        trigs = find_triggers(self.doc, self.lex, lambda t: requirement_ok(t, self.doc, self.view, self.lex))
        groups: list[list[Trigger]] = []
        for t in trigs:
            for g in groups:
                if self.sent_of[g[0].head] == self.sent_of[t.head] and any(
                    linked(self.doc[t.head], self.doc[o.head]) for o in g
                ):
                    g.append(t)
                    break
            else:
                groups.append([t])
        return groups

    # ------------------------------------------------------------------ mentions
    def mentions(self) -> list[Mention]:
        doc, lex, view = self.doc, self.lex, self.view
        groups = self.groups()
        trig_toks = {i: t.attack_type for g in groups for t in g for i in range(t.start, t.end)}
        trig_toks.update({t.head: t.attack_type for g in groups for t in g})
        own_tokens = [set(i for t in g for i in (x.i for x in doc[t.head].subtree)) for g in groups]
        casualty_by_group, victims_by_group = self.casualties(groups)
        resp_by_group, orphan_resp = self.responsibility(groups)
        out: list[Mention] = []
        for gi, g in enumerate(groups):
            sent = self.sents[self.sent_of[g[0].head]]
            primary = max(g, key=lambda t: (TYPE_RANK[t.attack_type], not t.weak))
            # the words of the group's other triggers are not cues ("placed a charge of dynamite":
            # "charge" is the bomb, not a criminal charge)
            group_tokens = {i for t in g for i in range(t.start, t.end)}
            statuses = [trigger_status(doc[t.head], group_tokens, doc, lex, self.cues, t.weak) for t in g]
            if any(s.non_event for s in statuses):
                continue
            # status: the strongest cue over the group's triggers
            order = ["prevented", "attempted", "planned", "threatened"]
            st = next((s for o in order for s in statuses if s.status == o), statuses[0])
            others = set()
            for gj, toks in enumerate(own_tokens):
                if gj != gi and self.sent_of[groups[gj][0].head] == self.sent_of[g[0].head]:
                    others |= toks
            others -= own_tokens[gi]
            verbs = {clause_verb(doc[t.head]) for t in g}
            scope = set(own_tokens[gi])
            for v in verbs:
                scope |= {x.i for x in v.subtree}
            scope -= others
            line = self.line_of[primary.head]
            scope = {i for i in scope if self.line_of[i] == line}
            sent = [t for t in sent if self.line_of[t.i] == line]
            scope_toks = [doc[i] for i in sorted(scope)]
            subj_toks = set()
            for v in verbs:
                for c in v.children:
                    if c.dep_ in ("nsubj",):
                        subj_toks |= {x.i for x in c.subtree}
            if own_tokens[gi] & subj_toks:
                subj_toks = set()  # the trigger is (in) the subject itself
            places = view.ents_in([doc[i] for i in sorted(own_tokens[gi])], PLACE_LABELS)
            anaphoric = all(t.weak for t in g) and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in doc[primary.head].children
            )
            if not places and not anaphoric:
                places = view.ents_in([x for x in scope_toks if x.i not in subj_toks], PLACE_LABELS)
            if not places and not anaphoric:
                places = view.ents_in([t for t in sent if t.i not in others and t.i not in subj_toks], PLACE_LABELS)
            # arguments
            perps, attackers = [], []
            for t in g:
                head = doc[t.head]
                cands = []
                if head.pos_ in ("VERB", "AUX") or head.is_upper:
                    if not any(c.dep_ == "nsubjpass" for c in head.children):
                        cands += subjects(head)
                    cands += agents(head)
                else:
                    # a named person who owns an attack noun or is the subject of a verb about it is
                    # mostly its victim or a commentator ("Galan's murder", "X condemned the killing")
                    weak = [c for c in head.children if c.dep_ in ("poss", "compound") and view.ent(c, AGENT_LABELS)]
                    cands += agents(head)
                    if head.dep_ == "dobj":
                        (cands if self.does(head.head, head) else weak).extend(subjects(head.head))
                    elif head.dep_ == "nsubjpass":
                        cands += agents(head.head)
                    elif head.dep_ == "pobj" and head.head.head.pos_ == "VERB" and not self.accuses(head.head.head):
                        weak += subjects(head.head.head)
                    cands += [c for c in weak if view.ent(c, {"PERSON"}) is None and person_span(c, view) is None]
                if head.dep_ in ("nsubj",) and is_attacker_noun(head, lex):
                    cands.append(head)
                civilians = None
                for c in cands:
                    if is_security(c, view, lex) or security_people(c, lex) is not None:
                        if civilians is None:
                            civilians = self.against_civilians(g)
                        if civilians:  # "soldiers massacred six peasants": the forces are the perpetrators
                            perps += agent_entities(c, view, lex, security=True)
                            a = security_people(c, lex)
                            if a is not None and view.ent(a, AGENT_LABELS) is None:
                                attackers.append(attacker_span(a, view))
                        continue
                    perps += agent_entities(c, view, lex)
                    a = attacker_head(c, lex)
                    if a is None and view.ent(c, AGENT_LABELS) is None and c.i not in trig_toks:
                        a = described_people(c)  # "three individuals kidnapped X", "shot by two young men"
                    if a is not None and view.ent(a, AGENT_LABELS) is None:
                        attackers.append(people_span(a, view))
            # "FMLN guerrillas", "Shining Path terrorists" named as one organisation: the noun
            # is the attackers
            for e in perps:
                last = e[-1]
                if len(e) > 1 and is_attacker_noun(last, lex) and not is_security(last, view, lex):
                    span = (last.idx, last.idx + len(last))
                    if span not in attackers:
                        attackers.append(span)
            if not attackers:
                attackers += self.sentence_attackers(sent)
            claimed = []
            for kind, ents in resp_by_group.get(gi, []):
                perps += ents
                if kind == "claim":
                    claimed += ents
            attackers += [a for a in self.resp_attackers.get(gi, []) if a not in attackers]
            cand = noun_phrase_args([x for x in scope_toks if x.i not in subj_toks and x.dep_ in ARG_DEPS],
                                    lex.target_lemmas, view, AGENT_LABELS | {"DATE"})
            attached = [t for t in cand if target_attached(t, trig_toks, lex)]
            if not attached:
                # no target attached to the attack (often a misparse): the first thing hit where
                # the attack's own clause says it happened ("bombs on three trains")
                attached = [t for t in cand if t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "inside", "outside", "into")
                            and lex.target_lemmas[t._.ev_lemma].category != "area"][:1]
            targets = [self.target_span(t) for t in attached]
            weapons = _outermost([w for _, s, e in self.weapon_matches if s in scope
                                  for w in [self.weapon_span(s, e)] if w is not None])
            victims = list(victims_by_group.get(gi, []))
            victims += [v for v in self.object_victims(g) if v not in victims]
            killed, injured = casualty_by_group.get(gi, (None, None))
            # attack type: refine an unknown trigger by the weapon or attacker noun
            atype = primary.attack_type
            if atype == "unknown":
                hints = [e.attack_type for e, s, _ in self.weapon_matches if s in scope]
                for c in (doc[a] for a in ()):
                    pass
                hints += [lex.actor_lemmas[doc[i]._.ev_lemma].attack_type for i in scope
                          if doc[i]._.ev_lemma in lex.actor_lemmas and lex.actor_lemmas[doc[i]._.ev_lemma].attack_type]
                hints = [h for h in hints if h and h != "unknown"]
                if hints:
                    atype = max(hints, key=lambda h: TYPE_RANK[h])
            # date
            date, date_inh, date_weak = self.date_for(g, scope, sent)
            weak = all(t.weak for t in g)
            conf = 0.5 + (0.15 if not weak else 0) + 0.05 * sum(bool(x) for x in (perps, targets, date, killed, weapons))
            m = Mention(
                sent_i=self.sent_of[g[0].head], para_i=view.para_of[g[0].head],
                trigger=(doc[primary.start].idx, doc[primary.end - 1].idx + len(doc[primary.end - 1])),
                trigger_token=primary.head, attack_type=atype, status=st.status,
                rules=[t.rule for t in g] + [st.rule], locations=places, loc_inherited=not places,
                perpetrators=_dedupe(perps), claimed_by=_dedupe(claimed), attackers=attackers, targets=targets,
                victims=victims, weapons=weapons, date=date, date_inherited=date_inh, date_weak=date_weak, killed=killed,
                injured=injured, evidence=[(sent[0].idx, sent[-1].idx + len(sent[-1]))], weak=weak, confidence=min(conf, 0.95),
            )
            # a generic-sounding weak mention with no place and no detail is not an event
            out.append(m)
        self.orphan_resp = orphan_resp
        self.document_actors(out, orphan_resp)
        self.continued_victims(groups, out)
        return out

    def continued_victims(self, groups, out: list[Mention]) -> None:
        """Named victims of a sentence that names no attack of its own continue the latest attack
        before it ("... killed the mayor. His son, X, and his driver, Y, were also killed.", "The
        victims were identified as X and Y."); a sentence that identifies the people its own
        attack harmed names them for that attack ("those who were kidnapped are X")."""
        with_group = {self.sent_of[g[0].head] for g in groups}
        found = list(self.orphan_victims)
        for sent in self.sents:
            found += [(tok_i, self.named_list(np)) for tok_i, np in self.identified_victims(sent)]
        for tok_i, spans in found:
            here = [m for m in out if m.sent_i == self.sent_of[tok_i]]
            before = [m for m in out if m.trigger_token < tok_i and self.sent_of[tok_i] - m.sent_i <= CONTINUE_SENTS]
            if not spans or not (here or before) or (not here and self.sent_of[tok_i] in with_group):
                continue  # (a sentence whose own attack is no event names no victims of another)
            if here:
                m = min(here, key=lambda m: tree_distance(self.doc[m.trigger_token], self.doc[tok_i]))
            else:
                m = max(before, key=lambda m: m.trigger_token)
            m.later_victims += [v for v in spans if v not in m.victims + m.later_victims]

    def identified_victims(self, sent: Span) -> list[tuple[int, Token]]:
        """(verb, phrase naming them) for the harmed people a sentence identifies: "the victims
        were identified as X", "the injured were X and Y", "among the dead is X", "one of the
        wounded is X", "those who were kidnapped are X"."""
        out = []
        for v in sent:
            if v.pos_ not in ("AUX", "VERB"):
                continue
            lemma = v._.ev_lemma
            if lemma == "be":
                subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
                attrs = [c for c in v.children if c.dep_ in ("attr", "acomp")]
                among = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "among"
                         for p in c.children if p.dep_ == "pobj"]
                part = [p for x in subj if x.like_num or x.lower_ in PART_WORDS for p in _of_pobjs(x)]
                if any(self.harmed(x) for x in subj + among + part):
                    out += [(v.i, a) for a in attrs]
                    if among:
                        out += [(v.i, x) for x in subj]
            elif lemma == "identify":
                who = [c for c in v.children if c.dep_ in ("nsubjpass", "dobj")]
                if any(self.harmed(x) for x in who):
                    out += [(v.i, p) for c in v.children if c.dep_ == "prep" and c.lower_ == "as"
                            for p in c.children if p.dep_ == "pobj"]
        return out

    def harmed(self, tok: Token) -> bool:
        """A phrase for people harmed in an attack: "the victims", "the hostages", "the dead",
        "the wounded nuns", "those who were kidnapped"."""
        lex = self.lex
        entry = lex.victim_lemmas.get(tok._.ev_lemma)
        if entry is not None and entry.category == "harmed":
            return True
        words = [tok] + [c for c in tok.children if c.dep_ in ("amod", "acl", "relcl")]
        return any(w._.ev_lemma in lex.casualty_lemmas or w._.ev_lemma in self.taken_lemmas for w in words)

    def accuses(self, verb: Token) -> bool:
        """A verb whose subject blames someone else ("the FMLN blamed the army for X")."""
        entries = self.lex.responsibility_lemmas.get(verb._.ev_lemma)
        return bool(entries) and all(e.arg != "subject" for e in entries)

    def does(self, verb: Token, obj: Token) -> bool:
        """A verb whose subject carries out the attack its object names: any verb of a weapon
        ("smuggled a bomb", "planted an explosive device"); of an attack noun, a light verb or a
        verb that names the doer of an attack ("carried out an attack", "ordered the killing")."""
        if any(s <= obj.i < e for _, s, e in self.weapon_matches):
            return True
        entries = self.lex.responsibility_lemmas.get(verb._.ev_lemma) or []
        return verb._.ev_lemma in LIGHT_VERBS or any(e.id == "by_agent" for e in entries)

    def reports(self, verb: Token) -> bool:
        """A verb that reports or announces something ("the rebels said that ...", "the guerrillas
        announced that ..."): it takes a clause; its subject is a source, not a doer."""
        return any(c.dep_ == "ccomp" for c in verb.children) and not self.lex.responsibility_lemmas.get(verb._.ev_lemma)

    def against_civilians(self, g: list[Trigger]) -> bool:
        """Whether an attack is done to civilians or their property, not to fighters: what its
        triggers are done to ("massacred six peasants", "the murder of X", "bombed a church")
        names people or things, and neither attackers nor troops."""
        doc, lex, view = self.doc, self.lex, self.view
        objs: list[Token] = []
        for t in g:
            head = doc[t.head]
            objs += [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            if head.pos_ in ("NOUN", "PROPN"):
                objs += [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against")
                         for p in c.children if p.dep_ == "pobj"]
        objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
        if not objs or any(self.fighters(o) for o in objs):
            return False
        for o in objs:
            v = lex.victim_lemmas.get(o._.ev_lemma)
            if view.ent(o, {"PERSON"}) is not None or (v is not None and getattr(v, "category", None) != "security") \
                    or o._.ev_lemma in lex.target_lemmas:
                return True
        return False

    def fighters(self, tok: Token) -> bool:
        """A noun phrase naming fighters or what is theirs: attackers, troops, "a guerrilla camp",
        "a Shining Path hideout"."""
        lex, view = self.lex, self.view
        if is_attacker_noun(tok, lex) or is_security(tok, view, lex):
            return True
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "nmod", "amod"):
                e = view.ent(c, {"ORGANISATION", "ORG"})
                if is_attacker_noun(c, lex) or is_security(c, view, lex) or \
                        (e is not None and (e._.info or {}).get("kind") == "armed_group"):
                    return True
        return False

    def sentence_attackers(self, sent) -> list[tuple[int, int]]:
        """Unnamed attackers the sentence of an attack names as the doers of something: the
        subject of a verb or a "by" agent ("guerrillas ... fled", "set off by terrorists")."""
        lex, view = self.lex, self.view
        out = []
        for t in sent:
            if t.dep_ == "nsubj" or (t.dep_ == "pobj" and t.head.lower_ == "by") or \
                    (t.dep_ == "conj" and t.head.dep_ in ("nsubj",)):
                if is_security(t, view, lex) or (t.dep_ == "nsubj" and (self.accuses(t.head) or self.reports(t.head))):
                    continue
                a = attacker_head(t, lex)
                if a is None and t.dep_ == "pobj":
                    a = described_people(t)  # "riddled with bullets by three young individuals"
                if a is None:
                    continue
                e = view.ent(a, AGENT_LABELS)
                if e is None:
                    span = people_span(a, view)
                elif len(e) > 1 and e[-1].i == a.i and e.label_ != "PERSON":
                    span = (a.idx, a.idx + len(a))  # "Shining Path terrorists" named as one organisation
                else:
                    continue
                if span not in out:
                    out.append(span)
        return out

    # ------------------------------------------------------------------ document-level actors
    def armed_groups(self, orphan_resp) -> dict[str, Span]:
        """The document's armed groups named as actors of violence: organisations the lexicon
        knows as armed groups, organisations that qualify an attacker noun ("FMLN guerrillas",
        "guerrillas of the FMLN", "members of the X") or that a responsibility cue names. Key:
        canonical name (lowercased) -> first mention."""
        doc, lex, view = self.doc, self.lex, self.view
        found: dict[str, Span] = {}
        cued = {(e.start, e.end) for _, _, ents in orphan_resp for e in ents}
        for e in doc.ents:
            if e.label_ not in ("ORGANISATION", "ORG") or is_security(e.root, view, lex):
                continue
            info = e._.info or {}
            r = e.root
            armed = info.get("kind") == "armed_group" or (e.start, e.end) in cued
            if not armed:
                armed = any(is_attacker_noun(t, lex) for t in e) \
                    or (r.dep_ in ("compound", "poss", "nmod", "amod") and is_attacker_noun(r.head, lex)) \
                    or (r.dep_ == "pobj" and r.head.lower_ in ("of", "from")
                        and (is_attacker_noun(r.head.head, lex) or r.head.head._.ev_lemma in MEMBER_WORDS))
            if armed:
                found.setdefault(((e._.canonical or e.text).lower()), e)
        return found

    def document_actors(self, out: list[Mention], orphan_resp) -> None:
        """Actors of attacks that have none of their own, from the rest of the document.
        Attackers: the only unnamed attackers the attack's text block names as doers, else the
        only ones a responsibility cue without a trigger names. Perpetrators: the only armed group
        the document names as an actor of violence (``armed_groups``); with several, the only one
        named in the attack's sentence, else in its text block."""
        # no attackers of its own: the only unnamed attackers its text block names as doers
        # ("... was kidnapped. The vehicle was intercepted by heavily armed men.")
        if any(not m.attackers for m in out):
            by_block: dict[int, dict[str, tuple[int, int]]] = {}
            for sent in self.sents:
                for sp in self.sentence_attackers(sent):
                    by_block.setdefault(self.block_of[sent.start], {}).setdefault(self.doc.text[sp[0]:sp[1]].lower(), sp)
            for m in out:
                found = by_block.get(self.block_of[m.trigger_token], {})
                if not m.attackers and len(found) == 1:
                    m.attackers = list(found.values())
        named = {self.doc.text[a:b].lower() for a, b in self.orphan_attackers}
        if len(named) == 1:  # "the FMLN guerrillas are being held responsible" after the attack
            for m in out:
                if not m.attackers:
                    m.attackers = [self.orphan_attackers[0]]
        if not out or all(m.perpetrators for m in out):
            return
        groups = self.armed_groups(orphan_resp)
        if not groups:
            return
        keys: dict[str, list[Span]] = {k: [] for k in groups}
        for e in self.doc.ents:
            k = (e._.canonical or e.text).lower()
            if k in keys and e.label_ in ("ORGANISATION", "ORG"):
                keys[k].append(e)
        if len(groups) == 1:  # the only group, when it is named near the attack
            ((k, ent),) = groups.items()
            for m in out:
                if not m.perpetrators and any(abs(self.sent_of[e.start] - m.sent_i) <= NEAR_SENTENCES for e in keys[k]):
                    m.perpetrators = [ent]
            return
        # several groups: the only one named in the attack's sentence, else in its paragraph
        for m in out:
            if m.perpetrators:
                continue
            block = self.block_of[m.trigger_token]
            for where in (lambda e: self.sent_of[e.start] == m.sent_i, lambda e: self.block_of[e.start] == block):
                here = [k for k, ms in keys.items() if any(where(e) for e in ms)]
                if len(here) == 1:
                    m.perpetrators = [next(e for e in keys[here[0]] if where(e))]
                    break
                if here:
                    break

    # ------------------------------------------------------------------ spans
    def weapon_span(self, s: int, e: int) -> tuple[int, int] | None:
        """A weapon match as a noun phrase: not a verb ("bombed"); a modifier match extends to
        the noun it modifies ("explosive charges", "dynamite sticks"), with that noun's compounds."""
        doc = self.doc
        last = doc[e - 1]
        if last.pos_ in ("VERB", "AUX") or (last.pos_ not in ("NOUN", "PROPN", "ADJ", "X") and not last.is_upper):
            return None
        head = last
        nxt = last.head
        if last.dep_ in ("compound", "amod") and nxt.i == e and nxt._.ev_lemma in WEAPON_PARTS:
            head = nxt
        elif last.pos_ == "ADJ" and last.dep_ == "amod":
            return None  # "explosive" as the adjective of a non-weapon noun
        start = doc[s].idx
        for c in sorted(head.lefts, key=lambda x: -x.i):
            if c.dep_ == "compound" and c.i < s and c.right_edge.i == s - 1:
                start = doc[c.left_edge.i].idx
                s = c.left_edge.i
        return start, head.idx + len(head)

    def target_span(self, tok: Token) -> tuple[int, int]:
        """A target as its noun phrase with the "of" phrase that says whose it is ("the offices of
        the telecommunications company", "the residence of the vice president"), as MUC-4
        annotates targets; other prepositional phrases and clauses are left out."""
        start, end = core_span(tok)
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or not self.doc.text[end:of.idx].isspace() or "\n\n" in self.doc.text[end:of.idx]:
            return start, end  # no "of" right after the noun phrase
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is None or obj.i - of.i > MAX_OF_PHRASE:
            return start, end
        person = person_span(obj, self.view)
        return start, person.end_char if person is not None else core_span(obj)[1]

    def victim_span(self, tok: Token) -> tuple[int, int]:
        """A named victim as the whole PERSON entity, else the bare noun phrase with its count."""
        e = person_span(tok, self.view)
        if e is not None:
            return self.whole_name(e)
        return core_span(tok, keep_number=True)

    def whole_name(self, e: Span) -> tuple[int, int]:
        """A named victim's whole name: the mention with the name words the parse joins to it that
        the entity left out ("Hector Oqueli" + "Colindres", "Pedro Rafael" + "Jimenez Cortez"),
        or the document's fuller mention of the person when that names more."""
        here = self.joined_name(e)
        full = self.view.full_person(e)
        if full.start != e.start:
            there = self.joined_name(full)
            a, b = _words(here), _words(there)
            if len(b) > len(a) and any(b[k:k + len(a)] == a for k in range(len(b) - len(a) + 1)):
                here = there
        return here[0].idx, here[-1].idx + len(here[-1])

    def joined_name(self, e: Span) -> Span:
        """A PERSON entity with the adjacent name words its parse joins to it."""
        doc, view = self.doc, self.view
        start, end, root = e.start, e.end, e.root
        while root.dep_ in ("compound", "flat") and end <= root.head.i < end + 3 \
                and all(doc[k].is_space or _name_word(doc[k], view) for k in range(end, root.head.i + 1)):
            end, root = root.head.i + 1, root.head
        k = start - 1
        while k >= 0 and (doc[k].is_space or doc[k].dep_ == "compound" and start <= doc[k].head.i < end
                          and view.ent(doc[k], {"PERSON"}) is not None):
            if not doc[k].is_space:  # (a name wrapped over two lines: "Pedro Rafael\nJimenez Cortez")
                start = k
            k -= 1
        return doc[start:end]

    def object_victims(self, g) -> list[tuple[int, int]]:
        """Named people a trigger is done to: "kidnapped X", "X was murdered", "the murder of X",
        "X's murder", "an attack on X", "X, who was kidnapped", with the names listed with them
        (generic people come from the casualty wording)."""
        doc = self.doc
        out: list[tuple[int, int]] = []
        for t in g:
            head = doc[t.head]
            objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            if head.dep_ == "amod" and head.tag_ in ("VBD", "VBN", "JJ") and head.i < head.head.i:
                obj = head.head  # "the kidnapped businessman X", "KIDNAPPED BUSINESSMAN X" misparsed
                while obj.dep_ == "compound" and obj.head.i > obj.i:
                    obj = obj.head
                objs.append(obj)
            if head.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in RELATIVES for c in head.children) \
                    or head.dep_ == "acl" and head.tag_ == "VBN":
                objs.append(head.head)  # "X, who was kidnapped in ...", "X, kidnapped on 15 February, ..."
            if head.pos_ in ("NOUN", "PROPN"):
                objs += [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against")
                         for p in c.children if p.dep_ == "pobj"]
                if t.attack_type in PERSONAL_TYPES:  # "X's murder", "X's kidnapping"
                    objs += [c for c in head.children if c.dep_ == "poss"]
            for o in list(objs):
                if o._.ev_lemma in ("life",):  # "an attempt on X's life", "the life of X"
                    objs += [c for c in o.children if c.dep_ == "poss"]
                    objs += [p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
            for o in objs:
                if is_attacker_noun(o, self.lex):
                    continue
                for span in self.named_list(o):
                    if span not in out:
                        out.append(span)
        return out

    def named_list(self, tok: Token) -> list[tuple[int, int]]:
        """The named people a victim phrase lists: the phrase itself and the phrases coordinated
        or apposed to it, at any depth ("two reporters, X and Y", "killing X, 42; Y, 19; and Z"),
        the people it includes ("nine people, including X") and the name it is given ("a vendor
        identified as X", "a foreigner named X"); never through another preposition or clause
        ("X, the son of Y" names only X)."""
        out: list[tuple[int, int]] = []
        stack, seen = [tok], set()
        while stack:
            t = stack.pop(0)
            if t.i in seen:
                continue
            seen.add(t.i)
            e = person_span(t, self.view)
            if e is not None and not is_attacker_noun(t, self.lex):
                span = self.whole_name(e)
                if span not in out:
                    out.append(span)
            stack += _listed(t)
        return out

    # ------------------------------------------------------------------ date
    def date_for(self, g, scope, sent) -> tuple[Span | None, bool, bool]:
        """(date, inherited from an earlier sentence, weak: not in the trigger's clause)."""
        doc = self.doc
        heads = [doc[t.head] for t in g]
        lo, hi = sent[0].i, sent[-1].i
        dates = [e for e in doc.ents if e.label_ == "DATE" and lo <= e.start and e.end - 1 <= hi and not _durationish(e)]
        if dates:
            clause = set(scope)
            for h in heads:
                clause |= {x.i for x in clause_top(h).subtree}
            in_scope = [e for e in dates if e.root.i in clause]
            pool = in_scope or dates
            best = min(pool, key=lambda e: (not any(ch.isdigit() for ch in e.text),
                                            min(tree_distance(e.root, h) * 100 + abs(e.root.i - h.i) for h in heads)))
            return best, False, best.root.i not in scope
        para = self.view.para_of[g[0].head]
        for e in reversed([e for e in doc.ents if e.label_ == "DATE" and e.end <= lo]):
            if self.view.para_of[e.start] != para:
                break
            if not _durationish(e):
                return e, True, True
        return None, False, False

    # ------------------------------------------------------------------ casualties
    def casualties(self, groups):
        """Killed/injured counts and victims per group; named victims of a sentence without an
        attack go to ``orphan_victims``."""
        doc, lex = self.doc, self.lex
        result: dict[int, tuple[int | None, int | None]] = {}
        victims: dict[int, list] = {}
        for tok in doc:
            entry = lex.casualty_lemmas.get(tok._.ev_lemma)
            if entry is None:
                continue
            nps: list[Token] = []
            if entry.construction == "verb" and (tok.pos_ in ("VERB", "AUX") or tok.is_upper):
                nps = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
                if not nps and tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
                    nps = [tok.head]  # "27 injured", "the wounded soldiers"
                if not nps:  # "also injured were X and Y"
                    nps = [x for c in tok.children if c.dep_ == "auxpass" for x in c.children if x.dep_ == "nsubj"]
            elif entry.construction == "subject":
                nps = [c for c in tok.children if c.dep_ == "nsubj"]
            elif entry.construction == "predicate":
                if tok.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp", "dep", "amod") and tok.head.pos_ == "VERB":
                    nps = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
                    if tok.head._.ev_lemma in ("shoot", "leave", "find", "beat", "stab", "hack") and nps:
                        pass
                    elif nps:
                        pass
                nps += [c for c in tok.children if c.dep_ in ("nsubj", "nummod")]
                if tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and not nps:
                    nps = []
            if not nps:
                continue
            np = nps[0]
            # "X was found dead along with Y"
            along = [p for v in (tok, tok.head) for c in v.children if c.dep_ == "prep" and c.lower_ in ("along", "together")
                     for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
            named = [] if np.dep_ == "nummod" or is_attacker_noun(np, lex) else self.named_list(np)
            named += [sp for p in along for sp in self.named_list(p) if sp not in named]
            if not any(self.sent_of[g[0].head] == self.sent_of[tok.i] for g in groups):
                # no attack named in the sentence: its named dead continue an earlier one
                # ("X and Y were also killed.", "The following policemen died: X, Y ...")
                self.orphan_victims.append((tok.i, named))
                continue
            if np.dep_ == "nummod" and np.head.i == tok.i:
                count = casualty_count(np, lex)
            else:
                if is_attacker_noun(np, lex):
                    continue
                count = casualty_count(np, lex)
            if count is None:
                continue
            same = [gi for gi, g in enumerate(groups) if self.sent_of[g[0].head] == self.sent_of[tok.i]]
            if not same:
                continue
            gi = min(same, key=lambda k: min(tree_distance(tok, doc[t.head]) for t in groups[k]))
            k, inj = result.get(gi, (None, None))
            if entry.kind == "killed" and k is None:
                k = count
            elif entry.kind == "injured" and inj is None:
                inj = count
            result[gi] = (k, inj)
            if entry.kind == "killed" or entry.kind == "injured":
                found = []
                for v in [np] + [c for c in np.children if c.dep_ == "conj"]:
                    if is_attacker_noun(v, lex) or v.pos_ not in ("NOUN", "PROPN"):
                        continue
                    found.append(self.victim_span(v))
                found += named
                for span in found:
                    if span not in victims.setdefault(gi, []):
                        victims[gi].append(span)
        return result, victims

    # ------------------------------------------------------------------ responsibility
    def responsibility(self, groups):
        doc, lex, view = self.doc, self.lex, self.view
        self.resp_attackers: dict[int, list[tuple[int, int]]] = {}
        self.orphan_attackers: list[tuple[int, int]] = []  # unnamed attackers of a cue without a trigger
        by_group: dict[int, list] = {}
        orphans: list[tuple[int, str, list[Span]]] = []
        for tok in doc:
            entries = lex.responsibility_lemmas.get(tok._.ev_lemma)
            if not entries:
                continue
            for entry in entries:
                heads: list[Token] = []
                if entry.arg == "subject":
                    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "attr":
                        continue  # a noun cue names the subject of a copula: "X was the author of the murder"
                    heads = subjects(tok) if tok.pos_ in ("VERB", "AUX") else \
                        [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "X are being held responsible"
                    if tok.pos_ == "VERB" and tok.tag_ == "VBN":  # "X were involved in the massacre"
                        heads += [c for c in tok.children if c.dep_ == "nsubjpass"]
                elif entry.arg == "object":  # "blamed X", "X was blamed"
                    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
                elif entry.arg == "to":
                    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
                    preps = [c for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
                    for x in tok.children:
                        if x.dep_ == "xcomp":  # "believed to belong to X"
                            preps += [c for c in x.children if c.dep_ == "prep" and c.lower_ == "to"]
                    heads = [p for pr in preps for p in pr.children if p.dep_ == "pobj"]
                elif entry.arg == "by":
                    heads = agents(tok)
                else:
                    continue
                heads += [x for h in heads for x in h.children if x.dep_ == "conj"]
                ents: list[Span] = []
                unnamed: list[tuple[int, int]] = []
                same = [gi for gi, g in enumerate(groups) if self.sent_of[g[0].head] == self.sent_of[tok.i]]
                for h in heads:
                    # state forces named by an attribution ("blamed the army for the massacre") are
                    # the perpetrators; a "by" agent of theirs only when civilians were hit (trigger loop)
                    sec = is_security(h, view, lex) or security_people(h, lex) is not None
                    if sec and (entry.id == "by_agent" or not same):  # no attack in the sentence: an inquiry, not an attribution
                        continue
                    ents += agent_entities(h, view, lex, security=sec)
                    a = security_people(h, lex) if sec else attacker_head(h, lex)
                    if a is not None and view.ent(a, AGENT_LABELS) is None:
                        unnamed.append(attacker_span(a, view))
                if not ents and not unnamed:
                    continue
                if same:
                    gi = min(same, key=lambda k: min(tree_distance(tok, doc[t.head]) for t in groups[k]))
                    self.resp_attackers.setdefault(gi, []).extend(unnamed)
                    if not ents:
                        continue
                    by_group.setdefault(gi, []).append((entry.role, ents))
                elif entry.id not in ("by_agent", "member_of"):
                    self.orphan_attackers.extend(unnamed)
                    if ents:
                        orphans.append((tok.i, entry.role, ents))
        return by_group, orphans


def _listed(tok: Token) -> list[Token]:
    """The phrases a victim phrase lists or names: its conjuncts and appositions, the object of
    its "including", the name a naming participle gives it ("identified as X", "named X")."""
    out = []
    for c in tok.children:
        if c.dep_ in LIST_DEPS:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in INCLUDING:
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "acl" and c._.ev_lemma in NAMING_VERBS:
            out += [x for x in c.children if x.dep_ in ("oprd", "attr", "dobj", "appos")]
            out += [p for x in c.children if x.dep_ == "prep" and x.lower_ == "as" for p in x.children if p.dep_ == "pobj"]
    return out


def _name_word(tok: Token, view: SentenceView) -> bool:
    """A proper noun that is part of no entity but a person's name or a one-word place name
    (a surname that is also a town: "Juana Margarita Flores")."""
    e = view.ent_at.get(tok.i)
    return tok.pos_ == "PROPN" and tok.is_alpha and (e is None or e.label_ == "PERSON" or e.label_ in PLACE_LABELS and len(e) == 1)


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span if not t.is_space and not t.is_punct]


def _of_pobjs(tok: Token) -> list[Token]:
    """"one of the wounded" -> [wounded]."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _hard_breaks(text: str) -> list[int]:
    """Offsets of line breaks that end a heading, a bullet or a short line."""
    out, pos = [], 0
    lines = text.split("\n")
    for k, line in enumerate(lines[:-1]):
        nxt = lines[k + 1].lstrip()
        pos += len(line)
        if len(line.strip()) < 45 or nxt[:1] in ("-", "*", "\u2022") or not nxt:
            out.append(pos)
        pos += 1
    return out


def _durationish(e: Span) -> bool:
    t = e.text.lower()
    return any(w in t for w in ("years old", "-year-old", "year-old", "hours", "minutes", "days", "every ", "aged"))


def _dedupe(spans: list[Span]) -> list[Span]:
    seen, out = set(), []
    for s in spans:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out
