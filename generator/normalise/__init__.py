"""Stage 2, normalise: a RawDocument -> an Article with every line accounted for.

The passes run in a fixed order; each claims the lines it recognises on the
sheet, so later passes only see what is still unexplained."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Article, Outlet, RawDocument
from . import captions, fields, furniture
from .sheet import Sheet


def normalise(doc: RawDocument, outlets: Sequence[Outlet] = ()) -> Article:
    sheet = Sheet(doc.text, doc.body_line)
    furniture.drop_line_furniture(sheet)
    furniture.drop_repeats(sheet)
    found_captions = captions.find_captions(sheet)
    published = fields.find_published(sheet)
    credits, contributor_org, signoff = fields.find_credits(sheet)
    title_at = fields.find_title(sheet)
    furniture.drop_link_lists(sheet, after=title_at if title_at is not None else -1)
    furniture.drop_after_signoff(sheet, signoff)
    dek_at = fields.find_dek(sheet, title_at)

    body = [i for i in sheet.open()]
    for i in body:
        sheet.claim(i, "paragraph")
    paragraphs = [sheet.texts[i] for i in body]
    dateline = None
    if paragraphs:
        dateline, paragraphs[0] = fields.split_dateline(paragraphs[0])
        if dateline:
            sheet.claim(body[0], "paragraph", "dateline")

    page_title = sheet.texts[title_at] if title_at is not None else None
    meta_title = _text(doc.meta_value("title"))
    title = meta_title or page_title or fields.derive_title(paragraphs[0] if paragraphs else "")
    meta_published = _text(doc.meta_value("published"))
    return Article(
        source=doc.source,
        title=title,
        title_derived=not (meta_title or page_title),
        dek=_text(doc.meta_value("dek")) or (sheet.texts[dek_at] if dek_at is not None else None),
        dateline=dateline,
        published=(fields.parse_date(meta_published) if meta_published else None) or published,
        outlet=fields.registered_outlet(
            _text(doc.meta_value("outlet")) or fields.find_outlet(sheet, title, contributor_org),
            _text(doc.meta_value("url")),
            outlets,
        ),
        credits=_names(doc.meta_value("credits")) or credits,
        paragraphs=tuple(paragraphs),
        captions=found_captions,
        lines=sheet.verdicts(),
        url=_text(doc.meta_value("url")),
        encoding=doc.encoding,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(fields.split_names(value)) or (value,)
    if isinstance(value, tuple):
        return tuple(str(v) for v in value)
    return ()
