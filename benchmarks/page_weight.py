"""Weigh every page of the built book as a reader's browser loads it; print a table.

    python benchmarks/page_weight.py [HTML_FOLDER] [--page PAGE ...]      (default: _build/html, every page)

The folder is served on 127.0.0.1 and each page is opened in a fresh headless Chromium (/usr/bin/chromium)
context, so nothing comes from a cache. A page's weight is its HTML plus every script, style, font and image
Chromium requests while loading it, until the network is idle. "gzip" is what a static host sends: text
responses (HTML, CSS, JavaScript, JSON, SVG, ...) compressed with gzip at level 6, the gzip tool's default;
fonts and bitmaps, which are compressed already, as they are. The script measures and never judges: the
limits in ``tests/book/test_page_weight.py`` do that. ``measure_page`` is shared with those tests.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]
#: Folders of the build that hold assets, sources and notebooks rather than pages.
NOT_PAGES = {"_static", "_sources", "_images", "jupyter_execute"}
#: Content types a static host compresses (besides every ``text/*``).
COMPRESSIBLE = {"application/javascript", "application/json", "application/xml", "image/svg+xml",
                "image/x-icon", "image/vnd.microsoft.icon", "font/ttf", "font/otf"}
GZIP_LEVEL = 6


@dataclass(frozen=True)
class Resource:
    """One response the page received."""

    url: str
    kind: str  # Chromium's resource type: document, script, stylesheet, font, image, ...
    size: int
    gzip_size: int


@dataclass
class PageWeight:
    """Everything one page load requested, with totals."""

    page: str
    resources: list[Resource] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(r.size for r in self.resources)

    @property
    def gzip_size(self) -> int:
        return sum(r.gzip_size for r in self.resources)

    @property
    def scripts(self) -> list[Resource]:
        return [r for r in self.resources if r.kind == "script"]

    @property
    def biggest(self) -> Resource | None:
        return max(self.resources, key=lambda r: r.size, default=None)


def book_pages(html_dir: Path) -> list[str]:
    """Every HTML page of a built book, relative to its root, in a stable order."""
    return sorted(p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*.html")
                  if not NOT_PAGES & set(p.relative_to(html_dir).parts))


def gzip_size(body: bytes, content_type: str) -> int:
    """The bytes a static host sends for a response: gzip-compressed if its type is text, else as is."""
    mime = content_type.split(";")[0].strip().lower()
    if mime.startswith("text/") or mime in COMPRESSIBLE:
        return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))
    return len(body)


def measure_page(browser, url: str, viewport: dict | None = None) -> PageWeight:
    """Load ``url`` in a fresh browser context (empty cache) and weigh every response it received."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    weight = PageWeight(page=url)
    for request in finished:
        response = request.response()
        if response is None or not urlparse(request.url).scheme.startswith("http"):
            continue
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or aborted response has no body to weigh
            body = b""
        weight.resources.append(Resource(request.url, request.resource_type, len(body),
                                         gzip_size(body, response.headers.get("content-type", ""))))
    context.close()
    return weight


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's signature
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that drops a connection mid-response (it moved on to the next page) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(folder: Path):
    """Serve ``folder`` on a free port of 127.0.0.1; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _name(url: str) -> str:
    return urlparse(url).path.rsplit("/", 1)[-1] or url


def table(weights: list[PageWeight]) -> str:
    """The page-weight table, one row per page, in bytes."""
    header = ("page", "bytes", "gzip bytes", "requests", "scripts", "script bytes", "biggest resource")
    rows = []
    for weight in weights:
        biggest = weight.biggest
        rows.append((weight.page, f"{weight.size:,}", f"{weight.gzip_size:,}", str(len(weight.resources)),
                     str(len(weight.scripts)), f"{sum(s.size for s in weight.scripts):,}",
                     f"{_name(biggest.url)} ({biggest.size:,})" if biggest else "-"))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) if i in (0, 6) else cell.rjust(width)
                       for i, (cell, width) in enumerate(zip(row, widths))) for row in [header, *rows]]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html_folder", nargs="?", default="_build/html", type=Path,
                        help="the built book's HTML folder (default: _build/html)")
    parser.add_argument("--page", action="append", dest="only", metavar="PAGE",
                        help="weigh only this page, relative to the folder (book/cost.html); repeat for more")
    options = parser.parse_args(argv)
    folder = options.html_folder
    pages = book_pages(folder) if folder.is_dir() else []
    if not pages:
        print(f"No built book in {folder}: build it first (jupyter-book build .) or give its HTML folder.")
        return 2
    unknown = sorted(set(options.only or ()) - set(pages))
    if unknown:
        print(f"No such page in {folder}: {', '.join(unknown)}. Pages are named like {pages[0]}.")
        return 2
    pages = [page for page in pages if page in (options.only or pages)]
    if not CHROMIUM.exists():
        print(f"Chromium is not installed at {CHROMIUM} (sudo apt-get install -y chromium).")
        return 2
    from playwright.sync_api import sync_playwright

    with serve(folder) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        weights = []
        for page in pages:
            weight = measure_page(browser, base + page)
            weight.page = page
            weights.append(weight)
        browser.close()
    print(f"Page weight of {folder} ({len(pages)} pages; Chromium at 1280 px, empty cache; gzip level {GZIP_LEVEL})")
    print(table(weights))
    return 0


if __name__ == "__main__":
    sys.exit(main())
