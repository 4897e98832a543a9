"""The packages install and find their data: editable (the development setup) and as a plain wheel.

Also that what is installed is what constraints.txt pins, so the suite tests the versions Binder installs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from support.paths import REPO_ROOT
from solutions import load_articles, load_facts
from test_project import declared_requirements, pinned_versions

# What a learner's kernel imports; the README's commands install these at the pinned versions.
RUNTIME_PACKAGES = ("pandas", "numpy", "ipywidgets", "matplotlib")
HOW_TO_INSTALL = "install with the README's command (pip install -c constraints.txt ...) or refresh constraints.txt"

PROBE = """
import json, solutions, exercises
from solutions.data.paths import data_dir
print(json.dumps({
    "solutions": solutions.__file__, "exercises": exercises.__file__, "data": str(data_dir()),
    "articles": len(solutions.load_articles()), "facts": len(solutions.load_facts()),
    "first_words": solutions.article_text("003").split()[:3],
}))
"""


def run_probe(cwd, extra_env=None):
    env = {"PATH": "/usr/bin:/bin", **(extra_env or {})}
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_editable_install_uses_this_checkout_from_another_folder(tmp_path):
    """The test environment (pip install -e .) imports this checkout's code and data from anywhere."""
    found = run_probe(tmp_path)
    assert found["solutions"] == str(REPO_ROOT / "solutions" / "__init__.py")
    assert found["data"] == str(REPO_ROOT / "seeds")
    assert found["articles"] == len(load_articles())
    assert found["facts"] == len(load_facts())
    assert found["first_words"] == ["china's", "deepseek", "ai"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO_ROOT)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("*.whl")
    return built


@pytest.mark.slow
def test_wheel_ships_the_data_inside_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for row in load_articles().itertuples():
        assert f"solutions/_data/{row.file}" in names
    assert {"solutions/_data/articles.csv", "solutions/_data/facts.csv", "exercises/__init__.py"} <= names


@pytest.mark.slow
def test_plain_install_finds_its_data_from_another_folder(wheel, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site),
                             str(wheel)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    found = run_probe(elsewhere, {"PYTHONPATH": str(site)})
    assert found["solutions"].startswith(str(site)) and found["exercises"].startswith(str(site))
    assert found["data"] == str(site / "solutions" / "_data")
    assert found["articles"] == len(load_articles())
    assert found["facts"] == len(load_facts())


@pytest.mark.parametrize("name", RUNTIME_PACKAGES)
def test_runtime_packages_are_the_pinned_versions(name):
    pinned = pinned_versions()[name]
    installed = metadata.version(name)
    assert installed == pinned, f"{name} {installed} is installed but constraints.txt pins {pinned}: {HOW_TO_INSTALL}"


def installed_closure() -> dict[str, str]:
    """Every installed distribution that pyproject.toml's requirements (runtime, book, test) reach, with its version."""
    pending = [(requirement, "") for requirement in declared_requirements()]
    reached: dict[str, str] = {}
    visited: set[tuple[str, str]] = set()
    while pending:
        requirement, extra = pending.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        for wanted in sorted(requirement.extras) or [""]:
            key = (canonicalize_name(requirement.name), wanted)
            if key in visited:
                continue
            visited.add(key)
            distribution = metadata.distribution(requirement.name)
            reached[key[0]] = distribution.version
            pending += [(Requirement(line), wanted) for line in distribution.requires or []]
    return reached


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="constraints.txt is resolved for Python 3.11, "
                    "whose dependency markers may differ from this Python's")
def test_constraints_cover_every_package_the_kit_installs():
    """The pins are a full closure: a dependency added without a refresh of constraints.txt shows up here."""
    pins = pinned_versions()
    missing = sorted(set(installed_closure()) - set(pins))
    assert not missing, f"installed for the kit but not pinned in constraints.txt: {missing}; {HOW_TO_INSTALL}"
