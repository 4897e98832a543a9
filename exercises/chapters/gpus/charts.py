"""The figure of the chapter "How many chips?": GPU counts from the story on one logarithmic scale."""

from __future__ import annotations

from IPython.display import HTML

from solutions.chapters.gpus import gpu_fleets

from exercises.charts import WIDTH_INCHES, figure_html, kit_chart, new_figure


_FLEET_LABELS = {
    "v3_cluster_gpus": "DeepSeek-V3 cluster\n(H800)",
    "high_flyer_a100_gpus": "High-Flyer, 2021\n(A100)",
    "llama31_405b_gpus": "Llama 3.1 405B\n(H100)",
    "claimed_hopper_gpus": "Claimed for DeepSeek\n(Hopper)",
    "meta_gpus_end_2025": "Meta's planned fleet,\nend 2025 (all GPUs)",
}


@kit_chart
def gpu_fleets_chart() -> HTML:
    """GPU counts from the story on one logarithmic scale; the unverified claim is marked as such."""
    fleets = gpu_fleets()
    fig, ax = new_figure(figsize=(WIDTH_INCHES, 0.7 * len(fleets) + 1.5))
    for y, row in enumerate(fleets.itertuples()):
        documented = bool(row.documented)
        ax.barh(y, row.gpus, color="#0072B2" if documented else "#FFFFFF", edgecolor="#0072B2",
                hatch=None if documented else "///", height=0.6)
        note = "" if documented else "\n(unverified)"
        ax.text(row.gpus * 1.12, y, f"{row.gpus:,.0f}{note}", va="center", color="#222222")
    ax.set_yticks(range(len(fleets)), [_FLEET_LABELS[name] for name in fleets["name"]])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlim(1000, fleets["gpus"].max() * 12)
    ticks = [10 ** k for k in range(3, 8)]
    ax.set_xticks(ticks, ["1,000", "10k", "100k", "1m", "10m"])
    ax.minorticks_off()
    ax.set_xlabel("Number of GPUs (log scale:\neach step is ten times the last)")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    points = "; ".join(f"{_FLEET_LABELS[r.name].replace(chr(10), ' ')}: {r.gpus:,.0f}{'' if r.documented else ', an unverified claim'}"
                       for r in fleets.itertuples())
    alt = f"Bar chart of GPU counts on a logarithmic scale. {points}."
    caption = ("GPU counts from the DeepSeek story, from the fact sheet. The bars count different things: the "
               "clusters single models were trained on, a company's older cluster, a claim, and a company's planned "
               "fleet of all its GPUs. Compare a cluster with a cluster, not with a fleet. The hatched bar is a claim that no "
               "source has confirmed; the others come from the companies' own reports or from news reports of them.")
    return figure_html(fig, alt, caption)
