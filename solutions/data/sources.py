"""Each fact row's sources, one per address, with the kind of source each is: primary, secondary or repost.

Version 2 of the fact sheet gives one title and one date per address (``" ; "`` between them, in the same
order). The kind of an address is read from two rules, both data the learner can read:

- **repost**: the title says the address holds a copy of another publisher's text ("copy of …",
  "same CNBC story syndicated by …", "… text on guidantech.com", "Thread Reader copy …");
- **primary**: the address starts with a prefix in ``seeds/source_kinds.csv`` (the people or organisations
  whose own words, papers or records the claim is about), with the reason given there;
- **secondary**: everything else (news reports and analyses about the claim).

Whether an address was read itself is taken from the title too: "(what was read)" marks the copy that was
read, and "not read" or "URL as cited in public references" marks an address the checkers did not open.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pandas as pd

from solutions.data.datafiles import cached, read_table
from solutions.data.facts import fact

KINDS = ("primary", "secondary", "repost")
_REPOST = re.compile(r"^(?:copy of|same |thread reader copy|transcript of the same)|syndicated|repost site|"
                     r"as quoted on|(?:story|text) on [\w.-]+\.[a-z]{2,}\b", re.I)
_NOT_READ = re.compile(r"\bnot read\b|URL as cited in public references|URL as listed", re.I)
_READ = re.compile(r"\bwhat was read\b|\bread at commit\b|\bpartly read\b", re.I)
_READ_THROUGH_COPY = re.compile(r"\bread via\b|\bread as embedded\b|\btext read via\b", re.I)


@cached
def source_kind_rules() -> pd.DataFrame:
    """``seeds/source_kinds.csv``: address prefixes of primary sources, with why each is primary."""
    return read_table("source_kinds.csv")


def _split(field: str) -> list[str]:
    return [part.strip() for part in str(field).split(" ; ")]


def source_kind(url: str, title: str) -> tuple[str, str]:
    """``(kind, why)`` for one source address and its title."""
    if _REPOST.search(title):
        return "repost", "a copy of another publisher's text, kept because it is what could be read"
    address = url.split("://", 1)[-1]
    for rule in source_kind_rules().itertuples():
        if address.startswith(rule.address_prefix):
            return "primary", str(rule.why)
    return "secondary", "a report or analysis by someone other than the people the claim is about"


def fact_sources(claim_id: str) -> pd.DataFrame:
    """One row per source address of a fact: ``title``, ``url``, ``host``, ``date``, ``kind``, ``why``, ``read``.

    ``read`` is "read" (the title marks it as what was read), "read through a copy" (the text was read in a
    copy listed beside it), "not read" (the address is cited but was not opened) or "" (the title does not say).
    """
    row = fact(claim_id)
    urls, titles, dates = _split(row["source_url"]), _split(row["source_title"]), _split(row["source_date"])
    if not len(urls) == len(titles) == len(dates):
        raise ValueError(f"Fact {claim_id}: {len(urls)} addresses, {len(titles)} titles and {len(dates)} dates; "
                         "version 2 gives one title and one date per address.")
    records = []
    for url, title, date in zip(urls, titles, dates):
        kind, why = source_kind(url, title)
        read = ("read through a copy" if _READ_THROUGH_COPY.search(title) else "not read" if _NOT_READ.search(title)
                else "read" if _READ.search(title) else "")
        records.append((title, url, urlparse(url).hostname or url, date, kind, why, read))
    return pd.DataFrame(records, columns=["title", "url", "host", "date", "kind", "why", "read"])


def checking_summary() -> dict[str, int]:
    """Counts that describe how the fact sheet was made, for the book's index page.

    ``claims`` (rows), ``article_claims`` and ``reference_rows`` (see :func:`solutions.data.facts.article_claims`),
    ``with_also`` (rows with more than one verdict), ``parts`` (rows split from a version-1 claim),
    ``hindsight`` (notes marked "later: YYYY-MM"), ``addresses`` and one count per source kind,
    ``read_as_copy`` (addresses marked as what was read), ``not_read`` and one count per confidence level.
    """
    from solutions.data.facts import load_facts

    facts = load_facts()
    sources = pd.concat([fact_sources(claim_id) for claim_id in facts["claim_id"]], ignore_index=True)
    from solutions.data.facts import article_claims

    counts = {
        "claims": len(facts),
        "article_claims": len(article_claims(facts)),
        "reference_rows": len(facts) - len(article_claims(facts)),
        "with_also": int((facts["also"].map(len) > 0).sum()),
        "parts": int(facts["part_of"].notna().sum()),
        "hindsight": int(facts["note"].str.contains(r"\blater: \d{4}", regex=True).sum()),
        "addresses": len(sources),
        "read_as_copy": int((sources["kind"] == "repost").sum()),
        "not_read": int((sources["read"] == "not read").sum()),
    }
    counts.update({kind: int((sources["kind"] == kind).sum()) for kind in KINDS})
    counts.update({f"confidence_{level}": int((facts["confidence"] == level).sum()) for level in ("high", "medium", "low")})
    return counts
