"""The benchmark script still runs and prints its table (it measures; tests never time anything)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # runs a benchmark script


def test_throughput_benchmark_prints_a_table():
    result = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "analyze_throughput.py"),
                             "--articles", "20"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for measure in ("articles", "throughput", "peak Python memory", "figures found"):
        assert measure in result.stdout


def test_throughput_benchmark_times_a_folder_of_texts(tmp_path):
    (tmp_path / "a.txt").write_text("title: A header\n=====\nShares rose 5% to $3 million, analysts said.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("A text with no header, and 2,048 GPUs.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "analyze_throughput.py"),
                             "--folder", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = dict(line.split("  ", 1) for line in result.stdout.splitlines()[2:])
    assert rows["articles"].strip() == "2"
    assert rows["figures found"].strip() == "3"  # 5%, $3 million and 2,048 (not the header's words)
    assert "throughput" in rows


def test_throughput_benchmark_refuses_an_empty_folder(tmp_path):
    result = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "analyze_throughput.py"),
                             "--folder", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "holds no *.txt files" in result.stderr
