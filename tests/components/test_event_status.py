"""The status of an attack: a cue of an act not done yet (threat, promise, announcement, plan) does not
hold over a clause that tells a past act, nor over an action taken about the attack ("promised to
investigate the murder") (real pipeline)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        # an announcement of a past act reports it
        ("BOGOTA, 3 OCT 89 -- The authorities announced that Bishop Jesus Emilio Jaramillo was murdered in Arauca.",
         [("assassination", "carried_out")]),
        ("BOGOTA, 3 OCT 89 -- The ELN announced that it had kidnapped the engineer Carlos Ruiz in Arauca.",
         [("kidnapping", "carried_out")]),
        # a threat of an act to come stays one
        ("BOGOTA, 3 OCT 89 -- The Extraditables threatened to kill ten judges in Medellin.",
         [("armed_assault", "threatened")]),
        ("BOGOTA, 3 OCT 89 -- The ELN threatened to kidnap the mayor of Arauca.",
         [("kidnapping", "threatened")]),
        # a promise or a demand of an action about the attack (investigating, punishing it) reports the attack
        ("BOGOTA, 3 OCT 89 -- President Barco promised to investigate the murder of Judge Carlos Ruiz in Medellin.",
         [("assassination", "carried_out")]),
        ("BOGOTA, 3 OCT 89 -- The bishop called for the punishment of the killers of the mayor of Arauca.",
         []),
        ("LIMA, 3 JAN 90 -- The government vowed to solve the kidnapping of the engineer Carlos Ruiz in Arauca.",
         [("kidnapping", "carried_out")]),
        # the promise of the attack itself stays a threat
        ("LIMA, 3 JAN 90 -- The Shining Path vowed to kidnap the engineer Carlos Ruiz in Arauca.",
         [("kidnapping", "threatened")]),
    ],
)
def test_cue_of_an_act_to_come_holds_only_over_the_act_to_come(text, expected, attack_events):
    got = attack_events(text)
    assert [(e["attack_type"], e["status"]) for e in got] == expected
