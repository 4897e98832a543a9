"""The exercises of the chapter "Who said it?" on whom the articles credit: classify each attribution, and fix
the names of the people and organisations quoted. Every correct answer is computed from :mod:`solutions`."""

from __future__ import annotations

import re

import pandas as pd

from solutions import article_ids, article_text, fact
from solutions.data.articles import paragraph_at
from solutions.analyser.roles import role_heads
from solutions.chapters.people import check_names
from solutions.data.people import load_people, person
from solutions.chapters.sourcing import CHECKABLE, CLASS_MEANINGS, CLASSES, SELF_REPORTED, UNVERIFIABLE, VAGUE
from solutions.chapters.sourcing_seeds import attribution_for, seed_attributions

from exercises.kinds import Matching, Option, Source
from .wording import CLASS_LABELS, excerpt, first_title, lower_first, speaker_name, verdict_reason


#: The attributions learners classify: two of each kind, chosen by the fact row that checks them.
#: (Article 000's "industry experts" are the page's worked example of a vague credit, so they are not asked.)
CLASSIFY_CLAIMS = ("ATT-01", "ATT-06b", "ATT-05b", "ATT-03b", "TECH-07", "INV-03", "GPU-02", "GPU-07")


#: What a writer should do about each name problem, in the order a row's main answer is chosen.
NAME_FIXES = {"misspelled": "spelling", "mislabelled": "relabel", "unverified_role": "check-label"}

def _place(row) -> str:
    return f"{row['article_id']} ¶{row['paragraph']}"


def _excerpt_text(row, width: int = 150) -> str:
    before, credit, after = excerpt(row, width)
    return f"{before}{credit}{after}"


def _verdicts_text(claim_ids, verdicts) -> str:
    """"ATT-06a: accurate; ATT-06b: rounded, also misattributed": each row's verdicts from the fact sheet."""
    parts = []
    for claim_id, verdict in zip(claim_ids, verdicts):
        also = [v for v in fact(claim_id)["also"] if v != verdict]
        parts.append(f"{claim_id}: {verdict}" + (f", also {', '.join(also)}" if also else ""))
    return "; ".join(parts)


def _class_reason(row) -> str:
    """Why an attribution is of its kind, from its class, speaker and fact rows."""
    kind, claim_ids = row["class"], list(row["claim_ids"])
    facts = _verdicts_text(claim_ids, row["verdicts"])
    if kind == VAGUE:
        reason = f"“{row['credit']}” does not name anyone a reader could look up."
        if row["traced_to"]:
            reason += f" The fact sheet traced the claim to {row['traced_to']}'s own document ({facts})."
        elif claim_ids and row["verdicts"][0] != "unverifiable" and row["sources"][0]:
            reason += f" The fact sheet checked the claim against {first_title(row['sources'][0])} ({facts})."
        elif claim_ids:
            reason += f" The fact sheet found no source for the claim ({facts}): it cannot be checked."
        return reason
    if kind == SELF_REPORTED:
        owner = row["organisations"][0] if row["organisations"] else "its organisation"
        return (f"The source (“{row['credit']}”) speaks for {owner} about {owner}'s own work ({facts}). You can "
                "check that it was said, but a company's word about itself is not independent confirmation.")
    who = speaker_name(row)
    if kind == CHECKABLE:
        reason = (f"{who} is named, and the fact sheet found a record of {who} on the matter to compare the "
                  f"article with ({facts}; source: {first_title(row['sources'][0])}).")
        for claim_id, verdict in zip(claim_ids, row["verdicts"]):
            if verdict == "accurate":
                continue
            reason += f" The check shows a problem ({claim_id}, {verdict}): {lower_first(verdict_reason(claim_id, verdict))}"
            for also in fact(claim_id)["also"]:
                if also != verdict:
                    reason += f" It is also rated {also}: {lower_first(verdict_reason(claim_id, also))}"
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
        why = " ".join(f"{claim_id} is also rated unverifiable: {lower_first(verdict_reason(claim_id, 'unverifiable'))}"
                       for claim_id in rows)
    else:
        why = (f"Every fact row matched to it has a source and a verdict other than unverifiable among its "
               f"verdicts ({_verdicts_text(claim_ids, row['verdicts'])}).")
    return (f"{why} The kit puts “{CLASS_LABELS[row['class']]}” first because it follows each row's main "
            "verdict.")

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
        why = f" The fact sheet rates the label {verdict}: {lower_first(verdict_reason(claim_id, verdict))}" \
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
