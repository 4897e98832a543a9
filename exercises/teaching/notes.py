"""Each chapter's notes for teachers, read from ``exercises/chapters/<chapter>/teaching.yaml`` and checked.

A chapter's notes hold what a lesson plan needs beyond the page's own ``lesson`` front matter (see
:mod:`exercises.teaching.lessons`): a warm-up question, how to group the class, an extension for fast learners,
support for those who need it, and a rubric for every open task of the chapter. The open tasks are the
chapter's rewrite exercises (kind ``reflection``), in page order, then its discussion questions, in the order the
page numbers them::

    warm_up: A question that starts from the learners' own experience of news?
    grouping: How to group the class, and when.
    extension: A task for those who finish early.
    support: Help for those who need it.
    rubrics:
      - task: cost-rewrite                  # a rewrite exercise's id
        look_for: What the task practises.
        levels:
          mastery: {description: ..., sample: ...}
          emerging: {description: ..., sample: ...}
          beginning: {description: ..., sample: ...}
      - task: discussion-1                  # the page's first discussion question
        question_starts: DeepSeek chose to express   # its first words, so a rubric cannot drift from its question
        ...

The prompt of each task is not copied into the notes: it is read from the exercise or from the page, so a rubric
always shows the task as learners see it. :func:`teaching_notes` says exactly what is wrong with a file.
None of this is shown in the student edition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from exercises.chapters import CHAPTERS, ChapterExercises
from exercises.book import section_named
from exercises.kinds import Exercise
from exercises.teaching.lessons import book_folder

#: The levels of every rubric, from the highest: the Stanford History Education Group's three.
LEVELS = ("mastery", "emerging", "beginning")
LEVEL_NAMES = {"mastery": "Mastery", "emerging": "Emerging", "beginning": "Beginning"}
NOTE_KEYS = ("warm_up", "grouping", "extension", "support")
DISCUSSION_HEADING = "## Discussion questions"
_NUMBERED_ITEM = re.compile(r"^(\d+)\.\s+(.*)$")
#: A Markdown link as the pages write it, ``[text](page.md#anchor)``.
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


class NotesError(ValueError):
    """A chapter's teaching notes are missing or wrong; the message names the file and what to change."""


@dataclass(frozen=True)
class RubricLevel:
    """One level of a rubric: what an answer at this level does, and a sample answer at this level."""

    level: str
    description: str
    sample: str

    @property
    def name(self) -> str:
        return LEVEL_NAMES[self.level]


@dataclass(frozen=True)
class Rubric:
    """The rubric of one open task: its id, its prompt as learners see it (Markdown), what to look for, three levels."""

    task: str
    prompt: str
    look_for: str
    levels: tuple[RubricLevel, ...]

    def texts(self) -> list[str]:
        return [self.look_for, *(text for level in self.levels for text in (level.description, level.sample))]


@dataclass(frozen=True)
class TeachingNotes:
    """One chapter's notes for teachers."""

    chapter: str
    warm_up: str
    grouping: str
    extension: str
    support: str
    rubrics: tuple[Rubric, ...]

    def texts(self) -> list[str]:
        """Every sentence the notes show a teacher (none may reach the student edition)."""
        return [self.warm_up, self.grouping, self.extension, self.support,
                *(text for rubric in self.rubrics for text in rubric.texts())]


def _sentence(where: str, data: dict, key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise NotesError(f"{where}: '{key}' must be a sentence of text.")
    return " ".join(value.split())


def read_rubric(where: str, data, task: str, prompt: str) -> Rubric:
    """A rubric from its mapping (``look_for`` and ``levels``), checked: raises :class:`NotesError` naming what to fix."""
    if not isinstance(data, dict):
        raise NotesError(f"{where}: the rubric of {task} must be a mapping with look_for and levels.")
    if set(data) != {"look_for", "levels"}:
        raise NotesError(f"{where}: the rubric of {task} holds {sorted(data)}; give look_for and levels only.")
    levels = data.get("levels")
    if not isinstance(levels, dict) or list(levels) != list(LEVELS):
        raise NotesError(f"{where}: the rubric of {task} needs levels {', '.join(LEVELS)}, in that order.")
    read = []
    for level in LEVELS:
        entry = levels[level]
        if not isinstance(entry, dict) or set(entry) != {"description", "sample"}:
            raise NotesError(f"{where}: level {level} of {task} needs exactly a description and a sample.")
        read.append(RubricLevel(level, _sentence(f"{where}, {task}, {level}", entry, "description"),
                                _sentence(f"{where}, {task}, {level}", entry, "sample")))
    return Rubric(task, prompt, _sentence(f"{where}, {task}", data, "look_for"), tuple(read))


def discussion_questions(page: Path) -> list[str]:
    """The discussion questions of a chapter page, in order, as Markdown on one line each (``\\$`` unescaped)."""
    lines = Path(page).read_text(encoding="utf-8").splitlines()
    if DISCUSSION_HEADING not in lines:
        return []
    questions: list[str] = []
    for line in lines[lines.index(DISCUSSION_HEADING) + 1:]:
        if line.startswith("#"):
            break
        match = _NUMBERED_ITEM.match(line)
        if match:
            questions.append(match.group(2).strip())
        elif line.strip() and questions:
            questions[-1] += " " + line.strip()
    return [question.replace("\\$", "$") for question in questions]


def open_tasks(exercises: list[Exercise], page: Path) -> list[tuple[str, str]]:
    """A chapter's open tasks as (task id, prompt): its rewrite exercises (of ``exercises``, the chapter's in page
    order) in page order, then the discussion questions of its ``page``."""
    rewrites = [(exercise.id, exercise.prompt) for exercise in exercises if exercise.kind == "reflection"]
    return rewrites + [(f"discussion-{n}", question) for n, question in enumerate(discussion_questions(page), start=1)]


def notes_file(chapter_name: str):
    """The chapter's ``teaching.yaml`` (a package resource, so it is found from a plain install too)."""
    return resources.files(f"exercises.chapters.{chapter_name}") / "teaching.yaml"


def _plain(markdown: str) -> str:
    """Markdown reduced to its words: links to their text, for comparing a question's first words."""
    return " ".join(MARKDOWN_LINK.sub(r"\1", markdown).split())


def teaching_notes(chapter_name: str, folder: Path | None = None, exercises: list[Exercise] | None = None) -> TeachingNotes:
    """The checked teaching notes of a chapter; ``folder`` holds the book's pages (default :func:`book_folder`);
    ``exercises`` are the chapter's exercises, for a caller that has built them already."""
    import yaml  # comes with jupytext and jupyter-book, which every place that reads the pages has

    chapter = chapter_named(chapter_name)
    where = f"exercises/chapters/{chapter_name}/teaching.yaml"
    source = notes_file(chapter_name)
    if not source.is_file():
        raise NotesError(f"{where}: the chapter has no teaching notes (warm_up, grouping, extension, support, rubrics).")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != {*NOTE_KEYS, "rubrics"}:
        raise NotesError(f"{where}: give exactly {', '.join((*NOTE_KEYS, 'rubrics'))}.")
    notes = {key: _sentence(where, data, key) for key in NOTE_KEYS}
    if not notes["warm_up"].endswith("?"):
        raise NotesError(f"{where}: the warm-up is a question; end it with a question mark.")
    page = (book_folder() if folder is None else Path(folder)) / f"{chapter_name}.md"
    tasks = open_tasks(chapter.exercises() if exercises is None else exercises, page)
    entries = data["rubrics"]
    given = [entry.get("task") if isinstance(entry, dict) else None for entry in entries or []]
    expected = [task for task, _ in tasks]
    if given != expected:
        raise NotesError(f"{where}: the rubrics must cover the chapter's open tasks in order, {expected}; they are {given}.")
    rubrics = []
    for entry, (task, prompt) in zip(entries, tasks):
        if task.startswith("discussion-"):
            starts = entry.get("question_starts")
            if not isinstance(starts, str) or not _plain(prompt).startswith(" ".join(starts.split())):
                raise NotesError(f"{where}: {task} is the question that starts {_plain(prompt)[:60]!r}; its "
                                 f"question_starts ({starts!r}) must be the question's first words.")
        elif "question_starts" in entry:
            raise NotesError(f"{where}: {task} is an exercise; question_starts is only for discussion questions.")
        rubrics.append(read_rubric(where, {k: v for k, v in entry.items() if k not in ("task", "question_starts")},
                                   task, prompt))
    return TeachingNotes(chapter_name, notes["warm_up"], notes["grouping"], notes["extension"], notes["support"],
                         tuple(rubrics))


def chapter_named(chapter_name: str) -> ChapterExercises:
    """The chapter called ``chapter_name`` (the checks before and after the chapters have no teaching notes)."""
    return section_named(chapter_name, CHAPTERS)
