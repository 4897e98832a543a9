"""Every text the teachers' section shows and learners must not see: the student edition's leak test looks for
each of them in the student build."""

from __future__ import annotations


def teacher_texts() -> list[str]:
    """Warm-ups, grouping, extensions, support, rubrics and their samples, exit tickets with their answers, and the
    lateral-reading tasks: every teacher-only sentence, each once."""
    from exercises.chapters import CHAPTERS
    from exercises.teaching.lateral_reading import lateral_tasks
    from exercises.teaching.notes import teaching_notes

    texts: list[str] = []
    for chapter in CHAPTERS:
        texts += teaching_notes(chapter.chapter).texts()
        ticket = chapter.exit_ticket()
        texts += [ticket.prompt, ticket.explanation, ticket.answer_text()]
    for task in lateral_tasks():
        texts += task.texts()
    return list(dict.fromkeys(text for text in texts if text.strip()))
