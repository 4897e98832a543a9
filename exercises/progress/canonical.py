"""The canonical JSON a progress file's checksum is taken of, written the same way in Python and in JavaScript.

Keys are sorted, there are no spaces and text is not escaped beyond what JSON requires (``ensure_ascii=False``).
Two details make the browser's ``JSON.stringify`` and this module write the same bytes: numbers are written as
JavaScript writes them (``1.0`` as ``1``, ``1e-7`` as ``1e-7``, ``1e16`` as ``10000000000000000``), and keys are
sorted by their UTF-16 code units, as JavaScript's default sort does (the same order as Python's for any key
below U+10000).
"""

from __future__ import annotations

import json
import math
from decimal import Decimal

#: How many levels arrays and objects may nest in a progress file (the file itself takes three of them).
MAX_DEPTH = 32


class NotCanonical(ValueError):
    """A value that has no canonical JSON: too deeply nested, not finite, not JSON, or not valid Unicode."""


def canonical_json(value: object, depth: int = 0) -> str:
    """``value`` as canonical JSON; raises ``NotCanonical`` for what JSON or the format cannot hold."""
    if isinstance(value, (list, dict)) and depth >= MAX_DEPTH:
        raise NotCanonical(f"it nests more than {MAX_DEPTH} levels deep")
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return javascript_number(value)
    if isinstance(value, str):
        utf16_order(value)  # refuses a lone surrogate, which has no UTF-8
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(canonical_json(item, depth + 1) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=utf16_order)
        return "{" + ",".join(f"{canonical_json(key, depth + 1)}:{canonical_json(value[key], depth + 1)}"
                              for key in keys) + "}"
    raise NotCanonical(f"it holds a {type(value).__name__}, which JSON cannot")


def utf16_order(key: object) -> bytes:
    """The sort key that orders text by UTF-16 code units, as JavaScript compares strings (valid Unicode only)."""
    if not isinstance(key, str):
        raise NotCanonical("an object key is not text")
    try:
        return key.encode("utf-16-be")
    except UnicodeEncodeError as error:
        raise NotCanonical("it holds text that is not valid Unicode") from error


def javascript_number(number: float) -> str:
    """``number`` as JavaScript's ``Number.prototype.toString`` writes it (ECMA-262, Number::toString)."""
    if not math.isfinite(number):
        raise NotCanonical("it holds a number that is not finite")
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    _, digit_tuple, exponent = Decimal(repr(abs(number))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    point = exponent + len(digits)  # the decimal point sits after this many digits
    if len(digits) <= point <= 21:
        return sign + digits + "0" * (point - len(digits))
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * -point + digits
    shown = point - 1
    mantissa = digits if len(digits) == 1 else digits[0] + "." + digits[1:]
    return f"{sign}{mantissa}e{'+' if shown >= 0 else '-'}{abs(shown)}"
