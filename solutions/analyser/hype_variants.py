"""Idiom variants: the other ways a listed idiom is written ("took a beating" is also "taking another beating").

A word list never holds every form of an idiom, so the hype finder also matches each listed phrase of two or more
words in the forms these rules give it. A variant keeps the category and rationale of the phrase it comes from; a
form the lexicon lists in its own right keeps its own row.

* The verb: a phrase whose first word is a form of a verb in ``seeds/hype_idiom_verbs.csv`` is also matched with
  each other form of that verb ("took a beating": "take", "takes", "taken" and "taking a beating").
* The possessive, in a phrase of three or more words: "its" and "their" stand for each other ("on its knees", "on
  their knees"), and so do "my", "your", "his", "her" and "our" ("made my blood boil", "made his blood boil"). A
  thing's "its" never becomes a person's "his", which would turn "on its knees" into a literal kneeling person.
* The article before a phrase's last word, in a phrase of three or more words: "a" (or "an") is also matched as
  "another" ("took a beating", "took another beating"). Other swaps ("the" for "a") make more phrases no one
  writes than ones they find, and every variant weighs on the pages that carry the lexicon for the rewrite
  exercises; a form such as "petrol on a fire" is listed instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from solutions.data.datafiles import cached, read_table

VERBS_FILE = "hype_idiom_verbs.csv"
_POSSESSIVE_SETS = (("its", "their"), ("my", "your", "his", "her", "our"))
#: The words that may stand for an article before a phrase's last word, given the article as listed.
_ARTICLES = {"a": ("a", "another"), "an": ("an", "another")}
#: A verb's object or particle: the second word of a phrase that opens with a verb ("took a", "blew past"). A listed
#: first word followed by anything else is read as a noun or an adjective ("fuel to the fire", "stinging rebuke").
_AFTER_VERB = frozenset({
    "a", "an", "the", "another", "its", "their", "his", "her", "my", "your", "our", "them", "it", "him", "us", "me",
    "everyone", "up", "down", "off", "out", "through", "into", "over", "away", "past", "back",
})


@cached
def verb_forms() -> dict[str, tuple[str, ...]]:
    """Each form of each verb in ``hype_idiom_verbs.csv`` -> all the forms of its verb (base form first)."""
    table = read_table(VERBS_FILE)
    if list(table.columns) != ["verb_forms"]:
        raise ValueError(f"{VERBS_FILE} must have the one column 'verb_forms', not {list(table.columns)}.")
    forms_of: dict[str, tuple[str, ...]] = {}
    for number, cell in enumerate(table["verb_forms"], start=2):
        forms = tuple(form.strip() for form in str(cell).split("|"))
        if len(forms) < 2 or not all(form.isalpha() and form.islower() for form in forms):
            raise ValueError(f"{VERBS_FILE} line {number}: list a verb's lower-case forms separated by '|', "
                             f"not {cell!r}.")
        for form in forms:
            if form in forms_of:
                raise ValueError(f"{VERBS_FILE} line {number}: {form!r} is already a form of {forms_of[form][0]!r}.")
            forms_of[form] = forms
    return forms_of


def _possessives(word: str) -> tuple[str, ...] | None:
    return next((choices for choices in _POSSESSIVE_SETS if word in choices), None)


def _slot_choices(words: list[str]) -> list[tuple[str, ...]]:
    """For each word of a phrase, the words that may stand in its place (itself first)."""
    verbs = verb_forms()
    long_enough = len(words) >= 3
    choices = []
    for index, word in enumerate(words):
        if index == 0 and word in verbs and words[1] in _AFTER_VERB:
            options = (word, *(form for form in verbs[word] if form != word))
        elif long_enough and (possessives := _possessives(word)):
            options = (word, *(other for other in possessives if other != word))
        elif long_enough and word in _ARTICLES and index == len(words) - 2:
            options = _ARTICLES[word]
        else:
            options = (word,)
        choices.append(tuple(dict.fromkeys(options)))
    return choices


def variants(phrase: str) -> Iterator[str]:
    """The other forms of a listed phrase by the rules above (never the phrase itself), in a fixed order."""
    words = phrase.split(" ")
    if len(words) < 2:
        return
    for combination in itertools.product(*_slot_choices(words)):
        variant = " ".join(combination)
        if variant != phrase:
            yield variant


def with_variants(rows: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The lexicon's (form, category, rationale) rows followed by the variants of their forms, each variant once
    (the first row that gives it wins) and never one the lexicon lists itself."""
    rows = list(rows)
    taken = {form for form, _, _ in rows}
    added = []
    for form, category, rationale in rows:
        for variant in variants(form):
            if variant not in taken:
                taken.add(variant)
                added.append((variant, category, rationale))
    return rows + added
