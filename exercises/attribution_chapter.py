"""The exercises, tables and figure of the chapter "Who said it?". Every correct answer is computed
from :mod:`solutions`."""

from __future__ import annotations

import re
from html import escape

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from solutions import article_ids, article_text, fact
from solutions.articles import paragraph_at
from solutions.facts import VERDICT_MEANINGS
from solutions.people import check_names, person
from solutions.provenance import SIGNALS, article_provenance, find_date
from solutions.reference import reference_value
from solutions.sourcing import (
    CHECKABLE, CLASS_MEANINGS, CLASSES, SELF_REPORTED, UNVERIFIABLE, VAGUE, attribution_for, class_counts,
    document_owner, seed_attributions, source_owner,
)

from .charts import WIDTH_INCHES, figure_html
from .display import _fact_link, _paragraph_link
from .formatting import trim
from .model import (
    ChapterExercises, Criterion, Matching, MultipleChoice, Option, Reflection, SingleChoice, Source,
)

#: The attributions learners classify: two of each kind, chosen by the fact row that checks them.
CLASSIFY_CLAIMS = ("ATT-01", "ATT-06", "ATT-05", "ATT-03", "COST-01", "INV-03", "GPU-02", "GPU-07")
#: The claim traced back to its source, and the fact rows whose sources are offered as its origin.
TRACED_CLAIM = "COST-01"
ORIGIN_CANDIDATES = ("COST-09", "COST-07", "COST-08", "INV-03", "GPU-06")
#: The article whose warning signs learners list.
WARNING_ARTICLE = "003"

#: One Okabe-Ito colour per kind of attribution (each panel of the chart also names its kind).
CLASS_COLOURS = {CHECKABLE: "#0072B2", UNVERIFIABLE: "#E69F00", VAGUE: "#D55E00", SELF_REPORTED: "#CC79A7"}
CLASS_LABELS = {CHECKABLE: "Named and checkable", UNVERIFIABLE: "Named but unverifiable", VAGUE: "Vague",
                SELF_REPORTED: "Self-reported"}
#: What each provenance signal and name problem is called in the warning-signs question.
SIGN_LABELS = {
    "citation_markers_without_sources": "Numbered source markers such as [4], with no list of sources",
    "ai_rewrite_notice": "A note saying that the text was rewritten with AI",
    "missing_byline": "No byline: it does not say who wrote it",
    "missing_date": "No date: it does not say when it was written",
    "self_reported_as_independent": "A company's own figure credited to unnamed experts",
    "misspelled": "Misspelled names",
    "mislabelled": "A label for a source that the sources contradict",
    "unverified_role": "A label for a source that no source confirms",
}
NAME_PROBLEMS = ("misspelled", "mislabelled", "unverified_role")


# --- helpers --------------------------------------------------------------------------------------------

def _place(row) -> str:
    return f"{row['article_id']} ¶{row['paragraph']}"


def _excerpt(row, width: int = 150) -> tuple[str, str, str]:
    """The attribution's sentence around its credit: (before, credit, after), cut at word breaks to about
    ``width`` characters."""
    sentence, credit = str(row["sentence"]), str(row["credit"])
    at = int(row["start"]) - int(row["sentence_start"])
    before, after = sentence[:at], sentence[at + len(credit):]
    room = max(0, width - len(credit))
    if len(before) > room // 2:
        cut = before.find(" ", len(before) - room // 2)
        before = "…" + (before[cut + 1:] if cut >= 0 else "")
    if len(after) > room - len(before):
        cut = after.rfind(" ", 0, max(0, room - len(before)))
        after = (after[:cut] if cut > 0 else "") + "…"
    return before, credit, after


def _excerpt_text(row, width: int = 150) -> str:
    before, credit, after = _excerpt(row, width)
    return f"{before}{credit}{after}"


def _source_title(claim_id: str) -> str:
    """The first source the fact sheet gives for a claim."""
    return str(fact(claim_id)["source_title"]).split(";")[0].strip()


def _base_title(title: str) -> str:
    """A source title without its notes: "DeepSeek-V3 Technical Report, Table 1" -> "DeepSeek-V3 Technical Report"."""
    return re.sub(r"\s*\([^)]*\)", "", title).split(",")[0].strip().casefold()


def _long_date(value) -> str:
    date = pd.Timestamp(value)
    return f"{date.day} {date:%B %Y}"


def _class_reason(row) -> str:
    """Why an attribution is of its kind, from its class, speaker and fact rows."""
    kind, claim_ids = row["class"], list(row["claim_ids"])
    facts = "; ".join(f"{claim_id}: {verdict}" for claim_id, verdict in zip(claim_ids, row["verdicts"]))
    if kind == VAGUE:
        reason = f"“{row['credit']}” names nobody a reader could look up."
        if row["traced_to"]:
            reason += f" The fact sheet traced the claim to {row['traced_to']}'s own document ({facts})."
        elif claim_ids and row["sources"][0]:
            reason += f" The fact sheet traced it to {row['sources'][0]} ({facts})."
        return reason
    if kind == SELF_REPORTED:
        owner = row["organisations"][0] if row["organisations"] else "its organisation"
        return (f"The source (“{row['credit']}”) speaks for {owner} about {owner}'s own work ({facts}). You can "
                "check that it was said, but a company's word about itself is not independent confirmation.")
    who = row["speaker"] or row["credit"]
    if kind == CHECKABLE:
        reason = (f"{who} is named, and the fact sheet found the record to check it against ({facts}; source: "
                  f"{row['sources'][0]}).")
        wrong = [v for v in row["verdicts"] if v != "accurate"]
        if wrong:
            reason += (f" Checking it shows a problem: {wrong[0]} means "
                       f"“{VERDICT_MEANINGS[wrong[0]].lower().rstrip('.')}”.")
        return reason
    return (f"{who} is named, but no record of the statement was found ({facts}). That means it cannot be "
            "checked, not that it is false.")


# --- exercises ------------------------------------------------------------------------------------------

def classify_sources() -> Matching:
    rows, pairs, sources = [], [], []
    for claim_id in CLASSIFY_CLAIMS:
        row = attribution_for(claim_id)
        key = f"{row['article_id']}-{row['paragraph']}-{claim_id}"
        rows.append(Option(key=key, label=f"{_place(row)}: “{_excerpt_text(row, 100)}”",
                           short=f"{_place(row)} (“{row['credit']}”)", feedback=_class_reason(row)))
        pairs.append((key, row["class"]))
        sources.append(Source(fact=claim_id, article=row["article_id"], paragraph=int(row["paragraph"])))
    options = tuple(Option(key=kind, label=CLASS_LABELS[kind], feedback=CLASS_MEANINGS[kind]) for kind in CLASSES)
    counts = pd.Series([kind for _, kind in pairs]).value_counts()
    return Matching(
        id="attribution-classify",
        title="What kind of source?",
        prompt=("Each sentence credits a claim to someone. Decide what kind of source it is: named and "
                "checkable, named but unverifiable, vague, or self-reported. The tables in the next section "
                "list the fact rows, which say whether a source was found."),
        rows=tuple(rows), options=options, correct=tuple(pairs),
        hints=("First ask: does the sentence name a person or an organisation? If not, it is vague, whoever "
               "really said it.",
               "If it is named, ask: is the source talking about its own company's work? Then it is "
               "self-reported. Otherwise, did the fact sheet find the statement?"),
        explanation=("The rule asks three questions in order: is anyone named; is the source speaking about its "
                     "own work; did the fact sheet find the record to check it against? Here: "
                     + "; ".join(f"{CLASS_LABELS[kind].lower()} {counts.get(kind, 0)}" for kind in CLASSES)
                     + ". Checkable does not mean right, and unverifiable does not mean false."),
        sources=tuple(sources),
    )


def _name_rows() -> list[tuple[Option, str, str]]:
    """(row, option key, fact row) for every name or label problem check_names finds in the seeds, and for
    named people whose name and label raise no flag."""
    found, seen, flagged_people = [], set(), set()
    for article_id in article_ids():
        text = article_text(article_id)
        for flag in check_names(text):
            paragraph = paragraph_at(text, flag["start"])
            place = f"{article_id} ¶{paragraph}"
            if flag["problem"] == "misspelled":
                key = f"name-{article_id}-{flag['text']}"
                label = f"The name “{flag['text']}” ({place})"
                option = f"write-{flag['canonical']}"
            else:
                key = f"label-{article_id}-{flag['canonical']}-{flag['role_given']}"
                label = f"The label “{flag['role_given']}” for {flag['canonical']} ({place})"
                option = "relabel" if flag["problem"] == "mislabelled" else "check-label"
            flagged_people.add(flag["canonical"])
            if key not in seen:
                seen.add(key)
                found.append((Option(key=key, label=label, short=f"“{flag['text']}”", feedback=flag["message"]),
                              option, flag["claim_id"]))
    table = seed_attributions()
    for row in table[table["named"]].itertuples():
        entry = person(row.speaker) if row.speaker else None
        if entry is None or entry["kind"] != "person" or entry["name"] in flagged_people or not row.role:
            continue
        key = f"label-{row.article_id}-{entry['name']}-{row.role}"
        if any(existing.key.endswith(f"-{entry['name']}-{row.role}") for existing, _, _ in found):
            continue
        feedback = (f"The fact sheet (row {entry['claim_id']}) describes {entry['name']} as: {entry['role']}. "
                    f"The name is spelled right and “{row.role}” fits.")
        found.append((Option(key=key, label=f"The label “{row.role}” for {entry['name']} "
                                            f"({row.article_id} ¶{row.paragraph})",
                             short=f"“{row.role} {entry['name']}”", feedback=feedback), "fine", entry["claim_id"]))
    return found


def fix_names() -> Matching:
    found = _name_rows()
    spellings = sorted({key.removeprefix("write-") for _, key, _ in found if key.startswith("write-")})
    options = [Option(key=f"write-{name}", label=f"Write “{name}”",
                      feedback=f"That is how the people register and the fact sheet spell {name}.")
               for name in spellings]
    options += [
        Option(key="relabel", label="Change the label: the sources describe this source differently",
               feedback="Use this when the fact sheet's sources describe the source as something else."),
        Option(key="check-label", label="Keep the label only if you find a source for it: none here confirms it",
               feedback="Use this when the kit's sources neither confirm nor contradict the label."),
        Option(key="fine", label="Nothing to fix: the name and label match the sources",
               feedback="Use this when the spelling and the label both agree with the fact sheet."),
    ]
    misspelled = [row for row, key, _ in found if key.startswith("write-")]
    return Matching(
        id="attribution-fix-names",
        title="Fix the names and labels",
        prompt=("A careful writer checks how a source spells its name and what it actually does. For each name "
                "or label from the articles, what should the writer do?"),
        rows=tuple(row for row, _, _ in found), options=tuple(options),
        correct=tuple((row.key, key) for row, key, _ in found),
        hints=("A misspelling changes a letter or two; compare each name with the spelling on the fact sheet.",
               "A label can be contradicted by the sources (they say the source is something else) or just not "
               "confirmed by them (nobody here says either way). Those need different fixes."),
        explanation=("The names and labels are checked against the kit's people register, which follows the fact "
                     "sheet. "
                     + (f"Misspelled: {', '.join(row.short for row in misspelled)}. " if misspelled else "")
                     + "A misspelled name is a warning sign that the writer did not read the original source; a "
                       "label nobody confirms is a reason to look it up, not proof that it is wrong."),
        sources=tuple(Source(fact=claim_id) for claim_id in dict.fromkeys(claim_id for _, _, claim_id in found)),
    )


def original_source() -> SingleChoice:
    traced = fact(TRACED_CLAIM)
    row = attribution_for(TRACED_CLAIM)
    origin = _base_title(_source_title(TRACED_CLAIM))
    first = {claim_id: fact(claim_id)["first_source_date"] for claim_id in ORIGIN_CANDIDATES}
    matches = [claim_id for claim_id in ORIGIN_CANDIDATES if _base_title(_source_title(claim_id)) == origin]
    if len(matches) != 1:
        raise ValueError(f"{TRACED_CLAIM}'s source should be exactly one candidate's; it matches {matches}")
    (chosen,) = matches
    origin_date = first[chosen]
    reported = reference_value("v3_reported_cost_usd")
    options = []
    for claim_id in ORIGIN_CANDIDATES:
        candidate = fact(claim_id)
        title, date = _source_title(claim_id), first[claim_id]
        cited = f"The fact sheet cites it for {claim_id}: “{candidate['seed_wording']}”."
        owner = document_owner(title)
        if claim_id == chosen:
            feedback = (f"Yes. Published on {_long_date(date)}, it gives the cost of the final training run as "
                        f"${trim(reported / 1e6)} million ({candidate['verified_value']}). Rounded, that is the "
                        f"$6 million. {source_owner(TRACED_CLAIM) or 'The company'} wrote it about its own "
                        "model, so the figure is self-reported, not an estimate by independent experts.")
        elif pd.notna(date) and pd.notna(origin_date) and date < origin_date:
            feedback = (f"Published on {_long_date(date)}, before the report that first gave the figure "
                        f"({_long_date(origin_date)}): it cannot be where the figure started. {cited}")
        else:
            own = f" It is one of {owner}'s own documents, but a different one." if owner else ""
            feedback = (f"Published on {_long_date(date)}, after the report that first gave the figure "
                        f"({_long_date(origin_date)}): it can only repeat or discuss it.{own} {cited}")
        options.append(Option(key=claim_id, label=f"{title} ({_long_date(date)})", feedback=feedback,
                              short=title))
    return SingleChoice(
        id="attribution-original-source",
        title="Where does the $6 million come from?",
        prompt=(f"Article {row['article_id']} ¶{row['paragraph']} says: “{row['sentence']}” Trace the figure "
                "back. Which of these documents is its original source?"),
        options=tuple(options), correct=chosen,
        hints=("The original source is the first document that gives the figure with its working, not a later "
               "article or essay that repeats it.",
               "Look at the dates, and ask which document could give a figure about DeepSeek's own training."),
        explanation=(f"The fact sheet traces the figure to {_source_title(TRACED_CLAIM)}, published "
                     f"{_long_date(traced['first_source_date'])} ({TRACED_CLAIM}; the breakdown is {chosen}). "
                     f"Its verdict on the article's sentence is {traced['verdict']}: "
                     f"{VERDICT_MEANINGS[str(traced['verdict'])].lower()} The “industry experts” are not on "
                     "record; the number is the company's own."),
        sources=(Source(fact=TRACED_CLAIM, article=row["article_id"], paragraph=int(row["paragraph"])),
                 Source(fact=chosen)),
    )


def _signs_in(article_id: str) -> dict[str, list[str]]:
    """Warning signs in one article: signal or name problem -> the messages that describe it."""
    signs: dict[str, list[str]] = {}
    for signal in article_provenance(article_id):
        signs.setdefault(signal["signal"], []).append(signal["message"])
    for flag in check_names(article_text(article_id)):
        signs.setdefault(flag["problem"], []).append(flag["message"])
    return signs


def _warning_sources() -> tuple[Source, ...]:
    """The fact rows and paragraphs behind the name problems of the warning-signs article."""
    text = article_text(WARNING_ARTICLE)
    places = dict.fromkeys((flag["claim_id"], paragraph_at(text, flag["start"])) for flag in check_names(text))
    return tuple(Source(fact=claim_id, article=WARNING_ARTICLE, paragraph=paragraph) for claim_id, paragraph in places)


def warning_signs() -> MultipleChoice:
    signs = {article_id: _signs_in(article_id) for article_id in article_ids()}
    present = signs[WARNING_ARTICLE]
    options = []
    for sign in (*SIGNALS, *NAME_PROBLEMS):
        if sign in present:
            feedback = " ".join(dict.fromkeys(present[sign]))
        else:
            elsewhere = [article_id for article_id, found in signs.items() if sign in found]
            feedback = f"Not in article {WARNING_ARTICLE}."
            if sign == "missing_date":
                span = find_date(article_text(WARNING_ARTICLE))
                if span:
                    feedback += f" It is dated: “{article_text(WARNING_ARTICLE)[span[0]:span[1]]}”."
            if elsewhere:
                feedback += f" You will find it in article{'s' if len(elsewhere) > 1 else ''} {', '.join(elsewhere)}."
        options.append(Option(key=sign, label=SIGN_LABELS[sign], feedback=feedback))
    return MultipleChoice(
        id="attribution-warning-signs",
        title=f"Warning signs in article {WARNING_ARTICLE}",
        prompt=(f"Which of these warning signs does article {WARNING_ARTICLE} show? Read it on the articles page "
                "and tick all that apply."),
        options=tuple(options), correct=frozenset(sign for sign in (*SIGNALS, *NAME_PROBLEMS) if sign in present),
        hints=("Look at the top of the article for a byline and a date, and at the end for a list of sources.",
               "Compare the names of the people quoted with the fact sheet's spelling, and their labels with "
               "what the sources say they do."),
        explanation=(f"Article {WARNING_ARTICLE} shows: "
                     + "; ".join(SIGN_LABELS[sign].lower() for sign in (*SIGNALS, *NAME_PROBLEMS) if sign in present)
                     + ". None of these proves a claim wrong. Together they say the text was assembled from "
                       "sources it does not show, by someone who did not check them."),
        sources=_warning_sources(),
    )


def rewrite_experts() -> Reflection:
    row = attribution_for(TRACED_CLAIM)
    owner = source_owner(TRACED_CLAIM) or ""
    title = _source_title(TRACED_CLAIM)
    document = re.sub(r"\s*\([^)]*\)", "", title).split(",")[0].strip()
    document_words = tuple(dict.fromkeys(w for w in (document.casefold(), document.split()[-1].casefold(),
                                                      "paper") if w))
    reported = reference_value("v3_reported_cost_usd")
    millions = reported / 1e6
    figure_words = tuple(dict.fromkeys((trim(millions, 3), trim(millions, 2), trim(millions, 1),
                                        f"{trim(round(millions), 0)} million", f"${trim(round(millions), 0)}m")))
    published = _long_date(fact(TRACED_CLAIM)["first_source_date"])
    return Reflection(
        id="attribution-rewrite-experts",
        title="Give the $6 million its real source",
        prompt=(f"Rewrite this sentence from article {row['article_id']} ¶{row['paragraph']} so that a reader "
                "knows who produced the figure, where they published it and what it covers."),
        original=str(row["sentence"]),
        criteria=(
            Criterion("who", f"You name {owner} as the source.",
                      f"Say who produced the figure: {owner} itself.", any_of=(owner.casefold(),)),
            Criterion("where", "You say where it was published.",
                      f"Say where: {document}, published {published}.",
                      any_of=document_words),
            Criterion("scope", "You say that it covers one training run.",
                      "Say what it covers: the final training run of the V3 model, not the whole development.",
                      any_of=("training run", "final run", "final training", "official training", "one run",
                              "single run", "training of")),
            Criterion("figure", "You keep the figure.",
                      f"Keep the number: ${trim(millions)} million, or about $6 million.", any_of=figure_words),
            Criterion("no-experts", "No unnamed “experts”: good.",
                      "Drop “industry experts”: no expert estimated this figure.",
                      none_of=("industry experts", "experts estimate", "experts say")),
        ),
        model_answer=(f"In its own technical report ({document}, {published}), {owner} puts the cost of the V3 "
                      f"model's final training run at ${trim(millions)} million of computing time, leaving out "
                      "earlier research and experiments."),
        hints=("Start with who and where: the company, and the document it published. Then say what the number "
               "counts.",),
        explanation=(f"The fact sheet's verdict on the original sentence is {fact(TRACED_CLAIM)['verdict']}: "
                     f"{VERDICT_MEANINGS[str(fact(TRACED_CLAIM)['verdict'])].lower()} A good rewrite names "
                     f"{owner}, says where it published the figure, and says that it covers one training run."),
        sources=(Source(fact=TRACED_CLAIM, article=row["article_id"], paragraph=int(row["paragraph"])),
                 Source(fact="COST-09")),
    )


CHAPTER = ChapterExercises(
    chapter="attribution", title="Who said it?",
    build=(classify_sources, fix_names, original_source, warning_signs, rewrite_experts),
)


# --- tables and figure ----------------------------------------------------------------------------------

def _check_cell(row) -> str:
    """The fact rows with their verdicts, and what the fact sheet found."""
    if not row["claim_ids"]:
        return '<span class="not-stated">not in the fact sheet</span>'
    parts = [f'{_fact_link(claim_id)} <span class="verdict verdict-{escape(verdict)}">{escape(verdict)}</span>'
             for claim_id, verdict in zip(row["claim_ids"], row["verdicts"])]
    text = "<br>".join(parts)
    source = row["sources"][0]
    if row["verdicts"][0] == "unverifiable":
        text += "<br><small>No source found for the claim as written"
        text += f"; the fact sheet looked at: {escape(source)}</small>" if source else "</small>"
    elif source:
        text += f"<br><small>Source: {escape(source)}</small>"
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
        before, credit, after = _excerpt(row)
        refers = ""
        if row["speaker"] and row["speaker"] not in credit:
            refers = f"<br><small>Refers to: {escape(row['speaker'])}</small>"
        body.append(
            f'<tr><th scope="row" style="{cell};width:7.5em">'
            f'<span style="white-space:nowrap">{_paragraph_link(article_id, int(row["paragraph"]))}</span><br>'
            f'<span style="font-weight:normal">{escape(CLASS_LABELS.get(row["class"], row["class"]))}</span></th>'
            f'<td style="{cell}">{escape(before)}<strong>{escape(credit)}</strong>{escape(after)}{refers}'
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
    boxes = [f"<details><summary>{escape(_summary(article_id, counts))}</summary>"
             f"{attribution_table_html(article_id)}</details>" for article_id in article_ids()]
    return HTML(f'<div class="tex2jax_ignore mathjax_ignore">{"".join(boxes)}</div>')


def _top_articles(column: pd.Series) -> str:
    """"article 003 (3)" or "articles 003 and 004 (3 each)": the articles with the highest count."""
    top = int(column.max())
    ids = [str(article_id) for article_id in column.index[column == top]]
    if len(ids) == 1:
        return f"article {ids[0]} ({top})"
    return f"articles {', '.join(ids[:-1])} and {ids[-1]} ({top} each)"


def warning_signs_html() -> HTML:
    """Which warning signs each article shows: one row per sign, one column per article."""
    signs = {article_id: _signs_in(article_id) for article_id in article_ids()}
    body = []
    for sign in (*SIGNALS, *NAME_PROBLEMS):
        cells = "".join(
            f'<td style="text-align:center">{"yes" if sign in signs[article_id] else "–"}</td>'
            for article_id in signs)
        body.append(f'<tr><th scope="row" style="text-align:left;font-weight:normal">{escape(SIGN_LABELS[sign])}</th>'
                    f"{cells}</tr>")
    head = '<th scope="col" style="text-align:left">Warning sign</th>' + "".join(
        f'<th scope="col" style="text-align:center">{escape(article_id)}</th>' for article_id in signs)
    caption = "Warning signs in the five articles, found by the kit's provenance and name checks"
    return HTML(f'<div class="table-scroll tex2jax_ignore mathjax_ignore" tabindex="0" role="region" '
                f'aria-label="{escape(caption)}"><table class="kit-table"><caption>{escape(caption)}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def sources_chart() -> HTML:
    """Attributions per article, one small bar chart per kind of source."""
    counts = class_counts()
    kinds = [kind for kind in counts.columns]
    fig, axes = plt.subplots(2, 2, figsize=(WIDTH_INCHES, 5.4), sharex=True, sharey=True)
    top = max(1, int(counts.to_numpy().max()))
    labels = [f"{article_id}" for article_id in counts.index]
    for ax, kind in zip(axes.flat, kinds):
        values = counts[kind].tolist()
        ax.barh(range(len(values)), values, color=CLASS_COLOURS.get(kind, "#555555"), height=0.65)
        for y, value in enumerate(values):
            ax.text(value + top * 0.04, y, str(value), va="center", ha="left", fontsize=12, color="#222222")
        ax.set_title(f"{CLASS_LABELS.get(kind, kind)} ({sum(values)})", fontsize=12, loc="left",
                     color="#222222", fontweight="bold")
        ax.set_yticks(range(len(values)), labels)
        ax.set_xlim(0, top * 1.35)
        ax.set_xticks([])
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0, labelsize=12)
    axes[0, 0].invert_yaxis()  # the axes share y: article 000 at the top of every panel
    for ax in axes.flat[len(kinds):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("Article", fontsize=12)
    fig.tight_layout()
    parts = "; ".join(f"{CLASS_LABELS.get(kind, kind)}: "
                      + ", ".join(f"article {article_id} {int(counts.loc[article_id, kind])}"
                                  for article_id in counts.index) for kind in kinds)
    alt = (f"Four small horizontal bar charts, one per kind of attribution, each with a bar for every article "
           f"and the count written beside it. {parts}.")
    caption = (f"How the five articles credit their claims. Most named sources whose statements nobody could find: "
               f"{_top_articles(counts[UNVERIFIABLE])}. Most credits to unnamed sources: "
               f"{_top_articles(counts[VAGUE])}.")
    return figure_html(fig, alt, caption)


__all__ = ["CHAPTER", "attribution_table_html", "attribution_tables", "classify_sources", "fix_names",
           "original_source", "rewrite_experts", "sources_chart", "warning_signs", "warning_signs_html"]
