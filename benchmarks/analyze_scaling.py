"""Time the analyser on growing hostile texts and print how time and memory scale; a benchmark, not a test.

    python benchmarks/analyze_scaling.py [--sizes 0.1M,1M,3M,10M] [--families news,run-period]
                                         [--stages analyser,quotes] [--runs 1] [--no-memory] [--budget 1800]

For realistic news and every family of ``benchmarks/adversarial_corpus.py``, the analyser
(``solutions.analyser.analysis.analyze_text``) runs on a text of each size. One table row per family gives, at each
size, the wall-clock seconds and the peak memory of the measuring process (its peak resident set size, in MB,
from ``resource.getrusage``; it includes Python and its imports, about 80 MB, and the text itself); then the
JSON output's size per input byte at the largest size, and the ratio of the time at the largest size to
the time at a tenth of it: time(10 MB)/time(1 MB) with the default sizes. Linear work gives about 10; the kit
promises at most 12, and the last column says whether each family keeps that promise ("quick" when the largest run takes under 0.05 s, too short to judge). The promise is judged on
CPU time (``time.process_time`` of the measuring process): on a shared machine the wall-clock time swells with
other work at one size and not at another, so the wall-clock ratio is printed beside it but not judged.

``--stages`` names what to time, each in its own table: ``analyser`` (the whole analyser, the default) and
the stages ``figures``, ``quotes``, ``vague_attributions`` and ``hype_phrases``, to see which stage scales
badly. Every measurement (one family, size and stage) runs in a fresh Python process, timed the same number
of times at every size (``--runs``, the fastest run counts). A measurement that takes longer than ``--budget``
seconds is stopped and shown as ``>BUDGET``; the family's larger sizes are then skipped (``-``). Sizes are
in bytes of UTF-8 text, decimal: 1M is 1,000,000 bytes. The script only prints; it never fails on slow
results.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import resource
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adversarial_corpus import families, parse_sizes  # noqa: E402

#: The promise checked in the last column: time(largest size) / time(a tenth of it) at most this.
MAX_RATIO = 12
#: Below this many seconds at the largest size a ratio says more about noise than about the algorithm.
TOO_QUICK = 0.05
WHOLE = "analyser"
STAGES = (WHOLE, "figures", "quotes", "vague_attributions", "hype_phrases")


def stage_function(stage: str):
    """The function that ``stage`` names: the analyser as a whole or one of its stages."""
    if stage == WHOLE:
        from solutions.analyser.analysis import analyze_text
        return analyze_text
    from solutions.analyser.attribution import vague_attributions
    from solutions.analyser.figures import find_figures
    from solutions.analyser.hype import find_hype
    from solutions.analyser.quotes import extract_quotes
    return {"figures": find_figures, "quotes": extract_quotes, "vague_attributions": vague_attributions,
            "hype_phrases": find_hype}[stage]


def measure(family: str, size: int, stage: str, runs: int, memory: bool) -> dict:
    """Time ``stage`` ``runs`` times on one text and read the process's peak memory; in the child process."""
    function = stage_function(stage)
    text = families()[family](size)
    function("Nvidia fell 17% on Monday. \u201cIt is huge,\u201d Wang said, reportedly.")  # imports, caches
    function(text[:5000])
    walls, cpus, output_bytes = [], [], 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        output = function(text)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        output_bytes = len(json.dumps(output, allow_nan=True, default=str))
        del output
    # ru_maxrss is in kilobytes on Linux (bytes on macOS, where the column then reads 1024 times too high).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 if memory else None
    return {"bytes": len(text.encode("utf-8")), "seconds": min(walls), "cpu_seconds": min(cpus),
            "peak_bytes": peak, "output_bytes": output_bytes}


def run_child(family: str, size: int, stage: str, runs: int, memory: bool, budget: float) -> dict | None:
    """One measurement in a fresh process; None when it overran ``budget`` seconds."""
    command = [sys.executable, __file__, "--one", family, str(size), "--stages", stage, "--runs", str(runs)]
    if not memory:
        command.append("--no-memory")
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=budget)
    except subprocess.TimeoutExpired:
        return None
    if finished.returncode != 0:
        return {"error": (finished.stderr.strip().splitlines() or ["no output"])[-1]}
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


def verdict(measured: dict, pair: tuple[int, int] | None) -> list[str]:
    """The wall and CPU time ratios for a row and whether the promise holds."""
    if pair is None or not all(isinstance(measured.get(size), dict) and "seconds" in measured[size]
                               for size in pair):
        return ["-", "-", "no" if pair and isinstance(measured.get(pair[0]), dict) else "-"]
    small, large = measured[pair[0]], measured[pair[1]]
    wall = large["seconds"] / max(small["seconds"], 1e-9)
    cpu = large["cpu_seconds"] / max(small["cpu_seconds"], 1e-9)
    judged = "quick" if large["seconds"] < TOO_QUICK else ("yes" if cpu <= MAX_RATIO else "no")
    return [f"{wall:.1f}", f"{cpu:.1f}", judged]


def table(stage: str, sizes: list[int], rows: dict[str, dict[int, dict | None]], budget: float) -> list[list[str]]:
    """The rows of one stage's table, headers first."""
    pair = ratio_sizes(sizes)
    ratio_name = f"t({size_label(pair[1])})/t({size_label(pair[0])})" if pair else "ratio"
    headers = ["family"] + [f"s @ {size_label(size)}" for size in sizes]
    headers += [f"MB @ {size_label(size)}" for size in sizes]
    headers += [f"out/in @ {size_label(max(sizes))}", f"wall {ratio_name}", f"cpu {ratio_name}",
                f"cpu ratio <= {MAX_RATIO}"]
    lines = [headers]
    for family, measured in rows.items():
        times, memory = [], []
        for size in sizes:
            result = measured.get(size, "skipped")
            if result == "skipped":
                times.append("-")
                memory.append("-")
            elif result is None:
                times.append(f">{budget:g}")
                memory.append("-")
            elif "error" in result:
                times.append("error")
                memory.append("-")
            else:
                times.append(f"{result['seconds']:.3f}")
                memory.append("-" if result["peak_bytes"] is None else f"{result['peak_bytes'] / 1e6:.1f}")
        last = measured.get(max(sizes))
        ratio = f"{last['output_bytes'] / last['bytes']:.2f}" if isinstance(last, dict) and "bytes" in last else "-"
        lines.append([family] + times + memory + [ratio] + verdict(measured, pair))
    return lines


def print_table(stage: str, lines: list[list[str]]) -> None:
    widths = [max(len(row[column]) for row in lines) for column in range(len(lines[0]))]
    print(f"\n{stage}: wall-clock seconds and peak memory (MB) per size, JSON output bytes per input byte")
    for number, row in enumerate(lines):
        print("  ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                        for column, (cell, width) in enumerate(zip(row, widths))))
        if number == 0:
            print("  ".join("-" * width for width in widths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[100_000, 1000_000, 3000_000, 10_000_000],
                        help="comma-separated sizes in bytes, K or M (default 0.1M,1M,3M,10M)")
    parser.add_argument("--families", default="", help="comma-separated family names (default: all)")
    parser.add_argument("--stages", default=WHOLE, help=f"comma-separated, of: {', '.join(STAGES)} (default {WHOLE})")
    parser.add_argument("--runs", type=int, default=1, help="timed runs per measurement, the fastest counts")
    parser.add_argument("--no-memory", action="store_true", help="leave the memory columns empty")
    parser.add_argument("--budget", type=float, default=1800.0, help="seconds allowed per measurement (default 1800)")
    parser.add_argument("--one", nargs=2, metavar=("FAMILY", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    stages = [stage for stage in args.stages.split(",") if stage]
    if set(stages) - set(STAGES):
        parser.error(f"unknown stages: {', '.join(sorted(set(stages) - set(STAGES)))}")
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), stages[0], max(1, args.runs), not args.no_memory)))
        return 0
    chosen = list(families())
    if args.families:
        unknown = sorted(set(args.families.split(",")) - set(chosen))
        if unknown:
            parser.error(f"unknown families: {', '.join(unknown)}")
        chosen = args.families.split(",")
    sizes = sorted(args.sizes)
    results = {stage: {family: {} for family in chosen} for stage in stages}
    for family in chosen:
        for stage in stages:
            for size in sizes:
                result = run_child(family, size, stage, max(1, args.runs), not args.no_memory, args.budget)
                results[stage][family][size] = result
                if result is None or "error" in result:
                    break
        print(f"measured {family}", file=sys.stderr, flush=True)
    for stage in stages:
        print_table(stage, table(stage, sizes, results[stage], args.budget))
    for stage in stages:
        for family, measured in results[stage].items():
            for size, result in measured.items():
                if isinstance(result, dict) and "error" in result:
                    print(f"error: {stage} on {family} at {size_label(size)}: {result['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
