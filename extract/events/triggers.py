"""Trigger mentions: where the text reports an attack, and what kind of attack."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.events.lexicon import EventLexicon, TriggerEntry, parse_spec

# Specificity order used when several triggers describe the same attack.
TYPE_RANK = {
    "suicide_bombing": 12, "vehicle_ramming": 11, "stabbing": 10, "hijacking": 9,
    "hostage_taking": 8, "kidnapping": 8, "arson": 7, "bombing": 7, "assassination": 6,
    "shooting": 5, "cyber": 5, "armed_assault": 2, "unknown": 0,
}

SET_FORMS = {"set", "sets", "setting"}


@dataclass
class Trigger:
    start: int  # token index
    end: int
    head: int  # token index of the syntactic head of the trigger
    attack_type: str
    rule: str
    weak: bool
    requires: str | None
    object_lemmas: tuple[str, ...] = ()
    hits_nothing: bool = False
    ambiguous_means: bool = False  # patterns/attack_triggers.jsonl "ambiguous_means"

    def span(self, doc: Doc):
        return doc[self.start : self.end]


def _head_index(entry: TriggerEntry, doc: Doc, start: int, end: int) -> int:
    if entry.head is not None:
        alts, _ = parse_spec(entry.lemmas[entry.head])
        for i in range(start, end):
            if doc[i]._.ev_lemma in alts:
                return i
    # the syntactic head of the matched tokens
    span = doc[start:end]
    return span.root.i


def _pos_ok(entry: TriggerEntry, tok: Token) -> bool:
    if entry.pos is None:
        return True
    if entry.pos == "VERB":
        if tok.pos_ in ("VERB", "AUX"):
            return True
        # ALL-CAPS text: the tagger often calls verbs PROPN; accept inflected forms
        return tok.is_upper and tok.pos_ not in ("NOUN", "DET", "ADP") and tok.lower_.endswith(("ed", "ing", "en", "ew"))
    return tok.pos_ in ("NOUN", "PROPN", "ADJ") or (tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass", "compound"))


def _figurative(entry: TriggerEntry, tok: Token) -> bool:
    """A predicate noun "hostage to" ("his government is still hostage to the high command"):
    a dependence, not a hostage taking ("took ... hostage" is matched whole by take_hostage)."""
    if entry.attack_type != "hostage_taking" or tok.dep_ not in ("attr", "acomp", "oprd", "ROOT"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _inside_object(word: Token, verb: Token) -> bool:
    """A word the parse hangs inside the verb's object phrase, under no finite verb of its own."""
    t = word.head
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "dobj" and t.head.i == verb.i:
            return True
        if t.dep_ in ("relcl", "advcl", "ccomp") or t.tag_ in ("VBD", "VBZ", "VBP"):
            return False
        t = t.head
    return False


def _set_object_on_fire(doc: Doc, lex: EventLexicon) -> list[tuple[TriggerEntry, int, int]]:
    """"set" with its object before "on fire" / "ablaze" ("the terrorists set two schools and several
    houses on fire"): the "set_on_fire" entry, whose words the object separates, matched on the verb."""
    entry = next((e for e in lex.triggers if e.id == "set_on_fire"), None)
    if entry is None:
        return []
    out = []
    for tok in doc:
        if tok.lower_ not in SET_FORMS or tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "dobj" for c in tok.children):
            continue
        # "on fire" may hang on a participle of the object ("set two trucks loaded with minerals on fire")
        obj = max(c.i for c in tok.children if c.dep_ == "dobj")
        for c in tok.subtree:
            fire = c.lower_ in ("ablaze", "afire") or (c.lower_ == "on" and any(p.lower_ == "fire" for p in c.children))
            if fire and c.i > obj and (c.head.i == tok.i or _inside_object(c, tok)):
                out.append((entry, tok.i, tok.i + 1))
                break
    return out


def find_triggers(doc: Doc, lex: EventLexicon, accept=None) -> list[Trigger]:
    """Non-overlapping triggers; ``accept(trigger)`` checks argument requirements."""
    found: list[tuple[TriggerEntry, int, int]] = []
    for entry, start, end in lex.match("triggers", doc):
        found.append((entry, start, end))  # type: ignore[arg-type]
    found += _set_object_on_fire(doc, lex)
    # longest, then most specific, then non-weak first; no overlapping triggers
    found.sort(key=lambda m: (-(m[2] - m[1]), -TYPE_RANK[m[0].attack_type], m[0].weak, m[1]))
    taken: set[int] = set()
    out: list[Trigger] = []
    for entry, start, end in found:
        if any(i in taken for i in range(start, end)):
            continue
        head = _head_index(entry, doc, start, end)
        if not _pos_ok(entry, doc[head]) or _figurative(entry, doc[head]):
            continue
        trig = Trigger(start, end, head, entry.attack_type, entry.id, entry.weak, entry.requires,
                       tuple(entry.object_lemmas), entry.hits_nothing, entry.ambiguous_means)
        if accept is not None and not accept(trig):
            continue
        taken.update(range(start, end))
        out.append(trig)
    out.sort(key=lambda t: t.start)
    return out
