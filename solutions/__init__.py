"""Pure, tested functions that compute every answer in the kit.

The exercises and chapters get their correct answers from here, and teachers can use the same
functions on articles of their own. This package never imports :mod:`exercises`.
"""

from solutions.data.articles import article_ids, article_paragraphs, article_text, load_articles, split_paragraphs
from solutions.chapters.arithmetic import (
    classify_against_reference, cost_from_gpu_hours, gpu_hours_from_cost, relative_difference, wall_clock_days,
)
from solutions.data.facts import fact, load_facts, locate_wording
from solutions.analyser.figures import extract_figures
from solutions.data.ledger import seed_ledger
from solutions.analyser.numbers import read_figure

__all__ = [
    "article_ids",
    "article_paragraphs",
    "article_text",
    "classify_against_reference",
    "cost_from_gpu_hours",
    "extract_figures",
    "fact",
    "gpu_hours_from_cost",
    "load_articles",
    "load_facts",
    "locate_wording",
    "read_figure",
    "relative_difference",
    "seed_ledger",
    "split_paragraphs",
    "wall_clock_days",
]
