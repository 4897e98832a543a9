"""Every page of the book runs as a notebook, the way Binder or a classroom Jupyter opens it, and opening one changes nothing."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbclient
import pytest

from support.paths import REPO_ROOT

PAGES = sorted((REPO_ROOT / "book").glob("*.md"))


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_runs_as_a_notebook(page: Path):
    notebook = jupytext.read(page)
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(page.parent)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    display_cells = [c for c in notebook.cells
                     if c.cell_type == "code" and "remove-input" in c.metadata.get("tags", [])]
    assert all(cell.outputs for cell in display_cells), "a cell that exists to show something showed nothing"


def _saved_as_jupyterlab_saves(folder: Path, page_name: str) -> bytes:
    """Open a page through Jupytext's contents manager, record the kernel as JupyterLab does, save it, read it."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupytext import TextFileContentsManager

    contents = TextFileContentsManager(root_dir=str(folder))
    model = contents.get(f"book/{page_name}")
    spec = KernelSpecManager().get_kernel_spec("python3")
    # JupyterLab writes the running kernel into the notebook, in this order, when it opens a page.
    model["content"].metadata["kernelspec"] = {"name": "python3", "display_name": spec.display_name,
                                               "language": spec.language}
    contents.save(model, f"book/{page_name}")
    return (folder / "book" / page_name).read_bytes()


def test_opening_and_saving_a_page_leaves_it_byte_for_byte(tmp_path):
    """JupyterLab saves an opened page (autosave): the front matter and book/jupytext.toml make that a no-op."""
    shutil.copytree(REPO_ROOT / "book", tmp_path / "book")
    changed = [page.name for page in PAGES if _saved_as_jupyterlab_saves(tmp_path, page.name) != page.read_bytes()]
    assert not changed, (f"saving {changed} in JupyterLab would rewrite them: write the kernelspec as JupyterLab does "
                         "(name, display_name, language) and keep book/jupytext.toml")


def _open_pages_script():
    spec = importlib.util.spec_from_file_location("open_pages_as_notebooks",
                                                  REPO_ROOT / "binder" / "open_pages_as_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_default_viewer_setting_reaches_every_user_of_the_environment():
    """The setting goes into the environment's labconfig, which JupyterLab reads whoever logs in."""
    from jupyter_core.paths import jupyter_config_dir, jupyter_config_path

    settings_file = _open_pages_script().environment_settings_file()
    assert settings_file.name == "default_setting_overrides.json" and settings_file.parent.name == "labconfig"
    assert str(settings_file.parent.parent) in jupyter_config_path()
    assert Path(sys.prefix) in settings_file.parents
    assert Path(jupyter_config_dir()) not in settings_file.parents, "that is the runner's own ~/.jupyter"


def test_default_viewer_script_writes_the_setting_and_keeps_others(tmp_path):
    settings_file = tmp_path / "labconfig" / "default_setting_overrides.json"
    settings_file.parent.mkdir()
    settings_file.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    result = subprocess.run([sys.executable, str(REPO_ROOT / "binder" / "open_pages_as_notebooks.py"), str(settings_file)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    settings = json.loads(settings_file.read_text())
    assert settings["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"] == {
        "markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}


@pytest.mark.parametrize("settings_file", ["not-json.json", "missing-folder/x.json"])
def test_default_viewer_script_reports_a_bad_settings_file_without_a_traceback(tmp_path, settings_file):
    (tmp_path / "not-json.json").write_text("{not json")
    (tmp_path / "missing-folder").write_text("a file where the folder should be")
    result = subprocess.run([sys.executable, str(REPO_ROOT / "binder" / "open_pages_as_notebooks.py"),
                             str(tmp_path / settings_file)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Could not write" in result.stderr and "Traceback" not in result.stderr


def test_binder_and_the_jupyterhub_steps_run_the_same_setup():
    """One source of truth: Binder's postBuild and the README's hub steps run the script, not a per-user command."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    hub_steps = readme.split("## Using it on a JupyterHub\n", 1)[1].split("\n## ", 1)[0]
    post_build = (REPO_ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    command = "open_pages_as_notebooks.py"
    assert command in post_build and f"binder/{command}" in hub_steps
    for text in (post_build, hub_steps):
        assert "jupytext-config set-default-viewer" not in text, "that command writes only its runner's ~/.jupyter"
