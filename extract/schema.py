"""Pydantic models of the output contract (schema_version "1"); `extract schema` is generated from here."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntityType(str, Enum):
    ORGANISATION = "ORGANISATION"
    PUBLICATION = "PUBLICATION"
    DATE = "DATE"
    PLACE = "PLACE"
    PERSON = "PERSON"


class AttackType(str, Enum):
    bombing = "bombing"
    suicide_bombing = "suicide_bombing"
    shooting = "shooting"
    stabbing = "stabbing"
    vehicle_ramming = "vehicle_ramming"
    arson = "arson"
    kidnapping = "kidnapping"
    hostage_taking = "hostage_taking"
    hijacking = "hijacking"
    assassination = "assassination"
    armed_assault = "armed_assault"
    cyber = "cyber"
    unknown = "unknown"


class EventStatus(str, Enum):
    carried_out = "carried_out"
    attempted = "attempted"
    prevented = "prevented"
    planned = "planned"
    threatened = "threatened"


class TextSpan(_Model):
    """A stretch of the input text: `text == input[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Evidence(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class _EntityBase(_Model):
    id: str
    text: str = Field(description="The most complete surface form.")
    canonical: str | None = Field(None, description="Normalised name.")
    kb_id: str | None = Field(None, description="Wikidata QID where known.")
    mentions: list[Mention]
    confidence: float = Field(ge=0.0, le=1.0)
    source: str = Field(description="What produced it: 'pattern:<rule id>', 'model:<label>', ...")


class OrganisationEntity(_EntityBase):
    type: Literal["ORGANISATION"] = "ORGANISATION"
    kind: str | None = Field(None, description="armed_group, state_agency, ... from the pattern file.")
    parent: str | None = Field(None, description="Entity id of the parent organisation of a branch.")


class PublicationEntity(_EntityBase):
    type: Literal["PUBLICATION"] = "PUBLICATION"
    publisher: str | None = Field(None, description="Entity id of the publisher.")
    issue: str | None = None
    date: str | None = Field(None, description="ISO 8601 date of the cited issue or item.")
    kind: str | None = None


class DateEntity(_EntityBase):
    type: Literal["DATE"] = "DATE"
    value: str | None = Field(None, description="ISO 8601: 2016-10-04, 2016-10, 2016 or an interval a/b.")
    granularity: str | None = Field(None, description="day | month | year | interval | season | ...")


class PlaceEntity(_EntityBase):
    type: Literal["PLACE"] = "PLACE"
    country_code: str | None = Field(None, description="ISO 3166-1 alpha-2 of the country it lies in.")
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: str | None = Field(None, description="country | city | admin | region | continent | facility | ...")


class PersonEntity(_EntityBase):
    type: Literal["PERSON"] = "PERSON"
    title: str | None = Field(None, description="Title or rank stripped from the name ('Colonel').")


Entity = Annotated[
    Union[OrganisationEntity, PublicationEntity, DateEntity, PlaceEntity, PersonEntity],
    Field(discriminator="type"),
]


class Casualties(_Model):
    killed: int | None = None
    injured: int | None = None


class AttackEvent(_Model):
    id: str
    type: Literal["ATTACK"] = "ATTACK"
    attack_type: AttackType
    status: EventStatus
    perpetrators: list[str] = Field(default_factory=list, description="Entity ids.")
    claimed_by: list[str] = Field(default_factory=list, description="Entity ids.")
    attackers: list[TextSpan] = Field(default_factory=list)
    targets: list[TextSpan] = Field(default_factory=list)
    victims: list[TextSpan] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list, description="PLACE entity ids.")
    date: str | None = Field(None, description="DATE entity id.")
    casualties: Casualties = Field(default_factory=Casualties)
    weapons: list[TextSpan] = Field(default_factory=list)
    trigger: TextSpan
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    source: str = Field("events", description="Component and rule ids that produced the event.")


class DocumentInfo(_Model):
    id: str = Field(description="Stable id derived from the content hash.")
    source: str
    sha256: str = Field(description="SHA-256 of the input bytes.")
    chars: int
    reference_date: str | None = None


class ExtractorInfo(_Model):
    name: str = "extract"
    version: str
    model: str


class ErrorRecord(_Model):
    code: str
    message: str


class Document(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    document: DocumentInfo
    extractor: ExtractorInfo
    entities: list[Entity] = Field(default_factory=list)
    events: list[AttackEvent] = Field(default_factory=list)
    errors: list[ErrorRecord] = Field(default_factory=list)


def json_schema() -> dict:
    """The JSON Schema of one output document object."""
    return Document.model_json_schema()
