"""extract_events: the date of another kind of event is not an attack's date.

A date in the phrase of a noun of another kind of event than an attack (an election, a coup, a labour
strike, a summit) is that event's day ("the elections planned for 12 November", "the 3 October coup"):
another date of the sentence dates the attack, and the attacks told in the next sentences of the
paragraph do not inherit it (they take their own, else the dateline's).
"""

from __future__ import annotations

import pytest

LIMA = "LIMA, 8 NOV 89 (EFE) -- [TEXT] "


@pytest.mark.parametrize(
    "text, dates",
    [
        # another date of the sentence dates the attack
        (LIMA + "ON 6 NOVEMBER GUERRILLAS DYNAMITED THE TOWN HALL IN JULIACA TO BOYCOTT THE 12 NOVEMBER ELECTIONS.",
         ["6 NOVEMBER"]),
        ("PANAMA CITY, 12 JAN 90 (AFP) -- [TEXT] MAJOR JUAN ARCE, WHO FOILED THE 3 OCTOBER COUP AGAINST GENERAL "
         "NORIEGA, WAS SHOT DEAD IN COLON YESTERDAY.", ["YESTERDAY"]),
        # ... or in the phrase of a verb whose subject or object is such an event
        (LIMA + "THE MINERS' STRIKE BEGAN ON 3 NOVEMBER, AND YESTERDAY STRIKERS DYNAMITED A BUS IN HUANCAYO.",
         ["YESTERDAY"]),
        # the attacks in the next sentences of the paragraph do not inherit it
        (LIMA + "THE SHINING PATH IS TRYING TO DISRUPT THE MUNICIPAL ELECTIONS PLANNED FOR 12 NOVEMBER.  IN THE "
         "TOWN OF SAN CLEMENTE TERRORISTS THREW BOMBS AT THE HOMES OF MAYORAL CANDIDATES.", ["8 NOV 89"]),
        # not another event's date: the attack's own, beside such a noun
        (LIMA + "ON 6 NOVEMBER, DURING THE STRIKE, THE SHINING PATH DYNAMITED A BUS IN HUANCAYO.", ["6 NOVEMBER"]),
        (LIMA + "ON 3 NOVEMBER GUERRILLAS DYNAMITED A BUS CARRYING VOTERS TO THE ELECTIONS IN HUANCAYO.",
         ["3 NOVEMBER"]),
        # an air strike is an attack, and its date is its own
        (LIMA + "AIR STRIKES ON 6 NOVEMBER KILLED 20 PEASANTS IN HUANCAYO.", ["6 NOVEMBER"]),
    ],
)
def test_occasion_date_is_not_the_attacks(text, dates, attack_events):
    events = attack_events(text)
    assert [e["date"] for e in events] == dates, events
