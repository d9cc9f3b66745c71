"""Credits in wire style: who reported, who contributed, which agencies, whose photos,
who owns the text.

Used by merge. The normaliser has already found the credit lines and split the names
("By X and Y", "X contributed to this report", "Image: REUTERS/Name"); this module
sorts them into roles and spells agencies and photo credits the way the wires do
(`Reuters/Stringer`, `AP Photo/Minh Hoang`). The rules are the named data below."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .models import Article, Credit, LineVerdict

# --- Rules (named data) ----------------------------------------------------------------------

# Roles, in the order a Credits section lists them.
ROLES = ("reporting", "contributing", "agency", "photo", "rights")
ROLE_LABELS = {
    "reporting": "Reporting",
    "contributing": "Contributors",
    "agency": "Agencies",
    "photo": "Photos",
    "rights": "Rights",
}
# The normaliser's rule for a credit line (LineVerdict.rule) -> the role of its names.
ROLE_OF_RULE = {
    "byline": "reporting",
    "name_line": "reporting",
    "reporting_by": "reporting",
    "contributed_line": "contributing",
}
# Photo credit lines the normaliser kept with no caption of their own ("photo by X" between
# headline and body, "Photo: X" under a long paragraph): their photographer is credited
# too. (A credit line with its caption is read from the caption.)
LONE_PHOTO_CREDIT_RULES = frozenset({"photo_credit_line", "credit_without_caption"})
# Lines in which agencies are named: credit lines, and the dateline ("SEOUL (Reuters) -").
AGENCY_RULES = frozenset(
    {
        "agency_line",
        "source_line",
        "staff_line",
        "byline",
        "byline_parts",
        "reporting_by",
        "signoff_line",
        "dateline",
        "lede_credit",
    }
)
# Where a dateline ends and the lede begins: "SEOUL (Reuters) - ", "LONDON -- ".
DATELINE_END = re.compile(r"\s(?:--|—|–|-|:)\s")
# Every spelling of an agency found in pages -> its name in wire style (keys casefolded).
AGENCIES = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "ap photo": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "getty": "Getty Images",
    "getty images": "Getty Images",
    "epa": "EPA",
    "epa-efe": "EPA-EFE",
    "efe": "EFE",
    "dpa": "dpa",
    "upi": "UPI",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "kcna": "KCNA",
    "vna": "VNA",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "indo-asian news service": "IANS",
    "ani": "ANI",
    "asian news international": "ANI",
    "aap": "AAP",
    "australian associated press": "AAP",
    "nzpa": "NZPA",
    "new zealand press association": "NZPA",
    "united press international": "UPI",
    "deutsche presse-agentur": "dpa",
    "ansa": "ANSA",
    "bloomberg": "Bloomberg",
    "press association": "PA",
    "pa": "PA",
    "canadian press": "The Canadian Press",
    "the canadian press": "The Canadian Press",
    "stmw": "Sun-Times Media Wire",
    "sun-times media wire": "Sun-Times Media Wire",
}
# Short agency names are only agencies in capitals ("AP", not "ap" inside a word or a name).
SHORT_AGENCY_MAX = 4
# How an agency signs a photo when it is not just its name: "AP Photo/Name".
PHOTO_SIGNATURE = {"AP": "AP Photo"}
# Words in a photo credit that are roles, not people: kept, spelled as the wires do.
PHOTO_ROLES = {"stringer": "Stringer", "pool": "Pool", "handout": "Handout", "file": "File"}
# A label printed before a photo credit: "Photo: X", "Image credit: X", "Photo by X".
PHOTO_LABEL = re.compile(
    r"^(?:(?:photo|image|picture|foto)s?\s*(?:credit)?\s*[:\-]|credit\s*:|(?:photo|picture)\s+by)\s*",
    re.IGNORECASE,
)
# Parts of a photo credit: "Reuters/Name", "Name / Agency", "AP Photo/Name, Pool".
PHOTO_PART_SPLIT = re.compile(r"\s*/\s*")
# "Hau Dinh, AP": the photographer, a comma, then the agency (as "Hau Dinh/AP" is read).
PHOTO_AGENCY_AFTER_COMMA = re.compile(r"^(?P<name>[^,/]+),\s*(?P<agency>[^,/]+)$")
# "Reuters via Yonhap": an agency passing on another's picture.
VIA = re.compile(r"\s+via\s+", re.IGNORECASE)


# A copyright line the normaliser kept as the article's rights credit (rule
# "copyright_line") -> the notice a reader sees: "Copyright 2008 The Associated Press.
# All rights reserved. This material may not be ..." -> "© 2008 The Associated Press".
RIGHTS_RULE = "copyright_line"
# What opens the line: a bracket, the sign or the word (perhaps both), "by".
RIGHTS_MARK = re.compile(r"^[\s(\[]*(?:(?:copyright|©|\(c\))\s*)+(?:by\s+)?", re.IGNORECASE)
# The year or years: "2008", "1995 - 2007", "2007-".
RIGHTS_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d)?)?")
# Where the holder's name ends: a full stop or comma before more text, the reservation,
# a bar, a closing bracket.
RIGHTS_HOLDER_END = re.compile(
    r"\.(?:\s|$)|,\s|\s*\ball rights\b|\s*\||\s*\)|\s+--\s", re.IGNORECASE
)
# Words around the holder that are not its name: "Courtesy of The Sports Network".
RIGHTS_NOT_HOLDER = re.compile(r"^(?:[-–,.\s]+|courtesy of\s+|by\s+)+|[-–,.\s]+$", re.IGNORECASE)
# A North American station's call sign stays in capitals when a name in capitals is
# title-cased: "WFMY-TV" anywhere, "KSLA" or "WBTV" when it is the whole name (a word
# like "KIM" or "KING" in a longer name is a person's name).
CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}-(?:TV|FM|AM|DT)\d{0,2}")
CALL_SIGN_ALONE = re.compile(r"[KW][A-Z]{2,3}\d{0,2}")
# A network's brand with the station's channel ("NBC12", "FOX19"): beside it, a name in
# capitals is a station's, kept as printed ("WWBT NBC12", not "Wwbt Nbc12").
NETWORK_BRAND = re.compile(r"(?:NBC|CBS|ABC|FOX|CW|PBS)\d{1,2}")
# A holder's name is at most this many words (more is a sentence of legal text).
RIGHTS_HOLDER_MAX_WORDS = 8


# --- Rights -----------------------------------------------------------------------------------


def rights_notice(line: str) -> str | None:
    """The short notice of a copyright line: '© <years> <holder>', or None when the
    line names no holder ("© All rights reserved.")."""
    text = RIGHTS_MARK.sub("", line.strip())
    years = RIGHTS_YEARS.search(text[:80])
    if years:
        text = text[: years.start()] + " " + text[years.end() :]
    text = RIGHTS_NOT_HOLDER.sub("", text.strip())
    holder = RIGHTS_NOT_HOLDER.sub("", RIGHTS_HOLDER_END.split(text, maxsplit=1)[0])
    if "(" in holder:  # "WSMV (Meredith Corporation)": the owner in brackets is cut off
        holder = holder.partition("(")[0].strip()
    if not holder[:1].isalnum() or len(holder.split()) > RIGHTS_HOLDER_MAX_WORDS:
        return None
    if holder.isupper() and len(holder) > SHORT_AGENCY_MAX:
        holder = _title_case(holder)  # "REUTERS" -> "Reuters"
    if not years:
        return f"© {holder}"
    span = re.sub(r"\s*[-–]\s*", "–", years[0]).rstrip("–")
    return f"© {span} {holder}"


# --- Photo credits ----------------------------------------------------------------------------


def photo_credit(credit: str) -> str:
    """A photo credit in wire style: 'REUTERS/JASON REED' -> 'Reuters/Jason Reed',
    '(AP Photo/Minh Hoang)' -> 'AP Photo/Minh Hoang', 'Jorge Silva/Reuters' ->
    'Reuters/Jorge Silva', 'Name/AP' and 'Name, AP' -> 'AP Photo/Name'."""
    text = PHOTO_LABEL.sub("", credit.strip().strip("()").strip()).rstrip(".").strip()
    comma = PHOTO_AGENCY_AFTER_COMMA.match(text)
    if comma and agency(comma["agency"]) and not agency(comma["name"]):
        text = f"{comma['name']}/{comma['agency']}"
    parts = [_photo_part(p) for p in PHOTO_PART_SPLIT.split(text) if p.strip()]
    if not parts:
        return credit.strip()
    agency_last = len(parts) > 1 and agency(parts[-1]) and not agency(parts[0])
    if agency_last:
        parts = [parts[-1], *parts[:-1]]
    parts[0] = PHOTO_SIGNATURE.get(parts[0], parts[0])
    return "/".join(parts)


def _photo_part(part: str) -> str:
    pieces = VIA.split(part.strip())
    return " via ".join(_name_or_agency(p) for p in pieces)


def _name_or_agency(text: str) -> str:
    text = text.strip().rstrip(",").strip()
    found = agency(text)
    if found:
        return found
    if text.casefold() in PHOTO_ROLES:
        return PHOTO_ROLES[text.casefold()]
    if text.isupper() and len(text) > SHORT_AGENCY_MAX:
        return _title_case(text)  # "JASON REED" -> "Jason Reed"
    return text


def _title_case(text: str) -> str:
    """Words in capitals title-cased, call signs left as they are."""
    if CALL_SIGN_ALONE.fullmatch(text) or any(NETWORK_BRAND.fullmatch(w) for w in text.split()):
        return text
    return " ".join(w if CALL_SIGN.fullmatch(w) else w.title() for w in text.split(" "))


def agency(text: str) -> str | None:
    """The wire-style name when the whole text names an agency ('AP Photo' -> 'AP')."""
    key = text.strip().casefold()
    if key not in AGENCIES:
        return None
    if len(key) <= SHORT_AGENCY_MAX and not text.strip().isupper():
        return None
    return AGENCIES[key]


def agencies_in(text: str) -> list[str]:
    """Agencies named anywhere in a credit line or dateline, in order, once each."""
    found: dict[str, None] = {}
    for match in _AGENCY_WORDS.finditer(text):
        name = agency(match[0])
        if name:
            found[name] = None
    return list(found)


_AGENCY_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(AGENCIES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


# --- A story's credits ------------------------------------------------------------------------


def credit_roll(articles: Sequence[Article]) -> tuple[Credit, ...]:
    """Every source's credits (Article.credited) by role (reporting, contributing, agency,
    photo), each name once with the sources that print it; roles in ROLES order, names in
    page order."""
    found: dict[tuple[str, str], list[str]] = {}
    for article in articles:
        for role, name in article.credited:
            found.setdefault((role, name), []).append(article.source)
    ordered = sorted(found.items(), key=lambda item: ROLES.index(item[0][0]))
    return tuple(
        Credit(role, name, tuple(dict.fromkeys(sources))) for (role, name), sources in ordered
    )


def article_credits(article: Article) -> list[tuple[str, str]]:
    """(role, name) for one article: its named people by the rule that found them (names
    from front matter count as reporting), agencies in its credit lines, its copyright
    notice, photo credits."""
    found: list[tuple[str, str]] = []
    placed: set[str] = set()
    for verdict in article.lines:
        role = ROLE_OF_RULE.get(verdict.rule or "") if verdict.kind == "credit" else None
        if role:
            for name in _names_in(article.credits, verdict.text):
                found.append((role, name))
                placed.add(name)
        if verdict.rule in AGENCY_RULES:
            found += [("agency", a) for a in agencies_in(_agency_part(verdict))]
        if verdict.rule == RIGHTS_RULE and (notice := rights_notice(verdict.text)):
            found.append(("rights", notice))
        if verdict.kind == "caption_credit" and verdict.rule in LONE_PHOTO_CREDIT_RULES:
            found.append(("photo", photo_credit(verdict.text)))
    found += [("reporting", n) for n in article.credits if n not in placed]
    found += [("photo", photo_credit(c.credit)) for c in article.captions if c.credit]
    return list(dict.fromkeys(found))


def _names_in(names: Iterable[str], text: str) -> list[str]:
    key = text.casefold()
    return [n for n in names if n.casefold() in key]


def _agency_part(verdict: LineVerdict) -> str:
    """The text of a credit line; of a dateline paragraph only the dateline itself."""
    if verdict.rule in ("dateline", "lede_credit"):
        return DATELINE_END.split(verdict.text[:80], maxsplit=1)[0]
    return verdict.text
