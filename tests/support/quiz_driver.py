"""Drive the book's static quizzes in a Playwright page as a learner would: read the specs, answer, check."""

from __future__ import annotations

from support.exercise_probes import right_answer, wrong_answers
from exercises.book import all_exercises

#: Every exercise by id, built once (building one by id builds those before it).
EXERCISES = {exercise.id: exercise for exercise in all_exercises()}


def static_specs(page) -> list[dict]:
    """The spec of every static quiz on the page, as the page carries it."""
    return page.evaluate("() => [...document.querySelectorAll('.kit-exercise[data-exercise]')]"
                         ".map(s => JSON.parse(s.dataset.exercise))")


def answer_in_page(page, section, exercise, answer) -> None:
    """Give an answer through the page's own controls, as a learner would."""
    kind = exercise.kind
    if kind == "single":
        section.locator(f"input[value='{answer}']").check()
    elif kind == "multiple":
        for box in section.locator("input[type=checkbox]").all():
            box.set_checked(box.get_attribute("value") in answer)
    elif kind == "number":
        section.locator("input.kit-number").fill(answer)
    elif kind == "matching":
        for select in section.locator("select[data-row]").all():
            row = select.get_attribute("data-row").strip('"')
            select.select_option(answer.get(row, ""))
    elif kind == "ordering":
        selects = section.locator("select[data-position]").all()
        for select, key in zip(selects, answer):
            select.select_option(key)
    elif kind == "reflection":
        section.locator("textarea").fill(answer)


def answer_every_quiz(page, which: str) -> list[str]:
    """Answer every checkable quiz on the page ``"wrong"`` or ``"right"``, press Check, open what unfolds.

    After a wrong answer a hint unfolds and "Show answer" appears; every hint and answer is opened, so that
    the page shows every state a learner can reach. Returns the ids of the quizzes answered.
    """
    answered = []
    for spec in static_specs(page):
        exercise = EXERCISES[spec["id"]]
        if exercise.kind == "code":
            continue
        section = page.locator(f"#exercise-{spec['id']}")
        answer = wrong_answers(exercise)[0] if which == "wrong" else right_answer(exercise)
        answer_in_page(page, section, exercise, answer)
        # Each wrong try unfolds one more hint: try as often as there are hints, so that all are open.
        for _ in range(max(1, len(exercise.hints)) if which == "wrong" else 1):
            section.locator("button.kit-check").click()
        answered.append(spec["id"])
    page.evaluate("() => document.querySelectorAll('.kit-exercise details').forEach(d => { d.open = true; })")
    return answered
