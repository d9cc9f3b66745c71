"""The only place that orders the stages: read -> normalise -> cluster -> merge -> write."""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from .cache import BuildState, Cache, digests
from .config import DigestConfig, Paths
from .errors import Committed, OutputError, SeedError
from .models import (
    Article,
    BuildResult,
    Image,
    Outlet,
    Overrides,
    RawDocument,
    Rejected,
    SeedFile,
    SeedFolder,
    Story,
)
from .read import Unread, decode_seed, read_folder, read_outlets, read_overrides

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .cluster import Embed, Group
    from .similarity import Features

# The stages' modules (and numpy, scipy, the normaliser's patterns, Jinja under them) are
# imported where a build first needs them, not with this module: a build that finds
# nothing changed, the daily case when the scrapers found nothing new, needs none of them,
# and importing them was half of its time.

log = logging.getLogger("mkdocs.plugins.digest")

Progress = Callable[[str], None]
PARALLEL_MIN = 200  # below this many seeds, starting worker processes costs more than it saves
# With this many seeds known to the cache, reading them back takes longer than starting one
# worker process for the few new ones, which then normalises them meanwhile.
OVERLAP_MIN = 500
BATCH = 64  # seeds per task sent to a worker: the embedding model works a batch at a time
T = TypeVar("T")
REJECTED = "digest_rejected"  # a log record about a rejected seed carries it under this name
NO_TEXT = "no article text found"  # the reason for a seed normalised to no paragraph
REJECTED_LINE_CHARS = 80  # of its first line, quoted in that reason


# A build makes millions of small objects that live until it ends (articles and their
# line verdicts, features, stories) and almost no reference cycles: with Python's
# default thresholds the collector walks all of them again and again (half a second
# of a rebuild after one added article, at 5,000 articles); even at these thresholds,
# 0.06 s of it. So a build runs with the collector off (the same peak memory, at 5,000
# articles), and puts it back after. Worker processes, which normalise seed after seed
# through other libraries' code, collect at these thresholds.
GC_THRESHOLDS = (50_000, 20, 100)


@contextmanager
def no_collections() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build(config: DigestConfig, paths: Paths, progress: Progress | None = None) -> BuildResult:
    with no_collections():
        return _build(config, paths, progress)


def _build(config: DigestConfig, paths: Paths, progress: Progress | None) -> BuildResult:
    step = _once(progress or (lambda _message: None))  # a stage started again says nothing
    _check_folders(paths)
    step(f"reading {paths.seeds}")
    state = BuildState(paths.cache)
    read_at = time.time_ns()
    # every file read once, here; those the last build read and left as they were, not again
    folder = read_folder(paths.seeds, config.max_file_bytes, state.known())
    read_some = state.saw(folder, read_at)
    fingerprint = state.fingerprint(config, paths, folder)
    if state.unchanged(fingerprint, paths.content):
        step("nothing changed since the last build")
        if read_some:
            state.refresh()
        _warn(state.rejected)  # an unchanged rejected seed still fails `mkdocs build --strict`
        for warning in state.warnings:
            log.warning("%s", warning)
        return BuildResult(state.story_count, state.rejected, (), (), unchanged=True)
    notes: list[str] = []
    cache = Cache(paths.cache)  # opened once: the stages' look-ups, then the pruning
    try:
        try:
            stories, rejected = plan(config, paths, step, notes, folder, cache)
        except Unread:  # a seed known by its stamp is wanted after all: read every one
            folder = read_folder(paths.seeds, config.max_file_bytes)
            state.saw(folder, read_at)
            fingerprint = state.fingerprint(config, paths, folder)
            stories, rejected = plan(config, paths, step, notes, folder, cache)
        del folder  # every seed's bytes: not needed past planning
        _warn(rejected)
        step(f"writing {len(stories)} stories to {paths.content}")
        from concurrent.futures import ThreadPoolExecutor

        from . import pages, write

        if paths.cache is not None:
            pages.keep_compiled_templates(paths.cache / "templates")
        files = pages.render(stories, rejected, config.output, config, cache)
        cache.prune([p for s in stories for m in s.members for p in m.article.paragraphs])
    except BaseException:
        cache.close()
        raise
    # The cache's last commit (SQLite and the grouping pass's file) and the hashing of
    # the pages for the build's state run on threads of their own while the pages are
    # written: both spend most of their time outside the interpreter's lock.
    data = write.encoded(files)
    done: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    try:
        with ThreadPoolExecutor(2) as beside:
            closed = beside.submit(cache.close)
            hashed = beside.submit(digests, data)
            done = write.write_files(paths.content, config.output, data)
            closed.result()
        state.remember(fingerprint, paths.content, hashed.result(), len(stories), rejected, notes)
    except KeyboardInterrupt:
        if done is None:
            raise  # before the pages were in place (or Committed, by write_files)
        raise Committed from None
    return BuildResult(len(stories), rejected, *done)


def _once(progress: Progress) -> Progress:
    """`progress`, saying each message once: planning started again, when a seed known by
    its stamp is wanted after all (Unread), does not say "normalising N articles" twice."""
    said: set[str] = set()

    def step(message: str) -> None:
        if message not in said:
            said.add(message)
            progress(message)

    return step


def plan(
    config: DigestConfig,
    paths: Paths,
    step: Progress,
    notes: list[str] | None = None,
    folder: SeedFolder | None = None,
    cache: Cache | None = None,
) -> tuple[tuple[Story, ...], tuple[Rejected, ...]]:
    """Every stage but the writing: the stories and rejected seeds a build would write;
    the stories' articles are without their line verdicts (`digest explain` shows them).
    Other warnings (image files left out, seeds stories.yml names that are not
    there) are logged, and added to `notes` when given (a build that finds nothing
    changed repeats them). `folder` is the seeds folder as read (read here when not
    given); `cache` an open cache (opened and closed here when not given)."""
    from . import images, pages, similarity
    from .cluster import group
    from .merge import keep_identities, ordered, unique_slugs

    _check_folders(paths)
    overrides, outlets = read_overrides(paths.seeds), read_outlets(paths.seeds)
    if folder is None:
        step(f"reading {paths.seeds}")
        folder = read_folder(paths.seeds, config.max_file_bytes)
    seeds, rejected = split(folder.seeds)
    step(f"normalising {len(seeds)} articles")
    store = cache or Cache(paths.cache)
    try:
        corpus = prepare_all(seeds, outlets, store, lines=False)
        articles = corpus.articles
        rejected += corpus.rejected
        undecoded = {r.source for r in corpus.rejected if not _empty(r)}
        documents = [s.source for s in seeds if s.source not in undecoded]
        photos, warnings = images.assign(dict(folder.images), documents)
        warnings += _unknown_overrides(overrides, set(documents), rejected, paths)
        warnings += pages.left_behind(paths.content, config.output)
        step(f"clustering {len(articles)} articles ({store.hits} known from the cache)")
        embed = store.embedder(similarity.embed)
        groups = (
            group(articles, config, overrides, store, corpus.found, corpus.keys) if articles else []
        )
        made = _stories(groups, corpus, photos, config, embed, store)
    finally:
        if cache is None:
            store.close()
    for warning in warnings + images.unpaired(articles, photos):
        log.warning("%s", warning)
        if notes is not None:
            notes.append(warning)
    merged = keep_identities(made, pages.previous(paths.content))
    return ordered(unique_slugs(merged)), tuple(sorted(rejected, key=lambda r: r.source))


def _stories(
    groups: Sequence[Group],
    corpus: Corpus,
    photos: Mapping[str, Sequence[Image]],
    config: DigestConfig,
    embed: Embed,
    cache: Cache,
) -> list[Story]:
    """Each group of articles related (cluster.relate_all) and merged into its story, or
    the story an earlier build made from the same articles, photos and settings
    (story_key), read back from the cache: on a daily rebuild, every story but those
    that gained or lost an article. A story is kept without its joins, and given this
    build's (their scores move with every article added anywhere) and its key."""
    from .cluster import relate_all, with_paragraph_vectors, without_paragraph_vectors
    from .merge import merge

    keys = dict(zip((a.source for a in corpus.articles), corpus.keys, strict=True))
    made_from = [
        story_key([(d.article.source, keys[d.article.source]) for d in docs], photos, config)
        for docs, _joins in groups
    ]
    known = cache.stories(made_from, {a.source: a for a in corpus.articles})
    todo = [k for k, key in enumerate(made_from) if key not in known]
    making = [groups[k] for k in todo]  # their paragraph vectors, read for these alone
    wanted = without_paragraph_vectors(making)
    found = cache.paragraph_vectors([keys[s] for s in wanted]) if wanted else {}
    making = with_paragraph_vectors(making, {s: found[keys[s]] for s in wanted if keys[s] in found})
    for k, c in zip(todo, relate_all(making, config, embed), strict=True):
        known[made_from[k]] = story = merge(c, photos)
        cache.keep_story(made_from[k], replace(story, joins=()))
    return [
        replace(known[key], joins=joins, made_from=key)
        for key, (_docs, joins) in zip(made_from, groups, strict=True)
    ]


def story_key(
    members: Iterable[tuple[str, str]], photos: Mapping[str, Sequence[Image]], config: DigestConfig
) -> str:
    """A hash of everything a story is made from: its articles, as (source, Cache.keys)
    pairs (the key hashes the seed's bytes and the generator's code), the photos their
    seeds brought, and the settings relating its articles (cluster.RELATE_OPTIONS)."""
    from .cluster import RELATE_OPTIONS
    from .memo import key

    parts = [repr([getattr(config, name) for name in RELATE_OPTIONS])]
    for source, article in sorted(members):
        parts += [article, *(f"{image.file}\0{image.name}" for image in photos.get(source, ()))]
    return key("story", *parts)


def _empty(rejected: Rejected) -> bool:
    """Rejected for having no paragraph after normalising (it was read and decoded)."""
    return rejected.reason == NO_TEXT or rejected.reason.startswith(f"{NO_TEXT} (")


def _check_folders(paths: Paths) -> None:
    if paths.content.exists() and not paths.content.is_dir():
        raise OutputError(
            f"{paths.content}: is a file: the content folder must be a folder (or not exist)"
        )
    if not paths.seeds.is_dir():
        raise SeedError(
            paths.seeds,
            "seeds folder not found (set `seeds:` under the digest "
            "plugin in mkdocs.yml, or pass --seeds)",
        )


def _warn(rejected: Iterable[Rejected]) -> None:
    for r in rejected:
        log.warning("seed '%s' not included: %s", r.source, r.reason, extra={REJECTED: r})


def split(items: Iterable[T | Rejected]) -> tuple[list[T], list[Rejected]]:
    kept: list[T] = []
    rejected: list[Rejected] = []
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            kept.append(item)
    return kept, rejected


Prepared: TypeAlias = "tuple[Article, Features | None] | Rejected"


def prepare(item: SeedFile | RawDocument, outlets: Sequence[Outlet] = ()) -> Prepared:
    """All per-file work on one seed: decode (when given bytes), normalise, and the
    article's similarity features (when it has text), embeddings included."""
    return prepare_batch([item], outlets)[0]


def prepare_batch(
    items: Sequence[SeedFile | RawDocument], outlets: Sequence[Outlet] = ()
) -> list[Prepared]:
    """prepare() of several seeds, their articles embedded together (one model call for
    the paragraphs, one for the headlines; each meaning is made from those)."""
    from .cluster import article_features, embedded
    from .normalise import normalise

    done: list[Prepared] = []
    for item in items:
        doc = decode_seed(item) if isinstance(item, SeedFile) else item
        if isinstance(doc, Rejected):
            done.append(doc)
            continue
        article = normalise(doc, outlets)
        done.append((article, article_features(article) if article.paragraphs else None))
    texts = [d for d in done if not isinstance(d, Rejected) and d[1] is not None]
    vectors = iter(embedded([a for a, _ in texts], [f for _, f in texts if f is not None]))
    return [d if isinstance(d, Rejected) or d[1] is None else (d[0], next(vectors)) for d in done]


@dataclass(frozen=True, slots=True)
class Corpus:
    """The seeds that gave an article with text, ready to cluster, and those that did not."""

    articles: tuple[Article, ...]
    found: tuple[Features, ...]  # each article's similarity features
    keys: tuple[str, ...]  # each article's Cache.keys: a hash of all it is made from
    rejected: tuple[Rejected, ...]


def prepare_all(
    items: Sequence[SeedFile | RawDocument],
    outlets: Sequence[Outlet] = (),
    cache: Cache | None = None,
    lines: bool = True,
) -> Corpus:
    """Articles with text and their features (from the cache when known; the rest on
    every core for large batches), and the seeds that gave no article. Without `lines`,
    the articles come without their line verdicts (what a build needs of those is in
    Article.tags and Article.credited; reading them back was half the articles' time).
    Features read from the cache come without their paragraph vectors (two thirds of
    their bytes; only relating needs them: _stories reads those it needs).

    The seeds the cache does not hold are sent to worker processes before the others are
    read back from it, so on a daily rebuild the few new articles are normalised while
    the thousands of known ones load."""
    cache = cache or Cache(None)
    keys = cache.keys(items, outlets)
    absent = cache.absent(keys)
    for item in (items[i] for i in absent):
        if isinstance(item, SeedFile) and item.data is None:  # known by its stamp alone
            raise Unread(item.source)  # (read_folder), and not in the cache after all
    work = partial(prepare_batch, outlets=outlets)
    with ExitStack() as stack:
        pool = _pool(stack, len(absent), len(items) - len(absent))
        early = _batches(work, [items[i] for i in absent], pool)
        known: dict[int, Prepared | None] = dict(
            enumerate(cache.prepared_all(items, outlets, keys, lines))
        )
        if pool is not None and absent:
            from .similarity import sparse

            sparse()  # grouping's, imported while the workers work
        missing = set(absent)
        unreadable = [i for i, done in known.items() if done is None and i not in missing]
        late = _batches(work, [items[i] for i in unreadable], None)
        fresh = chain(early, late)  # kept as they come, while workers work
        for i, new in zip([*absent, *unreadable], fresh, strict=True):
            known[i] = new
            if not isinstance(new, Rejected):
                cache.keep(items[i], outlets, *new, key=keys[i])
    articles: list[Article] = []
    found: list[Features] = []
    with_text: list[str] = []
    rejected: list[Rejected] = []
    for i in range(len(items)):
        done = known[i]
        if isinstance(done, Rejected):
            rejected.append(done)
        elif done is not None and done[1] is not None:
            article = done[0]  # from the cache already without verdicts, unless asked for
            articles.append(article if lines or not article.lines else replace(article, lines=()))
            found.append(done[1])
            with_text.append(keys[i])
        elif done is not None:
            rejected.append(Rejected(done[0].source, no_text_reason(done[0])))
    return Corpus(tuple(articles), tuple(found), tuple(with_text), tuple(rejected))


def _pool(stack: ExitStack, todo: int, known: int) -> Executor | None:
    """Worker processes for `todo` seeds to normalise while `known` are read from the
    cache: one per core for PARALLEL_MIN or more, one beside this process for a few when
    there are OVERLAP_MIN known ones to read meanwhile, else none."""
    if not todo or (os.cpu_count() or 1) < 2:
        return None
    if todo < PARALLEL_MIN and known < OVERLAP_MIN:
        return None
    from concurrent.futures import ProcessPoolExecutor  # only for work this large

    workers = None if todo >= PARALLEL_MIN else 1
    if workers is None:
        # What this process and the workers both need (numpy, the similarity stage),
        # imported before the workers start: each forked worker inherits it, rather than
        # import it again. scipy, which the workers do not use (similarity.token_sums),
        # is imported below while they work. One worker beside this process is better
        # started at once: it imports what it needs while this process reads the cache.
        from . import similarity  # noqa: F401

    return stack.enter_context(ProcessPoolExecutor(workers, initializer=_one_thread_each))


def _batches(
    work: Callable[[list[T]], list[Prepared]], items: Sequence[T], pool: Executor | None
) -> Iterator[Prepared]:
    """work() of BATCH items at a time, on `pool` when given (all sent to it now), one
    result per item in order."""
    batches = [list(items[k : k + BATCH]) for k in range(0, len(items), BATCH)]
    made = pool.map(work, batches) if pool is not None and batches else map(work, batches)
    return (p for batch in made for p in batch)


def no_text_reason(article: Article) -> str:
    """Why a build rejects a seed normalised to no paragraph: NO_TEXT and what was there."""
    return f"{NO_TEXT} ({_what_was_there(article)})"


def _what_was_there(article: Article) -> str:
    """'2 lines, dropped as outside_article; first "Hialeah killer showed signs ..."': how
    much text a seed with no article held (a headline and a standfirst alone are no
    article), the rules that dropped it, and its first line, by which a reader knows it."""
    lines = [v for v in article.lines if v.kind != "blank"]
    said = _plural(len(lines), "line")
    reasons = sorted({v.rule for v in article.dropped if v.rule})
    if reasons:
        said = f"{said}, dropped as {', '.join(reasons)}"
    if not lines:
        return said
    first = lines[0].text
    if len(first) > REJECTED_LINE_CHARS:
        first = first[:REJECTED_LINE_CHARS].rsplit(" ", 1)[0] + " …"
    return f'{said}; first "{first}"'


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _one_thread_each() -> None:
    """In a worker: the tokenizer works on this process's core alone (there is a worker
    per core already; its own threads would only contend for them), and the garbage
    collector, off in the build that forked it, runs at GC_THRESHOLDS."""
    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    gc.set_threshold(*GC_THRESHOLDS)
    gc.enable()


def _unknown_overrides(
    overrides: Overrides, sources: set[str], rejected: Sequence[Rejected], paths: Paths
) -> list[str]:
    """A warning for each seed stories.yml names that is not one, or that was rejected
    unread or undecoded (a seed with no article text is grouped with nothing anyway)."""
    why = {r.source: r.reason for r in rejected}
    return [
        f"{paths.seeds / 'stories.yml'} names '{source}', "
        + (f"which was rejected ({why[source]})" if source in why else "which is not a seed file")
        for group in (*overrides.together, *overrides.apart)
        for source in group
        if source not in sources
    ]
