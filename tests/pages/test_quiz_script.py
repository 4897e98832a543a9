"""The quiz script's bundle: every line of code of every module, in order, without the comments that fill lines."""

from __future__ import annotations

from exercises.quiz_script import BANNER, bundle, source_files, without_comment_lines


def test_whole_line_comments_go_and_code_stays():
    lines = ["a();", "/* one line */", "  /* a block", "     that ends */", "b(); // after code", "// alone",
             "/* before */ c();", "/*", " * starred", " */", "d();"]
    assert without_comment_lines(lines) == ["a();", "b(); // after code", "/* before */ c();", "d();"]


def test_the_bundle_is_the_banner_then_every_module_in_order():
    expected = BANNER + "".join(line + "\n" for path in source_files()
                                for line in without_comment_lines(path.read_text(encoding="utf-8").splitlines()))
    assert bundle() == expected
    names = [path.name for path in source_files()]
    assert names[0] == "core.js" and names[-1] == "explorer.js" and len(names) >= 8


def test_every_line_of_code_of_every_module_is_in_the_bundle():
    text = bundle()
    for path in source_files():
        code = [line for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.strip().startswith(("//", "/*", "*"))]
        assert all(line in text for line in code), path.name
