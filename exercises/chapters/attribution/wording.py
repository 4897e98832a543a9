"""How the chapter "Who said it?" words sources: excerpts, source titles and dates, speakers' names, the kinds of
attribution and the fact sheet's reasons, in exercises, tables and figure alike."""

from __future__ import annotations

import re

import pandas as pd

from solutions import fact
from solutions.data.facts import VERDICT_MEANINGS, verdict_reasons
from solutions.data.people import person
from solutions.chapters.sourcing import CHECKABLE, SELF_REPORTED, UNVERIFIABLE, VAGUE

from exercises.chapters.quotation_marks import curly_quotes
from exercises.formatting import written_date


CLASS_LABELS = {CHECKABLE: "Named and checkable", UNVERIFIABLE: "Named but unverifiable", VAGUE: "Vague",
                SELF_REPORTED: "Self-reported"}


def excerpt(row, width: int = 150) -> tuple[str, str, str]:
    """The attribution's sentence around its credit: (before, credit, after), cut at word breaks to about
    ``width`` characters."""
    sentence, credit = str(row["sentence"]), str(row["credit"])
    at = int(row["start"]) - int(row["sentence_start"])
    before, after = sentence[:at], sentence[at + len(credit):]
    room = max(0, width - len(credit))
    if len(before) > room // 2:
        cut = before.find(" ", len(before) - room // 2)
        before = "…" + (before[cut + 1:] if cut >= 0 else "")
    if len(after) > room - len(before):
        cut = after.rfind(" ", 0, max(0, room - len(before)))
        after = (after[:cut] if cut > 0 else "") + "…"
    return before, credit, after


def _titles(claim_id: str) -> list[str]:
    """The source titles the fact sheet gives for a claim (they are separated by " ; ")."""
    return [title.strip() for title in str(fact(claim_id)["source_title"]).split(" ; ") if title.strip()]


def plain_title(title: str) -> str:
    """A source title without its notes in brackets: "X (original; URL as cited …)" -> "X"."""
    return re.sub(r"\s*\([^)]*\)", "", title).strip()


def first_title(titles: str) -> str:
    """The first of the " ; "-separated source titles, without its notes in brackets."""
    return plain_title(str(titles).split(" ; ")[0])


def source_title(claim_id: str) -> str:
    """The first source the fact sheet gives for a claim, without its notes in brackets."""
    titles = _titles(claim_id)
    return plain_title(titles[0]) if titles else ""


def _long_date(value) -> str:
    return written_date(value)


def first_date_text(claim_id: str) -> str:
    """The first source date of a claim as the fact sheet gives it: "27 December 2024", or "September 2024"
    when only the month is known."""
    first = str(fact(claim_id)["source_date"]).split(";")[0].strip()
    if re.fullmatch(r"\d{4}-\d{2}", first):
        return f"{pd.Timestamp(first + '-01'):%B %Y}"
    return _long_date(first)


def lower_first(text: str) -> str:
    """"The quotation marks …" -> "the quotation marks …", but "CNBC itself …" stays as it is."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:2].islower() else text


def verdict_reason(claim_id: str, verdict: str) -> str:
    """Why the fact sheet gives a claim a verdict: the reason its note marks, or the note's sentence that
    starts with the verdict ("Rounded: …"), or else what the verdict means."""
    reason = verdict_reasons(claim_id)[verdict]
    if reason == VERDICT_MEANINGS[verdict]:
        found = re.search(rf"\b{re.escape(verdict.capitalize())}:\s*(.+?\.)(?=\s|$)", str(fact(claim_id)["note"]))
        if found:
            reason = found.group(1)
    return curly_quotes(reason[:1].upper() + reason[1:])


def speaker_name(row) -> str:
    """The named source as the people register spells it, else as the article writes it."""
    entry = person(row["speaker"]) if row["speaker"] else None
    return entry["name"] if entry else (row["speaker"] or row["credit"])


def top_articles(column: pd.Series) -> str:
    """"article 003 (3)" or "articles 003 and 004 (3 each)": the articles with the highest count."""
    top = int(column.max())
    ids = [str(article_id) for article_id in column.index[column == top]]
    if len(ids) == 1:
        return f"article {ids[0]} ({top})"
    return f"articles {', '.join(ids[:-1])} and {ids[-1]} ({top} each)"
