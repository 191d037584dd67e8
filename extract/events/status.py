"""Status of a trigger from its clause, and whether the mention is an event at all.

The *path* of a trigger is the trigger and its governors up to the sentence root; the cue
tokens of the path are its nodes and their modifiers (negation, auxiliaries, adjectival
and clausal modifiers). Status cues anywhere on the path count (the highest priority wins:
"attacks planned for X were prevented" is prevented). Non-event cues (incitement,
expectation, aggregates, denials, modals) only count below the first clause boundary
(a relative or adverbial clause): "militants who fought in the siege" is not governed by
the "fear" of the main clause.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.events.arguments import coordination, of_objects, prep_objects
from extract.events.lexicon import LOOKUP_KINDS, EventLexicon

MOD_DEPS = {"neg", "aux", "auxpass", "amod", "advmod", "acl", "det", "prt", "npadvmod", "nmod",
            "compound", "xcomp", "mark", "preconj", "predet"}
BOUNDARY_DEPS = {"relcl", "advcl", "parataxis"}
# an infinitive that opens a purpose clause ("patrols to prevent attacks", "measures to prevent attacks" parsed
# as an infinitival relative), not a complement ("managed to")
PURPOSE_DEPS = {"advcl", "acl", "relcl"}
# prepositions of what or where an attack noun hit ("attacks on rural villages", "raids into towns"); not an agent
# ("attacks by the FMLN") nor an example ("killings like that of X")
HIT_PREPS = {"on", "against", "in", "at", "into", "of"}
# prepositions whose object is a different (earlier, compared) event
DETACHING_PREPS = {"after", "before", "since", "like", "unlike", "than", "following", "despite"}


@dataclass
class CueIndex:
    """Token index -> cue entries, for status and non-event cues of one Doc."""

    status: dict[int, list]
    nonevent: dict[int, list]

    @classmethod
    def build(cls, doc: Doc, lex: EventLexicon) -> "CueIndex":
        status: dict[int, list] = {}
        for entry, start, end in lex.match("status_cues", doc):
            for i in range(start, end):
                status.setdefault(i, []).append(entry)
        nonevent: dict[int, list] = {}
        for entry, start, end in lex.match("nonevent_cues", doc):
            if entry.kind in LOOKUP_KINDS:
                continue
            if start > 0 and doc[start - 1].lower_ in entry.not_after:
                continue  # "in charge of": an idiom, not the cue's sense
            for i in range(start, end):
                nonevent.setdefault(i, []).append(entry)
        return cls(status, nonevent)


@dataclass
class StatusResult:
    status: str
    rule: str
    non_event: str | None  # "generic" | "aggregate" | "negated" | "other_sense" | "past" | "combat" | None


def trigger_path(head: Token) -> list[tuple[Token, bool]]:
    """[(node, inside_first_clause)] from the trigger head up to the root."""
    path = [(head, True)]
    inside = True
    tok = head
    while tok.head.i != tok.i:
        if tok.dep_ in BOUNDARY_DEPS:
            inside = False
        if tok.dep_ == "pobj" and tok.head.lower_ in DETACHING_PREPS:
            break
        tok = tok.head
        path.append((tok, inside))
    return path


# words an attack's phrase may qualify through a preposition ("the masterminds of the murder", "responsible for the attack")
QUALIFIED_POS = {"NOUN", "PROPN", "PRON", "ADJ", "NUM"}
QUALIFYING_DEPS = {"prep", "agent"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def qualified_word_at(path: list[tuple[Token, bool]], trigger_tokens: Container[int]) -> int:
    """Index in ``path`` of the first word above the trigger that the trigger's phrase qualifies
    through a preposition ("the masterminds of the murder", "those responsible for the attack",
    "involvement in the assassination"); ``len(path)`` when there is none."""
    for k in range(1, len(path)):
        child, node = path[k - 1][0], path[k][0]
        if child.dep_ in QUALIFYING_DEPS and node.pos_ in QUALIFIED_POS and node.i not in trigger_tokens:
            return k
    return len(path)


def negates_qualified_word(cue: Token, scope: str | None, qualified: Token | None) -> bool:
    """A negation cue that denies what is said of the word the attack's phrase qualifies, not the attack the
    phrase presupposes: a negated predicate of that word as subject ("the masterminds of the murder are
    not soldiers", "those responsible for the attack were never caught"), or a denial of it ("denied any
    involvement in the assassination"); not a negated object ("had no reports of an attack")."""
    if qualified is None:
        return False
    if qualified.dep_ in ("amod", "acl"):
        qualified = qualified.head  # "those responsible for the attack": the word the adjective describes
    return qualified.dep_ in SUBJECT_DEPS or (scope != "modifier" and cue.i == qualified.head.i and qualified.dep_ == "dobj")


def clause_top(head: Token) -> Token:
    top = head
    for tok, inside in trigger_path(head):
        if not inside:
            break
        top = tok
    return top


def _dated(head: Token, doc: Doc) -> bool:
    """A DATE entity inside the trigger's phrase."""
    sub = list(head.subtree)
    lo, hi = sub[0].i, sub[-1].i
    return any(e.label_ == "DATE" and lo <= e.start and e.end - 1 <= hi for e in doc.ents)


def is_specific(head: Token, doc: Doc, lex: EventLexicon, own_clause: bool = True) -> bool:
    """A mention with its own date or casualty clause reports one attack, whatever governs it; with
    ``own_clause`` False, a casualty verb that is the trigger itself is no such clause."""
    if _dated(head, doc):
        return True
    for t in head.subtree:
        if (own_clause or t.i != head.i) and t._.ev_lemma in lex.casualty_lemmas \
                and t.dep_ in ("relcl", "acl", "advcl", "ROOT"):
            return True
    return False


# "Nearly 1,000 of its members have been murdered", "violence has killed more than 15,000 people",
# "countless Colombians have been assassinated": a perfect-tense trigger whose victims are counted
# in hundreds or more, or left uncounted, is a toll over time, not one attack.
VAGUE_COUNT = {"hundreds", "thousands", "countless", "scores", "tens", "innumerable", "untold"}
PERFECT_AUX = {"have", "has", "'ve", "had"}
TOLL_MIN = 100


def _count_value(tok: Token) -> float | None:
    text = tok.lower_.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _count_words(phrase: Token) -> list[Token]:
    """The words that may count a phrase: itself, its children, and the quantifiers and compounds of its
    number ("more than 15,000"); not a number inside a phrase that describes it ("X, from Piura, 1,100 km
    north of Lima, has been shot to death")."""
    own = list(phrase.children)
    own += [q for c in own if c.dep_ in ("nummod", "amod", "det") for q in c.children if q.dep_ in ("quantmod", "compound")]
    # the count a phrase is taken from: "hundreds of peasants", "tens of thousands of Salvadorans"
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.lower_ in VAGUE_COUNT:
        own.append(phrase.head.head)
    return [phrase] + own


def _large_count(phrase: Token) -> bool:
    for t in _count_words(phrase):
        if t.lower_ in VAGUE_COUNT:
            return True
        if t.like_num:
            v = _count_value(t)
            if v is not None and v >= TOLL_MIN:
                return True
            if t.lower_ in ("hundred", "thousand", "million"):
                return True
    return False


def _since_clause(head: Token) -> bool:
    """The trigger's clause counts from a starting point: "since 1980", "since Borja rose to power"."""
    top = clause_top(head)
    for t in top.subtree:
        if t.lower_ == "since" and t.dep_ in ("prep", "mark"):
            return True
    return False


def tally(head: Token) -> bool:
    """A plural attack noun counted in hundreds or more ("has resulted in 700 political assassinations
    so far this year", "142 murders were reported in September"): a statistic, not one incident
    ("two bombings", "30 bomb attacks" can still be reported one by one)."""
    return head.tag_ in ("NNS", "NNPS") and any(
        c.dep_ == "nummod" and c.ent_type_ != "DATE"  # a year is not a count: "the 2002 Bali bombings"
        and (c.lower_ in VAGUE_COUNT or (_count_value(c) or 0) >= TOLL_MIN) for c in head.children)


def counted_over_time(head: Token) -> bool:
    if tally(head):
        return True
    if head.tag_ in ("NNS", "NNPS"):
        # "there have been 4 murders ... since Borja rose to power": a count of attacks since a date
        counted = any(c.dep_ == "nummod" and (c.lower_ in VAGUE_COUNT or (_count_value(c) or 0) >= 2
                                              or c.lower_ in ("two", "three", "four", "five", "six", "seven",
                                                              "eight", "nine", "ten", "dozens", "several"))
                      for c in head.children)
        return counted and _since_clause(head)
    if head.pos_ not in ("VERB", "AUX") and not head.tag_.startswith("VB"):
        return False
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in PERFECT_AUX for c in head.children):
        return False
    return any(_large_count(c) for c in _counted_phrases(head))


def _counted_phrases(head: Token) -> list[Token]:
    """The phrases that count who or what an attack verb hit: its subject and object; for a relative
    pronoun subject, the noun it stands for ("100,000 persons who have been murdered"); for an attack
    noun, its "of" object ("the killing of over 70,000 Salvadorans")."""
    if head.pos_ in ("NOUN", "PROPN"):
        return of_objects(head)
    out = []
    for c in head.children:
        if c.dep_ in ("nsubjpass", "dobj", "nsubj"):
            out.append(head.head if c.tag_ in ("WP", "WDT") and head.dep_ == "relcl" else c)
    return out


# a count of victims no single attack reaches: "the killing of over 70,000 Salvadorans", "a war that
# killed 15,000 people"; "thousands" but not "hundreds" (a massacre of hundreds is one incident)
NATIONAL_TOLL_MIN = 1000
NATIONAL_TOLL_WORDS = {"thousands", "countless", "tens", "innumerable", "untold", "millions"}


def _weapon_phrase(phrase: Token, lex: EventLexicon) -> bool:
    """A weapon or an amount of one ("2,000 kg of dynamite"): a size, not a toll."""
    words = [phrase] + of_objects(phrase)
    return any(lex.lemma(w) in lex.weapon_lemmas for w in words)


def national_toll(head: Token, lex: EventLexicon) -> bool:
    """An attack word whose victims are counted in thousands, in any tense: a national death toll or a
    war's record, not one attack ("a truck bomb of some 2,300 kg" is a size)."""
    if lex.lemma(head) in lex.weapon_lemmas:
        return False
    for phrase in _counted_phrases(head):
        if _weapon_phrase(phrase, lex):
            continue
        for t in _count_words(phrase):
            if t.lower_ in NATIONAL_TOLL_WORDS:
                return True
            if t.like_num and t.ent_type_ != "DATE" and (_count_value(t) or 0) >= NATIONAL_TOLL_MIN:
                return True
    return False


def habitual_present(head: Token) -> bool:
    """A trigger verb in the simple present, active or passive ("officers who kidnap and murder union members",
    "a government that bombs its people", "civilians are executed"): English reports a single past attack in
    the past or perfect tense; the simple present of an attack verb describes a practice."""
    if head.tag_ == "VBN":
        # the simple present passive ("civilians are immediately executed", "they are murdered or harassed"),
        # not the progressive ("are being held hostage") nor a perfect or modal ("have been", "will be")
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        return bool(auxes) and all(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in auxes)
    if head.tag_ not in ("VBP", "VBZ"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in head.children)


def progressive_present(head: Token, trigger_tokens: Container[int]) -> bool:
    """A trigger verb in the present progressive ("an army that is killing the Salvadoran people", "the air
    force is bombing poor neighbourhoods"): commentary on what a side does, not a report of one attack (a
    date still makes it one: "is bombing the area tonight"); a state that lasts, a hostage held ("are
    holding three engineers hostage"), names its own incident with another trigger word."""
    if head.tag_ != "VBG":
        return False
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if len(auxes) != 1 or auxes[0].tag_ not in ("VBP", "VBZ") or auxes[0].lemma_.lower() != "be":
        return False
    return not any(c.i in trigger_tokens for c in head.children if c.dep_ not in ("conj", "cc", "punct"))


EXPLOSION_VERBS = {"explode", "blow", "detonate", "erupt"}


def figurative_subject(head: Token, lex: EventLexicon) -> bool:
    """An explosion verb whose subject is an abstract noun ("the crisis which had exploded", "the
    conflict that has exploded today"; patterns/event_nonevent.jsonl, kind "figurative")."""
    if head._.ev_lemma not in EXPLOSION_VERBS or not (head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB")):
        return False
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].tag_ in ("WDT", "WP") and head.dep_ == "relcl":
        subj = [head.head]  # "the crisis which had exploded": the antecedent
    return any(s._.ev_lemma in lex.figurative_lemmas for s in subj)


def combat_noise(head: Token, lex: EventLexicon) -> bool:
    """An event noun with an intensity modifier ("heavy shooting", "loud explosions", "intense bombings";
    patterns/event_nonevent.jsonl, kind "noise"): the sound of fighting, not one attack; a weapon
    keeps its modifiers ("a heavy bomb")."""
    if head.pos_ not in ("NOUN", "PROPN") or head._.ev_lemma in lex.weapon_lemmas:
        return False
    return any(c.dep_ == "amod" and c._.ev_lemma in lex.noise_lemmas for c in head.children)


# prepositions whose list names the weapons used, not an inventory ("attacked with rifles and grenades")
USED_WITH = {"with", "using"}


def _names_weapon(item: Token, lex: EventLexicon) -> bool:
    """A list item that is a weapon ("22 machineguns", "87 grenade launchers", "ammunition for rifles")."""
    words = [item] + [c for c in item.children if c.dep_ in ("compound", "amod")]
    words += prep_objects(item, "of", "for")
    return any(w._.ev_lemma in lex.weapon_lemmas for w in words)


def inventory(head: Token, lex: EventLexicon) -> bool:
    """A weapon noun in a list of three or more items with another weapon ("seized 6 rifles, 12,485 rounds
    of ammunition, 330 pounds of explosives, 16 grenades", "the confiscated war materiel included 446 rifles,
    87 grenade launchers, 22 machineguns"): an inventory of arms seized, found or carried, not an attack; a
    list of the weapons used ("attacked with rifles, grenades and mortars") stays."""
    if head._.ev_lemma not in lex.weapon_lemmas or head.pos_ not in ("NOUN", "PROPN"):
        return False
    item = head.head if head.dep_ == "compound" else head
    if item.dep_ == "pobj" and item.head.lower_ == "of" and item.head.head.pos_ == "NOUN":
        item = item.head.head  # "330 pounds of explosives"
    top, members = coordination(item, ("conj", "appos"))
    if len(members) < 3 or (top.dep_ == "pobj" and top.head.lower_ in USED_WITH):
        return False
    return any(m.i != item.i and _names_weapon(m, lex) for m in members)


# what an uncounted populace object may carry: "the people", "innocent Salvadoran people", "human beings"
POPULACE_MODS = {"det", "amod", "compound", "nmod", "punct", "cc", "conj"}
POPULACE_DETS = {"the", "our", "their", "its", "his", "her", "your"}


def _populace(obj: Token, lex: EventLexicon) -> bool:
    """An uncounted noun of the people at large ("people", "the civilian population", "unarmed citizens")."""
    if obj._.ev_lemma not in lex.populace_lemmas:
        return False
    return all(c.dep_ in POPULACE_MODS and (c.dep_ != "det" or c.lower_ in POPULACE_DETS) for c in obj.children)


def populace_object(head: Token, lex: EventLexicon) -> bool:
    """A trigger whose every object is the people at large, uncounted (patterns/event_nonevent.jsonl, kind
    "populace": "death squads which are murdering people with impunity", "a government that has bombed the
    civilian population", "the massive killing of human beings"): a practice denounced, not one attack."""
    if head.tag_.startswith("VB"):
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        objs = of_objects(head)
    objs += [x for o in objs for x in o.children if x.dep_ == "conj"]
    return bool(objs) and all(_populace(o, lex) for o in objs)


def case_count(head: Token) -> bool:
    """An attack noun naming plural cases ("17 kidnap cases were reported in September", "judges handling key
    political murder cases"): a count or a docket of crimes, not one attack ("the murder case of Letelier",
    "the case of the murdered Jesuits" name one)."""
    return head.dep_ == "compound" and head.head.lemma_.lower() == "case" and head.head.tag_ == "NNS"


PERFECT_PRESENT = {"have", "has", "'ve"}
BARE_BLOCKERS = {"det", "poss", "nummod", "relcl", "acl", "quantmod"}


def _bare_plural(tok: Token) -> bool:
    """A plural noun with no determiner, possessive, number or clause that picks out its members ("judges")."""
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in BARE_BLOCKERS or c.like_num for c in tok.children)


def perfect_of_kind(head: Token) -> bool:
    """An attack verb in the present perfect whose object is a bare plural or "those" ("They have murdered judges,
    a minister of justice", "priests have been murdered", "all those who have been abducted"): a record of a
    practice, not one attack ("they have kidnapped two engineers" names its victims)."""
    if not head.tag_.startswith("VB") or not any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in PERFECT_PRESENT for c in head.children):
        return False
    objs = [head.head if c.tag_ in ("WP", "WDT") and head.dep_ == "relcl" else c
            for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objs) and (_bare_plural(objs[0]) or _those(objs[0]))


# what picks out one act of a singular noun: a determiner, possessive, number, compound or complement (an
# adjective only says what kind: "political murder")
SINGULAR_BLOCKERS = {"det", "poss", "nummod", "quantmod", "compound", "nmod", "prep", "acl", "relcl", "appos"}


def bare_singular(head: Token, lex: EventLexicon) -> bool:
    """A singular attack noun that names one act (patterns/event_nonevent.jsonl kind "countable") said bare, with no
    determiner, possessive, number, compound or complement ("sowing chaos and murder", "incursions by armed groups,
    murder and other activities", "after committing murder"): the crime as a kind, not one attack ("the murder",
    "Galan's murder", "the murder of X", "murder charges" pick one out or are no mention)."""
    if head.tag_ != "NN" or head.pos_ != "NOUN" or head._.ev_lemma not in lex.countable_lemmas:
        return False
    if head.dep_ in ("compound", "nmod", "amod"):
        return False
    return not any(c.dep_ in SINGULAR_BLOCKERS for c in head.children)


def _hits_kind(prep: Token) -> bool:
    """A phrase of what or where an attack noun hit whose every object is a bare plural ("on rural villages", "against
    representatives and leaders"): a kind of target, not one named ("on the pipeline", "against two police posts")."""
    if prep.lower_ not in HIT_PREPS:
        return False
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    objs += [x for o in objs for x in o.children if x.dep_ == "conj"]
    return bool(objs) and all(_bare_plural(o) for o in objs)


def _those(tok: Token) -> bool:
    """People picked out only by what was done to them ("all those who have been abducted", "those persons
    who have been kidnapped"): "those", alone or as a determiner, with no number."""
    if any(c.dep_ == "nummod" or c.like_num for c in tok.children):
        return False
    return tok.lower_ == "those" or any(c.dep_ == "det" and c.lower_ == "those" for c in tok.children)


def list_of_kinds(head: Token) -> bool:
    """A definite plural attack noun in an enumeration of three or more nouns, none counted or dated ("the
    arrests, the bombings, the war parades, and the harassment of the press", "the killings, the assassinations,
    the crimes"): kinds of abuse listed, not one attack ("there were explosions, machine-gun blasts, and shots"
    describes one)."""
    if head.tag_ not in ("NNS", "NNPS") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return False
    _, members = coordination(head, ("conj", "appos"))
    if len(members) < 3 or any(m.pos_ not in ("NOUN", "PROPN") for m in members):
        return False
    for m in members:
        if any(c.dep_ == "nummod" or c.like_num for c in m.children):
            return False
        if any(t.ent_type_ in ("DATE", "PLACE", "GPE", "LOC") for t in m.subtree):
            return False
    return True


# prepositions that introduce examples of a kind ("practices like kidnapping")
EXAMPLE_PREPS = {"like"}


def example_of_kind(head: Token, cues: CueIndex) -> bool:
    """A trigger given as an example of a kind that a generic cue names ("abandon practices like
    kidnapping", "methods like car bombs"): the kind, not one attack."""
    if head.dep_ != "pobj" or head.head.lower_ not in EXAMPLE_PREPS:
        return False
    kind = head.head.head
    return any(e.kind == "generic" for e in cues.nonevent.get(kind.i, []))


def interrogative(head: Token) -> bool:
    """A trigger in a question ("what do you feel after killing so many policemen?"): it asks, it reports no attack."""
    words = [t for t in head.sent if not (t.is_space or t.is_quote or t.is_bracket)]
    return bool(words) and words[-1].text == "?"


FIRST_PERSON = {"we", "i", "us"}


def _first_person(cue: Token) -> bool:
    """A cue verb whose subject is the speaker ("we recall", "let us recall"): a speech recalling
    or urging attacks, whatever date or toll it gives them."""
    if cue.pos_ not in ("VERB", "AUX") and not cue.tag_.startswith("VB"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON for c in cue.children):
        return True
    h = cue.head
    return h.lemma_.lower() == "let" and any(c.lower_ == "us" for c in h.children)


# the rule id of the status of a trigger no cue qualifies (carried out)
DEFAULT_STATUS_RULE = "default"
# statuses of an act not done yet: their cues ("announce", "promise", "plan") do not hold over a past act
NOT_YET_STATUSES = ("threatened", "planned")


def past_act(verb: Token) -> bool:
    """A verb that tells an act done: past tense ("killed") or a past participle with a finite auxiliary
    ("was murdered", "has been kidnapped"); not an infinitive or a modal ("to be kidnapped", "would bomb")."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxes) and all(a.tag_ in ("VBD", "VBZ", "VBP", "VBN") for a in auxes)


# determiners that point back at an attack already told ("this attack", "these murders"), and with "the" those that pick it out
DEMONSTRATIVES = {"this", "these", "that", "those"}
DEFINITE_DETS = DEMONSTRATIVES | {"the"}


def definite_noun(head: Token) -> bool:
    """An attack noun that picks out attacks already told: a definite determiner or a possessor ("the murder of X",
    "this assassination", "Galan's murder"), not "any attack" or "an attack"."""
    return head.pos_ in ("NOUN", "PROPN") and any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_DETS) or c.dep_ == "poss" for c in head.children)


def trigger_status(
    head: Token, trigger_tokens: Container[int], doc: Doc, lex: EventLexicon, cues: CueIndex, weak: bool = False
) -> StatusResult:
    path = trigger_path(head)
    best = None  # (priority, entry)
    conditional: list = []
    non_event: str | None = None
    speaker = False  # the cue is the speaker's own ("let us recall", "we recall")
    reported_done = False  # a clause below the cue tells a past act ("announced that X was murdered")
    screened: set[str] = set()  # an action about the attack lies below the cue ("promised to investigate the murder")
    qualified = qualified_word_at(path, trigger_tokens)
    qualified_word = path[qualified][0] if qualified < len(path) else None
    reacted_to = definite_noun(head)  # "the murder of X", not "any attack"
    for k, (node, inside) in enumerate(path):
        cands = [(node, "node")] + [(c, "mod") for c in node.children if c.dep_ in MOD_DEPS and c.i not in trigger_tokens]
        for tok, where in cands:
            for entry in cues.status.get(tok.i, []):
                if entry.screens or entry.scope != "path" or tok.i in trigger_tokens:
                    continue
                if (reported_done and entry.status in NOT_YET_STATUSES) or entry.status in screened:
                    continue
                if entry.only_after:
                    conditional.append(entry)
                elif best is None or entry.priority > best[0]:
                    best = (entry.priority, entry)
            if where == "mod" and reacted_to and node.i != head.i and node._.ev_lemma in lex.reaction_lemmas:
                continue  # "we must repudiate the murder of X": the reaction's modal or negation is not the attack's
            if inside and tok.i not in trigger_tokens:
                for entry in cues.nonevent.get(tok.i, []):
                    if (entry.scope == "modifier" and where != "mod") or entry.scope == "clause":
                        continue
                    if entry.scope == "purpose" and node.dep_ not in PURPOSE_DEPS:
                        continue
                    if entry.kind == "generic" and reacted_to and screened:
                        continue  # "urged an investigation into the murder of X": the urging is about the inquiry
                    if entry.kind == "other_sense" and entry.scope == "modifier" and node.i != head.i:
                        continue  # the trigger's own sense ("harshly attacked"), not its governor's ("bitterly condemned the murder")
                    if entry.kind == "negated" and k >= qualified and negates_qualified_word(tok, entry.scope, qualified_word):
                        continue  # "the masterminds of the murder are not soldiers": the murder is not denied
                    if non_event is None or entry.kind == "negated":
                        non_event = entry.kind
                        speaker = speaker or (entry.kind == "generic" and _first_person(tok))
        reported_done = reported_done or past_act(node)
        if node.i not in trigger_tokens:
            screened.update(s for entry in cues.status.get(node.i, []) for s in entry.screens)
    # clause-scope status cues ("... before they could be executed") and non-event cues
    # ("... were killed during the clashes")
    top = clause_top(head)
    for tok in top.subtree:
        for entry in cues.status.get(tok.i, []):
            if entry.scope == "clause" and not entry.screens and (best is None or entry.priority > best[0]):
                best = (entry.priority, entry)
        if non_event is None and tok.i not in trigger_tokens:
            for entry in cues.nonevent.get(tok.i, []):
                if entry.scope == "clause":
                    non_event = entry.kind
    for entry in conditional:
        if best is not None and best[1].status in entry.only_after and entry.priority > best[0]:
            best = (entry.priority, entry)
    # "26 attacks", "four attacks that ...": a count of attacks is a statistic
    if non_event is None and weak and head.tag_ in ("NNS", "NNPS"):
        for c in head.children:
            if c.dep_ == "nummod" and c.lower_ not in ("one", "1"):
                non_event = "aggregate"
    # a bare plural ("demands that murders cease", "reports of kidnappings", "carrying incendiary bombs") names a
    # kind of attack, not one: no determiner, possessive, number, compound or phrase that picks out attacks (an
    # adjective only says what kind: "criminal bombings", "explosive devices"; nor do the trigger's own words:
    # "car bombs"; nor does a phrase that says they hit a kind of people or places, "attacks against universities",
    # "attacks on rural villages", unless a status cue or the verb it is the object of says what was done with them:
    # "launched attacks on police posts", "ordering attacks on union offices")
    acted_on = best is not None or head.dep_ == "dobj"
    if non_event is None and head.tag_ in ("NNS", "NNPS") and head.pos_ in ("NOUN", "PROPN") and not any(
        (c.dep_ in ("det", "poss", "nummod", "compound", "acl", "relcl")
         or (c.dep_ == "prep" and (acted_on or not _hits_kind(c)))) and c.i not in trigger_tokens
        for c in head.children
    ):
        clause = clause_top(head)
        lo, hi = clause.left_edge.i, clause.right_edge.i
        if not any(lo <= e.start and e.end - 1 <= hi for e in doc.ents if e.label_ in ("PLACE", "DATE")):
            non_event = "generic"
    # so does a bare singular noun of one act, wherever its clause is ("sowing chaos and murder", "kidnapping is one
    # of Colombia's most profitable industries")
    # a casualty verb in the simple present is no casualty clause of its own ("they are murdered or harassed",
    # "forces that assassinate"): only a date or another clause makes it one attack
    habitual = habitual_present(head)
    if non_event is None and (habitual or progressive_present(head, trigger_tokens)
                              or example_of_kind(head, cues) or bare_singular(head, lex)):
        non_event = "generic"
    if non_event in ("generic", "aggregate") and not speaker and is_specific(head, doc, lex, own_clause=not habitual):
        non_event = None
    if non_event is None and (counted_over_time(head) or national_toll(head, lex)
                              or (case_count(head) and not _dated(head.head, doc))):
        non_event = "aggregate"
    if non_event is None and (perfect_of_kind(head) or list_of_kinds(head)) and not _dated(head, doc):
        non_event = "generic"  # a practice recorded or a kind listed: only a date makes it one attack
    if non_event is None and interrogative(head) and not is_specific(coordination(head)[0], doc, lex):
        non_event = "generic"  # undated, with the verbs it is coordinated with: rhetoric, not a report
    if non_event is None and populace_object(head, lex) and not _dated(head, doc):
        non_event = "generic"  # a casualty verb is its own clause: only a date makes it one attack
    if non_event is None and (figurative_subject(head, lex) or combat_noise(head, lex) or inventory(head, lex)):
        non_event = "generic"  # a date does not make a crisis an attack, nor heavy shooting or a seized arsenal one
    if best is None:
        return StatusResult("carried_out", DEFAULT_STATUS_RULE, non_event)
    return StatusResult(best[1].status, best[1].id, non_event)
