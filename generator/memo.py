"""Text remembered between builds, keyed by everything it was made from.

The page stage passes a `Memo` (the cache implements it) to remember a story page's
text and a story's named entities: work that is the same as long as its inputs are,
so a build after one added article redoes it only for the story that changed. With no
memo (tests, `digest` without a cache folder) everything is computed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Protocol, TypeVar

T = TypeVar("T")


class Memo(Protocol):
    def text(self, kind: str, key: str) -> str | None: ...

    def keep_text(self, kind: str, key: str, body: str) -> None: ...


def key(*parts: bytes | str) -> str:
    """A hash of `parts`, each length-prefixed so no two lists of parts share one."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def remembered(
    memo: Memo | None,
    kind: str,
    parts: Callable[[], tuple[bytes | str, ...]],
    compute: Callable[[], T],
    dump: Callable[[T], str],
    load: Callable[[str], T],
) -> T:
    """`compute()`, or what it gave before for the same `parts` (of this `kind`), read
    back by `load`. A remembered text that `load` refuses (ValueError, TypeError or
    KeyError) is computed again and overwritten, never used."""
    if memo is None:
        return compute()
    k = key(kind, *parts())
    body = memo.text(kind, k)
    if body is not None:
        try:
            return load(body)
        except (ValueError, TypeError, KeyError):
            pass
    value = compute()
    memo.keep_text(kind, k, dump(value))
    return value


def as_text(text: str) -> str:
    """dump and load for a value that is text already."""
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    return text
