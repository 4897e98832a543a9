"""For each exercise of "How many chips?", a change to the data that must change its answer."""

from support.data_edits import set_reference, set_verdict

PERTURBATIONS = {
    "gpus-rounding": lambda d: set_reference(d, "v3_cluster_gpus", 2600),
    "gpus-verdicts": lambda d: set_verdict(d, "GPU-04", "conflated"),
    "gpus-hours-ratio": lambda d: set_reference(d, "llama31_405b_gpu_hours", 39.3e6),
    "gpus-unverifiable": lambda d: set_verdict(d, "GPU-04", "unverifiable"),
}
