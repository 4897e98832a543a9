"""The warning signs an article of the chapter "Who said it?" shows: its provenance signals and name problems,
those the fact sheet's verdicts give, and those that are arguable. Used by the exercise and the table alike."""

from __future__ import annotations

from solutions import article_text
from solutions.data.facts import accepted_verdicts
from solutions.chapters.people import check_names
from solutions.chapters.provenance import article_provenance
from solutions.chapters.sourcing_seeds import document_owner, seed_attributions

from .wording import lower_first, source_title, verdict_reason


#: The article whose warning signs learners list.
WARNING_ARTICLE = "003"


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
            owner = document_owner(source_title(claim_id))
            if "misattributed" not in verdicts or owner is None or claim_id in found:
                continue
            main = verdicts[0] == "misattributed"
            message = (f"“{row.credit}” ({article_id} ¶{row.paragraph}) does not name its source, and the document "
                       f"the fact sheet cites for the claim is {owner}'s own: {source_title(claim_id)}.")
            if main:
                message += f" The fact sheet rates it misattributed ({claim_id}): {verdict_reason(claim_id, 'misattributed')}"
            else:
                message += (f" The fact sheet's main verdict is {verdicts[0]} ({claim_id}): "
                            f"{lower_first(verdict_reason(claim_id, verdicts[0]))} It also rates it misattributed: "
                            f"{lower_first(verdict_reason(claim_id, 'misattributed'))}")
            found[claim_id] = {"claim_id": claim_id, "main": main, "owner": owner, "credit": row.credit,
                               "paragraph": int(row.paragraph), "message": message}
    return list(found.values())


def arguable_signs(article_id: str) -> dict[str, list[dict]]:
    """Warning signs that the evidence does not settle in one article: sign -> the credits behind it. A sign is
    arguable when the kit's checks do not find it and only an ``also`` verdict of the fact sheet gives it."""
    if RELABELLED_SIGN in warning_signs_in(article_id):
        return {}
    rows = _relabelled(article_id)
    return {RELABELLED_SIGN: rows} if rows else {}
