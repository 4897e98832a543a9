"""The table of the chapter "What could the writer have known, and when?": how each article can be dated."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from solutions.chapters.timeline import article_dating, date_clues, earliest_possible, likely_earliest

from exercises.display import html_table, paragraph_link
from .readings import bounded_by, event_text, what_is_said, why_not_settled
from .wording import day


def article_dating_html() -> HTML:
    """For each article: the date it states, the clues in its text, and the latest event it reports,
    surely and most likely, quoting the article's own words."""
    rows = []
    for r in article_dating().itertuples():
        stated = day(r.stated_date) if pd.notna(r.stated_date) else '<span class="not-stated">not stated</span>'
        clues = date_clues(r.article_id)
        clue_html = "; ".join(f"“{escape(c.text)}”, in {escape(c.where)} ({paragraph_link(c.article_id, c.paragraph)})"
                              for c in clues.itertuples()) or "none"
        reasons = []
        settled = earliest_possible(r.article_id)
        likely = likely_earliest(r.article_id)
        if settled is None:
            earliest = "not settled"
        else:
            earliest = f'<time datetime="{r.earliest_possible:%Y-%m-%d}">{day(r.earliest_possible)}</time>'
            reasons.append(f"{what_is_said(settled, link=True, facts=True)}: "
                           f"{event_text(settled['earliest_key'], link=True)}")
        if likely is None:
            most_likely = "no dated event"
        elif settled is not None and pd.Timestamp(likely["date"]) == pd.Timestamp(r.earliest_possible):
            most_likely = "the same"
        else:
            most_likely = f'<time datetime="{r.likely_earliest:%Y-%m-%d}">{day(r.likely_earliest)}</time>'
            reasons.append(f"most likely, {what_is_said(likely, link=True, facts=True)}: "
                           f"{event_text(likely['event_key'], link=True)}; "
                           f"{escape(why_not_settled(likely, bounded_by(likely, settled)))}")
        if not reasons:
            reasons.append("nothing it reports is tied to a dated event")
        rows.append(f'<tr><th scope="row"><a href="articles.md#article-{escape(r.article_id)}">{escape(r.article_id)}</a>'
                    f"</th><td>{stated}</td><td>{clue_html}</td><td>{earliest}</td><td>{most_likely}</td>"
                    f"<td>{'<br>'.join(reasons)}</td></tr>")
    return html_table("When each article was written: the date it states, the clues in its text, and the latest "
                  "dated event it reports, surely and most likely",
                  ["Article", "Date it states", "Clues (not dates)", "Not written before", "Most likely not before",
                   "Because it reports"], rows)
