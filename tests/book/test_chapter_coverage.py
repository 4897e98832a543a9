"""Every GPU, download, stock and investment figure in the seeds is discussed in the numeracy chapters,
citing both its paragraph (a link to articles.md) and its fact-sheet row (a link to facts.md, which shows the
verdict and the source)."""

from __future__ import annotations

import pytest

from support.paths import REPO_ROOT
from support.kit_text import fact_citation, paragraph_citation
from solutions.data.ledger import seed_ledger

CHAPTER_PAGES = ["gpus", "downloads", "markets", "timeline"]
KINDS = ("gpus", "downloads", "stock", "investment")


def chapter_text() -> str:
    return "\n".join((REPO_ROOT / "book" / f"{page}.md").read_text(encoding="utf-8") for page in CHAPTER_PAGES)


FIGURES = seed_ledger()
FIGURES = FIGURES[FIGURES["kind"].isin(KINDS)]


@pytest.mark.parametrize("row", list(FIGURES.itertuples()), ids=lambda r: f"{r.article_id}p{r.paragraph}-{r.text}")
def test_figure_is_discussed_with_paragraph_and_fact(row):
    text = chapter_text()
    assert paragraph_citation(row.article_id, row.paragraph) in text, \
        f"no link to paragraph {row.article_id} ¶{row.paragraph}"
    assert fact_citation(row.claim_id) in text, f"no link to fact {row.claim_id}"


def test_every_kind_is_present_in_the_ledger():
    assert set(KINDS) <= set(FIGURES["kind"])
