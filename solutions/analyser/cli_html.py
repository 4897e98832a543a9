"""``python -m solutions analyze FILE --html OUT.html``: the article's report as one self-contained HTML page.

The page is :func:`solutions.analyser.article_view.report_page_html` (the highlighted article and the tables, the
article's text escaped, no script needed to read it, nothing loaded from other hosts). It is written atomically
(:mod:`~.cli_files`): the old report, if any, stays until the new one is complete.
"""

from __future__ import annotations

import os

from solutions.analyser.cli_files import OutputError, write_file_atomically
from solutions.analyser.cli_input import STANDARD_INPUT
from solutions.analyser.cli_output import EXIT_FAILED, emit, print_error, printable


def report_title(file: str) -> str:
    """The page's title: the file's name without its folder, or "standard input"."""
    if file == STANDARD_INPUT:
        return "standard input"
    return os.path.basename(os.path.normpath(file)) or file


def write_html_report(text: str, file: str, out: str) -> int:
    """Write the report of ``text`` (read from ``file``) to ``out``; return the exit status."""
    from solutions.analyser.article_view import report_page_html  # the page's module loads only when asked for

    page = report_page_html(text, report_title(file))
    try:
        write_file_atomically(out, page)
    except OutputError as error:
        print_error(str(error))
        return EXIT_FAILED
    return emit(f"wrote the report to {printable(out)}")
