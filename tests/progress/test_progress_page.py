"""The My progress page's HTML (``exercises/progress/page.py``): every exercise of the book, in reading order,
linked to its exercise on its own page, with a status cell, labelled controls and the kit's version; the page sits
in the table of contents after the chapters and before the teachers' pages."""

from __future__ import annotations

import re
from html import unescape

import yaml

from exercises.book import all_exercises, chapter_of
from exercises.progress import kit_version
from exercises.progress.page import FILE_NAME, MAX_NAME, PAGE, progress_page, progress_page_html
from exercises.quiz_script import PROGRESS_SCRIPT_NAME, bundle
from support.paths import REPO_ROOT

HTML = progress_page_html()
ROW = re.compile(r'<tr data-exercise-id="(?P<id>[^"]+)"><th scope="row">'
                 r'<a href="(?P<page>[^"#]+)\.md#(?P<target>[^"]+)">(?P<title>.*?)</a></th>'
                 r'<td class="kit-progress-state">')


def test_every_exercise_is_listed_in_reading_order_with_its_title():
    rows = list(ROW.finditer(HTML))
    exercises = all_exercises()
    assert [row["id"] for row in rows] == [exercise.id for exercise in exercises]
    assert [unescape(row["title"]) for row in rows] == [exercise.title for exercise in exercises]
    assert {"discernment-before", "discernment-after"} <= {row["id"] for row in rows}


def test_each_link_names_the_exercise_on_its_own_chapters_page():
    for row in ROW.finditer(HTML):
        assert row["target"] == f"exercise-{row['id']}"
        assert row["page"] == chapter_of(row["id"]).chapter
        page = REPO_ROOT / "book" / f"{row['page']}.md"
        assert page.is_file(), page


def test_each_part_is_a_captioned_table_and_the_controls_are_labelled():
    captions = re.findall(r"<caption>(.*?)</caption>", HTML)
    assert len(captions) == len({chapter_of(exercise.id).chapter for exercise in all_exercises()})
    for control in re.findall(r'<input[^>]*id="([^"]+)"', HTML):
        assert f'<label for="{control}">' in HTML, control
    assert f'maxlength="{MAX_NAME}"' in HTML and 'type="file"' in HTML
    assert 'data-action="export"' in HTML and 'data-action="reset"' in HTML
    assert 'data-action="confirm-reset"' in HTML and "export your progress first" in HTML
    assert HTML.count('role="status"') == 2
    assert f'data-kit-version="{kit_version()}"' in HTML


def test_the_page_script_names_the_file_the_page_promises():
    assert f'FILE_NAME = "{FILE_NAME}"' in bundle(PROGRESS_SCRIPT_NAME)
    assert PROGRESS_SCRIPT_NAME.endswith(".js")


def test_the_cell_shows_the_static_page_in_the_book():
    shown = progress_page()
    bundle = shown._repr_mimebundle_() if hasattr(shown, "_repr_mimebundle_") else {"text/html": shown._repr_html_()}
    if isinstance(bundle, tuple):
        bundle = bundle[0]
    assert bundle["text/html"] == HTML


def test_the_page_comes_after_the_chapters_and_before_the_teachers_pages():
    toc = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]
    assert PAGE in files
    chapters = [f"book/{chapter_of(exercise.id).chapter}" for exercise in all_exercises()]
    assert max(files.index(page) for page in chapters) < files.index(PAGE)
    assert all(files.index(PAGE) < index for index, name in enumerate(files) if name.startswith("book/teachers-"))
    source = (REPO_ROOT / f"{PAGE}.md").read_text(encoding="utf-8")
    assert "not security" in source and "in this browser" in source and "progress_page()" in source
