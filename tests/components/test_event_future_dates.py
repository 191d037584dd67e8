"""extract_events: a day after the report was filed does not date an attack that happened.

An attack carried out or attempted happened by the day the report was filed (its dateline), so a date of its
sentence that begins after that day ("tomorrow", "next year", "the 8 April elections" in a report of 27 March)
is not its date: another date of the sentence dates it, else it is dated as an undated attack is (the
paragraph's date, else the dateline's). A threatened or planned attack keeps such a date.
"""

from __future__ import annotations

import pytest

LIMA = "LIMA, 27 MAR 90 (EFE) -- [TEXT] "


@pytest.mark.parametrize(
    "text, dates",
    [
        # a day to come does not date an attack that happened
        (LIMA + "TERRORISTS DYNAMITED THE APRA OFFICES IN HUANCAYO TO BOYCOTT THE ELECTIONS OF 8 APRIL.", ["27 MAR 90"]),
        (LIMA + "TEACHERS HAVE ORDERED A TWO-DAY STRIKE STARTING TOMORROW TO PROTEST THE ASSASSINATION OF THE MAYOR "
         "OF HUANCAYO BY TERRORISTS.", ["27 MAR 90"]),
        (LIMA + "TERRORISTS SHOT THE MAYOR OF HUANCAYO, WHO WILL BE BURIED TOMORROW.", ["27 MAR 90"]),
        (LIMA + "A BOMB EXPLODED AT THE APRA OFFICES IN HUANCAYO, WHERE A RALLY WILL BE HELD TOMORROW.", ["27 MAR 90"]),
        # an attack still to come keeps it
        (LIMA + "THE SHINING PATH THREATENED TO BOMB THE APRA OFFICES IN HUANCAYO ON 8 APRIL.", ["8 APRIL"]),
        # a day before the dateline dates the attack
        (LIMA + "TERRORISTS DYNAMITED THE APRA OFFICES IN HUANCAYO ON 25 MARCH.", ["25 MARCH"]),
    ],
)
def test_day_to_come_dates_no_attack_that_happened(text, dates, attack_events):
    events = attack_events(text)
    assert [e["date"] for e in events] == dates, events
