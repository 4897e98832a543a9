"""Reading a number typed by a learner: "57", "56.7", "≈ 57 days", "5.6 million", "$5.6M", "5,6".

The static quiz's script (``static/kit-quiz.js``) implements exactly the same rules, and a test in
Chromium checks that both give the same result for the same input. The rules:

1. Surrounding white space is ignored; more than 100 characters is refused.
2. A leading "≈", "~", "about", "approximately", "approx.", "around", "roughly" or "circa" is ignored,
   then a leading "$", "US$" or "USD".
3. The number: ``2,048`` and ``1,234,567.5`` group thousands with commas; ``1.234.567`` groups them
   with dots; ``5,6`` (a comma not followed by exactly three digits) is a decimal comma; a single dot is
   a decimal point (``56.7``). A leading "+" or "-" is allowed.
4. Then an optional scale: thousand/k, million/m/mn, billion/bn/b, trillion/tn/t.
5. Then, optionally, one of the exercise's unit words (for example "days"); anything else is refused
   with a message naming the words it accepts.
"""

from __future__ import annotations

import math
import re

SPACE = "[ \\t\\n\\r\\f\\v\\u00a0]"
# re.ASCII everywhere: digits, letters and case-folding as in JavaScript regular expressions.
_STRIP = re.compile(rf"^{SPACE}+|{SPACE}+\Z", re.A)
_APPROX = re.compile(rf"^(?:\u2248|~|about|approximately|approx\.?|around|roughly|circa){SPACE}*", re.I | re.A)
_CURRENCY = re.compile(rf"^(?:US{SPACE}?\$|USD|\$){SPACE}*", re.I | re.A)
_NUMERAL = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d+,\d+|\d*\.\d+|\d+)", re.A)
_SCALE = re.compile(rf"^{SPACE}*(thousand|million|billion|trillion|mn|bn|tn|k|m|b|t)(?![A-Za-z])", re.I | re.A)
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12, "t": 1e12}
MAX_LENGTH = 100

MESSAGES = {
    "not_text": "Type a number.",
    "empty": "Type a number first.",
    "too_long": "That is too long for a number: type just the number, for example 57.",
    "no_number": "That does not look like a number. Type digits, for example 57 or 5.6 million.",
    "unknown_word": "There are words after the number that this question does not use. Leave them out, or use: {units}.",
    "no_unit_words": "There are words after the number that this question does not use. Type just the number.",
    "not_finite": "That number is too large to check. Type a smaller number.",
}


def _ascii_lower(text: str) -> str:
    """Lower-case A-Z only, as the script does, so no Unicode case rule can make the two disagree."""
    return text.translate(_LOWER)


_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def _strip(text: str) -> str:
    return _STRIP.sub("", text)


def parse_number_answer(text, unit_words: tuple[str, ...] = ()) -> tuple[float | None, str | None]:
    """Return ``(value, None)`` for a readable number, or ``(None, message)`` saying what to change."""
    if not isinstance(text, str):
        return None, MESSAGES["not_text"]
    rest = _strip(text)
    if not rest:
        return None, MESSAGES["empty"]
    if len(rest) > MAX_LENGTH:
        return None, MESSAGES["too_long"]
    rest = _CURRENCY.sub("", _APPROX.sub("", rest), count=1)
    match = _NUMERAL.match(rest)
    if match is None:
        return None, MESSAGES["no_number"]
    sign, numeral = match.groups()
    rest = rest[match.end():]
    value = _numeral_value(numeral)
    scale = _SCALE.match(rest)
    if scale:
        value *= SCALES[scale.group(1).lower()]
        rest = rest[scale.end():]
    words = _ascii_lower(re.sub(f"{SPACE}+", " ", _strip(rest)))
    if words and words not in unit_words:
        if unit_words:
            return None, MESSAGES["unknown_word"].format(units=", ".join(unit_words))
        return None, MESSAGES["no_unit_words"]
    if not math.isfinite(value):
        return None, MESSAGES["not_finite"]
    return (-value if sign == "-" else value), None


def _numeral_value(numeral: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", numeral, re.A):
        return float(numeral.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", numeral, re.A):
        return float(numeral.replace(".", "").replace(",", "."))
    return float(numeral.replace(",", "."))
