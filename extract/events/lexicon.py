"""Entry models of the event pattern files and the lookup structures built from them.

Every token in a pattern is a *lemma spec*: ``"bomb|bombing"`` (alternatives), with a
trailing ``?`` for an optional token. Tokens are compared through the ``ev_lemma`` token
extension: the lower-cased lemma, with a light suffix-stripping fallback for ALL-CAPS
tokens the lemmatizer left unchanged (``EXPLODED`` -> ``explode``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import model_validator
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from extract.patterns import DemonymEntry, PatternEntry

AttackType = Literal[
    "bombing", "suicide_bombing", "shooting", "stabbing", "vehicle_ramming", "arson",
    "kidnapping", "hostage_taking", "hijacking", "assassination", "armed_assault", "cyber",
    "unknown",
]
Status = Literal["carried_out", "attempted", "prevented", "planned", "threatened"]


class TriggerEntry(PatternEntry):
    id: str
    lemmas: list[str]
    attack_type: AttackType
    head: int | None = None
    pos: Literal["NOUN", "VERB"] | None = None
    weak: bool = False
    # the word names the act, not the device ("bomb", "bombing", "explosion"), and is said of air and
    # artillery bombardments too: a mention of it that names no device and no target does not make
    # the attack it joins a bombing
    ambiguous_means: bool = False
    requires: Literal[
        "person_object", "named_person_object", "attacker_subject", "not_security_subject",
        "target_object", "not_law_enforcement", "object_lemma",
    ] | None = None
    object_lemmas: list[str] = []  # "object_lemma": the head lemmas one of its objects must have
    hits_nothing: bool = False  # it tells what was found, not what was hit: no target hangs on it

    @model_validator(mode="after")
    def _object_lemmas_need_requirement(self) -> "TriggerEntry":
        if bool(self.object_lemmas) != (self.requires == "object_lemma"):
            raise ValueError(f"{self.id}: object_lemmas go with requires 'object_lemma', and only with it")
        return self


class StatusCueEntry(PatternEntry):
    id: str
    lemmas: list[str]
    status: Status
    priority: int = 10
    scope: Literal["path", "clause"] = "path"
    only_after: list[Status] = []  # applies only when one of these statuses is also cued
    screens: list[Status] = []  # not a cue: cues of these statuses above this word on the path do not hold


class NonEventCueEntry(PatternEntry):
    id: str
    lemmas: list[str]
    # lookup kinds, never a cue by themselves: "military", a noun of armed forces' units and posts, and
    # "gear", vehicles and gear that serve either side (the opt-in military filter of extract_events);
    # "figurative", an abstract noun that makes an explosion verb figurative when it is its subject ("the
    # crisis exploded"); "noise", an intensity modifier that makes an event noun the noise of fighting
    # ("heavy shooting"); "operation", a word of police work that makes a raid a law-enforcement operation
    # ("raided a cocaine laboratory"); "populace", a noun of the people at large that makes an uncounted
    # object a practice ("murdering people with impunity"); "found", a verb whose object is a weapon found
    # or seized, not used, and "store", a noun of the store it is found in ("officers recovered four
    # grenades", "a cache of rifles"); "attire", clothing that describes unnamed attackers ("men in uniform");
    # "reaction", a verb of reaction to an attack whose other phrases place the reaction, not the attack
    # ("the kidnapping was condemned by leaders from universities in Mexico, Honduras and Peru"); "statement", a
    # verb of saying, reporting or charging whose date is the day of the statement, not of the attack it tells of
    # ("the minister referred today to the murder of six Jesuits"); "countable", an
    # attack noun that names one act, so that said bare it names the crime as a kind ("sowing chaos and murder");
    # "rank", a rank of the armed forces, one of the troops when hit beside them ("5 soldiers were killed, 1 officer
    # was wounded"), "convey", a verb by which a vehicle carries people ("a bus carrying 27 army soldiers"), "route",
    # a road an ambush lies in wait on ("an ambush on the highway"), "toll", a noun of the dead and wounded counted
    # together or a verb of bearing them ("inflicted 20 casualties on the National Guard"), and "corps", a noun of
    # a uniformed corps that bears such a count in an ambush on a road as troops do ("the National Guard"), and
    # "occasion", a noun of another kind of event (an election, a coup, a strike) whose date is its own, not
    # that of an attack told in the same sentence ("the elections planned for 12 November")
    kind: Literal["generic", "aggregate", "negated", "other_sense", "past", "combat", "military", "figurative", "noise",
                  "operation", "populace", "found", "store", "gear", "attire", "reaction", "statement", "countable", "rank",
                  "convey", "route", "toll", "corps", "occasion"]
    # "purpose": a path cue that counts only where it opens a purpose clause, an adverbial or adjectival
    # infinitive ("patrols to prevent attacks", "measures to prevent attacks"), not a verb's complement
    # ("managed to prevent an attack")
    scope: Literal["path", "modifier", "clause", "purpose"] = "path"
    # words right before the cue that make it an idiom of another sense ("in charge of investigating the
    # murder": responsible for, not a criminal charge)
    not_after: list[str] = []


LOOKUP_KINDS = {"military", "gear", "figurative", "noise", "operation", "populace", "found", "store", "attire", "reaction",
                "statement", "countable", "rank", "convey", "route", "toll", "corps", "occasion"}  # non-event entries that are word lists


class ActorEntry(PatternEntry):
    id: str
    lemmas: list[str]
    role: Literal["attacker", "security"]
    attack_type: AttackType | None = None
    # attackers of the state side (death squads, paramilitary groups): blamed, they clear the document's armed group
    state_aligned: bool = False


class TargetEntry(PatternEntry):
    id: str
    lemmas: list[str]
    category: str
    # "NOUN": head nouns of targets/victims; "VERB": verbs whose object is damaged ("destroy",
    # "set fire to") even when they are not attack triggers
    pos: Literal["NOUN", "VERB"] = "NOUN"


class WeaponEntry(PatternEntry):
    id: str
    lemmas: list[str]
    attack_type: AttackType
    # "generic": a word for any explosive ("bomb", "explosives"); "specific": a kind of explosive
    # ("dynamite", "car bomb"); a generic mention beside a specific one of the same attack names it
    explosive: Literal["generic", "specific"] | None = None


class ResponsibilityEntry(PatternEntry):
    id: str
    lemmas: list[str]
    arg: Literal["subject", "object", "to", "by", "of", "owner"]
    role: Literal["perpetrator", "claim"]
    # prepositions that introduce the attack a cue charges its object with ("charged with the
    # killing", "suspected of having detonated a bomb", "arrested for the attack"): the cue then
    # counts only for an attack they name, and the people it names, even unnamed, are its attackers
    charge_preps: list[str] = []

    @model_validator(mode="after")
    def _charge_preps_need_object(self) -> "ResponsibilityEntry":
        if self.charge_preps and self.arg not in ("object", "owner"):
            raise ValueError(f"{self.id}: charge_preps only apply to an 'object' or 'owner' cue")
        return self


class RetypeEntry(PatternEntry):
    """An agent noun that changes the kind of attack ("the air force bombed ..." = an air strike)."""

    id: str
    lemmas: list[str]  # one token: the head lemma of the subject / "by" agent
    from_types: list[AttackType]
    attack_type: AttackType
    except_triggers: list[str] = []  # patterns/attack_triggers.jsonl ids of mentions it leaves as they are


class CasualtyEntry(PatternEntry):
    id: str
    lemmas: list[str]
    kind: Literal["killed", "injured"]
    construction: Literal["verb", "subject", "predicate"]


PATTERN_FILES: dict[str, type[PatternEntry]] = {
    "attack_triggers.jsonl": TriggerEntry,
    "event_status.jsonl": StatusCueEntry,
    "event_nonevent.jsonl": NonEventCueEntry,
    "event_actors.jsonl": ActorEntry,
    "event_targets.jsonl": TargetEntry,
    "event_victims.jsonl": TargetEntry,
    "event_weapons.jsonl": WeaponEntry,
    "event_responsibility.jsonl": ResponsibilityEntry,
    "event_casualties.jsonl": CasualtyEntry,
    "event_retype.jsonl": RetypeEntry,
    "place_demonyms.jsonl": DemonymEntry,
}

# Lemmas known to any loaded lexicon: the ALL-CAPS fallback only maps onto these.
_KNOWN: set[str] = set()


def _candidates(low: str) -> list[str]:
    out = [low]
    for suf, reps in (("ies", ("y",)), ("ied", ("y",)), ("men", ("man",)), ("ing", ("", "e")),
                      ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",)), ("d", ("",))):
        if low.endswith(suf) and len(low) > len(suf) + 2:
            stem = low[: -len(suf)]
            for r in reps:
                out.append(stem + r)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # kidnapped -> kidnap
                out.append(stem[:-1])
    return out


def ev_lemma(token: Token) -> str:
    """The token's lemma, or for a word the model could not lemmatise, the known lexicon lemma its
    form inflects ("KIDNAPPED" -> "kidnap"; a recased "Machinegunned", lemmatised "machinegunne",
    -> "machinegun")."""
    return _ev_lemma(token.lemma_.lower(), token.lower_, len(_KNOWN))


@lru_cache(maxsize=1 << 16)
def _ev_lemma(lemma: str, low: str, known_size: int) -> str:
    """Cached by form; ``known_size`` makes a lexicon loaded later start fresh entries."""
    if lemma in _KNOWN:
        return lemma
    for cand in _candidates(low):
        if cand in _KNOWN:
            return cand
    return lemma


if not Token.has_extension("ev_lemma"):
    Token.set_extension("ev_lemma", getter=ev_lemma)


def parse_spec(spec: str) -> tuple[list[str], bool]:
    optional = spec.endswith("?") and len(spec) > 1
    body = spec[:-1] if optional else spec
    return [a.strip().lower() for a in body.split("|") if a.strip()], optional


class LemmaSequenceMatcher:
    """Matches sequences of lemma alternatives (some optional) over a list of token lemmas.

    Does what a spaCy ``Matcher`` over the ``ev_lemma`` extension would, but reads each
    token's lemma once per document instead of once per pattern and token: an index from
    every lemma that can start a pattern to the patterns it starts.
    """

    def __init__(self) -> None:
        self.patterns: list[list[tuple[frozenset[str], bool]]] = []
        self.by_first: dict[str, list[int]] = {}

    def add(self, lemmas: list[str]) -> int:
        specs = []
        for spec in lemmas:
            alts, optional = parse_spec(spec)
            _KNOWN.update(alts)
            specs.append((frozenset(alts), optional))
        key = len(self.patterns)
        self.patterns.append(specs)
        firsts: set[str] = set()
        for alts, optional in specs:
            firsts |= alts
            if not optional:
                break
        for lemma in firsts:
            self.by_first.setdefault(lemma, []).append(key)
        return key

    def __call__(self, lemmas: list[str]) -> list[tuple[int, int, int]]:
        """All (pattern key, start, end) matches, in order of start then pattern."""
        out: list[tuple[int, int, int]] = []
        for i, lemma in enumerate(lemmas):
            for key in self.by_first.get(lemma, ()):
                for end in sorted(self._ends(self.patterns[key], 0, lemmas, i)):
                    if end > i:
                        out.append((key, i, end))
        return out

    def _ends(self, specs: list[tuple[frozenset[str], bool]], k: int, lemmas: list[str], i: int) -> set[int]:
        if k == len(specs):
            return {i}
        alts, optional = specs[k]
        ends: set[int] = set()
        if i < len(lemmas) and lemmas[i] in alts:
            ends |= self._ends(specs, k + 1, lemmas, i + 1)
        if optional:
            ends |= self._ends(specs, k + 1, lemmas, i)
        return ends


def single_lemmas(entries) -> dict[str, object]:
    """lemma -> entry for the one-token entries (head-noun lookups)."""
    table: dict[str, object] = {}
    for e in entries:
        if len(e.lemmas) == 1:
            alts, _ = parse_spec(e.lemmas[0])
            _KNOWN.update(alts)
            for a in alts:
                table.setdefault(a, e)
    return table


@dataclass
class EventLexicon:
    """All compiled event knowledge: matchers keyed by entry index, lemma tables."""

    triggers: list[TriggerEntry]
    status_cues: list[StatusCueEntry]
    nonevent_cues: list[NonEventCueEntry]
    actors: list[ActorEntry]
    targets: list[TargetEntry]
    victims: list[TargetEntry]
    weapons: list[WeaponEntry]
    responsibility: list[ResponsibilityEntry]
    casualties: list[CasualtyEntry]
    retype: list[RetypeEntry] = field(default_factory=list)
    matchers: dict[str, LemmaSequenceMatcher] = field(default_factory=dict)
    target_lemmas: dict[str, object] = field(default_factory=dict)
    damage_lemmas: dict[str, object] = field(default_factory=dict)
    victim_lemmas: dict[str, object] = field(default_factory=dict)
    actor_lemmas: dict[str, ActorEntry] = field(default_factory=dict)
    responsibility_lemmas: dict[str, list[ResponsibilityEntry]] = field(default_factory=dict)
    casualty_lemmas: dict[str, CasualtyEntry] = field(default_factory=dict)
    retype_lemmas: dict[str, RetypeEntry] = field(default_factory=dict)
    military_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    gear_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    rank_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    route_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    toll_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    corps_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    occasion_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    convey_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    figurative_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    noise_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    operation_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    populace_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    found_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    store_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    attire_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    reaction_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    statement_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    countable_lemmas: dict[str, NonEventCueEntry] = field(default_factory=dict)
    weapon_lemmas: dict[str, WeaponEntry] = field(default_factory=dict)
    demonyms: set[str] = field(default_factory=set)
    _cache_doc: object = field(default=None, repr=False)
    _cache_lemmas: list[str] = field(default_factory=list, repr=False)

    @classmethod
    def build(cls, vocab, entries: dict[str, list]) -> "EventLexicon":
        lex = cls(
            triggers=entries.get("attack_triggers.jsonl", []),
            status_cues=entries.get("event_status.jsonl", []),
            nonevent_cues=entries.get("event_nonevent.jsonl", []),
            actors=entries.get("event_actors.jsonl", []),
            targets=entries.get("event_targets.jsonl", []),
            victims=entries.get("event_victims.jsonl", []),
            weapons=entries.get("event_weapons.jsonl", []),
            responsibility=entries.get("event_responsibility.jsonl", []),
            casualties=entries.get("event_casualties.jsonl", []),
            retype=entries.get("event_retype.jsonl", []),
        )
        for name in ("triggers", "status_cues", "nonevent_cues", "actors", "weapons"):
            m = LemmaSequenceMatcher()
            for e in getattr(lex, name):
                m.add(e.lemmas)
            lex.matchers[name] = m
        lex.target_lemmas = single_lemmas([e for e in lex.targets if e.pos == "NOUN"])
        lex.damage_lemmas = single_lemmas([e for e in lex.targets if e.pos == "VERB"])
        lex.victim_lemmas = single_lemmas(lex.victims)
        lex.actor_lemmas = single_lemmas(lex.actors)  # type: ignore[assignment]
        for e in lex.responsibility:
            alts, _ = parse_spec(e.lemmas[0])
            _KNOWN.update(alts)
            for a in alts:
                lex.responsibility_lemmas.setdefault(a, []).append(e)
        lex.casualty_lemmas = single_lemmas(lex.casualties)  # type: ignore[assignment]
        lex.retype_lemmas = single_lemmas(lex.retype)  # type: ignore[assignment]
        lookup = lambda kind: single_lemmas([e for e in lex.nonevent_cues if e.kind == kind])  # noqa: E731
        lex.military_lemmas = lookup("military")  # type: ignore[assignment]
        lex.gear_lemmas = lookup("gear")  # type: ignore[assignment]
        lex.rank_lemmas = lookup("rank")  # type: ignore[assignment]
        lex.route_lemmas = lookup("route")  # type: ignore[assignment]
        lex.toll_lemmas = lookup("toll")  # type: ignore[assignment]
        lex.corps_lemmas = lookup("corps")  # type: ignore[assignment]
        lex.occasion_lemmas = lookup("occasion")  # type: ignore[assignment]
        lex.convey_lemmas = lookup("convey")  # type: ignore[assignment]
        lex.figurative_lemmas = lookup("figurative")  # type: ignore[assignment]
        lex.noise_lemmas = lookup("noise")  # type: ignore[assignment]
        lex.operation_lemmas = lookup("operation")  # type: ignore[assignment]
        lex.populace_lemmas = lookup("populace")  # type: ignore[assignment]
        lex.found_lemmas = lookup("found")  # type: ignore[assignment]
        lex.store_lemmas = lookup("store")  # type: ignore[assignment]
        lex.attire_lemmas = lookup("attire")  # type: ignore[assignment]
        lex.reaction_lemmas = lookup("reaction")  # type: ignore[assignment]
        lex.statement_lemmas = lookup("statement")  # type: ignore[assignment]
        lex.countable_lemmas = lookup("countable")  # type: ignore[assignment]
        lex.weapon_lemmas = single_lemmas(lex.weapons)  # type: ignore[assignment]
        lex.demonyms = {e.demonym.lower() for e in entries.get("place_demonyms.jsonl", [])}
        return lex

    def match(self, name: str, doclike) -> list[tuple[object, int, int]]:
        """(entry, start, end) token matches of one matcher over a Doc or Span (Doc token indices)."""
        entries = getattr(self, name)
        offset = getattr(doclike, "start", 0) if not isinstance(doclike, Doc) else 0
        lemmas = self.lemmas(doclike)
        return [(entries[key], start + offset, end + offset) for key, start, end in self.matchers[name](lemmas)]

    def lemmas(self, doclike) -> list[str]:
        """``ev_lemma`` of every token of a Doc or Span (the Doc's list: do not change it)."""
        if isinstance(doclike, Doc):
            return self._doc_lemmas(doclike)
        return self._doc_lemmas(doclike.doc)[doclike.start : doclike.end]

    def lemma(self, token: Token) -> str:
        """``token._.ev_lemma`` read from its document's list (the extension's getter is slow in a loop)."""
        return self._doc_lemmas(token.doc)[token.i]

    def _doc_lemmas(self, doc: Doc) -> list[str]:
        """``ev_lemma`` of every token, computed once for the last document seen."""
        if self._cache_doc is not doc:
            strings, known_size = doc.vocab.strings, len(_KNOWN)  # ev_lemma of each token, from the Doc's arrays
            self._cache_doc, self._cache_lemmas = doc, [
                _ev_lemma(strings[lemma].lower(), strings[low], known_size)
                for lemma, low in doc.to_array([LEMMA, LOWER]).tolist()
            ]
        return self._cache_lemmas
