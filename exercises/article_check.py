"""The chapter "Check an article yourself" (``book/check-article.md``): the worked example's view, and a live checker
that shows the same view for a text the learner pastes or uploads.

The view itself is :func:`solutions.analyser.article_view.article_view_html`; this module gives it the five seed
articles' hype scores to compare with (computed by the same analyser when first asked for), reads the learner's
input within the command line's limits (:data:`~solutions.analyser.cli_input.MAX_BYTES`), and turns every bad input
into a one-line message: an empty box, binary data, UTF-16 or UTF-32, another encoding, too large. The checker
never changes what the learner typed or chose, and its button never raises: whatever happens, the learner reads a
message in the checker's live region. In the built book the same cell shows how to open the page on Binder.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape, unescape

import ipywidgets as w
from IPython.display import HTML

from solutions.analyser.analysis import analyze_text
from solutions.analyser.article_view import article_view_html, hype_per_thousand, plain_text, shortened
from solutions.analyser.cli_input import MAX_BYTES, InputError, decode_text, megabytes
from solutions.data.articles import article_ids, article_text
from solutions.data.paths import data_dir

from .kinds import LAUNCH_PLACEHOLDER
from .widgets import WIDGET_CLASS, WIDGET_CSS

#: The worked example's file in the data folder: a news-like text written for the kit (not a seed article).
WORKED_EXAMPLE_FILE = "worked_example.txt"
#: What the learner chooses to analyse.
PASTED, UPLOADED = "pasted", "uploaded"


class TextProblem(ValueError):
    """An input the checker cannot analyse; the message is one sentence for the learner."""


def worked_example_text() -> str:
    """The worked example: a fictional company's results, with figures, quotes, a vague credit and loaded words."""
    return (data_dir() / WORKED_EXAMPLE_FILE).read_text(encoding="utf-8")


@cache
def seed_hype_scores() -> dict[str, float]:
    """Each seed article's hype score ("Article 000" -> score), by the same analyser and rule as any text's."""
    return {f"Article {article_id}": round(hype_per_thousand(article_text(article_id)), 1)
            for article_id in article_ids()}


def worked_example_view() -> HTML:
    """The worked example, highlighted, with its tables and questions, compared with the seed articles."""
    return HTML(article_view_html(worked_example_text(), compare=seed_hype_scores()))


def _too_large(what: str, size: int) -> TextProblem:
    return TextProblem(f"{what} is {megabytes(size)}; the analyser reads texts up to {megabytes(MAX_BYTES)}, so "
                       "use a part of it.")


def text_from_paste(value: object) -> str:
    """The pasted text, or :class:`TextProblem` saying why it cannot be analysed."""
    if not isinstance(value, str) or not value.strip():
        raise TextProblem("The box is empty: paste the text of an article into it, or choose a .txt file.")
    size = len(value.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise _too_large("The pasted text", size)
    if "\x00" in value:
        raise TextProblem("The pasted text contains binary data (NUL characters): paste plain text.")
    return value


def text_from_upload(name: str, data: bytes) -> str:
    """The text of an uploaded file, decoded as UTF-8, or :class:`TextProblem` saying what the file is instead."""
    shown = f"The file {shortened(name, 60) or 'you chose'}"
    if len(data) > MAX_BYTES:
        raise _too_large(shown, len(data))
    try:
        return decode_text(data, shown)
    except InputError as problem:  # the command line's reading of bytes, worded for a learner who chose a file
        raise TextProblem(f"{str(problem).replace('try again', 'choose it again')}.") from None


def uploaded_file(upload: w.FileUpload) -> tuple[str, bytes] | None:
    """The name and bytes of the file chosen in ``upload`` (ipywidgets 8), or None when none is chosen."""
    files = upload.value
    if not files:
        return None
    chosen = files[0]
    return str(chosen.get("name") or "you chose"), bytes(chosen.get("content") or b"")


def status_html(message: str, problem: bool = False) -> str:
    """A message in a polite live region (``role="status"``), escaped."""
    kind = "kit-check-problem" if problem else "kit-check-done"
    return f'<p class="{kind}" role="status" aria-live="polite">{plain_text(message)}</p>'


def launch_html() -> str:
    """What the checker's cell shows in the built book: how to check a text of your own."""
    return (
        '<div class="kit-launch-note kit-article-launch tex2jax_ignore mathjax_ignore">'
        "<p>Analysing a text of your own needs Python, so it runs in a "
        f'notebook: <a class="kit-launch" href="{LAUNCH_PLACEHOLDER}">open this page as a notebook on Binder</a> '
        "(free, nothing to install; it can take a minute or two to start). There, paste a text or choose a .txt "
        "file and press <strong>Analyse</strong>: you get the same view as the worked example above. Binder does "
        "not keep your work.</p>"
        "<p>On your own computer, with the kit installed, "
        "<code>python -m solutions analyze article.txt --html report.html</code> writes the same view as one page "
        "to keep, which opens in any browser without a network.</p></div>"
    )


class ArticleChecker:
    """The live checker: a box to paste into, a file to choose, and Analyse, which shows the view or a message."""

    def __init__(self):
        self.text = w.Textarea(value="", placeholder="Paste the text of a news article here",
                               description="Article text", style={"description_width": "initial"},
                               layout=w.Layout(width="100%", height="12em"))
        self.upload = w.FileUpload(accept=".txt,text/plain", multiple=False, description="Choose a .txt file",
                                   layout=w.Layout(width="auto"))
        self.source = w.ToggleButtons(options=[("the pasted text", PASTED), ("the chosen file", UPLOADED)],
                                      value=PASTED, description="Text to analyse",
                                      style={"description_width": "initial"})
        self.button = w.Button(description="Analyse", button_style="primary", tooltip="Analyse the chosen text",
                               layout=w.Layout(width="auto", min_width="9em"))
        self.status = w.HTML(value="")
        self.view = w.HTML(value="")
        self.upload.observe(self._on_upload, names="value")
        self.button.on_click(self._on_analyse)
        header = w.HTML(value=f"<style>{WIDGET_CSS}</style><p><strong>Check a text of your own.</strong> Paste a "
                              "text or choose a .txt file (UTF-8, at most "
                              f"{escape(megabytes(MAX_BYTES))}), then press Analyse.</p>")
        self.box = w.VBox([header, self.text, self.upload, self.source, self.button, self.status, self.view],
                          layout=w.Layout(border="1px solid #bbb", padding="0.5em 1em", margin="0.5em 0",
                                          max_width="100%"))
        self.box.add_class(WIDGET_CLASS)

    def _on_upload(self, _change=None) -> None:
        if uploaded_file(self.upload) is not None:
            self.source.value = UPLOADED

    def chosen_text(self) -> tuple[str, str]:
        """What to analyse and how the status names it; :class:`TextProblem` when it cannot be analysed."""
        if self.source.value == UPLOADED:
            chosen = uploaded_file(self.upload)
            if chosen is None:
                raise TextProblem("No file is chosen yet: choose a .txt file, or analyse the pasted text instead.")
            name, data = chosen
            return text_from_upload(name, data), f"the file {shortened(name, 60)}"
        return text_from_paste(self.text.value), "the pasted text"

    def _on_analyse(self, _button=None) -> None:
        """Show the view of the chosen text, or a message; never raises (the learner's input stays as it was)."""
        try:
            try:
                text, what = self.chosen_text()
            except TextProblem as problem:
                self.view.value = ""
                self.status.value = status_html(str(problem), problem=True)
                return
            self.status.value = status_html(f"Analysing {what}\u2026")
            self.view.value = article_view_html(text, analyze_text(text), compare=seed_hype_scores())
            self.status.value = status_html(f"Analysed {what}: {len(text.split()):,} words. The view is below.")
        except KeyboardInterrupt:
            self.status.value = status_html("The analysis was interrupted.", problem=True)
        except Exception as error:  # noqa: BLE001 - a message in the checker, never a traceback
            self.view.value = ""
            self.status.value = status_html(f"The analyser could not read this text ({type(error).__name__}). "
                                            "Please report it, with the text if you can.", problem=True)

    @property
    def status_text(self) -> str:
        """The status as it reads, without markup (for tests)."""
        return " ".join(unescape(re.sub(r"<[^>]+>", " ", self.status.value)).split())

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.box._repr_mimebundle_(**kwargs)
        bundle["text/html"] = launch_html()
        return bundle


def article_checker() -> ArticleChecker:
    """The checker's cell: the live checker in Jupyter, how to open it on Binder in the built book."""
    return ArticleChecker()
