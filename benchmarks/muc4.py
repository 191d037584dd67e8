#!/usr/bin/env python
"""MUC-4 benchmark: extract's attack events scored as MUC-4 incident templates.

    python benchmarks/muc4.py [--split dev] [--limit N] [--json out.json]

Reads corpora/muc4/ (texts/, templates/SPLIT.jsonl, keys/SPLIT.jsonl), runs
``Extractor.extract_many`` over the split (no reference date: the extractor infers it from the
dateline) with MUC-4's scope of terrorism — military actions left out, and the attacks a report
recalls from more than 60 days before its dateline after its first attack, as ``extract
--drop-military --background-days 60`` does (``--all-attacks``: the default configuration, every
attack kept) — and maps every ATTACK event to a MUC-4 template:

    incident type  bombing/suicide_bombing -> bombing; kidnapping/hostage_taking -> kidnapping;
                   arson -> arson; everything else -> attack
    PerpOrg        ORGANISATION perpetrators (entity text, canonical and mentions as alternatives)
                   + the ``attackers`` spans that name a collective unit of the state forces
                   (last word a lemma of the "security" entry of patterns/event_actors.jsonl:
                   "the army", "the armed forces", "the air force"): MUC-4 files organisations there;
                   an entity whose words all recur in another's ("the armed forces" beside
                   "Salvadoran Armed Forces") is one filler with it
    PerpInd        PERSON perpetrators (their names also with the entity's title: "dr antonio
                   regalado") + the other unnamed ``attackers`` spans ("soldiers",
                   "army troops", "members of the armed forces" end in a person noun); the
                   attacker spans of an event whose words all recur in another of its attacker
                   spans ("urban guerrillas" beside "six urban guerrillas") are one filler
    Target / Weapon            ``targets`` / ``weapons`` spans; the spans of an event whose words all
                   recur in another of its spans ("the bomb" after "a car bomb") are one entity;
                   a generic explosive ("the bomb") beside a specific one ("dynamite") is that one;
                   a target naming a settlement, district or route ("the towns") has no filler
    Victim         ``victims`` spans that name a person (a PERSON mention), with every name of that
                   person ("RODRIGUEZ GACHA" also "GONZALO RODRIGUEZ GACHA"): MUC-4's Victim role is
                   the HUM TGT: NAME slot, so descriptions ("two policemen") have no gold filler

Scores (corpora/muc4/README.md):

* GTT micro: per document, system and gold templates paired one-to-one (Hungarian algorithm,
  maximising matched fillers; incident types must agree); per role a predicted entity is
  correct when one of its mentions equals one of the gold entity's mentions after
  normalisation (lowercase, punctuation and the articles a/an/the removed), each gold entity
  matched at most once; P/R/F1 micro-averaged over incident type + the five roles.
* CEAF-REE: template-free; per role, the document's distinct entities (union over its
  templates; an entity repeated in several templates, possibly with fewer or more mention
  alternatives, counts once) matched one-to-one; P/R/F1 per role and micro over roles.
* Document relevance: the system reports >= 1 event vs the gold has >= 1 template.
* Against the original keys (what the neural systems do not fill): incident date (the system
  date entity's ISO value must lie inside the key's date or range; "- 23 AUG 88" = any date
  on or before), location (country via the place entity's country_code; place by name against
  any named place of the key) and stage of execution (carried_out -> ACCOMPLISHED;
  attempted/prevented -> ATTEMPTED; planned/threatened -> THREATENED). System events and key
  templates are paired one-to-one per document maximising agreement (incident type counts
  double); unpaired OPTIONAL key templates are not misses.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import string
import sys
import time
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from extract.evaluate import best_assignment, entity_strings  # noqa: E402
from extract.events.lexicon import ActorEntry, TargetEntry, WeaponEntry, parse_spec, single_lemmas  # noqa: E402
from extract.patterns import load_patterns, pattern_dirs  # noqa: E402

MUC4_DIR = REPO / "corpora" / "muc4"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
GTT_KEYS = ("incident_type",) + ROLES

# Published test-set results (TST3+TST4), from corpora/muc4/README.md: (system, metric, P, R, F1)
PUBLISHED = [
    ("IterX, T5-large (Chen et al., EACL 2023)", "GTT micro", 60.92, 46.92, 53.01),
    ("GTT (Du, Rush & Cardie, NAACL 2021)", "GTT micro", 61.69, 42.36, 50.23),
    ("GRIT (Du, Cardie & Rush, EACL 2021)", "CEAF-REE", 64.19, 47.36, 54.50),
    ("TempGen (Huang et al., EMNLP 2021)", "CEAF-REE", None, None, 57.76),
]

INCIDENT_TYPE = {
    "bombing": "bombing",
    "suicide_bombing": "bombing",
    "kidnapping": "kidnapping",
    "hostage_taking": "kidnapping",
    "arson": "arson",
}
STAGE = {
    "carried_out": "ACCOMPLISHED",
    "attempted": "ATTEMPTED",
    "prevented": "ATTEMPTED",
    "planned": "THREATENED",
    "threatened": "THREATENED",
}
MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}

# --------------------------------------------------------------------------- normalisation / P-R-F


_PUNCT = set(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalise_mention(s: str) -> str:
    """MUC/SQuAD-style key: lowercase, punctuation and the articles a/an/the removed."""
    s = str(s).lower()
    s = "".join(ch for ch in s if ch not in _PUNCT and not unicodedata.category(ch).startswith("P"))
    s = _ARTICLES.sub(" ", s)
    return " ".join(s.split())


# a place's kind after its name: the keys write "USULUTAN (DEPARTMENT)", "SOYAPANGO CITY (CITY)", the
# texts "Usulutan Department" and "Soyapango"
_PLACE_KIND = re.compile(r" (department|province|city|municipality|district|town|village|region|state|canton|"
                         r"jurisdiction|intendancy|neighborhood|neighbourhood|corregimiento)$")


def place_names(s: str) -> set[str]:
    """A place's name as the location keys are compared: normalised, accents folded ("Usulután" is
    "usulutan": the keys are ASCII), and without a trailing kind ("usulutan department" is also
    "usulutan"), unless that leaves a country's name ("guatemala city" is not "guatemala")."""
    name = normalise_mention(unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode())
    if not name:
        return set()
    bare = _PLACE_KIND.sub("", name)
    return {name, bare} if bare and bare != name and country_code(bare) is None else {name}


class PRF:
    """Micro counts: correct, predicted, gold."""

    def __init__(self, correct: int = 0, predicted: int = 0, gold: int = 0) -> None:
        self.correct, self.predicted, self.gold = correct, predicted, gold

    def add(self, correct: int, predicted: int, gold: int) -> None:
        self.correct += correct
        self.predicted += predicted
        self.gold += gold

    def __iadd__(self, other: "PRF") -> "PRF":
        self.add(other.correct, other.predicted, other.gold)
        return self

    @property
    def p(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def r(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "predicted": self.predicted, "gold": self.gold,
                "precision": round(100 * self.p, 2), "recall": round(100 * self.r, 2), "f1": round(100 * self.f1, 2)}


# --------------------------------------------------------------------------- templates


def _dedupe(entities: Iterable[list[str]]) -> list[list[str]]:
    """Drop empty entities and entities whose normalised mention set repeats an earlier one."""
    seen: set[frozenset[str]] = set()
    out = []
    for mentions in entities:
        key = frozenset(k for k in (normalise_mention(m) for m in mentions) if k)
        if key and key not in seen:
            seen.add(key)
            out.append(list(mentions))
    return out


_OF = re.compile(r"\s+of\s+", re.IGNORECASE)  # "the village of Pochuta", "members of the armed forces"


def _word_stems(text: str) -> set[str]:
    """The words of a mention, lowercased, a plural "-s" removed ("bombs" and "bomb" are one word)."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in normalise_mention(text).split()}


def thing_entities(texts: Iterable[str]) -> list[list[str]]:
    """An event's weapon or target mentions as things: a mention whose words all recur in another
    mention of the event names the same thing ("the bomb" after "a car bomb", "bombs" beside "two
    bombs", "dynamite" beside "dynamite sticks", "the building" after "the embassy building"), so they
    are one filler that goes by each of them (``nested_entities`` over one-mention entities)."""
    return _dedupe(nested_entities([text] for text in texts))


@lru_cache(maxsize=1)
def area_words() -> frozenset[str]:
    """The head nouns of settlements, districts and routes (category "area" of patterns/event_targets.jsonl)."""
    return frozenset(w for e in load_patterns("event_targets.jsonl", TargetEntry, pattern_dirs())
                     if e.category == "area" for spec in e.lemmas for w in parse_spec(spec)[0])


def names_area(text: str) -> bool:
    """A target span whose head noun (its last word before an "of" phrase) names a settlement, district
    or route ("the towns", "the village of Pochuta"): MUC-4 files them as places, not as PHYS TGT."""
    head = _OF.split(text, maxsplit=1)[0].split()
    return bool(head) and bool(_word_stems(head[-1]) & area_words())


@lru_cache(maxsize=1)
def explosive_words() -> dict[str, set[str]]:
    """The words of the generic and of the specific explosives of patterns/event_weapons.jsonl."""
    words: dict[str, set[str]] = {"generic": set(), "specific": set()}
    for e in load_patterns("event_weapons.jsonl", WeaponEntry, pattern_dirs()):
        if e.explosive:
            words[e.explosive].update(w for spec in e.lemmas for w in parse_spec(spec)[0])
    return words


def explosive_entities(weapons: list[list[str]]) -> list[list[str]]:
    """An event's weapons with its generic explosives ("the bomb", "explosives") as mentions of its
    first specific explosive ("dynamite", "a car bomb") when it has one: the same device."""
    words = explosive_words()
    generic = [w for w in weapons if all(_word_stems(m) <= words["generic"] for m in w)]
    specific = next((w for w in weapons if w not in generic
                     and any(_word_stems(m) & words["specific"] for m in w)), None)
    if not generic or specific is None:
        return weapons
    return [w + [m for g in generic for m in g] if w is specific else w for w in weapons if w not in generic]


def nested_entities(entities: Iterable[list[str]]) -> list[list[str]]:
    """Entities one of whose mentions has all its words in a mention of an earlier one, or the reverse
    ("the armed forces" beside the organisation "Salvadoran Armed Forces", "the bomb" after "a car
    bomb") joined to it: one filler that goes by each mention."""
    out: list[list[str]] = []
    for ent in entities:
        stems = [_word_stems(m) for m in ent]
        same = next((o for o in out if any(a and b and (a <= b or b <= a) for a in stems for b in map(_word_stems, o))), None)
        if same is None:
            out.append(list(ent))
        else:
            same.extend(m for m in ent if m not in same)
    return out


def gold_template(t: dict) -> dict:
    """GTT-format gold template -> {"incident_type", role: [[mention, ...], ...]}."""
    out: dict[str, Any] = {"incident_type": t["incident_type"]}
    for role in ROLES:
        out[role] = _dedupe([m[0] for m in entity] for entity in t.get(role) or [])
    return out


# actor entries (patterns/event_actors.jsonl) whose attackers MUC-4 files as PerpOrg: the state
# forces' collective units ("the army", "the armed forces"); death squads stay PerpInd (gold has
# both; as PerpOrg they cost PerpInd 0.1 and PerpOrg 0.1 F1 on train)
ORGANISATION_ACTORS = {"security"}


@lru_cache(maxsize=1)
def _actor_tables() -> tuple[dict[str, Any], list[tuple[list[list[str]], Any]]]:
    """(head lemma -> actor entry, [(lemma alternatives per word, entry)] of the multi-word phrases)."""
    entries = load_patterns("event_actors.jsonl", ActorEntry, pattern_dirs())
    phrases = [([parse_spec(spec)[0] for spec in e.lemmas], e) for e in entries if len(e.lemmas) > 1]
    return single_lemmas(entries), phrases


def names_unit(text: str) -> bool:
    """Whether an attacker span names a collective unit of the state forces ("the armed forces"),
    not people ("soldiers", "members of the army"): the actor entry of its head word (the last
    one before any "of", singular or plural), a multi-word phrase ending there winning ("death
    squads" are attackers, not a "squad")."""
    words = normalise_mention(text).split()
    if "of" in words:
        words = words[:words.index("of")]
    if not words:
        return False
    heads, phrases = _actor_tables()
    lemmas = [w[:-1] if w.endswith("s") and w not in heads and w[:-1] in heads else w for w in words]
    for alts, entry in phrases:
        n = len(alts)
        if len(words) >= n and all(w in a or m in a for w, m, a in zip(words[-n:], lemmas[-n:], alts)):
            return entry.id in ORGANISATION_ACTORS
    entry = heads.get(lemmas[-1])
    return entry is not None and entry.id in ORGANISATION_ACTORS


def unit_of_people(text: str) -> str | None:
    """The state-force unit people are said to belong to ("members of the armed forces" -> "the armed
    forces", "soldiers of the Salvadoran Army"): MUC-4 files the unit as PerpOrg as well."""
    parts = _OF.split(text, maxsplit=1)
    return parts[1] if len(parts) == 2 and names_unit(parts[1]) else None


def titled_strings(entity: dict) -> list[str]:
    """A person's surface strings and the same with the title the text gives them: MUC-4 names
    perpetrators with it ("dr antonio regalado", "maj roberto d'aubuisson")."""
    names = entity_strings(entity)
    title = entity.get("title")
    return names + [f"{title} {n}" for n in names] if title else names


def event_to_template(event: dict, entities: dict[str, dict]) -> dict:
    """One contract ATTACK event (JSON dict) -> a MUC-4 template (see module docstring)."""
    perps = [entities[x] for x in event.get("perpetrators") or [] if x in entities]
    spans = lambda key: [[s["text"]] for s in event.get(key) or [] if s.get("text")]  # noqa: E731
    attackers = spans("attackers")
    # MUC-4's Victim is the HUM TGT: NAME slot: named people only ("two policemen" has no filler there).
    people = [(m["start"], m["end"], e) for e in entities.values() if e.get("type") == "PERSON"
              for m in e.get("mentions") or []]

    def person_strings(s: dict) -> list[str] | None:
        """A span that is a PERSON mention, with every name the entity goes by ("RODRIGUEZ GACHA" is
        also "GONZALO RODRIGUEZ GACHA"); None if the span names no one."""
        names = [x for a, b, e in people if a < s["end"] and s["start"] < b for x in entity_strings(e)]
        return list(dict.fromkeys([s["text"]] + names)) if names else None

    named_victims = [names for s in event.get("victims") or [] if s.get("text") for names in [person_strings(s)] if names]
    return {
        "incident_type": INCIDENT_TYPE.get(event.get("attack_type"), "attack"),
        "PerpOrg": nested_entities(_dedupe([entity_strings(e) for e in perps if e.get("type") == "ORGANISATION"]
                                           + [a for a in attackers if names_unit(a[0])]
                                           + [[u] for a in attackers for u in [unit_of_people(a[0])] if u])),
        "PerpInd": _dedupe([titled_strings(e) for e in perps if e.get("type") == "PERSON"]
                           + thing_entities(a[0] for a in attackers if not names_unit(a[0]))),
        "Target": thing_entities(s[0] for s in spans("targets") if not names_area(s[0])),
        "Victim": _dedupe(named_victims),
        "Weapon": explosive_entities(thing_entities(s[0] for s in spans("weapons"))),
    }


def entity_match(pred: list[str], gold: list[str]) -> bool:
    """A predicted entity is correct when one of its mentions equals one of the gold mentions."""
    gold_keys = {normalise_mention(m) for m in gold} - {""}
    return any(normalise_mention(m) in gold_keys for m in pred)


def matched_entities(preds: list[list[str]], golds: list[list[str]]) -> int:
    """Size of the best one-to-one matching of predicted to gold entities."""
    if not preds or not golds:
        return 0
    return len(best_assignment([[1.0 if entity_match(p, g) else 0.0 for g in golds] for p in preds]))


def gtt_pairs(sys_templates: list[dict], gold_templates: list[dict]) -> list[tuple[int, int]]:
    """Best one-to-one pairing (Hungarian) maximising matched fillers; incident types must agree."""
    weights = []
    for s in sys_templates:
        row = []
        for g in gold_templates:
            if s["incident_type"] != g["incident_type"]:
                row.append(0.0)
            else:
                row.append(1.0 + sum(matched_entities(s[r], g[r]) for r in ROLES))
        weights.append(row)
    return best_assignment(weights)


def gtt_score(sys_templates: list[dict], gold_templates: list[dict]) -> dict[str, PRF]:
    """GTT micro counts of one document: {"incident_type" | role: PRF}."""
    out = {k: PRF() for k in GTT_KEYS}
    pairs = gtt_pairs(sys_templates, gold_templates)
    paired_s = {i for i, _ in pairs}
    paired_g = {j for _, j in pairs}
    for i, j in pairs:
        s, g = sys_templates[i], gold_templates[j]
        out["incident_type"].add(1, 1, 1)
        for r in ROLES:
            out[r].add(matched_entities(s[r], g[r]), len(s[r]), len(g[r]))
    for i, s in enumerate(sys_templates):
        if i not in paired_s:
            out["incident_type"].add(0, 1, 0)
            for r in ROLES:
                out[r].add(0, len(s[r]), 0)
    for j, g in enumerate(gold_templates):
        if j not in paired_g:
            out["incident_type"].add(0, 0, 1)
            for r in ROLES:
                out[r].add(0, 0, len(g[r]))
    return out


def _document_entities(per_template: Iterable[list[list[str]]]) -> list[list[str]]:
    """A role's distinct entities over a document's templates: an entity of a later template
    whose normalised mentions are a subset or superset of an earlier template's entity is the
    same entity ("guerrillas" / "guerrilla column", "guerrillas"); entities inside one template
    stay distinct."""
    merged: list[tuple[set[str], list[str], int]] = []  # (keys, mentions, template index)
    for t_index, entities in enumerate(per_template):
        for mentions in entities:
            keys = {k for k in (normalise_mention(m) for m in mentions) if k}
            if not keys:
                continue
            for entry in merged:
                if entry[2] != t_index and (keys <= entry[0] or entry[0] <= keys):
                    entry[0].update(keys)
                    entry[1].extend(m for m in mentions if m not in entry[1])
                    break
            else:
                merged.append((set(keys), list(mentions), t_index))
    return _dedupe(m for _, m, _ in merged)


def ceaf_ree_score(sys_templates: list[dict], gold_templates: list[dict]) -> dict[str, PRF]:
    """CEAF-REE counts of one document: per role, distinct entities matched one-to-one."""
    out = {}
    for r in ROLES:
        preds = _document_entities(t[r] for t in sys_templates)
        golds = _document_entities(t[r] for t in gold_templates)
        out[r] = PRF(matched_entities(preds, golds), len(preds), len(golds))
    return out


def micro(counts: dict[str, PRF], keys: Iterable[str]) -> PRF:
    total = PRF()
    for k in keys:
        total += counts[k]
    return total


# --------------------------------------------------------------------------- original keys


def _split_top(s: str, sep: str = "/") -> list[str]:
    """Split on ``sep`` outside parentheses."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _unwrap(s: str) -> str:
    """'(COLOMBIA: BOGOTA (CITY))' -> 'COLOMBIA: BOGOTA (CITY)' (only when the outer brackets pair)."""
    s = s.strip()
    while s.startswith("(") and s.endswith(")"):
        depth = 0
        for i, ch in enumerate(s):
            depth += (ch == "(") - (ch == ")")
            if depth == 0 and i < len(s) - 1:
                return s  # the first bracket closes before the end: '(CITY) - X (TOWN)'
        s = s[1:-1].strip()
    return s


def _empty(value: str | None) -> bool:
    return value is None or value.strip().strip("?").strip() in ("", "-", "*")


def _muc_day(s: str) -> date | None:
    m = re.fullmatch(r"(\d{1,2})\s+([A-Z]{3})\s+(\d{2}|\d{4})", s.strip().strip("?").strip())
    if not m or m.group(2) not in MONTHS:
        return None
    year = int(m.group(3))
    year = year + 1900 if year < 100 else year
    try:
        return date(year, MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        return None


def parse_key_date(value: str | None) -> list[tuple[date | None, date]] | None:
    """'02 FEB 90' / '- 23 AUG 88' (on or before) / '12 JAN 90 - 15 JAN 90' / '(A) / (B)'
    -> alternatives as (earliest or None, latest); None when the slot is empty."""
    if _empty(value):
        return None
    alts = []
    for alt in _split_top(value):
        alt = _unwrap(alt).strip("?").strip()
        m = re.fullmatch(r"-\s*(.+)", alt)
        if m:
            hi = _muc_day(m.group(1))
            if hi:
                alts.append((None, hi))
            continue
        if " - " in alt:
            a, b = alt.split(" - ", 1)
            lo, hi = _muc_day(a), _muc_day(b)
            if lo and hi:
                alts.append((lo, hi))
            continue
        d = _muc_day(alt)
        if d:
            alts.append((d, d))
    return alts or None


def parse_key_location(value: str | None) -> dict[str, set[str]] | None:
    """'EL SALVADOR: SAN SALVADOR (CITY)' / '(A) / (B)' / 'HONDURAS / EL SALVADOR' ->
    {"countries": {...}, "places": {...}} (normalised names; a country-only alternative
    contributes the country as its place)."""
    if _empty(value):
        return None
    countries: set[str] = set()
    places: set[str] = set()
    for alt in _split_top(value):
        parts = [p.strip() for p in _unwrap(alt).split(":")]
        country = normalise_mention(parts[0].strip("?"))
        if country:
            countries.add(country)
        named = []
        for part in parts[1:]:
            for piece in part.split(" - "):
                name = normalise_mention(re.sub(r"\([^)]*\)", " ", piece).strip("?"))
                if name:
                    named.append(name)
        places.update(v for n in named for v in place_names(n))
        if not named and country:
            places.add(country)
    return {"countries": countries, "places": places} if countries or places else None


def parse_alternatives(value: str | None) -> set[str] | None:
    if _empty(value):
        return None
    return {a.strip().strip("?").strip() for a in value.split("/") if a.strip().strip("?").strip()}


_COUNTRY_CODE_CACHE: dict[str, str | None] = {}


def country_code(name: str) -> str | None:
    """Normalised country name ('el salvador') -> ISO alpha-2 ('SV') via pycountry."""
    if name not in _COUNTRY_CODE_CACHE:
        code = None
        try:
            import pycountry

            code = pycountry.countries.lookup(name).alpha_2
        except (ImportError, LookupError):
            code = None
        _COUNTRY_CODE_CACHE[name] = code
    return _COUNTRY_CODE_CACHE[name]


def iso_interval(value: str | None) -> tuple[date, date] | None:
    """ISO 8601 value of a DATE entity ('1990-02-02', '1990-02', '1990', 'a/b') -> (first, last day)."""
    if not value:
        return None

    def bounds(v: str) -> tuple[date, date] | None:
        v = v.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                d = date.fromisoformat(v)
                return d, d
            if re.fullmatch(r"\d{4}-\d{2}", v):
                y, m = int(v[:4]), int(v[5:7])
                last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
                return date(y, m, 1), last
            if re.fullmatch(r"\d{4}", v):
                return date(int(v), 1, 1), date(int(v), 12, 31)
        except ValueError:
            return None
        return None

    if "/" in value:
        a, b = value.split("/", 1)
        ba, bb = bounds(a), bounds(b)
        return (ba[0], bb[1]) if ba and bb else None
    return bounds(value)


def date_ok(system: tuple[date, date] | None, key: list[tuple[date | None, date]] | None) -> bool:
    """The system interval lies inside one of the key's alternatives."""
    if not system or not key:
        return False
    lo, hi = system
    return any((klo is None or klo <= lo) and hi <= khi for klo, khi in key)


def key_template(k: dict) -> dict:
    """One answer-key line -> the slots scored here."""
    types = parse_alternatives(k.get("INCIDENT: TYPE")) or set()
    return {
        "template": k.get("MESSAGE: TEMPLATE"),
        "optional": "OPTIONAL" in str(k.get("MESSAGE: TEMPLATE", "")).upper(),
        "types": {t.lower() for t in types},
        "date": parse_key_date(k.get("INCIDENT: DATE")),
        "location": parse_key_location(k.get("INCIDENT: LOCATION")),
        "stage": parse_alternatives(k.get("INCIDENT: STAGE OF EXECUTION")),
        "raw_date": k.get("INCIDENT: DATE"),
        "raw_location": k.get("INCIDENT: LOCATION"),
    }


def event_key_features(event: dict, entities: dict[str, dict]) -> dict:
    places = [entities[x] for x in event.get("locations") or [] if x in entities]
    date_ent = entities.get(event.get("date")) if event.get("date") else None
    return {
        "type": INCIDENT_TYPE.get(event.get("attack_type"), "attack"),
        "date": iso_interval(date_ent.get("value")) if date_ent else None,
        "countries": {str(p["country_code"]).upper() for p in places if p.get("country_code")},
        "places": {v for p in places for s in entity_strings(p) for v in place_names(s)},
        "stage": STAGE.get(event.get("status")),
    }


KEY_SLOTS = ("date", "country", "place", "stage")


def key_slot_results(f: dict, k: dict) -> dict[str, bool]:
    loc = k["location"]
    return {
        "date": date_ok(f["date"], k["date"]),
        "country": bool(loc and f["countries"] & {c for c in map(country_code, loc["countries"]) if c}),
        "place": bool(loc and f["places"] & loc["places"]),
        "stage": bool(k["stage"] and f["stage"] in k["stage"]),
    }


def keys_score(features: list[dict], keys: list[dict]) -> dict[str, PRF]:
    """Date / country / place / stage counts of one document against its key templates."""
    out = {s: PRF() for s in KEY_SLOTS}
    weights = []
    for f in features:
        row = []
        for k in keys:
            res = key_slot_results(f, k)
            row.append(2.0 * (f["type"] in k["types"]) + sum(res.values()))
        weights.append(row)
    pairs = best_assignment(weights) if features and keys else []
    paired_k = {j for _, j in pairs}
    has_sys = lambda f, s: bool(f["date"] if s == "date" else f["countries"] if s == "country"  # noqa: E731
                                else f["places"] if s == "place" else f["stage"])
    has_key = lambda k, s: bool(k["date"] if s == "date" else k["location"] if s in ("country", "place")  # noqa: E731
                                else k["stage"])
    for f in features:
        for s in KEY_SLOTS:
            out[s].predicted += has_sys(f, s)
    for j, k in enumerate(keys):
        if k["optional"] and j not in paired_k:
            continue
        for s in KEY_SLOTS:
            out[s].gold += has_key(k, s)
    for i, j in pairs:
        res = key_slot_results(features[i], keys[j])
        for s in KEY_SLOTS:
            out[s].correct += bool(res[s] and has_sys(features[i], s) and has_key(keys[j], s))
    return out


# --------------------------------------------------------------------------- corpus


def load_split(muc4_dir: Path, split: str) -> list[dict]:
    """[{docid, text, templates (GTT), keys (relevant key templates)}] in docid order."""
    tpath = muc4_dir / "templates" / f"{split}.jsonl"
    kpath = muc4_dir / "keys" / f"{split}.jsonl"
    if not tpath.is_file():
        raise SystemExit(f"muc4: {tpath} not found (only the dev split is kept in corpora/muc4)")
    keys: dict[str, list[dict]] = defaultdict(list)
    if kpath.is_file():
        for line in kpath.read_text(encoding="utf-8").splitlines():
            if line.strip():
                k = json.loads(line)
                if not _empty(k.get("INCIDENT: TYPE")):
                    keys[k["MESSAGE: ID"].split()[0]].append(key_template(k))  # "DEV-MUC3-0001 (NCCOSC)"
    docs = []
    for line in tpath.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        path = muc4_dir / "texts" / f"{rec['docid']}.txt"
        docs.append({"docid": rec["docid"], "path": path,
                     "templates": [gold_template(t) for t in rec.get("templates") or []],
                     "keys": keys.get(rec["docid"], [])})
    docs.sort(key=lambda d: d["docid"])
    return docs


def role_misses(sys_templates: list[dict], gold_templates: list[dict]) -> list[tuple[str, str, str]]:
    """(role, "miss" | "fp", mention text) for one document under the GTT pairing: gold entities
    not matched by their paired system template (all of an unpaired gold template's), system
    entities not matching their paired gold template (all of an unpaired system template's)."""
    out: list[tuple[str, str, str]] = []
    pairs = gtt_pairs(sys_templates, gold_templates)
    paired_s = {i: j for i, j in pairs}
    paired_g = {j: i for i, j in pairs}
    for j, g in enumerate(gold_templates):
        s = sys_templates[paired_g[j]] if j in paired_g else None
        for r in ROLES:
            for ent in g[r]:
                if s is None or not any(entity_match(p, ent) for p in s[r]):
                    tag = "" if s is not None else " (unpaired " + g["incident_type"] + ")"
                    out.append((r, "miss", " / ".join(ent) + tag))
    for i, s in enumerate(sys_templates):
        g = gold_templates[paired_s[i]] if i in paired_s else None
        for r in ROLES:
            for ent in s[r]:
                if g is None or not any(entity_match(ent, x) for x in g[r]):
                    tag = "" if g is not None else " (unpaired " + s["incident_type"] + ")"
                    out.append((r, "fp", " / ".join(ent[:2]) + tag))
    return out


def format_misses(res: dict[str, Any], roles: Iterable[str] = ROLES) -> str:
    roles = set(roles)
    L = []
    for d in res.get("misses") or []:
        rows = [x for x in d["rows"] if x[0] in roles]
        if rows:
            L.append(f"== {d['docid']}  ({d['events']} events, {d['gold_templates']} gold templates)")
            for role, kind, text in rows:
                L.append(f"  {role:<8}{kind:<5}{text}")
    return "\n".join(L) + "\n"


# MUC-4's relevance rules leave out military actions (attacks on troops, air strikes) and incidents
# older than about two months before the report that it only recalls (not its first attack)
MUC4_SCOPE = {"extract_events": {"drop_military": True, "background_days": 60}}


def run(muc4_dir: Path, split: str, limit: int | None, batch_size: int = 8,
        misses: bool = False, all_attacks: bool = False) -> dict[str, Any]:
    from extract.extractor import Extractor, InputDocument

    docs = load_split(muc4_dir, split)
    if limit is not None:
        docs = docs[:limit]
    t0 = time.perf_counter()
    extractor = Extractor(component_config=None if all_attacks else MUC4_SCOPE)
    load_s = time.perf_counter() - t0
    items = [InputDocument(text=d["path"].read_bytes().decode("latin-1"), source=d["path"].name) for d in docs]
    words = sum(len(i.text.split()) for i in items)
    t1 = time.perf_counter()
    outputs = [o.model_dump(mode="json") for o in extractor.extract_many(items, batch_size=batch_size)]
    extract_s = time.perf_counter() - t1

    gtt = {k: PRF() for k in GTT_KEYS}
    ree = {r: PRF() for r in ROLES}
    keyc = {s: PRF() for s in KEY_SLOTS}
    relevance = PRF()
    per_doc = []
    miss_rows: list[dict] = []
    n_events = n_errors = 0
    for d, out in zip(docs, outputs):
        entities = {e["id"]: e for e in out.get("entities") or []}
        events = out.get("events") or []
        n_events += len(events)
        n_errors += len(out.get("errors") or [])
        sys_templates = [event_to_template(ev, entities) for ev in events]
        g = gtt_score(sys_templates, d["templates"])
        c = ceaf_ree_score(sys_templates, d["templates"])
        kc = keys_score([event_key_features(ev, entities) for ev in events], d["keys"])
        for k in GTT_KEYS:
            gtt[k] += g[k]
        for r in ROLES:
            ree[r] += c[r]
        for s in KEY_SLOTS:
            keyc[s] += kc[s]
        sys_rel, gold_rel = bool(events), bool(d["templates"])
        relevance.add(int(sys_rel and gold_rel), int(sys_rel), int(gold_rel))
        per_doc.append({"docid": d["docid"], "events": len(events), "gold_templates": len(d["templates"]),
                        "gtt_micro": micro(g, GTT_KEYS).to_dict()})
        if misses:
            miss_rows.append({"docid": d["docid"], "events": len(events), "gold_templates": len(d["templates"]),
                              "rows": role_misses(sys_templates, d["templates"])})

    res = {
        "split": split,
        "scope": "every attack kept" if all_attacks else "military actions and background left out",
        "documents": len(docs),
        "words": words,
        "system_events": n_events,
        "gold_templates": sum(len(d["templates"]) for d in docs),
        "document_errors": n_errors,
        "seconds": {"load": round(load_s, 2), "extract": round(extract_s, 2)},
        "docs_per_second": round(len(docs) / extract_s, 2) if extract_s else None,
        "gtt_micro": micro(gtt, GTT_KEYS).to_dict(),
        "gtt_per_slot": {k: v.to_dict() for k, v in gtt.items()},
        "ceaf_ree": micro(ree, ROLES).to_dict(),
        "ceaf_ree_per_role": {k: v.to_dict() for k, v in ree.items()},
        "relevance": relevance.to_dict(),
        "keys": {k: v.to_dict() for k, v in keyc.items()},
        "published_test_results": [{"system": s, "metric": m, "precision": p, "recall": r, "f1": f}
                                   for s, m, p, r, f in PUBLISHED],
        "per_document": per_doc,
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
    }
    if misses:
        res["misses"] = miss_rows
    return res


# --------------------------------------------------------------------------- output


def _n(x: float | None) -> str:
    return f"{x:6.2f}" if x is not None else "     -"


def format_table(res: dict[str, Any]) -> str:
    L = []
    L.append(f"MUC-4 {res['split']} split, {res['scope']}: {res['documents']} documents, {res['words']} words, "
             f"{res['system_events']} system events vs {res['gold_templates']} gold templates; "
             f"extraction {res['seconds']['extract']} s ({res['docs_per_second']} docs/s), "
             f"model load {res['seconds']['load']} s")
    L.append("theirs: TST3+TST4 test split; ours: TST1+TST2 dev split — comparable in kind, not in exact value")
    L.append("")
    L.append(f"{'system':<44}{'metric':<12}{'P':>7}{'R':>7}{'F1':>7}")
    for s, m, p, r, f in PUBLISHED:
        if m == "GTT micro":
            L.append(f"{s:<44}{m:<12}{_n(p)} {_n(r)} {_n(f)}   (theirs, test)")
    g = res["gtt_micro"]
    L.append(f"{'extract (rules + en_core_web_sm)':<44}{'GTT micro':<12}{_n(g['precision'])} {_n(g['recall'])} "
             f"{_n(g['f1'])}   (ours, {res['split']})")
    for s, m, p, r, f in PUBLISHED:
        if m == "CEAF-REE":
            L.append(f"{s:<44}{m:<12}{_n(p)} {_n(r)} {_n(f)}   (theirs, test)")
    c = res["ceaf_ree"]
    L.append(f"{'extract (rules + en_core_web_sm)':<44}{'CEAF-REE':<12}{_n(c['precision'])} {_n(c['recall'])} "
             f"{_n(c['f1'])}   (ours, {res['split']})")
    L.append("")
    L.append(f"{'ours, per slot':<20}{'GTT P':>7}{'R':>7}{'F1':>7}   {'REE P':>7}{'R':>7}{'F1':>7}"
             f"{'correct/pred/gold (GTT)':>27}")
    for k in GTT_KEYS:
        a = res["gtt_per_slot"][k]
        b = res["ceaf_ree_per_role"].get(k)
        ree = f"{_n(b['precision'])} {_n(b['recall'])} {_n(b['f1'])}" if b else f"{'':>20}"
        L.append(f"{k:<20}{_n(a['precision'])} {_n(a['recall'])} {_n(a['f1'])}   {ree}"
                 f"{a['correct']:>11}/{a['predicted']}/{a['gold']}")
    L.append("")
    rel = res["relevance"]
    L.append(f"{'document relevance':<28}P {_n(rel['precision'])}  R {_n(rel['recall'])}  F1 {_n(rel['f1'])}"
             f"   ({rel['correct']} both, {rel['predicted']} system, {rel['gold']} gold relevant docs)")
    L.append("")
    L.append("Not filled by the neural systems (ours only, against the original keys):")
    L.append(f"{'slot':<28}{'P':>7}{'R':>7}{'F1':>7}   correct/pred/gold")
    names = {"date": "incident date", "country": "location: country", "place": "location: place",
             "stage": "stage of execution"}
    for s in KEY_SLOTS:
        a = res["keys"][s]
        L.append(f"{names[s]:<28}{_n(a['precision'])} {_n(a['recall'])} {_n(a['f1'])}   "
                 f"{a['correct']}/{a['predicted']}/{a['gold']}")
    if res.get("document_errors"):
        L.append("")
        L.append(f"documents' error records: {res['document_errors']}")
    return "\n".join(L) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", help="split to score (only 'dev' is kept in corpora/muc4)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    ap.add_argument("--json", type=Path, default=None, help="save all numbers to this JSON file")
    ap.add_argument("--muc4-dir", type=Path, default=MUC4_DIR, help=argparse.SUPPRESS)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--misses", nargs="?", const=",".join(ROLES), default=None, metavar="ROLES",
                    help="after the table, print per-document role misses and false positives "
                         "(optionally only these comma-separated roles, e.g. Victim,Target)")
    ap.add_argument("--all-attacks", action="store_true",
                    help="keep military actions (the extractor's default configuration) instead of MUC-4's scope")
    args = ap.parse_args(argv)
    res = run(args.muc4_dir, args.split, args.limit, args.batch_size, misses=args.misses is not None,
              all_attacks=args.all_attacks)
    print(format_table(res), end="")
    if args.misses is not None:
        print()
        print(format_misses(res, [r.strip() for r in args.misses.split(",") if r.strip()]), end="")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
        print(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
