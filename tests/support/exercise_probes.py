"""Answers to try on any exercise, derived from the exercise itself: right, wrong, and malformed."""

from __future__ import annotations

from exercises.kinds import MAX_CHOSEN_ITEMS, MAX_INPUT_LENGTH, MAX_KEY_LENGTH, REFLECTION_LIMIT, Exercise

#: The review's input that took 20 s to refuse: a digit, 100,000 spaces and a letter.
PADDED_NUMBER = "1" + " " * 100_000 + "x"
#: Text that is not a number; "-0" is a number (zero) and is answered as one, so it is not here.
MALFORMED_TEXT = ["", "   ", "x" * 10_000, "NaN", "inf", "-inf", "-5", "1e309", "\U0001F600", "<script>alert(1)</script>",
                  "5,6,7", "$", "--5", "five", "57 days and more", "\u2248", "1" * 400, "0x1A", "\u0665\u0667",
                  PADDED_NUMBER, " " * (MAX_INPUT_LENGTH + 1), "57" + " " * MAX_INPUT_LENGTH,
                  "\U0001F600" * (MAX_INPUT_LENGTH // 2 + 1)]
#: A key longer than any option's: refused as no option, before it is compared with any.
LONG_KEY = "k" * (MAX_KEY_LENGTH + 1)


def right_answer(exercise: Exercise):
    return exercise.correct_answer()


def wrong_answers(exercise: Exercise) -> list:
    """Every wrong option (choices), one wrong arrangement (matching, ordering), numbers just past the tolerance."""
    kind = exercise.kind
    if kind == "single":
        return [o.key for o in exercise.options if o.key not in exercise.accepted_answers()]
    if kind == "multiple":
        settled = [key for key in exercise.correct_answer() if key not in exercise.either]
        wrong = [[o.key] for o in exercise.options if o.key not in exercise.correct and o.key not in exercise.either]
        missing_one = [key for key in exercise.correct_answer() if settled and key != settled[0]]
        return wrong + ([missing_one] if missing_one and settled else [])
    if kind == "number" and exercise.month:  # a day of the month: whole days just outside the tolerance
        a, t = exercise.answer, exercise.tolerance
        days = [d for d in (int(a + t) + 1, int(a - t) - 1 if a - t == int(a - t) else int(a - t)) if 1 <= d <= 28]
        return [str(d) for d in days] + [f"{trap.value:.12g}" for trap in exercise.traps]
    if kind == "number":
        a, t = exercise.answer, exercise.tolerance
        edges = [a + t * 1.01, a - t * 1.01, a * 3, a / 3]
        return [f"{v:.12g}" for v in edges] + [f"{trap.value:.12g}" for trap in exercise.traps]
    if kind == "matching":
        correct = exercise.correct_answer()
        answers = []
        for option in exercise.options:
            answer = {row: option.key for row in correct}
            if any(option.key not in exercise.accepted(row) for row in correct):
                answers.append(answer)
        return answers
    if kind == "ordering":
        order = exercise.correct_answer()
        return [list(reversed(order)), order[1:] + order[:1]]
    if kind == "reflection":
        return [exercise.original]
    if kind == "code":
        return [lambda hours, gpus: hours / gpus, lambda hours, gpus: 1 / 0]
    raise AssertionError(f"no probes for {kind}")


def accepted_alternatives(exercise: Exercise) -> list:
    """Answers other than the main one that the evidence supports (``also`` and ``either``): all correct."""
    if exercise.kind == "single":
        return exercise.accepted_answers()[1:]
    if exercise.kind == "multiple":
        return [sorted(set(exercise.correct_answer()) ^ {key}) for key in exercise.either]
    if exercise.kind == "matching":
        return [{**exercise.correct_answer(), row: option} for row, option, _ in exercise.also]
    return []


def readable_variants(exercise: Exercise) -> list[str]:
    """The right number written other ways people write it: digit groups with spaces, a scale word, a date."""
    if exercise.kind != "number":
        return []
    if exercise.month:
        year, month = (int(p) for p in exercise.month.split("-"))
        import datetime
        day = datetime.date(year, month, round(exercise.answer))
        return [f"{day.day} {day:%B}", f"{day:%B} {day.day}", f"{day:%A} {day.day} {day:%B}", f"{day.day}th",
                day.isoformat(), f"{day:%a} {day.day} {day:%b} {year}"]
    variants = []
    if exercise.answer >= 1000:  # digit groups with spaces, in the field's own unit
        variants.append(f"{exercise.answer:,.4f}".rstrip("0").rstrip(".").replace(",", " "))
    value = exercise.answer * exercise.scale  # with a scale word, read against the field's unit
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if value >= size:
            variants.append(f"{value / size:.8g} {word}")
            break
    return variants


def at_tolerance(exercise: Exercise) -> list[str]:
    """Numbers exactly at the edges of the tolerance (still right)."""
    if exercise.kind != "number":
        return []
    a, t = exercise.answer, exercise.tolerance
    if exercise.month:  # whole days only
        return [str(d) for d in range(int(-(-(a - t) // 1)), int((a + t) // 1) + 1)]
    return [repr(a + t * 0.999), repr(a - t * 0.999)]


def malformed_answers(exercise: Exercise) -> list:
    if exercise.kind == "number":
        return MALFORMED_TEXT + [None, 57, ["57"]]
    if exercise.kind == "reflection":
        return ["", "   ", "\u00a0\n", "x" * 10_000, None, 57, ["text"], " " * (REFLECTION_LIMIT + 1),
                "<\x85b>", "<\ufeffb>"]  # white space that Python's \s and JavaScript's \s treat differently
    if exercise.kind == "code":
        return [None, 42, "def cluster_days(): pass"]
    keys = [o.key for o in getattr(exercise, "options", ())] or [i.key for i in getattr(exercise, "items", ())]
    too_many = [keys[0]] * (MAX_CHOSEN_ITEMS + 1)
    if exercise.kind == "single":
        return ["", "no-such-option", None, 3, ["a"], "<script>", LONG_KEY, PADDED_NUMBER]
    if exercise.kind == "multiple":
        return [[], "a", None, ["no-such-option"], [3], {"a": 1}, too_many, [keys[0], LONG_KEY], [PADDED_NUMBER]]
    if exercise.kind == "matching":
        rows = [row.key for row in exercise.rows]
        return [{}, None, [], {"x": "y"}, {row: "no-such-option" for row in rows}, {row: LONG_KEY for row in rows},
                {**{f"extra {n}": keys[0] for n in range(MAX_CHOSEN_ITEMS)}, **{row: keys[0] for row in rows}}]
    if exercise.kind == "ordering":
        return [[], None, keys[:-1], keys[:1] * len(keys), [3] * len(keys), "abc", too_many,
                keys[:-1] + [LONG_KEY]]
    raise AssertionError(exercise.kind)
