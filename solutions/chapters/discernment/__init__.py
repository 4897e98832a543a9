"""The before-and-after check of discernment: two short sets of claims to mark "trust" or "doubt", and a score
that does not reward doubting everything.

One module per job: ``article_claims`` (the articles' own claims, judged by the fact sheet's verdicts),
``statements`` (the kit's statements of verified facts, accurate or distorted), ``sets`` (the candidates and the
two balanced sets) and ``score`` (hits minus false alarms). The caller passes the fact rows to leave out: the
book leaves out every row an exercise cites, so the check never shows a claim the learner meets in an exercise.
"""

from __future__ import annotations

from .article_claims import CLAIM_COLUMNS, DISTORTED_VERDICTS, JUDGEMENTS, article_candidates, expected_judgement
from .score import discernment_score
from .sets import discernment_claims, discernment_counts, discernment_sets, largest_set_size
from .statements import ACCURATE, DISTORTIONS, kit_statements, load_statements

__all__ = [
    "ACCURATE", "CLAIM_COLUMNS", "DISTORTED_VERDICTS", "DISTORTIONS", "JUDGEMENTS", "article_candidates",
    "discernment_claims", "discernment_counts", "discernment_score", "discernment_sets", "expected_judgement",
    "kit_statements", "largest_set_size", "load_statements",
]
