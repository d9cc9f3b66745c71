"""Tables that a scraper printed one cell per line: a header row of labels, then rows
of a label and figures ("Birdies", "17", "T5"). Found before the body, so that a table
between two paragraphs does not split the article; kept only when it stands inside it."""

from __future__ import annotations

from functools import lru_cache

from ..models import Table
from . import patterns as P
from .sheet import Sheet, is_prose, is_sentence, words


def claim_tables(sheet: Sheet) -> list[tuple[int, int, Table]]:
    """Every table on the page as (first line, last line, table); its lines are claimed."""
    lines = list(sheet.open())
    found: list[tuple[int, int, Table]] = []
    figures = sum(1 for i in lines if _figure(sheet.texts[i]))
    if figures < P.TABLE_MIN_ROWS * (P.TABLE_MIN_COLUMNS - 1):
        return found  # too few figures on the page for any table (most pages)
    k = 0
    while k < len(lines):
        table = _table_at(sheet, lines, k)
        if table is None:
            k += 1
            continue
        used, value = table
        for i in used:
            sheet.claim(i, "table", "table")
        found.append((used[0], used[-1], value))
        k = lines.index(used[-1]) + 1
    return found


def drop_tables_outside(
    sheet: Sheet, tables: list[tuple[int, int, Table]], body: tuple[int, int] | None
) -> bool:
    """Drop each table that does not have the article's prose on both sides of it within
    the body run (at least TABLE_SIDE_MIN_WORDS words each side: one teaser sentence
    under a sidebar table is not the article). True when any was dropped: the body was
    found with the table's lines as neutral, so it must be looked for again."""
    first, last = body if body else (len(sheet.texts), len(sheet.texts) - 1)
    dropped = False
    for start, end, _table in tables:
        if sheet.kinds[start] != "table":
            continue
        inside = first < start and end < last
        if not (
            inside
            and _prose_words(sheet, first, start) >= P.TABLE_SIDE_MIN_WORDS
            and _prose_words(sheet, end + 1, last + 1) >= P.TABLE_SIDE_MIN_WORDS
        ):
            for i in range(start, end + 1):
                if sheet.kinds[i] == "table":
                    sheet.drop(i, "table_outside")
            dropped = True
    return dropped


def kept_tables(sheet: Sheet, tables: list[tuple[int, int, Table]]) -> tuple[Table, ...]:
    """The tables whose lines are still the article's."""
    return tuple(t for start, _end, t in tables if sheet.kinds[start] == "table")


def _prose_words(sheet: Sheet, a: int, b: int) -> int:
    return sum(
        words(sheet.texts[i])
        for i in range(a, b)
        if sheet.kinds[i] is None and is_prose(sheet.texts[i])
    )


def _table_at(sheet: Sheet, lines: list[int], k: int) -> tuple[list[int], Table] | None:
    """The table whose header row starts at open line lines[k], if one does."""
    head = lines[k : k + P.TABLE_MIN_COLUMNS]
    if len(head) < P.TABLE_MIN_COLUMNS or not all(_label(sheet.texts[i]) for i in head):
        return None  # most lines: no header of any width starts here
    for width in range(P.TABLE_MIN_COLUMNS, P.TABLE_MAX_COLUMNS + 1):
        header = lines[k : k + width]
        if len(header) < width or not all(_label(sheet.texts[i]) for i in header):
            continue
        rows: list[list[int]] = []
        j = k + width
        while j + width <= len(lines) and _row(sheet, lines[j : j + width]):
            rows.append(lines[j : j + width])
            j += width
        if len(rows) >= P.TABLE_MIN_ROWS:
            title = _title(sheet, lines, k)
            cells = [tuple(sheet.texts[i] for i in row) for row in rows]
            table = Table(
                title=" — ".join(sheet.texts[i] for i in title) or None,
                header=tuple(sheet.texts[i] for i in header),
                rows=tuple(cells),
            )
            return [*title, *header, *(i for row in rows for i in row)], table
    return None


def _row(sheet: Sheet, cells: list[int]) -> bool:
    """A label, then figures only."""
    return _label(sheet.texts[cells[0]]) and all(_figure(sheet.texts[i]) for i in cells[1:])


@lru_cache(maxsize=8192)  # asked of the same lines for each width tried
def _figure(text: str) -> bool:
    return P.TABLE_FIGURE.match(text) is not None


@lru_cache(maxsize=8192)
def _label(text: str) -> bool:
    return (
        0 < words(text) <= P.TABLE_CELL_MAX_WORDS
        and not _figure(text)
        and not is_sentence(text)
        and not P.LIST_ITEM.match(text)
    )


def _title(sheet: Sheet, lines: list[int], k: int) -> list[int]:
    """Up to TABLE_TITLE_LINES short lines right above the header (no blank or claimed
    line between): the table's title."""
    title: list[int] = []
    for j in range(k - 1, max(-1, k - 1 - P.TABLE_TITLE_LINES), -1):
        i = lines[j]
        below = title[0] if title else lines[k]
        if any(sheet.kinds[x] != "blank" for x in range(i + 1, below)):
            break
        if not _label(sheet.texts[i]):
            break
        title.insert(0, i)
    return title
