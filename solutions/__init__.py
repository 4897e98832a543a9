"""Pure, tested functions that compute every answer in the kit.

The exercises and chapters get their correct answers from here, and teachers can use the same
functions on articles of their own. This package never imports :mod:`exercises`.
"""

from .articles import article_ids, article_paragraphs, article_text, load_articles, split_paragraphs
from .facts import fact, load_facts, locate_wording

__all__ = [
    "article_ids",
    "article_paragraphs",
    "article_text",
    "fact",
    "load_articles",
    "load_facts",
    "locate_wording",
    "split_paragraphs",
]
