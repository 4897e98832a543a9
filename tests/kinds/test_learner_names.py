"""A learner's code never replaces a name the page itself uses.

In a notebook every cell shares one namespace. When the learner's cell defines a function with the name of
something the page imported (cost.md once imported an exercise called ``cluster_days`` and asked the learner
to write ``cluster_days``), running that cell breaks the page: the exercise's own cell raises a TypeError
when it is run again, and the checker finds the page's object instead of the learner's function.

Each page is read with jupytext, as JupyterLab opens it, and every name a code cell binds at the top level
(imports, definitions, assignments, loop variables) is collected: no name may be bound by two cells. Each
code exercise a page shows must be followed by the learner's cell, the only cell that defines the function
the exercise asks for.
"""

from __future__ import annotations

import ast
import importlib
from collections import defaultdict

import jupytext
import pytest

from support.paths import REPO_ROOT
from exercises.book import all_exercises
from exercises.kinds import CodeExercise

PAGES = sorted((REPO_ROOT / "book").glob("*.md"))


def bound_names(tree: ast.Module) -> set[str]:
    """Names a cell binds in the notebook's namespace (not those local to its functions or classes)."""
    names: set[str] = set()

    def targets(node: ast.AST) -> None:
        for part in ast.walk(node):
            if isinstance(part, ast.Name) and isinstance(part.ctx, ast.Store):
                names.add(part.id)

    def visit(statements: list[ast.stmt]) -> None:
        for statement in statements:
            if isinstance(statement, (ast.Import, ast.ImportFrom)):
                names.update((alias.asname or alias.name).split(".")[0] for alias in statement.names)
            elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(statement.name)
            elif isinstance(statement, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                for target in getattr(statement, "targets", [getattr(statement, "target", None)]):
                    targets(target)
            elif isinstance(statement, (ast.For, ast.AsyncFor)):
                targets(statement.target)
            elif isinstance(statement, (ast.With, ast.AsyncWith)):
                for item in statement.items:
                    if item.optional_vars is not None:
                        targets(item.optional_vars)
            for block in ("body", "orelse", "finalbody"):
                if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    visit(getattr(statement, block, []))
            for handler in getattr(statement, "handlers", []):
                if handler.name:
                    names.add(handler.name)
                visit(handler.body)

    visit(tree.body)
    return names


def code_cells(page) -> list[ast.Module]:
    notebook = jupytext.read(page)
    return [ast.parse(cell.source) for cell in notebook.cells if cell.cell_type == "code"]


def shown_exercises(cells: list[ast.Module]) -> list[tuple[int, object]]:
    """(cell number, exercise) for every ``show(factory())`` whose factory the page imports from the kit."""
    origin = {alias.asname or alias.name: (node.module, alias.name)
              for cell in cells for node in ast.walk(cell)
              if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("exercises.")
              for alias in node.names}
    shown = []
    for number, cell in enumerate(cells):
        for node in ast.walk(cell):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "show"
                    and node.args and isinstance(node.args[0], ast.Call) and isinstance(node.args[0].func, ast.Name)):
                module, name = origin[node.args[0].func.id]
                shown.append((number, getattr(importlib.import_module(module), name)()))
    return shown


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_no_name_is_bound_by_two_cells(page):
    cells_binding = defaultdict(list)
    for number, cell in enumerate(code_cells(page)):
        for name in bound_names(cell):
            cells_binding[name].append(number)
    assert {name: numbers for name, numbers in cells_binding.items() if len(numbers) > 1} == {}


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_each_code_exercise_is_followed_by_the_only_cell_that_defines_its_function(page):
    cells = code_cells(page)
    for number, exercise in shown_exercises(cells):
        if not isinstance(exercise, CodeExercise):
            continue
        defining = [n for n, cell in enumerate(cells) if exercise.function_name in bound_names(cell)]
        assert defining == [number + 1], (exercise.id, defining)


def test_the_checks_see_the_clash_cost_md_once_had():
    page_cell = ast.parse("from exercises.chapters.cost import (\n    cluster_days, code_days,\n)\nshow(code_days())")
    learner_cell = ast.parse("def cluster_days(gpu_hours, gpus):\n    ...")
    assert bound_names(page_cell) & bound_names(learner_cell) == {"cluster_days"}
    assert bound_names(ast.parse("for row, (a, b) in x:\n    total = 1\nwith f() as out:\n    pass\n"
                                 "def g():\n    local = 1")) == {"row", "a", "b", "total", "out", "g"}


@pytest.mark.slow  # about 6 s
def test_every_code_exercise_is_found_on_a_page():
    shown = {exercise.id for page in PAGES for _, exercise in shown_exercises(code_cells(page))
             if isinstance(exercise, CodeExercise)}
    assert shown == {exercise.id for exercise in all_exercises() if isinstance(exercise, CodeExercise)} != set()
