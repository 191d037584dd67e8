"""Named victims of attack events (real pipeline, wire-report prose): lists of coordinated or
apposed names."""

from __future__ import annotations

import pytest


def victims(nlp, text: str) -> list[list[str]]:
    doc = nlp(text)
    return [[text[v["start"]:v["end"]] for v in e["victims"]] for e in doc._.attack_events]


@pytest.mark.parametrize(
    "text, named, not_named",
    [
        # a generic victim phrase with the names in apposition, coordinated
        ("Soldiers at a checkpoint in Santa Ana killed three students, Mario Lopez, Jose Rivas and Ana Cruz, on Sunday.",
         ["Mario Lopez", "Jose Rivas", "Ana Cruz"], []),
        # a name's own apposition names a relative, who is not a victim
        ("Gunmen murdered Alberto Ruiz, the son of former senator Manuel Ruiz, in Cali on Friday.",
         ["Alberto Ruiz"], ["Manuel Ruiz"]),
    ],
)
def test_named_victims(nlp, text, named, not_named):
    evs = victims(nlp, text)
    assert len(evs) == 1, evs
    for name in named:
        assert name in evs[0], (name, evs)
    for name in not_named:
        assert name not in evs[0], (name, evs)
