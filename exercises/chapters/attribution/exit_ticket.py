"""The exit ticket of the chapter "Who said it?": sort one credit that the page's exercises do not ask about into
its kind of source, with the fact sheet's finding given, by the chapter's three questions. The answer is the kind
the kit's rule computes (:mod:`solutions.chapters.sourcing_seeds`)."""

from __future__ import annotations

from solutions.chapters.sourcing import CHECKABLE, CLASSES, SELF_REPORTED, UNVERIFIABLE, VAGUE
from solutions.chapters.sourcing_seeds import attribution_for

from exercises.kinds import Option, SingleChoice, Source
from .credit_exercises import CLASSIFY_CLAIMS
from .exercises import TRACED_CLAIM
from .wording import CLASS_LABELS, speaker_name

#: The credit the ticket asks about: named, about other companies' work, and not one of the page's own examples.
TICKET_CLAIM = "COST-07"


def _found(row) -> bool:
    """Whether the fact sheet found a record of the source on the matter (no row of the credit is unverifiable)."""
    return all(verdict != "unverifiable" for verdict in row["verdicts"])


def _verdict_text(row) -> str:
    """"COST-07: unverifiable": the ticket's fact row with its main verdict."""
    return f"{TICKET_CLAIM}: {dict(zip(row['claim_ids'], row['verdicts']))[TICKET_CLAIM]}"


def _answers(row) -> list[str]:
    """The answers to the chapter's three questions, in order, as sentences about this credit."""
    who = speaker_name(row)
    named = (f"Someone is named: {who}, a name a reader can look up." if row["named"]
             else f"No one is named: “{row['credit']}” gives a reader no one to look up.")
    own = (f"{who} is speaking about its own work, figures or plans." if row["own_work"]
           else f"{who} is not speaking about its own work, figures or plans.")
    found = (f"The fact sheet found a record of {who} on the matter ({_verdict_text(row)})." if _found(row)
             else f"The fact sheet found no record of {who} saying it ({_verdict_text(row)}).")
    return [named, own, found]


def _reason(kind: str, row) -> str:
    """Why a kind of source fits this credit or not: the answer to the first question that decides it."""
    named, own, found = _answers(row)
    if kind == VAGUE or not row["named"]:
        return named
    if kind == SELF_REPORTED or row["own_work"]:
        return own
    return found


def exit_ticket() -> SingleChoice:
    if TICKET_CLAIM in CLASSIFY_CLAIMS or TICKET_CLAIM == TRACED_CLAIM:
        raise ValueError(f"{TICKET_CLAIM} is already asked about on the page; the exit ticket needs a credit of its own")
    row = attribution_for(TICKET_CLAIM)
    who = speaker_name(row)
    accepted = set(row["classes"])
    finding = "found a record of" if _found(row) else "found no record of"
    options = []
    for kind in CLASSES:
        feedback = _reason(kind, row)
        if kind == UNVERIFIABLE and kind in accepted:
            feedback += " That means a reader cannot check it, not that it is false."
        if kind == CHECKABLE and kind not in accepted and row["named"] and not row["own_work"]:
            feedback += " A name alone does not make a source checkable."
        if kind == VAGUE and kind not in accepted and row["named"]:
            feedback += " This kind asks only whether a name is given, not whether the name or its label holds up."
        options.append(Option(key=kind, label=CLASS_LABELS[kind], feedback=feedback))
    place = f"{row['article_id']} ¶{row['paragraph']}"
    return SingleChoice(
        id="attribution-exit-ticket",
        title="One more credit",
        prompt=(f"Article {place} says: “{row['sentence']}” The kit's fact sheet {finding} {who} saying this "
                f"({TICKET_CLAIM}). What kind of source is it?"),
        options=tuple(options), correct=str(row["class"]), also=frozenset(accepted - {row["class"]}),
        hints=("Ask the three questions in order: is anyone named; is the source speaking about its own work; "
               "did the fact sheet find a record of the source on the matter?",),
        explanation=("The rule asks three questions in order. " + " ".join(_answers(row))
                     + f" So the source is {CLASS_LABELS[row['class']].lower()}. Checkable does not mean right, "
                       "and unverifiable does not mean false."),
        sources=tuple(Source(fact=claim_id, article=row["article_id"], paragraph=int(row["paragraph"]))
                      for claim_id in row["claim_ids"]),
    )
