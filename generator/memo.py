"""Text remembered between builds, keyed by everything it was made from.

The page stage passes a `Memo` (the cache implements it) to remember a story page's
text and a story's named entities: work that is the same as long as its inputs are,
so a build after one added article redoes it only for the story that changed. With no
memo (tests, `digest` without a cache folder) everything is computed."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, is_dataclass
from typing import Any, ClassVar, Protocol, TypeVar

T = TypeVar("T")
X = TypeVar("X")


class Memo(Protocol):
    def texts(self, kind: str, keys: Sequence[str]) -> Mapping[str, str]: ...

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
    items: Sequence[X],
    parts: Callable[[X], tuple[bytes | str, ...]],
    compute: Callable[[X], T],
    dump: Callable[[T], str],
    load: Callable[[str], T],
) -> list[T]:
    """`compute(item)` for each of `items`, or what it gave before for the same
    `parts(item)` (of this `kind`), read back by `load`; all looked up at once. A
    remembered text that `load` refuses (ValueError, TypeError or KeyError) is computed
    again and overwritten, never used."""
    if memo is None:
        return [compute(item) for item in items]
    keys = [key(kind, *parts(item)) for item in items]
    known = memo.texts(kind, keys)
    out: list[T] = []
    for item, k in zip(items, keys, strict=True):
        body = known.get(k)
        if body is not None:
            try:
                out.append(load(body))
                continue
            except (ValueError, TypeError, KeyError):
                pass
        value = compute(item)
        memo.keep_text(kind, k, dump(value))
        out.append(value)
    return out


def as_text(text: str) -> str:
    """dump and load for a value that is text already."""
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    return text


class FieldsPickler(pickle.Pickler):
    """Writes each dataclass as its class and its fields in order, but those `leaving`
    names for its class: loading one back calls the class (faster than restoring each
    object's slots), and a value left out is not written at all."""

    leaving: ClassVar[Mapping[type, frozenset[str]]] = {}
    _names: ClassVar[dict[type, tuple[str, ...] | None]] = {}  # per class: written fields

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._names = {}

    def reducer_override(self, obj: object) -> Any:
        """Called for every object but str, bytes, numbers, None and the built-in
        containers."""
        cls = type(obj)
        if cls not in self._names:
            left = self.leaving.get(cls, frozenset())
            self._names[cls] = (
                tuple(f.name for f in fields(cls) if f.name not in left)
                if is_dataclass(cls)
                else None
            )
        names = self._names[cls]
        if names is None:
            return NotImplemented
        return cls, tuple(getattr(obj, name) for name in names)
