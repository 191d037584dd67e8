"""extract_events: is there an attack at all, how many, of what kind (MUC-4 relevance).

Real sentences of MUC-4 wire reports (train split, DEV-MUC3-*; ALL-CAPS as distributed) and
of the dev corpus. Each row: the text, the number of events, and what every event must have.
"""

from __future__ import annotations

import pytest

from extract.components.events import _clock_time




DATELINE = "SAN SALVADOR, 9 JUN 89 (ACAN-EFE) -- [TEXT] "
WIRE_TEXT = "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] "


@pytest.mark.parametrize(
    "text, n, expected",
    [
        # a murder named by a noun, the place only in the dateline (DEV-MUC3-0242)
        (DATELINE + "THE RULING NATIONALIST REPUBLICAN ALLIANCE (ARENA) IN EL SALVADOR TODAY CONDEMNED THE "
         "MURDER OF PRESIDENCY MINISTER ANTONIO RODRIGUEZ PORTH AND TWO OF HIS BODYGUARDS.",
         1, {"attack_type": "assassination", "status": "carried_out"}),
        # "placed a dynamite charge" (DEV-MUC3-0255)
        ("BOGOTA, 20 APR 89 (EFE) -- [TEXT] SUSPECTED ELN GUERRILLAS PLACED A DYNAMITE CHARGE AT THE PLACE "
         "CALLED LA MOTOSA, NEAR AIPE MUNICIPALITY, WHICH COMPLETELY DESTROYED THE GUARD POST.",
         1, {"attack_type": "bombing", "status": "carried_out"}),
        # a vehicle "blown up" (DEV-MUC3-0008)
        ("BOGOTA, 7 JAN 90 (EFE) -- [TEXT] THE GROUP WAS TRAVELING IN A 4-WHEEL DRIVE VEHICLE BETWEEN CUCUTA "
         "AND THE RURAL AREA KNOWN AS CAMPANARIO WHEN THEIR VEHICLE WAS BLOWN UP BY FOUR EXPLOSIVE CHARGES.",
         1, {"attack_type": "bombing"}),
        # "a charge of dynamite": the word of one trigger is not a cue for the other (a criminal charge)
        ("LIMA, 14 JUL 89 -- [TEXT] TERRORISTS PLACED A CHARGE OF DYNAMITE UNDER A BUS CARRYING FACTORY "
         "WORKERS IN CALLAO LAST NIGHT.", 1, {"attack_type": "bombing", "status": "carried_out"}),
        # a verb the recaser capitalises ("Machinegunned") and the model cannot lemmatise
        ("SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] UNIDENTIFIED MEN MACHINEGUNNED A RED CROSS AMBULANCE "
         "LAST NIGHT NEAR ZACATECOLUCA.", 1, {"attack_type": "shooting", "status": "carried_out"}),
        # explosives hurled or planted, in the passive
        ("SAN SALVADOR, 2 MAY 89 -- [TEXT] TWO EXPLOSIVES WERE HURLED AT THE HOME OF A SUPREME COURT JUSTICE IN "
         "SANTA TECLA AT DAWN TODAY.", 1, {"attack_type": "bombing", "status": "carried_out"}),
    ],
)
def test_attack_wording_of_wire_reports(text, n, expected, attack_events):
    evs = attack_events(text)
    assert len(evs) == n, evs
    for ev in evs:
        for k, v in expected.items():
            assert ev[k] == v, (k, ev)


@pytest.mark.parametrize(
    "text",
    [
        # an arms seizure is not an attack (DEV-MUC3-0245)
        "LIMA, 2 JUN 89 (EFE) -- [TEXT] AFTER THE CLASH, THE ARMY SEIZED A LIGHT AUTOMATIC RIFLE (FAL), 2 MAUSER "
        "RIFLES, 250 STICKS OF DYNAMITE, 22 HOMEMADE BOMBS, 6 CARTRIDGE POUCHES, AND PASSPORTS.",
        # a verbal attack (DEV-MUC3-0070)
        "SAN SALVADOR, 22 MAR 89 (AFP) -- [TEXT] D'AUBUISSON HARSHLY ATTACKED PRESIDENT DUARTE, WHO IS SUFFERING "
        "FROM TERMINAL CANCER.",
        # combat between the army and the guerrillas (DEV-MUC3-0145)
        "SAN SALVADOR, 19 MAR 89 (AFP) -- [TEXT] DEFENSE MINISTER GENERAL EUGENIO VIDES CASANOVA HAS TOLD THE "
        "NEWS MEDIA 12 GUERRILLAS AND 1 SOLDIER WERE KILLED WHILE 15 SOLDIERS WERE WOUNDED DURING THE EARLY "
        "MORNING BATTLES THAT TOOK PLACE IN VARIOUS PARTS OF EL SALVADOR.",
        # a strategy (DEV-MUC3-0021)
        "BOGOTA, 12 JAN 90 (EFE) -- [TEXT] THE AUTHORITIES BELIEVE THAT THE RETURN TO THE STRATEGY OF USING "
        "KIDNAPPINGS AS A MEANS TO FINANCE ITSELF IS ALSO PART OF THIS NEW OFFENSIVE.",
        # a toll over time: perfect tense, victims counted in hundreds or more or uncounted (DEV-MUC3-0098,
        # -0335, -0172)
        "BOGOTA, 12 JAN 90 (EFE) -- [TEXT] SINCE THE UP WAS FOUNDED, NEARLY 1,000 OF ITS MEMBERS AND LEADERS "
        "HAVE BEEN MURDERED.",
        "LIMA, 2 JUN 89 (EFE) -- [TEXT] POLITICAL VIOLENCE IN PERU HAS KILLED MORE THAN 15,000 PEOPLE.",
        "BOGOTA, 12 JAN 90 (EFE) -- [TEXT] HE SAID THAT COUNTLESS COLOMBIANS HAVE BEEN ASSASSINATED IN THEIR "
        "STRUGGLE AGAINST DRUG TRAFFICKING.",
        # a count of attacks since a starting point (DEV-MUC3-0109)
        "QUITO, 2 JUN 89 (EFE) -- [TEXT] ACCORDING TO THE MPL, THERE HAVE BEEN 4 MURDERS, 9 CASES OF TORTURE, AND "
        "25 ARBITRARY ARRESTS SINCE BORJA ROSE TO POWER LAST 10 AUGUST.",
        # attacks a clause reports from statistics
        "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] ACCORDING TO LEGAL AID OFFICE STATISTICS, 31 "
        "ASSASSINATIONS WERE BLAMED ON THE FMLN.",
        "BOGOTA, 9 APR 90 -- [TEXT] ACCORDING TO POLICE STATISTICS, FOUR PEOPLE HAVE BEEN KIDNAPPED IN MEDELLIN "
        "EVERY DAY.",
        # an escalation, here of verbal attacks (DEV-MUC3-0146)
        "SANTIAGO, 2 JUN 89 (EFE) -- [TEXT] GENERAL AUGUSTO PINOCHET HAS STEPPED UP HIS ATTACKS ON THE CHILEAN "
        "OPPOSITION.",
        # a speaker recalling old attacks, whatever toll or date he gives them (DEV-MUC3-0007, -0281)
        "BOGOTA, 2 JUN 89 (EFE) -- [TEXT] LET US RECALL THE HORRIBLE EXPLOSION OF THE COLOMBIAN AIRLINER, IN WHICH "
        "MORE THAN 100 PEOPLE DIED.",
        "TEGUCIGALPA, 2 JUN 89 (EFE) -- [TEXT] WE RECALL THE DEPLORABLE KIDNAPPING OF 100 PERSONS AT THE CHAMBER "
        "OF COMMERCE IN CORTES IN 1982.",
        # a practice, not one attack: manner and frequency modifiers, the simple present
        "LIMA, 4 MAY 89 (EFE) -- [TEXT] THE PEASANTS OF THE VALLEY LIVE IN FEAR OF THE DAILY BOMBINGS.",
        "SAN SALVADOR, 4 MAY 89 (AFP) -- [TEXT] THE UNION ACCUSED THE AIR FORCE OF THE INDISCRIMINATE BOMBING OF "
        "VILLAGES IN THE NORTH.",
        "BOGOTA, 4 MAY 89 (EFE) -- [TEXT] THE BISHOP SAID THAT THE DEATH SQUADS ARE GANGS THAT KIDNAP "
        "PEASANT LEADERS FOR RANSOM.",
        # attacks to be stopped or renounced (cessation) are under negotiation, not reported
        "SAN SALVADOR, 4 MAY 89 (AFP) -- [TEXT] THE GOVERNMENT ASKED THE REBELS TO STOP SABOTAGING THE POWER "
        "NETWORK BEFORE THE TALKS.",
        "BOGOTA, 4 MAY 89 (EFE) -- [TEXT] THE CHURCH CALLED FOR AN END TO KIDNAPPINGS AND MURDERS OF JOURNALISTS.",
        # refraining, abstaining from attacks: a promise to stop, not a threat of them
        "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE FMLN PROMISED TO ABSTAIN FROM ATTACKS AGAINST THE "
        "CITY HALL OF USULUTAN.",
        "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE FMLN PROMISED TO REFRAIN FROM ATTACKING THE CITY "
        "HALL OF USULUTAN.",
        # weapons held or handed over, not used
        "GUATEMALA CITY, 4 MAY 89 (EFE) -- [TEXT] THE WITNESS SAID HE SAW FOUR MEN ARMED WITH PISTOLS AND "
        "GRENADES NEAR THE MARKET.",
        # a figurative explosion
        "QUITO, 4 MAY 89 (EFE) -- [TEXT] THE MINISTER WARNED THAT THE POPULATION EXPLOSION WILL STRAIN THE "
        "CITIES OF THE COAST.",
        # an abstract subject makes an explosion figurative; weapons as goods
        "CARACAS, 4 MAY 89 (EFE) -- [TEXT] THE MINISTER SPOKE ABOUT THE POLITICAL CRISIS THAT HAS EXPLODED "
        "IN THE COUNTRY THIS WEEK.",
        "SANTIAGO, 4 MAY 89 (EFE) -- [TEXT] THE COMPANY PRODUCES CLUSTER BOMBS FOR THE ARMED FORCES OF SEVERAL "
        "COUNTRIES.",
        "SANTIAGO, 4 MAY 89 (EFE) -- [TEXT] THE FIRST 200 BOMBS WERE SHIPPED TO THE PERSIAN GULF LAST YEAR.",
        # "hostage to": a dependence, not a hostage taking (DEV-MUC3-0206)
        "GUATEMALA CITY, 2 JUN 89 (EFE) -- [TEXT] HIS GOVERNMENT IS STILL HOSTAGE TO THE MILITARY HIGH COMMAND, "
        "WHICH TEMPORARILY SURRENDERED POWER AFTER MANY YEARS OF DICTATORSHIP.",
        # another sense of the trigger word (DEV-MUC3-0110)
        "QUITO, 2 JUN 89 (EFE) -- [TEXT] HE ADDED THAT \"THE BEST WAY TO PROTECT THE AMAZON REGION IS TO "
        "ELIMINATE DEADLY WEAPONS AND NUCLEAR BOMBS.\"",
        # a verbal attack, however dated (DEV-MUC3-1163)
        "SANTIAGO, 2 JUN 89 (EFE) -- [TEXT] ADMIRAL JOSE TORIBIO MERINO, FORMER COMMANDER IN CHIEF OF THE CHILEAN "
        "NAVY, TODAY HARSHLY ATTACKED PERUVIAN PRESIDENT ALAN GARCIA.",
        # deaths from a natural disaster or an accident (DEV-MUC3-1275)
        "SAN SALVADOR, 2 JUN 89 (EFE) -- [TEXT] IN OCTOBER 1986, AN EARTHQUAKE DESTROYED A LARGE SECTION OF THE "
        "SALVADORAN CAPITAL AND NEARLY 1,000 PEOPLE WERE KILLED.",
        "BOGOTA, 2 JUN 89 (EFE) -- [TEXT] TWO POLICEMEN WERE KILLED IN A TRAFFIC ACCIDENT ON MONDAY NEAR CALI.",
    ],
)
def test_not_an_attack(text, attack_events):
    assert attack_events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the same words around one dated or completed attack still report it
        "LIMA, 4 MAY 89 (EFE) -- [TEXT] SHINING PATH GUERRILLAS BOMBED THE TOWN HALL OF AYACUCHO YESTERDAY, "
        "DESTROYING THE BUILDING.",
        "SAN SALVADOR, 4 MAY 89 (AFP) -- [TEXT] FOUR MEN ARMED WITH PISTOLS KIDNAPPED A COFFEE GROWER IN SANTA ANA "
        "LAST NIGHT.",
        "BOGOTA, 4 MAY 89 (EFE) -- [TEXT] THE POLICE STOPPED A CAR IN MEDELLIN AFTER UNIDENTIFIED GUNMEN "
        "MURDERED A JUDGE ON 2 MAY.",
        "BOGOTA, 4 MAY 89 (EFE) -- [TEXT] A CAR BOMB EXPLODED IN FRONT OF THE NEWSPAPER OFFICES IN BOGOTA, "
        "INJURING THREE PEOPLE.",
        "SYDNEY, 4 MAY 19 -- IN JULY 2017 TWO BROTHERS TRIED TO SMUGGLE AN IMPROVISED EXPLOSIVE DEVICE ONTO A "
        "FLIGHT FROM SYDNEY.",
        # a verbal-attack word on the verb that governs the attack is not the attack's own sense (DEV-MUC3-0861)
        "MEXICO CITY, 4 MAY 89 (EFE) -- [TEXT] MEXICO BITTERLY CONDEMNED TODAY THE ASSASSINATION OF SIX JESUIT "
        "PRIESTS IN SAN SALVADOR.",
    ],
)
def test_specific_attack_next_to_practice_cues(text, attack_events):
    assert len(attack_events(text)) == 1, attack_events(text)


def test_summary_and_body_are_one_attack(attack_events):
    """A lead naming the attack without a place and the body detailing it: one event."""
    text = (DATELINE + "THE GOVERNMENT TODAY CONDEMNED THE MURDER OF PRESIDENCY MINISTER ANTONIO RODRIGUEZ "
            "PORTH.\n\n   THE MINISTER WAS MURDERED AT HIS RESIDENCE IN THE ESCALON NEIGHBORHOOD OF "
            "SAN SALVADOR BY URBAN GUERRILLAS.\n")
    evs = attack_events(text)
    assert len(evs) == 1, evs


@pytest.mark.parametrize(
    "text, n",
    [
        # a generic attack verb with what it hit stands as an attack at the dateline place
        (WIRE_TEXT + "GUERRILLAS YESTERDAY ATTACKED THE DEMOCRATIC CONVERGENCE HEADQUARTERS. NO ONE WAS HURT.", 1),
        # without what it hit, or only threatened, it is too vague
        (WIRE_TEXT + "GUERRILLAS ATTACKED YESTERDAY. NO ONE WAS HURT.", 0),
        (WIRE_TEXT + "GUERRILLAS THREATENED TO ATTACK THE DEMOCRATIC CONVERGENCE HEADQUARTERS.", 0),
    ],
)
def test_placeless_attack_on_a_target(text, n, attack_events):
    assert len(attack_events(text)) == n, attack_events(text)


def test_bare_plural_with_places_is_an_event(attack_events):
    text = "Local ISIS supporters inspired by ISIS also carried out attacks in Kenya, Germany and possibly the United States."
    assert len(attack_events(text)) == 3


@pytest.mark.parametrize(
    "text, n",
    [
        # a plural attack noun alone, naming nothing it hit nor anything it was done with: attacks spoken
        # of together, not a report of one
        ("BOGOTA, 10 SEP 89 -- Eduardo Martinez was sent to the United States on Wednesday.\n\n"
         "The bombings have mainly affected Bogota and Medellin, where the authorities have tightened security.", 0),
        ("BOGOTA, 10 SEP 89 -- After the numerous murders of the recent months, the president broke off the talks "
         "in Bogota.", 0),
        # not plural devices, a plural noun naming what it hit, nor one with a cue of its status
        ("SAN SALVADOR, 10 SEP 89 -- Several bombs exploded in the capital last night.", 1),
        ("BOGOTA, 10 SEP 89 -- The bombings of two banks in Medellin caused heavy damage.", 1),
        ("BOGOTA, 10 SEP 89 -- The murders were carried out in Medellin by the Extraditables.", 1),
        # nor one naming the people it hit one by one, by what they were; a kind of people is no such name
        ("BOGOTA, 10 SEP 89 -- The judges investigating the murders of the mayor of Cali and a police colonel "
         "resigned today.", 1),
        ("BOGOTA, 10 SEP 89 (EFE) -- [TEXT] THE JUDGES INVESTIGATING THE KILLINGS OF A JOURNALIST, A JUDGE, AND "
         "THE GOVERNOR OF ANTIOQUIA RESIGNED TODAY.", 1),
        ("BOGOTA, 10 SEP 89 -- The judges investigating the murders of peasants in Uraba resigned today.", 0),
        # "that of X" beside the plural names one of the people it hit; another noun beside it does not
        ("BOGOTA, 28 AUG 89 -- The European Community condemned the murders which have occurred in Colombia and "
         "especially that of senator Luis Carlos Galan.", 1),
        ("BOGOTA, 28 AUG 89 -- The European Community condemned the murders which have occurred in Colombia and "
         "the violence of the cartels.", 0),
    ],
)
def test_plural_reference_alone_is_no_attack(text, n, attack_events):
    assert len(attack_events(text)) == n, attack_events(text)


@pytest.mark.parametrize(
    "text, n",
    [
        # a report whose only attacks are a bare plural attack noun naming what it hit: a tally or background
        ("BOGOTA, 9 APR 90 -- Oil exports fell because of terrorist attacks on the Cano Limon-Covenas pipeline.", 0),
        ("BOGOTA, 9 APR 90 -- Sales dropped due to the dynamite attacks against the power towers of the Antioquia "
         "region.", 0),
        ("LIMA, 9 APR 90 -- The police blamed the group for a series of attacks on a police chief and the home of "
         "an army general.", 0),
        # not with a count, a date of its own, a verb it is the object of, or people harmed
        ("BOGOTA, 9 APR 90 -- Two bomb attacks on the pipeline were carried out in Arauca last night.", 1),
        ("BOGOTA, 9 APR 90 -- Terrorist attacks on the pipeline near Saravena last night caused a fire.", 1),
        ("SAN SALVADOR, 9 APR 90 -- The rebels launched attacks on the presidential palace.", 1),
        ("BOGOTA, 9 APR 90 -- Three workers were killed in terrorist attacks on the pipeline in Arauca.", 1),
        # nor in a report that tells another attack
        ("BOGOTA, 9 APR 90 -- A bomb exploded at the Ecopetrol offices in Barrancabermeja today. Oil exports fell "
         "because of terrorist attacks on the pipeline near Saravena.", 2),
    ],
)
def test_report_of_tallies_only_tells_no_attack(text, n, attack_events):
    assert len(attack_events(text)) == n, attack_events(text)


BACKGROUND_WIRE = "BOGOTA, 24 AUG 89 (EFE) -- [TEXT] "


@pytest.mark.parametrize(
    "text, by_default, in_scope",
    [
        # a later paragraph recalls an attack from years before the report: background
        (BACKGROUND_WIRE + "GUERRILLAS KIDNAPPED AN INDUSTRIALIST IN CALI YESTERDAY, POLICE SAID.\n\n"
         "THE SAME GROUP MURDERED A JUDGE IN BOGOTA IN NOVEMBER 1985.\n",
         ["kidnapping", "assassination"], ["kidnapping"]),
        (BACKGROUND_WIRE + "A BOMB EXPLODED AT A BANK IN MEDELLIN THIS MORNING, WOUNDING TWO GUARDS.\n\n"
         "IT SHOULD BE RECALLED THAT IN 1984 A CAR BOMB DESTROYED THE OFFICES OF A NEWSPAPER IN CALI.\n",
         ["bombing", "bombing"], ["bombing"]),
        # the report's first attack is its news, whatever its date (a report on an old murder's trial)
        (BACKGROUND_WIRE + "THE POLICE RECALLED THAT GUERRILLAS KIDNAPPED THE INDUSTRIALIST IN BOGOTA IN NOVEMBER 1985.\n",
         ["kidnapping"], ["kidnapping"]),
        # a later attack of the last weeks is no background
        (BACKGROUND_WIRE + "GUERRILLAS KIDNAPPED AN INDUSTRIALIST IN CALI YESTERDAY, POLICE SAID.\n\n"
         "THE SAME GROUP MURDERED A JUDGE IN BOGOTA ON 10 AUGUST.\n",
         ["kidnapping", "assassination"], ["kidnapping", "assassination"]),
        # a report about something else that recalls an old attack in passing (one sentence after its lead,
        # inside a phrase or a relative clause, dated there): background even as the report's only attack
        (BACKGROUND_WIRE + "THE SUPREME COURT TODAY APPROVED THE EXTRADITION OF A FORMER MAYOR TO THE UNITED STATES.\n\n"
         "THE FORMER MAYOR IS ALSO ACCUSED OF HAVING ORDERED THE MURDER OF A JUDGE IN CALI IN MARCH 1986.\n",
         ["assassination"], []),
        (BACKGROUND_WIRE + "THE GOVERNOR TODAY OPENED A MUSEUM IN HONOR OF A JOURNALIST.\n\n"
         "THE JOURNALIST, WHO WAS ASSASSINATED IN MEDELLIN IN 1986, HAD DENOUNCED THE DRUG TRAFFICKERS.\n",
         ["assassination"], []),
        # ... not when its sentence narrates it (the report may be about it)
        (BACKGROUND_WIRE + "THE SUPREME COURT TODAY OPENED THE TRIAL OF A FORMER MAYOR.\n\n"
         "GUERRILLAS KIDNAPPED A JUDGE IN CALI IN MARCH 1986.\n",
         ["kidnapping"], ["kidnapping"]),
        # ... nor when the attack it recalls in passing is recent
        (BACKGROUND_WIRE + "THE SUPREME COURT TODAY APPROVED THE EXTRADITION OF A FORMER MAYOR TO THE UNITED STATES.\n\n"
         "THE FORMER MAYOR IS ALSO ACCUSED OF HAVING ORDERED THE MURDER OF A JUDGE IN CALI ON 2 AUGUST.\n",
         ["assassination"], ["assassination"]),
    ],
)
def test_background_attacks_kept_by_default_dropped_when_configured(text, by_default, in_scope, nlp, attack_events):
    """``background_days`` (``extract --background-days``, the MUC-4 benchmark's scope) leaves out the
    attacks a report recalls from well before its dateline, its first only when recalled in passing after
    the lead; by default all are kept."""
    assert [e["attack_type"] for e in attack_events(text)] == by_default
    comp = nlp.get_pipe("extract_events")
    try:
        comp.background_days = 60
        assert [e["attack_type"] for e in attack_events(text)] == in_scope
    finally:
        comp.background_days = 0


@pytest.mark.parametrize(
    "text, clock",
    [("AT 1835 ON 14 NOV", True), ("AROUND 2130 HOURS", True), ("IN 1984", False), ("SINCE 1980", False)],
)
def test_clock_time_is_not_a_year(nlp, text, clock):
    doc = nlp.make_doc(text)
    span = next(doc[i : i + 1] for i, t in enumerate(doc) if t.text.isdigit() and len(t.text) == 4)
    assert _clock_time(span) is clock


WIRE = "SAN SALVADOR, 12 NOV 89 (AFP) -- [TEXT] "


@pytest.mark.parametrize(
    "text, attack_type",
    [
        # bombing from the air is an air strike (armed assault), not a bombing (patterns/event_retype.jsonl)
        (WIRE + "AIR FORCE HELICOPTERS TODAY BOMBED THE TOWN OF PERQUIN, IN MORAZAN DEPARTMENT.", "armed_assault"),
        (WIRE + "URBAN GUERRILLAS TODAY BOMBED THE OFFICES OF THE ELECTRIC COMPANY IN SAN MIGUEL.", "bombing"),
        # sabotage names the act, not the means
        (WIRE + "THE FMLN CLAIMED RESPONSIBILITY FOR THE SABOTAGE OF THE POWER LINES IN USULUTAN YESTERDAY.", "unknown"),
        # a generic attack typed only by fired munitions or by explosives with firearms is an armed
        # assault (MUC-4 keys: ATTACK, DEV-MUC3-0126); dynamite alone still makes a bombing
        (WIRE + "URBAN GUERILLAS ATTACKED THE PRESIDENCY IN SAN SALVADOR WITH MORTAR FIRE TONIGHT, CAUSING SOME "
         "DAMAGE BUT NO CASUALTIES.", "armed_assault"),
        (WIRE + "GUERRILLAS ATTACKED THE TOWN OF SAN MIGUEL WITH DYNAMITE TONIGHT.", "bombing"),
        # explosions coordinated with gunfire (DEV-MUC3-0142, -0014)
        (WIRE + "THE BOMB EXPLOSIONS AND SHOOTING HEARD THROUGHOUT THE EARLY HOURS IN SAN SALVADOR WERE NO "
         "LONGER HEARD AFTER 1000.", "armed_assault"),
        (WIRE + "THE MURDER TOOK PLACE AT 0200 IN SAN MIGUEL, AND THERE WERE EXPLOSIONS, MACHINE-GUN BLASTS, AND "
         "SHOTS, SANDOVAL SAID.", "armed_assault"),
        (WIRE + "A BOMB EXPLODED AT THE TOWN HALL OF SAN MIGUEL, INJURING THREE PEOPLE.", "bombing"),
        # killing a named person is an assassination, also when the name is an apposition
        ("Gunmen killed the mayor of Cali, Jorge Luis Pineda, outside his home in Cali on Sunday.", "assassination"),
    ],
)
def test_kind_of_attack(text, attack_type, attack_events):
    evs = attack_events(text)
    assert [e["attack_type"] for e in evs] == [attack_type], evs


def test_attack_on_troops_in_a_report_of_clashes_is_combat(attack_events):
    ambush = "GUERRILLAS AMBUSHED AN ARMY PATROL NEAR PERQUIN, KILLING FIVE SOLDIERS."
    assert len(attack_events(WIRE + ambush)) == 1  # an attack on a patrol is an attack
    text = WIRE + "HEAVY CLASHES BETWEEN THE ARMY AND THE FMLN CONTINUED TODAY IN MORAZAN.\n\n" + ambush
    assert attack_events(text) == []


@pytest.mark.parametrize(
    "text, n",
    [
        # a named person whose title says he is no fighter, killed where there was fighting: an attack on him
        ("LIMA, 4 MAY 89 (EFE) -- [TEXT] BRITISH PHOTOGRAPHER JOHN MILLER WAS KILLED YESTERDAY IN A SHOOTOUT "
         "BETWEEN POLICEMEN AND REBELS IN AYACUCHO.", 1),
        (WIRE + "MARIA ELENA SOTO, A SPANISH NUN, WAS KILLED THIS MORNING DURING A CLASH BETWEEN THE ARMY AND "
         "THE FMLN IN SAN MIGUEL.", 1),
        # the toll of the fighting: people counted, bare names, a title that says whose member he was, or a
        # fighter's title
        (WIRE + "FOUR PEOPLE WERE KILLED YESTERDAY IN A CLASH BETWEEN THE POLICE AND THE GUERRILLAS IN SAN MIGUEL.", 0),
        (WIRE + "A CLASH ENSUED NEAR SAN MIGUEL, AND JUAN PEREZ AND JOSE LOPEZ WERE KILLED.", 0),
        (WIRE + "DURING THE ENSUING CLASH, JOSE ANTONIO MEJIA, THE LEADER OF THE GANG, WAS KILLED IN SAN MIGUEL.", 0),
        (WIRE + "GUERRILLA COMMANDER JOSE ANTONIO MEJIA WAS KILLED IN A CLASH WITH TROOPS IN SAN MIGUEL.", 0),
    ],
)
def test_named_civilian_killed_in_fighting_is_an_attack(text, n, attack_events):
    assert len(attack_events(text)) == n, attack_events(text)


@pytest.mark.parametrize(
    "text, kept",
    [
        # attacks on troops and military posts, and air strikes on positions, are military actions
        (WIRE + "REBELS AMBUSHED AN ARMY CONVOY ON THE COASTAL HIGHWAY NEAR ZACATECOLUCA, KILLING FOUR SOLDIERS.", 0),
        (WIRE + "AIR FORCE PLANES BOMBED REBEL POSITIONS ON THE SLOPES OF GUAZAPA HILL THIS MORNING.", 0),
        # a unit named as an organisation (DEV-MUC3-0615)
        (WIRE + "THE STATION ALSO SAYS THAT THE ATLACATL BATTALION WAS ATTACKED ON THE SLOPES OF THE SAN SALVADOR "
         "VOLCANO, NEJAPA JURISDICTION.", 0),
        # bombing from the air named by the bombing's modifier or by the subject of the verb it is the object
        # of is an air strike too (DEV-MUC3-1298, -0827, -1007, -0761)
        (WIRE + "THE ARMED FORCES LAUNCHED A GENERAL OFFENSIVE WITH AERIAL BOMBINGS IN MORAZAN.", 0),
        (WIRE + "THERE ARE NO PLACES LEFT AFTER THE SALVADORAN AIR FORCE BOMBINGS IN SAN MIGUEL, RIERA STRESSED.", 0),
        (WIRE + "THE SOURCE SAID THAT THE PLANES ARE DROPPING 500-POUND BOMBS IN SAN MIGUEL.", 0),
        (WIRE + "IN THE PAST 48 HOURS, THESE U.S. PILOTS HAVE BEEN CARRYING OUT THE BOMBING MISSIONS IN SAN "
         "SALVADOR.", 0),
        # a unit or position attacked, not named as a target span (DEV-MUC3-0738, -0758; the place added: a
        # generic attack with neither target span nor place is no event at all)
        (WIRE + "AS REPORTED ON THE EVENING OF 13 NOVEMBER, WE ATTACKED THE SAN BENITO BATTALION AT THE NATIONAL "
         "FAIR GROUNDS IN SAN SALVADOR.", 0),
        (WIRE + "RADIO VENCEREMOS PROCLAIMS THAT THE ARMED FORCES' COUNTEROFFENSIVE TO ATTACK OUR POSITIONS IN "
         "ZACAMIL HAS FAILED.", 0),
        # an air strike on a town, an attack on the police or on civilians stays an attack
        (WIRE + "AIR FORCE HELICOPTERS TODAY BOMBED THE TOWN OF PERQUIN, IN MORAZAN DEPARTMENT.", 1),
        # a bomb on board a plane is a bombing of the plane, not from it
        ("BOGOTA, 9 APR 90 -- [TEXT] A PLANE EXPLOSION KILLED 107 PEOPLE NEAR BOGOTA ON 27 NOVEMBER.", 1),
        (WIRE + "URBAN COMMANDOS ATTACKED A NATIONAL POLICE POST IN SOYAPANGO LAST NIGHT.", 1),
        (WIRE + "GUERRILLAS KIDNAPPED A FORMER ARMY OFFICER AT HIS FARM IN SANTA ANA YESTERDAY.", 1),
    ],
)
def test_military_actions_dropped_only_when_configured(text, kept, attack_events, military_scope_events):
    assert len(attack_events(text)) == 1  # the contract keeps attacks on soldiers
    assert len(military_scope_events(text)) == kept, military_scope_events(text)


@pytest.mark.parametrize(
    "text, n",
    [
        # law-enforcement operations: a raid by the police, or one whose clause speaks of arrests, finds or a
        # drug laboratory (DEV-MUC3-1278, -0912, -0361)
        ("RIO DE JANEIRO, 9 APR 90 -- [TEXT] ON 7 APRIL FEDERAL POLICE OF MATO GROSSO DO SUL STATE RAIDED A "
         "WELL-EQUIPPED COCAINE REFINING LABORATORY ON A RANCH IN AQUIDAUANA.", 0),
        (WIRE + "A GROUP OF POLICEMEN RAIDED THE PARISH CENTER IN CIUDAD CREDISA, A SAN SALVADOR NEIGHBORHOOD.", 0),
        (WIRE + "UNIFORMED MEN RAIDED THE PARISH CENTER IN CIUDAD CREDISA AND ARRESTED THE FIVE PERSONS AFTER "
         "CONDUCTING A SEARCH.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] THE ALLEGED COMPTROLLER OF THE MEDELLIN CARTEL WAS CAPTURED TODAY DURING THE "
         "RAID ON A FARM IN THE NORTHERN PART OF THE COUNTRY.", 0),
        (WIRE + "THE RAIDS WERE CONDUCTED BY 13TH BRIGADE TROOPS IN CHIA, PACHO, AND BOGOTA.", 0),
        # a raid by attackers stays an attack, whatever they seize
        (WIRE + "A FARABUNDO MARTI NATIONAL LIBERATION FRONT COLUMN RAIDED THE TOWN OF SAN MIGUEL.", 1),
        (WIRE + "URBAN GUERRILLAS RAIDED THE TOWN OF SAN MIGUEL AND CAPTURED TWO POLICEMEN.", 1),
        ("Late on Wednesday, dozens of gunmen raided a military base at Gueskerou in Niger's Diffa region, "
         "killing 11 soldiers and seizing weapons.", 1),
        # a purpose, not an accomplished attack (DEV-MUC3-1133)
        ("MANAGUA, 9 APR 90 -- [TEXT] GALEANO ADDED THAT THE SANDINISTS HAVE DEPLOYED APPROXIMATELY 30,000 TROOPS "
         "IN THE NORTHERN NICARAGUAN DEPARTMENTS IN ORDER TO \"INTIMIDATE AND MURDER\" UNO FOLLOWERS.", 0),
        # a kind of attack given as an example of a practice (DEV-MUC3-1075)
        ("BOGOTA, 9 APR 90 -- [TEXT] OF COURSE, THIS ALSO MEANS THAT WE HAVE TO ABANDON PRACTICES LIKE "
         "KIDNAPPING.", 0),
        # a tally: attacks counted in hundreds (DEV-MUC3-0098, -0770); a few counted attacks stay reported
        (WIRE + "THE \"DIRTY WAR\" AGAINST THE LEFT AND HUMAN RIGHTS ACTIVISTS HAS RESULTED IN 700 POLITICAL "
         "ASSASSINATIONS SO FAR THIS YEAR.", 0),
        (WIRE + "IN A COMPARISON OF THE STATISTICS FOR AUGUST AND SEPTEMBER, IT IS NOTED THAT 142 MURDERS WERE "
         "REPORTED IN SEPTEMBER.", 0),
        (WIRE + "TWO BOMBINGS WERE REPORTED IN SAN SALVADOR LAST NIGHT.", 1),
        # a year is not a count (dev corpus)
        ("Indonesia has suffered periodic militant attacks since the 2002 Bali bombings, in which Jemaah "
         "Islamiyah militants killed 202 people.", 1),
        # the noise of fighting (DEV-MUC3-0721, -1017); a heavy bomb is still a bomb
        (WIRE + "LOUD EXPLOSIONS AND HEAVY GUNFIRE IS CURRENTLY HEARD IN THE DOWNTOWN AREA OF SAN SALVADOR.", 0),
        (WIRE + "RESIDENTS OF THE AFFECTED AREAS TOLD LOCAL RADIO STATIONS THAT THERE WAS HEAVY SHOOTING IN "
         "SOYAPANGO.", 0),
        (WIRE + "AN ULTRARIGHTIST SQUAD USED A HEAVY BOMB TO BOMBARD THE HEADQUARTERS OF THE LABOR FEDERATION IN "
         "SAN SALVADOR, KILLING 10 PEOPLE.", 1),
        # an attack on a country is war between states (DEV-MUC3-0262)
        ("MANAGUA, 9 APR 90 -- [TEXT] \"WE COULD HAVE BROKEN RELATIONS WITH THE HONDURAN GOVERNMENT FROM THE "
         "MOMENT HONDURAS WAS FIRST USED AS A SPRINGBOARD TO ATTACK NICARAGUA,\" THE SANDINIST LEADER STRESSED.", 0),
        # an inventory of arms seized or found (DEV-MUC3-0807, -0748, -0001); weapons used stay an attack
        (WIRE + "AS FOR WEAPONS CONFISCATED, THE ARMY SAYS IT HAS CONFISCATED 370 RIFLES, 82 GRENADE LAUNCHERS, 26 "
         "MORTARS, 18 MACHINEGUNS, 17 SUBMACHINEGUNS, AND LARGE QUANTITIES OF AMMUNITION.", 0),
        (WIRE + "THE CONFISCATED WAR MATERIEL INCLUDED A SOVIET-MADE SURFACE-TO-AIR MISSILE, 140 HIGH-CALIBER RIFLES "
         "INCLUDING 74 AK-47 ASSAULT RIFLES, 3 UZI MACHINEGUNS, 50 GRENADES, 2 DRAGUNOV RIFLES FOR SNIPERS.", 0),
        (WIRE + "AN M-16 RIFLE, FIVE GRENADES, AND MATERIAL FOR THE PRODUCTION OF EXPLOSIVES WERE FOUND IN THE SAME "
         "PLACE.", 0),
        (WIRE + "URBAN GUERRILLAS ATTACKED THE NATIONAL POLICE POST IN SOYAPANGO WITH RIFLES, GRENADES AND MORTARS "
         "LAST NIGHT.", 1),
        # a siege laid in combat is not a hostage siege (DEV-MUC3-0752); a siege of an embassy is
        (WIRE + "WE REPEAT: OUR FORCES HAVE LAID SIEGE TO THE CUSCATANCINGO POLICE GARRISON.", 0),
        ("LIMA, 9 APR 90 -- [TEXT] THE SIEGE OF THE JAPANESE EMBASSY IN LIMA BY MRTA REBELS ENTERED ITS SECOND "
         "WEEK.", 1),
        # the people at large, uncounted, as the object: a practice denounced (DEV-MUC3-0903, -0988, -0774,
        # -0927); a number or a date makes one attack
        (WIRE + "THE CRISTIANI ADMINISTRATION IS ALSO UNABLE TO CONTROL THE DEATH SQUADS WHICH ARE MURDERING "
         "PEOPLE WITH IMPUNITY.", 0),
        (WIRE + "THE FMLN STATES THAT THE AGREEMENTS SUPPORT A GOVERNMENT THAT HAS MURDERED AND PERSECUTED THE "
         "CLERGY AND BOMBED THE CIVILIAN POPULATION.", 0),
        ("MANAGUA, 9 APR 90 -- [TEXT] THE FSLN IS CHANNELLING ARMS TO THE FMLN OF EL SALVADOR TO MURDER INNOCENT "
         "SALVADORAN PEOPLE.", 0),
        ("LIMA, 9 APR 90 -- [TEXT] BUT HOW CAN THERE BE PEACE WHILE EVENTS LIKE THE MASSIVE KILLING OF HUMAN "
         "BEINGS CONTINUE, SHE ADDED.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] UNIDENTIFIED PERSONS KIDNAPPED 31 PEOPLE IN THE BANANA-GROWING REGION OF "
         "URABA.", 1),
        (WIRE + "ON 5 NOVEMBER SOLDIERS KILLED CIVILIANS IN THE TOWN OF SAN MIGUEL.", 1),
        # a practice recorded in the present perfect with a bare plural object (DEV-MUC3-0569, -0704); named or
        # counted victims make one attack
        ("BOGOTA, 9 APR 90 -- [TEXT] THE DRUG TRAFFICKERS ARE WAGING WAR ON COLOMBIA. THEY HAVE MURDERED JUDGES, "
         "A MINISTER OF JUSTICE, AND JOURNALISTS IN BOGOTA.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] THE DRUG TRAFFICKERS HAVE MURDERED TWO JUDGES IN BOGOTA.", 1),
        # kinds of abuse listed (DEV-MUC3-0516, -0629)
        (WIRE + "THE U.S. SENATORS ARE MISINFORMED ABOUT EVENTS IN EL SALVADOR: THE INCREASE IN HUMAN RIGHTS "
         "VIOLATIONS, THE ARRESTS, THE BOMBINGS, THE WAR PARADES, AND THE HARASSMENT OF THE PRESS.", 0),
        ("MANAGUA, 9 APR 90 -- [TEXT] IN NICARAGUA WE HAVE BEEN REPORTING THE KILLINGS, THE ASSASSINATIONS, THE "
         "CRIMES, THE CONTRAS ATTACKS, AND THE YANKEE CONGRESS HAS REMAINED SILENT.", 0),
        # plural case counts (DEV-MUC3-0770)
        ("BOGOTA, 9 APR 90 -- [TEXT] OFISEM ALSO REPORTS THAT 17 KIDNAP CASES WERE REPORTED IN BOGOTA IN "
         "SEPTEMBER, AGAINST 19 CASES IN AUGUST.", 0),
        # prison riots (DEV-MUC3-0154, -0159)
        ("TEGUCIGALPA, 9 APR 90 -- [TEXT] TWO NEW SHOOTOUTS HAVE BEEN REPORTED AT THE PAVON PRISON FARM, WHERE "
         "INMATES MUTINIED SUNDAY AFTER RAIDING THE ARMORY.", 0),
        ("TEGUCIGALPA, 9 APR 90 -- [TEXT] AT THE PAVON PRISON FARM THE RIOTING PRISONERS SHOT AT THE ESCAPEES.", 0),
        # a social explosion (DEV-MUC3-0939)
        ("LA PAZ, 9 APR 90 -- [TEXT] DRUG TRAFFICKING IS ONE OF THE MAIN FACTORS IN BOLIVIA PREVENTING A SOCIAL "
         "EXPLOSION.", 0),
        # a noun of one act said bare, with no determiner, possessive or "of" phrase, names the crime as a kind,
        # wherever its clause is; "the kidnapping of X", "X's assassination" pick one out
        (WIRE + "THE ARCHBISHOP SAID THAT THE DEATH SQUADS ARE SPREADING TERROR AND MURDER ACROSS THE COUNTRY.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] THE MINISTER SAID THAT EXTORTION, KIDNAPPING, AND SMUGGLING FINANCE THE "
         "GUERRILLA GROUPS.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] POLICE SAID THE GANG TURNED TO KIDNAPPING AFTER ITS BANK ROBBERIES FAILED.", 0),
        ("LIMA, 9 APR 90 -- [TEXT] THE GENERAL SAID THAT THE GROUP FINANCES ITSELF THROUGH DRUG TRAFFICKING, "
         "EXTORTION AND KIDNAPPING IN THE JUNGLE.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] THE MINISTER CONDEMNED THE KIDNAPPING OF A SWISS ENGINEER IN MEDELLIN.", 1),
        (WIRE + "THE GUERRILLAS' MURDER OF MAYOR JOSE ROBERTO GARCIA SHOCKED THE TOWN.", 1),
        (WIRE + "MAYOR JOSE ROBERTO GARCIA'S ASSASSINATION SHOCKED THE TOWN.", 1),
        # an adjective only says what kind of crime ("political murder"); a determiner still picks one out
        (WIRE + "THE ARCHBISHOP SAID THAT POLITICAL MURDER HAS NO PLACE IN A DEMOCRACY.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] THE GANG TURNED TO POLITICAL KIDNAPPING AFTER ITS BANK ROBBERIES FAILED.", 0),
        ("LIMA, 9 APR 90 -- [TEXT] THE BRUTAL MURDER OF THE MAYOR SHOCKED THE TOWN.", 1),
        # a casualty verb in the simple present tells a practice, even as the sentence's main verb or in a relative
        # clause: the verb is no casualty clause of its own; a past verb or a threat keeps its attack
        ("LA PAZ, 9 APR 90 -- [TEXT] IN THE MINING DISTRICTS, UNION LEADERS ARE MURDERED OR THREATENED.", 0),
        (WIRE + "THE PRESIDENT SAID HIS GOVERNMENT WILL NOT NEGOTIATE WITH GROUPS THAT ASSASSINATE MAYORS.", 0),
        ("LIMA, 9 APR 90 -- [TEXT] THE MAYOR OF HUANTA WAS MURDERED YESTERDAY BY SHINING PATH GUERRILLAS.", 1),
        ("LIMA, 9 APR 90 -- [TEXT] THESE PEOPLE WILL BE EXECUTED BEGINNING TODAY, THE COMMUNIQUE SAID.", 1),
        # a bare plural with only adjectives names a kind of attack or of weapon; a place or date in its clause
        # makes it attacks reported
        (WIRE + "SOME OF THE PROTESTERS WERE CARRYING KNIVES AND HOMEMADE BOMBS.", 0),
        (WIRE + "SIMULTANEOUS BOMBINGS SHOOK SAN SALVADOR LAST NIGHT.", 1),
        (WIRE + "POWERFUL EXPLOSIONS DESTROYED TWO BANKS IN SAN MIGUEL THIS MORNING.", 1),
        # the words of a multi-word trigger ("car bombs") are no compound that picks attacks out
        ("BOGOTA, 9 APR 90 -- [TEXT] THE MINISTER SAID THAT CAR BOMBS HAVE BECOME THE CARTEL'S FAVORITE WEAPON.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] CAR BOMBS EXPLODED IN MEDELLIN AND CALI LAST NIGHT.", 2),
        # nor does a phrase that says a bare plural hit a kind of people or places; a named target, a status cue, the
        # verb it is the object of, or a place or date in its clause still make it attacks reported (a named target
        # alone, in a report that tells no other attack, is a tally: test_report_of_tallies_only_tells_no_attack)
        (WIRE + "THE GROUP IS KNOWN FOR KIDNAPPINGS AND ATTACKS ON RURAL VILLAGES.", 0),
        (WIRE + "THE REPORT SPEAKS OF ARRESTS, SEARCHES AND ATTACKS AGAINST UNIVERSITIES.", 0),
        ("BOGOTA, 9 APR 90 -- [TEXT] OIL EXPORTS FELL BECAUSE OF TERRORIST ATTACKS ON THE PIPELINE.", 0),
        (WIRE + "THE REBELS LAUNCHED ATTACKS ON BANKS AND SHOPS.", 1),
        (WIRE + "THE COLONEL WAS ACCUSED OF ORDERING ATTACKS ON UNION OFFICES.", 1),
        (WIRE + "ATTACKS ON RURAL VILLAGES IN MORAZAN LEFT THREE PEASANTS DEAD LAST NIGHT.", 1),
        # a promise to refrain from violence does not make an attack told beside it one promised to stop
        (WIRE + "THE REBELS, WHO HAD PROMISED TO REFRAIN FROM VIOLENCE, BOMBED THE CITY HALL OF USULUTAN LAST NIGHT.", 1),
        # statistics do not make an attack told with its own date one of their figures
        ("BOGOTA, 9 APR 90 -- [TEXT] ACCORDING TO POLICE STATISTICS, A JUDGE WAS MURDERED IN MEDELLIN YESTERDAY.", 1),
    ],
)
def test_mentions_that_are_not_specific_attacks(text, n, attack_events):
    assert len(attack_events(text)) == n, attack_events(text)


@pytest.mark.parametrize(
    "text, n",
    [
        # "in charge of" is being responsible for, not a criminal charge: the murder under investigation is one
        ("The judge in charge of investigating the murder of Senator Pedro Ruiz in Medellin resigned on Monday.", 1),
        ("BOGOTA, 30 AUG 89 -- [TEXT] THE PROSECUTOR IN CHARGE OF INVESTIGATING THE ASSASSINATION OF SENATOR PEDRO "
         "RUIZ IN MEDELLIN ISSUED AN ARREST WARRANT TODAY.", 1),
        # a criminal charge or a trial still tells no attack of its own
        ("Three students were charged with the murder of Senator Pedro Ruiz in Medellin.", 0),
        ("The judges in charge of the trial of those accused of the murder of Senator Pedro Ruiz in Medellin "
         "resigned on Monday.", 0),
        # the modal or negation of a reaction is not the attack's: the murder reacted to happened
        ("SANTIAGO, 9 APR 90 -- [TEXT] WE MUST, HOWEVER, REPUDIATE THE VIOLENT MURDER OF A MEMBER OF CARABINEROS IN "
         "SANTIAGO.", 1),
        ("The government will not condemn the murder of Senator Pedro Ruiz in Medellin, the minister said.", 1),
        # an attack no one has told yet stays hypothetical under the reaction's modal
        ("The government will condemn any attack on the embassy in Lima, the minister said.", 0),
        ("The government should condemn a bombing in Lima, the minister said.", 0),
        # what is urged or continued about an inquiry into an attack told with "the" is about the inquiry: the
        # murder happened
        ("SAN JOSE, 15 JAN 90 -- [TEXT] PRESIDENT OSCAR ARIAS TODAY URGED PRESIDENT VINICIO CEREZO TO ORDER AN "
         "EXHAUSTIVE INVESTIGATION INTO THE MURDER OF SOCIAL DEMOCRATIC LEADER HECTOR OQUELI COLINDRES IN GUATEMALA.", 1),
        ("The police continue to investigate the murder of two American citizens in La Paz.", 1),
        # attacks no one has told yet stay a kind
        ("The rebels urged their supporters to investigate and punish any attack on the embassy in Lima.", 0),
        ("The rebels continue to investigate attacks in Lima.", 0),
    ],
)
def test_attacks_told_under_a_reaction_an_inquiry_or_a_charge(text, n, attack_events):
    """The words around a told attack ("in charge of investigating", "must repudiate", "urged an investigation into")
    are about the inquiry or the reaction, not a denial of the attack; an attack no one has told stays a kind."""
    assert len(attack_events(text)) == n, attack_events(text)
