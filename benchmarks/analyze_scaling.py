"""Time the analyser on growing hostile texts and print how time and memory scale; a benchmark, not a test.

    python benchmarks/analyze_scaling.py [--sizes 0.1M,1M,3M,10M] [--families news,run-period]
                                         [--stages quotes,vague_attributions,hype_phrases] [--no-memory]
                                         [--budget 600]

For realistic news and every family of ``benchmarks/adversarial_corpus.py``, the analyser
(``solutions.analysis.analyze_text``) runs on a text of each size. One table row per family gives the
wall-clock seconds at each size; the peak Python memory (``tracemalloc``, in MB) and the JSON output's
size per input byte at the largest size; and the ratio of the time at the largest size to the time at a
tenth of it: time(10 MB)/time(1 MB) with the default sizes. Linear work gives about 10; the kit promises at
most 12, and the last column says whether each family keeps that promise. A quick measurement is the
shortest of up to five runs. ``--stages`` names what to time, each in its own table: ``analyser`` (the
whole analyser, the default) and the stages ``figures``, ``quotes``, ``vague_attributions`` and
``hype_phrases``, to see which stage scales badly.

Each measurement runs in a fresh Python process. A measurement that takes longer than ``--budget``
seconds is stopped and shown as ``>BUDGET``; the family's larger sizes are then skipped (``-``). Sizes
are in bytes of UTF-8 text, decimal: 1M is 1,000,000 bytes. The script only prints; it never fails on
slow results.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adversarial_corpus import families, parse_sizes  # noqa: E402

#: The promise checked in the last column: time(largest size) / time(a tenth of it) at most this.
MAX_RATIO = 12
#: A measurement shorter than this is repeated (up to five runs) and the shortest run counts.
REPEAT_SECONDS = 0.5
WHOLE = "analyser"


def stage_functions() -> dict:
    """The analyser as a whole and each of its stages, by the name the table uses."""
    from solutions.analysis import analyze_text
    from solutions.attribution import vague_attributions
    from solutions.figures import find_figures
    from solutions.hype import find_hype
    from solutions.quotes import extract_quotes
    return {WHOLE: analyze_text, "figures": find_figures, "quotes": extract_quotes,
            "vague_attributions": vague_attributions, "hype_phrases": find_hype}


def measure(family: str, size: int, stages: list[str], memory: bool) -> dict:
    """Time (and trace the memory of) each of ``stages`` on one text; runs inside the child process."""
    functions = stage_functions()
    text = families()[family](size)
    for name in stages:
        functions[name]("Nvidia fell 17% on Monday. \u201cIt is huge,\u201d Wang said, reportedly.")  # warm up
    results = {}
    for name in stages:
        seconds, output = best_time(functions[name], text)
        output_bytes = len(json.dumps(output, allow_nan=True, default=str))
        del output
        peak = None
        if memory:
            tracemalloc.start()
            functions[name](text)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        results[name] = {"seconds": seconds, "peak_bytes": peak, "output_bytes": output_bytes}
    return {"bytes": len(text.encode("utf-8")), "results": results}


def best_time(function, text: str) -> tuple[float, object]:
    """The shortest of a few timed runs (more runs for quick ones, so noise counts less), and the output."""
    times, spent = [], 0.0
    while not times or (spent < REPEAT_SECONDS and len(times) < 5):
        started = time.perf_counter()
        output = function(text)
        times.append(time.perf_counter() - started)
        spent += times[-1]
    return min(times), output


def run_child(family: str, size: int, stages: list[str], memory: bool, budget: float) -> dict | None:
    """One measurement in a fresh process; None when it overran ``budget`` seconds."""
    command = [sys.executable, __file__, "--one", family, str(size), "--stages", ",".join(stages)]
    if not memory:
        command.append("--no-memory")
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=budget)
    except subprocess.TimeoutExpired:
        return None
    if finished.returncode != 0:
        last_line = (finished.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": last_line}
    return json.loads(finished.stdout)


def size_label(size: int) -> str:
    """1000000 -> "1 MB", 100000 -> "0.1 MB", 2000 -> "2 kB" (decimal units)."""
    if size >= 100_000:
        return f"{size / 1e6:g} MB"
    return f"{size / 1e3:g} kB"


def ratio_sizes(sizes: list[int]) -> tuple[int, int] | None:
    """(a tenth of the largest size, the largest size) when both are measured, else None."""
    largest = max(sizes)
    tenth = [size for size in sizes if abs(size * 10 - largest) <= largest // 100]
    return (tenth[0], largest) if tenth else None


def print_table(stage: str, sizes: list[int], rows: dict[str, dict[int, dict | None]], memory: bool,
                budget: float) -> None:
    """One row per family: seconds at each size, memory and output size at the largest, and the ratio."""
    pair = ratio_sizes(sizes)
    ratio_name = f"t({size_label(pair[1])})/t({size_label(pair[0])})" if pair else "ratio"
    headers = ["family"] + [f"s @ {size_label(size)}" for size in sizes]
    if memory:
        headers += [f"MB @ {size_label(max(sizes))}"]
    headers += ["out/in @ " + size_label(max(sizes)), ratio_name, f"ratio <= {MAX_RATIO}"]
    table = [headers]
    for family, measured in rows.items():
        cells, times = [family], {}
        for size in sizes:
            result = measured.get(size, "skipped")
            if result == "skipped":
                cells.append("-")
            elif result is None:
                cells.append(f">{budget:g}")
            elif "error" in result:
                cells.append("error")
            else:
                times[size] = result["results"][stage]["seconds"]
                cells.append(f"{times[size]:.3f}")
        last = measured.get(max(sizes))
        usable = isinstance(last, dict) and "results" in last
        if memory:
            peak = last["results"][stage]["peak_bytes"] if usable else None
            cells.append(f"{peak / 1e6:.1f}" if peak is not None else "-")
        cells.append(f"{last['results'][stage]['output_bytes'] / last['bytes']:.2f}" if usable else "-")
        if pair and pair[0] in times and pair[1] in times:
            ratio = times[pair[1]] / max(times[pair[0]], 1e-9)
            cells += [f"{ratio:.1f}", "yes" if ratio <= MAX_RATIO else "no"]
        else:
            cells += ["-", "no" if pair and pair[0] in times else "-"]
        table.append(cells)
    widths = [max(len(row[column]) for row in table) for column in range(len(headers))]
    print(f"\n{stage}: wall-clock seconds per size" + (", peak traced memory" if memory else "") +
          ", JSON output bytes per input byte")
    for number, row in enumerate(table):
        print("  ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                        for column, (cell, width) in enumerate(zip(row, widths))))
        if number == 0:
            print("  ".join("-" * width for width in widths))



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[100_000, 1000_000, 3000_000, 10_000_000],
                        help="comma-separated sizes in bytes, K or M (default 0.1M,1M,3M,10M)")
    parser.add_argument("--families", default="", help="comma-separated family names (default: all)")
    parser.add_argument("--stages", default=WHOLE,
                        help=f"comma-separated: {WHOLE} (default), figures, quotes, vague_attributions, hype_phrases")
    parser.add_argument("--no-memory", action="store_true", help="skip the traced-memory run (about twice faster)")
    parser.add_argument("--budget", type=float, default=600.0, help="seconds allowed per measurement (default 600)")
    parser.add_argument("--one", nargs=2, metavar=("FAMILY", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    stages = [stage for stage in args.stages.split(",") if stage]
    known = {WHOLE, "figures", "quotes", "vague_attributions", "hype_phrases"}
    if set(stages) - known:
        parser.error(f"unknown stages: {', '.join(sorted(set(stages) - known))}")
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), stages, not args.no_memory)))
        return 0
    chosen = list(families())
    if args.families:
        unknown = sorted(set(args.families.split(",")) - set(chosen))
        if unknown:
            parser.error(f"unknown families: {', '.join(unknown)}")
        chosen = args.families.split(",")
    sizes = sorted(args.sizes)
    rows: dict[str, dict[int, dict | None]] = {}
    for family in chosen:
        rows[family] = {}
        for size in sizes:
            result = run_child(family, size, stages, not args.no_memory, args.budget)
            rows[family][size] = result
            if result is None or "error" in result:
                break
        print(f"measured {family}", file=sys.stderr, flush=True)
    for stage in stages:
        print_table(stage, sizes, rows, not args.no_memory, args.budget)
    for family, measured in rows.items():
        for size, result in measured.items():
            if isinstance(result, dict) and "error" in result:
                print(f"error: {family} at {size_label(size)}: {result['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
