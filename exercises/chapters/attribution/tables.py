"""The tables of the chapter "Who said it?": each article's attributions with their checks, the summary of
sources, and the warning signs."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from solutions import article_ids, fact
from solutions.chapters.provenance import SIGNALS
from solutions.chapters.sourcing import CHECKABLE, CLASSES, SELF_REPORTED, UNVERIFIABLE, VAGUE
from solutions.chapters.sourcing_seeds import class_counts, seed_attributions

from exercises.display import fact_link, paragraph_link
from .warning_signs import NAME_PROBLEMS, SIGN_LABELS, arguable_signs, warning_signs_in
from .wording import CLASS_LABELS, excerpt, first_title, speaker_name, top_articles


def _title_html(titles: str) -> str:
    """A source's title as HTML: it is the source's own wording, so it is quoted (``<q>``)."""
    return f'<q class="source-title">{escape(first_title(titles))}</q>'


def _check_cell(row) -> str:
    """The fact rows with their verdicts, and what the fact sheet found for each."""
    if not row["claim_ids"]:
        return '<span class="not-stated">not in the fact sheet</span>'
    parts = []
    for claim_id, verdict, source in zip(row["claim_ids"], row["verdicts"], row["sources"]):
        also = [v for v in fact(claim_id)["also"] if v != verdict]
        line = f'{fact_link(claim_id)} <span class="verdict verdict-{escape(verdict)}">{escape(verdict)}</span>'
        if also:
            line += f" <small>(also {escape(', '.join(also))})</small>"
        if verdict == "unverifiable":
            line += "<br><small>No source found for the claim as written"
            line += (f"; the fact sheet looked at: {_title_html(source)}</small>" if source
                     else "</small>")
        elif source:
            line += f"<br><small>Source: {_title_html(source)}</small>"
        parts.append(line)
    text = "<br>".join(parts)
    if row["traced_to"] and row["class"] == VAGUE:
        text += f"<br><small>Traced to {escape(row['traced_to'])}'s own document</small>"
    return text


def attribution_table_html(article_id: str) -> str:
    """One article's credits as a two-column HTML table that fits a phone: where and what kind of source;
    the credit in its sentence, with the fact rows, verdicts and sources that check it."""
    table = seed_attributions()
    rows = table[table["article_id"] == article_id]
    if rows.empty:
        return f"<p>Article {escape(article_id)} credits no claim to anyone.</p>"
    cell = "text-align:left;vertical-align:top"
    body = []
    for _, row in rows.iterrows():
        before, credit, after = excerpt(row)
        refers = ""
        if row["part"]:
            refers = (f"<br><small>This row: {escape(speaker_name(row))}, one of the sources the credit names, with its own "
                      "fact row</small>")
        elif row["speaker"] and row["speaker"] not in credit:
            refers = f"<br><small>Refers to: {escape(speaker_name(row))}</small>"
        body.append(
            f'<tr><th scope="row" style="{cell};width:7.5em">'
            f'<span style="white-space:nowrap">{paragraph_link(article_id, int(row["paragraph"]))}</span><br>'
            f'<span style="font-weight:normal">{escape(CLASS_LABELS.get(row["class"], row["class"]))}</span></th>'
            f'<td style="{cell}"><q>{escape(before)}<strong>{escape(credit)}</strong>{escape(after)}</q>{refers}'
            f'<br>{_check_cell(row)}</td></tr>')
    caption = f"Credits in article {article_id}, with the fact rows that check them"
    head = "".join(f'<th scope="col" style="text-align:left">{escape(name)}</th>'
                   for name in ("Where, and kind of source", "The credit in the article's words, and the check"))
    return (f'<div class="table-scroll" tabindex="0" role="region" aria-label="{escape(caption)}">'
            f'<table class="kit-table"><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def _summary(article_id: str, counts: pd.DataFrame) -> str:
    row = counts.loc[article_id]
    parts = [f"{int(row[kind])} {kind}" for kind in counts.columns if row[kind]]
    total = int(row.sum())
    return f"Article {article_id}: {total} credit{'s' if total != 1 else ''}" + (
        f" ({', '.join(parts)})" if parts else "")


def attribution_tables() -> HTML:
    """Every seed article's attributions, one collapsible table per article."""
    counts = class_counts()
    # The inline style restores the disclosure marker that jupyterlab-myst's "details > summary" rule removes.
    boxes = [f'<details><summary style="list-style: revert">{escape(_summary(article_id, counts))}</summary>'
             f"{attribution_table_html(article_id)}</details>" for article_id in article_ids()]
    return HTML(f'<div class="tex2jax_ignore mathjax_ignore">{"".join(boxes)}</div>')


def _times(number: int) -> str:
    return {1: "once", 2: "twice"}.get(number, f"{number} times")


def sources_summary_html() -> HTML:
    """What the chart shows, article by article, computed from the same table: which article names the most
    sources, and every credit of each kind, in the article's own words."""
    table = seed_attributions()
    counts = class_counts(table)
    named = counts[[CHECKABLE, UNVERIFIABLE, SELF_REPORTED]].sum(axis=1)
    items = [f"Most named sources: {top_articles(named)}. Most named sources with a statement the fact sheet "
             f"could not find: {top_articles(counts[UNVERIFIABLE])}."]
    for article_id in counts.index:
        rows = table[table["article_id"] == article_id]
        parts = []
        for kind in CLASSES:
            of_kind = rows[rows["class"] == kind]
            if len(of_kind):
                parts.append(f"{escape(CLASS_LABELS[kind].lower())} {_times(len(of_kind))} ("
                             + "; ".join(f"“{escape(r.credit)}”" + (f" for {escape(r.part)}" if r.part else "")
                                         + f", {paragraph_link(article_id, int(r.paragraph))}"
                                         for r in of_kind.itertuples()) + ")")
        items.append(f"Article {escape(article_id)}: " + ("; ".join(parts) if parts else "no credits") + ".")
    body = "".join(f"<li>{item if index else escape(item)}</li>" for index, item in enumerate(items))
    return HTML(f'<ul class="sources-summary tex2jax_ignore mathjax_ignore">{body}</ul>')


def warning_signs_html() -> HTML:
    """Which warning signs each article shows: one row per sign, one column per article."""
    signs = {article_id: warning_signs_in(article_id) for article_id in article_ids()}
    arguable = {article_id: arguable_signs(article_id) for article_id in article_ids()}
    body, notes = [], []

    def cell(sign: str, article_id: str) -> str:
        if sign in signs[article_id]:
            return "yes"
        if sign in arguable[article_id]:
            rows = arguable[article_id][sign]
            notes.extend(row["message"] for row in rows)
            return "arguable: " + ", ".join(fact_link(row["claim_id"]) for row in rows)
        return "–"

    for sign in (*SIGNALS, *NAME_PROBLEMS):
        cells = "".join(f'<td style="text-align:center">{cell(sign, article_id)}</td>' for article_id in signs)
        body.append(f'<tr><th scope="row" style="text-align:left;font-weight:normal">{escape(SIGN_LABELS[sign])}</th>'
                    f"{cells}</tr>")
    head = '<th scope="col" style="text-align:left">Warning sign</th>' + "".join(
        f'<th scope="col" style="text-align:center">{escape(article_id)}</th>' for article_id in signs)
    caption = ("Warning signs in the five articles, found by the kit's provenance and name checks and by the fact "
               "sheet's verdicts")
    footnote = ("" if not notes else '<p class="table-note"><small>Arguable: the kit\'s checks do not find the sign, '
                "and only one of the fact sheet's other verdicts gives it. " + " ".join(escape(n) for n in notes)
                + "</small></p>")
    return HTML(f'<div class="tex2jax_ignore mathjax_ignore"><div class="table-scroll" tabindex="0" role="region" '
                f'aria-label="{escape(caption)}"><table class="kit-table"><caption>{escape(caption)}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>{footnote}</div>")
