"""For each exercise of "Who said it?", a change to the data that must change its answer."""

from pathlib import Path

from support.data_edits import replace_in_article, set_cell, set_verdict


def accept_analyst(folder: Path) -> None:
    """The people register accepts "analyst" for Arnaud Bertrand: his label is no longer contradicted."""
    set_cell(folder, "people.csv", "name", "Arnaud Bertrand", "roles_contradicted", "")
    set_cell(folder, "people.csv", "name", "Arnaud Bertrand", "role_words",
             "entrepreneur|founder|cofounder|commentator|analyst")


def spell_names_right(folder: Path) -> None:
    """Article 003 spells Geoffrey Hinton and Alexandr Wang correctly."""
    replace_in_article(folder, "003_70bc7f565272c8ce.txt", "Jeffrey Hinton", "Geoffrey Hinton")
    replace_in_article(folder, "003_70bc7f565272c8ce.txt", "Alexander Wang", "Alexandr Wang")


PERTURBATIONS = {
    # Andreessen's "Sputnik moment" post could no longer be found: a named but unverifiable source.
    "attribution-classify": lambda d: set_verdict(d, "ATT-01", "unverifiable"),
    "attribution-fix-names": accept_analyst,
    # The fact sheet traces the $6 million to the report on Bain's forecast instead of DeepSeek's report.
    "attribution-original-source": lambda d: set_cell(d, "facts.csv", "claim_id", "COST-01", "source_title",
                                                      "VKTR on Bain & Company's Global Technology Report"),
    "attribution-warning-signs": spell_names_right,
    # The report is dated a day earlier: the model answer says when it was published.
    "attribution-rewrite-experts": lambda d: set_cell(d, "facts.csv", "claim_id", "COST-01", "source_date",
                                                      "2024-12-26"),
    # The exit ticket (on the lesson plans): its question, answer and explanation follow the data too.
    "attribution-exit-ticket": lambda d: set_verdict(d, "COST-07", "accurate"),
}
