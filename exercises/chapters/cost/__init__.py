"""The chapter "What did it cost?" as a unit: its exercises in page order, its chart and tables, and the names its page uses."""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from .charts import cost_restatements_chart
from .exit_ticket import exit_ticket
from .tables import cost_claims_html, v3_stages_html
from .exercises import (
    MONTH_DAYS, cluster_days_question, code_days, paper_arithmetic, restatements, rewrite, scale_order, times_as_many,
    verdicts, who_estimated,
)

CHAPTER = ChapterExercises(
    chapter="cost", title="What did it cost?",
    build=(paper_arithmetic, cluster_days_question, code_days, who_estimated, restatements, verdicts, scale_order, rewrite),
    exit_ticket=exit_ticket,
)

__all__ = [
    "CHAPTER", "cost_claims_html", "cost_restatements_chart", "cluster_days_question", "code_days", "MONTH_DAYS", "paper_arithmetic", "restatements", "rewrite",
    "scale_order", "times_as_many", "v3_stages_html", "verdicts", "who_estimated",
]
