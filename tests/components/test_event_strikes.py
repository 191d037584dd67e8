"""extract_events: a strike, the noun, is a stoppage of work, not an attack; the verb "strike" is one.

"A general strike", "the judges' strike", "a transportation strike" are stoppages of work, which the
attack lexicon does not read as attacks (so a day that dates a strike makes no attack of it); guerrillas who
"struck" a post attacked it. An "armed strike" (a stoppage imposed under threat of death) keeps its own entry,
and so does a strike named by its means ("a drone strike", "a missile strike").
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
        # a strike named by its means is an attack
        ("MOGADISHU, 3 Mar 2020 (AFP) -- A drone strike killed five al-Shabaab fighters near Jilib on Tuesday.",
         ["drone strike"]),
        ("IDLIB, 4 May 2019 (AFP) -- A missile strike destroyed the police station in Maarat al-Numan on Saturday.",
         ["missile strike"]),
    ],
)
def test_strike_noun_is_no_attack(text, triggers, attack_events):
    assert [e["trigger"] for e in attack_events(text)] == triggers
