"""Small text helpers shared by the loaders and the analysers.

Every pattern here runs in time linear in the text: white space before a dash or a citation marker is only
taken from where its run starts (a look-behind), so a long run with no dash or marker after it is read once,
not once from each of its characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": "'", "\u201d": "'", '"': "'"})
_DASH = re.compile(r"(?:(?<!\s)\s++)?[-\u2013\u2014]\s*")
_CITATION_MARKER = re.compile(r"(?:(?<!\s)\s++)?\[\d+\]")
_COMMA = re.compile(r",(?=\D|$)")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold text for loose matching.

    All quotation marks become ``'``, dashes become ``-`` without surrounding spaces, numbered
    citation markers such as ``[4]`` and commas that do not group digits are dropped, runs of white space become one space, and
    letters are lower-cased.
    """
    text = _COMMA.sub("", _CITATION_MARKER.sub("", text.translate(_QUOTES)))
    return _SPACE.sub(" ", _DASH.sub("-", text)).strip().casefold()


def count_words(text: str) -> int:
    """Count words the way ``wc -w`` does: runs of non-space characters."""
    return len(text.split())


#: Python's ``\s`` for text, spelt out, so the same pattern means the same in JavaScript (whose ``\s`` lacks
#: \x1c-\x1f and \x85 and adds \ufeff). A test checks it against ``\s`` over every code point.
WHITE_SPACE = r"[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
#: The characters a regular expression gives a meaning to, in Python and in JavaScript.
_SYNTAX = frozenset("\\^$.*+?()[]{}|/-")


def trie_pattern(forms: Iterable[str], portable: bool = False) -> str:
    """A regex matching any of ``forms``, built as a trie so each position is tried once per character.

    At a node where a form ends and longer forms continue, the continuation is an optional group tried
    first, so the longest form matching at a position wins (as in an alternation sorted longest first).
    A space matches a run of white space; a run of n spaces matches at least n white-space characters,
    written ``\\s+\\s`` rather than ``\\s+\\s+``, whose overlapping repetitions would backtrack in quadratic time.

    With ``portable`` the pattern means the same to Python's ``re`` and to JavaScript's ``RegExp`` (without the
    ``u`` flag) on text whose white space is all plain spaces (:func:`solutions.analyser.phrase_matcher.find_phrases`
    and the static quiz script make it so), and a space is written as one (``" +"``, a third of ``"\\s+"``'s length
    in the JSON a page carries); only syntax characters are escaped.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    space = " " if portable else r"\s"
    escape = _escape_portably if portable else re.escape

    def render(node: dict, after_space: bool = False) -> str:
        branches = [_trie_char(char, after_space, space, escape) + render(child, char == " ")
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie)


def _trie_char(char: str, after_space: bool, space: str, escape) -> str:
    if char != " ":
        return escape(char)
    return space if after_space else space + "+"


def _escape_portably(char: str) -> str:
    return "\\" + char if char in _SYNTAX else char


def ascii_lower(text: str) -> str:
    """``text`` with only the letters A-Z lower-cased (the rule the static quiz script applies too)."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = {code: code + 32 for code in range(65, 91)}


def lowered_in_place(text: str) -> str:
    """The text in lower case with every character at its own offset: the few characters whose lower case is
    longer (such as "İ") are kept as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def positions(haystack: str, needle: str) -> Iterator[int]:
    """Every offset where ``needle`` starts in ``haystack``, overlapping matches included."""
    position = haystack.find(needle)
    while position >= 0:
        yield position
        position = haystack.find(needle, position + 1)


@functools.lru_cache(maxsize=4096)
def whole_word(word: str) -> re.Pattern:
    """``word`` as written, with no letter, digit, underscore or hyphen on either side; compiled once per word (the
    analyser looks up words of the text, and compiling a pattern costs more than searching with it)."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def inside_double_quotes(text: str, position: int, reach: int = 2000) -> bool:
    """True when ``position`` lies inside double quotation marks opened earlier in its paragraph, read over at most
    ``reach`` characters back (so the check costs the same on any text): a curly opening mark not yet closed, or an
    odd number of straight ones."""
    start = max(text.rfind("\n", max(0, position - reach), position) + 1, position - reach, 0)
    before = text[start:position]
    return before.rfind("\u201c") > before.rfind("\u201d") or before.count('"') % 2 == 1
