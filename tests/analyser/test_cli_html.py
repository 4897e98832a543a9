"""``python -m solutions analyze FILE --html OUT.html``: the page on disk, escaped and offline, written atomically,
and every way writing it can fail as one ``error:`` line.

The page itself is :func:`solutions.analyser.article_view.report_page_html`; the wiring tests stand a recording
stand-in in its place, so they check what the command does with the page (which text and title it passes, where
and how it writes it) whatever the page holds; the last test runs the command with the real page. The page in a
browser (axe, no third-party request) is tested in ``tests/book/test_check_article.py``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
import sys
import threading
import types
from html.parser import HTMLParser

import pytest

from solutions.analyser import cli_files
from solutions.analyser.cli import main
from solutions.analyser.cli_html import report_title

HANG_GUARD = 120
HOSTILE = ('Insiders say "<script>alert(1)</script>" cost $5 million. <img src="https://tracker.example/x.png"> '
           'A STAGGERING sum, said Jane Doe.\n')
#: A URL that names another host: ``http:``, ``https:`` or protocol-relative ``//``.
REMOTE_URL = re.compile(r"^\s*(?:https?:)?//|url\(\s*['\"]?\s*(?:https?:)?//|@import", re.IGNORECASE)


class _References(HTMLParser):
    """Every attribute value and every style sheet of a page's real tags (not text that looks like a tag)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values, self._in_style = [], False

    def handle_starttag(self, tag, attrs):
        self.values += [value for name, value in attrs if value and name in
                        ("src", "href", "srcset", "action", "data", "poster", "style", "formaction", "xlink:href")]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.values.append(data)


def remote_references(page: str) -> list[str]:
    """The attribute values and style sheets of ``page`` that would load or link something from another host."""
    parser = _References()
    parser.feed(page)
    parser.close()
    return [value for value in parser.values if REMOTE_URL.search(value)]


def test_remote_references_finds_what_would_load_from_another_host():
    page = ('<p>&lt;img src="https://a.example/x.png"&gt; see https://b.example</p><a href="#top">top</a>'
            '<img src="//c.example/p.gif"><link href="https://d.example/s.css"><style>body{background:url('
            '"https://e.example/b.png")}</style><p style="background:url(//f.example/x)">x</p>')
    assert remote_references(page) == ["//c.example/p.gif", "https://d.example/s.css",
                                       'body{background:url("https://e.example/b.png")}',
                                       "background:url(//f.example/x)"]


def run_here(capsys, *args):
    capsys.readouterr()
    status = main([*map(str, args)])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), status, out, err)


def one_error_line(result, status) -> str:
    assert result.returncode == status, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "hostile <b>article.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.fixture
def stand_in(monkeypatch):
    """A recording ``article_view`` module in place of the real one; returns the calls it received."""
    calls = []
    module = types.ModuleType("solutions.analyser.article_view")

    def report_page_html(text, title):
        calls.append((text, title))
        return f"<!DOCTYPE html><title>page {len(calls)}</title>\n"

    module.report_page_html = report_page_html
    monkeypatch.setitem(sys.modules, "solutions.analyser.article_view", module)
    return calls


def test_the_page_is_written_with_the_text_and_the_file_name(article, tmp_path, capsys, stand_in):
    out = tmp_path / "report.html"
    result = run_here(capsys, "analyze", article, "--html", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote the report to {out}\n" and result.stderr == ""
    assert stand_in == [(HOSTILE, "hostile <b>article.txt")]
    assert out.read_text(encoding="utf-8") == "<!DOCTYPE html><title>page 1</title>\n"
    mask = os.umask(0)
    os.umask(mask)
    assert (out.stat().st_mode & 0o777) == 0o666 & ~mask, "the permissions of any new file, not the temp file's"


def test_an_existing_report_is_replaced_whole(article, tmp_path, capsys, stand_in):
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert run_here(capsys, "analyze", article, "--html", out).returncode == 0
    assert out.read_text(encoding="utf-8").endswith("page 1</title>\n") and (out.stat().st_mode & 0o777) == 0o640
    assert sorted(os.listdir(tmp_path)) == sorted([article.name, "report.html"])


def test_a_link_is_followed_and_a_device_is_written_to_not_replaced(article, tmp_path, capsys, stand_in):
    real = tmp_path / "reports" / "latest.html"
    real.parent.mkdir()
    link = tmp_path / "report.html"
    link.symlink_to(real)
    assert run_here(capsys, "analyze", article, "--html", link).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").endswith("page 1</title>\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_written_to_not_replaced(article, tmp_path, capsys, stand_in):
    """As ``/dev/stdout`` or ``/dev/null`` would be (a pipe is safe to test with): written to, never replaced."""
    pipe = tmp_path / "pipe.html"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    assert run_here(capsys, "analyze", article, "--html", pipe).returncode == 0
    reader.join(30)
    assert received == ["<!DOCTYPE html><title>page 1</title>\n"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and sorted(os.listdir(tmp_path)) == sorted([article.name, pipe.name])


def test_report_titles():
    assert report_title("-") == "standard input"
    assert report_title("folder/sub/story.txt") == "story.txt"
    assert report_title("./story.txt") == "story.txt"


@pytest.mark.parametrize("make_output, message", [
    (lambda d: d, "it is a folder; name a file inside it instead"),
    (lambda d: d / "missing" / "report.html", "does not exist"),
    (lambda d: d / "hostile <b>article.txt" / "report.html", "a part of the path is a file, not a folder"),
])
def test_an_output_that_cannot_be_written_is_one_line_with_status_1(article, tmp_path, capsys, stand_in,
                                                                     make_output, message):
    line = one_error_line(run_here(capsys, "analyze", article, "--html", make_output(tmp_path)), status=1)
    assert line.startswith("error: cannot write ") and message in line, line


@pytest.mark.parametrize("failing, code, message", [
    ("mkstemp", errno.EACCES, "permission denied (on the file or the folder it goes in)"),
    ("replace", errno.ENOSPC, "no space left on the disk"),
    ("replace", errno.EROFS, "the file system is read-only"),
])
def test_a_failed_write_leaves_the_old_report_and_no_temporary_file(article, tmp_path, capsys, stand_in, monkeypatch,
                                                                    failing, code, message):
    out = tmp_path / "report.html"
    out.write_text("old report", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    target = cli_files.tempfile if failing == "mkstemp" else cli_files.os
    monkeypatch.setattr(target, failing, fail)
    line = one_error_line(run_here(capsys, "analyze", article, "--html", out), status=1)
    assert line == f"error: cannot write {out}: {message}"
    assert out.read_text(encoding="utf-8") == "old report"
    assert sorted(os.listdir(tmp_path)) == sorted([article.name, "report.html"])


def test_a_bad_input_writes_no_report(tmp_path, capsys, stand_in):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "report.html"
    assert "empty.txt is empty" in one_error_line(run_here(capsys, "analyze", empty, "--html", out), status=2)
    assert not out.exists() and stand_in == []


@pytest.mark.skipif(sys.flags.dev_mode, reason="python -X dev shows the traceback instead")
def test_a_failing_page_is_one_line_and_keeps_the_old_report(article, tmp_path, capsys, monkeypatch):
    module = types.ModuleType("solutions.analyser.article_view")

    def report_page_html(text, title):
        raise RuntimeError("broken page")

    module.report_page_html = report_page_html
    monkeypatch.setitem(sys.modules, "solutions.analyser.article_view", module)
    out = tmp_path / "report.html"
    out.write_text("old report", encoding="utf-8")
    line = one_error_line(run_here(capsys, "analyze", article, "--html", out), status=1)
    assert line == "error: internal error (RuntimeError: broken page); please report it"
    assert out.read_text(encoding="utf-8") == "old report"


def test_json_and_html_together_are_a_usage_error(article, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(article), "--json", "--html", str(tmp_path / "r.html")])
    assert exit_.value.code == 2


def test_the_real_page_escapes_the_article_and_loads_nothing_from_other_hosts(article, tmp_path):
    """The command as a learner runs it, with the real page: the ``<script>`` is text, and no other host is named."""
    view = pytest.importorskip("solutions.analyser.article_view", reason="the article view is not in this tree yet")
    if not hasattr(view, "report_page_html"):
        pytest.skip("the article view has no report_page_html yet")
    out = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "solutions", "analyze", str(article), "--html", str(out)],
                            capture_output=True, text=True, timeout=HANG_GUARD)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "&lt;img src=" in page and "<img src=" not in page
    assert "hostile &lt;b&gt;article.txt" in page and "<b>article" not in page, "the title is escaped too"
    assert remote_references(page) == []
