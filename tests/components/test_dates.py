"""extract_dates on real sentences through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.components.dates import AnchoredMatcher, DatePatternEntry, expand_pattern
from extract.patterns import PatternFileError


def run(nlp, text, reference=None):
    doc = nlp.make_doc(text)
    if reference:
        doc._.reference_date = reference
        doc._.reference_date_source = "option"
    return nlp(doc)


def dates(doc):
    return {e.text: (e._.info or {}).get("value") for e in doc.ents if e.label_ == "DATE"}


# (sentence, reference date, {date text: value}) -- sentences from the dev reports
FOUND = [
    ("ISIS propaganda (Cover of issue #2 of Rumiyah, an ISIS publication, October 4, 2016).", None,
     {"October 4, 2016": "2016-10-04"}),
    ("The vehicular attack in the Christmas market in Berlin on December 19, 2016, which killed 12 people.", None,
     {"December 19, 2016": "2016-12-19"}),
    ("Examples of attacks, both carried out and prevented, during the past two months.", "2016-12-19",
     {"the past two months": "2016-10-19/2016-12-19"}),
    ("In 2019, thirteen Member States reported a total of 119 attacks, down from 129 in the previous year.",
     "2019-11-19", {"2019": "2019", "the previous year": "2018"}),
    ("On the evening of 19 January 2019, a car bomb exploded outside the courthouse on Bishop Street.", None,
     {"19 January 2019": "2019-01-19"}),
    ("Member States expect lone actors to remain the principal threat in 2020.", None, {"2020": "2020"}),
    ("ISWAP fighters killed four soldiers in an IED attack near Konduga, Borno State, on Monday.", "2021-03-14",
     {"Monday": "2021-03-08"}),
    ("The previous week, ISWAP fighters briefly overran the town of Dikwa.", "2021-03-14",
     {"The previous week": "2021-03-01/2021-03-07"}),
    ("On Thursday night, gunmen stormed a Qur'anic school in Mozogo.", "2021-03-14",
     {"Thursday night": "2021-03-11"}),
    ("Troops launched a search of the Mandara Mountains on Saturday.", "2021-03-14", {"Saturday": "2021-03-13"}),
    ("Inmates held on terrorism charges seized weapons on Tuesday and killed five officers.", "2018-05-13",
     {"Tuesday": "2018-05-08"}),
    ("JAD was formed in 2015 by supporters of the jailed cleric Aman Abdurrahman.", None, {"2015": "2015"}),
    ("Indonesia has suffered periodic militant attacks since the 2002 Bali bombings.", None, {"2002": "2002"}),
    ("The campaign bears no comparison with the 2007 attacks on Estonia.", None, {"2007": "2007"}),
    ("Seth G. Jones and Martin C. Libicki's RAND report How Terrorist Groups End (2008) argued that most had ended.",
     None, {"2008": "2008"}),
    ("Killnet announced on 25 June that it would take down Lithuanian online infrastructure.", "2022-07-04",
     {"25 June": "2022-06-25"}),
    # ALL-CAPS cable text, straight into the pipeline (no recasing)
    ("AT ABOUT 2130 LOCAL ON 14 NOV, A STOLEN PICKUP EXPLODED OUTSIDE A BRANCH OF THE BANCO DE CREDITO.",
     "1989-11-15", {"14 NOV": "1989-11-14"}),
    ("IN THE THREE DAYS SINCE THE 12 NOV MUNICIPAL ELECTIONS, LIMA HAS SEEN A DEADLY CAR BOMB.", "1989-11-15",
     {"12 NOV": "1989-11-12"}),
    ("SENDERO LUMINOSO HAS CALLED A 48-HOUR ARMED STRIKE IN THE CENTRAL HIGHLANDS BEGINNING 22 NOV.", "1989-11-15",
     {"22 NOV": "1989-11-22"}),
    ("A SIMILAR STRIKE IN AYACUCHO LAST MONTH HALTED ROAD TRAFFIC FOR TWO DAYS.", "1989-11-15",
     {"LAST MONTH": "1989-10"}),
    ("THE MRTA, WHOSE LEADER VICTOR POLAY HAS BEEN JAILED SINCE FEBRUARY, HAS FINANCED ITSELF THROUGH KIDNAPPINGS.",
     "1989-11-15", {"FEBRUARY": "1989-02"}),
    ("DIRCOTE BELIEVES THE SAME CELL SEIZED TWO OTHER EXECUTIVES EARLIER THIS YEAR.", "1989-11-15",
     {"EARLIER THIS YEAR": "1989"}),
    ("THE GROUPS WANT TO REASSERT THEMSELVES AHEAD OF THE GENERAL ELECTIONS IN APRIL 1990.", "1989-11-15",
     {"APRIL 1990": "1990-04"}),
]


@pytest.mark.parametrize(("sentence", "reference", "expected"), FOUND)
def test_dates_found_and_normalised(nlp, sentence, reference, expected):
    found = dates(run(nlp, sentence, reference))
    for text, value in expected.items():
        assert text in found, f"{text!r} not in {found}"
        assert found[text] == value


# (sentence, text that must not be a DATE) -- the hard negatives of the dev gold notes
NOT_DATES = [
    ("Intelligence experts estimate that ISIS has between 60 and 80 ISIS operatives planted in Europe.",
     "between 60 and 80"),
    ("Member States reported a total of 119 completed, failed and foiled terrorist attacks.", "119"),
    ("Mickael Harpon, a 45-year-old computer technician, had worked in the building for 16 years.", "45-year-old"),
    ("Mickael Harpon, a 45-year-old computer technician, had worked in the building for 16 years.", "16 years"),
    ("Stephan Balliet, aged 27, was arrested roughly 90 minutes later on a road south of the city.", "27"),
    ("Most of the suspects arrested were between 20 and 30 years old.", "between 20 and 30 years old"),
    ("Mobile coverage in the valley was interrupted for two days.", "two days"),
    ("A car bomb exploded minutes after police had evacuated the area.", "minutes"),
    ("Aid workers sheltered in a bunker for several hours before troops regained control.", "several hours"),
    ("They abducted 17 pupils aged between eight and 14.", "between eight and 14"),
    ("Borno State recorded the highest number of events, as it has almost every week since 2009.", "almost every week"),
    ("FOUR ARMED MEN BLOCKED THE VEHICLE OF JORGE ALBERTO VELARDE, 58, PRESIDENT OF A TEXTILE EXPORT FIRM.", "58"),
    ("SENDERO LUMINOSO HAS CALLED A 48-HOUR ARMED STRIKE IN THE CENTRAL HIGHLANDS.", "48-HOUR"),
    ("AT ABOUT 2130 LOCAL ON 14 NOV, A STOLEN PICKUP EXPLODED.", "2130 LOCAL"),
    ("TO SECSTATE WASHDC IMMEDIATE 4471\nSECTION 01 OF 02 LIMA 10871", "4471"),
    ("Western governments attribute APT28 to Unit 26165 of Russia's military intelligence service.", "26165"),
    ("Their two daughters, aged nine and 12, blew themselves up at the church.", "nine and 12"),
    ("Fighters held parts of the city for five months before they were driven out.", "five months"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_DATES)
def test_non_dates_are_removed(nlp, sentence, text):
    doc = run(nlp, sentence, "2019-11-19")
    found = [e.text for e in doc.ents if e.label_ == "DATE"]
    assert not any(text in f or f in text.split() for f in found), found


# "March" and "May" after an article or possessive, neither followed by a number nor modifying a noun
# after them, are the noun ("a march", "the march ended"); "in March", "last March", "the March
# elections", "the March 1980 massacre" stay dates.
MONTH_WORD_NOUNS = [
    ("PALACIOS AND OTHER LABOR LEADERS HEADED A MARCH TO ACCOMPANY THE BODIES OF THE WORKERS.", "MARCH", False),
    ("TENSION WAS HIGH DURING THE MARCH, MAINLY BECAUSE OF THE HEAVY MILITARY PRESENCE.", "MARCH", False),
    ("Thousands of students joined the March to the cathedral on Sunday.", "March", False),
    ("THE GUERRILLAS BLEW UP THE POWER PYLONS IN MARCH.", "MARCH", True),
    ("THE GUERRILLAS HAVE ATTACKED THE BARRACKS THREE TIMES SINCE LAST MARCH.", "LAST MARCH", True),
    ("The guerrillas threatened to disrupt the March elections.", "March", True),
    ("THE MARCH 1980 MASSACRE OF PEASANTS WAS RECALLED BY THE BISHOP.", "MARCH 1980", True),
]


@pytest.mark.parametrize(("sentence", "text", "is_date"), MONTH_WORD_NOUNS)
def test_month_word_after_an_article_is_the_noun(nlp, sentence, text, is_date):
    found = [e.text for e in run(nlp, sentence, "1989-11-02").ents if e.label_ == "DATE"]
    assert (text in found) == is_date, found


def test_date_never_overrides_named_entities(nlp):
    doc = run(nlp, "Bank branches in Miraflores were hit on Monday by the Shining Path.", "2021-03-14")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Monday") == "DATE"
    assert all(lab != "DATE" for text, lab in labels.items() if "Miraflores" in text or "Shining Path" in text)


def test_span_attributes(nlp):
    doc = run(nlp, "A SIMILAR STRIKE IN AYACUCHO LAST MONTH HALTED ROAD TRAFFIC. On 3 October 2019 he was shot.",
              "1989-11-15")
    spans = {e.text: e for e in doc.ents if e.label_ == "DATE"}
    last_month = spans["LAST MONTH"]
    assert last_month._.source.startswith(("rule:", "model:"))
    assert last_month._.canonical == "1989-10"
    assert last_month._.info == {"value": "1989-10", "granularity": "month"}
    assert 0 < last_month._.confidence <= 1
    full = spans["3 October 2019"]
    assert full._.info == {"value": "2019-10-03", "granularity": "day"}


def test_rule_source_names_the_pattern(nlp):
    doc = run(nlp, "THE CELL SEIZED TWO OTHER EXECUTIVES EARLIER THIS YEAR AND ON 12 NOV.", "1989-11-15")
    sources = {e.text: e._.source for e in doc.ents if e.label_ == "DATE"}
    assert all(s.startswith(("rule:", "model:")) for s in sources.values())
    assert any(s.startswith("rule:") for s in sources.values())


def test_anaphoric_date_resolved_in_its_paragraph(nlp):
    doc = run(nlp, "The stabbing took place on 3 October 2019. Prosecutors took over the case the following day.",
              "2019-11-19")
    assert dates(doc).get("the following day") == "2019-10-04"


# ---------------------------------------------------------------- reference date inference

@pytest.mark.parametrize(
    ("text", "reference", "source", "place"),
    [
        ("LIMA, 15 NOV 89 -- \n\nA CAR BOMB EXPLODED IN MIRAFLORES ON 14 NOV.", "1989-11-15", "dateline", "LIMA"),
        ("SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] THE ARMED FORCES REPORTED CLASHES YESTERDAY.",
         "1990-01-03", "dateline", "SAN SALVADOR"),
        ("WEEKLY CONFLICT OVERVIEW\nWeek of 8\u201314 March 2021\n\nISWAP fighters attacked Konduga on Monday.",
         "2021-03-14", "dateline", None),
        ("Police arrested a man on 19 November 2019. The attack of 3 October 2019 killed four.",
         "2019-11-19", "text", None),
        ("Attacks continued in recent months, and officials expect more next year.", None, None, None),
    ],
)
def test_reference_date_inference(nlp, text, reference, source, place):
    doc = run(nlp, text)
    assert doc._.reference_date == reference
    assert doc._.reference_date_source == source
    if place:
        assert doc._.default_place.upper() == place


def test_given_reference_date_is_kept(nlp):
    doc = run(nlp, "LIMA, 15 NOV 89 -- \n\nA STRIKE IN AYACUCHO LAST MONTH.", "1990-02-10")
    assert doc._.reference_date == "1990-02-10"
    assert doc._.reference_date_source == "option"
    assert doc._.default_place.upper() == "LIMA"
    assert dates(doc)["LAST MONTH"] == "1990-01"


def test_weekdays_resolve_against_inferred_dateline(nlp):
    doc = run(nlp, "SURABAYA, Indonesia, 13 May 2018 \u2014 Bombers attacked churches on Sunday morning. "
                   "Inmates seized weapons on Tuesday.")
    assert doc._.reference_date == "2018-05-13"
    found = dates(doc)
    assert found["Sunday morning"] == "2018-05-13"
    assert found["Tuesday"] == "2018-05-08"


# ---------------------------------------------------------------- end to end on the dev reports

GOLD_FILES = sorted(Path(__file__).resolve().parents[2].joinpath("corpora", "dev").glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_dev_gold_dates(extractor, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = gold_path.with_name(gold["text_file"]).read_text(encoding="utf-8")
    document = extractor.extract_text(text, source=gold["text_file"])
    system = document.model_dump() if hasattr(document, "model_dump") else document
    sys_dates = [e for e in system["entities"] if e["type"] == "DATE"]

    def norm(s: str) -> str:
        import re

        s = re.sub(r"^[\W_]+|[\W_]+$", "", s.lower().strip())
        s = re.sub(r"^(the|on|in|at)\s+", "", s)
        return re.sub(r"'s$", "", s)

    for g in gold["entities"]:
        if g["type"] != "DATE" or g.get("optional"):
            continue
        names = {norm(n) for n in g["names"]}
        hits = [e for e in sys_dates
                if names & {norm(e["text"]), *(norm(m["text"]) for m in e["mentions"])}]
        assert hits, f"missed {g['names'][0]!r}"
        assert any(e.get("value") == g["value"] for e in hits), (g["names"][0], [e.get("value") for e in hits])


# ---------------------------------------------------------------- anchored matching

# (text, some date-rule matches) -- sentences from the MUC-4 and dev reports and a few made up: dates at
# the first and last tokens, several close together, a Doc that is one date, a Doc without one
ANCHORED = [
    ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] THE GUATEMALA ARMY DENIED TODAY THAT GUERRILLAS ATTACKED "
     "THE \"SANTO TOMAS\" PRESIDENTIAL FARM", {"4 FEB 90", "TODAY"}),
    ("THE KIDNAPPERS, SOME OF WHOM HAVE BEEN UNDER ARREST SINCE APRIL", {"SINCE APRIL"}),
    ("TODAY, 9 MARCH, WE HAVE RECEIVED A MESSAGE", {"TODAY", "9 MARCH"}),
    ("THE UNITED STATES IN 1989, DURING THE PAST ADMINISTRATION, TO SOLVE TWO CASES", {"IN 1989"}),
    ("KIDNAPPINGS FOR RANSOM, AND DIRCOTE BELIEVES THE SAME CELL SEIZED TWO OTHER EXECUTIVES EARLIER THIS YEAR",
     {"EARLIER THIS YEAR"}),
    ("Week of 8–14 March 2021", {"8–14 March 2021", "8–14 March"}),
    ("a novel that circulated widely in militia circles during the mid-1990s", {"mid-1990s"}),
    ("They are younger and better organised online than they were three years ago", {"three years ago"}),
    ("How Terrorist Groups End (2008) and the 2002 Bali bombings", {"(2008)", "the 2002 Bali"}),
    ("On Monday night, 14 November 1989, and again on 15 NOV 89", {"Monday night", "14 November 1989",
                                                                   "14 November", "15 NOV 89", "15 NOV"}),
    ("15 NOV", {"15 NOV"}),
    ("No date here at all.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ANCHORED)
def test_anchored_matcher_matches_as_the_whole_doc(nlp, text, expected):
    matcher = nlp.get_pipe("extract_dates").matcher
    for variant in (text, text.upper(), text.lower()):
        doc = nlp.make_doc(variant)
        assert matcher(doc) == matcher.matcher(doc)  # the same matches in the same order
    doc = nlp.make_doc(text)
    found = {doc[s:e].text for _, s, e in matcher(doc)}
    assert expected <= found and bool(found) == bool(expected)


@pytest.mark.parametrize(("pattern", "whole"), [
    ([{"TEXT": {"REGEX": "^(19|20)\\d\\d$"}}], False),
    ([{"lower": "in"}, {"text": {"REGEX": "^(19|20)\\d\\d$"}}], False),  # keys in any case
    ([{"LIKE_NUM": True}, {"LOWER": "days", "OP": "?"}], True),  # no word list or regex to anchor on
    ([{"LOWER": "in"}, {"LIKE_NUM": True, "op": "+"}], True),  # a match of any length (an "op" is an "OP")
    ([{"LOWER": "in"}, {"LOWER": "the", "OP": "!"}, {"LIKE_NUM": True}], True),
])
def test_anchored_matcher_falls_back_to_the_whole_doc(nlp, pattern, whole):
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("rule", pattern)
    assert matcher.whole is whole
    doc = nlp.make_doc("In 1989 three days passed, in 1990 in 12 or in the 13 days")
    assert matcher(doc) == matcher.matcher(doc) and matcher(doc)


# ---------------------------------------------------------------- pattern file handling

def test_unknown_macro_is_an_error():
    entry = DatePatternEntry(id="bad", pattern=["$DAY", "$FORTNIGHT"])
    with pytest.raises(PatternFileError, match="FORTNIGHT"):
        expand_pattern(entry)


def test_optional_macro():
    entry = DatePatternEntry(id="ok", pattern=["$DAY", "$MONTH", "$YEAR?"])
    tokens = expand_pattern(entry)
    assert tokens[2]["OP"] == "?"
    assert "OP" not in tokens[0]


def test_component_round_trips_to_disk(nlp, tmp_path):
    comp = nlp.get_pipe("extract_dates")
    comp.to_disk(tmp_path)
    assert (tmp_path / "date_patterns.jsonl").is_file()
    before = len(comp.entries["date_patterns.jsonl"])
    comp.from_disk(tmp_path)
    assert len(comp.entries["date_patterns.jsonl"]) == before


@pytest.mark.parametrize(
    ("text", "clock", "year"),
    [
        ("SAN SALVADOR, 3 JAN 90 -- AT 1835 TODAY, URBAN GUERRILLAS ATTACKED A BUS.", "1835", None),
        ("The curfew lasted until 0600 hours, police said on 4 May 2019.", "0600", None),
        ("In 1998, the group bombed two embassies in East Africa.", None, "1998"),
    ],
)
def test_four_digit_clock_times_are_not_years(nlp, text, clock, year):
    dates = {e.text for e in nlp(text).ents if e.label_ == "DATE"}
    if clock:
        assert clock not in dates
    if year:
        assert year in dates


@pytest.mark.parametrize(
    "text",
    [
        "LIMA, 9 JAN 90 -- ON 27 MARCH, FROM 1710 TO 2250, THE POLICE BASE WAS ATTACKED.",
        "BOGOTA, 3 MAY 90 -- THE LAWYER WAS KILLED AT ABOUT\n1620 THIS AFTERNOON.",
    ],
)
def test_clock_time_ranges_and_wrapped_lines(nlp, text):
    values = {(e._.info or {}).get("value") for e in nlp(text).ents if e.label_ == "DATE"}
    assert not {"1710", "2250", "1620"} & values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and its month wrapped over two lines of wire text are one date
        ("SAN SALVADOR, 5 NOV 89 -- THE ATTACK THAT KILLED 10 TRADE UNION MEMBERS ON 31\nOCTOBER WAS CONDEMNED.",
         {"31\nOCTOBER": "1989-10-31"}),
        ("SAN SALVADOR, 5 NOV 89 -- THE BOMB EXPLODED ON 31\n   OCTOBER 1989 IN FRONT OF THE UNION OFFICES.",
         {"31\n   OCTOBER 1989": "1989-10-31"}),
        # a count at the end of a line, then a month beginning the next sentence, is not one
        ("SAN SALVADOR, 5 NOV 89 -- THE GUERRILLAS KILLED 10.\nOCTOBER WAS A VIOLENT MONTH.", {}),
    ],
)
def test_day_and_month_over_a_line_break(nlp, text, expected):
    found = {e.text: (e._.info or {}).get("value") for e in nlp(text).ents
             if e.label_ == "DATE" and "\n" in e.text}
    assert found == expected
