"""The only place that orders the stages: read -> normalise -> cluster -> merge -> write."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from . import images, pages, similarity, write
from .cache import BuildState, Cache
from .cluster import cluster
from .config import DigestConfig, Paths
from .errors import SeedError
from .merge import keep_identities, merge, ordered, unique_slugs
from .models import Article, BuildResult, Outlet, Overrides, RawDocument, Rejected, Story
from .normalise import normalise
from .read import read_all, read_images, read_outlets, read_overrides

log = logging.getLogger("mkdocs.plugins.digest")

Progress = Callable[[str], None]
PARALLEL_MIN = 200  # below this many seeds, starting worker processes costs more than it saves


def build(config: DigestConfig, paths: Paths, progress: Progress | None = None) -> BuildResult:
    step = progress or (lambda _message: None)
    _check_seeds_folder(paths)
    state = BuildState(paths.cache)
    fingerprint = state.fingerprint(config, paths)
    if state.unchanged(fingerprint, paths.content):
        step("nothing changed since the last build")
        _warn(state.rejected)  # an unchanged rejected seed still fails `mkdocs build --strict`
        for warning in state.warnings:
            log.warning("%s", warning)
        return BuildResult(state.story_count, state.rejected, (), (), unchanged=True)
    notes: list[str] = []
    stories, rejected = plan(config, paths, step, notes)
    _warn(rejected)
    step(f"writing {len(stories)} stories to {paths.content}")
    files = pages.render(stories, rejected, config.output, config)
    written, removed = write.write_files(paths.content, config.output, files)
    state.remember(fingerprint, paths.content, files, len(stories), rejected, notes)
    return BuildResult(len(stories), rejected, written, removed)


def plan(
    config: DigestConfig, paths: Paths, step: Progress, notes: list[str] | None = None
) -> tuple[tuple[Story, ...], tuple[Rejected, ...]]:
    """Every stage but the writing: the stories and rejected seeds a build would write.
    Other warnings (image files left out) are logged, and added to `notes` when given."""
    _check_seeds_folder(paths)
    step(f"reading {paths.seeds}")
    overrides, outlets = read_overrides(paths.seeds), read_outlets(paths.seeds)
    documents, rejected = split(read_all(paths.seeds, config.max_file_bytes))
    photos, warnings = images.assign(
        read_images(paths.seeds, config.max_file_bytes), [d.source for d in documents]
    )
    step(f"normalising {len(documents)} articles")
    cache = Cache(paths.cache)
    try:
        articles, empty = normalise_all(documents, outlets, cache)
        rejected += empty
        _check_overrides(overrides, {d.source for d in documents}, paths)
        step(f"clustering {len(articles)} articles ({cache.hits} known from the cache)")
        embed = cache.embedder(similarity.embed)
        clusters = cluster(articles, config, overrides, embed, cache) if articles else ()
    finally:
        cache.close()
    for warning in warnings + images.unpaired(articles, photos):
        log.warning("%s", warning)
        if notes is not None:
            notes.append(warning)
    merged = keep_identities([merge(c, photos) for c in clusters], pages.previous(paths.content))
    return ordered(unique_slugs(merged)), tuple(sorted(rejected, key=lambda r: r.source))


def _check_seeds_folder(paths: Paths) -> None:
    if not paths.seeds.is_dir():
        raise SeedError(
            paths.seeds,
            "seeds folder not found (set `seeds:` under the digest "
            "plugin in mkdocs.yml, or pass --seeds)",
        )


def _warn(rejected: Iterable[Rejected]) -> None:
    for r in rejected:
        log.warning("seed '%s' not included: %s", r.source, r.reason)


def split(items: Iterable[RawDocument | Rejected]) -> tuple[list[RawDocument], list[Rejected]]:
    documents: list[RawDocument] = []
    rejected: list[Rejected] = []
    for item in items:
        (rejected if isinstance(item, Rejected) else documents).append(item)  # type: ignore[arg-type]
    return documents, rejected


def normalise_all(
    documents: Sequence[RawDocument], outlets: Sequence[Outlet] = (), cache: Cache | None = None
) -> tuple[list[Article], list[Rejected]]:
    """Normalised articles (from the cache when known; on every core for large batches),
    and the documents in which no article text was found."""
    cache = cache or Cache(None)
    known = {i: cache.article(d, outlets) for i, d in enumerate(documents)}
    todo = [i for i, article in known.items() if article is None]
    work = partial(normalise, outlets=outlets)
    if len(todo) >= PARALLEL_MIN and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor() as pool:
            fresh = list(pool.map(work, [documents[i] for i in todo], chunksize=32))
    else:
        fresh = [work(documents[i]) for i in todo]
    for i, new in zip(todo, fresh, strict=True):
        known[i] = new
        cache.keep_article(documents[i], outlets, new)
    articles: list[Article] = []
    empty: list[Rejected] = []
    for article in (known[i] for i in range(len(documents))):
        if article is None:
            continue
        if article.paragraphs:
            articles.append(article)
        else:
            reasons = sorted({v.rule for v in article.dropped if v.rule})
            why = f" (dropped as {', '.join(reasons)})" if reasons else ""
            empty.append(Rejected(article.source, f"no article text found{why}"))
    return articles, empty


def _check_overrides(overrides: Overrides, sources: set[str], paths: Paths) -> None:
    for group in (*overrides.together, *overrides.apart):
        for source in group:
            if source not in sources:
                log.warning(
                    "%s names '%s', which is not a seed file", paths.seeds / "stories.yml", source
                )
