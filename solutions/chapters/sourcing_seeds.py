"""The attribution chapter's answers on the five seed articles: every attribution matched to the fact rows
that check it (:func:`match_facts`), split by source where one credit names several (:func:`split_by_source`),
classified by the rule of :mod:`solutions.chapters.sourcing`, and counted by kind."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from solutions.analyser.text import fold
from solutions.chapters.sourcing import (
    CLASSES, NOT_CHECKED, accepted_classes, attributions, classify_attribution, folded_in, found_source,
    organisations_of, register_mentions,
)
from solutions.data.articles import article_ids, article_text, paragraph_at
from solutions.data.datafiles import cached
from solutions.data.facts import NO_SOURCE_MARKERS, fact, find_fragments, load_facts, locate_wording
from solutions.data.people import person


def _clause_after(sentence: str, at: int, credit: str) -> str:
    """The credit and the words after it, up to the end of its clause: a comma, semicolon, colon or dash,
    but not the comma inside a number ("2,000")."""
    start = max(at, 0)
    rest = sentence[start + len(credit):]
    stop = re.search(r"[;:\u2014\u2013]|,(?!\d)| - ", rest)
    return sentence[start:start + len(credit) + (stop.start() if stop else len(rest))]


def match_facts(article_id: str, attribution: Mapping, paragraph: int) -> list[str]:
    """The fact rows that check one attribution in a seed article, best match first.

    1. Rows whose wording, found in the same paragraph, contains the credit or the quoted words, or is
       contained in the credit ("Investment firm Geiger Capital"); together with the rows whose wording
       is found in the credit's own clause ("AI researcher Jeffrey Hinton *points to China's stronger
       STEM education …*", but not a motive the writer adds after a comma).
    2. Otherwise, for a named source, rows whose wording is found in the attribution's sentence after the
       credit. A vague credit is never matched this way: the rest of its sentence is not the vague
       source's claim ("has impressed experts with its ability …, despite relying on fewer chips").
    3. Otherwise the register's row for the named speaker, when that row lists the article (article 001
       words Nadella's remark differently from the fact sheet's wording).
    """
    here = []
    for claim_id in load_facts()["claim_id"]:
        places = _located(claim_id)
        for alternative, place_article, place_paragraph in places:
            if place_article == article_id and place_paragraph == paragraph:
                here.append((claim_id, alternative))
    texts = [attribution.get("quote"), attribution.get("credit")]
    credit = attribution.get("credit") or ""
    sentence = attribution.get("sentence") or ""
    credit_at = fold(sentence).find(fold(credit))
    first = [claim_id for claim_id, alternative in here
             if any(part and folded_in(part, alternative) for part in texts)
             or folded_in(alternative, credit)]
    if credit_at >= 0 and credit:
        clause = _clause_after(sentence, sentence.find(credit) if credit in sentence else credit_at, credit)
        first += [claim_id for claim_id, alternative in here
                  if find_fragments(_fragments(alternative), clause) is not None]
    if first:
        return list(dict.fromkeys(first))
    if not attribution.get("named"):
        return []
    second = [claim_id for claim_id, alternative in here
              if (found := find_fragments(_fragments(alternative), sentence)) is not None and found >= credit_at >= 0]
    if second:
        return list(dict.fromkeys(second))
    entry = person(attribution["speaker"]) if attribution.get("speaker") else None
    if entry is not None and article_id in fact(entry["claim_id"])["seed_ids"]:
        return [entry["claim_id"]]
    return []


def _fragments(alternative: str) -> list[str]:
    """A located wording's fragments (:func:`~solutions.data.facts.locate_wording` joins them with " ... ")."""
    return [fragment for fragment in alternative.split(" ... ") if fragment]


@cached
def _located_table() -> dict:
    table: dict = {}
    for claim_id in load_facts()["claim_id"]:
        rows = locate_wording(claim_id)
        table[claim_id] = tuple((r.alternative, r.article_id, int(r.paragraph)) for r in rows.itertuples())
    return table


def _located(claim_id: str) -> tuple:
    return _located_table().get(claim_id, ())


def document_owner(title: str) -> str | None:
    """The registered organisation a source title begins with ("DeepSeek-V3 Technical Report" -> DeepSeek).

    A document whose title starts with an organisation's name is that organisation's own: its report, its
    release note, its announcement. None when the title starts with anything else.
    """
    if not isinstance(title, str):
        return None
    for start, _, name, kind in register_mentions(title.strip()):
        if start == 0 and kind != "person":
            return name
    return None


def source_owner(claim_id: str) -> str | None:
    """The registered organisation whose own document the fact sheet cites for a claim, or None.

    The first source title decides (see :func:`document_owner`): "DeepSeek-V3 Technical Report" is
    DeepSeek's, "OpenAI '12 Days of OpenAI' transcript" OpenAI's. None when no source was found.
    """
    row = fact(claim_id)
    if not found_source(row):
        return None
    return document_owner(str(row["source_title"]).split(";")[0])


def _source_line(row: pd.Series) -> str:
    title = str(row["source_title"]).strip()
    if not title or title.casefold() in NO_SOURCE_MARKERS:
        return ""
    return title


def split_by_source(attribution: Mapping, claim_ids: Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The parts of one credit that names several sources, each checked by its own part of a split fact row.

    "Industry experts from Microsoft and Benchmark are urging" (003 ¶5) names two registered organisations,
    and the fact sheet split its row in two (ATT-09a, ATT-09b: ``part_of`` ATT-09), each part's wording naming
    one of them. Each source is then a credit of its own, with its own rows and kind: one (source, rows) pair
    per source, in the order the credit names them. [] when the credit names fewer than two registered
    sources, when its rows are not all parts of one row, or when a part's wording does not name exactly one
    of the credit's sources (the label and the claim of one speaker, ATT-05a and ATT-05b, stay together).
    """
    credit = str(attribution.get("credit") or "")
    names = list(dict.fromkeys(name for _, _, name, _ in register_mentions(credit)))
    claim_ids = list(claim_ids)
    if len(names) < 2 or len(claim_ids) < 2:
        return []
    parents = {fact(claim_id)["part_of"] for claim_id in claim_ids}
    (parent,) = parents if len(parents) == 1 else (None,)
    if not isinstance(parent, str) or not parent.strip():
        return []
    by_name: dict[str, list[str]] = {name: [] for name in names}
    for claim_id in claim_ids:
        named = {name for _, _, name, _ in register_mentions(str(fact(claim_id)["seed_wording"]))} & set(names)
        if len(named) != 1:
            return []
        by_name[named.pop()].append(claim_id)
    if not all(by_name.values()):
        return []
    return [(name, tuple(rows)) for name, rows in by_name.items()]


def _record(article_id: str, paragraph: int, item: dict, claim_ids: tuple[str, ...], part: str | None) -> dict:
    rows = [fact(claim_id) for claim_id in claim_ids]
    owners = [owner for owner in map(source_owner, claim_ids) if owner]
    return {
        "article_id": article_id, "paragraph": paragraph, **item,
        "claim_ids": claim_ids,
        "verdicts": tuple(str(row["verdict"]) for row in rows),
        "sources": tuple(_source_line(row) for row in rows),
        "source_dates": tuple(str(row["source_date"]) for row in rows),
        "traced_to": owners[0] if owners else None,
        "class": classify_attribution(item, rows),
        "classes": accepted_classes(item, rows),
        "part": part,
    }


@cached
def _seed_table() -> pd.DataFrame:
    records = []
    for article_id in article_ids():
        text = article_text(article_id)
        for item in attributions(text):
            paragraph = paragraph_at(text, item["start"])
            claim_ids = tuple(match_facts(article_id, item, paragraph))
            parts = split_by_source(item, claim_ids)
            if not parts:
                records.append(_record(article_id, paragraph, item, claim_ids, None))
            for name, rows in parts:  # one credit, several sources: each is counted and classified on its own
                records.append(_record(article_id, paragraph, {**item, "speaker": name,
                                                               "organisations": organisations_of(name)},
                                       rows, name))
    columns = ["article_id", "paragraph", "kind", "start", "end", "credit", "quote", "speaker", "role", "named",
               "organisations", "own_work", "sentence", "sentence_start", "claim_ids", "verdicts", "sources",
               "source_dates", "traced_to", "class", "classes", "part"]
    table = pd.DataFrame(records, columns=columns)
    for column in ("quote", "speaker", "role", "traced_to", "part"):  # missing stays None, not NaN
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def seed_attributions() -> pd.DataFrame:
    """Every attribution in the five seed articles with its paragraph, fact rows, verdicts, sources and kind.

    Columns: those of :func:`attributions` plus ``article_id``, ``paragraph``, ``claim_ids`` (matched fact
    rows, see :func:`match_facts`), ``verdicts``, ``sources`` (source titles, "" where none was found),
    ``source_dates``, ``traced_to`` (the organisation whose own document a matched row cites, see
    :func:`source_owner`), ``class`` (:func:`classify_attribution`), ``classes`` (every kind the evidence
    supports, ``class`` first: :func:`accepted_classes`) and ``part`` (None, or the one source this row
    stands for when a credit naming several sources is split by :func:`split_by_source`: then the credit
    has one row per source).
    """
    return _seed_table().copy()


def attribution_for(claim_id: str) -> pd.Series:
    """The seed attribution a fact row checks (the first, if several)."""
    table = _seed_table()
    rows = table[table["claim_ids"].map(lambda ids: claim_id in ids)]
    if rows.empty:
        raise KeyError(f"No attribution in the seed articles is checked by {claim_id!r}.")
    return rows.iloc[0]


def class_counts(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many attributions of each kind each article has: one row per article, one column per kind."""
    table = seed_attributions() if table is None else table
    kinds = list(CLASSES) + ([NOT_CHECKED] if (table["class"] == NOT_CHECKED).any() else [])
    counts = pd.crosstab(table["article_id"], table["class"]).reindex(columns=kinds, fill_value=0)
    return counts.reindex(article_ids(), fill_value=0)
