"""The chapter "Who said it?" as a unit: its exercises, tables and figure, and the names its page uses."""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from .charts import CLASS_COLOURS, sources_chart
from .credit_exercises import CLASSIFY_CLAIMS, NAME_FIXES, classify_sources, fix_names
from .exercises import ORIGIN_CANDIDATES, TRACED_CLAIM, original_source, rewrite_experts, warning_signs
from .exit_ticket import exit_ticket
from .tables import attribution_table_html, attribution_tables, sources_summary_html, warning_signs_html
from .warning_signs import NAME_PROBLEMS, RELABELLED_SIGN, SIGN_LABELS, WARNING_ARTICLE, warning_signs_in
from .wording import CLASS_LABELS

CHAPTER = ChapterExercises(
    chapter="attribution", title="Who said it?",
    build=(original_source, classify_sources, warning_signs, fix_names, rewrite_experts),
    exit_ticket=exit_ticket,
)

__all__ = [
    "attribution_table_html", "attribution_tables", "CHAPTER", "CLASS_COLOURS", "CLASS_LABELS", "CLASSIFY_CLAIMS",
    "classify_sources", "fix_names", "NAME_FIXES", "NAME_PROBLEMS", "ORIGIN_CANDIDATES", "original_source",
    "RELABELLED_SIGN", "rewrite_experts", "SIGN_LABELS", "sources_chart", "sources_summary_html", "TRACED_CLAIM",
    "WARNING_ARTICLE", "warning_signs", "warning_signs_html", "warning_signs_in",
]
