"""How the chapter "What could the writer have known, and when?" writes dates and numbers of days, and the
article with a dateline that it follows."""

from __future__ import annotations

import pandas as pd

from solutions.data.articles import stated_date
from solutions.chapters.timeline import STATED, dates_in_articles

from exercises.formatting import written_date
from exercises.kinds import Source


#: The article with a dateline, whose writer's knowledge the chapter works out (its date comes from the data).
DATED_ARTICLE = "003"


def day(date) -> str:
    """A date as people write it: 26 January 2025."""
    return written_date(date)


def short_day(date) -> str:
    return written_date(date, month="short")


def day_count(n: int) -> str:
    return f"{n} day" if abs(n) == 1 else f"{n} days"


def dateline_sources(article_id: str) -> tuple[Source, ...]:
    """The paragraphs where an article states its own date, the first cited with its fact row."""
    dates = dates_in_articles()
    places = dates[(dates["article_id"] == article_id) & (dates["what"] == STATED)]
    return tuple(Source(fact="DATE-06" if i == 0 else None, article=article_id, paragraph=int(p))
                 for i, p in enumerate(dict.fromkeys(places["paragraph"])))


def the_dated_article() -> str:
    """The article the chapter follows day by day; it must state its date."""
    if pd.isna(stated_date(DATED_ARTICLE)):
        raise ValueError(f"Article {DATED_ARTICLE} states no date, so what its writer could know is not fixed.")
    return DATED_ARTICLE
