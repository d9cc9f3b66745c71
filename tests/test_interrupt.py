"""A build killed or interrupted mid-write, as a real process: SIGKILL and SIGINT sent to
a `digest build` at chosen points of its write stage. The reader must see the previous
build's pages until the commit point, and the next build must end exactly where an
uninterrupted one does, with nothing left behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from generator.config import Paths, validated
from generator.pipeline import build
from generator.write import JOURNAL

# Runs `digest build` in a child process that signals itself on the n-th call of one
# write-stage step: "stage" = a page staged beside the one it replaces, "rename" = an
# os.replace during the commit (1 = the journal itself, 2... = the staged pages moved
# into place).
CHILD = """
import os, pathlib, signal, sys
import generator.write as write
from generator.cli import main

how, point, n, seeds, content = sys.argv[1:6]
sig = signal.SIGKILL if how == "kill" else signal.SIGINT
# Ctrl-C raises KeyboardInterrupt, as in a terminal: a child inherits an ignored SIGINT from
# a parent that ignores it (Python then installs no handler), and would build on silently.
signal.signal(signal.SIGINT, signal.default_int_handler)
calls = 0

def hit():
    global calls
    calls += 1
    if calls == int(n):
        os.kill(os.getpid(), sig)

if point == "stage":
    write_bytes = pathlib.Path.write_bytes
    def staged(self, data):
        hit()
        return write_bytes(self, data)
    pathlib.Path.write_bytes = staged
    os_link = os.link
    def link(src, dst, *a, **k):
        raise OSError("no hard links here: every staged page is written")
    os.link = link
else:
    replace = os.replace
    def renamed(src, dst, *a, **k):
        if write.JOURNAL in str(dst) or calls:
            hit()
        return replace(src, dst, *a, **k)
    os.replace = renamed
sys.argv = ["digest", "build", "--quiet", "--seeds", seeds, "--content", content,
            "-f", os.path.join(os.path.dirname(content), "bare.yml")]
main()
"""


def visible(content: Path) -> dict[str, bytes]:
    """What a reader (and mkdocs, which skips dot files) sees in the content folder."""
    return {
        p.relative_to(content).as_posix(): p.read_bytes()
        for p in sorted(content.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content).parts)
    }


def hidden(content: Path) -> list[str]:
    return sorted(p.name for p in content.rglob(".*"))


@pytest.fixture
def before_and_after(project, tmp_path):
    """Content of a build of the samples (before), the seeds changed (one removed, one
    edited), and the content an uninterrupted build of the changed seeds gives (after)."""
    config = validated({})
    build(config, project)
    before = visible(project.content)
    seeds = sorted(project.seeds.glob("*.txt"))
    seeds[0].unlink()
    seeds[1].write_text(seeds[1].read_text(encoding="utf-8") + "\nA late paragraph.\n")
    reference = Paths(project.seeds, tmp_path / "reference")
    shutil.copytree(project.content, reference.content)
    build(config, reference)
    after = visible(reference.content)
    assert after != before
    return project, before, after


def run_child(how: str, point: str, n: int, paths: Paths) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [how, point, str(n), str(paths.seeds), str(paths.content)]
    return subprocess.run(
        [sys.executable, "-c", CHILD, *args], env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize(("point", "n"), [("stage", 1), ("stage", 3), ("rename", 1)])
def test_sigkill_before_the_commit_leaves_the_previous_pages(before_and_after, point, n):
    project, before, after = before_and_after
    result = run_child("kill", point, n, project)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert visible(project.content) == before
    build(validated({}), project)
    assert visible(project.content) == after
    assert hidden(project.content) == []


@pytest.mark.parametrize("n", [2, 3, 4])
def test_sigkill_during_the_renames_is_rolled_forward_by_the_next_build(before_and_after, n):
    project, _before, after = before_and_after
    result = run_child("kill", "rename", n, project)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert (project.content / JOURNAL).is_file()  # the commit point was passed
    build(validated({}), project)
    assert visible(project.content) == after
    assert hidden(project.content) == []


def test_ctrl_c_mid_write_changes_nothing_and_says_so(before_and_after):
    project, before, after = before_and_after
    result = run_child("int", "stage", 2, project)
    assert result.returncode == 130, (result.stdout, result.stderr)
    assert "interrupted" in result.stderr and "Traceback" not in result.stderr
    assert visible(project.content) == before
    assert hidden(project.content) == []  # cleaned up on the way out, not by the next build
    build(validated({}), project)
    assert visible(project.content) == after


def test_ctrl_c_during_the_renames_finishes_them_and_says_so(before_and_after):
    """Past the commit point a Ctrl-C is held until every page is in place: the reader
    gets the new build whole at once, not a mix until the next build, and is told so."""
    project, _before, after = before_and_after
    result = run_child("int", "rename", 2, project)
    assert result.returncode == 130, (result.stdout, result.stderr)
    assert "after the content folder got this build's pages" in result.stderr
    assert "Traceback" not in result.stderr
    assert visible(project.content) == after
    assert hidden(project.content) == []  # the journal too: the commit ran to its end


def test_ctrl_c_after_the_pages_are_written_says_they_are(before_and_after, monkeypatch):
    from click.testing import CliRunner

    from generator import pipeline
    from generator.cli import main

    project, _before, after = before_and_after

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.BuildState, "remember", interrupted)
    bare = project.seeds.parent / "bare.yml"
    args = ["--seeds", project.seeds, "--content", project.content, "-f", bare]
    result = CliRunner().invoke(main, ["build", *map(str, args)])
    assert result.exit_code == 130
    assert "after the content folder got this build's pages" in result.stderr
    assert visible(project.content) == after
