"""The quiz script's bundle: every line of code of every module, in order, without the comments that fill lines."""

from __future__ import annotations

import pytest

from exercises.quiz_script import (
    SCHEMA_PLACEHOLDER, SCRIPT_NAME, SCRIPT_NAMES, banner, bundle, source_files, without_comment_lines,
)


def test_whole_line_comments_go_and_code_stays():
    lines = ["a();", "/* one line */", "  /* a block", "     that ends */", "b(); // after code", "// alone",
             "/* before */ c();", "/*", " * starred", " */", "d();"]
    assert without_comment_lines(lines) == ["a();", "b(); // after code", "/* before */ c();", "d();"]


def test_the_bundle_is_the_banner_then_every_module_in_order():
    expected = banner() + "".join(line + "\n" for path in source_files()
                                  for line in without_comment_lines(path.read_text(encoding="utf-8").splitlines()))
    assert bundle() == bundle(SCRIPT_NAME) == expected
    names = [path.name for path in source_files()]
    assert names[0] == "core.js" and names[-1] == "progress.js" and len(names) >= 8


def test_every_module_is_in_exactly_one_script():
    bundled = [path.name for name in SCRIPT_NAMES for path in source_files(name)]
    every = [path.name for path in source_files().__getitem__(0).parent.rglob("*.js")]
    assert sorted(bundled) == sorted(every)
    with pytest.raises(KeyError, match="kit-quiz.js"):
        source_files("kit-other.js")


@pytest.mark.parametrize("name", SCRIPT_NAMES)
def test_every_line_of_code_of_every_module_is_in_the_bundle(name):
    text = bundle(name)
    assert text.startswith(banner(name))
    for path in source_files(name):
        code = [line for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.strip().startswith(("//", "/*", "*"))]
        # the progress file's schema is written in where its placeholder stood
        assert all(line in text for line in code if SCHEMA_PLACEHOLDER not in line), path.name
    assert SCHEMA_PLACEHOLDER not in text
