"""Standing check: "not found" is never taught as "does not exist".

Any text that cites a fact row whose verdict is ``unverifiable`` (a page sentence with its fact link, or
an exercise whose feedback or sources name the row) must not call the claim false or its speaker absent.
"""

from __future__ import annotations

import re

from solutions import load_facts
from support.kit_text import BOOK, exercise_strings, page_prose, sentences

FORBIDDEN = re.compile(
    r"\b(?:nobody|no one|no expert|not from any|does not exist|do not exist|doesn't exist|never said|never existed|"
    r"false|a lie|lied|made[- ]up|made up|fabricat\w*|invented|fake|bogus|simply wrong)\b", re.I)
#: Negated forms that say the opposite of the forbidden word ("not that the claim is false").
NEGATED = re.compile(r"\b(?:not|n't|never|no)\b[^.;:]{0,40}\b(?:false|a lie|made up|invented)\b", re.I)
ID = re.compile(r"\b[A-Z]{2,4}-\d{2}[a-z]?\b")


def unverifiable_ids() -> set[str]:
    facts = load_facts()
    return set(facts.loc[facts["verdict"] == "unverifiable", "claim_id"])


def problems_in(text: str) -> list[str]:
    cleaned = NEGATED.sub(" ", text)
    return [m.group() for m in FORBIDDEN.finditer(cleaned)]


def test_pages_never_call_an_unverifiable_claim_false():
    ids, problems = unverifiable_ids(), []
    for page in sorted(BOOK.glob("*.md")):
        for sentence in sentences(page_prose(page)):
            if set(ID.findall(sentence)) & ids and (found := problems_in(sentence)):
                problems.append(f"{page.name}: {found}: {sentence}")
    assert problems == [], "\n".join(problems)


def test_exercises_never_call_an_unverifiable_claim_false():
    from exercises.book import all_exercises

    ids, problems = unverifiable_ids(), []
    for exercise in all_exercises():
        cites = {source.fact for source in exercise.sources} & ids
        for where, text in exercise_strings(exercise):
            if (cites or set(ID.findall(text)) & ids) and (found := problems_in(text)):
                problems.append(f"{where}: {found}: {text[:200]}")
    assert problems == [], "\n".join(problems)


def test_the_check_catches_and_spares_the_right_wording():
    assert problems_in("Quotes nobody can find.") == ["nobody"]
    assert problems_in("It was not from any expert.") == ["not from any"]
    assert problems_in("The credit is simply wrong.") == ["simply wrong"]
    assert problems_in("This does not mean the claim is false.") == []
    assert problems_in("No source was found for it.") == []
