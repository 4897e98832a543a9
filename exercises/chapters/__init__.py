"""The book's chapters as units, in reading order: each chapter package holds its exercises, tables and charts.

A chapter package (``exercises.chapters.cost`` …) defines ``CHAPTER``, a :class:`ChapterExercises` listing the
builders of its exercises in page order, and exports the names its page uses. Chapters never import one
another; what two of them share lives beside them here (``verdict_options``, ``quotation_marks``).
"""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from . import attribution, cost, downloads, gpus, hype, markets, timeline

CHAPTERS: tuple[ChapterExercises, ...] = (
    cost.CHAPTER,
    gpus.CHAPTER,
    downloads.CHAPTER,
    markets.CHAPTER,
    timeline.CHAPTER,
    attribution.CHAPTER,
    hype.CHAPTER,
)

__all__ = ["CHAPTERS", "ChapterExercises"]
