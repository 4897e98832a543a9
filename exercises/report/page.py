"""The report as one offline HTML page: the summary, the exercise table, the two charts, the scores and the problems.

The page is self-contained: its style is inline, its charts are SVG images in ``data:`` URLs, it has no script
and loads nothing from another host (its Content-Security-Policy forbids both). Everything that comes from a
progress file (names, answers, file names) is escaped. It follows the reader's dark mode
(``prefers-color-scheme``), and each table scrolls sideways inside its own labelled, focusable region, so that a
phone shows it without the page itself scrolling sideways.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

from exercises.progress import kit_version, now

from .collecting import Collection

STYLE = """
:root { color-scheme: light dark; --text: #1a1a1a; --muted: #555555; --page: #ffffff; --panel: #f3f5f7;
  --line: #c8ced4; --link: #005a9c; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e8e8e8; --muted: #b5b5b5; --page: #121416; --panel: #1e2226; --line: #49515a; --link: #8cc4ff; }
  figure img { filter: brightness(0.92); }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--text); font: 16px/1.5 system-ui, sans-serif; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
a { color: var(--link); }
h1, h2 { line-height: 1.2; }
.muted, caption { color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; list-style: none; }
.summary li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; }
.summary strong { display: block; font-size: 1.4rem; }
.table-region { overflow-x: auto; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; }
.table-region:focus { outline: 3px solid var(--link); outline-offset: 2px; }
table { border-collapse: collapse; min-width: 100%; }
caption { text-align: left; padding: 0.5rem; font-weight: 600; }
th, td { border-top: 1px solid var(--line); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
th[scope="col"] { background: var(--panel); }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td ol { margin: 0; padding-left: 1.2rem; min-width: 16rem; }
code { overflow-wrap: anywhere; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; background: #ffffff; border-radius: 6px; }
figcaption { color: var(--muted); margin-top: 0.4rem; }
"""

CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


@dataclass(frozen=True)
class PageParts:
    """What the page shows: the folder's collection, the tables and the charts (None when there is nothing to draw)."""

    collection: Collection
    exercises: pd.DataFrame
    progress: pd.DataFrame
    discernment: pd.DataFrame
    problems: pd.DataFrame
    hardest_chart: str | None
    before_after_chart: str | None


def report_page(parts: PageParts) -> str:
    """The whole HTML page."""
    folder = escape(parts.collection.folder.name)
    sections = [summary_section(parts), exercises_section(parts.exercises), hardest_section(parts.hardest_chart),
                discernment_section(parts.discernment, parts.before_after_chart), problems_section(parts.problems)]
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
            f'<meta name="color-scheme" content="light dark">'
            f"<title>Class report: {folder}</title><style>{STYLE}</style></head>"
            f"<body><main><h1>Class report: {folder}</h1>"
            f'<p class="muted">Made {escape(now())} by the kit (version {escape(kit_version())}) from the progress '
            f"files in the folder {folder}. Verdicts and feedback are those this kit gives each last answer now.</p>"
            + "".join(sections) + "</main></body></html>\n")


def summary_section(parts: PageParts) -> str:
    attempted = int((parts.exercises["learners_attempted"] > 0).sum())
    counts = [(len(parts.collection.found), "files read"), (len(parts.collection.used), "learners' files used"),
              (len(parts.collection.problems), "files not used"),
              (attempted, f"exercises attempted (of {len(parts.exercises)} in the book)")]
    items = "".join(f"<li><strong>{count}</strong> {escape(label)}</li>" for count, label in counts)
    return section("summary", "Summary", f'<ul class="summary">{items}</ul>')


def exercises_section(exercises: pd.DataFrame) -> str:
    rows = []
    for _, row in exercises.iterrows():
        graded = row["graded_first_tries"]
        first_try = (f"{row['right_at_first_try']} of {graded} ({row['right_at_first_try_share']:.0%})" if graded
                     else "not graded" if row["kind"] == "reflection" and row["learners_attempted"] else "–")
        rows.append(
            f"<tr><td>{escape(row['chapter'])}</td><th scope=\"row\">{escape(row['exercise_title'])}<br>"
            f"<code>{escape(row['exercise_id'])}</code></th>"
            f'<td class="number">{row["learners_attempted"]}</td><td class="number">{first_try}</td>'
            f'<td class="number">{row["answer_shown"]}</td><td>{wrong_answers(row)}</td></tr>')
    headers = ["Chapter", "Exercise", "Learners who attempted", "Right at the first try", "Answer shown",
               "Most common wrong last answers (learners): the feedback each gets"]
    table = table_html("exercise-table", "Every exercise of the book, in book order", headers, rows)
    return section("exercises", "Exercises", table)


def wrong_answers(row: pd.Series) -> str:
    items = [f"<li>{escape(row[f'wrong_answer_{rank}'])} ({row[f'wrong_answer_{rank}_learners']}): "
             f"<span class=\"muted\">{escape(row[f'wrong_answer_{rank}_feedback'])}</span></li>"
             for rank in range(1, 4) if not pd.isna(row[f"wrong_answer_{rank}_learners"])]
    return f"<ol>{''.join(items)}</ol>" if items else "–"


def hardest_section(chart: str | None) -> str:
    body = chart or "<p>No learner has a graded first try yet, so there is nothing to compare.</p>"
    return section("hardest", "Which exercises were hardest", body)


def discernment_section(discernment: pd.DataFrame, chart: str | None) -> str:
    if discernment.empty:
        return section("discernment", "Discernment before and after",
                       "<p>No file holds the discernment check before or after.</p>")
    rows = [f"<tr><th scope=\"row\">{escape(row['learner'])}</th><td>{escape(row['file'])}</td>"
            + "".join(f'<td class="number">{score_text(row[column])}</td>' for column in ("before", "after", "change"))
            + "</tr>" for _, row in discernment.iterrows()]
    table = table_html("discernment-table", "Each learner's discernment score (empty: not done, or not every claim "
                       "marked)", ["Learner", "File", "Before", "After", "Change"], rows)
    body = (chart or "<p>No learner has both scores yet, so there is no chart.</p>") + table
    return section("discernment", "Discernment before and after", body)


def score_text(value: object) -> str:
    return "" if pd.isna(value) else f"{value:+.2f}" if value < 0 else f"{value:.2f}"


def problems_section(problems: pd.DataFrame) -> str:
    if problems.empty:
        return section("problems", "Files not used", "<p>Every file was used.</p>")
    rows = [f"<tr><th scope=\"row\">{escape(row['file'])}</th><td>{escape(row['reason'])}</td></tr>"
            for _, row in problems.iterrows()]
    return section("problems", "Files not used",
                   table_html("problem-table", "Each file the report could not use, and why", ["File", "Why"], rows))


def section(name: str, title: str, body: str) -> str:
    return f'<section aria-labelledby="{name}-heading"><h2 id="{name}-heading">{escape(title)}</h2>{body}</section>'


def table_html(name: str, caption: str, headers: list[str], rows: list[str]) -> str:
    """A table inside a region that scrolls sideways, named by the table's caption and reachable by keyboard."""
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    return (f'<div class="table-region" role="region" aria-labelledby="{name}-caption" tabindex="0">'
            f'<table><caption id="{name}-caption">{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")
