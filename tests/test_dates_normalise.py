"""Pure date functions: normalisation, classification, reference dates, cache."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extract import dates_normalise as dn
from extract.dates_normalise import (
    DateValue,
    Holiday,
    classify_date_text,
    expand_two_digit_year,
    explicit_full_date,
    dateline_names,
    infer_dateline_place,
    infer_header_reference,
    normalise_date,
    resolve_anaphoric,
)

HOLIDAYS = (
    Holiday(("christmas",), 12, 25),
    Holiday(("new year's eve",), 12, 31),
    Holiday(("new year", "new year's day"), 1, 1),
    Holiday(("holy week",), easter_offset=-7, length_days=7),
    Holiday(("ramadan",)),
)


@pytest.mark.parametrize(
    ("text", "reference", "value", "granularity"),
    [
        # explicit dates (dev gold)
        ("October 4, 2016", None, "2016-10-04", "day"),
        ("on December 19, 2016", None, "2016-12-19", "day"),
        ("3 October 2019", None, "2019-10-03", "day"),
        ("Published 4 July 2022", None, "2022-07-04", "day"),
        ("the evening of 19 January 2019", None, "2019-01-19", "day"),
        ("the early hours of 14 June 2019", None, "2019-06-14", "day"),
        ("the 3rd of November 2019", None, "2019-11-03", "day"),
        ("March 2019", None, "2019-03", "month"),
        ("in April 2014", None, "2014-04", "month"),
        ("In 2019", None, "2019", "year"),
        ("(2008)", None, "2008", "year"),
        ("the 1990s", None, "1990/1999", "decade"),
        ("the second half of June 2022", None, "2022-06", "month"),
        # ALL-CAPS cable dates, two-digit years, years taken from the reference date
        ("15 NOV 89", None, "1989-11-15", "day"),
        ("3 JAN 90", None, "1990-01-03", "day"),
        ("12 NOV", "1989-11-15", "1989-11-12", "day"),
        ("BEGINNING 22 NOV", "1989-11-15", "1989-11-22", "day"),
        ("ON 14 NOV", "1989-11-15", "1989-11-14", "day"),
        ("THE MORNING OF 13 NOV", "1989-11-15", "1989-11-13", "day"),
        ("28 December", "2022-01-05", "2021-12-28", "day"),
        ("On 18 June", "2022-07-04", "2022-06-18", "day"),
        ("APRIL 1990", "1989-11-15", "1990-04", "month"),
        ("SINCE FEBRUARY", "1989-11-15", "1989-02", "month"),
        ("24 JUNE THIS YEAR", "1989-11-30", "1989-06-24", "day"),
        # relative to the reference date
        ("LAST MONTH", "1989-11-15", "1989-10", "month"),
        ("EARLIER THIS YEAR", "1989-11-15", "1989", "year"),
        ("the previous year", "2019-11-19", "2018", "year"),
        ("the previous week", "2021-03-14", "2021-03-01/2021-03-07", "interval"),
        ("this week", "2021-03-14", "2021-03-08/2021-03-14", "interval"),
        ("the past two months", "2016-12-19", "2016-10-19/2016-12-19", "interval"),
        ("three days ago", "2020-01-10", "2020-01-07", "day"),
        ("ONLY 1 WEEK AGO", "1989-11-15", "1989-11-08", "day"),
        ("yesterday", "2019-01-01", "2018-12-31", "day"),
        ("LAST NIGHT", "1989-08-30", "1989-08-29", "day"),
        # weekdays: the most recent such day on or before the reference date
        ("Monday", "2021-03-14", "2021-03-08", "day"),
        ("on Monday", "2021-03-14", "2021-03-08", "day"),
        ("Late on Wednesday", "2021-03-14", "2021-03-10", "day"),
        ("On Thursday night", "2021-03-14", "2021-03-11", "day"),
        ("Saturday", "2021-03-14", "2021-03-13", "day"),
        ("Sunday", "2021-03-14", "2021-03-14", "day"),
        ("Sunday morning", "2018-05-13", "2018-05-13", "day"),
        ("Tuesday", "2018-05-13", "2018-05-08", "day"),
        # intervals
        ("Week of 8\u201314 March 2021", None, "2021-03-08/2021-03-14", "interval"),
        ("8-14 March 2021", None, "2021-03-08/2021-03-14", "interval"),
        # holidays
        ("Christmas", "2016-12-19", "2016-12-25", "day"),
        ("the New Year", "2016-12-19", "2017-01-01", "day"),
        ("New Year's Eve", "2016-12-19", "2016-12-31", "day"),
        ("Holy Week", "2019-11-19", "2019-04-14/2019-04-20", "interval"),
        ("Nov. 3rd, 2019", None, "2019-11-03", "day"),
        ("SATURDAY 11 NOVEMBER", "1989-11-30", "1989-11-11", "day"),
        ("Wednesday, 23 August 1989", None, "1989-08-23", "day"),
        # a clock time after the date is the hour, not a year
        ("6 APRIL AT 0230", "1990-04-06", "1990-04-06", "day"),
        ("15 May at 2200 hours", "1990-05-20", "1990-05-15", "day"),
        ("MARCH 1930", None, "1930-03", "month"),
        # dateparser's long tail
        ("12/03/2019", None, "2019-03-12", "day"),
        ("2019-03-12", None, "2019-03-12", "day"),
    ],
)
def test_normalise(text, reference, value, granularity):
    assert normalise_date(text, reference, HOLIDAYS) == DateValue(value, granularity)


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("the next morning", "2021-03-14"),  # anaphoric: relative to an event, not the report
        ("the following day", "2019-11-19"),
        ("two days later", "1995-03-20"),
        ("the past few months", "2016-12-19"),  # vague
        ("recent months", "2016-12-19"),
        ("the summer", "2022-07-04"),  # seasons depend on the hemisphere
        ("Ramadan", "2018-05-13"),  # lunar calendar: unknown
        ("Monday", None),  # relative, no reference date: never today's date
        ("LAST MONTH", None),
        ("12 NOV", None),
        ("THE EARLY DECADES OF THIS CENTURY", "1989-11-30"),
        ("the year", "2019-11-19"),
    ],
)
def test_unknown_values_are_null(text, reference):
    assert normalise_date(text, reference, HOLIDAYS).value is None


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("the same day", "2022-06-26", "2022-06-26"),
        ("the following day", "2019-10-03", "2019-10-04"),
        ("the next morning", "2021-03-11", "2021-03-12"),
        ("two days later", "1995-03-20", "1995-03-22"),
        ("Two weeks later", "2005-07-07", "2005-07-21"),
        ("eight days afterwards", "2005-07-21", "2005-07-29"),
        ("NEXT DAY", "1989-12-20", "1989-12-21"),
    ],
)
def test_anaphoric_dates_count_from_the_anchor(text, anchor, value):
    assert resolve_anaphoric(text, anchor).value == value


def test_anaphoric_leaves_other_text_alone():
    assert resolve_anaphoric("March 2019", "2019-03-01").value is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("between 60 and 80", "count"),
        ("119", "count"),
        ("58", "count"),
        ("26165", "count"),
        ("nine and 12", "count"),
        ("between eight and 14", "count"),
        ("45-year-old", "age"),
        ("26-year-old", "age"),
        ("aged 27", "age"),
        ("between 20 and 30 years old", "age"),
        ("16 years", "duration"),
        ("two days", "duration"),
        ("FOR TWO DAYS", "duration"),
        ("five months", "duration"),
        ("days", "duration"),
        ("THE THREE DAYS", "duration"),
        ("several hours", "time"),
        ("48-HOUR", "time"),
        ("30 MINUTES", "time"),
        ("2130 LOCAL", "time"),
        ("minutes after", "time"),
        ("roughly 90 minutes later", "time"),
        ("almost every week", "frequency"),
        ("MIRAFLORES", "other"),
        ("October 4, 2016", "date"),
        ("2019", "date"),
        ("FEBRUARY", "date"),
        ("the previous year", "date"),
        ("A month earlier", "date"),
        ("two days later", "date"),
        ("the same day", "date"),
        ("Christmas", "date"),
        ("the mid-1990s", "date"),
        ("the early hours of 14 June 2019", "date"),
    ],
)
def test_classify(text, kind):
    assert classify_date_text(text) == kind


@pytest.mark.parametrize(
    ("yy", "reference", "year"),
    [(89, date(1989, 11, 15), 1989), (90, date(1989, 11, 15), 1990), (5, date(2019, 1, 1), 2005),
     (99, date(2019, 1, 1), 1999), (25, date(2019, 1, 1), 2025), (89, None, 1989)],
)
def test_two_digit_years(yy, reference, year):
    assert expand_two_digit_year(yy, reference) == year


@pytest.mark.parametrize(
    ("head", "reference", "place"),
    [
        ("CONFIDENTIAL\nFM AMEMBASSY LIMA\n\nLIMA, 15 NOV 89 -- \n\n1. SUMMARY: ...", "1989-11-15", "LIMA"),
        ("SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE]", "1990-01-03", "SAN SALVADOR"),
        ("BOGOTA, 7 SEP 89 (INRAVISION TELEVISION CADENA 1) -- [REPORT]", "1989-09-07", "BOGOTA"),
        ("ROME (ITALY), 11 JAN 90 -- [INTERVIEW]", "1990-01-11", "ROME"),
        ("NO CITY (EL SALVADOR), 5 FEB 89 (FBIS) -- [EDITORIAL REPORT]", "1989-02-05", None),
        ("Headline\n\nSURABAYA, Indonesia, 13 May 2018 \u2014 Suicide bombers ...", "2018-05-13", "SURABAYA"),
        ("LAKE CHAD BASIN: WEEKLY CONFLICT OVERVIEW\nWeek of 8\u201314 March 2021\n\nKey developments", "2021-03-14", None),
        ("Week ending 14 March 2021\n", "2021-03-14", None),
        ("TLP:CLEAR\nThreat Intelligence Brief 22-027\nTitle, June 2022\nPublished 4 July 2022\n", "2022-07-04", None),
    ],
)
def test_header_reference(head, reference, place):
    found = infer_header_reference(head)
    assert found is not None
    assert (found.date, found.source, found.place) == (reference, "dateline", place)


@pytest.mark.parametrize(
    "head",
    [
        "EU TERRORISM SITUATION AND TREND SUMMARY 2019\n\nPrepared by Europol, The Hague",
        "TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB BLAST",  # no year: not a full date
        "Following the campaign for Mosul, ISIS has been highly motivated (October 4, 2016).",
    ],
)
def test_no_header_reference(head):
    assert infer_header_reference(head) is None


@pytest.mark.parametrize(
    ("head", "place"),
    [("LIMA, NO DATE (TELEVISION PERUANA) -- [SPEECH]", "LIMA"),
     ("CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT]", None),
     ("BOGOTA, 7 SEP 89 (EFE) -- [TEXT]", "BOGOTA"),
     # a dateline without a year still names its place (DEV-MUC3-0075)
     ("TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB BLAST DAMAGED A TELEPHONE OFFICE", "TEGUCIGALPA"),
     ("Published 4 July 2022", None)],
)
def test_dateline_place(head, place):
    assert infer_dateline_place(head) == place


@pytest.mark.parametrize(
    ("head", "names"),
    [("NO CITY (EL SALVADOR), 19 MAR 89 (FBIS) -- [EDITORIAL REPORT]", ["EL SALVADOR"]),
     ("PANAMA CITY (PANAMA), 26 JAN 89 -- [TEXT]", ["PANAMA", "PANAMA CITY"]),
     ("SAN SALVADOR, 12 NOV (ACAN-EFE) -- [TEXT]", ["SAN SALVADOR"]),
     ("CLANDESTINE, 8 JAN 90 (RADIO VENCEREMOS) -- [TEXT]", []),
     ("Members, 12 of them, met on Monday.", [])],
)
def test_dateline_names(head, names):
    assert dateline_names(head) == names


@pytest.mark.parametrize(
    ("text", "day"),
    [("19 November 2019", date(2019, 11, 19)), ("8-14 March 2021", date(2021, 3, 14)),
     ("15 NOV 89", date(1989, 11, 15)), ("March 2019", None), ("Monday", None), ("12 NOV", None)],
)
def test_explicit_full_date(text, day):
    assert explicit_full_date(text) == day


def test_normalisation_is_cached(monkeypatch):
    calls = []
    real = dn._dateparser_parse

    def counting(text, ref):
        calls.append(text)
        return real(text, ref)

    monkeypatch.setattr(dn, "_dateparser_parse", counting)
    normalise_date.cache_clear()
    first = normalise_date("12/03/2019", "1989-11-30")
    second = normalise_date("12/03/2019", "1989-11-30")
    assert first == second == DateValue("2019-03-12", "day")
    assert len(calls) == 1
    # another reference date is another question
    normalise_date("12/03/2019", "1990-11-30")
    assert len(calls) == 2


def test_dateparser_never_resolves_against_today():
    normalise_date.cache_clear()
    assert normalise_date("3 days ago", None).value is None
    today = datetime.now().date().isoformat()
    assert normalise_date("today", None).value != today
