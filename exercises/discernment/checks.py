"""The two check exercises: a ``Matching`` of each claim in a set against "trust" and "doubt".

The sets come from :func:`solutions.chapters.discernment.discernment_sets`, leaving out every fact row that an
exercise of the chapters cites (their exercises and exit tickets): :func:`exercise_rows`. A claim's row key is its
fact row's id, which says nothing about the answer. Each claim is shown as a plain statement, without quotation
marks, because half of them are the kit's own words, some changed on purpose; the answer says which were an
article's words and what was changed.
"""

from __future__ import annotations

import pandas as pd

from solutions.chapters.discernment import discernment_sets
from solutions.data.datafiles import cached
from solutions.data.facts import fact

from exercises.chapters import CHAPTERS
from exercises.kinds import Matching, Option, Source

BEFORE_ID = "discernment-before"
AFTER_ID = "discernment-after"
CHECK_IDS = (BEFORE_ID, AFTER_ID)
#: Claims per set: the largest size the fact sheet gives once every row the exercises cite is left out.
SET_SIZE = 4

OPTIONS = (
    Option(key="trust", label="trust: accurate as it stands", short="trust"),
    Option(key="doubt", label="doubt: distorted or wrong", short="doubt"),
)


def exercise_rows() -> frozenset[str]:
    """Every fact row that an exercise of the chapters cites, exit tickets included: the check leaves them out."""
    built = [make() for chapter in CHAPTERS for make in (*chapter.build, chapter.exit_ticket) if make]
    return frozenset(source.fact for exercise in built for source in exercise.sources if source.fact)


@cached  # forgotten with the data files (solutions.data.datafiles.clear_caches), so the sets follow the data
def _sets() -> tuple[pd.DataFrame, pd.DataFrame]:
    return discernment_sets(exercise_rows(), SET_SIZE)


def check_claims(exercise_id: str) -> pd.DataFrame:
    """The claims of one check (``BEFORE_ID`` or ``AFTER_ID``), in the order shown."""
    if exercise_id not in CHECK_IDS:
        raise KeyError(f"No check with id {exercise_id!r}: the checks are {', '.join(CHECK_IDS)}.")
    return _sets()[CHECK_IDS.index(exercise_id)]


def _why(claim) -> str:
    """What a careful reader finds about a claim: shown when the learner's mark is wrong, and in the answer."""
    row = fact(claim.claim_id)
    if claim.origin == "kit" and claim.expected == "trust":
        return f"Accurate: this is what its source says (fact {claim.claim_id})."
    if claim.origin == "kit":
        return f"Changed for this check ({claim.version}): {claim.note} (fact {claim.claim_id})"
    said = f"Article {claim.article_id}'s own words"
    if claim.expected == "trust":
        return f"{said}, which the fact sheet judges accurate (fact {claim.claim_id})."
    return f"{said}, which the fact sheet judges {claim.verdict}: {row['note']} (fact {claim.claim_id})"


def _short(wording: str, words: int = 6) -> str:
    """The first words of a statement, to name it in feedback."""
    parts = wording.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _check(exercise_id: str, title: str, when: str) -> Matching:
    claims = check_claims(exercise_id)
    trusted = claims[claims["expected"] == "trust"]
    return Matching(
        id=exercise_id,
        title=title,
        prompt=(f"{when} Mark each statement \"trust\" if you would pass it on as it stands, or \"doubt\" if you "
                "think something in it is distorted or wrong. Some are an article's words; others were written "
                "for this check, and some of those were changed on purpose. There is no penalty for guessing, "
                "but doubting an accurate statement counts against you."),
        rows=tuple(Option(key=str(claim.claim_id), label=str(claim.wording), feedback=_why(claim),
                          short=_short(str(claim.wording)))
                   for claim in claims.itertuples()),
        options=OPTIONS,
        tally_option="doubt",
        correct=tuple((str(claim.claim_id), str(claim.expected)) for claim in claims.itertuples()),
        hints=("Look for what a statement would need to be true: a date, a named source, a number you could check. "
               "A detail that is slightly off is how many distortions work.",
               "Half of the statements are accurate. Doubting everything scores no better than trusting "
               "everything."),
        explanation=(f"{len(trusted)} of the {len(claims)} statements are accurate; the others were distorted. "
                     "Your score is the distorted statements you doubted minus the accurate ones you doubted, "
                     "divided by the number of distorted statements: 1 is perfect, and trusting everything or "
                     "doubting everything both score 0. "
                     + " ".join(f"{_short(str(claim.wording))}: {_why(claim)}" for claim in claims.itertuples())),
        sources=tuple(Source(fact=str(claim_id)) for claim_id in claims["claim_id"]),
    )


def before_check() -> Matching:
    return _check(BEFORE_ID, "Trust or doubt? (before)",
                  "Before you read the articles, try your judgement on four statements about AI news.")


def after_check() -> Matching:
    return _check(AFTER_ID, "Trust or doubt? (after)",
                  "Now that you have checked the articles, try four new statements.")
