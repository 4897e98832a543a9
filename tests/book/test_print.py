"""Every chapter, and the answer key, printed to A4 PDF by Chromium as a teacher would print a handout.

The print stylesheet (``exercises/static/kit-print.css``) is what is tested: a chapter prints as a handout of a
reasonable length, with its title and every exercise's title, without the book's navigation (the table of
contents, the search box, the "previous/next" links) and without the answers folded under "Show answer"; the
answer key prints with its answers; a page in dark mode still prints dark text on white paper; and the student
edition's handouts carry none of the texts it must keep from students (``support.answer_texts.secret_texts``).
The PDFs are written to tests/artifacts/print/ for people to look at.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from exercises.chapters import CHAPTERS
from support.catalogue import book_exercises
from support.paths import REPO_ROOT
from support.shared_build import once_per_run

pytestmark = pytest.mark.browser

PRINTS = REPO_ROOT / "tests" / "artifacts" / "print"
KEY_PAGE = "teachers-answer-key"
CHAPTER_PAGES = [chapter.chapter for chapter in CHAPTERS]
#: Pages a chapter's handout may take. At least 2: a chapter is a reading and its exercises, never a single sheet.
#: At most 16: measured in December 2026, the chapters print on 5 (gpus), 7 (downloads), 9 (cost, markets), 11
#: (timeline) and 12 (attribution, hype) pages in both editions, the longest because they quote many article
#: passages or show an article in full; 16 leaves a third more for new exercises, and catches a stylesheet that
#: stops hiding the sidebars or the answers, or that lets wide tables spill off the page.
CHAPTER_PAGES_RANGE = (2, 16)
#: Pages the answer key may take: measured at 18 (forty exercises, each with its question, answer, reason and
#: sources, in the teachers' compact type); twice that means the compact style is lost, fewer than 8 that cards
#: are missing.
KEY_PAGES_RANGE = (8, 36)
#: Text of the book's navigation that must not reach paper: the table of contents' part captions, the search box.
NAVIGATION_TEXTS = ("Getting started", "Checking the figures", "Checking the sources and the tone", "For teachers",
                    "Search this book", "Ctrl+K")
#: The labels of the "previous/next" links at the foot of every page, each on a line of its own.
PREVIOUS_NEXT = re.compile(r"^\s*(previous|next)\s*$", re.MULTILINE)


def pdf_text(pdf: bytes) -> tuple[int, str]:
    """The number of pages of a PDF and its text, in Unicode's compatibility form (ligatures as letters).

    The text is extracted twice, one after the other: in the order the PDF draws it (a paragraph that runs on to
    the next page can come out after what follows it) and as laid out on the page (which reads side-by-side table
    cells line by line). A text that must be printed is looked for in either; one that must not, in both."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    drawn = "\n".join(page.extract_text() or "" for page in reader.pages)
    laid_out = "\n".join(page.extract_text(extraction_mode="layout") or "" for page in reader.pages)
    return len(reader.pages), unicodedata.normalize("NFKC", f"{drawn}\n{laid_out}")


def flat(text: str) -> str:
    """Text with every run of white space as one space, and none after a hyphen (Chromium breaks lines after a
    hyphen: "COST-01" can print as "COST-" and "01"), so that words broken across lines still match."""
    return re.sub(r"-\s+", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


def print_page(browser, base_url: str, page_name: str, edition: str = "teacher",
               color_scheme: str = "light") -> bytes:
    """Print one page of a built book to A4, as Chromium's print dialog would; keep a copy under PRINTS."""
    page = browser.new_page(color_scheme=color_scheme)
    try:
        page.goto(f"{base_url}book/{page_name}.html", wait_until="networkidle")
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        page.close()
    PRINTS.mkdir(parents=True, exist_ok=True)
    (PRINTS / f"{edition}-{color_scheme}-{page_name}.pdf").write_bytes(pdf)
    return pdf


class PrintedPages:
    """Each page of the complete (teacher) edition printed when a test first asks for it, once per run (not once
    per test process: printing and reading ten PDFs takes about 50 s): ``printed[name]`` is its page count and
    text."""

    def __init__(self, browser, book_server: str, tmp_path_factory: pytest.TempPathFactory):
        self._print = lambda name: pdf_text(print_page(browser, book_server, name))
        self._tmp_path_factory = tmp_path_factory
        self._seen: dict[str, tuple[int, str]] = {}

    def __getitem__(self, name: str) -> tuple[int, str]:
        if name not in self._seen:
            pages, text = once_per_run(self._tmp_path_factory, f"printed-{name}", lambda: self._print(name))
            self._seen[name] = (pages, text)
        return self._seen[name]


@pytest.fixture(scope="module")
def printed(browser, book_server, tmp_path_factory) -> PrintedPages:
    return PrintedPages(browser, book_server, tmp_path_factory)


def exercises_of(chapter_name: str):
    return [exercise for exercise in book_exercises() if exercise.id.startswith(f"{chapter_name}-")]


PRINT_STYLESHEET = re.compile(r'<link\b[^>]*\bhref="[^"]*kit-print\.css[^"]*"[^>]*>')


def test_every_page_loads_the_print_stylesheet_for_print_only(book_html):
    """Kept by exercises.page_assets on every page of the book, and with media="print", so that it never changes
    the screen."""
    pages = sorted(book_html.glob("book/*.html"))
    links = {page.name: PRINT_STYLESHEET.findall(page.read_text(encoding="utf-8")) for page in pages}
    wrong = {name: found for name, found in links.items() if len(found) != 1 or 'media="print"' not in found[0]}
    assert pages and not wrong, f"pages without the print stylesheet, or loading it for the screen: {wrong}"


@pytest.mark.parametrize("name", CHAPTER_PAGES)
def test_a_chapter_prints_as_a_handout_of_reasonable_length(printed, name):
    pages, _ = printed[name]
    low, high = CHAPTER_PAGES_RANGE
    assert low <= pages <= high, f"{name} prints on {pages} A4 pages, not {low} to {high}"


def test_the_answer_key_prints_compactly(printed):
    pages, _ = printed[KEY_PAGE]
    low, high = KEY_PAGES_RANGE
    assert low <= pages <= high, f"the answer key prints on {pages} A4 pages, not {low} to {high}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=CHAPTER_PAGES)
def test_a_handout_has_its_title_and_exercises_and_no_navigation_or_answers(printed, chapter):
    _, text = printed[chapter.chapter]
    words = flat(text)
    assert flat(chapter.title) in words, f"{chapter.chapter}: the chapter's title is not printed"
    exercises = exercises_of(chapter.chapter)
    assert exercises, f"no exercises found for {chapter.chapter}"
    missing = [exercise.title for exercise in exercises if flat(exercise.title) not in words]
    assert not missing, f"{chapter.chapter}: exercises printed without their titles: {missing}"
    navigation = [found for found in NAVIGATION_TEXTS if found in words]
    assert not navigation, f"{chapter.chapter}: the book's navigation is printed: {navigation}"
    assert not PREVIOUS_NEXT.search(text), f"{chapter.chapter}: the previous/next links are printed"
    answers = [exercise.id for exercise in exercises if flat(exercise.explanation) in words]
    assert not answers, f"{chapter.chapter}: the answers under 'Show answer' are printed for {answers}"


def test_the_printed_answer_key_shows_every_answer(printed):
    _, text = printed[KEY_PAGE]
    words = flat(text)
    assert not [found for found in NAVIGATION_TEXTS if found in words]
    missing = [exercise.id for exercise in book_exercises()
               if flat(exercise.title) not in words or flat(exercise.explanation) not in words]
    assert not missing, f"the printed key leaves out the title or the explanation of {missing}"


#: Under print media, the colours of the page and of its text, each as [red, green, blue] (0-255): what the PDF is
#: printed with (Chromium prints the page as print media shows it).
PRINT_COLOURS = """
() => {
  const rgb = value => (value.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const texts = [...document.querySelectorAll(
    '.bd-article :is(h1, h2, p, li, th, td, .kit-prompt, .kit-exercise-title, figcaption)')]
    .filter(el => el.getClientRects().length && el.innerText.trim());
  const papers = [document.documentElement, document.body,
                  ...document.querySelectorAll('.bd-main, .bd-article, .kit-exercise')];
  const backgrounds = papers.map(el => getComputedStyle(el).backgroundColor)
    .filter(colour => !/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent');
  return {theme: document.documentElement.dataset.theme,
          texts: texts.map(el => [el.tagName + '.' + el.className, rgb(getComputedStyle(el).color)]),
          backgrounds: backgrounds.map(rgb)};
}
"""


def luminance(rgb: list[float]) -> float:
    """WCAG relative luminance of an sRGB colour (0 black, 1 white)."""
    def linear(channel: float) -> float:
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("name", [CHAPTER_PAGES[0], "hype", KEY_PAGE])
def test_a_page_in_dark_mode_prints_dark_text_on_white(browser, book_server, name):
    page = browser.new_page(color_scheme="dark")
    try:
        page.goto(f"{book_server}book/{name}.html", wait_until="networkidle")
        page.emulate_media(media="print", color_scheme="dark")
        colours = page.evaluate(PRINT_COLOURS)
    finally:
        page.close()
    assert colours["theme"] == "dark", "the page did not switch to dark mode, so this test shows nothing"
    assert colours["texts"], f"{name}: no text found"
    light_text = [(what, rgb) for what, rgb in colours["texts"] if luminance(rgb) > 0.2]
    assert not light_text, f"{name}: text printed in a light colour in dark mode: {light_text[:5]}"
    dark_paper = [rgb for rgb in colours["backgrounds"] if luminance(rgb) < 0.9]
    assert not dark_paper, f"{name}: a dark background printed in dark mode: {dark_paper}"


def secrets_a_handout_could_show() -> list[str]:
    """``secret_texts()`` but those that run on, in order, through what the exercises show anyway.

    A PDF's text has no blocks: the options of a multiple choice, printed one under the other, read like its answer
    (the right options, joined) when the right ones come first. Such an answer is no secret on paper, where no box
    is ticked; the explanation and everything else ``secret_texts`` lists still are."""
    from support.answer_texts import BOUNDARY, comparable, public_exercise_text, secret_texts

    shown = public_exercise_text().replace(BOUNDARY, "")
    return [secret for secret in secret_texts() if comparable(secret) not in shown]


@pytest.mark.parametrize("name", CHAPTER_PAGES)
def test_a_student_handout_carries_no_answer(browser, student_book_server, name):
    from support.answer_texts import leaks

    pdf = print_page(browser, student_book_server, name, edition="student")
    pages, text = pdf_text(pdf)
    low, high = CHAPTER_PAGES_RANGE
    assert low <= pages <= high, f"the student edition's {name} prints on {pages} pages, not {low} to {high}"
    found = leaks(text, secrets_a_handout_could_show())
    assert not found, f"the student edition's printed {name} shows texts kept for teachers: {found[:5]}"
