"""The status of an attack: a cue of an act not done yet (threat, promise, announcement, plan) does not
hold over a clause that tells a past act (real pipeline)."""

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
    ],
)
def test_cue_of_an_act_to_come_does_not_hold_over_a_past_act(text, expected, attack_events):
    got = attack_events(text)
    assert [(e["attack_type"], e["status"]) for e in got] == expected
