"""Reading one figure: turn "$5.6 million", "2,048", "17 per cent" or "$60-65 billion" into a value.

The grammar here is shared with :mod:`solutions.analyser.figures`, which finds figures in running text.

Separators, the documented rule
--------------------------------
- ``2,048`` and ``1,234,567.5``: commas group thousands (English style).
- ``25,00,000`` and ``1,20,000``: Indian grouping (three digits, then pairs) is read the same way.
- ``1,6`` and ``5,25``: a comma followed by one, two or four or more digits is a decimal comma.
- ``1.234.567`` and ``1.234,5``: several dot groups, or a dot group then a decimal comma, are
  European grouping.
- ``2.048`` and ``50.000`` (one dot, then exactly three digits): a thousands separator when the
  figure has **no scale word and no percent sign**, because news writing never gives counts or plain
  amounts to three decimals; so ``2.048 GPUs`` is 2048. With a scale word or a percent sign the dot is a
  decimal point: ``$5.576M`` is 5,576,000 and ``3.125%`` is 3.125. A leading zero (``0.125``) is
  always a decimal.

Money and rates as they are written
-----------------------------------
- Suffixes and scale words: ``$750K``, ``2.4mn``, ``$1.44bn``, ``£540m``, ``₹500-crore``, ``5pc``; worded amounts
  (``six million``, ``Fifty thousand``); fractions before a scale word (``half-billion``, ``a quarter-million``, ``half a billion``);
  ``grand`` (a thousand, money slang: :attr:`Reading.implied_money`) only where it cannot be the adjective
  ("a grand total", "a grand jury").
- Pence and cents are valued in the main unit: ``293.8p`` and ``50 pence`` are 2.938 and 0.5 (pounds, unit
  "other"), ``41 cents`` is 0.41 USD.
- Currency signs and codes: ``$``, ``US$``, ``A$``, ``C$``, ``S$``, ``HK$``, ``NZ$``, ``£``, ``€``, ``₹``, ``₦``, ``₩``, ``Sh``, ``KSh``, ``Rs``, the rand's ``R`` (only
  with a scale, cents or thousands, so that "R1" stays a model's name)
  and three-letter codes (``AUD 300m``); only dollars written as US dollars are "USD".
- Indian numbering: ``lakh`` (10**5), ``crore`` and ``cr`` (10**7), ``lakh crore`` (10**12), and Indian digit
  grouping ``25,00,000``.
- Rates: ``25 basis points`` keeps its words (value 25, unit "other"); ``a quarter-point`` is 0.25 and
  ``a percentage point`` 1 (unit "percent").
- A footnote mark after a figure (``$0.31*``, ``$0.31¹``) is not part of it.

Size
----
A value is a float in base units. An amount too large for one (more than about 1.8e308, which takes over
300 digits) reads as ``inf`` in :func:`amount_readings`, however many digits it has (even past the exponent
range of ``Decimal``); it never raises. :func:`read_figure` reads at most 200 characters and calls a value
that is not finite "too large to read"; :mod:`solutions.analyser.figures` reports it as ``None``. No digit string
is turned into an ``int``, whose conversion refuses more than 4,300 digits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, Overflow

from solutions.analyser.text import lowered_in_place, trie_pattern

SCALES = {
    "thousand": 10**3, "k": 10**3, "grand": 10**3,
    "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12, "t": 10**12,
    # Indian numbering: a lakh is 100,000, a crore ten million, a lakh crore 10**12.
    "lakh": 10**5, "crore": 10**7, "cr": 10**7, "lakh crore": 10**12,
}
#: Fractions that go before a scale word or "point": "half-billion", "a quarter-point".
_FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "three quarters": Decimal("0.75"),
              "three quarter": Decimal("0.75")}
#: "grand" (a thousand, in money slang) only where it cannot be the adjective: "a grand total", "a grand jury".
_GRAND = (r"grand(?=\s*(?:[^\w\s]|$)|\s+(?:a|an|per|in|for|to|on|each|and|or|from|plus|cash|bucks|worth|of|that"
          r"|invested|spent|wagered|now|apiece|extra|already|back"
          r"|which|when|is|was|more|less|than|at|by|with|this|last|next|every|a\s(?:month|week|year|day))\b)")
_SUBUNITS = {"p": ("other", "p"), "pence": ("other", "p"), "paise": ("other", "paise"), "kobo": ("other", "kobo"),
             "cent": ("USD", "cents"), "cents": ("USD", "cents")}
_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_USD_SIGNS = {"$", "us$", "usd", "us $"}
_USD_SIGNS_UNSPACED = {sign.replace(" ", "") for sign in _USD_SIGNS}

#: Any small number word, as a trie (longest first), which scans much faster than a plain alternation.
_SMALL_WORD = trie_pattern(_SMALL)
_WORD_NUMBER = (rf"(?:(?:{_SMALL_WORD})(?:[- ](?:{_SMALL_WORD}))?(?:[- ]hundred(?:[- ](?:and[- ])?(?:{_SMALL_WORD})(?:[- ](?:{_SMALL_WORD}))?)?)?"
                rf"|an?(?=[- ](?:hundred|thousand|million|billion|trillion|lakh|crore|percentage\spoint|basis\spoint"
                rf"|{_GRAND})))")
_NUMERAL = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|"  # Indian grouping first: "25,00,000"
_NUMERAL += r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|\.\d+)"

#: One amount in lower-cased text (see :func:`amount_readings`): optional currency, a numeral or number
#: words, optional scale, optional percent. The numeral branch comes first (most amounts are digits) and the
#: fractions ("half-billion", "a quarter-point") share one branch behind a one-letter guard, which keeps the scan
#: as fast as before they were added. Matching lower-cased text case-sensitively scans about 40 %
#: faster than ignoring case; the look-ahead lists every character an amount can start with.
AMOUNT = re.compile(
    rf"""
    (?<![\w$£€¥₹.,])
    (?=[\d$£€¥₹₦₩.acefghijknoqrstuz])
    (?P<currency>\$|£|€|₹|₦|₩|us\s?\$|usd\s?|[acsr]\$|hk\$|nz\$|nt\$|¥|rs\.?\s?|rmb\s?|cny\s?|eur\s?|gbp\s?
       |ksh\.?\s?|sh\.?\s?(?=\d)|zar\s?
       |[rn](?=\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+\.\d\d(?!\d)|\d+(?:\.\d+)?\s?(?:bn|mn|m|trn|tn|billion|million|trillion)\b)
       |(?:aed|aud|cad|chf|hkd|inr|jpy|krw|sar|sgd|twd|nzd|zar|sek|nok|idr|thb|ngn|kes)\s?)?
    (?:
        (?P<numeral>{_NUMERAL})
        (?:(?P<scale_attached>k|mn|mln|m|bn|bln|b|tn|trn|t|cr)(?![a-z0-9])
          |(?P<subunit_attached>p)(?![a-z0-9])
          |[\s-]?(?P<subunit_spaced>pence|paise|kobo|cents?)\b
          |\s?(?P<scale_spaced>thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn
                              |lakhs?\s(?:crores?)|crores?|lakhs?|cr|{_GRAND})\b
          |-(?P<scale_hyphened>thousand|million|billion|trillion|lakhs?|crores?)\b)?
      | (?P<tens>\d+)s\ of\ (?P<tens_scale>thousands|millions|billions|trillions)
      | (?=[ahqt])(?P<fraction>(?:an?[- ])?(?:half|quarter|three[- ]quarters?)(?:[- ]of)?(?:[- ]an?)?)[- ]
        (?:(?P<fraction_scale>thousand|million|billion|trillion)|(?P<fraction_point>(?:percentage[- ])?point|per[- ]?cent))(?![a-z])
      | (?P<words>{_WORD_NUMBER})
        (?:[- ](?P<scale_word>thousand|million|billion|trillion|lakhs?\s(?:crores?)|crores?|lakhs?|{_GRAND})\b)?
    )
    (?P<percent>\s?%|\s?per\s?cent\b|[\s-](?:percentage[\s-]points?|percent|pct)\b|-per-cent\b|pc(?![a-z]))?
    (?P<basis_points>\s(?:basis\ points?|bps)\b)?
    (?!(?![¹²³\u2070-\u2079])\w)
    """,
    re.VERBOSE,
)
#: Between two amounts, these make a range ("$60-65 billion", "$5.6 to $6 million").
RANGE_SEPARATOR = re.compile(r"\s?(?:-|\u2013|\u2014)\s?|\sto\s", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """A figure's reading, or why a text is not a figure (``reason`` set, ``value`` None)."""

    text: str
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None  # "USD", "other" (another currency), "percent", or None for a plain count
    currency: str | None = None
    scale: int = 1  # the scale word's factor: 10**6 for "million"; 1 when there is none
    reason: str | None = None
    implied_money: bool = False  # money slang with no currency ("a grand"): the text's currency is meant
    complete: bool = False  # ends in its own unit words ("25 basis points", "3p"): never borrows a range's end

    @property
    def ok(self) -> bool:
        return self.reason is None

    @property
    def has_scale(self) -> bool:
        return self.scale != 1


def _words_value(words: str) -> int:
    total = 0
    for part in re.split(r"[- ]", words.casefold()):
        if part in ("a", "an"):
            total += 1
        elif part == "hundred":
            total = max(total, 1) * 100
        elif part in _SMALL:
            total += _SMALL[part]
    return total


_ENGLISH_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: Indian grouping: a group of three, then groups of two ("25,00,000" is 2.5 million, "1,20,000" is 120,000).
_INDIAN_GROUPS = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?")
_EUROPEAN_GROUPS = re.compile(r"(\d{1,3})((?:\.\d{3})+)(?:,(\d+))?")


def numeral_value(numeral: str, has_scale_or_percent: bool) -> Decimal:
    """Read a numeral's digits and separators by the rule in this module's docstring."""
    if numeral.isdigit():
        return Decimal(numeral)
    if _ENGLISH_GROUPS.fullmatch(numeral) or _INDIAN_GROUPS.fullmatch(numeral):
        return Decimal(numeral.replace(",", ""))
    european = _EUROPEAN_GROUPS.fullmatch(numeral)
    if european:
        whole, groups, decimals = european.groups()
        single_group = groups.count(".") == 1 and decimals is None
        if single_group and (has_scale_or_percent or whole == "0"):
            return Decimal(numeral)
        return Decimal(whole + groups.replace(".", "") + ("." + decimals if decimals else ""))
    return Decimal(numeral.replace(",", "."))


def amount_readings(text: str, lowered: str | None = None) -> list[tuple[int, int, Reading]]:
    """Every amount in ``text``, in order, as (start, end, reading); case is ignored.

    ``lowered`` is ``lowered_in_place(text)`` when the caller has it already.
    """
    lowered = lowered_in_place(text) if lowered is None else lowered
    return [(match.start(), match.end(), reading_from_match(match, text)) for match in AMOUNT.finditer(lowered)]


def reading_from_match(match: re.Match, text: str) -> Reading:
    """Turn one :data:`AMOUNT` match in the lower-cased ``text`` into a reading (value in base units)."""
    parts = match.groupdict()
    currency_start, currency_end = match.span("currency")  # (-1, -1) when there is no currency
    currency = text[currency_start:currency_end].strip() or None
    is_percent = parts["percent"] is not None or parts["fraction_point"] is not None
    subunit = parts["subunit_attached"] or parts["subunit_spaced"]
    implied_money = False
    if parts["tens"]:
        factor = SCALES[parts["tens_scale"].casefold().rstrip("s")]
        value = _scaled(Decimal(parts["tens"]), factor)
    elif parts["fraction_point"]:
        factor = 1
        value = float(_fraction_of(parts["fraction"]))
    elif parts["fraction"]:
        factor = SCALES[parts["fraction_scale"]]
        value = _scaled(_fraction_of(parts["fraction"]), factor)
    elif parts["numeral"]:
        scale = parts["scale_attached"] or parts["scale_spaced"] or parts["scale_hyphened"]
        factor = (SCALES.get(scale) or SCALES[_scale_key(scale)]) if scale else 1
        number = numeral_value(parts["numeral"], scale is not None or is_percent or subunit is not None)
        value = _scaled(number, factor) / 100 if subunit else _scaled(number, factor)
        implied_money = factor == 10**3 and scale is not None and scale.startswith("grand")
    else:
        scale = parts["scale_word"]
        factor = (SCALES.get(scale) or SCALES[_scale_key(scale)]) if scale else 1
        value = _scaled(Decimal(_words_value(parts["words"])), factor)
        implied_money = scale is not None and scale.startswith("grand")
    if is_percent:
        unit = "percent"
    elif parts["basis_points"] is not None:
        unit = "other"
    elif subunit:
        subunit_unit, subunit_name = _SUBUNITS[subunit.strip()]
        unit = subunit_unit if currency is None else _currency_unit(currency)
        currency = currency or subunit_name
    elif currency is None:
        unit = None
    else:
        unit = _currency_unit(currency)
    complete = bool(parts["basis_points"] or subunit or parts["fraction_point"])
    return Reading(text=text[match.start():match.end()], value=value, unit=unit, currency=currency, scale=factor,
                   implied_money=implied_money, complete=complete)


def _currency_unit(currency: str) -> str:
    return "USD" if currency.casefold().replace(" ", "") in _USD_SIGNS_UNSPACED else "other"


def _scale_key(scale: str) -> str:
    """The :data:`SCALES` key of a scale word as written: "Lakhs  Crore" -> "lakh crore", "Grand" -> "grand"."""
    words = scale.casefold().split()
    return " ".join(word.rstrip("s") if word in ("lakhs", "crores") else word for word in words)


def _fraction_of(words: str) -> Decimal:
    """The fraction named in "a quarter", "half a", "three-quarters of a" (see :data:`_FRACTIONS`)."""
    folded = re.sub(r"[- ]+", " ", words.casefold())
    return next(value for name, value in sorted(_FRACTIONS.items(), key=lambda item: -len(item[0]))
                if name in folded)


def _scaled(number: Decimal, factor: int) -> float:
    """``number × factor`` as a float; ``inf`` when it is too large for one, even for Decimal's exponents
    (a numeral of a million digits)."""
    try:
        return float(number * factor)
    except Overflow:
        return math.inf


def _priced_range(first: Reading, second: Reading) -> bool:
    """True for a sum with a currency and no scale followed by a bare, larger number of at most ten times its
    size: the two ends of one price range ("$55-60 a barrel", "£85-120 a night")."""
    return (first.currency is not None and first.unit in ("USD", "other") and not first.has_scale
            and not first.complete and second.currency is None and second.unit is None and not second.has_scale
            and first.value is not None and second.value is not None and first.value < second.value <= 10 * first.value)


def merge_range(first: Reading, second: Reading, text: str) -> Reading | None:
    """Join "$60" + "65 billion" into one ranged reading when the first end borrows the second's scale.

    Returns None when both ends are complete figures (such as "90%" and "95%"), or when the first end with the
    second's scale would be larger than the second ("Rs 25,000 to Rs 2 lakh"): they stay separate.
    """
    first_complete = first.has_scale or first.unit == "percent" or first.complete
    second_complete = second.has_scale or second.unit == "percent"
    if _priced_range(first, second):  # "$55-60", "Rs 412-433": the second end borrows the first's currency
        return Reading(text=text, value=first.value, value_high=second.value, unit=first.unit,
                       currency=first.currency)
    if first_complete or not second_complete:
        return None
    if first.currency and second.currency and first.unit != second.unit:
        return None
    low = float(Decimal(repr(first.value)) * second.scale)
    if second.value is not None and low > second.value:
        return None  # "Rs 25,000 to Rs 2 lakh": 25,000 lakh is no lower end of 2 lakh, so both ends are whole
    return Reading(text=text, value=low, value_high=second.value, unit=second.unit or first.unit,
                   currency=second.currency or first.currency, scale=second.scale)


def read_figure(text: str) -> Reading:
    """Read a figure's text into a value in base units, with unit and, for ranges, a high value.

    Never raises: text that is not exactly one figure gives a reading with ``reason`` set.

    >>> read_figure("$5.6 million").value
    5600000.0
    >>> read_figure("$60-65 billion").value_high
    65000000000.0
    >>> read_figure("billions").reason
    'no digits or number words: vague magnitudes such as "billions" are not figures'
    """
    if not isinstance(text, str):
        return Reading(text=repr(text), reason="not text")
    stripped = text.strip()
    if not stripped:
        return Reading(text=text, reason="empty text")
    if len(stripped) > 200:
        return Reading(text=stripped[:200], reason="too long to be one figure (over 200 characters)")
    found = amount_readings(stripped)
    if not found:
        if re.search(r"\d", stripped):
            return Reading(text=stripped, reason="digits that do not form a number this reader knows")
        return Reading(text=stripped, reason='no digits or number words: vague magnitudes such as "billions" are not figures')
    readings = [reading for _, _, reading in found]
    if len(found) == 1 and found[0][:2] == (0, len(stripped)):
        return _checked(readings[0])
    if len(found) == 2 and found[0][0] == 0 and found[1][1] == len(stripped):
        between = stripped[found[0][1]:found[1][0]]
        if RANGE_SEPARATOR.fullmatch(between):
            merged = merge_range(readings[0], readings[1], stripped)
            if merged is not None:
                return _checked(merged)
            return Reading(text=stripped, reason="two complete figures: read each end on its own")
    return Reading(text=stripped, reason="more than a figure: extra words or several numbers")


def _checked(reading: Reading) -> Reading:
    values = [v for v in (reading.value, reading.value_high) if v is not None]
    if any(v != v or v in (float("inf"), float("-inf")) for v in values):
        return Reading(text=reading.text, reason="the number is too large to read")
    return reading
