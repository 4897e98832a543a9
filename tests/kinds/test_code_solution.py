"""The model solution a code exercise shows is plain Python a learner can read, run and check.

"Show a solution" once printed the kit's own function, built on private helpers the learner never sees.
Now each code exercise carries its model solution as text: it must import nothing, use no name but its own
and Python's built-ins, define the function the exercise asks for with the parameters of the signature the
learner is given, and pass the exercise's own checker when it is run alone in an empty namespace, as in a
fresh notebook cell. The live widget and the static book show exactly that text.
"""

from __future__ import annotations

import ast
import builtins
from html import escape

import pytest

from support.catalogue import book_exercises
from exercises.kinds import CodeExercise
from exercises.static_html import exercise_html
from exercises.widgets import ExerciseWidget

CODE_EXERCISES = [exercise for exercise in book_exercises() if isinstance(exercise, CodeExercise)]
IDS = [exercise.id for exercise in CODE_EXERCISES]


def free_names(source: str) -> set[str]:
    """Names the code reads but never binds itself (its functions' parameters and locals are bound)."""
    tree = ast.parse(source)
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
    return read - bound


def test_there_is_a_code_exercise():
    assert CODE_EXERCISES


@pytest.mark.parametrize("exercise", CODE_EXERCISES, ids=IDS)
def test_the_solution_uses_only_its_own_names_and_builtins(exercise):
    source = exercise.solution_source()
    tree = ast.parse(source)
    assert not [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert free_names(source) <= set(dir(builtins)), free_names(source) - set(dir(builtins))


@pytest.mark.parametrize("exercise", CODE_EXERCISES, ids=IDS)
def test_the_solution_run_alone_passes_the_checker(exercise):
    namespace = {"__builtins__": builtins}
    exec(compile(exercise.solution_source(), f"<solution of {exercise.id}>", "exec"), namespace)  # noqa: S102
    assert exercise.check(namespace[exercise.function_name]).verdict == "correct"


@pytest.mark.parametrize("exercise", CODE_EXERCISES, ids=IDS)
def test_the_solution_has_the_signature_the_learner_is_given(exercise):
    (given,) = [node for node in ast.parse(exercise.signature).body if isinstance(node, ast.FunctionDef)]
    (solved,) = [node for node in ast.parse(exercise.solution_source()).body if isinstance(node, ast.FunctionDef)]
    assert solved.name == given.name == exercise.function_name
    assert [a.arg for a in solved.args.args] == [a.arg for a in given.args.args]


@pytest.mark.parametrize("exercise", CODE_EXERCISES, ids=IDS)
def test_the_widget_and_the_static_book_show_that_solution(exercise):
    widget = ExerciseWidget(exercise)
    widget.answer_button.value = True
    assert f"<pre>{escape(exercise.solution_source())}</pre>" in widget.answer_panel.value
    assert f"<pre><code>{escape(exercise.solution_source())}</code></pre>" in exercise_html(exercise)
