"""Verdict questions that follow the evidence: the fact sheet's main verdict and every ``also`` verdict.

Shared by the chapters that ask for verdicts (cost and gpus).

A verdict exercise accepts the main verdict of a fact row and each of its ``also`` verdicts (version 2 of
the fact sheet). The feedback on an ``also`` verdict says that it is right, why, and why the fact sheet
puts the main verdict first; both reasons come from the row's note (:func:`solutions.data.facts.verdict_reasons`).
"""

from __future__ import annotations

from collections.abc import Iterable

from solutions.data.facts import VERDICT_MEANINGS, VERDICTS, accepted_verdicts, fact, verdict_reasons

from exercises.kinds import Option


def also_reason(claim_id: str, verdict: str) -> str:
    """Why ``verdict`` is right too for a claim, and why the fact sheet's main verdict comes first."""
    main = str(fact(claim_id)["verdict"])
    reasons = verdict_reasons(claim_id)
    return f"{reasons[verdict]} The fact sheet ({claim_id}) puts “{main}” first. {reasons[main]}"


def also_answers(rows: Iterable[tuple[str, str]], offered: Iterable[str]) -> tuple[tuple[str, str, str], ...]:
    """``Matching.also`` triples for ``(row key, claim id)`` pairs: each ``also`` verdict that is offered."""
    offered = set(offered)
    return tuple((row_key, verdict, also_reason(claim_id, verdict))
                 for row_key, claim_id in rows
                 for verdict in accepted_verdicts(claim_id)[1:] if verdict in offered)


def verdicts_text(claim_id: str) -> str:
    """"rounded" or "rounded (also conflated)": the verdicts the fact sheet accepts for a claim."""
    main, *also = accepted_verdicts(claim_id)
    return main + (f" (also {', '.join(also)})" if also else "")


def verdict_options(claim_ids: Iterable[str], always: Iterable[str] = ()) -> tuple[Option, ...]:
    """The verdicts to offer for some claims (every verdict any of them may get, plus ``always``), in scale order."""
    offered = {v for claim_id in claim_ids for v in accepted_verdicts(claim_id)} | set(always)
    return tuple(Option(key=v, label=f"{v}: {VERDICT_MEANINGS[v]}", short=v) for v in VERDICTS if v in offered)
