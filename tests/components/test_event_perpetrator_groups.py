"""Who did an attack: members of named armed groups and of the state forces, people an
attribution implicates, and the state forces as doers (whose attack then takes
no armed group of the document as perpetrator). Real pipeline, report-style sentences."""

from __future__ import annotations

import pytest


def event_actors(attack_events, text: str, trigger: str) -> tuple[list[str], list[str]]:
    """(perpetrator texts, attacker texts) of the event whose trigger is ``trigger``."""
    found = [e for e in attack_events(text) if e["trigger"] == trigger]
    assert found, f"no event triggered by {trigger!r}"
    return found[0]["perpetrators"], found[0]["attackers"]


@pytest.mark.parametrize(
    "text, trigger, perpetrators, attackers",
    [
        # a named armed group whose name holds a security word is not the state forces
        ("BOGOTA, 9 NOV 89 (NOTIMEX) -- THE POLICE HAS REPORTED THAT ALLEGED MEMBERS OF THE ARMY OF NATIONAL "
         "LIBERATION (ELN) KIDNAPPED TODAY TWO MEXICANS IN THE ARAUCA OIL ZONE.",
         "KIDNAPPED", ["ARMY OF NATIONAL LIBERATION"], ["MEMBERS OF THE ARMY OF NATIONAL LIBERATION"]),
        # members qualified by an attacker noun
        ("SAN SALVADOR, 19 OCT 89 -- ON 19 OCTOBER, SUSPECTED DEATH SQUAD MEMBERS STAGED A BOMB ATTACK ON THE "
         "HOME OF MPSC SECRETARY GENERAL RUBEN ZAMORA, WOUNDING TWO PEOPLE.",
         "BOMB ATTACK", [], ["DEATH SQUAD MEMBERS"]),
        ("According to witnesses, urban guerrilla members attacked the residence of Roberto Angulo in San Salvador.",
         "attacked", [], ["urban guerrilla members"]),
        # members qualified by a security noun, named responsible (in a Salvadoran report "the Armed Forces" is
        # the Salvadoran force, organisations.jsonl country_aliases: the force is the perpetrator, as in
        # "soldiers of the Salvadoran Army"; "security forces" names no force)
        ("SAN SALVADOR, 15 DEC 89 -- THE OFFICE BELIEVES THAT THE EVIDENCE INDICATES THAT ARMED FORCES MEMBERS, WHO "
         "REMAIN UNIDENTIFIED, ARE RESPONSIBLE FOR THE MURDER OF THE PRIESTS.",
         "MURDER", ["ARMED FORCES"], ["ARMED FORCES MEMBERS"]),
        ("SAN SALVADOR, 15 DEC 89 -- THE OFFICE BELIEVES THAT THE EVIDENCE INDICATES THAT SECURITY FORCES MEMBERS, "
         "WHO REMAIN UNIDENTIFIED, ARE RESPONSIBLE FOR THE MURDER OF THE PRIESTS.",
         "MURDER", [], ["SECURITY FORCES MEMBERS"]),
        # "implicated X and Y in the killing", the parse coordinating Y to the verb
        ("SAN SALVADOR, 8 JAN 90 -- SALVADORAN PRESIDENT ALFREDO CRISTIANI IMPLICATED FOUR OFFICERS, INCLUDING ONE "
         "COLONEL, AND FIVE MEMBERS OF THE ARMED FORCES IN THE ASSASSINATION OF SIX JESUIT PRIESTS.",
         "ASSASSINATION", ["ARMED FORCES"], ["FOUR OFFICERS", "FIVE MEMBERS OF THE ARMED FORCES"]),
        # the owner of "involvement" / "participation" in an attack is its perpetrator: the object of "of",
        # a possessor, unnamed people as attackers
        ("SAN SALVADOR, 12 JAN 90 -- PRESIDENT CRISTIANI TODAY CONFIRMED THE INVOLVEMENT OF COLONEL GUILLERMO "
         "BENAVIDES IN THE MURDER OF THE SIX JESUIT PRIESTS.",
         "MURDER", ["GUILLERMO BENAVIDES"], []),
        ("LIMA, 3 JAN 90 -- THE POLICE ARE INVESTIGATING THE PARTICIPATION OF THE TUPAC AMARU REVOLUTIONARY "
         "MOVEMENT IN THE BOMBING OF THE EMBASSY.",
         "BOMBING", ["TUPAC AMARU REVOLUTIONARY MOVEMENT"], []),
        ("BOGOTA, 3 JAN 90 -- THE JUDGE ORDERED AN INQUIRY INTO THE MEDELLIN CARTEL'S INVOLVEMENT IN THE "
         "ASSASSINATION OF THE CANDIDATE.",
         "ASSASSINATION", ["MEDELLIN CARTEL"], []),
        ("SAN SALVADOR, 12 JAN 90 -- THE COMMISSION CONFIRMED THE INVOLVEMENT OF TWO OFFICERS IN THE MURDER OF "
         "THE SIX JESUIT PRIESTS.",
         "MURDER", [], ["TWO OFFICERS"]),
        # participation in something that is not the attack: no perpetrator
        ("BOGOTA, 3 JAN 90 -- A BOMB EXPLODED AT THE HOME OF A JUDGE. THE PATRIOTIC UNION CALLED FOR THE "
         "PARTICIPATION OF THE CHURCH IN THE PEACE TALKS.",
         "BOMB", [], []),
        ("LIMA, 3 JAN 90 -- A BOMB EXPLODED AT THE HOME OF A JUDGE. THE GOVERNMENT PRAISED THE PARTICIPATION OF "
         "THE ARMY IN THE RESCUE OF THE VICTIMS.",
         "BOMB", [], []),
    ],
)
def test_members_and_responsible_people(attack_events, text, trigger, perpetrators, attackers):
    """Members of groups and forces, and the people an attribution or their involvement in an attack names."""
    assert event_actors(attack_events, text, trigger) == (perpetrators, attackers)


@pytest.mark.parametrize(
    "text, trigger, perpetrators",
    [
        # the state forces did it: the document's only armed group is not its perpetrator
        ("SAN SALVADOR, 12 NOV 89 -- FMLN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS IN SAN SALVADOR "
         "YESTERDAY. THIS PRECAUTION WAS TAKEN AFTER MILITARY PATROLS KILLED THREE JOURNALISTS IN THE ZACAMIL "
         "NEIGHBORHOOD.",
         "KILLED", []),
        # aircraft are the state's: an air strike takes no armed group of the document
        ("SAN SALVADOR, 12 NOV 89 -- FMLN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS IN SAN SALVADOR "
         "YESTERDAY. HELICOPTERS BOMBED THE VILLAGE OF SAN ANTONIO LOS RANCHOS ON SUNDAY, KILLING 10 CIVILIANS.",
         "BOMBED", []),
        # the fighters of an armed group named by a security word are no state forces
        ("SAN SALVADOR, 26 MAY 89 -- THE FMLN REPORTS THAT URBAN COMMANDO UNITS STAGED SIMULTANEOUS ATTACKS ON THE "
         "1ST INFANTRY BRIGADE HEADQUARTERS AND THE NATIONAL POLICE HEADQUARTERS IN THE ZACAMIL NEIGHBORHOOD.",
         "ATTACKS", ["FMLN"]),
        # a report that blames state forces for one attack gives its armed group none of its other attacks
        ("SAN SALVADOR, 12 NOV 89 -- THE FMLN ACCUSED ARMY OFFICERS OF THE MURDER OF THREE PEASANTS IN "
         "CHALATENANGO. A BOMB EXPLODED AT THE HOME OF A JUDGE IN THE ZACAMIL NEIGHBORHOOD LAST NIGHT.",
         "BOMB", []),
        # an attack with no doer of its own still takes the document's armed group
        ("SAN SALVADOR, 12 NOV 89 -- FMLN GUERRILLAS ANNOUNCED A NEW OFFENSIVE YESTERDAY. A BOMB EXPLODED AT THE "
         "HOME OF A JUDGE IN THE ZACAMIL NEIGHBORHOOD LAST NIGHT.",
         "BOMB", ["FMLN"]),
        # the document's armed group is named as a doer: a subject that acts in an attack, a "by" agent, its
        # members, a name apposed to an attacker noun that a cue names
        ("SAN SALVADOR, 16 FEB 90 -- A BOMB EXPLODED AT THE HOME OF A JUDGE IN SAN MIGUEL LAST NIGHT. THE FMLN "
         "BLEW UP TWO BRIDGES IN USULUTAN LAST WEEK.",
         "BOMB", ["FMLN"]),
        ("SAN SALVADOR, 16 FEB 90 -- A BOMB EXPLODED AT THE HOME OF A JUDGE IN SAN MIGUEL LAST NIGHT. THE "
         "OFFENSIVE LAUNCHED BY THE FMLN IN NOVEMBER HAS LEFT 2,000 DEAD.",
         "BOMB", ["FMLN"]),
        ("SAN SALVADOR, 16 FEB 90 -- UNIDENTIFIED PERSONS SET FIRE TO TWO COTTON PLANTS IN SAN MIGUEL. ACCORDING "
         "TO REPORTS, FMLN MEMBERS WERE SEEN NEAR THE PLANTS.",
         "SET FIRE TO", ["FMLN"]),
        ("SAN SALVADOR, 19 APR 89 -- A RIGHT-WING COMMANDO UNIT, THE GERARDO BARRIOS CIVIC FORCE, CLAIMED "
         "RESPONSIBILITY FOR THE DYNAMITE ATTACK ON A JUDGE. ANOTHER BOMB EXPLODED AT THE HOME OF A LAWYER IN SAN "
         "MIGUEL.",
         "BOMB", ["GERARDO BARRIOS CIVIC FORCE"]),
        # the name qualifies the fighters after its bracketed abbreviation or expansion
        ("SAN SALVADOR, 19 APR 89 -- A BOMB EXPLODED AT THE HOME OF A JUDGE IN SAN MIGUEL. MILITARY SOURCES SAID "
         "THAT THE ARMY IS CLASHING WITH FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) GUERRILLAS IN USULUTAN.",
         "BOMB", ["FARABUNDO MARTI NATIONAL LIBERATION FRONT"]),
        ("SAN SALVADOR, 19 APR 89 -- A BOMB EXPLODED AT THE HOME OF A JUDGE IN SAN MIGUEL. LEADERS HAVE ADMITTED "
         "THAT THE [FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN)] GUERRILLAS ARE IN USULUTAN.",
         "BOMB", ["FARABUNDO MARTI NATIONAL LIBERATION FRONT"]),
        # named only as a side in talks (with its abbreviation) or the owner of a place: not the doer
        ("SAN SALVADOR, 19 APR 89 -- A BOMB EXPLODED AT THE HOME OF A JUDGE IN SAN MIGUEL. THE PEACE TALKS BETWEEN "
         "THE GOVERNMENT AND THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) BEGAN TODAY.",
         "BOMB", []),
        ("SAN SALVADOR, 16 FEB 90 -- UNIDENTIFIED PERSONS SHOT AND KILLED A JUDGE IN SAN MIGUEL. THE ATTACK TOOK "
         "PLACE A WEEK AFTER THE PEACE TALKS BETWEEN THE GOVERNMENT AND THE FMLN BEGAN.",
         "SHOT", []),
        ("BOGOTA, 7 JAN 90 -- A BOMB EXPLODED AT THE HOME OF A JUDGE IN MEDELLIN. THE JUDGE WORKED IN MEDELLIN, "
         "THE HEADQUARTERS OF THE MEDELLIN CARTEL.",
         "BOMB", []),
        # aircraft of a named state force that hit civilians: the force is the perpetrator
        ("SAN SALVADOR, 13 FEB 90 -- ON 11 FEBRUARY, FOUR MINORS WERE KILLED WHEN A SALVADORAN AIR FORCE HELICOPTER "
         "STRAFED A CAMP OF DISPLACED PERSONS IN CHALATENANGO DEPARTMENT.",
         "STRAFED", ["SALVADORAN AIR FORCE"]),
        # aircraft that name no force: no perpetrator
        ("SAN SALVADOR, 13 FEB 90 -- ON 11 FEBRUARY, FOUR MINORS WERE KILLED WHEN A HELICOPTER STRAFED A CAMP OF "
         "DISPLACED PERSONS IN CHALATENANGO DEPARTMENT.",
         "STRAFED", []),
    ],
)
def test_state_forces_and_document_group(attack_events, text, trigger, perpetrators):
    """State forces as doers, and the document's armed group where the text names it as a doer."""
    assert event_actors(attack_events, text, trigger)[0] == perpetrators
