"""Per-article work kept between builds: normalised articles (keyed by the seed's bytes,
so a known seed is not even decoded), their similarity features (shingles, MinHash,
term counts), embeddings, stories (their articles related and merged), and the text of
story pages and their named entities (generator/memo.py), keyed by a hash of everything
they depend on and the generator's version; and the last grouping pass.

One SQLite file (atomic commits, corruption is an exception, not garbage), and the
grouping pass in a file beside it (TRACE_FILE). An entry
from another version, one that does not parse back, or a file that is not a cache
is never trusted: it is a miss, recomputed and overwritten."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import pickle
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import asdict, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from . import __version__, models
from .config import SITE_OPTIONS, DigestConfig, Paths
from .memo import FieldsPickler
from .models import (
    Article,
    LineVerdict,
    Outlet,
    RawDocument,
    Rejected,
    SeedFile,
    SeedFolder,
    Stamp,
    Story,
)

if TYPE_CHECKING:  # numpy and the similarity stage are imported where entries are read,
    import numpy as np  # not with this module: a build that finds nothing changed (BuildState)

    from .similarity import Features  # needs neither

log = logging.getLogger("mkdocs.plugins.digest")

# The libraries whose results the cache keeps (decoding repairs, dates, the text of HTML
# pages, front matter, embeddings and their tokens, signatures, sums, rendered pages), by
# the name of their distribution: an upgrade of one makes every entry stale.
LIBRARIES = (
    "dateparser",
    "ftfy",
    "htmldate",
    "jinja2",
    "numpy",
    "python_frontmatter",
    "pyyaml",
    "rensa",
    "scipy",
    "tokenizers",
    "trafilatura",
    "wordllama",
)


def _code_version() -> str:
    """The release plus a hash of the package's own code and templates and of the
    installed versions of LIBRARIES: any change to how articles are read, normalised or
    written makes every cached entry stale."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("templates/*")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update("\0".join(library_versions()).encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def library_versions(folders: Sequence[str] | None = None) -> list[str]:
    """Each of LIBRARIES as installed: the name of its metadata folder ("numpy-2.4.6.dist-info")
    in the first of `folders` (sys.path) that has one, as Python's import finds it, or
    "name absent". Read off the folders' listings: importing the libraries, or
    importlib.metadata, would cost a build that finds nothing changed 50 ms."""
    wanted, found = set(LIBRARIES), {}
    for folder in sys.path if folders is None else folders:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                dist = _DIST_SEPARATORS.sub("_", name.split("-", 1)[0]).lower()
                if dist in wanted and dist not in found:
                    found[dist] = name
    return [found.get(library, f"{library} absent") for library in LIBRARIES]


_DIST_SEPARATORS = re.compile(r"[-_.]+")


VERSION = _code_version()
TABLES = ("articles", "features", "paragraphs", "vectors", "stories", "texts")
_SCHEMA = (
    "DROP TABLE IF EXISTS relations",  # stories' relations, kept by earlier builds: unused
    *(
        f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, version TEXT, body BLOB)"
        for table in TABLES
    ),
)
# The last grouping pass (trace.Trace) is a file beside the database, not a row in it:
# at 5,000 articles it is 7 MB, which pushed each build's commit past SQLite's
# checkpoint (4 MB of log), so every add-one build copied it into the database.
TRACE_FILE = "grouping.npz"
BATCH = 500  # keys per `IN (...)` look-up, well under SQLite's limit on bound parameters
# The database is read through a memory map of up to this much, not a read() per 4 KB page:
# an add-one build reads about 45 MB of it (0.03 s less). A mapped file that shrinks under
# a reader would fault it; this one never shrinks (nothing here vacuums it; a damaged one
# is deleted and made anew, and a mapping of a deleted file stays whole).
MAPPED_BYTES = 1 << 30
# What SQLite says of a file that is damaged (a page that does not parse) or is no
# database at all: such a cache is deleted and made again, at the open or mid-build.
# Any other error (the disk full, the file locked by another build) leaves the file as
# it is, and the build goes on without a cache.
DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
# A seed whose last change came within this long before a build read the folder is read
# again by the next build, whatever its stamp: its file system's clock may count in ticks
# (or the file sit on a server whose clock runs apart), so a change made right after the
# reading could leave the stamp as it was. Git calls such an entry "racily clean".
RACY_NS = 2_000_000_000
# Pruning: a table is swept of the rows this build did not use when it holds more than
# this share over the rows it used (plus PRUNE_SLACK), so the cache stays within about
# 1.25 times what the seeds need, and a build that adds one article sweeps nothing.
PRUNE_SHARE = 0.25
PRUNE_SLACK = 100
# Entries kept are written in batches of about this many bytes, and the last batch when
# the cache closes: on a daily rebuild that is all of them (the new articles, the
# grouping pass, a story or two), written on the thread that closes the cache
# (pipeline._build) while the pages are written.
PENDING_BYTES = 32 << 20

Known: TypeAlias = "tuple[Article, Features | None]"  # and its features when it has text


class Cache:
    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "cache.sqlite" if folder else None
        self.trace = folder / TRACE_FILE if folder else None
        self.pending_trace: bytes | None = None  # kept, written as the cache closes
        self.db: sqlite3.Connection | None = None
        self.hits = self.misses = 0
        self.used: dict[str, set[str]] = {table: set() for table in TABLES}  # keys asked or kept
        self.pending: dict[str, dict[str, object]] = {}  # kept, not yet written: by table, key
        self.pending_bytes = 0
        if self.path is not None:
            self.db = self._open(self.path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection | None:
        """The cache's database, made afresh when the file is corrupt or not one. Written
        ahead (WAL) and synced at checkpoints only (NORMAL): a crash can lose the last
        build's entries, never leave a half-written one, and a build's commit waits for
        no disk (the durability a cache needs; a third of an add-one build's commit)."""
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # The build's last commit runs on another thread (pipeline._build); the
                # connection is used by one thread at a time.
                db = sqlite3.connect(path, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")  # where unsupported: SQLite's default
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(f"PRAGMA mmap_size={MAPPED_BYTES}")
                for statement in _SCHEMA:
                    db.execute(statement)
                db.execute("SELECT count(*) FROM articles").fetchone()
                return db
            except (sqlite3.DatabaseError, OSError) as err:
                if attempt or not damaged(err):
                    return None
                log.warning("%s: not a working cache (%s); made afresh", path, err)
                _remove_database(path)
        return None

    def _failed(self, err: sqlite3.DatabaseError) -> None:
        """A look-up or a write failed mid-build. A damaged database is replaced by an
        empty one: what this build keeps is written there, and the next build starts
        from it instead of meeting the same damaged page again (every build would read
        the seeds anew). On any other error the build carries on without a cache."""
        old, self.db = self.db, None
        if old is not None:
            with suppress(sqlite3.Error):
                old.close()
        if self.path is not None and damaged(err):
            log.warning("%s: the cache is damaged (%s); made afresh", self.path, err)
            _remove_database(self.path)
            self.db = self._open(self.path)

    # --- normalised articles and their features -------------------------------------------
    def article(self, item: SeedFile | RawDocument, outlets: Sequence[Outlet]) -> Article | None:
        """The article normalised from exactly this seed (bytes, or decoded document)
        before, if it is known."""
        known = self.prepared(item, outlets)
        return known[0] if known else None

    def prepared(self, item: SeedFile | RawDocument, outlets: Sequence[Outlet]) -> Known | None:
        """The article and, when it has text, its similarity features; None if either is
        unknown or does not parse back."""
        return self.prepared_all([item], outlets)[0]

    @staticmethod
    def keys(items: Sequence[SeedFile | RawDocument], outlets: Sequence[Outlet]) -> list[str]:
        """Each item's key among the articles (and features)."""
        return _item_keys(items, outlets)

    def absent(self, keys: Sequence[str]) -> list[int]:
        """The indexes of the `keys` (Cache.keys) whose article this cache does not hold
        for this version, found from the keys alone: the work a build can start on
        before it reads the rest back (prepared_all)."""
        if self.db is None:
            return list(range(len(keys)))
        held: set[str] = set(self.pending.get("articles", {})).intersection(keys)
        try:
            # An article's key names this version (_item_keys): its index alone answers.
            held.update(key for (key,) in self._select("articles", "key", keys, any_version=True))
        except sqlite3.DatabaseError as err:
            self._failed(err)
            return list(range(len(keys)))
        return [i for i, key in enumerate(keys) if key not in held]

    def prepared_all(
        self,
        items: Sequence[SeedFile | RawDocument],
        outlets: Sequence[Outlet],
        keys: Sequence[str] | None = None,
        lines: bool = True,
    ) -> list[Known | None]:
        """prepared() for each item, in batched look-ups (articles, then the features
        of those with text) rather than queries per item. `keys` are the items'
        Cache.keys, when the caller has them; without `lines`, articles with text come
        without their line verdicts (article_from_bytes). Features come without their
        paragraph vectors, which are kept apart: paragraph_vectors() reads them for the
        stories a build relates anew, and the rest stay unread."""
        keys = keys if keys is not None else _item_keys(items, outlets)
        bodies = self._get_many("articles", keys)
        articles: list[Article | None] = []
        for key in keys:
            try:
                articles.append(article_from_bytes(bodies.get(key), lines))
            except ValueError:
                articles.append(None)  # unknown, or not what this version writes: recompute
        from .similarity import Features

        with_text = [k for k, a in zip(keys, articles, strict=True) if a and a.paragraphs]
        blobs = self._get_many("features", with_text)
        self.used["paragraphs"].update(with_text)  # read or not, still this build's
        out: list[Known | None] = []
        for key, article in zip(keys, articles, strict=True):
            found = None
            if article is not None and article.paragraphs:
                blob = blobs.get(key)
                try:
                    found = Features.from_bytes(blob if isinstance(blob, bytes) else b"")
                except ValueError:
                    article = None
            if article is None:
                self.misses += 1
                out.append(None)
            else:
                self.hits += 1
                out.append((article, found))
        return out

    def keep(
        self,
        item: SeedFile | RawDocument,
        outlets: Sequence[Outlet],
        article: Article,
        found: Features | None,
        key: str | None = None,
    ) -> None:
        """Keep the article made from `item`, and its features; `key` is the item's
        Cache.keys, when the caller has it (hashing a seed's bytes again costs as much)."""
        if self.db is None:
            return  # no cache: not even the text form of the article
        key = key if key is not None else _item_keys([item], outlets)[0]
        self._put("articles", key, article_to_bytes(article))
        if found is not None:
            self._put("features", key, replace(found, paragraph_vectors=None).to_bytes())
            if found.paragraph_vectors is not None:
                self._put("paragraphs", key, _rows_to_bytes(found.paragraph_vectors))

    def paragraph_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The paragraph vectors (Features.paragraph_vectors) kept for any of `keys` (the
        articles' Cache.keys) that load back whole, by key."""
        found: dict[str, np.ndarray] = {}
        for key, body in self._get_many("paragraphs", keys).items():
            rows = _rows_from_bytes(body) if isinstance(body, bytes) else None
            if rows is not None:
                found[key] = rows
        return found

    # --- the grouping pass (cluster.Memo) and stories (pipeline.plan) ----------------------
    def grouping(self) -> bytes | None:
        """The previous build's grouping pass (trace.Trace), as kept; trace.Trace checks
        that it is whole and of this version's making."""
        if self.pending_trace is not None or self.trace is None:
            return self.pending_trace
        try:
            return self.trace.read_bytes()
        except OSError:
            return None

    def keep_grouping(self, body: bytes) -> None:
        self.pending_trace = body

    def stories(self, keys: Sequence[str], articles: Mapping[str, Article]) -> dict[str, Story]:
        """The stories kept under any of `keys` that are whole and load back, by key;
        their articles are taken from `articles` (by source)."""
        found: dict[str, Story] = {}
        shared = {cls: lru_cache(maxsize=None, typed=True)(cls) for cls in RECURRING}
        for key, body in self._get_many("stories", keys).items():
            story = story_from_bytes(body, articles, shared)
            if story is not None:
                found[key] = story
        return found

    def keep_story(self, key: str, story: Story) -> None:
        if self.db is not None:  # no cache: not even the bytes of the story
            self._put("stories", key, story_to_bytes(story))

    # --- texts made from a story (memo.Memo): its page, its named entities --------------
    def texts(self, kind: str, keys: Sequence[str]) -> dict[str, str]:
        """The texts kept under any of `keys` that are whole, by key: each is stored
        after a hash of itself, so a damaged entry is a miss, never a page."""
        found: dict[str, str] = {}
        named = {f"{kind}:{key}": key for key in keys}
        for name, body in self._get_many("texts", list(named)).items():
            if not isinstance(body, str):
                continue
            check, _, text = body.partition("\n")
            if check == hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest():
                found[named[name]] = text
        return found

    def keep_text(self, kind: str, key: str, body: str) -> None:
        check = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
        self._put("texts", f"{kind}:{key}", f"{check}\n{body}")

    # --- embeddings ----------------------------------------------------------------------
    def embedder(self, embed: Callable[[Sequence[str]], np.ndarray]) -> Callable[..., np.ndarray]:
        """`embed` with a memory of every text it has seen."""

        import numpy as np

        def cached_embed(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return embed(texts)
            keys = [_key("vector", text) for text in texts]
            blobs = self._get_many("vectors", keys)
            found: dict[int, np.ndarray] = {}
            for i, key in enumerate(keys):
                blob = blobs.get(key)
                if isinstance(blob, bytes) and blob and len(blob) % 4 == 0:
                    found[i] = np.frombuffer(blob, dtype=np.float32)
            if len({v.shape[0] for v in found.values()}) > 1:
                found = {}  # entries of different widths: trust none of them
            todo = [i for i in range(len(texts)) if i not in found]
            if todo:
                fresh = embed([texts[i] for i in todo])
                for i, vector in zip(todo, fresh, strict=True):
                    found[i] = vector
                    self._put("vectors", keys[i], np.asarray(vector, np.float32).tobytes())
            return np.stack([found[i] for i in range(len(texts))])

        return cached_embed

    # --- storage ---------------------------------------------------------------------------
    def _get(self, table: str, key: str) -> object | None:
        return self._get_many(table, [key]).get(key)

    def _get_many(self, table: str, keys: Sequence[str]) -> dict[str, object]:
        """The bodies of those of `keys` kept by this version, by key."""
        self.used[table].update(keys)
        if self.db is None:
            return {}
        pending = self.pending.get(table, {})
        found = {key: pending[key] for key in keys if key in pending} if pending else {}
        try:
            found.update(self._select(table, "key, body", [k for k in keys if k not in found]))
        except sqlite3.DatabaseError as err:
            self._failed(err)
            return {key: pending[key] for key in keys if key in pending}
        return found

    def _select(
        self, table: str, columns: str, keys: Sequence[str], any_version: bool = False
    ) -> Iterator[tuple]:
        """`columns` of the rows of `table` kept by this version (by any, for keys that
        name the version themselves) under any of `keys`, BATCH keys a query."""
        assert self.db is not None
        unique = list(dict.fromkeys(keys))
        version = () if any_version else (VERSION,)
        for at in range(0, len(unique), BATCH):
            chunk = unique[at : at + BATCH]
            yield from self.db.execute(
                f"SELECT {columns} FROM {table} WHERE {'' if any_version else 'version = ? AND'} "
                f"key IN ({','.join('?' * len(chunk))})",
                (*version, *chunk),
            )

    def _put(self, table: str, key: str, body: object) -> None:
        self.used[table].add(key)
        if self.db is None:
            return
        self.pending.setdefault(table, {})[key] = body
        self.pending_bytes += len(body) if isinstance(body, (bytes, str)) else 0
        if self.pending_bytes >= PENDING_BYTES:
            self._write_pending()

    def _write_pending(self) -> None:
        pending, self.pending, self.pending_bytes = self.pending, {}, 0
        for _ in range(2):  # again into the database made afresh, if the first was damaged
            if self.db is None:
                return
            try:
                for table, rows in pending.items():
                    self.db.executemany(
                        f"INSERT OR REPLACE INTO {table} (key, version, body) VALUES (?, ?, ?)",
                        ((key, VERSION, body) for key, body in rows.items()),
                    )
                return
            except sqlite3.DatabaseError as err:
                self._failed(err)

    # --- pruning ---------------------------------------------------------------------------
    def prune(self, paragraphs: Sequence[str] = ()) -> dict[str, int]:
        """Remove the rows this build did not use (entries of seeds, stories and texts
        that are gone, or of another version of digest) from each table that holds more
        than PRUNE_SHARE (plus PRUNE_SLACK rows) over what the build used; return the rows
        removed, by table.

        A build asks for every seed's article and features, every story, its page text
        and entities, and every article's embedding; paragraph embeddings are asked for
        only when a story's articles are related again, so the
        `paragraphs` of the current articles count as used too. Call after the build's
        last look-up."""
        removed: dict[str, int] = {}
        if self.db is None:
            return removed
        try:
            for table in TABLES:
                used = self.used[table]
                extra = len(paragraphs) if table == "vectors" else 0
                rows = self._rows(table)
                if rows <= (len(used) + extra) * (1 + PRUNE_SHARE) + PRUNE_SLACK:
                    continue  # little to gain: pruning waits until there is
                if extra:
                    used = used | {_key("vector", p) for p in paragraphs}
                removed[table] = self._sweep(table, used)
        except sqlite3.DatabaseError as err:
            self._failed(err)
        return removed

    def _rows(self, table: str) -> int:
        """The rows `table` will hold once what is pending is written."""
        assert self.db is not None
        (rows,) = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
        pending = list(self.pending.get(table, ()))
        for at in range(0, len(pending), BATCH):  # a pending key already stored replaces it
            chunk = pending[at : at + BATCH]
            (stored,) = self.db.execute(
                f"SELECT count(*) FROM {table} WHERE key IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchone()
            rows += len(chunk) - stored
        return int(rows)

    def _sweep(self, table: str, live: Iterable[str]) -> int:
        assert self.db is not None
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS live (key TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.live")
        self.db.executemany("INSERT OR IGNORE INTO temp.live VALUES (?)", ((k,) for k in live))
        return self.db.execute(
            f"DELETE FROM {table} WHERE version != ? OR key NOT IN (SELECT key FROM temp.live)",
            (VERSION,),
        ).rowcount

    def close(self) -> None:
        self._write_pending()
        self._write_trace()
        if self.db is not None:
            try:
                self.db.commit()
            except sqlite3.DatabaseError as err:
                if not damaged(err):
                    raise
                self._failed(err)  # what the commit held is made again by the next build
            finally:
                if self.db is not None:
                    self.db.close()
                    self.db = None

    def _write_trace(self) -> None:
        """The grouping pass kept, put in its file whole (written beside it, then renamed
        over it); a file that cannot be written is left out: the next build groups in
        full."""
        body, self.pending_trace = self.pending_trace, None
        if body is None or self.trace is None:
            return
        staged = self.trace.with_name(f".{self.trace.name}.{os.getpid()}.tmp")
        try:
            staged.write_bytes(body)
            os.replace(staged, self.trace)
        except OSError:
            staged.unlink(missing_ok=True)


def damaged(err: BaseException) -> bool:
    """Whether `err` is SQLite's word that the database file is damaged (DAMAGED)."""
    code = getattr(err, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in DAMAGED


def _remove_database(path: Path) -> None:
    """The database file and its write-ahead log and index, if there."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        path.with_name(name).unlink(missing_ok=True)


def _rows_to_bytes(rows: np.ndarray) -> bytes:
    """A float32 matrix as its shape (two uint32) and its values."""
    import numpy as np

    shape = np.array(rows.shape, dtype=np.uint32).tobytes()
    return shape + np.ascontiguousarray(rows, dtype=np.float32).tobytes()


def _rows_from_bytes(blob: bytes) -> np.ndarray | None:
    """The inverse of _rows_to_bytes; None when the blob is not one."""
    import numpy as np

    if len(blob) < 8:
        return None
    rows, width = (int(n) for n in np.frombuffer(blob[:8], np.uint32))
    if len(blob) != 8 + 4 * rows * width:
        return None
    return np.frombuffer(blob, np.float32, rows * width, 8).reshape(rows, width)


def _item_keys(items: Sequence[SeedFile | RawDocument], outlets: Sequence[Outlet]) -> list[str]:
    """A seed read from disk is known by its bytes (so it is not even decoded again); a
    document made in memory (the benches) by its decoded text. The outlets registry is
    part of every key (it names outlets), written out once for all of them."""
    registry = repr(tuple(outlets))
    return [
        _key("seed", item.source, item.suffix, item.digest, registry)
        if isinstance(item, SeedFile)
        else _key("article", item, registry)
        for item in items
    ]


def _key(kind: str, *parts: object) -> str:
    digest = hashlib.sha256(f"{kind}\0{VERSION}".encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def story_to_bytes(story: Story) -> bytes:
    """A story as kept: a SHA-256 of the pickle, then the pickle, in which each article
    is only its source (the articles are kept on their own, and known when it is read)."""
    out = io.BytesIO()
    _StoryPickler(out, protocol=5).dump(story)
    body = out.getvalue()
    return hashlib.sha256(body).digest() + body


# Parts of a story that recur across stories as equal values: one object each is made
# when stories are read back, not one per occurrence. Of the 40,000 paragraph matches of
# the bench corpus's 2,342 stories, 1,478 differ (the n-th paragraph kept verbatim, or
# its source's own); their loading was a third of the stories'. Frozen, compared by
# value, and their fields hashable: an equal object serves wherever one is. (The cache
# is typed, so 1 and 1.0 stay apart; no score is ever -0.0, which equals 0.0: scores are
# rounded overlaps and cosines above a threshold, or 0 and 1.)
RECURRING: tuple[type, ...] = (models.ParagraphMatch, models.Relation)


def story_from_bytes(
    blob: object,
    articles: Mapping[str, Article],
    shared: Mapping[type, Callable[..., object]] | None = None,
) -> Story | None:
    """The story story_to_bytes kept, its articles taken from `articles` (by source), or
    None when the blob is damaged, not a story, names an article not given, or names
    anything but the story's own types (generator.models): a cache file is never trusted
    to say what to build. `shared` makes the objects of some classes (RECURRING) in place
    of the class: objects several stories read back can share."""
    if not isinstance(blob, bytes) or len(blob) <= 32:
        return None
    check, body = blob[:32], blob[32:]
    if hashlib.sha256(body).digest() != check:
        return None
    try:
        story = _StoryUnpickler(io.BytesIO(body), articles, shared or {}).load()
    except (pickle.UnpicklingError, ValueError, TypeError, AttributeError, EOFError):
        return None
    return story if isinstance(story, Story) else None


class _StoryPickler(FieldsPickler):
    def persistent_id(self, obj: object) -> str | None:
        return obj.source if isinstance(obj, Article) else None


class _ModelsUnpickler(pickle.Unpickler):
    """Loads only generator.models' own types (and Python's built-in values)."""

    def find_class(self, module: str, name: str) -> type:
        found = getattr(models, name, None) if module == models.__name__ else None
        if not isinstance(found, type) or found.__module__ != models.__name__:
            raise pickle.UnpicklingError(f"{module}.{name} is not one of digest's types")
        return found


class _StoryUnpickler(_ModelsUnpickler):
    def __init__(
        self,
        file: io.BytesIO,
        articles: Mapping[str, Article],
        shared: Mapping[type, Callable[..., object]],
    ) -> None:
        super().__init__(file)
        self.articles = articles
        self.shared = shared

    def find_class(self, module: str, name: str) -> Any:
        found = super().find_class(module, name)
        return self.shared.get(found, found)

    def persistent_load(self, pid: object) -> Article:
        found = self.articles.get(pid) if isinstance(pid, str) else None
        if found is None:
            raise pickle.UnpicklingError(f"the story names an article not given: {pid!r}")
        return found


def article_to_bytes(a: Article) -> bytes:
    """An Article as kept: a SHA-256 of the rest; the length of the article's pickle
    (as FieldsPickler writes it), the pickle without the line verdicts, then the verdicts,
    each a tuple, on their own (a build reads them only for a seed with no text: read
    back, they were half of a build's time to load articles). A verdict whose text is one
    of the article's paragraphs names it by index (most do). Read back with one call of
    each class from the pickle, the articles of an add-one rebuild of 5,000 loaded in
    half the time they took as JSON checked field by field."""
    head = io.BytesIO()
    FieldsPickler(head, protocol=5).dump(replace(a, lines=()))
    at = {p: i for i, p in reversed(list(enumerate(a.paragraphs)))}
    lines = tuple((v.line, at.get(v.text, v.text), v.kind, v.rule) for v in a.lines)
    body = len(head.getbuffer()).to_bytes(4, "little") + head.getvalue()
    body += pickle.dumps(lines, protocol=5)
    return hashlib.sha256(body).digest() + body


def article_from_bytes(blob: object, lines: bool = True) -> Article:
    """The inverse of article_to_bytes: ValueError for anything else (damaged bytes, a
    pickle of another type or naming anything but generator.models' types, verdicts not
    of their types). Without `lines`, the article has no line verdicts, unless it has no
    paragraph either."""
    if not isinstance(blob, bytes) or len(blob) <= 36:
        raise ValueError("not a kept article")
    check, body = blob[:32], memoryview(blob)[32:]
    if hashlib.sha256(body).digest() != check:
        raise ValueError("the kept article is damaged")
    size = int.from_bytes(body[:4], "little")
    try:
        article = _ModelsUnpickler(io.BytesIO(body[4 : 4 + size])).load()
        if not isinstance(article, Article):
            raise ValueError("not an article")
        if not lines and article.paragraphs:
            return article
        read = _ModelsUnpickler(io.BytesIO(body[4 + size :])).load()
        verdicts = tuple(_verdict(article.paragraphs, *_tuple(v)) for v in _tuple(read))
    except (pickle.UnpicklingError, TypeError, AttributeError, EOFError) as err:
        raise ValueError(f"not a kept article: {err}") from err
    return replace(article, lines=verdicts)


def _tuple(value: object) -> tuple[object, ...]:
    if not isinstance(value, tuple):
        raise TypeError(f"expected a tuple, got {type(value).__name__}")
    return value


def _verdict(paragraphs: tuple[str, ...], line: object, text: object, kind: object,
             rule: object) -> LineVerdict:  # fmt: skip
    if type(line) is not int:
        raise TypeError("line number is not a number")
    if type(text) is int:
        if not 0 <= text < len(paragraphs):
            raise ValueError("no such paragraph")
        text = paragraphs[text]
    return LineVerdict(line, _text(text), _text(kind), _opt(rule))


def _text(value: object) -> str:
    if type(value) is not str:
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _opt(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"expected text or null, got {type(value).__name__}")
    return value


class BuildState:
    """What the last build was made from and what it wrote, so a build whose seeds,
    registries, config and code are all unchanged, and whose pages are still as written,
    can stop before doing any work."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "build.json" if folder else None
        self.story_count = 0
        self.rejected: tuple[Rejected, ...] = ()
        self.warnings: tuple[str, ...] = ()  # other warnings of that build (image files)
        self._last: dict | None = None  # build.json as read, once (_state)
        self._seen: dict[str, object] = {}  # this build's reading of the seeds (saw)

    def _state(self) -> dict:
        """The last build's state as written ({} when there is none, or none we wrote)."""
        if self._last is None:
            self._last = {}
            try:
                state = json.loads(self.path.read_text(encoding="utf-8")) if self.path else {}
                self._last = state if isinstance(state, dict) else {}
            except (OSError, ValueError):
                pass
        return self._last

    def known(self) -> dict[str, tuple[Stamp, str]]:
        """The seeds the last build of this version read, by source: the stamp each had
        then and its digest, for read_folder to trust while the stamp stays. A seed
        changed within RACY_NS before that build read the folder is left out (a change
        in the same clock tick as that one would leave its stamp as it was)."""
        state = self._state()
        try:
            if state.get("version") != VERSION:
                return {}
            before = int(state["read_at"]) - RACY_NS
            known: dict[str, tuple[Stamp, str]] = {}
            for source, size, modified, changed, inode, device, digest in state["seeds"]:
                if int(modified) < before and int(changed) < before:
                    stamp = (int(size), int(modified), int(changed), int(inode), int(device))
                    known[str(source)] = (stamp, str(digest))
            return known
        except (KeyError, TypeError, ValueError):  # a list of another length: ValueError
            return {}

    def fingerprint(
        self, config: DigestConfig, paths: Paths, folder: SeedFolder | None = None
    ) -> str | None:
        """A hash of everything a build is made from: digest's version, its options, the
        seeds folder as read (each seed's and photo's bytes, or why it is not read; read
        here when `folder` is not given) and the registries' bytes."""
        if self.path is None:
            return None
        from .read import REGISTRY_FILES, read_folder

        folder = folder or read_folder(paths.seeds, config.max_file_bytes)
        digest = hashlib.sha256(VERSION.encode())
        options = {k: v for k, v in asdict(config).items() if k not in SITE_OPTIONS}
        digest.update(json.dumps(options, sort_keys=True, default=str).encode())
        entries: list[tuple[str, bytes, bytes]] = [  # source, b(ytes) or r(eason), their hash
            (s.source, b"b", bytes.fromhex(s.digest))
            if isinstance(s, SeedFile)
            else (s.source, b"r", _sha256(s.reason))
            for s in folder.seeds
        ]
        entries += [
            (f"image:{source}", b"b" if isinstance(data, bytes) else b"r", _sha256(data))
            for source, data in folder.images
        ]
        for name in sorted(REGISTRY_FILES):
            try:
                entries.append(
                    (f"registry:{name}", b"b", _sha256((paths.seeds / name).read_bytes()))
                )
            except OSError as err:
                entries.append((f"registry:{name}", b"r", _sha256(f"unreadable:{err.errno}")))
        for source, kind, hashed in entries:
            digest.update(source.encode("utf-8", "surrogatepass") + b"\0")
            digest.update(kind + hashed)
        return digest.hexdigest()

    def unchanged(self, fingerprint: str | None, content: Path) -> bool:
        if fingerprint is None or self.path is None:
            return False
        try:
            state = self._state()
            if state["fingerprint"] != fingerprint:
                return False
            for rel, sha in state["outputs"].items():
                if hashlib.sha256((content / rel).read_bytes()).hexdigest() != sha:
                    return False
            self.story_count = int(state["stories"])
            self.rejected = tuple(Rejected(str(s), str(r)) for s, r in state["rejected"])
            self.warnings = tuple(str(w) for w in state.get("warnings", []))
        except (OSError, ValueError, KeyError, TypeError):
            return False  # no state, or not one we wrote: build
        return True

    def saw(self, folder: SeedFolder, read_at: int) -> bool:
        """Note each seed's stamp and digest as this build found them (reading began at
        `read_at`, time.time_ns()), for remember() to keep; True when it read any seed."""
        self._seen = {
            "version": VERSION,
            "read_at": read_at,
            "seeds": [
                [s.source, *s.stamp, s.digest]
                for s in folder.seeds
                if isinstance(s, SeedFile) and s.stamp is not None
            ],
        }
        return any(isinstance(s, SeedFile) and s.data is not None for s in folder.seeds)

    def remember(
        self,
        fingerprint: str | None,
        content: Path,
        outputs: Mapping[str, str],
        story_count: int,
        rejected: Sequence[Rejected],
        warnings: Sequence[str] = (),
    ) -> None:
        """Keep what this build was made from and wrote: `outputs` are its files'
        digests() (by path in the content folder)."""
        if fingerprint is None or self.path is None:
            return
        self._write(
            {
                "fingerprint": fingerprint,
                "outputs": dict(outputs),
                "stories": story_count,
                "rejected": [[r.source, r.reason] for r in rejected],
                "warnings": list(warnings),
            }
        )

    def refresh(self) -> None:
        """After a build that found nothing changed: the same state, with the seeds as
        this build saw them (those it had to read are then known by their stamps)."""
        if self.path is not None and self._state():
            self._write(self._state())

    def _write(self, state: dict) -> None:
        assert self.path is not None
        state = {**state, **self._seen}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(state), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass  # the next build just does the work again


def digests(files: Mapping[str, str | bytes]) -> dict[str, str]:
    """The SHA-256 of each file a build writes, as BuildState.remember keeps them (and
    unchanged() checks them). hashlib lets go of the interpreter while it hashes, so this
    runs beside the writing of the pages (pipeline._build)."""
    return {rel: hashlib.sha256(_bytes(data)).hexdigest() for rel, data in files.items()}


def _sha256(data: str | bytes) -> bytes:
    return hashlib.sha256(_bytes(data)).digest()


def _bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")
