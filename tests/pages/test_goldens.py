"""Golden files: the static HTML of the first exercise of each kind, and the analyser's JSON for each seed article.

Each output is compared byte for byte with its file under ``tests/goldens/``. When a change to one is intended,
regenerate them with ``python -m pytest tests/pages/test_goldens.py --update-goldens`` and review ``git diff tests/goldens``.
Fast: nothing is built.
"""

from __future__ import annotations

import csv
from functools import lru_cache

import pytest

from support.paths import REPO_ROOT
from exercises.book import all_exercises
from exercises.static_html import exercise_html
from solutions.analyser.cli import analyze_text, read_text_file, to_json

#: Every exercise kind the book uses; each has a golden file ``static_html/<kind>.html``.
KINDS = ("single", "multiple", "number", "matching", "ordering", "reflection", "code")
SEEDS = REPO_ROOT / "seeds"


@lru_cache(maxsize=None)
def first_exercise_of_each_kind() -> dict:
    """The first exercise of each kind in reading order, by kind."""
    first = {}
    for exercise in all_exercises():
        first.setdefault(exercise.kind, exercise)
    return first


def seed_articles() -> list[tuple[str, str]]:
    """``(article id, file name)`` of each seed article, from ``seeds/articles.csv``."""
    with open(SEEDS / "articles.csv", encoding="utf-8", newline="") as table:
        return [(row["id"], row["file"]) for row in csv.DictReader(table)]


def test_every_kind_in_the_book_has_a_golden():
    assert sorted(first_exercise_of_each_kind()) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_static_html_of_the_first_exercise_of_each_kind_matches_its_golden(kind, golden):
    golden(f"static_html/{kind}.html", exercise_html(first_exercise_of_each_kind()[kind]))


@pytest.mark.parametrize("article_id, file_name", seed_articles(), ids=[id_ for id_, _ in seed_articles()])
def test_analyser_json_for_each_seed_article_matches_its_golden(article_id, file_name, golden):
    # What `python -m solutions analyze --json seeds/<file>` prints to a UTF-8 terminal, made in-process.
    printed = to_json(analyze_text(read_text_file(str(SEEDS / file_name)))) + "\n"
    golden(f"analysis/{article_id}.json", printed)
