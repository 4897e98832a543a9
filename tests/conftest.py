"""Shared fixtures: the repository root, a freshly built book, a local server for it, and golden files."""

from __future__ import annotations

import difflib
import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exercises.progress.store import ENVIRONMENT_VARIABLE as PROGRESS_VARIABLE
from support.building import CHROMIUM, CHROMIUM_FLAGS, build_book, build_student_edition
from support.shared_build import build_once, start_background_builds
from support.paths import GOLDENS, REPO_ROOT

# The page-weight benchmark's helpers (serving a built book, listing its pages) serve the tests too.
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from page_weight import serve  # noqa: E402


#: The fixtures that need the built book, and those that make a test slow (the book, or Chromium).
BOOK_FIXTURES = {"built_book", "book_html", "book_server", "student_book_html", "student_book_server"}
SLOW_FIXTURES = BOOK_FIXTURES | {"browser"}

UPDATE_GOLDENS = "--update-goldens"


def pytest_addoption(parser):
    parser.addoption(UPDATE_GOLDENS, action="store_true", default=False,
                     help="rewrite the golden files in tests/goldens/ from what the code produces now, "
                          "instead of comparing with them (review the result with git diff)")


def needs_the_book(item) -> bool:
    return bool(BOOK_FIXTURES & set(getattr(item, "fixturenames", ())))


#: Test modules with the longest tests that need the book (a second build from the cache of executed pages, about
#: 40 s; printing every chapter; weighing and sweeping every page): they start first among those tests, so that no
#: worker is left with one of them while the other has nothing more to do.
LONGEST_FIRST = tuple(f"tests/book/{name}.py" for name in (
    "test_reproducible_build", "test_print", "test_page_weight", "test_phone_tables"))


def pytest_collection_modifyitems(items):
    """Mark ``slow`` every test that builds the book or drives Chromium, so ``-m "not slow"`` leaves them out, and
    run the tests that need the built book last, so that the workers have other tests to run while it builds
    (the longest of them first)."""
    for item in items:
        if (item.get_closest_marker("book") or item.get_closest_marker("browser")
                or SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))):
            item.add_marker(pytest.mark.slow)
    # stable: the order within each group stays
    items.sort(key=lambda item: (needs_the_book(item), not item.nodeid.startswith(LONGEST_FIRST)))


@pytest.fixture(scope="session", autouse=True)
def book_builds_in_the_background(request, tmp_path_factory):
    """With pytest-xdist, start building the book as soon as a worker starts, when any test of the run needs it
    (see support/shared_build.py); ``KIT_PREBUILT_BOOK`` builds nothing."""
    if (os.environ.get("PYTEST_XDIST_WORKER") and not os.environ.get("KIT_PREBUILT_BOOK")
            and any(needs_the_book(item) for item in request.session.items)):
        start_background_builds(tmp_path_factory)


_PROGRESS_FILES = itertools.count()


def _private_progress_file(tmp_path_factory) -> str:
    """A progress file path of its own, in the session's temporary folder (its folder is made on first save)."""
    return str(tmp_path_factory.getbasetemp() / "progress-files" / str(next(_PROGRESS_FILES)) / "progress.json")


@pytest.fixture(scope="session", autouse=True)
def session_progress_file(tmp_path_factory):
    """No test, book build or kernel reads or writes the learner's progress file in the home folder: the
    widgets save to ``KIT_PROGRESS_FILE``, which kernels and builds started by the tests inherit."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PROGRESS_VARIABLE, _private_progress_file(tmp_path_factory))
        yield


@pytest.fixture(scope="module", autouse=True)
def module_progress_file(tmp_path_factory, session_progress_file):
    """Each test module's kernels start without progress saved by another module's (a widget puts it back)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PROGRESS_VARIABLE, _private_progress_file(tmp_path_factory))
        yield


@pytest.fixture(autouse=True)
def progress_file(tmp_path_factory, module_progress_file, monkeypatch):
    """Each test starts without saved progress: an exercise widget shown twice would otherwise put back what an
    earlier test answered. Returns the test's progress file path."""
    path = _private_progress_file(tmp_path_factory)
    monkeypatch.setenv(PROGRESS_VARIABLE, path)
    return Path(path)


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of the data folder that the kit reads instead of its own, for tests that edit data."""
    from solutions.data.datafiles import clear_caches
    from solutions.data.paths import DATA_ENVIRONMENT_VARIABLE, data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    monkeypatch.setenv(DATA_ENVIRONMENT_VARIABLE, str(folder))
    clear_caches()
    yield folder
    monkeypatch.delenv(DATA_ENVIRONMENT_VARIABLE)
    clear_caches()


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """Build the whole book once per test session; return the build result and its HTML folder.

    For a quicker loop while working on pages, ``KIT_PREBUILT_BOOK=/path`` uses a book already built with
    ``--path-output /path`` instead (the build's own log is then not checked); CI never sets it."""
    prebuilt = os.environ.get("KIT_PREBUILT_BOOK")
    if prebuilt:
        return subprocess.CompletedProcess([], 0, "(prebuilt)", ""), Path(prebuilt) / "_build" / "html"
    result, output_dir = build_once(tmp_path_factory, "book", build_book)
    return result, output_dir / "_build" / "html"


@pytest.fixture(scope="session")
def book_html(built_book) -> Path:
    """The HTML folder of a book that built cleanly (tests that need pages stop here otherwise)."""
    result, html_dir = built_book
    if result.returncode != 0:
        pytest.fail("The book did not build; see test_book_builds_without_warnings for the log.")
    return html_dir


@pytest.fixture(scope="session")
def book_server(book_html):
    """Serve the built book on 127.0.0.1 for the session; yield its base URL."""
    with serve(book_html) as url:
        yield url


@pytest.fixture(scope="session")
def student_book_html(tmp_path_factory, book_html) -> Path:
    """The HTML folder of the book's student edition (``KIT_EDITION=student``), built once per session with
    ``-W``; the test fails with the build's log when the build does not pass.

    The pages run exactly as in the teacher edition (the student edition changes their HTML when Sphinx writes
    it, see :mod:`exercises.editions`), so the build starts from the teacher build's cache of executed pages:
    about 30 s instead of 80 s."""
    result, output_dir = build_once(tmp_path_factory, "student-book",
                                    lambda folder: build_student_edition(folder, book_html))
    if result.returncode != 0:
        pytest.fail(f"The student edition did not build:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}",
                    pytrace=False)
    return output_dir / "_build" / "html"


@pytest.fixture(scope="session")
def student_book_server(student_book_html):
    """Serve the student edition on 127.0.0.1 for the session; yield its base URL."""
    with serve(student_book_html) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian Chromium driven by Playwright, started once for the session; skipped (or failed in CI) when
    it is missing. Tests against the built book use ``browser``, which is marked slow; the fast checker cases use
    this one on a blank page. One Playwright for the whole session: a second one cannot start beside it."""
    if not CHROMIUM.exists():
        message = (f"Chromium is not installed at {CHROMIUM}. Install it with "
                   "`sudo apt-get install -y chromium` (never `playwright install`).")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser(chromium):
    """The session's Chromium, for tests against the built book (any test that uses it is marked slow)."""
    return chromium


def _diff_lines(text: str) -> list[str]:
    """Lines to diff: long one-line output (HTML, JSON) is broken after each tag and each ``, `` so the diff reads."""
    lines = text.splitlines(keepends=True)
    if any(len(line) > 200 for line in lines):
        lines = re.sub(r"(>|, )", "\\1\n", text).splitlines(keepends=True)
    return lines


@pytest.fixture
def golden(request):
    """Compare text with a golden file under tests/goldens/, byte for byte; ``--update-goldens`` rewrites it.

    Call it as ``golden("analysis/000.json", text)``. A missing or different file fails with the option to use.
    """
    update = request.config.getoption(UPDATE_GOLDENS)

    def check(name: str, text: str) -> None:
        path = GOLDENS / name
        if update:
            if not path.exists() or path.read_bytes() != text.encode("utf-8"):
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text.encode("utf-8"))
            return
        shown = path.relative_to(REPO_ROOT)
        if not path.exists():
            pytest.fail(f"No golden file {shown}: run pytest with {UPDATE_GOLDENS} to write it, then review it.",
                        pytrace=False)
        want = path.read_bytes().decode("utf-8")
        if text != want:
            diff = "".join(difflib.unified_diff(_diff_lines(want), _diff_lines(text), f"{shown} (golden)", "now",
                                                n=2))
            pytest.fail(f"The output differs from {shown}. If the change is intended, run pytest with "
                        f"{UPDATE_GOLDENS} and review git diff.\n{diff[:6000]}", pytrace=False)

    return check
