"""The chapter "Check an article yourself": the checker reads any input into a view or a one-line message and keeps
what the learner entered; in Chromium the chapter's worked example and a report page are accessible in light and
dark mode and request nothing from another host; in a real kernel the checker meets hostile text calmly."""

from __future__ import annotations

import codecs
import json
from datetime import datetime, timezone
from urllib.parse import urlparse

import nbclient
import nbformat
import pytest

from exercises.article_check import (
    UPLOADED, ArticleChecker, TextProblem, launch_html, seed_hype_scores, text_from_paste, text_from_upload,
    worked_example_text,
)
from solutions.analyser.article_view import report_page_html
from solutions.analyser.cli_input import MAX_BYTES
from support.paths import REPO_ROOT
from support.screenshots import save_screenshot

HOSTILE = "<script>alert(1)</script> Profits rose 9% to $3 million, \u202ethe firm said\u202c. \u2066x\u2069"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


# ------------------------------------------------------------------------ reading the learner's input

@pytest.mark.parametrize("data, says", [
    (b"", "is empty"),
    (b"  \n\t ", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file (it contains binary data)"),
    (codecs.BOM_UTF16_LE + "Sales rose.".encode("utf-16-le"), "is UTF-16 text: save it as UTF-8"),
    (codecs.BOM_UTF32_BE + "Sales rose.".encode("utf-32-be"), "is UTF-32 text: save it as UTF-8"),
    ("Caf\u00e9 sales rose 5%.".encode("latin-1"), "is not UTF-8 text; save it as UTF-8"),
    (b"x" * (MAX_BYTES + 1), "is 10.000001 MB; the analyser reads texts up to 10.0 MB"),
])
def test_a_file_that_cannot_be_analysed_gets_a_one_line_message(data, says):
    with pytest.raises(TextProblem) as raised:
        text_from_upload("notes.txt", data)
    assert says in str(raised.value) and "\n" not in str(raised.value)
    assert str(raised.value).startswith("The file notes.txt")


def test_a_utf8_file_is_read_with_or_without_a_byte_order_mark():
    assert text_from_upload("a.txt", codecs.BOM_UTF8 + "Sales rose 5%.".encode()) == "Sales rose 5%."
    assert text_from_upload("a.txt", "Café sales rose 5%.".encode()) == "Café sales rose 5%."


@pytest.mark.parametrize("value, says", [("", "The box is empty"), ("   \n", "The box is empty"),
                                         ("a\x00b", "binary data"), ("é" * (MAX_BYTES // 2 + 1), "is 10.0")])
def test_pasted_text_that_cannot_be_analysed_gets_a_message(value, says):
    with pytest.raises(TextProblem, match=says):
        text_from_paste(value)


def test_the_checker_shows_the_view_and_keeps_the_pasted_text():
    checker = ArticleChecker()
    checker.text.value = HOSTILE
    checker.button.click()
    assert checker.text.value == HOSTILE
    assert checker.status_text.startswith("Analysed the pasted text")
    assert 'role="status"' in checker.status.value
    view = checker.view.value
    assert "<script" not in view and "&lt;script&gt;" in view
    assert "\u202e" not in view and "U+202E" in view
    assert 'class="av-mark av-figure"' in view and "Article 000:" in view


@pytest.mark.parametrize("name, data, says", [
    ("photo.txt", b"\xff\xd8\xff\x00JFIF", "not a text file"),
    ("empty.txt", b"", "is empty"),
])
def test_the_checker_reports_a_bad_file_and_keeps_everything(name, data, says):
    checker = ArticleChecker()
    checker.text.value = "My own notes, still here."
    checker.upload.value = ({"name": name, "type": "text/plain", "size": len(data), "content": memoryview(data),
                             "last_modified": datetime.now(timezone.utc)},)
    assert checker.source.value == UPLOADED, "choosing a file makes it the text to analyse"
    checker.button.click()
    assert says in checker.status_text and checker.view.value == ""
    assert checker.text.value == "My own notes, still here." and checker.upload.value[0]["name"] == name


def test_the_checker_says_when_no_file_is_chosen():
    checker = ArticleChecker()
    checker.source.value = UPLOADED
    checker.button.click()
    assert "No file is chosen yet" in checker.status_text


def test_the_book_shows_how_to_open_the_page_on_binder():
    bundle = ArticleChecker()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == launch_html()
    assert 'class="kit-launch" href="#kit-launch-notebook"' in launch_html()


def test_the_worked_example_is_written_for_the_kit_and_compared_with_the_five_articles():
    from solutions import article_ids, article_text

    text = worked_example_text()
    assert "Harbour Lane Foods" in text and 200 < len(text.split()) < 500
    assert all(text[:200] not in article_text(article_id) for article_id in article_ids())
    scores = seed_hype_scores()
    assert list(scores) == [f"Article {article_id}" for article_id in article_ids()]
    assert all(score > 0 for score in scores.values())


# ------------------------------------------------------------------------ in Chromium

def _only_local(page, hosts: tuple[str, ...]) -> list[str]:
    """Abort and list every request that leaves ``hosts`` (file: URLs have no host)."""
    outside: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname in hosts:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", route)
    return outside


def _axe(page, context=None) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, context=context).response
    assert len(result["passes"]) > 5, "axe ran"
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


@pytest.mark.browser
@pytest.mark.parametrize("scheme, viewport", [("light", DESKTOP), ("dark", PHONE)])
def test_the_chapter_shows_the_worked_example_accessibly(browser, book_server, scheme, viewport):
    page = browser.new_page(viewport=viewport, color_scheme=scheme)
    outside = _only_local(page, ("127.0.0.1",))
    try:
        page.goto(book_server + "book/check-article.html", wait_until="networkidle")
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        for kind in ("figure", "quote", "vague", "hype"):
            assert page.locator(f".kit-av .av-article mark.av-{kind}").count() > 0, kind
        assert page.locator(".kit-av .av-article mark.av-quote", has_text="Shoppers kept coming back").count() == 1
        assert page.locator(".kit-av table.av-table").count() == 4
        assert page.locator(".kit-av .av-questions > li").count() == 3
        launch = page.locator("a.kit-launch").get_attribute("href")
        assert launch.startswith("https://mybinder.org/v2/gh/") and "check-article.md" in launch
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        assert _axe(page, context=".kit-av") == []
        assert [v for v in _axe(page) if "(serious)" in v or "(critical)" in v] == []
        save_screenshot(page, f"check-article-{scheme}-{viewport['width']}")
    finally:
        page.close()
    assert outside == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme, viewport", [("light", DESKTOP), ("dark", PHONE)])
def test_a_report_page_opens_offline_with_its_script_shown_as_text(chromium, tmp_path, scheme, viewport):
    report = tmp_path / "report.html"
    report.write_text(report_page_html(worked_example_text() + "\n\n" + HOSTILE, "worked_example.txt"),
                      encoding="utf-8")
    page = chromium.new_page(viewport=viewport, color_scheme=scheme)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(report.as_uri(), wait_until="load")
        assert requests == [report.as_uri()]
        assert page.evaluate("document.scripts.length") == 0 and dialogs == []
        assert "<script>alert(1)</script>" in page.locator(".av-article").inner_text()
        assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
        for kind in ("figure", "quote", "vague", "hype"):
            assert page.locator(f".av-article mark.av-{kind}").count() > 0, kind
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(255, 255, 255)") == (scheme == "light"), background
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert _axe(page) == []
        save_screenshot(page, f"article-report-{scheme}-{viewport['width']}")
    finally:
        page.close()


# ------------------------------------------------------------------------ in a real kernel

DRIVER = r'''
import json
from datetime import datetime, timezone
from exercises.article_check import ArticleChecker

def run(value=None, file=None):
    checker = ArticleChecker()
    if value is not None:
        checker.text.value = value
    if file is not None:
        name, data = file
        checker.upload.value = ({"name": name, "type": "", "size": len(data), "content": memoryview(data),
                                 "last_modified": datetime.now(timezone.utc)},)
    checker.button.click()
    return {"status": checker.status_text, "view": checker.view.value, "kept": checker.text.value == (value or ""),
            "view_size": len(checker.view.value)}
'''

CASES = {
    "script": "run('<script>alert(1)</script> Sales rose 5% to $2 million.')",
    "bidi": "run('Revenue \\u202erose 5%\\u202c to $2 million, \\u2066the firm\\u2069 said.')",
    "large": "run(('Shares rose 3% to $40 million, analysts say. \"It is a game-changer,\" one trader said. ' * 40000)"
             "[:2_000_000])",
    "empty": "run('   ')",
    "binary": "run(file=('image.txt', bytes(range(256))))",
    "latin1": "run(file=('notes.txt', 'Caf\\u00e9 prices rose 5%.'.encode('latin-1')))",
}


@pytest.mark.slow
def test_the_notebook_checker_meets_hostile_text_without_a_traceback():
    cells = [nbformat.v4.new_code_cell(DRIVER), nbformat.v4.new_code_cell("results = {}")]
    cells += [nbformat.v4.new_code_cell(f"results[{name!r}] = {call}") for name, call in CASES.items()]
    cells.append(nbformat.v4.new_code_cell("print(json.dumps({name: {k: (v if k != 'view' else {"
                                           "'script': '<script' in v, 'escaped': '&lt;script&gt;' in v, "
                                           "'bidi': any(c in v for c in '\\u202e\\u202c\\u2066\\u2069'), "
                                           "'shown': 'U+202E' in v, 'marks': v.count('av-mark')}) "
                                           "for k, v in r.items()} for name, r in results.items()}))"))
    notebook = nbformat.v4.new_notebook(cells=cells)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(REPO_ROOT / "book")}}).execute()
    outputs = [output for cell in notebook.cells for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    assert not [output for output in outputs if output.output_type == "stream" and output.name == "stderr"]
    results = json.loads(notebook.cells[-1].outputs[0]["text"])
    assert all(result["kept"] for result in results.values()), results
    for name in ("script", "bidi", "large"):
        assert results[name]["status"].startswith("Analysed the pasted text"), results[name]
        assert results[name]["view"]["marks"] > 0 and not results[name]["view"]["script"]
        assert not results[name]["view"]["bidi"], name
    assert results["script"]["view"]["escaped"]
    assert results["bidi"]["view"]["shown"]
    assert "The box is empty" in results["empty"]["status"]
    assert "not a text file" in results["binary"]["status"]
    assert "not UTF-8 text" in results["latin1"]["status"]
    assert all(results[name]["view_size"] == 0 for name in ("empty", "binary", "latin1"))
