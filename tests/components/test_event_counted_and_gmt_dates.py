"""extract_events: a day counted back from the report is an attack's date; a Greenwich day is not.

"2 days ago" and "three days later" name a calendar day, not a duration ("the past few days", "30 years old"),
so they date the attack they are said of. A wire service's conversion of a local clock time to Greenwich time
("at 2230 [0230 GMT on 12 January]", "0400 GMT on 10 September") gives the day in Greenwich, which past local
midnight is the day after the attack's: it does not date the attack, which keeps another date of its sentence,
else is dated as an undated one is (the paragraph's, else the dateline's). The date stays a DATE entity.
"""

from __future__ import annotations

import pytest

LA_PAZ = "LA PAZ, 12 JAN 90 (EFE) -- [TEXT] "


@pytest.mark.parametrize(
    "text, dates",
    [
        # a day counted back dates the attack
        ("SAN JOSE, 15 JAN 90 (DPA) -- [TEXT] THE MURDER OF HECTOR OQUELI IN GUATEMALA 2 DAYS AGO HAS SHOCKED "
         "THE REGION.", ["2 DAYS AGO"]),
        (LA_PAZ + "A BOMB EXPLODED AT THE OFFICES OF THE MNR 3 DAYS AGO.", ["3 DAYS AGO"]),
        # a duration does not: the attack is dated as an undated one is
        (LA_PAZ + "A BOMB EXPLODED AT THE OFFICES OF THE MNR AFTER THE PAST FEW DAYS OF TALKS.", ["12 JAN 90"]),
        # the local date beside a Greenwich one dates the attack
        (LA_PAZ + "THE BOMB EXPLODED AT 2100 ON 11 JANUARY [0100 GMT ON 12 JANUARY] IN FRONT OF THE MNR OFFICES.",
         ["11 JANUARY"]),
        # a Greenwich day alone does not: the attack keeps the paragraph's date
        (LA_PAZ + "A BOMB EXPLODED LAST NIGHT IN FRONT OF THE MNR OFFICES. THE BOMB WENT OFF AT 2230 [0230 GMT ON "
         "12 JANUARY] AND DAMAGED THE BUILDING.", ["LAST NIGHT"]),
        (LA_PAZ + "FIREMEN REPORTED THAT A BOMB EXPLODED AT APPROXIMATELY 0400 GMT ON 12 JANUARY IN FRONT OF THE MNR "
         "OFFICES.", ["12 JAN 90"]),
        # not a Greenwich day: a local clock time before the date
        (LA_PAZ + "A BOMB EXPLODED AT 2230 ON 11 JANUARY IN FRONT OF THE MNR OFFICES.", ["11 JANUARY"]),
    ],
)
def test_counted_and_gmt_dates(text, dates, attack_events):
    events = attack_events(text)
    assert [e["date"] for e in events] == dates, events


def test_gmt_date_stays_a_date_entity(extractor):
    text = LA_PAZ + "THE BOMB EXPLODED AT 2230 [0230 GMT ON 12 JANUARY] IN FRONT OF THE MNR OFFICES."
    doc = extractor.nlp(extractor.recaser.recase(text))
    assert "12 january" in [e.text.lower() for e in doc.ents if e.label_ == "DATE"]
