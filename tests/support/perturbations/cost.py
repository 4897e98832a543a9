"""For each exercise of "What did it cost?", a change to the data that must change its answer."""

from support.data_edits import set_reference, set_verdict

PERTURBATIONS = {
    "cost-paper-arithmetic": lambda d: set_reference(d, "v3_usd_per_gpu_hour", 2.5),
    "cost-cluster-days": lambda d: set_reference(d, "v3_cluster_gpus", 1024),
    "cost-who-estimated": lambda d: (set_verdict(d, "COST-01", "rounded"), set_verdict(d, "COST-02", "misattributed")),
    "cost-restatements": lambda d: set_reference(d, "v3_usd_per_gpu_hour", 1.9),
    "cost-verdicts": lambda d: set_verdict(d, "COST-02", "wrong"),
    "cost-scale-order": lambda d: set_reference(d, "r1_rl_cost_usd", 9e9),
    "cost-code-days": lambda d: set_reference(d, "v3_cluster_gpus", 1024),
    "cost-rewrite": lambda d: set_reference(d, "v3_usd_per_gpu_hour", 2.5),
    # The exit ticket (on the lesson plans): its question, answer and explanation follow the data too.
    "cost-exit-ticket": lambda d: set_reference(d, "v3_gpu_hours_pre_training", 2_000_000),
}
