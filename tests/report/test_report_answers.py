"""Answers written for people (``answers.py``) and last answers checked again (``catalogue.py``)."""

from __future__ import annotations

import pytest

from exercises.book import all_exercises
from exercises.kinds import Matching, MultipleChoice, NumberQuestion, Ordering, Reflection, SingleChoice
from exercises.progress import canonical_json
from exercises.report.answers import readable_answer
from exercises.report.catalogue import NOT_SAVED, UNKNOWN_EXERCISE, Catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.of_book()


def first(catalogue: Catalogue, kind: type):
    return next(exercise for exercise in catalogue.exercises.values() if isinstance(exercise, kind))


def name(option) -> str:
    return option.short or option.label


def test_the_catalogue_holds_the_book_in_order_with_chapters(catalogue):
    assert list(catalogue.exercises) == [exercise.id for exercise in all_exercises()]
    assert catalogue.chapters["cost-who-estimated"] == "cost"


def test_verdicts_are_the_checkers_and_say_why_when_there_is_none(catalogue):
    single = first(catalogue, SingleChoice)
    assert catalogue.verdict(single.id, single.correct_answer()) == "correct"
    assert catalogue.verdict(single.id, single.sample_wrong_answers()[0]) == "incorrect"
    assert catalogue.verdict(single.id, None) == "invalid"
    assert catalogue.verdict("no-such-exercise", "a") == UNKNOWN_EXERCISE
    assert catalogue.verdict("cost-code-days", None) == NOT_SAVED
    assert catalogue.feedback("cost-code-days", None) is None


def test_choices_are_written_as_their_labels(catalogue):
    single, multiple = first(catalogue, SingleChoice), first(catalogue, MultipleChoice)
    assert readable_answer(single, single.options[1].key) == name(single.options[1])
    keys = [option.key for option in multiple.options[:2]]
    assert readable_answer(multiple, keys) == "; ".join(name(option) for option in multiple.options[:2])


def test_an_order_and_a_matching_are_written_as_their_labels(catalogue):
    ordering, matching = first(catalogue, Ordering), first(catalogue, Matching)
    assert readable_answer(ordering, ordering.correct_answer()) == " → ".join(
        name(next(item for item in ordering.items if item.key == key)) for key in ordering.correct_answer())
    row, option = matching.rows[0], matching.options[0]
    assert readable_answer(matching, {row.key: option.key}) == f"{name(row)}: {name(option)}"


def test_typed_answers_are_shown_as_typed(catalogue):
    assert readable_answer(first(catalogue, NumberQuestion), "5 576 000") == "5 576 000"
    assert readable_answer(first(catalogue, Reflection), "<b>my version</b>") == "<b>my version</b>"


@pytest.mark.parametrize("answer", [None, 3, ["no-such-option"], {"x": 1}, "no-such-option", []])
def test_an_answer_of_another_shape_is_its_json(catalogue, answer):
    for kind in (SingleChoice, MultipleChoice, Ordering, Matching):
        shown = readable_answer(first(catalogue, kind), answer)
        assert shown in (canonical_json(answer), answer), (kind, answer)
    assert readable_answer(None, {"b": [1, 2], "a": True}) == '{"a":true,"b":[1,2]}'
