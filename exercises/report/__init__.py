"""The class report: every progress file in one folder, read into CSV tables, two charts and one offline HTML page.

``python -m exercises class-report FOLDER`` runs it (``cli``). Each module does one job: ``collecting`` reads the
files (never changing them) into the records it can use and the problems of those it cannot; ``catalogue`` holds
the book's exercises and checks a last answer again; ``answers`` writes an answer for people; ``tables`` builds the
pandas tables; ``charts`` draws the charts; ``page`` writes the HTML page; ``writing`` puts it all in the report
folder.
"""

from __future__ import annotations

from .collecting import Collection, FolderError, LearnerFile, Problem, collect
from .writing import REPORT_FILES, ReportError, default_report_folder, write_report

__all__ = [
    "REPORT_FILES", "Collection", "FolderError", "LearnerFile", "Problem", "ReportError", "collect",
    "default_report_folder", "write_report",
]
