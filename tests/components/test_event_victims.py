"""Named victims of attack events (real pipeline, wire-report prose): lists of coordinated or
apposed names, victims named by a later sentence that continues the attack, and the people an
attack noun or participle names as its victims."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, named, not_named",
    [
        # a generic victim phrase with the names in apposition, coordinated
        ("Soldiers at a checkpoint in Santa Ana killed three students, Mario Lopez, Jose Rivas and Ana Cruz, on Sunday.",
         ["Mario Lopez", "Jose Rivas", "Ana Cruz"], []),
        # a name's own apposition names a relative, who is not a victim
        ("Gunmen murdered Alberto Ruiz, the son of former senator Manuel Ruiz, in Cali on Friday.",
         ["Alberto Ruiz"], ["Manuel Ruiz"]),
        # the next sentence names more dead of the same attack
        ("Guerrillas killed the mayor of Cali, Jorge Luis Pineda, on Monday. His brother, Carlos Pineda; the "
         "municipal treasurer, Ramiro Lopez Gil; and bodyguard Nestor Ruiz were also killed.",
         ["Jorge Luis Pineda", "Carlos Pineda", "Ramiro Lopez Gil", "Nestor Ruiz"], []),
        # a later sentence identifies the victims
        ("A bomb exploded at a market in Huancayo yesterday, killing four people. The victims were identified as "
         "Rosa Quispe Mamani, Julio Flores and Pedro Condori.",
         ["Rosa Quispe Mamani", "Julio Flores", "Pedro Condori"], []),
        ("A bomb exploded outside a bank in Lima on Tuesday, injuring six people. Among the wounded were Rosa Huaman "
         "and Luis Alberto Soto.",
         ["Rosa Huaman", "Luis Alberto Soto"], []),
        # the sentence identifies the people its own attack took
        ("Terrorists kidnapped three foreign engineers near Barrancabermeja yesterday. Those who were kidnapped are "
         "Hans Mueller, 45, from Germany, and Pierre Dubois, 38, from France.",
         ["Hans Mueller", "Pierre Dubois"], []),
        # the victim as the possessor of the attack noun, or the noun an attack participle modifies
        ("Senator Luis Alberto Gomez's murder in Cali on Monday shocked the country.",
         ["Luis Alberto Gomez"], []),
        ("The kidnapped businessman, Ernesto Lara, was released in Cali yesterday.",
         ["Ernesto Lara"], []),
        # the victim as the noun a relative clause or a participle phrase of the attack modifies
        ("Police in Cali found the body of Ernesto Velez, who was kidnapped on the Guaymaral highway last week.",
         ["Ernesto Velez"], []),
        ("Father Antonio Ruiz, kidnapped on 15 February in Cali, was released yesterday by the guerrillas.",
         ["Antonio Ruiz"], []),
        # a name the entity splits at a line break
        ("Unidentified gunmen murdered Pedro Rafael\nJimenez Cortez in Cali on Friday.",
         ["Pedro Rafael\nJimenez Cortez"], []),
        # the people a victim phrase includes, the name a naming participle gives it
        ("A bomb exploded at the union headquarters in San Salvador on Tuesday, killing nine people, including "
         "union leader Rosa Elena Castro.",
         ["Rosa Elena Castro"], []),
        ("Guerrillas attacked a bus near Ayacucho yesterday. A street vendor identified as Maria Luisa Quispe was "
         "killed and a foreigner named Karl Weber was wounded.",
         ["Maria Luisa Quispe", "Karl Weber"], []),
        # an inverted passive
        ("Guerrillas attacked a bus near Ayacucho yesterday. Also injured were Lucia Gomez and Pedro Ramos.",
         ["Lucia Gomez", "Pedro Ramos"], []),
        ("A bomb exploded at a market in Huancayo yesterday, killing four people. One of the dead is Rosa Huaman, "
         "and a relative of the victims is Julio Flores.",
         ["Rosa Huaman"], ["Julio Flores"]),
        # a later sentence that identifies someone who was not harmed names no victim
        ("A bomb exploded at a market in Huancayo yesterday, killing four people. The police spokesman was "
         "identified as Julio Flores.",
         [], ["Julio Flores"]),
        # an "of" past the place or date the attack noun has ("the assassination in Guatemala of X")
        ("A right-wing group took part in the assassination in Guatemala of social democratic leader Hector Oqueli "
         "on 12 January.",
         ["Hector Oqueli"], []),
        # the person an attack was aimed at who escaped it
        ("Vice President Francisco Merino escaped unharmed from an attack tonight near Metapan.",
         ["Francisco Merino"], []),
        ("Director General Miguel Maza Marquez emerged unscathed from a dynamite attack in Bogota this morning.",
         ["Miguel Maza Marquez"], []),
        # the people a casualty verb includes
        ("A bomb exploded at the FENASTRAS headquarters in San Salvador. Ten union members were killed, including "
         "opposition leader Elizabeth Velazquez.",
         ["Elizabeth Velazquez"], []),
        # a later sentence naming the dead with a pronoun, or naming one as a victim
        ("A car bomb exploded in Bogota on Tuesday. Four people were killed. They are Omayra Castro Reyes, Maria "
         "Elena Sarmiento and Elsa Prado Cuervo.",
         ["Maria Elena Sarmiento", "Elsa Prado Cuervo"], []),
        ("Gunmen killed a senator in Bogota on Friday. Luis Carlos Galan is the latest victim of this violence.",
         ["Luis Carlos Galan"], []),
        # the people whose home was attacked
        ("Guerrillas attacked the home of National Assembly President Ricardo Alvarenga Valdivieso in San Salvador "
         "today, killing a police officer guarding the house.",
         ["Ricardo Alvarenga Valdivieso"], []),
        # a casualty list a dozen sentences on continues the attack said to happen somewhere, not a later
        # comment on it
        ("On 27 March the police base in Uchiza, San Martin department, was attacked by armed narcoterrorists. "
         "The group was made up of some 300 men. The men arrived in six trucks. After the battle, they fled with "
         "their comrades. This is considered a narcoterrorist attack because on 25 March the police arrested nine "
         "drug traffickers. The weapons were similar to the ones used by the attackers. The aggressors used "
         "sophisticated weapons. They also had three mortars. Some of the cartridges came from abroad. The "
         "reinforcements were held up by bad weather. The base ran out of ammunition. The following policemen "
         "died in combat: Major Carlos Farfan Correa, Captain Walter Moscoso Cardenas, and Lieutenant Walter "
         "Renguifo Lopez.",
         ["Carlos Farfan Correa", "Walter Renguifo Lopez"], []),
        # the people a later sentence says were released are the kidnapping's victims
        ("Guerrillas kidnapped three Brazilian engineers in Bogota on 4 May. Engineers Augusto Carneiro Moreira, "
         "Cesar Paim de Oliveira, and Jose Roberto Reis were released today by the guerrillas.",
         ["Jose Roberto Reis"], []),
        # the dead a later sentence names by their bodies
        ("Six Jesuit priests were killed at the university in San Salvador this morning. The bodies of the rector "
         "and his companions Ignacio Martin Baro, Segundo Montes and Juan Ramon Moreno were riddled with bullets.",
         ["Ignacio Martin Baro", "Segundo Montes", "Juan Ramon Moreno"], []),
        # a name apposed to "one of" the people an attack participle names
        ("Ignacio Ellacuria, one of the six Jesuits murdered on 16 November in San Salvador, had said the war was "
         "lost.",
         ["Ignacio Ellacuria"], []),
        # a companion taken "along with" the victim
        ("The ELN is still holding Senator Jorge Sedano Gonzalez, kidnapped on 9 February near Bucaramanga, along "
         "with his secretary Jorge Mesa.",
         ["Jorge Sedano Gonzalez", "Jorge Mesa"], []),
        # the last member of a semicolon list the parse joins to the verb
        ("Gunmen killed three students in Escuintla on Monday. The victims were identified as Silvia Maria Azurdia "
         "and Victor Hugo Rodriguez, both students at the university; and Carlos Humberto Cabrera Rivera, a "
         "teacher.",
         ["Silvia Maria Azurdia", "Carlos Humberto Cabrera Rivera"], []),
        # an inverted predicate: "also injured was X"
        ("Rebels attacked a bus near the garrison in San Miguel today, killing an agronomist. Also injured was a "
         "street vendor identified as Rosa Elena Perez.",
         ["Rosa Elena Perez"], []),
        # the name the parse apposes to the place of the victim's "of" ("the mayor of Cali, X")
        ("Gunmen seriously wounded the mayor of Cali, Carlos Holguin, yesterday.",
         ["Carlos Holguin"], []),
        # a name apposed to "one of" the people a relative clause says were killed
        ("Castro condemned the assassination of the six Jesuits in San Salvador because Ignacio Ellacuria, one of "
         "the Jesuit priests who were killed, was his teacher.",
         ["Ignacio Ellacuria"], []),
        # the person a light verb's "against" / "on" aims the attack noun at ("the murder committed against X")
        ("Church leaders condemned the cowardly murder committed by urban guerrillas against Father Juan Alvarez "
         "in San Miguel yesterday.",
         ["Juan Alvarez"], []),
        ("The assassination attempt made against Senator Carlos Mejia in Medellin on Monday failed.",
         ["Carlos Mejia"], []),
        # the name a participle gives the person hit ("a foreigner named X"), not a name a main verb gives
        ("A foreigner named Erika Suleman was killed near the presidential residence in San Salvador last night.",
         ["Erika Suleman"], []),
        ("Police named Carlos Ruiz as the man who killed judge Maria Lopez in Cali on Monday.",
         ["Maria Lopez"], ["Carlos Ruiz"]),
        # the doer a light verb names by "by" is no victim
        ("The attack carried out by Mario Lopez against the police station in Cali killed two guards.",
         [], ["Mario Lopez"]),
    ],
)
def test_named_victims(text, named, not_named, attack_events):
    evs = [ev["victims"] for ev in attack_events(text)]
    assert len(evs) == 1, evs
    for name in named:
        assert name in evs[0], (name, evs)
    for name in not_named:
        assert name not in evs[0], (name, evs)


@pytest.mark.parametrize(
    "text, victims",
    [
        # journalists and professionals are people an attack harms (patterns/event_victims.jsonl): "killed" needs a person
        ("SAN SALVADOR, 3 JAN 90 -- Soldiers at a highway checkpoint killed two Salvadoran reporters yesterday.",
         ["two Salvadoran reporters"]),
        ("SAN SALVADOR, 3 JAN 90 -- Soldiers killed a lawyer and a nurse at a roadblock yesterday.",
         ["lawyer", "nurse"]),
    ],
)
def test_people_by_occupation_are_victims(text, victims, attack_events):
    assert [v for ev in attack_events(text) for v in ev["victims"]] == victims


def test_companion_found_dead_with_a_kidnapped_victim(attack_events):
    # the dead found are a murder of their own (MUC-4 keys: a kidnapping and a murder), with the companion
    text = ("Gunmen kidnapped Senator Hector Ruiz in Cali on Monday. The senator was found dead today along with "
            "Jose Luis Mendez, his driver.")
    assert [(ev["attack_type"], ev["victims"]) for ev in attack_events(text)] == [
        ("kidnapping", ["Hector Ruiz"]), ("armed_assault", ["Jose Luis Mendez"])]
