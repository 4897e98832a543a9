"""The static quizzes in Chromium: same verdicts as the Python checkers, and usable through their UI."""

from __future__ import annotations

import random

import pytest

from support.exercise_probes import (
    accepted_alternatives, at_tolerance, malformed_answers, readable_variants, right_answer, wrong_answers,
)
from exercises.book import CHAPTERS
from exercises.static_html import score_text
from support.answer_texts import visible_text
from support.quiz_driver import EXERCISES, answer_in_page, static_specs

pytestmark = pytest.mark.browser

CHAPTER_PAGES = [f"book/{chapter.chapter}.html" for chapter in CHAPTERS]


@pytest.fixture(scope="module", params=CHAPTER_PAGES)
def quiz_page(request, browser, book_server):
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(book_server + request.param, wait_until="networkidle")
    page.dialogs = dialogs
    yield page
    page.close()


def fuzz_strings(count: int, seed: int) -> list[str]:
    """Random short strings built from the characters number parsing cares about, and some it does not."""
    rng = random.Random(seed)
    pieces = list("0123456789.,$%~+- ") + ["\u2248", "\u00a0", "\t", "k", "M", "bn", " million", " days", "US$",
                                           "USD ", "about ", "\U0001F600", "\u0665", "é", "K", "\u212a", "<b>", "e"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(count)]


def test_every_exercise_on_the_page_is_in_the_book(quiz_page):
    specs = static_specs(quiz_page)
    assert specs, "no static quiz on the page"
    for spec in specs:
        assert EXERCISES[spec["id"]].spec() == spec


def test_python_and_the_static_quiz_agree(quiz_page):
    disagreements = []
    for spec in static_specs(quiz_page):
        exercise = EXERCISES[spec["id"]]
        answers = [right_answer(exercise), *wrong_answers(exercise), *at_tolerance(exercise),
                   *accepted_alternatives(exercise), *readable_variants(exercise), *malformed_answers(exercise)]
        if exercise.kind in ("number", "reflection"):
            answers += fuzz_strings(300, seed=len(spec["id"]))
        if spec.get("watch_words"):
            answers += wordy_strings(spec["watch_words"], 200, seed=len(spec["id"]))
        results = quiz_page.evaluate("([spec, answers]) => answers.map(a => window.KitQuiz.check(spec, a))",
                                     [spec, answers])
        for answer, in_browser in zip(answers, results):
            in_python = exercise.check(answer).as_dict()
            if in_python != in_browser:
                disagreements.append((spec["id"], answer if len(repr(answer)) < 80 else repr(answer)[:80],
                                      in_python, in_browser))
    assert disagreements == []


def wordy_strings(words: list[str], count: int, seed: int) -> list[str]:
    """Random texts made of watched words, their pieces, case changes, apostrophes and punctuation."""
    rng = random.Random(seed)
    pieces = [*words, *(w[1:] for w in words), *(w.upper() for w in words), " ", " ", "-", "'", "\u2019", ".",
              "un", "s", "\u00e9", "\U0001F600", "\n", "$6"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(count)]


def feedback_of(section) -> str:
    return " ".join(section.locator(".kit-feedback").inner_text().split())


def expected_text(feedback) -> str:
    return " ".join(" ".join([feedback.message, *feedback.details]).split())


def test_each_quiz_answered_right_and_wrong_shows_the_matching_feedback(quiz_page):
    for spec in static_specs(quiz_page):
        exercise = EXERCISES[spec["id"]]
        section = quiz_page.locator(f"#exercise-{spec['id']}")
        for answer in [wrong_answers(exercise)[0], right_answer(exercise)]:
            answer_in_page(quiz_page, section, exercise, answer)
            section.locator("button.kit-check").click()
            assert feedback_of(section) == expected_text(exercise.check(answer)), spec["id"]
        if exercise.hints and exercise.check(wrong_answers(exercise)[0]).verdict == "incorrect":
            assert section.locator(".kit-hints li:not([hidden])").count() >= 1, "a hint unfolds after a wrong try"


def test_number_quiz_works_from_the_keyboard_and_shows_input_as_text(quiz_page):
    numbers = [s for s in static_specs(quiz_page) if s["kind"] == "number"]
    for spec in numbers:
        exercise = EXERCISES[spec["id"]]
        field = quiz_page.locator(f"#exercise-{spec['id']} input.kit-number")
        field.focus()
        field.fill("<script>alert(1)</script><img src=x onerror=alert(2)>")
        quiz_page.keyboard.press("Enter")
        section = quiz_page.locator(f"#exercise-{spec['id']}")
        assert section.locator(".kit-feedback").get_attribute("data-verdict") == "invalid"
        assert section.locator(".kit-feedback script, .kit-feedback img").count() == 0
        assert field.input_value().startswith("<script>"), "the learner's input is kept"
        field.fill(right_answer(exercise))
        quiz_page.keyboard.press("Enter")
        assert section.locator(".kit-feedback").get_attribute("data-verdict") == "correct"
        assert section.locator(".kit-feedback").get_attribute("role") == "status"
    assert quiz_page.dialogs == []


def test_show_answer_appears_after_a_first_attempt_and_reveals_the_answer_and_its_source(quiz_page):
    quiz_page.evaluate("() => localStorage.clear()")  # earlier tests' answers would come back (quiz/progress.js)
    quiz_page.reload()
    for spec in static_specs(quiz_page):
        exercise = EXERCISES[spec["id"]]
        section = quiz_page.locator(f"#exercise-{spec['id']}")
        details = section.locator("details.kit-answer")
        assert not details.is_visible(), f"{spec['id']}: the answer is offered before any attempt"
        section.locator("button.kit-check").click()  # an empty answer is not an attempt
        assert not details.is_visible(), f"{spec['id']}: an empty answer revealed the answer"
        answer_in_page(quiz_page, section, exercise, wrong_answers(exercise)[0])
        section.locator("button.kit-check").click()
        assert details.is_visible(), f"{spec['id']}: no Show answer after an attempt"
        details.locator("summary").focus()
        quiz_page.keyboard.press("Enter")
        text = " ".join(details.inner_text().split())
        assert visible_text(exercise.answer_html()) in text  # a matching or ordering answer is a table
        assert details.locator(".kit-source a").count() >= 1


def test_code_exercises_show_task_launch_link_and_collapsed_solution(quiz_page):
    sections = quiz_page.locator(".kit-exercise.kit-kind-code").all()
    assert sections or all(EXERCISES[s["id"]].kind != "code" for s in static_specs(quiz_page))
    for section in sections:
        link = section.locator("a.kit-launch")
        assert link.get_attribute("href").startswith("https://mybinder.org/v2/gh/")
        assert section.locator("details.kit-solution").get_attribute("open") is None
        assert "def " in section.locator("details.kit-solution pre").text_content()


# --- the weight explorer --------------------------------------------------------------------------------

def explorer_specs(page) -> list[dict]:
    return page.evaluate("() => [...document.querySelectorAll('.kit-explorer[data-explorer]')]"
                         ".map(s => JSON.parse(s.dataset.explorer))")


def page_explorer(spec):
    from exercises.chapters.hype import EXPLORERS
    return next(make() for make in EXPLORERS if make().id == spec["id"])


def test_explorer_ranks_like_python_for_random_weights(quiz_page):
    for spec in explorer_specs(quiz_page):
        explorer = page_explorer(spec)
        assert explorer.spec() == spec
        rng = random.Random(3)
        steps = int(round((explorer.maximum - explorer.minimum) / explorer.step))
        trials = [{w["key"]: explorer.minimum + rng.randint(0, steps) * explorer.step for w in spec["weights"]}
                  for _ in range(200)]
        trials += [{w["key"]: 0.0 for w in spec["weights"]}, explorer.defaults()]
        in_browser = quiz_page.evaluate(
            "([spec, trials]) => trials.map(w => [window.KitQuiz.explorerRanking(spec, w),"
            " Object.fromEntries(Object.entries(window.KitQuiz.explorerScores(spec, w))"
            ".map(([k, v]) => [k, window.KitQuiz.scoreText(v)]))])", [spec, trials])
        for weights, (ranking, shown) in zip(trials, in_browser):
            scores = explorer.scores(weights)
            assert ranking == explorer.ranking(weights), weights
            assert shown == {key: score_text(value) for key, value in scores.items()}, weights


def test_explorer_sliders_work_from_the_keyboard_and_reset(quiz_page):
    for spec in explorer_specs(quiz_page):
        explorer = page_explorer(spec)
        section = quiz_page.locator(f"#explorer-{spec['id']}")
        rows = lambda: [" ".join(r.inner_text().split()) for r in section.locator("tbody tr").all()]  # noqa: E731
        before = rows()
        first = spec["weights"][0]
        slider = section.locator(f"input[data-weight='{first['key']}']")
        slider.focus()
        quiz_page.keyboard.press("Home")
        weights = {**explorer.defaults(), first["key"]: explorer.minimum}
        expected = [explorer.label_of(key) for key in explorer.ranking(weights)]
        assert [row.split(" ", 1)[1].rsplit(" ", 1)[0] for row in rows()] == expected
        assert section.locator("output").first.inner_text() == f"{explorer.minimum:.1f}"
        assert section.locator(".kit-ranking-status").inner_text().strip() != ""
        section.locator("button[type=reset]").click()
        quiz_page.wait_for_function("([id, rows]) => [...document.querySelectorAll(`#explorer-${id} tbody tr`)]"
                                    ".map(r => r.innerText.split(/\\s+/).join(' ')).join('|') === rows",
                                    arg=[spec["id"], "|".join(before)])
