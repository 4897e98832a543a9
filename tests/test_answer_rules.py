"""The exercise model's rules for fair keys and readable answers, on small made-up exercises.

Keys that follow the evidence (``also`` and ``either``), number fields that read scale words against the
field's unit, digit groups separated by spaces and days typed as dates, rewrites that must keep the
sentence's content, feedback that names only the loaded words present, and "Show answer" only after a
first attempt. The static quiz script mirrors each rule; the browser tests compare both on every exercise.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.formatting import round_significant, scaled, trim, usd, usd_styled
from exercises.model import (
    Criterion, Matching, MultipleChoice, NumberQuestion, Option, Reflection, SingleChoice,
)
from exercises.number_input import parse_day_answer, parse_number_answer

BASE = dict(title="t", prompt="p", explanation="e", sources=())
VERDICT_OPTIONS = tuple(Option(key=v, label=v) for v in ("accurate", "rounded", "conflated"))


def test_single_choice_accepts_the_options_the_evidence_also_supports():
    exercise = SingleChoice(id="s", options=VERDICT_OPTIONS, correct="rounded", also=frozenset({"conflated"}), **BASE)
    assert [exercise.check(k).verdict for k in ("rounded", "conflated", "accurate")] == ["correct", "correct", "incorrect"]
    assert exercise.answer_text() == "rounded (also right: conflated)"


def test_matching_accepts_also_answers_and_says_why_the_main_one_comes_first():
    exercise = Matching(id="m", rows=(Option("r1", "003 ¶5"), Option("r2", "004 ¶9")), options=VERDICT_OPTIONS,
                        correct=(("r1", "rounded"), ("r2", "accurate")),
                        also=(("r1", "conflated", "To build stretches the scope."),), **BASE)
    feedback = exercise.check({"r1": "conflated", "r2": "accurate"})
    assert feedback.verdict == "correct"
    assert feedback.details == ("003 ¶5: “conflated” is right too. To build stretches the scope.",)
    assert exercise.check({"r1": "accurate", "r2": "accurate"}).verdict == "incorrect"
    assert exercise.accepted("r1") == ["rounded", "conflated"]
    assert "rounded (also right: conflated)" in exercise.answer_text()


def test_multiple_choice_either_way_options_do_not_decide_the_verdict():
    options = tuple(Option(k, k.upper(), feedback=f"why {k}") for k in "abc")
    exercise = MultipleChoice(id="x", options=options, correct=frozenset({"a"}), either=frozenset({"b"}), **BASE)
    assert exercise.check(["a"]).verdict == "correct"
    assert exercise.check(["a", "b"]).verdict == "correct"
    assert exercise.check(["a", "b"]).details == ("Either answer is fair for: B. why b",)
    assert exercise.check(["b"]).verdict == "incorrect"
    assert exercise.check(["a", "c"]).verdict == "incorrect"


@pytest.mark.parametrize("typed", ["3470", "3,470", "3 470", "3,470 billion", "3470 bn", "3.47 trillion",
                                   "$3.47 trillion", "3,470,000 million", "about 3.47tn"])
def test_a_scale_word_is_read_against_the_fields_unit(typed):
    assert parse_number_answer(typed, ("billions",), 1e9) == (3470.0, None)


@pytest.mark.parametrize(("typed", "value"), [("5 576 000", 5_576_000), ("5\u00a0576\u00a0000", 5_576_000),
                                              ("2 048", 2048), ("1 234,5", 1234.5), ("12 345.25", 12345.25)])
def test_digit_groups_separated_by_spaces_are_read(typed, value):
    assert parse_number_answer(typed) == (value, None)


def test_a_space_that_does_not_group_thousands_is_not_read_as_one():
    assert parse_number_answer("12 34")[0] is None


@pytest.mark.parametrize("typed", ["25", "25th", "25 January", "January 25", "Jan. 25th", "Saturday 25 January",
                                   "Sat 25 Jan 2025", "2025-01-25", "25/1", "1/25", "the 25th of January"])
def test_a_day_typed_as_a_date_is_read(typed):
    assert parse_day_answer(typed, 2025, 1) == (25.0, None)


@pytest.mark.parametrize(("typed", "says"), [("25 February", "asks for a day in January"), ("32", "days 1 to 31"),
                                             ("Saturday", "Type the day"), ("25 apples", "Type the day"),
                                             ("", "Type a number first")])
def test_a_day_that_cannot_be_read_gets_a_specific_message(typed, says):
    value, message = parse_day_answer(typed, 2025, 1)
    assert value is None and says in message


def test_a_day_question_labels_its_field_with_the_month_and_takes_dates():
    exercise = NumberQuestion(id="d", answer=25, tolerance=0.5, month="2025-01", **BASE)
    assert exercise.unit_label() == "day of January 2025"
    assert exercise.check("Saturday 25 January").verdict == "correct"
    assert exercise.check("27 January").message == "Too high."


REWRITE = Reflection(id="r", original="Industry experts estimate the company's AI model cost at a mere $6 million.",
                     criteria=(Criterion("loaded", "No loaded words left.", "Take out {found}.",
                                         none_of=("a mere", "staggering")),), **BASE)


@pytest.mark.parametrize("typed", ["asdf qwerty", "!!!!!", "...", "a b c d", "lorem ipsum dolor sit amet"])
def test_a_rewrite_that_keeps_nothing_of_the_sentence_gets_a_request_not_praise(typed):
    feedback = REWRITE.check(typed)
    assert feedback.verdict == "invalid" and "does not read as a version of the sentence" in feedback.message


@pytest.mark.parametrize("typed", ["<img src=x onerror=alert(1)>", "<script>alert(1)</script> model cost $6 million",
                                   "&lt;b&gt; experts"])
def test_markup_gets_a_request_for_plain_sentences(typed):
    assert REWRITE.check(typed).message.startswith("Write your version as plain sentences")


def test_feedback_names_only_the_loaded_words_the_text_contains():
    feedback = REWRITE.check("DeepSeek says the model cost a mere $5.6 million.")
    assert feedback.details == ("Take out “a mere”.",)
    assert REWRITE.check("DeepSeek says the model cost $5.6 million.").details == ("No loaded words left.",)


@pytest.mark.parametrize(("value", "digits", "text"), [
    (60, 0, "60"), (10_760, 0, "10,760"), (0, 0, "0"), (0, 3, "0"), (-0.0001, 2, "0"), (-5.5, 1, "-5.5"),
    (-100, 0, "-100"), (2.50, 3, "2.5"), (1_234_567.891, 2, "1,234,567.89"), (1e15, 0, "1,000,000,000,000,000")])
def test_trim_keeps_whole_numbers_and_drops_only_decimal_zeros(value, digits, text):
    assert trim(value, digits) == text


def test_scaled_and_usd_on_zeros_negatives_and_large_scales():
    assert scaled(0) == "0" and usd(0) == "$0"
    assert scaled(-589e9) == "-589 billion" and usd(5_576_000) == "$5.576 million"
    assert scaled(60e9) == "60 billion" and scaled(1e15) == "1,000 trillion"
    assert scaled(2_048) == "2,048" and scaled(2_048, smallest=1e3) == "2.048 thousand"
    assert usd_styled(5_576_000, "M") == "$5.58M" and usd_styled(60e9, "bn") == "$60bn"
    assert round_significant(5_576_000, 1) == 6_000_000 and round_significant(0, 2) == 0


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_trim_of_a_whole_number_reads_back_as_the_same_number(value):
    assert int(trim(value, 0).replace(",", "")) == value


def test_the_widget_offers_the_answer_only_after_a_first_attempt():
    from exercises.widgets import ExerciseWidget

    widget = ExerciseWidget(SingleChoice(id="s", options=VERDICT_OPTIONS, correct="rounded", **BASE))
    assert widget.answer_button.layout.display == "none"
    widget._on_check()  # nothing chosen: not an attempt
    assert widget.answer_button.layout.display == "none"
    widget.inputs["choice"].value = "accurate"
    widget._on_check()
    assert widget.answer_button.layout.display is None


def test_the_right_amount_written_out_in_full_is_right_in_a_scaled_field():
    exercise = NumberQuestion(id="b", answer=3470, tolerance=35, unit_words=("billions",), scale=1e9, **BASE)
    feedback = exercise.check("$3,470,000,000,000")
    assert feedback.verdict == "correct" and "written out in full" in feedback.details[0]
    assert exercise.check("3470000").message.startswith("The digits look right")  # millions in a billions field
