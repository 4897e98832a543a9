"""Drive the book's static quizzes in a Playwright page as a learner would: read the specs, answer, check.

An answer goes in through the kind's own script: ``answer_in_page`` calls its ``fill`` (quick: controls set with
their input and change events), ``answer_by_hand`` asks ``fill`` what to set, then clicks, chooses and types.
Neither knows any kind, so a new kind needs nothing here.
"""

from __future__ import annotations

from support.exercise_probes import right_answer, wrong_answers
from support.catalogue import book_exercises

#: Every exercise by id, built once (building one by id builds those before it).
EXERCISES = {exercise.id: exercise for exercise in book_exercises()}


def static_specs(page) -> list[dict]:
    """The spec of every static quiz on the page, as the page's script reads it (decoded in the student edition)."""
    return page.evaluate("() => [...document.querySelectorAll('.kit-exercise[data-exercise]')]"
                         ".map(s => window.KitQuiz.spec(s))")


def answer_in_page(page, section, exercise, answer) -> None:  # noqa: ARG001 - the page and exercise are the callers'
    """Put an answer in the quiz's controls with its kind's own ``KitQuiz.fill``, as a learner would set them."""
    section.evaluate("(section, answer) => window.KitQuiz.fill(section, window.KitQuiz.spec(section), answer)",
                     answer)


#: The state each control of a quiz would have with an answer: the kind's ``fill`` sets a copy of the quiz made for
#: the purpose (outside the page, with no listeners), whose controls are then read in document order.
WANTED_STATES = """(section, answer) => {
  const copy = section.cloneNode(true);
  window.KitQuiz.fill(copy, window.KitQuiz.spec(section), answer);
  return [...copy.querySelectorAll('input, select, textarea')]
    .map(c => c.type === 'radio' || c.type === 'checkbox' ? c.checked : c.value);
}"""


def answer_by_hand(page, section, exercise, answer) -> None:  # noqa: ARG001 - same arguments as answer_in_page
    """Give an answer with real clicks, menu choices and typing in the quiz's controls, whatever its kind.

    The kind's ``fill`` says which state each control should have (see ``WANTED_STATES``); each box that
    differs is clicked, each menu chosen and each text field typed into, as a learner would.
    """
    wanted = section.evaluate(WANTED_STATES, answer)
    for control, state in zip(section.locator("input, select, textarea").all(), wanted):
        control_type = control.evaluate("c => c.type")
        if control_type in ("radio", "checkbox"):
            if state != control.is_checked() and (state or control_type == "checkbox"):
                control.click()  # a radio button is unticked by ticking another
        elif control_type.startswith("select"):
            control.select_option(state)
        else:
            control.fill(state)


def answer_every_quiz(page, which: str) -> list[str]:
    """Answer every checkable quiz on the page ``"wrong"`` or ``"right"`` by hand, press Check, open what unfolds.

    After a wrong answer a hint unfolds and "Show answer" appears; every hint and answer is opened, so that
    the page shows every state a learner can reach. Returns the ids of the quizzes answered.
    """
    answered = []
    for spec in static_specs(page):
        exercise = EXERCISES[spec["id"]]
        if not exercise.runs_in_browser:
            continue
        section = page.locator(f"#exercise-{spec['id']}")
        answer = wrong_answers(exercise)[0] if which == "wrong" else right_answer(exercise)
        answer_by_hand(page, section, exercise, answer)
        # Each wrong try unfolds one more hint: try as often as there are hints, so that all are open.
        for _ in range(max(1, len(exercise.hints)) if which == "wrong" else 1):
            section.locator("button.kit-check").click()
        shown = section.locator(".kit-feedback").get_attribute("data-verdict")
        assert shown == exercise.check(answer).verdict, (spec["id"], answer, shown)
        answered.append(spec["id"])
    page.evaluate("() => document.querySelectorAll('.kit-exercise details').forEach(d => { d.open = true; })")
    return answered
