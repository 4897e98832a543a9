"""One module per chapter: changes to the data that must change that chapter's answers (``PERTURBATIONS``)."""
