"""The chapter "Markets and money" as a unit: its exercises, figure and table, and the names its page uses."""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from .charts import moves_chart
from .dating_exercises import DATELINE_CLAIM, REACTION_CLAIM, REACTION_WORDS, before_the_fall, which_day
from .exit_ticket import exit_ticket
from .exercises import DIPPED_CLAIM, REASON_CLAIMS, RELEASE_CLAIMS, company_value, motives, price_before, rewrite_dipped
from .tables import money_figures_html
from .wording import billions_range, change_text, day, dollars, long_day, move_text, security_name

CHAPTER = ChapterExercises(
    chapter="markets", title="Markets and money",
    build=(which_day, price_before, company_value, before_the_fall, motives, rewrite_dipped),
    exit_ticket=exit_ticket,
)

__all__ = [
    "before_the_fall", "billions_range", "change_text", "CHAPTER", "company_value", "DATELINE_CLAIM", "day",
    "DIPPED_CLAIM", "dollars", "long_day", "money_figures_html", "motives", "move_text", "moves_chart", "price_before",
    "REACTION_CLAIM", "REACTION_WORDS", "REASON_CLAIMS", "RELEASE_CLAIMS", "rewrite_dipped", "security_name",
    "which_day",
]
