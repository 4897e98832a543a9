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


def _shorten(text: str, width: int = 100) -> str:
    text = printable(text)
    return text if len(text) <= width else text[:width - 3] + "..."


def _figure_lines(figures: list[dict]) -> list[str]:
    lines = [f"Figures: {len(figures)}"]
    for number, figure in enumerate(figures, start=1):
        value = _number(figure["value"])
        if figure.get("value_high") is not None:
            value += f" to {_number(figure['value_high'])}"
        lines.append(f"{number:>3}. {printable(figure['text'])!s:<18} {value:>20} {figure['unit']:<10} "
                     f"{figure['kind']:<12} @{figure['start']}")
        lines.append(f"     {_shorten(figure['sentence'])}")
    return lines


def _quote_lines(quotes: list[dict]) -> list[str]:
    lines = [f"Quotes: {len(quotes)}"]
    for number, quote in enumerate(quotes, start=1):
        speaker = quote.get("speaker") or "no speaker named"
        role = f", {quote['speaker_role']}" if quote.get("speaker_role") else ""
        vague = "  [vague attribution]" if quote.get("vague_attribution") else ""
        lines.append(f"{number:>3}. {printable(speaker)}{printable(role)}{vague} @{quote['start']}")
        lines.append(f"     \u201c{_shorten(quote['quote'], 96)}\u201d")
    return lines


def _phrase_lines(title: str, phrases: list[dict], with_category: bool) -> list[str]:
    lines = [f"{title}: {len(phrases)}"]
    for number, phrase in enumerate(phrases, start=1):
        category = f"{phrase['category']:<22} " if with_category else ""
        lines.append(f"{number:>3}. {category}{_shorten(phrase['text'], 60)}  @{phrase['start']}")
    return lines


def format_report(result: dict) -> str:
    """The readable report: a numbered section each for figures, quotes, vague attributions and hype phrases."""
    sections = [
        _figure_lines(result["figures"]),
        _quote_lines(result["quotes"]),
        _phrase_lines("Vague attributions", result["vague_attributions"], with_category=False),
        _phrase_lines("Hype phrases", result["hype_phrases"], with_category=True),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m solutions",
                                     description="Analyse a news text: figures, quotes, vague attributions and hype.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="list the figures, quotes, vague attributions and hype phrases in a UTF-8 text file")
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
