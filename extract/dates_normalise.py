"""Pure date functions (no spaCy): classify, normalise and find report reference dates.

``normalise_date(text, reference)`` turns a date expression into an ISO 8601 value and a
granularity, resolving relative expressions ("LAST MONTH", "the previous week", "Monday")
against the reference date. It is cached (``functools.lru_cache``): normalising the same
(text, reference, holidays) twice does not parse twice. Explicit forms are parsed with the
regular expressions below; the long tail goes to dateparser (imported once, here) with
``RELATIVE_BASE`` = the reference date, ``PREFER_DATES_FROM`` = "past", ``DATE_ORDER`` =
"DMY". A value of ``None`` means "a date, but we cannot say which one" (anaphoric
expressions such as "the following day", vague ones such as "recent months", seasons):
a null value is better than a wrong one.

``classify_date_text(text)`` says whether a span the model labelled DATE really is a
calendar expression ("date") or a count, age, duration, frequency or clock time.

``infer_header_reference(text)`` finds a dateline ("LIMA, 15 NOV 89 --"), a week header
("Week of 8–14 March 2021") or a publication line ("Published 4 July 2022") at the top of
a report.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

import dateparser  # slow to import: imported once, at module level
from dateparser.date import DateDataParser
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta


class DateValue(NamedTuple):
    value: str | None  # ISO 8601: "2016-10-04", "2016-10", "2016", "2016-10-19/2016-12-19"
    granularity: str | None  # day | month | year | interval | decade | season | week | None


class Holiday(NamedTuple):
    """A named day or period (hashable, so it can be part of the cache key)."""

    names: tuple[str, ...]  # lower-case surface forms
    month: int | None = None  # fixed-date holidays
    day: int | None = None
    easter_offset: int | None = None  # days from Western Easter Sunday
    length_days: int = 1  # > 1: an interval starting on that day


NULL = DateValue(None, None)

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1
):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                 "fri": 4, "sat": 5, "sun": 6})

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "couple of": 2, "a couple of": 2,
}

SEASONS = ("spring", "summer", "autumn", "fall", "winter")
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "midday", "noon", "dawn", "dusk")

_MONTH_RE = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY_RE = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"
_YY_RE = r"'?\d\d"
_NUM_RE = r"(?:\d+|" + "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True)) + r")"
_UNIT_RE = r"(?:day|week|fortnight|month|year|decade)s?"

# Leading words that are context, not part of the value ("ON 14 NOV", "SINCE FEBRUARY").
LEADING_CONTEXT = (
    "on", "in", "at", "since", "during", "by", "until", "till", "from", "of", "beginning",
    "starting", "about", "around", "circa", "approximately", "before", "after", "throughout",
    "through", "as of", "dated", "published", "for",
)
_LEADING_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(w) for w in LEADING_CONTEXT) + r")\s+)+")


def parse_iso(value: str | date | None) -> date | None:
    """ISO 'YYYY-MM-DD' (or a date) -> date; anything else -> None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _iso_day(value: str, last: bool) -> date | None:
    """The first or the last day of one ISO date value ('1990-02-02', '1990-02', '1990')."""
    v = value.strip()
    try:
        if len(v) == 10:
            return date.fromisoformat(v)
        if len(v) == 7:
            y, m = int(v[:4]), int(v[5:7])
            return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1) if last else date(y, m, 1)
        if len(v) == 4:
            return date(int(v), 12, 31) if last else date(int(v), 1, 1)
    except ValueError:
        return None
    return None


def value_last_day(value: str) -> date | None:
    """Last day of an ISO date value or range ('a/b')."""
    return _iso_day(value.split("/")[-1], last=True)


def value_first_day(value: str) -> date | None:
    """First day of an ISO date value or range ('a/b')."""
    return _iso_day(value.split("/")[0], last=False)


def expand_two_digit_year(yy: int, reference: date | None = None) -> int:
    """'89' -> 1989: the century that puts the year in (pivot - 90, pivot + 10] around the
    reference year (or the current year when there is no reference)."""
    pivot = reference.year if reference else date.today().year
    year = (pivot // 100) * 100 + yy
    if year > pivot + 10:
        year -= 100
    elif year <= pivot - 90:
        year += 100
    return year


def clean_date_text(text: str) -> str:
    """Lower-case, unify dashes and spaces, drop edge punctuation and a trailing "'s"."""
    s = text.lower().replace("\u2019", "'")
    s = re.sub(r"[\u2013\u2014\u2012]|--", "-", s)
    s = re.sub(r"\s*-\s*(?=\d)", "-", s) if re.search(r"\d\s*-\s*\d", s) else s
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^[\s\"'(\[,.;:]+|[\s\"')\],.;:]+$", "", s)
    s = re.sub(r"'s$", "", s)
    return s.strip()


_QUALIFIER_RE = re.compile(r"^(?:only|just|some|about|nearly|almost|approximately|around|roughly|exactly|barely|at least|more than|less than) ")


def strip_leading_context(s: str) -> str:
    """Drop leading prepositions that are context ("on", "since", ...) and qualifiers
    ("only 1 week ago"), keep "the"."""
    return _QUALIFIER_RE.sub("", _LEADING_RE.sub("", s).strip()).strip()


# --------------------------------------------------------------------------------------
# Classification of model DATE spans
# --------------------------------------------------------------------------------------

_AGE_RE = re.compile(r"\d+\s*-?\s*years?\s*-?\s*old|\byears? old\b|\baged?\b|\bage of\b|\bmonths? old\b")
_CLOCK_RE = re.compile(
    r"^(?:about |around |at |approximately )?\d{3,4} ?(?:local|hours|hrs|gmt|utc|z|est|edt)$"
    r"|\b\d{1,2}[:.]\d{2}\b|\b(?:a\.?m\.?|p\.?m\.?)(?=\s|$)|o'clock|\b(?:hours?|minutes?|seconds?|hrs|mins?)\b"
)
_ANCHOR_RE = re.compile(
    r"\b" + _MONTH_RE + r"(?=\s|$|,|\d)|\b" + _WEEKDAY_RE + r"\b"
    r"|(?<![\d,.])" + _YEAR_RE + r"(?![\d,.]\d)|\b(?:mid-|early-|late-)?\d{2,4}0'?s\b"
    r"|\b(?:yesterday|today|tonight|tomorrow)\b"
    r"|\b(?:spring|summer|autumn|winter|holiday|holidays|christmas|easter|ramadan|new year|"
    r"yom kippur|eid|hanukkah|passover|holy week|halloween|thanksgiving|lent)\b"
)
_RELATIVE_RE = re.compile(
    r"\b(?:last|previous|past|next|following|coming|upcoming|this|that|same|current|recent|"
    r"earlier|later|ago|before|after|afterwards|prior|preceding|since|subsequent|present)\b"
)
_UNIT_WORD_RE = re.compile(
    r"\b(?:days?|weeks?|weekends?|fortnights?|months?|years?|decades?|centur(?:y|ies)|"
    r"mornings?|afternoons?|evenings?|nights?|season|quarter)\b"
)
_FREQUENCY_RE = re.compile(r"\b(?:every|each|per) (?:\w+ )?(?:day|week|month|year)\b|\b(?:once|twice|times) a (?:day|week|month|year)\b|\b(?:daily|weekly|monthly|annually|yearly)\b")


@lru_cache(maxsize=4096)
def classify_date_text(text: str) -> str:
    """'date' for a calendar expression; else 'age', 'time', 'frequency', 'duration', 'count'
    or 'other' (text a model labelled DATE that is not a date)."""
    s = clean_date_text(text)
    if not s:
        return "other"
    if _AGE_RE.search(s):
        return "age"
    if re.fullmatch(r"(?:about |around |at |approximately )?\d{3,4} ?(?:local|hours|hrs|gmt|utc|z|est|edt)", s):
        return "time"
    anchored = bool(_ANCHOR_RE.search(s))
    if not anchored and _CLOCK_RE.search(s):
        return "time"
    if anchored:
        return "date"
    if _FREQUENCY_RE.search(s):
        return "frequency"
    if _UNIT_WORD_RE.search(s):
        if _RELATIVE_RE.search(s):
            return "date"
        # "the year", "the day": a definite singular unit with no number is a (vague) date
        if re.fullmatch(r"(?:the|that) (?:day|week|weekend|month|year|morning|evening|night|afternoon)", s):
            return "date"
        return "duration"
    if re.search(r"\d|\b(?:" + "|".join(k for k in NUMBER_WORDS if " " not in k) + r")\b", s):
        return "count"
    return "other"


def is_calendar_expression(text: str) -> bool:
    return classify_date_text(text) == "date"


# --------------------------------------------------------------------------------------
# Helpers for normalisation
# --------------------------------------------------------------------------------------

def _day(d: date) -> DateValue:
    return DateValue(d.isoformat(), "day")


def _month(y: int, m: int) -> DateValue:
    return DateValue(f"{y:04d}-{m:02d}", "month")


def _interval(a: date, b: date) -> DateValue:
    return DateValue(f"{a.isoformat()}/{b.isoformat()}", "interval")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _int_day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _month_num(s: str) -> int:
    return MONTHS[s.rstrip(".")]


def _year(s: str | None, ref: date | None) -> int | None:
    if s is None:
        return None
    s = s.lstrip("'")
    if len(s) == 2:
        return expand_two_digit_year(int(s), ref)
    return int(s)


def _number(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    return NUMBER_WORDS.get(s)


def _year_for_day_month(m: int, d: int, ref: date | None) -> date | None:
    """A day and month without a year: the latest occurrence not more than two months after
    the reference date (reports mostly look back; "BEGINNING 22 NOV" in a 15 NOV cable is
    the coming 22 November)."""
    if ref is None:
        return None
    limit = ref + timedelta(days=62)
    for y in (ref.year + 1, ref.year, ref.year - 1, ref.year - 2):
        cand = _safe_date(y, m, d)
        if cand is not None and cand <= limit:
            return cand
    return None


def _year_for_month(m: int, ref: date | None) -> int | None:
    """A month without a year: the latest such month starting at most a month after the
    reference date ("SINCE FEBRUARY" in a November cable is the February before it)."""
    if ref is None:
        return None
    limit = ref + timedelta(days=31)
    for y in (ref.year + 1, ref.year, ref.year - 1):
        if date(y, m, 1) <= limit:
            return y
    return None


def _week_bounds(d: date) -> tuple[date, date]:
    start = d - timedelta(days=d.weekday())
    return start, start + timedelta(days=6)


def _shift(ref: date, unit: str, n: int) -> date:
    unit = unit.rstrip("s")
    if unit == "day":
        return ref + timedelta(days=n)
    if unit == "week":
        return ref + timedelta(weeks=n)
    if unit == "fortnight":
        return ref + timedelta(weeks=2 * n)
    if unit == "month":
        return ref + relativedelta(months=n)
    if unit == "year":
        return ref + relativedelta(years=n)
    if unit == "decade":
        return ref + relativedelta(years=10 * n)
    raise ValueError(unit)


def _calendar_unit(ref: date, unit: str, offset: int) -> DateValue:
    """The calendar day/week/month/year containing ref, shifted by ``offset`` units."""
    unit = unit.rstrip("s")
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return _day(ref + timedelta(days=offset))
    if unit in ("week", "weekend"):
        start, end = _week_bounds(ref + timedelta(weeks=offset))
        if unit == "weekend":
            return _interval(end - timedelta(days=1), end)
        return _interval(start, end)
    if unit == "month":
        d = ref + relativedelta(months=offset)
        return _month(d.year, d.month)
    if unit == "year":
        return DateValue(f"{ref.year + offset:04d}", "year")
    return NULL


# --------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------

_DATEPARSER_SETTINGS_BASE = {
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
}
_DATEPARSER = None


def _dateparser_parse(text: str, ref: date | None) -> tuple[datetime, str] | None:
    """One dateparser call: (datetime, period) or None. Relative expressions need a ref."""
    global _DATEPARSER
    if _DATEPARSER is None:
        _DATEPARSER = DateDataParser(languages=["en"], settings=dict(_DATEPARSER_SETTINGS_BASE))
    settings = dict(_DATEPARSER_SETTINGS_BASE)
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    result = dateparser.parse(text, languages=["en"], settings=settings)
    if result is None:
        return None
    data = _DATEPARSER.get_date_data(text)
    period = getattr(data, "period", None) or "day"
    return result, period


_DP_GUARD_RE = re.compile(r"\d|\b" + _MONTH_RE + r"(?![a-z])|\bago\b|\byesterday\b|\btoday\b|\btomorrow\b|\btonight\b")


def _via_dateparser(s: str, ref: date | None) -> DateValue:
    if not _DP_GUARD_RE.search(s):
        return NULL
    if ref is None and not re.search(r"(?<!\d)" + _YEAR_RE + r"(?!\d)", s):
        return NULL  # would be resolved against today's date: never
    parsed = _dateparser_parse(s, ref)
    if parsed is None:
        return NULL
    dt, period = parsed
    years = re.findall(r"(?<!\d)(" + _YEAR_RE + r")(?!\d)", s)
    if years and str(dt.year) not in years:
        return NULL  # dateparser read something else than the year written
    if period == "year":
        return DateValue(f"{dt.year:04d}", "year")
    if period == "month":
        return _month(dt.year, dt.month)
    if period == "week":
        return _interval(*_week_bounds(dt.date()))
    return _day(dt.date())


def _holiday_value(h: Holiday, year: int | None, ref: date | None) -> DateValue:
    def on(y: int) -> date | None:
        if h.easter_offset is not None:
            return easter(y) + timedelta(days=h.easter_offset)
        if h.month and h.day:
            return _safe_date(y, h.month, h.day)
        return None

    if h.easter_offset is None and not (h.month and h.day):
        return DateValue(None, "holiday")  # movable by a non-Gregorian calendar: unknown
    if year is None:
        if ref is None:
            return DateValue(None, "holiday")
        limit = ref + timedelta(days=62)
        start = None
        for y in (ref.year + 1, ref.year, ref.year - 1):
            cand = on(y)
            if cand is not None and cand <= limit:
                start = cand
                break
    else:
        start = on(year)
    if start is None:
        return DateValue(None, "holiday")
    if h.length_days > 1:
        return _interval(start, start + timedelta(days=h.length_days - 1))
    return _day(start)


@lru_cache(maxsize=8192)
def normalise_date(text: str, reference: str | None = None, holidays: tuple[Holiday, ...] = ()) -> DateValue:
    """ISO value and granularity of a date expression, relative to ``reference`` (ISO)."""
    ref = parse_iso(reference)
    return _normalise(strip_leading_context(clean_date_text(text)), ref, holidays)


def _normalise(s: str, ref: date | None, holidays: tuple[Holiday, ...], depth: int = 0) -> DateValue:
    if not s or depth > 4:
        return NULL

    def sub(t: str) -> DateValue:
        return _normalise(strip_leading_context(t.strip()), ref, holidays, depth + 1)

    M, D, Y, YY = _MONTH_RE, _DAY_RE, _YEAR_RE, _YY_RE

    # "24 june this year", "march of last year": the year relative to the reference date
    m = re.fullmatch(r"(.+?),? (?:of )?(this|last|next) year", s)
    if m and re.search(r"\b" + M + r"(?![a-z])", m.group(1)):
        if ref is None:
            return DateValue(None, "day" if re.search(r"\d", m.group(1)) else "month")
        year = ref.year + {"this": 0, "last": -1, "next": 1}[m.group(2)]
        return sub(f"{m.group(1)} {year}")

    # --- wrappers: a weekday before a date, part of a day, "week of", parts of a period --
    m = re.fullmatch(rf"{_WEEKDAY_RE},? (?:the )?(\d.+|{M} \d.*)", s)
    if m:
        return sub(m.group(1))
    m = re.fullmatch(r"(?:the )?(?:(?:early|late|small|wee) )?(?:hours|morning|afternoon|evening|night|midday|dawn) of (.+)", s)
    if m:
        return sub(m.group(1))
    m = re.fullmatch(r"(?:late|early|later|earlier) on (.+)", s)
    if m:
        return sub(m.group(1))
    # a clock time after the date ("6 april at 0230", "15 may at 2200 hours"): the time, not a year
    m = re.fullmatch(r"(.+?),? at \d{4}(?: (?:hours|hrs|local time|gmt))?", s)
    if m and re.search(r"\b" + M + r"(?![a-z])", m.group(1)):
        return sub(m.group(1))
    m = re.fullmatch(r"(?:the )?week (?:of|beginning|commencing|starting) (.+)", s)
    if m:
        inner = sub(m.group(1))
        if inner.granularity == "day" and inner.value:
            start = date.fromisoformat(inner.value)
            return _interval(start, start + timedelta(days=6))
        return inner
    m = re.fullmatch(r"(?:the )?week ending (.+)", s)
    if m:
        inner = sub(m.group(1))
        if inner.granularity == "day" and inner.value:
            end = date.fromisoformat(inner.value)
            return _interval(end - timedelta(days=6), end)
        return inner
    m = re.fullmatch(
        r"(?:the )?(?:early|mid|late|beginning of|start of|end of|middle of|turn of|"
        r"(?:first|second|last) half of|(?:first|second|third|fourth|last) quarter of)[ -](.+)", s)
    if m:
        inner = sub(m.group(1))
        if inner.granularity in ("month", "year", "decade"):
            return inner  # the containing period: coarser, never wrong
        return DateValue(None, inner.granularity)

    # --- explicit calendar forms ------------------------------------------------------
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _day(d) if d else NULL
    m = re.fullmatch(r"(\d{4})-(\d{2})", s)
    if m and 1 <= int(m.group(2)) <= 12:
        return _month(int(m.group(1)), int(m.group(2)))
    # day range within one month: "8-14 march 2021", "8 to 14 march", "march 8-14, 2021"
    m = re.fullmatch(rf"(?:between )?({D}) ?(?:-|to|and|until|till) ?({D}) (?:of )?({M}),? ?({Y}|{YY})?", s) or None
    if m:
        d1, d2, mon, yr = m.group(1), m.group(2), m.group(3), m.group(4)
    else:
        m = re.fullmatch(rf"({M}) ({D}) ?(?:-|to|and|until|till) ?({D}),? ?({Y})?", s)
        if m:
            mon, d1, d2, yr = m.group(1), m.group(2), m.group(3), m.group(4)
    if m:
        month = _month_num(mon)
        if yr:
            y = _year(yr, ref)
            a, b = _safe_date(y, month, _int_day(d1)), _safe_date(y, month, _int_day(d2))
        else:
            a = _year_for_day_month(month, _int_day(d1), ref)
            b = _safe_date(a.year, month, _int_day(d2)) if a else None
        if a and b and a <= b:
            return _interval(a, b)
        return DateValue(None, "interval")
    # day month [year]: "15 nov 89", "3 october 2019", "the 3rd of november"
    m = re.fullmatch(rf"(?:the )?({D}) (?:of )?({M}),? ?({Y}|{YY})?", s)
    if m:
        month, day = _month_num(m.group(2)), _int_day(m.group(1))
        if m.group(3):
            d = _safe_date(_year(m.group(3), ref), month, day)
        else:
            d = _year_for_day_month(month, day, ref)
        return _day(d) if d else DateValue(None, "day")
    # month day[,] [year]: "october 4, 2016", "nov. 3rd"
    m = re.fullmatch(rf"({M}) ({D}),? ?({Y})?", s)
    if m:
        month, day = _month_num(m.group(1)), _int_day(m.group(2))
        d = _safe_date(int(m.group(3)), month, day) if m.group(3) else _year_for_day_month(month, day, ref)
        return _day(d) if d else DateValue(None, "day")
    # month year: "march 2019", "nov 89", "march of 2019"
    m = re.fullmatch(rf"({M}),? (?:of )?({Y}|'\d\d|[4-9]\d|3[2-9])", s)
    if m:
        return _month(_year(m.group(2), ref), _month_num(m.group(1)))
    # year: "2019", "the year 2019", "(2008)"
    m = re.fullmatch(rf"(?:the )?(?:year )?({Y})", s)
    if m:
        return DateValue(m.group(1), "year")
    # decade: "1990s", "the '90s"
    m = re.fullmatch(r"(?:the )?(\d{3})0'?s", s)
    if m and 150 <= int(m.group(1)) <= 219:
        start = int(m.group(1)) * 10
        return DateValue(f"{start}/{start + 9}", "decade")
    m = re.fullmatch(r"(?:the )?'?(\d)0'?s", s)
    if m:
        start = expand_two_digit_year(int(m.group(1)) * 10, ref)
        return DateValue(f"{start}/{start + 9}", "decade")
    # month alone: "february", "last february", "this march"
    m = re.fullmatch(rf"(?:(last|this|next|past) )?({M})", s)
    if m:
        month = _month_num(m.group(2))
        y = _year_for_month(month, ref)
        if y is None:
            return DateValue(None, "month")
        if m.group(1) in ("last", "past") and (y, month) >= (ref.year, ref.month):
            y -= 1
        elif m.group(1) == "next" and date(y, month, 1) <= ref:
            y += 1
        return _month(y, month)

    # --- weekdays ---------------------------------------------------------------------
    m = re.fullmatch(rf"(?:(last|this|next|past|coming) )?({_WEEKDAY_RE})(?: (?:{'|'.join(PARTS_OF_DAY)}))?", s)
    if m:
        if ref is None:
            return DateValue(None, "day")
        wd = WEEKDAYS[m.group(2)]
        back = (ref.weekday() - wd) % 7
        if m.group(1) in ("next", "coming"):
            return _day(ref + timedelta(days=(wd - ref.weekday()) % 7 or 7))
        if m.group(1) in ("last", "past") and back == 0:
            back = 7
        return _day(ref - timedelta(days=back))

    # --- deictic relative expressions (resolved against the reference date) -------------
    m = re.fullmatch(r"(yesterday|today|tonight|tomorrow|last night)(?: (?:morning|afternoon|evening|night))?", s)
    if m:
        if ref is None:
            return DateValue(None, "day")
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}[m.group(1)]
        return _day(ref + timedelta(days=offset))
    m = re.fullmatch(r"(?:(?:earlier|later|late|early|so far) )?(this|last|next|previous|current) (week|weekend|month|year|morning|afternoon|evening|night)", s)
    m2 = re.fullmatch(r"the (previous|preceding|past|last|current|present) (week|weekend|month|year)", s)
    if m or m2:
        which, unit = (m or m2).group(1), (m or m2).group(2)
        granularity = "interval" if unit in ("week", "weekend") else ("day" if unit in PARTS_OF_DAY else unit)
        if ref is None:
            return DateValue(None, granularity)
        if which == "past" and m2:  # "the past week/month/year": a rolling window up to ref
            return _interval(_shift(ref, unit if unit != "weekend" else "week", -1), ref)
        offset = {"this": 0, "current": 0, "present": 0, "last": -1, "previous": -1, "preceding": -1, "next": 1}[which]
        if unit == "night" and which == "last":
            return _day(ref - timedelta(days=1))
        return _calendar_unit(ref, unit, offset)
    # "the past two months", "the last 3 years", "the next few weeks", "recent months"
    m = re.fullmatch(rf"(?:the |in )?(past|last|previous|preceding|next|coming|recent) (?:({_NUM_RE}|few|several|couple of|many) )?({_UNIT_RE})", s)
    if m and m.group(3).endswith("s"):
        n = _number(m.group(2)) if m.group(2) else None
        if ref is None or n is None or m.group(1) == "recent":
            return DateValue(None, "interval")
        if m.group(1) in ("next", "coming"):
            return _interval(ref, _shift(ref, m.group(3), n))
        return _interval(_shift(ref, m.group(3), -n), ref)
    # "three days ago"
    m = re.fullmatch(rf"({_NUM_RE}) ({_UNIT_RE}) ago", s)
    if m:
        n, unit = _number(m.group(1)), m.group(2).rstrip("s")
        if ref is None or n is None:
            return DateValue(None, unit if unit in ("day", "month", "year") else None)
        d = _shift(ref, unit, -n)
        if unit == "month":
            return _month(d.year, d.month)
        if unit == "year":
            return DateValue(f"{d.year:04d}", "year")
        return _day(d)
    # anaphoric: relative to another event, not to the report date -> value unknown
    m = re.fullmatch(
        rf"(?:(?:(?:the|that) )?(?:following|same|subsequent) ({_UNIT_RE}|morning|afternoon|evening|night))"
        rf"|(?:(?:the|that) (?:next|previous|preceding) ({_UNIT_RE}|morning|afternoon|evening|night))"
        rf"|(?:next|previous|preceding) (day|morning|afternoon|evening|night)"
        rf"|(?:(?:a|an|{_NUM_RE}|a few|several) ({_UNIT_RE}) (?:later|earlier|afterwards|after|before|beforehand|on))"
        rf"|(?:the|that) (day|week|month|year|morning|evening|night|afternoon)", s)
    if m:
        unit = next((g for g in m.groups() if g), "day").rstrip("s")
        return DateValue(None, unit if unit in ("day", "month", "year", "week") else "day")

    # --- holidays and seasons ---------------------------------------------------------
    for loose in (False, True):  # exact names first ("new year's eve" before "new year")
        suffix = r"(?:'s)?(?: (?:day|holiday|holidays|period|season))?" if loose else ""
        for h in holidays:
            for name in h.names:
                m = re.fullmatch(rf"(?:the )?(?:(?:upcoming|coming|last|next|this) )?{re.escape(name)}{suffix}(?:,? ({_YEAR_RE}))?", s)
                if m:
                    return _holiday_value(h, int(m.group(1)) if m.group(1) else None, ref)
    if re.search(r"\b(?:" + "|".join(SEASONS) + r"|holiday season|holidays)\b", s):
        return DateValue(None, "season")

    # --- the long tail: dateparser ----------------------------------------------------
    return _via_dateparser(s, ref)


# --------------------------------------------------------------------------------------
# Reference date from the top of a report
# --------------------------------------------------------------------------------------

_FULL_DATE_TEXT = (
    rf"(?:{_DAY_RE}\s+{_MONTH_RE},?\s+(?:{_YEAR_RE}|\d\d)|{_MONTH_RE}\s+{_DAY_RE},?\s+{_YEAR_RE}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
_PLACE = r"[A-Z][A-Za-z.'\u2019\- ]{1,40}?"
_DATELINE_RE = re.compile(
    rf"^[ \t]*(?P<place>{_PLACE})(?:\s*\([^)\n]{{1,40}}\))?(?:,\s*{_PLACE})?,\s*"
    rf"(?P<date>{_FULL_DATE_TEXT})\s*(?:\([^)\n]{{1,60}}\)\s*)?(?:--|\u2014|\u2013|-|:)",
    re.MULTILINE | re.IGNORECASE,
)
_WEEK_HEADER_RE = re.compile(
    r"^[ \t]*(?:the\s+)?(?P<date>week\s+(?:of|ending|beginning|commencing|starting)\s+[^\n]{4,40}?)[ \t.]*$",
    re.MULTILINE | re.IGNORECASE,
)
_PUBLISHED_RE = re.compile(
    rf"^[ \t]*(?:(?:published|date|dated|issued|released|updated|as of)\b[ \t]*:?[ \t]*)?(?P<date>{_FULL_DATE_TEXT})[ \t.]*$",
    re.MULTILINE | re.IGNORECASE,
)
# Dateline "places" that are not places (FBIS: "NO CITY (EL SALVADOR)", "CLANDESTINE, ...").
NON_PLACES = {"no city", "clandestine", "unknown", "no dateline"}


class HeaderReference(NamedTuple):
    date: str  # ISO day
    source: str  # "dateline"
    place: str | None  # dateline place as written
    start: int  # offsets of the date text
    end: int


def infer_header_reference(text: str, head_chars: int = 1500) -> HeaderReference | None:
    """The report date from a dateline, week header or publication line near the top."""
    head = text[:head_chars]
    found: list[tuple[int, HeaderReference]] = []
    m = _DATELINE_RE.search(head)
    if m:
        value = normalise_date(m.group("date"))
        if value.granularity == "day" and value.value:
            place = m.group("place").strip()
            place = None if place.lower() in NON_PLACES else place
            found.append((m.start(), HeaderReference(value.value, "dateline", place, m.start("date"), m.end("date"))))
    m = _WEEK_HEADER_RE.search(head)
    if m:
        value = normalise_date(m.group("date"))
        if value.value and value.granularity in ("interval", "day"):
            end = value.value.split("/")[-1]
            found.append((m.start(), HeaderReference(end, "dateline", None, m.start("date"), m.end("date"))))
    m = _PUBLISHED_RE.search(head[:600])
    if m:
        value = normalise_date(m.group("date"))
        if value.granularity == "day" and value.value:
            found.append((m.start(), HeaderReference(value.value, "dateline", None, m.start("date"), m.end("date"))))
    if not found:
        return None
    return min(found, key=lambda x: x[0])[1]


_NO_DATE_DATELINE_RE = re.compile(
    rf"^[ \t]*(?P<place>{_PLACE})(?:\s*\([^)\n]{{1,40}}\))?(?:,\s*{_PLACE})?,\s*NO DATE\b", re.MULTILINE | re.IGNORECASE
)


# the dateline a report opens with, read for its names only, also without a year: "TEGUCIGALPA, 7 FEB
# (REUTER) --", "NO CITY (EL SALVADOR), 19 MAR 89 (FBIS) --" (the country in parentheses)
_OPENING_DATELINE_RE = re.compile(
    r"\A\s*(?P<place>[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+){0,3})\s*(?:\((?P<paren>[^()\n,]{2,40})\))?"
    rf"\s*,\s*\d{{1,2}}\s+{_MONTH_RE}(?![^\W\d_])",
    re.IGNORECASE,
)


def dateline_names(text: str) -> list[str]:
    """The names of the opening dateline, the country in parentheses first ("NO CITY (EL SALVADOR)",
    "PANAMA CITY (PANAMA)"); FBIS's "NO CITY" and "CLANDESTINE" are no names."""
    m = _OPENING_DATELINE_RE.match(text[:200])
    if not m:
        return []
    names = [m.group("paren"), m.group("place")]
    return [n.strip() for n in names if n and n.strip().lower() not in NON_PLACES]


def infer_dateline_place(text: str, head_chars: int = 1500) -> str | None:
    """The place of a dateline, also one without a date ("LIMA, NO DATE (TELEVISION PERUANA) --")
    or a year ("TEGUCIGALPA, 7 FEB (REUTER) --")."""
    header = infer_header_reference(text, head_chars)
    if header is not None and header.place:
        return header.place
    for m in (_NO_DATE_DATELINE_RE.search(text[:head_chars]), _OPENING_DATELINE_RE.match(text[:200])):
        if m and m.group("place").strip().lower() not in NON_PLACES:
            return m.group("place").strip()
    return None


def explicit_full_date(text: str) -> date | None:
    """The day of an explicit day-month-year expression (or the end of an explicit
    interval such as "8–14 March 2021"); None for anything relative or partial."""
    value = normalise_date(text, None)
    if value.value and value.granularity in ("day", "interval") and re.search(r"\d{4}|\b\d{1,2}\s+" + _MONTH_RE + r"\s*\d\d\b", clean_date_text(text)):
        return parse_iso(value.value.split("/")[-1])
    return None


# --------------------------------------------------------------------------------------
# Anaphoric expressions: relative to an earlier date in the text, not to the report date
# --------------------------------------------------------------------------------------

_PART_UNIT = r"(?:day|morning|afternoon|evening|night)"
_ANAPHORA: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"(?:(?:the|that) )?same {_PART_UNIT}"), 0),
    (re.compile(rf"(?:(?:the|that) )?(?:following|next|subsequent) {_PART_UNIT}|the {_PART_UNIT} after"), 1),
    (re.compile(rf"(?:(?:the|that) )?(?:previous|preceding) {_PART_UNIT}|the {_PART_UNIT} before"), -1),
)
_OFFSET_RE = re.compile(rf"(?P<n>{_NUM_RE}|a few|several) (?P<unit>day|week|month|year)s? (?P<dir>later|afterwards|after|on|earlier|before|beforehand|previously)")


@lru_cache(maxsize=4096)
def resolve_anaphoric(text: str, anchor: str) -> DateValue:
    """Value of "the following day", "two days later", "a month earlier" ... counted from
    ``anchor`` (ISO day of the date the text last mentioned); NULL when not such a form."""
    a = parse_iso(anchor)
    if a is None:
        return NULL
    s = strip_leading_context(clean_date_text(text))
    for pattern, offset in _ANAPHORA:
        if pattern.fullmatch(s):
            return _day(a + timedelta(days=offset))
    m = _OFFSET_RE.fullmatch(s)
    if m:
        n = _number(m.group("n"))
        if n is None:
            return NULL
        sign = -1 if m.group("dir") in ("earlier", "before", "beforehand", "previously") else 1
        unit = m.group("unit")
        d = _shift(a, unit, sign * n)
        if unit == "month":
            return _month(d.year, d.month)
        if unit == "year":
            return DateValue(f"{d.year:04d}", "year")
        return _day(d)
    return NULL
