"""Closed-class head nouns that end the names of places, facilities and institutions.

Shared by the place scanner (``components/places.py``: "the town of X", "X Airport") and the
recaser (``casing.py``: such a head never ends a person's name: "Jose Maria Garcia Institute").
"""

from __future__ import annotations

PLACE_NOUNS = frozenset(
    {"town", "city", "village", "district", "area", "region", "province", "state", "capital", "suburb", "island",
     "neighbourhood", "neighborhood", "municipality", "department"}
)
FACILITY_HEADS = frozenset(
    {
        "airport", "station", "street", "square", "road", "avenue", "bridge", "building", "church", "cathedral",
        "mosque", "synagogue", "temple", "market", "memorial", "hotel", "embassy", "base", "camp", "prison",
        "stadium", "hospital", "school", "university", "port", "harbour", "harbor", "palace", "museum",
        "underground", "subway", "metro", "plaza", "park", "centre", "center", "mall", "barracks", "checkpoint",
        "highway", "boulevard", "tower", "courthouse", "headquarters", "consulate", "parliament",
    }
)
INSTITUTION_HEADS = frozenset(
    {"institute", "bank", "foundation", "company", "party", "front", "union", "group", "office", "house", "farm",
     "academy", "college", "council", "ministry", "movement", "command", "battalion", "brigade", "army", "club"}
)
