"""The phrase matcher: every one of a list of phrases in a text, found in one pass with a trie of the phrases.

It is the one matcher of the kit: the hype finder runs it over the lexicon's forms, the rewrite exercises run
it over their watch words, and the static quiz script runs the very same pattern (:func:`phrase_pattern`, sent
in the exercise's spec) after folding the text the same way. The rules:

* the text is folded first: curly apostrophes (’ ‘ ʼ) become ``'``, Unicode hyphens (U+2010, U+2011) become
  ``-``, the few characters only one of the two regex engines counts as white space become spaces, and letters
  are lower-cased in place (:func:`solutions.analyser.text.lowered_in_place`), so matching ignores case; then every
  white-space character becomes a plain space, so that the pattern can write a space as one;
* a space in a phrase matches any run of white space in the text; every other character matches itself;
* a match must not have an ASCII letter, digit or underscore just before or just after it;
* scanning left to right, the first position where some phrase matches wins, and there the longest phrase
  wins; the next search starts after that match.
"""

from __future__ import annotations

import functools
import re

from solutions.analyser.text import WHITE_SPACE, lowered_in_place, trie_pattern

#: Characters made plain before matching. The last six are white space to Python's ``\s`` and not to
#: JavaScript's (or the other way round, for U+FEFF): as spaces, both regex engines read the pattern's ``\s`` alike.
_FOLD = (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u2010", "-"), ("\u2011", "-"),
         ("\x1c", " "), ("\x1d", " "), ("\x1e", " "), ("\x1f", " "), ("\x85", " "), ("\ufeff", " "))


#: What may not come just before or just after a phrase (a character class body).
WORD_CHARACTERS = "0-9a-z_"


@functools.lru_cache(maxsize=32)
def phrase_pattern(phrases: tuple[str, ...]) -> str:
    """The pattern that finds ``phrases`` (lower-case, as the text is folded) by the rules above, in a form that
    Python's ``re`` and JavaScript's ``RegExp`` read alike. It is matched against the folded text with one space
    put before it; group 1 is the phrase."""
    if not phrases:
        return "(?!)"
    return f"[^{WORD_CHARACTERS}]({trie_pattern(phrases, portable=True)})(?![{WORD_CHARACTERS}])"


@functools.lru_cache(maxsize=32)
def _compiled(phrases: tuple[str, ...]) -> re.Pattern:
    return re.compile(phrase_pattern(phrases))


def find_phrases(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Every match of ``phrases`` in ``text`` as ``(start, end, phrase)``, in reading order, by the rules above.

    ``phrase`` is the phrase as listed (a run of white space in the text is one space in it).
    """
    if not isinstance(text, str) or not text:
        return []
    found = []
    for match in _compiled(tuple(phrases)).finditer(" " + _WHITE_SPACE_CHARACTER.sub(" ", fold_for_matching(text))):
        start, end = match.start(1) - 1, match.end(1) - 1
        found.append((start, end, _SPACES.sub(" ", match.group(1))))
    return found


def phrases_present(text: str, phrases: tuple[str, ...]) -> list[str]:
    """The ``phrases`` found in ``text``, each once, in the order they first appear."""
    return list(dict.fromkeys(phrase for _, _, phrase in find_phrases(text, phrases)))


_SPACES = re.compile(WHITE_SPACE + "+")
_WHITE_SPACE_CHARACTER = re.compile(WHITE_SPACE)


def fold_for_matching(text: str) -> str:
    """``text`` with curly apostrophes, Unicode hyphens and the disputed white space made plain and letters
    lower-cased, same length."""
    folded = text
    for char, plain in _FOLD:  # str.replace is much faster than str.translate here
        if char in folded:
            folded = folded.replace(char, plain)
    return lowered_in_place(folded)
