"""For each check of discernment, a change to the data that must change its answer: a row whose source is lost
(now unverifiable) leaves the statements, and the sets are chosen again."""

from support.data_edits import set_verdict

PERTURBATIONS = {
    "discernment-before": lambda d: set_verdict(d, "TECH-02", "unverifiable"),
    "discernment-after": lambda d: set_verdict(d, "TECH-03", "unverifiable"),
}
