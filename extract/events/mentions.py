"""Sentence-level assembly: triggers -> grouped mentions with status and arguments."""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import replace

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from extract.attributes import doc_text
from extract.dates_normalise import parse_iso, value_first_day
from extract.events.arguments import (
    AGENT_LABELS, ARG_DEPS, GROUP_NOUNS, LIGHT_VERBS, PERSONAL_PRONOUNS, PLACE_LABELS, UNCOUNTED, SentenceView,
    agent_entities, agents, apposed_person, armed_group_entity, attacker_head, attacker_span, core_span, is_attacker_noun, is_security,
    hit_organisation, named_target, names_no_one, noun_phrase_args, of_objects, patient_subject, prep_objects, person_named, person_span, security_people,
    security_unit, state_aligned, subjects, target_attached, tells_where_it_happened, titled_name, tree_distance, tree_path,
)
from extract.events.damage import DamageTargetFinder
from extract.events.lexicon import EventLexicon, parse_spec
from extract.events.merge import Mention, distinct_means
from extract.events.status import DEMONSTRATIVES, DETACHING_PREPS, CueIndex, StatusResult, clause_top, trigger_status
from extract.events.triggers import TYPE_RANK, Trigger, find_triggers
from extract.events.victims import TAKEN_TYPES, VictimFinder, done_to

MAX_LINK = 4
OWNER_NAME_LABELS = {"ORGANISATION", "ORG", "PUBLICATION"}  # a name right after the owner noun: "the newspaper El Siglo"
# determiners of a noun phrase that repeats a thing already named ("the building", "this residence")
ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
MAX_OF_PHRASE = 8  # tokens of an "of" phrase a target keeps ("the offices of the national telephone company")
# a document's only armed group is the perpetrator of attacks named within this many sentences of it
NEAR_SENTENCES = 5
# kinds of organisations (patterns/organisations.jsonl "kind") that do not carry out attacks
NON_VIOLENT_KINDS = {"political_party", "ngo", "company", "igo"}
# patterns/event_retype.jsonl entry of aircraft, the agents of air strikes
AIR_STRIKE_RULE = "air_strike"
# opening brackets of an expansion or abbreviation after a name, and the tokens they may span
BRACKETS = {"(": ")", "[": "]"}
MAX_BRACKETED = 12
# people nouns that are the attackers when they are the subject or "by" agent of an attack
PERSON_NOUNS = {"individual", "man", "men", "youth", "stranger"}
PERSONAL_POSSESSIVES = {"their", "his", "her"}  # "their names are X and Y": the names of people told of before
# plain people a "group of" phrase is made of, named whole as the attackers ("a group of unidentified persons")
GROUPED_PEOPLE = {"person", "people", "individual", "man", "men"}
# dependents that give a verb an object or a complement: its subject does more than move or act alone
OBJECT_DEPS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"}
MEMBER_WORDS = {"member", "members", "supporter", "faction", "cell", "column", "unit", "commando", "militant", "fighter"}
# nouns a weapon word modifies that are still the weapon ("dynamite charge", "explosive devices")
WEAPON_PARTS = {"charge", "stick", "device", "package", "cartridge", "shell", "launcher", "artifact", "load",
                "bomb", "grenade", "rifle", "gun", "weapon", "mine"}  # tree edges between two triggers of the same attack
# modifiers that say what kind of weapon it is, kept in its noun phrase ("medium-sized bombs", "homemade
# rocket", "terrorist bombs", "81-mm mortars"); not a count, an ordinal, a quantity word or a size or
# strength ("four bombs", "the first bomb", "other bombs", "a powerful bomb"), which MUC-4 weapon fillers
# mostly leave out
WEAPON_MODIFIER_DEPS = {"amod", "compound"}
COUNT_WORDS = {"first", "second", "third", "fourth", "fifth", "last", "next", "latest", "previous", "final",
               "several", "many", "few", "other", "another", "more", "some", "numerous", "various", "same",
               "powerful", "strong", "heavy", "light", "small", "large", "big", "huge", "great"}
# containers a weapon comes in that are the weapon: "a charge of dynamite", "sticks of dynamite"
# (weights are not: "5 kg of dynamite" is the dynamite)
WEAPON_AMOUNTS = {"charge", "stick", "load", "package", "cartridge"}
# non-event kinds that say a trigger names a kind or a count of attacks, not that the sentence tells of none
KIND_NON_EVENTS = ("generic", "aggregate")


def _weapon_modifiers_start(head: Token, s: int) -> int:
    """First token of a weapon noun phrase that starts at ``s`` with the adjectives and compounds right
    before it ("medium-sized bombs"), not its counts ("four bombs", "the first bomb")."""
    for c in sorted(head.lefts, key=lambda x: -x.i):
        if c.i >= s:
            continue
        if c.dep_ not in WEAPON_MODIFIER_DEPS or c.right_edge.i != s - 1 or c.pos_ == "VERB" or c.lower_.endswith("ing") \
                or c.like_num or c.lower_ in COUNT_WORDS:
            break  # (a number inside a modifier is a calibre or a weight: "81-mm mortars", "20-kg bomb")
        s = c.left_edge.i
    return s


def _found_weapon(head: Token, lex: EventLexicon) -> bool:
    """A weapon noun (or a list of them) that is what was found or seized ("officers recovered four grenades
    and a pistol", "the police found 250 kg of dynamite", "a cache of rifles"): the object of a "found" verb
    or of a "store" noun of patterns/event_nonevent.jsonl."""
    item = head
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head
    if item.dep_ == "pobj" and item.head.lower_ == "of" and item.head.head.pos_ == "NOUN":
        owner = item.head.head  # "250 kg of dynamite", "a cache of rifles"
        if owner._.ev_lemma in lex.store_lemmas:
            return True
        item = owner
    if item.dep_ in ("dobj", "nsubjpass") and item.head.pos_ == "VERB":
        return item.head.lemma_.lower() in lex.found_lemmas
    return False


def _described(tok: Token, lex: EventLexicon) -> bool:
    """A people noun with a count, an adjective, a participle, a relative clause or the clothes they are
    in describing them ("two young men", "men wearing military uniforms", "the people who kidnapped X",
    "men in uniform")."""
    return tok._.ev_lemma in PERSON_NOUNS and any(
        x.dep_ in ("nummod", "amod", "relcl") or (x.dep_ == "acl" and x.tag_ in ("VBG", "VBN") and x.i > tok.i)
        for x in tok.children) or _attire(tok, lex) is not None


def _attire(tok: Token, lex: EventLexicon) -> Token | None:
    """The clothes a people noun is "in" (patterns/event_nonevent.jsonl "attire": "men in uniform",
    "individuals in civilian clothes")."""
    if tok._.ev_lemma not in PERSON_NOUNS:
        return None  # not "people in uniforms" searching churches: the people at large
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and p._.ev_lemma in lex.attire_lemmas:
                    return p
    return None


def described_people(tok: Token, lex: EventLexicon) -> Token | None:
    """Unnamed people a subject or "by" agent describes, who are then the attackers: itself
    ("three individuals"), or the people a group is made of ("a group of men wearing uniforms",
    "a group of people")."""
    if _described(tok, lex):
        return tok
    if tok._.ev_lemma in GROUP_NOUNS:
        for p in of_objects(tok):
            if _described(p, lex) or _people_group(p) is not None:
                return p
    return None


def _people_group(tok: Token) -> Token | None:
    """The "group" noun plain people are "a group of" ("a group of unidentified persons", "a group of
    people"): MUC-4 names the whole phrase; not a group of actors its head noun names ("a group of
    soldiers", "a group of guerrillas")."""
    if tok._.ev_lemma not in GROUPED_PEOPLE or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    group = tok.head.head
    return group if group._.ev_lemma == "group" and group.i < tok.i else None


def people_span(tok: Token, view: SentenceView, lex: EventLexicon) -> tuple[int, int]:
    """An attacker span with the participle or the clothes that describe the people ("men wearing
    military uniforms", "two men riding a motorcycle", "men in uniform") and the group they are ("a
    group of armed men")."""
    start, end = attacker_span(tok, view)
    group = _people_group(tok)
    if group is not None:
        start = min(start, core_span(group)[0])
    attire = _attire(tok, lex)
    if attire is not None:
        end = max(end, core_span(attire)[1])
    for x in tok.children:
        phrase = list(x.subtree)
        if x.dep_ == "acl" and x.tag_ in ("VBG", "VBN") and x.i > tok.i and tok._.ev_lemma in PERSON_NOUNS \
                and len(phrase) <= 6 and not any(t.pos_ in ("VERB", "AUX") and t.i != x.i for t in phrase):
            last = x.right_edge
            while last.i > x.i and (last.is_punct or last.is_space):
                last = last.nbor(-1)
            end = max(end, last.idx + len(last))
    return start, end


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


CONTRAST_MARKS = {"while", "whereas"}


def coordinated_acts(a: Token, b: Token) -> bool:
    """Two verbs joined as a list of acts ("blew up the store and set fire to the houses") or set side
    by side by "while" ("two banks were blown up while a restaurant was burned")."""
    va, vb = clause_verb(a), clause_verb(b)

    def joined(x: Token, y: Token) -> bool:
        return x.head.i == y.i and (x.dep_ == "conj" or (
            x.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in x.children)))

    return va.i != vb.i and va.pos_ == vb.pos_ == "VERB" and (
        joined(va, vb) or joined(vb, va) or (va.dep_ == vb.dep_ == "conj" and va.head.i == vb.head.i))


def _complement_of(head: Token, verb: Token) -> bool:
    """``head`` lies in what ``verb`` says or reacts to, not in its subject ("condemned the murder",
    "reported that X was shot"; not "35 explosions were reported today")."""
    child = head
    for anc in head.ancestors:
        if anc.i == verb.i:
            return child.dep_ not in ("nsubj", "nsubjpass", "csubj", "csubjpass")
        child = anc
    return False


def clause_verb(tok: Token) -> Token:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


CASUALTY_VERBS = {"kill", "wound", "injure"}
# clauses of a verb that tell something other than where its subject happened ("the attack came after
# troops entered X", "the attack, police said in X, ...")
PREDICATE_CLAUSE_DEPS = {"nsubj", "nsubjpass", "advcl", "ccomp", "parataxis", "conj", "csubj", "mark", "cc"}
RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}


def reporting_words(head: Token) -> set[int]:
    """Where the verbs whose reported clause a trigger is in were said: their prepositional phrases
    ("police reported today in Lima that ...", "it was reported in this capital that ...")."""
    out: set[int] = set()
    child = head
    for anc in head.ancestors:
        if child.dep_ == "ccomp" and anc.pos_ in ("VERB", "AUX"):
            out |= {x.i for c in anc.children if c.dep_ == "prep" for x in c.subtree}
        child = anc
    return out


def reaction_words(head: Token, lex: EventLexicon) -> set[int]:
    """The other phrases of the verb of reaction an attack noun (or the first of its coordinated
    nouns) is the subject or object of ("the kidnapping ... has been condemned by leaders from
    universities in Mexico, Honduras and Peru"): who reacted, and where."""
    noun = head
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb._.ev_lemma not in lex.reaction_lemmas:
        return set()
    return {x.i for c in verb.children if c.i != noun.i and c.dep_ not in ("aux", "auxpass", "neg") for x in c.subtree}


def weapon_agents(head: Token) -> list[Token]:
    """The "by" agents of the participles in a trigger's own phrase ("a telecommunications office was
    destroyed and five houses damaged by explosives")."""
    return [a for v in head.subtree if v.tag_ == "VBN" and v.i != head.i and v.dep_ in ("acl", "conj")
            for a in agents(v)]


def narrated(head: Token) -> bool:
    """A trigger verb that tells one past attack: a past-tense or passive verb of its own clause, not a
    relative or adverbial clause ("destroyed several posts", "various bombs exploded", "X was killed")."""
    return head.pos_ == "VERB" and head.tag_ in ("VBD", "VBN") and head.dep_ in ("ROOT", "conj", "ccomp")


def object_phrases(head: Token) -> list[Token]:
    """What a trigger verb is done to, with what is coordinated to it: its object or passive subject,
    the noun a relative clause hangs on ("X, who was killed last week") and, for a verb coordinated
    to an earlier one without its own, the earlier verb's passive subject ("X was taken away and
    then killed by a firing squad")."""
    objs = done_to(head)
    if head.dep_ == "relcl" and any(o.lower_ in RELATIVE_PRONOUNS for o in objs):
        objs = [o for o in objs if o.lower_ not in RELATIVE_PRONOUNS] + [head.head]
    return objs + [x for o in objs for x in o.children if x.dep_ == "conj"]


def requirement_ok(trig: Trigger, doc: Doc, view: SentenceView, lex: EventLexicon) -> bool:
    head = doc[trig.head]
    req = trig.requires
    if req is None:
        return True
    objs = object_phrases(head)
    if req == "named_person_object":  # "killed X", "killed the mayor of Cali, X", "reporter X was killed"
        return any(person_span(o, view) is not None or titled_name(o, lex) for o in objs)
    if req == "person_object":
        return any(person_span(o, view) is not None or titled_name(o, lex) or o._.ev_lemma in lex.victim_lemmas
                   for o in objs)
    if req == "object_lemma":  # "the body of X was found": found what the entry names
        return any(o._.ev_lemma in trig.object_lemmas for o in objs)
    if req == "target_object":
        if head.pos_ == "NOUN":  # "the burning of five buses"
            objs = objs + [x for o in of_objects(head) for x in [o, *(c for c in o.children if c.dep_ == "conj")]]
        return any(o._.ev_lemma in lex.target_lemmas for o in objs)
    subs = subjects(head) if head.pos_ in ("VERB", "AUX") or head.is_upper else []
    subs += agents(head)
    if req == "attacker_subject":
        if any(is_attacker_noun(o, lex) or o.lower_ in ("themselves",) for o in objs):
            return False
        if any(w._.ev_lemma in lex.weapon_lemmas for w in subs + weapon_agents(head)):
            return True  # "a bomb destroyed the building", "houses damaged by explosives"
        return any(
            not is_security(s, view, lex)
            and (is_attacker_noun(s, lex) or view.ent(s, AGENT_LABELS) is not None or agent_entities(s, view, lex))
            for s in subs
        )
    if req == "not_security_subject":
        return not any(is_security(s, view, lex) for s in subs) and not state_object(objs, view)
    if req == "not_law_enforcement":
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass"):
            subs += agents(head.head) + (subjects(head.head) if head.dep_ == "dobj" else [])  # "the raids were conducted by troops"
        if any(is_security(s, view, lex) or security_people(s, lex) is not None for s in subs):
            return False
        return any(is_attacker_noun(s, lex) for s in subs) or not police_operation(head, lex)
    return True


def denied_apart(g: list[Trigger], statuses: list[StatusResult], doc: Doc) -> list[Trigger]:
    """The negated triggers of a group whose other triggers are all events and lie outside the
    negated triggers' clauses ("four dynamite explosions (a fifth bomb did not explode) destroyed
    the offices", "two bombs exploded, but a third did not explode"); none when the verb of a negated
    trigger governs the others ("denied the attack in which three died")."""
    negated = [t for t, s in zip(g, statuses) if s.non_event == "negated"]
    events = [t for t, s in zip(g, statuses) if s.non_event is None]
    if not negated or not events or len(negated) + len(events) < len(g):
        return []
    clauses = set()
    for t in negated:
        verb = clause_verb(doc[t.head])
        clauses |= {x.i for x in verb.subtree} - {x.i for c in verb.children if c.dep_ == "conj" for x in c.subtree}
    if any(t.head in clauses for t in events):
        return []
    return negated


def _keep_triggers(g: list[Trigger], statuses: list[StatusResult], keep: list[bool]) -> tuple[list[Trigger], list[StatusResult]]:
    """The group's triggers and their statuses where ``keep`` is true."""
    return [t for t, k in zip(g, keep) if k], [s for s, k in zip(statuses, keep) if k]


def casualty_report(g: list[Trigger], doc: Doc) -> bool:
    """Every trigger is a casualty verb ("killed", "wounded"): it may tell more victims of an
    attack already reported rather than a new one."""
    return all(doc[t.head]._.ev_lemma in CASUALTY_VERBS for t in g)


def demonstrative_attack(g: list[Trigger], doc: Doc) -> bool:
    """An attack noun with a demonstrative determiner ("this attack", "these murders"): the attack told before."""
    return any(doc[t.head].pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES
                                                           for c in doc[t.head].children) for t in g)


def bare_plural_tally(g: list[Trigger], doc: Doc) -> bool:
    """Every trigger is a plural attack noun with no count, and no verb's object ("due to terrorist attacks on
    the pipeline", "a series of attacks on a police chief"): attacks counted together, not one ("two bomb
    attacks", "launched attacks on the palace", "placed bombs at the bank" tell what was done)."""
    return all(doc[t.head].tag_ in ("NNS", "NNPS") and doc[t.head].dep_ not in ("dobj", "obj", "nsubj", "nsubjpass")
               and not any(c.dep_ == "nummod" for c in doc[t.head].children) for t in g)


# words that set an attack against another time ("the attack came days after ...", "since the attack")
RECALL_WORDS = {"after", "since", "before"}


def definite_attack(g: list[Trigger], doc: Doc) -> bool:
    """An attack noun with "the" in its sentence's main clause ("The FMLN claimed the attack."): the
    attack told before; not one ranked among others ("the most serious attack", "the first attack"),
    inside a relative clause ("the man who carried out the attack at ...") or in a clause that sets
    it against another time ("The bombing came days after ...")."""
    for t in g:
        head = doc[t.head]
        if head.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            continue
        if any(x.tag_ in ("JJS", "RBS") or x.ent_type_ == "ORDINAL" for c in head.lefts for x in c.subtree):
            continue
        if any(a.dep_ in ("relcl", "acl", "advcl", "pcomp") for a in [head, *head.ancestors]):
            continue
        verb = clause_verb(head)
        if any(c.lower_ in RECALL_WORDS for c in [*verb.children, *head.children]) or \
                (head.head.lower_ in RECALL_WORDS):
            continue
        return True
    return False


def further_attack(g: list[Trigger], doc: Doc) -> bool:
    """The sentence reports one more attack: a verb trigger with "also" ("terrorist groups also blew
    up several high-voltage towers", "his house was also attacked") or an attack noun with "another"
    / "other" ("another bomb exploded", "other attacks in which X was killed")."""
    if casualty_report(g, doc):
        return False  # "X and Y were also killed": more victims of the attack before
    for t in g:
        head = doc[t.head]
        if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "advmod" and c.lower_ == "also" for c in head.children):
            return True
        if head.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("det", "amod") and c.lower_ in ("another", "other") for c in head.children):
            return True
    return False


def state_object(objs: list[Token], view: SentenceView) -> bool:
    """An attack on a country ("a springboard to attack Nicaragua"): war between states, not terrorism."""
    places = [view.ent(o, PLACE_LABELS) for o in objs]
    return bool(places) and all(p is not None and (p._.info or {}).get("feature") == "country" for p in places)


def police_operation(head: Token, lex: EventLexicon) -> bool:
    """A raid whose clause speaks of police work (arrests, searches, finds, a drug laboratory;
    patterns/event_nonevent.jsonl, kind "operation"): a law-enforcement operation, not an attack."""
    return any(t._.ev_lemma in lex.operation_lemmas for t in clause_verb(head).subtree)


class MentionBuilder(VictimFinder, DamageTargetFinder):
    """Trigger groups of a Doc -> event mentions with status, place, date and participants."""

    def __init__(self, doc: Doc, lex: EventLexicon):
        self.doc = doc
        self.lex = lex
        self.view = SentenceView(doc)
        self.cues = CueIndex.build(doc, lex)
        self.weapon_matches = lex.match("weapons", doc)
        # line number per token: a parsed "sentence" may run over several lines (headings, bullets)
        # (soft-wrapped wire text keeps its lines together; a short line or a bullet breaks)
        starts = doc.to_array(IDX).tolist()  # character offset of each token
        hard = _hard_breaks(doc_text(doc))
        self.line_of = [bisect.bisect_left(hard, idx) for idx in starts]
        # text blocks separated by a blank line (SentenceView.para_of also breaks at a single newline)
        blanks = [mt.end() for mt in re.finditer(r"\n[ \t]*\n", doc_text(doc))]
        self.block_of = [bisect.bisect_right(blanks, idx) for idx in starts]
        self.orphan_victims: list[tuple[int, list[tuple[int, int]]]] = []  # (token, named victims)
        self.trigger_tokens: set[int] = set()  # the tokens of the document's attack triggers (``mentions``)
        self.naming_sents: set[int] = set()  # sentences that named the people harmed ("They are X, Y")
        # trigger token of an anaphoric mention ("the attack") -> places its own clause names
        self.anaphor_places: dict[int, list[Span]] = {}
        # trigger token of a mention in reported speech -> places of the report ("said in San Salvador that")
        self.report_places: dict[int, list[Span]] = {}
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
                ) and not any(coordinated_acts(self.doc[t.head], self.doc[o.head]) and distinct_means(t.attack_type, o.attack_type) for o in g):
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
        self.trigger_tokens = set(trig_toks)
        # targets hang only on triggers that tell an attack, not on "the body was found under a bridge"
        finding_toks = {i for g in groups for t in g if t.hits_nothing for i in (*range(t.start, t.end), t.head)}
        hitting_toks = {i: ty for i, ty in trig_toks.items() if i not in finding_toks}
        own_tokens = [set(i for t in g for i in (x.i for x in doc[t.head].subtree)) for g in groups]
        casualty_by_group, victims_by_group = self.casualties(groups)
        resp_by_group, orphan_resp = self.responsibility(groups)
        out: list[Mention] = []
        self.charged_mentions: set[int] = set()  # ids of the mentions someone is charged with
        self.charge_sents: dict[int, Mention] = {}  # sentence of a charge without an event of its own -> its event
        lost: list[tuple[int, str, list[Span], list[tuple[int, int]]]] = []
        for gi, g in enumerate(groups):
            sent = self.sents[self.sent_of[g[0].head]]
            # the words of the group's other triggers are not cues ("placed a charge of dynamite":
            # "charge" is the bomb, not a criminal charge)
            group_tokens = {i for t in g for i in range(t.start, t.end)}
            statuses = [trigger_status(doc[t.head], group_tokens, doc, lex, self.cues, t.weak) for t in g]
            # a named person who is no fighter, hit where there was fighting ("reporter X was killed in a
            # shootout"): an attack on that person, not a toll of the fighting
            statuses = [replace(s, non_event=None) if s.non_event == "combat" and self.named_noncombatant_hit(doc[t.head])
                        else s for t, s in zip(g, statuses)]
            if all(s.non_event in (None,) + KIND_NON_EVENTS for s in statuses) and any(
                    s.non_event is None and narrated(doc[t.head]) for t, s in zip(g, statuses)):
                # a kind of attack beside one attack it names ("sappers who continuously sabotage the
                # power system destroyed several posts", "various bombs exploded"): the attack stays
                g, statuses = _keep_triggers(g, statuses, [s.non_event is None for s in statuses])
            denied = denied_apart(g, statuses, doc)
            if denied:
                # "four dynamite explosions (a fifth bomb did not explode) destroyed the offices": the
                # clause that denies one bomb does not deny the explosions of the other triggers
                g, statuses = _keep_triggers(g, statuses, [t not in denied for t in g])
            primary = max(g, key=lambda t: (TYPE_RANK[t.attack_type], not t.weak))
            if any(s.non_event for s in statuses):
                # a trial's or an arrest's mention of an attack ("three students were charged with the
                # killing of X") is no event of its own, but names who did the attack it tells of
                if gi in self.charged:
                    lost.append((self.sent_of[g[0].head], primary.attack_type, *self.charged[gi]))
                continue
            # status: the strongest cue over the group's triggers
            order = ["prevented", "attempted", "planned", "threatened"]
            st = next((s for o in order for s in statuses if s.status == o), statuses[0])
            others, coordinated = set(), set()
            for gj, toks in enumerate(own_tokens):
                if gj != gi and self.sent_of[groups[gj][0].head] == self.sent_of[g[0].head]:
                    others |= toks
                    if toks < own_tokens[gi] and coordinated_acts(doc[primary.head], doc[groups[gj][0].head]):
                        coordinated |= toks  # "blew up a store and set fire to the houses": not its target
            others = (others - own_tokens[gi]) | coordinated
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
            if not places and anaphoric:
                # "the attack" is mostly an attack told before: it keeps no place of its own, so that it
                # joins that attack; where its clause says it happened places it when no earlier one is
                # that attack ("The terrorist attack damaged the main power line in San Salvador.")
                self.anaphor_places[primary.head] = view.ents_in(
                    self.predicate_tokens(doc[primary.head], scope), PLACE_LABELS)
            # where a report was made is not where the attack it reports happened ("police reported today
            # in Lima that terrorists burned ...")
            reporting = reporting_words(doc[primary.head]) | reaction_words(doc[primary.head], lex)
            if not places and not anaphoric:
                places = view.ents_in([x for x in scope_toks if x.i not in subj_toks and x.i not in reporting],
                                      PLACE_LABELS)
            if not places and not anaphoric:
                places = view.ents_in([t for t in sent if t.i not in others and t.i not in subj_toks
                                       and t.i not in reporting], PLACE_LABELS)
            if not places and not anaphoric:
                # the report's own place: a last guess, when neither its paragraph nor a dateline places it
                self.report_places[primary.head] = view.ents_in([doc[i] for i in sorted(reporting)], PLACE_LABELS)
            # arguments
            perps, attackers = [], []
            state_doer = False  # state forces are its subject or "by" agent: no armed group of the document did it
            for t in g:
                head = doc[t.head]
                cands = []
                if head.pos_ in ("VERB", "AUX") or head.is_upper:
                    if not patient_subject(head):
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
                    cands += [c for c in weak if not person_named(c, view)
                              and (c.dep_ in ("poss", "compound") or self.armed_actor(c))]
                if head.dep_ in ("nsubj",) and is_attacker_noun(head, lex):
                    cands.append(head)
                civilians = None
                for c in cands:
                    # aircraft ("helicopters bombed the town", "by Salvadoran aircraft"): an air strike is the state's
                    aircraft = any(getattr(lex.retype_lemmas.get(x._.ev_lemma), "id", None) == AIR_STRIKE_RULE
                                   for x in [c] + [m for m in c.children if m.dep_ in ("compound", "amod")])
                    state_doer = state_doer or aircraft
                    if aircraft:  # "Salvadoran Air Force helicopters strafed the camp": the force that flies them
                        c = next((m for m in c.children if m.dep_ in ("compound", "poss", "nmod")
                                  and is_security(m, view, lex)), c)
                    if is_security(c, view, lex) or security_people(c, lex) is not None:
                        # not the fighters of an armed group ("urban commando units")
                        state_doer = state_doer or view.ent(c, AGENT_LABELS) is not None \
                            or (security_people(c, lex) or security_unit(c, view, lex)) is not None
                        if civilians is None:
                            civilians = self.against_civilians(g)
                        if civilians:  # "soldiers massacred six peasants": the forces are the perpetrators
                            perps += agent_entities(c, view, lex, security=True)
                            # "soldiers", "members of the armed forces"; else the unit itself ("the army")
                            a = security_people(c, lex) or security_unit(c, view, lex)
                            if a is not None and view.ent(a, AGENT_LABELS) is None:
                                attackers.append(attacker_span(a, view))
                        continue
                    perps += agent_entities(c, view, lex)
                    a = attacker_head(c, lex)
                    if a is None and view.ent(c, AGENT_LABELS) is None and c.i not in trig_toks:
                        a = described_people(c, lex)  # "three individuals kidnapped X", "shot by two young men"
                    if a is not None and view.ent(a, AGENT_LABELS) is None:
                        attackers.append(people_span(a, view, lex))
            # "FMLN guerrillas", "Shining Path terrorists" named as one organisation: the noun
            # is the attackers
            for e in perps:
                last = e[-1]
                if len(e) > 1 and is_attacker_noun(last, lex) and not is_security(last, view, lex) \
                        and not names_no_one(last):
                    span = (last.idx, last.idx + len(last))
                    if span not in attackers:
                        attackers.append(span)
            if not attackers:
                attackers += self.sentence_attackers(sent)
            # a party, an NGO, a company or an intergovernmental body the lexicon knows is not the doer its
            # parse suggests ("PDC members were killed", "a truck belonging to Volkswagen"); a responsibility
            # cue below may still name one
            perps = [e for e in perps if (e._.info or {}).get("kind") not in NON_VIOLENT_KINDS]
            claimed = []
            for kind, ents in resp_by_group.get(gi, []):
                perps += ents
                if kind == "claim":
                    claimed += ents
            attackers += [a for a in self.resp_attackers.get(gi, []) if a not in attackers]
            # and the noun the attack's relative clause describes ("the offices, which were dynamited")
            described = [v.head for v in verbs if v.dep_ == "relcl" and v.head.i not in scope
                         and self.line_of[v.head.i] == line and v.head.i not in others]
            cand = noun_phrase_args([x for x in scope_toks if x.dep_ in ARG_DEPS
                                     and (x.i not in subj_toks or named_target(x, trig_toks))] + described,
                                    lex.target_lemmas, view, AGENT_LABELS | {"DATE"})
            # a union, NGO, party or company hit as a place ("the attack against FENASTRAS")
            cand += [x for x in scope_toks if x.dep_ in ARG_DEPS and x.i not in subj_toks and x not in cand
                     and hit_organisation(x, view)]
            attached = [t for t in cand if target_attached(t, hitting_toks, lex)]
            if not others:  # the sentence's only attack: what it destroyed ("two vehicles were destroyed following the explosion")
                attached += [t for t in noun_phrase_args([x for x in sent if x.i not in scope and x.dep_ == "nsubjpass"],
                                                         lex.target_lemmas, view, AGENT_LABELS | {"DATE"})
                             if t.head.pos_ == "VERB" and t.head._.ev_lemma in lex.damage_lemmas
                             and lex.target_lemmas[t._.ev_lemma].category != "area"]
            if not attached:
                # no target attached to the attack (often a misparse): the first thing hit where
                # the attack's own clause says it happened ("bombs on three trains", "the attack perpetrated
                # against X"), not what someone the sentence describes was in ("two men traveling on motorcycles")
                attached = [t for t in cand if t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "inside", "outside", "into")
                            and not (t.head.head.dep_ in ("acl", "relcl") and t.head.head.head.i not in trig_toks)
                            and getattr(lex.target_lemmas.get(t._.ev_lemma), "category", None) != "area"][:1]
            targets = []
            for t in attached:
                span = self.antecedent_target(t, self.target_span(t), [x for m in out for x in m.targets + m.later_targets] + targets)
                if span not in targets:
                    targets.append(span)
            weapons = _outermost([w for _, s, e in self.weapon_matches if s in scope
                                  for w in [self.weapon_span(s, e, group_tokens)] if w is not None])
            # a name the model made of a weapon's modifier ("HIGHPOWER bombs", "murdered by MACHINEGUN bursts") is no doer
            perps = [p for p in perps if not any(a <= p.start_char and p.end_char <= b for a, b in weapons)]
            victims = list(victims_by_group.get(gi, []))
            victims += [v for v in self.object_victims(g) if v not in victims]
            killed, injured = casualty_by_group.get(gi, (None, None))
            # attack type: refine an unknown trigger by the weapon or attacker noun
            atype = primary.attack_type
            if atype == "unknown":
                hints = [e.attack_type for e, s, end in self.weapon_matches if s in scope and self.weapon_span(s, end)]
                lemmas = lex.lemmas(doc)
                hints += [lex.actor_lemmas[lemmas[i]].attack_type for i in scope
                          if lemmas[i] in lex.actor_lemmas and lex.actor_lemmas[lemmas[i]].attack_type]
                hints = [h for h in hints if h and h != "unknown"]
                if hints:
                    atype = max(hints, key=lambda h: TYPE_RANK[h])
            # date
            date, date_inh, date_weak = self.date_for(g, scope, sent, happened=st.status in HAPPENED_STATUSES)
            # a generic trigger dated in its own phrase tells one attack ("a 21 October attack on a police post",
            # "an attack early this morning")
            weak = all(t.weak for t in g) and not self.dated_phrase(doc[primary.head])
            conf = 0.5 + (0.15 if not weak else 0) + 0.05 * sum(bool(x) for x in (perps, targets, date, killed, weapons))
            m = Mention(
                sent_i=self.sent_of[g[0].head], para_i=view.para_of[g[0].head],
                trigger=(doc[primary.start].idx, doc[primary.end - 1].idx + len(doc[primary.end - 1])),
                trigger_token=primary.head, trigger_tokens=list(dict.fromkeys(t.head for t in g)),
                attack_type=atype, status=st.status,
                rules=[t.rule for t in g] + [st.rule], locations=places, loc_inherited=not places,
                perpetrators=_dedupe(perps), claimed_by=_dedupe(claimed), attackers=_drop_nested(attackers), targets=targets,
                victims=victims, weapons=weapons, date=date, date_inherited=date_inh, date_weak=date_weak, killed=killed,
                injured=injured, evidence=[(sent[0].idx, sent[-1].idx + len(sent[-1]))], weak=weak, confidence=min(conf, 0.95),
                ambiguous_means=g[0].ambiguous_means,
                blamed_state=gi in self.blamed_state or state_doer, state_doer=state_doer, further=further_attack(g, doc),
                casualty_report=casualty_report(g, doc), demonstrative=demonstrative_attack(g, doc),
                definite=len(places) < 2 and definite_attack(g, doc),
                tally=bare_plural_tally(g, doc) and any(t.head.head.i in group_tokens for t in attached)
                and not (date is not None and not date_inh and not date_weak)
                and not self.dated_phrase(doc[primary.head]),
                people_hit=st.status == "carried_out" and self.people_hit(g),
            )
            # a generic-sounding weak mention with no place and no detail is not an event
            out.append(m)
            if gi in self.charged:
                self.charged_mentions.add(id(m))
        self.orphan_resp = orphan_resp
        self.charged_attack(out, lost)
        self.document_actors(out, orphan_resp)
        self.continued_victims(groups, out)
        self.continued_targets(groups, out)
        self.identified_suspects(out)
        return out

    def predicate_tokens(self, head: Token, scope: set[int]) -> list[Token]:
        """The words of what an attack noun as its clause's subject did or where it happened ("the attack
        damaged the power line in San Salvador", "the attack took place in X"); none for a trigger in any
        other role ("arrested in X in connection with the attack") or a verb that blames or reports (but "the
        attack was carried out in X" says where it happened)."""
        verb = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX") or self.reports(verb) \
                or (self.lex.responsibility_lemmas.get(verb._.ev_lemma) and not tells_where_it_happened(head)):
            return []
        out = [verb]
        for c in verb.children:
            if c.i != head.i and c.dep_ not in PREDICATE_CLAUSE_DEPS:
                out += [x for x in c.subtree if x.i in scope]
        return out

    def charged_attack(self, out: list[Mention], lost: list[tuple[int, str, list[Span], list[tuple[int, int]]]]) -> None:
        """The people charged with an attack in a sentence that is no event of its own (a trial, an
        arrest) are the perpetrators of the nearest event of the same kind, else of the document's only one."""
        for sent_i, atype, ents, unnamed in lost:
            same = [m for m in out if m.attack_type == atype] or (out if len(out) == 1 else [])
            if not same:
                continue
            m = min(same, key=lambda m: abs(m.sent_i - sent_i))
            self.charged_mentions.add(id(m))
            self.charge_sents[sent_i] = m
            m.perpetrators = _dedupe(m.perpetrators + ents)
            m.attackers += [a for a in unnamed if a not in m.attackers]

    def identified_suspects(self, out: list[Mention]) -> None:
        """The named people that those charged or arrested "have been identified as" ("the arrested men
        have been identified as X and Y", "those detained were identified as X") are the perpetrators of
        the event told before them that someone is charged with, else of the nearest one before them."""
        lemmas = self.lex.lemmas(self.doc)
        for verb in (self.doc[i] for i, lemma in enumerate(lemmas) if lemma == "identify"):
            if verb.pos_ != "VERB":
                continue
            if not any(self.charged_people(s) for s in verb.children if s.dep_ == "nsubjpass"):
                continue
            sent_i = self.sent_of[verb.i]
            as_ = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
            # the names listed after "as" to the end of the sentence (the parse often hangs a list's
            # later names, after a description of the first, elsewhere)
            names = self.view.ents_in(self.doc[as_[0].i:self.sents[sent_i].end], {"PERSON"}) if as_ else []
            before = [m for m in out if m.sent_i <= sent_i]
            if names and before:
                m = min(before, key=lambda m: (id(m) not in self.charged_mentions, sent_i - m.sent_i))
                m.perpetrators = _dedupe(m.perpetrators + names)
        self.named_suspects(out)

    def named_suspects(self, out: list[Mention]) -> None:
        """The people whose names a sentence gives ("Their names are X, Y and Z", "His name is X") right
        after a sentence, or an earlier clause of its own, that charges or arrests people for an attack
        ("five men suspected of killing the candidate") are the perpetrators of that attack."""
        charged_by_sent = {m.sent_i: m for m in out if id(m) in self.charged_mentions} | self.charge_sents
        # only a verb with "name(s)" as its subject can pass names_of_people
        verbs = sorted({t.head.i for t in self.doc if t.dep_ == "nsubj" and t.lower_ in ("name", "names")})
        for verb in (self.doc[i] for i in verbs):
            if verb._.ev_lemma != "be" or not any(self.names_of_people(c) for c in verb.children if c.dep_ == "nsubj"):
                continue
            sent_i = self.sent_of[verb.i]
            m = charged_by_sent.get(sent_i) or charged_by_sent.get(sent_i - 1)
            if m is None or m.sent_i > sent_i:
                continue
            names = self.view.ents_in(self.doc[verb.i + 1:self.sents[sent_i].end], {"PERSON"})
            m.perpetrators = _dedupe(m.perpetrators + names)

    def names_of_people(self, tok: Token) -> bool:
        """A subject that is the names of people told of before: "their names", "his name", "the names of
        the suspects"."""
        if tok.lower_ not in ("name", "names"):
            return False
        return any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES for c in tok.children) or any(
            self.charged_people(p) for p in of_objects(tok))

    def charged_people(self, tok: Token) -> bool:
        """A noun phrase naming people charged or arrested ("the arrested men", "those detained", "the
        suspects"): a charge cue of patterns/event_responsibility.jsonl is its head or describes it."""
        return self.charge_cue(tok) or any(c.dep_ in ("amod", "acl") and self.charge_cue(c) for c in tok.children)

    def charge_cue(self, tok: Token) -> bool:
        """A word of a cue that charges people with an attack ("arrested", "suspect", "detained")."""
        return any(e.charge_preps and e.arg == "object" for e in self.lex.responsibility_lemmas.get(tok._.ev_lemma, []))

    def done_by(self, verb: Token, g: list[Trigger]) -> bool:
        """Whether a verb is said of the attack itself, so that its "by" agent did it: the
        attack's participle ("the murder perpetrated by X") or its passive subject ("the attack
        was carried out by X"), not of something else in its sentence ("an investigation carried
        out by X into the murder"); a participle the parse hangs on the attack's "of" object counts
        ("the murder of six priests perpetrated by X")."""
        heads = {self.doc[t.head].i for t in g}
        if verb.dep_ in ("acl", "relcl"):
            owner = verb.head
            if owner.dep_ == "pobj" and owner.head.lower_ == "of":
                return owner.i in heads or owner.head.head.i in heads
            return owner.i in heads
        return any(c.dep_ == "nsubjpass" and c.i in heads for c in verb.children)

    def blamed_for(self, cue: Token, g: list[Trigger]) -> bool:
        """Whether what a cue blames someone "for" is the attack itself ("responsible for the
        massacre", "blamed X for the murder of Y"), not something a clause inside it tells of ("for
        the wave of repression that adds to the persons murdered"); true when it names nothing."""
        objs = prep_objects(cue, "for")
        if not objs:
            return True
        for t in g:
            x = self.doc[t.head]
            while x.i not in {o.i for o in objs} and x.dep_ not in ("relcl", "acl", "advcl", "ccomp", "xcomp") \
                    and x.head.i != x.i:
                x = x.head
            if x.i in {o.i for o in objs}:
                return True
        return False

    def charged_with(self, cue: Token, g: list[Trigger], preps: list[str]) -> bool:
        """Whether a cue names the attack with one of its prepositions ("charged with the killing of
        Y", "suspected of having detonated a bomb", "arrested in connection with the attack"); the
        preposition may hang on an object the parse coordinates to the cue ("implicated four officers and
        five members of the army in the assassination")."""
        holders = {cue.i} | {c.i for c in cue.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")}
        if cue.pos_ in ("NOUN", "PROPN"):  # "the involvement of two officers in the murder": "in" may hang on the owner
            holders |= {o.i for o in self.cue_owners(cue)}
        for t in g:
            path = [self.doc[t.head]]
            while path[-1].head.i not in holders and path[-1].head.i != path[-1].i and len(path) < 8:
                path.append(path[-1].head)
            top = path[-1]
            if top.head.i not in holders or top.dep_ != "prep":
                continue
            words = " ".join(x.lower_ for x in reversed(path)) + " "
            if any(words.startswith(p + " ") for p in preps):
                return True
        return False

    @staticmethod
    def cue_owners(cue: Token) -> list[Token]:
        """Who a noun cue belongs to: the object of its "of" ("the involvement of two officers") or its
        possessor ("the army's participation")."""
        return of_objects(cue) + [c for c in cue.children if c.dep_ == "poss"]

    def people_noun(self, tok: Token) -> bool:
        """Unnamed people counted by the text ("10 people", "three students", "several people"), not a
        pronoun nor an anaphor ("the individuals", "the second person": the named ones it refers to)."""
        if tok.pos_ not in ("NOUN", "PROPN") or self.view.ent(tok, AGENT_LABELS) is not None:
            return False
        if not any(c.dep_ == "nummod" or c.lower_ in UNCOUNTED for c in tok.children):
            return False
        v = self.lex.victim_lemmas.get(tok._.ev_lemma)
        return tok._.ev_lemma in PERSON_NOUNS | {"suspect"} or (v is not None and getattr(v, "category", None) == "civilian")

    def accuses(self, verb: Token) -> bool:
        """A verb whose subject blames someone else ("the FMLN blamed the army for X")."""
        entries = self.lex.responsibility_lemmas.get(self.lex.lemma(verb))
        return bool(entries) and all(e.arg != "subject" for e in entries)

    def armed_actor(self, tok: Token) -> bool:
        """An attacker noun ("the guerrillas") or an organisation the lexicon knows as an armed or
        terrorist group: a subject of a verb about an attack that may be its doer (a party or a
        union that "condemned the killing" is not)."""
        if is_attacker_noun(tok, self.lex):
            return True
        return armed_group_entity(self.view.ent(tok, AGENT_LABELS))

    def does(self, verb: Token, obj: Token) -> bool:
        """A verb whose subject carries out the attack its object names: any verb of a weapon
        ("smuggled a bomb", "planted an explosive device"); of an attack noun, a light verb or a
        verb that names the doer of an attack ("carried out an attack", "ordered the killing")."""
        if any(s <= obj.i < e for _, s, e in self.weapon_matches):
            return True
        entries = self.lex.responsibility_lemmas.get(verb._.ev_lemma) or []
        return verb._.ev_lemma in LIGHT_VERBS or any(e.id == "by_agent" for e in entries)

    def people_belong(self, verb: Token) -> bool:
        """Whether what "belongs" to someone are people ("gunmen believed to belong to X"), not
        things or a count of them ("one belonging to X", "vehicles belonging to X")."""
        owners = [verb.head] if verb.dep_ == "acl" else subjects(verb)
        return not any(o.pos_ == "NUM" or o._.ev_lemma in self.lex.target_lemmas for o in owners)

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
                objs += prep_objects(head, "of", "on", "against")
        objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
        if not objs or any(self.fighters(o) for o in objs):
            return False
        for o in objs:
            v = lex.victim_lemmas.get(o._.ev_lemma)
            if view.ent(o, {"PERSON"}) is not None or (v is not None and getattr(v, "category", None) != "security") \
                    or o._.ev_lemma in lex.target_lemmas:
                return True
        return False

    def named_noncombatant_hit(self, head: Token) -> bool:
        """Whether a trigger verb is done to a named person whose title says he is no fighter: a civilian's
        title before or beside the name ("Dutch reporter Cornell Lagrow was killed", "X, a Dutch reporter,
        was killed"), not one that says whose member he is ("X, the leader of the band") nor a bare name."""
        lex = self.lex
        for o in object_phrases(head):
            if person_span(o, self.view) is None and not titled_name(o, lex):
                continue
            titles = [c for c in o.children if c.dep_ in ("compound", "appos") and c._.ev_lemma in lex.victim_lemmas]
            if any(self.fighters(x) or lex.victim_lemmas[x._.ev_lemma].category != "civilian" or of_objects(x)
                   for x in titles) or self.fighters(o):
                continue
            if titles:
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

    def acts_on(self, subj: Token) -> bool:
        """Whether a subject does something to people, a thing attacked or with a weapon: its active verb's
        object or "on"/"at"/"against" phrase is a person, a victim or target noun or a weapon ("two men fired
        on the senator", "several men wounded a watchman", "two men set off a bomb"), not "two men died" nor
        "the men create a problem"."""
        verb, lex = subj.head, self.lex
        if subj.dep_ != "nsubj" or verb.pos_ != "VERB":
            return False
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        objs += prep_objects(verb, "on", "at", "against", "upon")
        weapons = {i for _, s, e in self.weapon_matches for i in range(s, e)}
        return any(o.ent_type_ == "PERSON" or o.lower_ in PERSONAL_PRONOUNS or o.i in weapons
                   or o._.ev_lemma in lex.victim_lemmas or o._.ev_lemma in lex.target_lemmas for o in objs)

    def acts_in_attack(self, subj: Token) -> bool:
        """Whether a subject does something to people, a thing attacked or with a weapon (``acts_on``), its
        verb leads to an attack word ("the terrorists continue to resort to kidnapping youths") or it only
        moves ("the guerrillas fled toward the volcano"), not "the guerrillas have sent no note", "the
        kidnappers had met with the negotiators"."""
        verb = subj.head
        own = {x.i for x in subj.subtree}
        if self.acts_on(subj) or any(x.i in self.trigger_tokens for x in verb.subtree if x.i not in own):
            return True
        # an intransitive act ("fled", "escaped", "arrived"): no object, complement or partner ("with")
        return verb.pos_ == "VERB" and not any(c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ == "with")
                                               for c in verb.children)

    def sentence_attackers(self, sent, acting: bool = False) -> list[tuple[int, int]]:
        """Unnamed attackers the sentence of an attack names as the doers of something: the
        subject of a verb or a "by" agent ("guerrillas ... fled", "set off by terrorists"). ``acting``:
        for a sentence that is not the attack's own, only subjects that act in an attack (``acts_in_attack``)."""
        lex, view = self.lex, self.view
        out = []
        for t in sent:
            if t.dep_ == "nsubj" or (t.dep_ == "pobj" and t.head.lower_ == "by") or \
                    (t.dep_ == "conj" and t.head.dep_ in ("nsubj",)):
                if is_security(t, view, lex) or (t.dep_ == "nsubj" and (self.accuses(t.head) or self.reports(t.head))):
                    continue
                if acting and t.dep_ != "pobj" and not self.acts_in_attack(t if t.dep_ == "nsubj" else t.head):
                    continue
                a = attacker_head(t, lex)
                if a is None and (t.dep_ == "pobj" or self.acts_on(t)):
                    # "riddled with bullets by three young individuals", "at least one man fired on the senator"
                    a = described_people(t, lex)
                if a is None:
                    continue
                e = view.ent(a, AGENT_LABELS)
                if e is None:
                    span = people_span(a, view, lex)
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
        knows as armed groups where a mention names them as doers (``named_as_doer``), organisations that
        qualify an attacker noun ("FMLN guerrillas",
        "guerrillas of the FMLN", "members of the X") or that a responsibility cue names. Key:
        canonical name (lowercased) -> first mention."""
        doc, lex, view = self.doc, self.lex, self.view
        found: dict[str, Span] = {}
        cued = {(e.start, e.end) for _, _, ents in orphan_resp for e in ents} | self.cued_names
        for e in doc.ents:
            if e.label_ not in ("ORGANISATION", "ORG") or is_security(e.root, view, lex):
                continue
            info = e._.info or {}
            r = e.root
            # a group the lexicon knows counts where the text names it as a doer ("the FMLN carried out the
            # attack"), not only as a side in talks or the owner of something ("talks between the government
            # and the FMLN", "the headquarters of the Medellin cartel")
            armed = (e.start, e.end) in cued or (info.get("kind") == "armed_group" and self.named_as_doer(r))
            if not armed:
                armed = any(is_attacker_noun(t, lex) for t in e) or self.fighters_after(e) \
                    or (r.dep_ in ("compound", "poss", "nmod", "amod") and is_attacker_noun(r.head, lex)) \
                    or (r.dep_ == "pobj" and r.head.lower_ in ("of", "from")
                        and (is_attacker_noun(r.head.head, lex) or r.head.head._.ev_lemma in MEMBER_WORDS))
            if armed:
                found.setdefault(((e._.canonical or e.text).lower()), e)
        return found

    def fighters_after(self, name: Span) -> bool:
        """Whether an organisation's name qualifies the attacker noun right after it, past any bracketed
        expansion or abbreviation the parse loses it over ("the Army of National Liberation (ELN)
        guerrillas", "FMLN [Farabundo Marti National Liberation Front] guerrillas")."""
        doc, i = self.doc, name.end
        while i < len(doc) and doc[i].text in BRACKETS:
            close = BRACKETS[doc[i].text]
            i = next((k + 1 for k in range(i + 1, min(i + MAX_BRACKETED, len(doc))) if doc[k].text == close), len(doc))
        while i < len(doc) and doc[i].text in BRACKETS.values():
            i += 1  # the end of a bracket the name itself stood in ("[... Front (FMLN)] guerrillas")
        return i < len(doc) and is_attacker_noun(doc[i], self.lex) and not is_security(doc[i], self.view, self.lex)

    def named_as_doer(self, name: Token) -> bool:
        """Whether an organisation's name (its root) stands where a doer of violence does: a "by" agent
        ("launched by the FMLN"), a subject that acts in an attack (``acts_in_attack``: "the FMLN blew up a
        bridge", "the cartel carried out the assassination"), the owner of an attack word ("the FMLN's
        offensive", "the FMLN attack") or of members ("FMLN members"), or a name apposed to an attacker noun
        ("a commando unit, the Gerardo Barrios Civic Force")."""
        if name.dep_ == "appos" and is_attacker_noun(name.head, self.lex):
            return True
        if name.dep_ in ("conj", "appos") and name.head.dep_ in ("nsubj", "pobj"):
            name = name.head  # "the FMLN and the ERP attacked", "the Workers Self-Defense, ADO, claimed"
        if name.dep_ in ("compound", "poss") and name.head._.ev_lemma in MEMBER_WORDS:
            return True
        if name.dep_ == "pobj" and name.head.lower_ == "by":
            return True
        if name.dep_ == "nsubj":
            return self.acts_in_attack(name)
        return name.dep_ in ("poss", "compound") and name.head.i in self.trigger_tokens

    def document_actors(self, out: list[Mention], orphan_resp) -> None:
        """Actors of attacks that have none of their own, from the rest of the document.
        Attackers: the only unnamed attackers the attack's text block names as doers of an attack, else the
        only ones a responsibility cue without a trigger names. Perpetrators: the only armed group
        the document names as an actor of violence (``armed_groups``); with several, the only one
        named in the attack's sentence, else in its text block; none where the document blames state
        forces for one of its attacks."""
        # no attackers of its own: the only unnamed attackers its text block names as doers of an
        # attack ("... was kidnapped. The vehicle was intercepted by heavily armed men.")
        if any(not m.attackers for m in out):
            by_block: dict[int, dict[str, tuple[int, int]]] = {}
            for sent in self.sents:
                for sp in self.sentence_attackers(sent, acting=True):
                    by_block.setdefault(self.block_of[sent.start], {}).setdefault(doc_text(self.doc)[sp[0]:sp[1]].lower(), sp)
            for m in out:
                found = by_block.get(self.block_of[m.trigger_token], {})
                if not m.attackers and len(found) == 1:
                    m.attackers = list(found.values())
        named = {doc_text(self.doc)[a:b].lower() for a, b in self.orphan_attackers}
        if len(named) == 1:  # "the FMLN guerrillas are being held responsible" after the attack
            for m in out:
                if not m.attackers:
                    m.attackers = [self.orphan_attackers[0]]
        # a report that blames state forces for an attack ("blames officers of the armed forces for the
        # murder of the six Jesuits") names the armed group as the other side, not as the doer of the
        # attacks it leaves unattributed
        if not out or any(m.blamed_state for m in out) or all(m.perpetrators for m in out):
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
    def weapon_span(self, s: int, e: int, trigger_tokens: set[int] = frozenset()) -> tuple[int, int] | None:
        """A weapon match as a noun phrase: not a verb ("bombed"); a modifier match extends to
        the noun it modifies ("explosive charges", "dynamite sticks"), with that noun's compounds; not
        a weapon found or seized, unless it is the trigger of the attack itself ("a bomb was found")."""
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
        if last.lower_.endswith("ing") and not last._.ev_lemma.endswith("ing"):
            return None  # a gerund or noun that only inflects like a weapon word ("mining", "mining sector")
        if head.i not in trigger_tokens and last.i not in trigger_tokens and _found_weapon(head, self.lex):
            return None
        s = _weapon_modifiers_start(head, s)
        of = head.head if head.dep_ == "pobj" else None
        if of is not None and of.lower_ == "of" and of.i == s - 1 and of.head.i < of.i \
                and of.head._.ev_lemma in WEAPON_AMOUNTS:
            s = _weapon_modifiers_start(of.head, of.head.i)  # "a charge of dynamite", "several sticks of dynamite"
        start = doc[s].idx
        while s >= 2 and doc[s - 1].text == "-" and not doc[s - 1].whitespace_ and not doc[s - 2].whitespace_ \
                and doc[s - 2].is_alpha:
            s -= 2  # a hyphenated word is one word: "car-bomb", "medium-sized bomb"
            start = doc[s].idx
        return start, head.idx + len(head)

    def target_span(self, tok: Token) -> tuple[int, int]:
        """A target as its noun phrase with the "of" phrase that says whose it is ("the offices of
        the telecommunications company", "the residence of the vice president"), as MUC-4
        annotates targets; other prepositional phrases and clauses are left out."""
        start, end = core_span(tok)
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or not doc_text(self.doc)[end:of.idx].isspace() or "\n\n" in doc_text(self.doc)[end:of.idx]:
            return start, end  # no "of" right after the noun phrase
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is None or obj.i - of.i > MAX_OF_PHRASE:
            return start, end
        return start, self.owner_end(obj, 0)

    def antecedent_target(self, tok: Token, span: tuple[int, int], earlier: list[tuple[int, int]]) -> tuple[int, int]:
        """A bare definite target ("the residence", "the buildings") that repeats an earlier, longer target
        of the document with its head noun in the same number ("the residence of the vice president") is
        that target: the span of its latest mention before it; any other target keeps its own span."""
        if span != (tok.idx, tok.idx + len(tok)) or not any(
                c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in tok.children):
            return span
        best = None
        for s, e in earlier:
            if e > tok.idx or (e - s) <= len(tok) or (best is not None and s <= best[0]):
                continue
            root = self.doc.char_span(s, e, alignment_mode="expand").root
            if root._.ev_lemma == tok._.ev_lemma and (root.tag_ == "NNS") == (tok.tag_ == "NNS"):
                best = (s, e)
        return best or span

    def owner_end(self, obj: Token, depth: int) -> int:
        """End of the owner an "of" phrase names, with the name in apposition right after it ("the
        newspaper El Siglo") and its own "of" phrase ("the department of administrative security")."""
        person = person_span(obj, self.view)
        end = person.end_char if person is not None else core_span(obj)[1]
        text = doc_text(self.doc)
        nxt = self.doc[obj.i + 1] if obj.i + 1 < len(self.doc) and person is None else None
        name = self.view.ent(nxt, OWNER_NAME_LABELS) if nxt is not None else None
        if name is not None and name.start == nxt.i and text[end:nxt.idx].isspace() and "\n\n" not in text[end:nxt.idx]:
            return name.end_char  # "the newspaper El Siglo"
        for c in obj.rights:
            gap = text[end:self.doc[c.left_edge.i].idx]
            if (gap and not gap.isspace()) or "\n\n" in gap or self.doc[c.left_edge.i].is_punct:
                break
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i - obj.i <= 6:
                end = max(end, core_span(c)[1])
            elif c.dep_ == "prep" and c.lower_ == "of" and depth < 1:
                sub = next((x for x in c.children if x.dep_ == "pobj"), None)
                if sub is None or sub.i - c.i > MAX_OF_PHRASE or self.view.ent(sub, PLACE_LABELS) is not None:
                    break
                end = self.owner_end(sub, depth + 1)
            else:
                break
        return end

    # ------------------------------------------------------------------ date
    def dated_phrase(self, head: Token) -> bool:
        """A singular noun trigger whose own phrase holds a date ("the 21 October attack", "an attack early
        this morning"; not "attacks in the past week")."""
        if head.tag_ != "NN":
            return False
        lo, hi = head.left_edge.i, head.right_edge.i
        return any(e.label_ == "DATE" and lo <= e.start and e.end - 1 <= hi and not _durationish(e) for e in self.doc.ents)

    def statement_date(self, date: Span, heads: list[Token]) -> bool:
        """A date of a verb of saying or reacting that governs the trigger and is none of its words ("X
        condemned today the assassination of Y", "police reported today that the nun, who was shot ...")."""
        verb = date.root.head.head if date.root.dep_ == "pobj" else date.root.head
        if verb.pos_ not in ("VERB", "AUX") or any(h.i == verb.i for h in heads):
            return False
        lemma = self.lex.lemma(verb)
        if lemma not in self.lex.statement_lemmas and lemma not in self.lex.reaction_lemmas:
            return False
        return any(_complement_of(h, verb) for h in heads)

    def occasion_date(self, date: Span, heads: list[Token]) -> bool:
        """A date in the phrase of a noun of another kind of event that holds none of the trigger's words ("the
        elections planned for 12 November", "the 3 October coup"), or of a verb whose subject or object is one
        ("called a general strike for 1 November", "the strike began on 3 November")."""
        verb = date.root.head.head if date.root.dep_ == "pobj" else date.root.head
        if verb.pos_ in ("VERB", "AUX") and not any(h.i == verb.i for h in heads) and any(
                c.dep_ in ("dobj", "nsubj", "nsubjpass") and self.lex.lemma(c) in self.lex.occasion_lemmas
                for c in verb.children):
            return True
        for anc in date.root.ancestors:
            if any(h.i == anc.i for h in heads):
                return False
            if anc.pos_ in ("NOUN", "PROPN") and self.lex.lemma(anc) in self.lex.occasion_lemmas:
                return not any(anc.left_edge.i <= h.i <= anc.right_edge.i for h in heads)
        return False

    def after_filing(self, date: Span) -> bool:
        """A date whose first day comes after the day the report was filed ("tomorrow", "next year", "the 8 April
        elections" in a report of 27 March)."""
        return starts_after(date, parse_iso(self.doc._.reference_date))

    def date_for(self, g, scope, sent, happened: bool = False) -> tuple[Span | None, bool, bool]:
        """(date, inherited from an earlier sentence, weak: not in the trigger's clause). An attack that
        ``happened`` (carried out or attempted) prefers any date to a day after the report was filed, and
        inherits none."""
        doc = self.doc
        heads = [doc[t.head] for t in g]
        lo, hi = sent[0].i, sent[-1].i
        dates = [e for e in doc.ents if e.label_ == "DATE" and lo <= e.start and e.end - 1 <= hi and not _durationish(e)
                 and not gmt_date(e)]
        # a day to come gives way to any other date of the sentence; alone, it is kept, and an attack that happened
        # takes the dateline's date in its place once the document's attacks are merged (``_date_from_dateline``)
        dates = [e for e in dates if not (happened and self.after_filing(e))] or dates
        # another event's day gives way to any other date of the sentence; alone, it is kept as the attack's
        dates = [e for e in dates if not self.occasion_date(e, heads)] or dates
        statement = [e for e in dates if self.statement_date(e, heads)]
        if statement and len(statement) == len(dates):
            # only the day of a statement about the attack: a last guess, which a date of its own replaces
            best = min(statement, key=lambda e: min(tree_distance(e.root, h) for h in heads))
            return best, False, True
        dates = [e for e in dates if e not in statement]
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
            if not _durationish(e) and not gmt_date(e) and not self.occasion_date(e, []) \
                    and not (happened and self.after_filing(e)):  # not another event's day, nor a day to come
                return e, True, True
        return None, False, False

    # ------------------------------------------------------------------ responsibility
    def responsibility(self, groups):
        doc, lex, view = self.doc, self.lex, self.view
        self.resp_attackers: dict[int, list[tuple[int, int]]] = {}
        # groups whose own sentence blames state forces ("accused the army of the killing", "blamed
        # death squads for the attack"): the document's armed group is not their perpetrator
        self.blamed_state: set[int] = set()
        self.orphan_attackers: list[tuple[int, int]] = []  # unnamed attackers of a cue without a trigger
        self.cued_names: set[tuple[int, int]] = set()  # (start, end) of the names a cue gives an attack in its sentence
        # the people a charge cue names ("charged with the killing"), by group
        self.charged: dict[int, tuple[list[Span], list[tuple[int, int]]]] = {}
        by_group: dict[int, list] = {}
        orphans: list[tuple[int, str, list[Span]]] = []
        for i, lemma in enumerate(lex.lemmas(doc)):
            entries = lex.responsibility_lemmas.get(lemma)
            if not entries:
                continue
            tok = doc[i]
            for entry in entries:
                heads: list[Token] = []
                if entry.arg == "subject":
                    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "attr":
                        continue  # a noun cue names the subject of a copula: "X was the author of the murder"
                    if tok.pos_ in ("VERB", "AUX") and entry.role == "claim" and any(c.dep_ == "ccomp" for c in tok.children) \
                            and not any(c.dep_ == "dobj" for c in tok.children) \
                            and not (tok.dep_ == "relcl" and tok.head.i in self.trigger_tokens):
                        # "Lemos admitted that the car bomb attack ...": a statement, not a claim; but a relative
                        # clause on the attack noun claims it ("the attack for which ISIS has claimed responsibility")
                        continue
                    if entry.id == "involved" and tok.tag_ != "VBN":
                        continue  # "attempts to involve the institute in X": who is involved is the object
                    if tok.pos_ in ("VERB", "AUX"):
                        heads = subjects(tok)
                    elif any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):  # "hold [X responsible]"
                        heads = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                    elif tok.dep_ == "oprd" and any(c.dep_ == "dobj" for c in tok.head.children):
                        heads = [c for c in tok.head.children if c.dep_ == "dobj"]  # "held X responsible": not who holds
                    else:  # "X are being held responsible"
                        heads = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                    if tok.pos_ == "VERB" and tok.tag_ == "VBN":  # "X were involved in the massacre"
                        heads += [c for c in tok.children if c.dep_ == "nsubjpass"]
                elif entry.arg == "object":  # "blamed X", "X was blamed", "10 people suspected of ..."
                    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
                    if heads:  # "implicated four officers and five members of X": a noun the parse coordinates to the verb
                        heads += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
                    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
                        heads.append(tok.head)
                    if not heads and tok.dep_ == "conj" and tok.tag_ == "VBN":  # "X were arrested and charged with"
                        heads = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
                elif entry.arg == "to":
                    if lemma == "belong" and not self.people_belong(tok):
                        continue  # "vehicles belonging to X": an owner, not a perpetrator
                    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
                    preps = [c for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
                    for x in tok.children:
                        if x.dep_ == "xcomp":  # "believed to belong to X"
                            preps += [c for c in x.children if c.dep_ == "prep" and c.lower_ == "to"]
                    heads = [p for pr in preps for p in pr.children if p.dep_ == "pobj"]
                elif entry.arg == "by":
                    heads = agents(tok)
                elif entry.arg == "owner":
                    if tok.pos_ not in ("NOUN", "PROPN"):
                        continue
                    heads = self.cue_owners(tok)  # "the involvement of two officers in", "the army's participation in"
                elif entry.arg == "of" and tok.dep_ in ("attr", "appos"):
                    # "the attack was the work of X", "the bombing, the work of X": of the attack the
                    # copula's subject or the apposition's head names ("the victims were members of X" names none)
                    described = [c.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")] \
                        if tok.dep_ == "attr" else [tok.head.i]
                    heads = of_objects(tok)
                else:
                    continue
                heads += [x for h in heads for x in h.children if x.dep_ == "conj"]
                heads += [p for h in heads for p in [apposed_person(h, view)] if p is not None and p not in heads]
                ents: list[Span] = []
                unnamed: list[tuple[int, int]] = []
                state = False  # state forces blamed
                same = [gi for gi, g in enumerate(groups) if self.sent_of[g[0].head] == self.sent_of[tok.i]]
                if entry.arg == "of":
                    same = [gi for gi in same if any(t.head in described for t in groups[gi])]
                    if not same:
                        continue
                if entry.charge_preps:  # only the attack the cue charges its object with
                    same = [gi for gi in same if self.charged_with(tok, groups[gi], entry.charge_preps)]
                    if not same:
                        continue
                near = min(same, key=lambda k: min(tree_distance(tok, doc[t.head]) for t in groups[k])) if same else None
                for h in heads:
                    # state forces named by an attribution ("blamed the army for the massacre") are
                    # the perpetrators; a "by" agent of theirs only when civilians were hit ("the
                    # massacre perpetrated by the army"); no attack in the sentence: an inquiry, not an attribution
                    sec = is_security(h, view, lex) or security_people(h, lex) is not None
                    if sec and (near is None or not self.blamed_for(tok, groups[near]) or (
                            entry.id == "by_agent"
                            and not (self.against_civilians(groups[near]) and self.done_by(tok, groups[near])))):
                        continue
                    a = (security_people(h, lex) or security_unit(h, view, lex)) if sec else attacker_head(h, lex)
                    if a is None and entry.charge_preps and self.people_noun(h):
                        a = h  # "three students charged with the killing"
                    # death squads act for the state side: blamed, they clear the document's armed group
                    state = state or sec or (a is not None and state_aligned(a, lex))
                    ents += agent_entities(h, view, lex, security=sec)
                    if a is not None and view.ent(a, AGENT_LABELS) is None:
                        unnamed.append(attacker_span(a, view))
                if not ents and not unnamed and not state:
                    continue
                if same:
                    gi = near
                    if entry.charge_preps:
                        kept = self.charged.setdefault(gi, ([], []))
                        kept[0].extend(ents)
                        kept[1].extend(a for a in unnamed if a not in kept[1])
                    self.resp_attackers.setdefault(gi, []).extend(a for a in unnamed if a not in self.resp_attackers.get(gi, []))
                    if state and entry.role == "perpetrator" and entry.arg in ("subject", "object", "to", "of"):
                        self.blamed_state.add(gi)
                    if not ents:
                        continue
                    by_group.setdefault(gi, []).append((entry.role, ents))
                    if entry.id != "by_agent":  # a "by" agent may be a misread weapon ("murdered by MACHINEGUN bursts")
                        self.cued_names.update((e.start, e.end) for e in ents)
                elif entry.id not in ("by_agent", "member_of") and self.names_incident(tok):
                    self.orphan_attackers.extend(unnamed)
                    if ents:
                        orphans.append((tok.i, entry.role, ents))
        return by_group, orphans

    def names_incident(self, cue: Token) -> bool:
        """Whether a responsibility cue with no attack in its sentence may point at an attack told
        elsewhere: it is not denied ("the guerrillas are not responsible"), not conditional ("will be
        responsible if peace is not achieved"), no "claiming to be" someone, and what it blames "for"
        or "of" is the incident ("for which", "for this action", "of being behind the deaths"), not something
        else ("responsible for jeopardizing the dialogue", "accused X of having ties to Y", "for their hunger")."""
        holders = [cue] + ([cue.head] if cue.dep_ in ("acomp", "oprd", "attr", "xcomp") else [])
        for h in holders:
            if any(c.dep_ == "neg" for c in h.children):
                return False
            if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children) for c in h.children):
                return False
        if any(c.dep_ == "xcomp" and c._.ev_lemma == "be" for c in cue.children):
            return False
        blamed_for = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                      for o in p.children if o.dep_ in ("pobj", "pcomp")]
        return all(self.incident_phrase(o) for o in blamed_for)

    def incident_phrase(self, phrase: Token) -> bool:
        """What a cue blames someone for that can be an attack told elsewhere: a pronoun ("for which",
        "for what"), a noun phrase with an anaphoric determiner ("for this action"), or words of a death or
        injury ("the mastermind behind the death of X"); not a clause or another noun phrase."""
        if any(x._.ev_lemma in self.lex.casualty_lemmas for x in phrase.subtree):
            return True
        if phrase.dep_ == "pcomp" or phrase.pos_ in ("VERB", "AUX"):
            return False
        return phrase.pos_ in ("PRON", "DET") or any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in phrase.children)


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
    """An age, a duration or a frequency ("30 years old", "the past few days", "every day"); not a day counted
    back or on from another ("2 days ago", "three days later"), which names a calendar day."""
    info = e._.info or {}
    if info.get("granularity") == "day" and info.get("value"):
        return False
    t = e.text.lower()
    return any(w in t for w in ("years old", "-year-old", "year-old", "hours", "minutes", "days", "every ", "aged"))


def starts_after(date: Span, day: datetime.date | None) -> bool:
    """A DATE entity whose value's first day comes after ``day`` (False when either is unknown)."""
    first = value_first_day(str((date._.info or {}).get("value") or ""))
    return day is not None and first is not None and first > day


_GMT_WORDS = {"gmt", "utc"}
HAPPENED_STATUSES = ("carried_out", "attempted")  # an attack that took place, by the day it is reported


def gmt_date(e: Span) -> bool:
    """The day of a clock time given in Greenwich time ("at 2230 [0230 GMT on 12 January]", "0400 GMT on 10
    September"): a wire service's conversion, which past local midnight names the next day, not the local one."""
    doc, i = e.doc, e.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].lower_ in ("on", "of", ",")):
        i -= 1
    return i >= 0 and doc[i].lower_ in _GMT_WORDS


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


def _drop_nested(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in their order, without those inside another one ("armed men" inside "a group of armed men")."""
    return [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
