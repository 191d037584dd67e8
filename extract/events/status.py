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

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.events.lexicon import EventLexicon

MOD_DEPS = {"neg", "aux", "auxpass", "amod", "advmod", "acl", "det", "prt", "npadvmod", "nmod",
            "compound", "xcomp", "mark", "preconj", "predet"}
BOUNDARY_DEPS = {"relcl", "advcl", "parataxis"}
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
            for i in range(start, end):
                nonevent.setdefault(i, []).append(entry)
        return cls(status, nonevent)


@dataclass
class StatusResult:
    status: str
    rule: str
    non_event: str | None  # "generic" | "aggregate" | "negated" | None


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


def clause_top(head: Token) -> Token:
    top = head
    for tok, inside in trigger_path(head):
        if not inside:
            break
        top = tok
    return top


def is_specific(head: Token, doc: Doc, lex: EventLexicon) -> bool:
    """A mention with its own date or casualty clause reports one attack, whatever governs it."""
    sub = list(head.subtree)
    lo, hi = sub[0].i, sub[-1].i
    for ent in doc.ents:
        if ent.label_ == "DATE" and lo <= ent.start and ent.end - 1 <= hi:
            return True
    for t in sub:
        if t._.ev_lemma in lex.casualty_lemmas and t.dep_ in ("relcl", "acl", "advcl", "ROOT"):
            return True
    return False


def trigger_status(
    head: Token, trigger_tokens: range, doc: Doc, lex: EventLexicon, cues: CueIndex, weak: bool = False
) -> StatusResult:
    path = trigger_path(head)
    best = None  # (priority, entry)
    conditional: list = []
    non_event: str | None = None
    for node, inside in path:
        cands = [(node, "node")] + [(c, "mod") for c in node.children if c.dep_ in MOD_DEPS and c.i not in trigger_tokens]
        for tok, where in cands:
            for entry in cues.status.get(tok.i, []):
                if entry.scope != "path" or tok.i in trigger_tokens:
                    continue
                if entry.only_after:
                    conditional.append(entry)
                elif best is None or entry.priority > best[0]:
                    best = (entry.priority, entry)
            if inside and tok.i not in trigger_tokens:
                for entry in cues.nonevent.get(tok.i, []):
                    if (entry.scope == "modifier" and where != "mod") or entry.scope == "clause":
                        continue
                    if non_event is None or entry.kind == "negated":
                        non_event = entry.kind
    # clause-scope status cues ("... before they could be executed") and non-event cues
    # ("... were killed during the clashes")
    top = clause_top(head)
    for tok in top.subtree:
        for entry in cues.status.get(tok.i, []):
            if entry.scope == "clause" and (best is None or entry.priority > best[0]):
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
    # a bare plural ("demands that murders cease", "reports of kidnappings") names a kind of
    # attack, not one: no determiner, possessive, number or modifier that picks out attacks
    if non_event is None and head.tag_ in ("NNS", "NNPS") and head.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "compound", "prep", "acl", "relcl") for c in head.children
    ):
        clause = clause_top(head)
        lo, hi = clause.left_edge.i, clause.right_edge.i
        if not any(lo <= e.start and e.end - 1 <= hi for e in doc.ents if e.label_ in ("PLACE", "DATE")):
            non_event = "generic"
    if non_event in ("generic", "aggregate") and is_specific(head, doc, lex):
        non_event = None
    if best is None:
        return StatusResult("carried_out", "default", non_event)
    return StatusResult(best[1].status, best[1].id, non_event)
