"""Passes that drop site furniture. Each drop records the rule's name."""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import pairwise

from . import fields
from . import patterns as P
from .block import headline_shaped
from .sheet import (
    Sheet,
    content_words,
    is_clip_link,
    is_prose,
    is_sentence,
    sentence_case,
    words,
)


def drop_line_furniture(sheet: Sheet) -> None:
    """Lines that are furniture on their own: breadcrumbs, counters, prompts, notices."""
    for i in list(sheet.open()):
        text = sheet.texts[i]
        key = P.folded(text)
        guarded = any(n in key for n in P.FURNITURE_NEEDS)
        rules = P.FURNITURE if guarded else P.FURNITURE_UNGUARDED
        rule = next((r for r in rules if r.search(text, key)), None)
        if rule is None and guarded:
            rule = _prompts_only(text)
        if rule is None or (
            rule.name == "pipe_menu"
            and (
                fields.parted_byline(text)
                or P.BAR_CREDIT_LINE.match(text)
                or (P.BYLINE_IN_TOOLS.search(text) and not any(map(is_prose, sheet.texts[:i])))
            )
        ):  # a byline stamp, a photo's credit in parts between bars or a byline after the
            continue  # page's tools above the story is no menu
        sheet.drop(i, rule.name)
        if rule.name == "signup":
            _drop_signup_blurb(sheet, i)


def drop_glued_cards(sheet: Sheet) -> None:
    """A promo card of the site printed as one line, its headline run into its blurb
    (P.CARD_GLUE, P.CARD_SMALL_WORDS). The page's first line is its own headline,
    whatever is run into it."""
    for i in list(sheet.open())[1:]:
        if _glued_card(sheet.texts[i]):
            sheet.drop(i, "glued_card")


def _glued_card(text: str) -> bool:
    tokens = text.split()
    head: list[str] = []
    for token in tokens:
        if not P.CARD_HEAD_WORD.match(token):
            break
        head.append(token)
        if P.CARD_GLUE.search(token):  # the blurb glued to the headline's last word
            break
    else:
        return False  # all capitalised: a headline or a name, no blurb
    if not P.CARD_GLUE.search(head[-1] if head else ""):
        following = tokens[len(head)]  # the first word in small letters
        if len(head) < 2 or head[-1] not in P.CARD_BLURB_OPENERS or not following[0].islower():
            return False
        head = head[:-1]  # the blurb's first sentence opens "The annual ...", "A look ..."
    return len(head) >= P.CARD_HEAD_MIN_WORDS and any(
        w in P.CARD_SMALL_WORDS or w.endswith(":") for w in head[1:-1]
    )  # "Best Fish Tacos In Malibu", "Jay Lloyd's Getaway: Holiday Getaway Caution"


def drop_rights_notices(sheet: Sheet) -> None:
    """A line that opens with the rights sign and is no photo's caption (captions run
    first) is a rights notice (P.RIGHTS_SIGN), however long its holder's address. It ends
    the story as a copyright line does (block.find_body), but names no outlet: its holder
    is a company ("© Future US, Inc. 11 West 42nd Street, ...")."""
    for i in list(sheet.open()):
        if P.RIGHTS_SIGN.match(sheet.texts[i]):
            sheet.drop(i, "rights_notice")


def drop_collapsed_captions(sheet: Sheet) -> None:
    """A caption cut short before its "... more" button, under the same caption in full
    and its "less" button: the widget's two states, one caption."""
    for i in list(sheet.open()):
        text = sheet.texts[i]  # most lines fail the cheap test; the pattern runs on few
        match = P.COLLAPSED_LINE.match(text) if text.endswith(" more") else None
        j = sheet.previous_open(i) if match else None
        if match and j is not None:
            full = sheet.texts[j]
            if P.CAPTION_LESS.search(full) and full.startswith(match["again"]):
                sheet.drop(i, "collapsed_caption")


def _prompts_only(text: str) -> P.Rule | None:
    """The rule of a line's first sentence when each of its sentences (two or more) is a
    prompt (P.PROMPT_RULES): to get the app, sign up, click, follow."""
    parts = P.SENTENCE_SPLIT.split(text)
    if len(parts) < 2:
        return None
    first = None
    for part in parts:  # most lines fail at their first sentence
        rule = next((r for r in P.PROMPT_RULES if r.search(part, P.folded(part))), None)
        if rule is None:
            return None
        first = first or rule
    return first


def _drop_signup_blurb(sheet: Sheet, i: int) -> None:
    j = sheet.next_open(i)
    if j is not None and words(sheet.texts[j]) <= 30 and P.SIGNUP_BLURB.search(sheet.texts[j]):
        sheet.drop(j, "signup")


def drop_teaser_boxes(sheet: Sheet) -> None:
    """A box of one other story inside the page: its label ("see also", P.LIST_LABELS),
    the story's headline and its blurb cut short with an ellipsis ("Two people in China
    have been diagnosed with the plague,..."); or the headline, the blurb cut after a small
    word with no mark ("... and have even died due to") and the box's "Read more" link
    under them. All three go (rule teaser_box)."""
    for label in [i for i in sheet.open() if P.LIST_LABELS.match(sheet.texts[i])]:
        title = sheet.next_open(label)
        blurb = sheet.next_open(title) if title is not None else None
        if (
            title is not None
            and blurb is not None
            and sheet.kinds[label] is None
            and headline_shaped(sheet.texts[title])
            and P.CUT_BLURB.search(sheet.texts[blurb])
        ):
            for i in (label, title, blurb):
                sheet.drop(i, "teaser_box")
    for more in [i for i in sheet.open() if P.READ_MORE_LABEL.match(sheet.texts[i])]:
        blurb = sheet.previous_open(more)  # the box's link under its headline and blurb,
        title = sheet.previous_open(blurb) if blurb is not None else None  # cut unmarked
        if (
            title is not None
            and blurb is not None
            and headline_shaped(sheet.texts[title])
            and P.CUT_UNMARKED.search(sheet.texts[blurb])
        ):
            for i in (title, blurb, more):
                sheet.drop(i, "teaser_box")


def drop_cut_blurbs(sheet: Sheet) -> None:
    """Blurbs of other stories the site cut short in mid-phrase, after a small word or a
    word's first letters ("... a hearing before the Senate Ways and...", "... against the
    Ha..."; P.CUT_MID_PHRASE): when the page prints P.CUT_BLURBS_MIN of them, each goes
    (rule cut_blurb). A writer trails off after a whole thought ("It was too much some
    days...")."""
    texts = sheet.texts
    cut = [
        i
        for i in sheet.open()
        if words(texts[i]) >= P.CUT_BLURB_MIN_WORDS and P.CUT_MID_PHRASE.search(texts[i])
    ]
    if len(cut) >= P.CUT_BLURBS_MIN:
        for i in cut:
            sheet.drop(i, "cut_blurb")


def drop_teasers(sheet: Sheet) -> None:
    """Teaser lists: a headline (with its byline and date) followed by one short summary paragraph,
    TEASER_MIN_PAIRS times in a row. An article's subheads head several paragraphs, and
    a list holding all of the page's prose is the article itself, not teasers of others."""
    lines = [i for i in sheet.open()]
    prose = sum(words(sheet.texts[i]) for i in lines if is_prose(sheet.texts[i]))
    runs: list[list[tuple[list[int], int]]] = [[]]
    k = 0
    while k < len(lines):
        heads: list[int] = []
        while (
            k < len(lines)
            and not is_prose(sheet.texts[lines[k]])
            and len(heads) < P.TEASER_MAX_HEADS
        ):
            heads.append(lines[k])
            k += 1
        headed = any(words(sheet.texts[i]) >= P.TEASER_HEAD_MIN_WORDS for i in heads)
        if headed and k < len(lines) and _teaser_summary(sheet, lines, k):
            runs[-1].append((heads, lines[k]))
            k += 1
            continue
        runs.append([])
        k += 0 if heads else 1
    for run in runs:
        summaries = sum(words(sheet.texts[summary]) for _heads, summary in run)
        if len(run) < P.TEASER_MIN_PAIRS or summaries >= prose:
            continue
        if _one_story(sheet, run):
            _drop_sidebar_heads(sheet, run)
            continue
        for heads, summary in run:
            for i in (*heads, summary):
                sheet.drop(i, "teaser_list")


def _drop_sidebar_heads(sheet: Sheet, run: list[tuple[list[int], int]]) -> None:
    """The sidebar's headlines printed between the story's paragraphs (_one_story), and
    its last one, over two or more of them: dropped; the story's own lines stay."""
    for heads, summary in run:
        for i in heads:
            if not _of_the_story(sheet, i, summary):
                sheet.drop(i, "teaser_list")
    last = sheet.next_open(run[-1][1])
    if last is None or is_prose(sheet.texts[last]):
        return
    below = sheet.next_open(last)
    if below is not None and is_prose(sheet.texts[below]) and not _of_the_story(sheet, last, below):
        sheet.drop(last, "teaser_list")


def _of_the_story(sheet: Sheet, i: int, paragraph: int) -> bool:
    """Line i, among the story's paragraphs, is the story's own: a short sentence of it
    ("The woman is expected to survive."), or its headline, which shares STORY_HEAD_WORDS
    with the paragraph under it (a sidebar's headline one at most: "2 Shot After Concert
    ..." over "Another woman was also shot five times ...")."""
    if _full_stop(sheet.texts[i]):
        return True
    shared = content_words(sheet.texts[i]) & content_words(sheet.texts[paragraph])
    return len(shared) >= P.STORY_HEAD_WORDS


def _one_story(sheet: Sheet, run: list[tuple[list[int], int]]) -> bool:
    """Teasers' summaries each tell another story; paragraphs that go on telling one
    (most next to each other share TEASER_SHARED_WORDS) are the page's own story, printed
    between a sidebar's headlines ("86 Sick, 7 Dead in Largest Outbreak of Legionnaires'
    in NYC", then "The four-months pregnant woman, 19, was standing in front of ...",
    another headline, "The pregnant woman was critically injured ..."): the headlines
    go, the paragraphs and the story's short sentences among them stay. Under a
    slideshow's counters ("Image 2 of 5") the lines are its captions, not the story."""
    if any(P.SLIDE_COUNTER_ALONE.match(sheet.texts[i]) for heads, _ in run for i in heads):
        return False
    found = [content_words(sheet.texts[summary]) for _heads, summary in run]
    shared = [len(a & b) >= P.TEASER_SHARED_WORDS for a, b in pairwise(found)]
    return sum(shared) * 2 > len(shared)


def drop_video_lists(sheet: Sheet) -> None:
    """Video playlists: lines in a row of a clip's length and title ("2:52 How can I be
    sure my ballot counts"), VIDEO_LIST_MIN or more of them not ending in a full stop (a
    time-stamped live blog's entries are sentences; a clip's blurb among titles is not
    one of them: "0:43 Lawyers contend ... They made this animation to prove it."); and
    the clip titles listed right under a video player's controls (rule video_embed),
    up to the first line of prose; and a clip's title over its caption (rule
    video_caption) between the story's paragraphs ("Child Shot, Wounded in Boston Area
    Playground" over "Boston Police say ... (Published Sunday, Oct. 9, 2016)")."""
    for player in [i for i, rule in enumerate(sheet.rules) if rule == "video_embed"]:
        j = sheet.next_open(player)
        while j is not None and not is_prose(sheet.texts[j]):
            sheet.drop(j, "video_list")
            j = sheet.next_open(j)
    for caption in [i for i, rule in enumerate(sheet.rules) if rule == "video_caption"]:
        title = sheet.previous_open(caption)
        above = sheet.previous_open(title) if title is not None else None
        if (
            title is not None
            and above is not None
            and is_prose(sheet.texts[above])
            and P.VIDEO_TITLE_MIN_WORDS <= words(sheet.texts[title]) <= P.VIDEO_TITLE_MAX_WORDS
            and not is_sentence(sheet.texts[title])
        ):
            sheet.drop(title, "video_title")
    run: list[int] = []
    for i in [*sheet.open(), None]:
        if i is not None and P.VIDEO_ITEM.match(sheet.texts[i]):
            run.append(i)
            continue
        titled = [k for k in run if not _full_stop(sheet.texts[k])]
        if len(titled) >= P.VIDEO_LIST_MIN:  # a clip's blurb among its titles is one too
            for k in run:
                sheet.drop(k, "video_list")
        run = []


def drop_advert_units(sheet: Sheet) -> None:
    """Text adverts under an ad label ("Sponsored Links"): a title, a blurb and the
    advertiser's web address, unit after unit. From the label to the last address, when
    an address comes at most AD_UNIT_LINES lines after the label or the address before,
    with no line longer than an ad's (AD_LINE_MAX_WORDS) before it; a label with no
    address under it drops nothing more than itself (the prose under an "Advertisement"
    slot is the article's)."""
    for label in [i for i in sheet.open() if P.AD_LABEL.match(sheet.texts[i])]:
        unit: list[int] = []
        advert: list[int] = []
        j = sheet.next_open(label)
        while j is not None and len(unit) < P.AD_UNIT_LINES:
            unit.append(j)
            if P.AD_ADDRESS.match(sheet.texts[j].strip()):
                advert += unit
                unit = []
            elif words(sheet.texts[j]) > P.AD_LINE_MAX_WORDS:
                break  # a paragraph: the story's, not an advert's
            j = sheet.next_open(j)
        if advert:
            for i in (label, *advert):
                sheet.drop(i, "advert_units")


def _full_stop(text: str) -> bool:
    return text.rstrip("\"'”’)").endswith(".") and not text.endswith("...")


def _teaser_summary(sheet: Sheet, lines: list[int], k: int) -> bool:
    text = sheet.texts[lines[k]]
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return (
        is_prose(text)
        and words(text) <= P.TEASER_MAX_WORDS
        and (nxt is None or not is_prose(sheet.texts[nxt]))
    )


def caption_track(text: str) -> bool:
    """A video's caption track scraped as a line: WebVTT's header, or a long run of
    capitals (a broadcast's closed captions), lower-case letters only in its speakers'
    labels ("Tom: THANK YOU, JOHN. NOW TO ..."; P.CAPTION_TRACK_CAPITALS)."""
    if P.TRANSCRIPT_LINE.match(text):
        return True
    if words(text) < P.CAPTION_TRACK_MIN_WORDS:
        return False
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) >= P.CAPTION_TRACK_CAPITALS * len(letters)


def drop_doubled_lists(sheet: Sheet) -> None:
    """A list of other stories whose every item is printed twice in a row, as a link and
    again as its summary (the same words, or the same after a station's credit: "A boy
    was hit by a car ..." over "(WMC) - A boy was hit by a car ... Police say ..."):
    DOUBLED_LIST_MIN_PAIRS such pairs one after another, both lines of each dropped. An
    article prints a line twice now and then (its headline, a caption), not item after
    item. The last pair, a summary over a station's credited lede, is the article's own
    head when no other such card follows the list: its lede stays, the summary goes."""
    lines = list(sheet.open())
    run: list[int] = []
    k = 0
    while k <= len(lines):
        if k + 1 < len(lines) and _doubled(sheet.texts[lines[k]], sheet.texts[lines[k + 1]]):
            run += lines[k : k + 2]
            k += 2
            continue
        if len(run) >= 2 * P.DOUBLED_LIST_MIN_PAIRS:
            if P.LEDE_CREDIT.match(sheet.texts[run[-1]]) and not _card(sheet, lines[k:]):
                sheet.drop(run[-2], "lede_summary")  # the article's summary over its lede
                run = run[:-2]
            for i in run:
                sheet.drop(i, "doubled_list")
        run = []
        k += 1


def _card(sheet: Sheet, below: list[int]) -> bool:
    """The lines `below` open with another story's card: a summary, then a lede that opens
    with a station's credit."""
    texts = [sheet.texts[i] for i in below[:2]]
    return (
        len(texts) == 2
        and not P.LEDE_CREDIT.match(texts[0])
        and bool(P.LEDE_CREDIT.match(texts[1]))
    )


def _doubled(line: str, below: str) -> bool:
    """`below` prints `line` again: the same words, or after a station's credit most of
    them (DOUBLED_SHARE) in as many words (the summary is cut short, the lede reworded)."""
    if words(line) < P.DOUBLED_ITEM_MIN_WORDS:
        return False
    if below == line:
        return True
    credit = P.LEDE_CREDIT.match(below)
    if credit is None:
        return False
    mine = P.WORD.findall(line.casefold())
    theirs = set(P.WORD.findall(below[credit.end() :].casefold())[: len(mine) + 2])
    return sum(w in theirs for w in mine) >= P.DOUBLED_SHARE * len(mine)


def retold_paragraphs(paragraphs: list[str]) -> list[int]:
    """The paragraphs that print an earlier one again, case and punctuation aside: its
    opening words alone (its first sentences: "Nearly 40 shell casings littered the
    pavement." under "Nearly 40 shell casings littered the pavement. Among the victims
    ..."), or its words but a few ("a kids' football game" printed again as "a kid's
    football game"), with a sentence's stop in it (a tweet signed after its text too),
    at least P.RETOLD_MIN_WORDS words long. Only paragraphs
    that open with the same few words are compared (P.RETOLD_OPENING_WORDS)."""
    retold: list[int] = []
    by_opening: dict[tuple[str, ...], list[list[str]]] = {}
    for k, text in enumerate(paragraphs):
        tokens = P.WORD.findall(text.casefold())
        if len(tokens) < P.RETOLD_MIN_WORDS:
            continue
        earlier = by_opening.setdefault(tuple(tokens[: P.RETOLD_OPENING_WORDS]), [])
        if (
            P.STOP_IN_LINE.search(text)  # a sentence in it, as a tweet's text has
            and any(  # (a list's items, with no stop, may read alike)
                other[: len(tokens)] == tokens or _adds_nothing(other, tokens) for other in earlier
            )
        ):
            retold.append(k)
        else:
            earlier.append(tokens)
    return retold


def _adds_nothing(earlier: list[str], later: list[str]) -> bool:
    """`later` is `earlier`'s words in order but a few small ones (P.RETOLD_SMALL_WORDS:
    "the" for "a") and another ending of a word ("kid's" for "kids'": the same
    P.RETOLD_STEM letters first), at most P.RETOLD_MAX_NEW_WORDS of them. "A 21-year-old was
    shot in the thighs" under "... in the buttocks" is another victim."""
    changed = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, earlier, later, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        old, new = earlier[i1:i2], later[j1:j2]
        changed += max(len(old), len(new))
        if op == "replace" and len(old) == len(new):
            if not all(_variant(a, b) for a, b in zip(old, new, strict=True)):
                return False
        elif not all(w in P.RETOLD_SMALL_WORDS for w in old + new):
            return False
    return changed <= P.RETOLD_MAX_NEW_WORDS


def _variant(a: str, b: str) -> bool:
    """Two words that differ only so a paragraph printed twice differs: small words, or
    one word's endings ("kids'", "kid's"; no number: "24" and "25" are two victims)."""
    if a in P.RETOLD_SMALL_WORDS and b in P.RETOLD_SMALL_WORDS:
        return True
    return (
        a[: P.RETOLD_STEM] == b[: P.RETOLD_STEM]
        and len(a) >= P.RETOLD_STEM
        and not any(c.isdigit() for c in a + b)
    )


def drop_repeats(sheet: Sheet, lines: range | None = None) -> None:
    """A line printed again (the headline twice, a caption twice) is dropped: right away
    when it repeats the line just above it; within `lines` (the article) wherever it is,
    the headline's own line included (a station's page prints its headline again among
    the paragraphs: "1 Dead, 3 Injured in Pompano Beach Armed Robbery Attempt: ..."), and
    so is the head's date line (printed again under the last paragraph).
    A line printed again right under it with a date stamp after it is another story's
    link, promoted with its date ("... What you need to know" over "... What you need to
    know Mar 27"): both go."""
    seen: dict[str, int] = {}
    if lines is not None:
        seen = {sheet.texts[i].casefold(): i for i in lines if sheet.kinds[i] in ("title", "date")}
    previous, above = None, -1
    for i in list(sheet.open()):
        key = sheet.texts[i].casefold()
        if lines is None:
            if key == previous:
                sheet.drop(i, "repeated_line")
            elif (
                previous
                and key.startswith(previous)
                and P.TEASER_DATE_TAIL.fullmatch(key[len(previous) :])
            ):
                sheet.drop(above, "dated_teaser")
                sheet.drop(i, "dated_teaser")
            previous, above = key, i
        elif i in lines:
            if key in seen:
                sheet.drop(i, "repeated_line")
            seen.setdefault(key, i)


def drop_video_carousels(sheet: Sheet) -> None:
    """A video player's carousel item, its title and summary run into one line with its
    button (P.VIDEO_CAROUSEL), is furniture wherever it stands."""
    for i in list(sheet.open()):
        if P.VIDEO_CAROUSEL.search(sheet.texts[i]):
            sheet.drop(i, "video_carousel")


def drop_link_lists(sheet: Sheet, first: int, last: int) -> None:
    """Inside the body: section labels and the link lists under them, runs of
    headline-shaped lines, and short labels that are not subheads."""
    in_list = False
    for i in [i for i in sheet.open() if first <= i <= last]:
        text = sheet.texts[i]
        if P.BARE_PHOTO_CREDIT.match(text):
            sheet.drop(i, "bare_photo_credit")
        elif _is_label(text) or P.LIST_LABELS.match(text):
            in_list = bool(P.LIST_LABELS.match(text))
            if in_list:
                sheet.drop(i, "list_label")
            elif _is_subhead(sheet, i):
                sheet.claim(i, "paragraph", "subhead")
            else:
                sheet.drop(i, "short_label")
        elif (
            in_list
            and not _running_text(text)
            and (P.LIST_ITEM.match(text) or not is_sentence(text))
        ):
            sheet.drop(i, "link_list")
        else:
            in_list = False
            if _shouted_link(sheet, i):
                sheet.drop(i, "shouted_link")
            elif _labelled_link(sheet, i):
                sheet.drop(i, "labelled_link")
            elif is_clip_link(text) and sheet.next_open(i) is not None:
                sheet.drop(i, "clip_link")
            elif _stray_headline(sheet, i):
                sheet.drop(i, "stray_headline")
    _drop_headline_runs(sheet, first, last)


def _is_label(text: str) -> bool:
    return words(text) <= P.LABEL_MAX_WORDS and not is_sentence(text)


def _between_paragraphs(sheet: Sheet, i: int) -> tuple[int, int] | None:
    """The open lines above and below line i, when both are prose: line i stands between
    two paragraphs."""
    before, after = sheet.previous_open(i), sheet.next_open(i)
    if before is None or after is None:
        return None
    prose = is_prose(sheet.texts[before]) and is_prose(sheet.texts[after])
    return (before, after) if prose else None


def _is_subhead(sheet: Sheet, i: int) -> bool:
    """A short line between two paragraphs heads a section of the article, in words (a
    number alone, "6", "100%", is a gallery's counter or a table's cell)."""
    return (
        not P.LIST_ITEM.match(sheet.texts[i])
        and P.HAS_LETTER.search(sheet.texts[i]) is not None
        and _between_paragraphs(sheet, i) is not None
    )


def _shouted_link(sheet: Sheet, i: int) -> bool:
    """A long headline in capitals between two paragraphs in lower case
    (P.SHOUTED_LINK_MIN_WORDS)."""
    text = sheet.texts[i]
    if not _shouted(text) or words(text) < P.SHOUTED_LINK_MIN_WORDS or is_sentence(text):
        return False
    around = _between_paragraphs(sheet, i)
    return around is not None and not any(_shouted(sheet.texts[k]) for k in around)


def _labelled_link(sheet: Sheet, i: int) -> bool:
    """A headline behind its label and a colon between two paragraphs (P.LABELLED_LINK)."""
    match = P.LABELLED_LINK.match(sheet.texts[i])
    headline = (match["headline"] or match["run"]) if match else ""
    return (
        match is not None
        and words(headline) >= P.LABELLED_LINK_MIN_WORDS
        and not is_sentence(sheet.texts[i])
        and not P.PICTURED.search(headline)  # a caption: "Loss: X, pictured, died ..."
        and (match["headline"] is not None or headline_shaped(headline))  # no colon: a
        and (  # headline ("Developing Storm ..."), beside one paragraph at least
            _between_paragraphs(sheet, i) is not None
            or (match["run"] is not None and _beside_prose(sheet, i))
        )
    )


def _beside_prose(sheet: Sheet, i: int) -> bool:
    """Line i stands beside a paragraph, above it or under it (a story's short last line,
    "The investigation is ongoing.", is no paragraph's length)."""
    near = (sheet.previous_open(i), sheet.next_open(i))
    return any(k is not None and is_prose(sheet.texts[k]) for k in near)


def _stray_headline(sheet: Sheet, i: int) -> bool:
    """A headline alone between two paragraphs, which neither of them takes up: a link to
    another story (P.STRAY_HEADLINE_WORDS)."""
    text = sheet.texts[i]
    low, high = P.STRAY_HEADLINE_WORDS
    if not low <= words(text) <= high or is_sentence(text) or P.STRAY_HEADLINE_NOT.search(text):
        return False
    bracketed = text.startswith("[") and text.endswith("]")
    if not bracketed and (
        P.FULL_CLAUSE.search(text) or P.LIST_ITEM.match(text) or P.TWO_NUMBERS.search(text)
    ):
        return False
    if P.LABELLED_POINTS_END.match(text) or P.DATE_HINT.search(text) or P.HAS_TIME.search(text):
        return False  # an update's stamp: "UPDATE @ 10 p.m. Jan. 8"
    around = _between_paragraphs(sheet, i)
    if around is None or sheet.texts[around[1]][:1].islower():
        return False  # a paragraph broken across lines: "... to be eligibl" / "e to go ..."
    own = content_words(text)
    return all(len(own & content_words(sheet.texts[k])) < P.STRAY_HEADLINE_SHARED for k in around)


def _shouted(text: str) -> bool:
    return text == text.upper() and text != text.lower()


def _drop_headline_runs(sheet: Sheet, first: int, last: int) -> None:
    """LINK_RUN_MIN or more consecutive lines with no sentence punctuation are a link list."""
    run: list[int] = []
    for i in [*[i for i in sheet.open() if first <= i <= last], None]:
        if (
            i is not None
            and _unpunctuated(sheet.texts[i])
            and (not run or _adjacent(sheet, run[-1], i))
        ):
            run.append(i)
            continue
        if len(run) >= P.LINK_RUN_MIN:
            for j in run:
                sheet.drop(j, "link_list")
        run = [i] if i is not None and _unpunctuated(sheet.texts[i]) else []


def _running_text(text: str) -> bool:
    """A long line with sentences inside is a paragraph, whatever its last character."""
    return words(text) >= P.RUNNING_TEXT_WORDS and bool(P.SENTENCE_BREAK.search(text))


def _unpunctuated(text: str) -> bool:
    """No sentence: not a line that ends in a full stop, that runs on (_running_text), or
    that announces what follows it ("The ... officer who discharged his weapon is:"); nor
    the rest of a sentence (_continued), as no headline is; nor a person's entry in a list
    of people, opening with the name and age ("Italo Pisciotti, 79 (building manager,
    killed in a hallway)": P.NAME_AND_AGE)."""
    announces = text.rstrip().endswith(":") and words(text) >= P.ANNOUNCED_CLAUSE_WORDS
    return not (
        is_sentence(text)
        or _running_text(text)
        or announces
        or _continued(text)
        or P.NAME_AND_AGE.match(text)
    )


def _continued(text: str) -> bool:
    """A line in sentence case that opens in lower case: the rest of a sentence or a
    timeline's entry ("the shift commander activated the Swat team"); not a name
    ("iPhone"), a web address or a widget's buttons ("of Autoplay Pause Show Thumbnails")."""
    if not text[:1].islower() or text[1:2].isupper() or P.WEB_ADDRESS_START.match(text):
        return False
    return words(text) >= P.CONTINUED_MIN_WORDS and sentence_case(text)


def _adjacent(sheet: Sheet, a: int, b: int) -> bool:
    """Nothing but blank, dropped and caption lines between a and b."""
    return all(sheet.kinds[k] in _TRANSPARENT for k in range(a + 1, b))


_TRANSPARENT = frozenset({"blank", "dropped", "caption", "caption_credit", "wire_caption"})


def drop_after_signoff(sheet: Sheet, signoff: int | None) -> None:
    """Nothing after the closing credit line ("X contributed to this report") is article text."""
    if signoff is None:
        return
    for i in list(sheet.open()):
        if i > signoff:
            sheet.drop(i, "after_signoff")


def trim_paragraph(text: str) -> str:
    """A paragraph without the furniture run into its line (P.PARAGRAPH_FURNITURE): an
    advert's label before it or between two of its sentences, a "Click here" link after
    it; and a newsroom's promise of more after its last sentence (P.GLUED_PROMISE_TAIL),
    unless it is a quote (a school's statement: "We will continue to update ...")."""
    tails = (P.GLUED_PROMISE_TAIL,) if text[:1] not in P.OPENING_QUOTES else ()
    for pattern in (*P.PARAGRAPH_FURNITURE, *tails):
        trimmed = pattern.sub("", text)
        if trimmed != text and words(trimmed) >= P.PARAGRAPH_MIN_WORDS:
            text = trimmed
    return text


def drop_headline_crumbs(sheet: Sheet, headline: str, lines: range) -> None:
    """A breadcrumb trail printed as words, ending in the page's own headline cut short
    ("Home Daily News Women gunned down at Delaware courthouse…"), in the first lines of
    the body: it leads to the page, it is not a paragraph of it."""
    for i in [i for i in sheet.open() if i in lines][: P.CRUMB_LINES]:
        match = P.HEADLINE_CRUMB.match(sheet.texts[i])
        trail = match["trail"].split() if match else []
        for k in range(min(P.CRUMB_SECTIONS, len(trail)) + 1):  # the sections, then the cut
            cut = " ".join(trail[k:])
            if words(cut) >= P.SITE_TITLE_MIN_WORDS and headline.startswith(cut):
                sheet.drop(i, "breadcrumb")
                break


def drop_headline_cards(sheet: Sheet) -> None:
    """The story's own card in the lines under the page's first line (its headline): the
    headline, its section's label and a summary run into one line ("5 adults injured in
    shooting ... News 5 adults injured in shooting ... Five people were injured ...",
    P.SECTION_AFTER_HEADLINE). The story prints its summary again as its lede under it."""
    lines = list(sheet.open())
    if not lines:
        return
    headline = sheet.texts[lines[0]]
    key = headline.casefold()
    for i in lines[1 : 1 + P.HEADLINE_CARD_LINES]:
        text = sheet.texts[i]
        if text.casefold().startswith(key) and P.SECTION_AFTER_HEADLINE.match(
            text[len(headline) :]
        ):
            sheet.drop(i, "headline_card")
