"""Stage 1, read: seed files -> decoded RawDocuments, or Rejected with a reason.

Nothing here interprets the article; it only makes the bytes into trustworthy
text (decoding, broken-Unicode repair, front matter) and says why when it cannot."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import frontmatter
import yaml

from .errors import ConfigError
from .models import Outlet, Overrides, RawDocument, Rejected, SeedFile, SeedFolder, Stamp

if TYPE_CHECKING:
    from lxml.html import HtmlElement

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SEED_SUFFIXES = ARTICLE_SUFFIXES | HTML_SUFFIXES
# Photo files beside a seed (see generator/images.py): not articles, so not seeds.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})
# Files in the seeds folder that configure digest rather than being articles.
OUTLET_REGISTRIES = ("outlets.yml", "outlets.yaml")
STORY_REGISTRIES = ("stories.yml", "stories.yaml")
REGISTRY_FILES = frozenset({*OUTLET_REGISTRIES, *STORY_REGISTRIES})
# Front-matter keys that override what the text heuristics find.
META_KEYS = ("title", "dek", "outlet", "published", "retrieved", "url", "credits")
# The names other tools give the same keys (static-site generators, scrapers, feed
# readers): read as digest's own when digest's own key is absent, first alias first.
META_ALIASES = {
    "title": ("headline",),
    "dek": ("subtitle", "description"),
    "outlet": ("site_name", "publisher"),
    "published": ("date", "pubdate"),
    "url": ("link", "canonical_url"),
    "credits": ("author", "authors", "byline"),
}
# A value other tools write as a mapping (schema.org and Hugo write an author or publisher
# as `{name: ..., url: ...}`) stands for the first of these it has; one with none of them
# names nothing a page could show, and is left out like an absent key.
META_NAMED = ("name", "title", "text", "value")

# An article has paragraphs, not megabyte lines or a million of them: past these limits a
# file is rejected before any heuristic runs on it, so memory and time stay bounded.
MAX_LINE_CHARS = 100_000
MAX_LINES = 50_000

# ASCII text that ftfy returns unchanged, with nothing to explain, holds none of these:
# '&' (an HTML entity), ESC (a terminal escape), CR (a line break to fix) and the other
# control characters it removes (all but newline and tab, to be safe). Its encoding fix
# passes ASCII over; the others touch only non-ASCII characters. Such text (most seeds)
# skips ftfy, the slowest step of reading a seed.
_FTFY_ASCII_WORK = re.compile(r"[&\x00-\x08\x0b-\x1f\x7f]")
# Beside ASCII, the typographic characters most news text has: curly quotes, en and em
# dashes, the ellipsis, the no-break space. ftfy leaves a text of these and ASCII as it
# is too: its mojibake patterns (ftfy.badness) pair these only with accented letters,
# currency signs, symbols or C1 controls, none of which such a text holds, and NFC keeps
# them. Of the 5,000 seeds of the bench corpus, 2,094 are such texts and 2,528 ASCII; a
# build that reads only those needs no ftfy (a twentieth of a second to import).
_FTFY_NOT_PLAIN = re.compile("[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\xa0]")
# What a tokeniser spaced out, joined again (the ECB+ dumps do it throughout: "59 - year -
# old", "U. S. Marshals", "$2. 6 million", "27 / 09 / 2013"). Hyphens: a chain of three
# words with a short lower-case (or joining) middle one, two short numbers (a score, not a
# date and a time), a number (in figures or words) and a unit, an Arabic name's article
# ("Al - Masry"), a prefix and its word, a common compound ("third - floor"). A dash
# between two clauses ("the man - who was 27 - fled") or before a site's name ("Teen shot -
# NBC12 - WWBT") is none of these. Dots:
# a place's initials ("U. S.", "L. A.", "D. C."; a person's stay as printed: "C. A. Deckard"),
# and a decimal before an amount or a quake's magnitude ("$2. 6", "1. 2 percent", "6. 4 on
# the Richter scale"), not a sentence's end before a number ("in 2008. 6 people").
_HYPHEN_UNITS = (
    "year|month|week|day|hour|minute|second|yard|foot|feet|inch|mile|meter|metre|point|game|"
    "caliber|calibre|magnitude|"
    "man|woman|person|member|page|story|storey|car|vehicle|time|gauge|acre|pound|ton|seat|hole"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred"
)
_TOKENISER_SPACES = (
    re.compile(r"\b(\w+) - ([a-z]{1,5}|And|Of|In|To|The|By|For|On|Or|Year|Years) - (\w+)\b"),
    re.compile(r"(?<![:\d./-])\b(\d{1,3}) - (\d{1,3})\b(?![:./-]\d)"),
    re.compile(rf"\b(\d+|(?i:{_NUMBER_WORDS})) - ((?:{_HYPHEN_UNITS})s?)\b"),
    re.compile(r"\b(Al|El|al|el) - ([A-Z]\w+)"),  # an Arabic name's article: "Al - Masry"
    re.compile(r"\b([Mm]agnitude) - (\d)"),  # "a magnitude - 6. 1 temblor"
    re.compile(
        r"\b(co|anti|ex|pre|post|non|self|vice|mid|semi|multi|inter|pro|quasi|re) - "
        r"(?!(?-i:[A-Z0-9]{2,})\b)(\w)",
        re.IGNORECASE,
    ),
    # the halves of a common compound: "a two - party basis", "first - ever", "well -
    # known", "long - term", "high - profile", "part - time"
    re.compile(
        r"\b((?i:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|"
        r"fifth|half|well|long|short|high|low|full|part|all|hard|top|late|close)) - "
        r"(ever|party|time|term|known|profile|level|range|scale|based|round|way|sided|"
        r"hand|class|run|standing|born|off|up|floor|degree|place|responding|generation)\b"
    ),
)
# ... and a double hyphen, the typed dash, spaced out between two words ("attack code - -
# to hijack their browser"): "--" again.
_TOKENISER_DOUBLE_HYPHEN = re.compile(r"(?<=[\w,.!?\"”'’)]) - - (?=[\w\"“‘'(])")
# ... and a quote's closing mark moved past its comma ('her, "said Unique Armstead' is
# 'her," said ...'), and a contraction split in two ("gon na").
_TOKENISER_QUOTE = re.compile(r', "(?=(?:said|says|asked|added|told)\b)')
_TOKENISER_CONTRACTIONS = re.compile(r"\b(gon|wan|got) (na|ta)\b")
# A sentence splitter's line break after a title that stands before a name ("... the
# Rev." / "Larry Kroon of the Wasilla Bible Church said"): one sentence, joined again. Not
# after "Dr." or "St.", which also end a street's name.
_TITLE_LINE_BREAK = re.compile(
    r"\b(Rev|Gov|Sen|Rep|Mr|Mrs|Ms|Lt|Gen|Sgt|Capt|Col|Maj|Cpl|Det|Prof)\.\n(?=[A-Z])"
)
# ... and, in a text where the tokeniser's spaces were found, a clock's colon ("8: 30pm"),
# a closing quote split from the stop before it at a line's end ('my innocence. "') and a
# plural's apostrophe split from its word ("five years ' probation").
_TOKENISER_AFTER = (
    (re.compile(r"\b(\d{1,2}): (\d{2})(?=\s?[ap]\.?\s?m\b)", re.IGNORECASE), r"\1:\2"),
    (re.compile(r'([.!?,]) "$', re.MULTILINE), r'\1"'),
    (re.compile(r"\b(\w+s) ' (?=[a-z])"), r"\1' "),
)
# ... and a date's slashes: "27 / 09 / 2013"
_TOKENISER_DATE = re.compile(r"\b(\d{1,2}) / (\d{1,2}) / ((?:19|20)?\d\d)\b")
# ... and, in a text where the tokeniser's spaces were found, a thousands separator
# ("22, 000 people"), not the last of a list ("rooms 101, 102 and 103"). In other texts
# "19, 407 E. Tellico St." is an age and an address.
_TOKENISER_THOUSANDS = re.compile(
    r"(?<!\d, )(?<!\d and )(?<!\d or )\b(\d{1,3}), (\d{3})\b(?![\d.,]\d|,? (?:and|or) \d)"
)
_TOKENISER_DOTS = (
    re.compile(r"\b(U|L|D|N)\. (?=(?:S|N|K|A|C|Y|J)\.)"),  # "U. S.", "L. A.", "D. C."
    re.compile(r"\b([ap])\. (?=m\.)"),  # "3:33 a. m."
    re.compile(r"(\w)\. (?=(?:com|org|net)\b)"),  # "Deadline. com"
    re.compile(
        r"(?:(?<=[$£€])|(?<![\d.])(?=\d{1,3}\. \d{1,2}[ -](?:million|billion|trillion|percent|"
        r"magnitude|degree|on the Richter|temblor|quake|earthquake)\b))"
        r"(\d{1,3})\. (?=\d{1,2}\b)"
    ),
)
# Punctuation a page lost to "?" when it was saved in an encoding without curly quotes
# and dashes ("Peterson?s grasp", "DENVER (AP) ? The NFC ..."). A question mark between a
# word and a contraction's ending is a lost apostrophe (not a query's "?s=" or "?t="), and
# one standing alone between words a lost dash: English sets neither. In a text with such a
# lost apostrophe, its quotes were lost too: "?" before a word's first letter opens a
# quote, after a comma, a full stop or a question's own mark closes one ('shot,? Peterson
# said', '"Where am I??'), and so does the first "?" after a word in a quote opened and not
# yet closed, before a small letter or punctuation ('the "B? group', 'despite "enormous
# efforts? on'). A question mark before a capital is the question's own ('"Is it
# frustrating? A little bit'), and so is any other after a word ("Where am I?"). A text
# with no apostrophe to lose shows its lost quotes by a comma's: no question's mark comes
# right after a comma ('in his sleep,? Bowman's mother'); or by a line that opens with one
# before a capital where another ends a line after a full stop ('?We can score just as
# easily.?').
# A mark written in UTF-8, read as cp1252 ("â€™") and saved where "€" and "™" have no
# place: "â??" ("Canadaâ??s"), one mark lost as a "?" is.
LOST_UTF8_MARK = "â??"
LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\?(?=(?:s|t|d|m|re|ve|ll)\b(?![=&]))")
LOST_QUOTE_AFTER_COMMA = re.compile(r"(?<=\w),\?(?=\s|$)", re.M)
LOST_QUOTE_OPENING_LINE = re.compile(r"^\?(?=[A-Z])", re.M)
LOST_QUOTE_AFTER_STOP = re.compile(r"(?<=\w\.)\?$", re.M)
# A dateline's dash lost after a state's abbreviation ("Reno, Nev.? Natalie White ...").
LOST_DATELINE_DASH = re.compile(r"^([A-Z][A-Za-z .'-]{1,30}, [A-Z][a-z]{1,5}\.)\?(?= [A-Z])", re.M)
# A page that lost each quote as two marks opens some word with two: its "??" are each one
# lost mark ('Allen?s ??Cassandra?s Dream,?? is'). In a text that lost apostrophes, a word
# in capitals lost its own before a capital S ("CASSANDRA?S DREAM").
DOUBLED_LOST_QUOTE = re.compile(r"(?:^|(?<=\s))\?\?(?=[A-Za-z])", re.M)
LOST_CAPITAL_APOSTROPHE = re.compile(r"(?<=[A-Z])\?(?=S\b)")
LOST_DASH = re.compile(r"(?<=[\w).,]) \? (?=[\w\"“(])")
LOST_QUOTES = (
    (re.compile(r"(?:^|(?<=[\s(\[]))\?(?=[A-Za-z])", re.M), "“"),
    (re.compile(r"(?<=[,.!?])\?(?=[\s,;]|$)", re.M), "”"),
    (re.compile(r"(“[^“”?\n]*\w)\?(?=\s+[a-z]|[,.;:!)-]|$)", re.M), r"\1”"),
    (re.compile(r"(“[^“”\n]*[?!]) \?(?=\s|$)", re.M), r"\1”"),  # '“Sound like heaven? ? asks'
)
# ... and, with the quotes put back, a plural's apostrophe ("Democrats? primary", a small
# letter after it: a question's mark is followed by a capital) and a dash between two
# words with no space ("the Phoenix?earned him").
LOST_IN_WORDS = (
    (re.compile(r"(?<=[a-z]s)\?(?= [a-z])"), "’"),
    (re.compile(r"(?<=[a-z])\?(?=[a-z])"), "—"),
)
# A space a page lost: a sentence run into the next ("West Philadelphia.It happened"; not
# an address, "www.Areza.com", "Amazon.Com"), and one a page added before a comma or a
# full stop ("Home and Away ."). Typewriter quotes (``so'') in a text that has them, as
# typographic ones; a closing quote typed as two apostrophes after a straight opening one
# ("my university,'' said Austin"), as the straight quote the text opened with (not a
# measure's inches, 12''), and one opened so before a capital.
GLUED_SENTENCE = re.compile(
    r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\b(?!\.[A-Za-z]{2}))"
    r"(?!(?:Com|Net|Org|Co|Uk|Gov|Edu)\b)"
)
# A stop with a capitalised word right after it: what GLUED_SENTENCE needs, searched for
# first (a pass of this is a third of one of GLUED_SENTENCE's; most texts have none).
STOP_THEN_WORD = re.compile(r"[.!?](?=[A-Z][a-z])")
# ... and a quote mark between the two sentences: 'the area."Haverstock Hills has been',
# "anything.”Police said", 'at 7 p.m."There's', 'the gunmen."I think', and a quote after a
# colon: 'the lack of outrage:"Where are'. The space goes before a quote that opens (a
# straight one after an even number of them on its line, or “) and after one that closes.
GLUED_QUOTE = re.compile(r"(?:(?<=[a-z]{2}[.!?:])|(?<=[ap]\.m\.))[\"“”](?=[A-Z](?:[a-z]|\s[a-z]))")
SPACE_BEFORE_STOP = re.compile(r"(?<=\w) +(?=[,.](?:\s|$))", re.M)
TYPEWRITER_QUOTES = (("``", "“"), ("''", "”"))
# A backtick left alone is an apostrophe ("didn`t", "Nick`s", "5`8” tall") or a single
# quote that opens ("`Atonement' Up for British Film Awards", closed by an apostrophe):
# either way it is printed as the apostrophe.
TYPED_APOSTROPHE = ("`", "'")
APOSTROPHES_AS_QUOTE = (
    (re.compile(r"(?<=[A-Za-z,.?!])('?)''(?=[\s,.;:!?)]|$)", re.M), r'\1"'),  # "?''' McGovern"
    (re.compile(r"(?:^|(?<=[\s(]))''(?=[A-Z])", re.M), '"'),  # one opened so: "''The Congress"
)
# How htmldate is asked for an HTML seed's date: only a date the markup states (meta tags,
# JSON-LD, <time> and date-classed elements, an ISO stamp), the original one rather than
# an update. Its extensive search guesses from free text: the page's newest date in any
# sentence, or January 1 of a footer's copyright year ("© 2024 ..." -> 2024-01-01).
HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Markup that states when an article was published, as data: a <meta> of one of these
# names (property, name or itemprop), an element with itemprop="datePublished" or a
# <time pubdate>, or JSON-LD with a datePublished. Where a page has none, htmldate's date
# comes from a date-classed element, which on many sites is the masthead's "today" (the
# day the page was saved, not the day the story ran): the date the page's text states
# under its headline comes first then (from_html), and that element's date after it.
PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dc.created",
        "dcterms.date",
        "dcterms.created",
        "dcterms.issued",
        "datepublished",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "citation_publication_date",
        "originalpublicationdate",
        "displaydate",
    }
)
PUBLISHED_ELEMENTS = "//*[@itemprop='datePublished'] | //time[@pubdate]"
PUBLISHED_JSON_LD = "datePublished"
# Markup that states the article's headline: a <meta> of one of these names, an element
# with itemprop="headline", or JSON-LD with a headline. Where a page has none, trafilatura
# takes its <title>, which on many sites is the site's name, a section ("Sports", "Market
# Place") or the headline with the site and its sections around it; the headline the
# page's text prints over the body (from_html) is then the better one (_headline).
TITLE_META = frozenset({"og:title", "twitter:title", "headline", "dc.title"})
TITLE_ELEMENTS = "//*[@itemprop='headline']"
TITLE_JSON_LD = '"headline"'
# A headline the body talks about: at least this share of its content words (block's
# content_words) are in the body's first LEDE_LINES lines of prose.
TALKED_SHARE, LEDE_LINES = 1 / 3, 3
# A line of the page's text that is markup a page let through as text (a conditional
# comment, a script's tag): no line of the article.
MARKUP_LINE = re.compile(r"^<[!/?]?[A-Za-z\[]")
# How a page is laid out as lines, as a scraper's text dump has it: each of these
# elements starts and ends a line; a list item's line starts with "- ".
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "time",
        "tr",
        "ul",
    }
)
# An element the page hides until a script shows it (a pop-up's e-mail form over the
# headline) holds no text a reader sees, nor the scraper's dump.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A drop-down's choices are a control's, shown one at a time: no text of the page.
# A <figcaption> is read as a photo's caption (PageParts.captions), not as a line.
UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "select", "figcaption"})
# The charset a page declares (<meta charset="windows-1252">, or in its content type),
# looked for in its first CHARSET_WINDOW bytes. Browsers read the Latin-1 and ASCII labels
# as windows-1252 (the WHATWG Encoding Standard), and so does digest.
HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
CHARSET_WINDOW = 4096
CHARSET_AS_BROWSERS_READ = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}
# What a page's <title> puts between its headline and the site's name: "Flooding forces
# evacuations | Alpine Courier", "Alpine Courier - Flooding forces evacuations". What
# stands at the other end from the headline, past any section, is the site's name when it
# is a name's length: the outlet, when the markup names none (og:site_name).
TITLE_BAR_SEPARATOR = re.compile(r"\s+(?:[|\-–—:»·•]|::)\s+|\s*\|\s*")
SITE_NAME_MAX_WORDS = 6
# A headline a group's sites share, tagged with the one that ran it: "Pace star's
# Bollywood adventure (from The Bolton News)".
TITLE_FROM_SITE = re.compile(r"\s\(from (?P<site>[^()]{2,60})\)$", re.IGNORECASE)
# The year a site's name keeps from the copyright tag it was read off ("winnipeg sun 2004"):
# one of the web's years (1990 on) after the name; "Club 1902" keeps its number.
RIGHTS_YEAR = re.compile(r"(?<=\w)\s+(?:199\d|20\d\d)$")
# Words that say where a section's news is from ("US World", "National", "Local News"):
# a name made of these and sections' names (normalise.patterns.SECTION_NAME) is a section,
# not the site's name.
SECTION_SCOPES = frozenset(
    {"us", "uk", "world", "national", "international", "local", "regional", "state", "general"}
)
# A site's name is capitalised but for these ("The Voice of Tasmania", "News & Record"),
# and holds no comma ("Augusta, GA" is the site's place).
NAME_JOINING_WORDS = frozenset({"of", "the", "and", "&", "for", "on", "in", "de", "du", "la"})
# A site named by its web address: "Mirror.co.uk", "www.kansascity.com", "smh.com.au".
WEB_ADDRESS = re.compile(r"(?<![\w.])(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.IGNORECASE)
# Whitespace that scrapers leave in and readers never see as different from a space.
_SPACES = (("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\t", " "), ("\u200b", ""))


def seed_files(seeds_dir: Path) -> list[tuple[str, Path]]:
    """Every candidate seed below seeds_dir, sorted by relative path; hidden files skipped."""
    return [(source, Path(path)) for source, path in _split(_files(seeds_dir))[0]]


def image_files(seeds_dir: Path) -> list[tuple[str, Path]]:
    """Every photo file below seeds_dir, sorted by relative path; hidden files skipped."""
    return [(source, Path(path)) for source, path in _split(_files(seeds_dir))[1]]


class Unread(Exception):
    """A seed that read_folder knew by its stamp, and did not read, is wanted after all
    (its article is not in the cache): the build reads the folder again, every seed."""


def read_folder(
    seeds_dir: Path, max_bytes: int, known: Mapping[str, tuple[Stamp, str]] | None = None
) -> SeedFolder:
    """The seeds folder, listed once and each file read once: what a build works from.
    A seed in `known` (source -> the stamp and digest a build read it with) whose stamp
    is still that one is not read again, as git trusts its index: its SeedFile comes
    with that digest and no bytes. (Any write to a file moves its change time, which no
    tool can set back; BuildState.known leaves out a file changed within RACY_NS of
    that build's reading, whose next change could fall in the same clock tick.)"""
    seeds, photos = _split(_files(seeds_dir))
    known = known or {}
    return SeedFolder(
        tuple(
            _unchanged(path, source, max_bytes, known.get(source))
            or load_seed(Path(path), source, max_bytes)
            for source, path in seeds
        ),
        tuple(_read_image(Path(path), source, max_bytes) for source, path in photos),
    )


def stamp(status: os.stat_result) -> Stamp:
    return (
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
        status.st_ino,
        status.st_dev,
    )


def _unchanged(
    path: str, source: str, max_bytes: int, record: tuple[Stamp, str] | None
) -> SeedFile | None:
    """The seed as `record` knows it, when the file's stamp is still the recorded one."""
    suffix = _suffix(source)
    if record is None or suffix not in SEED_SUFFIXES:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size > max_bytes:
        return None
    now, (then, digest) = stamp(status), record
    return SeedFile(source, suffix, None, digest, now) if now == then else None


def _read_image(path: Path, source: str, max_bytes: int) -> tuple[str, bytes | str]:
    read = _read_bounded(path, max_bytes)
    return (source, read) if isinstance(read, str) else (source, read[0])


# Opened without waiting: a named pipe among the seeds would otherwise block the build
# until something writes to it. (Windows has no such flag, nor such pipes in a folder.)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_bounded(path: str | Path, max_bytes: int) -> tuple[bytes, os.stat_result] | str:
    """A regular file's bytes and status, or why it is not read. Only a regular file is
    read (a pipe, a socket or a device, such as a link to /dev/zero, has no size to
    check), and never more than max_bytes of it, should it grow while it is read."""
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISDIR(status.st_mode):
                return "it is a folder"
            if not stat.S_ISREG(status.st_mode):
                return "not a regular file (a pipe, socket or device): not read"
            if status.st_size > max_bytes:
                return f"file is {status.st_size:,} bytes, over the {max_bytes:,}-byte limit"
            data = handle.read(status.st_size + 1)  # a byte more: did it grow?
            if len(data) > status.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as err:
        return f"cannot read file: {err.strerror or err}"
    if len(data) > max_bytes:
        return f"file grew past the {max_bytes:,}-byte limit while it was read"
    return data, status


# Each file's seed-relative path and its path, as strings: a Path is made only for a file
# that is read (pathlib's parsing of each of 5,000 names was most of a listing's time).
Listed = list[tuple[str, str]]


def _suffix(source: str) -> str:
    """Path(source).suffix, lower-cased."""
    name = source[source.rfind("/") + 1 :]
    at = name.rfind(".")
    return name[at:].lower() if 0 < at < len(name) - 1 else ""


def _split(found: Listed) -> tuple[Listed, Listed]:
    """(seeds, photo files) of one listing."""
    seeds: Listed = []
    photos: Listed = []
    for source, path in found:
        (photos if _suffix(source) in IMAGE_SUFFIXES else seeds).append((source, path))
    return seeds, photos


def _files(seeds_dir: Path) -> Listed:
    """Every file below seeds_dir (and links to folders, to report them), sorted by
    seed-relative path; hidden files and the registries skipped. Paths are joined as
    strings: pathlib's parsing of each of thousands of paths was most of the listing."""
    found: Listed = []
    top = os.fspath(seeds_dir)
    for root, dirs, files in os.walk(top, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # a link to a folder is not followed (it could loop), but it is reported
        linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        dirs[:] = [d for d in dirs if d not in linked]
        prefix = os.path.relpath(root, top).replace(os.sep, "/") + "/"
        prefix = "" if prefix == "./" else prefix
        for name in [*files, *linked]:
            if name.startswith("."):
                continue
            source = prefix + name
            if source in REGISTRY_FILES:
                continue
            found.append((source, os.path.join(top, source)))
    return sorted(found)


def read_all(seeds_dir: Path, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    for source, path in seed_files(seeds_dir):
        yield read_seed(path, source, max_bytes)


def read_seed(path: Path, source: str, max_bytes: int) -> RawDocument | Rejected:
    """Decode one seed file, or say why it cannot be an article."""
    loaded = load_seed(path, source, max_bytes)
    return loaded if isinstance(loaded, Rejected) else decode_seed(loaded)


def load_seed(path: Path, source: str, max_bytes: int) -> SeedFile | Rejected:
    """One seed file's bytes, or why it is not read at all (type, size, unreadable, not a
    file). One open, one fstat and one read per seed: thousands are read per build."""
    if os.path.islink(path) and os.path.isdir(path):
        return Rejected(source, "link to a folder: not followed (link the files instead)")
    suffix = path.suffix.lower()
    if suffix not in SEED_SUFFIXES:
        return Rejected(
            source, f"unsupported file type '{path.suffix}' (expected .txt, .md or .html)"
        )
    read = _read_bounded(path, max_bytes)
    if isinstance(read, str):
        return Rejected(source, read)
    data, status = read
    return SeedFile(source, suffix, data, stamp=stamp(status))


def decode_seed(seed: SeedFile) -> RawDocument | Rejected:
    """A seed's bytes -> text and front matter (a pure function of source, suffix, bytes)."""
    source = seed.source
    if seed.data is None:
        raise Unread(source)
    if seed.suffix in HTML_SUFFIXES:
        return from_html(source, seed.data)
    text_or_reason = decode(seed.data)
    if isinstance(text_or_reason, Rejected):
        return Rejected(source, text_or_reason.reason)
    text, encoding = text_or_reason
    if too_long := _over_limits(text):
        return Rejected(source, too_long)
    text, repairs = clean_text(text)
    return _with_front_matter(source, text, encoding, repairs)


def decode(data: bytes) -> tuple[str, str] | Rejected:
    """Bytes -> (text, encoding name). BOMs first, then UTF-8, then cp1252, then Latin-1."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as err:
                return Rejected(
                    "", f"starts with a {name} byte-order mark but does not decode: {err}"
                )
    if b"\x00" in data:
        return _utf16_without_bom(data) or Rejected("", "binary file (contains NUL bytes)")
    for name in ("utf-8", "cp1252"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def from_html(source: str, data: bytes) -> RawDocument | Rejected:
    """An HTML page, read in its charset. trafilatura reads the markup's fields (title,
    date, author, site name) and finds the article's body in it; the title bar names the
    site when the markup does not (_title_and_outlet), the <figcaption>s are the photos'
    captions. The page's text, laid out as lines as a scraper's dump has it (_page_lines),
    is the seed's text: the normaliser reads it as it reads a text seed, finding the
    headline, dek, byline, date and body and leaving out the furniture, and `digest
    explain` shows each line's verdict. On the dev pages that keeps more of the article
    and less furniture than trafilatura's body (bench/README.md); trafilatura's body is
    the text when the lines give no body. The headline the lines print is the title where
    the markup states none (_headline), their date the date where it states none."""
    import trafilatura  # heavy: only imported when a seed is HTML

    from .normalise import normalise

    html, encoding = _html_text(data)
    try:
        tree = trafilatura.load_html(html)
        page = _page_parts(tree) if tree is not None else PageParts()
        found = trafilatura.bare_extraction(
            tree if tree is not None else html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=dict(HTML_DATE_PARAMS),
        )
    except Exception as err:  # trafilatura and lxml raise many kinds on broken markup
        return Rejected(source, f"HTML could not be parsed: {err}")
    fields: dict[str, object] = {}
    if isinstance(found, dict):
        fields = found
    elif found is not None:
        fields = found.as_dict()
    extracted = clean_text(str(fields.get("text") or ""))
    lines = clean_text("\n".join(_page_lines(tree)) if tree is not None else "")
    printed = normalise(RawDocument(source, lines[0], encoding)) if tree is not None else None
    text, repairs = lines if printed is not None and printed.paragraphs else extracted
    if not text.strip():
        return Rejected(source, "no article text found in the HTML")
    authors = str(fields.get("author") or "")
    published = fields.get("date")
    title, outlet = _title_and_outlet(
        str(fields.get("title") or ""),
        str(fields.get("sitename") or ""),
        page,
        printed.title if printed else None,
    )
    if printed is not None and tree is not None:
        stated = _states(tree, TITLE_META, TITLE_ELEMENTS, TITLE_JSON_LD)
        lede = extracted[0] or "\n".join(printed.paragraphs)  # trafilatura's view of the body
        headline = _headline(title, printed.title, stated, lede, page.title_bar)
        if outlet is None:  # "<headline> | Valley Herald": the markup's title names the site
            outlet = _site_name(_title_bar_site(title, headline))
        elif _rights_notice(str(fields.get("sitename") or "")):
            # a rights holder is often the group that owns the paper the <title> names:
            # "<headline> - World - Sport - The Canberra Times", (c) Rural Press Ltd.
            outlet = _site_name(_title_bar_site(page.title_bar, headline)) or outlet
        title = headline
        if not _states(tree, PUBLISHED_META, PUBLISHED_ELEMENTS, PUBLISHED_JSON_LD):
            published = printed.published or published
    meta = {
        "title": title,
        "published": published,
        "outlet": outlet,
        "url": fields.get("url"),
        "credits": tuple(a.strip() for a in authors.split(";") if a.strip()),
        "captions": page.captions,
    }
    return RawDocument(
        source, text, encoding, tuple((k, v) for k, v in meta.items() if v), 1, repairs
    )


@dataclass(frozen=True, slots=True)
class PageParts:
    """What digest reads off an HTML page's markup itself, beside trafilatura."""

    title_bar: str = ""  # the <title>
    site_name: str | None = None  # og:site_name
    captions: tuple[str, ...] = ()  # the <figcaption>s, in order, once each


def _states(tree: HtmlElement, names: frozenset[str], elements: str, json_ld: str) -> bool:
    """Whether the markup states a field: a <meta> of one of `names` (by property, name or
    itemprop) with content, an element `elements` finds, or JSON-LD holding `json_ld`."""
    for meta in tree.iter("meta"):
        named = (meta.get(a, "").strip().casefold() for a in ("property", "name", "itemprop"))
        if meta.get("content", "").strip() and any(n in names for n in named):
            return True
    if tree.xpath(elements):
        return True
    return any(
        script.get("type", "").casefold() == "application/ld+json"
        and json_ld in (script.text or "")
        for script in tree.iter("script")
    )


def _headline(markup: str, printed: str | None, stated: bool, body: str, bar: str = "") -> str:
    """The headline, from the markup's title (trafilatura's) and the one the page's text
    prints over the body (`printed`, from_html's lines). The printed one when the markup's is
    it with more around it (the site's name, its sections: "IOL: Trio set for Derby
    debuts"), or the <title> (`bar`) is it and other parts ("Halifax, The Daily News:
    Sports | Rocket down Eagles", trafilatura taking the first). Else the markup's when the
    markup states it (`stated`: TITLE_META, ...).
    Else the printed one when the body's opening talks about it (TALKED_SHARE), else the
    markup's when that talks about it, else the printed one if any."""
    from .normalise.block import content_words
    from .normalise.sheet import is_prose

    if printed and markup:
        inner, outer = _title_words(printed), _title_words(markup)
        if inner and inner != outer and f" {inner} " in f" {outer} ":
            return printed
        parts = {_title_words(p) for p in TITLE_BAR_SEPARATOR.split(bar)}
        if inner in parts and len(parts) > 1 and not _section(printed):
            return printed
    if stated or not printed:
        return markup
    lede: set[str] = set()
    for line in islice((line for line in body.split("\n") if is_prose(line)), LEDE_LINES):
        lede |= content_words(line)

    def talked(title: str) -> bool:
        own = content_words(title)
        return bool(own) and len(own & lede) >= TALKED_SHARE * len(own)

    return markup if markup and not talked(printed) and talked(markup) else printed


def _section(name: str) -> bool:
    """A section's name: the normaliser's SECTION_NAME, after any SECTION_SCOPES words."""
    from .normalise.patterns import SECTION_NAME

    rest = " ".join(w for w in name.casefold().split() if w not in SECTION_SCOPES)
    return not rest or bool(SECTION_NAME.fullmatch(rest))


def _title_words(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.casefold()))


def _page_lines(tree: HtmlElement) -> list[str]:
    """The page's visible text, a line per block (BLOCK_TAGS), a list item's with "- ",
    whitespace squeezed; what a reader does not see (UNSEEN_TAGS, _hidden) left out. Walked
    with a stack of its own: a page's nesting can be deeper than Python's recursion."""
    lines: list[list[str]] = [[]]
    todo: list[tuple[HtmlElement, bool]] = [(tree, False)]
    while todo:
        element, leaving = todo.pop()
        tag = element.tag.casefold() if isinstance(element.tag, str) else None
        shown = tag is not None and tag not in UNSEEN_TAGS and not _hidden(element)
        if leaving:
            if tag in BLOCK_TAGS:
                lines.append([])
            if element is not tree:
                lines[-1].append(element.tail or "")
            continue
        if tag in BLOCK_TAGS:
            lines.append(["-"] if tag == "li" else [])  # the dump's list item: "- Home"
        todo.append((element, True))
        if shown:
            lines[-1].append(element.text or "")
            todo.extend((child, False) for child in reversed(element))
    squeezed = (_squeezed(" ".join(parts)) for parts in lines)
    return [line for line in squeezed if line and not MARKUP_LINE.match(line)]


def _hidden(element: HtmlElement) -> bool:
    """Whether the markup hides the element until a script shows it (HIDDEN_STYLE): a
    pop-up's form, a menu's folded part."""
    return element.get("hidden") is not None or bool(HIDDEN_STYLE.search(element.get("style", "")))


def _page_parts(tree: HtmlElement) -> PageParts:
    site = tree.xpath("//meta[@property='og:site_name']/@content")
    captions = (_squeezed(c.text_content()) for c in tree.iter("figcaption"))
    return PageParts(
        _squeezed(tree.findtext(".//title") or ""),
        (_squeezed(str(site[0])) or None) if site else None,
        tuple(dict.fromkeys(c for c in captions if c)),
    )


def _title_and_outlet(
    title: str, found: str, page: PageParts, printed: str | None
) -> tuple[str, str | None]:
    """The headline and the site's name, from trafilatura's title and site name. Its site
    name is kept unless it took it from the <title> for holding a dot, which is often the
    headline ("T.J. Ford Cleared To Practice : PROTRADE", read as title "PROTRADE"): then
    the web address in it ("SignOnSanDiego.com > News"), if any; else, when the title bar
    is those two parts alone and the page prints the dotted one over its body (`printed`,
    from_html's lines), that is the headline; the site's name is then the name the title bar
    prints at the far end from the headline. A name a rights notice gives, a section's or
    one without a letter is mended or left out (_site_name)."""
    guessed = "." in found and found in page.title_bar and found != page.site_name
    if found and not guessed:
        return title, _site_name(found)
    address = WEB_ADDRESS.search(found) if found else None  # "www.azstarnet.com ®"
    if address:
        return title, address[0]
    parts = [p.strip() for p in TITLE_BAR_SEPARATOR.split(page.title_bar)]
    printed_here = printed is not None and _title_words(found) == _title_words(printed)
    if sorted(parts) == sorted([found, title]) and printed_here:
        title = found  # the headline, taken for the site's name for its dot
    return title, _site_name(_title_bar_site(page.title_bar, title))


def _site_name(name: str | None) -> str | None:
    """A site's name as the markup gives it, or None when it is none: a rights notice names
    the holder ("Copyright 2007 TV3" -> "TV3", "(c) MMVIII, CBS Corporation. All Rights
    Reserved." -> "CBS"); the names of sections ("Sports") are none, nor is what holds no
    letter (the "6.0" of "Winona Daily News - 6.0" is a version)."""
    from .normalise import fields
    from .normalise import patterns as P

    if not name:
        return None
    holder = P.OUTLET_FROM_COPYRIGHT.search(name) if _rights_notice(name) else None
    if holder:
        name = fields.publication(holder["outlet"].strip())
    name = RIGHTS_YEAR.sub("", name)  # a copyright tag's name and year: "Winnipeg Sun 2004"
    if all(_section(part) for part in P.TAGLINE_SPLIT.split(name)):
        return None  # "Sports", "US World", "News | Weather": the site's sections
    return name if any(c.isalpha() for c in name) else None


def _rights_notice(text: str) -> bool:
    from .normalise.patterns import FULL_RIGHTS_NOTICE

    return bool(FULL_RIGHTS_NOTICE.search(text))


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _html_text(data: bytes) -> tuple[str, str]:
    """A page's text and the charset it was read with: UTF-8 when its bytes are (a page
    that declares Latin-1 but holds UTF-8 bytes is common, and reads as mojibake), else
    the charset it declares, when that reads it; else as a text seed is read (decode)."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = HTML_CHARSET.search(data[:CHARSET_WINDOW])
    if declared:
        try:
            name = codecs.lookup(declared[1].decode("ascii")).name
            name = CHARSET_AS_BROWSERS_READ.get(name, name)
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode(data)
    return decoded if not isinstance(decoded, Rejected) else (data.decode("latin-1"), "latin-1")


def _title_bar_site(title_bar: str, headline: str) -> str | None:
    """The site's name a <title> prints at one end with the headline at the other
    ("<headline> | News | Alpine Courier" -> "Alpine Courier"), or tags the headline with
    (TITLE_FROM_SITE); None when the title bar is not the headline and a separator and
    more, or what stands there is longer than a name."""
    tagged = TITLE_FROM_SITE.search(title_bar)
    if tagged and _reads_as_site_name(tagged["site"]):
        return tagged["site"]
    head, folded = _squeezed(headline).casefold(), title_bar.casefold()
    if not head or len(title_bar) <= len(head):
        return None
    if folded.startswith(head):
        rest = title_bar[len(head) :]
        joint, site = TITLE_BAR_SEPARATOR.match(rest), TITLE_BAR_SEPARATOR.split(rest)[-1]
    elif folded.endswith(head):
        rest = title_bar[: len(title_bar) - len(head)]
        joint = next((m for m in TITLE_BAR_SEPARATOR.finditer(rest) if m.end() == len(rest)), None)
        site = TITLE_BAR_SEPARATOR.split(rest)[0]
    else:
        return None
    site = site.strip(" :;,")
    return site if joint and _reads_as_site_name(site) else None


def _reads_as_site_name(text: str) -> bool:
    """A web address, or a few capitalised words with no comma (not a second headline,
    "Rescue teams reach the old town", nor a place, "Munich, Bavaria"); a word styled with
    its capitals inside ("eBay", "oHERALDo") counts as capitalised."""
    if WEB_ADDRESS.fullmatch(text):
        return True
    names = text.split()
    return (
        0 < len(names) <= SITE_NAME_MAX_WORDS
        and "," not in text
        and all(
            any(c.isupper() for c in w) or w[:1].isdigit() or w.casefold() in NAME_JOINING_WORDS
            for w in names
        )
    )


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    for name, nuls in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if nuls.count(0) >= 0.9 * len(nuls):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            return (text, name) if "\x00" not in text else None
    return None


def _over_limits(text: str) -> str | None:
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        return f"{lines:,} lines, over the {MAX_LINES:,}-line limit for one article"
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            return (
                f"line {number} is {len(line):,} characters long, over the "
                f"{MAX_LINE_CHARS:,}-character limit for one paragraph"
            )
    return None


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Repair mojibake (ftfy) and fold invisible whitespace, recording what changed."""
    repairs: tuple[str, ...] = ()
    typographic = text.isascii() or not _FTFY_NOT_PLAIN.search(text)
    if typographic and not _FTFY_ASCII_WORK.search(text):
        fixed = text  # what ftfy, NFC and the line-break fix would give, with no repairs
    else:
        fixed, explanation = _ftfy_fix(text)
        repairs = tuple(sorted({step[1] for step in explanation or ()}))
        fixed = unicodedata.normalize("NFC", fixed).replace("\r\n", "\n").replace("\r", "\n")
    folded = fixed
    for space, plain in _SPACES:  # str.replace per character: far faster than translate
        if space in folded:
            folded = folded.replace(space, plain)
    if folded != fixed:
        repairs += ("whitespace",)
    mended, mends = mend_text(folded)
    return mended, repairs + mends


def mend_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Undo what a tokeniser or a lossy encoding did to a text ftfy has repaired, and name
    what was mended."""
    mends: tuple[str, ...] = ()
    spaced = " - " in text or ". " in text or " / " in text or ', "' in text
    joined = _join_tokeniser_spaces(text) if spaced else text
    if ".\n" in joined:
        joined = _TITLE_LINE_BREAK.sub(r"\1. ", joined)
    if joined != text:
        mends += ("tokeniser spaces",)
    restored = _restore_lost_punctuation(joined) if "?" in joined else joined
    if restored != joined:
        mends += ("lost punctuation",)
    mended = GLUED_SENTENCE.sub(" ", restored) if STOP_THEN_WORD.search(restored) else restored
    if GLUED_QUOTE.search(mended):
        mended = GLUED_QUOTE.sub(_spaced_quote, mended)
    if " ," in mended or " ." in mended:
        mended = SPACE_BEFORE_STOP.sub("", mended)
    if "``" in mended:
        for typed, mark in TYPEWRITER_QUOTES:
            mended = mended.replace(typed, mark)
    if "`" in mended:
        mended = mended.replace(*TYPED_APOSTROPHE)
    elif "''" in mended and '"' in mended:
        for pattern, mark in APOSTROPHES_AS_QUOTE:
            mended = pattern.sub(mark, mended)
    if mended != restored:
        mends += ("spacing and quotes",)
    return mended, mends


def _spaced_quote(match: re.Match[str]) -> str:
    """The quote mark GLUED_QUOTE found, with the space the page lost before or after it."""
    mark, text, at = match[0], match.string, match.start()
    line = text[text.rfind("\n", 0, at) + 1 : at]
    opens = mark == "“" or (mark == '"' and line.count('"') % 2 == 0)
    return f" {mark}" if opens else f"{mark} "


def _restore_lost_punctuation(text: str) -> str:
    """Put back the apostrophes, dashes and quotes a page lost to "?" (LOST_APOSTROPHE)."""
    if LOST_UTF8_MARK in text:
        text = text.replace(LOST_UTF8_MARK, "?")
    restored = LOST_APOSTROPHE.sub("’", text)
    if restored != text:
        restored = LOST_CAPITAL_APOSTROPHE.sub("’", restored)
        if DOUBLED_LOST_QUOTE.search(restored):
            restored = restored.replace("??", "?")
    if (
        restored != text
        or LOST_QUOTE_AFTER_COMMA.search(text)
        or (LOST_QUOTE_OPENING_LINE.search(text) and LOST_QUOTE_AFTER_STOP.search(text))
    ):
        restored = LOST_DATELINE_DASH.sub(r"\1 —", restored)
        for pattern, mark in (*LOST_QUOTES, *LOST_IN_WORDS):
            restored = pattern.sub(mark, restored)
    return LOST_DASH.sub(" — ", restored)


def _join_tokeniser_spaces(text: str) -> str:
    before = text
    if " - " in text:
        text = _TOKENISER_DOUBLE_HYPHEN.sub(" -- ", text)
        for pattern in _TOKENISER_SPACES:
            text = pattern.sub(lambda m: "-".join(m.groups()), text)
    for pattern in _TOKENISER_DOTS:
        text = pattern.sub(lambda m: m[1] + ".", text)
    if " / " in text:
        text = _TOKENISER_DATE.sub(lambda m: "/".join(m.groups()), text)
    if text != before:  # a text the tokeniser spaced out: its thousands, clocks, quotes too
        text = _TOKENISER_THOUSANDS.sub(r"\1,\2", text)
        for pattern, mended in _TOKENISER_AFTER:
            text = pattern.sub(mended, text)
    return _TOKENISER_CONTRACTIONS.sub(r"\1\2", _TOKENISER_QUOTE.sub('," ', text))


def _ftfy_fix(text: str) -> tuple[str, Sequence[tuple[str, str]] | None]:
    """ftfy.fix_and_explain with digest's settings. ftfy is imported here, on the first
    text that needs it: its import is a tenth of a second of every build otherwise, and
    most seeds (and every seed known to the cache) never call it."""
    import ftfy

    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=True)
    fixed = ftfy.fix_and_explain(text, config=config)
    return fixed.text, fixed.explanation


def _with_front_matter(
    source: str, text: str, encoding: str, repairs: tuple[str, ...]
) -> RawDocument | Rejected:
    if not text.strip():
        return Rejected(source, "empty file")
    if not text.startswith("---\n"):
        return RawDocument(source, text, encoding, (), 1, repairs)
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return Rejected(source, "front matter opened with '---' at line 1 is never closed")
    try:
        metadata = frontmatter.YAMLHandler().load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        return Rejected(source, f"front matter is not valid YAML{where}: {problem}")
    if not isinstance(metadata, dict):
        return Rejected(source, "front matter must be a mapping of keys to values (line 2)")
    meta = tuple((k, p) for k in META_KEYS if (v := _meta_value(metadata, k)) and (p := _plain(v)))
    body = "\n".join(lines[end + 1 :])
    if not body.strip():
        return Rejected(source, "front matter but no article text")
    return RawDocument(source, body, encoding, meta, end + 2, repairs)


def _meta_value(metadata: dict, key: str) -> object:
    """The value of one of digest's front-matter keys, or of its first alias that is set."""
    return next((metadata[k] for k in (key, *META_ALIASES.get(key, ())) if metadata.get(k)), None)


def _plain(value: object) -> object:
    """Front-matter values as plain strings or tuples of strings (YAML gives dates and
    mappings too)."""
    if isinstance(value, list | tuple):
        return tuple(text for v in value if (text := _text(v)))
    return _text(value)


def _text(value: object) -> str:
    if isinstance(value, dict):
        value = next((value[k] for k in META_NAMED if isinstance(value.get(k), str | int)), "")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if isinstance(value, list | tuple | dict) else str(value).strip()


# --- registries in the seeds folder ---------------------------------------------------------
def read_overrides(seeds_dir: Path) -> Overrides:
    """seeds/stories.yml: `together:` and `apart:`, each a list of lists of seed paths."""
    path, data, node = _registry(seeds_dir, STORY_REGISTRIES)
    if path is None:
        return Overrides()
    if not isinstance(data, dict) or set(data) - {"together", "apart"}:
        raise ConfigError(
            path, "expected a mapping with the keys `together` and `apart`", _line(node)
        )
    groups = {}
    for key in ("together", "apart"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(s, str) for s in g)
            for g in value
        ):
            raise ConfigError(
                path,
                f"`{key}` must be a list of lists of two or more seed paths",
                _line(_value_node(node, key)),
            )
        groups[key] = tuple(tuple(g) for g in value)
    return Overrides(groups["together"], groups["apart"])


def read_outlets(seeds_dir: Path) -> tuple[Outlet, ...]:
    """seeds/outlets.yml: a list of {name, domains, aliases}."""
    path, data, node = _registry(seeds_dir, OUTLET_REGISTRIES)
    if path is None:
        return ()
    if not isinstance(data, list):
        raise ConfigError(
            path,
            "expected a list of outlets, each with `name`, `domains`, `aliases`",
            _line(node),
        )
    outlets = []
    for n, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            item = node.value[n - 1] if isinstance(node, yaml.SequenceNode) else None
            raise ConfigError(path, f"outlet #{n} needs a `name`", _line(item))
        outlets.append(
            Outlet(entry["name"], _strings(entry.get("domains")), _strings(entry.get("aliases")))
        )
    return tuple(outlets)


def _registry(
    seeds_dir: Path, names: tuple[str, ...]
) -> tuple[Path | None, object, yaml.Node | None]:
    """The registry file, its data, and its YAML node tree (which knows the lines)."""
    for name in names:
        path = seeds_dir / name
        if path.is_file():
            try:
                node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
                return path, _constructed(node), node
            except yaml.YAMLError as err:
                mark = getattr(err, "problem_mark", None)
                raise ConfigError(
                    path,
                    f"not valid YAML: {getattr(err, 'problem', err)}",
                    mark.line + 1 if mark else None,
                ) from err
            except (OSError, UnicodeDecodeError) as err:
                raise ConfigError(path, f"cannot read: {err}") from err
    return None, None, None


def _constructed(node: yaml.Node | None) -> object:
    """The data of a composed YAML document, as yaml.safe_load gives it (None: empty):
    the text is parsed once, for its data and its lines."""
    return yaml.SafeLoader("").construct_document(node) if node is not None else None


def _line(node: yaml.Node | None) -> int | None:
    """Where a YAML node starts (1-based), for an error to name."""
    return node.start_mark.line + 1 if node is not None else None


def _value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return value
    return node


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()
