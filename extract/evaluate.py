"""Score extractor output against gold annotations (the shared gold format).

Gold files are ``*.gold.json`` beside the report they annotate::

    {"text_file": "report.txt",
     "entities": [{"type": "PLACE", "names": ["Holland", "Netherlands"], "country_code": "NL"},
                  {"type": "DATE", "names": ["October 4, 2016"], "value": "2016-10-04"},
                  {"type": "ORGANISATION", "names": ["Euphrates Province"], "optional": true}],
     "events": [{"locations": ["Cairo"], "status": "carried_out", "attack_type": ["bombing"],
                 "perpetrators": ["ISIS"], "killed": 25, "date": null, "targets": ["cathedral"]}]}

Rules (implemented exactly as the shared README states them):

* Entities. A system entity matches a gold entity of the same type when any of its
  ``text`` / ``canonical`` / mention strings equals one of the gold ``names`` after
  :func:`normalise` (lowercase, trim, strip edge punctuation, strip a leading
  "the "/"on "/"in "/"at ", strip a trailing "'s"). Matching is one-to-one (a maximum
  bipartite matching, deterministic); a second system entity matching an already-matched
  gold entity is a duplicate, i.e. a false positive. Optional gold entities are neutral:
  matching one is neither TP nor FP, missing one is not FN. (A system entity that can be
  read as an optional gold entity is neutral even when it also duplicates a required one.)
* DATE value accuracy: over matched gold DATE entities that give a ``value``, the share
  whose system entity has the same ``value``. PLACE country accuracy: likewise with
  ``country_code`` (compared case-insensitively).
* Events. A system event and a gold event match when they share a location name (the
  system event's ``locations`` are entity ids; that entity's strings are normalised and
  compared with the gold ``locations`` names). One-to-one, best pairing. The *headline*
  score also requires the pair to agree on ``status``; the *location-only* score does not.
  Optional gold events are neutral (for the headline score a system event is neutral when
  it matches an optional gold event on location and status).
* Slots, over the location-only matched pairs, where the gold value is not null:
  ``status`` (equal), ``attack_type`` (any listed value), ``perpetrators`` (any gold name
  matches any string of a perpetrator entity), ``killed`` (== ``casualties.killed``),
  ``date`` (gold ISO value == the system date entity's ``value``), ``targets`` (a listed
  head word appears, as a word, in a system target span's text, lowercased).

``score_document`` is pure (no spaCy); ``evaluate_dir`` runs an extractor over a gold dir.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

ENTITY_TYPES = ("ORGANISATION", "PUBLICATION", "DATE", "PLACE", "PERSON")
SLOTS = ("status", "attack_type", "perpetrators", "killed", "date", "targets")

_LEADING = re.compile(r"^(?:the|on|in|at)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s$")


class EvaluationError(ValueError):
    """The gold directory cannot be evaluated (no gold files, a missing text file, bad JSON)."""


# --------------------------------------------------------------------------- normalisation


def _strip_edge_punct(s: str) -> str:
    start, end = 0, len(s)
    while start < end and (s[start].isspace() or unicodedata.category(s[start])[0] in "PS"):
        start += 1
    while end > start and (s[end - 1].isspace() or unicodedata.category(s[end - 1])[0] in "PS"):
        end -= 1
    return s[start:end]


def normalise(name: str | None) -> str:
    """Comparison key of a surface form: lowercase, trimmed, edge punctuation stripped,
    a leading "the/on/in/at" and a trailing "'s" removed ("On December 19, 2016," ->
    "december 19, 2016"; "ISIS's" -> "isis")."""
    if not name:
        return ""
    s = _strip_edge_punct(" ".join(str(name).split()).lower())
    prev = None
    while s != prev:
        prev = s
        s = _LEADING.sub("", s)
        s = _strip_edge_punct(_TRAILING_POSSESSIVE.sub("", s))
    return s


# --------------------------------------------------------------------------- assignment


def _hungarian_max(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-weight assignment (pure Python O(n^3) Hungarian); pairs with weight <= 0 dropped."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    n = max(n_rows, n_cols)
    big = max((w for row in weights for w in row), default=0.0)
    # square cost matrix (minimisation), padding with zero-weight cells
    cost = [[big - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < n_rows and j - 1 < n_cols and weights[i][j - 1] > 0:
            pairs.append((i, j - 1))
    return sorted(pairs)


def best_assignment(weights: Sequence[Sequence[float]], *, use_scipy: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairing of rows and columns maximising the total weight (Hungarian
    algorithm; scipy's ``linear_sum_assignment`` when available). Only pairs with a positive
    weight are returned, sorted by row."""
    if not weights or not weights[0]:
        return []
    if use_scipy:
        try:
            import numpy as np
            from scipy.optimize import linear_sum_assignment
        except ImportError:  # pragma: no cover - scipy is optional
            pass
        else:
            matrix = np.asarray(weights, dtype=float)
            rows, cols = linear_sum_assignment(matrix, maximize=True)
            return sorted((int(i), int(j)) for i, j in zip(rows, cols) if matrix[i, j] > 0)
    return _hungarian_max(weights)


def _max_matching(n_left: int, n_right: int, edge: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum-cardinality bipartite matching (augmenting paths, deterministic order):
    left index -> right index."""
    adj = [[j for j in range(n_right) if edge(i, j)] for i in range(n_left)]
    match_right: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_right or augment(match_right[j], seen):
                match_right[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return {i: j for j, i in match_right.items()}


# --------------------------------------------------------------------------- results


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, other: "Accuracy") -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        return {"correct": self.correct, "total": self.total, "accuracy": None if v is None else round(v, 4)}


@dataclass
class DocumentScore:
    """Scores of one document; ``misses`` holds one human-readable line per error."""

    doc: str
    entities: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in ENTITY_TYPES})
    date_value: Accuracy = field(default_factory=Accuracy)
    place_country: Accuracy = field(default_factory=Accuracy)
    events: Counts = field(default_factory=Counts)  # headline: location + status
    events_location: Counts = field(default_factory=Counts)  # location only
    slots: dict[str, Accuracy] = field(default_factory=lambda: {s: Accuracy() for s in SLOTS})
    misses: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)  # the document's own errors

    @property
    def entities_micro(self) -> Counts:
        total = Counts()
        for c in self.entities.values():
            total.add(c)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "entities": {t: c.to_dict() for t, c in self.entities.items()},
            "entities_micro": self.entities_micro.to_dict(),
            "date_value_accuracy": self.date_value.to_dict(),
            "place_country_accuracy": self.place_country.to_dict(),
            "events": self.events.to_dict(),
            "events_location_only": self.events_location.to_dict(),
            "slots": {s: a.to_dict() for s, a in self.slots.items()},
            "misses": list(self.misses),
            "errors": list(self.errors),
        }


def _fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:6.1f}"


@dataclass
class EvaluationReport:
    """Per-document scores and their micro-averaged totals."""

    documents: list[DocumentScore] = field(default_factory=list)
    gold_dir: str | None = None

    def _total(self) -> DocumentScore:
        total = DocumentScore(doc="ALL")
        for d in self.documents:
            for t in ENTITY_TYPES:
                total.entities[t].add(d.entities[t])
            total.date_value.add(d.date_value)
            total.place_country.add(d.place_country)
            total.events.add(d.events)
            total.events_location.add(d.events_location)
            for s in SLOTS:
                total.slots[s].add(d.slots[s])
        return total

    @property
    def total(self) -> DocumentScore:
        return self._total()

    def misses(self) -> list[str]:
        """Every miss and false positive, one line each (``doc  FN  PLACE  'Kenya'``)."""
        return [line for d in self.documents for line in d.misses]

    def to_dict(self) -> dict[str, Any]:
        total = self._total()
        out = total.to_dict()
        out.pop("doc")
        out.pop("misses")
        out.pop("errors")
        return {"gold_dir": self.gold_dir, "documents_scored": len(self.documents), "total": out,
                "documents": [d.to_dict() for d in self.documents]}

    def to_table(self) -> str:
        total = self._total()
        lines: list[str] = []
        header = f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"

        def row(name: str, c: Counts) -> str:
            return f"{name:<14}{_fmt(c.precision)} {_fmt(c.recall)} {_fmt(c.f1)}{c.tp:>6}{c.fp:>6}{c.fn:>6}"

        def acc(name: str, a: Accuracy) -> str:
            return f"{name:<30}{_fmt(a.value)}   ({a.correct}/{a.total})"

        lines.append(f"Entities ({len(self.documents)} documents)")
        lines.append(header)
        for t in ENTITY_TYPES:
            lines.append(row(t, total.entities[t]))
        lines.append(row("micro", total.entities_micro))
        lines.append("")
        lines.append(acc("DATE value accuracy", total.date_value))
        lines.append(acc("PLACE country accuracy", total.place_country))
        lines.append("")
        lines.append("Events")
        lines.append(header)
        lines.append(row("loc+status", total.events))
        lines.append(row("location only", total.events_location))
        lines.append("")
        lines.append("Slot accuracy over matched events (location only)")
        for s in SLOTS:
            lines.append(acc(f"  {s}", total.slots[s]))
        lines.append("")
        lines.append("Per document (F1)")
        width = max([len(d.doc) for d in self.documents] + [8])
        lines.append(f"{'document':<{width}}  " + "".join(f"{h:>7}" for h in ("ORG", "PUB", "DATE", "PLACE", "PERSON",
                                                                             "ents", "events", "ev-loc")))
        for d in self.documents:
            cells = [d.entities[t] for t in ENTITY_TYPES] + [d.entities_micro, d.events, d.events_location]
            lines.append(f"{d.doc:<{width}}  " + "".join(
                f"{'-':>7}" if c.tp + c.fp + c.fn == 0 else f"{100 * c.f1:7.1f}" for c in cells))
        return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- scoring


def _as_dict(document: Any) -> dict[str, Any]:
    if isinstance(document, dict):
        return document
    if hasattr(document, "model_dump"):
        return document.model_dump(mode="json")
    raise TypeError(f"expected a schema.Document or a dict, got {type(document).__name__}")


def entity_strings(entity: dict[str, Any]) -> list[str]:
    """The surface strings of a system entity: text, canonical and every mention's text."""
    out = [entity.get("text"), entity.get("canonical")]
    out += [m.get("text") for m in entity.get("mentions") or []]
    return [s for s in out if s]


def _keys(strings: Iterable[str | None]) -> set[str]:
    return {k for k in (normalise(s) for s in strings) if k}


def _show(names: Sequence[str] | str | None) -> str:
    if isinstance(names, str):
        return repr(names)
    return repr(names[0]) if names else "''"


def _gold_list(value: Any) -> list[Any] | None:
    if value is None:
        return None
    return value if isinstance(value, list) else [value]


def _score_entities(doc: str, gold_entities: list[dict], sys_entities: list[dict], score: DocumentScore) -> None:
    for etype in ENTITY_TYPES:
        golds = [g for g in gold_entities if g.get("type") == etype]
        systems = [s for s in sys_entities if s.get("type") == etype]
        required = [g for g in golds if not g.get("optional")]
        optional = [g for g in golds if g.get("optional")]
        req_keys = [_keys(g.get("names") or []) for g in required]
        opt_keys = [_keys(g.get("names") or []) for g in optional]
        sys_keys = [_keys(entity_strings(s)) for s in systems]
        counts = score.entities[etype]

        matched = _max_matching(len(systems), len(required), lambda i, j: bool(sys_keys[i] & req_keys[j]))
        for i, j in sorted(matched.items()):
            counts.tp += 1
            g, s = required[j], systems[i]
            if etype == "DATE" and g.get("value"):
                ok = s.get("value") == g["value"]
                score.date_value.total += 1
                score.date_value.correct += ok
                if not ok:
                    score.misses.append(f"{doc}  VALUE  DATE  {_show(g.get('names'))}  gold={g['value']} "
                                        f"system={s.get('value')}")
            if etype == "PLACE" and g.get("country_code"):
                ok = (s.get("country_code") or "").upper() == str(g["country_code"]).upper()
                score.place_country.total += 1
                score.place_country.correct += ok
                if not ok:
                    score.misses.append(f"{doc}  COUNTRY  PLACE  {_show(g.get('names'))}  "
                                        f"gold={g['country_code']} system={s.get('country_code')}")
        taken = set(matched.values())
        for i, s in enumerate(systems):
            if i in matched:
                continue
            if any(sys_keys[i] & k for k in opt_keys):
                continue  # optional: neutral
            counts.fp += 1
            dup = next((required[j] for j in sorted(taken) if sys_keys[i] & req_keys[j]), None)
            note = f"  (duplicate of {_show(dup.get('names'))})" if dup else ""
            score.misses.append(f"{doc}  FP  {etype}  {s.get('text')!r}{note}")
        for j, g in enumerate(required):
            if j not in taken:
                counts.fn += 1
                score.misses.append(f"{doc}  FN  {etype}  {_show(g.get('names'))}")


def _event_label(ev: dict, place_text: Callable[[str], str]) -> str:
    locs = ", ".join(place_text(x) for x in ev.get("locations") or []) or "no location"
    return f"{locs!r} {ev.get('status')} {ev.get('attack_type')}"


def _match_events(sys_events: list[dict], sys_locs: list[set[str]], golds: list[dict], gold_locs: list[set[str]],
                  need_status: bool) -> list[tuple[int, int]]:
    """Best one-to-one pairing by shared location (and status when ``need_status``):
    maximise the number of pairs, then status agreement, then location overlap."""
    if not sys_events or not golds:
        return []
    weights = []
    for i, s in enumerate(sys_events):
        row = []
        for j, g in enumerate(golds):
            overlap = len(sys_locs[i] & gold_locs[j])
            agree = s.get("status") == g.get("status")
            if overlap and (agree or not need_status):
                row.append(1000.0 + 10.0 * agree + min(overlap, 9))
            else:
                row.append(0.0)
        weights.append(row)
    return best_assignment(weights)


def _score_events(doc: str, gold: dict, sys_doc: dict, score: DocumentScore) -> None:
    entities = {e.get("id"): e for e in sys_doc.get("entities") or []}
    sys_events = list(sys_doc.get("events") or [])
    gold_events = list(gold.get("events") or [])
    required = [g for g in gold_events if not g.get("optional")]
    optional = [g for g in gold_events if g.get("optional")]

    def ent_keys(ids: Iterable[str] | None) -> set[str]:
        keys: set[str] = set()
        for x in ids or []:
            if x in entities:
                keys |= _keys(entity_strings(entities[x]))
        return keys

    def place_text(x: str) -> str:
        return entities[x].get("text", x) if x in entities else x

    sys_locs = [ent_keys(ev.get("locations")) for ev in sys_events]
    req_locs = [_keys(g.get("locations") or []) for g in required]
    opt_locs = [_keys(g.get("locations") or []) for g in optional]

    def neutral(i: int, need_status: bool) -> bool:
        return any(sys_locs[i] & opt_locs[k] and (not need_status or sys_events[i].get("status") == g.get("status"))
                   for k, g in enumerate(optional))

    unmatched: dict[bool, tuple[list[int], list[int]]] = {}
    loc_pairs: list[tuple[int, int]] = []
    for need_status, counts in ((True, score.events), (False, score.events_location)):
        pairs = _match_events(sys_events, sys_locs, required, req_locs, need_status)
        matched_sys = {i for i, _ in pairs}
        matched_gold = {j for _, j in pairs}
        fps = [i for i in range(len(sys_events)) if i not in matched_sys and not neutral(i, need_status)]
        fns = [j for j in range(len(required)) if j not in matched_gold]
        counts.tp += len(pairs)
        counts.fp += len(fps)
        counts.fn += len(fns)
        unmatched[need_status] = (fps, fns)
        if not need_status:
            loc_pairs = pairs
    # misses: location-only errors as EVENT; what the status requirement adds as EVENT(status)
    loc_fps, loc_fns = unmatched[False]
    head_fps, head_fns = unmatched[True]
    for i in loc_fps:
        score.misses.append(f"{doc}  FP  EVENT  {_event_label(sys_events[i], place_text)}")
    for j in loc_fns:
        score.misses.append(f"{doc}  FN  EVENT  {_show(required[j].get('locations'))} {required[j].get('status')}")
    for i in head_fps:
        if i not in loc_fps:
            score.misses.append(f"{doc}  FP  EVENT(status)  {_event_label(sys_events[i], place_text)}")
    for j in head_fns:
        if j not in loc_fns:
            score.misses.append(f"{doc}  FN  EVENT(status)  {_show(required[j].get('locations'))} "
                                f"{required[j].get('status')}")
    for i, j in loc_pairs:
        _score_slots(doc, required[j], sys_events[i], entities, ent_keys, score)


def _score_slots(doc: str, g: dict, ev: dict, entities: dict[str, dict], ent_keys: Callable, score: DocumentScore) -> None:
    where = _show(g.get("locations"))

    def record(slot: str, ok: bool, gold_value: Any, sys_value: Any) -> None:
        score.slots[slot].total += 1
        score.slots[slot].correct += bool(ok)
        if not ok:
            score.misses.append(f"{doc}  SLOT  {slot}  event {where}  gold={gold_value!r} system={sys_value!r}")

    if g.get("status") is not None:
        record("status", ev.get("status") == g["status"], g["status"], ev.get("status"))
    types = _gold_list(g.get("attack_type"))
    if types is not None:
        record("attack_type", ev.get("attack_type") in types, types, ev.get("attack_type"))
    perps = _gold_list(g.get("perpetrators"))
    if perps is not None:
        keys = ent_keys(ev.get("perpetrators"))
        shown = [entities[x].get("text") for x in ev.get("perpetrators") or [] if x in entities]
        record("perpetrators", bool(keys & _keys(perps)), perps, shown)
    if g.get("killed") is not None:
        killed = (ev.get("casualties") or {}).get("killed")
        record("killed", killed == g["killed"], g["killed"], killed)
    if g.get("date") is not None:
        date_ent = entities.get(ev.get("date")) if ev.get("date") else None
        value = date_ent.get("value") if date_ent else None
        record("date", value == g["date"], g["date"], value)
    heads = _gold_list(g.get("targets"))
    if heads is not None:
        texts = [str(t.get("text", "")).lower() for t in ev.get("targets") or []]
        ok = any(re.search(r"(?<!\w)" + re.escape(str(h).lower()) + r"(?!\w)", t) for h in heads for t in texts)
        record("targets", ok, heads, [t.get("text") for t in ev.get("targets") or []])


def score_document(gold: dict, document: Any, doc_name: str | None = None) -> DocumentScore:
    """Score one system output (a ``schema.Document`` or its JSON dict) against one gold
    annotation dict. Pure: no spaCy, no files."""
    sys_doc = _as_dict(document)
    name = doc_name or Path(str(gold.get("text_file") or sys_doc.get("document", {}).get("source") or "doc")).stem
    score = DocumentScore(doc=name)
    score.errors = list(sys_doc.get("errors") or [])
    _score_entities(name, list(gold.get("entities") or []), list(sys_doc.get("entities") or []), score)
    _score_events(name, gold, sys_doc, score)
    return score


# --------------------------------------------------------------------------- directories


def load_gold_dir(gold_dir: Path) -> list[tuple[Path, dict, Path]]:
    """(gold path, gold dict, text path) for every ``*.gold.json`` in ``gold_dir``, sorted."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: not a directory")
    out = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise EvaluationError(f"{gold_path}: cannot read gold annotation: {exc}") from exc
        if not isinstance(gold, dict):
            raise EvaluationError(f"{gold_path}: gold annotation must be a JSON object")
        text_name = gold.get("text_file") or gold_path.name[: -len(".gold.json")] + ".txt"
        text_path = gold_dir / text_name
        if not text_path.is_file():
            raise EvaluationError(f"{gold_path}: text_file {text_name!r} not found beside it")
        out.append((gold_path, gold, text_path))
    if not out:
        raise EvaluationError(f"{gold_dir}: no *.gold.json files")
    return out


def _read_text(path: Path) -> tuple[str, bytes]:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), data
    except UnicodeDecodeError:
        return data.decode("latin-1"), data


def evaluate_dir(gold_dir: Path, extractor: Any = None) -> EvaluationReport:
    """Run ``extractor`` (an ``extract.Extractor``; built when None) on the text of every
    ``*.gold.json`` in ``gold_dir`` (no reference date: it is inferred) and score it."""
    import hashlib

    items = load_gold_dir(Path(gold_dir))
    if extractor is None:
        from extract.extractor import Extractor

        extractor = Extractor()
    from extract.extractor import InputDocument

    try:  # read exactly as `extract FILE` would (decoding, formats); no reference date is given
        from extract.readers import read_path
    except ImportError:  # pragma: no cover - readers is optional here
        read_path = None
    inputs = []
    for _gold_path, gold, text_path in items:
        if read_path is not None:
            item = read_path(str(text_path))
            item.source = text_path.name
        else:  # pragma: no cover
            text, data = _read_text(text_path)
            item = InputDocument(text=text, source=text_path.name, sha256=hashlib.sha256(data).hexdigest())
        inputs.append(item)
    documents = list(extractor.extract_many(inputs))
    report = EvaluationReport(gold_dir=str(gold_dir))
    for (_gold_path, gold, text_path), document in zip(items, documents):
        report.documents.append(score_document(gold, document, doc_name=text_path.stem))
    return report
