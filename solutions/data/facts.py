"""The reference fact sheet: verified values, verdicts and primary sources for every checkable claim."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from solutions.data.articles import article_ids, article_paragraphs, article_text
from solutions.data.datafiles import cached, read_table
from solutions.data.paths import data_dir
from solutions.analyser.text import fold

#: The fact sheet's verdict scale (``facts.md``), from right to wrong; "unverifiable" means no source found.
VERDICTS = ["accurate", "rounded", "conflated", "misattributed", "wrong", "unverifiable", "opinion-as-fact"]
CONFIDENCE_LEVELS = ["low", "medium", "high"]

#: Elisions ("..." or "…") and editorial insertions in square brackets split a wording into fragments.
_ELISION = re.compile(r"\s*(?:\.\.\.|\u2026|\[[^\]]*\])\s*")
_ARTICLE_ID = re.compile(r"\b\d{3}\b")
_URL = re.compile(r"https?://\S+")
_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
#: Source fields that say no source exists; the fact sheet uses these for unverifiable claims.
NO_SOURCE_MARKERS = ("n/a", "(none found)", "(not checked)")


def _seed_ids(field: str) -> tuple[str, ...]:
    return tuple(_ARTICLE_ID.findall(field))


def _verdict_list(field: str) -> tuple[str, ...]:
    """``"conflated; rounded"`` as ``("conflated", "rounded")``; an unknown verdict is an error in the data."""
    verdicts = tuple(part.strip() for part in field.split(";") if part.strip())
    unknown = [v for v in verdicts if v not in VERDICTS]
    if unknown:
        raise ValueError(f"Unknown verdicts in the 'also' column of facts.csv: {unknown}")
    return verdicts


def _first_date(field: str) -> pd.Timestamp:
    match = _DATE.search(field)
    if match is None:
        return pd.NaT
    value = match.group()
    return pd.Timestamp(value if len(value) == 10 else value + "-01")


@cached
def _facts_table() -> pd.DataFrame:
    table = read_table("facts.csv", raw_text=True)
    for column in ["claim_id", "seed_files", "seed_wording", "verified_value", "unit",
                   "source_title", "source_url", "source_date", "note"]:
        table[column] = table[column].astype("string")
    table["topic"] = table["topic"].astype("category")
    table["verdict"] = pd.Categorical(table["verdict"], categories=VERDICTS)
    table["also"] = table["also"].map(_verdict_list)
    table["part_of"] = table["part_of"].astype("string").replace("", pd.NA)
    table["confidence"] = pd.Categorical(table["confidence"], categories=CONFIDENCE_LEVELS, ordered=True)
    table["seed_ids"] = table["seed_files"].map(_seed_ids)
    table["source_urls"] = table["source_url"].map(lambda field: tuple(_URL.findall(field)))
    table["first_source_date"] = table["source_date"].map(_first_date).astype("datetime64[ns]")
    return table


def load_facts() -> pd.DataFrame:
    """Return the reference fact sheet, one row per claim.

    The columns of ``facts.csv`` (``claim_id``, ``topic``, ``seed_files``, ``seed_wording``,
    ``verified_value``, ``unit``, ``verdict``, ``also``, ``source_title``, ``source_url``, ``source_date``,
    ``confidence``, ``note``, ``part_of``) with ``also`` read as a tuple of verdicts (other verdicts that
    apply to the same wording; ``verdict`` is the main one) and ``part_of`` as the id of the version-1 row a
    part was split from (or missing), plus three parsed ones: ``seed_ids`` (tuple of article ids),
    ``source_urls`` (tuple of URLs) and ``first_source_date`` (the earliest date given, or NaT).
    ``verdict`` and ``topic`` are categorical; ``confidence`` is ordered low < medium < high.
    """
    return _facts_table().copy()


def fact(claim_id: str) -> pd.Series:
    """Return one row of the fact sheet by its claim id, for example ``fact("COST-01")``.

    A version-1 id that was split into parts (``INV-01``) is not a row: the error names its parts.
    """
    row = _fact_rows().get(claim_id)
    if row is None:
        parts = fact_parts(claim_id)
        if parts:
            raise KeyError(f"Fact {claim_id!r} was split into parts {', '.join(parts)}: cite the part that holds it.")
        raise KeyError(f"No fact with claim id {claim_id!r}.")
    return row.copy()


@cached
def _fact_rows() -> dict[str, pd.Series]:
    """Each claim id's (first) row of the fact sheet, so that :func:`fact` needs no scan of the table."""
    table = _facts_table()
    rows: dict[str, pd.Series] = {}
    for position, claim_id in enumerate(table["claim_id"]):
        if not pd.isna(claim_id) and claim_id not in rows:
            rows[claim_id] = table.iloc[position]
    return rows


def fact_parts(claim_id: str) -> tuple[str, ...]:
    """The ids of the rows a version-1 claim was split into (``"INV-01"`` → ``("INV-01a", "INV-01b")``), or ()."""
    table = _facts_table()
    return tuple(table.loc[table["part_of"] == claim_id, "claim_id"].astype(str))


def accepted_verdicts(claim_id: str) -> tuple[str, ...]:
    """Every verdict the evidence supports for a claim: the main verdict first, then its ``also`` verdicts."""
    row = fact(claim_id)
    return (str(row["verdict"]),) + tuple(v for v in row["also"] if v != str(row["verdict"]))


def has_source(row: pd.Series) -> bool:
    """Tell whether a fact row names a source document and a date (rather than 'no source found')."""
    return not any(
        str(row[field]).strip().casefold() in ("",) + NO_SOURCE_MARKERS for field in ("source_title", "source_date")
    )


def wording_alternatives(seed_wording: str) -> list[list[str]]:
    """Split a fact's seed wording into alternatives (``" / "``), each a list of fragments (``"..."``)."""
    return [
        [fragment for fragment in _ELISION.split(alternative.strip()) if fragment]
        for alternative in seed_wording.split(" / ")
    ]


def find_fragments(fragments: list[str], text: str) -> int | None:
    """Return where the fragments occur in order in ``text`` (loosely folded), or None."""
    folded = _folded(text)
    position, first = 0, None
    for fragment in fragments:
        wanted = _folded(fragment)
        found = folded.find(wanted, position)
        if found < 0:
            return None
        first = found if first is None else first
        position = found + len(wanted)
    return first


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """:func:`fold`, remembered: the same articles, paragraphs and wordings are searched again and again. ``fold``
    depends on its text alone, so what is remembered is never out of date, whatever the data folder holds."""
    return fold(text)


def locate_wording(claim_id: str) -> pd.DataFrame:
    """Find a fact's seed wording in its articles: one row per (alternative, article, paragraph) found.

    Columns: ``claim_id``, ``alternative`` (the wording found), ``article_id``, ``paragraph``.
    A quotation split over paragraphs is searched in the whole text and reported at its first paragraph.
    """
    return _located_wording(claim_id).copy()


@cached
def _located_wording(claim_id: str) -> pd.DataFrame:
    row = fact(claim_id)
    found = []
    for alternative in wording_alternatives(row["seed_wording"]):
        for article_id in row["seed_ids"] or tuple(article_ids()):
            if find_fragments(alternative, article_text(article_id)) is None:
                continue
            paragraphs = article_paragraphs(article_id)
            hits = [p for p, text in zip(paragraphs["paragraph"], paragraphs["text"])
                    if find_fragments(alternative, text) is not None]
            if not hits:
                hits = [p for p, text in zip(paragraphs["paragraph"], paragraphs["text"])
                        if find_fragments(alternative[:1], text) is not None][:1]
            found += [(claim_id, " ... ".join(alternative), article_id, p) for p in hits]
    return pd.DataFrame(found, columns=["claim_id", "alternative", "article_id", "paragraph"])


_REASON = re.compile(r"(Main verdict|Also|Verdict changed from \S+ to|Verdict kept \(|verdict kept as)\s*\(?([a-z-]+)")


def verdict_reasons(claim_id: str) -> dict[str, str]:
    """What a fact's note gives as the reason for each of its verdicts: ``{"conflated": "the paper says …"}``.

    The notes of version 2 say "Main verdict X: …" and "Also Y: …"; each reason runs to the next such marker.
    A verdict whose reason the note does not mark maps to what the verdict means (``VERDICT_MEANINGS``).
    """
    row = fact(claim_id)
    note = str(row["note"])
    verdicts = accepted_verdicts(claim_id)
    marks = [m for m in _REASON.finditer(note) if m.group(2) in verdicts]
    reasons: dict[str, str] = {}
    for mark, following in zip(marks, marks[1:] + [None]):
        text = note[mark.end():following.start() if following else len(note)]
        colon = text.find(":")
        if 0 <= colon < 80:  # "Verdict kept (wrong), now with the dating evidence: the undated seed …"
            text = text[colon + 1:]
        elif text.lstrip(" )").startswith("("):  # "kept as misattributed (wrong motive). The plan …"
            text = text[text.find(")") + 1:]
        text = text.lstrip(" ):;,.").strip()
        if text and mark.group(2) not in reasons:
            reasons[mark.group(2)] = text[0].upper() + text[1:]
    return {verdict: reasons.get(verdict, VERDICT_MEANINGS[verdict]) for verdict in verdicts}


#: What each verdict means, in the kit's words (after the scale in ``facts.md``).
VERDICT_MEANINGS = {
    "accurate": "The claim matches the primary source.",
    "rounded": "A true number or fact, simplified: close enough to recognise, but not exact.",
    "conflated": "True facts attached to the wrong thing: the wrong model, scope or kind of cost.",
    "misattributed": "The claim names the wrong source, speaker or motive.",
    "wrong": "The primary source says something different.",
    "unverifiable": "No source was found. This does not mean the claim is false.",
    "opinion-as-fact": "A judgement or prediction stated as if it were an established fact.",
}


def article_claims(facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows that judge a claim made in the articles (they name the articles it is in).

    The other rows are reference values and context (the V3 report's own figures, later disclosures), which
    hold a source's figure rather than judge an article, and are left out of counts of the articles' claims.
    """
    facts = load_facts() if facts is None else facts
    return facts[facts["seed_ids"].map(len) > 0]


def verdict_counts(facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count the articles' claims per main verdict, in the scale's order, with what each verdict means."""
    facts = article_claims(facts)
    counts = facts["verdict"].value_counts(sort=False).reindex(VERDICTS, fill_value=0)
    return pd.DataFrame({
        "verdict": pd.Series(VERDICTS, dtype="string"),
        "claims": counts.to_numpy(dtype="int64"),
        "meaning": pd.Series([VERDICT_MEANINGS[v] for v in VERDICTS], dtype="string"),
    })


def fact_text(claim_id: str) -> str:
    """Everything the fact sheet says about a claim: its CSV row and its paragraph in ``facts.md``."""
    row = fact(claim_id)
    fields = " ".join(str(row[c]) for c in ("seed_wording", "verified_value", "unit", "source_date", "note"))
    sheet = (data_dir() / "facts.md").read_text(encoding="utf-8")
    match = re.search(rf"\*\*{re.escape(claim_id)}\*\*.*?(?=\n\*\*[A-Z]+-\d+[a-z]?\*\*|\n#|\Z)", sheet, re.S)
    return fields + ("\n" + match.group(0) if match else "")
