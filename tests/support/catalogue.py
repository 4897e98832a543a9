"""The book's exercises built once per test session, for the modules that list them when pytest collects them.

Test modules that parametrise over every exercise used to build all forty on import, each its own time (about
1.5 s each). They are built here once instead, from the kit's own data, exactly as each module built them: before
any test runs, so before any test edits the data. The exercises are frozen dataclasses and each call returns a new
list, so no test can change what another sees. A test that edits the data (the ``data_copy`` fixture) must not use
these: it builds fresh exercises after ``clear_caches()`` with ``exercises.book.all_exercises()`` or
``exercise_by_id()``.
"""

from __future__ import annotations

from functools import cache

from exercises.book import all_exercises
from exercises.kinds import Exercise


@cache
def _built_once() -> tuple[Exercise, ...]:
    return tuple(all_exercises())


def book_exercises() -> list[Exercise]:
    """Every exercise in the book, in reading order, as built from the kit's own data (a new list each call)."""
    return list(_built_once())
