"""The student edition (``KIT_EDITION=student``): no teachers' pages, no answer before a first attempt, and no answer,
feedback or teacher note in readable form anywhere in the build.

The fast tests check the parts on their own: reading ``KIT_EDITION``, the encoding and its decoder in the quiz
script (on a blank page in Chromium), what :func:`exercises.editions.student_html` does to an exercise, the table of
contents without the teachers' part, the stripped notebooks, and that the leak scan reports a secret planted in a
file. The slow ones build the student edition with ``-W`` and scan every file of it, and drive its quizzes.
"""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from exercises import editions
from exercises.book import chapter_of
from exercises.chapters import CHAPTERS
from exercises.quiz_script import bundle
from exercises.static_html import STUDENT_NOSCRIPT, exercise_html
from support.answer_texts import (
    comparable, exercise_secrets, is_meaningful, leaks, leaks_in_folder, secret_texts, visible_text,
)
from support.building import build_book
from support.catalogue import book_exercises
from support.exercise_probes import wrong_answers
from support.paths import REPO_ROOT
from support.quiz_driver import EXERCISES, answer_by_hand, answer_every_quiz

#: One exercise of each kind the static page checks, the first of its kind in reading order.
ONE_OF_EACH_KIND = list({exercise.kind: exercise for exercise in reversed(book_exercises())
                         if exercise.runs_in_browser}.values())[::-1]
CHAPTER_PAGES = [f"book/{chapter.chapter}.html" for chapter in CHAPTERS]
_ATTRIBUTE = re.compile(r'\b(?P<name>data-exercise|data-answer)="(?P<value>[^"]*)"')
_SECTION_ID = re.compile(r'<section class="kit-exercise[^>]*\bid="exercise-(?P<id>[^"]+)"'
                         r'[^>]*\bdata-exercise="(?P<spec>[^"]*)"')
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')


# ---- reading KIT_EDITION -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, wanted", [(None, "teacher"), ("", "teacher"), ("teacher", "teacher"),
                                           ("student", "student"), (" student ", "student")])
def test_the_edition_comes_from_kit_edition(value, wanted):
    environ = {} if value is None else {"KIT_EDITION": value}
    assert editions.edition(environ) == wanted


@pytest.mark.parametrize("value", ["students", "Student", "print", "teacher,student"])
def test_any_other_edition_is_refused_with_the_two_allowed_values(value):
    with pytest.raises(editions.EditionError) as error:
        editions.edition({"KIT_EDITION": value})
    assert "'teacher'" in str(error.value) and "'student'" in str(error.value) and repr(value) in str(error.value)


@pytest.mark.book
def test_a_build_with_an_unknown_edition_fails_with_the_allowed_values(tmp_path):
    result = build_book(tmp_path, edition="pupil")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "KIT_EDITION='pupil'" in log and "'teacher'" in log and "'student'" in log, log[-3000:]


@pytest.mark.parametrize("docname, wanted", [("book/teachers-answer-key", True), ("book/teachers-rubrics.md", True),
                                             ("book/cost", False), ("book/index", False), ("teachers-x", False)])
def test_teachers_pages_are_named_book_teachers(docname, wanted):
    assert editions.is_teachers_page(docname) is wanted


# ---- the encoding ----------------------------------------------------------------------------------------------

ROUND_TRIPS = [("", "cost-verdicts"), ("Answer: $5.576 million", "cost-paper-arithmetic"),
               ("“Quoted” — 000 ¶8, 日本語, emoji \U0001F600, tab\tand\nnew line", "hype-rewrite"),
               ('{"id": "x", "correct": ["a", "b"]}', "x"), ("x" * 5000, "a-long-one"),
               ("same text", "ünïcode-id-\U0001F600")]


@pytest.mark.parametrize("text, exercise_id", ROUND_TRIPS)
def test_decode_reverses_encode(text, exercise_id):
    encoded = editions.encode(text, exercise_id)
    assert re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", encoded)
    assert editions.decode(encoded, exercise_id) == text


def test_the_encoding_hides_the_text_and_depends_on_the_exercise():
    text = "2.788 million GPU-hours × $2 per GPU-hour = $5.576 million."
    first, second = editions.encode(text, "cost-paper-arithmetic"), editions.encode(text, "cost-cluster-days")
    assert first != second
    assert comparable(text) not in comparable(first) and "million" not in first.lower()


def test_the_quiz_script_decodes_what_python_encodes(chromium):
    page = chromium.new_page()
    try:
        page.set_content("<!doctype html><html lang='en'><head><title>Decoding</title></head><body></body></html>")
        page.add_script_tag(content=bundle())
        cases = [[editions.encode(text, exercise_id), exercise_id] for text, exercise_id in ROUND_TRIPS]
        decoded = page.evaluate("cases => cases.map(([text, id]) => window.KitQuiz.decode(text, id))", cases)
        assert decoded == [text for text, _ in ROUND_TRIPS]
        exercise = ONE_OF_EACH_KIND[0]
        section = editions.student_html(exercise_html(exercise))
        spec = page.evaluate("html => { document.body.innerHTML = html;"
                             " return window.KitQuiz.spec(document.querySelector('.kit-exercise')); }", section)
        assert spec == json.loads(json.dumps(exercise.spec()))
    finally:
        page.close()


# ---- an exercise in the student edition ---------------------------------------------------------------------

@pytest.mark.parametrize("exercise", ONE_OF_EACH_KIND, ids=lambda exercise: exercise.kind)
def test_an_exercise_in_the_student_edition_shows_no_answer_and_decodes_to_the_teachers(exercise):
    teacher = exercise_html(exercise)
    student = editions.student_html(teacher)
    secrets = [text for text in exercise_secrets(exercise) if is_meaningful(text)]
    assert secrets and leaks(teacher, secrets) == secrets
    assert leaks(student, secrets) == []
    attributes = {match["name"]: unescape(match["value"]) for match in _ATTRIBUTE.finditer(student)}
    spec = json.loads(editions.decode(attributes["data-exercise"], exercise.id))
    assert spec == json.loads(json.dumps(exercise.spec()))
    body = re.search(r'<details class="kit-answer"[^>]*>.*?</summary>(.*?)</details>', teacher, re.DOTALL)[1]
    assert editions.decode(attributes["data-answer"], exercise.id) == body
    assert f'<details class="kit-answer" id="exercise-{exercise.id}-answer" hidden data-answer=' in student
    assert STUDENT_NOSCRIPT in student and "are under" not in student
    assert editions.student_html(student) == student


def test_a_code_exercise_in_the_student_edition_has_no_solution():
    code = next(exercise for exercise in book_exercises() if exercise.kind == "code")
    student = editions.student_html(exercise_html(code))
    assert "kit-solution" in exercise_html(code) and "kit-solution" not in student
    assert leaks(student, [visible_text(code.answer_html())]) == []


def test_html_without_exercises_is_left_as_it_is():
    html = ('<p>An <a href="facts.html">ordinary</a> output.</p>'
            '<section class="kit-explorer" data-explorer="{}"></section>')
    assert editions.student_html(html) == html


# ---- the table of contents and the notebooks ------------------------------------------------------------------

def test_the_table_of_contents_of_the_student_edition_has_no_teachers_part():
    from sphinx_external_toc.parsing import parse_toc_yaml

    site_map = parse_toc_yaml(REPO_ROOT / "_toc.yml")
    teachers = [name for name in site_map if editions.is_teachers_page(name)]
    others = [name for name in site_map if not editions.is_teachers_page(name)]
    assert teachers, "the table of contents lists no teachers' page"
    editions.leave_out_teachers_pages(site_map)
    assert sorted(site_map) == sorted(others)
    trees = [tree for document in site_map.values() for tree in document.subtrees]
    assert all(tree.items for tree in trees)
    assert not any(editions.is_teachers_page(str(item)) for tree in trees for item in tree.items)
    assert "For teachers" not in [tree.caption for tree in trees]


def test_a_notebook_for_download_keeps_its_code_and_loses_its_outputs_and_widget_state():
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
                          {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": ["show(x())"],
                           "outputs": [{"output_type": "execute_result", "data": {"text/html": "<p>secret</p>"}}]}],
                "metadata": {"widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
                             "kernelspec": {}},
                "nbformat": 4, "nbformat_minor": 5}
    stripped = json.loads(editions.notebook_without_outputs(json.dumps(notebook)))
    assert stripped["cells"][0] == notebook["cells"][0]
    assert stripped["cells"][1]["source"] == ["show(x())"]
    assert stripped["cells"][1]["outputs"] == [] and stripped["cells"][1]["execution_count"] is None
    assert stripped["metadata"] == {"kernelspec": {}}


# ---- the leak scan can fail -----------------------------------------------------------------------------------

def test_the_leak_scan_reports_a_planted_secret_however_it_is_written(tmp_path):
    secret = next(text for text in secret_texts() if "'" in text and len(text) > 60)
    words = secret.split()
    (tmp_path / "clean.html").write_text("<p>Nothing to see.</p>", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        f"<p>{' '.join(words[:3])}\n   <em>{' '.join(words[3:])}</em></p>".replace("'", "&#x27;"), encoding="utf-8")
    (tmp_path / "tip.html").write_text(f'<a title="{secret.replace(chr(39), "&#39;")}">x</a>', encoding="utf-8")
    (tmp_path / "_sources").mkdir()
    (tmp_path / "_sources" / "page.ipynb").write_text(
        json.dumps({"outputs": [{"text/html": [f"<p>{secret[:30]}", f"{secret[30:]}</p>\n"]}]}), encoding="utf-8")
    (tmp_path / "searchindex.js").write_text(f"Search.setIndex({json.dumps({'t': secret})})", encoding="utf-8")
    found = leaks_in_folder(tmp_path, [secret, "A sentence that is in none of the files at all."])
    assert found == {path: [secret] for path in ("_sources/page.ipynb", "page.html", "searchindex.js", "tip.html")}


def test_options_shown_one_after_another_do_not_read_as_the_answer_that_joins_them(tmp_path):
    exercise = next(exercise for exercise in book_exercises() if exercise.kind == "multiple"
                    and is_meaningful(exercise_secrets(exercise)[1]))
    answer = exercise_secrets(exercise)[1]
    assert answer in secret_texts()
    (tmp_path / "options.html").write_text(exercise.static_inputs(), encoding="utf-8")
    (tmp_path / "answer.html").write_text(f"<p><strong>Answer:</strong> {answer}</p>", encoding="utf-8")
    assert leaks_in_folder(tmp_path, [answer]) == {"answer.html": [answer]}


def test_the_secrets_are_long_and_include_every_kind_of_text():
    secrets = secret_texts()
    assert all(is_meaningful(text) for text in secrets)
    code = next(exercise for exercise in book_exercises() if exercise.kind == "code")
    assert visible_text(code.answer_html()) in secrets
    for exercise in ONE_OF_EACH_KIND:
        assert exercise.explanation in secrets, exercise.id


# ---- the student build ----------------------------------------------------------------------------------------

def test_no_file_of_the_student_edition_holds_an_answer_a_feedback_or_a_teacher_text(student_book_html):
    assert leaks_in_folder(student_book_html) == {}


def test_the_teacher_edition_holds_every_secret_of_the_exercises(book_html):
    """The other side of the leak test: the same scan finds every exercise's secrets in the complete book."""
    wanted = {text for exercise in book_exercises() for text in exercise_secrets(exercise) if is_meaningful(text)}
    found = {text for texts in leaks_in_folder(book_html, sorted(wanted)).values() for text in texts}
    assert sorted(wanted - found) == []


def test_the_student_edition_has_no_teachers_page(student_book_html):
    assert [path.relative_to(student_book_html).as_posix() for path in student_book_html.rglob("*teachers-*")] == []


def test_the_search_index_names_no_teachers_page(student_book_html):
    index = (student_book_html / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(index[index.index("(") + 1:index.rindex(")")])
    assert not [name for name in data["docnames"] if editions.is_teachers_page(name)]
    assert "teachers-" not in index


def test_no_page_of_the_student_edition_links_to_a_teachers_page(student_book_html):
    linking = {page.relative_to(student_book_html).as_posix(): href
               for page in student_book_html.rglob("*.html")
               for href in _HREF.findall(page.read_text(encoding="utf-8")) if "teachers-" in href}
    assert linking == {}
    assert "For teachers" not in (student_book_html / "book" / "index.html").read_text(encoding="utf-8")


def test_every_exercise_carries_its_spec_and_answer_encoded(student_book_html):
    sections = 0
    for page in (student_book_html / "book").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for match in _SECTION_ID.finditer(html):
            sections += 1
            assert not match["spec"].lstrip().startswith(("{", "&")), f"{page.name}: {match['id']} has readable JSON"
            assert json.loads(editions.decode(match["spec"], match["id"]))["id"] == match["id"]
        answers = re.findall(r'<details class="kit-answer"[^>]*>', html)
        assert all(" hidden data-answer=" in tag for tag in answers), page.name
    assert sections == sum(1 for exercise in book_exercises() if exercise.runs_in_browser)


def test_the_notebooks_for_download_have_no_outputs(student_book_html):
    notebooks = sorted((student_book_html / "_sources").rglob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        assert "widgets" not in notebook["metadata"], path.name
        assert all(not cell.get("outputs") for cell in notebook["cells"]), path.name


# ---- the student edition in the browser -----------------------------------------------------------------------

@pytest.fixture
def student_page(browser):
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    page.close()


def _feedback_text(section) -> str:
    return " ".join(section.locator(".kit-feedback").inner_text().split())


@pytest.mark.parametrize("exercise", ONE_OF_EACH_KIND, ids=lambda exercise: exercise.kind)
def test_the_answer_is_offered_only_after_a_checked_attempt(exercise, student_page, student_book_server):
    page = student_page
    page.goto(f"{student_book_server}book/{chapter_of(exercise.id).chapter}.html", wait_until="networkidle")
    section = page.locator(f"#exercise-{exercise.id}")
    answer = section.locator(".kit-answer")
    assert section.get_attribute("class").split().count("kit-ready") == 1
    assert not answer.is_visible()
    section.locator("button.kit-check").click()  # nothing entered: refused, which is no attempt
    assert section.locator(".kit-feedback").get_attribute("data-verdict") == "invalid"
    assert not answer.is_visible()
    wrong = wrong_answers(exercise)[0]
    answer_by_hand(page, section, exercise, wrong)
    section.locator("button.kit-check").click()
    expected = exercise.check(wrong)
    assert section.locator(".kit-feedback").get_attribute("data-verdict") == expected.verdict
    assert _feedback_text(section) == " ".join(" ".join([expected.message, *expected.details]).split())
    assert answer.is_visible()
    answer.locator("summary").click()
    shown = comparable(answer.inner_text())
    assert comparable(exercise.explanation) in shown
    assert comparable(visible_text(exercise.answer_html())) in shown
    assert answer.get_attribute("data-answer") is None
    assert page.errors == []


def test_every_exercise_on_a_student_page_checks_as_in_python(student_page, student_book_server):
    """On one chapter page (the first, which has most kinds), every exercise decodes, checks and reveals its answer as
    in the teacher edition; every kind is tried on its own above, and every spec's encoding is checked in Python."""
    chapter_page = CHAPTER_PAGES[0]
    page = student_page
    page.goto(student_book_server + chapter_page, wait_until="networkidle")
    answered = answer_every_quiz(page, "wrong") + answer_every_quiz(page, "right")
    assert answered, f"{chapter_page} has no exercise"
    for exercise_id in set(answered):
        answer = page.locator(f"#exercise-{exercise_id} .kit-answer")
        assert answer.is_visible() and answer.get_attribute("data-answer") is None
        assert comparable(EXERCISES[exercise_id].explanation) in comparable(answer.inner_text())
    assert page.errors == []

