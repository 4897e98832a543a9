"""The teachers' section: lessons and their timings, lesson plans, rubrics, the course overview and the answer key.

Everything here is built from the same sources as the book (the chapter pages' front matter, the chapters'
exercises and each chapter's ``teaching.yaml``), so a plan can never drift from the pages it plans. None of it is
shown in the student edition (see :mod:`exercises.sphinx`).
"""

from exercises.teaching.teacher_only import teacher_texts

__all__ = ["teacher_texts"]
