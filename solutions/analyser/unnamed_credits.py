"""Vague credits that no verb of speaking introduces: "has impressed experts", "in third-party benchmark tests",
"a move perceived as". General English; it reads no case data."""

from __future__ import annotations

import re

#: Groups that are not anyone a reader could look up.
_UNNAMED_GROUP = r"(?:experts|analysts|observers|critics|commentators|insiders|researchers|scientists|economists)"
#: Vague credits that no verb of speaking introduces, so :func:`~solutions.analyser.attribution.vague_attributions`
#: does not read them: a group that *reacts* to the claim ("has impressed experts with its ability to …"),
#: tests run by testers it does not name ("In third-party benchmark tests, …") and a view held by people it
#: does not name ("a move perceived as …"). Each credits a judgement to a kind of judge, never to one a reader
#: could look up.
UNNAMED_CREDITS = re.compile(
    r"\b(?:impress(?:ed|es)|surpris(?:ed|es)|stun(?:ned|s)|astonish(?:ed|es)|wow(?:ed|s)|convinc(?:ed|es)"
    r"|persuad(?:ed|es)|alarm(?:ed|s)|worr(?:ied|ies)|puzzl(?:ed|es)|baffl(?:ed|es)"
    r"|caught the (?:attention|eye) of|(?:drawn|won|earned|drew) praise from)"
    rf"[ \t]+(?:(?:some|many|several|most|industry|leading|independent|outside|tech|market)[ \t]+)?{_UNNAMED_GROUP}\b"
    r"|\b(?:in|by|from|according to)[ \t]+(?:(?:some|several|many|independent|third-party|outside|external)[ \t]+)+"
    r"(?:(?:benchmark|performance|industry|lab)[ \t]+)?(?:tests|testing|studies|evaluations|assessments|benchmarks)\b"
    r"|\b(?:widely[ \t]+|generally[ \t]+|largely[ \t]+)?perceived[ \t]+as\b",
    re.IGNORECASE)


def unnamed_credits(text: str) -> list[dict]:
    """Vague credits without a verb of speaking (see :data:`UNNAMED_CREDITS`): dicts with ``text``, ``start``
    and ``end``, in order. Never raises on a string; anything else gives an empty list."""
    if not isinstance(text, str) or not text:
        return []
    return [{"text": match.group(), "start": match.start(), "end": match.end()}
            for match in UNNAMED_CREDITS.finditer(text)]
