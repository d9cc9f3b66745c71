"""Photo files that seeds bring, and which captions they belong to.

The convention: an image file beside a seed, named after the seed's stem, belongs to that
seed: `quake.txt` owns `quake.jpg`, `quake-1.png`, `quake_2.webp`, `quake 3.jpeg` (the stem,
then nothing or a `-`, `_`, `.` or space). When two seeds' stems fit (`a.txt`, `a-b.txt`),
the longer stem wins. A seed's images, in natural name order (`-2` before `-10`), pair with
its captions in page order: the first image shows the first caption, and so on.

Each file is checked by its bytes (JPEG, PNG, GIF or WebP; SVG is never taken, it can carry
script) and published under a name made of its content hash and its real type, so a hostile
file name never reaches the site and the same photo is one file however often it is used.
Files that cannot be used are warnings that name the file."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath

from .models import Article, Image

# Leading bytes of each image type a browser shows, and the extension it is published under.
SIGNATURES = (
    (b"\xff\xd8\xff", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)
WEBP = (b"RIFF", b"WEBP")  # bytes 0-4 and 8-12 of a WebP file
HASH_CHARS = 16  # hex digits of the content hash in the published name
OUTPUT_FOLDER = "images"  # below the generator's output folder: stories/images/<hash>.jpg
# What may follow the seed's stem in an image's name: nothing, or a separator.
STEM_SEPARATOR = re.compile(r"(?:[-_. ].*)?")


def image_type(data: bytes) -> str | None:
    """The extension for these bytes, or None when they are no image we publish."""
    for signature, suffix in SIGNATURES:
        if data.startswith(signature):
            return suffix
    if data[:4] == WEBP[0] and data[8:12] == WEBP[1]:
        return ".webp"
    return None


def owner(image: str, sources: Iterable[str]) -> str | None:
    """The seed an image file belongs to: same folder, longest stem its name starts with."""
    path = PurePosixPath(image)
    best: str | None = None
    for source in sources:
        seed = PurePosixPath(source)
        if seed.parent != path.parent or not path.stem.startswith(seed.stem) or not seed.stem:
            continue
        if STEM_SEPARATOR.fullmatch(path.stem[len(seed.stem) :]) is None:
            continue
        if best is None or len(seed.stem) > len(PurePosixPath(best).stem):
            best = source
    return best


def natural(name: str) -> tuple[object, ...]:
    """'x-2.jpg' before 'x-10.jpg'."""
    return tuple(int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", name))


def load(file: str, data: bytes) -> Image | str:
    """The image, or why it cannot be used."""
    suffix = image_type(data)
    if suffix is None:
        return f"image '{file}' is not a JPEG, PNG, GIF or WebP file: left out"
    name = hashlib.sha256(data).hexdigest()[:HASH_CHARS] + suffix
    return Image(file, name, data)


def assign(
    files: Mapping[str, bytes | str], sources: Sequence[str]
) -> tuple[dict[str, tuple[Image, ...]], list[str]]:
    """Images by the seed they belong to, and a warning for each file left out.
    `files` maps each image's seed-relative path to its bytes, or to why it was unreadable."""
    found: dict[str, list[Image]] = {}
    warnings: list[str] = []
    for file in sorted(files, key=natural):
        data = files[file]
        if isinstance(data, str):
            warnings.append(f"image '{file}' left out: {data}")
            continue
        seed = owner(file, sources)
        if seed is None:
            warnings.append(f"image '{file}' is beside no seed of that name: left out")
            continue
        loaded = load(file, data)
        if isinstance(loaded, str):
            warnings.append(loaded)
        else:
            found.setdefault(seed, []).append(loaded)
    return {seed: tuple(images) for seed, images in found.items()}, warnings


def unpaired(articles: Iterable[Article], images: Mapping[str, Sequence[Image]]) -> list[str]:
    """A warning for each image past the last caption of its seed (it has no caption)."""
    warnings = []
    for article in articles:
        for image in images.get(article.source, ())[len(article.captions) :]:
            warnings.append(
                f"image '{image.file}' has no caption to pair with: '{article.source}' prints "
                f"{len(article.captions)} caption(s); left out"
            )
    return warnings
