"""Word lists the kit's feedback uses, each with the reason it is on the list."""

#: Phrases that credit a claim to an unnamed source: the reader cannot check who said it.
VAGUE_SOURCES = (
    "industry experts", "experts estimate", "experts say", "experts believe", "analysts say",
    "analysts believe", "observers", "insiders", "reportedly", "it is said", "sources say",
    "many in the industry",
)
#: Phrases that stretch one training run into the cost of a whole model or company.
OVERSTATED_SCOPE = ("development cost", "to develop", "to build", "investment of", "budget")
#: Phrases that say what the V3 report's figure covers.
RUN_SCOPE = ("training run", "final run", "final training", "one run", "single run", "gpu-hours", "gpu hours",
             "rental")
