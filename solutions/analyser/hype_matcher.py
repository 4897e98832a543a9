"""The phrase matcher: every lexicon form in a text, found in one pass with a trie of the forms.

How a lexicon form matches (the static book's JavaScript mirrors exactly this, using
:func:`~solutions.analyser.hype_lexicon.lexicon_forms`):

* the text is folded first: curly apostrophes (’ ‘ ʼ) become ``'``, Unicode hyphens (U+2010, U+2011) become
  ``-`` and letters are lower-cased, so matching ignores case;
* a space in a form matches any run of white space in the text; every other character matches itself;
* a match must not have an ASCII letter, digit or underscore just before or just after it;
* scanning left to right, the first position where some form matches wins, and there the longest form
  wins (the order of :func:`lexicon_forms`); the next search starts after that match.
"""

from __future__ import annotations

import re

from solutions.analyser.hype_lexicon import lexicon_rows
from solutions.analyser.text import trie_pattern
from solutions.data.datafiles import cached

_FOLD = (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u2010", "-"), ("\u2011", "-"))
_WORD_CHAR = "0-9a-z_"


@cached
def _lexicon_matcher() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    rows = lexicon_rows()
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
