"""Stage 2, normalise: a RawDocument -> an Article with every line accounted for.

The passes run in a fixed order; each claims the lines it recognises on the
sheet, so later passes only see what is still unexplained."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

from ..credits import article_credits
from ..models import Article, Caption, Outlet, RawDocument
from ..tags import article_tags
from . import block, captions, fields, furniture, tables
from . import patterns as P
from .sheet import Sheet


def normalise(doc: RawDocument, outlets: Sequence[Outlet] = ()) -> Article:
    sheet = Sheet(doc.text, doc.body_line)
    known = fields.registry_names(outlets)
    furniture.drop_line_furniture(sheet)
    furniture.drop_glued_cards(sheet)
    furniture.drop_headline_cards(sheet)
    furniture.drop_collapsed_captions(sheet)
    found_tables = tables.claim_tables(sheet)
    furniture.drop_doubled_lists(sheet)
    furniture.drop_repeats(sheet)
    furniture.drop_teasers(sheet)
    furniture.drop_teaser_boxes(sheet)
    furniture.drop_video_lists(sheet)
    furniture.drop_advert_units(sheet)
    walls = block.drop_comment_markers(sheet)
    galleries = captions.glued_galleries(sheet)
    found_captions = captions.find_captions(sheet)
    furniture.drop_cut_blurbs(sheet)
    furniture.drop_video_carousels(sheet)
    furniture.drop_rights_notices(sheet)
    dateline_lines = block.claim_dateline_lines(sheet)
    stamps = fields.claim_date_stamps(sheet)
    body = block.find_body(sheet, walls) or block.standfirst_page(sheet)
    slides = sorted(i for i in found_captions if sheet.rules[i] == "slide_caption")
    slid: dict[int, str] = {}  # a slideshow that is all the page holds: its captions are
    if body is None and slides:  # the text, each once, under the headline above them
        body = (slides[0], slides[-1])
        slid = {i: found_captions[i].caption for i in slides}
        firsts = {caption: i for i, caption in reversed(slid.items())}
        for i, caption in slid.items():
            if firsts[caption] == i:
                sheet.claim(i, "paragraph", "slide_caption")
    if tables.drop_tables_outside(sheet, found_tables, body):
        body = block.find_body(sheet, walls)
    first, last = body if body else (len(sheet.texts), len(sheet.texts) - 1)
    labelled: tuple[str, ...] = ()  # points under their label ("Key Points")
    if body:
        first = block.skip_story_cards(sheet, first, last)
        first = block.split_head(sheet, block.skip_abstract(sheet, first, last), last)
        first = block.extend_over_announced_list(sheet, block.extend_to_lede(sheet, first))
        first, labelled = block.claim_labelled_points(sheet, first, last)
        last = block.extend_announced_list(sheet, first, block.extend_closing_lines(sheet, last))
        block.claim_announced_lists(sheet, first, last)
        last = block.claim_embedded_tweets(sheet, first, last)
    if body:
        block.drop_list_over_body(sheet, first)
    title_at = block.find_headline(sheet, first, last) if body else None
    head_at = title_at  # the headline over the body, where the article's head starts
    if title_at is None and body:  # else the page's own title line, far above the body
        title_at = block.page_title_line(sheet, first, last)
    page_title, site, label = (
        fields.headline_parts(sheet, title_at, first, known)
        if title_at is not None
        else (None, None, None)
    )
    if title_at is not None and sheet.kinds[title_at] != "title":
        sheet.claim(title_at, "title", "page_title" if head_at is None else "headline_above_body")
    if page_title:
        furniture.drop_headline_crumbs(sheet, page_title, range(first, last + 1))
    top = block.extend_head(sheet, head_at if head_at is not None else first)
    tail = range(top, last + 1 + P.TAIL_WINDOW)
    credits, contributor_org, signoff = fields.find_credits(sheet, tail, range(top, first))
    found_captions |= captions.header_photo_credits(sheet, range(top, first), first)
    end = block.extend_tail(sheet, last)
    block.claim_rights_line(sheet, first, end)
    end = block.claim_tag_lists(sheet, first, end)
    retrieved = _text(doc.meta_value("retrieved"))
    reference = fields.parse_date(retrieved) if retrieved else None
    published = fields.find_published(
        sheet, range(top, end + 1), range(first, last + 1), reference, stamps
    )
    below = range(end + 1, min(end + 1 + P.TAIL_WINDOW, len(sheet.texts)))
    above = range(top - 1, max(top - 1 - P.TAIL_WINDOW, -1), -1)
    under_title = (  # the page's own title line far above the body, and the headline under
        range(title_at + 1, min(title_at + 1 + P.TAIL_WINDOW, top))  # it with its stamps
        if head_at is None and title_at is not None
        else range(0)
    )
    stamp_at = (
        next((i for i in chain(below, above, under_title) if i in stamps), None)
        if published is None
        else None
    )
    if stamp_at is not None:  # "Last Updated: <date>" under the footer's rights line, or
        published = stamps[stamp_at][0] or stamps[stamp_at][1]  # over the headline's tools
    elif published is None and (over := fields.date_over_headline(sheet, above)):
        stamp_at, published = over  # "Posted on Fri, Jan. 18, 2008" over the headline
    results = block.claim_result_lines(sheet, head_at, first) if head_at is not None else ()
    # a standfirst is one line: under the headline, a run of points without bullets are
    # all its highlights (block.unbulleted_highlights)
    dek_at, dek = (
        fields.find_dek(sheet, head_at, first, page_title)
        if head_at is None or not block.unbulleted_highlights(sheet, head_at, first, last)
        else None
    ) or (None, None)
    if dek_at is not None and dek is not None and (shown := captions.dek_caption(dek)):
        found_captions[dek_at] = shown  # a photo's caption where the standfirst would be
        sheet.claim(dek_at, "caption", "caption_under_headline")
        dek_at, dek = None, None
    if dek is not None:  # "<dek> By JANE ROE Staff Writer": a byline run into it
        dek, dek_names = fields.split_glued_byline(dek)
        credits += tuple(n for n in dek_names if n not in credits)
    standfirst = dek if dek is not None else sheet.texts[first] if body else None
    if standfirst is not None:  # "..., writes Michael Cockerill." (the dek or the lede)
        credits += tuple(n for n in fields.standfirst_writers(standfirst) if n not in credits)
    head = dek_at if dek_at is not None else head_at
    highlights = results + (
        block.claim_highlights(sheet, head, first, last)
        if head is not None
        else block.glued_highlights(sheet, range(top, last + 1))
    )
    highlights += tuple(point for point in labelled if point not in highlights)
    if head_at is not None:
        block.claim_series_label(sheet, head_at, first)
    block.drop_outside(sheet, top, first, end, keep=stamp_at)
    furniture.drop_repeats(sheet, range(top, end + 1))
    furniture.drop_link_lists(sheet, first, end)
    furniture.drop_after_signoff(sheet, signoff)
    block.drop_company_boilerplate(sheet)
    block.trim_body(sheet)

    for i in list(sheet.open()):
        sheet.claim(i, "paragraph")
    body_lines = [i for i, kind in enumerate(sheet.kinds) if kind == "paragraph"]
    transcripts = [i for i in body_lines if furniture.caption_track(sheet.texts[i])]
    # a video's caption track beside the story's own paragraphs is none of them; alone,
    # or beside lines in capitals too (a post written in capitals), it is the page's text
    # (as a slideshow's captions are, above)
    if transcripts and any(
        not sheet.texts[i].isupper() for i in body_lines if i not in transcripts
    ):
        for i in transcripts:
            sheet.drop(i, "video_transcript")
        body_lines = [i for i in body_lines if i not in set(transcripts)]
    paragraphs = [slid.get(i, sheet.texts[i]) for i in body_lines]
    for k, i in enumerate(body_lines):
        trimmed = furniture.trim_paragraph(paragraphs[k])
        if trimmed != paragraphs[k]:
            paragraphs[k] = trimmed
            sheet.claim(i, "paragraph", "paragraph_furniture")
    for k in range(len(body_lines) - 1, 0, -1):  # a paragraph broken across two lines
        upper, lower = paragraphs[k - 1], paragraphs[k]
        between = sheet.kinds[body_lines[k - 1] + 1 : body_lines[k]]
        if (
            P.SPLIT_PARAGRAPH_END.search(upper)
            and P.SPLIT_PARAGRAPH_START.match(lower)
            and all(kind == "blank" for kind in between)
        ):
            space = "" if P.SPLIT_WORD_PIECE.match(lower) else " "
            paragraphs[k - 1] = upper + space + paragraphs.pop(k)
            sheet.claim(body_lines.pop(k), "paragraph", "split_paragraph")
    for k in reversed(furniture.retold_paragraphs(paragraphs)):  # printed twice
        paragraphs.pop(k)
        sheet.drop(body_lines.pop(k), "retold_paragraph")
    kept_captions = captions.unique(
        [c for i, c in _in_line_order(found_captions, galleries) if top <= i <= end]
        + [c for t in _strings(doc.meta_value("captions")) if (c := captions.markup_caption(t))]
    )
    # the lede: the body's first paragraph, past a caption track dropped above and a tweet
    # the story embeds over it
    lede = next((k for k, i in enumerate(body_lines) if sheet.rules[i] != "embedded_tweet"), 0)
    lede_at = body_lines[lede] if body_lines else first
    dateline_at = next((i for i in sorted(dateline_lines) if top <= i <= lede_at), None)
    dateline = dateline_lines[dateline_at] if dateline_at is not None else None
    openings = range(lede, min(lede + 1 + P.DATELINE_LATER_PARAGRAPHS, len(paragraphs)))
    placed = (
        next((f for k in openings if (f := block.place_line(sheet, body_lines[k], top))), None)
        if dateline_at is None
        else None
    )
    if placed:  # "BAAR, SWITZERLAND" over the lede, or under the summary that opens the body
        dateline_at, dateline = placed
        if dateline_at in body_lines:  # kept as a subhead there
            paragraphs.pop(body_lines.index(dateline_at))
            body_lines.remove(dateline_at)
        sheet.claim(dateline_at, "dateline", "place_line")
        lede_at = body_lines[lede]
    stamped = None  # "(09/15/16) - ...": the story's date stamped before its lede
    if paragraphs and (stamp := P.LEDE_STAMP.match(paragraphs[lede])):
        paragraphs[lede] = paragraphs[lede][stamp.end() :]
        stamped = fields.parse_date(stamp["date"]) if stamp["year"] else None
        sheet.claim(lede_at, "paragraph", "lede_stamp")
    opening = paragraphs[lede] if paragraphs else ""
    if dateline_at is not None:  # "GREENWOOD, SC (FOX Carolina) –" on its own line
        opening = f"{sheet.texts[dateline_at]} {opening}"
    station = fields.dateline_station(opening) if paragraphs else None
    dated = fields.dateline_date(opening) if paragraphs else None
    if paragraphs and not dateline:  # "(CBS/AP) ALBUQUERQUE, N.M. - Family and ..."
        dash = P.LOST_DATELINE.match(paragraphs[lede])  # "— The daughter of ...", "- LITTLE
        undashed = paragraphs[lede][dash.end() if dash else 0 :]  # ROCK, Ark. - A ..."
        credit, rest = fields.split_lede_credit(undashed)
        station = station or fields.credit_station(undashed)
        dateline, rest = fields.split_dateline(rest)
        if credit and not dateline and fields.bracketed_place(credit, rest):
            dateline = credit  # "(CAMPBELLSBURG) - Washington County police ..."
        if dateline or credit:
            paragraphs[lede] = rest
            sheet.claim(lede_at, "paragraph", "dateline" if dateline else "lede_credit")
        elif dash:
            paragraphs[lede] = rest
            sheet.claim(lede_at, "paragraph", "lost_dateline")
        else:  # under a summary or a quote that opens the body
            for k in range(lede + 1, min(lede + 1 + P.DATELINE_LATER_PARAGRAPHS, len(paragraphs))):
                later, rest = fields.split_dateline(paragraphs[k])
                datelined = P.DATELINE.match(paragraphs[k]) or P.MIXED_CASE_DATELINE.match(
                    paragraphs[k]
                )  # its place in capitals, or a station's credit in brackets after it
                if later and datelined and P.LATER_LEDE_OPENING.match(rest):
                    station = station or fields.dateline_station(paragraphs[k])
                    dateline, paragraphs[k] = later, rest
                    sheet.claim(body_lines[k], "paragraph", "dateline")
                    break

    if paragraphs and not dateline:  # "Monday, January 14, 2008 (Mumbai):" in the head
        head_dates = (sheet.texts[i] for i in range(top, lede_at) if sheet.kinds[i] == "date")
        dateline = next((p for t in head_dates if (p := fields.date_line_place(t))), None)

    kicker = next((t for t, k in zip(sheet.texts, sheet.kinds, strict=True) if k == "kicker"), None)
    kicker = (kicker or "").strip(P.LABEL_STARS) or label
    meta_title = _text(doc.meta_value("title"))
    page_title = page_title or (fields.log_title(sheet) if paragraphs else None)
    title = meta_title or page_title or fields.derive_title(paragraphs[lede] if paragraphs else "")
    meta_published = _text(doc.meta_value("published"))
    article = Article(
        source=doc.source,
        title=title,
        title_derived=not (meta_title or page_title),
        dek=_text(doc.meta_value("dek")) or dek,
        dateline=dateline,
        published=(fields.parse_date(meta_published) if meta_published else None)
        or fields.on_dateline_day(published, opening)
        or stamped
        or dated
        or fields.lede_date(paragraphs[lede] if paragraphs else "", reference),
        outlet=fields.registered_outlet(
            _text(doc.meta_value("outlet"))
            or fields.find_outlet(sheet, title, contributor_org, site, station, known),
            _text(doc.meta_value("url")),
            outlets,
        ),
        credits=_names(doc.meta_value("credits")) or credits,
        paragraphs=tuple(paragraphs),
        captions=kept_captions,
        highlights=highlights,
        tables=tables.kept_tables(sheet, found_tables),
        lines=sheet.verdicts(),
        url=_text(doc.meta_value("url")),
        encoding=doc.encoding,
        repairs=doc.repairs,
        kicker=kicker,
        addresses=fields.street_addresses(title, paragraphs),
    )
    return replace(
        article, tags=tuple(article_tags(article)), credited=tuple(article_credits(article))
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _in_line_order(
    found: dict[int, Caption], galleries: dict[int, tuple[Caption, ...]]
) -> list[tuple[int, Caption]]:
    """Each caption with its line, in the order of the lines (a gallery's in its own)."""
    pairs = [*found.items(), *((i, c) for i, group in galleries.items() for c in group)]
    return sorted(pairs, key=lambda pair: pair[0])


def _strings(value: object) -> tuple[str, ...]:
    """The texts of a tuple of them (an HTML page's <figcaption>s)."""
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, tuple) else ()


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(fields.split_names(value)) or (value,)
    if isinstance(value, tuple):
        return tuple(str(v) for v in value)
    return ()
