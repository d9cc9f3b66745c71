"""The only place that orders the stages: read -> normalise -> cluster -> merge -> write."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from . import pages, write
from .cluster import cluster
from .config import DigestConfig, Paths
from .errors import SeedError
from .merge import merge, ordered, unique_slugs
from .models import Article, BuildResult, RawDocument, Rejected
from .normalise import normalise
from .read import read_all

log = logging.getLogger("mkdocs.plugins.digest")

Progress = Callable[[str], None]


def build(config: DigestConfig, paths: Paths, progress: Progress | None = None) -> BuildResult:
    step = progress or (lambda _message: None)
    if not paths.seeds.is_dir():
        raise SeedError(
            paths.seeds,
            "seeds folder not found (set `seeds:` under the digest "
            "plugin in mkdocs.yml, or pass --seeds)",
        )
    step(f"reading {paths.seeds}")
    documents, rejected = split(read_all(paths.seeds, config.max_file_bytes))
    step(f"normalising {len(documents)} articles")
    articles, empty = normalise_all(documents)
    rejected += empty
    for r in rejected:
        log.warning("seed '%s' not included: %s", r.source, r.reason)
    step(f"clustering {len(articles)} articles")
    clusters = cluster(articles, config) if articles else ()
    stories = ordered(unique_slugs(merge(c) for c in clusters))
    rejected = sorted(rejected, key=lambda r: r.source)
    step(f"writing {len(stories)} stories to {paths.content}")
    files = pages.render(stories, rejected, config.output)
    written, removed = write.write_files(paths.content, config.output, files)
    return BuildResult(tuple(stories), tuple(rejected), written, removed)


def split(items: Iterable[RawDocument | Rejected]) -> tuple[list[RawDocument], list[Rejected]]:
    documents: list[RawDocument] = []
    rejected: list[Rejected] = []
    for item in items:
        (rejected if isinstance(item, Rejected) else documents).append(item)  # type: ignore[arg-type]
    return documents, rejected


def normalise_all(documents: Iterable[RawDocument]) -> tuple[list[Article], list[Rejected]]:
    """Normalised articles, and the documents in which no article text was found."""
    articles: list[Article] = []
    empty: list[Rejected] = []
    for doc in documents:
        article = normalise(doc)
        if article.paragraphs:
            articles.append(article)
        else:
            reasons = sorted({v.rule for v in article.dropped if v.rule})
            why = f" (dropped as {', '.join(reasons)})" if reasons else ""
            empty.append(Rejected(doc.source, f"no article text found{why}"))
    return articles, empty
