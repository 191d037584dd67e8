"""Arguments of an attack mention from the dependency parse and the sentence.

Entities are read from ``doc.ents`` (contract labels, or raw spaCy labels before the
entities component has mapped them). Text arguments (attackers, targets, victims,
weapons) are noun phrases: the head noun with its determiners and modifiers.
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from extract.attributes import doc_text
from extract.events.lexicon import EventLexicon

PLACE_LABELS = {"PLACE", "GPE", "LOC", "FAC"}
AGENT_LABELS = {"ORGANISATION", "ORG", "PERSON"}
NP_MODS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "advmod", "case", "predet", "npadvmod"}
ARG_DEPS = {"dobj", "pobj", "nsubjpass", "conj", "appos", "attr", "oprd", "nsubj"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "on", "into", "against", "from", "across", "around", "of", "between", "along", "off", "towards", "toward", "through", "throughout"}

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200,
}
UNCOUNTED = {"dozens", "scores", "hundreds", "several", "many", "some"}


def parse_number(text: str) -> int | None:
    t = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+", t):
        return int(t)
    parts = re.split(r"[\s-]+", t)
    total = 0
    for p in parts:
        if p in UNCOUNTED or p not in WORD_NUMBERS:
            return None
        v = WORD_NUMBERS[p]
        total = total * v if v == 100 else total + v
    return total or None


def np_span(tok: Token) -> tuple[int, int]:
    """Character offsets of the noun phrase headed by ``tok`` (head + left modifiers)."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in NP_MODS:
            start = min(start, c.left_edge.i)
    end = tok.i
    for c in tok.rights:  # "Holy Week procession" compounds are on the left; keep rights tight
        if c.dep_ in ("compound",):
            end = max(end, c.right_edge.i)
    doc = tok.doc
    while start < tok.i and doc[start].is_punct:
        start += 1
    return doc[start].idx, doc[end].idx + len(doc[end])


# modifiers that qualify the report rather than the thing ("alleged guerrillas", "other houses")
HEDGE_MODS = {"alleged", "presumed", "suspected", "so-called", "purported", "reported", "other", "several",
              "various", "certain", "many", "numerous", "some", "few", "own", "same", "such", "more", "most",
              "former", "late", "possible", "probable", "apparent", "unspecified"}
CORE_LEFT = {"compound", "amod", "nmod", "npadvmod"}


def core_span(tok: Token, keep_number: bool = False) -> tuple[int, int]:
    """Character offsets of the bare noun phrase headed by ``tok``: the head with the contiguous
    compound and adjectival modifiers before it ("urban guerrillas", "electric power substation",
    "car bomb") and its right-hand compounds; no determiner, possessive or hedge ("the",
    "his", "alleged"), no count unless ``keep_number`` ("two individuals"; never an
    approximate count: "some 100 guerrillas" -> "guerrillas")."""
    doc = tok.doc
    start = tok.i
    for c in sorted(tok.lefts, key=lambda x: -x.i):
        if c.right_edge.i != start - 1 and not all(doc[k].is_punct for k in range(c.right_edge.i + 1, start)):
            break
        if c.dep_ in CORE_LEFT and c.lower_ not in HEDGE_MODS and not c.like_num and c.pos_ != "DET":
            start = c.left_edge.i
            # "alleged guerrilla urban commandos": the modifier without its own hedge or determiner
            while start < c.i and (doc[start].dep_ in ("det", "poss", "predet", "nummod", "quantmod", "cc", "punct")
                                   or doc[start].lower_ in HEDGE_MODS or doc[start].pos_ in ("DET", "PRON")):
                start += 1
        elif c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and c.right_edge.i + 2 >= start:
            start = c.left_edge.i  # a named owner stays: "Maza's vehicle", "the councilman's home"
            while start < c.i and (doc[start].dep_ in ("det", "predet") or doc[start].is_punct):
                start += 1
        elif keep_number and c.dep_ == "nummod" and not any(x.dep_ in ("quantmod", "advmod") for x in c.children) \
                and not any(x.dep_ == "quantmod" for x in tok.children):
            start = c.left_edge.i
        elif c.is_punct and c.dep_ == "punct":
            continue
        else:
            break
    end = tok.i
    for c in tok.rights:
        if c.dep_ == "compound" and c.i == end + 1:
            end = c.right_edge.i
    while start < tok.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > tok.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return doc[start].idx, doc[end].idx + len(doc[end])


# participles that give the name of the person a noun describes ("a foreigner named X", "a man called X")
NAMING_VERBS = {"name", "call"}


def person_span(tok: Token, view: "SentenceView") -> Span | None:
    """The PERSON entity a noun phrase names: the head itself ("Hector Oqueli"), or its
    apposition/compound ("the leader, Hector Oqueli", "Defense Minister General X") or the name a participle
    gives it ("a foreigner named Erika Suleman")."""
    e = view.ent(tok, {"PERSON"})
    if e is not None:
        return e
    for c in tok.children:
        if c.dep_ in ("appos", "compound") or (c.dep_ == "nmod" and c.pos_ == "PROPN"):
            e = view.ent(c, {"PERSON"})
            if e is not None:
                return e
        if c.dep_ == "acl" and c.lemma_ in NAMING_VERBS:  # "a foreigner named Erika Suleman"
            for name in c.children:
                e = view.ent(name, {"PERSON"}) if name.dep_ in ("oprd", "dobj", "attr") else None
                if e is not None:
                    return e
    return None


def apposed_person(tok: Token, view: "SentenceView") -> Token | None:
    """The named person a describing noun phrase stands in apposition to, who is the one it says
    something of ("Colonel X, the primary person implicated in the murder", "Colonel X, one of the
    men involved in the assassination")."""
    x = tok
    if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.lower_ == "one":
        x = x.head.head  # "one of the men"
    if x.dep_ != "appos" or view.ent(x.head, {"PERSON"}) is None:
        return None
    return x.head


def person_named(tok: Token, view: "SentenceView") -> bool:
    """Whether a noun phrase names a person: a PERSON entity or its apposition/compound, or a
    one-word name the model calls otherwise that is part of a person's name in the document
    ("Oqueli's assassination" after "Hector Oqueli")."""
    if person_span(tok, view) is not None:
        return True
    e = view.ent(tok, AGENT_LABELS)
    return e is not None and len(e) == 1 and view.full_person(e) is not e


def ent_of(tok: Token, labels: set[str]) -> Span | None:
    doc = tok.doc
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in labels:
            return ent
    return None


def prep_objects(tok: Token, *preps: str) -> list[Token]:
    """The objects of a word's phrases headed by one of ``preps`` ("an attack on the post": the post)."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def of_objects(tok: Token) -> list[Token]:
    """The objects of a word's "of" phrases: what an action noun is done to ("the burning of five buses"),
    whom a noun cue belongs to ("the involvement of two officers"), the whole a part is of ("one of the wounded")."""
    return prep_objects(tok, "of")


def is_line_wrapped(text: str) -> bool:
    """Wire text hard-wrapped at a fixed width: most lines are 55-85 characters long."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 5:
        return False
    return sum(1 for ln in lines if 55 <= len(ln.rstrip()) <= 85) >= 0.6 * len(lines)


def _paragraph_break(space: str, wrapped: bool) -> bool:
    """A whitespace token that ends a paragraph: a line break, except inside wrapped text,
    where only a blank line or an indented next line starts a new paragraph."""
    if space.count("\n") == 0:
        return False
    if not wrapped or space.count("\n") >= 2:
        return True
    return space.split("\n")[-1].startswith("  ")


class SentenceView:
    """Per-Doc caches: entity per token, sentence per token, paragraph per token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.para_of: list[int] = []
        para = 0
        wrapped = is_line_wrapped(doc_text(doc))
        for tok in doc:
            if "\n\n" in tok.text_with_ws or (tok.is_space and tok.i > 0 and _paragraph_break(tok.text, wrapped)):
                para_here = para
                para += 1
                self.para_of.append(para_here)
            else:
                self.para_of.append(para)

    def full_person(self, ent: Span) -> Span:
        """The document's most complete mention of a person: "Oqueli" -> "Hector Oqueli Colindres"
        (the longest PERSON entity whose words contain this one's, in order)."""
        words = [t.lower_ for t in ent if not t.is_punct]
        best = ent
        if not words:
            return best
        n = len(words)
        for e in self.doc.ents:
            if e.label_ != "PERSON" or len(e) <= len(best):
                continue
            ew = [t.lower_ for t in e if not t.is_punct]
            if any(ew[k:k + n] == words for k in range(len(ew) - n + 1)):
                best = e
        return best

    def ent(self, tok: Token, labels: set[str]) -> Span | None:
        e = self.ent_at.get(tok.i)
        return e if e is not None and e.label_ in labels else None

    def ents_in(self, tokens: Iterable[Token], labels: set[str]) -> list[Span]:
        seen: dict[tuple[int, int], Span] = {}
        for t in tokens:
            e = self.ent(t, labels)
            if e is not None:
                seen[(e.start, e.end)] = e
        return sorted(seen.values(), key=lambda e: e.start)


# organisation kinds (patterns/organisations.jsonl) of non-state fighters: "Army of National
# Liberation", "Revolutionary Armed Forces of Colombia" name no state forces
ARMED_GROUP_KINDS = {"armed_group", "terrorist_group"}


def armed_group_entity(ent: Span | None) -> bool:
    """Whether an entity is an organisation the lexicon knows as an armed or terrorist group."""
    return ent is not None and (ent._.info or {}).get("kind") in ARMED_GROUP_KINDS


# organisation kinds (patterns/organisations.jsonl) of bodies with no fighters of their own, whose
# offices are what an attack on them hits ("the attack against FENASTRAS", "bombed the PDC")
HIT_ORGANISATION_KINDS = {"ngo", "company", "political_party", "igo", "state_agency", "other"}


def hit_organisation(tok: Token, view: SentenceView) -> bool:
    """Whether ``tok`` ends the name of an organisation the lexicon knows as one with no fighters (a union,
    NGO, party, company or civil body) and is what a verb or an "on"/"against" phrase is done to ("the
    attack against FENASTRAS", "bombed the PDC"); not an armed group nor the state forces ("the attack
    against the FMLN"), and not where people were ("unionists killed at FENASTRAS")."""
    ent = view.ent(tok, FACILITY_NAME_LABELS)
    if ent is None or ent[-1].i != tok.i or (ent._.info or {}).get("kind") not in HIT_ORGANISATION_KINDS:
        return False
    t = tok
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("dobj", "nsubjpass") or (t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "upon"))


def is_security(tok: Token, view: SentenceView, lex: EventLexicon) -> bool:
    """Whether a noun phrase names the state forces ("the army", "soldiers"), not an armed
    group whose name holds a security word ("the Army of National Liberation")."""
    ent = view.ent(tok, AGENT_LABELS)
    if armed_group_entity(ent):
        return False
    toks = list(ent) if ent is not None else [tok]
    for t in toks:
        a = actor_entry(t, lex)
        if a is not None and a.role == "security":
            return True
    return False


def security_people(tok: Token, lex: EventLexicon) -> Token | None:
    """The people of the state forces a noun phrase names, who can be attackers: itself
    ("soldiers", "army officers"), or "members of the armed forces"."""
    a = actor_entry(tok, lex)
    if a is not None and a.id == "security_personnel":
        return tok
    if tok._.ev_lemma in MEMBER_NOUNS or tok._.ev_lemma in GROUP_NOUNS:
        # "armed forces members", "army members"; "members of the armed forces"
        owners = [c for c in tok.children if c.dep_ in ("compound", "nmod")] if tok._.ev_lemma in MEMBER_NOUNS else []
        if any(actor_entry(o, lex) is not None and actor_entry(o, lex).role == "security" and not _armed_group(o)
               for o in owners + of_objects(tok)):
            return tok
    return None


def _armed_group(tok: Token) -> bool:
    """Whether a token is in the name of a non-state armed group ("members of the Army of National Liberation")."""
    return armed_group_entity(ent_of(tok, {"ORGANISATION", "ORG"}))


def security_unit(tok: Token, view: SentenceView, lex: EventLexicon) -> Token | None:
    """The collective unit of the state forces an unnamed noun phrase is ("the army", "the armed
    forces", "the air force"), who can be attackers; not a named one (an entity), not the
    fighters of an armed group ("guerrilla forces", "FMLN forces") and not a group noun that
    does not say whose it is ("our units", "a squad"; "an army unit" is)."""
    a = actor_entry(tok, lex)
    if a is None or a.id != "security" or view.ent(tok, AGENT_LABELS) is not None:
        return None
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    if any(is_attacker_noun(c, lex) or view.ent(c, {"ORGANISATION", "ORG"}) for c in mods):
        return None
    if tok._.ev_lemma in GROUP_NOUNS and not any(is_security(c, view, lex) for c in mods):
        return None
    return tok


def _phrase_actor_heads(doc: Doc, lex: EventLexicon) -> dict[int, object]:
    """Last token -> entry of the multi-token actor phrases ("armed men", "unidentified
    individuals"), computed once per Doc."""
    cache = lex.__dict__.setdefault("_actor_heads", [None, {}])
    if cache[0] is not doc:
        heads: dict[int, object] = {}
        for entry, s, e in lex.match("actors", doc):
            if e - s > 1:
                heads[e - 1] = entry
        cache[0], cache[1] = doc, heads
    return cache[1]


def actor_entry(tok: Token, lex: EventLexicon):
    """The actor entry of a noun: the multi-token phrase it ends ("death squads", "armed men"),
    else its own lemma's."""
    a = _phrase_actor_heads(tok.doc, lex).get(tok.i) if tok.pos_ in ("NOUN", "PROPN") else None
    return a if a is not None else lex.actor_lemmas.get(lex.lemma(tok))


def state_aligned(tok: Token, lex: EventLexicon) -> bool:
    """An attacker noun of the state side (patterns/event_actors.jsonl "state_aligned": death squads,
    paramilitary groups)."""
    return bool(getattr(actor_entry(tok, lex), "state_aligned", False))


def is_attacker_noun(tok: Token, lex: EventLexicon) -> bool:
    a = actor_entry(tok, lex)
    return a is not None and a.role == "attacker"


def subjects(tok: Token) -> list[Token]:
    """Subjects of a verb (following conj and xcomp chains up), or of the verb a noun depends on."""
    verb = tok
    for _ in range(4):
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")] or participle_subject(verb)
        if subs and verb is not tok and subject_blew_up(verb):
            return []  # "the plane exploded, killing 107 people": what blew up did the killing, no one named
        if subs:
            out = []
            if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                # "the people who kidnapped X": the noun the relative pronoun stands for
                subs = [verb.head if s.tag_ in ("WP", "WDT") else s for s in subs]
            for s in subs:
                out.append(s)
                out.extend(c for c in s.children if c.dep_ == "conj")
            return out
        if verb.dep_ in ("conj", "xcomp", "advcl", "acl", "dobj", "pcomp") and verb.head.i != verb.i:
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return [verb.head]  # "gunmen believed to ...", "fighters setting fire"
            verb = verb.head
            continue
        break
    return []


def participle_subject(verb: Token) -> list[Token]:
    """The subject the parse gives a bare participle before a verb that has none of its own ("two men
    riding a motorcycle threw a grenade": "men" the subject of "riding"); not a clause of its own with a
    conjunction or an auxiliary ("while police were searching the house")."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < verb.i and not any(
                x.dep_ in ("mark", "aux", "auxpass") for x in c.children):
            subs = [x for x in c.children if x.dep_ == "nsubj" and x.i < c.i and x.pos_ in ("NOUN", "PROPN")]
            if subs:
                return subs
    return []


# verbs whose subject, with no object, is what blew up ("the car bomb exploded", "the plane blew up")
BLOWN_UP_VERBS = {"explode", "detonate", "blow"}


def subject_blew_up(verb: Token) -> bool:
    """An explosion verb with no object, whose subject is what blew up, not who blew it up ("the plane
    exploded", "the car bomb detonated"; not "guerrillas exploded a bomb")."""
    return verb._.ev_lemma in BLOWN_UP_VERBS and not any(c.dep_ == "dobj" for c in verb.children)


def patient_subject(verb: Token) -> bool:
    """Whether a verb's subject, or the noun it modifies, is who it was done to, not its doer: a
    passive ("X was kidnapped", "after having been shot"), an explosion verb with no object ("the
    plane exploded"), a participle modifying a noun ("X,
    kidnapped in Medellin, was released") or one the parse makes the main verb of a subject a comma
    parts it from ("Reyff, kidnapped 11 days ago, were rescued": no object of its own)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if subject_blew_up(verb):
        return True
    if verb.tag_ not in ("VBN", "VBD"):
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].text == "," and not any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "nsubj" and c.i == verb.i - 2 for c in verb.children)


GROUP_NOUNS = {"group", "band", "gang", "column", "squad", "detachment", "unit", "party", "commando", "cell"}
MEMBER_NOUNS = {"member", "members"}


def attacker_head(tok: Token, lex: EventLexicon) -> Token | None:
    """The attacker noun a subject/agent designates: itself ("urban guerrillas"), or the
    members a group noun is made of ("a group of heavily armed men" -> "armed men"); none for a noun
    phrase that names nobody or an organisation (``names_no_one``)."""
    if names_no_one(tok):
        return None
    if is_attacker_noun(tok, lex):
        return tok
    lemma = lex.lemma(tok)
    if lemma in MEMBER_NOUNS:  # "members of the Shining Path", "Shining Path members"
        if any(c.dep_ in ("compound", "nmod") and ent_of(c, {"ORGANISATION", "ORG"}) is not None for c in tok.children):
            return tok
        # "death squad members", "urban guerrilla members": members of an unnamed armed group
        if any(c.dep_ in ("compound", "nmod", "amod") and is_attacker_noun(c, lex) for c in tok.children):
            return tok
        if any(ent_of(p, {"ORGANISATION", "ORG"}) is not None and not is_attacker_noun(p, lex)
               for p in of_objects(tok)):
            return tok
    if lemma in GROUP_NOUNS:
        return next((p for p in of_objects(tok) if is_attacker_noun(p, lex)), None)
    return None


# determiners that say no one is meant ("no guerrilla group has claimed responsibility")
NOBODY_DETS = {"no", "any"}
# participles that give a group its name ("a guerrilla group called X", "a new group calling itself X")
NAMING_VERBS = {"call", "name", "know"}


def names_no_one(tok: Token) -> bool:
    """Whether a noun phrase names no attackers: nobody ("no guerrilla group", "any terrorist group"), or for
    a group noun, the organisation itself: the last word of its name (an organisation entity), a group a
    participle names ("a guerrilla group called X", "a new group calling itself X") or what a copula says
    something is ("the ELN is the only guerrilla group that ...", "this is the same terrorist group that")."""
    if any(c.dep_ == "det" and c.lower_ in NOBODY_DETS for c in tok.children):
        return True
    if tok._.ev_lemma not in GROUP_NOUNS:
        return False
    if tok.dep_ == "attr" or ent_of(tok, {"ORGANISATION", "ORG"}) is not None:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS for c in tok.children)


def attacker_span(tok: Token, view: "SentenceView") -> tuple[int, int]:
    """Span of an unnamed attacker: the bare noun phrase, with its count ("two individuals");
    "members of <organisation>" whole."""
    start, end = core_span(tok, keep_number=True)
    doc = tok.doc
    # "FMLN guerrillas", "Shining Path terrorists": the organisation is the perpetrator, the
    # noun after it the attackers
    k = tok.i - 1 if tok._.ev_lemma not in MEMBER_NOUNS else -1  # "Shining Path members" whole
    while k >= 0 and doc[k].idx >= start:
        e = view.ent(doc[k], {"ORGANISATION", "ORG"})
        if e is not None and e.end <= tok.i:
            start = doc[e.end].idx
            break
        k -= 1
    if tok._.ev_lemma in MEMBER_NOUNS:
        for p in of_objects(tok):
            e = view.ent(p, {"ORGANISATION", "ORG"})
            if e is not None:
                return start, e.end_char
            if p.pos_ in ("NOUN", "PROPN"):  # "members of the armed forces"
                return start, core_span(p)[1]
    return start, end


def coordination(tok: Token, deps: tuple[str, ...] = ("conj",)) -> tuple[Token, list[Token]]:
    """(first member, every member) of the coordination a token belongs to, along ``deps``
    ("explosions, machine-gun blasts and shots"; with "appos", an enumeration of items)."""
    top = tok
    while top.dep_ in deps and top.head.i != top.i:
        top = top.head
    members, stack = [], [top]
    while stack:
        t = stack.pop()
        members.append(t)
        stack += [c for c in t.children if c.dep_ in deps]
    return top, members


def attacked(tok: Token) -> list[Token]:
    """What a trigger is done to: its object or passive subject ("attacked X", "X was attacked", "X moved
    on and was attacked"), or the object of "on"/"against" of the trigger ("an attack on X") or of an attack
    noun's light verb ("the attack carried out against X", "launched an attack on X"), with the phrases
    coordinated to them."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] or shared_passive_subject(tok)
    out += [p for h in [tok] + light_verbs(tok) for p in prep_objects(h, "on", "against", "upon")]
    out += [x for t in out for x in t.children if x.dep_ == "conj"]
    return out


def shared_passive_subject(tok: Token) -> list[Token]:
    """The subject a passive verb shares with the verb it is coordinated to ("an enemy column moved along the
    highway and was ambushed"): what it was done to."""
    if tok.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in tok.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return []
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def light_verbs(tok: Token) -> list[Token]:
    """The light verbs of an attack noun ("carried out an attack", "the attack was launched", "the attack
    staged by us"): a verb whose object or passive subject it is, or a participle modifying it."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    out = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c._.ev_lemma in LIGHT_VERBS]
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head._.ev_lemma in LIGHT_VERBS:
        out.append(tok.head)
    return out


def tells_where_it_happened(tok: Token) -> bool:
    """Whether an attack noun is the subject of a verb of happening ("the attack took place / occurred /
    happened in X") or the passive subject of a light verb ("the attack was carried out / staged in X"):
    its clause's place is where the attack was, not where it was told or condemned."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = tok.head
    if tok.dep_ == "nsubj":
        return verb._.ev_lemma in HAPPENING_VERBS or (
            verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))
    return tok.dep_ == "nsubjpass" and verb._.ev_lemma in LIGHT_VERBS


def agents(tok: Token) -> list[Token]:
    """Passive agents: "by X"."""
    out = []
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append(p)
                    out.extend(x for x in p.children if x.dep_ == "conj")
    return out


def agent_entities(tok: Token, view: SentenceView, lex: EventLexicon, security: bool = False) -> list[Span]:
    """ORGANISATION/PERSON ents designated by a subject/agent noun phrase (state forces only
    with ``security``)."""
    found: list[Span] = []
    e = view.ent(tok, AGENT_LABELS)
    if e is not None:
        found.append(e)
    for c in tok.children:
        if c.dep_ == "appos" and _speaker(c):
            continue
        if c.dep_ in ("compound", "poss", "nmod", "amod", "appos"):
            ce = view.ent(c, AGENT_LABELS)
            if ce is not None:
                found.append(ce)
        whole = is_attacker_noun(tok, lex) or tok._.ev_lemma in {"member", "supporter", "faction", "cell", "family"} \
            or (security and is_security(tok, view, lex))  # "soldiers of the Salvadoran Army"
        if c.dep_ == "prep" and c.lower_ in ("of", "from") and whole:
            for p in c.children:
                if p.dep_ == "pobj":
                    found.extend(agent_entities(p, view, lex, security))
    # "X, a network of ...": appositions of an ent
    out, seen = [], set()
    for f in found:
        if (f.start, f.end) not in seen and (security or not is_security(f.root, view, lex)):
            seen.add((f.start, f.end))
            out.append(f)
    return out


def _speaker(appos: Token) -> bool:
    """An apposition the parse makes of what is the subject of the verb right after it ("murdered by the
    military, President Alfredo Cristiani said"): that verb has no subject of its own."""
    doc = appos.doc
    nxt = appos.right_edge.i + 1
    return nxt < len(doc) and doc[nxt].pos_ in ("VERB", "AUX") and doc[nxt].dep_ not in ("aux", "auxpass") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in doc[nxt].children)


FACILITY_NAME_LABELS = {"ORGANISATION", "ORG"}  # names whose last word is a building's, vehicle's ... noun


def noun_phrase_args(scope: Iterable[Token], table: dict, view: SentenceView, exclude_labels: set[str]) -> list[Token]:
    out = []
    for t in scope:
        if t.pos_ not in ("NOUN", "PROPN") and not (t.is_upper and t.pos_ in ("VERB", "ADJ", "ADP")):
            continue
        if t._.ev_lemma not in table:
            continue
        if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN") and t.head._.ev_lemma in table:
            continue
        e = view.ent(t, exclude_labels)
        if e is not None and not (e.label_ in FACILITY_NAME_LABELS and e[-1].i == t.i):
            continue  # but a named facility is a target: "the Llano Grande Country Club"
        out.append(t)
    return out


# prepositions whose object is where a bomb went off or a weapon was aimed ("exploded in a
# restaurant", "hurled at the embassy", "placed under a bus"); "on"/"against" name what was attacked
LOCATIVE_TARGET_PREPS = {"in", "inside", "at", "into", "near", "outside", "under", "beneath", "beside", "behind",
                         "onto", "next", "between", "among", "amid", "through", "across", "opposite"}
# prepositions of the doer or the source of a throw, whose object the parse often gives the place that
# belongs to the verb ("placed by a young man at the office", "threw two devices from a vehicle at the warehouse")
AGENT_SOURCE_PREPS = {"by", "from"}
# prepositions that pick members out of a list of things ("fifteen buildings, including the offices of X")
LISTING_PREPS = {"including"}
# the quantity words that stand for the devices of an attack in an elliptical list ("one at X, another at Y")
ELLIPTICAL_COUNTS = {"one", "another", "other", "two", "three", "four", "five", "some", "several"}
# the verbs by which a device goes off ("the other exploded at X")
DEVICE_VERBS = {"occur", "explode", "go", "detonate", "blow"}
# attack types whose locative phrase is the target (a bomb "in" a building damages it; a
# kidnapping "in" a town or a murder "at the airport" only happens there)
PLACEMENT_TYPES = {"bombing", "suicide_bombing", "arson", "unknown", "armed_assault", "shooting", "stabbing",
                   "vehicle_ramming"}


# attacks on people, whose place is where they were, not a thing attacked ("the assassination at the airport")
PERSON_TYPES = {"assassination", "kidnapping"}
# prepositions of what people ride in ("by two men in a car", "on motorcycles")
VEHICLE_PREPS = {"in", "inside", "on", "aboard"}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "who", "whom"}


# verbs whose object is the attack itself ("carried out an attack against X")
LIGHT_VERBS = {"carry", "launch", "stage", "perpetrate", "commit", "mount", "conduct", "make", "cause", "set"}
# verbs whose subject is an event that happened somewhere ("the attack occurred in X"; "took place": see
# tells_where_it_happened)
HAPPENING_VERBS = {"occur", "happen"}


def target_attached(tok: Token, triggers: dict[int, str], lex: EventLexicon) -> bool:
    """Whether a target noun is what the attack was done to: the object of a trigger or of a
    damage verb ("bombed X", "X was destroyed", "set fire to X"), the object of "on"/"against"
    ("an attack on X"), or for explosions and arson the place the device went off ("a bomb
    exploded in X", "the explosion took place in front of X"); a part or a quantity of it
    ("a section of the pipeline"). Never the route, origin or destination of someone ("on
    his way to the airport") nor a settlement named as the place ("in the town of X"), which
    is a location. ``triggers``: token index -> attack type of the document's triggers."""
    entry = lex.target_lemmas.get(tok._.ev_lemma)
    area = getattr(entry, "category", None) == "area"
    return named_target(tok, triggers) or (not area and relative_target(tok, triggers, lex)) \
        or _attached(tok, triggers, lex, area, 0)


def relative_target(tok: Token, triggers: dict[int, str], lex: EventLexicon) -> bool:
    """Whether a non-restrictive relative clause on ``tok`` says it was attacked, its "which" the passive
    subject of a trigger or damage verb ("the offices, which were dynamited last week") or the subject
    of "was the target of <attack>" ("the center, which was also the target of X"); not a restrictive
    clause, which picks out a kind rather than tells of one thing ("did not name the buildings that
    were attacked"), nor a settlement or district, which is a place."""
    return any(c.dep_ == "relcl" and any(
        x.lower_ == "which" and x.i > 0 and x.nbor(-1).text == ","
        and ((x.dep_ == "nsubjpass" and _governs(c, triggers, lex)) or named_target(x, triggers))
        for x in c.children) for c in tok.children)


def named_target(tok: Token, triggers: dict[int, str]) -> bool:
    """Whether ``tok`` is the subject of "was the target of <attack>" ("the residence was the target of a bomb attack")."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() != "be":
        return False
    return any(a.dep_ == "attr" and a.lemma_.lower() in ("target", "objective")
               and any(o.i in triggers for o in of_objects(a)) for a in tok.head.children)


def _governs(g: Token, triggers: dict[int, str], lex: EventLexicon, locative: bool = False) -> bool:
    def trig(t: Token) -> bool:  # "a stabbing inside the headquarters", but not "was kidnapped in a boat"
        return t.i in triggers and (not locative or triggers[t.i] in PLACEMENT_TYPES
                                    or (t.pos_ in ("NOUN", "PROPN") and triggers[t.i] not in PERSON_TYPES))

    if g.i in triggers:
        return trig(g)
    verbal = g.pos_ in ("VERB", "AUX") or (g.is_upper and g.pos_ not in ("NOUN", "PROPN"))
    if g._.ev_lemma in lex.damage_lemmas and (verbal or locative or g.pos_ == "NOUN"):
        return True
    if verbal:  # light verbs of an attack noun: "the explosion occurred at X", "carried out an attack against X"
        # and any verb that puts a device somewhere: "was going to put a bomb at the store"
        return any((c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "dobj" and (locative or g._.ev_lemma in LIGHT_VERBS)))
                   and any(trig(a) or (a._.ev_lemma in lex.damage_lemmas and a.pos_ == "NOUN") for a in _partitive(c))
                   for c in g.children) or (locative and _elliptical_device(g, trig))
    v = g
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if locative and g.pos_ in ("NOUN", "PROPN") and v.dep_ in ("dobj", "nsubjpass") and v.head.i in triggers:
        return True  # the people hit where they were: "shot dead a man in a nearby kebab shop"
    return False


def titled_name(tok: Token, lex: EventLexicon) -> bool:
    """A name after a title that names people ("General Leigh", "Dutch reporter Cornell Lagrow"): a named
    person even where the model tags no PERSON (recased ALL-CAPS text); not a common noun ("police car")."""
    return any(c.dep_ == "compound" and c.i < tok.i and c._.ev_lemma in lex.victim_lemmas for c in tok.children) and (
        tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN")


def _hits_people(verb: Token, lex: EventLexicon) -> bool:
    """Whether a verb's object or passive subject is a person it names: a name, a personal pronoun or
    a titled name ("he was shot", "General Leigh was attacked", "Roa and Saavedra were gunned down");
    not the people a place holds ("shot dead 51 worshippers at the mosque": the mosque was attacked)."""
    def person(h: Token) -> bool:
        return h.ent_type_ == "PERSON" or h.lower_ in PERSONAL_PRONOUNS or any(
            c.dep_ == "compound" and c._.ev_lemma in lex.victim_lemmas for c in h.children)

    hit = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(hit) and all(any(person(x) for x in [h, *h.conjuncts]) for h in hit)


def _people(tok: Token, lex: EventLexicon) -> bool:
    """Whether a noun phrase head names people: a person's name or a victim noun ("members", "employees")."""
    return tok.ent_type_ == "PERSON" or tok._.ev_lemma in lex.victim_lemmas


def _sharing(arg: Token) -> list[Token]:
    """The verbs coordinated with the head of an object or passive subject that share it: "X were
    searched and destroyed", "attacked and sunk X" (a verb with an argument of its own does not)."""
    head, dep = arg.head, arg.dep_
    verbs: list[Token] = []
    if head.pos_ != "VERB":
        return verbs
    if dep == "nsubjpass":
        verbs += [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                  and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
    elif head.dep_ == "conj" and head.head.pos_ == "VERB" and head.i > head.head.i \
            and not any(x.dep_ == "dobj" for x in head.head.children):
        verbs.append(head.head)
    return verbs


def _elliptical_device(verb: Token, trig) -> bool:
    """Whether ``verb`` says where one more of its sentence's devices went off, its subject a bare
    quantity word ("one bomb exploded in X, while the other occurred at Y")."""
    if verb._.ev_lemma not in DEVICE_VERBS:
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subj) == 1 and subj[0].lower_ in ELLIPTICAL_COUNTS and not any(
        c.dep_ == "prep" for c in subj[0].children) and any(trig(t) for t in verb.sent if t.i != verb.i)


def _partitive(tok: Token) -> list[Token]:
    """``tok`` and, when it is a quantity of something ("one of the explosions"), what it counts."""
    if tok.pos_ not in ("NUM", "PRON", "DET", "ADJ") and tok.lower_ not in ("one", "some", "each", "another"):
        return [tok]
    return [tok] + of_objects(tok)


def _attached(tok: Token, triggers: dict[int, str], lex: EventLexicon, area: bool, depth: int) -> bool:
    t = tok
    for _ in range(6):
        if t.dep_ in ("conj", "appos") and t.head.i != t.i:
            t = t.head
        else:
            break
    if t.dep_ in ("dobj", "nsubjpass"):
        return _governs(t.head, triggers, lex) or (not area and any(_governs(v, triggers, lex) for v in _sharing(t)))
    if t.dep_ != "pobj":
        return False
    p = t.head
    while p.dep_ == "conj" and p.pos_ == "ADP" and p.head.pos_ == "ADP":  # "at the house of X and at the offices of Y"
        p = p.head
    g, prep = p.head, p.lower_
    if prep == "from" and g.lower_ == "across" and g.head.i != g.i:  # "placed a car bomb across from X"
        g, prep = g.head, "across"
    if prep in LOCATIVE_TARGET_PREPS and g.pos_ in ("NOUN", "PROPN") and g.dep_ == "pobj" \
            and g.head.lower_ in AGENT_SOURCE_PREPS and g.head.head.pos_ == "VERB":
        g = g.head.head  # the parse hangs the place on the doer or the source: "placed by a young man at the office"
    if prep in ("on", "against", "upon"):  # a settlement or road only when attacked as a whole ("an assault on a district")
        return _governs(g, triggers, lex) and not (area and g.pos_ not in ("NOUN", "PROPN"))
    if prep == "to":  # "set fire to X", "damage to X", "caused damage to X"
        if g.dep_ == "dobj" and g.head._.ev_lemma in lex.statement_lemmas:
            return False  # whom an attack is reported to: "reported the attack to the prosecutor's office"
        return not area and _governs(g, triggers, lex) and (g.i in triggers or g._.ev_lemma in lex.damage_lemmas
                                                            or any(c.dep_ == "dobj" and c._.ev_lemma in lex.damage_lemmas for c in g.children))
    if area:
        return False
    if prep in ("into", "onto") and g.pos_ == "VERB":  # "forced his way into the synagogue", "drove into the crowd"
        return True
    if prep in LOCATIVE_TARGET_PREPS:
        if g.pos_ in ("VERB", "AUX") and _hits_people(g, lex):
            return False  # where the people were hit: "he was shot at a restaurant", "attacked at his office"
        entry = lex.target_lemmas.get(t._.ev_lemma)
        if prep in VEHICLE_PREPS and getattr(entry, "category", None) == "transport" and g._.ev_lemma not in lex.damage_lemmas \
                and any(c.dep_ == "agent" for c in g.children):
            return False  # the attackers' own vehicle: "gunned down by hitmen in a jeep", not "a bomb placed by X in a car"
        if g.dep_ in ("appos", "conj", "npadvmod") and (g.lower_ in ELLIPTICAL_COUNTS or g.pos_ == "NUM"):
            v = next((a for a in g.ancestors if a.pos_ in ("VERB", "AUX")), None)  # "three bombs went off, one at X, another at Y"
            return v is not None and _governs(v, triggers, lex, locative=True)
        return _governs(g, triggers, lex, locative=True)
    if prep in LISTING_PREPS and g._.ev_lemma in lex.target_lemmas and depth < 3:  # "ten homes were damaged, including the homes of X"
        return _attached(g, triggers, lex, getattr(lex.target_lemmas[g._.ev_lemma], "category", None) == "area", depth + 1)
    if prep == "of":
        if g.i in triggers or g._.ev_lemma in lex.damage_lemmas:
            return True  # "the bombing of X", "the destruction of X"
        if g.pos_ in ("NOUN", "PROPN", "NUM") and depth < 3 and not _people(g, lex):  # "a section of the pipeline", "in front of X"
            return _attached(g, triggers, lex, False, depth + 1)  # not whose people were hit: "members of the patrols"
    return False


def casualty_count(tok: Token, lex: EventLexicon) -> int | None:
    """Number of people a victim noun phrase names, summed over coordinated phrases."""
    total = 0
    any_found = False
    for np in [tok] + [c for c in tok.subtree if c.dep_ == "conj" and c.head.i in {x.i for x in tok.subtree}]:
        if is_attacker_noun(np, lex) or np.lower_ in ("themselves", "himself", "herself"):
            continue
        n = None
        for c in np.children:
            if c.dep_ in ("nummod",) or (c.dep_ in ("quantmod",) and c.like_num):
                n = parse_number(" ".join(x.text for x in c.subtree if x.dep_ != "quantmod" or x.like_num) if c.dep_ == "nummod" else c.text)
                if n is None:
                    n = parse_number(c.text)
                if n is None:
                    return None if not any_found else total
            elif c.dep_ == "det" and c.lower_ in ("a", "an") and np.tag_ in ("NN", "NNP"):
                n = 1
        if n is None and np.like_num:
            n = parse_number(np.text)
        if n is None and np.pos_ == "PROPN" and np.tag_ == "NNP" and np.dep_ not in ("compound",):
            n = 1  # a named victim
        if n is None and np.lower_ in ("he", "she", "him", "her"):
            n = 1  # one person the pronoun stands for ("an attack in which he was seriously wounded")
        if n is None:
            if np is tok:
                return None
            continue
        total += n
        any_found = True
    return total if any_found else None


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


def tree_distance(a: Token, b: Token) -> int:
    p = tree_path(a, b)
    return len(p) if p is not None else 99
