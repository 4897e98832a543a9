"""The chapter "What could the writer have known, and when?" as a unit: its chart, table and exercises, and the
names its page uses."""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from .charts import KIND_STYLES, timeline_chart
from .dating_exercises import CASE_ARTICLE, STANDINGS, earliest_date, not_before_selloff
from .exit_ticket import exit_ticket
from .exercises import (
    KNOWABLE_KEYS, NONE, ORDER_KEYS, SHORT_NAMES, days_to_selloff, event_order, fair_criticism, known_on_date,
)
from .tables import article_dating_html
from .wording import DATED_ARTICLE, day

CHAPTER = ChapterExercises(
    chapter="timeline", title="What could the writer have known, and when?",
    build=(event_order, days_to_selloff, not_before_selloff, earliest_date, known_on_date, fair_criticism),
    exit_ticket=exit_ticket,
)

__all__ = [
    "article_dating_html", "CASE_ARTICLE", "CHAPTER", "DATED_ARTICLE", "day", "days_to_selloff", "earliest_date",
    "event_order", "fair_criticism", "KIND_STYLES", "KNOWABLE_KEYS", "known_on_date", "NONE", "not_before_selloff",
    "ORDER_KEYS", "SHORT_NAMES", "STANDINGS", "timeline_chart",
]
