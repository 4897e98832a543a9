"""The chapter "How loud is it?" as a unit: its exercises, highlighted articles, tables, chart and weight explorer, and
the names its page uses."""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from .charts import CHART_INCHES, per_thousand_chart
from .exercises import (
    CHARTS_CLAIMS, FLAG_CANDIDATES, FOUNDER_CLAIM, OBJECT_WORDS, REWRITE_CLAIM, SOURCE_WORDS, WEIGHTS_CLAIM,
    flagged_phrases, match_categories, rewrite_loud,
)
from .exit_ticket import exit_ticket
from .explorers import EXPLORERS, HEAVIEST, LIGHTEST, weight_explorer
from .highlights import HYPE_CSS, highlight, highlighted_articles_html, hype_style, legend_html
from .tables import categories_table_html, counts_table_html
from .weighing_exercises import REWEIGHED_CATEGORY, per_thousand_question, reweigh, robust_steps
from .wording import article_label, description_examples, mentioned, short_headline, snippet, tag

CHAPTER = ChapterExercises(
    chapter="hype", title="How loud is it?",
    build=(match_categories, flagged_phrases, per_thousand_question, reweigh, robust_steps, rewrite_loud),
    exit_ticket=exit_ticket,
)

__all__ = [
    "article_label", "categories_table_html", "CHAPTER", "CHART_INCHES", "CHARTS_CLAIMS", "counts_table_html",
    "description_examples", "EXPLORERS", "FLAG_CANDIDATES", "flagged_phrases", "FOUNDER_CLAIM", "HEAVIEST", "highlight",
    "highlighted_articles_html", "HYPE_CSS", "hype_style", "legend_html", "LIGHTEST", "match_categories", "mentioned",
    "OBJECT_WORDS", "per_thousand_chart", "per_thousand_question", "reweigh", "REWEIGHED_CATEGORY", "REWRITE_CLAIM",
    "rewrite_loud", "robust_steps", "short_headline", "snippet", "SOURCE_WORDS", "tag", "weight_explorer",
    "WEIGHTS_CLAIM",
]
