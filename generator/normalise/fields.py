"""Field extraction. Each field is a fallback chain: front matter first, then the
strongest text signal; a weaker signal never overwrites a stronger one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

from ..credits import AGENCIES, agencies_in
from ..entities import KNOWN_PLACES, PLACE_WORDS
from ..models import Outlet
from . import patterns as P
from .sheet import Sheet, content_words, is_prose, is_sentence, words


# --- title ---------------------------------------------------------------------------------
def derive_title(lede: str) -> str:
    """A headline built from the lede's first sentence, for pages that print none."""
    lede = P.LEADING_LABEL.sub("", lede.strip())
    sentence = _first_sentence(lede)
    sentence = re.sub(r"\s*\([^)]*\)", "", sentence).rstrip(".!? ")
    head, _, rest = sentence.partition(", ")
    if rest and words(head) <= 10 and head.split()[0].lower() in P.SUBORDINATORS:
        sentence = rest[:1].upper() + rest[1:]
    sentence = P.DERIVED_ATTRIBUTION.sub("", sentence)  # written as a headline
    sentence = P.DERIVED_APPOSITIVE.sub(r"\g<name> ", sentence)  # is (P.DERIVED_TITLE_...)
    if says := P.DERIVED_SAYS.match(sentence):
        rest = sentence[says.end() :]
        sentence = rest[:1].upper() + rest[1:]
    tokens = sentence.split()
    if len(tokens) > P.DERIVED_TITLE_MAX_WORDS:
        return " ".join(tokens[: P.DERIVED_TITLE_MAX_WORDS]).rstrip(",;:") + "…"
    return sentence


def _first_sentence(text: str) -> str:
    return sentences(text, P.TITLE_SENTENCE_END)[0]


def sentences(text: str, ends: re.Pattern[str] = P.NEXT_SENTENCE) -> list[str]:
    """`text` cut where its sentences end (`ends`): not at the full stop of an
    abbreviation or an initial ("Obama may name Dr. Sanjay Gupta", "J. Edgar Hoover")."""
    found, start = [], 0
    for end in ends.finditer(text):
        before = text[start : end.start()].rsplit(" ", 1)[-1].rstrip('"”’)')
        if before.rstrip(".!?") in P.ABBREVIATIONS or P.INITIAL.fullmatch(before):
            continue
        found.append(text[start : end.start()])
        start = end.end()
    return [*found, text[start:]]


# --- dek -------------------------------------------------------------------------------------
# The rules that claim a writer's byline (not a photo's credit or a source's): one
# standing between a sentence and the body's next paragraph closes the head, and the
# sentence above it is the standfirst.
_BYLINE_RULES = frozenset(
    (
        "byline",
        "byline_aged",
        "byline_dated",
        "byline_parts",
        "byline_stamped",
        "names_line",
        "name_line",
        "staff_line",
        "correspondent_line",
    )
)


_HEAD_DATE_RULES = frozenset(("date_line", "date_stamps"))


def _over_head_stamp(sheet: Sheet, i: int, nxt: int) -> bool:
    """Line i stands over the head's date stamp, and the line under the stamp tells the
    story afresh (it does not go on from line i with a pronoun: "She had just parked her
    car ..."): line i is the standfirst, the body starts under the stamp."""
    stamped = any(r in _HEAD_DATE_RULES for r in sheet.rules[i + 1 : nxt])
    return stamped and not P.GOES_ON.match(sheet.texts[nxt])


def find_dek(
    sheet: Sheet, title: int | None, first: int, headline: str | None = None
) -> tuple[int, str] | None:
    """The standfirst's line and text: the line right below the headline (below the game's
    result, when one stands there: block.claim_result_lines), when it is not the lede (the
    lede opens with a dateline, or the line is not a full sentence) nor a list's label.
    `headline` is the headline as read off its line (without the site's name): printed
    again under it, alone or with a section label and again, it is no standfirst; run
    into one line with the standfirst after it, the standfirst is what follows."""
    if title is None:
        return None
    i = _below_share_bar(sheet, title, first)
    if i < first and sheet.rules[i] == "result_line":  # the game's result, then the standfirst
        i = _below_share_bar(sheet, i, first)
    heads = {sheet.texts[title], headline or sheet.texts[title]}
    doubled = i < first and sheet.rules[i] == "repeated_line" and sheet.texts[i] in heads
    if doubled:  # the headline printed twice: the dek stands under both, a deck of its own
        i = _below_share_bar(sheet, i, first)
        if i < len(sheet.texts) and P.STOP_IN_LINE.search(sheet.texts[i]):
            return None  # a photo's caption ("... evicting. Erin Meyer"), a summary
    if i >= len(sheet.texts) or sheet.kinds[i] is not None:
        return None
    # The headline printed again: alone, after a modal's close button ("× "), or with a
    # section label and again ("<headline> Local News <headline>").
    text = P.LEADING_SYMBOLS.sub("", sheet.texts[i])
    if text in heads or any(text.startswith(f"{h} ") and text.endswith(h) for h in heads):
        sheet.drop(i, "repeated_line")
        return None
    rule = "between_headline_and_lede"
    glued = next((h for h in heads if text.startswith(f"{h} ")), None)
    if glued is not None:
        text, rule = text[len(glued) + 1 :], "dek_after_headline"
        if P.NOT_A_NAME.match(text):
            return None  # share buttons run into the headline ("Share Pin It ..."), no dek
    else:
        text = sheet.texts[i]
    if not P.DEK_MIN_WORDS <= words(text) <= P.DEK_MAX_WORDS or P.LIST_ITEM.match(text):
        return None
    if P.DATE_LINE.match(text) or is_metadata_line(text):
        return None  # "Published Wed, Nov 20 2019...": a date or label line, however garbled
    if P.LIST_LABELS.match(text):
        return None  # the label of a list of links ("More News related to Company Filings")
    if P.PHOTO_WIDGET_LINE.search(text):
        sheet.drop(i, "photo_widget")
        return None
    plain = split_glued_byline(text)[0]
    if P.ANNOUNCES.search(plain) and sheet.next_open(i) == first:
        sheet.claim(i, "paragraph", "announces_body")  # "... the following statement:"
        return None
    if P.NOT_A_DEK.search(plain):
        return None  # a byline, a date, a line announcing what follows
    if P.DEK_FURNITURE.search(plain):
        sheet.drop(i, "dek_furniture")
        return None
    dateline = P.DATELINE.match(plain)
    if dateline and ":" not in dateline[0] and not is_sentence(plain):
        sheet.claim(i, "paragraph", "dateline")  # the lede, its last stop lost ("BOSTON
        return None  # (CBS) — Frightened residents ..."), not a label's ("PLAYLIST: ...")
    if not is_sentence(text) and _heads_a_list(sheet, i, first):
        return None  # the first of a box of headlines under the headline
    nxt = sheet.next_open(i)
    # The first paragraph is no standfirst (a byline stands under that), unless it places
    # people in the picture over the lede: then it is the photo's caption ("Jasmine
    # Rockymore, left, shares a hug ..."), which captions.dek_caption reads.
    if i == first and (
        nxt is None
        or (
            is_sentence(text)
            and not P.DATELINE.match(sheet.texts[nxt])
            and not any(r in _BYLINE_RULES for r in sheet.rules[i + 1 : nxt])
            and not _over_head_stamp(sheet, i, nxt)
            and not P.CAPTION_POSITION.search(text)
        )
    ):
        return None
    sheet.claim(i, "dek", rule)
    return i, text


def _heads_a_list(sheet: Sheet, i: int, first: int) -> bool:
    """The DEK_LIST_MIN open lines after line i, above the body, are headlines like it:
    of a standfirst's length, with no stop at their end."""
    below = [j for j in sheet.open() if i < j < first][: P.DEK_LIST_MIN]
    return len(below) == P.DEK_LIST_MIN and all(
        P.DEK_MIN_WORDS <= words(sheet.texts[j]) <= P.DEK_MAX_WORDS
        and not is_sentence(sheet.texts[j])
        for j in below
    )


def split_glued_byline(dek: str) -> tuple[str, list[str]]:
    """A standfirst without the byline run into its end (P.GLUED_BYLINE), and the names
    that byline gives."""
    match = P.GLUED_BYLINE.search(dek)
    if match is None or match.start() == 0:
        return dek, []
    return dek[: match.start()], split_names(match["names"].replace(" AND ", " and "))


def _below_share_bar(sheet: Sheet, title: int, first: int) -> int:
    """The line under the headline, past blank lines; and above the body, past a share
    bar: at most DEK_SKIP_LINES lines of dropped furniture and at least DEK_BUTTONS_MIN
    share buttons or counters ("Views", "2,731", "- Send to Friend", "- Print"), which
    pages print between headline and standfirst; or past the head's date and byline alone
    ("AUGUST 2, 2013 | 08:06AM PT" over "Talkshow host returns for second Oscar tour")."""
    i = title + 1
    while i < len(sheet.texts) and sheet.kinds[i] == "blank":
        i += 1
    j, skipped, buttons, fields = i, 0, 0, True
    while j < first and skipped < P.DEK_SKIP_LINES:
        kind, text = sheet.kinds[j], sheet.texts[j]
        if kind is None and words(text) >= P.DEK_MIN_WORDS and not P.LIST_ITEM.match(text):
            if buttons >= P.DEK_BUTTONS_MIN or (fields and j > i and _tells_head(sheet, j, title)):
                return j  # the words after the buttons, or after the head's date and byline
            return i
        if kind is None and is_button(text):
            buttons += 1
        elif kind in ("credit", "date"):  # the head's byline and date, under the headline
            j += 1
            continue
        elif kind not in ("blank", "dropped"):
            return i
        fields = fields and kind == "blank"  # no button nor furniture on the way
        skipped += kind != "blank"
        j += 1
    return i


def _mail_writer(text: str) -> str | None:
    """The writer a lone e-mail address in a person's form names (P.WRITER_MAIL):
    "veronica.rocha@latimes.com" -> "Veronica Rocha"; a desk's address names no one, and
    a public body's is a source's ("scott.moreau@la.gov", a police spokesman)."""
    match = P.WRITER_MAIL.fullmatch(text.strip())
    if match is None or P.PUBLIC_MAIL_DOMAIN.search(match["domain"]):
        return None
    parts = match["first"].casefold(), match["last"].casefold()
    if any(p in P.MAIL_DESK_WORDS or p in P.STAFF_DESK_WORDS for p in parts):
        return None
    return " ".join(p.capitalize() for p in parts)


def _tells_head(sheet: Sheet, i: int, title: int) -> bool:
    """Line i reads as a standfirst of the headline on line `title`: no sentence, written
    in small letters too, sharing a word with it."""
    text = sheet.texts[i]
    return (
        not is_sentence(text)
        and not text.isupper()
        and bool(content_words(text) & content_words(sheet.texts[title]))
    )


def is_button(text: str) -> bool:
    """A share button or counter: a list item of a few words ("- Email"), a control's label
    ("Adjust font size:"), or a count alone ("2,731", "(0 votes)")."""
    if P.COUNTER.match(text):
        return True
    if text.endswith(":") and words(text) <= P.LABEL_MAX_WORDS + 1:
        return True  # a control's label: "Adjust font size:"
    return bool(P.LIST_ITEM.match(text)) and words(text) <= P.LABEL_MAX_WORDS + 1


# --- dateline --------------------------------------------------------------------------------
def split_lede_credit(lede: str) -> tuple[str | None, str]:
    """'(CNN) - President Trump...' -> ('CNN', 'President Trump...'): a dateline with no
    place."""
    match = P.LEDE_CREDIT.match(lede)
    return (match["agency"], lede[match.end() :]) if match else (None, lede)


def bracketed_place(credit: str, rest: str) -> bool:
    """A lede's brackets that hold its place, not an outlet: "(CAMPBELLSBURG) - Washington
    County police were called to a home ... in Campbellsburg", "(Memphis) Memphis police
    ...": the lede names it again in title case, as a place is written; an outlet's name
    ("(CNN)", "(WMC)", "(Reuters)") is no town's."""
    place = credit.title()
    if place == credit.upper() or credit.casefold() in AGENCIES or _station_name(credit):
        return False
    return re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", rest) is not None


def credit_station(lede: str) -> str | None:
    """The station or network a lede credits alone in brackets before its first words
    ("(WXYZ) - ...", "(CNN) - ..."; P.LEDE_CREDIT): the outlet that ran the story, as a
    dateline's credit names it (dateline_station). Not an agency ("(AP)"), nor a station
    the story came from ("(via KARK)")."""
    match = P.LEDE_CREDIT.match(lede)
    if match is None or match[0].casefold().startswith("(via"):
        return None
    name = match["agency"].split("/", 1)[0].strip()
    return name if _station_name(name) else None


def _station_name(name: str) -> bool:
    """A station's or network's name, as brackets credit it: a call sign, a brand, a short
    name in capitals ("WXYZ", "FOX Carolina", "CNN"), perhaps with "-TV" or its region
    after it ("KGUN9-TV", "ABC4 Utah"), or its site's address; no agency's ("AP")."""
    if name.casefold() in AGENCIES:
        return False
    return _station_shaped(name) or (name.isupper() and len(name) <= P.NETWORK_MAX_LETTERS)


def _station_shaped(name: str) -> bool:
    """A call sign, a station's brand or its site's address, perhaps with "-TV" or the
    region it serves after it ("KGUN9-TV", "ABC4 Utah", "CBSDFW.COM")."""
    core = P.STATION_CREDIT_TAIL.sub("", name)
    return any(
        P.SITE_CALL_SIGN.fullmatch(n) or P.STATION_BRAND.fullmatch(n) for n in {name, core}
    ) or bool(P.SITE_ADDRESS.fullmatch(name.lower()))


def split_dateline(lede: str) -> tuple[str | None, str]:
    """'LONDON -- The train...' -> ('LONDON', 'The train...'); behind a label the label
    stays: 'UPDATE: LONDON -- The train...' -> ('LONDON', 'UPDATE: The train...')."""
    head, rest, match = _dateline(lede)
    if match is None:
        return None, lede
    place, rest = P.DATELINE_DAY.sub("", match["place"]).strip(" ,"), rest[match.end() :]
    # printed twice: "Charlotte, NC -- Charlotte, NC (Sports Network) - "
    again = _dateline(rest)[2]
    if again and again["place"].strip(" ,") == place:
        rest = rest[again.end() :]
    return place, head + rest


def _dateline(lede: str) -> tuple[str, str, re.Match[str] | None]:
    """(label, the rest, the dateline opening the rest): P.DATELINE (or P.DAY_DATELINE)
    behind an optional label, when its place is in capitals; else P.MIXED_CASE_DATELINE,
    P.STATE_DATELINE, P.GLUED_CREDIT_DATELINE, or P.AGENCY_DATELINE when its brackets
    name a news agency."""
    label = P.LEADING_LABEL.match(lede)
    head, rest = (lede[: label.end()], lede[label.end() :]) if label else ("", lede)
    match = P.DATELINE.match(rest) or P.DAY_DATELINE.match(rest)
    if match and P.TWO_CAPITALS.search(match["place"]):
        return head, rest, match
    glued = P.GLUED_CREDIT_DATELINE.match(rest)
    match = (
        P.MIXED_CASE_DATELINE.match(rest)
        or P.STATE_DATELINE.match(rest)
        or (glued if glued and glued["place"] else None)
    )
    town = P.AGENCY_DATELINE.match(rest) if match is None else None
    if town and town["agency"].casefold() in AGENCIES:  # in brackets "dpa" is the agency
        match = town
    elif match is None and (town := P.TITLE_CASE_DATELINE.match(rest)):
        match = town if _title_case_place(town, rest) else None
    return head, rest, match


def _title_case_place(match: re.Match[str], lede: str) -> bool:
    """A town in title case before the lede's dash (P.TITLE_CASE_DATELINE) is a place: no
    label, adverb, day or month; before an em or en dash whatever it names, before a
    hyphen only a place known as one ("Washington", "Clinton Township") or one the lede
    names again ("West Allis - A West Allis teenager ..."), not a name or an outlet
    ("Computerworld - Microsoft today said ...", "Esther Williams - Esther Williams: ...")."""
    place = match["place"].rstrip(".")
    if P.NOT_A_TITLE_CASE_PLACE.match(place):
        return False
    if match["dash"] in "—–":
        return True
    after = lede[match.end() :]
    known = place in KNOWN_PLACES or place.split()[-1] in PLACE_WORDS
    return known or (place in after and not after.startswith(place))


# --- published date --------------------------------------------------------------------------
def find_published(
    sheet: Sheet,
    lines: range,
    body: range,
    reference: str | None = None,
    stamps: Stamps | None = None,
) -> str | None:
    """The first publication date the page states on a line of its own; a date labelled
    as an update ("Updated on: ...") only when the page states no other. Date lines
    are claimed (so they never become paragraphs); above and below the body a line
    that looks like a date is claimed even when no full date can be read from it.
    "Today 10:43" or "2 hours ago" is read only against a known reference date. `stamps`
    are the lines of date stamps claim_date_stamps found."""
    published = next(
        (d for i in lines if i < len(sheet.texts) and (d := _byline_date(sheet, i))), None
    )  # a byline that carries its date
    updated = None
    content = _dates_in_story(sheet, body)
    for i in _head_first(sheet, [i for i in lines if i < len(sheet.texts)], body.start):
        text = sheet.texts[i]
        if stamps and i in stamps:  # claimed before the body was found (claim_date_stamps)
            published, updated = published or stamps[i][0], updated or stamps[i][1]
            continue
        if sheet.kinds[i] is not None or i in content:
            continue
        parsed = date_of_line(text)
        relative = P.RELATIVE_DATE_LINE.match(text) if i not in body else None
        if relative and not parsed and reference:
            parsed = relative_date(relative["value"], reference)
        if not parsed and i < body.start and looks_like_date(text):
            parsed = _stamped_date(text)  # above the body: a teaser's date is under it
        if parsed or relative or (i not in body and looks_like_date(text)):
            sheet.claim(i, "date", "date_line")
            if P.UPDATE_LABEL.match(text):
                updated = updated or parsed
            else:
                published = published or parsed
    return published or updated or _lede_date(sheet, body)


def _head_first(sheet: Sheet, lines: list[int], first: int) -> list[int]:
    """`lines` with those between the headline and the body first: a date under the
    headline or the byline is the story's, one above the headline may be the site's clock
    ("15 January 2008 16:00 BST" over "Hamilton raring to go again" over "Monday, 07 Jan
    2008 22:36"). The rest keep their order."""
    title = next((i for i in lines if sheet.kinds[i] == "title"), None)
    if title is None:
        return lines
    head = [i for i in lines if title < i < first]
    return head + [i for i in lines if not title < i < first]


def _lede_date(sheet: Sheet, body: range) -> str | None:
    """The date the lede opens with, before a dash (P.LEDE_DATE)."""
    lede = next((i for i in body if sheet.kinds[i] is None), None)
    match = P.LEDE_DATE.match(sheet.texts[lede]) if lede is not None else None
    return parse_date(match["date"]) if match else None


def date_over_headline(sheet: Sheet, above: Iterable[int]) -> tuple[int, str] | None:
    """The line and date of a date line among the `above` lines (the few over the
    headline, nearest first), claimed as such: the article's, when its head states none.
    The search stops at a line of prose, another story's; a line another rule took (a
    menu that prints today's date) is passed over."""
    for i in above:
        text = sheet.texts[i]
        if is_prose(text) or is_sentence(text):
            return None
        if sheet.kinds[i] is None and (found := date_of_line(text)) is not None:
            sheet.claim(i, "date", "date_over_headline")
            return i, found
    return None


def _stamped_date(text: str) -> str | None:
    """The one explicit date of a short line outside the body that is no sentence, whatever
    else it holds: a label, a clock, a credit, a counter ("Published on January 12, 2008
    by IANS Viewed 124 times", "15 Jan, 2008, 1202 hrs IST, PTI"). Not a date another
    label names ("UK cinema release date: 11 January 2008"), nor a photo caption's ("Jane
    Roe, August 10, 2016 (County Sheriff's Office)": a name, the date, a credit)."""
    clock = _clock(text)
    found = list(P.EXPLICIT_DATE.finditer(clock))
    if is_sentence(text) or len(found) != 1:
        return None
    before, after = clock[: found[0].start()], clock[found[0].end() :].strip()
    if P.LABEL_COLON.search(before) and not P.DATE_LINE.match(text):
        return None
    if is_name(before.strip(" ,")) and P.BRACKETED.fullmatch(after):
        return None
    return parse_date(found[0][0])


def _dates_in_story(sheet: Sheet, body: range) -> set[int]:
    """The bare date lines (no label) in the body that are the story's content, not its
    date: those below the lede that opens with a dateline (the story has begun), and the
    entries of a timeline (TIMELINE_MIN_DATES or more dates, each over the prose it dates;
    a clock beside them makes them a live story's update stamps, the page's own)."""
    bare = [i for i in body if sheet.kinds[i] is None and _bare_date(sheet.texts[i])]
    if not bare:
        return set()
    lede = next((i for i in body if _dateline(sheet.texts[i])[2] is not None), None)
    content = {i for i in bare if lede is not None and i > lede}
    headings = [i for i in bare if _heads_prose(sheet, i) and not P.HAS_TIME.search(sheet.texts[i])]
    if len(headings) >= P.TIMELINE_MIN_DATES:
        content.update(headings)
    return content


def _bare_date(text: str) -> bool:
    """A line that is a date alone, with no label saying what it dates ("(Published ...)"
    has one)."""
    return not P.DATE_LINE.match(text.strip("()[] ")) and date_of_line(text) is not None


def _heads_prose(sheet: Sheet, i: int) -> bool:
    below = sheet.next_open(i)
    return below is not None and is_prose(sheet.texts[below])


Stamps = dict[int, tuple[str | None, str | None]]  # line -> (published, updated)


def claim_date_stamps(sheet: Sheet) -> Stamps:
    """Lines of labelled date stamps, claimed before the body is looked for (a headline
    printed with its stamps, "<headline> Posted: <date> Updated: <date>", reads like
    prose): a line of stamps alone as a date line, one after a headline as the headline's
    (find_headline reads the headline off it). A byline with its date is the credits'."""
    found: Stamps = {}
    for i in list(sheet.open()):
        text = sheet.texts[i]
        if ":" not in text or not any(n in sheet.casefolded[i] for n in P.STAMP_NEEDS):
            continue  # speed-up only: STAMP_LABEL needs a label word and a colon
        mark = P.STAMP_LABEL.search(text)
        if not mark or dated_byline(text) or P.BYLINE_STAMPED.match(text):
            continue
        head = text[: mark.start()].strip()
        dates = stamped_dates(text)
        if dates is None or is_credit_line(head):
            continue
        sheet.claim(i, "date", "headline_stamps" if head else "date_stamps")
        found[i] = dates
    return found


def stamp_head(text: str) -> str:
    """What a line of date stamps prints before them: the headline, or nothing."""
    mark = P.STAMP_LABEL.search(text)
    return text[: mark.start()].strip() if mark else text


def stamped_dates(text: str) -> tuple[str | None, str | None] | None:
    """(published, updated) of a line of labelled date stamps ("Posted: <date> Updated:
    <date>"), perhaps after a headline; None unless every stamp is a full date and what
    stands before the first is short enough to be a headline. Labels left with no date
    after them ("... Posted:Updated:", a template's empty slots) are passed over, and so
    are times of day alone ("Updated: 6:45 p.m. | Posted: 2:58 p.m." gives (None, None))."""
    marks = list(P.STAMP_LABEL.finditer(text))
    if not marks or words(text[: marks[0].start()]) > P.TITLE_MAX_WORDS:
        return None
    published = updated = None
    clocks = 0  # stamps of the time of day alone ("Updated: 6:45 p.m. | Posted: 2:58 p.m.")
    ends = [m.start() for m in marks[1:]] + [len(text)]
    for mark, end in zip(marks, ends, strict=True):
        value = text[mark.end() : end].strip(" |")
        if P.EMPTY_STAMPS.fullmatch(value):
            continue
        if P.CLOCK_PART.match(value):
            clocks += 1  # a stamp, though it gives no day
            continue
        parsed = parse_date(value) if any(c.isdigit() for c in value) else None
        if parsed is None:
            return None
        if P.UPDATE_LABEL.match(mark["label"]):
            updated = updated or parsed
        else:
            published = published or parsed
    return (published, updated) if published or updated or clocks else None


def dated_byline(text: str) -> re.Match[str] | None:
    """A byline with its date (P.BYLINE_DATED): behind a label ("Updated:"), or with no
    label when what follows the names reads as a date; or the date first, when it reads
    as one (P.DATE_THEN_BYLINE: "11/19/2019 by Lars Brandle"); or a name alone and the
    date (P.NAME_THEN_DATE: "Rob Thomas — 1/17/2008 10:58 am")."""
    match = P.BYLINE_DATED.match(text) or P.DATE_THEN_BYLINE.match(text)
    if match is None and (named := P.NAME_THEN_DATE.match(text)) and is_name(named["names"]):
        match = named
    if (
        match
        and not match.groupdict().get("label")
        and not parse_date(P.DATE_TIME_DASH.sub(" ", match["stamp"]))
    ):
        return None
    return match


def posted_in(text: str) -> re.Match[str] | None:
    """A blog post's line of its category and date, perhaps who it was posted for
    (P.POSTED_IN), when its date reads as one."""
    match = P.POSTED_IN.match(text)
    return match if match and parse_date(match["stamp"]) else None


def parted_byline(text: str) -> tuple[list[str], str] | None:
    """(names, date) of a byline set out in parts between bars or bullets with its date
    ("By Jane Roe | August 5, 2021 | 3:15 PM", P.BYLINE_PART_SPLIT); None unless every
    part reads as one."""
    if "|" not in text and "•" not in text and "·" not in text:
        return None
    head, *rest = (p.strip() for p in P.BYLINE_PART_SPLIT.split(text))
    if not 1 <= len(rest) < P.BYLINE_PARTS_MAX or not all(rest):
        return None
    byline = P.BYLINE.match(head)
    if byline:
        names = split_names(byline["names"])
    elif is_name(head) and any(P.STAFF_LINE.match(p) for p in rest):  # "Jane Roe | Staff Writer"
        names = [_bare_name(head)]
    else:
        return None
    if not names or not all(_byline_part(p) for p in rest):
        return None
    date = _parts_date(rest)
    return (names, date) if date else None


def _byline_part(part: str) -> bool:
    """A part of a byline stamp after the names: a date, a clock time, a reading time, a
    role ("Staff Writer"), or the name of an agency, outlet or section ("Reuters", "The
    Daily Herald", "Politics")."""
    return bool(
        P.CLOCK_PART.match(part)
        or P.READING_TIME.match(part)
        or (words(part) <= P.DATE_MAX_WORDS and P.DATE_HINT.search(part))
        or (words(part) <= P.FIELD_MAX_WORDS and P.STAFF_LINE.match(part))
        or P.AGENCY_LINE.match(part)
        or P.BYLINE_PART_NAME.fullmatch(part)
    )


def _parts_date(parts: Sequence[str]) -> str | None:
    """The publication date the parts of a byline stamp give, with the clock time in the
    part after the date: the first date not labelled as an update, else the update's."""
    found: list[tuple[bool, str]] = []
    for k, part in enumerate(parts):
        clock = parts[k + 1] if k + 1 < len(parts) and P.CLOCK_PART.match(parts[k + 1]) else ""
        date = date_of_line(f"{part} {clock}".strip()) or date_of_line(part)
        if date:
            found.append((bool(P.UPDATE_LABEL.match(part)), date))
    return min(found, key=lambda f: f[0])[1] if found else None


_DATED_BYLINES: dict[str, Callable[[str], re.Match[str] | None]] = {
    "byline_stamped": P.BYLINE_STAMPED.match,
    "byline_dated": dated_byline,
    "posted_in": posted_in,
}


def _byline_date(sheet: Sheet, i: int) -> str | None:
    """The date a byline line carries ("By X 2019-11-18T22:05:36Z", "by: X Updated: Feb 6,
    2017 - 3:44 PM", "By X | August 5, 2021 | 3:15 PM"), when line i is one."""
    if sheet.rules[i] == "byline_parts":
        return (parted_byline(sheet.texts[i]) or ([], None))[1]
    read = _DATED_BYLINES.get(sheet.rules[i] or "")
    match = read(sheet.texts[i]) if read else None
    return parse_date(P.DATE_TIME_DASH.sub(" ", match["stamp"])) if match else None


def lede_date(lede: str, reference: str | None) -> str | None:
    """The day a lede names relative to publication ("today (Feb. 26)", "on Monday"),
    resolved against the reference date; None without one. A day of what is still to
    happen ("Lawmakers will vote on Monday") dates no article: the next day named is read."""
    if reference is None:
        return None
    start = 0
    for match in P.RELATIVE_LEDE_DATE.finditer(lede):
        clause = P.CLAUSE_BREAK.split(lede[start : match.start()])[-1]
        start = match.end()
        if not P.FUTURE_TENSE.search(clause):  # "will vote on Monday": no date of the article
            return relative_date(match["day"] or match["weekday"], reference)
    return None


@lru_cache(maxsize=4096)
def relative_date(value: str, reference: str) -> str | None:
    """A relative or partial date ("yesterday", "Feb. 26", "Monday") on or before the
    reference date, as an ISO date."""
    import dateparser

    base = datetime.fromisoformat(reference)
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(value.strip(), languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        parsed = None
    if not isinstance(parsed, datetime) or parsed.date() > base.date():
        return None
    return parsed.date().isoformat()


def looks_like_date(text: str) -> bool:
    """A short line that names a date; or dates side by side between bars ("Dec 16, 2007
    18:22 | Updated Dec 17, 2007 11:52": posted and updated)."""
    if _one_date(text):
        return True
    parts = [p for p in text.split("|") if p.strip()] if "|" in text else []
    return len(parts) > 1 and all(_one_date(p.strip()) for p in parts)


def _one_date(text: str) -> bool:
    return words(text) <= P.DATE_MAX_WORDS and bool(
        P.DATE_HINT.search(text) or P.DATE_LINE.match(text)
    )


def is_field_line(text: str) -> bool:
    """A line that a page prints around its headline: date, byline, agency, dateline."""
    return (
        looks_like_date(text)
        or bool(parted_byline(text) or posted_in(text))
        or (
            words(text) <= P.DATE_MAX_WORDS
            and (_matches_any(_FIELD_LINES, text) or is_metadata_line(text))
        )
    )


def is_metadata_line(text: str) -> bool:
    """A line of the page's metadata ("Location: VANCOUVER", "Updated: Jan. 5, 2008"),
    not a headline behind an update label ("Updated: Arrest made in quadruple shooting":
    LABELLED_HEADLINE_MIN_WORDS words or more after it, and no date or clock)."""
    if not P.METADATA_LINE.match(text):
        return False
    label = P.TITLE_LABEL.match(text)
    if label is None:
        return True
    rest = text[label.end() :]
    return (
        words(rest) < P.LABELLED_HEADLINE_MIN_WORDS
        or bool(P.DATE_HINT.search(rest) or P.HAS_TIME.search(rest))
        or bool(P.RELATIVE_DATE_LINE.match(rest))
    )


_FIELD_LINES = (*P.CREDIT_LINES, P.DATELINE_ONLY)
_CREDIT_LINES = (*P.CREDIT_LINES, P.BYLINE_AGED)


def is_credit_line(text: str) -> bool:
    """A short line crediting the article: byline, author, agency, staff or source credit."""
    return words(text) <= P.FIELD_MAX_WORDS and _matches_any(_CREDIT_LINES, text)


def _matches_any(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    return any(pattern.match(text) for pattern in patterns)


def date_of_line(text: str) -> str | None:
    """A line that is only a date, perhaps behind a label ("Posted on:"), as ISO 8601."""
    if "updated" in text.casefold() and P.DATE_HINT.search(
        posted := P.UPDATE_STAMP_TAIL.sub("", text)
    ):
        text = posted  # the date before its update stamp
    text = P.GMT_OFFSET.sub("", P.ON_DATE.sub("", text))  # "on April 30, 2008 at 4:31 AM"
    if words(text) > P.DATE_MAX_WORDS and (label := P.PAGE_DATE_LABEL.search(text)):
        text = text[label.end() :]  # "View Rate : 106 # ... Print Date : <date>"
    if words(text) > P.DATE_MAX_WORDS and looks_like_date(text):
        text = next(p.strip() for p in text.split("|") if p.strip())  # the first: posted
    if words(text) > P.DATE_MAX_WORDS or not P.DATE_HINT.search(text):
        return None
    match = P.DATE_LINE.match(text)
    found = parse_date(match["value"] if match else text)
    if found is None and not is_sentence(text):
        clock = _clock(text)
        explicit = (
            P.EXPLICIT_DATE.search(clock)
            or P.FOREIGN_DATE.search(clock)
            or P.SLASHED_DATE.search(clock)
        )
        after = clock[explicit.end() :] if explicit else ""
        after = "" if P.UPDATE_TAIL.match(after) else after  # "... Last updated at 12:42 GMT"
        rest = f"{clock[: explicit.start()]} {after}" if explicit else ""
        if explicit and words(rest) <= P.DATE_EXTRA_WORDS:  # a service's code, a dateline
            found = parse_date(explicit[0])
    return found


def _clock(value: str) -> str:
    """`value` with a clock's spacing closed up ("7: 12pm", "05. 51AM", "a. m."), a
    clipped "p" made "pm" ("5:03p"), a year run into it set apart ("20194:29") and the
    zone's offset after it left out ("GMT+01:00"), and a zone named twice once ("ET EDT")."""
    value = P.GLUED_YEAR_CLOCK.sub(r"\1 ", P.SPACED_CLOCK.sub(r"\1:\2", value))
    value = P.ZONE_TWICE.sub("", P.GMT_OFFSET.sub("", value))
    value = P.SPACED_MERIDIEM.sub(r"\1.m.", value)
    return P.CLIPPED_MERIDIEM.sub(r"\1m", value)


@lru_cache(maxsize=4096)
def parse_date(value: str) -> str | None:
    """An explicit date as ISO 8601 (with the time when one is given); None if not a full date."""
    import dateparser  # slow to import: only pay for it when a date line is found

    value = _clock(P.SPACED_TIME.sub(":", P.SPACED_DATE.sub("/", value.strip())))
    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if P.DAY_FIRST_ZONE.search(value):  # "12:01am GMT 08/01/2008": January 8
        settings["DATE_ORDER"] = "DMY"
    try:
        parsed = dateparser.parse(value, languages=["en"], settings=settings)
        if parsed is None and (foreign := P.FOREIGN_DATE.search(value)):
            parsed = dateparser.parse(
                value, languages=_languages(foreign["month"]), settings=settings
            )
    except (ValueError, OverflowError):
        parsed = None
    if not isinstance(parsed, datetime):
        trimmed = P.DATE_TRAILER.sub("", value)
        return parse_date(trimmed) if trimmed != value else None
    return parsed.isoformat() if P.HAS_TIME.search(value) else parsed.date().isoformat()


def _languages(month: str) -> list[str]:
    """The languages whose month names include `month` ("ago": Italian, Portuguese, Spanish)."""
    return [
        language
        for language, names in P.FOREIGN_MONTHS.items()
        if re.fullmatch(names, month, re.IGNORECASE)
    ]


# --- credits ---------------------------------------------------------------------------------
def find_credits(
    sheet: Sheet, lines: range, header: range = range(0)
) -> tuple[tuple[str, ...], str | None, int | None]:
    """Reporter names, the outlet a contributor line names, and the closing sign-off line.
    In the `header` (between headline and body) a staff line or a bare name is a byline,
    and a contributor or "Reporting by" line is a credit but closes nothing: the article
    is still to come under it."""
    names: list[str] = []
    org: str | None = None
    signoff: int | None = None
    for i in [i for i in sheet.open() if i in lines]:
        text = sheet.texts[i]
        if i in header and _dated_item(sheet, i):  # "- Debbie White", "- 18 Nov 2019, 19:09"
            text = P.BULLET.sub("", text, count=1)
        if match := P.CONTRIBUTED.match(text):  # "X in Reno and Y contributed ..."
            contributors = P.SENTENCE_SPLIT.split(match["names"])[-1]  # "<note>. X and Y"
            writer, paper = _noted_writer(text)
            names += writer + split_names(P.FILED_IN.sub("", contributors))
            org = org or (match["org"] or "").strip() or paper or _contributor_paper(text)
            sheet.claim(i, "credit", "contributed_line")
            signoff = i if i not in header else signoff
        elif match := P.WRITER_BIO.match(text):  # above the lede, or under the story
            names += split_names(match["names"])
            sheet.claim(i, "credit", "writer_bio")
        elif i not in header and P.CONTACT_LINE.match(text):  # the writer's, not an appeal's
            writer, paper = _noted_writer(text)
            names += writer or _contact_names(text)
            org = org or paper or _contact_paper(text)
            sheet.claim(i, "credit", "contact_line")
        elif i not in header and (match := _signoff(sheet, i, lines)):
            rule = _SIGNOFF_RULES[match.re]
            if rule == "republished":  # the original's publication is not this page's
                sheet.claim(i, "paragraph", rule)
            else:
                names += split_names(match["names"]) + _second_name(sheet, match, i)
                org = org or signoff_outlet(match["org"] or match.groupdict().get("pre"))
                sheet.claim(i, "credit", rule)
            signoff = i
        elif i not in header and ((box := P.AUTHOR_BOX.match(text)) or P.AUTHOR_BIO.match(text)):
            sheet.claim(i, "credit", "about_the_author")  # the box's label, or the box
            below = sheet.next_open(i)
            if box and below is not None and is_prose(sheet.texts[below]):
                sheet.claim(below, "credit", "about_the_author")  # the biography under it
        elif P.REPORTING_BY.match(text):
            for m in P.REPORTING_NAMES.finditer(text):
                names += split_names(P.FILED_IN.sub("", m["names"]))
            sheet.claim(i, "credit", "reporting_by")
            signoff = i if i not in header else signoff
        elif i not in header and _stamped_byline(text):
            continue  # a teaser's byline stamp under the story: not the article's
        elif match := P.BYLINE_STAMPED.match(text):
            names += split_names(match["names"])
            sheet.claim(i, "credit", "byline_stamped")
        elif match := dated_byline(text):
            names += split_names(match["names"])
            sheet.claim(i, "credit", "byline_dated")
        elif match := posted_in(text):
            names += [n for n in split_names(match["names"] or "") if _person(n)]
            sheet.claim(i, "credit", "posted_in")
        elif match := P.BYLINE_AGED.match(text):
            names += split_names(match["names"])
            sheet.claim(i, "credit", "byline_aged")
        elif parted := parted_byline(text):
            names += parted[0]
            sheet.claim(i, "credit", "byline_parts")
        elif i in header and (match := P.NAME_HANDLE.match(text)):
            names += split_names(match["names"])
            sheet.claim(i, "credit", "name_handle")
        elif (match := P.CORRESPONDENT.match(text)) and (match["by"] or i in header):
            names += split_names(match["names"])
            sheet.claim(i, "credit", "correspondent_line")
        elif match := P.FILES_FROM.match(text):
            names += split_names(match["names"])
            sheet.claim(i, "credit", "files_from")
        elif match := P.STAFF_BYLINE.match(text):  # "By Jane Roe and KIRO 7 Staff"
            names += split_names(match["names"] or "")
            sheet.claim(i, "credit", "staff_byline")
        elif (
            (match := P.BYLINE.match(text) or P.AUTHOR_LINE.match(text))
            and words(text) <= 14
            and (split_names(match["names"]) or not P.SENTENCE_END.search(text))
        ):  # a sentence naming no one ("By Friday, March 3, 2008 the plan had passed.") is none
            names += split_names(match["names"])
            sheet.claim(i, "credit", "byline")
        elif P.AGENCY_LINE.match(text):
            sheet.claim(i, "credit", "agency_line")
        elif i not in header and (mailed := _mail_writer(text)):
            names.append(mailed)
            sheet.claim(i, "credit", "writer_mail")
        elif words(text) <= P.FIELD_MAX_WORDS and P.SOURCE_LINE.match(text):
            sheet.claim(i, "credit", "source_line")
        elif i in header and words(text) <= P.FIELD_MAX_WORDS and P.STAFF_LINE.match(text):
            if P.NAME_ROLE_HEAD.match(text):  # "Staff Writer Jane Roe"
                names += split_names(text)
            elif by := P.BY_STAFF.match(text):  # "By Laura Clout and agencies"
                names += split_names(by["names"])
            elif (named := P.NAME_THEN_ROLE.match(text)) and (found := _writer_names(named)):
                names += found  # "Tom Jicha | TV and Radio Writer", "X and Y, News Service"
            sheet.claim(i, "credit", "staff_line")
        elif i in header and is_name(bare := _tailed_name(text)):  # a name alone: the
            name = _bare_name(bare)  # byline, unless it is
            if _in_fact_box(sheet, i):  # the work's credits in a review ("directed by")
                sheet.claim(i, "credit", "fact_box")  # no writer of the review
            elif P.BEAT_LINE.search(text):  # a beat or desk ("State Department")
                sheet.claim(i, "credit", "beat_line")
            elif P.PUBLICATION_WORD.search(name) or _site_address_of(sheet, name):
                sheet.claim(i, "credit", "outlet_line")  # "Paterson Press", "Malaysia Sun"
            elif _in_story(sheet, name, header):  # a caption of whom the story names
                sheet.claim(i, "credit", "named_in_story")
            elif name == text.strip() and any(
                sheet.rules[k] in _WRITER_BYLINES for k in header if k < i
            ):  # with no role or agency beside it: a photo's credit or subject, no writer
                sheet.drop(i, "name_under_byline")
            else:
                names.append(name.title() if name.isupper() else name)
                sheet.claim(i, "credit", "name_line")
        elif (
            i in header
            and (match := P.BYLINE_IN_TOOLS.search(text))
            and (found := split_names(match["names"]))
        ):  # "Email | Print | Text size ? + By Nelson Bocanegra"
            names += found
            sheet.claim(i, "credit", "byline_in_tools")
        elif i in header and (found := _names_line(text)):
            names += found
            sheet.claim(i, "credit", "names_line")
        elif i in header and _outlet_line(sheet, i):
            sheet.claim(i, "credit", "outlet_line")
    return tuple(dict.fromkeys(names)), org, signoff


def _site_address_of(sheet: Sheet, name: str) -> bool:
    """The page prints `name`, its spaces left out, as a web address: the site's own name
    ("Malaysia Sun" on a page headed "MalaysiaSun.com"), not a writer's."""
    key = "".join(name.split()).casefold()
    return len(name.split()) > 1 and any(
        address[0].split(".", 1)[0].casefold() == key
        for text, folded in zip(sheet.texts, sheet.casefolded, strict=True)
        if key in folded
        for address in P.SITE_ADDRESS.finditer(text)
    )


def _writer_name(text: str) -> bool:
    """A person's name, not a desk's or a beat's ("Metro Desk", "State Department")."""
    return is_name(text) and not P.BEAT_LINE.search(text)


def _writer_names(named: re.Match[str]) -> list[str]:
    """The writers a staff line names before its role, when each of its names is a
    writer's ("Juliet O'Neill and Jack Aubry, CanWest News Service"); none otherwise."""
    parts = [p.strip() for p in P.NAME_SPLIT.split(named["name"])]
    return parts if all(_writer_name(p) for p in parts) else []


def _dated_item(sheet: Sheet, i: int) -> bool:
    """Line i is a bulleted item beside a bulleted date: the head's byline and date set as
    a list's items ("- Debbie White" over "- 18 Nov 2019, 19:09")."""

    def dated(other: str) -> bool:
        return bool(P.BULLET.match(other)) and looks_like_date(P.BULLET.sub("", other, count=1))

    beside = (sheet.previous_open(i), sheet.next_open(i))
    return bool(P.BULLET.match(sheet.texts[i])) and any(
        j is not None and dated(sheet.texts[j]) for j in beside
    )


def _stamped_byline(text: str) -> bool:
    """A byline with its date or time stamp on one line (byline_stamped, byline_dated,
    byline_parts)."""
    return bool(
        P.BYLINE_STAMPED.match(text) or dated_byline(text) or parted_byline(text) or posted_in(text)
    )


_SIGNOFF_RULES = {
    P.SIGNOFF_LINE: "signoff_line",
    P.DASHED_NAME: "signoff_name",
    P.WRITER_NOTE: "writer_note",
    P.REPUBLISHED: "republished",
}


def signoff_shaped(text: str) -> bool:
    """A line shaped as the writer's sign-off or note, or the original's credit under a
    republished text (_SIGNOFF_RULES), wherever it stands."""
    return any(p.match(text) for p in _SIGNOFF_RULES)


def _signoff(sheet: Sheet, i: int, lines: range) -> re.Match[str] | None:
    """The writer's sign-off or note, or the credit of the publication a republished text
    comes from (P.SIGNOFF_LINE, P.WRITER_NOTE, P.REPUBLISHED), when line i closes the
    story: no prose stands under it among `lines`."""
    text = sheet.texts[i]
    match = next((m for p in _SIGNOFF_RULES if (m := p.match(text))), None)
    below = (sheet.texts[j] for j in sheet.open() if i < j < lines.stop)
    if match is None or any(is_prose(t) or is_sentence(t) for t in below):
        return None
    if match.re is P.DASHED_NAME and not _person(match["names"]):
        return None
    if match.re is P.DASHED_NAME and P.BULLET.match(text) and _among_items(sheet, i):
        return None  # a menu's item under a hyphen ("- Print Article", "- Email Article")
    return match


def _among_items(sheet: Sheet, i: int) -> bool:
    """A line next to line i (the nearest above or below that is not blank) is a list's
    item (P.LIST_ITEM), as line i may be."""
    beside = (sheet.nearest(i, -1), sheet.nearest(i, 1))
    return any(j is not None and P.LIST_ITEM.match(sheet.texts[j]) for j in beside)


def _person(name: str) -> bool:
    """A person's name, not a paper's, a wire's or a contributor line's ("Frank Warner",
    not "Chicago Sun-Times Wire" or "With Ellen Yan")."""
    return is_name(name) and not _paper_worded(name)


def _second_name(sheet: Sheet, match: re.Match[str], i: int) -> list[str]:
    """A sign-off's second writer where the publication would stand ("— Ben Lockhart,
    Brianna Bodily"): a name that the story does not name (a place it names: "— Jane Roe,
    New York")."""
    org = match["org"] if match.re is P.SIGNOFF_LINE else ""
    if not org or not is_name(org) or signoff_outlet(org):
        return []
    key = org.casefold()
    told = any(key in sheet.casefolded[j] for j in sheet.open() if j != i)
    return [] if told else split_names(org)


def _contact_names(text: str) -> list[str]:
    """The writers a contact line under the story asks the reader to reach ("Contact
    Rachel Crosby at ...", "Scott Daniel can be reached at ...")."""
    found = (
        m["asked"] or m["reached"] or m["labelled"] or m["bio"]
        for m in P.CONTACT_NAME.finditer(text)
    )
    return [name for name in found if is_name(name)]


def _contact_paper(text: str) -> str | None:
    """The paper a contact line names before the writer's role ("Call IndyStar reporter
    ..."; P.CONTACT_PAPER): not a desk ("Metro") nor a rank ("Senior")."""
    match = P.CONTACT_PAPER.search(text)
    return None if match is None or _desk_or_rank(match["paper"]) else match["paper"]


def _desk_or_rank(words_before_role: str) -> bool:
    """The words a contact or contributor line puts before the writer's role name a desk
    or a rank, not a paper ("Metro reporter", "Senior Writer", "Staff writer")."""
    desk = P.STAFF_DESK_WORDS | P.CONTACT_RANK_WORDS
    return all(w.casefold() in desk for w in words_before_role.split())


def _contributor_paper(text: str) -> str | None:
    """The paper a contributor line names before its writers' role ("Times-Union writer
    Joe Daraskevich contributed ..."; P.CONTRIBUTOR_PAPER): a publication, not a wire
    ("Associated Press writer ..."), a desk or a rank ("Staff writer ...") nor a word of
    many papers' names alone ("Tribune reporter ...")."""
    match = P.CONTRIBUTOR_PAPER.match(text)
    if match is None or _desk_or_rank(match["paper"]) or P.SITE_NAME_WORD.fullmatch(match["paper"]):
        return None  # (a nameplate's word alone, "Tribune reporter ...", names no one paper)
    return signoff_outlet(match["paper"])


def _noted_writer(text: str) -> tuple[list[str], str | None]:
    """The writer, and the publication, a note on the writer opening a credit line names
    ("X is a Tribune-Review staff writer. Reach him at ...")."""
    match = P.WRITER_NOTE.match(P.SENTENCE_SPLIT.split(text)[0])
    if match is None:
        return [], None
    return split_names(match["names"]), signoff_outlet(match["org"] or match["pre"])


def signoff_outlet(org: str | None) -> str | None:
    """The outlet a writer's sign-off or note names: a publication ("Harbour Daily Herald"),
    not an agency ("Reuters") nor a place ("Munich")."""
    org = (org or "").rstrip(".")
    if not org or agencies_in(org) or P.AGENCY_LINE.match(org):
        return None
    return org if P.PUBLICATION_WORD.search(org) or P.SITE_NAME_WORD.search(org) else None


def _in_story(sheet: Sheet, name: str, header: range) -> bool:
    """The story's opening (its first STORY_NAME_LINES open lines under the `header`)
    names the person: a bare name above it is a photo's caption of them ("Jemeer
    Griffin." over a story about the boy) or a film's cast, not the byline."""
    key = name.strip(" .").casefold()
    below = (i for i in range(header.stop, len(sheet.texts)) if sheet.kinds[i] is None)
    return any(key in sheet.casefolded[i] for i in islice(below, P.STORY_NAME_LINES))


def _in_fact_box(sheet: Sheet, i: int) -> bool:
    """Line i, a bare name, stands in a review's box of the work's facts: under one of
    its labels ("directed by", "cast list"), perhaps under other names of the box."""
    j = sheet.nearest(i, -1)
    while j is not None and is_name(sheet.texts[j]):
        j = sheet.nearest(j, -1)
    return j is not None and bool(P.FACT_BOX_LABEL.match(sheet.texts[j]))


def _names_line(text: str) -> list[str]:
    """The names of a byline with no "By" ("Kevin Johnson and Kevin McCoy USA TODAY",
    "KEVIN SCHOFIELD and GERRY BRAIDEN", "Charlie Wood, Business Insider": the paper after
    the comma is no name), when every one of them reads as a name; else none."""
    match = P.NAMES_LINE.match(text) or P.CAPS_NAMES_LINE.match(text)
    if not match:
        return []
    found = [n.strip() for n in P.NAME_SPLIT.split(match["names"])]
    if "," in match["names"] and _paper_worded(found[-1]):
        found.pop()  # the paper after the name: "Charlie Wood, Business Insider"
    if not all(is_name(n) for n in found):
        return []
    return [n.title() if n.isupper() else n for n in found]


def _outlet_line(sheet: Sheet, i: int) -> bool:
    """An outlet's name printed once on the page, beside the byline or the date: a section
    label ("AUTO NEWS") repeats, and interface words ("Print", "Related") are no name."""
    text = sheet.texts[i]
    match = P.OUTLET_LINE.match(text)
    return (
        match is not None
        and words(text) <= P.OUTLET_LINE_MAX_WORDS
        and not (
            P.NOT_A_NAME.search(match["name"])
            or P.NOT_A_NAME_OPENER.match(text)
            or P.LIST_LABELS.match(text)
        )
        and sheet.casefolded.count(sheet.casefolded[i]) == 1
        and beside_field_line(sheet, i)
    )


def beside_field_line(sheet: Sheet, i: int) -> bool:
    """The line right above or below i (blank lines aside) is a date or credit line: one
    claimed as such (a bare name or outlet is no evidence of its own), or an open line
    that reads as one."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(sheet.texts) and sheet.kinds[j] == "blank":
            j += step
        if not 0 <= j < len(sheet.texts):
            continue
        kind, rule = sheet.kinds[j], sheet.rules[j]
        if (kind == "date" or (kind == "credit" and rule not in _WEAK_CREDITS)) or (
            kind is None and is_field_line(sheet.texts[j])
        ):
            return True
    return False


_WEAK_CREDITS = frozenset({"name_line", "named_in_story", "beat_line", "outlet_line"})
# Bylines that name the writers with "By": a name alone under one in the head is no
# second writer (find_credits).
_WRITER_BYLINES = frozenset(
    {
        "byline",
        "byline_dated",
        "byline_stamped",
        "byline_aged",
        "byline_parts",
        "correspondent_line",
    }
)


def is_name(text: str) -> bool:
    """A person's name alone on its line ("Sean Collins", "SHAWN LEVY")."""
    text = text.strip()
    return (
        bool(P.PERSON.match(text))
        and not P.DATE_HINT.search(text)
        and not (
            P.NOT_A_NAME.search(text)
            or P.NOT_A_NAME_OPENER.match(text)
            or P.LIST_LABELS.match(text)
        )
    )


def _tailed_name(text: str) -> str:
    """A byline's name without the publication after its comma or the link to the writer's
    stories after it ("VICTOR TANGERMANN, FUTURISM", "Randy Wimbley More>>"); a second
    name after the comma stays (two writers), and so does any other line."""
    match = P.NAME_LINE_TAIL.search(text)
    if match is None or (match["org"] and is_name(match["org"])):
        return text
    return text[: match.start()]


def linked_byline(text: str) -> bool:
    """A name with the link to the writer's other stories after it ("Randy Wimbley More>>",
    "Marcus De GuzmanView More Articles", P.NAME_LINE_TAIL): a byline wherever it stands."""
    match = P.NAME_LINE_TAIL.search(text)
    return match is not None and not match["org"] and is_name(text[: match.start()])


def standfirst_writers(text: str) -> list[str]:
    """The writers a standfirst names at its end ("..., writes Michael Cockerill."), not a
    paper ("..., reports Herald Sun.")."""
    match = P.STANDFIRST_WRITER.search(text)
    names = split_names(match["names"]) if match else []
    return [n for n in names if _person(n)]


def _bare_name(text: str) -> str:
    """A name without the role or the outlet's possessive printed before it or the agency
    after it."""
    text = P.NAME_OWNER_HEAD.sub("", text.strip())
    return P.NAME_AGENCY_TAIL.sub("", P.NAME_ROLE_HEAD.sub("", text))


def split_names(names: str) -> list[str]:
    """The people a credit names: 'Eric Song, IGN Staff' -> ['Eric Song'] (a staff credit
    is no person), 'Tom Davies Associated Press' and 'Staff Writer Tom Davies' ->
    ['Tom Davies'], 'JILL LAWLESS' -> ['Jill Lawless']."""
    parts = (_bare_name(p) for p in P.NAME_SPLIT.split(names.strip().rstrip(".")))
    found = [p for p in parts if P.PERSON.match(p) and not P.NOT_A_NAME.search(p)]
    return [p.title() if p.isupper() else p for p in found]  # "By JILL LAWLESS"


def log_title(sheet: Sheet) -> str | None:
    """The page's first line when it names a log of entries, as a police blotter's page
    opens ("Public Safety Log (Nov. 17)", "Jackson County blotter", "Police Logs, Feb. 24
    to Feb. 28, 2017"; P.LOG_TITLE): the title of a page with no headline over its body,
    whose entries name no headline of their own."""
    first = sheet.top_text
    if not first or words(first) > P.LOG_TITLE_MAX_WORDS or is_sentence(first):
        return None
    return first if P.LOG_TITLE.search(first) else None


# --- outlet ------------------------------------------------------------------------------------
def cut_site_name(title: str, known: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """A page title taken for the headline, without the site's name glued after it, and
    the outlet that name gives: 'Teen shot - WMC Action News 5 - Memphis, Tennessee' ->
    ('Teen shot', 'WMC Action News 5'); without what a bar sets apart at its end, a few
    words (the site's city, a section: 'Teen shot in chest | Dayton, OH'), naming no
    outlet; without a dash left dangling where the site cut its title short ('Teen shot
    at - | WBTV Charlotte'). A title with none of these comes back whole. A name the
    outlets registry knows (`known`: names and aliases, casefolded) is a site's name
    whatever its words ('Teen shot | The Guardian')."""
    capitals = title.isupper()
    for sep in P.SITE_TITLE_SEPARATOR.finditer(title):
        head, site = title[: sep.start()].strip(), title[sep.end() :].strip()
        first = _station_part(P.SITE_NAME_PARTS.split(site))  # then a tagline, a city
        if words(head) >= P.SITE_TITLE_MIN_WORDS and (
            _site_name(site, capitals, known) or _site_name(first, capitals, known)
        ):
            address = P.SITE_ADDRESS.match(site)  # "wave3.com-Louisville News": wave3.com
            outlet = address[0] if address else first
            outlet = outlet.strip(" .")
            named = _site_name(outlet, capitals, known) and (
                not P.SITE_NAME_WORD.fullmatch(outlet) or any(c.isdigit() for c in outlet)
            )  # a word alone ("News") names no site; a channel does ("ABC21", "44News")
            if not named and (further := _named_further(site)):  # the station further
                outlet, named = further, True  # on: "... News & Weather KHQ.com", "| KTBC"
            if named and _runs_into_sections(site, outlet):  # "WVVA TV Bluefield WV
                station = _station_core(outlet)  # News, Weather and Sports": WVVA TV
                outlet, named = station or outlet, station is not None
            return head.rstrip(P.TITLE_TRAIL), outlet if named else None
    head, _bar, tail = title.rpartition("|")  # "... in chest| Dayton, OH": the site's place
    if words(head) >= P.SITE_TITLE_MIN_WORDS and _bar_tail(title, tail.strip()):
        return head.rstrip(P.TITLE_TRAIL), None
    return title, None


def _runs_into_sections(site: str, name: str) -> bool:
    """The site part `name` ends in "News", the first of the station's sections that the
    bar `site` lists after it ("Tri-State News, Weather & Sports"; P.SECTIONS_AFTER)."""
    return (
        name.endswith(" News")
        and site.startswith(name)
        and bool(P.SECTIONS_AFTER.match(site[len(name) :]))
    )


def _station_core(name: str) -> str | None:
    """The station a title bar's site part names before the area it serves and its news:
    "FOX 8 WVUE" of "FOX 8 WVUE New Orleans News" (P.STATION_CORE); None when it names
    only the area ("Tri-State News")."""
    core = P.STATION_CORE.match(name)
    return core[0] if core else None


def _named_further(site: str) -> str | None:
    """A title bar's site part whose first part names no site: the web address in it
    ("... News & Weather KHQ.com") or the first part that is a call sign ("KTBC")."""
    address = P.SITE_ADDRESS.search(site)
    if address:
        return address[0]
    return next(
        (p for p in P.SITE_NAME_PARTS.split(site) if P.SITE_CALL_SIGN.fullmatch(p.strip())),
        None,
    )


def _station_part(parts: list[str]) -> str:
    """The part of a title bar's site name that names the site: the first ("WMC Action
    News 5" of "WMC Action News 5 - Memphis, Tennessee"), or the station after its city's
    news ("FOX19-WXIX TV" of "Cincinnati News, FOX19-WXIX TV"): a call sign names a
    station, a city's name and "News" a section."""
    if len(parts) > 1 and not P.SITE_CALL_SIGN.search(parts[0]) and P.CITY_NEWS.match(parts[0]):
        station = next((p for p in parts[1:] if P.SITE_CALL_SIGN.search(p)), None)
        if station:
            return station
    return parts[0]


def headline_parts(
    sheet: Sheet, title_at: int, first: int, known: frozenset[str] = frozenset()
) -> tuple[str, str | None, str | None]:
    """(headline, site name, label) of the headline line `title_at` (before it is claimed):
    the headline without its date stamps, the site's name glued to it (cut_site_name, or
    put before the headline that a line under it prints: complete_title), cut short no
    more, and without a label before it ("UPDATE:", the kicker)."""
    text = sheet.texts[title_at]
    if sheet.rules[title_at] == "headline_stamps":
        text = stamp_head(text)
    bar, site = cut_site_name(text, known)
    title = complete_title(bar, sheet, range(title_at + 1, first))
    if site is None and title != bar and bar.endswith(title):  # "CBS 58 - <headline>"
        prefix = bar[: len(bar) - len(title)].rstrip(" -|–—:")
        labelled = prefix.split(" ", 1)[0].upper() in P.DATELINE_LABEL_WORDS  # "BREAKING NEWS"
        site = prefix if not labelled and _site_name(prefix, prefix.isupper(), known) else None
    label = P.TITLE_LABEL.match(title) or P.CAPITALS_TITLE_LABEL.match(title)
    if label is None or title[label.end() :].isupper():
        return title, site, None
    rest = title[label.end() :]
    return rest[:1].upper() + rest[1:], site, label["label"]


def complete_title(title: str, sheet: Sheet, below: range) -> str:
    """The headline in full when `title` is a title bar cut short ("... after son
    accidentally sh") and a line under it (or the headline part of a line of date
    stamps) prints the whole headline: it goes on mid-word, or by a few words (more is
    the standfirst run into the headline). A title bar that puts the site's name first
    ("CBS 58 - <headline>") gives the headline printed under it."""
    if words(title) < P.SITE_TITLE_MIN_WORDS:
        return title
    cut = title.rstrip(" .…")
    for i in below:
        text = stamp_head(sheet.texts[i]) if sheet.rules[i] == "headline_stamps" else sheet.texts[i]
        before = title[: len(title) - len(text)]
        if len(title) > len(text) and title.endswith(text) and P.SITE_PREFIX_END.search(before):
            return text  # "CBS 58 - <headline>": the site's name first, then the headline
        if len(text) <= len(cut) or not text.startswith(cut):
            continue
        rest = text[len(cut) :]
        mid_word = cut[-1:].isalnum() and rest[:1].isalnum()  # "...accidentally sh" + "oots self"
        if mid_word or words(rest) <= P.TITLE_COMPLETION_MAX_WORDS:
            return text
    return title


def _site_name(text: str, capitals: bool, known: frozenset[str] = frozenset()) -> bool:
    """`text` (what follows a title's separator) reads as a site's name (SITE_NAME_WORD),
    or is one the outlets registry knows."""
    if text.casefold() in known:
        return True
    if not (text[:1].isupper() or text[:1].isdigit() or P.SITE_ADDRESS.match(text)):
        return False
    if words(text) > P.SITE_NAME_MAX_WORDS:
        return False
    tokens = (w.rstrip(".") for w in P.SITE_NAME_TOKEN.findall(text))  # "... news."
    lower = [w for w in tokens if w[:1].islower() or w == "&"]
    if any(
        w not in P.SITE_NAME_LOWER_OK
        and not P.SITE_NAME_WORD.fullmatch(w)
        and not P.SITE_ADDRESS.match(w)
        for w in lower
    ):
        return False
    return bool(P.SITE_NAME_WORD.search(text) or (not capitals and P.SITE_CALL_SIGN.search(text)))


def find_outlet(
    sheet: Sheet,
    title: str | None,
    contributor_org: str | None,
    site: str | None = None,
    station: str | None = None,
    known: frozenset[str] = frozenset(),
) -> str | None:
    """The publication the page names as its own, strongest signal first (`site`: the
    name cut from the headline's own title bar, cut_site_name; `station`: the one the
    dateline credits, dateline_station)."""
    footer = _from_rule(sheet, "copyright", P.OUTLET_FROM_COPYRIGHT)  # the site's
    rights = _from_rule(sheet, "copyright_line", P.OUTLET_FROM_COPYRIGHT)  # the article's
    found = (
        site
        or _site_suffix(sheet, title, known)
        or _from_rule(sheet, "comment_policy", P.OUTLET_FROM_COMMENTS)
        or _from_rule(sheet, "comment_policy", P.OUTLET_FROM_GUIDELINES)
        or _site_itself(sheet, title)
        or _agency_then_outlet(sheet)
        or _staff_outlet(sheet)
        or _byline_brand(sheet)
        # the site's copyright line, unless it names a group that owns many outlets
        # ("Nexstar Broadcasting, Inc."); the article's own (rule copyright_line) names
        # who owns the text, often an agency, not the publication that ran it
        or _brand(sheet, footer)
        or contributor_org
        or _station_rights(rights)
        or station
        or _prompted(sheet)
        or _stamp_brand(sheet)
        or _own_rights(sheet, known)
        or _footer_rights(sheet, known)
        or _reporter_mail_domain(sheet)
        or _contact_mail_domain(sheet)
        or _shared_link(sheet)
    )
    if not found:
        return None
    return _call_sign_alone(publication(_with_call_sign(found, (footer, rights))))


def _staff_outlet(sheet: Sheet) -> str | None:
    """The publication whose staff the article's byline credits ("By JERUSALEM POST STAFF":
    Jerusalem Post), unless each word of the name is a desk's ("By Breaking News Staff")."""
    for text, rule in zip(sheet.texts, sheet.rules, strict=True):
        if rule == "staff_byline" and (match := P.STAFF_BYLINE.match(text)):
            name = match["outlet"]
            if any(w.casefold() not in P.STAFF_DESK_WORDS for w in name.split()):
                capitals = text[match.start("outlet") :].isupper()  # not "KIRO 7 Staff"
                return name.title() if capitals else name
    return None


def _byline_brand(sheet: Sheet) -> str | None:
    """The publication a byline names after a bar ("By Andy Sahadeo | Fox News")."""
    bylines = (t for t, r in zip(sheet.texts, sheet.rules, strict=True) if r == "byline")
    return _brand_in(bylines, P.BYLINE_BRAND)


def _stamp_brand(sheet: Sheet) -> str | None:
    """The publication the article's date line names after its last slash ("Updated on:
    November 19, 2019 / 10:07 AM / CBS News")."""
    dates = (t for t, k in zip(sheet.texts, sheet.kinds, strict=True) if k == "date")
    return _brand_in(dates, P.STAMP_BRAND)


def _brand_in(texts: Iterable[str], pattern: re.Pattern[str]) -> str | None:
    """The first name `pattern` finds in `texts` that reads as a news site's, not as an
    agency's (or, for a byline's bar, a writer's role: P.BYLINE_BRAND leaves those out)."""
    for text in texts:
        if (
            (match := pattern.search(text))
            and _station_like(match["outlet"])
            and not P.AGENCY_LINE.match(match["outlet"])
        ):
            return match["outlet"]
    return None


def _prompted(sheet: Sheet) -> str | None:
    """The site's address where the page sends its reader back to it for updates ("Stay
    with WAVY.com for updates."): the first such line's, as printed; else the station's
    brand there ("Stay with KCRA 3 for the latest", P.STATION_PROMPT), or the station
    promising more ("CBS12 will provide updates ...", P.STATION_PROMISE)."""
    for text in sheet.texts:
        if match := P.OUTLET_FROM_PROMPT.search(text):
            return match["outlet"]
    for text in sheet.texts:
        if (match := P.STATION_PROMPT.search(text)) and _station_like(match["outlet"]):
            also = match["also"] or ""
            if P.SITE_CALL_SIGN.fullmatch(also) and not P.SITE_CALL_SIGN.search(match["outlet"]):
                return also  # "7 Action News and WXYZ"
            return match["outlet"]
    for text in sheet.texts:
        if (match := P.STATION_PROMISE.search(text)) and _station_like(match["outlet"]):
            return match["outlet"]
    return None


def _station_like(name: str) -> bool:
    """A name that reads as a station's or a news site's: a word of a site's name ("News",
    "TV", "Fox"), a call sign, a channel's number, or a network's brand ("NBCWashington")."""
    return bool(
        P.SITE_NAME_WORD.search(name)
        or P.SITE_CALL_SIGN.search(name)
        or any(c.isdigit() for c in name)
        or P.STATION_BRAND.match(name)
    )


def _call_sign_alone(name: str) -> str:
    """A station named by its call sign with a suffix or as its site's address is named by
    the call sign alone ("KHOU-TV", "WTVM.com": KHOU, WTVM), as its datelines name it:
    one station, one name on every page."""
    match = P.CALL_SIGN_FORM.fullmatch(name)
    return match["call"] if match else name


def _with_call_sign(name: str, holders: tuple[str | None, ...]) -> str:
    """A station's brand as a copyright line (`holders`: the site's, the article's) prints
    it in full, call sign first: the title bar's "Action News 5" is "WMC Action News 5"
    of "Copyright 2014 WMC Action News 5. All rights reserved." (the same station, named
    one way on every page)."""
    for full in holders:
        if full and full.endswith(f" {name}"):
            sign = full[: -len(name)].strip()
            if P.SITE_CALL_SIGN.fullmatch(sign):
                return full
    return name


def _site_itself(sheet: Sheet, title: str | None) -> str | None:
    """The site as it names itself, in a line the page's furniture holds: greeting the
    reader at the top of the page, by its address on its masthead or opening a breadcrumb
    above the headline, in its menu's "About" entry, or by the page's own address."""
    furniture = [t if k == "dropped" else "" for t, k in zip(sheet.texts, sheet.kinds, strict=True)]
    head = furniture[: P.SITE_HEAD_LINES]
    for text in head:
        if match := P.WELCOME_SITE.match(text):
            return match["outlet"]
    for text in head:
        if match := P.SITE_ADDRESS_LINE.match(text):
            return match["domain"]
    top = next((i for i, kind in enumerate(sheet.kinds) if kind == "title"), len(sheet.texts))
    for text in furniture[:top]:
        if match := P.SITE_CRUMB.match(text):
            return match["domain"]
    return (
        _about_site(sheet.texts, furniture)
        or _searched_site(sheet.texts, furniture)
        or _own_address(furniture, title)
    )


def _searched_site(texts: Sequence[str], furniture: Sequence[str]) -> str | None:
    """The site its search box or its box of more stories names ("Search News24", "More
    from NBC News": P.SEARCH_SITE), when a line of the page names it too ("News24 is now
    available on your cellphone")."""
    for text in furniture:
        if match := P.SEARCH_SITE.match(text):
            others = [t for t in texts if not P.SEARCH_SITE.match(t)]
            return match["outlet"] if _named_elsewhere(others, match["outlet"]) else None
    return None


def _own_address(lines: Sequence[str], title: str | None) -> str | None:
    """The host of the page's own address among `lines`: a bare URL whose path names the
    headline (OWN_URL_SHARE of its words), when it is the only host the page's bare URLs
    name (addresses of several sites are a list of sources, not the page's own)."""
    wanted = set(P.URL_WORD.findall(title.casefold())) if title else set()
    found = [m for text in lines if wanted and (m := P.OWN_URL.match(text))]
    if len({m["domain"].casefold() for m in found}) != 1:
        return None
    named = [wanted & set(P.URL_WORD.findall(m["path"].casefold())) for m in found]
    own = any(len(n) >= P.OWN_URL_SHARE * len(wanted) for n in named)
    return found[0]["domain"].casefold() if own else None


def _about_site(texts: Sequence[str], furniture: Sequence[str]) -> str | None:
    """The site a menu or footer entry names, "About <Site>" (else "Contact <Site>"), in
    a line of the page's `furniture` (its text where the normaliser dropped the line,
    else empty; `texts` are all the lines): the first that is an entry among others, not a
    heading over prose ("About Magellan" over a press release's note on the company),
    nor one of a run of such entries that name different things ("About New Site",
    "About Logo Art": pages, not the site), nor about an entry of the page's own menu
    that the page names nowhere else ("- Webfeeds" in it, "About Webfeeds" further down:
    one of the site's sections; a site's name is in its search box or its copyright line
    too, "Search CTV News", when the menu lists it among its sister sites, "- CTV")."""
    found: dict[str, str] = {}
    entries: set[str] | None = None  # the page's menu entries, once an "About" asks
    for i, text in enumerate(furniture):
        match = P.ABOUT_SITE.match(text)
        if match is None or P.ABOUT_NOT_A_SITE.match(match["outlet"] or ""):
            continue
        kind, name = match["kind"].casefold(), match["outlet"] or match["domain"]
        before, after = _beside(texts, i, -1), _beside(texts, i, 1)
        if kind in found or (after is not None and is_prose(after)):
            continue
        if entries is None:
            entries = {t[2:].strip().casefold() for t in furniture if t.startswith("- ")}
        if name.casefold() in entries and not _named_elsewhere(texts, name):
            continue
        others = (P.ABOUT_SITE.match(t) for t in (before, after) if t is not None)
        if any(
            o
            and o["kind"].casefold() == kind
            and (o["outlet"] or o["domain"]) != name
            and not P.ABOUT_NOT_A_SITE.match(o["outlet"] or "")
            for o in others
        ):
            continue
        found[kind] = name
    return found.get("about") or found.get("contact")


def _named_elsewhere(texts: Sequence[str], name: str) -> bool:
    """Whether a line of the page names `name` other than its menu entry ("- <name>") and
    an "About"/"Contact" entry."""
    key = name.casefold()
    return any(
        key in text.casefold()
        and text[2:].strip().casefold() != key
        and not P.ABOUT_SITE.match(text)
        for text in texts
    )


def _beside(texts: Sequence[str], i: int, step: int) -> str | None:
    """The nearest line to texts[i] that is not blank, `step` -1 above it, 1 below."""
    j = i + step
    while 0 <= j < len(texts):
        if texts[j]:
            return texts[j]
        j += step
    return None


def publication(name: str) -> str:
    """The publication a company's name stands for: its legal form cut ("Alabama Live
    LLC", "The New York Times Company"), when what stays still reads as a name of its
    own: two words or more, or one written like a brand ("CNBC LLC", "ScienceAlert Pty
    Ltd"); not "News Limited", "Fast Company" or "Canoe Inc"."""
    for form in (P.LEGAL_FORM, P.COMPANY_FORM):
        shorter = form.sub("", name)
        if shorter != name and (
            len(shorter.split()) >= 2
            or shorter.isupper()
            or P.CAMEL_CASE.search(shorter)
            or P.SITE_ADDRESS.fullmatch(shorter)
        ):
            name = shorter
    return name


def _shared_link(sheet: Sheet) -> str | None:
    """The host of the story's own link that the page prints under it to be shared
    ("Read or Share this story: http://on.khou.com/1TzTLQJ": khou.com; P.SHARED_LINK)."""
    for text in sheet.texts:
        if match := P.SHARED_LINK.match(text):
            return match["domain"].casefold()
    return None


def _reporter_mail_domain(sheet: Sheet) -> str | None:
    """The domain of a reporter's address on the article's own credit line
    ("cwells@baltsun.com"): the publication's, unless it is a webmail service's or a
    newspaper group's or a public body's."""
    for text, kind in zip(sheet.texts, sheet.kinds, strict=True):
        if kind == "credit" and (match := P.EMAIL_DOMAIN.search(text)):
            domain = match["domain"].casefold()
            if not _no_outlet_mail(domain):
                return domain
    return None


def _contact_mail_domain(sheet: Sheet) -> str | None:
    """The domain of the first address on a line of the writers' addresses, phones and
    handles alone that the page prints off the story's text ("glotan@orlandosentinel.com
    or 407-420-5774"; P.CONTACT_ITEMS_LINE): the publication's, unless a webmail service's, a
    newspaper group's or a public body's."""
    for text, kind in zip(sheet.texts, sheet.kinds, strict=True):
        if kind in ("dropped", "credit") and "@" in text and P.CONTACT_ITEMS_LINE.match(text):
            match = P.EMAIL_DOMAIN.search(text)
            domain = match["domain"].casefold() if match else None
            if domain and not _no_outlet_mail(domain):
                return domain
    return None


def _no_outlet_mail(domain: str) -> bool:
    """An address at this domain names no publication (P.MAIL_DOMAINS_OF_NO_OUTLET,
    P.PUBLIC_MAIL_DOMAIN)."""
    return domain in P.MAIL_DOMAINS_OF_NO_OUTLET or bool(P.PUBLIC_MAIL_DOMAIN.search(domain))


def date_line_place(text: str) -> str | None:
    """The place a date line names beside its date, the story's dateline: "Monday, January
    14, 2008 (Mumbai):" and "New Delhi, January 11, 2008" give Mumbai and New Delhi (a
    place before the date only when it is known as one: "Sun, 13 Jan 2008" is a day)."""
    if match := P.DATE_THEN_PLACE.match(text.strip()):
        place = match["place"]  # in brackets after a date: a place, unless a label's word
        known = not P.NOT_A_TITLE_CASE_PLACE.match(place)
    elif match := P.PLACE_THEN_DATE.match(text.strip()):
        place = match["place"]  # before the date: a known place only ("Sun, 13 Jan 2008")
        known = place in KNOWN_PLACES or place.split()[-1] in PLACE_WORDS
    else:
        return None
    return place if known and parse_date(match["date"].strip(" ,:")) is not None else None


def dateline_station(lede: str) -> str | None:
    """The station a dateline credits by its call sign ("ROCKFORD (WIFR) --", "DETROIT
    (WWJ/AP) -"), its brand ("GREENWOOD, SC (FOX Carolina) -", "(PIX11)") or its site's
    address ("LOS ANGELES (CBSLA.com) -"), or any name in brackets
    glued to the lede's first word, as the site's own markup leaves it ("Washington
    (CNN)Republicans"): the outlet that ran the story. An agency there ("(AP)") is not."""
    match = _dateline(lede)[2]
    agency = match.groupdict().get("agency") if match else None  # DAY_DATELINE names none
    for station in (part.strip() for part in (agency or "").split("/")):
        if _station_shaped(station):  # "(WWJ/AP)", "(41NBC/WMGT)": the part naming a station
            return station
    glued = P.GLUED_CREDIT_DATELINE.match(lede)  # "(CNN)The ...": the site's own markup
    if glued and glued["agency"].casefold() not in AGENCIES:
        return glued["agency"]
    return None


def dateline_date(lede: str) -> str | None:
    """The day a dateline gives in its brackets, as press releases print it ("KOKOMO,
    Ind. (June 15, 2014) — ..."): the story's date, as an ISO date."""
    match = _dateline(lede)[2]
    dated = match.groupdict().get("dated") if match else None
    return parse_date(dated) if dated else None


def on_dateline_day(published: str | None, lede: str) -> str | None:
    """The date found on the page, or the day the lede's dateline gives ("MARGAO, DEC 30
    — ...", "LONDON, JAN 17 (PTI) —") when that day stands more than
    P.DATELINE_DAY_MAX_LAG days before it: a wire files its story on its dateline's day,
    and a date days later is the site's banner of the day the page was saved ("Goa's
    complete online news edition - Tuesday, January 15, 2008"). The dateline gives no
    year: it is the found date's, or the year before when the day would fall after it."""
    match = _dateline(lede)[2]
    day = P.DATELINE_DAY.search(match["place"]) if match and published else None
    if day is None or published is None:
        return published
    found = date.fromisoformat(published[:10])
    stated = parse_date(f"{day[0].strip(' ,')} {found.year}")
    if stated is None:
        return published
    filed = date.fromisoformat(stated[:10])
    if filed > found:
        try:
            filed = filed.replace(year=found.year - 1)
        except ValueError:  # 29 February
            return published
    lag = (found - filed).days
    return filed.isoformat() if lag > P.DATELINE_DAY_MAX_LAG else published


def _station_rights(name: str | None) -> str | None:
    """A station the article's own copyright line names ("© 2017 WFMY-TV"): its call sign,
    perhaps with its brand after it ("Copyright 2017 by WJXT News4Jax"), is the outlet (an
    agency named there, "© 2017 The Associated Press", is not)."""
    return name if name and P.SITE_CALL_SIGN.fullmatch(name.split()[0]) else None


def _owns_others_text(name: str) -> bool:
    """A news agency, wire service or picture library: who owns a text or photo that
    others run; so does one that lends it ("Courtesy of The Sports Network")."""
    return bool(
        P.LENT_BY.match(name)
        or agencies_in(name)
        or P.AGENCY_LINE.match(name)
        or P.WIRE_SERVICE.search(name)
        or P.PICTURE_LIBRARY.search(name)
    )


def _own_rights(sheet: Sheet, known: frozenset[str]) -> str | None:
    """The holder the article's own copyright line names ("© 2024 The Daily Herald"), when
    nothing stronger names the outlet: the publication that ran it. A news agency or wire
    service named there ("© 2017 The Associated Press", "© CanWest News Service") owns a
    text others run, a picture library ("© 2024 iStockphoto") a photo, a group ("© 2017
    Cox Media Group") owns many outlets, and a person ("© 2008 Jane Roe") is no
    publication; a name the registry knows is one. A short notice with no year ("©
    Shutterstock") credits a photo, and one behind "Source:" the syndicated text's source."""
    line = next(
        (t for t, r in zip(sheet.texts, sheet.rules, strict=True) if r == "copyright_line"), ""
    )
    match = P.OUTLET_FROM_COPYRIGHT.search(line)
    name = match["outlet"].strip() if match else None
    if name and publication(name).casefold() in known:
        return name
    if P.SOURCE_NOTICE.match(line):  # a syndication notice: the text's source holds it
        return None
    if not name or not P.FULL_RIGHTS_NOTICE.search(line) or _owns_others_text(name):
        return None
    company = publication(name)
    if P.OWNER_GROUP.search(company) or _trade_only(company):
        return None
    return None if _person(name) else name


def _paper_worded(name: str) -> bool:
    """A name with a word of a publication's, a site's or a newspaper's ("Paterson Press",
    "WVVA TV", "The Patriot Ledger"): no person's or company's."""
    return bool(
        P.PUBLICATION_WORD.search(name)
        or P.SITE_NAME_WORD.search(name)
        or P.NEWSPAPER_WORD.search(name)
    )


def _site_suffix(sheet: Sheet, title: str | None, known: frozenset[str]) -> str | None:
    """'<headline> -Outlet' printed in the page's title bar or breadcrumb."""
    if not title:
        return None
    key = title.casefold()
    for text, folded in zip(sheet.texts[:10], sheet.casefolded, strict=False):
        if key not in folded:  # the match's title part would not end with it
            continue
        match = P.TITLE_SITE_SUFFIX.match(text)
        if match and match["title"].casefold().endswith(key) and match["site"].casefold() != key:
            site = match["site"].strip()
            if _bar_tail(text, site) and site.casefold() not in known:
                continue  # the site's city or a section, as cut_site_name cuts it
            return site
    return None


def _bar_tail(text: str, site: str) -> bool:
    """`site` is the few words a bar sets apart at the end of `text` and reads as no
    site's name: furniture, not an outlet ("... | Dayton", "... | Dayton, OH")."""
    _head, bar, tail = text.rpartition("|")
    return (
        bool(bar)
        and tail.strip() == site
        and words(site) <= P.BAR_TAIL_MAX_WORDS
        and not _site_name(site, text.isupper())
    )


def _not_a_group(name: str | None) -> str | None:
    """`name`, unless it names a group that owns outlets (P.FOOTER_OWNER_GROUP) or a company
    named only for its trade ("News Limited": a word of a site's name and a legal form)."""
    if name is None:
        return None
    company = publication(name)
    return None if P.FOOTER_OWNER_GROUP.search(company) or _trade_only(company) else name


def _trade_only(company: str) -> bool:
    """A company (as publication() leaves it) named only for its trade: a word of a site's
    name and a legal form ("News Limited")."""
    trade = P.LEGAL_FORM.sub("", company)
    return trade != company and P.SITE_NAME_WORD.fullmatch(trade) is not None


def _brand(sheet: Sheet, name: str | None) -> str | None:
    """The publication a company that owns it is named after ("Telegraph Media Group
    Limited": Telegraph), when the page prints that name in lines of its own that are no
    copyright notice (P.OWNER_TAIL); else `name`, unless it names a group (_not_a_group)."""
    if name is None:
        return None
    name = P.OWNER_AND_STATION.sub("", name)  # "WorldNow and KMPH"
    company = publication(name)
    stem = P.OWNER_TAIL.sub("", company)
    if stem != company and stem[:1].isupper() and not P.OWNER_NAMES.match(name):
        printed = re.compile(rf"(?<![\w&-]){re.escape(stem)}(?![\w&-])")
        lines = (t for t in sheet.texts if stem in t and not P.FOOTER_NOTICE.search(t))
        if sum(1 for t in lines if printed.search(t)) >= P.BRAND_MIN_LINES:
            return stem
    return _not_a_group(name)


def _footer_rights(sheet: Sheet, known: frozenset[str]) -> str | None:
    """The holder the last copyright notice below the article names, whatever rule dropped
    the line (a menu's, a notice's): "© Copyright Toronto Star 1996-2008 Privacy Code |
    Site Map". Only a name that reads as a publication's (a word of a paper's or a site's
    name, a site's address, a call sign, or a name the registry knows), not a group's,
    an agency's, a picture library's or the pictures' own notice."""
    end = max((i for i, k in enumerate(sheet.kinds) if k not in ("dropped", "blank")), default=-1)
    for text in reversed(sheet.texts[end + 1 :]):
        if not P.FOOTER_NOTICE.search(text) or P.PICTURE_RIGHTS.search(text):
            continue
        match = P.OUTLET_FROM_COPYRIGHT.search(text)
        name = publication(match["outlet"].strip()) if match else None
        if not name or name.casefold() in known:
            return name
        brand = _brand(sheet, name)  # the publication an owner is named after; None: a group
        if brand != name:
            return brand
        if _owns_others_text(name):
            return None
        named = (
            _paper_worded(name)
            or P.SITE_ADDRESS.search(name)
            or P.SITE_CALL_SIGN.fullmatch(name.split()[0])
        )
        return name if named else None
    return None


def _agency_then_outlet(sheet: Sheet) -> str | None:
    """The station a copyright line names after the agency that owns the text ("Copyright
    Associated Press / NBC New York")."""
    for text, rule in zip(sheet.texts, sheet.rules, strict=True):
        rights = rule in ("copyright", "copyright_line")
        match = P.AGENCY_THEN_OUTLET.match(text) if rights else None
        if match and _owns_others_text(match["agency"]):
            return match["outlet"]
    return None


def _from_rule(sheet: Sheet, rule: str, pattern: re.Pattern[str]) -> str | None:
    """The outlet named in the first line the rule dropped or claimed."""
    for text, r in zip(sheet.texts, sheet.rules, strict=True):
        if r == rule and (match := pattern.search(text)):
            return match["outlet"].strip()
    return None


def registry_names(outlets: Sequence[Outlet]) -> frozenset[str]:
    """Every name and alias of the registered outlets, casefolded."""
    return frozenset(n.casefold() for o in outlets for n in (o.name, *o.aliases))


def registered_outlet(name: str | None, url: str | None, outlets: Sequence[Outlet]) -> str | None:
    """The registry's spelling of an outlet found in the page, else the outlet of the
    URL's domain, else the name as found."""
    if name:
        key = name.casefold()
        for o in outlets:
            if key == o.name.casefold() or key in (a.casefold() for a in o.aliases):
                return o.name
        return name
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    for o in outlets:
        if any(host == d or host.endswith("." + d) for d in o.domains):
            return o.name
    return None


# --- where -------------------------------------------------------------------------------------
def street_addresses(title: str, paragraphs: Sequence[str]) -> tuple[tuple[int, str], ...]:
    """(block number, street) of every "6700 block of South Wabash Avenue" the headline
    and paragraphs give, and of a house the headline places the event at ("at 9780
    Bissonnet"), once each: (6700, "wabash"), (9780, "bissonnet")."""
    found: dict[tuple[int, str], None] = {}
    houses = [(m[1], m[2]) for m in P.HOUSE_ADDRESS.finditer(title)]
    blocks = [(m[1], m[2]) for text in (title, *paragraphs) for m in P.BLOCK_ADDRESS.finditer(text)]
    for number, name in houses + blocks:
        street = name.lower()
        found[(int(number.replace(",", "")), P.ORDINAL_STREETS.get(street, street))] = None
    return tuple(found)
