"""The theme's one copied Material template stays Material's, but for digest's change.

theme/partials/header.html is Material's header with one marked change (Pagefind in
place of Material's search); the header has no block to override. When Material is
upgraded and its header changes, this fails, so the copy is refreshed, not left stale."""

from __future__ import annotations

import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[1]
OURS = ROOT / "theme" / "partials" / "header.html"
THEIRS = Path(material.__file__).parent / "templates" / "partials" / "header.html"
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)
DIGEST_CHANGE = re.compile(
    r"\{#- digest:.*?\{% elif (\"material/search\" in config.plugins) %\}", re.DOTALL
)


def test_header_is_materials_own_but_for_the_marked_change():
    ours = OURS.read_text(encoding="utf-8")
    assert len(DIGEST_CHANGE.findall(ours)) == 1, "the digest change is marked once"
    undone = DIGEST_CHANGE.sub(r"{% if \1 %}", LEADING_COMMENT.sub("", ours))
    theirs = LEADING_COMMENT.sub("", THEIRS.read_text(encoding="utf-8"))
    assert undone == theirs, (
        f"Material's {THEIRS.name} changed: copy it to {OURS} again and re-apply the "
        "change marked 'digest'"
    )
