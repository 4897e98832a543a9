"""The highlighted articles of the chapter "How loud is it?": each hype phrase marked with its category and why,
the legend, and the stylesheet they carry."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from IPython.display import HTML

from solutions import article_paragraphs
from solutions.analyser.hype import find_hype, hype_categories
from solutions.chapters.loudness import article_hype_table

from .wording import category_labels, tag


#: The highlights' stylesheet, which the outputs with highlights also carry for JupyterLab (see hype_style).
HYPE_CSS = Path(__file__).parents[2] / "static" / "kit-hype.css"


def hype_style() -> str:
    """The highlights' stylesheet (static/kit-hype.css) as a ``<style>`` element, without its comments.

    The book loads the file; JupyterLab does not, so every output with highlights carries it (it is written to
    work with either's colours, light and dark)."""
    css = re.sub(r"/\*.*?\*/", " ", HYPE_CSS.read_text(encoding="utf-8"), flags=re.S)
    return f"<style>{' '.join(css.split())}</style>"


def _mark(text: str, category: str, rationale: str, reasons: dict[str, str] | None = None) -> str:
    """One highlighted phrase, with why it is loaded as its ``title`` (a mouse pointer's tooltip). It takes
    keyboard focus (Tab, a tap or a click), which shows the same explanation under its line (drawn by the
    stylesheet). With ``reasons`` (explanation -> element id, new ones added), screen readers hear it on focus as
    the phrase's description (``aria-describedby``, which takes the place of ``title``)."""
    why = f"{category_labels()[category]}: {rationale}"
    described = ""
    if reasons is not None:
        reasons.setdefault(why, f"hype-why-{len(reasons) + 1}")
        described = f' aria-describedby="{reasons[why]}"'
    return (f'<mark class="hype hype-{escape(category)}" tabindex="0" title="{escape(why)}"{described}>'
            f'{escape(text)}<span class="hype-tag"><span class="hype-bracket"> [</span>{escape(tag(category))}'
            f'<span class="hype-bracket">]</span></span></mark>')


def highlight(text: str, reasons: dict[str, str] | None = None) -> str:
    """A text as escaped HTML with every find of find_hype marked and tagged with its category (see _mark for
    ``reasons``)."""
    parts, position = [], 0
    for find in find_hype(text):
        parts.append(escape(text[position:find["start"]]))
        parts.append(_mark(find["text"], find["category"], find["rationale"], reasons))
        position = find["end"]
    parts.append(escape(text[position:]))
    return "".join(parts)


def legend_html() -> HTML:
    """The key to the highlights: each kind's tint, tag and name, and how to see why a phrase is loaded."""
    items = "".join(f'<li><mark class="hype hype-{escape(str(row.category))}"><span class="hype-tag">'
                    f"{escape(tag(str(row.category)))}</span></mark> {escape(str(row.label))}</li>"
                    for row in hype_categories().itertuples())
    return HTML(f'<div class="hype-legend-box tex2jax_ignore mathjax_ignore">{hype_style()}'
                f'<p class="hype-legend-title">Key to the highlights</p><ul class="hype-legend">{items}</ul>'
                '<p class="hype-legend-how">To see why a phrase is loaded, tap or click it, or move to it with the '
                "Tab key.</p></div>")


def highlighted_articles_html() -> HTML:
    """Every article in full, each in a collapsible box, with its loaded phrases highlighted in place; each
    phrase is described by one of the explanations listed (hidden) at the end."""
    boxes, reasons = [], {}
    for index, row in enumerate(article_hype_table().itertuples()):
        paragraphs = article_paragraphs(row.article_id)
        body = "".join(
            f'<p class="numbered-paragraph"><a class="paragraph-number" href="articles.md#a{escape(row.article_id)}'
            f'-p{number}" aria-label="Article {escape(row.article_id)}, paragraph {number} on the articles page">'
            f"{number}</a> <span>{highlight(str(text), reasons)}</span></p>"
            for number, text in zip(paragraphs["paragraph"], paragraphs["text"]))
        summary = (f'<span class="hype-article-id">Article {escape(row.article_id)}</span> '
                   f'<q class="hype-headline">{escape(str(row.headline))}</q> '
                   f'<span class="hype-count">{row.total} loaded phrase{"s" if row.total != 1 else ""} in '
                   f"{row.words:,} words</span>")
        # The inline style restores the disclosure marker that jupyterlab-myst's "details > summary" rule removes.
        boxes.append(f'<details class="hype-article"{" open" if index == 0 else ""}>'
                     f'<summary style="list-style: revert">{summary}</summary>'
                     f'<div class="article-text hype-text" lang="en">{body}</div></details>')
    explanations = "".join(f'<span id="{ident}">{escape(why)}</span>' for why, ident in reasons.items())
    return HTML(f'<div class="hype-articles tex2jax_ignore mathjax_ignore">{hype_style()}{"".join(boxes)}'
                f'<div class="hype-reasons" hidden>{explanations}</div></div>')
