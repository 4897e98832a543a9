"""Hostile texts for the analyser: the reliability review's reproductions and the families behind them.

    python benchmarks/adversarial_corpus.py OUTDIR [--sizes 100K,1M]

writes one UTF-8 file per family and size, named ``FAMILY-SIZE.txt`` (SIZE in bytes). As a module,
:func:`families` returns ``{name: make}``, where ``make(size_bytes)`` returns a text of about that many
UTF-8 bytes (never more, unless the size is below one repeating unit). Every family is deterministic: the random ones
seed their generator from the family's name, so a size always gives the same text.

The families, by what they attack:

* **punctuation runs** (``run-period`` ... ``run-ellipsis``): one mark repeated, for sentence splitters that
  rescan a run from every mark (the review's ``'.' * 100000``);
* **digits and numbers**: ``digit-run`` (a number too long for ``int()``), ``huge-number`` (``$`` + 400 nines
  + `` million``, a value too large for a float), ``figures-no-sentence-end`` (``"it cost $5 million and "``
  repeated: many figures in one sentence), ``figures-lower-case``;
* **quotation marks**: straight, curly and single quotes that pair, marks left open, runs of bare marks and
  ``"a' 'b "`` (the review's slow quote finder);
* **one-line news**: the seed articles lower-cased and joined on one line, repeated (one endless sentence);
* **scripts**: Latin, Chinese, Arabic and Hebrew with bidirectional controls, emoji with joiners and
  combining marks, mixed at random;
* **dense finds**: a short exclamation, a loaded word or a hedge every few bytes (the most output per byte),
  and loaded phrases that chain into one long run of overlaps;
* **names**: quotes credited to ever new names, to "he" and to "the company", runs of capitalised words;
* **shape**: long words without spaces, many short lines, long runs of spaces;
* **realistic news** (``news``): the seed articles' paragraphs shuffled, the baseline for the others.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

_SEEDS = Path(__file__).resolve().parent.parent / "seeds"

#: The punctuation marks that get a family of their own (a run of the mark and nothing else).
PUNCTUATION_RUNS = {
    "period": ".", "exclamation": "!", "question": "?", "comma": ",", "semicolon": ";", "colon": ":",
    "hyphen": "-", "ellipsis": "\u2026",
}


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to at most ``size`` UTF-8 bytes (at least once)."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def _fit(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` UTF-8 bytes on a character boundary (its first character at least)."""
    return text.encode("utf-8")[:size].decode("utf-8", "ignore") or text[:1]


def _rng(name: str) -> random.Random:
    """A generator seeded from the family's name, so each family is deterministic and differs from the rest."""
    return random.Random(zlib.crc32(name.encode("utf-8")))


def _seed_articles() -> list[str]:
    """The five seed articles, read straight from ``seeds/`` (in file-name order)."""
    return [path.read_text(encoding="utf-8") for path in sorted(_SEEDS.glob("[0-9][0-9][0-9]_*.txt"))]


def _grow(make_piece: Callable[[], str], size: int, separator: str) -> str:
    """Join pieces from ``make_piece`` until the text reaches ``size`` bytes, then cut it there."""
    pieces, total = [], 0
    while total < size:
        piece = make_piece()
        pieces.append(piece)
        total += len(piece.encode("utf-8")) + len(separator)
    return _fit(separator.join(pieces), size)


# ---------------------------------------------------------------- families


def realistic_news(size: int) -> str:
    """The seed articles' paragraphs, shuffled and joined with blank lines."""
    rng = _rng("news")
    paragraphs = [line.strip() for text in _seed_articles() for line in text.splitlines() if line.strip()]
    return _grow(lambda: rng.choice(paragraphs), size, "\n\n")


def lower_case_one_line_news(size: int) -> str:
    """The seed articles lower-cased and joined on one line, repeated: one sentence with no capitals."""
    line = " ".join(" ".join(text.split()) for text in _seed_articles()).lower()
    return _fit(" ".join([line] * (size // len(line.encode("utf-8")) + 1)), size)


def one_line_news(size: int) -> str:
    """The seed articles joined on one line as written, repeated (no paragraph breaks at all)."""
    line = " ".join(" ".join(text.split()) for text in _seed_articles())
    return _fit(" ".join([line] * (size // len(line.encode("utf-8")) + 1)), size)


_SCRIPT_PIECES = (
    "DeepSeek", "said", "the", "model", "cost", "$5.6 million", "\u201cvery big\u201d", "'panic'",
    "\u6df1\u5ea6\u6c42\u7d22", "\u4eba\u5de5\u667a\u80fd\u3002", "\u82f1\u4f1f\u8fbe\u80a1\u4ef7\u4e0b\u8dcc17%\u3002",
    "\u0627\u0644\u0630\u0643\u0627\u0621 \u0627\u0644\u0627\u0635\u0637\u0646\u0627\u0639\u064a",
    "\u05d1\u05d9\u05e0\u05d4 \u05de\u05dc\u05d0\u05db\u05d5\u05ea\u05d9\u05ea",
    "\u202e\u05e9\u05dc\u05d5\u05dd\u202c", "\u202bArabic \u0645\u0631\u062d\u0628\u0627\u202c",
    "\u2067\u05e2\u05d1\u05e8\u05d9\u05ea\u2069", "\u200f", "\u200e", "\u061f", "\u06d4",
    "\U0001F680", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F44D\U0001F3FD", "\U0001F1E8\U0001F1F3",
    "e\u0301\u0302\u0303", "a\u0308", "Z\u0335\u0336\u0337", "\ufeff", "\u00a0", "\u3000", ".", "!", "?", ",",
    "\u201d", "\u2019", "\n",
)


def mixed_scripts(size: int) -> str:
    """Latin, Chinese, Arabic and Hebrew with bidi controls, emoji with joiners, combining marks, at random."""
    rng = _rng("mixed-scripts")
    return _grow(lambda: rng.choice(_SCRIPT_PIECES), size, " ")


def mixed_scripts_no_spaces(size: int) -> str:
    """The same pieces as :func:`mixed_scripts` run together with no spaces."""
    rng = _rng("mixed-scripts-no-spaces")
    return _grow(lambda: rng.choice(_SCRIPT_PIECES), size, "")


def random_letters_no_spaces(size: int) -> str:
    """One endless word of random letters, capitals and apostrophes."""
    rng = _rng("long-word-random")
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'\u2019-"
    return _fit("".join(rng.choice(alphabet) for _ in range(max(1, size))), size)


def many_short_lines(size: int) -> str:
    """Short lines of one or two words, some with a quote mark, a capital or a dash."""
    rng = _rng("many-short-lines")
    lines = ("a", "Hi.", "\u201cYes", "No\u201d", "- Wang", "SAID", "'", "\"", "x:", "1", "Wow!", "")
    return _grow(lambda: rng.choice(lines), size, "\n")


def random_names_quoted(size: int) -> str:
    """Quotes credited to ever new capitalised names, "he" and "the firm": each name sends the name index looking."""
    rng = _rng("quotes-random-names")
    letters = "abcdefghijklmnopqrstuvwxyz"

    def name() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(3, 9))).capitalize()

    def sentence() -> str:
        speaker = rng.choice([f"{name()} {name()}", name(), "he", "the firm", f"{name()} Inc"])
        return rng.choice([f"\u201cIt works,\u201d {speaker} said.", f"{name()} said: \u201cNo.\u201d",
                           f"{speaker} told {name()} the \u2018deal\u2019 was done."])
    return _grow(sentence, size, " ")


def hype_overlap_chain(size: int) -> str:
    """Loaded phrases whose capitalised ends join into all-caps runs, so every find overlaps the next.

    "FORGET everything you thought you KNEW FORGET ...": each all-caps run overlaps two lexicon phrases,
    and the random spacing gives the phrases different lengths, so keeping the longest finds of one long
    chain of overlaps must not cost time growing with the square of its length.
    """
    rng = _rng("hype-overlap-chain")
    words = ["FORGET", "everything", "you", "thought", "you", "KNEW"]
    return _grow(lambda: "".join(word + " " * rng.randint(1, 6) for word in words[:-1]) + words[-1], size, " ")


def _random_quotes(size: int, name: str, marks: str) -> str:
    rng = _rng(name)
    words = ("said", "it", "DeepSeek", "the", "He", "Wang", "told", "a", "very", "big", "deal", "experts", "say")
    return _grow(lambda: rng.choice(marks) if rng.random() < 0.3 else rng.choice(words), size, " ")


def _unit_family(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return _repeat(unit, size)
    make.__doc__ = f"{unit!r} repeated."
    return make


def families() -> dict[str, Callable[[int], str]]:
    """Every family of hostile text: ``{name: make}``, where ``make(size_bytes)`` returns the text."""
    found: dict[str, Callable[[int], str]] = {"news": realistic_news}
    for name, mark in PUNCTUATION_RUNS.items():
        found[f"run-{name}"] = _unit_family(mark)
    found.update({
        "run-period-space": _unit_family(". "),
        "run-exclamation-capital": _unit_family("!A"),
        "digit-run": _unit_family("1"),
        "digits-spaced": _unit_family("1 "),
        "digits-grouped": _unit_family("1,000,"),
        "huge-number": _unit_family("The deal was worth $" + "9" * 400 + " million. "),
        "figures-no-sentence-end": _unit_family("it cost $5 million and "),
        "figures-lower-case": _unit_family("nvidia lost $589 billion, or 17%, as 2,048 gpus cost $5.6m and "),
        "figures-one-sentence-capitals": _unit_family("It cost $5 million, 10,000 GPUs and 17% of Nvidia, "),
        "quotes-straight": _unit_family("He said \"this is a very big deal\" and "),
        "quotes-curly": _unit_family("\u201cIt is huge,\u201d Wang told CNBC. "),
        "quotes-single": _unit_family("the 'panic mode' of 'Meta' and "),
        "quotes-unbalanced": _unit_family("\u201cIt is huge, Wang said "),
        "quotes-unbalanced-straight": _unit_family("He said \"it is "),
        "quotes-apostrophe-runs": _unit_family("a' 'b "),
        "quotes-the-company": _unit_family("Nvidia and Meta Platforms rose. \u201cYes,\u201d the company said. "),
        "quotes-random-names": random_names_quoted,
        "capitals-run": _unit_family("Of The Ministry And "),
        "quotes-he-said": _unit_family("\u201cYes,\u201d he said. \u201cIt works,\u201d it said. "),
        "quotes-bare-double": _unit_family("\""),
        "quotes-bare-single": _unit_family("'"),
        "quotes-bare-curly": _unit_family("\u201c\u201d\u2018\u2019"),
        "quotes-random": lambda size: _random_quotes(size, "quotes-random", "\"'\u201c\u201d\u2018\u2019"),
        "lower-case-one-line-news": lower_case_one_line_news,
        "one-line-news": one_line_news,
        "mixed-scripts": mixed_scripts,
        "mixed-scripts-no-spaces": mixed_scripts_no_spaces,
        "long-word": _unit_family("a"),
        "long-word-random": random_letters_no_spaces,
        "many-short-lines": many_short_lines,
        "blank-lines": _unit_family("\n"),
        "spaces-run": lambda size: "1" + " " * max(0, size - 2) + "x",
        "caps-run": _unit_family("AMAZING "),
        "exclamations": _unit_family("A! "),
        "hype-words": _unit_family("omg\n"),
        "hype-overlap-chain": hype_overlap_chain,
        "hedges": _unit_family("experts say it is reportedly "),
        "hedges-dense": _unit_family("reportedly "),
        "names": _unit_family("Microsoft CEO Satya Nadella, "),
    })
    return found


# ---------------------------------------------------------------- command line


def parse_size(text: str) -> int:
    """``"100K"`` -> 100000, ``"1M"`` -> 1000000, ``"2.5M"`` -> 2500000, ``"512"`` -> 512 (decimal units)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)[bB]?\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use bytes, or a number with K or M)")
    number, unit = float(match.group(1)), match.group(2).upper()
    return int(number * {"": 1, "K": 1000, "M": 1000_000}[unit])


def parse_sizes(text: str) -> list[int]:
    """A comma-separated list of sizes, as :func:`parse_size` reads each."""
    return [parse_size(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder to write the files into (created if missing)")
    parser.add_argument("--sizes", type=parse_sizes, default=[100_000, 1000_000],
                        help="comma-separated sizes in bytes, K or M (decimal; default 100K,1M)")
    parser.add_argument("--families", default="", help="comma-separated family names (default: all)")
    args = parser.parse_args(argv)
    chosen = families()
    if args.families:
        unknown = sorted(set(args.families.split(",")) - set(chosen))
        if unknown:
            parser.error(f"unknown families: {', '.join(unknown)}")
        chosen = {name: chosen[name] for name in args.families.split(",")}
    args.outdir.mkdir(parents=True, exist_ok=True)
    for name, make in chosen.items():
        for size in args.sizes:
            (args.outdir / f"{name}-{size}.txt").write_text(make(size), encoding="utf-8", newline="")
    print(f"wrote {len(chosen) * len(args.sizes)} files to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
