"""What is not an attack's target (real pipeline, wire-report prose): a bare repeat of a target named
before ("the residence" after "the residence of X") is that target, kept once; the place where people
were shot or attacked, the attackers' own vehicle and the body the people hit belong to are not targets."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, targets, not_targets",
    [
        # a bare definite repeat of a named target is the named target, kept once
        ("SAN SALVADOR, 14 APR 89 (ACAN-EFE) -- [TEXT] A BOMB EXPLODED YESTERDAY AT THE RESIDENCE OF VICE "
         "PRESIDENT-ELECT FRANCISCO MERINO IN SAN SALVADOR. THE EXPLOSIVES CAUSED EXTENSIVE DAMAGE TO THE "
         "RESIDENCE, POLICE SAID.",
         ["RESIDENCE OF VICE PRESIDENT-ELECT FRANCISCO MERINO"], ["RESIDENCE"]),
        ("A bomb exploded on Monday at the offices of the newspaper El Siglo in Bogota. The building was "
         "partially destroyed and the offices were damaged.",
         ["offices of the newspaper El Siglo"], ["offices"]),
        # where a person was shot or attacked is not a target; a thing shot at is
        ("TEGUCIGALPA, 7 NOV 89 (AFP) -- [TEXT] HONDURAN JOURNALIST JOSE PEREZ DIED TODAY. HE WAS SHOT ON THE "
         "EVENING OF 5 NOVEMBER AT A TEGUCIGALPA RESTAURANT.",
         [], ["TEGUCIGALPA RESTAURANT"]),
        ("SANTIAGO, 21 MAR 90 (EFE) -- [TEXT] GENERAL LEIGH WAS SHOT AT HIS OFFICE AT BARRIO ALTO THIS MORNING.",
         [], ["OFFICE"]),
        ("BOGOTA, 4 MAR 90 (EFE) -- [TEXT] SENATOR SAMPER PISANO WAS SERIOUSLY INJURED DURING THE "
         "ASSASSINATION AT BOGOTA AIRPORT ON 3 MARCH.",
         [], ["BOGOTA AIRPORT"]),
        # the attackers' own vehicle is not a target
        ("BOGOTA, 5 MAY 89 (AFP) -- [TEXT] ROA AND SAAVEDRA WERE GUNNED DOWN BY HITMEN IN A JEEP.",
         [], ["JEEP"]),
        ("BOGOTA, 16 AUG 89 (EFE) -- [TEXT] SUPERIOR COURT JUDGE CARLOS VALENCIA GARCIA DIED AFTER HE WAS SHOT "
         "TODAY NEAR DOWNTOWN BOGOTA BY TWO MEN TRAVELING ON TWO MOTORCYCLES.",
         [], ["MOTORCYCLES"]),
        # the body the people hit belong to is not a target
        ("AYACUCHO, 4 OCT 89 (EFE) -- [TEXT] ACCORDING TO MILITARY SOURCES TODAY, THREE MEMBERS OF THE PEASANT "
         "DEFENSE PATROLS WERE MURDERED BY A COLUMN OF SHINING PATH MEMBERS, AND ANOTHER TWO WERE WOUNDED DURING AN "
         "ATTACK ON HUANTA TOWN IN AYACUCHO PROVINCE.",
         [], ["PEASANT DEFENSE PATROLS"]),
        ("SAN SALVADOR, 16 NOV 89 (AFP) -- [TEXT] UNIDENTIFIED MEN MURDERED SIX JESUIT PRIESTS AND TWO EMPLOYEES OF "
         "THE CENTRAL AMERICAN UNIVERSITY EARLY TODAY.",
         [], ["CENTRAL AMERICAN UNIVERSITY"]),
        ("LIMA, 4 OCT 89 (EFE) -- [TEXT] THE GUARD OF THE WAREHOUSE WAS KILLED BY UNIDENTIFIED MEN IN CALLAO.",
         [], ["WAREHOUSE"]),
        # whom an attack is reported to is not what it hit (DEV-MUC3-0120); what damage was done to is
        ("LIMA, 25 MAY 89 (EFE) -- [TEXT] TERRORISTS BOMBED A BUS IN HUANCAPI ON 14 MAY. ON 16 MAY THE "
         "POLITICAL-MILITARY COMMAND REPORTED THE ATTACK TO THE PROSECUTOR'S OFFICE IN AYACUCHO.",
         ["BUS"], ["PROSECUTOR'S OFFICE"]),
        ("LIMA, 25 MAY 89 (EFE) -- [TEXT] THE BOMB CAUSED SERIOUS DAMAGE TO THE PROSECUTOR'S OFFICE IN AYACUCHO.",
         ["PROSECUTOR'S OFFICE"], []),
    ],
)
def test_target_precision(text, targets, not_targets, attack_events):
    evs = attack_events(text)
    assert evs, text
    found = [t for ev in evs for t in ev["targets"]]
    for t in targets:
        assert found.count(t) == 1, (t, found)
    for t in not_targets:
        assert t not in found, (t, found)
