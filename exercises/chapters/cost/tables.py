"""The tables of the chapter "What did it cost?": the V3 report's training stages, and every cost figure in the articles."""

from __future__ import annotations

from html import escape

from IPython.display import HTML

from solutions.chapters.cost import cost_claims, v3_stage_costs
from solutions.data.reference import reference_claim

from exercises.display import fact_link, html_table, paragraph_link
from exercises.formatting import scaled, usd


def v3_stages_html() -> HTML:
    """The V3 report's training stages: GPU-hours and their cost at the assumed rental price."""
    stages = v3_stage_costs()
    rows = [f'<tr><th scope="row">{escape(r.stage)}</th><td class="number">{scaled(r.gpu_hours, 3, 1e3)}</td>'
            f'<td class="number">{usd(r.cost_usd, 3, 1e3)}</td></tr>' for r in stages.itertuples()]
    rows.append(f'<tr><th scope="row">Total</th><td class="number">{scaled(stages["gpu_hours"].sum(), 3, 1e3)}</td>'
                f'<td class="number">{usd(stages["cost_usd"].sum(), 3, 1e3)}</td></tr>')
    caption = (f"DeepSeek-V3's training stages in H800 GPU-hours, priced at the report's assumed rental rate "
               f"(facts {reference_claim('v3_gpu_hours_total')} and {reference_claim('v3_usd_per_gpu_hour')})")
    return html_table(caption, ["Stage", "GPU-hours", "Cost at the assumed price"], rows)


def cost_claims_html() -> HTML:
    """Every cost-related figure in the articles, its sentence, verdict and fact row."""
    rows = []
    for r in cost_claims().itertuples():
        rows.append(
            f'<tr><th scope="row">{paragraph_link(r.article_id, r.paragraph)}</th>'
            f"<td>{escape(r.text)}</td><td><q>{escape(r.sentence)}</q></td><td>{fact_link(r.claim_id)}</td></tr>"
        )
    return html_table("Cost and investment figures in the five articles, with the fact-sheet row each is checked against",
                  ["Where", "Figure", "Sentence", "Fact"], rows)
