"""The chapter "How many chips?" as a unit: its exercises, in page order, and its chart and the names its page uses."""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from .charts import gpu_fleets_chart
from .exercises import chip_verdicts, fact_feedback, hours_ratio, rounding, unverified
from .exit_ticket import exit_ticket

CHAPTER = ChapterExercises(chapter="gpus", title="How many chips?",
                           build=(rounding, chip_verdicts, unverified, hours_ratio), exit_ticket=exit_ticket)

__all__ = [
    "CHAPTER", "gpu_fleets_chart", "chip_verdicts", "fact_feedback", "hours_ratio", "rounding", "unverified",
]
