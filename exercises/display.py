"""HTML for the book's reading pages: the article overview table and full articles with numbered paragraphs.

Every piece of article text passes through :func:`html.escape`, so nothing in an article (or in a
teacher's own text) can inject markup into a page.
"""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from solutions import article_paragraphs, load_articles
from solutions.data.facts import fact, fact_parts, load_facts, locate_wording, verdict_counts

from .formatting import written_date

_LEFT = "text-align:left;vertical-align:top"
_RIGHT = "text-align:right;vertical-align:top"
NOT_STATED = '<span class="not-stated">not stated</span>'
# JupyterLab scrolls a notebook to the element with this attribute when a link's fragment names it
# (``facts.md#fact-cost-01``): outputs keep their ids, but JupyterLab looks up this attribute instead.
JUPYTER_ID = "data-jupyter-id"


def paragraph_anchor(article_id: str, paragraph: int) -> str:
    """Return the HTML id of a paragraph, for example ``a003-p7``; chapters link to ``articles.md#a003-p7``."""
    return f"a{article_id}-p{paragraph}"


# Output links name the page's source file, as links in the book's Markdown do: JupyterLab opens
# ``facts.md`` in the notebook viewer, and the Sphinx extension points the static page at ``facts.html``.
def fact_href(claim_id: str) -> str:
    """Return the link to a fact card, for example ``facts.md#fact-cost-01``."""
    return f"facts.md#{fact_anchor(claim_id)}"


def paragraph_href(article_id: str, paragraph: int) -> str:
    """Return the link to a numbered paragraph, for example ``articles.md#a003-p7``."""
    return f"articles.md#{paragraph_anchor(article_id, paragraph)}"


def article_href(article_id: str) -> str:
    """Return the link to an article's full text, for example ``articles.md#article-003``."""
    return f"articles.md#article-{article_id}"


def _cell(value) -> str:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return NOT_STATED
    if isinstance(value, pd.Timestamp):
        return f'<time datetime="{value:%Y-%m-%d}">{written_date(value)}</time>'
    return escape(str(value))


def html_table(caption: str, headers: list[str], body_rows: list[str]) -> HTML:
    """Wrap ready-made ``<tr>`` rows in an accessible, horizontally scrollable table."""
    head = "".join(f'<th scope="col" style="{_LEFT}">{escape(name)}</th>' for name in headers)
    # Jupyter right-aligns table cells by default; inline styles keep text readable there too.
    body_rows = [row.replace('<td class="number">', f'<td class="number" style="{_RIGHT}">')
                 .replace("<td>", f'<td style="{_LEFT}">').replace('<th scope="row">', f'<th scope="row" style="{_LEFT}">')
                 for row in body_rows]
    return HTML(
        f'<div class="table-scroll tex2jax_ignore mathjax_ignore" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f'<table class="kit-table"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body_rows)}</tbody></table></div>"
    )


def articles_overview_html(articles: pd.DataFrame | None = None) -> HTML:
    """Return a table of the seed articles: id, headline, date, place, byline and word count."""
    articles = load_articles() if articles is None else articles
    rows = [
        "<tr>"
        f'<th scope="row"><a href="#article-{escape(row.id)}">{escape(row.id)}</a></th>'
        f"<td><q>{_cell(row.headline)}</q></td><td>{_cell(row.date)}</td><td>{_cell(row.place)}</td>"
        f'<td>{_cell(row.byline)}</td><td class="number">{row.word_count:,}</td>'
        "</tr>"
        for row in articles.itertuples(index=False)
    ]
    return html_table("The five seed articles, as their texts describe themselves",
                  ["Article", "Headline", "Date", "Place", "Byline", "Words"], rows)


def verdict_table_html(counts: pd.DataFrame | None = None) -> HTML:
    """Return the fact sheet's verdict scale with the number of claims given each verdict."""
    counts = verdict_counts() if counts is None else counts
    rows = [
        f'<tr><th scope="row">{escape(row.verdict)}</th><td class="number">{row.claims}</td>'
        f"<td>{escape(row.meaning)}</td></tr>"
        for row in counts.itertuples(index=False)
    ]
    return html_table("Main verdicts on the articles' claims in the reference fact sheet",
                  ["Verdict", "Claims", "What it means"], rows)


def checking_summary_html() -> HTML:
    """How the fact sheet was made and what it does not do, with its counts computed from the sheet."""
    from solutions.data.sources import checking_summary

    c = checking_summary()
    items = [
        f"<strong>What was compared.</strong> The fact sheet has {c['claims']} rows. {c['article_claims']} of them "
        "judge a checkable claim from the five articles, each with the article's own wording, which was compared "
        "with what the sources on its row say; where a claim has more than one part (a figure and a motive, say), "
        f"each part is its own row ({c['parts']} rows are such parts). The other {c['reference_rows']} rows hold "
        "reference figures and context, such as the V3 report's own numbers, which the chapters check the "
        "articles against; they are not counted as the articles' claims.",
        f"<strong>Which sources.</strong> The rows cite {c['addresses']} source addresses: {c['primary']} "
        "primary (the papers, release notes, posts or records of the people and organisations a claim is "
        f"about), {c['secondary']} secondary (news reports and analyses) and {c['repost']} reposts (copies of "
        "another publisher's text, kept where they are what could be read). Each fact card labels every source "
        "with its kind and date.",
        "<strong>Stored copies.</strong> The sources were read from stored (archived) copies of public web pages "
        "and repositories, not from the live web. "
        f"{c['not_read']} cited addresses were not opened themselves (their text was read in a copy listed beside "
        "them, or they are cited as the original record).",
        f"<strong>Hindsight.</strong> {c['hindsight']} rows mention facts published after January 2025; their notes "
        "mark them “(later: …)”. The articles are judged on what was known when they were written.",
        f"<strong>Confidence.</strong> {c['confidence_high']} rows have high confidence, {c['confidence_medium']} "
        f"medium and {c['confidence_low']} low (the fact-sheet page says what each level means).",
        "<strong>Limits.</strong> The sheet covers the claims its authors chose to check. A checkable sentence "
        "with no row gets no verdict in the kit: a review of the book found one such claim, which the second "
        "version of the sheet added (fact OTH-11). Treat the kit's verdicts as a worked example to check, not "
        "as the last word.",
    ]
    return HTML('<ul class="checking-summary tex2jax_ignore mathjax_ignore">'
                + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def article_html(article_id: str) -> HTML:
    """Return one seed article in full: what its text says about itself, then numbered paragraphs."""
    articles = load_articles()
    meta = articles[articles["id"] == article_id].iloc[0]
    facts = [("Date", meta["date"]), ("Place", meta["place"]), ("Byline", meta["byline"]),
             ("Sources", meta["sources"]), ("Provenance", meta["provenance"]),
             ("Words", f"{meta['word_count']:,}"), ("File", meta["file"])]
    details = "".join(f"<dt>{name}</dt><dd>{_cell(value)}</dd>" for name, value in facts)
    paragraphs = []
    for number, text in zip(*(article_paragraphs(article_id)[c] for c in ("paragraph", "text"))):
        anchor = paragraph_anchor(article_id, number)
        paragraphs.append(
            f'<p id="{anchor}" {JUPYTER_ID}="{anchor}" class="numbered-paragraph">'
            f'<a class="paragraph-number" href="#{anchor}" aria-label="Article {article_id}, paragraph {number}">'
            f"{number}</a> <span>{escape(text)}</span></p>"
        )
    return HTML(
        f'<div class="tex2jax_ignore mathjax_ignore"><p class="article-headline" lang="en">{escape(meta["headline"])}</p>'
        '<div class="seed-article">'
        f'<dl class="article-facts">{details}</dl>'
        f'<div class="article-text" role="region" aria-label="Text of article {article_id}">'
        f"{''.join(paragraphs)}</div></div></div>"
    )


def fact_anchor(claim_id: str) -> str:
    """Return the HTML id of a fact row on the fact-sheet page, for example ``fact-cost-01``."""
    return f"fact-{claim_id.casefold()}"


def _source_html(row: pd.Series) -> str:
    """One line per source address: kind, title, link to the host, date, and whether it was read."""
    from solutions.data.sources import fact_sources

    items = []
    for source in fact_sources(row["claim_id"]).itertuples():
        read = f"; {escape(source.read)}" if source.read else ""
        items.append(
            f'<li><span class="source-kind source-{escape(source.kind)}" title="{escape(source.why)}">'
            f"{escape(source.kind)}</span> {escape(source.title)} "
            f'(<a href="{escape(source.url)}" rel="noopener">{escape(source.host)}</a>, {escape(source.date)}{read})</li>'
        )
    return f'<ul class="fact-sources">{"".join(items)}</ul>'


def _verdicts_html(row: pd.Series) -> str:
    """The main verdict, then any other verdicts that apply to the same wording."""
    main = escape(str(row["verdict"]))
    html = f'<span class="verdict verdict-{main}">{main}</span>'
    if row["also"]:
        html += ' <span class="verdict-also">also ' + ", ".join(
            f'<span class="verdict verdict-{escape(v)}">{escape(v)}</span>' for v in row["also"]) + "</span>"
    return html


def _found_in_html(claim_id: str) -> str:
    places = locate_wording(claim_id)
    if places.empty:  # the fact sheet paraphrases: point to the articles it names
        return ", ".join(f'<a href="{escape(article_href(article_id))}">{escape(article_id)}</a>'
                         for article_id in fact(claim_id)["seed_ids"])
    return ", ".join(
        f'<a href="{escape(paragraph_href(row.article_id, row.paragraph))}">'
        f"{escape(row.article_id)} ¶{row.paragraph}</a>"
        for row in places.drop_duplicates(["article_id", "paragraph"]).itertuples(index=False)
    )


def fact_cards_html(topic: str, facts: pd.DataFrame | None = None) -> HTML:
    """Return every fact row of one topic as a card: claim, where it appears, verdict, value and source."""
    facts = load_facts() if facts is None else facts
    rows = facts[facts["topic"] == topic]
    if rows.empty:
        raise KeyError(f"No facts with topic {topic!r}.")
    cards = []
    for _, row in rows.iterrows():
        fields = [
            ("In the articles", _found_in_html(row["claim_id"]) if row["seed_ids"] else
             escape(row["seed_files"])),
            ("What the sources give", escape(row["verified_value"]) if row["verified_value"] else NOT_STATED),
            ("Unit or scope", escape(row["unit"]) if row["unit"] else NOT_STATED),
            ("Sources", _source_html(row)),
            ("Confidence", escape(str(row["confidence"]))),
            ("Note", escape(row["note"]) if row["note"] else NOT_STATED),
        ]
        if not pd.isna(row["part_of"]):
            parts = ", ".join(f'<a href="#{fact_anchor(p)}">{escape(p)}</a>' for p in fact_parts(row["part_of"]))
            fields.append(("Part of", f"claim {escape(row['part_of'])} of the fact sheet's first version, "
                                      f"split into {parts} because its parts have different verdicts"))
        details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in fields)
        cards.append(
            f'<section class="fact-card" id="{fact_anchor(row["claim_id"])}" {JUPYTER_ID}="{fact_anchor(row["claim_id"])}" '
            f'aria-label="Fact {escape(row["claim_id"])}">'
            f'<p class="fact-claim"><a class="fact-id" href="#{fact_anchor(row["claim_id"])}">'
            f'{escape(row["claim_id"])}</a> {_verdicts_html(row)} '
            f'<q>{escape(row["seed_wording"])}</q></p>'
            f'<dl class="article-facts">{details}</dl></section>'
        )
    return HTML(f'<div class="tex2jax_ignore mathjax_ignore">{"".join(cards)}</div>')


def fact_link(claim_id: str) -> str:
    """An HTML link to a fact card, labelled with its id."""
    return f'<a href="{escape(fact_href(claim_id))}">{escape(claim_id)}</a>'


def paragraph_link(article_id: str, paragraph: int) -> str:
    """An HTML link to a numbered paragraph, labelled like ``003 ¶7``."""
    return f'<a href="{escape(paragraph_href(article_id, paragraph))}">{escape(article_id)} ¶{paragraph}</a>'
