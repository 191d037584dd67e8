"""Doc -> contract objects: mentions clustered into entities with ids, events referencing them.

Clustering rules, in order: one type per surface form (rule-made labels win over the
model's, then the majority); mentions sharing a canonical name, a DATE value or a normalised
surface form are one entity; an acronym defined in brackets after a name ("European Counter
Terrorism Centre (ECTC)") or spelling its initials joins that name; a lone surname joins the
full name it ends. Mention text always comes from the original input, so ``text ==
input[start:end]``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from spacy.tokens import Doc

from extract.attributes import doc_text
from extract.schema import (
    AttackEvent,
    Casualties,
    DateEntity,
    Document,
    DocumentInfo,
    ErrorRecord,
    Evidence,
    ExtractorInfo,
    Mention,
    OrganisationEntity,
    PersonEntity,
    PlaceEntity,
    PublicationEntity,
    TextSpan,
)

ID_PREFIX = {"ORGANISATION": "org", "PUBLICATION": "pub", "DATE": "date", "PLACE": "place", "PERSON": "person"}
ENTITY_MODELS = {
    "ORGANISATION": OrganisationEntity,
    "PUBLICATION": PublicationEntity,
    "DATE": DateEntity,
    "PLACE": PlaceEntity,
    "PERSON": PersonEntity,
}
TYPE_ORDER = ["ORGANISATION", "PUBLICATION", "PERSON", "PLACE", "DATE"]
_SOURCE_RANK = {"pattern": 3, "gazetteer": 2, "rule": 2, "model": 1}
_LEADING_ARTICLE = re.compile(r"^(the|an|a)\s+", re.I)


def normalise_name(text: str) -> str:
    """Case-, article- and possessive-insensitive key of a surface form."""
    t = " ".join(text.split()).strip(" \t\n.,;:!?\"'()[]{}“”‘’")
    t = _LEADING_ARTICLE.sub("", t)
    t = re.sub(r"['’]s$", "", t)
    return t.lower()


def _source_rank(source: str | None) -> int:
    return _SOURCE_RANK.get((source or "model").split(":", 1)[0], 0)


@dataclass
class _Mention:
    start: int
    end: int
    label: str
    source: str
    confidence: float
    canonical: str | None
    kb_id: str | None
    info: dict[str, Any]
    token_start: int

    @property
    def rank(self) -> int:
        return _source_rank(self.source)


@dataclass
class _Cluster:
    label: str
    mentions: list[_Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    def best(self) -> _Mention:
        return max(self.mentions, key=lambda m: (m.rank, m.confidence, m.end - m.start, -m.start))


def _collect_mentions(doc: Doc, text: str) -> list[_Mention]:
    mentions = []
    for ent in doc.ents:
        mentions.append(
            _Mention(
                start=ent.start_char,
                end=ent.end_char,
                label=ent.label_,
                source=ent._.source or f"model:{ent.label_}",
                confidence=float(ent._.confidence if ent._.confidence is not None else 0.7),
                canonical=ent._.canonical,
                kb_id=ent._.kb_id,
                info=dict(ent._.info or {}),
                token_start=ent.start,
            )
        )
    _harmonise_types(mentions, text)
    return mentions


def _harmonise_types(mentions: list[_Mention], text: str) -> None:
    """Give every mention of the same surface form one type (rule-made labels first).

    A one-word model mention that is the surname of a full PERSON name in the document
    ("Harpon" after "Mickaël Harpon") is a PERSON whatever the model said.
    """
    surnames = {
        text[m.start : m.end].split()[-1].lower()
        for m in mentions
        if m.label == "PERSON" and len(text[m.start : m.end].split()) > 1
    }
    for m in mentions:
        surface = text[m.start : m.end]
        if m.label not in ("PERSON", "DATE") and m.rank == 1 and " " not in surface and surface.lower() in surnames:
            m.label, m.info = "PERSON", {}
    by_form: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.label != "DATE":
            by_form[normalise_name(text[m.start : m.end])].append(m)
    for group in by_form.values():
        labels = {m.label for m in group}
        if len(labels) < 2:
            continue
        top_rank = max(m.rank for m in group)
        votes = Counter(m.label for m in group if m.rank == top_rank)
        label = max(votes, key=lambda lab: (votes[lab], -TYPE_ORDER.index(lab)))
        donor = next(m for m in group if m.label == label and m.rank == top_rank)
        for m in group:
            if m.label != label:
                m.label, m.source, m.canonical, m.kb_id, m.info = (
                    label, donor.source, donor.canonical, donor.kb_id, dict(donor.info),
                )


def _cluster_key(m: _Mention, surface: str) -> str:
    if m.label == "DATE":
        value = m.info.get("value")
        return f"value:{value}" if value else f"text:{normalise_name(surface)}"
    if m.canonical:
        return f"canon:{normalise_name(m.canonical)}"
    return f"text:{normalise_name(surface)}"


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def _cluster(mentions: list[_Mention], text: str) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    index: dict[tuple[str, str], _Cluster] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        surface = text[m.start : m.end]
        keys = {_cluster_key(m, surface), f"text:{normalise_name(surface)}"}
        if m.label == "DATE":
            keys = {_cluster_key(m, surface)}
        target = next((index[(m.label, k)] for k in keys if (m.label, k) in index), None)
        if target is None:
            target = _alias_target(m, surface, text, clusters)
        if target is None:
            target = _Cluster(label=m.label)
            clusters.append(target)
        target.mentions.append(m)
        for k in keys:
            index.setdefault((m.label, k), target)
            target.keys.add(k)
    return _merge_aliases(_merge_acronyms(clusters, text), text)


# "X, also known as Y", "X (alias Y)", "Y, the nom de guerre of [SL leader] X", "X (Y)": one entity.
_ALIAS_BETWEEN = re.compile(
    r"""^["”’']?\s*(?:,|\()?\s*(?:also\s+|better\s+)?(?:known\s+as|alias|a\.k\.a\.?|aka|nicknamed|"""
    r"""the\s+(?:nom\s+de\s+guerre|alias|pseudonym|kunya|real\s+name|code\s*name)\s+of(?:\s+[\w-]+){0,3})\s*["“‘']?$""",
    re.IGNORECASE,
)


def _merge_aliases(clusters: list[_Cluster], text: str) -> list[_Cluster]:
    """Merge clusters whose mentions are joined by an alias phrase or a bracket, same type only
    ("the National Public Prosecutor's Office (Landelijk Parket)")."""
    owner: dict[int, _Cluster] = {}
    spans = []
    for c in clusters:
        for m in c.mentions:
            owner[id(m)] = c
            spans.append(m)
    spans.sort(key=lambda m: m.start)
    for a, b in zip(spans, spans[1:]):
        ca, cb = owner[id(a)], owner[id(b)]
        if ca is cb or ca.label != cb.label or ca.label not in ("PERSON", "ORGANISATION"):
            continue
        bracketed = text[a.end : b.start].strip() == "(" and text[b.end : b.end + 1] == ")"
        if not bracketed and (b.start - a.end > 60 or not _ALIAS_BETWEEN.match(text[a.end : b.start])):
            continue
        ca.mentions.extend(cb.mentions)
        ca.keys |= cb.keys
        for m in cb.mentions:
            owner[id(m)] = ca
        cb.mentions = []
    return [c for c in clusters if c.mentions]


def _merge_acronyms(clusters: list[_Cluster], text: str) -> list[_Cluster]:
    """Merge an acronym-only cluster into the cluster of the name it abbreviates ("EU", "European Union")."""
    merged: list[_Cluster] = []
    for c in clusters:
        forms = {text[m.start : m.end] for m in c.mentions}
        acronyms = [f for f in forms if f.isupper() and 2 <= len(f) <= 8 and " " not in f]
        target = None
        if acronyms and len(acronyms) == len(forms):
            target = next(
                (
                    o
                    for o in merged
                    if o.label == c.label
                    and any(
                        len(text[m.start : m.end].split()) > 1 and _initials(text[m.start : m.end]) in acronyms
                        for m in o.mentions
                    )
                ),
                None,
            )
        if target is None:
            for o in merged:
                o_forms = {text[m.start : m.end] for m in o.mentions}
                if o.label == c.label and all(f.isupper() and " " not in f for f in o_forms) and any(
                    len(f.split()) > 1 and _initials(f) in o_forms for f in forms
                ):
                    target = o
                    break
        if target is None:
            merged.append(c)
        else:
            target.mentions.extend(c.mentions)
            target.keys |= c.keys
    return merged


def _alias_target(m: _Mention, surface: str, text: str, clusters: list[_Cluster]) -> _Cluster | None:
    """The earlier cluster this mention is an acronym or surname of, if any."""
    if m.label in ("ORGANISATION", "PUBLICATION") and surface.isupper() and 2 <= len(surface) <= 8:
        before = text[max(0, m.start - 2) : m.start]
        for c in reversed(clusters):
            if c.label != m.label:
                continue
            for other in c.mentions:
                long_form = text[other.start : other.end]
                defined_here = before.endswith("(") and 0 <= m.start - other.end <= 3
                if defined_here or (len(long_form.split()) > 1 and _initials(long_form) == surface):
                    return c
    if m.label == "PERSON" and " " not in surface.strip():
        key = surface.strip().lower()
        for c in clusters:
            if c.label == "PERSON" and any(
                text[o.start : o.end].split()[-1].lower() == key and " " in text[o.start : o.end]
                for o in c.mentions
            ):
                return c
    if m.label == "PERSON" and " " in surface.strip():
        return _short_form_of(surface, text, clusters)
    return None


def _short_form_of(surface: str, text: str, clusters: list[_Cluster]) -> _Cluster | None:
    """The one earlier PERSON whose longer name this two-or-more-word name is a short form of:
    its last words (the two surnames of "Gonzalo Rodriguez Gacha") or its first words ("Pablo
    Escobar" of "Pablo Escobar Gaviria"). None when no or several people fit."""
    words = [w.lower() for w in surface.split()]
    k = len(words)
    fits = []
    for c in clusters:
        if c.label != "PERSON":
            continue
        for o in c.mentions:
            full = [w.lower() for w in text[o.start : o.end].split()]
            if len(full) > k and (full[-k:] == words or (len(full) >= 3 and full[:k] == words)):
                fits.append(c)
                break
    return fits[0] if len(fits) == 1 else None


def _entity_fields(cluster: _Cluster, text: str) -> dict[str, Any]:
    best = cluster.best()
    longest = max(cluster.mentions, key=lambda m: (m.end - m.start, -m.start))
    fields: dict[str, Any] = {
        "text": text[longest.start : longest.end],
        "canonical": best.canonical,
        "kb_id": best.kb_id,
        "confidence": round(min(1.0, max(m.confidence for m in cluster.mentions)), 3),
        "source": best.source,
        "mentions": [
            Mention(start=m.start, end=m.end, text=text[m.start : m.end])
            for m in sorted(cluster.mentions, key=lambda m: m.start)
        ],
    }
    info = best.info
    if cluster.label == "DATE":
        fields.update(value=info.get("value"), granularity=info.get("granularity"))
        fields["canonical"] = fields["canonical"] or info.get("value")
    elif cluster.label == "PLACE":
        for key in ("country_code", "geonames_id", "latitude", "longitude", "feature"):
            fields[key] = info.get(key)
    elif cluster.label == "PERSON":
        titles = [m.info.get("title") for m in cluster.mentions if m.info.get("title")]
        fields["title"] = titles[0] if titles else None
    elif cluster.label == "PUBLICATION":
        for key in ("issue", "date", "kind"):
            fields[key] = next((m.info.get(key) for m in cluster.mentions if m.info.get(key)), None)
    elif cluster.label == "ORGANISATION":
        fields["kind"] = info.get("kind")
    return fields


def _link_by_name(name: str | None, label: str, ids_by_name: dict[tuple[str, str], str]) -> str | None:
    if not name:
        return None
    return ids_by_name.get((label, normalise_name(name)))


def build_entities(doc: Doc, text: str) -> tuple[list[Any], dict[tuple[int, int], str]]:
    """Contract entities and a map from mention offsets to entity ids."""
    mentions = _collect_mentions(doc, text)
    clusters = _cluster(mentions, text)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    counters: Counter[str] = Counter()
    by_offsets: dict[tuple[int, int], str] = {}
    ids_by_name: dict[tuple[str, str], str] = {}
    prepared = []
    for c in clusters:
        counters[c.label] += 1
        eid = f"{ID_PREFIX[c.label]}-{counters[c.label]}"
        fields = _entity_fields(c, text)
        for m in c.mentions:
            by_offsets[(m.start, m.end)] = eid
            ids_by_name.setdefault((c.label, normalise_name(text[m.start : m.end])), eid)
        if fields.get("canonical"):
            ids_by_name.setdefault((c.label, normalise_name(fields["canonical"])), eid)
        prepared.append((c, eid, fields))
    entities = []
    for c, eid, fields in prepared:
        info = c.best().info
        if c.label == "PUBLICATION":
            fields["publisher"] = _link_by_name(info.get("publisher"), "ORGANISATION", ids_by_name)
        elif c.label == "ORGANISATION":
            fields["parent"] = _link_by_name(info.get("parent"), "ORGANISATION", ids_by_name)
        entities.append(ENTITY_MODELS[c.label](id=eid, **fields))
    return entities, by_offsets


def _text_spans(spans: Iterable[dict[str, int]], text: str) -> list[TextSpan]:
    out, seen = [], set()
    for s in spans or []:
        key = (s["start"], s["end"])
        if key not in seen and 0 <= s["start"] < s["end"] <= len(text):
            seen.add(key)
            out.append(TextSpan(text=text[s["start"] : s["end"]], start=s["start"], end=s["end"]))
    return out


def _entity_ids(spans: Iterable[dict[str, int]], by_offsets: dict[tuple[int, int], str]) -> list[str]:
    ids: list[str] = []
    for s in spans or []:
        eid = by_offsets.get((s["start"], s["end"]))
        if eid and eid not in ids:
            ids.append(eid)
    return ids


def build_events(doc: Doc, text: str, by_offsets: dict[tuple[int, int], str]) -> list[AttackEvent]:
    """Contract events from ``doc._.attack_events``, entity offsets mapped to ids."""
    events = []
    for i, ev in enumerate(doc._.attack_events or [], start=1):
        trig = ev["trigger"]
        date = ev.get("date")
        date_ids = _entity_ids([date] if date else [], by_offsets)
        events.append(
            AttackEvent(
                id=f"ev-{i}",
                attack_type=ev.get("attack_type") or "unknown",
                status=ev.get("status") or "carried_out",
                perpetrators=_entity_ids(ev.get("perpetrators"), by_offsets),
                claimed_by=_entity_ids(ev.get("claimed_by"), by_offsets),
                attackers=_text_spans(ev.get("attackers"), text),
                targets=_text_spans(ev.get("targets"), text),
                victims=_text_spans(ev.get("victims"), text),
                locations=_entity_ids(ev.get("locations"), by_offsets),
                date=date_ids[0] if date_ids else None,
                casualties=Casualties(killed=ev.get("killed"), injured=ev.get("injured")),
                weapons=_text_spans(ev.get("weapons"), text),
                trigger=TextSpan(text=text[trig["start"] : trig["end"]], start=trig["start"], end=trig["end"]),
                evidence=[Evidence(start=e["start"], end=e["end"]) for e in ev.get("evidence") or []],
                confidence=round(float(ev.get("confidence", 0.5)), 3),
                source=ev.get("source") or "events",
            )
        )
    return events


def assemble_document(
    doc: Doc,
    *,
    text: str,
    doc_id: str,
    source: str,
    sha256: str,
    extractor_version: str,
    model: str,
    read_errors: Iterable[dict[str, str]] = (),
) -> Document:
    """The contract Document for one processed Doc; ``text`` is the original input."""
    if len(doc_text(doc)) != len(text):
        raise ValueError("processed text and input text differ in length; offsets would not map")
    entities, by_offsets = build_entities(doc, text)
    events = build_events(doc, text, by_offsets)
    errors = [ErrorRecord(**e) for e in list(read_errors) + list(doc._.extract_errors or [])]
    return Document(
        document=DocumentInfo(
            id=doc_id, source=source, sha256=sha256, chars=len(text), reference_date=doc._.reference_date
        ),
        extractor=ExtractorInfo(version=extractor_version, model=model),
        entities=entities,
        events=events,
        errors=errors,
    )


__all__ = ["assemble_document", "build_entities", "build_events", "normalise_name"]
