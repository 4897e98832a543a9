"""The table of the chapter "Markets and money": every share move, spending plan and market size in the articles."""

from __future__ import annotations

from html import escape

from IPython.display import HTML

from solutions.chapters.markets import money_figures

from exercises.display import fact_link, html_table, paragraph_link


def money_figures_html() -> HTML:
    """Every share move, spending plan and market size in the articles, with what it is and its verdict."""
    rows = []
    for r in money_figures().itertuples():
        verdict = str(r.verdict)
        rows.append(
            f'<tr><th scope="row">{paragraph_link(r.article_id, r.paragraph)}</th><td>{escape(r.text)}</td>'
            f"<td>{escape(r.note)}</td>"
            f'<td>{fact_link(r.claim_id)}<br>'
            f'<span class="verdict verdict-{escape(verdict)}">{escape(verdict)}</span></td></tr>'
        )
    return html_table("Share moves, spending and market sizes in the five articles, with what each figure is",
                  ["Where", "Figure", "What it is", "Fact"], rows)
