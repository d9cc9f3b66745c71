"""Per-article work kept between builds: normalised articles (keyed by the seed's bytes,
so a known seed is not even decoded), their similarity features (shingles, MinHash,
term counts), embeddings, stories' relations, and the text of story pages and their
named entities (generator/memo.py), keyed by a hash of everything they
depend on and the generator's version.

One SQLite file (atomic commits, corruption is an exception, not garbage). An entry
from another version, one that does not parse back, or a file that is not a cache
is never trusted: it is a miss, recomputed and overwritten."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

from . import __version__
from .config import SITE_OPTIONS, DigestConfig, Paths
from .models import Article, Caption, LineVerdict, Outlet, RawDocument, Rejected, SeedFile
from .similarity import Features


def _code_version() -> str:
    """The release plus a hash of the package's own code and templates: any change to
    how articles are read, normalised or written makes every cached entry stale."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("templates/*")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


VERSION = _code_version()
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, version TEXT, body TEXT)",
    "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, version TEXT, body BLOB)",
    "CREATE TABLE IF NOT EXISTS relations (key TEXT PRIMARY KEY, version TEXT, body TEXT)",
    "CREATE TABLE IF NOT EXISTS features (key TEXT PRIMARY KEY, version TEXT, body BLOB)",
    "CREATE TABLE IF NOT EXISTS texts (key TEXT PRIMARY KEY, version TEXT, body TEXT)",
)


class Cache:
    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "cache.sqlite" if folder else None
        self.db: sqlite3.Connection | None = None
        self.hits = self.misses = 0
        if self.path is not None:
            self.db = self._open(self.path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection | None:
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path)
                for statement in _SCHEMA:
                    db.execute(statement)
                db.execute("SELECT count(*) FROM articles").fetchone()
                return db
            except (sqlite3.DatabaseError, OSError):
                if attempt == 0:
                    path.unlink(missing_ok=True)  # corrupt or not a cache: start afresh
        return None

    # --- normalised articles and their features -------------------------------------------
    def article(self, item: SeedFile | RawDocument, outlets: Sequence[Outlet]) -> Article | None:
        """The article normalised from exactly this seed (bytes, or decoded document)
        before, if it is known."""
        known = self.prepared(item, outlets)
        return known[0] if known else None

    def prepared(
        self, item: SeedFile | RawDocument, outlets: Sequence[Outlet]
    ) -> tuple[Article, Features | None] | None:
        """The article and, when it has text, its similarity features; None if either is
        unknown or does not parse back."""
        key = _item_key(item, outlets)
        cached = self._get("articles", key)
        try:
            if cached is None:
                raise KeyError(key)
            article = article_from_json(json.loads(str(cached)))
            found = None
            if article.paragraphs:
                blob = self._get("features", key)
                found = Features.from_bytes(blob if isinstance(blob, bytes) else b"")
        except (ValueError, TypeError, KeyError):
            self.misses += 1  # unknown, or not what this version writes: recompute
            return None
        self.hits += 1
        return article, found

    def keep(
        self,
        item: SeedFile | RawDocument,
        outlets: Sequence[Outlet],
        article: Article,
        found: Features | None,
    ) -> None:
        key = _item_key(item, outlets)
        self._put("articles", key, json.dumps(asdict(article), ensure_ascii=False))
        if found is not None:
            self._put("features", key, found.to_bytes())

    # --- stories' relations (cluster.Memo) ------------------------------------------------
    def relation(self, key: str) -> str | None:
        body = self._get("relations", key)
        return body if isinstance(body, str) else None

    def keep_relation(self, key: str, body: str) -> None:
        self._put("relations", key, body)

    # --- texts made from a story (memo.Memo): its page, its named entities --------------
    def text(self, kind: str, key: str) -> str | None:
        """The text kept under `key`, if it is whole: each is stored after a hash of
        itself, so a damaged entry is a miss, never a page."""
        body = self._get("texts", f"{kind}:{key}")
        if not isinstance(body, str):
            return None
        check, _, text = body.partition("\n")
        if check != hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest():
            return None
        return text

    def keep_text(self, kind: str, key: str, body: str) -> None:
        check = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
        self._put("texts", f"{kind}:{key}", f"{check}\n{body}")

    # --- embeddings ----------------------------------------------------------------------
    def embedder(self, embed: Callable[[Sequence[str]], np.ndarray]) -> Callable[..., np.ndarray]:
        """`embed` with a memory of every text it has seen."""

        def cached_embed(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return embed(texts)
            keys = [_key("vector", text) for text in texts]
            found: dict[int, np.ndarray] = {}
            for i, key in enumerate(keys):
                blob = self._get("vectors", key)
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
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                f"SELECT body FROM {table} WHERE key = ? AND version = ?", (key, VERSION)
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    def _put(self, table: str, key: str, body: object) -> None:
        if self.db is None:
            return
        try:
            self.db.execute(
                f"INSERT OR REPLACE INTO {table} (key, version, body) VALUES (?, ?, ?)",
                (key, VERSION, body),
            )
        except sqlite3.DatabaseError:
            self.db = None  # the file went bad mid-build: carry on without it

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.commit()
            finally:
                self.db.close()
                self.db = None


def _item_key(item: SeedFile | RawDocument, outlets: Sequence[Outlet]) -> str:
    """A seed read from disk is known by its bytes (so it is not even decoded again); a
    document made in memory (the benches) by its decoded text."""
    if isinstance(item, SeedFile):
        data = hashlib.sha256(item.data).hexdigest()
        return _key("seed", item.source, item.suffix, data, tuple(outlets))
    return _key("article", item, tuple(outlets))


def _key(kind: str, *parts: object) -> str:
    digest = hashlib.sha256(f"{kind}\0{VERSION}".encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def article_from_json(data: dict) -> Article:
    """An Article back from its JSON form, every field checked by construction."""
    return Article(
        source=str(data["source"]),
        title=str(data["title"]),
        title_derived=bool(data["title_derived"]),
        dek=_opt(data["dek"]),
        dateline=_opt(data["dateline"]),
        published=_opt(data["published"]),
        outlet=_opt(data["outlet"]),
        credits=tuple(str(c) for c in data["credits"]),
        paragraphs=tuple(str(p) for p in data["paragraphs"]),
        captions=tuple(
            Caption(str(c["caption"]), _opt(c["credit"]), _opt(c["wire"])) for c in data["captions"]
        ),
        lines=tuple(
            LineVerdict(int(v["line"]), str(v["text"]), str(v["kind"]), _opt(v["rule"]))
            for v in data["lines"]
        ),
        url=_opt(data["url"]),
        encoding=str(data["encoding"]),
    )


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

    def fingerprint(self, config: DigestConfig, paths: Paths) -> str | None:
        if self.path is None:
            return None
        from .read import REGISTRY_FILES, image_files, seed_files

        seeds = paths.seeds
        digest = hashlib.sha256(VERSION.encode())
        options = {k: v for k, v in dict(config).items() if k not in SITE_OPTIONS}
        digest.update(json.dumps(options, sort_keys=True, default=str).encode())
        entries = [(s, p) for s, p in seed_files(seeds)] + image_files(seeds)
        entries += [(name, seeds / name) for name in sorted(REGISTRY_FILES)]
        for source, path in entries:
            digest.update(source.encode("utf-8", "surrogatepass") + b"\0")
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError as err:
                digest.update(f"unreadable:{err.errno}".encode())
        return digest.hexdigest()

    def unchanged(self, fingerprint: str | None, content: Path) -> bool:
        if fingerprint is None or self.path is None:
            return False
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
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

    def remember(
        self,
        fingerprint: str | None,
        content: Path,
        files: Mapping[str, str | bytes],
        story_count: int,
        rejected: Sequence[Rejected],
        warnings: Sequence[str] = (),
    ) -> None:
        if fingerprint is None or self.path is None:
            return
        state = {
            "fingerprint": fingerprint,
            "outputs": {
                rel: hashlib.sha256(_bytes(data)).hexdigest() for rel, data in files.items()
            },
            "stories": story_count,
            "rejected": [[r.source, r.reason] for r in rejected],
            "warnings": list(warnings),
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(state), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass  # the next build just does the work again


def _bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")
