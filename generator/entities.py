"""People, places and organisations named in a text, found without a model.

No spaCy or other model ships on PyPI with its weights, and the site is built offline,
so this is a heuristic extractor over capitalised name sequences:

- a *run* is a sequence of capitalised words, allowing a few lower-case joiners inside
  ("Bank of England", "Ho Chi Minh"), cut at punctuation;
- stop words (articles, pronouns, months, days, sentence openers) are trimmed off the run's
  ends, and a single word that only ever appears capitalised at the start of a sentence
  is not a name;
- the kind comes from cues, strongest first: an honorific before the name (person), a
  known organisation or an organisation word at its end or an acronym (organisation), a
  known place, a place word at its end, or a place noun after it ("the Primorsky region"),
  or a place preposition before a single word ("arrived in Khasan") (place); any other
  name of two or more words is a person;
- a single word that is part of a person's name found in the same text ("Putin" after
  "Vladimir Putin") counts as a mention of that person.

The word lists are data, grouped by what they catch; tests/test_entities.py holds the
positive and negative cases."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .models import Entity

PERSON, PLACE, ORGANISATION = "person", "place", "organisation"


def _words(text: str) -> frozenset[str]:
    """A word list written as text, one word per space."""
    return frozenset(text.split())


# --- what marks a person ---------------------------------------------------------------------

# Titles written before a name; they are not part of it ("President Vladimir Putin").
HONORIFICS = _words(
    """Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Father Sister Pope King Queen
    Prince Princess Sheikh President Vice Premier Chancellor Minister Secretary Governor Gov
    Mayor Senator Sen Representative Rep Congressman Congresswoman Judge Justice General Gen
    Colonel Col Major Captain Capt Lieutenant Lt Sergeant Sgt Admiral Commander Ambassador
    Chairman Chairwoman Chair Leader Speaker Officer Detective Coach Saint St Comrade
    Deputy"""
)

# --- what marks an organisation ---------------------------------------------------------------

# A name ending in one of these is an organisation ("Korean Central News Agency").
ORGANISATION_WORDS = _words(
    """Agency Ministry Department Council Committee Commission Party Bank Fund University
    College School Institute Foundation Association Union Federation League Company Corp
    Corporation Inc Ltd LLC Group Holdings Airlines Airways Railways Office Court Parliament
    Congress Senate Assembly Army Navy Force Forces Guard Police Service Services Bureau
    Authority Organisation Organization Society Club Network News Times Post Press Journal
    Herald Tribune Telegraph Guardian Kremlin Pentagon Reuters Agency Board Cabinet Centre
    Center Hospital Church Embassy Exchange Media Studios Television Radio TV"""
)

# Organisations known by a bare name, with no cue word in it.
KNOWN_ORGANISATIONS = _words(
    """Reuters Kremlin Pentagon NATO Interpol Hamas Hezbollah Taliban Google Apple Microsoft
    Amazon Meta Facebook Twitter Tesla Nvidia OpenAI Samsung Toyota Boeing Airbus Gazprom
    Huawei Yonhap Xinhua Kyodo Tass TASS Interfax CNN BBC AFP NPR CBS NBC ABC Bloomberg"""
) | frozenset(
    (
        "Associated Press",
        "United Nations",
        "European Union",
        "White House",
        "Downing Street",
        "Supreme Court",
        "World Bank",
        "Red Cross",
        "Security Council",
        "Federal Reserve",
        "Al Jazeera",
    )
)

# Capitals-only words that are not organisations ("US", "UK" are places; "TV" is furniture).
ACRONYM_PLACES = frozenset({"US", "USA", "UK", "UAE", "EU", "DPRK", "PRC", "ROK", "DRC"})
# Capitals-only words for things, not for anyone: "police found the SUV", "won by KO".
ACRONYM_THINGS = _words(
    """SUV SUVs ATV KO TKO DUI DWI OWI ATM GPS ID DNA HIV AIDS TV CCTV OK AM PM ER ICU CPR
    MVP CEO CFO COO RPG IED AR AK LOL"""
)
ACRONYM_MIN, ACRONYM_MAX = 2, 6
# Other names of one place, and the name its topic goes by ("US", "U.S." and "United
# States" are one topic).
PLACE_ALIASES = {
    "US": "United States",
    "U.S": "United States",
    "USA": "United States",
    "U.S.A": "United States",
    "UK": "United Kingdom",
    "U.K": "United Kingdom",
    "DPRK": "North Korea",
    "ROK": "South Korea",
    "UAE": "United Arab Emirates",
}

# --- what marks a place -----------------------------------------------------------------------

# Countries, territories and large cities: a name equal to one of these is a place.
KNOWN_PLACES = _words(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan
    Bahrain Bangladesh Belarus Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon Canada
    Chad Chile China Colombia Congo Croatia Cuba Cyprus Denmark Ecuador Egypt Eritrea Estonia
    Ethiopia Finland France Gaza Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary
    Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan
    Kenya Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania Luxembourg
    Madagascar Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique
    Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine
    Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Senegal Serbia
    Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan
    Tanzania Thailand Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela
    Vietnam Yemen Zambia Zimbabwe Africa Asia Europe America Antarctica Arctic Crimea Donbas
    Kashmir Tibet Xinjiang Siberia Primorye Beijing Shanghai Pyongyang Seoul Tokyo Osaka
    Moscow Vladivostok Kyiv Kiev Minsk Warsaw Berlin Paris London Madrid Rome Lisbon Vienna
    Brussels Amsterdam Geneva Zurich Athens Istanbul Ankara Tehran Baghdad Damascus Beirut
    Jerusalem Cairo Riyadh Dubai Doha Delhi Mumbai Karachi Kabul Dhaka Bangkok Hanoi Manila
    Jakarta Sydney Melbourne Auckland Washington Chicago Boston Houston Miami Atlanta Denver
    Seattle Toronto Montreal Vancouver Ottawa Havana Caracas Bogota Lima Santiago Nairobi
    Lagos Johannesburg England Scotland Wales Hollywood Texas California Florida Alaska
    Hawaii Ohio"""
) | frozenset(
    (
        "North Korea",
        "South Korea",
        "United States",
        "United Kingdom",
        "Hong Kong",
        "New York",
        "New Delhi",
        "Los Angeles",
        "San Francisco",
        "Saudi Arabia",
        "South Africa",
        "New Zealand",
        "Sri Lanka",
        "Middle East",
        "West Bank",
        "Gaza Strip",
        "Tiananmen Square",
        "Red Square",
    )
)

# A name ending in one of these is a place ("Korean Peninsula", "Yalu River").
PLACE_WORDS = _words(
    """City Province Region Oblast Krai District County State Island Islands Peninsula River
    Sea Ocean Gulf Bay Strait Lake Mountains Mountain Valley Desert Coast Border Square Street
    Avenue Airport Station Port Harbour Harbor Republic Kingdom Territory Prefecture
    Township Borough Parish Village Heights"""
)
# A lower-case noun right after a name makes it a place ("the Primorsky region"); these
# only after a name of two words or more ("Baton Rouge police", "Fort Wayne residents": a
# word alone before them is as often an agency's, "Metro police", "Capitol police").
PLACE_NOUNS_AFTER = _words(
    "region province city state county district oblast krai prefecture island border"
)
PLACE_NOUNS_AFTER_NAMES = _words("police residents")
# A US state after a name and its comma makes it a place, as news writes a town's name
# ("Baton Rouge, Louisiana", "Phenix City, Ala.", "Columbus, GA"): the state's name, its
# Associated Press abbreviation or its postal code (not one that is also a degree, a
# title or a word: "Jeff Terry, MD", "PA", "OK"). A name or code must end the clause or
# be followed by one of STATE_FOLLOWERS: "Mark Rockwell, California state representative"
# is a person.
US_STATES = _words(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
    Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio
    Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin
    Wyoming Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md.
    Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore.
    Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash. W.Va. Wis. Wyo. AL AK AZ AR CA CO CT DE FL GA
    ID IL IA KS KY LA MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH RI SC SD TN TX UT VT VA
    WA WV WI WY"""
) | frozenset(
    (
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
    )
)
STATE_FOLLOWERS = _words(
    "on in at and or early late last this police officials authorities was were is are has "
    "had where when after before said"
)
# A single capitalised word right after one of these is a place ("arrived in Khasan").
PLACE_PREPOSITIONS = frozenset({"in", "near", "from", "across", "into", "outside", "via"})

# --- what is not a name -----------------------------------------------------------------------

MONTHS = _words(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"""
)
DAYS = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun"
)
# Compass points as addresses print them ("1300 block of U Street NW"): no acronym.
COMPASS_POINTS = _words("N S E W NE NW SE SW NNE ENE ESE SSE SSW WSW WNW NNW")
# Words capitalised for grammar, not because they name anything; trimmed off a run's ends.
STOP_WORDS = (
    _words(
        """The A An This That These Those There Here It Its He She His Her Him They Them Their We
    Our Us I You Your My Me Who What When Where Why How Which While Whilst After Before During
    Since Until As At In On Of For From To By With Without About Into Over Under Between
    Against Among And But Or Nor So Yet If Then Than Also Although Though Because However
    Meanwhile Moreover Earlier Later Now Today Tonight Yesterday Tomorrow Last Next Many Some
    Most More All Both Each Every Any No Not One Two Three Four Five Six Seven Eight Nine Ten
    First Second Third Read Watch Photo Video Image Images Credit Copyright Updated
    Published Breaking Live Exclusive Analysis Opinion Editor Editors Note Please Click Sign
    Share Follow Subscribe Advertisement According Despite Instead Still Even Just Only Such
    Mr Mrs Ms Dr Sir Local State Official Officials Sources Source Experts Analysts Report
    Reports Reporting Reporters Contributed Additional Let Do Does Did Is Are Was Were Be
    Been Has Have Had Will Would Can Could Should May Might Must Said Says Asked Told"""
    )
    | MONTHS
    | DAYS
    | COMPASS_POINTS
)
# Nationality and language adjectives: "North Korean leader" names no one.
DEMONYMS = _words(
    """American British English French German Russian Chinese Japanese Korean Vietnamese
    Indian Pakistani Iranian Iraqi Israeli Palestinian Syrian Turkish Ukrainian Polish Italian
    Spanish Portuguese Dutch Swedish Norwegian Danish Finnish Greek Egyptian Saudi Arab Arabic
    Mexican Canadian Australian European Asian African Western Eastern Northern Southern
    Soviet Communist Catholic Muslim Christian Jewish Islamic Democratic Republican
    Democrat Republicans Democrats"""
)
DEMONYM_SUFFIXES = ("ean", "ian", "ese", "ish")
# Joiners allowed inside a name, never at its ends ("Bank of England", "Abu Bakr al Baghdadi").
JOINERS = frozenset({"of", "de", "da", "del", "der", "di", "du", "van", "von", "al", "bin", "la"})

_CAPITAL = "A-ZÀ-ÖØ-Þ"
_WORD = r"[\w’'.]*"
# A run of capitalised words, with joiners between them; found by the regex engine, so
# the lower-case bulk of a text costs no Python per word.
_RUN = re.compile(
    rf"[{_CAPITAL}]{_WORD}"
    rf"(?:[ \t]+(?:(?:{'|'.join(sorted(JOINERS))})[ \t]+)?[{_CAPITAL}]{_WORD})*"
)
_AFTER = re.compile(r"\s*([A-Za-zÀ-ÖØ-öø-ÿ][\w’'.]*|[^\w\s])")
_STATE_AFTER = re.compile(  # an abbreviation with its full stop, or a word that ends there
    r",\s+(?:"
    + "|".join(re.escape(s) for s in sorted(US_STATES, key=len, reverse=True) if s[-1] == ".")
    + "|(?:"
    + "|".join(re.escape(s) for s in sorted(US_STATES, key=len, reverse=True) if s[-1] != ".")
    + rf")(?=\s*[,.;:)]|\s*$|\s+(?:{'|'.join(sorted(STATE_FOLLOWERS))})\b))"
)  # not "Texas' attorney general", "Ohio State quarterback"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_SENTENCE_END = frozenset('.!?:;"“”')
_LOOK_BEHIND = 60  # characters searched for the word before a run
_CUT = ",()[]—–-|/"  # punctuation stripped off the word before a run


@dataclass(frozen=True, slots=True)
class _Run:
    words: tuple[str, ...]
    before: str  # the word before the run ("" at a sentence start)
    after: str  # the word after it
    sentence_start: bool
    state_after: bool = False  # a comma and a US state follow it ("Baton Rouge, La.")


def entities(text: str, *, min_mentions: int = 1) -> tuple[Entity, ...]:
    """The people, places and organisations named in `text`, most mentioned first."""
    runs = list(_runs(text))
    mid_sentence = {w for r in runs if not r.sentence_start for w in r.words}
    found: Counter[tuple[str, str]] = Counter()
    singles: list[str] = []
    for run in runs:
        named = _classify(run, mid_sentence)
        if named is None:
            continue
        kind, name = named
        if kind == "single":
            singles.append(name)
        else:
            found[(kind, name)] += 1
    _count_short_forms(found, singles)
    for kind, name in [key for key in found if key[0] == PERSON]:
        if (PLACE, name) in found:  # a place where the text says so ("Baton Rouge, La.")
            found[(PLACE, name)] += found.pop((kind, name))  # is that place everywhere in it
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Entity(kind, name, n) for (kind, name), n in ranked if n >= min_mentions)


def _word(raw: str) -> str:
    """A token without its trailing full stop or possessive."""
    return _POSSESSIVE.sub("", raw.rstrip(".")) if raw[:1].isalpha() else raw


def _ends_sentence(raw: str) -> bool:
    if raw in _SENTENCE_END:
        return True
    word = raw.rstrip(".")
    return raw.endswith(".") and word not in HONORIFICS and len(word) > 1


def _ends_name(raw: str) -> bool:
    """A full stop, or a possessive: "Russia's Primorsky region" is two names."""
    return _ends_sentence(raw) or bool(_POSSESSIVE.search(raw.rstrip(".")))


def _before(text: str, pos: int) -> tuple[bool, str]:
    """Does a sentence start at `pos`, and if not, the word before it."""
    head = text[max(0, pos - _LOOK_BEHIND) : pos].split()
    if not head:
        return True, ""
    raw = head[-1]
    if raw.endswith(".") or raw[-1] in _SENTENCE_END:
        return (True, "") if _ends_sentence(raw) else (False, _word(raw))
    return False, _word(raw.strip(_CUT))


def _runs(text: str) -> Iterable[_Run]:
    for match in _RUN.finditer(text):
        start, before = _before(text, match.start())
        raws = match[0].split()
        chunk: list[str] = []
        for k, raw in enumerate(raws):
            chunk.append(raw)
            last = k == len(raws) - 1
            if not (last or _ends_name(raw)):
                continue
            if last:
                nxt = _AFTER.match(text, match.end())
                after = _word(nxt[1]) if nxt else ""
            else:
                after = _word(raws[k + 1])
            words = tuple(_word(r) for r in chunk)
            state = last and _STATE_AFTER.match(text, match.end()) is not None
            if state and "of" in words[1:-1]:  # "Aaron Alexis of Fort Worth, Texas": a
                k = len(words) - 1 - words[::-1].index("of")  # person, and the town named
                yield _Run(words[:k], before, "of", start)
                yield _Run(words[k + 1 :], "of", after, False, state)
            else:
                yield _Run(words, before, after, start, state)
            start = _ends_sentence(raw)
            before = "" if start else words[-1]
            chunk = []


def _classify(run: _Run, mid_sentence: set[str]) -> tuple[str, str] | None:
    words = list(run.words)
    titled = [k for k, w in enumerate(words[:-1]) if w in HONORIFICS]
    honorific = bool(titled)
    if titled:  # "Russian President Vladimir Putin": the name follows the last title
        words = words[titled[-1] + 1 :]
    while words and (words[0] in STOP_WORDS or words[0] in HONORIFICS or words[0] in JOINERS):
        honorific = honorific or words[0] in HONORIFICS
        words.pop(0)
    while words and (words[-1] in STOP_WORDS or words[-1] in JOINERS):
        words.pop()
    if not words or words[-1] in HONORIFICS:
        return None  # a bare title ("the Deputy Prime Minister") names no one
    honorific = honorific or run.before in HONORIFICS
    name = " ".join(words)
    lone = len(words) == 1 and run.sentence_start and words[0] not in mid_sentence
    if lone and name not in KNOWN_PLACES and name not in KNOWN_ORGANISATIONS:
        return None  # capitalised only because a sentence starts with it
    if name in PLACE_ALIASES:
        return PLACE, PLACE_ALIASES[name]
    kind = _kind(words, name, run, honorific)
    return (kind, name) if kind else None


def _kind(words: list[str], name: str, run: _Run, honorific: bool) -> str | None:
    joined = [k for k, w in enumerate(words) if w in JOINERS]
    last = words[joined[0] - 1] if joined else words[-1]  # the head: "Bank" of "Bank of England"
    if _demonym(last) and not honorific and name not in KNOWN_PLACES:
        return None
    if honorific and len(words) >= 1 and name not in KNOWN_PLACES:
        return PERSON if len(words) > 1 else "single"
    if len(words) == 1 and name in ORGANISATION_WORDS and name not in KNOWN_ORGANISATIONS:
        return None  # "Police", "Office", "Senate" alone: which one is not said
    if len(words) == 1 and (name in PLACE_WORDS or name in ACRONYM_THINGS):
        return None  # "Street", "County" alone; "SUV", "KO": no one and nowhere
    if len(words) == 1 and len(name) == 2 and name in US_STATES:
        return None  # a state's postal code ("R-CA", "Mountain View, CA"): no topic of its own
    if name in KNOWN_ORGANISATIONS or last in ORGANISATION_WORDS:
        return ORGANISATION
    if name in ACRONYM_PLACES or name in KNOWN_PLACES or last in PLACE_WORDS:
        return PLACE
    if run.after.lower() in PLACE_NOUNS_AFTER and not run.after[:1].isupper():
        return PLACE
    if len(words) > 1 and run.after in PLACE_NOUNS_AFTER_NAMES:
        return PLACE
    if run.state_after and name not in US_STATES:
        return PLACE
    if len(words) == 1 and _acronym(name):
        return ORGANISATION
    if len(words) == 1:
        return PLACE if run.before in PLACE_PREPOSITIONS else "single"
    return PERSON


def _demonym(word: str) -> bool:
    return word in DEMONYMS or (word.endswith(DEMONYM_SUFFIXES) and word not in KNOWN_PLACES)


def _acronym(word: str) -> bool:
    return word.isupper() and ACRONYM_MIN <= len(word) <= ACRONYM_MAX and word.isalpha()


def _count_short_forms(found: Counter[tuple[str, str]], singles: Iterable[str]) -> None:
    """A lone word that is a name found elsewhere in the text, or part of exactly one
    person's name, is a mention of it; any other lone word names nothing we can tell
    (a first word of a sentence, a brand)."""
    people = [name for kind, name in found if kind == PERSON]
    exact = {name: kind for kind, name in found}
    for word in singles:
        if word in exact:
            found[(exact[word], word)] += 1
            continue
        owners = [p for p in people if word in p.split()]
        if len(owners) == 1:
            found[(PERSON, owners[0])] += 1
