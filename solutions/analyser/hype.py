"""Finding loaded wording ("hype") in a news text, and scoring how loud the text is.

The lexicon is data: ``seeds/hype_categories.csv`` (category, label, weight, description) and
``seeds/hype_lexicon.csv`` (phrase, category, rationale), where ``phrase`` lists plain lower-case word
forms separated by ``|``. Hedges ("may", "might", "suggests") are the careful opposite of boosters; they
are not hype, so the lexicon leaves them out and no category counts them.

How a lexicon form matches (the static book's JavaScript mirrors exactly this, using :func:`lexicon_forms`):

* the text is folded first: curly apostrophes (’ ‘ ʼ) become ``'``, Unicode hyphens (U+2010, U+2011) become
  ``-`` and letters are lower-cased, so matching ignores case;
* a space in a form matches any run of white space in the text; every other character matches itself;
* a match must not have an ASCII letter, digit or underscore just before or just after it;
* scanning left to right, the first position where some form matches wins, and there the longest form
  wins (the order of :func:`lexicon_forms`); the next search starts after that match.

:func:`find_hype` adds three clickbait devices that are patterns rather than phrases (Python only): all-caps
emphasis, a short exclamation ("Fifty thousand!") and a title-case "Revealed"/"Exposed" headline. It then
keeps the longest of any overlapping finds and joins finds that sit in one short phrase ("truly the king").
"""

from __future__ import annotations

import math
import re
from numbers import Real

import pandas as pd

from solutions.data.datafiles import cached, read_table
from solutions.analyser.text import trie_pattern

CATEGORIES_FILE = "hype_categories.csv"
LEXICON_FILE = "hype_lexicon.csv"
#: Category given to the pattern devices (all caps, short exclamations, "Revealed" headlines).
PATTERN_CATEGORY = "clickbait"
_FORM = re.compile(r"[a-z0-9](?:[a-z0-9 .'-]*[a-z0-9.'])?")
_FOLD = (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u2010", "-"), ("\u2011", "-"))
_WORD_CHAR = "0-9a-z_"


# ---------------------------------------------------------------- the data

@cached
def _categories() -> pd.DataFrame:
    table = read_table(CATEGORIES_FILE, numbers=("weight",))
    expected = ["category", "label", "weight", "description"]
    if list(table.columns) != expected:
        raise ValueError(f"{CATEGORIES_FILE} must have the columns {expected}, not {list(table.columns)}.")
    if table["category"].isna().any() or table["category"].duplicated().any():
        raise ValueError(f"{CATEGORIES_FILE}: every row needs a category name, each used once.")
    bad = table[table["weight"].isna() | (table["weight"] < 0)]
    if len(bad):
        raise ValueError(f"{CATEGORIES_FILE}: weights must be numbers >= 0; check {list(bad['category'])}.")
    return table


def hype_categories() -> pd.DataFrame:
    """The hype categories: one row each with ``category``, ``label``, ``weight`` (default) and ``description``."""
    return _categories().copy()


def default_weights() -> dict[str, float]:
    """Each category's default weight, from ``hype_categories.csv``."""
    table = _categories()
    return {str(c): float(w) for c, w in zip(table["category"], table["weight"])}


@cached
def _lexicon() -> pd.DataFrame:
    table = read_table(LEXICON_FILE)
    expected = ["phrase", "category", "rationale"]
    if list(table.columns) != expected:
        raise ValueError(f"{LEXICON_FILE} must have the columns {expected}, not {list(table.columns)}.")
    known = set(default_weights())
    rows = []
    for number, row in enumerate(table.itertuples(index=False), start=2):
        phrase, category, rationale = (None if pd.isna(v) else str(v) for v in row)
        if category not in known:
            raise ValueError(f"{LEXICON_FILE} line {number}: unknown category {category!r}; "
                             f"use one of {sorted(known)}.")
        if not rationale or not rationale.strip():
            raise ValueError(f"{LEXICON_FILE} line {number}: the rationale is empty.")
        forms = tuple(form.strip() for form in (phrase or "").split("|"))
        for form in forms:
            if not _FORM.fullmatch(form) or "  " in form:
                raise ValueError(f"{LEXICON_FILE} line {number}: {form!r} is not a plain lower-case word form "
                                 "(letters, digits, single spaces, hyphens, apostrophes, full stops).")
        rows.append({"phrase": phrase, "forms": forms, "category": category, "rationale": rationale.strip()})
    lexicon = pd.DataFrame(rows, columns=["phrase", "forms", "category", "rationale"])
    seen: dict[str, str] = {}
    for phrase, forms in zip(lexicon["phrase"], lexicon["forms"]):
        for form in forms:
            if form in seen:
                raise ValueError(f"{LEXICON_FILE}: the form {form!r} is listed twice ({seen[form]!r} and {phrase!r}).")
            seen[form] = phrase
    return lexicon


def load_hype_lexicon() -> pd.DataFrame:
    """The lexicon: one row per entry with ``phrase``, ``forms`` (tuple of str), ``category`` and ``rationale``."""
    return _lexicon().copy()


@cached
def _forms() -> tuple[tuple[str, str, str], ...]:
    """Every (form, category, rationale), longest form first, ties in alphabetical order."""
    rows = [(form, category, rationale) for forms, category, rationale
            in zip(_lexicon()["forms"], _lexicon()["category"], _lexicon()["rationale"]) for form in forms]
    return tuple(sorted(rows, key=lambda row: (-len(row[0]), row[0])))


def lexicon_forms() -> list[tuple[str, str]]:
    """Every (form, category) in the lexicon, longest form first (ties alphabetical): what the JavaScript uses."""
    return [(form, category) for form, category, _ in _forms()]


# ---------------------------------------------------------------- matching lexicon forms

@cached
def _lexicon_matcher() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    rows = _forms()
    # The leading character class (matched against a space put before the text) lets ``re`` skip ahead to
    # word starts quickly; it has the same meaning as a look-behind for "no word character before".
    pattern = re.compile(f"[^{_WORD_CHAR}]({trie_pattern(f for f, _, _ in rows)})(?![{_WORD_CHAR}])")
    return pattern, {form: (category, rationale) for form, category, rationale in rows}


_SPACES = re.compile(r"\s+")


def fold_for_matching(text: str) -> str:
    """``text`` with curly apostrophes and Unicode hyphens made plain and letters lower-cased, same length."""
    folded = text
    for char, plain in _FOLD:  # str.replace is much faster than str.translate here
        if char in folded:
            folded = folded.replace(char, plain)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a few characters (such as "İ") lower-case to two
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return lowered


def find_lexicon_phrases(text: str) -> list[dict]:
    """Every lexicon form in ``text``, by the rules in the module docstring (no pattern devices).

    Returns dicts ``{"text", "category", "start", "end", "rationale"}`` in order of appearance.
    """
    if not isinstance(text, str) or not text:
        return []
    pattern, info = _lexicon_matcher()
    found = []
    for match in pattern.finditer(" " + fold_for_matching(text)):
        start, end = match.start(1) - 1, match.end(1) - 1
        form = match.group(1)
        category, rationale = info[form] if form in info else info[_SPACES.sub(" ", form)]
        found.append({"text": text[start:end], "category": category, "start": start, "end": end,
                      "rationale": rationale})
    return found


# ---------------------------------------------------------------- pattern devices

#: All-caps words that are names, acronyms, tickers or page furniture, not emphasis.
ACRONYMS = frozenset("""
AI AGI API APP ARM ASML ASEAN AWS BBC BRICS CCP CEO CFO CHIPS CNBC CNN COO COVID CPU CTO CUDA DARPA DEEPSEEK
DRAM EBITDA EU FBI FINRA FOMC FTC FTSE GAAP GDP GOOGL GPT GPU GPUS HBM HTML HTTPS IBM IPO LLM LLMS MIT MMLU
MTI NAFTA NASA NASDAQ NATO NIKKEI NVDA NVIDIA NYSE OECD OPEC PC PR QWEN SAP SEC SMIC SOTA STEM STOXX TPU TSMC
UAE UK UN UNESCO UNICEF US USA USD
READ MORE ALSO RELATED SUBSCRIBE SHARE SIGN UP NEWSLETTER ADVERTISEMENT SPONSORED UPDATE UPDATED WATCH VIDEO
PHOTO PHOTOS LISTEN CLICK HERE TOPICS TAGS COMMENTS FILE CREDIT GETTY IMAGES REUTERS AFP AP EDITOR NOTE
""".split())
#: A run of all-caps words (2+ letters each) separated by spaces; it starts with a plain character class so
#: ``re`` can skip quickly to capital letters, and the look-behind after it checks the word boundary.
_CAPS_RUN = re.compile(r"[A-Z](?<![\w'\u2019][A-Z])(?=[A-Z \t]{4})[A-Z]+(?![\w'\u2019])"
                       r"(?:[ \t]+[A-Z]{2,}(?![\w'\u2019]))*")
_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_LOWER_RUN = re.compile(r"[a-z]+")
_DATELINE_AFTER = re.compile(r"[ \t]*[,(\u2013\u2014-]")
_BYLINE_BEFORE = re.compile(r"\bby[ \t]+$", re.IGNORECASE)
_CONTEXT = 100


def _line_window(text: str, start: int, end: int) -> tuple[int, int]:
    """Up to ``_CONTEXT`` characters either side of a span, within its line (bounded, so linear overall)."""
    low = max(0, start - _CONTEXT)
    left = text.rfind("\n", low, start)
    right = text.find("\n", end, end + _CONTEXT)
    return (left + 1 if left >= 0 else low), (right if right >= 0 else min(len(text), end + _CONTEXT))


def _starts_line(text: str, start: int) -> bool:
    """True when only white space stands between the start of the line and ``start``."""
    left, _ = _line_window(text, start, start)
    return (left == 0 or text[left - 1] == "\n") and not text[left:start].strip()


def _mixed_case_around(text: str, start: int, end: int) -> bool:
    """True when the line around a span is ordinary mixed-case prose, not an all-caps heading."""
    left, right = _line_window(text, start, end)
    around = text[left:start] + " " + text[end:right]
    lower = len(_LOWER_RUN.findall(around))
    upper = len(_CAPS_WORD.findall(around))
    return lower >= 4 and lower >= 2 * upper


def find_all_caps(text: str) -> list[dict]:
    """All-caps emphasis in mixed-case text: a word of 5+ letters, or 2+ capitalised words in a row,
    that are not acronyms, names of firms, tickers, datelines, bylines or page furniture."""
    found = []
    for run in _CAPS_RUN.finditer(text):
        if run.end() - run.start() < 5:
            continue  # one short word such as "AI" or "CEO"
        start, end, words = run.start(), run.end(), run.group().split()
        plain = [word not in ACRONYMS for word in words]
        if not any(plain):
            continue
        long_word = any(p and len(w) >= 5 for p, w in zip(plain, words))
        if not long_word and not (len(words) >= 2 and all(plain) and sum(map(len, words)) >= 6):
            continue
        if _starts_line(text, start) and _DATELINE_AFTER.match(text, end):
            continue  # a dateline such as "BEIJING (Reuters) -" or "SAN FRANCISCO, Jan 27"
        if _BYLINE_BEFORE.search(text, max(0, start - 10), start):
            continue  # a byline such as "By JANE DOE"
        if not _mixed_case_around(text, start, end):
            continue
        first = plain.index(True)
        last = len(plain) - 1 - plain[::-1].index(True)
        run_words = list(_CAPS_WORD.finditer(text, start, end))
        span_start, span_end = run_words[first].start(), run_words[last].end()
        found.append({"text": text[span_start:span_end], "category": PATTERN_CATEGORY, "start": span_start,
                      "end": span_end, "rationale": "All-caps emphasis: the writer is shouting to make a point."})
    return found


_EXCLAMATION = re.compile(r"![!?]*")
#: Before a "!": a sentence stop (or the start of the text), then a fragment of up to 50 characters that
#: starts with a capital or a digit and holds no stop or double quotation mark.
_EXCLAIMED_FRAGMENT = re.compile("(?:^|(?<=[.!?:;\n]))[ \t]*([A-Z0-9][^.!?:;\n\u201c\u201d\"()]{0,50})\\Z")
_FRAGMENT_REACH = 60
_CLOSING_QUOTES = "\u201d\"\u2019')"
_EXCLAMATION_NAMES = frozenset({"yahoo", "jeopardy"})
_MAX_EXCLAIMED_WORDS = 4


def find_short_exclamations(text: str) -> list[dict]:
    """Short exclaimed fragments of one to four words ("Fifty thousand!", "Wow!") in the writer's own voice.

    A fragment starts a sentence (capital letter or digit) and holds no quotation mark: exclamations
    inside quotations belong to the speaker. Names that contain "!" (Yahoo!) and code (``!=``) are left out.
    """
    found: list[dict] = []
    if "!" not in text:
        return found
    for mark in _EXCLAMATION.finditer(text):
        end = mark.end()
        after = text[end:end + 1]
        if after and (after.isalnum() or after == "=" or after in _CLOSING_QUOTES):
            continue
        stop = mark.start()
        while stop > 0 and text[stop - 1] == "?":  # "?!" counts as one mark
            stop -= 1
        fragment = _EXCLAIMED_FRAGMENT.search(text, max(0, stop - _FRAGMENT_REACH), stop)
        if fragment is None:
            continue
        words = fragment.group(1).split()
        if not 1 <= len(words) <= _MAX_EXCLAIMED_WORDS or words[-1].casefold() in _EXCLAMATION_NAMES:
            continue
        start = fragment.start(1)
        found.append({"text": text[start:end], "category": PATTERN_CATEGORY, "start": start, "end": end,
                      "rationale": "A short exclamation that tells the reader to be amazed."})
    return found


_REVEALED = re.compile(r"(?:R(?:evealed|EVEALED)|E(?:xposed|XPOSED))(?![\w'\u2019])")
_WORD_BEFORE = re.compile(r"[\w'\u2019]")
_TITLE_BEFORE = re.compile(r"[\w'\u2019][ \t]+$")
_COLON_AFTER = re.compile(r"[ \t]*[:!]")


def find_revealed_headlines(text: str) -> list[dict]:
    """A capitalised "Revealed"/"Exposed" in a title-case headline ("... GPUs Revealed", "Revealed: ...")."""
    found: list[dict] = []
    if not any(word in text for word in ("Revealed", "REVEALED", "Exposed", "EXPOSED")):
        return found
    for match in _REVEALED.finditer(text):
        if match.start() and _WORD_BEFORE.match(text, match.start() - 1):
            continue  # part of a longer word
        before = _TITLE_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before or _COLON_AFTER.match(text, match.end()):
            found.append({"text": match.group(), "category": PATTERN_CATEGORY, "start": match.start(),
                          "end": match.end(), "rationale": "A teaser headline that promises a secret revealed."})
    return found


# ---------------------------------------------------------------- combining the finds

#: Finds separated by at most this many words (no digits, no punctuation) form one loaded phrase.
MERGE_GAP_WORDS = 1
#: A joined phrase is at most this long, so a run of loaded words does not become one huge find.
MERGE_MAX_CHARS = 60
_SENTENCE_END = tuple(".!?:;")
_MERGE_GAP = re.compile(r"[ \t]*(?:[^\s\d.,;:!?()\"\u201c\u201d]+[ \t]+){0,%d}" % MERGE_GAP_WORDS)


def _longest_first(cluster: list[dict]) -> list[dict]:
    """Within a cluster of overlapping finds, keep the longest, then the next longest that overlaps none kept...

    Ties go to the earlier find. The kept finds never overlap, so each stretch between two of the cluster's
    start and end offsets is claimed at most once; a Fenwick tree counts the claimed stretches, so a
    cluster of n finds costs about n log n steps, however the finds interleave.
    """
    offsets = sorted({find["start"] for find in cluster} | {find["end"] for find in cluster})
    slot = {offset: number for number, offset in enumerate(offsets)}
    claimed = [0] * (len(offsets) + 1)

    def claimed_before(stretch: int) -> int:
        total = 0
        while stretch > 0:
            total += claimed[stretch]
            stretch -= stretch & -stretch
        return total

    def claim(stretch: int) -> None:
        stretch += 1
        while stretch < len(claimed):
            claimed[stretch] += 1
            stretch += stretch & -stretch

    kept: list[dict] = []
    for find in sorted(cluster, key=lambda f: (f["start"] - f["end"], f["start"])):
        first, last = slot[find["start"]], slot[find["end"]]
        if claimed_before(last) - claimed_before(first):
            continue
        for stretch in range(first, last):
            claim(stretch)
        kept.append(find)
    kept.sort(key=lambda find: find["start"])
    return kept


def _longest_without_overlaps(finds: list[dict]) -> list[dict]:
    """Drop finds that overlap a longer one; return the rest in order of appearance (linear for sparse overlaps)."""
    result: list[dict] = []
    cluster: list[dict] = []
    cluster_end = -1
    for find in sorted(finds, key=lambda f: (f["start"], -f["end"])):
        if cluster and find["start"] >= cluster_end:
            if len(cluster) <= 2:
                result.append(cluster[0] if len(cluster) == 1 else _longer(*cluster))
            else:
                result.extend(_longest_first(cluster))
            cluster = []
        cluster.append(find)
        cluster_end = max(cluster_end, find["end"]) if len(cluster) > 1 else find["end"]
    result.extend(cluster if len(cluster) <= 1 else _longest_first(cluster))
    return result


def _longer(first: dict, second: dict) -> dict:
    """Of two overlapping finds (``first`` starts no later), the longer one; the first on a tie."""
    return second if second["end"] - second["start"] > first["end"] - first["start"] else first


def _merge_neighbours(text: str, finds: list[dict]) -> list[dict]:
    """Join finds that sit in one short phrase ("truly the king", "absolutely massive") into one find.

    Two finds join when at most ``MERGE_GAP_WORDS`` words (no digits or punctuation) separate them, the
    first does not end a sentence, and the joined phrase stays within ``MERGE_MAX_CHARS`` characters.
    """
    merged: list[dict] = []
    for find in finds:
        last = merged[-1] if merged else None
        if last is not None and find["end"] - last["start"] <= MERGE_MAX_CHARS and \
                not last["text"].endswith(_SENTENCE_END) and \
                _MERGE_GAP.fullmatch(text, last["end"], find["start"]):
            rationale = last["rationale"] if find["rationale"] in last["rationale"] else \
                f"{last['rationale']} / {find['rationale']}"
            merged[-1] = {"text": text[last["start"]:find["end"]], "category": last["category"],
                          "start": last["start"], "end": find["end"], "rationale": rationale}
        else:
            merged.append(find)
    return merged


def find_hype(text: str) -> list[dict]:
    """Every piece of loaded wording in ``text``: lexicon phrases plus the pattern devices.

    Returns dicts ``{"text", "category", "start", "end", "rationale"}`` in order, without overlaps
    (the longest find wins), with ``text == text[start:end]``. Finds in one short phrase are joined and
    take the first find's category.
    """
    if not isinstance(text, str) or not text:
        return []
    finds = find_lexicon_phrases(text) + find_all_caps(text) + find_short_exclamations(text) + \
        find_revealed_headlines(text)
    return _merge_neighbours(text, _longest_without_overlaps(finds))


def hype_counts(text: str) -> dict[str, int]:
    """How many finds of :func:`find_hype` fall in each category (every category present, zeros included)."""
    counts = {category: 0 for category in default_weights()}
    for find in find_hype(text):
        counts[find["category"]] += 1
    return counts


# ---------------------------------------------------------------- scoring

def checked_amount(value: object, what: str) -> float:
    """``value`` as a float, or ValueError naming ``what`` when it is not a finite number of zero or more."""
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(float(value)):
        raise ValueError(f"{what} must be a finite number, not {value!r}.")
    if value < 0:
        raise ValueError(f"{what} must not be negative, not {value!r}.")
    return float(value)


def per_thousand(amount: float, words: float) -> float:
    """``amount`` per 1,000 words: ``amount / words * 1000``; 0.0 for a text of no words."""
    amount, words = checked_amount(amount, "The count"), checked_amount(words, "The number of words")
    return 0.0 if words == 0 else amount / words * 1000


def hype_score(counts: dict[str, int], words: int, weights: dict[str, float] | None = None) -> float:
    """Weighted hype finds per 1,000 words.

    ``score = sum(weight[c] * count[c] for each category c) / words * 1000``, summed in the order of
    :func:`hype_categories`; 0.0 when ``words`` is 0. ``weights`` defaults to :func:`default_weights`; a
    category missing from ``counts`` counts 0 and one missing from ``weights`` takes its default weight.

    Raises ValueError for an unknown category (in ``counts`` or ``weights``), a negative or non-numeric
    count, weight or word count.
    """
    defaults = default_weights()
    if not isinstance(counts, dict):
        raise ValueError(f"counts must be a dict of category -> count, not {type(counts).__name__}.")
    given = {} if weights is None else weights
    if not isinstance(given, dict):
        raise ValueError(f"weights must be a dict of category -> weight, not {type(given).__name__}.")
    for name, mapping in (("counts", counts), ("weights", given)):
        unknown = sorted(map(str, set(mapping) - set(defaults)))
        if unknown:
            raise ValueError(f"Unknown hype categor{'y' if len(unknown) == 1 else 'ies'} in {name}: "
                             f"{', '.join(unknown)}. Known: {', '.join(defaults)}.")
    total_words = checked_amount(words, "words")
    total = 0.0
    for category, default in defaults.items():
        count = checked_amount(counts.get(category, 0), f"The count for {category!r}")
        weight = checked_amount(given.get(category, default), f"The weight for {category!r}")
        total += weight * count
    return per_thousand(total, total_words)


def rank_by_hype(scores: dict[str, float]) -> list[str]:
    """The ids of ``scores`` from highest score to lowest; equal scores in order of id."""
    for key, value in scores.items():
        if isinstance(value, bool) or not isinstance(value, Real) or math.isnan(float(value)):
            raise ValueError(f"The score for {key!r} must be a number, not {value!r}.")
    return sorted(scores, key=lambda key: (-float(scores[key]), str(key)))
