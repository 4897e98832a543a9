"""Promises the repository makes to a newcomer: the README's two commands, CI, Binder and launch buttons."""

from __future__ import annotations

import re

import yaml

from conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_gives_exactly_two_commands_build_then_test():
    build, test = quick_start_commands()
    assert "jupyter-book build . -W -n --keep-going" in build and "pip install" in build
    assert "pytest" in test and "pip install" in test


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = quick_start_commands()
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
    assert "apt-get install -y -qq chromium" in ci


def test_binder_folder():
    binder = REPO_ROOT / "binder"
    requirements = (binder / "requirements.txt").read_text().splitlines()
    assert "-e ." in requirements
    assert any(line.startswith("jupyterlab-myst") for line in requirements), "MyST pages need jupyterlab-myst"
    assert (binder / "runtime.txt").read_text().strip().startswith("python-3.1")
    post_build = binder / "postBuild"
    assert "jupytext-config set-default-viewer" in post_build.read_text()
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
