"""Photo files beside seeds: which seed owns them, which are refused, and how they are
published (content-hash names inside the output folder, whatever the file was called)."""

from __future__ import annotations

import json
import logging
import re

import frontmatter
import pytest
from conftest import png

from generator.images import assign, image_type, natural, owner
from generator.pipeline import build

SEED_004 = "004_509b700b257930df.txt"  # its page prints seven captions
SEED_003 = "003_5b900e03b5c10ba5.txt"


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (png(2, 2, (1, 2, 3)), ".png"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 20, ".jpg"),
        (b"GIF89a" + b"\0" * 20, ".gif"),
        (b"RIFF\x10\0\0\0WEBPVP8 " + b"\0" * 20, ".webp"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", None),
        (b"not an image at all", None),
        (b"", None),
    ],
)
def test_image_type_is_read_from_the_bytes(data, suffix):
    assert image_type(data) == suffix


def test_an_image_belongs_to_the_seed_with_the_longest_fitting_stem():
    seeds = ["a.txt", "a-b.txt", "wire/a.txt", "ab.txt"]
    assert owner("a.jpg", seeds) == "a.txt"
    assert owner("a-1.jpg", seeds) == "a.txt"
    assert owner("a-b-1.jpg", seeds) == "a-b.txt"
    assert owner("ab_2.png", seeds) == "ab.txt"
    assert owner("wire/a 3.webp", seeds) == "wire/a.txt"  # same folder only
    assert owner("abc.jpg", seeds) is None  # "abc" is not "ab" plus a separator
    assert owner("other/a.jpg", seeds) is None


def test_images_pair_in_natural_order_and_refusals_name_the_file():
    files = {
        "a-10.png": png(1, 1, (0, 0, 0)),
        "a-2.png": png(1, 1, (9, 9, 9)),
        "a-3.jpg": b"a text file called .jpg",
        "a-4.png": "Permission denied",
        "lonely.png": png(1, 1, (5, 5, 5)),
    }
    images, warnings = assign(files, ["a.txt"])
    assert [i.file for i in images["a.txt"]] == ["a-2.png", "a-10.png"]
    assert all(re.fullmatch(r"[0-9a-f]{16}\.png", i.name) for i in images["a.txt"])
    assert len(warnings) == 3
    for name in ("a-3.jpg", "a-4.png", "lonely.png"):
        assert sum(f"'{name}'" in w for w in warnings) == 1, name
    assert sorted(["x-10", "x-2", "x-1"], key=natural) == ["x-1", "x-2", "x-10"]


def test_build_publishes_seed_images_under_hash_names_with_captions_as_alt(project, config, caplog):
    hostile = "004_509b700b257930df ..$(touch pwned) <img src=x> \"'.png"  # sorts first
    (project.seeds / hostile).write_bytes(png(4, 6, (140, 90, 40)))
    (project.seeds / "004_509b700b257930df-1.png").write_bytes(png(6, 4, (40, 90, 140)))
    (project.seeds / "004_509b700b257930df-9.jpg").write_bytes(b"GIF89a, though named .jpg")
    # 003 brings the very same file as 004's second photo: one photo, one card
    (project.seeds / f"{SEED_003[:-4]}.png").write_bytes(png(6, 4, (40, 90, 140)))
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        build(config, project)
    assert caplog.text == ""
    published = sorted((project.content / "stories" / "images").iterdir())
    assert [p.suffix for p in published].count(".png") == 2  # the shared photo is one file
    assert [p.suffix for p in published].count(".gif") == 1  # a GIF by its bytes
    assert all(re.fullmatch(r"[0-9a-f]{16}\.(png|gif)", p.name) for p in published)
    assert not list(project.content.parent.glob("**/pwned"))

    data = json.loads((project.content / "stories.json").read_text(encoding="utf-8"))
    hanoi = next(s for s in data["stories"] if any(a["source"] == SEED_004 for a in s["articles"]))
    shared = hanoi["captions"][1]
    assert shared["sources"] == [SEED_004, SEED_003]
    assert len(hanoi["captions"]) == 18  # 19 captions, two of them under one photo

    page = frontmatter.load(project.content / "stories" / f"{hanoi['slug']}.md").content
    photos = re.findall(r"\[!\[(?P<alt>[^\]]*)\]\(images/([0-9a-f]{16}\.\w+)\)", page)
    assert [alt for alt, _name in photos] == [c["caption"] for c in hanoi["captions"][:3]]
    assert {name for _alt, name in photos} == {p.name for p in published}
    assert "<img" not in page and "touch pwned" not in page


def test_an_unreadable_or_uncaptioned_image_is_a_warning_naming_it(project, config, caplog):
    (project.seeds / "stray.png").write_bytes(png(2, 2, (1, 1, 1)))
    (project.seeds / "000_769eb25042b505df.png").write_bytes(png(2, 2, (1, 1, 1)))
    (project.seeds / "001_d287f615382e4c94.webp").write_bytes(b"RIFF but not really")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        result = build(config, project)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("'stray.png'" in w and "beside no seed" in w for w in warnings)
    assert any("'000_769eb25042b505df.png'" in w and "no caption" in w for w in warnings)
    assert any("'001_d287f615382e4c94.webp'" in w for w in warnings)
    assert result.rejected == ()  # image files are never rejected seeds
    assert not (project.content / "stories" / "images").exists()


def test_an_unchanged_build_still_warns_about_left_out_images(project, config, caplog, tmp_path):
    from dataclasses import replace

    paths = replace(project, cache=tmp_path / "cache")
    (project.seeds / "stray.png").write_bytes(png(2, 2, (1, 1, 1)))
    build(config, paths)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        again = build(config, paths)
    assert again.unchanged
    assert "'stray.png'" in caplog.text  # so `mkdocs build --strict` keeps failing on it
    (project.seeds / "004_509b700b257930df-1.png").write_bytes(png(2, 2, (7, 7, 7)))
    added = build(config, paths)
    assert not added.unchanged, "a new image file is a change"
    assert len(list((project.content / "stories" / "images").iterdir())) == 1
