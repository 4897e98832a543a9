"""Reading a number typed by a learner: "57", "56.7", "≈ 57 days", "5.6 million", "$5.6M", "5,6".

The static quiz's script (``static/quiz/kinds/number.js``) implements exactly the same rules, and a test in
Chromium checks that both give the same result for the same input. The rules:

1. An answer longer than ``MAX_INPUT_LENGTH`` (1,000) characters is refused before anything else is done
   with it (no trimming, lower-casing or searching), so the work is bounded whatever is typed or pasted.
   Then surrounding white space is ignored, and a number longer than ``MAX_LENGTH`` (100) is refused.
2. A leading "≈", "~", "about", "approximately", "approx.", "around", "roughly" or "circa" is ignored,
   then a leading "$", "US$" or "USD".
3. The number: ``2,048`` and ``1,234,567.5`` group thousands with commas; ``5 576 000`` groups them
   with spaces (also no-break and thin spaces); ``1.234.567`` groups them with dots; ``5,6`` (a comma not
   followed by exactly three digits) is a decimal comma; a single dot is a decimal point (``56.7``). A
   leading "+" or "-" is allowed.
4. Then an optional scale: thousand/k, million/m/mn, billion/bn/b, trillion/tn/t. It is read relative to
   the field's own unit (``field_scale``): in a field in billions, "3.47 trillion" is 3,470 and
   "3,470 billion" is 3,470, while a bare "3470" is taken in the field's unit.
5. Then, optionally, one of the exercise's unit words (for example "days"); anything else is refused
   with a message naming the words it accepts.

A day-of-month answer (:func:`parse_day_answer`) also reads the day written as a date: "25", "25th",
"25 January", "January 25", "Jan. 25th", "Saturday 25 January", "Sat 25 Jan 2025", "2025-01-25", "25/1".
A date in another month than the question's gets a message saying which month the question asks about.
The same two limits apply to it, in the same order.
"""

from __future__ import annotations

import math
import re

from solutions.analyser.text import ascii_lower

SPACE = "[ \\t\\n\\r\\f\\v\\u00a0]"
#: The characters of ``SPACE``, for trimming in one pass (a regular expression for trailing space rescans a run).
SPACE_CHARACTERS = " \t\n\r\f\v\u00a0"
# re.ASCII everywhere: digits, letters and case-folding as in JavaScript regular expressions.
_APPROX = re.compile(rf"^(?:\u2248|~|about|approximately|approx\.?|around|roughly|circa){SPACE}*", re.I | re.A)
_CURRENCY = re.compile(rf"^(?:US{SPACE}?\$|USD|\$){SPACE}*", re.I | re.A)
_NUMERAL = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?"
                      r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d+,\d+|\d*\.\d+|\d+)", re.A)
_SCALE = re.compile(rf"^{SPACE}*(thousand|million|billion|trillion|mn|bn|tn|k|m|b|t)(?![A-Za-z])", re.I | re.A)
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12, "t": 1e12}
#: Characters read at all: a longer answer is refused before it is trimmed, lower-cased or searched.
MAX_INPUT_LENGTH = 1_000
#: Characters of the answer once surrounding white space is trimmed.
MAX_LENGTH = 100

MESSAGES = {
    "not_text": "Type a number.",
    "empty": "Type a number first.",
    "too_long": "That is too long for a number: type just the number, for example 57.",
    "no_number": "That does not look like a number. Type digits, for example 57 or 5.6 million.",
    "unknown_word": "There are words after the number that this question does not use. Leave them out, or use: {units}.",
    "no_unit_words": "There are words after the number that this question does not use. Type just the number.",
    "not_finite": "That number is too large to check. Type a smaller number.",
    "no_day": "Type the day of the month, for example 25 or 25 {month}.",
    "other_month": "This question asks for a day in {month}. Type the day of the month, for example 25.",
    "not_a_day": "{month} has days 1 to {days}. Type the day of the month.",
}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WORD = re.compile(r"[a-z]+", re.A)
_DIGITS = re.compile(r"\d+", re.A)


def _strip(text: str) -> str:
    return text.strip(SPACE_CHARACTERS)


def parse_number_answer(text, unit_words: tuple[str, ...] = (),
                        field_scale: float = 1.0) -> tuple[float | None, str | None]:
    """Return ``(value, None)`` for a readable number, or ``(None, message)`` saying what to change.

    ``value`` is in the field's unit: a scale word the learner types is divided by ``field_scale``.
    """
    if not isinstance(text, str):
        return None, MESSAGES["not_text"]
    if len(text) > MAX_INPUT_LENGTH:
        return None, MESSAGES["too_long"]
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
        value = value * SCALES[scale.group(1).lower()] / field_scale
        rest = rest[scale.end():]
    words = ascii_lower(re.sub(f"{SPACE}+", " ", _strip(rest)))
    if words and words not in unit_words:
        if unit_words:
            return None, MESSAGES["unknown_word"].format(units=", ".join(unit_words))
        return None, MESSAGES["no_unit_words"]
    if not math.isfinite(value):
        return None, MESSAGES["not_finite"]
    return (-value if sign == "-" else value), None


def _numeral_value(numeral: str) -> float:
    numeral = re.sub("[ \u00a0\u202f]", "", numeral)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", numeral, re.A):
        return float(numeral.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", numeral, re.A):
        return float(numeral.replace(".", "").replace(",", "."))
    return float(numeral.replace(",", "."))


def _month_word(word: str) -> int | None:
    """1-12 for a month name or its abbreviation of three letters or more ("jan", "sept"), else None."""
    if len(word) < 3:
        return None
    return next((i for i, name in enumerate(MONTHS, start=1) if name.startswith(word)), None)


def _is_weekday(word: str) -> bool:
    return len(word) >= 3 and any(name.startswith(word) for name in WEEKDAYS)


def parse_day_answer(text, year: int, month: int) -> tuple[float | None, str | None]:
    """Read a day of ``month`` written as a number or a date; return ``(day, None)`` or ``(None, message)``.

    Words allowed: the month's name (any month is read, and another month gets a message), weekday names,
    ordinal endings (st, nd, rd, th), "of", "the" and the year; separators: spaces, commas, dots, "/" and "-".
    ``static/quiz/kinds/number.js`` mirrors this rule for rule.
    """
    name = MONTHS[month - 1].capitalize()
    if not isinstance(text, str):
        return None, MESSAGES["not_text"]
    if len(text) > MAX_INPUT_LENGTH:
        return None, MESSAGES["too_long"]
    rest = ascii_lower(_strip(text))
    if not rest:
        return None, MESSAGES["empty"]
    if len(rest) > MAX_LENGTH:
        return None, MESSAGES["too_long"]
    if rest[0] in "+-":  # a sign makes it a number, not a day
        return None, MESSAGES["no_day"].format(month=name)
    days = _days_in_month(year, month)
    numbers = [int(n) for n in _DIGITS.findall(rest) if len(n) <= 4]
    if len(numbers) != len(_DIGITS.findall(rest)):
        return None, MESSAGES["no_day"].format(month=name)
    months_named = []
    for word in _WORD.findall(rest):
        if word in ("st", "nd", "rd", "th", "of", "the", "on", "day"):
            continue
        found = _month_word(word)
        if found is not None:
            months_named.append(found)
        elif not _is_weekday(word):
            return None, MESSAGES["no_day"].format(month=name)
    if re.search(r"[^a-z0-9 ,./\-\u00a0\t]", rest, re.A):
        return None, MESSAGES["no_day"].format(month=name)
    numbers = [n for n in numbers if n != year]
    if len(numbers) == 2 and not months_named:  # 25/1, 1-25 or 2025-01-25 without the year: day and month
        first, second = numbers
        day_month = [(d, m) for d, m in ((first, second), (second, first)) if 1 <= m <= 12 and 1 <= d <= 31]
        if not day_month:
            return None, MESSAGES["no_day"].format(month=name)
        if all(m != month for _, m in day_month):
            return None, MESSAGES["other_month"].format(month=name)
        numbers = [next(d for d, m in day_month if m == month)]
    if len(numbers) != 1:
        return None, MESSAGES["no_day"].format(month=name)
    if any(m != month for m in months_named):
        return None, MESSAGES["other_month"].format(month=name)
    day = numbers[0]
    if not 1 <= day <= days:
        return None, MESSAGES["not_a_day"].format(month=name, days=days)
    return float(day), None


def _days_in_month(year: int, month: int) -> int:
    following = (year + month // 12, month % 12 + 1)
    return (_ordinal(*following) - _ordinal(year, month))


def _ordinal(year: int, month: int) -> int:
    """Days from 1 January of year 1 to the first of ``month`` (proleptic Gregorian), as the script computes it."""
    import datetime

    return datetime.date(year, month, 1).toordinal()
