"""Time ``python -m solutions analyze FOLDER --csv OUT.csv`` on folders of generated articles; print a table.

    python benchmarks/analyze_batch.py [--articles 1000,10000] [--jobs 1,2] [--runs 1] [--seed 17] [--keep DIR]

For each number of articles, a folder of generated news articles (earnings, markets, local government, sport,
science and health, about 1.3 KB each, written from the templates below: no network, no seed articles) is
analysed with each number of jobs by the real command in a fresh process, and the table gives the wall-clock
seconds, articles per second and MB of UTF-8 text per second (1 MB = 1,000,000 bytes), the speed-up over one job,
and the CPU seconds the command and its worker processes used. The times include starting Python (about 0.7 s,
most of it importing pandas) and writing both CSV files, as a learner's run does. On a machine shared with other
work the wall-clock numbers vary from run to run (the load average is printed first; ``--runs 3`` times each
case three times and keeps the fastest); the CPU seconds vary much less. The script only prints; it never fails
on slow results. The folders live in a temporary folder removed at the end, unless ``--keep DIR`` names where to
put them.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COMPANIES = ["Harbour Foods", "Northwind Logistics", "Alder Bank", "Kestrel Motors", "Brightwater Energy",
             "Larkspur Pharma", "Tidewell Telecom", "Quarry Lane Homes"]
PEOPLE = [("Maria Okafor", "chief executive"), ("Tom Reyes", "finance director"), ("Priya Nair", "analyst at Fenwick "
          "Securities"), ("Daniel Brooks", "council leader"), ("Aiko Tanaka", "professor of epidemiology"),
          ("Sam Whitfield", "head coach"), ("Elena Costa", "economist at the Harlow Institute")]
TOWNS = ["Millbrook", "East Harwell", "Port Selby", "Ashford Vale"]
TEAMS = ["Millbrook Rovers", "Port Selby United", "the Harwell Hawks"]

PARAGRAPHS = {
    "earnings": [
        "{company} reported revenue of {money} for the quarter, up {pct} from a year earlier, and raised its "
        "full-year forecast.",
        "Net profit rose to {money}, or {pence} a share, beating the {money} that analysts had expected.",
        "\u201cWe delivered a strong quarter in a difficult market,\u201d said {person}, {role}. \u201cOur customers "
        "kept spending, and our costs came down.\u201d",
        "Shares in {company} rose {pct} in early trading, adding {money} to its market value.",
        "Some investors worry that the growth will not last, according to people familiar with the matter.",
    ],
    "markets": [
        "The benchmark index fell {pct} on {weekday}, its worst day since March, as bond yields climbed to {rate}.",
        "Oil traded at {dollars} a barrel, while gold slipped {pct} to {dollars} an ounce.",
        "\u201cMarkets are pricing in another rate rise,\u201d {person} said. \u201cThat could change quickly.\u201d",
        "Traders say the sell-off was a stunning reversal after weeks of record highs.",
    ],
    "council": [
        "{town} council approved a budget of {money} for next year, including {money} for road repairs and a "
        "council tax rise of {pct}.",
        "{person}, the {role}, said the plan would protect services. \u201cEvery pound has been argued over,\u201d "
        "she told the meeting.",
        "Critics said the increase would hit {count} households already struggling with bills.",
        "It is understood that the library closures will be reviewed next spring.",
    ],
    "sport": [
        "{team} won {score} on {weekday} in front of {count} fans, their first home win of the season.",
        "The club paid a reported {money} for the striker in the summer, a record fee.",
        "\u201cThe lads showed real character today,\u201d said {person}. \u201cWe have to build on it.\u201d",
        "It was an absolutely jaw-dropping finish to a game that had seemed lost.",
    ],
    "science": [
        "In a study of {count} adults, those who walked daily had a {pct} lower risk of heart disease, researchers "
        "in {town} found.",
        "\u201cThis is an association, not proof of cause,\u201d said {person}, a {role} who led the work. "
        "\u201cWe need a trial.\u201d",
        "Experts say the findings could be a game-changer for public health, though the sample was small.",
        "The trial cost {money} and was funded by the national research council.",
    ],
}
ROLES = {name: role for name, role in PEOPLE}


def _fill(template: str, rng: random.Random) -> str:
    person = rng.choice(PEOPLE)[0]
    values = {
        "company": rng.choice(COMPANIES), "person": person, "role": ROLES[person], "town": rng.choice(TOWNS),
        "team": rng.choice(TEAMS), "weekday": rng.choice(["Monday", "Tuesday", "Thursday", "Friday"]),
        "score": f"{rng.randint(1, 4)}-{rng.randint(0, 3)}", "count": f"{rng.randint(1200, 48000):,}",
        "pence": f"{rng.randint(5, 95)}p", "rate": f"{rng.uniform(2, 6):.2f}%",
        "dollars": f"${rng.uniform(60, 2400):,.2f}",
    }
    text = template
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    while "{money}" in text or "{pct}" in text:
        money = rng.choice(["$", "\u00a3", "\u20ac"]) + f"{rng.uniform(1, 900):.1f}" + \
            rng.choice([" million", " billion", "m", "bn"])
        text = text.replace("{money}", money, 1).replace("{pct}", f"{rng.uniform(0.5, 30):.1f}%", 1)
    return text


def generate_article(rng: random.Random) -> str:
    """A news article of a few kilobytes: a headline and 8 to 16 paragraphs from one or two beats."""
    beats = rng.sample(sorted(PARAGRAPHS), k=rng.choice([1, 2]))
    pool = [template for beat in beats for template in PARAGRAPHS[beat]]
    paragraphs = [_fill(rng.choice(pool), rng) for _ in range(rng.randint(8, 16))]
    headline = f"{rng.choice(COMPANIES + TOWNS)}: {beats[0]} update"
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_folder(folder: Path, articles: int, seed: int) -> int:
    """Write ``articles`` generated articles into ``folder``; return their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    total = 0
    for number in range(articles):
        data = generate_article(rng).encode("utf-8")
        (folder / f"article-{number:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(folder: Path, jobs: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds the command takes on ``folder`` with ``jobs`` jobs (workers included)."""
    out = folder.parent / f"{folder.name}-jobs{jobs}.csv"
    cpu = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "solutions", "analyze", str(folder), "--csv", str(out),
                             "--jobs", str(jobs), "--no-progress"], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the command failed ({result.returncode}): {result.stderr.strip()[-500:]}")
    return elapsed, _children_cpu() - cpu


def _numbers(value: str) -> list[int]:
    return [int(part) for part in value.split(",") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=_numbers, default=[1000, 10000],
                        help="comma-separated folder sizes (default 1000,10000)")
    parser.add_argument("--jobs", type=_numbers, default=[1, 2], help="comma-separated job counts (default 1,2)")
    parser.add_argument("--runs", type=int, default=1, help="times each case is run; the fastest counts (default 1)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--keep", type=Path, help="write the folders and CSV files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="analyze-batch-") as scratch:
        root = args.keep or Path(scratch)
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"{os.cpu_count()} cores; Python {sys.version.split()[0]}; load average {load}")
        print(f"{'articles':>9} {'MB':>7} {'jobs':>5} {'seconds':>8} {'articles/s':>11} {'MB/s':>6} {'speed-up':>9} "
              f"{'CPU s':>7}")
        for articles in args.articles:
            folder = root / f"articles-{articles}"
            size = write_folder(folder, articles, args.seed)
            one_job = None
            for jobs in args.jobs:
                seconds, cpu = min(time_command(folder, jobs) for _ in range(max(1, args.runs)))
                one_job = one_job or (seconds if jobs == 1 else None)
                speed_up = f"{one_job / seconds:8.2f}x" if one_job else f"{'-':>9}"
                print(f"{articles:>9,} {size / 1e6:>7.2f} {jobs:>5} {seconds:>8.2f} {articles / seconds:>11,.0f} "
                      f"{size / 1e6 / seconds:>6.2f} {speed_up} {cpu:>7.2f}", flush=True)


if __name__ == "__main__":
    main()
