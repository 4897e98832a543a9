"""The chapter "How many downloads?" as a unit: its exercises, table and figure, and the names its page uses."""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from .charts import CLAIM_COLOUR, RANKING_COLOUR, TRACKER_COLOURS, downloads_chart
from .exit_ticket import exit_ticket
from .exercises import crossing_day, missing_context, per_day, timeline_order, what_it_measures
from .tables import download_counts_html

CHAPTER = ChapterExercises(
    chapter="downloads", title="How many downloads?",
    build=(missing_context, timeline_order, per_day, crossing_day, what_it_measures),
    exit_ticket=exit_ticket,
)

__all__ = [
    "CHAPTER", "CLAIM_COLOUR", "crossing_day", "download_counts_html", "downloads_chart", "missing_context", "per_day",
    "RANKING_COLOUR", "timeline_order", "TRACKER_COLOURS", "what_it_measures",
]
