"""Each chapter's teaching notes: they load, cover every open task, and their samples are what their level says.

The samples of a rewrite's rubric are run through the rewrite exercise's own checker, so a rubric cannot claim a
level that the kit's feedback would not give. Exit tickets are built like exercises, with computed answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exercises.chapters import CHAPTERS
from exercises.kinds.reflection import content_keys, looks_like_rewrite
from exercises.teaching.notes import (
    LEVELS, NotesError, discussion_questions, open_tasks, read_rubric, teaching_notes,
)
from solutions.analyser.hype import find_hype
from solutions.analyser.phrase_matcher import phrases_present
from support.catalogue import book_exercises
from support.kit_text import without_quotations
from support.paths import REPO_ROOT

BOOK = REPO_ROOT / "book"
CHAPTER_NAMES = [chapter.chapter for chapter in CHAPTERS]


def _chapter(name):
    return next(chapter for chapter in CHAPTERS if chapter.chapter == name)


def _exercises(name):
    """The chapter's exercises, built once per session (support.catalogue)."""
    return [exercise for exercise in book_exercises() if exercise.id.split("-")[0] == name]


@pytest.mark.parametrize("name", CHAPTER_NAMES)
def test_every_chapter_has_notes_with_a_rubric_for_each_open_task(name):
    notes = teaching_notes(name, BOOK, _exercises(name))
    tasks = open_tasks(_exercises(name), BOOK / f"{name}.md")
    assert [rubric.task for rubric in notes.rubrics] == [task for task, _ in tasks]
    assert len(tasks) >= 3, "every chapter has discussion questions"
    for rubric in notes.rubrics:
        assert [level.level for level in rubric.levels] == list(LEVELS)


@pytest.mark.parametrize("name", CHAPTER_NAMES)
def test_the_notes_speak_in_the_kits_voice(name):
    """Everything but the lower levels' samples (a learner's imperfect words) passes the hype finder."""
    notes = teaching_notes(name, BOOK, _exercises(name))
    texts = [notes.warm_up, notes.grouping, notes.extension, notes.support]
    for rubric in notes.rubrics:
        texts += [rubric.look_for, *(level.description for level in rubric.levels), rubric.levels[0].sample]
    loud = [(text, hits) for text in texts if (hits := [h["text"] for h in find_hype(without_quotations(text))])]
    assert loud == []


def _points_met(exercise, text: str) -> int:
    met = sum(criterion.holds(text) for criterion in exercise.criteria)
    return met + (not phrases_present(text, exercise.watch_words) if exercise.watch_words else 0)


@pytest.mark.parametrize("name", CHAPTER_NAMES)
def test_rewrite_samples_earn_their_level_from_the_exercises_own_checker(name):
    exercises = {exercise.id: exercise for exercise in _exercises(name)}
    for rubric in teaching_notes(name, BOOK, list(exercises.values())).rubrics:
        exercise = exercises.get(rubric.task)
        if exercise is None:
            continue
        keys = content_keys(exercise.original)
        for level in rubric.levels:
            assert looks_like_rewrite(level.sample, keys), f"{rubric.task} {level.level}: not read as a rewrite"
            assert exercise.check(level.sample).verdict == "feedback"
        mastery, emerging, beginning = (_points_met(exercise, level.sample) for level in rubric.levels)
        full = len(exercise.criteria) + bool(exercise.watch_words)
        assert mastery == full, f"{rubric.task}: the mastery sample meets {mastery} of {full} points"
        assert mastery > emerging > beginning, f"{rubric.task}: points met {mastery}, {emerging}, {beginning}"


@pytest.mark.parametrize("name", CHAPTER_NAMES)
def test_every_chapter_has_an_exit_ticket_with_a_computed_answer(name):
    chapter = _chapter(name)
    assert chapter.exit_ticket is not None, f"{name}: no exit ticket"
    ticket = chapter.exit_ticket()
    assert ticket.id == f"{name}-exit-ticket"
    assert ticket.kind in {"single", "multiple", "number"}
    assert ticket.id not in {exercise.id for exercise in _exercises(name)}
    assert any(source.fact for source in ticket.sources), "the answer rests on a fact-sheet row"
    assert ticket.check(ticket.correct_answer()).verdict == "correct"
    for wrong in ticket.sample_wrong_answers():
        assert ticket.check(wrong).verdict != "correct"
    assert ticket.explanation.strip()


def test_discussion_questions_are_read_from_the_page(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# T\n\n## Discussion questions\n\n1. Why the \\$6 figure?\n   Say [COST-01](facts.md#fact-cost-01).\n"
                    "2. Second one?\n\n## After\n\n3. Not a question of the list.\n", encoding="utf-8")
    assert discussion_questions(page) == ["Why the $6 figure? Say [COST-01](facts.md#fact-cost-01).", "Second one?"]
    (tmp_path / "none.md").write_text("# No questions\n", encoding="utf-8")
    assert discussion_questions(tmp_path / "none.md") == []


LEVELS_OK = {level: {"description": "Does it.", "sample": "An answer."} for level in LEVELS}


@pytest.mark.parametrize("data, message", [
    ("text", "must be a mapping"),
    ({"look_for": "x"}, "give look_for and levels only"),
    ({"look_for": "x", "levels": {"mastery": {}, "beginning": {}}, "extra": 1}, "give look_for and levels only"),
    ({"look_for": "x", "levels": {"beginning": {}, "emerging": {}, "mastery": {}}}, "in that order"),
    ({"look_for": "x", "levels": {**LEVELS_OK, "mastery": {"description": "d"}}}, "exactly a description and a sample"),
    ({"look_for": "", "levels": LEVELS_OK}, "'look_for' must be a sentence"),
    ({"look_for": "x", "levels": {**LEVELS_OK, "emerging": {"description": "d", "sample": 3}}}, "'sample' must be"),
])
def test_a_wrong_rubric_says_what_to_fix(data, message):
    with pytest.raises(NotesError, match=message):
        read_rubric("notes.yaml", data, "task-1", "Prompt")


def test_a_rubric_reads_its_levels_in_order():
    rubric = read_rubric("notes.yaml", {"look_for": "  Says  who. ", "levels": LEVELS_OK}, "task-1", "Prompt")
    assert rubric.look_for == "Says who."
    assert [level.name for level in rubric.levels] == ["Mastery", "Emerging", "Beginning"]


def test_notes_that_miss_a_task_or_misname_a_question_fail(monkeypatch, tmp_path):
    import exercises.teaching.notes as notes_module

    good = (Path(notes_module.notes_file("cost"))).read_text(encoding="utf-8")
    broken = tmp_path / "teaching.yaml"

    def use(text):
        broken.write_text(text, encoding="utf-8")
        monkeypatch.setattr(notes_module, "notes_file", lambda name: broken)

    use(good.replace("task: discussion-4", "task: discussion-9"))
    with pytest.raises(NotesError, match="open tasks in order"):
        teaching_notes("cost", BOOK)
    import yaml
    data = yaml.safe_load(good)
    data["rubrics"][1]["question_starts"] = "Something else entirely"
    use(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(NotesError, match="question_starts"):
        teaching_notes("cost", BOOK)
    data = yaml.safe_load(good)
    data["warm_up"] = "Not a question."
    use(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(NotesError, match="question mark"):
        teaching_notes("cost", BOOK)
    use("warm_up: only this?\n")
    with pytest.raises(NotesError, match="give exactly"):
        teaching_notes("cost", BOOK)
