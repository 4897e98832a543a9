"""For each exercise of "How many chips?", a change to the data that must change its answer."""

from support.data_edits import set_cell, set_reference, set_verdict

PERTURBATIONS = {
    "gpus-rounding": lambda d: set_reference(d, "v3_cluster_gpus", 2600),
    "gpus-verdicts": lambda d: set_verdict(d, "GPU-04", "conflated"),
    "gpus-hours-ratio": lambda d: set_reference(d, "llama31_405b_gpu_hours", 39.3e6),
    "gpus-unverifiable": lambda d: set_verdict(d, "GPU-04", "unverifiable"),
    # The exit ticket (on the lesson plans): its question, answer and explanation follow the data too.
    "gpus-exit-ticket": lambda d: set_cell(d, "reference_values.csv", "name", "high_flyer_a100_gpus", "unit", "H100 GPUs"),
}
