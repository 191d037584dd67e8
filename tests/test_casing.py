"""The recaser changes only letter case, and only in ALL-CAPS text."""

from __future__ import annotations

import pytest

from extract.casing import common_words, given_names, is_all_caps, recase, surname_follows
from extract.patterns import pattern_dirs

CABLE = (
    "LIMA, 15 NOV 89 -- A STOLEN PICKUP LOADED WITH DYNAMITE EXPLODED OUTSIDE A BANK IN "
    "MIRAFLORES, KILLING THREE PERSONS. THE POLICE ATTRIBUTE THE ATTACK TO SENDERO LUMINOSO."
)


def test_same_length_and_same_letters():
    out = recase(CABLE)
    assert len(out) == len(CABLE)
    assert out.upper() == CABLE.upper()
    assert not is_all_caps(out)


@pytest.mark.parametrize(
    ("expected",),
    [("Lima",), ("Miraflores",), ("dynamite",), ("exploded",), ("Nov",), ("The police",)],
)
def test_names_capitalised_words_lowered(expected):
    assert expected in recase(CABLE)


def test_mixed_case_text_is_unchanged():
    text = "ISIS claimed the attack in Cairo on December 11, 2016."
    assert recase(text) == text


def test_all_caps_headline_in_mixed_text_is_recased():
    text = "LAKE CHAD BASIN: WEEKLY CONFLICT OVERVIEW\nFighters attacked a base in Niger on Monday."
    out = recase(text)
    assert out.startswith("Lake Chad") and "weekly conflict" in out.lower()
    assert out.endswith("Fighters attacked a base in Niger on Monday.")


def test_capitalised_known_place_in_mixed_text_gets_its_usual_casing():
    text = "QUETTA, Pakistan, 22 April 2021 — A car bomb tore through a hotel. The ISIS cell fled."
    out = recase(text)
    assert out.startswith("Quetta, Pakistan")
    assert "ISIS" in out


@pytest.mark.parametrize(
    ("cable", "name"),
    [
        ("INDEPENDENT CANDIDATE RICARDO BELMONT WON THE LIMA MAYORALTY.", "Ricardo Belmont"),
        ("MONSIGNOR GREGORIO ROSA CHAVEZ TODAY STATED THAT THE CHURCH IS PLEASED.", "Gregorio Rosa Chavez"),
        ("PRESIDENT ALAN GARCIA'S APRA PARTY IS TRAILING IN THE POLLS.", "Alan Garcia's APRA party"),
    ],
)
def test_given_name_starts_a_person_name(cable, name):
    assert name in recase(cable)


@pytest.mark.parametrize(
    ("cable", "expected"),
    [
        # a given name that is also an English word starts a name before a surname-like word
        ("THE KIDNAPPING OF SOCIAL DEMOCRATIC LEADER HECTOR OQUELI COLINDRES IN GUATEMALA CITY.", "Hector Oqueli Colindres"),
        ("UNIDENTIFIED MEN SHOT JOURNALIST FRANK ZELAYA IN SAN PEDRO SULA.", "Frank Zelaya"),
        # ... but not before an ordinary word, and an irregular verb form ("said") is never one
        ("THE OFFICIALS WILL MARK THE DATE WITH A CEREMONY.", "will mark the date"),
        ("THE POLICE SAID ALI HAD BEEN ARRESTED.", "police said Ali"),
        # an English word ends a name before a comma or full stop, but not an adverb or a verb form
        ("ENGINEERS CARLOS MORES, WHO WORK FOR A MEXICAN FIRM, WERE KIDNAPPED.", "Carlos Mores,"),
        ("REBELS TRIED TO KIDNAP SECRETARY GENERAL JOAO BAENA SOARES.", "Joao Baena Soares."),
        ("THE MINISTER VISITED MARIA YESTERDAY, AS PLANNED.", "Maria yesterday,"),
        ("ON MONDAY JOSE PEREZ SAID, HOWEVER, THAT NOTHING HAPPENED.", "Jose Perez said,"),
        ("THE BOMB DAMAGED THE JOSE MARIA GARCIA SCHOOL.", "Garcia school."),  # a building's head noun
    ],
)
def test_given_name_that_is_a_word(cable, expected):
    assert expected in recase(cable)


@pytest.mark.parametrize(
    ("next_word", "opens"),
    [
        ("OQUELI", True),  # not an English word: a surname
        ("ANTONIO", True),  # a given name: "HECTOR ANTONIO ..."
        ("THE", False),
        ("DATES", False),  # an English word, through its suffix
    ],
)
def test_surname_follows(next_word, opens):
    """The one rule the recaser and the given-name recogniser share: "HECTOR OQUELI", not "MARK THE"."""
    given, _ = given_names(tuple(pattern_dirs()))
    assert surname_follows(next_word, given, common_words()) is opens


@pytest.mark.parametrize(
    ("cable", "expected"),
    [
        ("LIMA, 12 MAY 90 -- [TEXT] ON 11 MAY A BOMB DESTROYED A BUILDING IN LIMA.", "On 11 May a bomb destroyed"),
        ("THE ELECTIONS WILL BE HELD IN MAY 1990, THE MINISTER SAID TODAY.", "in May 1990"),
        ("THE GUERRILLAS MAY ATTACK THE CAPITAL AGAIN, THE MINISTER SAID TODAY.", "guerrillas may attack"),
    ],
)
def test_may_is_the_month_next_to_a_number(cable, expected):
    assert expected in recase(cable)


@pytest.mark.parametrize(
    ("cable", "expected"),
    [
        ("BOGOTA, 4 JAN 90 -- A CAR BOMB EXPLODED IN MEDELLIN TODAY.", "in Medellin today"),
        ("LIMA, 4 JAN 90 -- THE MAYOR FLEW TO BOGOTA TODAY AFTER THE ATTACK.", "to Bogota today"),
    ],
)
def test_city_written_without_its_accents(cable, expected):
    assert expected in recase(cable)


@pytest.mark.parametrize(
    ("text", "threshold", "expected"),
    [
        ("", 0.9, False),
        ("12 -- 345.", 0.9, False),  # no cased letter
        ("LIMA, 15 NOV 89 -- A BOMB EXPLODED.", 0.9, True),
        ("LIMA, 15 NOV 89 -- A BOMB EXPLODED.", 1.0, True),
        ("LIMA, 15 Nov 89 -- A BOMB EXPLODED.", 1.0, False),
        ("ABCDEFGHIj", 0.9, True),  # 9 of 10
        ("ABCDEFGHij", 0.9, False),
        ("BOGOTÁ, 10 JUL 89 (EFE) -- PABLO ESCOBAR’S MEN", 1.0, True),  # not ASCII
        ("BOGOTá, 10 JUL 89", 1.0, False),
        ("ÉÉÉÉÉÉÉÉÉß", 0.9, True),  # "ß" is lower case
        ("ǅ ǈ ǋ", 0.9, False),  # title-case letters are neither
        ("Lima, 15 Nov 89 -- a bomb exploded.", 0.9, False),
    ],
)
def test_is_all_caps(text: str, threshold: float, expected: bool) -> None:
    assert is_all_caps(text, threshold) is expected


@pytest.mark.parametrize(
    ("cable", "expected"),
    [
        # the bare names of a state's forces (organisations.jsonl country_aliases) are names in any report
        ("SAN SALVADOR, 12 NOV 89 -- A SPOKESMAN FOR THE NATIONAL GUARD SAID 15 PEOPLE WERE ARRESTED.", "the National Guard"),
        ("LIMA, 25 MAR 90 -- A BOMB EXPLODED, THE NATIONAL POLICE HAVE REPORTED.", "the National Police"),
        # "guard" and "police" alone stay words
        ("SAN SALVADOR, 12 NOV 89 -- A GUARD SAID THE POLICE ARRESTED 15 PEOPLE.", "guard said the police"),
    ],
)
def test_country_aliases_recased(cable, expected):
    assert expected in recase(cable)


def test_country_alias_army_recased():
    """"Army" is a country alias of the nine MUC-4 countries' armies: a name in ALL-CAPS text."""
    assert "the Army said" in recase("LIMA, 25 MAR 90 -- A BOMB EXPLODED, THE ARMY SAID.")


@pytest.mark.parametrize(
    ("cable", "expected"),
    [
        # a state's force by its bare name: after "the" and as a modifier
        ("THE ARMY SAID THAT TWO SOLDIERS WERE WOUNDED.", "The Army said"),
        ("ARMY TROOPS AND NATIONAL POLICE AGENTS SEALED OFF THE AREA.", "Army troops and National Police agents"),
        ("A SPOKESMAN FOR THE NATIONAL GUARD DENIED IT.", "the National Guard denied"),
        # after an indefinite determiner the words are common nouns
        ("AN ARMY OF VOLUNTEERS CLEARED THE STREETS.", "An army of volunteers"),
        ("THE REBELS SAID NO ARMY COULD DEFEAT THEM.", "no army could"),
    ],
)
def test_bare_force_names_are_names_except_after_an_indefinite_determiner(cable, expected):
    assert expected in recase(cable)
