"""The import structure keeps the design's layers: no cycles, an analyser free of case data, no private imports.

Every import statement of ``solutions`` and ``exercises`` is read with ``ast``, including imports inside functions
(which hide cycles from Python itself), with relative imports resolved. An import names the deepest kit module it
reaches: ``from solutions.analyser import quotes`` is an import of ``solutions.analyser.quotes``, and
``from solutions.analyser.quotes import extract_quotes`` one of ``solutions.analyser.quotes``, whether that is a
module or a package. The rules:

- no import cycle among the kit's modules;
- the analyser (``solutions.analyser``) knows nothing about the DeepSeek case: it imports no module of
  ``solutions.chapters`` and, of ``solutions.data``, only ``datafiles`` and ``paths`` (to read its own lexicons);
- ``solutions`` never imports ``exercises``;
- the exercise kinds (``exercises.kinds``) know no chapter: they import nothing from ``exercises.chapters``;
- a chapter is a unit: a chapter package (``exercises.chapters.cost`` …) imports no other chapter package, only
  what the chapters share (the modules beside them in ``exercises.chapters``);
- no module (of the kit, its tests or its benchmarks) takes another module's private (underscore) name, by
  ``from module import _name`` or by ``module._name``.

The last tests run the same checks on small trees built for the purpose, so each check is shown to fail.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

from support.paths import REPO_ROOT

KIT_PACKAGES = ("solutions", "exercises")
OTHER_CODE = ("tests", "benchmarks")  # they may not take the kit's private names either
ANALYSER = "solutions.analyser"
CASE_CHAPTERS = "solutions.chapters"
CASE_DATA = "solutions.data"
ANALYSER_MAY_IMPORT = {"solutions.data.datafiles", "solutions.data.paths"}
EXERCISE_KINDS = "exercises.kinds"
EXERCISE_CHAPTERS = "exercises.chapters"


@dataclass(frozen=True)
class Import:
    """One kit module reached by one import statement: ``names`` are the names taken from it, if any."""

    importer: str
    path: Path
    line: int
    target: str
    names: tuple[str, ...] = ()

    def __str__(self) -> str:
        taken = f" ({', '.join(self.names)})" if self.names else ""
        return f"{self.importer} -> {self.target}{taken} at {self.path.name}:{self.line}"


def find_modules(root: Path, packages=KIT_PACKAGES) -> dict[str, Path]:
    """Every module of ``packages`` under ``root``, by dotted name (a package by its own name)."""
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def deepest_module(name: str, modules: dict[str, Path]) -> str | None:
    """The longest leading part of the dotted ``name`` that is a kit module, or None outside the kit."""
    parts = name.split(".")
    while parts:
        if ".".join(parts) in modules:
            return ".".join(parts)
        parts.pop()
    return None


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _dotted(node: ast.expr) -> list[str] | None:
    """``a.b.c`` as ``["a", "b", "c"]``; None for anything that is not a chain of names."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return head + [node.attr] if head else None
    return None


def read_imports(name: str, path: Path, modules: dict[str, Path]) -> tuple[list[Import], list[Import]]:
    """The kit modules ``path`` imports, and where it takes a private name from one (``module._name`` too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    imports: list[Import] = []
    bound: dict[str, str] = {}  # local name -> the kit module it is bound to
    private_uses: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = deepest_module(alias.name, modules)
                if target:
                    imports.append(Import(name, path, node.lineno, target))
                    local = alias.asname or alias.name.split(".")[0]
                    bound[local] = alias.name if alias.asname else local
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in modules:
                    imports.append(Import(name, path, node.lineno, f"{source}.{alias.name}"))
                    if is_private(alias.name):
                        private_uses.append(Import(name, path, node.lineno, source, (alias.name,)))
                    bound[alias.asname or alias.name] = f"{source}.{alias.name}"
                elif (target := deepest_module(source, modules)) is not None:
                    names = (alias.name,) if target == source and alias.name != "*" else ()
                    imports.append(Import(name, path, node.lineno, target, names))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            chain = _dotted(node.value)
            if chain and chain[0] in bound:
                owner = ".".join([bound[chain[0]], *chain[1:]])
                if owner in modules:
                    private_uses.append(Import(name, path, node.lineno, owner, (node.attr,)))
    return imports, private_uses


@functools.cache
def kit_imports(root: Path) -> list[Import]:
    """Every import between kit modules under ``root`` (read once per tree)."""
    modules = find_modules(root)
    return [found for name, path in modules.items() for found in read_imports(name, path, modules)[0]]


def import_cycles(imports: list[Import]) -> list[list[str]]:
    """One cycle through each group of modules that import one another (Tarjan's strongly connected components)."""
    graph: dict[str, set[str]] = {}
    for found in imports:
        if found.target != found.importer:
            graph.setdefault(found.importer, set()).add(found.target)
            graph.setdefault(found.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for following in sorted(graph[node]):
            if following not in index:
                visit(following)
                low[node] = min(low[node], low[following])
            elif following in on_stack:
                low[node] = min(low[node], index[following])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_through(group, graph) for group in sorted(groups)]


def _cycle_through(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following_frontier = []
        for node in frontier:
            for following in sorted(graph[node] & members):
                if following == start:
                    return paths[node] + [start]
                if following not in paths:
                    paths[following] = paths[node] + [following]
                    following_frontier.append(following)
        frontier = following_frontier
    return group


def in_package(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def analyser_case_imports(imports: list[Import]) -> list[Import]:
    """Imports by the analyser of the case's chapters or of data modules other than its lexicon readers."""
    return [found for found in imports if in_package(found.importer, ANALYSER)
            and (in_package(found.target, CASE_CHAPTERS)
                 or (in_package(found.target, CASE_DATA) and found.target not in ANALYSER_MAY_IMPORT))]


def solutions_imports_of_exercises(imports: list[Import]) -> list[Import]:
    return [found for found in imports if found.importer.split(".")[0] == "solutions"
            and found.target.split(".")[0] == "exercises"]


def kinds_imports_of_chapters(imports: list[Import]) -> list[Import]:
    """Imports by the exercise kinds of any chapter module: a kind must work for every chapter."""
    return [found for found in imports if in_package(found.importer, EXERCISE_KINDS)
            and in_package(found.target, EXERCISE_CHAPTERS)]


def chapter_of_module(module: str, modules: dict[str, Path]) -> str | None:
    """The chapter package (``exercises.chapters.cost``) a module belongs to; None for the modules the chapters
    share, which sit beside them in ``exercises.chapters``, and for everything else."""
    parts = module.split(".")
    if len(parts) < 3 or ".".join(parts[:2]) != EXERCISE_CHAPTERS:
        return None
    package = ".".join(parts[:3])
    return package if package in modules and modules[package].name == "__init__.py" else None


def imports_between_chapters(root: Path) -> list[Import]:
    """Imports by one chapter package of another: each chapter stands alone and shares only what sits beside it."""
    modules = find_modules(root)
    return [found for found in kit_imports(root)
            if (importer := chapter_of_module(found.importer, modules)) is not None
            and (target := chapter_of_module(found.target, modules)) is not None and importer != target]


def private_imports(root: Path, importers=KIT_PACKAGES + OTHER_CODE) -> list[Import]:
    """Every place where one module takes another module's private name (a package's private submodules excepted)."""
    modules = find_modules(root)
    offenders = []
    for folder in importers:
        for path in sorted((root / folder).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            imports, private_uses = read_imports(name, path, modules)
            for found in imports + private_uses:
                private = [taken for taken in found.names if is_private(taken)
                           and not (f"{found.target}.{taken}" in modules and name.startswith(found.target + "."))]
                if private and found.target != name:
                    offenders.append(Import(name, path, found.line, found.target, tuple(private)))
    first = {}  # one line per module, owner and name: where it is taken first
    for found in sorted(offenders, key=lambda found: (found.importer, found.line)):
        first.setdefault((found.importer, found.target, found.names), found)
    return list(first.values())


def listing(found: list) -> str:
    return "\n  " + "\n  ".join(map(str, found))


# The kit as it is.

def test_no_import_cycle_among_the_kits_modules():
    cycles = import_cycles(kit_imports(REPO_ROOT))
    assert not cycles, "modules that import one another (break the cycle):" + listing(
        [" -> ".join(cycle) for cycle in cycles])


def test_the_analyser_imports_no_case_data():
    found = analyser_case_imports(kit_imports(REPO_ROOT))
    assert not found, ("the analyser reads only its own lexicons (solutions.data.datafiles and paths); "
                       "these imports reach the DeepSeek case:" + listing(found))


def test_solutions_never_imports_exercises():
    found = solutions_imports_of_exercises(kit_imports(REPO_ROOT))
    assert not found, "solutions is used by exercises, never the other way round:" + listing(found)


def test_the_exercise_kinds_import_no_chapter():
    found = kinds_imports_of_chapters(kit_imports(REPO_ROOT))
    assert not found, "the exercise kinds serve every chapter and know none of them:" + listing(found)


def test_no_chapter_imports_another():
    found = imports_between_chapters(REPO_ROOT)
    assert not found, ("each chapter is a unit; what two chapters share belongs in a module beside them in "
                       "exercises.chapters:" + listing(found))


def test_no_module_imports_another_modules_private_names():
    found = private_imports(REPO_ROOT)
    assert not found, ("a private (underscore) name is the module's own: make it public under a good name, or stop "
                       "needing it:" + listing(found))


def test_the_checks_see_the_whole_kit():
    modules = find_modules(REPO_ROOT)
    assert {"solutions", "solutions.analyser", "solutions.data.paths", "exercises", "exercises.kinds",
            "exercises.chapters", "exercises.chapters.cost"} <= set(modules)
    assert len({chapter_of_module(name, modules) for name in modules} - {None}) == 7
    assert len(kit_imports(REPO_ROOT)) > 50


# Each check on a small tree made to break it.

def _write_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


CLEAN_TREE = {
    "solutions/__init__.py": "from solutions.analyser.hype import find_hype\n",
    "solutions/analyser/__init__.py": "",
    "solutions/analyser/hype.py": "from ..data.datafiles import read_table\n\ndef find_hype(text):\n    return []\n",
    "solutions/data/__init__.py": "",
    "solutions/data/datafiles.py": "def read_table(name):\n    return name\n",
    "solutions/data/facts.py": "from . import datafiles\n",
    "solutions/chapters/__init__.py": "",
    "solutions/chapters/markets.py": "from solutions.data.facts import datafiles\n",
    "solutions/chapters/timeline.py": "def event_date():\n    return None\n",
    "exercises/__init__.py": "from solutions import find_hype\n",
    "exercises/display.py": "def table():\n    return None\n",
    "exercises/quotes/__init__.py": "from ._marks import pair\nfrom . import _marks\n",
    "exercises/quotes/_marks.py": "def pair():\n    return None\n",
    "exercises/kinds/__init__.py": "from exercises.kinds.choice import Option\n",
    "exercises/kinds/choice.py": "class Option:\n    pass\n",
    "exercises/chapters/__init__.py": "from . import cost, gpus\n",
    "exercises/chapters/shared.py": "from exercises.kinds import Option\n",
    "exercises/chapters/cost/__init__.py": "from .exercises import verdicts\n",
    "exercises/chapters/cost/exercises.py": "from ..shared import Option\n\ndef verdicts():\n    return Option()\n",
    "exercises/chapters/gpus/__init__.py": "from exercises.chapters.shared import Option\n",
}


def test_a_clean_tree_passes_every_check(tmp_path):
    root = _write_tree(tmp_path, CLEAN_TREE)
    imports = kit_imports(root)
    assert not import_cycles(imports) and not analyser_case_imports(imports)
    assert not solutions_imports_of_exercises(imports) and not private_imports(root, KIT_PACKAGES)
    assert not kinds_imports_of_chapters(imports) and not imports_between_chapters(root)


def test_a_cycle_hidden_in_a_function_is_found(tmp_path):
    root = _write_tree(tmp_path, {**CLEAN_TREE, "solutions/chapters/timeline.py":
                                  "def event_date():\n    from .markets import datafiles\n    return datafiles\n",
                                  "solutions/chapters/markets.py": "from solutions.chapters import timeline\n"})
    assert import_cycles(kit_imports(root)) == [
        ["solutions.chapters.markets", "solutions.chapters.timeline", "solutions.chapters.markets"]]


def test_a_cycle_through_a_package_is_found(tmp_path):
    root = _write_tree(tmp_path, {**CLEAN_TREE, "solutions/analyser/hype.py": "from solutions import find_hype\n"})
    assert import_cycles(kit_imports(root)) == [["solutions", "solutions.analyser.hype", "solutions"]]


def test_the_analyser_reaching_case_data_is_found(tmp_path):
    root = _write_tree(tmp_path, {**CLEAN_TREE, "solutions/analyser/hype.py":
                                  "def find_hype(text):\n    from solutions.data import facts\n"
                                  "    from ..chapters.timeline import event_date\n    return []\n"})
    assert sorted(found.target for found in analyser_case_imports(kit_imports(root))) == [
        "solutions.chapters.timeline", "solutions.data.facts"]
    root = _write_tree(tmp_path / "second", {**CLEAN_TREE,
                                             "solutions/analyser/hype.py": "import solutions.chapters.markets\n"})
    assert [found.target for found in analyser_case_imports(kit_imports(root))] == ["solutions.chapters.markets"]


def test_solutions_importing_exercises_is_found(tmp_path):
    root = _write_tree(tmp_path, {**CLEAN_TREE, "solutions/data/facts.py": "from exercises.display import table\n"})
    assert [str(found.target) for found in solutions_imports_of_exercises(kit_imports(root))] == ["exercises.display"]


def test_private_names_taken_from_another_module_are_found(tmp_path):
    root = _write_tree(tmp_path, {
        **CLEAN_TREE,
        "exercises/display.py": "def _table():\n    return None\n",
        "exercises/charts.py": "from .display import _table\n",
        "exercises/answer_key.py": "from exercises import display\n\ndef key():\n    return display._table()\n",
        "tests/test_x.py": "import exercises.display\n\nexercises.display._table()\n",
        "benchmarks/run.py": "from exercises.quotes import _marks\n",
    })
    assert sorted((found.importer, found.names) for found in private_imports(root)) == [
        ("benchmarks.run", ("_marks",)), ("exercises.answer_key", ("_table",)), ("exercises.charts", ("_table",)),
        ("tests.test_x", ("_table",))]


def test_the_kinds_importing_a_chapter_is_found(tmp_path):
    root = _write_tree(tmp_path, {**CLEAN_TREE, "exercises/kinds/choice.py":
                                  "def options():\n    from exercises.chapters.shared import Option\n    return Option\n"})
    assert [found.target for found in kinds_imports_of_chapters(kit_imports(root))] == ["exercises.chapters.shared"]


def test_a_chapter_importing_another_is_found(tmp_path):
    root = _write_tree(tmp_path, {**CLEAN_TREE, "exercises/chapters/gpus/__init__.py":
                                  "from exercises.chapters.cost.exercises import verdicts\n",
                                  "exercises/chapters/cost/exercises.py":
                                  "from ..shared import Option\n\ndef verdicts():\n    from ..gpus import Option\n"
                                  "    return Option()\n"})
    assert sorted((found.importer, found.target) for found in imports_between_chapters(root)) == [
        ("exercises.chapters.cost.exercises", "exercises.chapters.gpus"),
        ("exercises.chapters.gpus", "exercises.chapters.cost.exercises")]
