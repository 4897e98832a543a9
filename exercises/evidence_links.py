"""Check links to the kit's evidence: fact cards on the fact sheet and numbered paragraphs of the articles.

The book's pages and the exercises' outputs link to evidence with ordinary relative links that name
the page's source file, ``facts.md#fact-cost-01`` and ``articles.md#a003-p7``, so that the same link
works in JupyterLab (which opens the page) and in the built book (where the Sphinx extension points it
at the HTML page). :func:`check_evidence_link` decides whether such a link's anchor exists, in one place
for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from solutions import article_paragraphs, load_articles, load_facts
from solutions.data.facts import fact_parts

FACTS_PAGE = "facts"
ARTICLES_PAGE = "articles"

_FACT_ANCHOR = re.compile(r"^fact-(.+)$")
_PARAGRAPH_ANCHOR = re.compile(r"^a(\d{3})-p(\d+)$")
_ARTICLE_ANCHOR = re.compile(r"^article-(\d{3})$")
_LOOKS_LIKE_FACT_ID = re.compile(r"^[A-Za-z]{2,5}-\d{2}[a-z]?$")
PARAGRAPH_REFERENCE = re.compile(r"^\s*(\d{3})\s*(?:¶|/|-)\s*(\d+)\s*$")


class EvidenceLinkError(ValueError):
    """A link to a fact card or paragraph that does not exist, or whose text names something else."""


@dataclass(frozen=True)
class EvidenceTarget:
    """What an evidence link points at: the text it should show and, for a fact, the tooltip with its verdicts."""

    label: str
    title: str | None
    kind: str  # "fact", "paragraph" or "article"


def _fact_target(key: str, link: str) -> EvidenceTarget:
    facts = load_facts().set_index("claim_id")
    ids = {claim_id.casefold(): claim_id for claim_id in facts.index}
    claim_id = ids.get(key.casefold())
    if claim_id is None:
        parts = fact_parts(key.upper())
        if parts:
            raise EvidenceLinkError(f"{link}: fact {key.upper()} was split into {', '.join(parts)} in version 2 of "
                                    "the fact sheet: link to the part that holds the claim.")
        raise EvidenceLinkError(f"{link}: there is no fact {key.upper()!r} in seeds/facts.csv.")
    also = facts.loc[claim_id, "also"]
    verdicts = str(facts.loc[claim_id, "verdict"]) + (f" (also {', '.join(also)})" if also else "")
    return EvidenceTarget(claim_id, f"Fact {claim_id}: {verdicts}", "fact")


def _paragraph_target(article_id: str, number: int, link: str) -> EvidenceTarget:
    try:
        count = len(article_paragraphs(article_id))
    except KeyError as error:
        raise EvidenceLinkError(f"{link}: {error.args[0] if error.args else error}") from None
    if not 1 <= number <= count:
        raise EvidenceLinkError(f"{link}: article {article_id} has paragraphs 1 to {count}, not {number}.")
    return EvidenceTarget(f"{article_id} ¶{number}", None, "paragraph")


def _article_target(article_id: str, link: str) -> EvidenceTarget:
    if article_id not in set(load_articles()["id"]):
        raise EvidenceLinkError(f"{link}: there is no article {article_id!r} among the seed articles.")
    return EvidenceTarget(article_id, None, "article")


def check_evidence_link(page: str, anchor: str) -> EvidenceTarget | None:
    """Return what ``page#anchor`` points at, ``None`` if it is not an evidence anchor (a heading, say).

    ``page`` is the page's name without folder or suffix (``facts``, ``articles``). Raises
    :class:`EvidenceLinkError`, with the link and what is wrong, for an unknown or split fact, an
    unknown article or a paragraph out of range.
    """
    link = f"{page}.md#{anchor}"
    if page == FACTS_PAGE and (match := _FACT_ANCHOR.match(anchor)):
        return _fact_target(match.group(1), link)
    if page == ARTICLES_PAGE and (match := _PARAGRAPH_ANCHOR.match(anchor)):
        return _paragraph_target(match.group(1), int(match.group(2)), link)
    if page == ARTICLES_PAGE and (match := _ARTICLE_ANCHOR.match(anchor)):
        return _article_target(match.group(1), link)
    return None


def check_link_text(text: str, target: EvidenceTarget, link: str) -> None:
    """Fail when a link's text names a different fact or paragraph than the one it points at."""
    text = text.strip()
    if target.kind == "fact" and _LOOKS_LIKE_FACT_ID.match(text) and text.casefold() != target.label.casefold():
        raise EvidenceLinkError(f"{link}: the link says {text!r} but points at fact {target.label}.")
    if target.kind == "paragraph" and (match := PARAGRAPH_REFERENCE.match(text)):
        if f"{match.group(1)} ¶{int(match.group(2))}" != target.label:
            raise EvidenceLinkError(f"{link}: the link says {text!r} but points at paragraph {target.label}.")
