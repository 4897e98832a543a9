"""The chapter "What could the writer have known, and when?": its timeline chart, its table and its exercises.

Every correct answer is computed from :mod:`solutions.chapters.timeline` when an exercise is built. The event
keys below ("MKT-03.1" is the first event tied to fact MKT-03) only choose which events to ask about.
"""

from __future__ import annotations

import random
import textwrap
from html import escape

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from solutions import article_ids, load_articles
from solutions.data.reference import reference_value
from solutions.data.articles import stated_date
from solutions.data.events import chronological, days_between, event, event_date, timeline_events
from solutions.data.markets import load_market_moves, selloff_date
from solutions.data.mentions import article_mentions
from solutions.chapters.timeline import (
    AFTER, BEFORE, DATED_BEFORE, LIKELY_NOT_BEFORE, NOT_BEFORE, NOT_SHOWN, SAME_DAY, STATED, article_dating,
    could_have_known, date_clues, dates_in_articles, earliest_possible, knowable_events, likely_earliest,
    relative_to, selloff_event, standing,
)

from . import charts
from .charts import figure_html
from .display import fact_link, paragraph_link, html_table
from .formatting import trim, written_date
from .model import ChapterExercises, Matching, MultipleChoice, NumberQuestion, Option, Ordering, SingleChoice, Source, Trap

#: Events to put in order (shown shuffled; the order is computed from their dates).
ORDER_KEYS = ("MKT-03.1", "INV-01a.1", "DATE-01.1", "DATE-05.1", "DATE-03.1", "DATE-02.1")
#: The key of the "none of them" option.
NONE = "none"
#: Short names for the events the ordering exercise uses, in sentences of its explanation.
SHORT_NAMES = {"MKT-03.1": "the sell-off", "INV-01a.1": "Meta's spending plan", "DATE-01.1": "V3's weights",
               "DATE-05.1": "the app's No. 1 ranking", "DATE-03.1": "OpenAI's o3 announcement",
               "DATE-02.1": "R1's release"}
#: Events to ask about for the article that states its date.
KNOWABLE_KEYS = ("DATE-01.2", "GPU-06.1", "INV-01a.1", "MKT-03.1", "OTH-06.1", "GPU-06.2", "COST-11.1")
#: The article with a dateline, whose writer's knowledge the chapter works out (its date comes from the data).
DATED_ARTICLE = "003"
#: The undated article whose earliest possible date is worked out in an exercise.
CASE_ARTICLE = "000"
#: How each kind of event looks in the chart: colour (Okabe-Ito), marker and the word printed before it.
KIND_STYLES = {
    "announcement": ("#56B4E9", "o", "Announcement"),
    "release": ("#0072B2", "o", "Release"),
    "market": ("#D55E00", "v", "Market"),
    "policy": ("#555555", "s", "Policy"),
    "claim": ("#CC79A7", "D", "Claim"),
    "downloads": ("#009E73", "^", "Downloads"),
    "ranking": ("#E69F00", "^", "Ranking"),
    "disclosure": ("#000000", "o", "Disclosure"),
    "comment": ("#CC79A7", "s", "Comment"),
    "article": ("#000000", "s", ""),  # an article's own date: printed in bold, without a kind word
}
_OTHER_KIND = ("#555555", "o", "Event")


def day(date) -> str:
    """A date as people write it: 26 January 2025."""
    return written_date(date)


def _short_day(date) -> str:
    return written_date(date, month="short")


def _days(n: int) -> str:
    return f"{n} day" if abs(n) == 1 else f"{n} days"


def _dateline_sources(article_id: str) -> tuple[Source, ...]:
    """The paragraphs where an article states its own date, the first cited with its fact row."""
    dates = dates_in_articles()
    places = dates[(dates["article_id"] == article_id) & (dates["what"] == STATED)]
    return tuple(Source(fact="DATE-06" if i == 0 else None, article=article_id, paragraph=int(p))
                 for i, p in enumerate(dict.fromkeys(places["paragraph"])))


def _named(key: str) -> str:
    """An event as the timeline words it (the kit's own words, so not in quotation marks)."""
    return str(event(key)["event"])


def _first_of(a: str, b: str) -> str:
    """How two events are ordered, from their dates: "Meta's spending plan came 3 days before the sell-off"."""
    n = days_between(event_date(a), event_date(b))
    when = f"{_days(n)} before" if n > 0 else "on the same day as" if n == 0 else f"{_days(-n)} after"
    return f"{SHORT_NAMES[a]} came {when} {SHORT_NAMES[b]}"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _the_dated_article() -> str:
    """The article the chapter follows day by day; it must state its date."""
    if pd.isna(stated_date(DATED_ARTICLE)):
        raise ValueError(f"Article {DATED_ARTICLE} states no date, so what its writer could know is not fixed.")
    return DATED_ARTICLE


def _articles(ids) -> str:
    ids = list(ids)
    return f"Article {ids[0]}" if len(ids) == 1 else "Articles " + ", ".join(ids[:-1]) + f" and {ids[-1]}"


def _count(n: int) -> str:
    words = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")
    return words[n] if 0 <= n < len(words) else str(n)


def _headline(article_id: str) -> str:
    articles = load_articles().set_index("id")
    return str(articles.loc[article_id, "headline"])


# --- the chart and the table -----------------------------------------------------------------------

def _chart_rows() -> pd.DataFrame:
    """The events and the clues in date order: ``date``, ``kind``, ``text``, ``clue`` (bool)."""
    events = timeline_events()
    rows = [(r.date, r.kind, r.event, False, r.claim_id) for r in events.itertuples()]
    for clue in date_clues().itertuples():
        rows.append((clue.date, "clue", f"Clue, not a date: “{clue.text}” in {clue.where}, article "
                                        f"{clue.article_id} ¶{clue.paragraph}", True, ""))
    table = pd.DataFrame(rows, columns=["date", "kind", "text", "clue", "claim_id"])
    return table.sort_values(["date", "clue"], kind="stable").reset_index(drop=True)


def timeline_chart() -> HTML:
    """A vertical timeline: every event, the one stated article date, and the clues in undated articles."""
    rows = _chart_rows()
    dated = _the_dated_article()
    article_day = stated_date(dated)
    # Narrower than the other charts: a timeline is mostly text, which must stay legible when a phone shrinks it.
    width = min(getattr(charts, "WIDTH_INCHES", 7.2), 5.2)
    fontsize, line = 12, 12 * 1.3 / 72  # points, and the height of one line of text in inches
    spine_x, label_x = 2.35, 2.75  # in tenths of the width
    wrap = int((10 - label_x) / 10 * width * 72 / (fontsize * 0.55))
    # Lay the rows out top to bottom, in lines of text: y grows downwards.
    positions, lines, y, previous = [], [], 0.0, None
    breaks, divider, note = [], None, []
    for row in rows.itertuples():
        if divider is None and row.date > article_day:
            divider = y + 0.1
            note = textwrap.wrap(f"After article {dated}'s date: its writer could not know these", wrap)
            y += 1.25 * len(note) + 0.9
        if previous is not None and row.date != previous:
            gap = days_between(previous, row.date)
            if gap > 60:
                breaks.append((y + 0.8, gap))
                y += 2.2
            else:
                y += 0.5
        word = "" if row.clue else KIND_STYLES.get(row.kind, _OTHER_KIND)[2]
        kind_word = f"{word}: " if word else ""
        wrapped = textwrap.wrap(kind_word + row.text, wrap)
        positions.append(y)
        lines.append(wrapped)
        y += len(wrapped) * 1.25 + 0.45
        previous = row.date
    fig, ax = plt.subplots(figsize=(width, y * line + 0.3))
    if divider is not None:
        ax.axhspan(divider, y, color="#f0f0f0", zorder=0)
        ax.axhline(divider, color="#000000", linewidth=1.2, linestyle="--", zorder=1)
        ax.text(label_x, divider + 0.35, "\n".join(note), ha="left", va="top", fontsize=fontsize, color="#000000",
                style="italic", linespacing=1.25)
    ax.plot([spine_x, spine_x], [0.6, y - 0.6], color="#bbbbbb", linewidth=2, zorder=1)
    for top, gap in breaks:
        ax.plot([spine_x], [top], marker="s", markersize=16, color="#f0f0f0", zorder=2)
        ax.text(spine_x, top, "⋮", ha="center", va="center", fontsize=14, color="#555555", zorder=3)
        ax.text(label_x, top, f"{_days(gap)} later", ha="left", va="center", fontsize=fontsize, color="#555555",
                style="italic")
    shown = None
    for p, text_lines, row in zip(positions, lines, rows.itertuples()):
        middle = p + 0.6  # the middle of the label's first line
        if row.date != shown:
            ax.text(spine_x - 0.35, middle, _short_day(row.date), ha="right", va="center", fontsize=fontsize,
                    color="#222222")
            shown = row.date
        if row.clue:
            ax.plot(spine_x, middle, marker="D", markersize=9, markerfacecolor="white", markeredgecolor="#000000",
                    markeredgewidth=1.5, zorder=4)
        else:
            colour, marker, _ = KIND_STYLES.get(row.kind, _OTHER_KIND)
            ax.plot(spine_x, middle, marker=marker, markersize=10, color=colour, zorder=4)
        weight = "bold" if row.kind == "article" else "normal"
        ax.text(label_x, p, "\n".join(text_lines).replace("$", r"\$"), ha="left", va="top", fontsize=fontsize,
                color="#222222", weight=weight, linespacing=1.25)
    ax.set_xlim(0, 10)
    ax.set_ylim(y, 0)
    ax.axis("off")
    fig.subplots_adjust(left=0, right=1, top=1, bottom=0)
    events = rows[~rows["clue"]]
    clues = rows[rows["clue"]]
    later = events[events["date"] > article_day]
    alt = ("Vertical timeline of the DeepSeek story, earliest at the top. "
           + "; ".join(f"{day(r.date)}: {r.text}" for r in rows.itertuples())
           + f". Article {dated} states its date, {day(article_day)}; {len(later)} of the {len(events)} events "
             f"come after it, shaded grey, starting on {day(later['date'].min()) if len(later) else 'no date'}. "
           + f"{len(clues)} dates in undated articles are marked as clues, not dates.")
    caption = (f"The events of the story from {day(events['date'].min())} to {day(events['date'].max())}, with the "
               f"kind of each before its colon. Article {dated}'s dateline ({day(article_day)}, in bold) is the "
               "only date an article states; its writer could not know anything in the grey part. Hollow "
               "diamonds mark dates in undated articles: clues, not dates.")
    return figure_html(fig, alt, caption)


def _said(row, link: bool = False, facts: bool = False) -> str:
    """What an article says, quoted, with its paragraph (and fact rows): “tech stocks tumbled” (004 ¶6, fact MKT-03)."""
    if pd.isna(row["paragraph"]):
        return f"what article {row['article_id']} says ({_facts(row, link)})"
    where = (paragraph_link(row["article_id"], int(row["paragraph"])) if link
             else f"{row['article_id']} ¶{int(row['paragraph'])}")
    quote = escape(str(row["quote"])) if link else str(row["quote"])
    return f"“{quote}” ({where}" + (f", {_facts(row, link)})" if facts else ")")


def _facts(row, link: bool = False) -> str:
    """The fact rows behind a phrase: "fact MKT-03" or "facts MKT-03, MKT-05"."""
    ids = [str(c) for c in (row["claim_ids"] if "claim_ids" in row and row["claim_ids"] else (row["claim_id"],))]
    shown = [fact_link(c) if link else c for c in ids]
    return ("fact " if len(ids) == 1 else "facts ") + ", ".join(shown)


def _event_text(key: str, link: bool = False) -> str:
    """The timeline's event, described in the kit's words (not a quotation): its date and what happened."""
    row = event(key)
    text = str(row["event"])
    return f"{day(row['date'])}: {escape(text) if link else text}"


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
            reasons.append(f"{_said(settled, link=True, facts=True)}: "
                           f"{_event_text(settled['earliest_key'], link=True)}")
        if likely is None:
            most_likely = "no dated event"
        elif settled is not None and pd.Timestamp(likely["date"]) == pd.Timestamp(r.earliest_possible):
            most_likely = "the same"
        else:
            most_likely = f'<time datetime="{r.likely_earliest:%Y-%m-%d}">{day(r.likely_earliest)}</time>'
            reasons.append(f"most likely, {_said(likely, link=True, facts=True)}: "
                           f"{_event_text(likely['event_key'], link=True)}; "
                           f"{escape(_why_not_settled(likely, _bounded_by(likely, settled)))}")
        if not reasons:
            reasons.append("nothing it reports is tied to a dated event")
        rows.append(f'<tr><th scope="row"><a href="articles.md#article-{escape(r.article_id)}">{escape(r.article_id)}</a>'
                    f"</th><td>{stated}</td><td>{clue_html}</td><td>{earliest}</td><td>{most_likely}</td>"
                    f"<td>{'<br>'.join(reasons)}</td></tr>")
    return html_table("When each article was written: the date it states, the clues in its text, and the latest "
                  "dated event it reports, surely and most likely",
                  ["Article", "Date it states", "Clues (not dates)", "Not written before", "Most likely not before",
                   "Because it reports"], rows)


def _why_not_settled(row, bound_said: bool = False) -> str:
    """Why the most likely reading of a phrase does not settle a date. With ``bound_said``, the sentence
    before has just named the event that bounds the article, so it is not repeated."""
    if len(row["alternatives"]):
        others = ", or ".join(_event_text(k) for k in row["alternatives"])
        if bool(row["vague_fall"]) and set(row["alternatives"]) - set(row["sheet_alternatives"]):
            if pd.notna(row["bound_key"]) and bound_said:
                return (f"but the words give neither a size nor a date: written on {day(event_date(row['bound_key']))}, "
                        f"they would describe the latest fall by then ({others})")
            if pd.notna(row["bound_key"]):
                return (f"but the words give neither a size nor a date, and the latest event the rest of article "
                        f"{row['article_id']} surely reports is the timeline's event of {_event_text(row['bound_key'])}; "
                        f"written that day, they would describe the latest fall by then ({others})")
            return ("but the words give neither a size nor a date, and nothing else in the article settles one, so "
                    f"they may also mean {others}")
        return f"but the fact sheet also allows another reading ({others}) because the article states no date"
    return ("but the fact sheet dates only the first steps it found, about then, and an earlier one that no "
            "source records cannot be ruled out")


def _bounded_by(row, settled) -> bool:
    """Whether a phrase's other reading is set by the very event that settles its article's earliest date."""
    return bool(pd.notna(row["bound_key"]) and settled is not None and row["bound_key"] == settled["earliest_key"])


def _clue_note(article_id: str) -> str:
    """What the dates attached to an undated article show, and what they do not."""
    notes = []
    for c in date_clues(article_id).itertuples():
        where = f"{article_id} ¶{c.paragraph}"
        if c.where == "a photo caption":
            notes.append(f"Its photo caption is dated {day(c.date)} ({where}). A page cannot show a photo before the "
                         "photo was taken, so the page was put together on that day or later; the caption does not "
                         "show when the text was written, which may be earlier.")
        else:
            notes.append(f"The date {day(c.date)} in {c.where} ({where}) most likely records when the file was "
                         "saved: a clue to when the page was made, not a date for the text.")
    return " ".join(notes)


# --- the exercises ---------------------------------------------------------------------------------

def event_order() -> Ordering:
    order = chronological(ORDER_KEYS)
    months = pd.Series([f"{event_date(k):%B %Y}" for k in order]).value_counts(sort=False).to_dict()
    items = [Option(key=key, label=str(event(key)["event"])) for key in ORDER_KEYS]
    shown = sorted(items, key=lambda option: random.Random(option.key).random())
    return Ordering(
        id="timeline-event-order",
        title="Which came first?",
        prompt="Without looking anything up, put these events in the order they happened, earliest first.",
        items=tuple(shown), correct=tuple(order),
        hints=(", and ".join(f"{_count(n).lower()} in {month}" if i else f"{_count(n)} of them happened in {month}"
                             for i, (month, n) in enumerate(months.items())) + ".",
               "A company cannot react to a market fall that has not happened yet: check the spending plan "
               "against the sell-off."),
        explanation=("In order: " + "; ".join(f"{_short_day(event_date(k))}, {SHORT_NAMES[k]}" for k in order)
                     + f". {_upper_first(_first_of('INV-01a.1', 'MKT-03.1'))}"
                     + (", so it cannot have been a reaction to it" if event_date("INV-01a.1") < event_date("MKT-03.1")
                        else "")
                     + f"; and {_first_of('DATE-03.1', 'DATE-01.1')}."),
        sources=tuple(Source(fact=event(key)["claim_id"]) for key in order),
    )


def days_to_selloff() -> NumberQuestion:
    weights, report, r1 = event("DATE-01.1"), event("DATE-01.2"), event("DATE-02.1")
    selloff = selloff_event()
    days = days_between(weights["date"], selloff["date"])
    from_report = days_between(report["date"], selloff["date"])
    from_r1 = days_between(r1["date"], selloff["date"])
    from_ranking = days_between(event_date("DATE-05.1"), selloff["date"])
    return NumberQuestion(
        id="timeline-days-to-selloff",
        title="How long did the markets take?",
        prompt=("Use the timeline. How many days passed between DeepSeek posting V3's weights on Hugging Face "
                "and the day of Nvidia's sell-off?"),
        answer=float(days), tolerance=0.5, unit_words=("days", "day", "d"), display=_days(days),
        traps=(
            Trap(float(from_report), 0.5, f"That counts from the V3 report on arXiv ({day(report['date'])}). "
                                          "The weights came out the day before."),
            Trap(float(from_r1), 0.5, f"That counts from R1's release ({day(r1['date'])}). The question asks "
                                      "about V3, the model released in December."),
            Trap(float(days + 1), 0.5, "You counted both the first and the last day. Count the days from one "
                                       "date to the other, as you would count a person's age."),
        ),
        correct_feedback=(f"{day(weights['date'])} to {day(selloff['date'])} is {_days(days)}. R1 had come out only "
                          f"{_days(from_r1)} before the sell-off."),
        hints=("Find both dates on the timeline.",
               f"Count the days left in {weights['date']:%B} after the {weights['date'].day}th, then add the days "
               f"of {selloff['date']:%B} up to the {selloff['date'].day}th."),
        explanation=(f"From {day(weights['date'])} to {day(selloff['date'])} is {_days(days)}. The big fall came "
                     f"{_days(from_r1)} after R1's release and {_days(from_ranking)} after the app reached No. 1 in "
                     "the US. Timing alone does not prove a cause: an article that links the fall to one of these "
                     "events should say who made the link."),
        sources=(Source(fact=weights["claim_id"]), Source(fact=selloff["claim_id"])),
    )


def _timing_feedback(article_id: str, date: pd.Timestamp) -> str:
    stated = stated_date(article_id)
    if pd.notna(stated):
        n = days_between(stated, date)
        where = f"{_days(n)} before" if n > 0 else "on" if n == 0 else f"{_days(-n)} after"
        return f"Its dateline says {day(stated)}: {where} the sell-off."
    settled, likely = earliest_possible(article_id), likely_earliest(article_id)
    clue = _clue_note(article_id)
    if likely is None:
        return ("It states no date, and nothing it reports is tied to a dated event: nothing shows when it was "
                "written, before or after the sell-off. " + clue).strip()
    if settled is not None and settled["earliest_date"] >= date:
        return (f"It states no date, but its words {_said(settled, facts=True)} describe the timeline's event of "
                f"{_event_text(settled['earliest_key'])}, so it cannot be older than that. " + clue).strip()
    surely = ("Nothing it reports settles a date." if settled is None else
              f"The latest event it surely reports is the timeline's event of {_event_text(settled['earliest_key'])}; "
              f"in its words, {_said(settled, facts=True)}.")
    if likely["date"] >= date:
        bound_said = settled is not None and _bounded_by(likely, settled)
        return (f"It states no date. {surely} Its words {_said(likely, facts=True)} most likely refer to the "
                f"timeline's event of {_event_text(likely['event_key'])}, {_why_not_settled(likely, bound_said)}. "
                "So it was most likely written after the sell-off, but the text does not settle it. " + clue).strip()
    return (f"It states no date. {surely} It could be older or newer than the sell-off: nothing shows it was "
            "written before. " + clue).strip()


#: The answers of the exercise "Not written before…?", one per way an article can stand against a date.
STANDINGS = {
    DATED_BEFORE: "Written before it: its own date says so",
    NOT_BEFORE: "Not written before it: its date is later, or it surely reports the fall or something later",
    LIKELY_NOT_BEFORE: "Most likely written on or after it, but what it reports does not settle it",
    NOT_SHOWN: "Nothing in it shows whether it was written before or after",
}


def _is_are(ids, one: str, many: str) -> str:
    return one if len(ids) == 1 else many


def not_before_selloff() -> Matching:
    date = selloff_date()
    where = standing(date)
    groups = {kind: [a for a in article_ids() if where[a] == kind] for kind in STANDINGS}
    rows = tuple(Option(key=a, label=f"Article {a}: “{_headline(a)}”", short=f"Article {a}",
                        feedback=_timing_feedback(a, date)) for a in article_ids())
    parts = []
    if groups[DATED_BEFORE]:
        ids = groups[DATED_BEFORE]
        parts.append(f"{_articles(ids)} {_is_are(ids, 'is', 'are')} dated before the fall.")
    if groups[NOT_BEFORE]:
        ids = groups[NOT_BEFORE]
        parts.append(f"{_articles(ids)} cannot have been written before it: "
                     f"{_is_are(ids, 'its date is', 'their dates are')} later, or "
                     f"{_is_are(ids, 'it surely reports', 'they surely report')} the fall or something later.")
    if groups[LIKELY_NOT_BEFORE]:
        ids = groups[LIKELY_NOT_BEFORE]
        likely = [likely_earliest(a) for a in ids]
        reasons = []
        if any(r is not None and len(r["alternatives"]) for r in likely):
            reasons.append("a phrase that could describe more than one day settles only the earlier")
        if any(r is not None and not len(r["alternatives"]) for r in likely):
            reasons.append("a step the fact sheet dates only roughly may have come earlier")
        if any(c.where == "a photo caption" for a in ids for c in date_clues(a).itertuples()):
            reasons.append("a photo dates the page it is on, not the text")
        listed = (", ".join(reasons[:-1]) + " and " + reasons[-1]) if len(reasons) > 1 else "".join(reasons)
        parts.append(f"{_articles(ids)} {_is_are(ids, 'was', 'were')} most likely written on or after it, but "
                     f"nothing {_is_are(ids, 'it reports', 'they report')} settles that"
                     + (f": {listed}." if listed else "."))
    if groups[NOT_SHOWN]:
        ids = groups[NOT_SHOWN]
        parts.append(f"Nothing in {_articles(ids).lower()} shows whether {_is_are(ids, 'it was', 'they were')} "
                     "written before or after it.")
    if not groups[NOT_BEFORE]:
        parts.append(f"So no article can be shown to have been written on or after {day(date)}: the evidence "
                     "gives a most likely date, not a certain one.")
    return Matching(
        id="timeline-not-before-selloff",
        title=f"Not written before {date.day} {date:%B}?",
        prompt=(f"Nvidia's shares fell by a record amount on {day(date)}. For each article, decide what its date, "
                "or the events it reports, show about when it was written compared with that day."),
        rows=rows, options=tuple(Option(key=k, label=label) for k, label in STANDINGS.items()),
        correct=tuple((a, where[a]) for a in article_ids()),
        hints=("Only one article states its own date. For the others, find the latest event each one reports, "
               "and ask whether its words could describe more than one day.",
               "An article cannot be older than an event it surely reports. Where a phrase could describe more "
               "than one day, it settles only the earlier; and a photo dates the page it is on, not the text."),
        explanation=" ".join(parts),
        sources=tuple(dict.fromkeys([*(s for a in article_ids() for s in _evidence_sources(a)),
                                     Source(fact=str(selloff_event()["claim_id"]))])),
    )


def _evidence_sources(article_id: str) -> tuple[Source, ...]:
    """Why an article is dated where it is: its dateline, or the fact rows (and paragraph, where the
    wording is found) of the latest events it surely and most likely reports."""
    if pd.notna(stated_date(article_id)):
        return _dateline_sources(article_id)
    found = []
    for row in (earliest_possible(article_id), likely_earliest(article_id)):
        if row is None:
            continue
        located = pd.notna(row["paragraph"])
        found += [Source(fact=str(c), article=article_id if located else None,
                         paragraph=int(row["paragraph"]) if located else None) for c in row["claim_ids"]]
    return tuple(dict.fromkeys(found))


def earliest_date() -> SingleChoice:
    article_id = CASE_ARTICLE
    mentions = article_mentions()
    mine = mentions[(mentions["article_id"] == article_id) & mentions["evidence"]]
    latest = earliest_possible(article_id)
    answer_date = pd.Timestamp(latest["earliest_date"])
    options: dict[str, list[str]] = {}
    feedback: dict[str, list[str]] = {}
    clue_sources: list[Source] = []
    unsettled = []
    earlier: dict[str, list[str]] = {}  # what the article reports on days before the answer
    for _, r in mine.iterrows():
        if pd.notna(r["earliest_date"]):
            when = pd.Timestamp(r["earliest_date"])
            key = f"{when:%Y-%m-%d}"
            options.setdefault(key, []).append(f"{day(when)}: {event(r['earliest_key'])['event']}. "
                                               f"In the article: {_said(r)}")
            reports = (f"It does report this ({_facts(r)})" if r["settled"] else
                       f"Its words may describe this ({_facts(r)}): they give neither a size nor a date"
                       if bool(r["vague_fall"]) else f"It may report this ({_facts(r)})")
            if when < answer_date:
                earlier.setdefault(key, []).append(reports)
            else:
                feedback.setdefault(key, []).append(
                    f"This is the latest event it surely reports ({_facts(r)}), so it cannot have been written "
                    "earlier.")
        if not r["settled"]:
            unsettled.append(r)
            when = pd.Timestamp(r["date"])
            key = f"{when:%Y-%m-%d}"
            options.setdefault(key, []).append(f"{day(when)}: {event(r['event_key'])['event']}. "
                                               f"In the article: {_said(r)}")
            feedback.setdefault(key, []).append(
                f"Most likely it does report this ({_facts(r)}), {_why_not_settled(r)}. So these words do not "
                f"settle {day(when)}.")
    for key, reports in earlier.items():
        feedback.setdefault(key, []).insert(
            0, ". ".join(reports) + f". But it also surely reports something later: {_said(latest)} describes the "
                                    f"timeline's event of {_event_text(latest['earliest_key'])}.")
    for c in date_clues(article_id).itertuples():
        key = f"{c.date:%Y-%m-%d}"
        options.setdefault(key, []).append(f"{day(c.date)} (“{c.text}”, in {c.where}, ¶{c.paragraph})")
        feedback.setdefault(key, []).append(
            f"“{c.text}” is in {c.where}: a clue, not a date the article states. It dates the file or the photo, "
            "which may have been made before or after the text was written.")
        clue_sources.append(Source(article=article_id, paragraph=int(c.paragraph)))
    keys = sorted(options)

    def sources_of(row):
        located = pd.notna(row["paragraph"])
        return tuple(Source(fact=str(c), article=article_id if located else None,
                            paragraph=int(row["paragraph"]) if located else None) for c in row["claim_ids"])

    return SingleChoice(
        id="timeline-earliest-date",
        title="The earliest possible date",
        prompt=(f"Article {article_id} states no date. Going only by the events it surely reports, what is the "
                "earliest date on which it could have been written?"),
        options=tuple(Option(key=k, label=" / ".join(options[k]), feedback=" ".join(feedback[k]),
                             short=_short_day(k)) for k in keys),
        correct=f"{answer_date:%Y-%m-%d}",
        hints=("An article cannot report something that has not happened yet.",
               "Find the latest of the events it surely reports. Words that could describe more than one day "
               "settle only the earlier, and a date in a file name or caption is not an event it reports."),
        explanation=(f"Article {article_id} says {_said(latest, facts=True)}, which describes the timeline's event "
                     f"of {_event_text(latest['earliest_key'])}: it cannot be older than that."
                     + "".join(f" Its words {_said(r, facts=True)} most likely describe the timeline's event of "
                               f"{_event_text(r['event_key'])}, {_why_not_settled(r)}; so they do not settle a "
                               "later date." for r in unsettled if pd.Timestamp(r["date"]) > answer_date)
                     + " A date in an image path or a caption is a clue to when the page was made, not a date the "
                       "writer gives."),
        sources=tuple(dict.fromkeys([*sources_of(latest),
                                     *(s for r in unsettled if pd.Timestamp(r["date"]) > answer_date
                                       for s in sources_of(r)),
                                     *clue_sources])),
    )


def known_on_date() -> MultipleChoice:
    article_id = _the_dated_article()
    date = stated_date(article_id)
    answer = set(could_have_known(article_id, KNOWABLE_KEYS))
    statuses = knowable_events(article_id).set_index("key")
    options = []
    for key in KNOWABLE_KEYS:
        when = pd.Timestamp(statuses.loc[key, "date"])
        n = days_between(when, date)
        status = statuses.loc[key, "status"]
        note = {BEFORE: f"{day(when)}, {_days(n)} before the article's date.",
                SAME_DAY: f"{day(when)}, the article's own date: whether the writer could know depends on the hour.",
                AFTER: f"{day(when)}, {_days(-n)} after the article's date."}[status]
        options.append(Option(key=key, label=str(statuses.loc[key, "event"]), feedback=note))
    return MultipleChoice(
        id="timeline-known-on-date",
        title=f"What could article {article_id}'s writer know?",
        prompt=(f"Article {article_id} is dated {day(date)}. Which of these could its writer have known when "
                "writing it? Tick all that apply."),
        options=tuple(options), correct=frozenset(answer),
        hints=("Find each event on the timeline and compare its date with the article's.",
               "Anything in the grey part of the timeline had not happened yet."),
        explanation=(f"Only events before {day(date)} could be known: "
                     + "; ".join(_named(k) for k in KNOWABLE_KEYS if k in answer)
                     + ". Not yet: " + "; ".join(_named(k) for k in KNOWABLE_KEYS if k not in answer)
                     + ". A reader today knows all of these; the writer did not."),
        sources=(*_dateline_sources(article_id),
                 *(Source(fact=c) for c in dict.fromkeys(str(statuses.loc[k, "claim_id"]) for k in KNOWABLE_KEYS))),
    )


def _criticisms() -> list[tuple[str, str, int | None, str]]:
    """Criticisms of the dated article: (fact it rests on, event key of the evidence, paragraph, text)."""
    moves = load_market_moves()
    fall = moves.loc[moves["date"] == selloff_date(), "change_percent"].min()
    gpus = trim(reference_value("v3_cluster_gpus"), 0)
    return [
        ("COST-04", "DATE-01.2", 9, f"It gives V3's training cost and its {gpus} GPUs to R1, as if they were R1's."),
        ("MKT-03", "MKT-03.1", None, f"It does not report that Nvidia's shares fell by about {trim(abs(fall), 0)}%."),
        ("INV-02b", "INV-01a.1", 11, "It calls Meta's spending plan a response to Chinese competition, though "
                                   "Meta's announcement does not mention China."),
        ("COST-11", "COST-11.1", None, "It does not give R1's own training cost."),
        ("MKT-01", "MKT-01.1", 7, "It ties Nvidia's small fall in December to V3's launch, though market reports "
                                  "that day gave other reasons."),
    ]


def fair_criticism() -> Matching:
    article_id = _the_dated_article()
    date = stated_date(article_id)
    rows, pairs, sources = [], [], []
    criticisms = _criticisms()
    for claim_id, key, paragraph, text in criticisms:
        evidence = event(key)
        status = relative_to(date, evidence["date"])
        n = days_between(evidence["date"], date)
        timing = (f"{_days(n)} before" if n > 0 else "on the same day as" if n == 0 else f"{_days(-n)} after")
        where = f"{article_id} ¶{paragraph}" if paragraph else f"Missing from {article_id}"
        rows.append(Option(key=claim_id, label=f"{where}: {text}", short=where,
                           feedback=(f"The evidence ({_named(key)}) dates from {day(evidence['date'])}, {timing} "
                                     "the article.")))
        pairs.append((claim_id, status))
        sources.append(Source(fact=claim_id, article=article_id if paragraph else None, paragraph=paragraph))
    choices = (Option(key=BEFORE, label="Fair: the evidence was public before the article's date"),
               Option(key=SAME_DAY, label="Hard to judge: the evidence appeared on the article's own date"),
               Option(key=AFTER, label="Unfair: the evidence appeared only after the article's date"))
    return Matching(
        id="timeline-fair-criticism",
        title="Fair to the writer?",
        prompt=(f"Article {article_id} is dated {day(date)}. A reader today criticises it in five ways. For each, "
                "decide whether it is fair to the writer, going by when the evidence became public."),
        rows=tuple(rows), options=choices, correct=tuple(pairs),
        hints=("For each criticism, ask: which document or event shows the article is wrong, and when did it "
               "appear?",
               f"The V3 report appeared in {event_date('DATE-01.2'):%B %Y}; R1's own cost was first published in "
               f"{event_date('COST-11.1'):%B %Y}."),
        explanation=("A writer can be held to what was public when they wrote: "
                     + "; ".join(_named(k) for _, k, _, _ in criticisms if relative_to(date, event_date(k)) == BEFORE)
                     + ". They cannot be blamed for missing what came later: "
                     + "; ".join(_named(k) for _, k, _, _ in criticisms if relative_to(date, event_date(k)) == AFTER)
                     + "."),
        sources=tuple(sources),
    )


CHAPTER = ChapterExercises(
    chapter="timeline", title="What could the writer have known, and when?",
    build=(event_order, days_to_selloff, known_on_date, not_before_selloff, earliest_date, fair_criticism),
)
