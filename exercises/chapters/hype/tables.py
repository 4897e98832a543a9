"""The tables of the chapter "How loud is it?": the hype categories with examples, and the counts per article."""

from __future__ import annotations

from html import escape

from IPython.display import HTML

from solutions.analyser.hype import hype_categories
from solutions.chapters.loudness import all_finds, article_hype_table, categories

from exercises.display import html_table
from exercises.formatting import trim
from .highlights import hype_style
from .wording import category_labels, mentioned, tag


def categories_table_html() -> HTML:
    """The seven kinds: tag, what each is and why it is loaded, default weight, and finds in the articles."""
    finds = all_finds()
    rows = []
    for row in hype_categories().itertuples():
        found = finds[finds["category"] == row.category]
        # Counts only: the phrases themselves are the answers of the exercise just below the table.
        used = f"{len(found)}" if len(found) else "none"
        rows.append(f'<tr><th scope="row"><mark class="hype hype-{escape(str(row.category))}"><span class="hype-tag">'
                    f'{escape(tag(str(row.category)))}</span></mark><br>{escape(str(row.label))}</th>'
                    f"<td>{escape(mentioned(row.description))}</td>"
                    f'<td class="number">{trim(float(row.weight), 1)}</td><td>{used}</td></tr>')
    table = html_table("The kit's seven kinds of loaded wording, with their default weights and how often the five "
                   "articles use them", ["Kind", "What it is and why it is loaded", "Weight", "In the five articles"],
                   rows)
    return HTML(hype_style() + table.data)


def counts_table_html() -> HTML:
    """Loaded phrases of each kind in each article, with totals, words and the rate per 1,000 words."""
    table = article_hype_table()
    labels = category_labels()
    ids = list(table["article_id"])
    rows = []
    for name in categories():
        cells = "".join(f'<td class="number">{int(n)}</td>' for n in table[name])
        rows.append(f'<tr><th scope="row">{escape(labels[name])}</th>{cells}'
                    f'<td class="number">{int(table[name].sum())}</td></tr>')
    total_words = int(table["words"].sum())
    total = int(table["total"].sum())
    rows.append('<tr><th scope="row">All loaded phrases</th>'
                + "".join(f'<td class="number">{int(n)}</td>' for n in table["total"])
                + f'<td class="number">{total}</td></tr>')
    rows.append('<tr><th scope="row">Words</th>'
                + "".join(f'<td class="number">{int(n):,}</td>' for n in table["words"])
                + f'<td class="number">{total_words:,}</td></tr>')
    rows.append('<tr><th scope="row">Loaded phrases per 1,000 words</th>'
                + "".join(f'<td class="number">{trim(x, 1)}</td>' for x in table["per_thousand"])
                + f'<td class="number">{trim(total / total_words * 1000, 1)}</td></tr>')
    return html_table("Loaded phrases of each kind in each article, found by the kit's word list",
                  ["Kind", *[f"Article {i}" for i in ids], "All five"], rows)
