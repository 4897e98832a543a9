"""The table of the chapter "How many downloads?": every tracker count, with its date and fact row."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from solutions.chapters.downloads import load_download_counts, undated_claim

from exercises.display import fact_link, html_table
from exercises.formatting import scaled, trim
from .wording import count_words, month_name, written_day


def _when(row) -> str:
    """When a count was made: its date, or "the first N days after launch" marked as hindsight."""
    if pd.notna(row["date"]):
        return f'<time datetime="{row["date"]:%Y-%m-%d}">{escape(written_day(row["date"]))}</time>'
    text = f"no calendar date: “in {trim(row['days_after_launch'], 0)} days”"
    if isinstance(row["later"], str):
        text += f" (reported later, {month_name(row['later'])})"
    return escape(text)


def download_counts_html() -> HTML:
    """Every tracker count in the data, with its date (or days after launch, marked as hindsight) and its fact row."""
    rows = []
    for _, row in load_download_counts().iterrows():
        stores = row["stores"] if isinstance(row["stores"], str) else "not stated"
        rows.append(f'<tr><th scope="row">{_when(row)}</th><td>{escape(str(row["tracker"]))}</td>'
                    f'<td>{escape(stores)}</td><td class="number">{escape(count_words(row))}</td>'
                    f'<td><span style="white-space:nowrap">{fact_link(str(row["claim_id"]))}</span></td></tr>')
    claim = undated_claim()
    rows.append(f'<tr><th scope="row">not stated</th><td>not stated (article {escape(str(claim["article_id"]))} '
                f'¶{int(claim["paragraph"])})</td><td>not stated</td>'
                f'<td class="number">{escape("over " + scaled(claim["value"]))}</td>'
                f'<td><span style="white-space:nowrap">{fact_link(str(claim["claim_id"]))}</span></td></tr>')
    return html_table("Download counts of the DeepSeek app reported by trackers, and article 000's undated figure",
                  ["When", "Counted by", "Where", "Downloads", "Fact"], rows)
