"""Progress in the static book (``static/quiz/progress.js`` and the My progress page), in Chromium.

Answers given on two chapters come back after a reload with their feedback, hints and answer; the My progress page
exports a file that Python reads, resets, and imports a file again (its own, Python's, and refuses a broken or
hand-edited one with the message Python gives). Storage that is turned off, full or unreadable gives one message
and the quizzes still check; unreadable data is kept under a backup key. In the student edition a restored answer
reveals nothing before a first counted attempt.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from exercises.book import SECTIONS
from exercises.editions import student_html
from exercises.progress import ExerciseState, ProgressRecord, read_progress, to_json
from exercises.progress.page import FILE_NAME
from exercises.quiz_script import bundle
from exercises.static_html import exercise_html
from support.exercise_probes import right_answer, wrong_answers
from support.quiz_driver import EXERCISES, answer_by_hand

pytestmark = pytest.mark.browser

KEY = "deepseek-headlines-progress/v1"
#: What a learner did on two chapters: (page, exercise id, what), in order.
ACTIONS = [
    ("cost", "cost-who-estimated", "right"),
    ("cost", "cost-paper-arithmetic", "wrong"),
    ("cost", "cost-rewrite", "reflection"),
    ("gpus", "gpus-rounding", "wrong, then the answer"),
    ("gpus", "gpus-hours-ratio", "typed"),
]

#: What the learner sees of an exercise: its controls, feedback, unfolded hints and whether the answer is offered.
SEEN = """section => ({
  controls: [...section.querySelectorAll('input, select, textarea')]
    .map(c => c.type === 'radio' || c.type === 'checkbox' ? c.checked : c.value),
  feedback: section.querySelector('.kit-feedback').innerText.trim(),
  verdict: section.querySelector('.kit-feedback').getAttribute('data-verdict'),
  hints: section.querySelectorAll('.kit-hints li:not([hidden])').length,
  offered: !section.querySelector('.kit-answer').hidden,
})"""

DISABLED_STORAGE = """Object.defineProperty(window, 'localStorage', {configurable: true,
  get() { throw new DOMException('The storage is turned off.', 'SecurityError'); }});"""
FULL_STORAGE = """Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"""


def stored(page) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", KEY) or "null")


def act(page, exercise_id: str, what: str):
    """Do one of ACTIONS on the open page; returns the answer given."""
    exercise, section = EXERCISES[exercise_id], page.locator(f"#exercise-{exercise_id}")
    answer = right_answer(exercise) if what in ("right", "reflection", "typed") else wrong_answers(exercise)[0]
    answer_by_hand(page, section, exercise, answer)
    if what == "typed":
        section.locator("input, textarea").first.blur()
        return answer
    section.locator("button.kit-check").click()
    if what.endswith("the answer"):
        section.locator(".kit-answer summary").click()
    return answer


def statuses(page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries([...document.querySelectorAll('[data-exercise-id]')]"
                         ".map(row => [row.dataset.exerciseId, row.querySelector('.kit-progress-state').innerText]))")


def status_message(page) -> str:
    return " ".join(page.locator(".kit-progress-status").inner_text().split())


def import_file(page, name: str, data: bytes) -> str:
    page.locator(".kit-progress-file").set_input_files({"name": name, "mimeType": "application/json", "buffer": data})
    page.wait_for_function("() => !/^Reading /.test(document.querySelector('.kit-progress-status').textContent)"
                           " && document.querySelector('.kit-progress-status').textContent")
    return status_message(page)


def test_answers_come_back_and_travel_in_a_progress_file(browser, book_server):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    try:
        seen, answers = {}, {}
        for chapter in ("cost", "gpus"):
            page.goto(f"{book_server}book/{chapter}.html", wait_until="load")
            for _, exercise_id, what in (action for action in ACTIONS if action[0] == chapter):
                answers[exercise_id] = act(page, exercise_id, what)
            page.wait_for_function("([key, count]) => Object.keys(JSON.parse(localStorage.getItem(key)).exercises)"
                                   ".length === count", arg=[KEY, len(answers)])
            seen.update({exercise_id: page.locator(f"#exercise-{exercise_id}").evaluate(SEEN)
                         for page_name, exercise_id, _ in ACTIONS if page_name == chapter})
        page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).exercises['gpus-rounding'].answer_shown",
                               arg=KEY)
        states = stored(page)["exercises"]
        assert set(states) == {exercise_id for _, exercise_id, _ in ACTIONS}
        assert [(states[i]["attempts"], states[i]["right_at_first_try"], states[i]["answer_shown"])
                for _, i, _ in ACTIONS] == [(1, True, False), (1, False, False), (1, None, False),
                                            (1, False, True), (0, None, False)]
        for exercise_id, state in states.items():
            assert EXERCISES[exercise_id].check(state["last_answer"]).verdict == \
                EXERCISES[exercise_id].check(answers[exercise_id]).verdict
            assert state["first_seen"] <= state["last_changed"]

        for chapter in ("cost", "gpus"):  # a reload puts every answer, feedback, hint and answer back
            page.goto(f"{book_server}book/{chapter}.html", wait_until="load")
            for page_name, exercise_id, what in ACTIONS:
                if page_name == chapter:
                    again = page.locator(f"#exercise-{exercise_id}").evaluate(SEEN)
                    # As in the notebooks, a restored exercise unfolds one hint per attempt, right or wrong.
                    unfolded = min(states[exercise_id]["attempts"], len(EXERCISES[exercise_id].hints))
                    assert again == {**seen[exercise_id], "hints": unfolded}, (exercise_id, what)
        assert seen["gpus-hours-ratio"]["feedback"] == "" and not seen["gpus-hours-ratio"]["offered"]
        assert stored(page)["exercises"] == states, "restoring changed the state"

        page.goto(f"{book_server}book/progress.html", wait_until="load")
        shown = statuses(page)
        assert list(shown) == [exercise.id for part in SECTIONS for exercise in part.exercises()]
        assert shown["cost-who-estimated"] == "Right at first try"
        assert shown["cost-paper-arithmetic"] == "Tried, 1 attempt"
        assert shown["gpus-rounding"] == "Tried, 1 attempt; answer shown"
        assert shown["gpus-hours-ratio"] == "Answered, not checked yet"
        assert shown["hype-rewrite"] == "Not started"
        page.fill(".kit-progress-name", "Ada Lovelace")
        page.locator(".kit-progress-name").blur()
        with page.expect_download() as download:
            page.click("[data-action=export]")
        assert download.value.suggested_filename == FILE_NAME
        exported = Path(download.value.path()).read_text(encoding="utf-8")
        record = read_progress(exported)
        assert to_json(record) == exported, "the browser's file is not written as Python writes it"
        assert record.learner == "Ada Lovelace" and record.kit_version != "unknown"
        assert {name: state.as_json() for name, state in record.exercises.items()} == states

        page.click("[data-action=reset]")
        assert page.locator(".kit-progress-confirm").is_visible()
        assert "export your progress first" in page.locator(".kit-progress-confirm").inner_text()
        page.click("[data-action=cancel-reset]")
        assert stored(page)["exercises"] == states and status_message(page) == "Nothing was removed."
        page.click("[data-action=reset]")
        page.click("[data-action=confirm-reset]")
        assert stored(page) is None and set(statuses(page).values()) == {"Not started"}

        assert import_file(page, FILE_NAME, exported.encode("utf-8")).startswith("Imported 5 exercises")
        assert stored(page)["exercises"] == states and statuses(page) == shown
        page.goto(f"{book_server}book/cost.html", wait_until="load")
        assert page.locator("#exercise-cost-paper-arithmetic").evaluate(SEEN) == seen["cost-paper-arithmetic"]

        page.goto(f"{book_server}book/progress.html", wait_until="load")
        edited = json.loads(exported)
        edited["exercises"]["cost-paper-arithmetic"]["attempts"] = 7
        refusals = {
            "broken": import_file(page, "broken.json", b'{"format": "deepseek-headlines-progress",'),
            "edited": import_file(page, "edited.json", json.dumps(edited).encode("utf-8")),
            "newer": import_file(page, "newer.json", json.dumps({**edited, "schema_version": 2}).encode("utf-8")),
            "other": import_file(page, "other.json", b'{"format": "something-else"}'),
        }
        assert refusals["broken"].startswith("This file cannot be imported. The file is not a progress file: it is "
                                             "not valid JSON (")
        assert refusals["edited"] == ("This file cannot be imported. The checksum does not match: the file was "
                                      "edited by hand after it was exported.")
        assert "update the kit" in refusals["newer"] and '"format" is not' in refusals["other"]
        assert stored(page)["exercises"] == states, "a refused file changed the progress"

        from_python = ProgressRecord(
            kit_version="0.1.0", exported_at="2025-02-03T10:00:00.000Z", learner="Grace", exercises={
                "hype-rewrite": ExerciseState("A calmer sentence.", 2, None, True, "2025-02-01T09:00:00.000Z",
                                              "2025-02-01T09:05:00.000+01:00")})
        assert import_file(page, "python.json", to_json(from_python).encode("utf-8")).startswith("Imported 1 exercise ")
        assert statuses(page)["hype-rewrite"] == "Tried, 2 attempts; answer shown"
        assert len(stored(page)["exercises"]) == 6 and stored(page)["learner"] == "Ada Lovelace"
    finally:
        context.close()


def storage_message(page) -> str:
    messages = page.locator(".kit-storage-message")
    assert messages.count() == 1, "one message a page"
    assert messages.get_attribute("role") == "status"
    return messages.inner_text()


def check_one_quiz(page) -> str:
    """Answer the page's first single-choice quiz right and check it; returns the verdict shown."""
    exercise = EXERCISES["cost-who-estimated"]
    section = page.locator("#exercise-cost-who-estimated")
    answer_by_hand(page, section, exercise, right_answer(exercise))
    section.locator("button.kit-check").click()
    return section.locator(".kit-feedback").get_attribute("data-verdict")


@pytest.mark.parametrize(("script", "message"), [(DISABLED_STORAGE, "storage is off"),
                                                 (FULL_STORAGE, "storage is full")], ids=["off", "full"])
def test_storage_that_is_off_or_full_gives_one_message_and_the_quizzes_still_check(browser, book_server, script,
                                                                                  message):
    context = browser.new_context()
    context.add_init_script(script)
    page = context.new_page()
    errors = []
    # The theme's own scripts use the storage too, and fail without it: only the kit's scripts are watched here.
    page.on("pageerror", lambda error: errors.append(error.stack) if "kit-" in (error.stack or "") else None)
    try:
        page.goto(f"{book_server}book/cost.html", wait_until="load")
        assert check_one_quiz(page) == "correct"
        page.locator("#exercise-cost-paper-arithmetic input").first.fill("12")
        page.locator("#exercise-cost-paper-arithmetic button.kit-check").click()
        assert message in storage_message(page) and "still check" in storage_message(page)
        page.goto(f"{book_server}book/progress.html", wait_until="load")
        page.click("[data-action=export]")
        if script == DISABLED_STORAGE:
            assert message in storage_message(page)
            assert page.locator(".kit-progress-summary").inner_text() == "This browser keeps no progress."
            assert "nothing to export" in status_message(page)
        assert errors == []
    finally:
        context.close()


def test_unreadable_progress_is_kept_under_a_backup_key_and_the_book_starts_afresh(browser, book_server):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{book_server}book/cost.html", wait_until="load")
        page.evaluate("key => localStorage.setItem(key, '{\"format\": \"deepseek-headlines-progress\", broken')", KEY)
        page.reload(wait_until="load")
        message = storage_message(page)
        backup = re.search(r"as (deepseek-headlines-progress/v1/backup/\S+Z)\.", message)[1]
        assert page.evaluate("key => localStorage.getItem(key)", backup).endswith("broken")
        assert check_one_quiz(page) == "correct"
        assert list(stored(page)["exercises"]) == ["cost-who-estimated"]
        page.reload(wait_until="load")
        assert page.locator(".kit-storage-message").count() == 0
    finally:
        context.close()


def test_the_student_edition_reveals_nothing_before_a_counted_attempt(chromium):
    exercise = EXERCISES["gpus-rounding"]
    html = ("<!doctype html><html lang='en'><head><title>Student</title></head><body><main><article>"
            f"{student_html(exercise_html(exercise))}</article></main><script>{bundle()}</script></body></html>")
    page = chromium.new_page()
    page.route("http://kit.test/**", lambda route: route.fulfill(body=html, content_type="text/html"))
    try:
        page.goto("http://kit.test/student.html")
        section = page.locator(f"#exercise-{exercise.id}")
        answer_by_hand(page, section, exercise, wrong_answers(exercise)[0])
        page.reload()
        assert section.locator("input:checked").count() == 1
        assert section.evaluate(SEEN)["offered"] is False and section.evaluate(SEEN)["feedback"] == ""
        assert section.locator(".kit-answer").get_attribute("data-answer")
        section.locator("button.kit-check").click()
        page.reload()
        assert section.evaluate(SEEN)["offered"] and section.evaluate(SEEN)["hints"] == 1
        assert section.locator(".kit-answer").get_attribute("data-answer") is None
        assert exercise.explanation in section.locator(".kit-answer").text_content()
    finally:
        page.close()


def test_every_link_on_the_progress_page_reaches_its_exercise(book_html):
    page = (book_html / "book" / "progress.html").read_text(encoding="utf-8")
    links = re.findall(r'<a[^>]*href="([a-z0-9-]+)\.html#(exercise-[a-z0-9-]+)"', page)
    assert [target for _, target in links] == [f"exercise-{exercise.id}" for part in SECTIONS
                                               for exercise in part.exercises()]
    for chapter, target in links:
        assert f'id="{target}"' in (book_html / "book" / f"{chapter}.html").read_text(encoding="utf-8"), target
