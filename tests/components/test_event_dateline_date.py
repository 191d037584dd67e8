"""extract_events ``dateline_date``: an attack a wire report dates nowhere takes the dateline's date.

MUC-4's answer keys date such incidents "on or before" the dateline; the event's ``source`` names
the rule so that a reader can tell the date was not stated in the text.
"""

from __future__ import annotations

import pytest

from extract import Extractor

LIMA = "LIMA, 3 MAR 90 (EFE) -- [TEXT] THE INTERIOR MINISTER SPOKE TO THE PRESS TODAY.\n\n"


@pytest.mark.parametrize(
    "text, date, from_dateline",
    [
        # undated attacks in later paragraphs of wire reports: the day the report was filed
        (LIMA + "A GROUP OF ARMED MEN KIDNAPPED A BUSINESSMAN IN HUANCAYO.", "3 MAR 90", True),
        ("SAN SALVADOR, 18 DEC 89 (RADIO VENCEREMOS) -- [TEXT] THE FMLN ISSUED A COMMUNIQUE.\n\nURBAN "
         "GUERRILLAS DYNAMITED THE HOUSE OF A JUDGE IN SANTA ANA.", "18 DEC 89", True),
        ("Bogota, 7 Sep 89 (EFE) -- The union leaders met today.\n\nUnidentified gunmen murdered a union leader "
         "in Medellin.", "7 Sep 89", True),
        # dated only against another event ("the same day"), with no calendar value: the dateline's date
        (LIMA + "THE INTERIOR MINISTER VISITED AYACUCHO ON 1 MARCH.\n\nON THE SAME DAY, A GROUP OF ARMED MEN "
         "KIDNAPPED A BUSINESSMAN IN HUANCAYO.", "3 MAR 90", True),
        # dated only by a period that runs through the day of the report: on or before that day
        (LIMA + "UNIDENTIFIED GUNMEN MURDERED THREE UNION LEADERS IN HUANCAYO THIS WEEK.", "3 MAR 90", True),
        (LIMA + "THE SHINING PATH HAS MURDERED 25 MAYORS IN JUNIN DEPARTMENT OVER THE PAST 3 YEARS.", "3 MAR 90", True),
        # ... but not by a period before it
        (LIMA + "UNIDENTIFIED GUNMEN MURDERED THREE UNION LEADERS IN HUANCAYO LAST MONTH.", "LAST MONTH", False),
        # an attack the text dates keeps its own date
        (LIMA + "A GROUP OF ARMED MEN KIDNAPPED A BUSINESSMAN IN HUANCAYO ON 1 MARCH.", "1 MARCH", False),
        ("BOGOTA, 7 SEP 89 (EFE) -- [TEXT] THE UNION LEADERS MET TODAY.\n\nA BOMB EXPLODED YESTERDAY AT A BANK "
         "IN MEDELLIN.", "YESTERDAY", False),
        # no dateline, or a dateline without a date: no date is invented
        ("Unidentified gunmen murdered a union leader in Medellin.", None, False),
        ("CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT] OUR URBAN COMMANDOS DYNAMITED A BANK IN SAN MIGUEL.",
         None, False),
    ],
)
def test_undated_attack_takes_the_dateline_date(text, date, from_dateline, attack_events):
    events = attack_events(text)
    assert len(events) == 1, events
    assert events[0]["date"] == date
    assert ("dateline_date" in events[0]["source"]) is from_dateline


def test_dateline_date_can_be_turned_off(nlp, attack_events):
    text = LIMA + "A GROUP OF ARMED MEN KIDNAPPED A BUSINESSMAN IN HUANCAYO."
    comp = nlp.get_pipe("extract_events")
    comp.dateline_date = False
    try:
        events = attack_events(text)
    finally:
        comp.dateline_date = True
    assert [e["date"] for e in events] == [None]


def test_dateline_date_is_the_dateline_entity(extractor: Extractor):
    doc = extractor.extract_text(LIMA + "A GROUP OF ARMED MEN KIDNAPPED A BUSINESSMAN IN HUANCAYO.", source="wire.txt")
    (event,) = doc.events
    date = next(e for e in doc.entities if e.id == event.date)
    assert (date.value, date.mentions[0].start) == ("1990-03-03", 6)
