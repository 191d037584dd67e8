"""extract_events with ``drop_military`` (MUC-4 scope): which attacks are military actions.

Real-looking sentences of MUC-4 wire reports (train split, DEV-MUC3-*; ALL-CAPS as distributed). The
contract keeps every attack; only the opt-in MUC-4 scope leaves military actions out.
"""

from __future__ import annotations

import pytest

WIRE = "SAN SALVADOR, 18 DEC 89 (RADIO VENCEREMOS) -- [TEXT] "


@pytest.mark.parametrize(
    "text, kept",
    [
        # an armed group reporting its own operations (DEV-MUC3-1009, -0710, -0665)
        (WIRE + "OUR HEROIC FIGHTERS ASSAULTED THE COUNTRY'S MAJOR CENTERS -- SAN MIGUEL, SANTA ANA, AND USULUTAN.", 0),
        (WIRE + "IT WAS SHOT DOWN BY OUR ANTIAIRCRAFT FIRE AT THE 15 SEPTEMBER HOUSING DEVELOPMENT IN SAN MIGUEL.", 0),
        (WIRE + "WE ALSO MUST MENTION THE DARING OF OUR URBAN GUERRILLAS, WHO ATTACKED THE STAFF IN SAN SALVADOR.", 0),
        # members of a unit (DEV-MUC3-0853)
        (WIRE + "BUSTILLO SAID FOUR OFFICERS OF THE PARATROOPERS BATTALION WERE KILLED AND SEVERAL WERE WOUNDED.", 0),
        # the troops attacked, not the road where (DEV-MUC3-0891)
        (WIRE + "AT 0600, NATIONAL GUARD TROOPS WERE AMBUSHED AT KM 11 ON THE NORTHERN TRUNK ROAD.", 0),
        # anonymous people hit with a military target are its crew (DEV-MUC3-0178)
        ("TEGUCIGALPA, 19 APR 89 (ACAN-EFE) -- [TEXT] HONDURAN GUERRILLAS CLAIMED CREDIT TODAY FOR THE ATTACK ON A "
         "U.S. ARMY CONVOY ON 11 APRIL IN NORTHERN HONDURAS IN WHICH ONE PERSON WAS KILLED.", 0),
        # a jeep and a radio hit beside troops go with them (DEV-MUC3-0015)
        (WIRE + "GUERRILLAS AMBUSHED AN ARMY TRUCK AND A JEEP NEAR SESORI LAST NIGHT.", 0),
        # a siege holding no hostages is combat (DEV-MUC3-0897, -0983)
        (WIRE + "FMLN FORCES HAVE BROKEN THE SIEGE THAT THE FASCIST TROOPS WERE MAINTAINING AROUND NORTHERN SAN "
         "SALVADOR.", 0),
        (WIRE + "THERE IS A STRATEGIC SIEGE IN SAN SALVADOR.", 0),
        # the object and agent of an attack noun's light verb ("the attack carried out against X", "the attack
        # launched by us") tell what it hit and whose operation it was (DEV-MUC3-0275, -0898)
        (WIRE + "THE URBAN COMMANDOS CLAIM RESPONSIBILITY FOR THE ATTACK CARRIED OUT TODAY AGAINST THE TROOPS "
         "GUARDING THE BRIDGE.", 0),
        (WIRE + "THE COLONEL SPOKE OF THE ATTACK LAUNCHED BY US LAST NIGHT ON THE HEADQUARTERS.", 0),
        (WIRE + "THE URBAN COMMANDOS CLAIM RESPONSIBILITY FOR THE ATTACK CARRIED OUT TODAY AGAINST THE MAYOR'S "
         "OFFICE.", 1),
        (WIRE + "THE COLONEL SPOKE OF THE ATTACK LAUNCHED BY THE REBELS LAST NIGHT ON THE HEADQUARTERS.", 1),
        ("SAN SALVADOR, 18 DEC 89 (EFE) -- [TEXT] The rebels condemned the attack launched by the US last night on "
         "the party headquarters.", 1),  # the acronym, not "us"
        # a passive attack verb coordinated to another verb shares its subject: what it was done to (DEV-MUC3-0897)
        (WIRE + "AN ENEMY COLUMN MOVED ALONG THE SOUTHERN HIGHWAY AND WAS AMBUSHED WITH ROCKET LAUNCHERS.", 0),
        (WIRE + "THE BUS LEFT THE TERMINAL AND WAS AMBUSHED BY GUERRILLAS NEAR SESORI.", 1),
        # a vehicle is as military as the troops it carries, and a bare rank hit beside troops is one of them
        # (DEV-MUC3-0234); a vehicle carrying civilians too, a police officer or a rank hit alone stays
        ("LIMA, 3 JUN 89 (TELEVISION PERUANA) -- [TEXT] TODAY AT 1245 A BUS CARRYING 27 ARMY SOLDIERS WAS BOMBED BY "
         "TERRORISTS NEAR JUNIN STREET.  AS A RESULT OF THE ATTACK 5 SOLDIERS WERE KILLED, WHILE 1 OFFICER AND 14 "
         "SOLDIERS WERE WOUNDED.", 0),
        (WIRE + "TERRORISTS BOMBED A TRUCK TRANSPORTING ARMY TROOPS ON THE HIGHWAY.", 0),
        (WIRE + "TERRORISTS BOMBED A BUS CARRYING 20 SOLDIERS AND 10 CIVILIANS ON THE HIGHWAY.", 1),
        (WIRE + "TERRORISTS BOMBED A BUS CARRYING 30 PASSENGERS ON THE HIGHWAY.", 1),
        (WIRE + "GUERRILLAS AMBUSHED AN ARMY PATROL NEAR SESORI.  THREE SOLDIERS WERE KILLED AND A POLICE OFFICER WAS "
         "WOUNDED.", 1),
        (WIRE + "A COLONEL WAS SHOT DEAD BY GUERRILLAS AT HIS HOME IN THE CAPITAL.", 1),
        # a trigger naming the device ("using ... hand grenades") tells nothing of what was hit: the attack word
        # it goes with does (DEV-MUC3-0095, line breaks as distributed); the same attack on an office stays
        ("NO CITY (EL SALVADOR), 27 MAR 89 (FBIS) -- [TEXT] THE FIRST REPORT STATES THAT AT 0330 ON 25 MARCH, AN "
         "FMLN UNIT LAUNCHED A\n5-MINUTE ATTACK AGAINST A 5TH INFANTRY BRIGADE UNIT LOCATED AT LAS DELICIAS\nHACIENDA, "
         "SAN VICENTE DEPARTMENT, USING PEOPLE'S ARTILLERY, HAND\nGRENADES, AND RIFLE FIRE.", 0),
        ("NO CITY (EL SALVADOR), 27 MAR 89 (FBIS) -- [TEXT] THE FIRST REPORT STATES THAT AT 0330 ON 25 MARCH, AN "
         "FMLN UNIT LAUNCHED A\n5-MINUTE ATTACK AGAINST THE MAYOR'S OFFICE LOCATED AT LAS DELICIAS\nHACIENDA, "
         "SAN VICENTE DEPARTMENT, USING PEOPLE'S ARTILLERY, HAND\nGRENADES, AND RIFLE FIRE.", 1),
        # a participle trigger that modifies a noun names what was hit, and so does the verb the parse reads as one
        # ("... TODAY AT DAYBREAK BOMBED ALLEGED REBEL POSITIONS", BOMBED an adjective) (DEV-MUC3-0500, -0856);
        # the same words on homes stay
        (WIRE + "ACCORDING TO CIVILIAN SOURCES IN THE ZONE, SEVERAL HELICOPTERS AND AN AIRPLANE TODAY AT DAYBREAK "
         "BOMBED ALLEGED REBEL POSITIONS IN THE FOOTHILLS OF GUAZAPA HILL.", 0),
        (WIRE + "ACCORDING TO CIVILIAN SOURCES IN THE ZONE, SEVERAL MEN TODAY AT DAYBREAK BOMBED THE HOMES OF "
         "PEASANTS IN THE FOOTHILLS OF GUAZAPA HILL.", 1),
        (WIRE + "ACCORDING TO SOURCES IN THE ZONE, TROOPS TODAY AT DAYBREAK BOMBED ALLEGED REBEL POSITIONS NEAR "
         "GUAZAPA HILL.", 0),
        (WIRE + "THE BOMBED REBEL POSITIONS WERE NEAR GUAZAPA HILL, ACCORDING TO CIVILIAN SOURCES IN THE ZONE.", 0),
        # aircraft fired on or ambushed with no one hurt are the air force's (DEV-MUC3-0615, -0851); a bomb on a
        # plane, a pilot wounded, a truck ambushed stay
        ("SAN SALVADOR, 18 DEC 89 (EFE) -- [TEXT] THE GUERRILLAS SHOT DOWN TWO HELICOPTERS NEAR SAN MIGUEL "
         "YESTERDAY.", 0),
        ("SAN SALVADOR, 18 DEC 89 (EFE) -- [TEXT] THE REBELS AMBUSHED A UH-1H TRANSPORT HELICOPTER NEAR SAN MIGUEL "
         "YESTERDAY.", 0),
        ("BOGOTA, 18 DEC 89 (EFE) -- [TEXT] A BOMB EXPLODED ON BOARD AN AVIANCA PLANE NEAR BOGOTA YESTERDAY.", 1),
        ("SAN SALVADOR, 18 DEC 89 (EFE) -- [TEXT] THE REBELS FIRED ON A HELICOPTER NEAR SAN MIGUEL YESTERDAY, "
         "WOUNDING THE PILOT.", 1),
        ("SAN SALVADOR, 18 DEC 89 (EFE) -- [TEXT] GUERRILLAS AMBUSHED A TRUCK NEAR SAN MIGUEL YESTERDAY.", 1),
        # an air strike on a pronoun hit what an earlier phrase names: it stays (DEV-MUC3-0816); one with no
        # target named goes
        ("SAN SALVADOR, 18 NOV 89 (EFE) -- [TEXT] THE PRIEST HAD TO LEAVE THE SANTA MARIA CHURCH IN THE LA CHACRA "
         "SLUM AFTER IT WAS BOMBED BY THE AIR FORCE, ACCORDING TO ONE OF HIS ASSISTANTS.", 1),
        ("SAN SALVADOR, 18 NOV 89 (EFE) -- [TEXT] THE PRIEST SAID THAT THE CHURCH WAS DESTROYED. IT WAS BOMBED BY "
         "AIR FORCE PLANES YESTERDAY.", 1),
        ("SAN SALVADOR, 18 NOV 89 (EFE) -- [TEXT] AIR FORCE PLANES BOMBED YESTERDAY NEAR GUAZAPA HILL.", 0),
        # officers named by rank hit in an attack on a unit or post are its defenders (DEV-MUC3-0048, -0087; a rank
        # at the end of a line as distributed); an officer killed in an attack on his home, a journalist, stay
        ("BUENOS AIRES, 26 JAN 89 -- [EXCERPT] HE REPLACES MAJOR HORACIO FERNANDEZ CUTIELLO, WHO WAS KILLED DURING "
         "THE ATTACK ON THE 3D INFANTRY REGIMENT ON 23 JANUARY.", 0),
        (WIRE + "IN MARCH 1987, DURING AN ATTACK ON THE GARRISON, U.S.\nSERGEANT GREGORY FRONIUS WAS KILLED.", 0),
        ("BUENOS AIRES, 26 JAN 89 -- [EXCERPT] HE REPLACES MAJOR HORACIO FERNANDEZ CUTIELLO, WHO WAS KILLED DURING "
         "THE ATTACK ON HIS HOME ON 23 JANUARY.", 1),
        (WIRE + "DURING THE ATTACK ON THE GARRISON, JOURNALIST GREGORY FRONIUS WAS KILLED.", 1),
        # an ambush on a road: the road is where it happened, and the troops the sentence counts casualties on are
        # what it hit (DEV-MUC3-0073); casualties among passengers or civilians, or none counted, it stays
        (WIRE + "ANOTHER IMPORTANT ACTION THIS WEEK RESULTED IN 20 CASUALTIES INFLICTED ON THE NATIONAL GUARD DURING "
         "A 29 JANUARY AMBUSH ON THE ILOBASCO-SAN ISIDRO HIGHWAY, CABANAS DEPARTMENT.", 0),
        (WIRE + "THE REBELS INFLICTED 12 CASUALTIES ON THE ARMY DURING AN AMBUSH ON THE ROAD TO ZACATECOLUCA.", 0),
        (WIRE + "THE REBELS INFLICTED 12 CASUALTIES ON THE PASSENGERS DURING AN AMBUSH ON THE ROAD TO ZACATECOLUCA.", 1),
        (WIRE + "TERRORISTS CAUSED 9 CASUALTIES AMONG CIVILIANS DURING AN AMBUSH ON THE PAN-AMERICAN HIGHWAY.", 1),
        (WIRE + "TERRORISTS DYNAMITED THE PAN-AMERICAN HIGHWAY YESTERDAY, CAUSING NO CASUALTIES.", 1),
        # an attack on towns that inflicted casualties on troops only hit the troops; on townspeople it stays
        (WIRE + "THE FMLN ATTACKED LA LAGUNA, LA PALMA, AND EL CHIQUE, ALL IN CHALATENANGO, AND INFLICTED 55 "
         "CASUALTIES ON THE ENEMY.", 0),
        (WIRE + "THE FMLN ATTACKED LA LAGUNA AND LA PALMA AND INFLICTED 12 CASUALTIES ON THE CIVILIAN POPULATION.", 1),
        (WIRE + "THE FMLN ATTACKED LA LAGUNA AND LA PALMA YESTERDAY.", 1),
        # what "an attack from X on Y" hit is Y, where the parse hangs "on Y" on the source (DEV-MUC3-0699); the
        # same attack on an office stays
        (WIRE + "THE OFFENSIVE BEGAN WITH AN ATTACK FROM AT LEAST 50 DIRECTIONS ON THE ENEMY POSITIONS IN THE CITY OF "
         "SAN SALVADOR.", 0),
        (WIRE + "THE OFFENSIVE BEGAN WITH AN ATTACK FROM AT LEAST 5 DIRECTIONS ON THE MAYOR'S OFFICE IN THE CITY OF "
         "SAN SALVADOR.", 1),
        # an attack said to be military in kind is a military action (DEV-MUC3-0847); a terrorist attack stays
        ("TAIPEI, 15 NOV 89 (CNA) -- [TEXT] THE LEFT-WING GUERRILLAS HAD LAUNCHED LARGE-SCALE MILITARY ATTACKS ON "
         "SAN SALVADOR, THE SALVADORAN CAPITAL, AND OTHER MAJOR CITIES.", 0),
        ("TAIPEI, 15 NOV 89 (CNA) -- [TEXT] THE LEFT-WING GUERRILLAS HAD LAUNCHED A TERRORIST ATTACK ON THE "
         "MAYOR'S OFFICE IN SAN SALVADOR, THE SALVADORAN CAPITAL.", 1),
        # ... and so is an attack named by the force that made it (DEV-MUC3-0167); people killed in it, or a
        # guerrilla attack, stay
        ("MANAGUA, 18 DEC 89 (RADIO SANDINO) -- [TEXT] A MILITARY PATRIOTIC SERVICE YOUTH WAS KILLED DURING A "
         "HONDURAN ARMY ATTACK AT EL PASO NARANJO, CHINANDEGA DEPARTMENT.", 0),
        ("MANAGUA, 18 DEC 89 (RADIO SANDINO) -- [TEXT] THREE PEASANTS WERE KILLED DURING A HONDURAN ARMY ATTACK AT "
         "EL PASO NARANJO, CHINANDEGA DEPARTMENT.", 1),
        # an air attack that names nothing it hit is an air strike with no target (DEV-MUC3-0738); on a church,
        # or by guerrillas, it stays
        (WIRE + "IT IS PRESUMED THAT THIS NORTH AMERICAN IS THE ONE WHO IS DIRECTING THE AIR ATTACK IN THE SECTOR OF "
         "SOYAPANGO.", 0),
        (WIRE + "IT IS PRESUMED THAT THIS NORTH AMERICAN IS THE ONE WHO IS DIRECTING THE AIR ATTACK ON THE CHURCH IN "
         "SOYAPANGO.", 1),
        (WIRE + "IT IS PRESUMED THAT THIS NORTH AMERICAN IS THE ONE WHO IS DIRECTING THE GUERRILLA ATTACK IN THE "
         "SECTOR OF SOYAPANGO.", 1),
        # a civil defense patrol is civilians armed by the state: an attack on it stays (MUC-4 keys)
        ("LIMA, 16 MAR 90 (EFE) -- [TEXT] SHINING PATH GUERRILLAS ATTACKED A CIVIL DEFENSE PATROL IN "
         "HUANTA, AYACUCHO DEPARTMENT, LAST NIGHT.", 1),
    ],
)
def test_military_actions_in_muc4_scope(text, kept, attack_events, military_scope_events):
    assert len(attack_events(text)) >= 1  # the contract keeps attacks on soldiers
    assert len(military_scope_events(text)) == kept, military_scope_events(text)


@pytest.mark.parametrize(
    "text",
    [
        # the simple present passive describes a practice, not one attack (DEV-MUC3-0829, -0292)
        # (a sentence after the dateline's: a casualty verb at the root of the dateline's sentence is specific)
        WIRE + "THE CHURCH DENOUNCED THE SITUATION IN MORAZAN. CIVILIANS, SUSPECTED OF LINKS WITH GUERRILLAS, ARE "
        "IMMEDIATELY EXECUTED, THE AMERICAN PRESS HAS REPORTED.",
        "BOGOTA, 7 SEP 89 (EFE) -- [TEXT] THE UNION LEADERS MET IN MEDELLIN TODAY. THEY SAID THAT UNION LEADERS ARE "
        "MURDERED OR HARASSED IN WAYS NOT IN KEEPING WITH THE DEMOCRATIC ATMOSPHERE.",
    ],
)
def test_present_passive_is_a_practice(text, attack_events):
    assert attack_events(text) == []


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str], pos: list[str]):
    """A Doc with the parse the model gave a wire sentence, so a rule for a misparse is tested on it."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(
    "words, heads, deps, military",
    [
        # "an FMLN column attacked units of the elite Atlacatl Battalion" as the model parses it in DEV-MUC3-1219:
        # "elite" the object of "of", the named unit in apposition to it
        (["column", "attacked", "units", "of", "the", "elite", "Atlacatl", "Battalion"], [1, 1, 1, 2, 5, 3, 7, 5],
         ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "compound", "appos"], True),
        # members of a union named in apposition are no unit of the armed forces
        (["column", "attacked", "members", "of", "the", "union", ",", "the", "Fenastras", "federation"],
         [1, 1, 1, 2, 5, 3, 5, 9, 9, 5], ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct", "det", "compound",
                                          "appos"], False),
    ],
)
def test_unit_named_in_apposition(words, heads, deps, military, nlp):
    """The unit a group of people belongs to may be named in apposition to the object of "of"."""
    pos = ["NOUN", "VERB", "NOUN", "ADP"] + ["PROPN" if w[0].isupper() else "DET" if w == "the" else "PUNCT"
                                             if w == "," else "NOUN" for w in words[4:]]
    doc = _parsed(nlp, words, heads, deps, pos)
    units = doc[2]
    assert nlp.get_pipe("extract_events")._military_target(doc, (units.idx, units.idx + len(units))) is military
