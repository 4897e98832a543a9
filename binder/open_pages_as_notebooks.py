"""Make JupyterLab open the book's ``.md`` pages as notebooks for every user of this Python environment.

``jupytext-config set-default-viewer`` on its own writes into the ``~/.jupyter`` of whoever runs it: on a
JupyterHub that is the administrator, and learners still get the text editor. This script has it write
into the environment's own ``etc/jupyter/labconfig/default_setting_overrides.json`` (under the prefix of
the Python that runs the script), which JupyterLab reads for every user of the environment. A user's own
setting still wins.

Binder's ``postBuild`` runs it; on a hub, the administrator runs it once with the users' Python::

    /path/to/the/users/python3 binder/open_pages_as_notebooks.py

With a path as its one argument it writes that settings file instead (the JupyterLab test uses a
temporary one).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The file types whose default viewer becomes Jupytext's notebook: the book's pages are MyST Markdown.
DOCUMENT_TYPES = ("markdown", "myst")


def environment_settings_file() -> Path:
    """The labconfig overrides file of this Python environment, which JupyterLab reads for every user."""
    return Path(sys.prefix) / "etc" / "jupyter" / "labconfig" / "default_setting_overrides.json"


def open_pages_as_notebooks(settings_file: Path) -> None:
    """Write the default viewers into ``settings_file``, keeping its other settings.

    This is what ``jupytext-config --settings-file FILE set-default-viewer markdown myst`` does.
    """
    from jupytext_config.labconfig import LabConfig

    LabConfig(settings_file=settings_file).read().set_default_viewers(list(DOCUMENT_TYPES)).write()


def main(arguments: list[str]) -> int:
    if len(arguments) > 1:
        print("Usage: python3 binder/open_pages_as_notebooks.py [settings-file]", file=sys.stderr)
        return 2
    settings_file = Path(arguments[0]) if arguments else environment_settings_file()
    try:
        open_pages_as_notebooks(settings_file)
    except (OSError, ValueError) as error:  # a folder that cannot be written, a settings file that is not JSON
        print(f"Could not write {settings_file}: {error}", file=sys.stderr)
        return 1
    print(f"JupyterLab now opens .md pages as notebooks (setting written to {settings_file}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
