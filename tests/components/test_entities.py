"""extract_entities: model labels mapped to the contract's types, junk removed, titles stripped."""

from __future__ import annotations

import pytest


def ents(nlp, text):
    doc = nlp(text)
    return {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("The attacks are listed in Appendix C of this report.", "Appendix C"),
        ("Event counts in Table 3 are provisional; see Annex 2 for coding rules.", "Annex 2"),
        ("He was charged under the Prevention of Terrorism Act in London.", "the Prevention of Terrorism Act"),
        ("Investigators said Harpon had converted to Islam in 2008.", "Islam"),
    ],
)
def test_non_names_are_removed(nlp, sentence, absent):
    found = {text for text, _ in ents(nlp, sentence)}
    assert absent not in found
    assert absent.removeprefix("the ") not in found


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Borno State Governor Babagana Zulum called for more soldiers to be deployed.", "Babagana Zulum", "Governor"),
        ("Army spokesman Colonel Aminu Garba gave no figure for military losses.", "Aminu Garba", "Colonel"),
        ("President Joko Widodo condemned the attacks.", "Joko Widodo", "President"),
        # the Catholic clergy's abbreviated title in wire reports
        ("The murder of Msgr Oscar Arnulfo Romero shocked the country.", "Oscar Arnulfo Romero", "Msgr"),
        ("Monsignor Gregorio Rosa Chavez said mass on Sunday.", "Gregorio Rosa Chavez", "Monsignor"),
    ],
)
def test_titles_are_stripped_and_kept(nlp, sentence, name, title):
    doc = nlp(sentence)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert [p.text for p in people] == [name]
    assert people[0]._.info["title"] == title


def test_only_contract_labels_remain(nlp, corpora_dir):
    doc = nlp((corpora_dir / "dev" / "europol-style-trend-summary-2019.txt").read_text(encoding="utf-8"))
    assert {e.label_ for e in doc.ents} <= {"ORGANISATION", "PUBLICATION", "DATE", "PLACE", "PERSON"}
    assert all(e._.source for e in doc.ents)


@pytest.mark.parametrize(
    ("sentence", "not_a_name"),
    [
        ("Nigerien officials did not say whether any soldiers were missing.", "Nigerien"),
        ("Next issue: 2 May 2021. Earlier issues are archived on our website.", "Next"),
    ],
)
def test_demonyms_and_capitalised_words_are_not_names(nlp, sentence, not_a_name):
    doc = nlp(sentence)
    assert not_a_name not in {e.text for e in doc.ents if e.label_ in ("ORGANISATION", "PERSON")}


def test_titled_hyphenated_name_is_a_person(nlp):
    doc = nlp("The coup was led by Lieutenant-Colonel Paul-Henri Sandaogo Damiba, who overthrew the president.")
    assert "Paul-Henri Sandaogo Damiba" in {e.text for e in doc.ents if e.label_ == "PERSON"}


def people(extractor, text):
    """PERSON spans of a text as the extractor sees it (recased when in capitals), in original spelling."""
    doc = extractor.nlp(extractor.recaser.recase(text))
    return [(" ".join(text[e.start_char : e.end_char].split()), e._.source) for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # missed by the model
        ("BOGOTA, 9 JAN 90 (EFE) -- [TEXT] RICARDO ALFONSO CASTELLAR, MAYOR OF ACHI, WAS KILLED BY GUERRILLAS TODAY.",
         "RICARDO ALFONSO CASTELLAR"),
        ("ENGINEERS ARMANDO CAYCEDO CAMARGO AND TWO OTHER EMPLOYEES WERE KIDNAPPED.", "ARMANDO CAYCEDO CAMARGO"),
        # called an organisation by the model
        ("THE MURDERED INSPECTOR WAS IDENTIFIED AS GUSTAVO ROPERO NAVARRO, 22, FROM GUACHICA.", "GUSTAVO ROPERO NAVARRO"),
        # cut short by the model
        ("THE POLICE HAVE REPORTED THAT SALVADORAN PRESIDENCY MINISTER JOSE ANTONIO RODRIGUEZ PORTH WAS SERIOUSLY "
         "WOUNDED THIS MORNING.", "JOSE ANTONIO RODRIGUEZ PORTH"),
        ("DRUG TRAFFICKERS ARE HOLDING LIBERAL SENATOR FEDERICO ESTRADA VELEZ IN MEDELLIN.", "FEDERICO ESTRADA VELEZ"),
        # wrapped over two lines of a cable
        ("OQUELI'S BODY WAS FOUND NEXT TO THE BODY OF GUATEMALAN POLITICIAN GILDA\nFLORES, WHO WAS TAKING HIM TO "
         "THE AIRPORT.", "GILDA FLORES"),
        # a last surname that is also an English word, before a comma or a full stop
        ("ENGINEERS ARMANDO CAYCEDO CAMARGO AND CARLOS MORES, WHO WORK FOR A MEXICAN FIRM, WERE KIDNAPPED.",
         "CARLOS MORES"),
        ("REBELS TRIED TO KIDNAP OAS SECRETARY GENERAL JOAO BAENA SOARES.", "JOAO BAENA SOARES"),
        # called a work of art by the model after a dateline's "[TEXT]"
        ("CALI, 11 SEP 89 (EFE) -- [TEXT] PABLO PELAEZ GONZALES, 45, A FORMER MAYOR, WAS MURDERED TODAY BY GUNMEN.",
         "PABLO PELAEZ GONZALES"),
        # a less common Spanish given name
        ("SATURNINO PALOMINO TUNQUI, 25, WAS INJURED WHILE HE WAS STANDING IN A LINE.", "SATURNINO PALOMINO TUNQUI"),
        # a name the model starts before the given name
        ("Damiba overthrew President Roch Marc Christian Kaboré in January.", "Roch Marc Christian Kaboré"),
        # called an organisation by the model, with a last surname that is also an English word
        ("A BOMB WENT OFF AT THE HOME OF ECUADORAN FELIPE COSTA, THE HONORARY CONSUL.", "FELIPE COSTA"),
        # more Spanish given names
        ("TWO PEASANTS, ISIDORO SAUNE AND CIRILO QUISPE, WERE KILLED IN THE ATTACK.", "ISIDORO SAUNE"),
        ("TWO PEASANTS, ISIDORO SAUNE AND CIRILO QUISPE, WERE KILLED IN THE ATTACK.", "CIRILO QUISPE"),
        ("DORA VILCHEZ, A 26-YEAR-OLD WOMAN, WAS INJURED IN THE ATTACK.", "DORA VILCHEZ"),
        ("THE INJURED ARE OMAYRA CASTRO REYES AND POLICEMAN LEON GOMEZ VIGIA.", "OMAYRA CASTRO REYES"),
        # called a place by the model, with a last surname that is also an English word
        ("THE POLICE ARE LOOKING FOR THE MEN WHO SHOT AT GUILLERMO PAYES, SECOND IN COMMAND OF THE UNIT.",
         "GUILLERMO PAYES"),
    ],
)
def test_names_opening_with_a_given_name_are_people(extractor, text, name):
    assert name in [found for found, _ in people(extractor, text)]


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("THE WOUNDED WERE TAKEN TO LUIS VERNAZA HOSPITAL IN GUAYAQUIL.", "LUIS VERNAZA"),
        ("THE WOUNDED POLICEMAN WAS ADMITTED TO LUIS VERNAZA HOSPITAL.", "LUIS VERNAZA"),
        ("GUERRILLAS ATTACKED SAN JOSE GUAYABAL LAST NIGHT.", "JOSE GUAYABAL"),
        # an organisation the model names after a person, ending in a head noun, stays whole
        ("THE WOUNDED WERE TAKEN TO THE FELIPE COSTA HOSPITAL.", "FELIPE COSTA"),
        # a place the gazetteer knows that opens with given names stays a place
        ("THE REBELS CAME FROM THE JOSE MARIA MORELOS STATE, IN MEXICO.", "JOSE MARIA MORELOS"),
    ],
)
def test_given_name_runs_leave_places_and_institutions(extractor, text, not_a_person):
    assert not any(not_a_person in found for found, _ in people(extractor, text))


def test_given_name_people_say_what_found_them(extractor):
    found = dict(people(extractor, "ENGINEERS ARMANDO CAYCEDO CAMARGO AND TWO OTHER EMPLOYEES WERE KIDNAPPED."))
    assert found["ARMANDO CAYCEDO CAMARGO"] == "rule:given-name"


def test_a_known_place_opening_with_a_given_name_stays_a_place(extractor, corpora_dir):
    """"Abu" opens Arabic names; the gazetteer knows the model's place "Abu Dhabi"."""
    text = (corpora_dir / "gold" / "asio-style-annual-report-2019-20.txt").read_text(encoding="utf-8")
    doc = extractor.nlp(extractor.recaser.recase(text))
    assert {e.label_ for e in doc.ents if e.text == "Abu Dhabi"} == {"PLACE"}


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        # the two surnames of a three-word name, which the model called a place
        ("BOGOTA, 15 DEC 89 (RADIO CADENA NACIONAL) -- [TEXT] THE POLICE HAVE REPORTED THE DEATH OF GONZALO RODRIGUEZ "
         "GACHA.  WE HAVE BEEN INFORMED THAT RODRIGUEZ GACHA, HIS SON, AND THE PEOPLE WITH THEM HAVE BEEN KILLED.",
         "RODRIGUEZ GACHA"),
        # the two surnames, which the model cut short to the first
        ("ARMY TROOPS CAPTURED JUAN CARLOS VELEZ OCHOA. VELEZ OCHOA IS ACCUSED OF THE MURDER.", "VELEZ OCHOA"),
    ],
)
def test_repeated_names_are_people(extractor, text, repeated):
    assert (repeated, "rule:repeated-name") in people(extractor, text)


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        # one word is no short form to repeat
        ("Police arrested Juan Carlos Gomez on Monday. Gomez is charged with murder.", None),
        # a place that only shares a word with the name
        ("Mayor Jose Maria Santos was kidnapped. The kidnappers took him to San Jose.", "San Jose"),
    ],
)
def test_repeated_names_leave_other_words(extractor, text, not_a_person):
    sources = [source for _, source in people(extractor, text)]
    assert "rule:repeated-name" not in sources
    if not_a_person:
        assert not_a_person not in [f for f, _ in people(extractor, text)]


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        ("THE POLICE REPORTED THE DEATH OF GONZALO RODRIGUEZ GACHA IN CARTAGENA. OFFICERS SAID RODRIGUEZ GACHA HAD "
         "BEEN SURROUNDED.", "GONZALO RODRIGUEZ GACHA", "RODRIGUEZ GACHA"),
        ("Police are looking for Pablo Escobar Gaviria. A witness said that Pablo Escobar had left Medellin.",
         "Pablo Escobar Gaviria", "Pablo Escobar"),
    ],
)
def test_short_forms_of_a_name_are_one_person(extractor, text, full, short):
    people_entities = [e for e in extractor.extract_text(text).entities if e.type == "PERSON"]
    owner = [e for e in people_entities if short in {m.text for m in e.mentions}]
    assert len(owner) == 1 and owner[0].text == full
