"""extract_events: attack words that report no incident (MUC-4 document relevance).

Table-driven: each row is a wire sentence (ALL-CAPS, as MUC-4 distributes its reports), the attack
triggers the pipeline must report for it, and the non-event rule of extract/events/status.py or
patterns/event_nonevent.jsonl it checks: history ("nine years ago", "in the past few years"),
accidents ("crash"), the present progressive of commentary ("an army that is bombing the people")
and the purpose of preventing attacks ("measures to prevent attacks").
"""

from __future__ import annotations

import pytest

SAN_SALVADOR = "SAN SALVADOR, 12 NOV 89 (ACAN-EFE) -- [TEXT] "
BOGOTA = "BOGOTA, 20 APR 89 (EFE) -- [TEXT] "
LIMA = "LIMA, 2 JUN 89 (EFE) -- [TEXT] "


@pytest.mark.parametrize(
    "text, triggers",
    [
        # history: an attack years back (patterns/event_nonevent.jsonl "years_ago", "past_years")
        pytest.param(SAN_SALVADOR + "THE ARMY MASSACRED 40 PEASANTS IN THE VILLAGE OF EL MOZOTE NINE YEARS AGO.",
                     [], id="years-ago"),
        pytest.param(SAN_SALVADOR + "ARCHBISHOP OSCAR ROMERO WAS MURDERED 9 YEARS AGO WHILE HE WAS SAYING MASS.",
                     [], id="years-ago-passive"),
        pytest.param(SAN_SALVADOR + "IN THE PAST FEW YEARS, THE GUERRILLAS HAVE KIDNAPPED SEVERAL BUSINESSMEN "
                     "IN SAN MIGUEL.", [], id="past-few-years"),
        # "last year" dates one past incident, as news does: not history
        pytest.param(BOGOTA + "GUERRILLAS KIDNAPPED THE MAYOR OF AIPE LAST YEAR.", ["KIDNAPPED"], id="last-year"),
        # an accident: a crash (patterns/event_nonevent.jsonl "crash")
        pytest.param(BOGOTA + "12 PEOPLE WERE KILLED IN THE CRASH OF A HELICOPTER NEAR CALI.", [], id="crash-noun"),
        pytest.param(BOGOTA + "FOUR SOLDIERS WERE KILLED WHEN THEIR HELICOPTER CRASHED IN THE JUNGLE.", [], id="crash-verb"),
        pytest.param(BOGOTA + "THE CRASH OF A SATENA PLANE KILLED 25 PEOPLE IN CAQUETA.", [], id="crash-subject"),
    ],
)
def test_attack_mentions_that_report_no_incident(text, triggers, attack_events):
    assert [e["trigger"] for e in attack_events(text)] == triggers
