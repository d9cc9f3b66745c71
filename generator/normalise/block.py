"""Where the article is on the page: the body is the heaviest run of prose; the
headline is the headline-shaped line above it that the body talks about; a
comment thread starts at a marker and is never part of the body."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import fields
from . import patterns as P
from .sheet import Sheet, content_words, is_clip_link, is_prose, is_sentence, words

_NEUTRAL = frozenset(
    {"blank", "caption", "caption_credit", "wire_caption", "date", "credit", "dateline", "table"}
)
_HEAD_KINDS = frozenset({"title", "dek", "date", "credit", "kicker"})  # the head's lines
_FIELD_KINDS = frozenset({"date", "credit"})  # the lines a page prints between headline and body
# (a paragraph a pass claimed under the body: a republished text's note on its origin)
_TRAILER = frozenset(
    {"blank", "dropped", "caption", "caption_credit", "wire_caption", "credit", "paragraph"}
)
_KEPT_OUTSIDE = frozenset({"page_title", "about_the_author", "opening_sentence"})
_PAGE_HEADS = frozenset({"headline_over_points", "headline_opens_page"})  # split_head's
_SIGN_OFFS = frozenset(  # fields.find_credits
    {
        "contact_line",
        "contributed_line",
        "reporting_by",
        "signoff_line",
        "writer_note",
        "republished",
    }
)


def drop_comment_markers(sheet: Sheet) -> list[int]:
    """Mark comment-thread markers; they are walls the body never crosses. A comment's
    head ("Posted by X on <date>") marks one only under some prose: above all prose, it
    is the post's own byline."""
    walls, prose_above = [], False
    for i in list(sheet.open()):
        text = sheet.texts[i]
        if P.COMMENT_MARKER.match(text) or (prose_above and P.POSTED_BY_MARKER.match(text)):
            sheet.drop(i, "comment_thread")
            walls.append(i)
        prose_above = prose_above or is_prose(text)
    return walls


def find_body(sheet: Sheet, walls: list[int]) -> tuple[int, int] | None:
    """(first, last) line of the heaviest run of prose, or None when there is no prose.
    A comment thread runs from its marker to the end of the page, a copyright line
    ("© 2019 CBS Interactive Inc. All Rights Reserved.", "Copyright 2008 Courtesy of The
    Sports Network") ends the story, and so does the label of a list of other articles
    ("You may also like"): no run crosses any of them, and when an article's worth of
    prose stands above the first of them, the body is found there (the promotions under a
    footer may weigh more than a short story above it). The body goes on past a copyright
    line or a list label when the prose beyond tells the same story (_across)."""
    rights = {i for i, rule in enumerate(sheet.rules) if rule in ("copyright", "rights_notice")}
    lists = {i for i in sheet.open() if _list_label(sheet, i) or P.AUTHOR_BOX.match(sheet.texts[i])}
    blocked = set(walls) | rights | lists
    if blocked:
        above = _heaviest_run(sheet, blocked, min(blocked))
        if above is not None and above[0] >= P.BODY_ABOVE_COMMENTS_WORDS:
            return _to_toolbar(sheet, _across(sheet, above[1], rights, lists, blocked))
    found = _heaviest_run(sheet, blocked, len(sheet.texts))
    return _to_toolbar(sheet, _across(sheet, found[1], rights, lists, blocked)) if found else None


def _to_toolbar(sheet: Sheet, body: tuple[int, int]) -> tuple[int, int]:
    """The body up to a share or print toolbar inside it ("EMAIL STORY EASY PRINT SEARCH
    NEWSLETTER") when an article's worth of prose stands above it (BODY_ABOVE_COMMENTS_WORDS),
    the prose under it weighs at most half as much, and none of its lines shares
    TOOLBAR_SHARED_WORDS content words with the story above (a teaser, the site's blurb).
    Otherwise the story goes on under the share bar, however short its paragraphs."""
    first, last = body
    for bar in range(first + 1, last):
        if sheet.rules[bar] != "share_prompt":
            continue
        above, under = _prose_weight(sheet, first, bar - 1), _prose_weight(sheet, bar + 1, last)
        if 0 < 2 * under <= above and above >= P.BODY_ABOVE_COMMENTS_WORDS:
            story = _prose_words(sheet, first, bar - 1)
            if all(
                len(content_words(sheet.texts[i]) & story) < P.TOOLBAR_SHARED_WORDS
                for i in _prose_lines(sheet, bar + 1, last)
            ):
                return first, bar - 1
    return body


def _prose_weight(sheet: Sheet, first: int, last: int) -> int:
    return sum(words(sheet.texts[i]) for i in _prose_lines(sheet, first, last))


def standfirst_page(sheet: Sheet) -> tuple[int, int] | None:
    """(first, last) line of the text of a page that holds no prose (find_body found
    none) but a headline and a standfirst under it: the standfirst's lines, each of
    STANDFIRST_MIN_WORDS or more, at most STANDFIRST_PAGE_LINES of them. Date and credit
    lines may stand around them. A headline alone, or over a list of lines, is no
    article."""
    lines = [i for i in sheet.open() if not fields.is_field_line(sheet.texts[i])]
    if not 2 <= len(lines) <= 1 + P.STANDFIRST_PAGE_LINES:
        return None
    head, text = lines[0], lines[1:]
    if not headline_shaped(sheet.texts[head]):
        return None
    if any(words(sheet.texts[i]) < P.STANDFIRST_MIN_WORDS for i in text):
        return None
    for i in text:
        sheet.claim(i, "paragraph", "standfirst_page")
    return text[0], text[-1]


def drop_list_over_body(sheet: Sheet, first: int) -> None:
    """A list of other stories between the head and the body, under its label ("MORE
    STORIES LIKE THIS ONE", P.LIST_LABELS), each item a section, a title and a date with
    no prose among them: dropped (rule list_over_body), so that the headline above it is in
    reach and no item is taken for the head. The label nearest the body is the list's;
    without dates under it (a menu's label over the head) nothing goes."""
    items: list[int] = []
    for i in range(first - 1, max(first - 1 - P.LIST_OVER_BODY_MAX_LINES, -1), -1):
        kind, text = sheet.kinds[i], sheet.texts[i]
        if kind in ("blank", "dropped"):
            continue
        if kind is not None or is_prose(text) or is_sentence(text):
            return
        if P.LIST_LABELS.match(text):
            dated = sum(fields.looks_like_date(sheet.texts[k]) for k in items)
            titles = [k for k in items if headline_shaped(sheet.texts[k])]
            tags = [k for k in items if words(sheet.texts[k]) <= P.LIST_OVER_BODY_TAG_WORDS]
            if (  # a date under each item's title (a section's label over it); or titles
                dated >= P.LIST_OVER_BODY_MIN_ITEMS  # alone, a topic's tag perhaps over them
                and dated * P.LIST_OVER_BODY_ITEM_LINES >= len(items)
            ) or (
                len(titles) >= P.LIST_OVER_BODY_MIN_TITLES and len(titles) + len(tags) == len(items)
            ):
                for k in [i, *items]:
                    sheet.drop(k, "list_over_body")
            return
        items.append(i)


def _list_label(sheet: Sheet, i: int) -> bool:
    """The label of a list of other articles (LIST_LABELS, but INLINE_LIST_LABELS) with
    its list under it. A label right over prose has lost its list to the scraper, and the
    story often goes on under it."""
    text = sheet.texts[i]
    if not P.LIST_LABELS.match(text) or P.INLINE_LIST_LABELS.match(text):
        return False
    after = sheet.next_open(i)
    return after is not None and not is_prose(sheet.texts[after])


def _across(
    sheet: Sheet, body: tuple[int, int], rights: set[int], lists: set[int], blocked: set[int]
) -> tuple[int, int]:
    """The body joined with the prose beyond a rights line or list label right above or
    below it when the two tell one story (_same_story): a live page prints each update of
    a story with its own rights line, and a box of related links may stand between a
    story's first paragraphs and the rest."""
    first, last = body
    while True:
        below = _next_wall(sheet, last, 1, rights, lists)
        above = _next_wall(sheet, first, -1, rights, lists)
        if below is not None:
            end = min([b for b in blocked if b > below] + [len(sheet.texts)])
            run = _heaviest_run(sheet, blocked, end, start=below + 1)
            if run is not None and _same_story(sheet, run[1], (first, last)):
                last = run[1][1]
                continue
        if above is not None:
            start = max([b for b in blocked if b < above] + [-1]) + 1
            run = _heaviest_run(sheet, blocked, above, start=start)
            if run is not None and _same_story(sheet, run[1], (first, last)):
                first = run[1][0]
                continue
        return first, last


def _next_wall(sheet: Sheet, i: int, step: int, rights: set[int], lists: set[int]) -> int | None:
    """The rights line or list label next to line i in direction `step`, with only blank
    and dropped lines between them; above the body, also the lines of a label's list."""
    j = i + step
    listed = False  # passed lines that are not prose: a list's, if a label heads them
    while 0 <= j < len(sheet.texts):
        if j in lists:
            return j
        if j in rights:
            return None if listed else j
        if step < 0 and sheet.kinds[j] is None and not is_prose(sheet.texts[j]):
            listed = True
        elif sheet.kinds[j] not in ("blank", "dropped"):
            return None
        j += step
    return None


def _prose_words(sheet: Sheet, first: int, last: int) -> set[str]:
    return set().union(*(content_words(sheet.texts[i]) for i in _prose_lines(sheet, first, last)))


def _prose_lines(sheet: Sheet, first: int, last: int) -> list[int]:
    return [
        i for i in range(first, last + 1) if sheet.kinds[i] is None and is_prose(sheet.texts[i])
    ]


def _same_story(sheet: Sheet, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """The prose of two spans tells one story: at least half of the lines of prose of
    either tell the other's (_telling)."""
    return _telling(sheet, one, _prose_words(sheet, *other)) or _telling(
        sheet, other, _prose_words(sheet, *one)
    )


def _telling(sheet: Sheet, span: tuple[int, int], topic: set[str]) -> bool:
    """At least half of the span's lines of prose tell the story of `topic`: each shares
    RIGHTS_SHARED_WORDS or more content words with it, and RIGHTS_SHARED_SHARE of its own."""
    lines = _prose_lines(sheet, *span)
    telling = 0
    for i in lines:
        own = content_words(sheet.texts[i])
        shared = len(own & topic)
        telling += shared >= P.RIGHTS_SHARED_WORDS and shared >= P.RIGHTS_SHARED_SHARE * len(own)
    return telling > 0 and 2 * telling >= len(lines)


def _heaviest_run(
    sheet: Sheet, blocked: set[int], end: int, start: int = 0
) -> tuple[float, tuple[int, int]] | None:
    best, best_span = 0.0, None
    total = 0.0
    for i in range(start, end):
        if i in blocked:
            total, start = 0.0, i + 1
            continue
        total += _weight(sheet, i)
        if total <= 0:
            total, start = 0.0, i + 1
        elif total >= best:  # ties: the longer run
            best, best_span = total, (start, i)
    if best_span is None:
        return None
    first, last = best_span
    while first < last and _weight(sheet, first) <= 0:
        first += 1
    return best, (first, last)


def _weight(sheet: Sheet, i: int) -> float:
    kind = sheet.kinds[i]
    if sheet.rules[i] == "slash_credit":  # a caption printed as a paragraph would be, in
        return float(words(sheet.texts[i]))  # the run of prose: the run does not break there
    if kind in _NEUTRAL:
        return 0.0
    if kind == "dropped":
        return -P.DROPPED_LINE_COST
    text = sheet.texts[i]
    return float(words(text)) if is_prose(text) else -P.SHORT_LINE_COST


def skip_story_cards(sheet: Sheet, first: int, last: int) -> int:
    """The body's first line below the cards of the site's other stories that open it (a
    station's page: a summary printed twice in a row, its copy dropped as a repeat). When
    the body's first paragraph is such a card and STORY_CARDS_MIN of its first
    STORY_CARDS_WINDOW paragraphs are, they and the lines between them are dropped (rule
    story_card) and the body starts under the last. A story prints a line twice now and
    then, not its first one and another beside it."""
    lines = [i for i in range(first, last + 1) if sheet.kinds[i] is None]
    cards = [i for i in lines[: P.STORY_CARDS_WINDOW] if _printed_twice(sheet, i)]
    if len(cards) < P.STORY_CARDS_MIN or cards[0] != lines[0]:
        return first
    below = sheet.next_open(cards[-1])
    if below is None or below > last:
        return first  # nothing under the cards: they are all the page holds
    for i in lines:
        if i <= cards[-1]:
            sheet.drop(i, "story_card")
    return below


def skip_abstract(sheet: Sheet, first: int, last: int) -> int:
    """The body's first line when a station's story opens, a few lines into the body,
    with its bare lede credit ("(WMC-TV) - It has been almost two weeks ...", P.LEDE_CREDIT:
    the station alone in brackets, no place): the lines above it are the abstracts the
    page prints over the story (its own summary, its related stories'), dropped (rule
    abstract). A story opens with its credit; an update note above it is labelled
    ("UPDATE: ..."), and such a body is left as it is. When several lines there open with
    the credit, the abstracts' stories' ledes among them, the story's lede is the one
    closest to the page's title."""
    lines = [i for i in range(first, last + 1) if sheet.kinds[i] is None]
    credited = [i for i in lines[: P.ABSTRACT_MAX_LINES + 1] if P.LEDE_CREDIT.match(sheet.texts[i])]
    if not credited:
        return first
    # several: the related stories' ledes carry the credit too; the story's is the one
    # that shares most words with the page's first line (its title), the last on a tie
    top = content_words(sheet.top_text)
    lede = max(credited, key=lambda i: (len(content_words(sheet.texts[i]) & top), i))
    if lede == lines[0]:
        return first
    above = [i for i in lines if i < lede]
    if any(P.LABELLED_POINTS_END.match(sheet.texts[i]) for i in above):
        return first
    for i in above:
        sheet.drop(i, "abstract")
    return lede


def _printed_twice(sheet: Sheet, i: int) -> bool:
    """Line i is printed again right under it (the copy dropped as a repeat)."""
    j = sheet.nearest(i, 1)
    return (
        j is not None
        and sheet.rules[j] == "repeated_line"
        and sheet.casefolded[j] == sheet.casefolded[i]
    )


def split_head(sheet: Sheet, first: int, last: int) -> int:
    """The body's first line when the run of prose opens with the article's head: a
    headline-shaped line (or two) with a date or byline right under it, then the body.
    The date and byline stand between a headline and its story, never inside the story,
    nor at its top: a run that opens with a byline ("16th Jan 2008, 09:28am by Damien
    McFerran.", a blog's "On behalf of X posted in <category> on <date>.") starts at the
    first prose under it (a standfirst may stand between)."""
    text = sheet.texts[first]
    if fields.is_credit_line(text) or fields.dated_byline(text) or fields.posted_in(text):
        under = sheet.next_open(first)
        while under is not None and under < last and not is_prose(sheet.texts[under]):
            under = sheet.next_open(under)
        if under is not None and under <= last:
            return split_head(sheet, under, last)
    for k in range(first + 1, min(first + 1 + P.HEAD_IN_BODY_LINES, last)):
        kind = sheet.kinds[k]
        if kind not in _FIELD_KINDS and not (kind is None and fields.is_field_line(sheet.texts[k])):
            continue
        head = [i for i in range(first, k) if sheet.kinds[i] is None]
        shaped = head and all(headline_shaped(sheet.texts[i]) for i in head)
        if not shaped and not _dated_page_head(sheet, head, k) and not _summary(sheet, head, k):
            return first
        return _body_under(sheet, k, last, first)
    under = _under_summary_points(sheet, first, last)
    if under is None:
        under = _under_page_headline(sheet, first, last)
    return under if under is not None else _under_head_in_run(sheet, first, last)


def _summary(sheet: Sheet, head: list[int], under: int) -> bool:
    """The sentences between the headline and its date stamp (line `under`) sum the story
    up when the story under the stamp tells each again (P.SUMMARY_TOLD of its content
    words in its first P.SUMMARY_LINES lines): "Ten people are killed and about 50 hurt." /
    "U.S. Geological Survey puts the magnitude at 6.1." / "November 28, 2005" / "Ten people
    were killed and at least 50 injured when an earthquake ...". Several are the
    highlights (claimed as such); one is left for the standfirst. A page that dates its
    story under the lede has the lede there, and the story goes on from it."""
    if not P.SUMMARY_MIN_LINES <= len(head) <= P.SUMMARY_MAX_LINES:
        return False
    story: set[str] = set()
    below = sheet.next_open(under)
    for _ in range(P.SUMMARY_LINES):
        if below is None:
            break
        story |= content_words(sheet.texts[below])
        below = sheet.next_open(below)
    for i in head:
        text, own = sheet.texts[i], content_words(sheet.texts[i])
        if not is_sentence(text) or words(text) > P.DEK_MAX_WORDS or not own:
            return False
        if len(own & story) < P.SUMMARY_TOLD * len(own):
            return False
    if len(head) > 1:
        for i in head:
            sheet.claim(i, "highlight", "highlights")
    return True


def _dated_page_head(sheet: Sheet, head: list[int], under: int) -> bool:
    """The page opens with one line over a date line (line `under`): its headline (claimed
    as such), however it ends ("Esther Williams: ... Swimmer And Actress Dies Aged 91." over "07
    June 2013"); a date never stands between a story's first paragraph and the rest."""
    if not (
        len(head) == 1
        and _page_top(sheet, head[0])
        and (sheet.kinds[under] == "date" or fields.looks_like_date(sheet.texts[under]))
        and P.PAGE_HEADLINE_MIN_WORDS <= words(sheet.texts[head[0]]) <= P.TITLE_MAX_WORDS
    ):
        return False
    sheet.claim(head[0], "title", "headline_opens_page")
    return True


def _under_page_headline(sheet: Sheet, first: int, last: int) -> int | None:
    """The body's first line when the run of prose opens the page with its headline, ended
    as a sentence would be ("Man charged in shooting of boy, 3, in Clinton Twp.", "...:
    'Old Man Bill got shot!'"): a short line at the top of the page, written as headlines
    are, without an article or a form of "be" (P.FULL_CLAUSE), ending as headlines do
    (P.PAGE_HEADLINE_END), over a line of prose; or the page's title bar, the headline
    and the site's name after it, however it ends ("... Lee High School stu - WSFA.com
    Montgomery Alabama news."); or a line written as only headlines are: a question, a
    column's label in front, two or three short sentences (_headline_form,
    _short_sentences). It is claimed as the headline (rule headline_opens_page); else
    None."""
    text = sheet.texts[first]
    headline, site = fields.cut_site_name(text)  # a title bar: "<headline> - WSFA.com ..."
    title_bar = site is not None
    if not _page_top(sheet, first) or P.DATELINE.match(text) or text[:1] in P.OPENING_QUOTES:
        return None
    ended = bool(P.PAGE_HEADLINE_END.search(text)) and not P.FULL_CLAUSE.search(text)
    sized = P.PAGE_HEADLINE_MIN_WORDS <= words(headline) <= P.PAGE_HEADLINE_MAX_WORDS
    shaped = (sized and (title_bar or ended or _headline_form(text))) or _short_sentences(text)
    if not shaped and not P.PAGE_HEADLINE_MIN_WORDS <= words(text) <= P.TITLE_MAX_WORDS:
        return None
    below = sheet.next_open(first)  # under the head's date or byline ("UPDATE: 01-23-2017
    while below is not None and below < last and _head_field(sheet.texts[below]):  # 11:30am")
        below = sheet.next_open(below)
    if below is None or below > last or not is_prose(sheet.texts[below]):
        return None
    if not shaped and not _restated(text, sheet.texts[below]):
        return None
    sheet.claim(first, "title", "headline_opens_page")
    return below


def _restated(text: str, lede: str) -> bool:
    """A one-sentence line that the longer line under it tells again, most of its words
    with it (P.RESTATED_SHARE): a headline over its lede ("John Kerry denies ever having
    discussed Israeli strikes in Syria with Iran's foreign minister." over "John Kerry, a
    former secretary of state, said on Monday that he had never discussed ..."). A lede's
    next paragraph goes on from it; it does not say it again."""
    own = content_words(text)
    return (
        len(fields.sentences(text)) == 1
        and words(lede) > words(text)
        and len(own) >= P.RESTATED_MIN_WORDS
        and len(own & content_words(lede)) >= P.RESTATED_SHARE * len(own)
    )


def _head_field(text: str) -> bool:
    """A line of the head under its headline: a date or another field, or a bare name."""
    return fields.is_field_line(text) or fields.is_name(text)


def _headline_form(text: str) -> bool:
    """Written as only headlines are: a question, or behind a column's label
    (P.PAGE_HEADLINE_LABEL)."""
    return text.rstrip("\"'”’").endswith("?") or bool(P.PAGE_HEADLINE_LABEL.match(text))


def _short_sentences(text: str) -> bool:
    """Two or three short sentences, as a headline in parts is written ("Trump owns the
    shutdown. And he's OK with that."; P.PAGE_HEADLINE_SENTENCE_MAX_WORDS)."""
    parts = fields.sentences(text)
    return (
        2 <= len(parts) <= 3
        and words(text) <= P.PAGE_HEADLINE_MAX_WORDS_IN_SENTENCES
        and all(0 < words(part) <= P.PAGE_HEADLINE_SENTENCE_MAX_WORDS for part in parts)
    )


def _under_summary_points(sheet: Sheet, first: int, last: int) -> int | None:
    """The body's first line when the run of prose opens with the head's summary points
    printed without bullets (P.UNBULLETED_HIGHLIGHTS_MIN or more lines, none a sentence,
    each naming something the story below talks about), perhaps under the headline and
    over a caption, a date or a byline: the first sentence under them; else None. When
    the run is the page's first text, its first line is the headline, however long:
    it is claimed as such (rule headline_over_points) for find_headline; the points are
    claimed as the highlights."""
    opening: list[int] = []  # the open lines above the run's first sentence
    lede = None
    for i in range(first, last + 1):
        if sheet.kinds[i] is not None:
            continue
        if is_sentence(sheet.texts[i]):
            lede = i
            break
        if len(opening) > P.UNBULLETED_HIGHLIGHTS_MAX + 2:
            return None
        opening.append(i)
    if lede is None or not opening or not is_prose(sheet.texts[lede]):
        return None
    top = opening[0]
    headline = top if _page_top(sheet, top) and words(sheet.texts[top]) <= P.DEK_MAX_WORDS else None
    points = [k for k in opening[headline is not None :] if not _under_points(sheet, k)]
    if not P.UNBULLETED_HIGHLIGHTS_MIN <= len(points) <= P.UNBULLETED_HIGHLIGHTS_MAX or not all(
        _unbulleted_point(sheet.texts[k]) for k in points
    ):
        return None
    story = _prose_words(sheet, lede, last)
    if not all(content_words(sheet.texts[k]) & story for k in points):
        return None
    if headline is not None:
        sheet.claim(headline, "title", "headline_over_points")
    for k in points:
        sheet.claim(k, "highlight", "highlights")
    return lede


def _page_top(sheet: Sheet, i: int) -> bool:
    """Nothing but blank and dropped lines above line i."""
    return all(kind in ("blank", "dropped") for kind in sheet.kinds[:i])


def _under_head_in_run(sheet: Sheet, first: int, last: int) -> int:
    """The body's first line under a headline that stands over a byline or date a few
    lines into the run of prose (split_head's rule for a head under other prose on the page),
    else `first`."""
    prose = 1  # the run opens with prose
    for k in range(first + 1, min(first + P.HEAD_IN_RUN_LINES, last)):
        if sheet.kinds[k] is not None:
            continue
        if not fields.is_field_line(sheet.texts[k]):
            prose += is_prose(sheet.texts[k])
            continue
        head = sheet.previous_open(k)
        if head is None or head <= first or not headline_shaped(sheet.texts[head]):
            return first
        if prose - is_prose(sheet.texts[head]) > P.HEAD_IN_RUN_PROSE_LINES:
            return first
        return _body_under(sheet, k, last, first)
    return _head_after_furniture(sheet, first, last)


def _head_after_furniture(sheet: Sheet, first: int, last: int) -> int:
    """The body's first line under a headline with its byline or date that stands after a
    long stretch of short lines inside the run of prose (a teaser of another story, then
    a box of links and listings, then the article's own head), when the prose under the
    head weighs more than the prose above the stretch; else `first`."""
    short = 0  # open lines that are not prose, since the last line of prose
    for k in range(first + 1, last):
        if sheet.kinds[k] not in (None, "date", "credit"):
            continue
        text = sheet.texts[k]
        if sheet.kinds[k] is None and is_prose(text):
            short = 0
            continue
        short += 1
        field = sheet.kinds[k] is not None or fields.is_field_line(text)
        head = sheet.previous_open(k)
        if (
            field
            and short >= P.HEAD_AFTER_SHORT_LINES
            and head is not None
            and headline_shaped(sheet.texts[head])
        ):
            above = sum(_weight(sheet, i) for i in range(first, k))
            below = sum(_weight(sheet, i) for i in range(k + 1, last + 1))
            return _body_under(sheet, k, last, first) if below > above else first
    return first


def _body_under(sheet: Sheet, k: int, last: int, first: int) -> int:
    """The first line of prose under the head's field line `k`, else `first`."""
    return next((i for i in range(k + 1, last + 1) if _weight(sheet, i) > 0), first)


def extend_head(sheet: Sheet, top: int) -> int:
    """Dates and bylines printed right above the headline still belong to the article;
    so does a bare name beside such a date or credit line ("Tuesday 8 January 2008",
    "Sean Collins", headline): the byline of the headline-date-author block."""
    head = top
    for i in range(top - 1, max(-1, top - 1 - P.TAIL_WINDOW), -1):
        kind, text = sheet.kinds[i], sheet.texts[i]
        if kind in ("blank", "dropped"):
            continue
        if kind in ("kicker", "date"):  # the label over the headline, its date stamps
            head = i
            continue
        if kind is not None:
            break
        if (
            not fields.is_field_line(text)
            and not fields.linked_byline(text)
            and not (fields.is_name(text) and fields.beside_field_line(sheet, i))
        ):
            break
        head = i
    return head


def extend_closing_lines(sheet: Sheet, last: int) -> int:
    """The story's last lines under the body, past blank lines, up to the first that is
    none of them: short sentences that close it ("So, surely, will Verbeek.", "The motive
    is unclear at this time.", at most CLOSING_LINES_MAX), the rest of a quote left open
    above, however short its lines ('That's it. "'), a clause ending in a colon over a
    quote it announces ("... Reid told People she was a social drinker:" over '"No.'), and
    the turns of a transcript whose speakers the body's last lines name ('Dispatcher: "How
    old is he?"', 'Child: "No ma'am."').
    A sign-off credit, a date, the outlet's prompt or a list's label ends them. Returns
    the body's last line."""
    quoted, closers, announced = _quote_open(sheet, last), 0, False
    speakers = _speakers(sheet, last)
    while (i := sheet.nearest(last, 1)) is not None and sheet.kinds[i] is None:
        text = sheet.texts[i]
        if fields.is_field_line(text) or P.CONTRIBUTED.match(text) or P.REPORTING_BY.match(text):
            break  # a sign-off credit, read by the credit pass
        if fields.signoff_shaped(text) or P.CONTACT_LINE.match(text):
            break  # the writer's sign-off, note or contact, or the original's credit
        if P.PROMO_TAIL.match(text) or P.SOURCE_NOTE.match(text):
            break  # the outlet's prompt (trim_body), or where its facts came from
        if P.LIST_LABELS.match(text):
            break  # the label of a list of other stories ("More sport news...")
        opens_quote = announced and text[:1] in P.OPENING_QUOTES  # the quote announced above
        turn = P.SPEAKER_TURN.match(text)
        if (quoted or opens_quote) and _OPENS.match(text) and is_sentence(text):
            rule = "quoted_line"
        elif turn and turn["speaker"] in speakers:
            rule = "transcript_line"
        elif (
            _closing_line(text)
            and closers < P.CLOSING_LINES_MAX
            and not (closers and P.CUT_OFF.search(text))
        ):  # a teaser cut short under the closing line: "Test your sport knowledge and win..."
            rule, closers = "closing_line", closers + 1
        elif _quote_intro(sheet, i):
            rule = "quote_intro"
        else:
            break
        sheet.claim(i, "paragraph", rule)
        quoted, last, announced = _quote_state(text, quoted), i, rule == "quote_intro"
    return last


def _speakers(sheet: Sheet, last: int) -> set[str]:
    """The speakers whose turns (P.SPEAKER_TURN) the body's last lines print: a
    transcript's (QUOTE_LOOKBACK_LINES)."""
    found = set()
    for i in range(max(last - P.QUOTE_LOOKBACK_LINES, 0), last + 1):
        if sheet.kinds[i] in (None, "paragraph") and (turn := P.SPEAKER_TURN.match(sheet.texts[i])):
            found.add(turn["speaker"])
    return found


def _quote_open(sheet: Sheet, last: int) -> bool:
    """A quote opened in the body's last lines (QUOTE_LOOKBACK_LINES) is still open after
    line `last`: a speaker's words split one sentence to a line run on under it."""
    quoted = False
    for i in range(max(last - P.QUOTE_LOOKBACK_LINES, 0), last + 1):
        if sheet.kinds[i] in (None, "paragraph"):
            quoted = _quote_state(sheet.texts[i], quoted)
    return quoted


def _quote_state(text: str, quoted: bool) -> bool:
    """Whether a quote is open after `text`, given whether one was before it: a curly mark
    opens or closes, a straight one turns the state over."""
    for mark in P.QUOTE_MARK.findall(text):
        if mark == "“":
            quoted = True
        elif mark == "”":
            quoted = False
        else:
            quoted = not quoted
    return quoted


def _quote_intro(sheet: Sheet, i: int) -> bool:
    """Line i is a clause ending in a colon over a line that opens a quote: "In an
    interview, Reid told People she was no longer tempted:" over '"No.'."""
    below = sheet.nearest(i, 1)
    return (
        _list_intro(sheet.texts[i], P.ANNOUNCED_CLAUSE_WORDS)
        and below is not None
        and sheet.kinds[below] is None
        and sheet.texts[below][:1] in '"“'
    )


def extend_to_lede(sheet: Sheet, first: int) -> int:
    """The body's first line, moved up to a short lede that opens with its dateline right
    above the run of prose ("BRIDGEPORT - It was chaos."; P.LEDE_MIN_WORDS)."""
    above = sheet.previous_open(first)  # past blank and dropped lines only
    if above is None:
        return first
    text = sheet.texts[above]
    if _dashed_lede(sheet, above):
        sheet.claim(above, "paragraph", "dashed_lede")
        return above
    match = P.DATELINE.match(text)
    if match is None or not P.TWO_CAPITALS.search(match["place"]) or ":" in match[0]:
        return first  # "NOPD: Teen shot near parade route" is a headline that quotes
    rest = text[match.end() :]
    if not (is_sentence(rest) or (words(rest) >= P.LEDE_MIN_WORDS and not rest.endswith(":"))):
        return first
    sheet.claim(above, "paragraph", "short_lede")  # not a dangling line (trim_body)
    return above


def _dashed_lede(sheet: Sheet, i: int) -> bool:
    """Line i opens with the dash of a dateline the page left out, or before one ("- The
    Gwinnett County Police Department is investigating ...", "- LITTLE ROCK, Ark. - A
    two-year-old boy has died ..."; P.LOST_DATELINE), a sentence of prose: the lede, not a
    list's item, when no other line above it opens so."""
    text = sheet.texts[i]
    dash = P.LOST_DATELINE.match(text)
    above = sheet.previous_open(i)
    return (
        dash is not None
        and is_sentence(text)
        and is_prose(text[dash.end() :])
        and (above is None or not P.LOST_DATELINE.match(sheet.texts[above]))
    )


def _closing_line(text: str) -> bool:
    """A short sentence that can close a story: "So, surely, will Verbeek.", "Anyone with
    information is asked to call 305-471-TIPS"."""
    sentence = is_sentence(text) or bool(P.NUMBER_TO_CALL_END.search(text))
    closing = sentence and words(text) >= P.CLOSING_LINE_MIN_WORDS
    return closing and bool(_OPENS.match(text))


_OPENS = re.compile(r"^[\"“‘']?[A-Z]")


def claim_embedded_tweets(sheet: Sheet, first: int, last: int) -> int:
    """A tweet the article embeds, in the body or right under it, is part of it: its
    signature ("— Jane Roe (@janeroe) November 19, 2019") and the lines of its text above
    (TWEET_TEXT_LINES at most, whatever a furniture rule made of them) are kept as
    paragraphs where they stand; so is a tweet signed on its own line. Returns the body's
    last line, moved to a signature under it."""
    i, seen = first, 0
    while i < len(sheet.texts) and (i <= last or seen <= P.TAIL_WINDOW):
        if i > last and sheet.kinds[i] != "blank":
            seen += 1
        if sheet.kinds[i] in (None, "dropped") and P.SIGNED_TWEET.search(sheet.texts[i]):
            sheet.claim(i, "paragraph", "embedded_tweet")
            last, seen = max(last, i), 0
        elif sheet.kinds[i] in (None, "dropped") and P.TWEET_SIGNATURE.match(sheet.texts[i]):
            lines = [i]
            j = i - 1
            while j >= first and len(lines) <= P.TWEET_TEXT_LINES:
                kind = sheet.kinds[j]
                if kind == "blank":
                    j -= 1
                    continue
                if kind not in (None, "dropped"):
                    break  # a field (a date, a caption, a credit): the tweet starts under it
                lines.append(j)
                j -= 1
            for k in lines:
                sheet.claim(k, "paragraph", "embedded_tweet")
            last, seen = max(last, i), 0
        i += 1
    return last


def extend_announced_list(sheet: Sheet, first: int, last: int) -> int:
    """A line ending in a colon right after the body announces a list ("Tour dates:"): the
    lines under it that share one shape (a list marker, a number) are the article's too.
    The story may go on under its list ("No one was in custody."): prose right under the
    list that tells the body's story or closes it is the body's (_story_resumes), and may
    announce another list. Items with neither marker nor number ("Illegal Gun
    Possession") are a list only then, after an intro that is a clause ("... will be
    arraigned on the following charges:"). Returns the body's last line."""
    while True:
        intro = sheet.next_open(last)
        if intro is None or not _announces(sheet, last, intro):
            return last
        items, marked = _announced_items(sheet, intro)
        if len(items) < P.ANNOUNCED_LIST_MIN:
            return last
        resumed = _story_resumes(sheet, (first, last), items[-1])
        if not marked and (resumed is None or words(sheet.texts[intro]) < P.ANNOUNCED_CLAUSE_WORDS):
            return last
        for k in (intro, *items):
            sheet.claim(k, "paragraph", "announced_list")
        last = extend_closing_lines(sheet, items[-1] if resumed is None else resumed)


def claim_announced_lists(sheet: Sheet, first: int, last: int) -> None:
    """Inside the body, a paragraph that ends in a colon after a clause ("... received
    commendations for the following:") announces the lines of one shape under it: they
    are the article's list, not a run of links (furniture.drop_link_lists) or of dates.
    Items with a list marker or a number, and no sentence among them, need only a label
    over them ("Victims conditions:" over "Sex: M Race: B Age: 27 Condition: Deceased")."""
    for intro in range(first, last + 1):
        text = sheet.texts[intro]
        if sheet.kinds[intro] is None and _list_intro(text, P.ANNOUNCED_INTRO_MIN_WORDS):
            items, marked = _announced_items(sheet, intro)
            listed = marked and not any(is_sentence(sheet.texts[k]) for k in items)
            if len(items) >= P.ANNOUNCED_LIST_MIN and (
                listed or words(text) >= P.ANNOUNCED_CLAUSE_WORDS
            ):
                for k in (intro, *items):
                    sheet.claim(k, "paragraph", "announced_list")


def extend_over_announced_list(sheet: Sheet, first: int) -> int:
    """The body's first line, moved up over a list right above it that the lede above the
    list announces ("... released the names of the five people ... The names are:" over
    "Robert Lee Brown, 26 years-old", ...): the lede, its list and the prose under them are
    one story, though the list's short lines broke the run of prose (find_body)."""
    items: list[int] = []
    intro = sheet.previous_open(first)
    while intro is not None and not sheet.texts[intro].rstrip().endswith(":"):
        items.insert(0, intro)
        intro = sheet.previous_open(intro)
        if len(items) > P.ANNOUNCED_LIST_MAX:
            return first
    if (
        intro is None
        or len(items) < P.ANNOUNCED_LIST_MIN
        or not _list_intro(sheet.texts[intro], P.ANNOUNCED_CLAUSE_WORDS)
        or _announced_items(sheet, intro)[0][: len(items)] != items  # (it may read a line
    ):  # of the body as one more item: "... called 911 early on Friday.")
        return first
    for k in (intro, *items):
        sheet.claim(k, "paragraph", "announced_list")
    return intro


def _announced_items(sheet: Sheet, intro: int) -> tuple[list[int], bool]:
    """The lines of one shape under a list's intro (a list marker, a number, or neither),
    and whether they are marked (either)."""
    shape: tuple[bool, bool] | None = None
    items: list[int] = []
    i = intro + 1
    while i < len(sheet.texts) and len(items) < P.ANNOUNCED_LIST_MAX:
        kind, text = sheet.kinds[i], sheet.texts[i]
        if kind == "blank":
            i += 1
            continue
        if kind is not None or words(text) > P.ANNOUNCED_ITEM_MAX_WORDS:
            break
        marker = P.LIST_ITEM.match(text) or P.GLUED_LIST_ITEM.match(text)
        item_shape = (True, False) if marker else (False, bool(_DIGIT.search(text)))
        if shape is None:
            shape = item_shape
        if shape != (False, False):
            if item_shape != shape:
                break
        elif item_shape[0] or is_sentence(text):  # an unmarked list's items may hold a
            break  # number ("within 500 feet"); a sentence is the story going on under it
        items.append(i)
        i += 1
    return items, shape != (False, False)


def _story_resumes(sheet: Sheet, body: tuple[int, int], after: int) -> int | None:
    """The last line of the prose right under line `after` (blank and dropped lines
    between) when it tells the body's story; `after` itself when a short sentence that
    closes the story stands there; else None."""
    start = next(
        (
            j
            for j in range(after + 1, len(sheet.texts))
            if sheet.kinds[j] not in ("blank", "dropped")
        ),
        None,
    )
    if start is None or sheet.kinds[start] is not None:
        return None
    if not is_prose(sheet.texts[start]):  # a short sentence: `after`, for
        return after if _closing_line(sheet.texts[start]) else None  # extend_closing_lines
    end = start
    for j in range(start + 1, len(sheet.texts)):
        kind = sheet.kinds[j]
        if kind == "blank":
            continue
        if kind is not None or not is_prose(sheet.texts[j]):
            break
        end = j
    closes = start == end and _closing_line(sheet.texts[start])
    return end if closes or _same_story(sheet, (start, end), body) else None


_DIGIT = re.compile(r"\d")


def _announces(sheet: Sheet, last: int, intro: int) -> bool:
    text = sheet.texts[intro]
    between = all(  # furniture may stand between, but not a separator ("-----")
        sheet.kinds[k] == "blank" or (sheet.kinds[k] == "dropped" and sheet.rules[k] != "separator")
        for k in range(last + 1, intro)
    )
    return between and _list_intro(text, P.ANNOUNCED_INTRO_MIN_WORDS)


def _list_intro(text: str, min_words: int) -> bool:
    """A line of at least `min_words` words ending in a colon that announces a list, not
    the label of a list of links ("Related stories:", P.LIST_LABELS)."""
    return (
        text.rstrip().endswith(":") and words(text) >= min_words and not P.LIST_LABELS.match(text)
    )


def extend_tail(sheet: Sheet, last: int) -> int:
    """Captions, credits, dates and the copyright line right after the body still
    belong to the article (at most TAIL_WINDOW such lines that were not yet claimed).
    One copyright line is the article's: a second one is the site's footer."""
    end, budget, rights = last, P.TAIL_WINDOW, False
    for i in range(last + 1, len(sheet.texts)):
        kind, rule = sheet.kinds[i], sheet.rules[i]
        if kind == "blank" or (kind == "dropped" and rule != "copyright"):
            continue
        if kind in _TRAILER and kind != "dropped":
            end = i
            continue
        if budget == 0 or not (kind == "dropped" or fields.is_field_line(sheet.texts[i])):
            break
        if kind == "dropped":  # the copyright line: the agency's credit for the article
            if rights:
                break
            sheet.claim(i, "credit", "copyright_line")
            rights = True
        budget -= 1
        end = i
    return end


def claim_tag_lists(sheet: Sheet, first: int, end: int) -> int:
    """A tag list right above the body or right under the article's tail (blank and
    dropped lines aside) is the article's own: kept as its tags. Returns the new end."""
    above = _next_line(sheet, first, -1)
    if above is not None and _tag_list(sheet, above):
        sheet.claim(above, "tags", "tag_list")
    below = _next_line(sheet, end, 1)
    if below is not None and _tag_list(sheet, below):
        sheet.claim(below, "tags", "tag_list")
        return below
    return end


def _next_line(sheet: Sheet, i: int, step: int) -> int | None:
    """The nearest line from i in direction step that is neither blank nor dropped by a
    rule other than the tag rule."""
    j = i + step
    while 0 <= j < len(sheet.texts):
        if sheet.kinds[j] not in ("blank", "dropped") or sheet.rules[j] == "tags":
            return j
        j += step
    return None


def _tag_list(sheet: Sheet, i: int) -> bool:
    text = sheet.texts[i]
    if sheet.rules[i] != "tags" or not P.ARTICLE_TAGS.match(text):
        return False
    items = text.partition(":")[2]
    return "," in items or ";" in items or words(items) <= P.TAG_LIST_MAX_WORDS


def claim_rights_line(sheet: Sheet, first: int, end: int) -> None:
    """A copyright line printed right under a paragraph names who owns the text ("Copyright
    2008 The Associated Press. All rights reserved."): the article's rights credit, even
    where lines below it stretched the body run past it. Only the first: later ones are
    the site's own footer."""
    for i in range(first, end + 1):
        if sheet.rules[i] == "copyright_line":
            return
        if sheet.rules[i] == "copyright":
            if _under_paragraph(sheet, i):
                sheet.claim(i, "credit", "copyright_line")
            return


def _under_paragraph(sheet: Sheet, i: int) -> bool:
    """The line above is prose or the article's credit or caption (a sign-off, a date)."""
    above = sheet.nearest(i, -1)
    if above is None:
        return False
    if sheet.kinds[above] is None:
        return is_prose(sheet.texts[above])
    return sheet.kinds[above] in _ARTICLE_LINES


_ARTICLE_LINES = frozenset({"paragraph", "credit", "date", "caption", "caption_credit"})


def find_headline(sheet: Sheet, first: int, last: int) -> int | None:
    """The headline-shaped open line above the body that shares most words with the
    body's opening, or the photo captions between it and the body (or is repeated in a
    title bar), nearest first on ties."""
    lede = lede_words(sheet, first, last)
    pictured = _captions_above(sheet, first)
    best, best_score = None, 0.0
    headed: int | None = None
    for i in _lines_above(sheet, first, P.HEADLINE_WINDOW):
        text = sheet.texts[i]
        if sheet.rules[i] in _PAGE_HEADS:  # the page opens with its head (split_head)
            return i
        if sheet.rules[i] == "headline_stamps":  # the headline printed with its date stamps
            text = fields.stamp_head(text)
        elif sheet.kinds[i] is not None:
            continue
        if not headline_shaped(text) or _listed(sheet, i) or _among_names(sheet, i):
            continue
        if _fixture_label(text):
            continue  # the label over a sports report's headline (_top_of_headlines)
        own = content_words(text)
        shown = set().union(*(words for k, words in pictured if k > i))
        overlap = len(own & (lede | shown)) / len(own) if own else 0.0
        key = text.casefold()
        titlebar = (
            len(own) >= 2
            and any(  # (a menu's item, "- Sport", is no title bar)
                key in folded
                and P.BULLET.sub("", folded) != key
                and not is_prose(other)
                and rule != "breadcrumb"
                for other, folded, rule in zip(
                    sheet.texts[:i], sheet.casefolded, sheet.rules, strict=False
                )
            )
        )
        doubled = _printed_twice(sheet, i)
        between = range(i + 1, first)
        near = first - i <= P.HEADLINE_NEAR and not any(
            sheet.kinds[k] is None and is_prose(sheet.texts[k]) for k in between
        )
        # a headline stands over its byline or its highlights, or carries its date stamps
        bylined = (
            near and (_above_byline(sheet, i) or sheet.rules[i] == "headline_stamps")
        ) or _over_points(sheet, i, first, last)
        if headed is None and overlap > 0 and _head_block(sheet, i, first):
            headed = i
        score = (
            overlap
            + (0.5 if titlebar or doubled else 0.0)
            + (0.1 if near else 0.0)
            + (P.HEADLINE_BYLINE_BONUS if bylined else 0.0)
            - 0.005 * (first - i)
        )
        if score > best_score:
            best, best_score = i, score
    if best is None or best_score < P.HEADLINE_MIN_SCORE:
        return None
    if headed is not None and headed < best:
        best = headed  # the best line stands under the head's byline: it is the standfirst
    if (over := _over_linked_byline(sheet, best, lede)) is not None:
        best = over  # ... or under a byline with the link to the writer's stories
    # the headline printed again over the body (a gallery's title): the head is where it
    # stands over its byline
    key = sheet.casefolded[best]
    best = next(
        (
            k
            for k in _lines_above(sheet, best, P.HEADLINE_WINDOW)
            if sheet.kinds[k] is None and sheet.casefolded[k] == key and _above_byline(sheet, k)
        ),
        best,
    )
    below = sheet.next_open(best)
    if below is not None and below < first and _glued(sheet.texts[best], sheet.texts[below]):
        sheet.drop(best, "glued_headline")
        best = below
    elif below is not None and below < first and _scoreboard(sheet.texts[best], sheet.texts[below]):
        best = below  # the score over the game's story: the headline is the line under it
    return _top_of_headlines(sheet, best, lede | content_words(sheet.texts[best]))


def _over_linked_byline(sheet: Sheet, i: int, lede: set[str]) -> int | None:
    """The headline over line i when a byline with the link to the writer's other stories
    stands between them ("All-new 2020 Sentra is what we really want from Nissan PH" /
    "Marcus De GuzmanView More Articles" / line i): line i is the standfirst. The headline
    tells of the story too (a word of its own shared with line i or the lede)."""
    byline = sheet.previous_open(i)
    if byline is None or not fields.linked_byline(sheet.texts[byline]):
        return None
    top = sheet.previous_open(byline)
    if top is None or sheet.kinds[top] is not None or not headline_shaped(sheet.texts[top]):
        return None
    shared = content_words(sheet.texts[top]) & (lede | content_words(sheet.texts[i]))
    return top if shared else None


def page_title_line(sheet: Sheet, first: int, last: int) -> int | None:
    """When no headline stands near the body: the page's first line, the title a scraper
    saves at the top of a dump, if it reads as a headline and shares a word with the
    story (not only with its opening), or stands right above the body, furniture aside (a
    headline and a summary: "You Can Thank Trump For The White Nationalist Rampage", then
    one sentence that shares no word with it; a headline, a slideshow's controls, then
    its captions)."""
    top = next((i for i in range(first) if sheet.kinds[i] != "blank"), None)
    if top is None or sheet.kinds[top] is not None:
        return None
    text = sheet.texts[top]
    if not headline_shaped(text) or _tagline(fields.cut_site_name(text)[0]):
        return None
    if all(sheet.kinds[i] in ("blank", "dropped") for i in range(top + 1, first)):
        return top
    story = set().union(*(content_words(sheet.texts[i]) for i in range(first, last + 1)
                          if sheet.kinds[i] in (None, "paragraph")))  # fmt: skip
    return top if content_words(text) & story else None


def _tagline(text: str) -> bool:
    """A site's tagline of section names ("News, Sports, Jobs"), not a headline."""
    names = P.TAGLINE_SPLIT.split(text.strip(" .!"))
    return all(P.SECTION_NAME.fullmatch(name) for name in names)


def _lines_above(sheet: Sheet, first: int, count: int) -> list[int]:
    """The `count` lines above `first`, nearest first, not counting blank lines and those
    dropped already (a video playlist between headline and body does not push the
    headline out of reach)."""
    found: list[int] = []
    for i in range(first - 1, -1, -1):
        if len(found) >= count:
            break
        if sheet.kinds[i] not in ("blank", "dropped"):
            found.append(i)
    return found


def _glued(line: str, headline: str) -> bool:
    """`line` is `headline` with words glued in front: a breadcrumb or section label the
    scraper ran into it ("Home News Business News " + headline, "HomeSPORT NEWS" +
    headline)."""
    return (
        len(line) - len(headline) >= P.GLUED_PREFIX_MIN_CHARS
        and line.endswith(headline)
        and words(headline) >= P.GLUED_HEADLINE_MIN_WORDS
    )


def lede_words(sheet: Sheet, first: int, last: int) -> set[str]:
    """The content words of the body's opening (its first LEDE_LINES open prose lines)."""
    lede: set[str] = set()
    for i in range(first, min(last + 1, first + P.LEDE_LINES)):
        if sheet.kinds[i] is None and is_prose(sheet.texts[i]):
            # the dateline ("ABUJA (Reuters) -") names the agency, not the story
            lede |= content_words(fields.split_dateline(sheet.texts[i])[1])
    return lede


def _captions_above(sheet: Sheet, first: int) -> list[tuple[int, set[str]]]:
    """The photo captions in the HEADLINE_NEAR lines above the body, with their content
    words: the picture between headline and lede shows what the story is about when a
    feature's lede does not say it ("There was one shot ..." under "Residents say police
    response too slow", over a photo of residents talking about the shooting)."""
    return [
        (i, content_words(sheet.texts[i]))
        for i in range(max(first - P.HEADLINE_NEAR, 0), first)
        if sheet.kinds[i] == "caption"
    ]


def claim_highlights(sheet: Sheet, below: int, first: int, last: int) -> tuple[str, ...]:
    """The story's highlights: bulleted summary points right under line `below` (the
    headline or its dek) and above the body, perhaps under a label, each sharing a word
    with the lede. Returns their texts without the bullets."""
    glued = glued_highlights(sheet, range(below + 1, last + 1))
    if glued:
        return glued
    claimed = [k for k in range(below + 1, first) if sheet.rules[k] == "highlights"]
    if claimed:  # printed without bullets at the top of the run of prose (split_head), or
        return tuple(P.LIST_ITEM.sub("", sheet.texts[k]) for k in claimed)  # under a label
    lede = lede_words(sheet, first, last)
    label = sheet.next_open(below)
    start = label if label is not None and P.HIGHLIGHTS_LABEL.match(sheet.texts[label]) else below
    points = []
    i = sheet.next_open(start)
    while i is not None and i < first and _highlight(sheet.texts[i], lede):
        points.append(i)
        i = sheet.next_open(i)
    if len(points) < P.HIGHLIGHTS_MIN or not _adjacent_lines(sheet, below, points):
        points = unbulleted_highlights(sheet, below, first, last)
        if not points:
            return ()
    if start != below:
        sheet.claim(start, "highlight", "highlights_label")
    for k in points:
        sheet.claim(k, "highlight", "highlights")
    return tuple(P.LIST_ITEM.sub("", sheet.texts[k]) for k in points)


def claim_labelled_points(sheet: Sheet, first: int, last: int) -> tuple[int, tuple[str, ...]]:
    """The story's summary points under their label (P.HIGHLIGHTS_LABEL, "Key Points") at
    the top of the body (the label a few lines above `first`) or inside it: claimed as
    highlights. Returns the body's first line (past points that opened it) and the points
    without their bullets. A label with fewer than HIGHLIGHTS_MIN points under it is left,
    as is one above the body whose points do not run into it."""
    found: list[str] = []
    for i in range(max(first - P.DEK_SKIP_LINES, 0), last + 1):
        if sheet.kinds[i] not in (None, "dropped") or not P.HIGHLIGHTS_LABEL.match(sheet.texts[i]):
            continue
        points = _labelled_run(sheet, i, last)
        after = sheet.next_open(points[-1]) if points else None
        if len(points) < P.HIGHLIGHTS_MIN or (i < first and after is not None and after < first):
            continue  # above the body, the points run into it (a sidebar's stand apart)
        sheet.claim(i, "highlight", "highlights_label")
        for k in points:
            sheet.claim(k, "highlight", "highlights")
        found += [P.LIST_ITEM.sub("", sheet.texts[k]) for k in points]
        if points[0] <= first:
            first = sheet.next_open(points[-1]) or first
    return first, tuple(found)


def _labelled_run(sheet: Sheet, label: int, last: int) -> list[int]:
    """The points under a label: its bulleted lines (_highlight), or else short lines
    (P.LABELLED_POINT_WORDS) that no dateline opens, ended by an update's label or a
    longer line; at most UNBULLETED_HIGHLIGHTS_MAX. None when they run to the body's end:
    the story goes on under its points."""
    points: list[int] = []
    i = sheet.next_open(label)
    bulleted = i is not None and bool(P.LIST_ITEM.match(sheet.texts[i]))
    under = i  # the story's lede: the first line under the bullets
    while under is not None and P.LIST_ITEM.match(sheet.texts[under]):
        under = sheet.next_open(under)
    lede = lede_words(sheet, under, last) if bulleted and under is not None else set()
    while i is not None and i <= last:
        text = sheet.texts[i]
        if bulleted:  # each naming something the story talks about, as under a headline
            point = _highlight(text, lede)
        else:
            point = (
                words(text) in P.LABELLED_POINT_WORDS
                and not P.LABELLED_POINTS_END.match(text)
                and fields.split_dateline(text)[0] is None  # the lede is no point
            )
        if not point or text.endswith(":"):
            return points
        if len(points) == P.UNBULLETED_HIGHLIGHTS_MAX:
            return []
        points.append(i)
        i = sheet.next_open(i)
    return []


def glued_highlights(sheet: Sheet, lines: range) -> tuple[str, ...]:
    """The highlights that follow "Story Highlights" glued to a photo's caption among
    `lines` (rule caption_over_highlights): the rest of that line, then the points
    claim_glued_points claimed under it."""
    at = next((k for k in lines if sheet.rules[k] == "caption_over_highlights"), None)
    match = P.CAPTION_OVER_HIGHLIGHTS.match(sheet.texts[at]) if at is not None else None
    if at is None or match is None:
        return ()
    points = []
    for k in range(at + 1, lines.stop):
        if sheet.rules[k] == "highlights":
            points.append(sheet.texts[k])
        elif sheet.kinds[k] not in ("blank", "dropped"):
            break
    return (match["point"], *points)


def claim_glued_points(sheet: Sheet, at: int) -> None:
    """The lines right under a caption with "Story Highlights" glued on (line `at`) that
    are shaped as summary points are: the story's other highlights."""
    points = 0
    i = sheet.next_open(at)
    while (
        i is not None and points < P.UNBULLETED_HIGHLIGHTS_MAX and _unbulleted_point(sheet.texts[i])
    ):
        sheet.claim(i, "highlight", "highlights")
        points += 1
        i = sheet.next_open(i)


def unbulleted_highlights(sheet: Sheet, below: int, first: int, last: int) -> list[int]:
    """The lines of the story's highlights printed without bullets right under line
    `below` (P.UNBULLETED_HIGHLIGHTS_MIN or more, with nothing but blank and dropped lines
    between them), each naming something the story talks about; else []."""
    points = []
    i = sheet.next_open(below)
    while i is not None and i < first and _unbulleted_point(sheet.texts[i]):
        points.append(i)
        i = sheet.next_open(i)
    if len(points) < P.UNBULLETED_HIGHLIGHTS_MIN or any(
        sheet.kinds[k] not in ("blank", "dropped") and k not in points
        for k in range(below + 1, points[-1])
    ):
        return []
    if i is not None and i < first and not _under_points(sheet, i):
        return []  # a list's label ("see also"): the lines were a list of links
    story = _prose_words(sheet, first, last)
    return points if all(content_words(sheet.texts[k]) & story for k in points) else []


def _over_points(sheet: Sheet, i: int, first: int, last: int) -> bool:
    """Line i stands over the story's highlights printed without bullets."""
    below = sheet.next_open(i)
    return (
        below is not None
        and below < first
        and _unbulleted_point(sheet.texts[below])
        and bool(unbulleted_highlights(sheet, i, first, last))
    )


def _under_points(sheet: Sheet, i: int) -> bool:
    """Line i can stand between a head's highlights and its story: a photo's labelled
    caption, a date, a byline."""
    text = sheet.texts[i]
    return bool(P.CAPTION_LABEL.match(text)) or fields.is_field_line(text)


def _unbulleted_point(text: str) -> bool:
    return (
        not P.LIST_ITEM.match(text)
        and not is_sentence(text)
        and not P.CAPTION_LABEL.match(text)
        and not text.endswith(")")  # a caption's credit, a tweet's handle
        and P.HIGHLIGHT_MIN_WORDS <= words(text) <= P.DEK_MAX_WORDS
        and len(fields.sentences(text)) == 1
    )


def _highlight(text: str, lede: set[str]) -> bool:
    return (
        bool(P.LIST_ITEM.match(text))
        and P.HIGHLIGHT_MIN_WORDS <= words(text) <= P.DEK_MAX_WORDS
        and bool(content_words(text) & lede)
    )


def _adjacent_lines(sheet: Sheet, below: int, points: list[int]) -> bool:
    """Nothing but blank lines (and the label) between `below` and the last point."""
    return all(
        sheet.kinds[k] == "blank" or P.HIGHLIGHTS_LABEL.match(sheet.texts[k]) or k in points
        for k in range(below + 1, points[-1])
    )


def claim_result_lines(sheet: Sheet, head: int, first: int) -> tuple[str, ...]:
    """A game's result printed between its report's headline and the body ("Home Side
    312 & 240; Away Side 198 & 101") is a summary point of the story: kept among its
    highlights. Returns their texts."""
    found = []
    for i in range(head + 1, first):
        if sheet.kinds[i] is None and P.RESULT_LINE.match(sheet.texts[i]):
            sheet.claim(i, "highlight", "result_line")
            found.append(sheet.texts[i])
    return tuple(found)


def claim_series_label(sheet: Sheet, head: int, first: int) -> None:
    """A series' label between the headline and the body ("Special report: Tension
    escalates in Iraq") names the coverage the story belongs to: it is the kicker."""
    for i in range(head + 1, first):
        if sheet.kinds[i] is None and P.SERIES_LABEL.match(sheet.texts[i]):
            sheet.claim(i, "kicker", "series_label")
            return


def _above_byline(sheet: Sheet, i: int) -> bool:
    """The line stands right above the article's credit ("By X", an author, agency, staff
    or source credit), perhaps with date lines between: the headline-byline-date block."""
    j = sheet.next_open(i)
    for _ in range(P.BYLINE_BLOCK_LINES):
        if j is None:
            return False
        text = sheet.texts[j]
        if fields.is_credit_line(text) or fields.linked_byline(text):
            return True
        below = sheet.next_open(j)
        dated = below is not None and fields.looks_like_date(sheet.texts[below])
        if dated and fields.is_name(text):
            return True  # a name over a date: the byline of the head block
        if not fields.looks_like_date(text):
            return False
        j = below
    return False


# What stands between a headline and its sub-headline (_top_of_headlines): dates, bylines,
# datelines, a photo and its caption.
_SKIPPABLE = frozenset(
    {"blank", "date", "credit", "dateline", "caption", "caption_credit", "wire_caption"}
)


def _top_of_headlines(sheet: Sheet, best: int, topic: set[str]) -> int:
    """Headline and sub-headline often stand one above the other, with a date or byline
    between: the top one of such a run is the headline. A line above joins the run when
    it reads as a headline and shares a word with the story. A line that is the top one
    with words glued in front ("Home News Business News" + the headline: the scraper ran
    the breadcrumb into it) is that headline printed twice, and is dropped."""
    top = best
    j = top - 1
    while j >= 0:
        text = sheet.texts[j]
        if sheet.kinds[j] in _SKIPPABLE or (sheet.kinds[j] is None and fields.is_field_line(text)):
            j -= 1
            continue
        if sheet.kinds[j] is None and _glued(text, sheet.texts[top]):
            sheet.drop(j, "glued_headline")
            break
        if sheet.kinds[j] is not None or not headline_shaped(text, min_words=2):
            break
        if _listed(sheet, j):
            break  # the last item of a list of the section's stories
        if text.islower() and not sheet.texts[top].islower():
            break  # a menu item or a label ("film blog") over a headline set in capitals
        if _kicker(text, sheet.texts[top]) and _under_date(sheet, j) and not fields.is_name(text):
            sheet.claim(j, "kicker", "kicker")  # the head block opens with its date, a byline
            break  # may stand under it ("Tuesday 8 January 2008", "Sean Collins", headline)
        if not (content_words(text) & topic) or P.SCORE_LINE.search(text):
            break  # another story's line, or the scoreboard over a game's story
        if _kicker(text, sheet.texts[top]):
            sheet.claim(j, "kicker", "kicker")
            break
        if _fixture_label(text):
            sheet.claim(j, "kicker", "fixture_label")
            break
        top, j = j, j - 1
    return top


def _under_date(sheet: Sheet, i: int) -> bool:
    """The line right above line i (blank lines aside) is a date."""
    j = sheet.nearest(i, -1)
    return j is not None and (sheet.kinds[j] == "date" or fields.looks_like_date(sheet.texts[j]))


def _listed(sheet: Sheet, i: int) -> bool:
    """The line opens with a section's label ("Cricket: ...") that a headline-shaped open
    line above or below it opens with too: an item of a list of that section's stories.
    Not when one line begins with the other: that is the headline printed twice (once with
    its dek run into it)."""
    text = sheet.texts[i]
    label = P.SECTION_PREFIX.match(text)
    if label is None or P.TITLE_LABEL.match(text):  # "UPDATE: ..." is the headline's own
        return False
    key = label.group(1).casefold()

    def item(other: str) -> bool:
        if other.startswith(text) or text.startswith(other):
            return False
        match = P.SECTION_PREFIX.match(other)
        return match is not None and match.group(1).casefold() == key and headline_shaped(other)

    return _beside(sheet, i, item)


def _among_names(sheet: Sheet, i: int) -> bool:
    """The line is a person's name of a few words, and so is the open line above or below
    it: a list of names (a film's cast, a panel), not a headline. (A byline under the
    headline is the headline's own, and a title-case headline has more words.)"""
    return _short_name(sheet.texts[i]) and _beside(sheet, i, _short_name)


def _beside(sheet: Sheet, i: int, test: Callable[[str], bool]) -> bool:
    """`test` holds for the open line right above or right below line i."""
    return any(
        j is not None and test(sheet.texts[j]) for j in (sheet.previous_open(i), sheet.next_open(i))
    )


def _short_name(text: str) -> bool:
    return (
        words(text) <= P.NAME_LIST_MAX_WORDS
        and fields.is_name(text)
        and not fields.is_credit_line(text)
    )


def _scoreboard(line: str, below: str) -> bool:
    """`line` is a final score printed over a headline (`below`)."""
    return bool(P.SCORE_LINE.search(line)) and headline_shaped(below)


def _fixture_label(text: str) -> bool:
    """An event named by its comma-separated parts, the last a place's name ("Third Test,
    day two, Old Trafford"): a label over a sports report's headline, not a headline."""
    parts = P.FIXTURE_SPLIT.split(text.strip())
    return (
        len(parts) >= P.FIXTURE_MIN_PARTS
        and all(1 <= words(part) <= P.FIXTURE_PART_MAX_WORDS for part in parts)
        and all(word[:1].isupper() for word in parts[-1].split())
        and any(part[:1].islower() for part in parts[:-1])
    )


def _kicker(text: str, headline: str) -> bool:
    """A label above the headline, not a headline of its own: a few capitalised words
    ("Dubai Airshow", "BLACK DEATH FEARS") over a longer line in sentence case ("Emirates
    inks $9 billion order for 30 Boeing 787 jets"), joiners aside when the headline names
    the label again ("Dancing With the Stars" over "James Van Der Beek eliminated from
    'Dancing with the Stars' after ..."); or a label in sentence case ("ASU basketball")
    over a headline of at most KICKER_HEADLINE_MAX_WORDS."""
    names = P.KICKER_WORD.findall(text)
    capitalised = all(w[:1].isupper() or w.casefold() in P.KICKER_JOINERS for w in names)
    sentence_case = (
        bool(names) and names[0][:1].isupper() and words(headline) <= P.KICKER_HEADLINE_MAX_WORDS
    )
    named = capitalised and text.casefold() in headline.casefold()  # the topic, named again
    joiners = sum(w.casefold() in P.KICKER_JOINERS for w in names) if named else 0
    return (
        0 < words(text) - joiners <= P.KICKER_MAX_WORDS
        and words(headline) >= P.KICKER_HEADLINE_MIN_WORDS
        and not headline.isupper()
        and (capitalised or sentence_case)
    )


def headline_shaped(text: str, min_words: int = 3) -> bool:
    n = words(text)
    if P.LIST_ITEM.match(text) or P.WEB_ADDRESS.match(text) or P.READER_APPEAL.match(text):
        return False
    if not min_words <= n <= P.TITLE_MAX_WORDS:
        return False
    if fields.is_metadata_line(text) or P.BYLINE.match(text) or P.STAFF_LINE.match(text):
        return False
    if len(P.NOT_A_NAME.findall(text)) * 2 >= n:
        return False  # mostly interface words: "Email this article", "Read Comments"
    if n <= P.DATE_MAX_WORDS and P.DATE_HINT.search(text):
        return False
    if text.endswith(":"):
        return False  # it announces what follows ("Attention editors:", "Font size:")
    return not (text.endswith(".") and not text.endswith("..."))


def _head_block(sheet: Sheet, i: int, first: int) -> bool:
    """Line i stands over a byline (_above_byline), and below that, down to the body, are
    only the head's dates and credits, a toolbar's buttons (fields.is_button) and at most
    one headline-shaped line (the standfirst): i is the headline of that head block."""
    if not _above_byline(sheet, i):
        return False
    standfirsts = 0
    for k in range(i + 1, first):
        kind, text = sheet.kinds[k], sheet.texts[k]
        if kind in ("blank", "dropped", "date", "credit"):
            continue
        if kind is not None:
            return False
        if _head_field(text) or fields.is_button(text):
            continue
        if not headline_shaped(text) or is_prose(text):
            return False
        standfirsts += 1
    return standfirsts <= 1


def trim_body(sheet: Sheet) -> None:
    """The body starts and ends with prose: short lines left dangling at either end
    (once repeats and lists are gone) are not part of it, nor are the outlet's prompts
    after its last paragraph ("Keep checking NBC4i.com for real-time updates ...",
    "Follow us online at 14NEWS.com and on Twitter.", "Read or Share this story: ..."); a
    short sentence above those prompts (furniture aside) is the story's closing line. A
    line above a list the body announces (claim_announced_lists) is no dangling end."""
    body = list(sheet.open())
    listed = max((i for i, rule in enumerate(sheet.rules) if rule == "announced_list"), default=-1)
    prompted = False
    while body:
        text = sheet.texts[body[-1]]
        if (P.PROMO_TAIL.match(text) or is_clip_link(text)) and len(body) > 1:
            # (the only line is the article)
            sheet.drop(body.pop(), "promo_line")
            prompted = True
        elif is_prose(text) or _signed_off(sheet, body[-1]) or body[-1] < listed:
            break
        elif prompted and _closing_line(text):
            sheet.claim(body[-1], "paragraph", "closing_line")
            break
        else:
            sheet.drop(body.pop(), "outside_article")
    while body and not is_prose(sheet.texts[body[0]]):
        sheet.drop(body.pop(0), "outside_article")
    _drop_last_subheads(sheet)


def _drop_last_subheads(sheet: Sheet) -> None:
    """A section heading with no paragraph left under it ("Tips" over the site's help
    text, once that is dropped) heads nothing of the story."""
    for i in range(len(sheet.kinds) - 1, -1, -1):
        kind = sheet.kinds[i]
        if kind is None or (kind == "paragraph" and sheet.rules[i] != "subhead"):
            return
        if kind == "paragraph":
            sheet.drop(i, "outside_article")


def _signed_off(sheet: Sheet, i: int) -> bool:
    """Line i is a sentence right above the writer's sign-off (a contact or contributor
    line): the story's last, however short."""
    below = sheet.nearest(i, 1)
    return below is not None and sheet.rules[below] in _SIGN_OFFS and is_sentence(sheet.texts[i])


def drop_company_boilerplate(sheet: Sheet) -> None:
    """A press release ends with the company describing itself ("About Acme", "Acme is a
    leading provider of ...", "Acme is headquartered in ..."): not part of the news."""
    body = list(sheet.open())
    while body and P.COMPANY_BOILERPLATE.search(sheet.texts[body[-1]]):
        sheet.drop(body.pop(), "company_boilerplate")


def drop_outside(sheet: Sheet, top: int, first: int, end: int, keep: int | None = None) -> None:
    """Everything above the headline and below the article's tail is page furniture;
    between headline and body only fields (dek, byline, date, captions) stay. Line `keep`
    stays too (the date stamp under the tail the article's date was read from), and so
    does the box about the writer that fields.find_credits found a few lines under it."""
    for i in _opening_sentences(sheet, top, first):
        sheet.claim(i, "paragraph", "opening_sentence")
    for i, kind in enumerate(sheet.kinds):
        if kind in ("blank", "dropped") or sheet.rules[i] in _KEPT_OUTSIDE or i == keep:
            continue
        if i < top or i > end:
            sheet.drop(i, "outside_article")
        elif top < i < first and kind is None:
            sheet.drop(i, "before_article")


def _opening_sentences(sheet: Sheet, top: int, first: int) -> set[int]:
    """The story's short opening sentences, too short to weigh as prose, on lines of their
    own between its head and the body ("Pierre Thomas and Chris Ivory are out." / "DeShawn
    Wynn and Joique Bell are in." under the date): each a sentence, the run right above
    the body and right under a line of the head (headline, dek, byline, date) or at the
    top of the text ("Deep Throat is dead.", over the lede of a text with no headline).
    Within a run of them a sentence may be shorter still ("Can you believe it?" / "I
    can't."). A photo's caption or a prompt the furniture passes dropped may stand between
    the head and the run."""
    run: list[int] = []
    i = first - 1
    while i >= 0 and sheet.kinds[i] in (None, "blank"):
        if sheet.kinds[i] is None:
            if not _opening_sentence(sheet.texts[i], short=True):
                return set()
            run.append(i)
        i -= 1
    if not any(_opening_sentence(sheet.texts[k]) for k in run):
        return set()
    while i >= top and sheet.kinds[i] in ("blank", "dropped", "caption"):
        i -= 1
    return set(run) if i < 0 or (i >= top and sheet.kinds[i] in _HEAD_KINDS) else set()


def _opening_sentence(text: str, short: bool = False) -> bool:
    """A sentence of OPENING_SENTENCE_MIN_WORDS or more (or, `short`, of any length),
    fewer than a line of prose has, with words in small letters."""
    return (
        (short or words(text) >= P.OPENING_SENTENCE_MIN_WORDS)
        and words(text) < P.PROSE_MIN_WORDS
        and text.lstrip("\"“‘'")[:1].isupper()
        and is_sentence(text)
        and not text.endswith(("...", "…"))  # a headline cut short: a link
        and not P.LABEL_COLON.search(text)
        and len(P.SMALL_WORD.findall(text)) >= (0 if short else P.OPENING_SENTENCE_SMALL_WORDS)
    )


def place_line(sheet: Sheet, lede_at: int, top: int) -> tuple[int, str] | None:
    """The line right over the lede, past blank lines and inside the head, that is a
    dateline set apart with no dash (P.PLACE_LINE: "BAAR, SWITZERLAND"), and its place,
    when the lede opens with none of its own: a line the head's rules dropped, or a
    paragraph."""
    above = sheet.nearest(lede_at, -1)
    if above is None or above < top or sheet.kinds[above] not in (None, "dropped", "paragraph"):
        return None
    match = P.PLACE_LINE.match(sheet.texts[above])
    if match is None or fields.split_dateline(sheet.texts[lede_at])[0]:
        return None
    return above, match["place"]


def claim_dateline_lines(sheet: Sheet) -> dict[int, str]:
    """Datelines printed on their own line ("RENO, Nev. --", or behind a label: "Location:
    VANCOUVER, British Columbia"), by line index."""
    found = {}
    for i in list(sheet.open()):
        match = P.DATELINE_ONLY.match(sheet.texts[i]) or P.DATELINE_LABEL.match(sheet.texts[i])
        if match and P.TWO_CAPITALS.search(match["place"]):
            sheet.claim(i, "dateline", "dateline_line")
            found[i] = match["place"].strip(" ,")
    return found
