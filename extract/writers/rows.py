"""Flattens a contract Document into relational rows (shared by the csv and sqlite writers).

Tables (one row per item, every row keyed by ``document_id``):

* ``documents``: one row per document (counts, errors as JSON);
* ``entities``: one row per entity, type-specific fields as columns (null where they do
  not apply), fields unknown to this version of the writer in ``extra`` (JSON);
* ``mentions``: one row per mention of an entity;
* ``events``: one row per attack event (trigger and casualties flattened);
* ``event_roles``: one row per participant of an event: ``perpetrator``, ``claimed_by``,
  ``location`` (``entity_id`` set) and ``attacker``, ``target``, ``victim``, ``weapon``,
  ``evidence`` (``text``/``start``/``end`` set), numbered by ``position`` within the role.
"""

from __future__ import annotations

import json
from typing import Any

from extract.schema import Document

DOCUMENT_COLUMNS = (
    "document_id", "source", "sha256", "chars", "reference_date", "schema_version",
    "extractor_name", "extractor_version", "model", "entity_count", "event_count",
    "error_count", "errors",
)
ENTITY_COLUMNS = (
    "document_id", "entity_id", "type", "text", "canonical", "kb_id", "confidence", "source",
    "mention_count", "kind", "parent", "publisher", "issue", "date", "value", "granularity",
    "country_code", "geonames_id", "latitude", "longitude", "feature", "title", "extra",
)
MENTION_COLUMNS = ("document_id", "entity_id", "start", "end", "text")
EVENT_COLUMNS = (
    "document_id", "event_id", "type", "attack_type", "status", "date", "killed", "injured",
    "confidence", "source", "trigger_text", "trigger_start", "trigger_end", "extra",
)
EVENT_ROLE_COLUMNS = ("document_id", "event_id", "role", "position", "entity_id", "text", "start", "end")

TABLES: dict[str, tuple[str, ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "events": EVENT_COLUMNS,
    "event_roles": EVENT_ROLE_COLUMNS,
}

_ENTITY_CORE = {"id", "type", "text", "canonical", "kb_id", "confidence", "source", "mentions"}
_EVENT_CORE = {
    "id", "type", "attack_type", "status", "date", "casualties", "confidence", "source", "trigger",
    "perpetrators", "claimed_by", "locations", "attackers", "targets", "victims", "weapons", "evidence",
}
ENTITY_REF_ROLES = (("perpetrators", "perpetrator"), ("claimed_by", "claimed_by"), ("locations", "location"))
SPAN_ROLES = (
    ("attackers", "attacker"), ("targets", "target"), ("victims", "victim"),
    ("weapons", "weapon"), ("evidence", "evidence"),
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def document_rows(document: Document) -> dict[str, list[dict[str, Any]]]:
    """All rows of one document, by table name, in a deterministic order."""
    d = document.model_dump(mode="json")
    doc_id = d["document"]["id"]
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["documents"].append({
        "document_id": doc_id,
        "source": d["document"]["source"],
        "sha256": d["document"]["sha256"],
        "chars": d["document"]["chars"],
        "reference_date": d["document"].get("reference_date"),
        "schema_version": d["schema_version"],
        "extractor_name": d["extractor"]["name"],
        "extractor_version": d["extractor"]["version"],
        "model": d["extractor"]["model"],
        "entity_count": len(d["entities"]),
        "event_count": len(d["events"]),
        "error_count": len(d["errors"]),
        "errors": _json(d["errors"]),
    })
    entity_fields = set(ENTITY_COLUMNS)
    for ent in d["entities"]:
        row = {col: None for col in ENTITY_COLUMNS}
        row.update(document_id=doc_id, entity_id=ent["id"], mention_count=len(ent["mentions"]))
        extra = {}
        for key, value in ent.items():
            if key == "id" or key == "mentions":
                continue
            if key in entity_fields and key not in ("document_id", "entity_id", "extra", "mention_count"):
                row[key] = value
            else:
                extra[key] = value
        row["extra"] = _json(extra) if extra else None
        rows["entities"].append(row)
        for m in ent["mentions"]:
            rows["mentions"].append(
                {"document_id": doc_id, "entity_id": ent["id"], "start": m["start"], "end": m["end"], "text": m["text"]}
            )
    for ev in d["events"]:
        trigger = ev.get("trigger") or {}
        casualties = ev.get("casualties") or {}
        extra = {k: v for k, v in ev.items() if k not in _EVENT_CORE}
        rows["events"].append({
            "document_id": doc_id,
            "event_id": ev["id"],
            "type": ev.get("type"),
            "attack_type": ev.get("attack_type"),
            "status": ev.get("status"),
            "date": ev.get("date"),
            "killed": casualties.get("killed"),
            "injured": casualties.get("injured"),
            "confidence": ev.get("confidence"),
            "source": ev.get("source"),
            "trigger_text": trigger.get("text"),
            "trigger_start": trigger.get("start"),
            "trigger_end": trigger.get("end"),
            "extra": _json(extra) if extra else None,
        })
        for key, role in ENTITY_REF_ROLES:
            for pos, entity_id in enumerate(ev.get(key) or []):
                rows["event_roles"].append({
                    "document_id": doc_id, "event_id": ev["id"], "role": role, "position": pos,
                    "entity_id": entity_id, "text": None, "start": None, "end": None,
                })
        for key, role in SPAN_ROLES:
            for pos, span in enumerate(ev.get(key) or []):
                rows["event_roles"].append({
                    "document_id": doc_id, "event_id": ev["id"], "role": role, "position": pos,
                    "entity_id": None, "text": span.get("text"), "start": span.get("start"), "end": span.get("end"),
                })
    return rows
