"""Event roles (attackers, targets, victims, weapons, perpetrators) on real report sentences.

MUC-4-style wire text (ALL-CAPS, recased before spaCy) and mixed-case prose, real pipeline.
Spans are bare noun phrases (no determiner, hedge or approximate count); named victims are
their whole PERSON name.
"""

from __future__ import annotations

import pytest


def roles(extractor, text):
    doc = extractor.extract_text(text)
    ents = {e.id: e for e in doc.entities}
    out = []
    for ev in doc.events:
        out.append({
            "perpetrators": [ents[p].text for p in ev.perpetrators],
            "attackers": [s.text for s in ev.attackers],
            "targets": [s.text for s in ev.targets],
            "victims": [s.text for s in ev.victims],
            "weapons": [s.text for s in ev.weapons],
        })
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        # "a group of" plain people is named whole; a named victim keeps the whole name
        ("LIMA, 3 MAR 90 -- A GROUP OF HEAVILY ARMED MEN KIDNAPPED BUSINESSMAN CARLOS JULIO TORRADO IN "
         "BUCARAMANGA YESTERDAY.",
         {"attackers": ["GROUP OF HEAVILY ARMED MEN"], "victims": ["CARLOS JULIO TORRADO"]}),
        # passive agent; the victim named by surname later is the full name given earlier
        ("Salvadoran opposition leader Hector Oqueli Colindres was murdered in Guatemala City on 12 January. "
         "Police said Oqueli was shot by unidentified individuals.",
         {"attackers": ["unidentified individuals"], "victims": ["Hector Oqueli Colindres"]}),
        # attribution in a later sentence; target without its determiner; weapon phrase
        ("BOGOTA, 5 SEP 89 -- A CAR BOMB EXPLODED TODAY IN FRONT OF THE U.S. EMBASSY IN BOGOTA, KILLING TWO "
         "POLICEMEN. THE ATTACK WAS ATTRIBUTED TO THE MEDELLIN CARTEL.",
         {"perpetrators": ["MEDELLIN CARTEL"], "targets": ["U.S. EMBASSY"], "weapons": ["CAR BOMB"]}),
        # hedges and counts are not part of the phrase
        ("Alleged guerrilla urban commandos bombed two electricity facilities in San Salvador on Sunday.",
         {"attackers": ["guerrilla urban commandos"], "targets": ["electricity facilities"]}),
        # "X of <organisation>": the organisation is the perpetrator, the noun the attackers
        ("Terrorists of the Farabundo Marti National Liberation Front kidnapped 50 peasants in San Luis de la "
         "Reina on 30 December.",
         {"perpetrators": ["Farabundo Marti National Liberation Front"], "attackers": ["Terrorists"]}),
        # a named owner stays with the target
        ("Gunmen burned Maza's vehicle in Medellin on Friday night.",
         {"attackers": ["Gunmen"], "targets": ["Maza's vehicle"]}),
        # a hyphenated word is one word
        ("BOGOTA, 3 JAN 90 -- [TEXT] A CAR-BOMB EXPLODED TODAY IN FRONT OF THE DAS BUILDING IN BOGOTA.",
         {"weapons": ["CAR-BOMB"], "targets": ["DAS BUILDING"]}),
    ],
)
def test_event_roles(extractor, text, expected):
    evs = roles(extractor, text)
    assert len(evs) == 1, evs
    for key, value in expected.items():
        assert evs[0][key] == value, (key, evs[0])


@pytest.mark.parametrize(
    "text, absent",
    [
        # a weapon word modifying "attack"/"explosion" is the weapon alone, a verb is none
        ("A bomb explosion damaged the offices of the electoral council in Lima on 3 May.", "bomb explosion"),
        ("Guerrillas bombed the Tejutla church on 10 April in Chalatenango.", "bombed"),
    ],
)
def test_weapon_spans(extractor, text, absent):
    for ev in roles(extractor, text):
        assert absent not in [w.lower() for w in ev["weapons"]], ev


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # the place someone was going to or came from is not a target; a settlement named as the
        # place is a location
        ("SAN SALVADOR, 3 JAN 90 -- HECTOR OQUELI WAS KIDNAPPED BY HEAVILY ARMED MEN WHILE ON HIS WAY TO "
         "LA AURORA AIRPORT IN THE TOWN OF SANTA ANA.", [], ["AIRPORT", "TOWN"]),
        # a light verb whose subject is the attack places it at its target
        ("LIMA, 5 MAY 90 -- THE EXPLOSION TOOK PLACE IN FRONT OF THE SAN FRANCISCO MONASTERY IN LIMA "
         "YESTERDAY.", ["SAN FRANCISCO MONASTERY"], []),
        # the object of a damage verb, a part of a target
        ("Urban guerrillas blew up a section of the Pereira-Cartago pipeline in Risaralda on Monday.",
         ["Pereira-Cartago pipeline"], []),
        # a target keeps the "of" phrase that says whose it is, not the place after it
        ("Terrorists bombed the offices of the national telephone company in Lima on Tuesday.",
         ["offices of the national telephone company"], ["Lima"]),
        ("MEDELLIN, 2 FEB 90 -- UNIDENTIFIED INDIVIDUALS SET FIRE TO THE HOUSE OF JUDGE CARLOS TORRES "
         "IN ENVIGADO LAST NIGHT.", ["HOUSE OF JUDGE CARLOS TORRES"], ["ENVIGADO"]),
        # the owner keeps the name in apposition after it and its own "of" phrase
        ("BOGOTA, 22 SEP 89 -- SEVERAL MEN IN A VEHICLE OPENED FIRE ON THE OFFICES OF THE NEWSPAPER EL SIGLO "
         "YESTERDAY.", ["OFFICES OF THE NEWSPAPER EL SIGLO"], []),
        ("BOGOTA, 6 DEC 89 -- TERRORISTS DYNAMITED THE HEADQUARTERS OF THE DEPARTMENT OF ADMINISTRATIVE SECURITY "
         "IN BOGOTA TODAY.", ["HEADQUARTERS OF THE DEPARTMENT OF ADMINISTRATIVE SECURITY"], ["BOGOTA"]),
        # where someone was murdered is not a target
        ("BOGOTA, 22 MAR 90 -- PATRIOTIC UNION PRESIDENT BERNARDO JARAMILLO OSSA WAS MURDERED TODAY AT THE EL "
         "DORADO AIRPORT BY A HIRED ASSASSIN.", [], ["AIRPORT"]),
        # the subject of "was the target of an attack"
        ("SAN SALVADOR, 20 MAR 89 -- LAST WEEK FRANCISCO MERINO'S RESIDENCE WAS THE TARGET OF A BOMB ATTACK, "
         "THOUGH THERE WERE NO CASUALTIES.", ["FRANCISCO MERINO'S RESIDENCE"], []),
        # small structures are targets too
        ("GUATEMALA CITY, 5 APR 90 -- TWO BOMBS EXPLODED LAST NIGHT AND DESTROYED TWO TELEPHONE JUNCTION BOXES "
         "IN THE CAPITAL.", ["TELEPHONE JUNCTION BOXES"], []),
        # what the sentence's only attack destroyed, though the attack is in a phrase of its own
        ("SAN SALVADOR, 8 FEB 89 -- TWO VEHICLES WERE DESTROYED AND AN OFFICE OF THE AGRICULTURE MINISTRY WAS "
         "HEAVILY DAMAGED FOLLOWING THE EXPLOSION OF TWO BOMBS YESTERDAY IN SAN SALVADOR.", ["VEHICLES"], []),
        # a facility named as an organisation is still the thing set on fire
        ("MEDELLIN, 13 AUG 89 -- THE CLANDESTINE GROUP, WHICH EARLY THIS MORNING SET FIRE TO THE LLANO GRANDE "
         "COUNTRY CLUB IN RIONEGRO MUNICIPALITY, SENT A LETTER TO THE PRESS.", ["LLANO GRANDE COUNTRY CLUB"], []),
    ],
)
def test_target_attachment(extractor, text, expected, absent):
    evs = roles(extractor, text)
    assert evs, text
    targets = [t for ev in evs for t in ev["targets"]]
    for t in expected:
        assert t in targets, targets
    for t in absent:
        assert not any(t.lower() in x.lower() for x in targets), targets


@pytest.mark.parametrize(
    "text, expected",
    [
        # responsibility in a later paragraph (passive "held responsible"); "FMLN guerrillas": the
        # organisation is the perpetrator, the noun the attackers
        ("SAN SALVADOR, 8 FEB 89 -- [TEXT] TWO VEHICLES WERE DESTROYED FOLLOWING THE EXPLOSION OF TWO BOMBS IN "
         "SAN SALVADOR YESTERDAY AFTERNOON.\n\n   FORTUNATELY, THERE WERE NO CASUALTIES REPORTED AS A RESULT OF "
         "THIS INCIDENT, FOR WHICH THE FMLN GUERRILLAS ARE BEING HELD RESPONSIBLE.",
         {"perpetrators": ["FMLN"], "attackers": ["GUERRILLAS"]}),
        ("BOGOTA, 10 MAR 90 -- FARC REBELS DYNAMITED AN OIL PIPELINE IN ARAUCA DEPARTMENT YESTERDAY.",
         {"perpetrators": ["FARC"], "attackers": ["REBELS"]}),
        # the only armed group the document names is the perpetrator of an attack without one
        ("LIMA, 4 APR 90 -- A BOMB EXPLODED IN A BANK IN LIMA TODAY, DAMAGING THE BUILDING.\n\n   THE POLICE "
         "SAID THAT THE SHINING PATH HAS CARRIED OUT SIMILAR ATTACKS IN THE PAST MONTHS.",
         {"perpetrators": ["SHINING PATH"]}),
        # people nouns with a count as the subject of the attack; "members of <organisation>" whole
        ("SAN SALVADOR, 12 JAN 90 -- TWO INDIVIDUALS SHOT AND KILLED JUDGE CARLOS PEREZ IN SAN SALVADOR "
         "YESTERDAY.", {"attackers": ["TWO INDIVIDUALS"], "perpetrators": []}),
        ("LIMA, 4 APR 90 -- MEMBERS OF THE SHINING PATH DYNAMITED A BRIDGE NEAR AYACUCHO YESTERDAY.",
         {"perpetrators": ["SHINING PATH"], "attackers": ["MEMBERS OF THE SHINING PATH"]}),
        # the attackers a later sentence of the same text block names as doers
        ("LIMA, 9 MAY 90 -- [TEXT] GENERAL ENRIQUE LOPEZ ALBUJAR WAS ASSASSINATED IN LIMA TODAY.  HE WAS "
         "RIDDLED WITH BULLETS BY THREE YOUNG INDIVIDUALS AS HE WAS GETTING OUT OF HIS CAR.",
         {"attackers": ["THREE YOUNG INDIVIDUALS"]}),
    ],
)
def test_perpetrators(extractor, text, expected):
    evs = roles(extractor, text)
    assert len(evs) == 1, evs
    for key, value in expected.items():
        assert evs[0][key] == value, (key, evs[0])


@pytest.mark.parametrize(
    "text",
    [
        # a responsibility cue with no attack in its sentence that denies, is conditional, says who
        # someone claims to be or blames for something other than the incident points at no attack
        "SAN SALVADOR, 20 NOV 89 -- [TEXT] SIX JESUIT PRIESTS WERE MURDERED AT THE CENTRAL AMERICAN UNIVERSITY.  "
        "THE ARCHBISHOP SAID: \"ALL OF THIS LEADS ME TO BELIEVE THAT THE GUERRILLAS ARE NOT RESPONSIBLE.\"",
        "SAN SALVADOR, 12 DEC 89 -- [TEXT] SIX JESUIT PRIESTS WERE MURDERED AT THE CENTRAL AMERICAN UNIVERSITY.  "
        "UNION LEADERS BLAME THE ARMY AND THE GUERRILLAS FOR VIOLATING HUMAN RIGHTS.",
        "SAN SALVADOR, 8 FEB 89 -- [TEXT] A BOMB EXPLODED AT A BANK IN USULUTAN YESTERDAY.  D'AUBUISSON SAID THAT "
        "THE FMLN MEMBERS WILL BE SOLELY RESPONSIBLE IF PEACE IS NOT ACHIEVED.",
        "BOGOTA, 3 MAR 89 -- [TEXT] A CAR BOMB EXPLODED IN FRONT OF A BANK IN BOGOTA, KILLING FOUR PEOPLE.  AN "
        "UNIDENTIFIED MAN CLAIMING TO BE A MEMBER OF THE GROUP CALLED A RADIO STATION.",
    ],
)
def test_responsibility_pointing_elsewhere_names_no_attackers(extractor, text):
    evs = roles(extractor, text)
    assert evs, text
    assert all(ev["attackers"] == [] for ev in evs), evs


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        # hard-wrapped wire text: a line break inside a paragraph is not a new paragraph
        ("SAN SALVADOR, 3 JAN 90 -- THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50\n"
         "PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE FARABUNDO\n"
         "MARTI NATIONAL LIBERATION FRONT IN SAN MIGUEL DEPARTMENT.  ACCORDING TO THAT\n"
         "GARRISON, THE MASS KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS DE LA REINA.\n"
         "   MEANWHILE, THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING\n"
         "CLASHES YESTERDAY IN USULUTAN AND MORAZAN DEPARTMENTS, THE ARMY SAID ON MONDAY.\n", 2),
        # short lines (bullets, headings) are paragraphs of their own
        ("Key developments\n- Fighters killed four soldiers near Konduga.\n- A raid left 11 soldiers dead.\n", 3),
    ],
)
def test_paragraphs_of_wrapped_and_unwrapped_text(nlp, text, paragraphs):
    from extract.events.arguments import SentenceView

    doc = nlp(text)
    view = SentenceView(doc)
    assert len(set(view.para_of[t.i] for t in doc if not t.is_space)) == paragraphs
