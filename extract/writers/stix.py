"""``--format stix``: ONE STIX 2.1 bundle per run (built with the ``stix2`` library).

Objects per document (ids are UUIDv5 of the document's sha256 and the item's content, and
``created``/``modified`` are the document's reference date at midnight UTC, or the Unix
epoch when it has none: exporting the same reports again gives byte-identical output):

=====================================  =====================================================
extract                                STIX 2.1
=====================================  =====================================================
the document                           ``report`` (name = source, ``published`` = reference
                                       date or 1970-01-01, ``object_refs`` = every object
                                       below; errors are listed in its description)
ORGANISATION, perpetrator of cyber     ``intrusion-set`` (aliases = other surface forms)
events only
ORGANISATION, kind terrorist_group /   ``threat-actor`` (aliases; threat_actor_types
armed_group, or perpetrator of an      ``terrorist`` for terrorist groups, else ``unknown``)
event
other ORGANISATION                     ``identity`` (identity_class ``organization``)
PERSON                                 ``identity`` (identity_class ``individual``)
PUBLICATION                            ``identity`` (identity_class ``organization``; the
                                       outlet that publishes it; kind/issue/date/publisher
                                       in the description)
PLACE                                  ``location`` (country, latitude/longitude, region from
                                       the region-ov vocabulary where the name is one, GeoNames
                                       ``external_references``)
DATE                                   no object (STIX has none); an event's date goes into
                                       the incident's extension
attack event                           ``incident`` + the property extension below
event perpetrator                      ``relationship`` incident ``attributed-to`` actor
event location                         ``relationship`` incident ``located-at`` location
perpetrator x location of an event     ``relationship`` threat-actor/intrusion-set
                                       ``targets`` location (spec-suggested)
=====================================  =====================================================

``attributed-to`` and ``located-at`` are verbs of the spec's relationship vocabulary
(campaign/intrusion-set ``attributed-to`` threat-actor, X ``located-at`` location); STIX 2.1
suggests no relationships for the (stub) incident object, so these pairings are the closest
spec verbs. ``targets`` threat-actor/intrusion-set -> location is spec-suggested.

Wikidata ids (``kb_id``) become ``external_references`` (source ``wikidata``).

The attack-event extension (one ``extension-definition`` object per bundle, created by an
``identity`` for the extract tool; both have fixed ids and timestamps) is a
``property-extension`` on ``incident`` with: ``event_id``, ``document_id``,
``attack_type``, ``status``, ``date`` (ISO value), ``date_text``, ``killed``, ``injured``,
``trigger_text``, ``trigger_start``, ``trigger_end``, ``attackers``, ``targets``,
``victims``, ``weapons`` (surface texts), ``perpetrator_refs``, ``claimed_by_refs``,
``location_refs`` (STIX ids), ``confidence`` (0..1) and ``rule`` (the producing rules).
Absent values are omitted (STIX forbids nulls and empty lists).

Objects are collected in memory and the bundle is written when the writer closes (to a
file, atomically, or to stdout).
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import stix2

from extract.schema import Document
from extract.writers import Writer, write_whole

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:extract:stix")
EPOCH = "1970-01-01T00:00:00.000Z"
TOOL_TIMESTAMP = "2024-01-01T00:00:00.000Z"  # fixed: the tool identity / extension definition

TOOL_IDENTITY_ID = f"identity--{uuid.uuid5(NAMESPACE, 'tool:extract')}"
EXTENSION_ID = f"extension-definition--{uuid.uuid5(NAMESPACE, 'extension:attack-event:1.0')}"
EXTENSION_SCHEMA = (
    "extract attack-event property extension for incident (plain-text definition; see "
    "extract/writers/stix.py): event_id, document_id, attack_type (bombing, suicide_bombing, "
    "shooting, stabbing, vehicle_ramming, arson, kidnapping, hostage_taking, hijacking, "
    "assassination, armed_assault, cyber, unknown), status (carried_out, attempted, prevented, "
    "planned, threatened), date (ISO 8601 value), date_text, killed, injured (integers), "
    "trigger_text, trigger_start, trigger_end (character offsets into the report), attackers, "
    "targets, victims, weapons (surface texts), perpetrator_refs, claimed_by_refs, location_refs "
    "(STIX ids), confidence (0..1), rule (the extraction rules that produced the event)."
)

ARMED_KINDS = frozenset({"terrorist_group", "armed_group"})

# STIX 2.1 region-ov values, keyed by normalised place names.
REGIONS: dict[str, str] = {
    "africa": "africa",
    "eastern africa": "eastern-africa",
    "east africa": "eastern-africa",
    "middle africa": "middle-africa",
    "central africa": "middle-africa",
    "northern africa": "northern-africa",
    "north africa": "northern-africa",
    "southern africa": "southern-africa",
    "western africa": "western-africa",
    "west africa": "western-africa",
    "americas": "americas",
    "the americas": "americas",
    "caribbean": "caribbean",
    "central america": "central-america",
    "latin america": "latin-america-caribbean",
    "latin america and the caribbean": "latin-america-caribbean",
    "northern america": "northern-america",
    "north america": "northern-america",
    "south america": "south-america",
    "asia": "asia",
    "central asia": "central-asia",
    "eastern asia": "eastern-asia",
    "east asia": "eastern-asia",
    "southern asia": "southern-asia",
    "south asia": "southern-asia",
    "south-eastern asia": "south-eastern-asia",
    "southeast asia": "south-eastern-asia",
    "south east asia": "south-eastern-asia",
    "western asia": "western-asia",
    "europe": "europe",
    "eastern europe": "eastern-europe",
    "northern europe": "northern-europe",
    "southern europe": "southern-europe",
    "western europe": "western-europe",
    "antarctica": "antarctica",
    "oceania": "oceania",
    "australia and new zealand": "australia-new-zealand",
    "melanesia": "melanesia",
    "micronesia": "micronesia",
    "polynesia": "polynesia",
}


def stix_timestamp(reference_date: str | None) -> str:
    """Midnight UTC of the reference date (``YYYY-MM-DD``), else the Unix epoch."""
    if reference_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", reference_date):
        return f"{reference_date}T00:00:00.000Z"
    return EPOCH


def stix_id(kind: str, *parts: Any) -> str:
    """A deterministic STIX id: UUIDv5 of the parts under extract's namespace."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join(str(p) for p in parts))}"


def _key(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _wikidata(kb_id: str | None) -> list[dict[str, str]]:
    if kb_id and re.fullmatch(r"Q\d+", kb_id):
        return [{"source_name": "wikidata", "external_id": kb_id, "url": f"https://www.wikidata.org/wiki/{kb_id}"}]
    return []


def _label(value: str) -> str:
    return value.replace("_", " ")


def tool_objects() -> list[Any]:
    """The extract tool identity and the attack-event extension definition (fixed)."""
    tool = stix2.Identity(
        id=TOOL_IDENTITY_ID,
        created=TOOL_TIMESTAMP,
        modified=TOOL_TIMESTAMP,
        name="extract",
        identity_class="system",
        description="extract: entities and attack events from security and counter-terrorism reports.",
    )
    extension = stix2.ExtensionDefinition(
        id=EXTENSION_ID,
        created=TOOL_TIMESTAMP,
        modified=TOOL_TIMESTAMP,
        created_by_ref=TOOL_IDENTITY_ID,
        name="extract attack event",
        description="Attack-event properties of an incident extracted from a report by extract.",
        schema=EXTENSION_SCHEMA,
        version="1.0",
        extension_types=["property-extension"],
    )
    return [tool, extension]


def document_objects(document: Document) -> list[Any]:
    """The STIX objects of one document, report last."""
    info = document.document
    ts = stix_timestamp(info.reference_date)
    common = {"created": ts, "modified": ts, "created_by_ref": TOOL_IDENTITY_ID}
    digest = info.sha256

    # which organisations perpetrate which kinds of events
    perp_types: dict[str, set[str]] = {}
    for ev in document.events:
        for ref in ev.perpetrators:
            perp_types.setdefault(ref, set()).add(ev.attack_type.value)

    objects: list[Any] = []
    refs: dict[str, str] = {}  # entity id -> STIX id
    kinds: dict[str, str] = {}  # entity id -> STIX type
    used: set[str] = set()

    def make_id(kind: str, entity: Any) -> str:
        sid = stix_id(kind, digest, entity.type, _key(entity.canonical or entity.text))
        if sid in used:  # two entities with one name: tell them apart by their first mention
            first = entity.mentions[0].start if entity.mentions else entity.id
            sid = stix_id(kind, digest, entity.type, _key(entity.canonical or entity.text), first)
        used.add(sid)
        return sid

    for entity in document.entities:
        name = entity.canonical or entity.text
        conf = int(round(entity.confidence * 100))
        ext_refs = _wikidata(entity.kb_id)
        aliases = sorted(({m.text for m in entity.mentions} | {entity.text}) - {name}, key=lambda s: (s.lower(), s))
        obj: Any = None
        if entity.type == "ORGANISATION":
            kinds_done = perp_types.get(entity.id, set())
            extra: dict[str, Any] = {}
            if aliases:
                extra["aliases"] = aliases
            if ext_refs:
                extra["external_references"] = ext_refs
            desc = [f"Organisation ({_label(entity.kind)})" if entity.kind else "Organisation"]
            if entity.parent:
                parent = next((e for e in document.entities if e.id == entity.parent), None)
                if parent is not None:
                    desc.append(f"branch of {parent.canonical or parent.text}")
            description = ", ".join(desc) + "."
            if kinds_done and kinds_done == {"cyber"}:
                obj = stix2.IntrusionSet(
                    id=make_id("intrusion-set", entity), name=name, description=description,
                    confidence=conf, **extra, **common,
                )
            elif entity.kind in ARMED_KINDS or kinds_done:
                obj = stix2.ThreatActor(
                    id=make_id("threat-actor", entity), name=name, description=description,
                    threat_actor_types=["terrorist" if entity.kind == "terrorist_group" else "unknown"],
                    confidence=conf, **extra, **common,
                )
            else:
                obj = stix2.Identity(
                    id=make_id("identity", entity), name=name, identity_class="organization",
                    description=description, confidence=conf,
                    **({"external_references": ext_refs} if ext_refs else {}), **common,
                )
        elif entity.type == "PERSON":
            desc = "Person" + (f" ({entity.title})" if entity.title else "") + "."
            obj = stix2.Identity(
                id=make_id("identity", entity), name=name, identity_class="individual",
                description=desc, confidence=conf,
                **({"external_references": ext_refs} if ext_refs else {}), **common,
            )
        elif entity.type == "PUBLICATION":
            desc = [f"Publication ({_label(entity.kind)})" if entity.kind else "Publication"]
            if entity.issue:
                desc.append(f"issue {entity.issue}")
            if entity.date:
                desc.append(f"dated {entity.date}")
            if entity.publisher:
                pub = next((e for e in document.entities if e.id == entity.publisher), None)
                if pub is not None:
                    desc.append(f"published by {pub.canonical or pub.text}")
            obj = stix2.Identity(
                id=make_id("identity", entity), name=name, identity_class="organization",
                description=", ".join(desc) + ", cited in the report.", confidence=conf,
                **({"external_references": ext_refs} if ext_refs else {}), **common,
            )
        elif entity.type == "PLACE":
            obj = _location(entity, name, conf, ext_refs, make_id, common)
        # DATE: no STIX object
        if obj is not None:
            refs[entity.id] = obj.id
            kinds[entity.id] = obj.type
            objects.append(obj)

    relationships: dict[str, Any] = {}

    def relate(source: str, verb: str, target: str, description: str) -> None:
        rid = stix_id("relationship", source, verb, target)
        if rid not in relationships:
            relationships[rid] = stix2.Relationship(
                id=rid, relationship_type=verb, source_ref=source, target_ref=target,
                description=description, **common,
            )

    dates = {e.id: e for e in document.entities if e.type == "DATE"}
    places = {e.id: e for e in document.entities if e.type == "PLACE"}
    for ev in document.events:
        incident_id = stix_id("incident", digest, "event", ev.trigger.start, ev.trigger.end, ",".join(
            _key(places[p].canonical or places[p].text) for p in ev.locations if p in places
        ), ev.attack_type.value, ev.status.value)
        if incident_id in used:
            incident_id = stix_id("incident", digest, "event", ev.id)
        used.add(incident_id)
        props: dict[str, Any] = {
            "extension_type": "property-extension",
            "event_id": ev.id,
            "document_id": info.id,
            "attack_type": ev.attack_type.value,
            "status": ev.status.value,
            "trigger_text": ev.trigger.text,
            "trigger_start": ev.trigger.start,
            "trigger_end": ev.trigger.end,
            "confidence": ev.confidence,
            "rule": ev.source,
        }
        date = dates.get(ev.date) if ev.date else None
        if date is not None:
            if date.value:
                props["date"] = date.value
            props["date_text"] = date.text
        if ev.casualties.killed is not None:
            props["killed"] = ev.casualties.killed
        if ev.casualties.injured is not None:
            props["injured"] = ev.casualties.injured
        for role in ("attackers", "targets", "victims", "weapons"):
            texts = [s.text for s in getattr(ev, role)]
            if texts:
                props[role] = list(dict.fromkeys(texts))
        for role, ids in (("perpetrator_refs", ev.perpetrators), ("claimed_by_refs", ev.claimed_by),
                          ("location_refs", ev.locations)):
            stix_refs = [refs[i] for i in ids if i in refs]
            if stix_refs:
                props[role] = list(dict.fromkeys(stix_refs))
        where = [places[p].canonical or places[p].text for p in ev.locations if p in places]
        title = _label(ev.attack_type.value).capitalize() if ev.attack_type.value != "unknown" else "Attack"
        name = f"{title} ({_label(ev.status.value)})" + (f" in {', '.join(where)}" if where else "")
        description = f"{ev.id} of {info.source}: trigger {ev.trigger.text!r}"
        if date is not None:
            description += f", date {date.value or date.text}"
        incident = stix2.Incident(
            id=incident_id, name=name, description=description + ".",
            confidence=int(round(ev.confidence * 100)), extensions={EXTENSION_ID: props}, **common,
        )
        objects.append(incident)
        for perp in ev.perpetrators:
            if perp in refs:
                claimed = " (claimed)" if perp in ev.claimed_by else ""
                relate(incident_id, "attributed-to", refs[perp], f"{ev.id}: perpetrator{claimed}")
        for loc in ev.locations:
            if loc in refs:
                relate(incident_id, "located-at", refs[loc], f"{ev.id}: location")
        for perp in ev.perpetrators:
            if kinds.get(perp) in ("threat-actor", "intrusion-set"):
                for loc in ev.locations:
                    if loc in refs:
                        relate(refs[perp], "targets", refs[loc], f"derived from {ev.id} of {info.source}")

    objects.extend(relationships.values())
    report_refs = [o.id for o in objects] or [TOOL_IDENTITY_ID]
    lines = [f"extract {document.extractor.version} ({document.extractor.model}) output for {info.source}"
             f" (document {info.id}, sha256 {info.sha256}, {info.chars} characters)."]
    if not info.reference_date:
        lines.append("No reference date: 'published' is the Unix epoch.")
    for err in document.errors:
        lines.append(f"Error {err.code}: {err.message}")
    report = stix2.Report(
        id=stix_id("report", digest),
        name=info.source,
        description="\n".join(lines),
        report_types=["threat-report"],
        published=f"{info.reference_date}T00:00:00Z" if ts != EPOCH else "1970-01-01T00:00:00Z",
        object_refs=report_refs,
        external_references=[{"source_name": "extract", "external_id": info.id,
                              "hashes": {"SHA-256": info.sha256}}],
        **common,
    )
    objects.append(report)
    return objects


def _location(entity: Any, name: str, conf: int, ext_refs: list, make_id, common: dict) -> Any:
    props: dict[str, Any] = {}
    if entity.country_code and re.fullmatch(r"[A-Z]{2}", entity.country_code):
        props["country"] = entity.country_code
    if entity.latitude is not None and entity.longitude is not None:
        props["latitude"] = entity.latitude
        props["longitude"] = entity.longitude
    region = REGIONS.get(_key(name).removeprefix("the ")) or REGIONS.get(_key(entity.text).removeprefix("the "))
    if region:
        props["region"] = region
    if not props:
        # a location needs a region, a country or coordinates; region is an open vocabulary
        props["region"] = re.sub(r"[^a-z0-9]+", "-", _key(name).removeprefix("the ")).strip("-") or "unknown"
    refs = list(ext_refs)
    if entity.geonames_id:
        refs.insert(0, {"source_name": "geonames", "external_id": str(entity.geonames_id),
                        "url": f"https://www.geonames.org/{entity.geonames_id}"})
    desc = f"Place ({entity.feature})." if entity.feature else "Place."
    return stix2.Location(
        id=make_id("location", entity), name=name, description=desc, confidence=conf,
        **props, **({"external_references": refs} if refs else {}), **common,
    )


def bundle_json(documents: list[Document]) -> str:
    """The STIX 2.1 bundle of some documents as JSON text (no trailing newline)."""
    objects: list[Any] = list(tool_objects())
    seen = {o.id for o in objects}
    for document in documents:
        for obj in document_objects(document):
            if obj.id not in seen:  # the same report given twice: one copy
                seen.add(obj.id)
                objects.append(obj)
    return _bundle(objects, [d.document.sha256 for d in documents])


def _bundle(objects: list[Any], digests: list[str]) -> str:
    bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, 'bundle|' + '|'.join(digests))}"
    return stix2.Bundle(objects=objects, id=bundle_id, allow_custom=False).serialize(pretty=True)


class StixWriter(Writer):
    format = "stix"

    def __init__(self, output: Path | None, *, resume: bool = False) -> None:
        super().__init__(output, resume=resume)
        self._objects: list[Any] = list(tool_objects())
        self._seen = {o.id for o in self._objects}
        self._digests: list[str] = []

    def write(self, document: Document, text: str | None = None) -> None:
        self._digests.append(document.document.sha256)
        for obj in document_objects(document):
            if obj.id not in self._seen:
                self._seen.add(obj.id)
                self._objects.append(obj)

    def close(self) -> None:
        if self.closed:
            return
        data = (_bundle(self._objects, self._digests) + "\n").encode("utf-8")
        super().close()
        write_whole(self.output, data)


__all__ = ["StixWriter", "bundle_json", "document_objects", "stix_id", "tool_objects", "EXTENSION_ID"]
