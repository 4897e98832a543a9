"""The book's pages in JupyterLab, opened the way a learner on Binder or a JupyterHub opens them.

A JupyterLab server runs on 127.0.0.1 with no token, over a copy of ``book/``, with the default-viewer
setting written by ``binder/open_pages_as_notebooks.py`` into an environment-wide config folder (not the
learner's own). Headless Chromium then follows the book's links: a chapter link opens the chapter as a
notebook, a fact link opens the fact sheet, and once the fact sheet has run, a fact link scrolls to its
card and a paragraph link in a cell's output opens the articles. Nothing may answer 404, log a console
error or be requested from another host, and the pages on disk stay byte for byte as they were.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from support.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # starts JupyterLab and Chromium
LAB_EXTENSIONS = ("jupyterlab-myst", "jupyterlab-jupytext", "@jupyter-widgets/jupyterlab-manager")
STARTUP_SECONDS = 60
#: How long the fact sheet may take to run all its cells: this test does not need the built book, so it runs while
#: the background build keeps both cores busy, and a run there once took more than a minute.
RUN_ALL_SECONDS = 180
WAIT_MS = 20_000  # for a page to render or a tab to open on a busy machine
CURRENT_TAB = "#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel"
VISIBLE_NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def test_lab_extensions_are_built_for_the_installed_jupyterlab():
    """`jupyter labextension list` marks an extension built for another JupyterLab as not compatible."""
    listing = subprocess.run([sys.executable, "-m", "jupyter", "labextension", "list"],
                             capture_output=True, text=True, timeout=120)
    text = listing.stdout + listing.stderr
    assert "not compatible" not in text, text
    for extension in LAB_EXTENSIONS:
        (line,) = [line for line in text.splitlines() if line.strip().startswith(extension + " ")]
        assert "enabled" in line and "OK" in line, line


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


#: jupyter_server's race (jupyter-server/enterprise_gateway#1395): GET /api/kernels while a kernel is still starting
#: fails with 500, because the new kernel has no ``last_activity`` yet. JupyterLab polls again and a learner sees
#: nothing; the server log shows the cause.
KERNEL_LISTING_RACE = "The 'last_activity' trait of a ServerKernelManager instance expected a datetime, not the NoneType"


def is_kernel_listing_race(status: int, url: str, server_log: str) -> bool:
    """Whether a failed response is jupyter_server's kernel-listing race: a 500 on /api/kernels, with the server's log
    holding that request's "Uncaught exception" and the ``last_activity`` error."""
    path = url.split("//", 1)[-1].partition("/")[2]
    if status != 500 or not path.startswith("api/kernels?") and path != "api/kernels":
        return False
    marker = f"Uncaught exception GET /{path} "
    at = server_log.find(marker)
    return at != -1 and KERNEL_LISTING_RACE in server_log[at:at + 4000]


def _wait_until_serving(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}api/status", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    pytest.fail(f"JupyterLab did not answer within {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    """A JupyterLab over a copy of book/, set up like a hub environment; yields (base URL, copied book folder)."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    shutil.copytree(REPO_ROOT / "book", root / "book")
    environment_config = base / "environment" / "etc" / "jupyter"
    subprocess.run([sys.executable, str(REPO_ROOT / "binder" / "open_pages_as_notebooks.py"),
                    str(environment_config / "labconfig" / "default_setting_overrides.json")], check=True)
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(base / "learner-config"),  # a learner with no settings of their own
           "JUPYTER_CONFIG_PATH": str(environment_config),
           "JUPYTERLAB_SETTINGS_DIR": str(base / "learner-settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
           "JUPYTER_RUNTIME_DIR": str(base / "runtime")}
    port = _free_port()
    log = base / "jupyterlab.log"
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", "--ServerApp.token=", "--ServerApp.password=", "--allow-root",
               f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    with log.open("w") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_serving(url, server, log)
        yield url, root / "book"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _scroll_until_attached(page, locator, screens: int = 40) -> None:
    """JupyterLab renders a notebook's cells as they scroll into view: scroll down until ``locator`` exists."""
    scroller = page.locator(f"{VISIBLE_NOTEBOOK} .jp-WindowedPanel-outer")
    for _ in range(screens):
        try:
            locator.first.wait_for(state="attached", timeout=300)
            return
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: not rendered yet, scroll on
            scroller.evaluate("element => element.scrollBy(0, element.clientHeight * 0.8)")
    locator.first.wait_for(state="attached", timeout=5000)


def _follow(page, link, page_name: str, clicks: int = 3) -> None:
    """Click a link once JupyterLab has taken it over (it then points at /files/), and expect ``page_name`` to open.

    The first click on a link in a cell that is not the active one can be lost, as a learner sees it too: the
    mouse-down makes the cell active, JupyterLab then shows the cell's toolbar over the cell's top right corner,
    and the mouse-up lands on the toolbar instead of the link (seen in 4 of 22 runs, always with the link under
    the toolbar; a second click always worked). So a click that opens nothing is repeated, as a person would.
    """
    from playwright.sync_api import expect

    expect(link).to_have_attribute("href", re.compile(r"/files/book/"), timeout=WAIT_MS)
    current_tab = page.locator(CURRENT_TAB)
    _repeat_until(link.click, lambda: expect(current_tab).to_have_text(page_name, timeout=WAIT_MS // clicks), clicks)


def _repeat_until(action, expectation, attempts: int) -> None:
    """Do ``action`` until ``expectation`` (a Playwright ``expect``) passes, at most ``attempts`` times; the last
    failure is raised."""
    for attempt in range(1, attempts + 1):
        action()
        try:
            expectation()
            return
        except AssertionError:
            if attempt == attempts:
                raise


def _wait_until_saved(page, book: Path, saved_at: dict[str, int], seconds: float = 30) -> None:
    """Wait until every page in ``saved_at`` has been written again and no page has changed for a second
    (a page with no change, such as one only read, may or may not be saved too).

    A page's time stamp can change before its last byte is written, so a comparison made at once can read a
    page half saved (seen once in 22 runs); a quiet second means every save has finished.
    """
    deadline = time.monotonic() + seconds

    def stamps() -> dict[str, int]:
        return {page_file.name: page_file.stat().st_mtime_ns for page_file in book.glob("*.md")}

    while any((book / name).stat().st_mtime_ns == when for name, when in saved_at.items()):
        assert time.monotonic() < deadline, "JupyterLab did not save the open pages"
        page.wait_for_timeout(200)
    before = stamps()
    while True:
        page.wait_for_timeout(1000)
        now = stamps()
        if now == before:
            return
        assert time.monotonic() < deadline, "JupyterLab kept writing the pages"
        before = now


def _run_all_cells(page, attempts: int = 3) -> None:
    """Run every cell of the visible notebook once its kernel is idle, as a learner would after the kernel starts.

    "Run All" pressed while the notebook's kernel is still connecting runs nothing: JupyterLab walks to the last
    cell and leaves every prompt empty (seen in CI, and in 3 of 10 runs here with both cores busy). So wait for
    the toolbar's kernel indicator to say idle, then check that the first code cell was given a prompt number or
    a star; press "Run All" again if it was not.
    """
    from playwright.sync_api import expect

    indicator = page.locator(f"{VISIBLE_NOTEBOOK} .jp-Notebook-ExecutionIndicator")
    expect(indicator).to_have_attribute("data-status", "idle", timeout=STARTUP_SECONDS * 1000)
    first_prompt = page.locator(f"{VISIBLE_NOTEBOOK} .jp-CodeCell .jp-InputArea-prompt").first

    def run_all() -> None:
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()

    _repeat_until(run_all, lambda: expect(first_prompt).to_have_text(re.compile(r"\[(\d+|\*)\]"), timeout=WAIT_MS),
                  attempts)


def _accept_kernel_dialogs(page, kernel_dialog, most: int = 5) -> None:
    """Press "Select" on each kernel dialog on screen, the topmost first, as a learner would (at most ``most``)."""
    for _ in range(most):
        dialogs = kernel_dialog.filter(visible=True)
        if not dialogs.count():
            return
        dialogs.last.locator("button.jp-mod-accept").click(timeout=WAIT_MS)
        page.wait_for_timeout(500)


def _what_was_on_screen(page, log: Path) -> str:
    """For a failure in CI: save a screenshot under tests/artifacts/ and return any open dialog's text and the end
    of JupyterLab's log."""
    shot = REPO_ROOT / "tests" / "artifacts" / "jupyterlab-failure.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    dialogs = page.locator(".jp-Dialog").all_inner_texts()
    return (f"Screenshot: {shot}\nOpen dialogs: {dialogs}\n"
            f"End of JupyterLab's log:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")


@pytest.mark.browser
def test_links_open_the_pages_in_jupyterlab(lab, browser):
    from playwright.sync_api import expect

    url, book = lab
    originals = {page.name: page.read_bytes() for page in book.glob("*.md")}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failures, console_errors, other_hosts = [], [], []
    page.on("response", lambda response: response.status >= 400 and failures.append((response.status, response.url)))
    page.on("console", lambda message: message.type == "error"
            and console_errors.append((message.text, message.location.get("url", ""))))
    page.on("request", lambda request: urlparse(request.url).hostname not in {"127.0.0.1", None}
            and other_hosts.append(request.url))
    # On a cold, busy machine JupyterLab sometimes fails to start a page's kernel by itself and asks which kernel to
    # use, with the page's own (Python 3) already chosen (seen in 1 of 6 runs here with both cores busy); a learner
    # presses "Select", and so does this test, whenever that dialog is in the way. The dialog can come back, for
    # the same page or another open one, after "Select" (seen once in CI, where the test then waited for it to
    # go away), so the test does not wait for it to go away: the next action meets it again and presses again.
    kernel_dialog = page.locator(".jp-Dialog", has_text="Select kernel for")
    page.add_locator_handler(kernel_dialog, lambda: _accept_kernel_dialogs(page, kernel_dialog), no_wait_after=True)
    try:
        # The welcome page opens as a notebook (the default viewer), and its "Start here" links open chapters.
        page.goto(f"{url}lab/tree/book/index.md")
        page.locator(f"{VISIBLE_NOTEBOOK} .jp-MarkdownCell").first.wait_for(timeout=STARTUP_SECONDS * 1000)
        chapter_link = page.locator(f"{VISIBLE_NOTEBOOK} .jp-MarkdownCell a", has_text="What did it cost?")
        _scroll_until_attached(page, chapter_link)
        _follow(page, chapter_link.first, "cost.md")

        # A fact link opens the fact sheet as a notebook.
        fact_link = page.locator(f"{VISIBLE_NOTEBOOK} .jp-MarkdownCell a", has_text="COST-09").first
        _follow(page, fact_link, "facts.md")
        expect(page.locator(f"{VISIBLE_NOTEBOOK} .jp-MarkdownCell h1").first).to_contain_text("The fact sheet", timeout=WAIT_MS)

        # Once the fact sheet has run, the same link scrolls to the card.
        _run_all_cells(page)
        card = page.locator(f'{VISIBLE_NOTEBOOK} [data-jupyter-id="fact-cost-09"]')
        card.wait_for(state="attached", timeout=RUN_ALL_SECONDS * 1000)
        page.locator("#jp-main-dock-panel .lm-TabBar-tab", has_text="cost.md").click()
        _follow(page, fact_link, "facts.md")
        expect(card).to_be_in_viewport(timeout=WAIT_MS)

        # A paragraph link in a cell's output (a card's "In the articles" line) opens the articles.
        _follow(page, page.locator(f'{VISIBLE_NOTEBOOK} .fact-card a[href*="articles.md"]').first, "articles.md")
        expect(page.locator(f"{VISIBLE_NOTEBOOK} .jp-MarkdownCell h1").first).to_contain_text("The five articles", timeout=WAIT_MS)

        # Saving every open page (as autosave would) writes each one back exactly as it was.
        saved_at = {name: (book / name).stat().st_mtime_ns for name in ("index.md", "cost.md", "facts.md")}
        page.locator(".lm-MenuBar-item", has_text="File").first.click()
        page.locator('.lm-Menu-item[data-command="docmanager:save-all"]').click()
        _wait_until_saved(page, book, saved_at)
    except Exception as error:  # noqa: BLE001 - any failure: say what was on the screen and in the server's log
        raise AssertionError(_what_was_on_screen(page, book.parent.parent / "jupyterlab.log")) from error
    finally:
        context.close()
    changed = [name for name, text in originals.items() if (book / name).read_bytes() != text]
    assert not changed, f"opening and saving changed {changed}"
    server_log = (book.parent.parent / "jupyterlab.log").read_text(encoding="utf-8", errors="replace")
    failures = [(status, url) for status, url in failures if not is_kernel_listing_race(status, url, server_log)]
    assert not failures, failures
    # The browser logs each failed response as a console error too ("Failed to load resource: ... 500").
    console_errors = [(text, url) for text, url in console_errors
                      if not (" 500 " in text and is_kernel_listing_race(500, url, server_log))]
    assert not console_errors, console_errors
    assert not other_hosts, other_hosts


def test_only_the_kernel_listing_race_is_let_through():
    url = "http://127.0.0.1:5/api/kernels?17"
    race = f"[E] Uncaught exception GET /api/kernels?17 (127.0.0.1)\n  Traceback ...\n  TraitError: {KERNEL_LISTING_RACE} None."
    assert is_kernel_listing_race(500, url, race)
    assert not is_kernel_listing_race(500, url, "[E] Uncaught exception GET /api/kernels?17 (127.0.0.1)\n  KeyError: 'x'")
    assert not is_kernel_listing_race(500, "http://127.0.0.1:5/api/contents/book/cost.md", race)
    assert not is_kernel_listing_race(404, url, race)
    assert not is_kernel_listing_race(500, "http://127.0.0.1:5/api/kernels?18", race)
