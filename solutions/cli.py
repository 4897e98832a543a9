"""Command line: ``python -m solutions analyze FILE [--json]``."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from .analysis import analyze_text

#: Larger files are refused with a message rather than analysed slowly.
MAX_BYTES = 10 * 1024 * 1024


class InputError(Exception):
    """A file the analyser cannot use; the message is one line for the learner."""


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file, or raise :class:`InputError` saying plainly what is wrong with it."""
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a text file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path} is {size / 1e6:.1f} MB; the analyser reads files up to "
                             f"{MAX_BYTES // (1024 * 1024)} MB, so split it into smaller files")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    if b"\x00" in data:
        raise InputError(f"{path} is not a text file (it contains binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text; save it as UTF-8 and try again") from None
    if not text.strip():
        raise InputError(f"{path} is empty")
    return text


def printable(text: str) -> str:
    """Show control characters as escapes, so a file cannot restyle or rewrite the terminal."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _number(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def format_report(result: dict) -> str:
    """The readable report: one numbered line per figure with its reading and sentence."""
    figures = result["figures"]
    lines = [f"Figures: {len(figures)}"]
    for number, figure in enumerate(figures, start=1):
        value = _number(figure["value"])
        if figure.get("value_high") is not None:
            value += f" to {_number(figure['value_high'])}"
        sentence = printable(figure["sentence"])
        sentence = sentence if len(sentence) <= 100 else sentence[:97] + "..."
        lines.append(f"{number:>3}. {printable(figure['text'])!s:<18} {value:>20} {figure['unit']:<10} "
                     f"{figure['kind']:<12} @{figure['start']}")
        lines.append(f"     {sentence}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m solutions",
                                     description="Analyse a news text for figures.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="list the figures in a UTF-8 text file")
    analyze.add_argument("file", type=Path)
    analyze.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args(argv)
    try:
        text = read_text_file(args.file)
    except InputError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 2
    result = analyze_text(text)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(format_report(result))
    return 0
