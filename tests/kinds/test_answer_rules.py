"""The exercise model's rules for fair keys and readable answers, on small made-up exercises.

Keys that follow the evidence (``also`` and ``either``), number fields that read scale words against the
field's unit, digit groups separated by spaces and days typed as dates, rewrites that must keep the
sentence's content, feedback that names only the loaded words present, and "Show answer" only after a
first attempt. The static quiz script mirrors each rule; the browser tests compare both on every exercise.

The size limits are properties: whatever an answer over a limit holds, it gets the limit's message, and
its length is checked before it is read at all (no timing: a text that fails when read shows the order).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.formatting import round_significant, scaled, trim, usd, usd_styled
from exercises.kinds import (
    LIMITS, MAX_CHOSEN_ITEMS, MAX_KEY_LENGTH, MESSAGES, REFLECTION_LIMIT, Criterion, Matching, MultipleChoice,
    NumberQuestion, Option, Ordering, Reflection, SingleChoice,
)
from exercises.kinds.number_parsing import MAX_INPUT_LENGTH, MAX_LENGTH, SPACE_CHARACTERS, parse_day_answer, parse_number_answer
from exercises.kinds.number_parsing import MESSAGES as NUMBER_MESSAGES

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


@pytest.mark.parametrize("label, shown", [
    ("Article 000 never scores lower.", "Article 000 never scores lower."),
    ("Is it sourced?", "Is it sourced?"),
    ("“the chips arrived.”", "“the chips arrived.”"),
    ("“at a mere $6 million” (000 ¶8)", "“at a mere $6 million” (000 ¶8)."),
    ("B", "B."),
])
def test_multiple_choice_feedback_closes_each_label_with_one_mark(label, shown):
    """A label that already ends a sentence is not given a second full stop ("…lower.. why")."""
    options = (Option("a", label, feedback="Why."), Option("b", "Other", feedback="Because."))
    exercise = MultipleChoice(id="x", options=options, correct=frozenset({"a"}), **BASE)
    assert exercise.check(["b"]).details == (f"You missed: {shown} Why.", "Not this one: Other. Because.")


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
                     model_answer="DeepSeek's own report puts the final training run at about $5.6 million.",
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


# --- every checker limits the size of what it reads before any other work ----------------------------

SPACES = st.sampled_from(list(SPACE_CHARACTERS))
LIMITED_OPTIONS = tuple(Option(key=k, label=k) for k in ("a", "b", "c"))
CHOICE = MultipleChoice(id="x", options=LIMITED_OPTIONS, correct=frozenset({"a"}), **BASE)
ONE = SingleChoice(id="s", options=LIMITED_OPTIONS, correct="a", **BASE)
ROWS = Matching(id="m", rows=(Option("r1", "row 1"), Option("r2", "row 2")), options=LIMITED_OPTIONS,
                correct=(("r1", "a"), ("r2", "b")), **BASE)
ORDER = Ordering(id="o", items=LIMITED_OPTIONS, correct=("a", "b", "c"), **BASE)
TOO_LONG = NUMBER_MESSAGES["too_long"]


class Untouchable(str):
    """Text whose every method fails: a checker may ask only its length (and type) before refusing it."""

    def __getattribute__(self, name):
        raise AssertionError(f"{name} was read before the length was checked")


@given(st.text(max_size=50), st.integers(min_value=MAX_INPUT_LENGTH + 1, max_value=3 * MAX_INPUT_LENGTH), SPACES)
def test_a_number_or_day_longer_than_the_input_limit_is_refused_whatever_it_holds(text, length, space):
    padded = text + space * (length - len(text))
    assert parse_number_answer(padded) == (None, TOO_LONG)
    assert parse_day_answer(padded, 2025, 1) == (None, TOO_LONG)


@given(st.text(alphabet="0123456789.,$ kmbdays~", max_size=40), st.integers(min_value=0, max_value=400), SPACES)
def test_within_the_input_limit_surrounding_space_changes_nothing(text, pad, space):
    padded = space * pad + text + space * pad
    assert len(padded) <= MAX_INPUT_LENGTH
    assert parse_number_answer(padded, ("days",)) == parse_number_answer(text, ("days",))
    assert parse_day_answer(padded, 2025, 1) == parse_day_answer(text, 2025, 1)


@given(st.text(max_size=50), st.integers(min_value=REFLECTION_LIMIT + 1, max_value=2 * REFLECTION_LIMIT), SPACES)
def test_a_reflection_over_the_limit_is_refused_even_when_it_is_only_space(text, length, space):
    padded = text + space * (length - len(text))
    assert REWRITE.check(padded).message == MESSAGES["reflection_too_long"].format(limit=f"{REFLECTION_LIMIT:,}")


@given(st.lists(st.one_of(st.sampled_from(["a", "b", "c"]), st.text(max_size=5), st.none(), st.integers()),
                min_size=MAX_CHOSEN_ITEMS + 1, max_size=3 * MAX_CHOSEN_ITEMS))
def test_a_list_of_more_entries_than_the_limit_is_refused_whatever_it_holds(answer):
    assert CHOICE.check(answer).message == MESSAGES["too_many"]
    assert ORDER.check(answer).message == MESSAGES["order_incomplete"]


@given(st.dictionaries(st.text(max_size=5), st.sampled_from(["a", "b", "c"]), min_size=MAX_CHOSEN_ITEMS + 1,
                       max_size=2 * MAX_CHOSEN_ITEMS))
def test_a_matching_answer_with_more_entries_than_the_limit_is_refused(answer):
    assert ROWS.check({**answer, "r1": "a", "r2": "b"}).message == MESSAGES["too_many"]


@given(st.text(min_size=MAX_KEY_LENGTH + 1, max_size=3 * MAX_KEY_LENGTH))
def test_text_longer_than_any_key_is_no_option(key):
    assert ONE.check(key).message == MESSAGES["unknown_option"]
    assert CHOICE.check(["a", key]).message == MESSAGES["unknown_option"]
    assert ROWS.check({"r1": "a", "r2": key}).message == MESSAGES["unknown_option"]
    assert ORDER.check(["a", "b", key]).message == MESSAGES["order_incomplete"]


def test_huge_answers_are_refused_by_their_size():
    """The review's inputs and their kin: answered by the limit, each with its own message."""
    huge_list, huge_key = ["a"] * 10_000_000, "a" * 10_000_000
    assert CHOICE.check(huge_list).message == MESSAGES["too_many"]
    assert ORDER.check(huge_list).message == MESSAGES["order_incomplete"]
    assert ONE.check(huge_key).message == MESSAGES["unknown_option"]
    assert CHOICE.check([huge_key]).message == MESSAGES["unknown_option"]
    assert ROWS.check({"r1": "a", "r2": huge_key}).message == MESSAGES["unknown_option"]
    assert ORDER.check(["a", "b", huge_key]).message == MESSAGES["order_incomplete"]
    review = "1" + " " * 100_000 + "x"
    assert NumberQuestion(id="n", answer=57, tolerance=1, **BASE).check(review).message == TOO_LONG
    assert NumberQuestion(id="d", answer=25, tolerance=0.5, month="2025-01", **BASE).check(review).message == TOO_LONG


def test_the_length_is_checked_before_the_text_is_read():
    """Text that fails on any method call: refused by its length alone, so nothing longer is trimmed or searched."""
    assert parse_number_answer(Untouchable("1" + " " * MAX_INPUT_LENGTH)) == (None, TOO_LONG)
    assert parse_day_answer(Untouchable(" " * (MAX_INPUT_LENGTH + 1)), 2025, 1) == (None, TOO_LONG)
    assert REWRITE.check(Untouchable(" " * (REFLECTION_LIMIT + 1))).verdict == "invalid"
    assert ONE.check(Untouchable("a" * (MAX_KEY_LENGTH + 1))).message == MESSAGES["unknown_option"]
    assert CHOICE.check(["a", Untouchable("a" * (MAX_KEY_LENGTH + 1))]).message == MESSAGES["unknown_option"]
    assert ORDER.check(["a", "b", Untouchable("c" * (MAX_KEY_LENGTH + 1))]).message == MESSAGES["order_incomplete"]


def test_the_limits_travel_in_every_spec_for_the_static_quiz():
    for exercise in (CHOICE, ONE, ROWS, ORDER, REWRITE):
        assert exercise.spec()["limits"] == LIMITS == {"input": MAX_INPUT_LENGTH, "number": MAX_LENGTH,
                                                      "key": MAX_KEY_LENGTH, "items": MAX_CHOSEN_ITEMS}
    assert REWRITE.spec()["limit"] == REFLECTION_LIMIT
