"""extract_events: a strike, the noun, is a stoppage of work, not an attack; the verb "strike" is one.

"A general strike", "the judges' strike", "a transportation strike" are stoppages of work, which the
attack lexicon does not read as attacks (so a day that dates a strike makes no attack of it); guerrillas who
"struck" a post attacked it. An "armed strike" (a stoppage imposed under threat of death) keeps its own entry.
"""

from __future__ import annotations

import pytest

SAN_SALVADOR = "SAN SALVADOR, 30 OCT 89 (ACAN-EFE) -- [TEXT] "


@pytest.mark.parametrize(
    "text, triggers",
    [
        # a stoppage of work is no attack
        (SAN_SALVADOR + "SEVERAL LEFTWING PARTIES AND LABOR UNIONS HAVE SCHEDULED A GENERAL STRIKE ON 1 NOVEMBER.", []),
        (SAN_SALVADOR + "JUDGES AND JUDICIAL EMPLOYEES TODAY LIFTED THE STRIKE THEY BEGAN ON 17 OCTOBER.", []),
        (SAN_SALVADOR + "THE STRIKE, WHICH BEGAN ON 3 OCTOBER, IS TO DEMAND MORE PROTECTION FOR JUDGES.", []),
        # the verb is an attack
        (SAN_SALVADOR + "THE GUERRILLAS STRUCK THE NATIONAL POLICE POST IN SOYAPANGO YESTERDAY.", ["STRUCK"]),
        # an armed strike keeps its own entry
        (SAN_SALVADOR + "THE SHINING PATH HAS CALLED AN ARMED STRIKE IN LIMA FOR TOMORROW.", ["ARMED STRIKE"]),
    ],
)
def test_strike_noun_is_no_attack(text, triggers, attack_events):
    assert [e["trigger"] for e in attack_events(text)] == triggers
