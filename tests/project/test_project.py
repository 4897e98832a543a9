"""Promises the repository makes to a newcomer: the README's two commands, CI, Binder, launch buttons and pins."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from support.paths import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
CONSTRAINTS = REPO_ROOT / "constraints.txt"
PROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def readme_section(title: str) -> str:
    """The text of the README section headed ``## title``, up to the next section."""
    return README.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def pinned_versions() -> dict[str, str]:
    """constraints.txt as {canonical name: version}; every line that is not a comment must be name==version."""
    pins: dict[str, str] = {}
    for number, line in enumerate(CONSTRAINTS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][A-Za-z0-9.+!-]*)", line)
        assert match, f"constraints.txt:{number}: {line!r} is not name==version"
        name = canonicalize_name(match[1])
        assert name not in pins, f"constraints.txt:{number}: {match[1]} is pinned twice"
        pins[name] = match[2]
    return pins


def declared_requirements() -> list[Requirement]:
    """Every requirement pyproject.toml names, runtime and extras, less the kit's own extras."""
    lines = list(PROJECT["dependencies"])
    for extra in PROJECT["optional-dependencies"].values():
        lines += extra
    requirements = [Requirement(line) for line in lines]
    return [r for r in requirements if canonicalize_name(r.name) != canonicalize_name(PROJECT["name"])]


def quick_start_commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", readme_section("Quick start"))


def test_readme_gives_exactly_two_commands_build_then_test():
    build, test = quick_start_commands()
    assert "jupyter-book build . -W -n --keep-going" in build and "pip install" in build
    assert "pytest" in test and "pip install" in test


def test_readme_commands_install_the_pinned_versions():
    """Both Quick start commands, the Jupyter set-up and the JupyterHub instructions install with the constraints."""
    for command in quick_start_commands():
        assert "pip install -c constraints.txt " in command, command
    assert "pip install -c constraints.txt " in readme_section("Opening the exercises in Jupyter")
    assert "pip install -c constraints.txt " in readme_section("Using it on a JupyterHub")


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = quick_start_commands()
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
    assert "apt-get install -y -qq chromium" in ci


def test_binder_folder():
    binder = REPO_ROOT / "binder"
    requirements = (binder / "requirements.txt").read_text().splitlines()
    assert "-e ." in requirements
    # pip reads a -c path in a requirements file relative to that file, so this is the repository's constraints.txt
    assert "-c ../constraints.txt" in requirements, "Binder must install the tested versions"
    assert (binder / ".." / "constraints.txt").resolve() == CONSTRAINTS
    assert any(line.startswith("jupyterlab-myst") for line in requirements), "MyST pages need jupyterlab-myst"
    assert (binder / "runtime.txt").read_text().strip().startswith("python-3.1")
    post_build = binder / "postBuild"
    assert "open_pages_as_notebooks.py" in post_build.read_text()  # tests/book/test_notebooks.py checks the script
    assert post_build.stat().st_mode & 0o111, "postBuild must be executable"


def test_launch_buttons_use_the_one_repository_url():
    config = yaml.safe_load((REPO_ROOT / "_config.yml").read_text())
    url = config["repository"]["url"]
    assert url.startswith("https://") and config["launch_buttons"]["binderhub_url"]
    assert "repository.url" in README


def test_toc_lists_only_existing_pages():
    toc = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    for name in files:
        assert (REPO_ROOT / f"{name}.md").is_file(), name
    pages = {p.relative_to(REPO_ROOT).with_suffix("").as_posix() for p in (REPO_ROOT / "book").glob("*.md")}
    assert pages == set(files), "every page in book/ is in the table of contents, and only those"


def test_dollar_signs_in_page_text_are_escaped():
    """Jupyter renders $...$ in Markdown as maths: every dollar sign in a page's prose must be written \\$."""
    import re

    for page in sorted((REPO_ROOT / "book").glob("*.md")):
        in_code = False
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("```{code-cell}"):
                in_code = True
            elif in_code and line.strip() == "```":
                in_code = False
            elif not in_code:  # code spans show a backslash literally, so `$5.6M` stays as it is
                prose = re.sub(r"`[^`]*`", "", line)
                assert not re.search(r"(?<!\\)\$", prose), f"{page.name}:{number}: write \\$ for a dollar sign"


def test_every_dependency_has_an_upper_bound():
    """A new major release may break the kit: every range in pyproject.toml stops before one."""
    for requirement in declared_requirements():
        assert any(spec.operator in {"<", "<=", "=="} for spec in requirement.specifier), str(requirement)
        assert any(spec.operator in {">", ">=", "=="} for spec in requirement.specifier), str(requirement)


def test_constraints_pin_every_dependency_within_its_range():
    pins = pinned_versions()
    assert canonicalize_name(PROJECT["name"]) not in pins, "the kit itself is installed from the checkout"
    for requirement in declared_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), \
            f"constraints.txt pins {requirement.name}=={pins[name]}, outside pyproject.toml's {requirement}"


def test_constraints_pin_what_the_dependencies_pull_in():
    """Not only the named dependencies: what they pull in is pinned too (tests/project/test_install.py checks them all)."""
    pins = pinned_versions()
    for name in ("numpy", "python-dateutil", "ipython", "traitlets", "widgetsnbextension", "pillow", "sphinx"):
        assert name in pins, name


def refresh_commands() -> str:
    (commands,) = re.findall(r"```bash\n(.+?)\n```", readme_section("Pinned versions"), re.S)
    return commands


def test_readme_says_how_to_refresh_the_constraints():
    commands = refresh_commands()
    assert 'pip install --dry-run --ignore-installed --quiet --report pip-report.json -e ".[test]"' in commands
    assert "> constraints.txt" in commands
    assert "commit the new `constraints.txt` only if every test passes" in readme_section("Pinned versions")


def test_readme_refresh_writes_constraints_txt_as_it_is(tmp_path):
    """The README's refresh script, fed pip's report of today's pins, writes constraints.txt byte for byte."""
    script = refresh_commands().split("<<'EOF'\n", 1)[1].split("\nEOF\n", 1)[0]
    pins = [line.split("==") for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines() if "==" in line]
    installs = [{"metadata": {"name": name, "version": version}} for name, version in reversed(pins)]
    installs.append({"metadata": {"name": PROJECT["name"], "version": PROJECT["version"]}, "is_direct": True})
    (tmp_path / "pip-report.json").write_text(json.dumps({"version": "1", "install": installs}))
    written = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert written.stdout == CONSTRAINTS.read_text(encoding="utf-8")
