"""Time the article analyser (figures, quotes, vague attributions and hype) on a generated corpus; print a table.

    python benchmarks/analyze_throughput.py [--articles 1000] [--seed 7]
    python benchmarks/analyze_throughput.py --folder tests/heldout/articles

The corpus is built from the five seed articles: each generated article shuffles paragraphs from
them and mixes in sentences with random figures in every supported style, so it is realistic
news text of a few kilobytes. ``--folder`` times the texts of a folder instead (every ``*.txt``; a header ending
in a line ``=====``, as in ``tests/heldout``, is left out): the held-out news texts are denser in quotes, names and
figures than the generated corpus and take longer per byte. Throughput counts UTF-8 bytes of text analysed per second
on one core.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
import tracemalloc
from pathlib import Path

from solutions import article_ids, article_paragraphs
from solutions.analyser.analysis import SECTIONS, analyze_text

TEMPLATES = [
    "The company said training cost {money}, far below the {money} rivals spent.",
    "Nvidia shares fell {pct} on {weekday}, wiping {money} off its market value.",
    "It was trained on {count} Nvidia H800 GPUs for {count} GPU hours.",
    "The app passed {scaled} downloads, and daily active users rose {pct}.",
    "Analysts expect the market to reach {money} by 2027, up {pct} from 2024.",
    "Meta plans to invest {range} in data centres this year, No. 1 among its peers.",
    "The model has {scaled} parameters and saw {scaled} tokens in {count} days.",
]


def random_money(rng: random.Random) -> str:
    number = f"{rng.uniform(1, 999):.{rng.choice([0, 1, 2])}f}"
    return rng.choice(["$", "US$", "\u00a3", "\u20ac"]) + number + rng.choice([" million", " billion", "M", "bn", "B"])


def generate_article(rng: random.Random, paragraphs: list[str]) -> str:
    fill = {
        "money": lambda: random_money(rng),
        "pct": lambda: rng.choice([f"{rng.uniform(0, 40):.1f}%", f"{rng.randint(1, 90)} per cent"]),
        "count": lambda: f"{rng.randint(1000, 99999):,}",
        "scaled": lambda: f"{rng.uniform(1, 20):.1f} {rng.choice(['million', 'billion'])}",
        "range": lambda: f"${rng.randint(10, 60)}-{rng.randint(61, 99)} billion",
        "weekday": lambda: rng.choice(["Monday", "Friday"]),
    }
    chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(8, 20)))
    for _ in range(rng.randint(3, 8)):
        template = rng.choice(TEMPLATES)
        sentence = template
        while "{" in sentence:
            start = sentence.index("{")
            key = sentence[start + 1:sentence.index("}", start)]
            sentence = sentence.replace("{" + key + "}", fill[key](), 1)
        chosen.insert(rng.randrange(len(chosen) + 1), sentence)
    return "\n\n".join(chosen)


def folder_texts(folder: Path) -> list[str]:
    """The bodies of the ``*.txt`` files in ``folder``, in name order (a header up to a line ``=====`` left out)."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append(text.split("=====\n", 1)[1] if "\n=====\n" in text else text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folder", type=Path, help="time the *.txt files of this folder instead")
    args = parser.parse_args()
    if args.folder is not None:
        corpus = folder_texts(args.folder)
        if not corpus:
            parser.error(f"{args.folder} holds no *.txt files")
    else:
        rng = random.Random(args.seed)
        paragraphs = [p for a in article_ids() for p in article_paragraphs(a)["text"]]
        corpus = [generate_article(rng, paragraphs) for _ in range(args.articles)]
    total_bytes = sum(len(text.encode("utf-8")) for text in corpus)

    analyze_text(corpus[0])  # warm up regex caches and imports
    timings, found = [], {section: 0 for section in SECTIONS}
    tracemalloc.start()
    started = time.perf_counter()
    for text in corpus:
        t0 = time.perf_counter()
        result = analyze_text(text)
        timings.append(time.perf_counter() - t0)
        for section in SECTIONS:
            found[section] += len(result[section])
    elapsed = time.perf_counter() - started
    _, peak_traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    # tracemalloc slows Python down; time passes without it for the throughput figure. Other work on the machine
    # only ever adds time, so the fastest of three passes is the best estimate of the analyser's own speed (the
    # convention of Python's timeit).
    passes = []
    for _ in range(3):
        started = time.perf_counter()
        for text in corpus:
            analyze_text(text)
        passes.append(time.perf_counter() - started)
    untraced = min(passes)

    rows = [
        ("articles", f"{len(corpus):,}"),
        ("text analysed", f"{total_bytes / 1e6:.2f} MB"),
        *((f"{section.replace('_', ' ')} found", f"{count:,}") for section, count in found.items()),
        ("time (one core, fastest of 3 passes)", f"{untraced:.2f} s"),
        ("slowest of the 3 passes", f"{max(passes):.2f} s"),
        ("throughput", f"{total_bytes / 1e6 / untraced:.2f} MB/s"),
        ("per article, median", f"{statistics.median(timings) * 1000:.2f} ms"),
        ("per article, 95th percentile", f"{statistics.quantiles(timings, n=20)[-1] * 1000:.2f} ms"),
        ("peak Python memory while analysing", f"{peak_traced / 1e6:.1f} MB"),
        ("peak resident memory of the process", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"),
        ("(time with memory tracing on)", f"{elapsed:.2f} s"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 12}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
