"""A story's tags: the tag lists its sources print next to their articles ("Tags:
Weinstein, WGA", "Filed under: Pop"), for Material's front-matter `tags`.

The normaliser keeps such a line with its article (kind "tags", see
normalise/block.py); this module reads the items out of it. The rules are the named
data below."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Article

# The label in front of the items: "Tags:", "Topics:", "This entry was tagged with the
# following keywords:" (everything up to the first colon).
TAG_LABEL = re.compile(r"^[^:]*:\s*")
# Items are separated by commas or semicolons ("Tags: Weinstein , WGA"); a list without
# them is one word per tag ("Topics: chess olympiad").
TAG_SEPARATOR = re.compile(r"\s*[,;]\s*")
# An item longer than this is a phrase, not a tag.
TAG_MAX_WORDS = 4
# A story shows at most this many tags, in the order its sources print them.
MAX_TAGS = 12


def article_tags(article: Article) -> list[str]:
    """The items of an article's tag lines, in order."""
    found: list[str] = []
    for verdict in article.lines:
        if verdict.kind != "tags":
            continue
        items = TAG_LABEL.sub("", verdict.text, count=1).strip().rstrip(".")
        parts = TAG_SEPARATOR.split(items) if TAG_SEPARATOR.search(items) else items.split()
        found += [p.strip() for p in parts if p.strip() and len(p.split()) <= TAG_MAX_WORDS]
    return found


def story_tags(articles: Sequence[Article]) -> tuple[str, ...]:
    """Every source's tags (Article.tags) once (the first spelling of each, letter case
    aside), lead article first, at most MAX_TAGS."""
    seen: dict[str, str] = {}
    for article in articles:
        for tag in article.tags:
            seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())[:MAX_TAGS]
