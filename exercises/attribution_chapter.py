"""The exercises, tables and figure of the chapter "Who said it?". Every correct answer is computed
from :mod:`solutions`."""

from __future__ import annotations

import re
from html import escape

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from solutions import article_ids, article_text, fact
from solutions.data.articles import paragraph_at
from solutions.data.facts import VERDICT_MEANINGS, accepted_verdicts, verdict_reasons
from solutions.analyser.roles import role_heads
from solutions.chapters.people import check_names
from solutions.data.people import load_people, person
from solutions.analyser.provenance import find_date
from solutions.chapters.provenance import SIGNALS, article_provenance
from solutions.data.reference import reference_value
from solutions.chapters.sourcing import CHECKABLE, CLASS_MEANINGS, CLASSES, SELF_REPORTED, UNVERIFIABLE, VAGUE
from solutions.chapters.sourcing_seeds import (
    attribution_for, class_counts, document_owner, seed_attributions, source_owner,
)

from .charts import WIDTH_INCHES, figure_html, wrap_label
from .display import fact_link, paragraph_link
from .formatting import trim, written_date
from .model import (
    ChapterExercises, Criterion, Matching, MultipleChoice, Option, Reflection, SingleChoice, Source,
)

#: The attributions learners classify: two of each kind, chosen by the fact row that checks them.
#: (Article 000's "industry experts" are the page's worked example of a vague credit, so they are not asked.)
CLASSIFY_CLAIMS = ("ATT-01", "ATT-06b", "ATT-05b", "ATT-03b", "TECH-07", "INV-03", "GPU-02", "GPU-07")
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
    "mislabelled": "A label that does not fit what the sources say the source does",
    "unverified_role": "A label for a source that the kit's sources do not confirm",
}
NAME_PROBLEMS = ("misspelled", "mislabelled", "unverified_role")
#: What a writer should do about each name problem, in the order a row's main answer is chosen.
NAME_FIXES = {"misspelled": "spelling", "mislabelled": "relabel", "unverified_role": "check-label"}


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


def _titles(claim_id: str) -> list[str]:
    """The source titles the fact sheet gives for a claim (they are separated by " ; ")."""
    return [title.strip() for title in str(fact(claim_id)["source_title"]).split(" ; ") if title.strip()]


def _plain_title(title: str) -> str:
    """A source title without its notes in brackets: "X (original; URL as cited …)" -> "X"."""
    return re.sub(r"\s*\([^)]*\)", "", title).strip()


def _first_title(titles: str) -> str:
    """The first of the " ; "-separated source titles, without its notes in brackets."""
    return _plain_title(str(titles).split(" ; ")[0])


def _source_title(claim_id: str) -> str:
    """The first source the fact sheet gives for a claim, without its notes in brackets."""
    titles = _titles(claim_id)
    return _plain_title(titles[0]) if titles else ""


def _base_title(title: str) -> str:
    """A source title without its notes: "DeepSeek-V3 Technical Report, Table 1" -> "DeepSeek-V3 Technical Report"."""
    return _plain_title(title).split(",")[0].strip().casefold()


def _long_date(value) -> str:
    return written_date(value)


def _first_date_text(claim_id: str) -> str:
    """The first source date of a claim as the fact sheet gives it: "27 December 2024", or "September 2024"
    when only the month is known."""
    first = str(fact(claim_id)["source_date"]).split(";")[0].strip()
    if re.fullmatch(r"\d{4}-\d{2}", first):
        return f"{pd.Timestamp(first + '-01'):%B %Y}"
    return _long_date(first)


def _verdicts_text(claim_ids, verdicts) -> str:
    """"ATT-06a: accurate; ATT-06b: rounded, also misattributed": each row's verdicts from the fact sheet."""
    parts = []
    for claim_id, verdict in zip(claim_ids, verdicts):
        also = [v for v in fact(claim_id)["also"] if v != verdict]
        parts.append(f"{claim_id}: {verdict}" + (f", also {', '.join(also)}" if also else ""))
    return "; ".join(parts)


def curly_quotes(text: str) -> str:
    """The fact sheet's 'single quotes' as ‘curly’ ones, leaving apostrophes (DeepSeek's) alone."""
    return re.sub(r"(?<![\w'])'(?=\S)((?:[^']|(?<=\w)'(?=\w))*?)(?<=\S)'(?![\w])", "\u2018\\1\u2019", text)


def _lower_first(text: str) -> str:
    """"The quotation marks …" -> "the quotation marks …", but "CNBC itself …" stays as it is."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:2].islower() else text


def _reason(claim_id: str, verdict: str) -> str:
    """Why the fact sheet gives a claim a verdict: the reason its note marks, or the note's sentence that
    starts with the verdict ("Rounded: …"), or else what the verdict means."""
    reason = verdict_reasons(claim_id)[verdict]
    if reason == VERDICT_MEANINGS[verdict]:
        found = re.search(rf"\b{re.escape(verdict.capitalize())}:\s*(.+?\.)(?=\s|$)", str(fact(claim_id)["note"]))
        if found:
            reason = found.group(1)
    return curly_quotes(reason[:1].upper() + reason[1:])


def _who(row) -> str:
    """The named source as the people register spells it, else as the article writes it."""
    entry = person(row["speaker"]) if row["speaker"] else None
    return entry["name"] if entry else (row["speaker"] or row["credit"])


def _class_reason(row) -> str:
    """Why an attribution is of its kind, from its class, speaker and fact rows."""
    kind, claim_ids = row["class"], list(row["claim_ids"])
    facts = _verdicts_text(claim_ids, row["verdicts"])
    if kind == VAGUE:
        reason = f"“{row['credit']}” does not name anyone a reader could look up."
        if row["traced_to"]:
            reason += f" The fact sheet traced the claim to {row['traced_to']}'s own document ({facts})."
        elif claim_ids and row["verdicts"][0] != "unverifiable" and row["sources"][0]:
            reason += f" The fact sheet checked the claim against {_first_title(row['sources'][0])} ({facts})."
        elif claim_ids:
            reason += f" The fact sheet found no source for the claim ({facts}): it cannot be checked."
        return reason
    if kind == SELF_REPORTED:
        owner = row["organisations"][0] if row["organisations"] else "its organisation"
        return (f"The source (“{row['credit']}”) speaks for {owner} about {owner}'s own work ({facts}). You can "
                "check that it was said, but a company's word about itself is not independent confirmation.")
    who = _who(row)
    if kind == CHECKABLE:
        reason = (f"{who} is named, and the fact sheet found a record of {who} on the matter to compare the "
                  f"article with ({facts}; source: {_first_title(row['sources'][0])}).")
        for claim_id, verdict in zip(claim_ids, row["verdicts"]):
            if verdict == "accurate":
                continue
            reason += f" The check shows a problem ({claim_id}, {verdict}): {_lower_first(_reason(claim_id, verdict))}"
            for also in fact(claim_id)["also"]:
                if also != verdict:
                    reason += f" It is also rated {also}: {_lower_first(_reason(claim_id, also))}"
        return reason
    missing = [claim_id for claim_id, verdict in zip(claim_ids, row["verdicts"]) if verdict == "unverifiable"]
    return (f"{who} is named, but the fact sheet found no source for {', '.join(missing)} ({facts}). That means "
            "it cannot be checked, not that it is false.")


def _role_holder(row) -> tuple[str, int] | None:
    """The registered person who holds the role a credit gives instead of a name ("the company's CEO" of
    DeepSeek), and the first paragraph of the article that names that person; None unless exactly one fits."""
    heads = set(role_heads(str(row["role"] or row["credit"])))
    owner = row["speaker"]
    people = load_people()
    fits = [str(entry.name) for entry in people[people["kind"] == "person"].itertuples()
            if owner in str(entry.affiliations).split("|") and heads & set(str(entry.role_words).split("|"))]
    if len(fits) != 1:
        return None
    text = article_text(row["article_id"])
    at = text.find(fits[0])
    return (fits[0], paragraph_at(text, at)) if at >= 0 else None


def _also_class_reason(row, kind: str) -> str:
    """Why another kind of source is right too: a fact row with more than one verdict, or a source given only
    by its role."""
    claim_ids = list(row["claim_ids"])
    if kind == VAGUE:
        role = str(row["role"] or row["credit"])
        holder = _role_holder(row)
        who = (f" ({holder[0]}, named in {row['article_id']} ¶{holder[1]})" if holder
               else f" (the one who holds it at {row['speaker']})")
        own = f", who speaks about {row['speaker']}'s own work" if row["class"] == SELF_REPORTED else ""
        return (f"Fair: the sentence gives a role, “{role}”, and no name, so if you ask only whether the sentence "
                f"names a person, the answer is no. The kit puts “{CLASS_LABELS[row['class']]}” first: the role "
                f"points to one person a reader can look up{who}{own}.")
    if kind == UNVERIFIABLE:
        rows = [claim_id for claim_id in claim_ids if "unverifiable" in fact(claim_id)["also"]]
        why = " ".join(f"{claim_id} is also rated unverifiable: {_lower_first(_reason(claim_id, 'unverifiable'))}"
                       for claim_id in rows)
    else:
        why = (f"Every fact row matched to it has a source and a verdict other than unverifiable among its "
               f"verdicts ({_verdicts_text(claim_ids, row['verdicts'])}).")
    return (f"{why} The kit puts “{CLASS_LABELS[row['class']]}” first because it follows each row's main "
            "verdict.")


# --- exercises ------------------------------------------------------------------------------------------

def classify_sources() -> Matching:
    rows, pairs, sources, also = [], [], [], []
    chosen = sorted(((claim_id, attribution_for(claim_id)) for claim_id in CLASSIFY_CLAIMS),
                    key=lambda pair: (pair[1]["article_id"], int(pair[1]["paragraph"]), int(pair[1]["start"])))
    for claim_id, row in chosen:  # in reading order, so that the order of the rows says nothing about the kinds
        key = f"{row['article_id']}-{row['paragraph']}-{claim_id}"
        rows.append(Option(key=key, label=f"“{_excerpt_text(row, 100)}” ({_place(row)})",
                           short=f"{_place(row)} (“{row['credit']}”)", feedback=_class_reason(row)))
        pairs.append((key, row["class"]))
        also += [(key, kind, _also_class_reason(row, kind)) for kind in row["classes"][1:]]
        sources.append(Source(fact=claim_id, article=row["article_id"], paragraph=int(row["paragraph"])))
    options = tuple(Option(key=kind, label=CLASS_LABELS[kind], feedback=CLASS_MEANINGS[kind]) for kind in CLASSES)
    counts = pd.Series([kind for _, kind in pairs]).value_counts()
    return Matching(
        id="attribution-classify",
        title="What kind of source?",
        prompt=("Each sentence credits a claim to someone. Decide what kind of source it is: named and "
                "checkable, named but unverifiable, vague, or self-reported. To see whether the fact sheet found a "
                "record of a named source, look the sentence up on the fact sheet page."),
        rows=tuple(rows), options=options, correct=tuple(pairs), also=tuple(also),
        hints=("First ask: does the sentence name a person or an organisation? If not, it is vague, whoever "
               "really said it.",
               "If it is named, ask: is the source talking about its own company's work? Then it is "
               "self-reported. Otherwise, did the fact sheet find a record of the source on the matter, in any "
               "words? Then it is checkable, even when the record shows that the article changed the words."),
        explanation=("The rule asks three questions in order: is anyone named; is the source speaking about its "
                     "own work; did the fact sheet find a record of the source on the matter? Here: "
                     + "; ".join(f"{CLASS_LABELS[kind].lower()} {counts.get(kind, 0)}" for kind in CLASSES)
                     + ". Checkable does not mean right, and unverifiable does not mean false."),
        sources=tuple(sources),
    )


def _mention_span(text: str, start: int, end: int, role: str | None) -> tuple[int, int]:
    """The span of a name together with the label written beside it ("AI researcher Jeffrey Hinton",
    "Marc Andreessen, a prominent venture capitalist")."""
    if role:
        before = text.rfind(role, max(0, start - len(role) - 3), start)
        if before >= 0 and not text[before + len(role):start].strip():
            return before, end
        after = text.find(role, end, end + len(role) + 4)
        if after >= 0 and text[end:after].strip() in ("", ","):
            return start, after + len(role)
    return start, end


def _fix_message(flag: dict) -> str:
    """Why a name or label needs fixing, from the people register and the fact-sheet row it rests on."""
    register = person(flag["canonical"]) or {}
    claim_id = register.get("claim_id") or flag["claim_id"]
    if flag["problem"] == "misspelled":
        written = " ".join(flag["text"].split())
        return (f"“{written}” is not how the name is spelled: the fact sheet's sources write {flag['canonical']} "
                f"(row {claim_id}). A misspelled name suggests that the writer did not copy it from the source.")
    role = re.sub(r"^unverifiable:\s*", "", str(register.get("role", flag["role_known"])))
    if flag["problem"] == "mislabelled":
        row = fact(claim_id)
        verdict = str(row["verdict"])
        why = f" The fact sheet rates the label {verdict}: {_lower_first(_reason(claim_id, verdict))}" \
            if verdict != "accurate" else ""
        return (f"The fact sheet's sources describe {flag['canonical']} as: {role} (row {claim_id}). "
                f"“{flag['role_given']}” does not fit that description.{why}")
    return (f"The kit's sources do not confirm that {flag['canonical']} is what “{flag['role_given']}” says "
            f"(row {claim_id}: {role}). No source was found for the label, which does not make it false: look it "
            "up before you keep it.")


def _name_rows() -> list[dict]:
    """Every name or label problem check_names finds in the seeds, one row per mention (a name with its
    label), and the named people whose name and label raise no flag. Each row: ``key``, ``label``,
    ``short``, ``fixes`` (the writer's fixes, main first, each with the message that calls for it),
    ``feedback`` and ``claim_id``."""
    found: dict[str, dict] = {}
    labels_seen = set()
    for article_id in article_ids():
        text = article_text(article_id)
        for flag in check_names(text):
            paragraph = paragraph_at(text, flag["start"])
            key = f"{article_id}-{paragraph}-{flag['canonical']}".replace(" ", "-")
            start, end = _mention_span(text, flag["start"], flag["end"], flag["role_given"])
            entry = found.setdefault(key, {
                "key": key, "written": " ".join(text[start:end].split()), "place": f"{article_id} ¶{paragraph}",
                "fixes": {}, "name": flag["canonical"], "role_given": flag["role_given"],
                "claim_id": flag["claim_id"]})
            entry["fixes"].setdefault(NAME_FIXES[flag["problem"]], _fix_message(flag))
            labels_seen.add((flag["canonical"], flag["role_given"]))
    table = seed_attributions()
    for row in table[table["named"]].itertuples():
        entry = person(row.speaker) if row.speaker else None
        if entry is None or entry["kind"] != "person" or not row.role:
            continue
        if (entry["name"], row.role) in labels_seen or any(
                item["name"] == entry["name"] for item in found.values()):
            continue
        labels_seen.add((entry["name"], row.role))
        text = article_text(row.article_id)
        forms = [entry["name"], *entry["variants"]]
        position = min((p for p in (text.find(form, row.sentence_start) for form in forms) if p >= 0), default=-1)
        length = next((len(form) for form in forms if text.startswith(form, position)), 0)
        start, end = _mention_span(text, position, position + length, row.role) if position >= 0 else (0, 0)
        key = f"{row.article_id}-{row.paragraph}-{entry['name']}".replace(" ", "-")
        found[key] = {"key": key, "written": " ".join(text[start:end].split()) or f"{row.role} {entry['name']}",
                      "place": f"{row.article_id} ¶{row.paragraph}", "fixes": {}, "name": entry["name"],
                      "role_given": row.role, "claim_id": entry["claim_id"]}
    rows = []
    for item in sorted(found.values(), key=lambda item: (item["place"].split(" ¶")[0],
                                                          int(item["place"].split("¶")[1]))):
        register = person(item["name"])
        fits = ""
        if item["role_given"] and not {"relabel", "check-label"} & set(item["fixes"]) and register:
            fits = (f"The label “{item['role_given']}” fits what the fact sheet says (row {register['claim_id']}: "
                    f"{register['role']}).")
        if item["fixes"]:
            feedback = " ".join([*item["fixes"].values(), fits]).strip()
        else:
            feedback = (f"The name is spelled as the fact sheet spells it, and {fits[0].lower()}{fits[1:]}" if fits
                        else "The name is spelled as the fact sheet spells it.")
        rows.append({**item, "feedback": feedback,
                     "answers": sorted(item["fixes"], key=list(NAME_FIXES.values()).index) or ["fine"]})
    return rows


def fix_names() -> Matching:
    found = _name_rows()
    options = (
        Option(key="spelling", label="Correct the spelling of the name",
               feedback="Use this when the name is written differently from the way the fact sheet's sources "
                        "spell it."),
        Option(key="relabel", label="Change the label: it does not fit what the sources say",
               feedback="Use this when the fact sheet's sources describe the person or firm as something else, "
                        "even if the label is not false."),
        Option(key="check-label", label="Keep the label only if you find a source for it",
               feedback="Use this when the kit's sources neither confirm nor contradict the label."),
        Option(key="fine", label="Nothing to fix: the name and the label match the sources",
               feedback="Use this when the spelling and the label both agree with the fact sheet."),
    )
    labels = {option.key: option.label for option in options}
    rows = tuple(Option(key=item["key"], label=f"“{item['written']}” ({item['place']})",
                        short=f"“{item['written']}”", feedback=item["feedback"]) for item in found)
    also = tuple((item["key"], fix, item["fixes"][fix]) for item in found for fix in item["answers"][1:])
    by_answer = {key: [f"“{item['written']}”" for item in found if item["answers"][0] == key] for key in labels}
    return Matching(
        id="attribution-fix-names",
        title="Fix the names and labels",
        prompt=("A careful writer checks how a source spells its name and what it actually does. For each name "
                "and label from the articles, what should the writer do? Compare them with the fact sheet."),
        rows=rows, options=options,
        correct=tuple((item["key"], item["answers"][0]) for item in found), also=also,
        hints=("A misspelling changes a letter or two: compare each name with the spelling on the fact sheet.",
               "A label can fit the sources, not fit them (they describe the source as something else), or be "
               "neither confirmed nor contradicted by them. Each needs a different fix, and a label that fits "
               "needs none."),
        explanation=("The names and labels are checked against the kit's people register, which follows the fact "
                     "sheet. "
                     + " ".join(f"{labels[key].split(':')[0]}: {', '.join(items)}." for key, items in by_answer.items()
                                if items)
                     + " A misspelled name is a warning sign that the writer did not read the original source; a "
                       "label the kit's sources do not confirm is a reason to look it up, not proof that it is "
                       "wrong; and a correct label is no warning sign at all."),
        sources=tuple(Source(fact=claim_id) for claim_id in dict.fromkeys(item["claim_id"] for item in found)),
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
    origin_text = _first_date_text(chosen)
    reported = reference_value("v3_reported_cost_usd")
    owner = source_owner(TRACED_CLAIM)
    options = []
    for claim_id in ORIGIN_CANDIDATES:
        candidate = fact(claim_id)
        title, date, date_text = _source_title(claim_id), first[claim_id], _first_date_text(claim_id)
        cited = f"The fact sheet cites it for {claim_id}: “{candidate['seed_wording']}”."
        other_owner = document_owner(title)
        if claim_id == chosen:
            feedback = (f"Yes. Published on {date_text}, it gives the cost of the final training run as "
                        f"${trim(reported / 1e6)} million ({candidate['verified_value']}). Rounded, that is the "
                        f"$6 million. {owner or 'The company'} wrote it about its own model, so the figure is "
                        "self-reported, not an estimate by independent experts.")
        elif pd.notna(date) and pd.notna(origin_date) and date < origin_date:
            feedback = (f"Published in {date_text}, before the report that first gave the figure "
                        f"({origin_text}): it cannot be where the figure started. {cited}")
        else:
            own = f" It is one of {other_owner}'s own documents, but a different one." if other_owner else ""
            feedback = (f"Published on {date_text}, after the report that first gave the figure "
                        f"({origin_text}): a later document cannot be where the figure started.{own} {cited}")
        options.append(Option(key=claim_id, label=f"{title} ({date_text})", feedback=feedback, short=title))
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
                     f"{_first_date_text(TRACED_CLAIM)} ({TRACED_CLAIM}; the breakdown is {chosen}). "
                     f"Its verdict on the article's sentence is {traced['verdict']}: "
                     f"{VERDICT_MEANINGS[str(traced['verdict'])].lower()} The number is "
                     f"{owner + chr(39) + 's' if owner else 'the company' + chr(39) + 's'} own, not an estimate by "
                     "independent experts."),
        sources=(Source(fact=TRACED_CLAIM, article=row["article_id"], paragraph=int(row["paragraph"])),
                 Source(fact=chosen)),
    )


def warning_signs_in(article_id: str) -> dict[str, list[str]]:
    """Warning signs in one article: signal or name problem -> the messages that describe it. A company's own
    work credited to unnamed others counts when the kit's provenance check finds it, or when the fact sheet's
    main verdict on such a credit is misattributed (see _relabelled)."""
    signs: dict[str, list[str]] = {}
    for signal in article_provenance(article_id):
        signs.setdefault(signal["signal"], []).append(signal["message"])
    if RELABELLED_SIGN not in signs:
        for row in _relabelled(article_id):
            if row["main"]:
                signs.setdefault(RELABELLED_SIGN, []).append(row["message"])
    for flag in check_names(article_text(article_id)):
        signs.setdefault(flag["problem"], []).append(flag["message"])
    return signs


#: The warning sign that the fact sheet's "misattributed" verdicts can give on their own (see _relabelled).
RELABELLED_SIGN = "self_reported_as_independent"


def _relabelled(article_id: str) -> list[dict]:
    """Credits in one article that the fact sheet says pass a company's own work off as someone else's: a credit
    that names no one, checked by a fact row rated misattributed (as its main verdict or as an ``also``
    verdict) whose first source is a company's own document. Each: ``claim_id``, ``main`` (misattributed is
    the main verdict), ``owner``, ``credit``, ``paragraph`` and ``message`` (why, from the fact sheet)."""
    table = seed_attributions()
    found: dict[str, dict] = {}
    for row in table[(table["article_id"] == article_id) & ~table["named"].astype(bool)].itertuples():
        for claim_id in row.claim_ids:
            verdicts = accepted_verdicts(claim_id)
            owner = document_owner(_source_title(claim_id))
            if "misattributed" not in verdicts or owner is None or claim_id in found:
                continue
            main = verdicts[0] == "misattributed"
            message = (f"“{row.credit}” ({article_id} ¶{row.paragraph}) does not name its source, and the document "
                       f"the fact sheet cites for the claim is {owner}'s own: {_source_title(claim_id)}.")
            if main:
                message += f" The fact sheet rates it misattributed ({claim_id}): {_reason(claim_id, 'misattributed')}"
            else:
                message += (f" The fact sheet's main verdict is {verdicts[0]} ({claim_id}): "
                            f"{_lower_first(_reason(claim_id, verdicts[0]))} It also rates it misattributed: "
                            f"{_lower_first(_reason(claim_id, 'misattributed'))}")
            found[claim_id] = {"claim_id": claim_id, "main": main, "owner": owner, "credit": row.credit,
                               "paragraph": int(row.paragraph), "message": message}
    return list(found.values())


def _arguable_signs(article_id: str) -> dict[str, list[dict]]:
    """Warning signs that the evidence does not settle in one article: sign -> the credits behind it. A sign is
    arguable when the kit's checks do not find it and only an ``also`` verdict of the fact sheet gives it."""
    if RELABELLED_SIGN in warning_signs_in(article_id):
        return {}
    rows = _relabelled(article_id)
    return {RELABELLED_SIGN: rows} if rows else {}


def _warning_sources() -> tuple[Source, ...]:
    """The fact rows and paragraphs behind the name problems and the arguable signs of the warning-signs
    article."""
    text = article_text(WARNING_ARTICLE)
    places = dict.fromkeys((flag["claim_id"], paragraph_at(text, flag["start"])) for flag in check_names(text))
    for rows in _arguable_signs(WARNING_ARTICLE).values():
        places.update(dict.fromkeys((row["claim_id"], row["paragraph"]) for row in rows))
    return tuple(Source(fact=claim_id, article=WARNING_ARTICLE, paragraph=paragraph) for claim_id, paragraph in places)


def warning_signs() -> MultipleChoice:
    signs = {article_id: warning_signs_in(article_id) for article_id in article_ids()}
    present = signs[WARNING_ARTICLE]
    arguable = _arguable_signs(WARNING_ARTICLE)
    options = []
    for sign in (*SIGNALS, *NAME_PROBLEMS):
        if sign in present:
            feedback = " ".join(dict.fromkeys(present[sign]))
        elif sign in arguable:
            feedback = (" ".join(row["message"] for row in arguable[sign])
                        + " The kit's own check does not find the sign here, and the fact sheet's main verdict "
                          "does not give it; its other verdict does, so the evidence does not settle it.")
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
    shown = [sign for sign in (*SIGNALS, *NAME_PROBLEMS) if sign in present]
    either = [sign for sign in (*SIGNALS, *NAME_PROBLEMS) if sign in arguable]
    either_text = "".join(
        f" Tick the option on {SIGN_LABELS[sign][:1].lower()}{SIGN_LABELS[sign][1:]} or leave it: both are right, "
        "because the fact sheet also rates "
        + ", ".join(f"{row['claim_id']} ({WARNING_ARTICLE} ¶{row['paragraph']})" for row in arguable[sign])
        + " misattributed, but not as its main verdict." for sign in either)
    return MultipleChoice(
        id="attribution-warning-signs",
        title=f"Warning signs in article {WARNING_ARTICLE}",
        prompt=(f"Which of these warning signs does article {WARNING_ARTICLE} show? Read it on the articles page "
                "and tick all that apply."),
        options=tuple(options), correct=frozenset(shown), either=frozenset(either),
        hints=("Look at the top of the article for a byline and a date, and at the end for a list of sources.",
               "Compare the names of the people quoted with the fact sheet's spelling, and their labels with "
               "what the sources say they do."),
        explanation=(f"Article {WARNING_ARTICLE} shows: " + "; ".join(SIGN_LABELS[sign].lower() for sign in shown)
                     + "." + either_text + " None of these proves a claim wrong. Together they tell you how little "
                       "the article gives a reader to check its claims with."),
        sources=_warning_sources(),
    )


def rewrite_experts() -> Reflection:
    row = attribution_for(TRACED_CLAIM)
    owner = source_owner(TRACED_CLAIM) or ""
    document = _plain_title(_source_title(TRACED_CLAIM)).split(",")[0].strip()
    document_words = tuple(dict.fromkeys(w for w in (document.casefold(), document.split()[-1].casefold(),
                                                      "paper") if w))
    reported = reference_value("v3_reported_cost_usd")
    millions = reported / 1e6
    figure_words = tuple(dict.fromkeys((trim(millions, 3), trim(millions, 2), trim(millions, 1),
                                        f"{trim(round(millions), 0)} million", f"${trim(round(millions), 0)}m")))
    published = _first_date_text(TRACED_CLAIM)
    return Reflection(
        id="attribution-rewrite-experts",
        title="Give the $6 million its real source",
        prompt=(f"Rewrite this sentence from article {row['article_id']} ¶{row['paragraph']} so that a reader "
                "knows who produced the figure, where they published it and what it covers."),
        original=str(row["sentence"]),
        criteria=(
            Criterion("who", f"You credit the figure to {owner}, not to unnamed experts.",
                      f"Credit the figure to whoever produced it: {owner} itself, in place of unnamed "
                      "“industry experts”.",
                      any_of=(owner.casefold(),), none_of=("industry experts", "experts estimate", "experts say")),
            Criterion("where", "You say where it was published.",
                      f"Say where: {document}, published {published}.",
                      any_of=document_words),
            Criterion("scope", "You say that it covers one training run.",
                      "Say what it covers: the final training run of the V3 model, not the whole development.",
                      any_of=("training run", "final run", "final training", "official training", "one run",
                              "single run", "training of")),
            Criterion("figure", "You keep the figure.",
                      f"Keep the number: ${trim(millions)} million, or about $6 million.", any_of=figure_words),
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

def _title_html(titles: str) -> str:
    """A source's title as HTML: it is the source's own wording, so it is quoted (``<q>``)."""
    return f'<q class="source-title">{escape(_first_title(titles))}</q>'


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
        before, credit, after = _excerpt(row)
        refers = ""
        if row["part"]:
            refers = (f"<br><small>This row: {escape(_who(row))}, one of the sources the credit names, with its own "
                      "fact row</small>")
        elif row["speaker"] and row["speaker"] not in credit:
            refers = f"<br><small>Refers to: {escape(_who(row))}</small>"
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


def _top_articles(column: pd.Series) -> str:
    """"article 003 (3)" or "articles 003 and 004 (3 each)": the articles with the highest count."""
    top = int(column.max())
    ids = [str(article_id) for article_id in column.index[column == top]]
    if len(ids) == 1:
        return f"article {ids[0]} ({top})"
    return f"articles {', '.join(ids[:-1])} and {ids[-1]} ({top} each)"


def _times(number: int) -> str:
    return {1: "once", 2: "twice"}.get(number, f"{number} times")


def sources_summary_html() -> HTML:
    """What the chart shows, article by article, computed from the same table: which article names the most
    sources, and every credit of each kind, in the article's own words."""
    table = seed_attributions()
    counts = class_counts(table)
    named = counts[[CHECKABLE, UNVERIFIABLE, SELF_REPORTED]].sum(axis=1)
    items = [f"Most named sources: {_top_articles(named)}. Most named sources with a statement the fact sheet "
             f"could not find: {_top_articles(counts[UNVERIFIABLE])}."]
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
    arguable = {article_id: _arguable_signs(article_id) for article_id in article_ids()}
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
        ax.set_title(wrap_label(f"{CLASS_LABELS.get(kind, kind)} ({sum(values)})"), fontsize=12, loc="left",
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
    caption = (f"How the five articles credit their claims. Most named sources with a statement the fact sheet "
               f"could not find: {_top_articles(counts[UNVERIFIABLE])}. Most credits to sources that are not "
               f"named: {_top_articles(counts[VAGUE])}.")
    return figure_html(fig, alt, caption)


__all__ = ["CHAPTER", "attribution_table_html", "attribution_tables", "classify_sources", "fix_names",
           "original_source", "rewrite_experts", "sources_chart", "sources_summary_html", "warning_signs",
           "warning_signs_html"]
