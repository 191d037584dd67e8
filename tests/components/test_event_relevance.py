"""extract_events: attack words that report no incident (MUC-4 document relevance).

Table-driven: each row is a wire sentence (ALL-CAPS, as MUC-4 distributes its reports), the attack
triggers the pipeline must report for it, and the non-event rule of extract/events/status.py or
patterns/event_nonevent.jsonl it checks: history ("nine years ago", "in the past few years"),
accidents ("crash"), the present progressive of commentary ("the air force is bombing poor
neighbourhoods"), national tolls ("the war, which killed more than 70,000 people"), security measures
"to prevent" attacks and questions ("what do you feel after killing so many policemen?").
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
        # commentary: an attack verb in the present progressive (status.progressive_present)
        pytest.param(SAN_SALVADOR + "THE AIR FORCE IS BOMBING POOR NEIGHBORHOODS IN THE CAPITAL.", [],
                     id="progressive"),
        pytest.param(SAN_SALVADOR + "THE FMLN SAID THAT THE ARMY IS MASSACRING PEASANTS IN CHALATENANGO.", [],
                     id="progressive-reported"),
        # ... but not with a date, nor in the past progressive of a narrated attack
        pytest.param(SAN_SALVADOR + "GUERRILLAS ARE ATTACKING THE GARRISON IN SAN MIGUEL TODAY.", ["ATTACKING"],
                     id="progressive-dated"),
        pytest.param(SAN_SALVADOR + "GUERRILLAS WERE ATTACKING THE MAYOR'S OFFICE IN SAN MIGUEL WHEN TROOPS ARRIVED.",
                     ["ATTACKING"], id="past-progressive"),
        # a hostage held names its own incident
        pytest.param(BOGOTA + "THE REBELS ARE HOLDING THREE ENGINEERS HOSTAGE IN ARAUCA.", ["HOSTAGE"],
                     id="progressive-hostage"),
        # a national toll: victims counted in thousands (status.national_toll), in any tense
        pytest.param(SAN_SALVADOR + "THE CIVIL WAR, WHICH KILLED MORE THAN 70,000 PEOPLE, HAS DIVIDED THE COUNTRY.", [],
                     id="toll-relative-subject"),
        pytest.param(SAN_SALVADOR + "THE NEW CONSTITUTION WAS WRITTEN AFTER THE KILLING OF OVER 40,000 SALVADORANS.", [],
                     id="toll-noun"),
        pytest.param(BOGOTA + "THE REBELS SAID THAT 20,000 PEASANTS WHO HAVE BEEN MURDERED SINCE 1980 DESERVE JUSTICE.",
                     [], id="toll-relative-pronoun"),
        pytest.param(LIMA + "THE SHINING PATH HAS KILLED THOUSANDS OF PEASANTS IN AYACUCHO.", [], id="toll-thousands"),
        # a present perfect whose victims are "those who" it hit or counted in hundreds (status.perfect_of_kind,
        # status.counted_over_time): a record, not one attack
        pytest.param(BOGOTA + "THE COUNTRY LONGS FOR THE RELEASE OF ALL THOSE WHO HAVE BEEN ABDUCTED.", [],
                     id="perfect-all-those"),
        pytest.param(BOGOTA + "WE ASK THOSE PERSONS WHO HAVE BEEN KIDNAPPED BY TERRORISTS TO BE PATIENT.", [],
                     id="perfect-those-persons"),
        pytest.param("MANAGUA, 20 APR 89 (EFE) -- [TEXT] PASTORAL REPRESENTATIVES INFORMED THE INTERNATIONAL COMMUNITY "
                     "OF THE HUNDREDS OF PEASANTS WHO HAVE BEEN MURDERED, KIDNAPPED, AND TORTURED BY THE CONTRAS.", [],
                     id="perfect-hundreds-of"),
        # ... but counted or named victims are one attack
        pytest.param(BOGOTA + "THE POLICE FREED THE TWO ENGINEERS WHO HAVE BEEN KIDNAPPED BY THE ELN IN ARAUCA.",
                     ["KIDNAPPED"], id="perfect-two-engineers"),
        pytest.param(BOGOTA + "THE ELN HAS KIDNAPPED THOSE TWO ENGINEERS IN ARAUCA.", ["KIDNAPPED"],
                     id="perfect-those-two"),
        # ... hundreds can be one massacre, and a year is not a count
        pytest.param(SAN_SALVADOR + "SOLDIERS MASSACRED 300 PEASANTS IN THE VILLAGE OF SAN SEBASTIAN YESTERDAY.",
                     ["MASSACRED"], id="massacre-hundreds"),
        pytest.param(LIMA + "THE 1989 BOMBING OF THE TOWN HALL IN HUANTA KILLED FIVE PEOPLE.", ["BOMBING"],
                     id="year-not-count"),
        pytest.param(BOGOTA + "TERRORISTS DETONATED A TRUCK BOMB OF SOME 2,000 KG OF DYNAMITE OUTSIDE THE DAS "
                     "HEADQUARTERS IN BOGOTA.", ["DETONATED"], id="bomb-size-not-count"),
        # security measures "to prevent" attacks (patterns/event_nonevent.jsonl "to_prevent", scope "purpose")
        pytest.param(BOGOTA + "THE AUTHORITIES ARE IMPLEMENTING PROTECTIVE MEASURES TO PREVENT JUDGES FROM BEING "
                     "MURDERED IN MEDELLIN.", [], id="measures-to-prevent"),
        pytest.param(LIMA + "TROOPS ARE PATROLLING THE STREETS OF AYACUCHO TO PREVENT NEW SUBVERSIVE ATTACKS.", [],
                     id="patrolling-to-prevent"),
        # ... but an attack prevented is still reported, and so is a bomb defused
        pytest.param(BOGOTA + "POLICE MANAGED TO PREVENT A BOMB ATTACK ON THE DAS HEADQUARTERS IN BOGOTA YESTERDAY.",
                     ["BOMB ATTACK"], id="managed-to-prevent"),
        pytest.param(BOGOTA + "POLICE DEFUSED A BOMB PLANTED AT THE DAS HEADQUARTERS IN BOGOTA.", ["BOMB"],
                     id="defused"),
        # a question reports no attack (status.interrogative): an interviewer's or a speaker's rhetoric
        pytest.param(SAN_SALVADOR + "[REPORTER] WHAT DO YOU FEEL AFTER KILLING SO MANY POLICEMEN?", [],
                     id="question-interview"),
        pytest.param(SAN_SALVADOR + "IS IT BECAUSE ARCHBISHOP ROMERO WAS A COMMUNIST AND THEREFORE MURDERED?", [],
                     id="question-rhetoric"),
        pytest.param(BOGOTA + "WHY DID THE GUERRILLAS KIDNAP THE MAYOR OF AIPE?", [], id="question-why"),
        # ... but a dated attack asked about is still one, and so is the statement it questions
        pytest.param(BOGOTA + "WHO KIDNAPPED THE MAYOR OF AIPE YESTERDAY?", ["KIDNAPPED"], id="question-dated"),
        pytest.param(BOGOTA + "GUERRILLAS KIDNAPPED THE MAYOR OF AIPE.", ["KIDNAPPED"], id="statement"),
        pytest.param(BOGOTA + "WHAT DO THE POLICE THINK ABOUT THE BOMB THAT EXPLODED YESTERDAY AT A BANK AND KILLED "
                     "TWO CLERKS?", ["BOMB"], id="question-dated-conjunct"),
        # an attack people are charged with is a trial's mention (patterns/event_nonevent.jsonl "criminal_charge") ...
        pytest.param(BOGOTA + "THREE STUDENTS WERE CHARGED WITH THE ASSASSINATION OF PRESIDENTIAL CANDIDATE LUIS "
                     "CARLOS GALAN.", [], id="charged-with"),
        # ... but "in charge of" is the idiom of responsibility, not a charge
        pytest.param(BOGOTA + "THE PROSECUTOR IN CHARGE OF INVESTIGATING THE ASSASSINATION OF PRESIDENTIAL CANDIDATE "
                     "LUIS CARLOS GALAN TODAY ISSUED AN ARREST WARRANT.", ["ASSASSINATION"], id="in-charge-of"),
        pytest.param(LIMA + "THE OFFICER IN CHARGE OF THE PATROL SAID THAT TERRORISTS BLEW UP A BRIDGE IN HUANTA.",
                     ["BLEW UP"], id="in-charge-of-patrol"),
    ],
)
def test_attack_mentions_that_report_no_incident(text, triggers, attack_events):
    assert [e["trigger"] for e in attack_events(text)] == triggers
