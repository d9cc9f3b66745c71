"""Photo captions in the three layouts scrapers leave behind:

1. credit on its own line under the caption ("Image: Reuters/KCNA");
2. credit glued to the caption ("Kim waves.Image: Reuters/Stringer");
3. a long agency (wire) caption, then the short caption, then the credit line;
and a wire caption alone, ending in its agency credit ("... (AP Photo/Name)")."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Caption
from . import block, fields
from . import patterns as P
from .sheet import Sheet, is_prose, is_sentence, sentence_case, words


def find_captions(sheet: Sheet) -> dict[int, Caption]:
    """Captions keyed by the index of their caption line."""
    found: dict[int, Caption] = {}
    for i in list(sheet.open()):
        if sheet.kinds[i] is not None:
            continue
        if (caption := _credit_line(sheet, i)) is not None:
            found[_caption_line(sheet, i)] = caption
        elif sheet.kinds[i] is not None:
            continue  # a gallery's link or controls, dropped
        elif (
            caption := _slide(sheet, i) or _one_line(sheet, i) or _gallery_widget(sheet, i)
        ) is not None:
            found[i] = caption
    for i in list(sheet.open()):
        caption = _lone_wire(sheet, i) or _agency_caption(sheet, i)
        if caption is not None:
            found[i] = caption
    found |= _labelled_captions(sheet)
    found |= _pictured_captions(sheet)
    found |= _photo_phrase_captions(sheet)
    _drop_slide_teasers(sheet, found)
    return found


def _photo_phrase_captions(sheet: Sheet) -> dict[int, Caption]:
    """A line that speaks of the photo beside it ("Photo from the scene of a child
    shooting in Augusta, Georgia.", "... is pictured in this photo provided to FOX Carolina
    by family."; P.PHOTO_PHRASE) is its caption: a story speaks of events, not of the page's
    pictures. Not a line of prose of a story's length."""
    found = {}
    for i in list(sheet.open()):
        text = sheet.texts[i]
        if words(text) <= P.CAPTION_MAX_WORDS and P.PHOTO_PHRASE.search(text):
            sheet.claim(i, "caption", "photo_phrase")
            found[i] = Caption(caption_text(text))
    return found


def _pictured_captions(sheet: Sheet) -> dict[int, Caption]:
    """A clause with no full stop at its end that says what the photo shows ("Loss: Logan
    Hinrichs, pictured, died from a gunshot wound on Saturday", "Michael, (left) 16,
    Connor, (back center) 14 ... were killed"; P.PICTURED) is a photo's caption, on any
    page: a story's sentences end with a stop, and its "below" announces with a colon.
    It stands among the story's paragraphs, a sentence above it: the headline and the
    summary points under it say what is pictured too."""
    found = {}
    for i in list(sheet.open()):
        text = sheet.texts[i]
        if (
            P.PICTURED.search(text)
            and _photo_clause(text)
            and not text.endswith(":")
            and _sentence(sheet, sheet.previous_open(i))
        ):
            sheet.claim(i, "caption", "pictured_caption")
            found[i] = Caption(text)
    return found


def glued_galleries(sheet: Sheet) -> dict[int, tuple[Caption, ...]]:
    """The captions of each gallery scraped as one line (P.GALLERY_BUTTONS_END: each
    caption after its photographer's credit, the gallery's buttons at the end), keyed by
    the line's index; the line is claimed as captions."""
    found: dict[int, tuple[Caption, ...]] = {}
    for i in list(sheet.open()):
        text = sheet.texts[i]
        end = P.GALLERY_BUTTONS_END.search(text)
        if end is None:
            continue
        starts = list(P.GALLERY_ITEM_CREDIT.finditer(text[: end.start()]))
        if not starts or starts[0].start() != 0:
            continue
        stops = [m.start() for m in starts[1:]] + [end.start()]
        items = [
            Caption(caption_text(text[m.end() : stop].strip()), normalise_credit(m["credit"]))
            for m, stop in zip(starts, stops, strict=True)
        ]
        if all(P.CAPTION_MIN_WORDS <= words(c.caption) <= P.LONG_CAPTION_MAX_WORDS for c in items):
            found[i] = tuple(items)
            sheet.claim(i, "caption", "glued_gallery")
    for i in list(sheet.open()):
        if glued := _glued_credited(sheet.texts[i]):
            found[i] = glued
            sheet.claim(i, "caption", "glued_captions")
    return found


def _glued_credited(text: str) -> tuple[Caption, ...] | None:
    """The captions of a line that runs several photos' captions together, each closed
    by its photographer's credit in brackets after its last sentence ("... at Harry Maze
    Playground in Brooklyn. (Todd Maisel/New York Daily News) Police are seen at the
    Brooklyn park ... (Todd Maisel/New York Daily News)"): two or more, different, each a
    caption's length, the line ending in the last credit."""
    if not text.endswith(")") or text.count("/") < 2:
        return None
    credits = list(P.BRACKETED_SLASH_CREDIT.finditer(text))
    if len(credits) < 2 or credits[-1].end() != len(text):
        return None
    items: list[Caption] = []
    start = 0
    for credit in credits:
        caption = text[start : credit.start()].strip()
        if not (
            P.SENTENCE_END.search(caption)
            and P.CAPTION_MIN_WORDS <= words(caption) <= P.CAPTION_MAX_WORDS
        ):
            return None
        items.append(Caption(caption_text(caption), normalise_credit(credit["credit"])))
        start = credit.end()
    if len({c.caption for c in items}) < len(items):
        return None  # one caption printed twice: a gallery's item (gallery_item, slides)
    return tuple(items)


def _labelled_captions(sheet: Sheet) -> dict[int, Caption]:
    """Captions printed with a label and no credit among the story's paragraphs (the Daily
    Mail's layout, P.LABELLED_CAPTION): runs of lines with no full stop, a sentence of
    prose right above or below each run. The page must print P.LABELLED_CAPTIONS_MIN
    captions after a label, written in full (P.FULL_CLAUSE). Then every line in such a
    run that has a label is a caption, and one without when it says what the photo shows
    (P.PICTURED) or when the run stands between two paragraphs. The page's first line is
    its headline, even one that opens with a label ("Pictured: The two ...")."""
    runs: list[tuple[list[int], bool]] = []  # a run, and whether prose is on both sides
    run: list[int] = []
    labelled: set[int] = set()
    before: int | None = None  # the line above the run
    for i, kind in enumerate([*sheet.kinds, None]):  # None: a line under the page's last
        if kind in ("blank", "dropped"):
            continue
        end = i == len(sheet.texts)
        if not end and before is not None and kind is None and _photo_clause(sheet.texts[i]):
            run.append(i)
            continue
        sides = _sentence(sheet, before), _sentence(sheet, None if end else i)
        labels = {k for k in run if _labelled(sheet.texts[k])} if any(sides) else set()
        if labels:
            runs.append((run, all(sides)))
            labelled |= labels
        run, before = [], i
    full = [k for k in labelled if _labelled(sheet.texts[k], P.FULL_CLAUSE)]
    if len(full) < P.LABELLED_CAPTIONS_MIN:
        return {}
    found = {}
    for r, between in runs:
        for k in r:
            text = sheet.texts[k]
            if k in labelled or P.PICTURED.search(text) or between:
                sheet.claim(k, "caption", "labelled_caption")
                found[k] = Caption(text)
    return found


def _photo_clause(text: str) -> bool:
    """A clause that could say what a photo shows: long enough, in sentence case, with no
    full stop at its end."""
    if is_sentence(text) or not P.LABELLED_CAPTION_MIN_WORDS <= words(text) <= P.CAPTION_MAX_WORDS:
        return False
    return sentence_case(text)


def _labelled(text: str, written: re.Pattern[str] | None = None) -> bool:
    """A caption after its label (P.LABELLED_CAPTION), its words matching `written` if
    given; not an update's or a date's label, nor a form's fields ("Sex: M Race: B Age:
    24"), nor a tweet ("... (@handle) ...")."""
    match = P.LABELLED_CAPTION.match(text)
    return (
        match is not None
        and words(match["caption"]) >= P.LABELLED_CAPTION_MIN_WORDS
        and (written is None or bool(written.search(match["caption"])))
        and not P.CAPTION_LABEL.match(match["caption"])
        and not P.TITLE_LABEL.match(text)
        and not fields.is_field_line(text)
        and "(@" not in text
    )


def _sentence(sheet: Sheet, i: int | None) -> bool:
    return (
        i is not None
        and sheet.kinds[i] is None
        and is_prose(sheet.texts[i])
        and is_sentence(sheet.texts[i])
    )


def _slide(sheet: Sheet, i: int) -> Caption | None:
    """A slideshow's photo on a line of its own, its counter first: "Image 2 of 40 <caption>
    [<caption> again] [Photo: <credit>]", or its credit on the line under it."""
    text = sheet.texts[i]
    if not P.SLIDE_LINE.match(text):
        return None
    caption = _slide_caption(text)
    if caption is None:
        return None
    sheet.claim(i, "caption", "slide_caption")
    below = sheet.next_open(i)
    credit = _line_credit(sheet.texts[below]) if below is not None else None
    if below is None or caption.credit is not None or credit is None:
        return caption
    sheet.claim(below, "caption_credit", "credit_line")
    return Caption(caption.caption, credit)


def _slide_caption(text: str) -> Caption | None:
    """The caption of a slideshow's line: the counter cut, a caption printed twice kept
    once, the credit after "Photo:" split off."""
    caption, *credit = P.CREDIT_AGAIN.split(caption_text(text), maxsplit=1)
    caption = _once(caption.strip())
    if not caption:
        return None
    by = credit[0].strip() if credit else ""
    return Caption(caption, normalise_credit(by) if by and _looks_like_credit(by) else None)


def _once(caption: str) -> str:
    """A caption that a widget printed twice in a row, once."""
    half = len(caption) // 2
    return caption[:half].strip() if caption[:half].strip() == caption[half:].strip() else caption


def _drop_slide_teasers(sheet: Sheet, found: dict[int, Caption]) -> None:
    """A slideshow prints each caption again under it, its first words cut off ("David
    Conley, who is accused of killing six children and two...") or whole when short:
    dropped."""
    slides = {c.caption for i, c in found.items() if sheet.rules[i] == "slide_caption"}
    if not slides:
        return
    for i in list(sheet.open()):
        text = sheet.texts[i]
        start = P.CUT_OFF.sub("", text)
        if text in slides or (start != text and start and any(s.startswith(start) for s in slides)):
            sheet.drop(i, "slide_teaser")


def _caption_line(sheet: Sheet, credit: int) -> int:
    return max(j for j in range(credit) if sheet.kinds[j] == "caption")


def _credit_line(sheet: Sheet, i: int) -> Caption | None:
    if _gallery_link(sheet.texts[i]):
        sheet.drop(i, "gallery_link")
        return None
    if P.GALLERY_CONTROLS.match(sheet.texts[i]):  # not the credit of the line above it
        sheet.drop(i, "photo_widget")
        return None
    credit = _line_credit(sheet.texts[i])
    placed = True  # the line above may be the caption
    if credit is None and (parted := _parted_credit_line(sheet.texts[i])):
        above = sheet.previous_open(i)  # a credit alone under a sentence
        if above is not None and P.SENTENCE_END.search(sheet.texts[above]):
            credit = parted
            # between bars a credit stands under its caption (CNBC's layout); with slashes
            # also under a paragraph, beside a photo that has none (the Daily News's)
            placed = "|" in credit or bool(P.CAPTION_POSITION.search(sheet.texts[above]))
    if credit is None:
        return None
    j = sheet.previous_open(i)
    sold = P.NAMES_PICTURE_AGENCY.search(credit)  # an agency's captions run long
    longest = P.LONG_CAPTION_MAX_WORDS if sold else P.CAPTION_MAX_WORDS
    if j is None or not placed or words(sheet.texts[j]) > longest or _page_headline(sheet, j):
        sheet.claim(i, "caption_credit", "credit_without_caption")
        return None
    sheet.claim(i, "caption_credit", "credit_line")
    sheet.claim(j, "caption", "credit_line")
    wire = None
    k = sheet.previous_open(j)
    if k is not None and _wire_credit(sheet.texts[k]):
        wire = wire_text(sheet.texts[k])
        sheet.claim(k, "wire_caption", "wire_credit")
    return Caption(caption_text(sheet.texts[j]), credit, wire)


def _page_headline(sheet: Sheet, j: int) -> bool:
    """Line j opens the page with no sentence's stop in it: the headline, over its photo's
    credit ("2-year-old killed in overnight Little Rock shooting" over "CREDIT: Little Rock
    Police Department"), not that photo's caption."""
    return sheet.previous_open(j) is None and not P.STOP_IN_LINE.search(sheet.texts[j])


def _parted_credit_line(text: str) -> str | None:
    """The credit a credit in parts alone on its line gives, with slashes ("(Richard
    Lam/Canadian Press)") or bars ("Jane Roe | AFP | Getty Images"): a short line, the
    only ones the slash pattern's look-ahead is run on."""
    if len(text) > P.SLASH_CREDIT_LINE_MAX_CHARS:
        return None
    if "|" in text and (barred := P.BAR_CREDIT_LINE.match(text)):
        return barred["credit"]
    if "/" not in text:
        return None
    match = P.SLASH_CREDIT_LINE.match(text)
    return normalise_credit(match["credit"]) if match else None


def _line_credit(text: str) -> str | None:
    """The credit a photo's credit line gives ("Photo: Jane Roe / Harbour Chronicle")."""
    match = P.CREDIT_LINE.match(text)
    if match is None or not _looks_like_credit(match["credit"]):
        return None
    return normalise_credit(match["credit"])


# Captions that carry their credit on the same line, each layout with a cheap test that
# must hold before its (slower) pattern is tried, and whether the credit must look like a
# person's or an agency's name (the bracketed layouts name their agency in the pattern).
_ONE_LINE: tuple[tuple[str, re.Pattern[str], Callable[[str], bool], bool], ...] = (
    ("glued_credit", P.GLUED_CREDIT, lambda text: ":" in text, True),
    ("bracket_credit", P.BRACKET_CREDIT, lambda text: text.endswith("]"), False),
    ("photo_by_credit", P.PHOTO_BY_CREDIT, lambda text: text.endswith(")"), False),
    ("glued_photo_by", P.GLUED_PHOTO_BY, lambda text: " by " in text.lower(), True),
    ("credit_first", P.CREDIT_FIRST, lambda text: text.startswith("("), False),
    (
        "rights_first",
        P.RIGHTS_FIRST_CAPTION,
        lambda text: text.startswith("©") and sentence_case(text),
        False,
    ),
    ("rights_end", P.RIGHTS_END_CAPTION, lambda text: "©" in text[-60:], False),
    (
        "slash_credit_first",
        P.SLASH_CREDIT_FIRST,
        lambda text: (
            ("/" in (head := text[: P.CREDIT_FIRST_SLASH_WITHIN]) or " for " in head)
            and sentence_case(text)
        ),
        False,
    ),
    (
        "staff_credit_end",
        P.STAFF_CREDIT_END,
        lambda text: text.endswith(P.STAFF_CREDIT_WORDS),
        False,
    ),
    (
        "slash_credit_end",
        P.SLASH_CREDIT_END,
        lambda text: "/" in text[-P.CREDIT_FIRST_SLASH_WITHIN :] and sentence_case(text),
        False,
    ),
    ("paren_photo_credit", P.PAREN_PHOTO_CREDIT, lambda text: text.endswith(")"), False),
    ("call_sign_credit", P.CALL_SIGN_CREDIT, lambda text: text.endswith(")"), False),
    ("photo_source_credit", P.PHOTO_SOURCE_CREDIT, lambda text: text.endswith(")"), False),
    ("slash_credit", P.SLASH_CREDIT, lambda text: text.endswith(")") and "/" in text, False),
    ("bar_slash_credit", P.BAR_SLASH_CREDIT, lambda text: "|" in text and "/" in text, False),
    (
        "caption_over_highlights",
        P.CAPTION_OVER_HIGHLIGHTS,
        lambda text: "story highlights" in text.casefold(),
        False,
    ),
    ("photo_taken", P.PHOTO_TAKEN, lambda text: "taken" in text, False),
    (
        "control_before_caption",
        P.CONTROL_BEFORE_CAPTION,
        lambda text: "photo" in text.lower(),
        True,
    ),
    (
        "gallery_control_credit",
        P.GALLERY_CONTROL_CREDIT,
        lambda text: any(n in text.lower() for n in P.GALLERY_CONTROL_NEEDS),
        True,
    ),
    ("caption_label", P.CAPTION_WORD_LABEL, lambda text: "aption" in text[:16], False),
    ("buy_photo", P.BUY_PHOTO_CAPTION, lambda text: text.lower().endswith("buy photo"), False),
)


def _one_line(sheet: Sheet, i: int) -> Caption | None:
    """The caption of line i when it carries its credit itself, in the first layout that fits."""
    item = gallery_item(sheet.texts[i])
    found = ("gallery_item", item) if item else _credited(sheet.texts[i])
    if found is None:
        return None
    rule, caption = found
    sheet.claim(i, "caption", rule)
    if rule == "caption_over_highlights":
        block.claim_glued_points(sheet, i)
    return caption


def gallery_item(text: str) -> Caption | None:
    """The caption of a gallery's or a video's item scraped as one line, which prints its
    caption twice, each time with the same credit in brackets (P.BRACKETED_SLASH_CREDIT):
    the caption once, without the item's title before it. None when the line is not one
    such item (a whole gallery run into one line is not), or the caption is not a
    caption's length (P.LONG_CAPTION_MAX_WORDS: the printing twice shows it is one)."""
    if "/" not in text or "(" not in text:
        return None
    text = P.VIDEO_PLAYER_LINK.sub("", text).rstrip()
    credits = list(P.BRACKETED_SLASH_CREDIT.finditer(text))
    if len(credits) != 2 or credits[1]["credit"] != credits[0]["credit"]:
        return None
    first, second = credits
    if second.end() != len(text):
        return None
    if second.start() > first.end() + 1:  # a video: "<title> <caption> (c) <caption> (c)"
        caption = text[first.end() : second.start()].strip()
        if not text[: first.start()].rstrip().endswith(caption):
            return None
    else:  # a photo: "[<title> <credit>] <caption> [<caption>] (c) (c)"
        head = text[: first.start()]
        cut = head.rfind(first["credit"])
        caption = _once((head[cut + len(first["credit"]) :] if cut >= 0 else head).strip())
    if not P.CAPTION_MIN_WORDS <= words(caption) <= P.LONG_CAPTION_MAX_WORDS:
        return None
    return Caption(caption_text(caption), normalise_credit(first["credit"]))


def _credited(text: str) -> tuple[str, Caption] | None:
    """(layout, caption) of a caption that carries its credit, in the first layout that fits."""
    for rule, pattern, worth_trying, check_credit in _ONE_LINE:
        match = pattern.match(text) if worth_trying(text) else None
        if not match or words(match["caption"]) > _longest(rule, match):
            continue
        if check_credit and not _looks_like_credit(match["credit"]):
            continue
        credit = normalise_credit(match["credit"]) if match["credit"] else None
        if credit and credit.casefold() in P.NO_ONE_CREDITS:
            return rule, Caption(caption_text(text))
        return rule, Caption(caption_text(match["caption"]), credit)
    return None


def _longest(rule: str, match: re.Match[str]) -> int:
    """How many words a caption in layout `rule` may run to: LONG_CAPTION_MAX_WORDS with
    a widget's buttons (P.WIDGET_LAYOUTS), or closed by a photographer's credit in brackets,
    a name and the paper after a slash ("... in Akron, Ohio. (Ed Suba Jr./Akron Beacon
    Journal)"; prose does not end so); but not when the credit names a picture agency (a
    wire's long caption, read with the short one it stands over) or the line holds another
    such credit (captions glued into one line)."""
    if rule in P.WIDGET_LAYOUTS or (
        rule == "slash_credit"
        and not P.NAMES_PICTURE_AGENCY.search(match["credit"])
        and not P.BRACKETED_SLASH_CREDIT.search(match["caption"])
    ):
        return P.LONG_CAPTION_MAX_WORDS
    return P.CAPTION_MAX_WORDS


def unique(found: list[Caption]) -> tuple[Caption, ...]:
    """Each caption once, in order: a caption printed twice (a slideshow repeats it) is
    one caption, and one printed with its credit and without (over the headline, then
    under the photo with the credit) is the credited one."""
    credited = {c.caption for c in found if c.credit}
    return tuple(dict.fromkeys(c for c in found if c.credit or c.caption not in credited))


def dek_caption(text: str) -> Caption | None:
    """The photo's caption a line under the headline is, taken for the standfirst: one
    that ends in a credit in brackets after its last sentence ("... a shooting that
    injured 3. (CNN Affiliate WPLG)", "... Sunday morning. (Julia Scheib)"), or after any
    words when the credit names a photo ("(WALB image)"; P.DEK_BRACKET_CREDIT; not "(left)"
    nor a party and state, "(D/Texas)"), or says what the
    photo shows ("A friend's mother sent us this photo of Colin Fraley."; P.PHOTO_WORDS). A
    standfirst ends in no one's name in brackets and shows no photo."""
    bracket = P.DEK_BRACKET_CREDIT.match(text)
    if (
        bracket
        and (P.SENTENCE_END.search(bracket["caption"]) or P.PHOTO_WORD.search(bracket["credit"]))
        and not P.PICTURED.search(f"({bracket['credit']})")
        and not P.BRACKET_NOT_CREDIT.match(bracket["credit"])
    ):
        return Caption(caption_text(bracket["caption"]), normalise_credit(bracket["credit"]))
    if P.PHOTO_WORDS.search(text) or P.PICTURED.search(text) or P.CAPTION_POSITION.search(text):
        return Caption(caption_text(text))
    return None


def markup_caption(text: str) -> Caption | None:
    """A caption the page's markup marks as one (an HTML <figcaption>): its credit split
    off when it carries one as a caption line does, else all of it the caption; none
    when it is shorter than a caption ("Photo: iFixit", a video player's "Watch Live")."""
    if words(text) < P.CAPTION_MIN_WORDS:
        return None
    found = _credited(text)
    if found is not None:
        return found[1]
    wire = _wire_credit(text)
    credit = (wire["paren"] or wire["bare"]) if wire else None
    if credit and ("/" in credit or "Getty" in credit or " via " in credit):
        return Caption(caption_text(wire_text(text)), normalise_credit(credit))
    return Caption(caption_text(text))


def _gallery_widget(sheet: Sheet, i: int) -> Caption | None:
    """A slideshow's photo scraped as one line: "Photo: <credit> Image 1 of / 3 Caption
    Close Image 1 of 3 <caption>" (the credit may be missing: "Photo: - Image ..."), or a
    story card's (_caption_card)."""
    text = sheet.texts[i]
    if "show caption" in text.casefold():
        return _caption_card(sheet, i)
    match = P.GALLERY_WIDGET.match(text) if "caption close" in text.casefold() else None
    if match is None:
        return None
    # The widget prints the caption again, then the credit again and what follows the
    # gallery ("<caption> <caption> Photo: Paul Hart ... <headline>"): one caption.
    caption = _once(caption_text(P.CREDIT_AGAIN.split(match["caption"], maxsplit=1)[0]).strip())
    if not caption or words(caption) > P.LONG_CAPTION_MAX_WORDS:  # a widget's: however
        return None  # long (P.WIDGET_LAYOUTS)
    credit = match["credit"]
    sheet.claim(i, "caption", "gallery_widget")
    return Caption(caption, normalise_credit(credit) if _looks_like_credit(credit) else None)


def _caption_card(sheet: Sheet, i: int) -> Caption | None:
    """A story card's photo scraped as one line (P.CAPTION_CARD): its caption."""
    match = P.CAPTION_CARD.match(sheet.texts[i])
    if match is None:
        return None
    rest = match["rest"]
    repeat = rest.find(match["headline"].strip())
    ended = P.CAPTION_END.match(rest[:repeat] if repeat > 0 else rest)
    caption = ended[0] if ended else ""
    if not caption or words(caption) > P.CAPTION_MAX_WORDS:
        return None
    sheet.claim(i, "caption", "gallery_widget")
    return Caption(caption)


def header_photo_credits(sheet: Sheet, header: range, first: int) -> dict[int, Caption]:
    """A photographer's credit alone on its line between headline and body ("photo by X",
    "AP Photo/X, File") is kept; a short line under it that is not yet the body is the
    caption it credits. Captions keyed by the index of their caption line."""
    found: dict[int, Caption] = {}
    for i in [i for i in sheet.open() if i in header]:
        match = P.PHOTO_CREDIT_ALONE.match(sheet.texts[i])
        if not match:
            continue
        credit = normalise_credit(match["by"] or match["slash"] or match["file"])
        j = sheet.next_open(i)
        sold = P.NAMES_PICTURE_AGENCY.search(credit) is not None  # an agency's runs long
        if (
            j is not None
            and _caption_shaped(sheet.texts[j], sold)
            and _before_lede(sheet, j, first)
        ):
            sheet.claim(i, "caption_credit", "credit_above_caption")
            sheet.claim(j, "caption", "credit_above_caption")
            found[j] = Caption(caption_text(sheet.texts[j]), credit)
        else:
            sheet.claim(i, "caption_credit", "photo_credit_line")
    return found


def _caption_shaped(text: str, sold: bool) -> bool:
    """A caption's length (a picture agency's, `sold`, up to LONG_CAPTION_MAX_WORDS), and
    no list item or menu."""
    longest = P.LONG_CAPTION_MAX_WORDS if sold else P.CAPTION_MAX_WORDS
    return P.CAPTION_MIN_WORDS <= words(text) <= longest and not (
        P.LIST_ITEM.match(text) or "|" in text
    )


def _before_lede(sheet: Sheet, j: int, first: int) -> bool:
    """Line j is not the lede: it stands above the body, or the lede under it opens with
    the dateline (within the next CAPTION_LEDE_LINES lines)."""
    if j < first:
        return True
    below = [k for k in range(j + 1, len(sheet.texts)) if sheet.kinds[k] != "blank"]
    return any(
        sheet.kinds[k] == "dateline" or P.DATELINE.match(sheet.texts[k])
        for k in below[: P.CAPTION_LEDE_LINES]
    )


def _lone_wire(sheet: Sheet, i: int) -> Caption | None:
    text = sheet.texts[i]
    match = _wire_credit(text)
    if not match or words(text) > P.LONG_CAPTION_MAX_WORDS:
        return None
    credit = match["paren"] or match["bare"]
    if not ("/" in credit or "Getty" in credit or " via " in credit):
        return None  # "(Reuters)" in prose is attribution, not a photo credit
    caption = caption_text(wire_text(text))
    if not caption:  # "ALEX GALLARDO/REUTERS": the credit alone, its photo left out
        sheet.claim(i, "caption_credit", "credit_without_caption")
        return None
    sheet.claim(i, "caption", "wire_credit")
    return Caption(caption, normalise_credit(credit))


def _agency_caption(sheet: Sheet, i: int) -> Caption | None:
    """A short sentence with a picture agency's name after its full stop, the story's
    prose under it: a photo's caption and credit ("... in New York. Reuters"). On the
    story's last line the agency is the wire's sign-off ("... the presidency said. AFP")."""
    text = sheet.texts[i]
    match = P.AGENCY_CAPTION.match(text) if text.endswith(P.AGENCY_CAPTION_ENDS) else None
    below = sheet.next_open(i)
    if match is None or words(match["caption"]) > P.CAPTION_MAX_WORDS or below is None:
        return None
    if not is_prose(sheet.texts[below]):
        return None
    sheet.claim(i, "caption", "agency_caption")
    return Caption(match["caption"], match["credit"])


def _wire_credit(text: str) -> re.Match[str] | None:
    """P.WIRE_CREDIT.search(text), skipped on the lines that name no agency at all."""
    if not any(agency in text for agency in P.WIRE_CREDIT_NEEDS):
        return None
    return P.WIRE_CREDIT.search(text)


def wire_text(text: str) -> str:
    """A wire caption without its credit, agency tags, picture codes and boilerplate."""
    text = P.WIRE_CREDIT.sub("", text)
    return P.WIRE_BOILERPLATE.sub("", text).strip()


_UPPER_AGENCY = re.compile(r"^(REUTERS|GETTY IMAGES)\b")


def caption_text(text: str) -> str:
    """A caption without the gallery's counter and buttons before it ("Image 24 of 111 ",
    "Buy photo "), and without its toggle after it: "<caption> less [<caption cut
    short> ... more]" is the caption."""
    text = P.GALLERY_COUNTER.sub("", text.strip())
    if " less" in text:
        text = P.CAPTION_COLLAPSED.sub(
            lambda m: "" if m["again"] in text[: m.start()] else m[0], text
        )
        text = P.CAPTION_LESS.sub("", text)
    return text


def normalise_credit(credit: str) -> str:
    """Credits in wire style: 'REUTERS/Name' -> 'Reuters/Name'; brackets and stops trimmed."""
    credit = credit.strip().strip("()").rstrip(".").strip()
    return _UPPER_AGENCY.sub(lambda m: m[1].title(), credit)


def _looks_like_credit(credit: str) -> bool:
    """A credit names a person or an agency: a few capitalised words, maybe with slashes."""
    parts = [p for p in re.split(r"[/ ]+", credit.strip()) if p]
    return 0 < len(parts) <= 8 and credit[:1].isupper() and not credit.rstrip().endswith(",")


def _gallery_link(text: str) -> bool:
    """A link to a gallery, named by what it shows ("PHOTOS: West Charlotte shooting",
    "Images: CMPD responds to shooting"). After a plural label, a credit has no word in
    lower case but those credits use ("Photos: Courtesy of family", "Flickr/diversey")."""
    match = P.GALLERY_LINK.match(text)
    if match is None:
        return False
    words = [w.split("/")[0] for w in match["title"].split()]  # after a slash: a user name
    return any(
        w[:1].islower() and w.strip(",.()").casefold() not in P.CREDIT_LOWER_WORDS and "." not in w
        for w in words
    )
