"""Word lists the kit's feedback uses, each with the reason it is on the list.

The phrases that credit a claim to an unnamed source are the analyser's one list,
:data:`solutions.analyser.attribution.VAGUE_SOURCES`, used here as it is.
"""

from solutions.analyser.attribution import VAGUE_SOURCES

__all__ = ["OVERSTATED_SCOPE", "RUN_SCOPE", "VAGUE_SOURCES"]

#: Phrases that stretch one training run into the cost of a whole model or company.
OVERSTATED_SCOPE = ("development cost", "to develop", "to build", "investment of", "budget")
#: Phrases that say what the V3 report's figure covers.
RUN_SCOPE = ("training run", "final run", "final training", "one run", "single run", "gpu-hours", "gpu hours",
             "rental")
