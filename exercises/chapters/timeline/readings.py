"""How the chapter "What could the writer have known, and when?" reports an article's dating evidence: the phrase
quoted with its fact rows, the timeline's events, and why a likely reading does not settle a date. Used by the
table and by the exercises alike."""

from __future__ import annotations

from html import escape

import pandas as pd

from solutions.data.events import event, event_date

from exercises.display import fact_link, paragraph_link
from .wording import day


def what_is_said(row, link: bool = False, facts: bool = False) -> str:
    """What an article says, quoted, with its paragraph (and fact rows): “tech stocks tumbled” (004 ¶6, fact MKT-03)."""
    if pd.isna(row["paragraph"]):
        return f"what article {row['article_id']} says ({fact_rows_text(row, link)})"
    where = (paragraph_link(row["article_id"], int(row["paragraph"])) if link
             else f"{row['article_id']} ¶{int(row['paragraph'])}")
    quote = escape(str(row["quote"])) if link else str(row["quote"])
    return f"“{quote}” ({where}" + (f", {fact_rows_text(row, link)})" if facts else ")")


def fact_rows_text(row, link: bool = False) -> str:
    """The fact rows behind a phrase: "fact MKT-03" or "facts MKT-03, MKT-05"."""
    ids = [str(c) for c in (row["claim_ids"] if "claim_ids" in row and row["claim_ids"] else (row["claim_id"],))]
    shown = [fact_link(c) if link else c for c in ids]
    return ("fact " if len(ids) == 1 else "facts ") + ", ".join(shown)


def event_text(key: str, link: bool = False) -> str:
    """The timeline's event, described in the kit's words (not a quotation): its date and what happened."""
    row = event(key)
    text = str(row["event"])
    return f"{day(row['date'])}: {escape(text) if link else text}"


def why_not_settled(row, bound_said: bool = False) -> str:
    """Why the most likely reading of a phrase does not settle a date. With ``bound_said``, the sentence
    before has just named the event that bounds the article, so it is not repeated."""
    if len(row["alternatives"]):
        others = ", or ".join(event_text(k) for k in row["alternatives"])
        if bool(row["vague_fall"]) and set(row["alternatives"]) - set(row["sheet_alternatives"]):
            if pd.notna(row["bound_key"]) and bound_said:
                return (f"but the words give neither a size nor a date: written on {day(event_date(row['bound_key']))}, "
                        f"they would describe the latest fall by then ({others})")
            if pd.notna(row["bound_key"]):
                return (f"but the words give neither a size nor a date, and the latest event the rest of article "
                        f"{row['article_id']} surely reports is the timeline's event of {event_text(row['bound_key'])}; "
                        f"written that day, they would describe the latest fall by then ({others})")
            return ("but the words give neither a size nor a date, and nothing else in the article settles one, so "
                    f"they may also mean {others}")
        return f"but the fact sheet also allows another reading ({others}) because the article states no date"
    return ("but the fact sheet dates only the first steps it found, about then, and an earlier one that no "
            "source records cannot be ruled out")


def bounded_by(row, settled) -> bool:
    """Whether a phrase's other reading is set by the very event that settles its article's earliest date."""
    return bool(pd.notna(row["bound_key"]) and settled is not None and row["bound_key"] == settled["earliest_key"])
