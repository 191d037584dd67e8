"""extract_events: the date of a statement about an attack is not the attack's date.

A date of a verb of saying, reporting or reacting that governs the attack ("the minister condemned
today the murder of X", "police reported today that ...") is the day of the statement: another date
of the sentence or of the attack's other mentions dates the attack, and the statement's date is kept
only as a last guess.
"""

from __future__ import annotations

import pytest

LIMA = "LIMA, 3 MAR 90 (EFE) -- [TEXT] "


@pytest.mark.parametrize(
    "text, dates",
    [
        # the statement's date gives way to the attack's own date in the sentence
        (LIMA + "THE INTERIOR MINISTER CONDEMNED TODAY THE MURDER OF JUDGE CARLOS RUIZ, WHO WAS SHOT BY "
         "GUNMEN IN HUANCAYO YESTERDAY.", ["YESTERDAY"]),
        (LIMA + "POLICE SOURCES REPORTED TODAY THAT MAYOR JUAN PEREZ, WHO WAS WOUNDED BY A BOMB IN HUANCAYO "
         "YESTERDAY, IS OUT OF DANGER.", ["YESTERDAY"]),
        # ... and to the date another mention of the same attack gives
        ("SAN SALVADOR, 29 AUG 89 (DPA) -- [TEXT] THE DIRECTOR OF A TECHNICAL SCHOOL PROTESTED TODAY THE MURDER "
         "OF A YOUNG STUDENT OF THE SCHOOL.\n\n   THE DIRECTOR STATED THAT THE STUDENT WAS SHOT IN THE BACK NEAR "
         "HIS HOUSE IN WESTERN SAN SALVADOR ON 22 AUGUST.", ["22 AUGUST"]),
        # alone, it still dates the attack (the attack happened by then)
        (LIMA + "THE INTERIOR MINISTER CONDEMNED TODAY THE MURDER OF JUDGE CARLOS RUIZ IN HUANCAYO.", ["TODAY"]),
        # not a statement: the attack's own verb is dated
        (LIMA + "GUERRILLAS KILLED THE MAYOR OF HUANCAYO TODAY, POLICE SAID.", ["TODAY"]),
        (LIMA + "POLICE REPORTED THAT GUERRILLAS MURDERED A JUDGE IN HUANCAYO YESTERDAY.", ["YESTERDAY"]),
    ],
)
def test_statement_date_gives_way(text, dates, attack_events):
    events = attack_events(text)
    assert [e["date"] for e in events] == dates, events
