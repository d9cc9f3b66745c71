"""Golden files: the generated content for the samples, reviewed as a diff.

Regenerate after an intended change with `make goldens`
(`pytest tests/test_goldens.py --update-goldens`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pipeline import build

GOLDENS = Path(__file__).parent / "goldens" / "samples"


def test_generated_content_matches_goldens(project, config, request):
    build(config, project)
    got = {
        p.relative_to(project.content).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(project.content.rglob("*"))
        if p.is_file()
    }
    if request.config.getoption("--update-goldens"):
        shutil.rmtree(GOLDENS, ignore_errors=True)
        for rel, text in got.items():
            (GOLDENS / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDENS / rel).write_text(text, encoding="utf-8")
    want = {
        p.relative_to(GOLDENS).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(GOLDENS.rglob("*"))
        if p.is_file()
    }
    assert sorted(got) == sorted(want), "run `make goldens` and review the diff"
    for rel in want:
        assert got[rel] == want[rel], f"{rel} differs: run `make goldens` and review the diff"
