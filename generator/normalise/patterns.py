"""Every heuristic of the normaliser as named data, grouped by what it finds.

Rules are stated the way an editor would state them ("a reaction counter is a
word followed by a count in brackets"), never as strings from one site. The rule
names are what `digest explain` prints beside each dropped line."""

from __future__ import annotations

import re
from dataclasses import dataclass

I = re.IGNORECASE  # noqa: E741


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    why: str  # one line for `digest explain`
    # A speed-up only, never a condition of its own: lower-case strings of which the line
    # (folded by `folded`) holds at least one whenever the pattern matches it. Searching a
    # long paragraph with an unanchored case-blind pattern is slow; a substring test is
    # not. Empty: always search.
    needs: tuple[str, ...] = ()

    def search(self, text: str, key: str) -> bool:
        """Whether the pattern is found in text; key is folded(text)."""
        if self.needs and not any(n in key for n in self.needs):
            return False
        return self.pattern.search(text) is not None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A word of a headline in title case: capitalised, a number, or a short word a title
# leaves in small letters ("Man and Woman Killed in Plantation Crash").
_TITLE_WORD = (
    r"(?:[A-Z0-9][\w'’.,:-]*|of|in|to|at|for|and|or|on|the|a|an|after|over|with|by|from|as|"
    r"is|are|vs\.?)"
)


def _rule(name: str, pattern: str, why: str, flags: int = I, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(name, re.compile(pattern, flags), why, needs)


# The non-ASCII characters that a case-blind pattern matches to an ASCII letter, mapped
# to that letter (str.lower() maps "İ" to two characters and leaves "ı" and "ſ" alone).
_FOLD_TO_ASCII = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def folded(text: str) -> str:
    """The text lower-cased so that an ASCII string a re.IGNORECASE pattern finds in it is
    a substring of the result (what Rule.needs is tested against)."""
    if not text.isascii():
        for odd, letter in _FOLD_TO_ASCII:
            if odd in text:
                text = text.replace(odd, letter)
    return text.lower()


# The labels of the same furniture in the other languages the sources publish in
# (Portuguese, Spanish, Italian, French, German, Russian), for the rules below that
# name it in English: "read also", "you may like", "related", "leave a comment",
# "comments".
READ_ALSO_WORDS = (
    r"leia também|veja também|lee también|lea también|ver también|leggi anche|vedi anche|"
    r"à lire aussi|lire aussi|voir aussi|lesen sie auch|siehe auch|читайте также|"
    r"смотрите также"
)
YOU_MAY_LIKE_WORDS = (
    r"você (?:também )?pode gostar|(?:también )?te puede interesar|potrebbe interessarti|"
    r"ti potrebbe interessare|vous aimerez (?:aussi|également)|"
    r"das könnte sie auch interessieren|вам (?:также )?может понравиться"
)
RELATED_WORDS = (
    r"(?:notícias|matérias|artigos) relacionad[ao]s|(?:noticias|artículos) relacionad[ao]s|"
    r"(?:articoli|notizie) correlat[ie]|articles (?:liés|similaires)|sur le même sujet|"
    r"mehr zum thema|похожие (?:статьи|новости|материалы)"
)
LEAVE_COMMENT_WORDS = (
    r"deixe (?:um|seu|o seu) comentário|deja (?:un|tu) comentario|lascia un commento|"
    r"laisse[rz] un commentaire|schreibe(?:n sie)? einen kommentar|"
    r"остав(?:ить|ьте) комментарий"
)
COMMENTS_WORDS = r"comentários|comentarios|commenti|commentaires|kommentare|комментарии"

# A news agency's notes to editors printed in capitals after a photo's credit, or on a
# line of their own: "TPX IMAGES OF THE DAY", 'SEARCH "FLOODS" FOR THIS STORY.',
# "ATTENTION EDITORS - ...", "EDITORIAL USE ONLY", "NO RESALES. NO ARCHIVES".
WIRE_NOTE = (
    r"TPX IMAGES OF THE DAY\.?|"
    r"SEARCH [\"“][^\"”]{1,60}[\"”] FOR (?:THIS STORY|ALL (?:STORIES|IMAGES))\.?|"
    r"ATTENTION EDITORS\b[^a-z]*|(?:FOR )?EDITORIAL USE ONLY\.?|NO RESALES\.?|NO ARCHIVES\.?|"
    r"MANDATORY CREDIT\.?"
)

# --- Site furniture: a line matching one of these is never article text -----------------
# A station's copyright line naming the agency that owns the text, then itself:
# "Copyright Associated Press / NBC 6 South Florida" (fields.find_outlet).
AGENCY_THEN_OUTLET = re.compile(
    r"^copyright\s+(?:\d{4}\s+)?(?P<agency>[A-Z][\w.&'’ ]{1,40}?)\s*/\s*"
    r"(?P<outlet>[A-Z][\w.&'’ ]{1,40}?)\s*$",
    I,
)
# A station's or site's call to follow the story with it, closing a story: "Stay with
# KCRA 3 for the latest.", "This is a developing story. Stay with WDSU.com for updates.",
# "Check back with NBC 6 for updates.", "We're working to get more information for you,
# so stay with 12 News for updates.". Whom to stay with is a name (capitalised, a number,
# a handle, a web address) or "us", and what for is news to come: "stay with me", "stay
# with his uncle for a week" and "stay tuned to your local news" are a story's words.
STATION_PROMO = (
    r"(?i:(?:this (?:is a developing story|story is developing)[.,]\s+)?"
    r"(?:[^.!?]{0,80},\s+so\s+|watch [^.!?]{1,40}\band\s+)?(?:please\s+)?"
    r"(?:stay (?:with|tuned (?:to|with))|check back with)\s+)"
    r"(?:us|[A-Z0-9@][\w.@'’&-]*|[\w-]+\.(?i:com|net|org|tv)\b)"
    r"(?:,?\s+[\w.@'’&-]+){0,10}?\s+(?i:(?:for|as)\s+(?:the\s+|any\s+)?"
    r"(?:latest|updates?|more|further|continuing|additional|new|developments|details)\b|"
    r"as (?:this|the) story develops\b)"
    r"[^.!?\"”]{0,80}[.!?]?[-–—]*"
)
FURNITURE: tuple[Rule, ...] = (
    # "Current:Home > News...", "You are here: Home / World", "Home : News : Story"; and
    # a trail of section names joined by arrows, wherever it starts: "News > Politics",
    # "World » Asia »", "You are in: Sport > Football" (each step a short capitalised name)
    _rule(
        "breadcrumb",
        r"^(?:current\s*:|you are (?:here|in)\s*:)?\s*home\s*(?:[>›»/|]|:[^:]{1,30}:)|"
        r"^(?:you are (?:here|in)\s*:\s*)?(?:(?:>>?|[›»])\s*)?"
        r"(?-i:[A-Z0-9][^>›»!?]{0,39}(?:\s(?:>>?|[›»])\s+[A-Z0-9][^>›»!?]{0,39}){1,7})"
        r"(?:\s*(?:>>?|[›»]))?$",
        "breadcrumb trail",
    ),
    # "veryGood! (96)", "Like (12)", "Angry (3)"
    _rule("reaction_counter", r"^[\w'’ ]{1,20}[!?]?\s*\(\d[\d,.]*[km]?\)$", "reaction counter"),
    # "MORE: Top US general ...", "READ MORE: ...", "Related: ...", "RELATED VIDEO: ...",
    # "On HoustonChronicle.com: ...", "Also on rt.com ...", the link's date before it
    # ("11/24/2013 Related Story: Tulsa Police ID Four Killed In Saturday Shootings"),
    # ">>READ: ...", "READ MORE | ...", "[WEB EXTRA: ...]", "• Related: ...", "Previous:
    # ...", "STORY: ..." (in capitals: a label), "RELATED ARTICLE: ...", "Related Link: ...",
    # "►Related:Bank robbery suspect ...", and the label run into the headline it heads:
    # "Related Coverage 3-year-old child shot in Hamilton", "Quick Clicks Teen ...", "Linked
    # Articles Sheriff: ..."
    _rule(
        "more_link",
        r"^(?:\d{1,2}/\d{1,2}/\d{2,4}\s+)?(?:>>?\s*|\[|[•■▪►▶]\s*)?(?:read |see |watch |also )?"
        r"(?:more|also|related|recommended|watch|listen|trending|see|read|web extra|previous|"
        r"next)"
        r"(?: stories| story| coverage| articles?| videos?| content| headlines| links?)?"
        r"\s*(?::|\s\|)\s*\S|"
        r"^(?:read|see) (?:the )?(?:full |related )?(?:article|story|report)\s*:\s*\S|"
        r"(?-i:^(?:Related (?:Coverage|Stories|Articles|Content|Links|Headlines)|Quick Clicks|"
        r"Linked Articles)"
        r" [A-Z0-9])|(?-i:^STORY:\s+[A-Z0-9])|"
        rf"^\(?(?:{READ_ALSO_WORDS})(?: \w{{1,3}})?\s*:\s*\S|"
        r"^on [\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|tv)\s*:\s*\S|"
        r"^also on [\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|tv)\b\s*:?(?:\s|$)",
        "teaser link to another article",
    ),
    # the article's pager: "Next page >", "« Previous", "- next", "- 2", "Page 1 of 3",
    # a gallery's "More pictures: < Prev | Next >" (a
    # number alone counts only as a list item: a bare figure may be a table's cell)
    _rule(
        "pagination",
        r"^(?:[-*•]\s*)?(?:[<«‹]+\s*)?(?:next|prev|previous)(?: page)?(?:\s*[>»›]+)?$|"
        r"^(?:(?:more )?(?:pictures|photos|images|pages?)\s*:\s*)?[<«‹]+\s*prev(?:ious)?\s*"
        r"[|/]\s*next\s*[>»›]+$|"
        r"^page \d{1,3} of \d{1,3}$|^[-*•]\s*\d{1,2}$",
        "the article's page numbers or next-page link",
    ),
    # the page's text-size control: "text size", "Font size: Decrease Increase", "- Text
    # Size: A A A", "Font size: + -", "Font:" (the words alone, with the control's buttons)
    _rule(
        "text_size",
        r"^(?:[-*•]\s*)?(?:(?:text|font)[ -]?size\b|font\s*:)[\s:+–-]*"
        r"(?:(?:decrease|increase|reset|a)\b[\s+–-]*)*$",
        "text-size control",
    ),
    # "-----", "=====", "* * *": a line of punctuation alone separates, and says nothing
    _rule("separator", r"^[\W_]+$", "a line of punctuation alone: a separator"),
    # A page's script scraped as text: "var year = Math.floor(xOff / yearImgWidth);",
    # "function(d, s, id) {", "document.getElementById(...)": code, never the story's words.
    _rule(
        "script",
        r"\bvar [A-Za-z_$][\w$]* = |\bfunction\s*\([\w$, ]*\)\s*\{|"
        r"\b(?:Math|document|window)\.[a-z]\w*\(|\);\s*(?:var|if|return)\b",
        "a page's script scraped as text",
        needs=("var ", "function", "math.", "document.", "window.", ");"),
    ),
    # "(Photo: KHOU 11)", "(Image credit: Blue Origin)": a photo's credit alone on its line in
    # brackets, the photo itself left out of the dump; it stands under a headline or a
    # paragraph as often as under a caption, so it credits no line: never article text
    _rule(
        "photo_credit",
        r"^\(\s*(?:image|photo|photograph|picture|foto)s?(?: credit)?\s*:\s*[^()]{1,80}\)\.?$",
        "a photo's credit, the photo not in the page",
        needs=("image", "photo", "picture", "foto"),
    ),
    # "Video: Highlights of the final round", "VIDEO: Watch Jane Roe's report": a link to a
    # clip the page embeds (a clip's credit is printed under it, never behind "Video:")
    # "Enlarge", "View Larger Image": a photo's control
    _rule(
        "photo_control",
        r"^(?:click to )?enlarge(?: this (?:image|photo))?\W*$|^view larger (?:image|photo)\W*$",
        "a photo's control",
        needs=("enlarge", "view larger"),
    ),
    # A video's title and summary with the day it was published, as a station's player
    # prints them beside the story: "... Michael George reports. (Published Thursday, May
    # 19, 2016)".
    # (furniture.drop_video_lists: the clip's title over such a caption, inside the story,
    # is dropped with it: VIDEO_TITLE_MIN_WORDS to VIDEO_TITLE_MAX_WORDS words, no stop)
    _rule(
        "video_caption",
        r"\(published (?:[a-z]+day,? )?[a-z]{3,9}\.? \d{1,2},? \d{4}\)$",
        "a video's title and summary, stamped with the day it was published",
        needs=("(published",),
    ),
    # "Video: ...", "RAW VIDEO: ...", "Raw: Family friend talks about ...", "[VIDEO: ...]",
    # ">>PHOTOS: ...", "[SLIDESHOW: ...]" (a gallery's label only in brackets or behind
    # arrows: "Photos: Jane Roe" credits a photo), the label run into a clip's title in
    # title case ("Video Man and Woman Killed in Plantation Crash", "RAW Patient Being
    # Taken to Hospital ..."), "Video (01:00) : Police say all five ...", "Watch this story",
    # "Watch the report", "Watch this video report posted online by KTVA-TV:" (over the
    # player), "ON A MOBILE DEVICE? WATCH THE VIDEO HERE.", "Scroll down for video", a
    # reporter's clip over its player ("Lisa Washington's Report:"), "- Video: Watch Porcha
    # Johnson's report", "PLAYLIST: WILMINGTON SHOOTINGS IN 2017", a player's list of clips
    # ("MORE VIDEO Police: 2-year-old accidentally shot ... (6 p.m.) Police: ...")
    _rule(
        "video_link",
        r"^(?:>>?\s*|\[|-\s*)?(?:raw (?:video|footage)|raw|video|audio|playlist)\s*:\s*\S.{0,100}$|"
        r"^(?:>>?\s*|\[)(?:photos|slideshow|gallery)\s*:\s*\S.{0,100}$|"
        r"(?-i:^MORE VIDEOS?\b)|"
        rf"(?-i:^(?:Video|Photos|RAW|Raw)(?: {_TITLE_WORD}){{3,16}}$)|"
        r"^(?:watch|view) (?:this|the|our) (?:story|videos?|report|video report|clip)\W*$|"
        r"^watch (?:this|the) video\b[^.!?]{0,80}:$|"
        r"^(?:video|audio)\s*\(\d{1,2}:\d{2}\)\s*:\s*\S.{0,300}$|"
        r"^on a mobile device\?\s*(?:watch|see|view) (?:the )?video here\W*$|"
        r"^scroll down for (?:the )?videos?\W*$|"
        r"(?-i:^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}['’]s? )(?:video )?report\s*:$",
        "link to a video or audio clip",
    ),
    # A station's or site's blurb about itself, welcoming the reader to it at its address:
    # "CBS 2Welcome to CBS 2 on CBSChicago.com! CBS 2 has joined forces with ..."
    _rule(
        "site_welcome",
        r"^.{0,40}?welcome to\b(?:[^.!?]|\.(?=\d)){1,100}\b(?:on|at)\s+"
        r"[\w-]+\.(?:com|net|org|co\.uk)\b",
        "the site's blurb about itself, welcoming the reader",
        needs=("welcome to",),
    ),
    # "The comments posted here are not from X. Kindly refrain from ...", "Comments are
    # moderated. Views expressed in comments are not those of X.", "Comments are the views
    # of readers, not of X", "We welcome your comments. ... Read the X's community
    # guidelines before posting.", a bare "Comments (12)", "New comments are only accepted for
    # two weeks from the date of publication."
    _rule(
        "comment_policy",
        r"\bcomments?\b.{0,40}\b(?:posted|are|is)\b.{0,20}\bnot\b.{0,30}\b"
        r"(?:from|endorsed|reflect)|\brefrain from\b.{0,40}\bcomments?\b|"
        r"^comments are (?:pre-?)?(?:moderated|reviewed)\b|"
        r"^(?:the )?(?:views|opinions) expressed (?:in|by) (?:the )?(?:comments|commenters)\b|"
        r"^comments\b.{0,40}\bviews of (?:our |the |their )?(?:readers|commenters|users|"
        r"authors?|writers?)\b|^(?:we welcome (?:your )?comments|comments are subject to)\b|"
        r"\bread (?:the |our )?[^.]{0,60}\b(?:community|comment(?:ing)?) "
        r"(?:guidelines|policy|rules) before (?:posting|commenting)\b|"
        r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:join the (?:conversation|discussion)|"
        r"leave a (?:comment|reply)|show comments|view comments)\b|"
        r"\bnew comments are (?:only )?accepted for\b",
        "comment-section notice",
        needs=("comment", "join the ", "leave a ", "community"),
    ),
    # "📬 Sign up for the Daily Brief", "Subscribe to our newsletter": a prompt names what you
    # get ("Get breaking space news and the latest updates on rocket launches", "Join our
    # Space Forums", "Subscribe to our sister title ... Magazine", "NEWSLETTER: Get essential
    # California headlines delivered daily", "Get Fast Forward in your inbox", "Want more
    # deals? Join the IGN Deals Newsletter."); its button ("Subscribe Now!") and its promise
    # ("No spam, we promise. You can unsubscribe ...")
    # A paywall's notice, telling the reader how to get at the story: "Current subscribers
    # have full access to all online news content ... please log in ...", "Go here to
    # continue reading this story from the Star-Telegram.", "This article is available
    # only to subscribers.", "You must sign in or register to continue reading content."
    _rule(
        "paywall",
        r"^(?:current subscribers (?:have|get|can)\b|if you are a (?:current )?subscriber\b|"
        r"already a subscriber\?|(?:go|click) here to continue reading\b|"
        r"to continue reading,? (?:please )?(?:log|sign) ?in\b|"
        r"(?:you (?:must|need to) |please )?(?:sign in|log ?in|register|subscribe)"
        r"(?: or (?:sign in|log ?in|register|subscribe))? to (?:continue|keep) reading\b|"
        r"you have reached (?:your|the) (?:limit|maximum)\b|"
        r"this (?:content|article|story) is (?:only )?available (?:only )?to subscribers\b)",
        "a paywall's notice: how to get at the story",
        needs=("subscri", "continue reading", "reached"),
    ),
    _rule(
        "signup",
        r"^\W{0,3}\s*(?:sign up|subscribe|get our|join (?:our|the))\b.{0,60}\b"
        r"(?:newsletters?|brief|briefing|updates|inbox|alerts|digest|e-?mails?|free|headlines|"
        r"forums?)\b|"
        r"^[^.!?]{0,60}[.!?]?\s*(?:(?:sign up|subscribe) (?:to|for)|join) (?:one of )?(?:our|the)\b"
        r"[^.]{0,40}\b(?:newsletters?|magazine)\b|^get alerted\b|"
        r"^get (?:breaking|the latest)\b.{0,80}\b(?:news|updates|alerts)\b|"
        r"^(?:subscribe|sign up)(?: now| today| here)?\W*$|"
        r"^no spam\b|\bunsubscribe (?:at any time|anytime)\b|\bget (?:e-?mail|news) alerts\b|"
        r"^newsletter\s*:|^get [\w' ]{1,40} in your inbox\b|^subscribe to receive\b",
        "newsletter or sign-up prompt",
        needs=(
            "sign up",
            "subscribe",
            "get our",
            "join ",
            "get breaking",
            "get the latest",
            "get alerted",
            "no spam",
            "alerts",
            "newsletter",
            "inbox",
        ),
    ),
    # "We may earn a commission from links on this page.", "If you buy something through
    # this post, IGN may get a share of the sale."
    _rule(
        "affiliate",
        r"\b(?:may|might) (?:earn|receive|get) (?:an? )?(?:small |affiliate )?"
        r"(?:commission\b|share of (?:the )?sales?\b)|"
        r"\baffiliate links?\b",
        "affiliate disclosure",
        needs=("commission", "affiliate link", "share of"),
    ),
    # cookie, login and paywall notices
    _rule(
        "notice",
        r"\b(?:we use cookies|accept (?:all )?cookies|cookie (?:policy|settings)|"
        r"log ?in to (?:continue|comment)|already a subscriber|create (?:a free )?account|"
        r"(?:please )?enable javascript|"
        r"(?:you must )?enter the characters (?:with|shown|you see))\b",
        "cookie, login, account, captcha or browser notice",
        needs=("cookie", "log", "already a subscriber", "account", "javascript", "characters"),
    ),
    # "Follow CBSDFW.COM: Facebook | Twitter", "Follow us on Twitter and Instagram", "Stay Up
    # To Date, Follow KDKA On Twitter", "Follow @ActionNewsJax on Twitter for the latest
    # developments on this story.", "Please check back or follow @BNONews on Twitter as
    # details become available.", "Like Us on Facebook"
    _rule(
        "follow_prompt",
        r"^follow (?:us|[@\w.-]+)(?: on)?\s*:?\s*"
        r"(?:(?:facebook|twitter|instagram|youtube|linkedin|snapchat)\b\s*(?:[|,&]|and)?\s*)+$|"
        r"^(?:stay up to date,?\s*|for (?:the latest|breaking news|updates)\b[^,.]{0,50},\s*|"
        r"(?:please )?check back or\s+)?follow (?:us|@\w+|[\w.-]+) on "
        r"(?:twitter|facebook|instagram)\b(?:\s+(?:for|as)\b[^.]{0,60})?\W*$|"
        r"^(?:[^.!?]{0,60}[.!?]\s*)?(?:please )?check back or follow @\w+ on twitter\b|"
        r"^like us on facebook\W*$",
        "prompt to follow the site on social media",
        needs=("follow", "like us"),
    ),
    # A station's app: "DOWNLOAD our free mobile apps for breaking news and weather",
    # ">>Download the WESH 2 News app for iOS and Android", "For news and updates, download
    # the WHIO mobile app.", "This is a breaking news story. Download the WATE 6 News app
    # for breaking news updates.", "Download app: iOS | Android", "Keep up with local news,
    # weather and current events with the WDSU app here."
    _rule(
        "app_prompt",
        r"^(?:\W{0,3}|[^.!?]{0,60}[.!?,]\s*|never miss a beat\s+)download (?:the|our) "
        r"(?:free )?(?:[\w+&'’-]+ ){0,6}?(?:mobile )?apps?\b"
        r"(?:\s+(?:for|to|here)\b[^.]{0,80})?\W*$|"
        r"^download (?:the |our )?(?:[\w+&'’-]+ )?app\s*:\s*(?:ios|android|iphone)\b[^.]{0,40}$|"
        r"^(?:keep up|stay (?:up to date|informed|connected|on top of))\b[^.!?]{0,80} with "
        r"(?:the|our) (?:free )?(?:[\w+&'’-]+ ){0,6}?(?:mobile )?apps?(?: here)?\W*$|"
        r"^get (?:the|our) (?:free )?(?:[\w+&'’-]+ ){0,4}?(?:mobile )?app\W*$",
        "prompt to install the site's app",
        needs=("download", "keep up", "stay ", "get "),
    ),
    # A card of a story or a clip, its title run into its summary, ending in the card's
    # "More" button after the summary's last stop: "Community reacts to rash of violence in
    # Mt. Oliver People who live in Mt. Oliver are fed up ... three children. More". No
    # sentence of a story ends in a capitalised "More" after a full stop.
    _rule(
        "more_card",
        r"^.{20,}[.!?\"”’]\s+More$",
        "a card of a story or clip ending in its 'More' button",
        0,
        needs=("more",),
    ),
    # "For the latest information, click or tap here.", "On the go? Tap here for a summary",
    # "Click to subscribe", "CLICK HERE to hear more from the Jones family that was nearly
    # torn apart by the mayhem"; several behind bars: "Mobile users tap here for photos from
    # the scene | Tap here for video". A sentence before the prompt is the story's
    # (P.PARAGRAPH_FURNITURE cuts the prompt from it).
    _rule(
        "click_prompt",
        r"^(?:(?:^|\s*\|\s*)(?:\S+(?<!\.)\s+){0,8}(?:click|tap)(?: or (?:click|tap))? here\b\W*"
        r"(?:\s+[^\s|]+){0,16})+$|"
        r"^(?:click|tap) to (?:subscribe|sign up|read more|see more|watch|listen)\b\W*$",
        "a prompt to click for something else",
        needs=("click", "tap"),
    ),
    # a video player's controls scraped with its description: "CLOSE Skip in Skip x Embed x
    # Share A memorial is set up in honor of ...", "EMBED >More News Videos Deputies
    # reported ...", "Sorry, your browser doesn't support Flash ... EMBED </>More News
    # Videos ...", "Hide Transcript Show Transcript", "play pause Violent Night in Vallejo",
    # or after the clip's credit: "Al Jones reports playpause"; the player's notices ("This
    # video is no longer available.", "You need the latest version of the Adobe Flash
    # Player ...", "Having trouble viewing the video? ...", "Warning: The audio in the video
    # above may be disturbing ...")
    _rule(
        "video_embed",
        r"^close\s+skip in skip\b|\bskip in skip x embed x share\b|"
        r"^play\s+pause\s+\S|\bplay ?pause\W*$|"
        r"^embed\s*<?/?>\s*more (?:news )?videos\b|"
        r"^sorry, your browser (?:does ?n[o']t|can ?not) (?:support|play)\b"
        r".{0,80}\b(?:flash|video)\b|"
        r"^(?:hide|show) transcript(?:\s+(?:hide|show) transcript)?\W*$|"
        r"^(?:this|the) (?:video|clip|slideshow|gallery) (?:is (?:no longer|not) available|"
        r"has expired|requires (?:javascript|flash))\W*$|"
        r"^you need (?:the latest version of )?(?:the )?adobe flash player\b|"
        r"^having trouble (?:viewing|playing|watching) (?:the|this) video\b|"
        r"^warning: (?:the )?(?:audio|video|footage|images?) (?:in|of) the video\b",
        "a video player's controls and its clip's description",
        needs=(
            "flash player",
            "having trouble",
            "warning",
            "available",
            "expired",
            "requires",
            "skip in skip",
            "embed",
            "sorry, your browser",
            "transcript",
            "play pause",
            "playpause",
        ),
    ),
    # An Instagram post's embed, scraped as its closing attribution: "A video posted by
    # Gene Messina (@gmessina121) on Jan 6, 2017 at 10:43am PST", after the post's own
    # words ("#fortlauderdale A video posted by ...") or a credit the page glued to it; a
    # story's sentence about a post ("A video posted on Facebook shows ...") names no
    # handle and no time.
    _rule(
        "post_embed",
        r"(?:^|\s)an? (?:video|photo|post) (?:posted|shared) by [^()]{1,60}\(@[\w.]+\) on "
        r"[^.!?]{3,30}\b\d{4}(?: at \d{1,2}:\d{2}\s*[ap]\.?m\.?(?: [A-Z]{2,4})?)?$",
        "a social post's embed: who posted it, by handle, and when",
        needs=("posted by", "shared by"),
    ),
    # A carousel of other videos, each behind its "Caption" button: "Caption Body found in
    # burned car A burned body ... Caption Crash closes bridge ..."
    _rule(
        "video_carousel",
        r"^caption\s+\S.*\bcaption\s+\S",
        "a carousel of other videos' captions",
        needs=("caption",),
    ),
    # "Make us your home page", "Set as homepage"
    _rule(
        "homepage_prompt",
        r"^(?:make (?:us|this|[\w.]+) your home ?page|set as (?:your )?home ?page)\b",
        "prompt to make the site the browser's home page",
        needs=("home",),
    ),
    # "Share this article", "Share on Facebook", "Click to share", "Like this story? Share
    # it with a friend!", a share widget's copy button ("Copy Link Copy", its label twice)
    _rule(
        "share_prompt",
        r"^(?:share|tweet|e-?mail|print)(?: this| on| via| article| story)\b|"
        r"^(?:share|tweet|e-?mail|print)\W*$|^copy (?:link|url)(?: copy)?\W*$|"
        r"^click to (?:share|print|email)\b|"
        r"^(?:e-?mail[ -]to[ -]a[ -]friend|printer[ -]friendly)\b|"
        r"^(?:send|e-?mail) this (?:article|story|page) to (?:a|your) friend\W*$|"
        r"^(?:like|enjoy(?:ed)?|love) this (?:article|story|post)\?\s*share\b",
        "share prompt",
    ),
    # a page widget's ids printed as text: "photo_prev_inline|article-gallery-5845524|0"
    _rule(
        "widget_ids",
        r"\b[a-z]+(?:_[a-z]+)+\|[a-z]+-[a-z]+-\d+\|",
        "a page widget's internal ids",
        needs=("_", "|"),
    ),
    # "del.icio.us | Digg it | Reddit | Newsvine": a bar of short items between pipes; or a
    # label in capitals, then four items or more between pipes, of a headline's length at
    # most ("CUSTOMER SERVICE terms of service | contact The Republic | ...", "MORE ON THIS
    # STORY: Biden honors all officers | Baton Rouge shooter may have embraced ... | ...")
    _rule(
        "pipe_menu",
        r"^(?:[^|]{1,30}\|){2,}[^|]{0,30}$|"
        r"^(?-i:[A-Z][A-Z'’&]+(?: [A-Z'’&]+)*):? (?:[^|]{1,100}\|){3,}[^|]{1,100}$",
        "menu, share bar or list of links between pipes",
        needs=("|",),
    ),
    # "Tags: patents", "This entry was tagged with the following keywords: ..."
    _rule(
        "tags",
        r"^(?:tags?|topics?|keywords|filed under)\s*:|\btagged with\b",
        "tag list",
        needs=("tag", "topic", "keywords", "filed under"),
    ),
    # a photo gallery's teaser: "Slideshow: Highlights from the final", "Photo gallery: the
    # storm's path", "Slideshow 5 Children Hurt View Full Caption" (a label, not a sentence;
    # or printed twice in a row, "Gallery: Photos: X Gallery: Photos: X";
    # "Photo: X" and "Video: X" are credits, left to the caption rules)
    _rule(
        "gallery_teaser",
        r"^(?:slideshow|(?:photo |picture |image )?gallery)\s*:\s*.{3,100}(?<![.!?])$|"
        r"^((?:slideshow|(?:photo |picture |image )?gallery)\s*:\s*.{3,100}?)\s+\1$|"
        r"^slideshow\b[^.!?]{3,100}$|\b(?:view|show|see) full caption$",
        "photo gallery or slideshow teaser",
        needs=("slideshow", "gallery", "full caption"),
    ),
    # a wire service's machine header printed into the page: "20080101T064242Z afp.com
    # 20080101 080101062849.77i9bh87 1 urn:newsml:afp.com:20080101:..." (NewsML ids)
    _rule(
        "wire_header",
        r"\burn:newsml:|^\d{8}T\d{6}Z\s+\S+\.(?:com|net|org)\s+\d{8}\b",
        "a news agency's machine header (time stamps and NewsML ids)",
        needs=("urn:newsml:", ".com ", ".net ", ".org "),
    ),
    # a news agency's notes to editors alone on their line (WIRE_NOTE)
    _rule(
        "wire_note",
        rf"^(?-i:(?:{WIRE_NOTE})(?:\s+(?:{WIRE_NOTE}))*)$",
        "a news agency's notes to editors (picture tags, search terms, restrictions)",
        needs=("tpx", "search", "attention", "editorial", "no resales", "no archives", "credit"),
    ),
    # "Advertisement", "Story continues below advertisement", "Ads by Google"
    _rule(
        "advert",
        r"^(?:advertisement|sponsored(?: content)?|ad feedback|ads by \w+|"
        r"(?:story|article) continues(?: below)?(?: advertisement)?)$|"
        r"^advertisement\W+(?:continue reading(?: below)?$|related content\b)",
        "advertising slot",
    ),
    # "Can be contacted ... Telephone: ... Fax: ... E-mail: ...": two contact labels make a
    # service notice (a story quoting one phone number keeps it)
    _rule(
        "contact_notice",
        r"\b(?:telephone|tel|phone|fax|e-?mail)\s*:.*\b(?:telephone|tel|phone|fax|e-?mail)\s*:",
        "customer-service or contact notice",
        needs=("tel", "phone", "fax", "mail"),
    ),
    # "Copyright 2024 X. All rights reserved.", "© 2024 X", "(© 2017 KHOU)": a year or the
    # reservation, not the word; and a short notice naming the holder, "© Reuters 2007",
    # "©CanWest News Service 2007", "© AAP" (the sign itself: "Copyright Clearance Center"
    # is a name)
    _rule(
        "copyright",
        r"^\(?(?:©|\(c\)|copyright)\s*(?:(?:©|copyright)\s*)?(?:\d{4}|[A-Z].{0,80}\ball rights\b)|"
        r"\ball rights reserved\b|" + AGENCY_THEN_OUTLET.pattern + "|"
        r"^(?:copyright\s*)?(?:©|\(c\)(?=.*\d{4}\.?$))\s*(?-i:[A-Z])[\w&.'’,-]*"
        r"(?:\s+[\w&.'’,-]+){0,5}?(?:,?\s+\d{4}(?:\s*[-–]\s*\d{4})?)?\.?$",
        "copyright line",
        needs=("©", "(c)", "copyright", "all rights reserved"),
    ),
    # The wire's terms of use opening a line, its copyright line elsewhere or left off:
    # "This material may not be published, broadcast, rewritten, or redistributed. ™2013 –
    # 2016 Real News Real Fast, Inc." (with the rights sign or words, it is the copyright
    # line; after a credit, "Distributed by X. This material ...", the credit's)
    _rule(
        "usage_notice",
        r"^(?!.*(?:©|\(c\)|copyright|all rights reserved))this (?:material|story|article) "
        r"may not be published, broadcast, rewritten,? or redistributed\b",
        "the wire's terms of use",
        needs=("may not be published",),
    ),
    _rule(
        "station_promo",
        rf"^{STATION_PROMO}$",
        "the station's call to follow the story with it",
        0,
        needs=("stay with", "stay tuned", "check back with"),
    ),
)

# A line of prompts only, each sentence one of these (furniture.drop_line_furniture): "Keep
# up with local news ... with the WDSU app here. Sign up for our email newsletters to get
# breaking news right in your inbox. Click here to sign up!"
PROMPT_RULES = tuple(
    r
    for r in FURNITURE
    if r.name in {"signup", "app_prompt", "click_prompt", "follow_prompt", "station_promo"}
)
# Speed-up only: a line holding none of the rules' `needs` can match only the rules
# without any, so those alone are tried on it (in the same order).
FURNITURE_NEEDS = tuple(dict.fromkeys(n for r in FURNITURE for n in r.needs))
FURNITURE_UNGUARDED = tuple(r for r in FURNITURE if not r.needs)

# A tag list next to the article (right above its body or in its tail) is the article's
# own: "Tags: Weinstein, WGA", "Filed under: Pop". It names at least one tag.
ARTICLE_TAGS = re.compile(
    r"^(?:tags?|topics?|keywords|filed under)\s*:\s*\w|^this entry was tagged with\b.*:\s*\w", I
)
# Tags not separated by commas are single words: at most this many of them (more is a
# headline behind a label, "TAGS: South-Asia Modi to meet Amma over lunch today").
TAG_LIST_MAX_WORDS = 6
# A line that follows a sign-up prompt and is its blurb, not article text.
SIGNUP_BLURB = re.compile(
    r"\b(?:delivered|sent|straight) (?:to your inbox|every|each|daily)\b|"
    r"\b(?:free|weekly|daily)\b.{0,40}\b(?:newsletter|briefing|email)\b",
    I,
)

# --- Section labels: a short line naming a block of links ("Related", "Most read") ------
# A label is at most this many words, with no sentence punctuation.
LABEL_MAX_WORDS = 2
HAS_LETTER = re.compile(r"[^\W\d_]")  # a subhead is words; a number alone is none
# Labels that open a list of links to other articles: what follows them is furniture.
# So do the labels of a box of the site's own links and its partners' promotions: "Inside
# KHOU.com" (the site named by its web address: "Inside the Numbers" is a sub-heading),
# "Around the Web", "From Our Partners"; and a list named by what its items are related to
# ("More News related to Company Filings", "Stories related to this topic"), or by what
# they are about ("Related Berrien County shooting stories:", "More stories you may like
# on 7News"), or as the site's earlier pieces ("Previously on spiked").
LIST_LABELS = re.compile(
    r"^(?:(?:related|recommended|sponsored|featured|latest|top|popular|trending|more|other|"
    r"most (?:read|popular|viewed|shared|e-?mailed|commented|watched))\b(?: [\w'’]+){0,2}|"
    r"related(?: [\w'’-]+){1,4} (?:stories|coverage|articles|links|headlines|videos)|"
    r"more (?:stories|articles|videos) you (?:may|might) (?:also )?like(?: on [\w.-]+)?|"
    r"more (?:stories|articles|news|videos|posts) like this(?: one)?|"
    r"(?:more |other )?(?:news|stories|articles|posts|videos|coverage) related to"
    r"(?: [\w'’&.-]+){1,3}|"
    r"recommendations?|ranking|you (?:may|might) also like|read (?:more|next)|"
    r"previous (?:stories|articles|posts)|previously on [\w.'’&-]+(?: [\w.'’&-]+){0,2}|"
    r"editor'?s picks?|also (?:read|see)|what to read next|in other news|see also|"
    r"inside [\w.-]+\.(?:com|net|org|co\.uk|ca)|(?:from )?around the web|"
    r"from our (?:partners|sponsors?|advertisers)|"
    r"(?:top )?(?:stories|headlines) of the day|"  # "Stories of the day..."
    r"(?:trending|popular|most read) (?:now )?on [\w.-]+\.(?:com|net|org|tv)|"  # "... on FOX23.com"
    rf"{READ_ALSO_WORDS}|{YOU_MAY_LIKE_WORDS}|{RELATED_WORDS})[:.…]*$",
    I,
)
# The box about the writer under a story: its label ("About the Author") ends the story
# as a list's label does (block.find_body), whatever follows it; the label and the
# biography under it (or on its line: AUTHOR_BIO) are the writer's credit.
AUTHOR_BIO = re.compile(r"^about the (?:author|writer)\s*:\s*\S", I)
# A note on the writer wherever it stands, above the lede too: who they are or where they
# work, then what they write about ("Emily Babay works on the Real Time News Desk. She
# writes about everything from crime to transit problems"). The two sentences together are
# the writer's credit; a story's sentence about someone's job is not followed by what
# "she writes about".
WRITER_BIO = re.compile(
    r"^(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) "
    r"(?:works (?:on|for|at|with)|writes for|reports for|is (?:a|an|the)) [^.]{3,80}\. "
    r"(?:She|He|They) (?:writes|covers|reports) (?:about|on)\b"
)
AUTHOR_BOX = re.compile(
    r"^(?:about the (?:author|writer)s?|sobre (?:o|a) autora?|sobre el autor|"
    r"à propos de l'auteur|über den autor|sull'autore|об авторе)\s*:?\s*$",
    I,
)
# Of those, the ones a page prints inside a story, between its paragraphs ("Read also",
# "See also"). Any other, with its list under it, ends the story as a footer's copyright
# line does, unless the prose beyond the list tells the same story.
INLINE_LIST_LABELS = re.compile(
    rf"^(?:also (?:read|see)|see also|read (?:more|also)|{READ_ALSO_WORDS})[:.…]*$", I
)
# Words that are never part of a person's name, for telling a byline from a label: a
# page's labels and controls ("Up Next", "Generic Image"), what a story is about ("Clearview
# Homes Shooting", "Hospital Dismissals", "Multiple Special Circumstances").
NOT_A_NAME = re.compile(
    r"\b(?:articles?|links?|news|related|stories|viewed|sponsored|more|latest|popular|videos?|"
    r"photos?|comments?|share|print|e-?mail|home|search|login|sign|subscribe|advertisement|"
    r"click|alerts?|gallery|galleries|view|reviews?|points|highlights|staff|writers?|"
    r"reporters?|correspondents?|editors?|contributors?|whatsapp|facebook|twitter|pinterest|"
    r"pint|linkedin|instagram|youtube|google|sponsors?|advertis\w*|directory|information|"
    r"printer|friendly|resize|save|blogging|reading|contact|user|username|sms|next|images?|"
    r"generic|shootings?|killings?|dismissals|circumstances|multiple)\b",
    I,
)
# A reporter's name with the agency printed after it: "Tom Davies Associated Press".
NAME_AGENCY_TAIL = re.compile(
    r"(?:^|\s+|(?-i:(?<=[A-Z]{2})))(?:the )?(?:associated press|reuters|afp|bloomberg)$", I
)  # also glued to a name in capitals: "ED WHITEAssociated Press"
# ... or, between headline and body, a name with what a byline prints after it that names
# no one: the publication after a comma ("VICTOR TANGERMANN, FUTURISM", a reprint's credit)
# or the link to the writer's other stories ("Randy Wimbley More>>", "Marcus De
# GuzmanView More Articles"). A second name after the comma is a second writer
# (fields._tailed_name).
NAME_LINE_TAIL = re.compile(
    r"(?:,\s*(?P<org>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})|\s*(?:View )?More(?: Articles)?"
    r"\s*>{0,2})$"
)
# ... or the role before it: "Staff Writer Irma Widjojo", "Digital Editor Robert Browman",
# the wire's "Associated Press Writers Qassim Abdul-Zahra (and Sinan Salaheddin)", a
# paper's "Tribune reporter Naomi Nix", a station's "WBAL-TV 11 News reporter Karen Campbell".
NAME_ROLE_HEAD = re.compile(
    r"^(?:(?:the )?(?:associated press|reuters|afp|bloomberg)\s+|"
    r"(?-i:[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|\d{1,3})){0,2})\s+)?"
    r"(?:(?:senior|staff|digital|news|chief|political|business|sports?|web|online)\s+)*"
    r"(?:writer|editor|reporter|correspondent)s?\s+(?=[A-Z])",
    I,
)
# ... or the station or paper the writer works for, in the possessive: "KGW's Maggie
# Vespa", "KCRA 3's Melinda Meza" (a call sign or a capitalised name, perhaps its channel).
NAME_OWNER_HEAD = re.compile(
    r"^(?:[A-Z][\w&.-]*(?: (?:[A-Z][\w&.-]*|\d{1,3})){0,2})['’]s\s+(?=[A-Z])"
)
# Teaser lists: this many (headline, one short summary) pairs in a row, summaries of at
# most TEASER_MAX_WORDS words.
# A video playlist: clip lengths before clip titles ("3:00 Trump vows to be a president
# for all Americans"), this many in a row. A clock time ("12:39 a.m.") is no clip length,
# and a timeline's entries end in a full stop, clip titles do not.
VIDEO_ITEM = re.compile(r"^\d{1,2}:\d{2}\s+(?![ap]\.?m\b)(?i:[^\W_]|[\"'‘“])")
VIDEO_LIST_MIN = 3
# A clip's title over its caption inside the story (furniture.drop_video_lists): so many words.
VIDEO_TITLE_MIN_WORDS, VIDEO_TITLE_MAX_WORDS = 2, 16
# Advertisers' text links under a label ("Sponsored Links", "Ads by Google", "Sponsored
# by:"): units of a title, a blurb of one or two lines and the advertiser's web address.
# Everything from the label to the last address is the advert, as long as an address comes
# every AD_UNIT_LINES lines or sooner, and the lines before it are as short as an ad
# network lets them be (AD_LINE_MAX_WORDS words at most: a paragraph is the story's).
# ("Advertisement" and "Sponsored" alone are dropped before, by the `advert` rule: a slot.)
AD_LABEL = re.compile(
    r"^(?:sponsored (?:links?|listings?|results?|by)|ads by \w+|advertisements|"
    r"paid (?:links|listings))\s*:?$",
    I,
)
AD_UNIT_LINES, AD_LINE_MAX_WORDS = 4, 12
AD_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$|^(?:[\w-]+\.)+[a-z]{2,6}(?:/\S*)?$", I)
# A site's promo card printed as one line: a headline in title case (its small words
# capitalised too: "Best Fish Tacos In Malibu") run into the blurb under it, glued
# ("MalibuMalibu is ranked", 'New Year"Here in') or after a space before the blurb's
# first sentence ("... In The U.S. A look at"). Prose capitalises no "In" or "For"
# mid-sentence, nor a word before a colon ("Jay Lloyd's Getaway: Holiday Getaway
# CautionAs hordes ..."); a name's run ends at a comma ("Amelia Mae Hinch, 43, The
# Dalles").
CARD_HEAD_WORD = re.compile(r"^[A-Z0-9][^\s,;]*$")
CARD_GLUE = re.compile(r"[a-z]{2}(?:[A-Z][a-z]|[\"”][A-Z])")
CARD_SMALL_WORDS = frozenset(  # capitalised only in a title
    ("In", "To", "And", "For", "Of", "At", "On", "With", "From", "By", "Into", "Through")
)
CARD_BLURB_OPENERS = frozenset(
    ("The", "A", "An", "This", "These", "Here", "It", "If", "When", "Whether")
)
CARD_HEAD_MIN_WORDS = 4
# A teaser's blurb cut short: "... diagnosed with the plague,...", "... the Senate Ways
# and..." (an ellipsis after a comma or a word, no stop before it).
CUT_BLURB = re.compile(r"(?<![.!?])(?:,\s?)?(?:\.\.\.|…)$")
# ... and cut in mid-phrase, after a small word or a word's first letters
# (furniture.drop_cut_blurbs): so many on a page, each of at least so many words.
_CUT_AFTER = (
    r"a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|is|are|was|were|his|her|"
    r"their|its|that|this|than|but"
)
CUT_MID_PHRASE = re.compile(
    rf"(?:\b(?:{_CUT_AFTER})|(?<=\s)[A-Za-z]{{1,2}})\s?(?:\.\.\.|…)$",
    I,
)
# ... or with no mark at all, above the box's "Read more" link (furniture.drop_teaser_boxes):
# "... have become acutely sick and have even died due to".
CUT_UNMARKED = re.compile(rf"\b(?:{_CUT_AFTER})$", I)
READ_MORE_LABEL = re.compile(r"^(?:read|see) (?:more|the full story|full story)\W*$", I)
CUT_BLURBS_MIN, CUT_BLURB_MIN_WORDS = 2, 8
TEASER_MIN_PAIRS = 3
TEASER_SHARED_WORDS = 2  # content words two paragraphs of one story share (teasers' do not)
STORY_HEAD_WORDS = 3  # ... and the story's headline with the paragraph under it
# A teaser's head is up to this many short lines: headline, byline, date.
TEASER_MAX_HEADS = 3
# ... one of them a headline of at least this many words (a rule "___" heads nothing).
TEASER_HEAD_MIN_WORDS = 2
TEASER_MAX_WORDS = 60
# A run of this many lines with no sentence punctuation, outside the headline, is a link list.
LINK_RUN_MIN = 3
# A headline in capitals alone between two paragraphs of running text is a link to another
# story ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'") when it has at least this
# many words: a subhead in capitals is shorter ("A BIRTHDAY PARTY GONE WILD", "MORE ON THE
# OFFICERS"), and a story printed all in capitals has no lower case around the line.
# A photo's credit alone in the body, the photo left out of the dump: "Photo: iFixit",
# "Photo courtesy of Tammy Dodds", "Photo provided by Kentucky State Police" (under a
# caption the same line is its credit: the captions are found before the body).
BARE_PHOTO_CREDIT = re.compile(
    r"^(?:photo|image|picture)(?: credit)?\s*:\s*[^.!?]{1,60}$|"
    r"^(?:photos?|images?|pictures?) (?:courtesy(?: of)?|provided by)\s+[^.!?]{1,60}\.?$",
    I,
)
SHOUTED_LINK_MIN_WORDS = 7
# ... and so is a headline behind a label in capitals or a one-word source, a colon after
# it, between two paragraphs: "EXCLUSIVE: Woman on bicycle shoots man after Brooklyn
# argument", "UPDATE: Pair on the run after 7 shot during party", "Police: Toddler wounded
# in drive-by shooting in Tavares" (LABELLED_LINK_MIN_WORDS or more words after the colon,
# no sentence's stop: an update's paragraph ends in one, "UPDATE: Police have arrested the
# man."; a score, "Final Score: Milwaukee 87, Philadelphia 83", is shorter; a caption's
# label in small letters, "Thrill of the Chase: Chasetown celebrate ...", is left alone, and
# so is a caption that says what the photo shows: "Loss: Logan, pictured, died ...").
LABELLED_LINK = re.compile(
    r"^(?:[A-Z][A-Z'’&.]+(?: [A-Z][A-Z'’&.]+){0,2}|[A-Z][a-z]+):\s+(?P<headline>[A-Z0-9][^:]+)$|"
    # ... or a teaser's label run into the headline with no colon, as NBC's stations print
    # their links: "Exclusive Murder Suspect Rips Equipment Off Wall in Police Video",
    # "Developing Thousands of Flights Canceled as Snowstorm Pounds Northeast"
    r"^(?:Exclusive|Developing|Breaking|Trending|Updated) (?P<run>[A-Z0-9][^:]+)$"
)
LABELLED_LINK_MIN_WORDS = 5
# ... and so is a headline alone between two paragraphs, as a tabloid's page sets its links
# to other stories among the paragraphs ("Man kills girlfriend in Brooklyn before turning
# gun on himself", "[At least 265 people were accidentally shot by kids in 2015]"): of
# STRAY_HEADLINE_WORDS words, no sentence's stop, written as a headline is (no article, no
# form of "be": FULL_CLAUSE, unless the whole line is in brackets), and sharing fewer than
# STRAY_HEADLINE_SHARED content words with the paragraph above it and with the one below.
# A subhead is shorter, or the paragraph under it takes up its words ("Suspect arrested
# after brief chase" over "The suspect was arrested ..."); a story's sentence that lost its
# stop has its articles. Not a list's item ("5. Go topless", "Anjum Coffland, 46 years
# old"), an intro to a quote ("... Coroner Jo-Ann Farmer says"), a quote, a line of
# scores, two numbers or more ("NEVADA (10-4 (1-0 WAC))", "Final Score: Milwaukee 87,
# Philadelphia 83") or an update's stamp (furniture._stray_headline).
STRAY_HEADLINE_WORDS = (6, 16)
STRAY_HEADLINE_SHARED = 2
TWO_NUMBERS = re.compile(r"\b\d+\b.*\b\d+\b")
STRAY_HEADLINE_NOT = re.compile(
    r"[\"“”]|[:;,]$|\b\d{1,3} years? old\b|"
    r"\b(?:says|said|told|added|reported|writes|wrote|explains|according to)\W*$",
    I,
)
# A line that bids the reader watch, hear or see a clip or the photos, inside the story or
# after it, is a link to them ("Watch Peter Roe's report on the shooting", "See Video When
# words fail", "Click below to listen to 911 call", "Click for the Rolling Stones
# Gallery"): the clip is a noun after "the", "his" or a name's "'s" ("Watch for strangers
# and report them" bids no clip), in a line of at most CLIP_LINK_MAX_WORDS ("Watch the
# video closely, the detective said, and you can see ..." is the story's sentence). A page
# whose one line is such a bid keeps it as its text.
_CLIP = (
    r"(?:videos?|clips?|footage|photos|pictures|gallery|slideshow|livestream|"
    r"(?:news|press) conference|interview|(?:911|phone|dispatch|emergency) calls?|reports?|"
    r"segment|briefing)"
)
CLIP_LINK_MAX_WORDS = 12
CLIP_LINK = re.compile(
    r"^(?:watch|listen to|see|view|click (?:below |above )?"
    r"(?:for|to (?:see|view|watch|hear|listen to)))\s+"
    r"(?:(?:the|this|our|a|his|her|their|latest|full|live|raw|more|[\w.-]+['’]s)\s+){0,3}"
    rf"(?:[\w.'’-]+\s+){{0,2}}{_CLIP}\b(?:[^.!?]|\.(?!\s+(?-i:[A-Z])|$)){{0,100}}[.:]?$",
    I,
)

# --- The article's body: one run of prose --------------------------------------------------
# A prose line: a sentence of at least PROSE_MIN_WORDS, or any line of PROSE_LONG_WORDS,
# or an interview's question or answer of INTERVIEW_MIN_WORDS ("Q: Favorite apps?", "A:
# Bleacher Report, Uber Eats"), however short: the article's text, in turns.
PROSE_MIN_WORDS = 8
# ... shorter, a sentence on its own line between the head and the body opens the story
# (block.drop_outside): "Deep Throat is dead.", with words in small letters, as a
# sentence has ("Lavontay White, 2." is a caption, "UPDATE @ 10:45 p.m." a label).
OPENING_SENTENCE_MIN_WORDS, OPENING_SENTENCE_SMALL_WORDS = 3, 2
SMALL_WORD = re.compile(r"\b[a-z]{2,}\b")
PROSE_LONG_WORDS = 25
INTERVIEW_LINE = re.compile(r"^[QA]:\s+\S")
INTERVIEW_MIN_WORDS = 3
# A page with no prose but a headline and a standfirst under it (a digest of headlines
# and their summaries, scraped a story a file): the standfirst is its text, at most
# STANDFIRST_PAGE_LINES lines of STANDFIRST_MIN_WORDS words or more.
STANDFIRST_PAGE_LINES = 2
STANDFIRST_MIN_WORDS = 8
# Weights for finding the body as the heaviest run of lines: prose counts its words,
# other lines cost a little, so a caption or an ad slot between paragraphs does not
# split the body but a menu or a link list does.
SHORT_LINE_COST = 4
DROPPED_LINE_COST = 2
# A comment thread starts at a marker and runs to the end of the page.
# "Reactions", "Views" and "Responses" alone head a story's section or a menu's entry;
# with a count or a reader's word ("12 Responses", "Reader reactions (3)") they head the
# thread, as "Comments" does alone.
_THREAD_PREFIX = r"(?:\d+\s+)?(?:user |reader |readers['’]? |your )?"
_THREAD_TAIL = r"(?:\s+(?:so far|on this (?:story|article|post)|\(\d+\)))*[\s.:…,(\d)]*"
COMMENT_MARKER = re.compile(
    rf"^{_THREAD_PREFIX}(?:comments?|discussion|{COMMENTS_WORDS}){_THREAD_TAIL}"
    r"(?:blocked comments.*)?$|"
    rf"^(?=\d|(?:user|readers?['’]?|your) |.*\d){_THREAD_PREFIX}(?:reactions?|views|responses?)"
    rf"{_THREAD_TAIL}$|"
    r"^post (?:a |your )?comments?\s*:?$|"
    r"^(?:have your say|tell us what you think|add (?:a |your )?comment|post (?:a )?comment|"
    rf"leave a (?:comment|reply)|{LEAVE_COMMENT_WORDS}|join the (?:conversation|discussion)|"
    r"reader reaction|"
    r"thanks for your comments|what do you think\?|show comments|"
    r"(?:comments are|commenting is) (?:now )?(?:closed|turned off|disabled)|"
    r"comments? (?:have|has) (?:now )?been closed|comment (?:no\.?|#)\s*\d+)\b|"
    # ... or the rules of the comment section, under their heading ("TribLive commenting
    # policy") or in the site's words to the reader ("We invite you to use our commenting
    # platform ...", "If you see comments that you find offensive ...", "We moderate
    # comments.", "ATENÇÃO: Comentários com textos ininteligíveis ... não serão aprovados")
    r"^(?:[\w.'’-]+ )?comment(?:ing|s)? (?:policy|guidelines|rules)\s*:?$|"
    r"^(?:we invite you to use our comment(?:ing)? (?:platform|section|system|board)|"
    r"if you see (?:any )?comments? (?:that )?you find offensive|we moderate comments|"
    r"you are solely responsible for (?:your|the) comments|"
    r"aten[çc][ãa]o\s*:\s*coment[áa]rios)\b",
    I,
)
# A comment's head: who posted it and when ("Posted by: Dom, London on 5:19pm Tue 1 Jan
# 08"). With no prose above it, the same line is the post's own byline and date.
POSTED_BY_MARKER = re.compile(r"^posted by\s*:?\s*.{1,80}\b(?:on|at)\b.{0,30}\d", I)
# Credit lines ("Reporting by X") are looked for this many lines below the body.
TAIL_WINDOW = 5
# A sentence of at least this many words right under the body is its closing line.
CLOSING_LINE_MIN_WORDS = 3
# ... and at most this many of them in a row ("No arrests have been made. / The motive is
# unclear at this time. / The incident remains under investigation.").
CLOSING_LINES_MAX = 3
# A quote opened in the body's last this many lines and not closed runs on under it, one
# sentence to a line ('"I just wanted to say ... / That's it. "'; block._quote_open).
QUOTE_LOOKBACK_LINES = 6
# A transcript's turn: the speaker's label, a colon, their words ('Dispatcher: "How old is
# he?"'). Under the body, the turns of speakers its last lines name go on (closing lines).
SPEAKER_TURN = re.compile(r"^(?P<speaker>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}):\s+\S")
# The story's closing lines end at a note on where its facts came from ("Information
# provided by KFOR."; block.extend_closing_lines).
SOURCE_NOTE = re.compile(
    r"^(?:information|details|photos?|video|footage|images?)(?: \w+)? "
    r"(?:provided|courtesy|supplied) (?:by|of)\b",
    I,
)
# The marks that open or close a quote: straight ones turn it over, curly ones say which
# (after a number a straight one is an inch: "5'10\"").
QUOTE_MARK = re.compile("[“”]|(?<![\\d'])\"")
# A line right above the body that opens with a dateline is the story's lede, too short
# to weigh as prose (block.extend_to_lede), when a sentence follows the dateline or at
# least LEDE_MIN_WORDS words do ("CHICAGO -- Five people were shot on Chicago's South
# Side Wednesday night"); a headline's few words ("CLOSING TIME - Era ends for historic
# pub") or a label ("AUSTIN - UPDATE:") are no lede.
LEDE_MIN_WORDS = 8
# ... or an appeal ending in the number to call, its full stop left off ("Anyone with
# information is asked to call Crime Stoppers at 305-471-TIPS"), its extension after it
# ("... at (513) 868-5811 ext. 2002").
NUMBER_TO_CALL_END = re.compile(
    r"\b(?:call|contact)\b.{0,120}?(?:\(?\d{3}\)?[ .-]?)?\d{3}[ .-](?:\d{4}|[A-Z]{4})"
    r"(?:,? (?:ext|x)\.? ?\d{1,5})?\W*$",
    I,
)
# "Tour dates:" right after the body announces a list that belongs to the article: at
# least ANNOUNCED_LIST_MIN items of one shape, each at most ANNOUNCED_ITEM_MAX_WORDS words.
ANNOUNCED_INTRO_MIN_WORDS = 2
ANNOUNCED_LIST_MIN = 2
ANNOUNCED_LIST_MAX = 100
ANNOUNCED_ITEM_MAX_WORDS = 30
# Items with neither a list marker nor a number are a list after an intro of this many
# words or more (a clause: "... on the following charges:"), with the story going on under.
# Inside the body, a list of unmarked items needs such an intro ("Officials released the
# victims' names:"); items with a list marker, or a number and no sentence, need only
# ANNOUNCED_INTRO_MIN_WORDS ("Victims conditions:" over "Sex: M Race: B Age: 27 ..."). A
# clause this long that ends in a colon announces what follows it, so it is never one of a
# run of headlines (furniture._unpunctuated), and a lede that ends so above a list takes
# the list into the body (block.extend_over_announced_list).
ANNOUNCED_CLAUSE_WORDS = 6
# A company describing itself at the end of a press release.
COMPANY_BOILERPLATE = re.compile(
    r"^about [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4}:?$|"
    r"^[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4},? (?:is|are) (?:a|an|the) (?:[\w-]+ ){0,5}"
    r"(?:provider|company|leader|manufacturer|supplier|developer|firm|maker|group|operator)s?"
    r" (?:of|in|for|focused|that|with|based)\b|"
    r"^[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4} is headquartered in\b"
)
# A copyright line (rule "copyright": "... All Rights Reserved.", "Copyright 2008 Courtesy
# of The Sports Network"): no run of the body crosses it, unless the prose beyond it tells
# the same story (a live page's updates, each with its rights line; a photo's copyright
# between two paragraphs): half its lines of prose or more share at least
# RIGHTS_SHARED_WORDS content words with the body, and at least RIGHTS_SHARED_SHARE of
# their own.
RIGHTS_SHARED_WORDS, RIGHTS_SHARED_SHARE = 3, 0.3
# ... and prose under a share toolbar in the body is another story's when none of its lines
# shares this many content words with the story above the toolbar (block._to_toolbar).
TOOLBAR_SHARED_WORDS = 2
# Prose of at least this weight (words, less the cost of short lines) above the first
# comment marker or footer rights line is the article; the heavier prose below is not.
BODY_ABOVE_COMMENTS_WORDS = 60
# The headline is looked for this many lines above the body.
HEADLINE_WINDOW = 30
# A labelled list of other stories right over the body (block.drop_list_over_body): at
# least so many items, each a date under its title (and a section's label), at most so
# many lines above the body.
LIST_OVER_BODY_MIN_ITEMS, LIST_OVER_BODY_ITEM_LINES, LIST_OVER_BODY_MAX_LINES = 2, 3, 40
# ... or titles alone, so many, a topic's tag of a word or two perhaps among them ("More
# On:" / "plague" / four headlines)
LIST_OVER_BODY_MIN_TITLES, LIST_OVER_BODY_TAG_WORDS = 3, 2
# The headline is compared with the words of the body's first this many lines.
LEDE_LINES = 8
# Words that say nothing about a story, so sharing them with the lede is no evidence.
FUNCTION_WORDS = _words(
    "about above after again against also been before being below between both could does "
    "doing down during each from further have having here into just more most much must "
    "only other over same should some such than that their them then there these they this "
    "those through under until very were what when where which while will with would your "
    "said says news"
)
# A headline-shaped line this close above the body, with no prose between, is favoured.
HEADLINE_NEAR = 6
# A date or byline this many lines into the body's run splits the head (the headline
# lines above it) off the body (block.split_head).
HEAD_IN_BODY_LINES = 2
# A headline standing right over a field line (a byline "By Ibrahim Barzak", a date) at
# most HEAD_IN_RUN_LINES lines into the run of prose is the article's head, when no more
# than HEAD_IN_RUN_PROSE_LINES lines of prose stand above it in the run (a reader poll, a
# site blurb or a teaser printed over the article): the body starts under the head's fields.
HEAD_IN_RUN_LINES, HEAD_IN_RUN_PROSE_LINES = 8, 1
# ... or after at least this many short lines in a row inside the run (a box of links or
# listings between a teaser of another story and the article's own head).
HEAD_AFTER_SHORT_LINES = 12
# A headline-shaped line right above the byline that opens the article scores this much more;
# the credit ("By X", an author, agency, staff or source credit) may sit under date lines
# (at most BYLINE_BLOCK_LINES lines down).
HEADLINE_BYLINE_BONUS = 0.25
BYLINE_BLOCK_LINES = 3
# A line that is the headline with at least GLUED_PREFIX_MIN_CHARS glued in front of it is
# the headline printed twice (a breadcrumb run into it); the headline has this many words.
GLUED_PREFIX_MIN_CHARS, GLUED_HEADLINE_MIN_WORDS = 3, 3
# Below this score (share of its words found in the lede, plus bonuses) no line is the headline.
HEADLINE_MIN_SCORE = 0.25

# --- Tables -----------------------------------------------------------------------------------
# A table of figures that a scraper printed one cell per line (a player's statistics, a
# results box): a header row of TABLE_MIN_COLUMNS to TABLE_MAX_COLUMNS labels, then at least
# TABLE_MIN_ROWS rows of the same width, each a label (a name, a category) followed by
# figures only. Printed between the article's paragraphs, it is the article's own; a title
# of up to TABLE_TITLE_LINES short lines may stand above its header ("Final Stats").
# A figure: a number with its unit or sign, a rank ("T5", "3rd"), a score ("2-1"), or "N/A".
TABLE_FIGURE = re.compile(
    r"^(?:[-+±$£€]?(?:T|No\. ?)?\d[\d,.:/-]*(?:st|nd|rd|th)?\s?(?:%|[a-z]{1,4}\.?)?|"
    r"N/?A|n/?a|-{1,2}|—|–)$"
)
TABLE_CELL_MAX_WORDS = 5
TABLE_MIN_COLUMNS = 2
TABLE_MAX_COLUMNS = 8
TABLE_MIN_ROWS = 3
TABLE_TITLE_LINES = 2
# The article's prose on each side of the table, within the body run: at least this many
# words (a paragraph's worth, PROSE_LONG_WORDS), or the table is not the article's.
TABLE_SIDE_MIN_WORDS = PROSE_LONG_WORDS

# A kicker: a label of at most KICKER_MAX_WORDS capitalised words (joiners aside when the
# headline names the label again: a topic's tag, "Dancing With the Stars") printed
# above a headline of KICKER_HEADLINE_MIN_WORDS or more words not set in capitals. Kept as
# the article's kicker, not taken for its headline. A label in sentence case ("ASU
# basketball") is a kicker over a headline of at most KICKER_HEADLINE_MAX_WORDS words; over
# a longer line ("Battery power" over a 22-word standfirst) it is the headline itself.
KICKER_MAX_WORDS, KICKER_HEADLINE_MIN_WORDS, KICKER_HEADLINE_MAX_WORDS = 3, 5, 14
KICKER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
KICKER_JOINERS = frozenset({"of", "the", "and", "in", "on", "for", "with", "at", "to", "a"})
# An event named by its parts, comma-separated, over a sports report's headline (the
# match, its day, its ground: "Third Test, day two, Old Trafford"): at least
# FIXTURE_MIN_PARTS parts of one to FIXTURE_PART_MAX_WORDS words each, the last a place's
# name (every word capitalised) and another in lower case. A headline in short parts ends
# in a clause ("Jane Roe, county clerk, retires", "Three hurt, one badly, in crash"), or
# is set in title case, where every part looks like a name ("Jane Roe, County Clerk,
# Retires"). A label, never the headline: over the headline it is the kicker.
FIXTURE_MIN_PARTS, FIXTURE_PART_MAX_WORDS = 3, 3
FIXTURE_SPLIT = re.compile(r"\s*,\s*")

# A label a page prints in front of its headline, behind a colon or a dash: "UPDATE: Dog
# shot by deputy", "Breaking News - Three shot in office", "Watch Live: Trial begins".
# Kept as the kicker, not as part of the headline.
# A column's labels (COLUMN_LABEL_WORDS) mark a headline on a file's first line too.
COLUMN_LABEL_WORDS = r"opinion|analysis|editorial|commentary|exclusive|watch live"
TITLE_LABEL = re.compile(
    rf"^(?P<label>(?i:update[d]?|breaking(?: news)?|{COLUMN_LABEL_WORDS}|watch|live|video))"
    r"\s*(?::|\s[-–—|])\s+(?=\S)"
)

# ... and any label of two to four words in capitals before a headline that is not set in
# capitals: "MOVIE REVIEW - Murder and morals collide", "NEWS BLOG: Tragedy in Alpine". One
# word in capitals is the headline's subject as often ("NASA: Launch delayed").
CAPITALS_TITLE_LABEL = re.compile(
    r"^(?P<label>[A-Z][A-Z'’&]+(?: [A-Z][A-Z'’&]+){1,3})\s*(?::|\s[-–—|])\s+(?=\S)"
)

# Behind an update label, this many words with no date or clock in them are a headline
# ("Updated: Arrest made in quadruple shooting"), not the page's update stamp.
LABELLED_HEADLINE_MIN_WORDS = 4

# --- Headlines and deks --------------------------------------------------------------------
# Symbols a page puts before a line's words (a close button "×", bullets, arrows).
LEADING_SYMBOLS = re.compile(r"^[^\w\"'“‘(]+")
# ... and the stars a label is set between ("*** OFFICIAL PRESS RELEASE ***"), cut from a
# kicker's ends.
LABEL_STARS = "*★ "
TITLE_MAX_WORDS = 25
# A line that asks the reader for something ("Please support local business!", "Please log
# in to comment") speaks for the site: it is never the headline, nor one of its lines.
READER_APPEAL = re.compile(r"^please\s+\w", I)
# The label of the series or coverage a story belongs to, printed between its headline and
# its body ("Special report: Tension escalates in Iraq", "Series: Lost in care").
SERIES_LABEL = re.compile(
    r"^(?:special (?:report|coverage|series|section)|series|in depth|full coverage)\s*:\s*\S", I
)
# A section's label in front of a headline ("Cricket: Di Venuto signs three-year deal"):
# one to three words and a colon. Two such lines one under the other with the same label
# are items of a list of that section's stories (a "Recent articles" box), not a headline.
SECTION_PREFIX = re.compile(r"^([^\W\d_][\w'’&.-]*(?: [\w'’&.-]+){0,2}):\s+\S")
# A name in a list of names (a film's cast) has at most this many words ("Philip Seymour
# Hoffman"); a title-case headline over its title-case dek has more.
NAME_LIST_MAX_WORDS = 3
# A final score, two sides of one to four capitalised words (a ranking before them) each
# followed by its points, the whole line or after a label ("No. 14 Boston College 24,
# Michigan State 21", "Basketball - M: San Jose State 64, Hawai'i 65"): the scoreboard a
# sports page prints over its story, not the story's headline when a headline stands under
# it. Counts of casualties ("Shooting Kills 1, Wounds 12") are no score.
_SIDE = r"(?:No\. \d{1,2} )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
SCORE_LINE = re.compile(
    rf"(?:^|: )(?!.*\b(?i:kill|wound|injur|dead|died|hurt|shot|arrest))"
    rf"{_SIDE} \d{{1,3}}, {_SIDE} \d{{1,3}}$"
)
# A game's result printed in its report's head block, between the headline and the lede:
# both sides with their scores, points or runs for wickets over one or two innings
# ("Home Side 312 & 240; Away Side 198 & 101", "Home Side 345-7 dec, Away Side 120"), or
# goals with the half-time score in brackets ("Home Side (0) 0 Away Side (0) 1"). A summary
# point of the story, kept among its highlights; right under the headline it is no
# standfirst, which is the line under it. Counts of casualties are no result.
_RUNS = r"\d{1,3}(?:-\d{1,2})?(?: dec)?"
_INNINGS = rf"{_RUNS}(?: & {_RUNS})?"
RESULT_LINE = re.compile(
    r"^(?!.*\b(?i:kill|wound|injur|dead|died|hurt|shot|arrest))"
    rf"(?:{_SIDE} {_INNINGS}[,;] {_SIDE} {_INNINGS}|"
    rf"{_SIDE} \(\d{{1,2}}\) \d{{1,2}},? {_SIDE} \(\d{{1,2}}\) \d{{1,2}})$"
)
DEK_MAX_WORDS = 40
DEK_MIN_WORDS = 5
# A line under the headline that heads DEK_LIST_MIN lines like it, headlines with no stop
# (a box of related stories set between headline and body), is the list's first item.
DEK_LIST_MIN = 3
# Share buttons, counters and dropped furniture between a headline (and its byline and
# date) and its standfirst: at most DEK_SKIP_LINES are looked past, DEK_BUTTONS_MIN of them
# buttons ("- Email", "Adjust font size:") or counters ("2,731", "(0 votes)", "Views").
DEK_SKIP_LINES, DEK_BUTTONS_MIN = 8, 2
COUNTER = re.compile(
    r"^(?:[\d,.]+[km]?|\(\d[\d,]* (?:votes?|views?|comments?)\)|"
    r"(?:views|reads|likes|shares)\s*:?\s*(?:[\d,.]+[km]?)?)$",
    I,
)
DERIVED_TITLE_MAX_WORDS = 20
# A headline built from a lede (fields.derive_title) is written as a headline is: without
# who said it (", her agent said", ", police said Monday"), without the description set
# between commas after a name, when a verb follows it ("Bettie Page, the pin-up model
# whose ... 1950s, has died": "Bettie Page has died"; not "..., garters and high heels"),
# without "Authorities say" before the news.
DERIVED_ATTRIBUTION = re.compile(
    r",\s+(?:[\w.'’-]+\s+){0,5}(?:said|says|reported|reports|announced|confirmed)"
    r"(?:\s+(?:on\s+)?\w+day|\s+(?:today|yesterday|tonight))?$"
)
DERIVED_APPOSITIVE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}), (?:the|a|an|who|whose|which) "
    r"[^,]{3,160}, (?=(?:and|has|have|had|is|was|are|were|will|would|could|can|may|might|"
    r"died|dies|won|wins|became|becomes|[a-z]+ed)\b)"
)
DERIVED_SAYS = re.compile(
    r"^(?:authorities|police|officials|investigators|sources|reports) (?:say|said) (?:that )?"
    r"(?=[a-zA-Z])",
    I,
)
# The story's highlights: a list of summary points right under the headline (or its dek),
# perhaps under a label ("Story Highlights"), before the byline and the body. At least
# HIGHLIGHTS_MIN bulleted lines of HIGHLIGHT_MIN_WORDS words or more, each naming
# something the lede talks about (a menu or a list of links under the headline does not).
HIGHLIGHTS_LABEL = re.compile(
    r"^(?:[-*•·]\s*)?(?:story |key |the )?(?:highlights|key points|in brief|at a glance)"
    r"\s*:?$",
    I,
)
HIGHLIGHTS_MIN = 2
HIGHLIGHT_MIN_WORDS = 5
# ... or under their label at the body's top or inside it, where a station's page sets
# them after the lede ("KEY POINTS" / "Shooting reported at 4 a.m. May 3" / "Six others
# struck by bullets" / "UPDATE @ 12:30 p.m."): bulleted points, or a run of short lines
# (LABELLED_POINT_WORDS) that an update's label or a longer line ends (block.
# claim_labelled_points).
LABELLED_POINT_WORDS = range(3, 21)
# Highlights the scrape lost the bullets of (the Daily Mail's head: the headline, then
# three to six summary points with no full stop, then the byline or the lede): a run of
# UNBULLETED_HIGHLIGHTS_MIN to _MAX such lines right under the headline, each naming
# something the story talks about. Fewer could be a standfirst and a caption. A line that
# opens with a photo's label ("Arrested: Officials released this photo of ...") is the
# picture's caption and ends the run.
UNBULLETED_HIGHLIGHTS_MIN, UNBULLETED_HIGHLIGHTS_MAX = 3, 8
# A headline that opens the page and the run of prose at once, ended as a sentence is: this
# many words, written without an article or a form of "be" (FULL_CLAUSE), not opening with
# a quote, and ending as headlines do and ledes do not (PAGE_HEADLINE_END): in a place's
# abbreviation ("Man charged in shooting of boy, 3, in Clinton Twp.", "... in Southeast
# D.C."), cut short ("... while playing with 4-year-old..."), or in a question, an
# exclamation or a quote ("...: 'Old Man Bill got shot!'"). A first line ending in a word
# and a full stop is a lede ("Another day in Hollywood; another star in rehab.").
PAGE_HEADLINE_MIN_WORDS, PAGE_HEADLINE_MAX_WORDS = 4, 16
# Sentences between the headline and its date stamp that the story under the stamp tells
# again (block._summary): 1 to 4 of them, each with this share of its content words in
# the story's first lines.
SUMMARY_MIN_LINES, SUMMARY_MAX_LINES, SUMMARY_LINES, SUMMARY_TOLD = 1, 4, 3, 0.5
# ... or a sentence of up to TITLE_MAX_WORDS whose content words the longer line under
# it mostly repeats (block._restated): a headline over the lede that tells it again.
RESTATED_SHARE, RESTATED_MIN_WORDS = 0.7, 3
# ... or, whatever its words, written as only headlines are: a question ("Why did some
# Republicans balk at a resolution condemning QAnon?"); a column's label in front
# ("OPINION: ...", "Exclusive: ..."); or two or three short sentences
# (PAGE_HEADLINE_SENTENCE_MAX_WORDS at most each, PAGE_HEADLINE_MAX_WORDS_IN_SENTENCES in all:
# "Election results are delayed again. Get used to it.", "China Once Looked Tough on
# Trade. Now Its Options Are Dwindling."). A lede's first line is one sentence, or a
# longer one.
PAGE_HEADLINE_LABEL = re.compile(rf"^(?i:{COLUMN_LABEL_WORDS})\s*:\s+(?=\S)")
PAGE_HEADLINE_SENTENCE_MAX_WORDS, PAGE_HEADLINE_MAX_WORDS_IN_SENTENCES = 12, 20
OPENING_QUOTES = "\"“‘'"
PAGE_HEADLINE_END = re.compile(
    r"(?:\.\.\.|…|[?!]|[.?!]?[\"'”’]|\b[A-Z][a-z]{0,3}\.|\b(?:[A-Z]\.){2,})$"
)
CAPTION_LABEL = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: [A-Z]")
# Words that open a lede's scene-setting clause ("After a train ride of two days, ..."),
# which a headline built from the lede leaves out.
# Where one sentence ends and the next starts (fields.sentences: a story's summary): a
# full stop, question or exclamation mark, perhaps a closing quote or bracket, then a
# capital; unless the word before is an abbreviation or an initial ("Dr. Sanjay Gupta",
# "a U.S. Army base", "David R. Smith").
NEXT_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z])")
# Where a headline built from the lede ends: as NEXT_SENTENCE, but never inside a quote
# ("Trump on Friday: ‘I Don’t Know Matt Whitaker.’ Trump Last Month: ...").
TITLE_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
ABBREVIATIONS = _words(
    "Dr Mr Mrs Ms Mt St Ft Sen Gov Rep Gen Lt Col Sgt Capt Cmdr Adm Jr Sr Prof Rev Hon Det "
    "Insp Supt No Nos Vol Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec Ave Blvd Co Corp Inc Ltd "
    "U.S U.K U.N"
)
INITIAL = re.compile(r"(?:[A-Z]\.)+")
SUBORDINATORS = frozenset(
    {
        "after",
        "before",
        "when",
        "while",
        "as",
        "since",
        "although",
        "though",
        "despite",
        "following",
        "amid",
        "during",
        "in",
        "on",
        "at",
        "with",
        "without",
        "once",
        "until",
    }
)
# The page's title bar taken for the headline: "Teen shot in Whitehaven - WMC Action News 5 -
# Memphis, Tennessee", "... - KSLA News 12 Shreveport, Louisiana News Weather & Sports",
# "... - CBS 5 - KPHO". After a spaced dash or bar comes the site's name, which may hold
# commas and further dashes; it reads as one when it has a word a station or paper puts in
# its name, a web address, or a call sign (KPHO, WSMV: checked only in a headline not set
# in capitals, where "KILL" is a word), and no lower-case word but those and "and" (a
# name is capitalised: "- Fox News host reacts" goes on the headline). The headline keeps
# at least SITE_TITLE_MIN_WORDS. A name of such words alone ("News, Weather, Sports") is
# cut off but names no outlet, nor does a section after a spaced colon ("... in shootings
# : News"). CBS's stations set a guillemet between the two ("... Shooting « CBS Chicago").
SITE_TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—:«]|::)\s+|\s*\|\s*")
SITE_NAME_WORD = re.compile(
    r"\b(?:news|newschannel|weather|sports|tv|television|channel|radio|times|post|herald|"
    r"tribune|journal|gazette|daily|online|media|network|press|magazine|today|insider|"
    r"examiner|chronicle|observer|courier|register|inquirer|dispatch|bulletin|telegraph|"
    r"guardian|independent|globe|reporter|report|patch|"
    r"cbs|nbc|abc|fox|cnn|bbc|pbs|npr)\b|\w\.(?:com|net|org|co\.uk)\b|\b\d+(?:news|tv)\b|"
    r"\b(?:cbs|nbc|abc|fox|cw)\d{1,2}\b",  # a network's channel run into it: "FOX5 Vegas"
    I,
)
SITE_ADDRESS = re.compile(r"[A-Za-z0-9][\w-]*\.(?:com|net|org|co\.uk)\b")  # "wave3.com", "WTVM.com"
SITE_CALL_SIGN = re.compile(r"\b[KW][A-Z]{2,3}(?:-TV|\s?\d{1,2})?\b")  # "WSLS 10"
# A title bar's site part that runs into the list of a station's sections ("... - WVVA TV
# Bluefield Beckley WV News, Weather and Sports", "... - Tri-State News, Weather & Sports":
# SECTIONS_AFTER follows the part): the part is the station (its call sign or address, a
# network and channel before it, a channel, "TV" or "News" after it: STATION_CORE), then
# the area it serves and the section "News"; with no station named, it names only the area
# (fields._station_core).
SECTIONS_AFTER = re.compile(r"^,? (?:Weather|Sports)\b", I)
STATION_CORE = re.compile(
    r"^(?:[A-Z]{2,4} ?\d{1,2} )?"  # "FOX 8 WVUE"
    r"(?:[KW][A-Z]{2,3}(?:-TV)?|[A-Za-z0-9][\w-]*\.(?i:com|net|org))"
    r"(?: ?\d{1,2}\b| TV\b)?(?: News\b)?"
)
# A station's call sign with the suffix of its television licence or as its site's address
# ("KHOU-TV", "WTVM.com"): fields.find_outlet names the station by the call sign alone.
CALL_SIGN_FORM = re.compile(r"(?P<call>[KW][A-Z]{2,3})(?:-(?:TV|DT)|\.com)")
SITE_NAME_LOWER_OK = frozenset({"and", "&"})
SITE_NAME_TOKEN = re.compile(r"[\w&.'’-]+")  # a word of a site's name, its dots and dashes in
SITE_TITLE_MIN_WORDS, SITE_NAME_MAX_WORDS = 3, 16
# Furniture run into a paragraph's own line, cut from it (the paragraph stays): an advert
# slot's label before it ("Advertisement The woman, in her 20s, died ..."), a link's
# sentence after it ("... it takes a tremendous amount of blood to save lives. Click here
# for donation locations."), a share prompt or a pager's link glued after the last
# paragraph's stop (GLUED_TAIL_PROMPT: "... stood by her husband. E-mail to a friend", "...
# prevented the handover. Continued..."), the wire's editor credited after it ("... signed
# up to the peace process. (Editing by Sami Aboudi)": an editor is no writer, and a glued
# "(Reporting by X; ...)", which names one, stays). What is left must still be a
# paragraph (PARAGRAPH_MIN_WORDS). A station's call to stay with it (STATION_PROMO) is
# cut there too, and a photo's caption and rights notice glued after the last stop ("...
# behind a Publix supermarket Monday morning. Jeffrey Hazelwood © 2016 Cox Media Group."),
# and the label of a list of links with its first headline ("... in East Oakland. Related
# Articles Key Bay Area prison gang members sentenced").
GLUED_TAIL_PROMPT = (
    r"(?:E-?mail (?:this )?to a friend|Continued ?(?:\.{3}|…)|Read more ?(?:\.{3}|…|»))"
)
PARAGRAPH_MIN_WORDS = 5
# A paragraph the page broke across two lines: the first ends in a small letter, a comma
# or a semicolon, and the next opens with a small letter ("... the sound of the shots" /
# "echoed through the building."). When the next opens with a piece of a word (a lone
# letter but "a" or "i", a suffix), the break fell inside the word ("to be eligibl" / "e
# to go"), and the two are joined without a space.
SPLIT_PARAGRAPH_END = re.compile(r"[a-z,;]$")
SPLIT_PARAGRAPH_START = re.compile(r"^(?!www\.)[a-z]")
SPLIT_WORD_PIECE = re.compile(r"^(?:[b-hj-z]|ing|ed|es|ly|tion|sion|ment|ness|ity|ers?)\b")
# The outlet's prompts a story ends with, after its last paragraph (block.trim_body):
# where to follow it, what to watch, read or download next ("More Articles in
# International »"), where to comment, what a subscription offers ("Free trial. Read the
# complete New York edition ..."), its promise of updates ("This is a developing story.
# Check back for updates.", "KSAT 12 will update this story as more information becomes
# available.", "We'll bring you more information as soon as we get it.", "We have a crew
# currently on the scene.", "Refresh this developing story for updates."). A line that
# opens with the story's own sentence ("Police are still investigating. This is a
# developing story ...") stays. Whom to follow, monitor, check or return to for more is
# named (capitalised, a number, a site's address) or "us": "Tune in to CBS13 News at 10
# p.m.", "Please return to Freep.com for more details", "Monitor FOX6 News and FOX6Now.com
# for updates"; "Tune in tonight at 10 & 11 for the latest." Readers' own photos: "See
# breaking news photos uploaded by WESH.com u local members below. Upload your photos here."
_UPDATE_PROMISE = (
    r"this is (?:a|an) (?:developing|ongoing)(?: news)? story\b|"
    r"this (?:story|article|page) (?:is developing|will be updated|is being updated)\b|"
    r"check back\b|"
    r"we(?:'ll|’ll| will| are) (?:continue to |continuing to |working to )?"
    r"(?:update|provide|bring you|bring more|get more|have more|keep you updated|follow this)\b|"
    r"[\w'’ ]{1,30} will (?:continue to )?update (?:this|the) (?:story|page|report|article)\b|"
    r"(?:we|[\w'’ ]{1,30}) (?:has|have) a crew (?:currently |now )?"
    r"(?:(?:on|at) (?:the|this) scene|on the way|headed|heading)\b|"
    r"refresh this (?:developing )?(?:story|page)\b|look for an update to this\b|"
    r"more as (?:more )?(?:information|details) (?:becomes?|is|are) available\b|"
    # the newsroom at work on more: "We are working to gather more information.", "10 On
    # Your Side is working to learn more." (we, or a name a channel's number opens; "The
    # sheriff's office is working to learn more" is the story's)
    r"(?:we(?:'re|’re| are)|(?-i:\d{1,2} ?[A-Z][\w'’ ]{0,20}?) is) working to "
    r"(?:learn|gather|get|find out) more\b|"
    # the station or its reporter promising more: "NewsChannel 15 will have more on this
    # story as it develops.", "CBS46.com will have more information ...", "WLWT is on the
    # scene and will bring you more ...", "Our Cody Adams is following the story and will
    # have the latest on WTWO News at 6." (named by a network's or a channel's number, a
    # call sign or a site's address: "Police will have more ..." is the story's)
    r"(?:(?-i:Our [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)|[\w'’/ .&-]{0,30}?"
    r"(?-i:(?:FOX|ABC|CBS|NBC|CW|News|Channel|NewsChannel) ?\d{1,2}\b|\b[KW][A-Z]{2,3}\b|"
    r"\b\d{1,2} ?News\b)"
    r"[\w'’/ .&-]{0,20}?|[\w-]+\.com)"
    r"(?:,? (?:is|and) [^.!?]{0,60}?,? and)? will (?:(?:have|bring you) (?:more|the latest|"
    r"updates?|new)|provide (?:updates?|more|new information)|continue (?:its )?coverage)\b|"
)
_TO_COME = r"for (?:more|further|the latest|updates?|details|new information)\b"
PROMO_TAIL = re.compile(
    rf"^[*•]?\s*(?:{_UPDATE_PROMISE}"
    rf"(?:tune in\b.{{0,80}}(?:\b{_TO_COME}|\bat \d)|"  # "Tune in to CBS13 News at 10 p.m."
    rf"(?:please )?(?:stay with|monitor|check|return to|follow)\s+(?:us\b|[A-Z0-9]|[\w-]+\."
    rf"(?:com|net|org|tv)\b).{{0,80}}\b{_TO_COME})"  # "Monitor FOX6 News ... for updates"
    r"[^.!?]*[.!?]+(?:\s+we(?:'ll|’ll| will)\b[^.!?]*[.!?]+)?\s*$|"  # the line's last words
    r"for the latest\b.{0,80}\bsubscribe\b|"
    r"keep checking|stay in touch\b|be sure (?:to|and) (?:follow|watch)\b|"
    r"read or share this story|"
    r"read more\b|click (?:here|for more)|download (?:our|the)|sound off|"
    r"leave your (?:thoughts|comments)|"
    r"comments are\b|headlines in your inbox|share breaking news|like us on facebook|"
    r"e-?mail the author|text \w+ to \d+|reading this on your|watch the full\b|"
    r"to find reference information|(?:receive|recieve) full access|free trial\b|"
    r"get (?:unlimited |full |exclusive )?access to\b.{0,120}"
    r"\b(?:for (?:as little as|just|only)|subscri)|"
    r"for more on this story\b|"
    r"(?:see|view)\b[^.!?]{0,60}\b(?:photos|videos|pictures) uploaded by\b|"  # readers' uploads
    r"(?:upload|send us|share) your (?:photos|videos|pictures)\b|"
    r"more (?:articles|stories|news|headlines) (?:in|from|on|about) [^.!?]{1,40}$|"
    r"follow\b.{0,80}\b(?:twitter|facebook|instagram|online at)\b|"
    r"watch\b.{0,80}\b(?:for (?:more|new information|the latest|updates)|developing story)\b)|"
    r"\bsubscribe today\W*$",
    I,
)
# The promises of more a page glues after the story's last sentence, in a newsroom's
# words: "This is a developing story and we will update it ...", "This story is
# developing.", "We will have more information as it becomes available.", "FOX 8 will
# update the story as details become available." (narrower than _UPDATE_PROMISE: a
# statement's "we will continue to update our campus community" is the source's).
_GLUED_PROMISE = (
    r"this (?:is (?:a|an) (?:developing|ongoing)(?: news)? story|story is developing)\b|"
    r"we(?:'ll|’ll| will) have more (?:information|details|on this)\b|"
    r"(?:we|[\w'’ ]{1,30}) will (?:continue to )?update (?:this|the) "
    r"(?:story|report|article|page)\b"
)
# Furniture run into a paragraph's line, cut from it (furniture.trim_paragraph).
PARAGRAPH_FURNITURE = (
    re.compile(r"^Advertisement\s+(?=[A-Z\"“‘])"),
    re.compile(r"(?<=[.!?\"”])\s+Advertisement(?=\s+[A-Z\"“‘])"),  # between two sentences
    re.compile(r"(?<=[.!?\"”])\s+(?:Click|Tap) here\b[^.!?]{0,80}[.!?]?$"),
    re.compile(rf"(?<=[.!?\"”])\s+{GLUED_TAIL_PROMPT}$"),
    re.compile(r"(?<=[.!?\"”])\s+\((?i:editing|edited) by [^()]{3,80}\)$"),
    re.compile(rf"(?<=[.!?\"”])\s+{STATION_PROMO}$"),
    re.compile(r"(?<=[.!?\"”])\s+[^.!?©]{1,60}©\s*(?:19|20)\d\d\b[^!?©]{1,60}$"),
    re.compile(r"(?<=[.!?\"”])\s+Related (?:Articles|Stories|Links)\b[^.!?]{0,160}$"),
)
# ... and a promise of more closing a paragraph after the story's sentence ("The shooting
# is still under investigation. We will have more information as it becomes available."),
# unless the paragraph is a quote (furniture.trim_paragraph).
GLUED_PROMISE_TAIL = re.compile(rf"(?<=[.!?])\s+(?i:{_GLUED_PROMISE})[^.!?]*[.!?]+$")
# A police log's or blotter's page names the log on its first line (fields.log_title):
# "Public Safety Log (Nov. 17)", "For the Record for Mar. 7", "Patrol Report 09/29/2015".
LOG_TITLE = re.compile(
    r"\b(?:(?:police|public safety|crime|fire|sheriff'?s?|arrest|incident|patrol|court)"
    r" (?:logs?|reports?|blotter|briefs)|blotter|for the record|police beat)\b",
    I,
)
LOG_TITLE_MAX_WORDS = 10
# A site's tagline made of its sections' names, "News, Sports, Jobs": the page's title
# when it has no headline of its own, never a story's.
SECTION_NAME = re.compile(
    r"(?:local |breaking |world |national )?(?:news|sports?|jobs|weather|business|"
    r"entertainment|opinion|politics|lifestyle|obituaries|classifieds|autos|real estate|"
    r"homes|videos?|photos|home|health|tech(?:nology)?|science|travel|food|arts|education|"
    r"traffic|community|events|deals|shopping)",
    I,
)
TAGLINE_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*[|/·•]\s*)\s*", I)
# After a title bar's last "|", this many words at most are the site's furniture (its
# city, a section), never the headline's end.
BAR_TAIL_MAX_WORDS = 3
TITLE_TRAIL = " -–—|:"  # what a headline never ends with, once the site name is cut
# What ends a site's name put before the headline in a title bar: "CBS 58 - ".
SITE_PREFIX_END = re.compile(r"\S\s*(?:[-|–—:]|::)\s+$")
# A title bar cut short at a word's end is completed by at most this many words.
TITLE_COMPLETION_MAX_WORDS = 3
# The outlet is the site name's first part, when that reads as a site's name by itself:
# "WMC Action News 5", "WALB.com", "CBS 5", "WTOC-TV" (not "Dayton" of "Dayton, OH News").
# A breadcrumb trail as words, from "Home" through a section or two to the page's own
# headline, cut short: "Home Daily News Women gunned down at Delaware courthouse…"
# (furniture.drop_headline_crumbs, in the body's first CRUMB_LINES lines).
HEADLINE_CRUMB = re.compile(r"^Home\s+(?P<trail>[^…]+?)\s*(?:…|\.\.\.)$")
CRUMB_LINES, CRUMB_SECTIONS = 3, 4  # lines looked at; section names before the headline
# The section's label a story's card prints after its headline, before the summary
# (furniture.drop_headline_cards, in the HEADLINE_CARD_LINES lines under the page's first):
# "News", "Local News", "Arizona News".
HEADLINE_CARD_LINES = 3
SECTION_AFTER_HEADLINE = re.compile(r"^\s+(?:[A-Z][a-z]+\s+){0,2}News\s+(?=[A-Z0-9\"“])")
# A city's news, the section a station's title bar names before the station ("Cincinnati
# News, FOX19-WXIX TV", fields._station_part).
CITY_NEWS = re.compile(r"^(?:[A-Z][a-z.'’-]+\s+){1,3}News$")  # no digits: "FOX10 News" is a brand
# The parts of a site's name: its name, then a tagline, a city, or the places a station's
# news serves ("WFMJ.com News weather sports for Youngstown-Warren Ohio"; "... Fans Pray
# for Boston" is a headline's clause, not a site's tagline).
_SERVES = r"(?i:(?<=news)|(?<=sports)|(?<=weather)|(?<=tv))\s+for\s+"
SITE_NAME_PARTS = re.compile(
    r"\s+[-|–—]\s+|\s*:\s+|\s*[,|]\s*|\s+[-|–—]$|"
    rf"{_SERVES}(?=[A-Z][\w.'’-]*(?:[\s,&-]+[A-Z][\w.'’-]*)*$)"
)
# "Headline - Outlet", "Headline | Outlet": a site name glued to a page title.
TITLE_SITE_SUFFIX = re.compile(
    r"^(?P<title>.{12,}?)\s*(?:\s[-|–—]\s?|\s?[-|–—]\s|\|)"
    r"\s*(?P<site>[A-Z][\w&.'’ ]{1,40})$"
)

# --- Datelines ------------------------------------------------------------------------------
# Words that label the item rather than name a place, printed in capitals before a colon or
# a dash just as a dateline is: "UPDATE: Police said ...", "OPINION: ...", "CORRECTION: ...",
# "DEAR ABBY: ...", "AUSTIN - UPDATE: ...", "ACTION NEWS INVESTIGATES: ...". A place never
# opens or ends with one (a place may hold other common words: "LIVE OAK, Fla.", "WATCH HILL").
DATELINE_LABEL_WORDS = (
    "UPDATE",
    "UPDATED",
    "UPDATES",
    "CORRECTION",
    "CLARIFICATION",
    "OPINION",
    "EDITORIAL",
    "COMMENTARY",
    "ANALYSIS",
    "EXCLUSIVE",
    "BREAKING",
    "DEVELOPING",
    "ALERT",
    "VIDEO",
    "PHOTOS",
    "REVIEW",
    "INTERVIEW",
    "INVESTIGATES",
    "DEAR",
    "CAUTION",
    "WARNING",
)
_LABEL_WORD = "|".join(DATELINE_LABEL_WORDS)
LABELLED_POINTS_END = re.compile(rf"^(?:{_LABEL_WORD})\b", I)  # ends labelled points
# ... and a place never opens with the article "A" or "An": "A FIRE - BOMB attack on a
# bank ..." is a lede whose first words are set in capitals ("THE HAGUE" is a place).
_NOT_A_PLACE_OPENER = rf"(?!(?:{_LABEL_WORD})\b|AN? )"
_NOT_A_PLACE_ENDING = "".join(rf"(?<!\b{w})" for w in DATELINE_LABEL_WORDS)
# Such a label opening the lede, with its colon: "UPDATE: ", "UPDATED COVERAGE, March 26: ".
# A dateline may follow it ("UPDATE: ROCKFORD, Ill. (WIFR) -- The coroner ..."), and a
# headline built from the lede leaves it out.
LEADING_LABEL = re.compile(rf"^(?:{_LABEL_WORD})\b[^:]{{0,30}}:\s+(?=\S)")
# Capital letters a place's name is set in: A-Z and the accented Latin capitals ("SÃO
# PAULO", "ZÜRICH", "BOGOTÁ", "ŁÓDŹ"), as a character class's contents.
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# A place in capitals, as a dateline prints it.
_PLACE = rf"[{CAPITALS}][{CAPITALS}.'’ -]{{1,30}}[{CAPITALS}.]"
# Two capitals side by side: a place set in capitals, not a word that opens with one.
TWO_CAPITALS = re.compile(rf"[{CAPITALS}]{{2}}")
# Month names and their usual abbreviations, whole words only ("Marines" is no month).
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "LONDON -- ", "WASHINGTON (Reuters) - ", "NEW YORK, N.Y. — ", "Hanoi, Vietnam (AP) —",
# "SÃO PAULO (Reuters) - ", "BOGOTÁ, Colombia — ", "GAZA CITY, Gaza Strip, (AP) - " (a comma
# before the credit), and with the credit in brackets the dash may be left out before a
# sentence's first word: "FORT WAYNE, Ind. (WANE) The three men ..." (not before more
# capitals: "KUTV (CBS) SALT LAKE CITY - ..."). A press release's brackets hold the day
# instead: "KOKOMO, Ind. (June 15, 2014) — " (fields.dateline_date).
# The credit in a dateline's brackets: an agency, a station ("(Reuters)", "(WANE)").
_BRACKET_CREDIT = r"\((?P<agency>[A-Za-z0-9][A-Za-z0-9./ -]{1,29})\)"
# An Indian wire's dateline names the country in brackets and gives the day after a comma:
# "GOLD COAST (Australia), December 30: ..." (the day is cut off the place:
# DATELINE_DAY); "ABUJA, Jan 10 (Reuters) - " gives it too.
_PLACE_COUNTRY = rf"(?:\s\([A-Z][a-z]+(?: [A-Z][a-z]+)?\)(?=,\s*(?i:{MONTH})\b))?"
# A county after the place's name: "ANDERSON Co., S.C. (WSPA) –", "BRANCH COUNTY, Mich. -".
_COUNTY = r"(?:\s(?:Co\.|County|Twp\.|Township))?"
# A press release's wire between slashes: "LAS VEGAS, Jan. 8 /PRNewswire/ -- ".
_SLASHED_WIRE = r"/[A-Z][A-Za-z-]{1,19}/"
# A dateline with its place in capitals (or in small letters before a station's credit in
# brackets: MIXED_CASE_DATELINE) opening one of the DATELINE_LATER_PARAGRAPHS paragraphs
# under the first is the story's when the first has none: a summary, a quote or an update
# opened the body ("A 17-year-old ... was shot and killed ...", then "COTTONWOOD HEIGHTS —
# A 17-year-old boy was shot ..."; "UPDATE: The coroner identified ...", then "Las Vegas,
# NV (KTNV) -- Police are investigating ...").
DATELINE_LATER_PARAGRAPHS = 2
# ... when a sentence opens after it, as a lede's does ("SKY - TV reports ..." is a broken
# name, not a place).
LATER_LEDE_OPENING = re.compile(r"^[\"“]?(?:[A-Z][a-z]|[A-Z0-9]\s|\d)")
DATELINE_DAY = re.compile(rf",\s*(?i:{MONTH})\.?\s+\d{{1,2}}\s*$")
# A date found on the page more than this many days after its dateline's day is the site's
# banner, not the story's (fields.on_dateline_day); a day later is the next morning's paper.
DATELINE_DAY_MAX_LAG = 1
# A date line in the head that names the place the story was filed from, in brackets after
# the date as NDTV sets it ("Monday, January 14, 2008 (Mumbai):") or before it as the
# Indian wires' pages do ("New Delhi, January 11, 2008"): the place is the dateline
# (fields.date_line_place; the date must read as one, and a place before it must not be a
# day's or a label's name: "Monday, January 14, 2008").
DATE_THEN_PLACE = re.compile(
    r"^(?P<date>.{6,40}?)\s*\((?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\)\s*:?$"
)
PLACE_THEN_DATE = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*(?P<date>.{6,40})$")
DATELINE = re.compile(
    rf"^{_NOT_A_PLACE_OPENER}(?P<place>{_PLACE}{_NOT_A_PLACE_ENDING}{_COUNTY}{_PLACE_COUNTRY}"
    rf"(?:,\s*[{CAPITALS}][\w.' ]{{1,25}}){{0,2}})"
    rf"\s*(?:,?\s*{_BRACKET_CREDIT}|{_SLASHED_WIRE}|"
    rf"\((?P<dated>(?i:{MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}})\))?\s*"
    r"(?:(?:--|—|–|-|:)\s+(?=\S)|(?<=[)A-Z.])\s*(?:—|–)(?=[\"“]?[A-Z](?:[a-z]|\s[a-z]))|"
    r"(?<=\))\s*--?(?=[\"“]?[A-Z][a-z])|"
    r"(?<=\) )(?=[\"“]?[A-Z](?:[a-z]|\s[a-z0-9])))"
)  # the dash after a station's brackets or a place in capitals may touch the lede: "ST. LOUIS
# (KMOX) –St. Louis", "WASHINGTON—Six people ...", "INDIANAPOLIS –Metro police ...",
# "LAWTON, OK (KSWO) -The ..." (a hyphen after the credit's bracket)
# ... or the wire's day after its place in capitals, and no credit or dash at all, as UPI
# prints it on others' pages: "LONDON, Jan. 10 British actor John Cleese ..." (the day is
# cut off: DATELINE_DAY). A sentence never opens with a place, a comma and a day.
DAY_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE},\s*(?i:{MONTH})\.?\s+\d{{1,2}})\s+(?=[\"“]?[A-Z][a-z])"
)
# ... or its place set in capitals and small letters, which a credit in brackets must
# follow: "Las Vegas, NV (KTNV) --", "St. Louis, MO (KMOX) A 2 year old ...", "Mannheim,
# Germany (Sports Network) - ", "Islamabad, Jan 14 (IANS) The ..." (the day is cut off:
# DATELINE_DAY). A sentence never opens with a place, a comma and brackets.
_DASH = r"(?:--|—|–|-)"
MIXED_CASE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,3}, [A-Z][A-Za-z.]{1,12}(?: [A-Z][a-z]+)?"
    r"(?:\s\d{1,2}(?=\s*\())?)"
    rf"\s*{_BRACKET_CREDIT}\s*"
    rf"(?:{_DASH}\s*(?=\S)|(?=[\"“]?[A-Z0-9]))"
)
# ... or a US state after the comma, as the AP abbreviates it or the post office does,
# then a dash, perhaps around a credit in brackets: "Norfolk, Va. - ", "Terre Haute, IN -
# ", "Marksville, LA- ", "St. Petersburg, FL -- (Sports Network) - ". A sentence never
# opens with a town, a state and a dash.
_US_STATE = (
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|"
    r"Miss|Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|"
    r"Tex|Vt|Va|Wash|W\.Va|Wis|Wyo)\.|Alaska|Hawaii|Idaho|Iowa|Maine|Ohio|Texas|Utah|"
    r"(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|"
    r"S[CD]|T[NX]|UT|V[AT]|W[AIVY])\b"
)
STATE_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){{0,3}}, (?:{_US_STATE}))"
    rf"\s*(?:{_DASH}\s*)?(?:{_BRACKET_CREDIT}\s*)?{_DASH}\s*(?=\S)"
)
# ... or a town alone before a news agency in brackets and a dash or, as Indian wires set
# it, a colon: "London (dpa) - ", "Killingly (AP) — ", "New Delhi (PTI): " (fields._dateline
# checks that the brackets name an agency).
AGENCY_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})\s*{_BRACKET_CREDIT}\s*(?:{_DASH}|:)\s*(?=\S)"
)
# ... or a town alone in title case before a dash and the lede's first capital, as the
# Detroit News and Indiana's papers set it: "Detroit — Authorities say ...", "Farmington
# Hills — Faith ...", "Washington - The United States ..." (fields._title_case_place checks
# that the words name a place: with a hyphen only a known one, or one the lede names again).
TITLE_CASE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,2}) ?(?P<dash>[—–]|--| - ) ?(?=[\"“]?[A-Z])"
)
# The words such a lede never opens with as a place: a label, an adverb, a day or month.
NOT_A_TITLE_CASE_PLACE = re.compile(
    rf"^(?:(?:{_LABEL_WORD}|meanwhile|however|today|tonight|yesterday|now|editor'?s note)\b|"
    rf"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:{MONTH})\b)",
    I,
)
# ... or the credit in brackets glued to the lede's first word, as a site's markup leaves
# it, after a town in small letters or none: "Washington (CNN)Republicans are ...",
# "(CNN)The US ..." (with no town, LEDE_CREDIT cuts it). A closing bracket never touches
# the next word in prose; the name in it is the outlet (fields.dateline_station).
GLUED_CREDIT_DATELINE = re.compile(
    rf"^(?P<place>(?:[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){{0,2}} )?){_BRACKET_CREDIT}"
    r"(?=[\"“]?[A-Z][a-z])"
)
# A station's brand in a dateline's brackets, a network's name and its channel or region:
# "GREENWOOD, SC (FOX Carolina) –", "(NBC 5)", "(CBS SF)".
_NETWORK = r"(?:FOX|NBC|CBS|ABC|CW)"  # the networks whose brands stations carry
STATION_BRAND = re.compile(
    rf"{_NETWORK}(?:\s?\d{{1,2}}|\s+(?!News\b)[A-Z][a-z]+|\s[A-Z]{{2,3}}|(?:[A-Z][a-z]+)+)|"
    r"[A-Z]{3,12} ?\d{1,2}"
)  # ... or its city run into it: "(CBSMiami)", "(CBSPhilly)", "(CBSNewYork)"; or a brand
# in capitals with its channel, "(PIX11)", "(NEWSCHANNEL 3)"

# What a lede's bracketed credit may print after the station's call sign or brand: "-TV",
# or the region it serves ("(KGUN9-TV)", "(ABC4 Utah)"; fields._station_name).
STATION_CREDIT_TAIL = re.compile(r"(?:-TV| [A-Z][a-z]+)$")
# A network's name in capitals alone in such brackets has at most so many letters ("CNN").
NETWORK_MAX_LETTERS = 5
# A dateline with no place, the outlet or agency alone in brackets: "(CNN) - President ...",
# "(WMC) – Memphis police ...", "(CNN)The US ...", "(via KARK) -- A child ...", and before a
# dateline: "(CBS/AP) ALBUQUERQUE, N.M. - ". It is cut off the lede as a dateline is.
LEDE_CREDIT = re.compile(
    r"^\((?:via\s+)?(?P<agency>[A-Z][\w.&'’/-]*(?: [A-Z][\w.&'’/-]*){0,2})\)"
    r"\s*(?:(?:--|—|–|-)\s*)?(?=[A-Z“\"'‘])"
)
# A dateline alone on its line, before the lede: "RENO, Nev. --", and a press release's,
# with the wire between dashes: "LAS VEGAS--(BUSINESS WIRE)--"
# The dash a lede opens with when the page left its dateline out: "— The daughter of ..."
# A station's stamp of the story's date (and time) before its lede: "(09/15/16) - ",
# "(11-26) 11:15 PST " (no year: no date is guessed from it).
LEDE_STAMP = re.compile(
    r"^\((?P<date>\d{1,2}[/-]\d{1,2}(?P<year>[/-]\d{2,4})?)\)\s*"
    r"(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}\s+)?)?(?:[-–—]{1,2}\s+)?(?=\S)",
    I,
)
# ... or behind a label, the page's field for it: "Location: VANCOUVER, British Columbia"
# (a city in capitals, perhaps its state or country).
DATELINE_LABEL = re.compile(
    r"^(?i:location|dateline)\s*:\s*(?P<place>[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.'’ -]{1,30})?)$"
)
LOST_DATELINE = re.compile(r"^[—–-]{1,2}\s+(?=[A-Z\"“‘'])")
# ... or a place and its country or state in capitals, with no dash, on a line of its own
# right over the lede, where a press release's page set it apart: "BAAR, SWITZERLAND" over
# "Based on Ascom's connectivity ...", above the lede or under the summary that opens the
# body (block.place_line; a town alone in capitals, "MARBLEHEAD", is a police log's
# section, and "ACCIDENTAL SHOOTING" a label, so the comma and its region are needed).
PLACE_LINE = re.compile(
    rf"^{_NOT_A_PLACE_OPENER}(?P<place>{_PLACE}{_NOT_A_PLACE_ENDING},"
    rf"\s*[{CAPITALS}][{CAPITALS}.'’ -]{{1,25}}[{CAPITALS}.])$"
)
DATELINE_ONLY = re.compile(
    rf"^{_NOT_A_PLACE_OPENER}(?P<place>{_PLACE}{_NOT_A_PLACE_ENDING}"
    rf"(?:,\s*[{CAPITALS}][\w.' ]{{1,25}})?)"
    rf"\s*(?:(?:--|—|–)\s*(?=\())?(?:{_BRACKET_CREDIT})?"
    r"\s*(?:--|—|–|-)\s*$"
)
# Above the body only: "Staff and agencies", "McClatchy Newspapers", "Tom Jicha | TV Writer".
# The role ends the line or is followed by "and", "of", a comma, a semicolon ("Murray
# McCormick, Canwest News Service; Regina Leader-Post"), a bar or another role; it
# is no object of a preposition, even with an article or words in lower case between:
# "Studio strikes deal with writers", "... with striking writers", "LETTERS TO THE
# EDITOR" are no credits ("brought to you ANI News service" is one).
_STAFF_ROLE = (
    r"(?:staff|agencies|newspapers|news service|correspondent|editor|writer|reporter|"
    r"columnist|contributor|press trust of india)s?\b"
)
# ... or the name first, the role after a bar or comma: "Tom Jicha | TV and Radio Writer".
NAME_THEN_ROLE = re.compile(r"^(?P<name>[^|,]+?)\s*[|,]\s*\S")
# ... and one that opens with "By" names its people among the rest: "By Laura Clout and
# agencies" credits Laura Clout (fields.split_names keeps the names that are a person's).
BY_STAFF = re.compile(r"^(?i:by):?\s+(?P<names>\S.*)$")
STAFF_LINE = re.compile(
    r"^(?!.*\b(?:with|for|to|against|from|about|on)\s+(?:(?:the|an?|(?-i:[a-z][\w'’-]*))\s+){0,3}"
    rf"{_STAFF_ROLE})"
    r"[\w.'’&|, -]{0,50}\b"
    rf"{_STAFF_ROLE}(?:\s*(?:[,;|&(]|and\b|of\b|{_STAFF_ROLE})[\w.'’&|,;() -]{{0,30}})?$",
    I,
)
# A newsroom's staff credited by the publication's name, perhaps beside a writer's: "By
# JERUSALEM POST STAFF", "by WBBJ 7 Eyewitness News Staff", "By Deborah Horne and KIRO 7
# Staff", "By Eric Song, IGN Staff". The name is the outlet's (fields._staff_outlet), unless
# its every word is a desk's ("By Breaking News Staff", "By Metro Staff").
STAFF_BYLINE = re.compile(
    r"^(?i:by):?\s+(?:(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2})"
    r"(?:\s*,\s*|\s+(?i:and)\s+))?(?i:the\s+)?"
    r"(?P<outlet>[A-Z0-9][\w.&'’-]*(?: [A-Z0-9][\w.&'’-]*){0,5}?)\s+(?i:staff)"
    r"(?:\s+(?i:writers?|reports?))?\.?$"
)
STAFF_DESK_WORDS = frozenset(
    {"breaking", "news", "metro", "local", "city", "state", "national", "world", "business",
     "sports", "web", "digital", "online", "editorial", "newsroom", "wire", "community",
     "features", "entertainment", "weather"}
)  # fmt: skip
# Agency and contact credits: "Brought to you by NZPA", "Source: WENN", "rhuff@paper.com",
# "Article from: Agence France-Presse", "Courtesy: County Athletics"
SOURCE_LINE = re.compile(
    r"^(?:[-–]\s*)?(?:(?:brought to you by|courtesy(?: of|\s*:)|distributed by|source\s*:|"
    r"(?:article|story|report) from\s*:)\s*\S.{0,50}|"
    r"\(?source\s*:\s*\S.{0,40}\)?|with [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}|"
    r"with (?:(?-i:[A-Z]{2,6})|reuters|agencies|wires)(?: and (?:(?-i:[A-Z]{2,6})|reuters))?\.?|"
    r"[\w.+-]+@[\w-]+\.[\w.]+)$",
    I,
)
# ... of which a lone address in a person's form, under the story, names its writer:
# "veronica.rocha@latimes.com" is Veronica Rocha's. A desk's is nobody's ("news.desk@",
# "city.editor@": STAFF_DESK_WORDS, MAIL_DESK_WORDS).
WRITER_MAIL = re.compile(
    r"(?P<first>[a-z]{2,})[._](?P<last>[a-z]{2,})@(?P<domain>[\w-]+\.[\w.]+)", I
)
MAIL_DESK_WORDS = frozenset(
    {"desk", "tips", "tip", "editor", "editors", "letters", "info", "contact", "press",
     "media", "admin", "webmaster", "feedback", "help", "support", "team", "staff"}
)  # fmt: skip
# At most this many words make a byline-like line above the body.
FIELD_MAX_WORDS = 8
# "Location: VANCOUVER", "Tags: ...": page metadata, never a headline.
METADATA_LINE = re.compile(
    r"^(?:location|published|posted|updated|created|modified|last modified|author|source|"
    r"filed|date|tags?|topics?|category|categories|transmitted|keywords)\s*:",
    I,
)

# --- Dates ----------------------------------------------------------------------------------
# "Date:2025-04-14 00:50:45", "Published: June 13, 2013", "Posted on: ...", "Last modified: ..."
DATE_LINE = re.compile(
    r"^(?:date|published(?: on)?|first (?:published|posted)|posted(?: on)?|updated(?: on)?|"
    r"last updated|created|(?:last )?modified|transmitted|release(?:d| date)?|filed)"
    r"\s*(?:at|on)?\s*:?\s*"
    r"(?P<value>.{6,60})$",
    I,
)
# Labelled date stamps, several on one line, perhaps printed after the headline: "Posted:
# Sunday, July 19, 2015 6:17 PM EDT Updated: ...", "Published: 15:41 GMT, 16 December 2014 |
# Updated: 16:01 GMT, 16 December 2014". Each label's value runs to the next label.
STAMP_LABEL = re.compile(
    r"(?:^|\s+|\s*\|\s*)(?P<label>first posted|posted|published|(?:last )?updated)\s*:\s*", I
)
STAMP_NEEDS = ("posted", "published", "updated")  # speed-up only: STAMP_LABEL needs one
# A bare name above the body that the story's first this many lines name is its
# subject's photo caption, not the byline (fields._in_story).
STORY_NAME_LINES = 6
# Labels left with no date after them, run together: "Posted:Updated:"
EMPTY_STAMPS = re.compile(r"(?:(?:first posted|posted|published|(?:last )?updated)\s*:\s*)*", I)
# Slashes and colons a tokeniser spaced out inside a date or a time: "04 / 9 / 2012",
# "5:59: 13 PM". Closed up before a date is read (the text itself is left as it is).
SPACED_DATE = re.compile(r"(?<=\d) / (?=\d)")
SPACED_TIME = re.compile(r"(?<=\d:\d\d): (?=\d\d\b)")
# ... and a clock's hours and minutes ("7: 12pm", "05. 51AM"), its "a. m.", a "p" or "a"
# clipped from "pm" ("5:03p").
SPACED_CLOCK = re.compile(r"\b(\d{1,2})(?::\s+|\.\s+(?=\d\d\s*[ap]\.?\s?m))(\d\d)(?!\d)", I)
# ... and a year run into the clock after it, the space lost in scraping ("Nov 20 20194:29
# AM": 2019, 4:29).
GLUED_YEAR_CLOCK = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d\d(?!\d))")
# ... and the zone's offset from GMT after the clock, its colon spaced or not ("6:07:15 PM
# GMT+01: 0", "15:39 (GMT+05:00)"): a date is kept in the page's own time, as stated.
GMT_OFFSET = re.compile(r"\s*\(?\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::\s*\d{1,2})?\)?", I)
# ... and a zone named twice, its region and then its time ("07:05 PM ET EDT"): the second.
ZONE_TWICE = re.compile(r"\b[ECMP]T\s+(?=[ECMP][SD]T\b)")
SPACED_MERIDIEM = re.compile(r"\b([ap])\.\s+m\.", I)
CLIPPED_MERIDIEM = re.compile(r"(?<=\d:\d\d)\s*([ap])\b(?!\.)", I)
# A date line that states when the article was changed, not when it was published.
UPDATE_LABEL = re.compile(r"^(?:(?:last )?updated|(?:last )?modified)\b", I)
# The label of the page's own date where counters or codes run into it: "View Rate : 106 #
# News Code : TTime- 161022 Print Date : Saturday, January 12, 2008" (what another label
# dates, "UK cinema release date: 11 January 2008", is no page's date).
PAGE_DATE_LABEL = re.compile(
    r"\s(?:print(?:ed)? date|publish(?:ed)? date|date published|published(?: on)?|"
    r"posted(?: on)?)\s*:\s*(?=\S)",
    I,
)
# Dates stated relative to the day the page was read: resolved only against a known
# reference (front matter `retrieved`), never against the clock.
RELATIVE_DATE_LINE = re.compile(
    r"^(?:(?:posted|published|updated|last updated)\s*(?:on|at)?\s*:?\s*)?"
    r"(?P<value>(?:today|yesterday|\d{1,2}\s+(?:minutes?|hours?|days?)\s+ago|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?::\d{2})?\s*[ap]\.?m\b)\.?.{0,30})$",
    I,
)
# In the lede: "WASHINGTON (AP) — The president said today (Feb. 26) ...", "... on Monday".
RELATIVE_LEDE_DATE = re.compile(
    r"\btoday \((?P<day>[A-Z][a-z]{2,8}\.? \d{1,2})\)|"
    r"\b(?:on|late|early) (?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# ... but not a day of what is still to happen: the clause that names it (from the last
# comma, semicolon, dash, sentence end or "after" before it) speaks of the future
# ("Lawmakers will vote on Monday", "the trial is set to open on Tuesday", "plans to travel
# on Friday"). What follows "after" came first: "will worship today after a fire destroyed
# the church early Saturday" is dated by the fire.
FUTURE_TENSE = re.compile(
    r"\b(?:will|won['’]t|shall|going to|(?:is|are|was|were) (?:set|scheduled|due|expected|"
    r"slated) to|(?:plans?|planning|intends?|expects?) to|to be held)\b",
    I,
)
CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[-–—]{1,2}\s|[.!?]\s+(?=[A-Z\"“‘'])|\bafter\b")
# A short line that names a month with a number, or an ISO date, may be a date line:
# dateparser decides ("February 25, 2019", "06 January, 2008", "2013-06-13T09:00Z").
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"  # "Wed ", "Fri., ", "Monday, "
# A date line that opens with "on", the word a stamp's label leaves behind when the page
# set the label apart ("on April 30, 2008 at 4:31 AM" under "Posted").
ON_DATE = re.compile(rf"^(?i:on)\s+(?=(?i:{WEEKDAY}|{MONTH}\b|\d))")
# The explicit date in a short date line that also holds a service's code, a dateline or
# a clock ("TNN Nov 12, 2011, 05:51AM IST MUMBAI:", "www.chinaview.cn 2007-12-29 19:34:15"),
# with the time after it.
_WORDED_DATE = (  # "Jan. 8th, 2008", "8 January 2008"
    rf"\b{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+\d{{4}}"
)
EXPLICIT_DATE = re.compile(
    rf"(?:\b{WEEKDAY})?"
    rf"(?:{_WORDED_DATE}|"
    r"\b\d{4}-\d{2}-\d{2})\b"
    r"(?:(?:,|\s+at|\s*\|)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?",
    I,
)
# ... or in figures, month first as US pages print it: "Metro on 11/19/2015", a print
# section's stamp (fields.date_of_line, on a short line already read as a date's).
SLASHED_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
# A list of other stories printed item by item twice in a row (furniture.drop_doubled_lists):
# so many pairs one after another, of items of so many words at least.
DOUBLED_LIST_MIN_PAIRS, DOUBLED_ITEM_MIN_WORDS, DOUBLED_SHARE = 3, 4, 0.6
# ... or the cards of a station's other stories over the story, each printed twice in a
# row (block.skip_story_cards): the body's first paragraph and so many of its first
# paragraphs printed so.
STORY_CARDS_MIN, STORY_CARDS_WINDOW = 2, 12
# ... or the abstracts a station prints over its story, up to so many lines above the
# lede that opens with its bare credit ("(WMC) - ...", block.skip_abstract)
ABSTRACT_MAX_LINES = 4
# A person's name, a comma and an age opening a line: an entry in a list of the people a
# story names ("Italo Pisciotti, 79 (building manager, killed in a hallway)"), never a
# headline of a list of links (furniture._unpunctuated).
NAME_AND_AGE = re.compile(r"^(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’-]+, \d{1,3}\b(?!,\d)")
# The rest of a sentence on a line of its own, in lower case, is no headline of a list of
# links (furniture._continued) from so many words; nor is a web address.
CONTINUED_MIN_WORDS = 4
WEB_ADDRESS_START = re.compile(r"^(?:https?:|www\.)", I)
# A teaser's date stamp after its headline: "... What you need to know Mar 27" (a link
# printed again with its date is another story promoted on the page: drop_repeats).
TEASER_DATE_TAIL = re.compile(
    rf"\s+(?:{MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)$", I
)
# A paragraph printed again (furniture.retold_paragraphs): at least RETOLD_MIN_WORDS words,
# opening with the same RETOLD_OPENING_WORDS words as the earlier one, and its words that
# one's opening words, or its words in order but RETOLD_MAX_NEW_WORDS small words or
# words with another ending (the same RETOLD_STEM letters first, no number).
RETOLD_MIN_WORDS, RETOLD_OPENING_WORDS, RETOLD_MAX_NEW_WORDS, RETOLD_STEM = 8, 4, 2, 3
RETOLD_SMALL_WORDS = frozenset({"a", "an", "the", "on", "in", "at", "of", "to", "and", "or", "for"})
DATE_EXTRA_WORDS = 3  # around it, at most: more, and the line is a sentence about a date
BRACKETED = re.compile(r"\([^()]{2,80}\)")  # "(Clackamas County Sheriff's Office)": a credit
LABEL_COLON = re.compile(r"[^\W\d]\s*:(?!\d)")  # "release date:", not a clock's "4:04pm"
# ... not counting the update stamp after it: "16 September 2013 Last updated at 12:42 GMT",
# "Friday, Sep 10, 2010 | Updated 9:28 AM EDT" (the date is the publication's).
UPDATE_TAIL = re.compile(r"^[\s,;|/-]*(?:last )?updated\b", I)
# An update stamp after the date on its line, spaced, between bars or run into it: cut
# before the date is read, as the date first is the publication's ("Published Wed, Nov 20
# 2019 4:29 AM ESTUpdated an hour ago", "Posted: May 28, 2015 1:16 PM EDT Updated: May
# 29, 2015 9:02 AM EDT"), in capitals too ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM /
# UPDATED AT 12:48 PM"), or in small letters after a comma or a bar ("on April 30, 2008 at
# 4:31 AM, updated April 30, 2008 at 8:33 AM"; in a sentence, "updated" follows a word).
UPDATE_STAMP_TAIL = re.compile(
    r"(?<=[\w.)])(?:[\s|,;·•/-]*(?:Last |LAST )?(?:Updated|UPDATED)|\s*[,|/]\s*(?:last )?updated)"
    r"\b.*$"
)
# Numbers alone make a date with a four-digit year: "14.04.2025", "2025/04/14" (dateparser
# reads the month first when both could be one, as "08/05/2021" is in the US; "01.09.2008"
# is January 9 on an Arizona paper's page). Not with dashes: "Police log: 1-16-2017" is a
# headline.
# A stamp in the time of a country that writes the day first reads its numbers day first:
# "Last Updated: 12:01am GMT 08/01/2008" is January 8 (British, Irish, European, Indian,
# South African, Australian and New Zealand zones).
DAY_FIRST_ZONE = re.compile(
    r"\b(?:GMT|BST|IST|WET|WEST|CET|CEST|EET|EEST|SAST|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT)\b"
)
# Month names in the other languages the sources publish in, in a date with its day and
# year: "02 Ago 2017", "segunda-feira, 22 de janeiro de 2018", "15 janvier 2008", "3. März
# 2019", "11 октября 2018". Such a date is read in the languages whose months name it
# (fields.parse_date); an English date is read in English first.
FOREIGN_MONTHS = {
    "it": r"gen(?:naio)?|feb(?:braio)?|mar(?:zo)?|apr(?:ile)?|mag(?:gio)?|giu(?:gno)?|"
    r"lug(?:lio)?|ago(?:sto)?|set(?:tembre)?|ott(?:obre)?|nov(?:embre)?|dic(?:embre)?",
    "pt": r"jan(?:eiro)?|fev(?:ereiro)?|mar(?:ço)?|abr(?:il)?|mai(?:o)?|jun(?:ho)?|"
    r"jul(?:ho)?|ago(?:sto)?|set(?:embro)?|out(?:ubro)?|nov(?:embro)?|dez(?:embro)?",
    "es": r"ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|"
    r"ago(?:sto)?|sept?(?:iembre)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?",
    "fr": r"janv(?:ier)?|févr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|août|"
    r"sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|déc(?:embre)?",
    "de": r"jan(?:uar)?|feb(?:ruar)?|märz|apr(?:il)?|mai|juni?|juli?|aug(?:ust)?|"
    r"sep(?:tember)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?",
    "ru": r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|"
    r"декабря",
}
FOREIGN_DATE = re.compile(
    r"\b\d{1,2}\.?\s+(?:de\s+)?(?P<month>"
    + "|".join(f"(?:{names})" for names in FOREIGN_MONTHS.values())
    + r")\b\.?,?\s+(?:de\s+)?\d{4}\b",
    I,
)
# A month names a date with the number next to it ("June 21", "Dec. 16", "Dec - 19 - 05"),
# not with one further on: "Man charged in fatal June shooting, wounding of 3 others" and
# "Greek anti-austerity march erupts in violence, 3 dead" are headlines.
# Also a day and a time stamped under a story ("12/30 10:34:59 ET"), the wire's
# transmission stamp ("AP-ES-01-10-08 0607EST": service, month, day, year, time) and a
# weekday and a time ("Monday 6:30PM": read only against a known reference date), and a
# date in another language ("02 Ago 2017": FOREIGN_DATE).
DATE_HINT = re.compile(
    rf"\b{MONTH}\b[.,]?[\s\-–]*\s\d|"
    rf"\d\s+{MONTH}\b|"
    r"\b\d{4}-\d{2}-\d{2}(?:\b|T\d)|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"  # ISO, with its time too
    r"\b\d{1,2}\.\d{1,2}\.\d{4}\b(?!\.\d)|\b\d{4}/\d{1,2}/\d{1,2}\b|"  # 14.04.2025, 2025/4/14
    r"\b\d{1,2} / \d{1,2} / \d{2,4}\b|"  # spaced out by a tokeniser
    r"^\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\b|"
    r"^AP-[A-Z]{2}-\d{2}-\d{2}-\d{2}\s+\d{4}[A-Z]{2,4}$|"
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|"
    + FOREIGN_DATE.pattern,
    I,
)
DATE_MAX_WORDS = 10
# A story that prints this many bare dates each over its own paragraphs is a timeline of
# past events ("January 10, 2023" / "The government unveils its plan ..."): its dates are
# its content, none of them the day it was published.
TIMELINE_MIN_DATES = 2
# What a page prints after a date behind a bar or slash that is no part of it: the
# outlet ("November 19, 2019 / 10:07 AM / CBS News"), segments without a digit.
DATE_TRAILER = re.compile(r"(?:\s+[/|·•]\s+[^\d/|·•]+)+$")
HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
# A lede that opens with its day's full date before a dash, as a dateline would stand:
# "16 January 2008 — The Security Council today discussed ...", "June 17, 2013 - Houston
# police are investigating ...": the article's date when its head states none. Not a span
# of dates ("October 27, 2014 - November 13, 2016").
LEDE_DATE = re.compile(
    rf"^(?P<date>{_WORDED_DATE}) ?[–—-]{{1,2}} ?"
    rf"(?!{MONTH}\b)(?-i:[A-Z])",
    I,
)

# --- Credits --------------------------------------------------------------------------------
# "ABC News' Ellie Kaufman and Joohee Cho contributed to this report."
# The writer's contact line under the story: "Contact Ryan Dunn at: rdunn@theblade.com,
# 419-724-6095, or on Twitter @rdunnblade.", "Contact the writer: psurowski@pe.com",
# "Reach Kate White at kate.white@...", "Call Star reporter Tony Cook at (317) 444-6081.",
# "Gayla Cawley can be reached at gcawley@itemlive.com.", "Mary Ann Thomas is a staff
# writer. She can be reached at ...". A credit (an address's domain is the publication's),
# never a paragraph; a police appeal ("Anyone with information ... can be reached at")
# is no writer's.
_TELEPHONE = r"\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b"
_CONTACT = (
    rf"(?:[\w.+-]+ ?@ ?[\w-]+\.|{_TELEPHONE}|\b\d{{3}}-\d{{4}}\b|"
    r"(?:[Tt]witter|[Ii]nstagram):?\s*@\w{2,})"
)  # an address, a telephone number, a labelled handle ("Twitter @rallenMI")
_WRITER_ROLE = (
    r"(?:(?:[A-Z][\w.'’-]*|news|staff) )?(?:[Ss]taff )?"
    r"(?:[Rr]eporter|[Ww]riter|[Cc]olumnist|[Ee]ditor)"
)
_NOT_A_WRITER = (
    r"(?!.*\b(?:[Aa]nyone|information|tips?|anonymous\w*|[Cc]rime [Ss]toppers|[Pp]olice|"
    r"[Ss]heriff|[Dd]etectives?|[Dd]epartment|[Oo]ffice|They)\b)"
)
_CONTACT_NAME = r"(?:[A-Z][a-z][\w'’-]*|(?:[A-Z]\.){1,2})(?: (?:[A-Z]\.|[A-Z][a-z][\w'’-]*)){1,3}"
# ... or the writer's note opening with the role and name, then how to reach them ("Staff
# writer John Turk covers the county board, police and general assignment. He can be
# reached at 248-745-4613."): the role names the writer, so the beat may name the police.
_WRITER_BIO_REACHED = (
    r"(?:[Ss]taff |[Nn]ews )?(?:[Rr]eporter|[Ww]riter|[Cc]olumnist|[Ee]ditor) "
    rf"(?P<bio>{_CONTACT_NAME}) "
    r"[^.!?]{0,200}[.!?]\s+(?:He|She|They) can be reached (?:by (?:phone|e-?mail) )?at\b:?"
)
# ... or the writer's name before a colon and the number or address ("Dan Scanlan: (904)
# 359-4549", "Jesse Paul: 303-954-1733, jpaul@denverpost.com or twitter.com/JesseAPaul").
_LABELLED_CONTACT = (
    rf"^{_NOT_A_WRITER}(?!(?:Telephone|Phone|Fax|Mobile|Cell|Main|Toll|Office|Hotline|Tip)\b)"
    rf"(?P<labelled>{_CONTACT_NAME}):\s*{_CONTACT}"
)  # not a number's label ("Telephone Number: ...")
CONTACT_LINE = re.compile(
    rf"{_LABELLED_CONTACT}|"
    rf"^{_NOT_A_WRITER}(?:[—–-]+\s*)?(?:[Yy]ou can )?(?:(?:[Cc]ontact|[Rr]each|E-?mail) "
    rf"(?:the (?:writer|reporter|author)|(?:{_WRITER_ROLE} )?"
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})|"
    rf"[Cc]all {_WRITER_ROLE} [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,3}})"
    rf"\s*(?:at\b)?\s*:?\s*{_CONTACT}|"
    rf"^{_NOT_A_WRITER}[Tt]o (?:contact|reach) (?:the (?:writer|reporter|author)|"
    rf"(?:{_WRITER_ROLE} )?{_CONTACT_NAME}),? (?:call|e-?mail)(?: (?:him|her))?(?: at)?:?\s*"
    rf"{_CONTACT}|"  # "To contact writer Liz Fabian, call 744-4303."
    rf"^{_WRITER_BIO_REACHED}\s*{_CONTACT}|"
    rf"^{_NOT_A_WRITER}(?:[^.!?]{{0,160}}[.!?]\s+){{0,2}}"
    r"(?:[^.!?]|\.(?=\S)|(?<=\b[A-Z])\.){0,40}?"
    r"\b(?:He|She|[A-Z][\w'’-]+) can be reached "
    rf"(?:by (?:phone|e-?mail) )?at\b:?\s*{_CONTACT}"
)
# ... and the paper it names before the writer's role: "Call IndyStar reporter Michael
# Anthony Adams at ...", "Reach Tribune staff writer Jane Roe at ..." (fields._contact_paper;
# a desk's or a rank's word is none: "Call Metro reporter ...", "Contact Senior Writer").
CONTACT_PAPER = re.compile(
    r"\b(?:[Cc]all|[Cc]ontact|[Rr]each) (?P<paper>[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*)?) "
    r"(?:[Ss]taff )?(?:reporter|writer|columnist)\b"
)
CONTACT_RANK_WORDS = frozenset({"senior", "chief", "staff", "lead", "contributing", "freelance"})
# ... or that a contributor line names before its writers' role: "Times-Union writer Joe
# Daraskevich contributed to this report.", "Enquirer reporters James Pilcher, ... and
# Jason Williams contributed.", "Contributing: Free Press reporter Tammy Stables Battaglia"
# (fields._contributor_paper: a paper, fields.signoff_outlet; not a wire's writer).
CONTRIBUTOR_PAPER = re.compile(
    r"^(?:Contributing:\s*)?(?P<paper>[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,2}) "
    r"(?:[Ss]taff |[Ss]pecial )?(?:reporters?|writers?|editors?|columnists?)\b"
)
# The writers a contact line names (fields._contact_names): "Contact Rachel Crosby at ...",
# "Contact Katrease Stafford: ...", "You can reach Staff Writer Julie Johnson at ...",
# "Call IndyStar reporter Michael Anthony Adams at ...", "City Editor Victor A. Patton can
# be reached at ..."; a surname alone ("Murphy can be reached") is no name to credit.
CONTACT_NAME = re.compile(
    rf"\b(?:[Cc]ontact|[Rr]each|E-?mail|[Cc]all) (?:{_WRITER_ROLE} )?(?P<asked>{_CONTACT_NAME})"
    r"(?=\s*:|\s+at\b|,\s*(?:call|e-?mail)\b)|"
    rf"(?:{_WRITER_ROLE} )?(?P<reached>{_CONTACT_NAME}) can be reached\b|"
    rf"^{_WRITER_BIO_REACHED}|"
    rf"{_LABELLED_CONTACT}"
)
# The writer's sign-off closing the story: a dash, the name, a comma and the publication
# or agency ("— Jane Roe, Harbour Daily Herald", "-- Jane Roe, Reuters"); or a note on who
# the writer is ("Jane Roe is a staff writer for the Harbour Courier.", "Jane Roe is a
# Harbour-Tribune staff writer. Reach her at ..."). The publication
# is the outlet (fields.signoff_outlet); a place there ("— Jane Roe, Munich") is not.
_ORG = r"(?:The )?[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|of|and|&)){0,5}"
# ... or the dash and the name alone, right under the story's last paragraph ("— Frank
# Warner", "-- Nicole Santa Cruz", "- Shaun Newport" when no line beside it is a list's
# item, as a menu's are: fields._among_items): a person's name, not a wire's ("—Chicago
# Sun-Times Wire") or a contributor's ("— With Ellen Yan"; checked in fields._signoff).
# The empty `org` keeps the sign-offs' groups alike.
DASHED_NAME = re.compile(
    r"^(?:--|—|–|-(?!-))\s*(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2})(?P<org>)$"
)
SIGNOFF_LINE = re.compile(
    r"^(?:--?|—|–)\s*(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}),\s*"
    rf"(?:the )?(?P<org>{_ORG})$"
)
_NOTED_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
WRITER_NOTE = re.compile(  # ... or writers: "X and Y are San Francisco Chronicle staff writers."
    rf"^(?P<names>{_NOTED_NAME}(?:(?:, | and |, and ){_NOTED_NAME}){{0,3}}) "
    r"(?:is (?:a|an|the)|are) "
    r"(?:(?P<pre>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}) )?(?:[a-z][\w-]* ){0,2}"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)s?"
    rf"(?: (?:for|at|with) (?:the )?(?P<org>{_ORG}))?"
    r"(?:,? (?:based|covering|focusing|who)\b[^.]{0,60})?(?:\.\s*|$)"
    r"(?:(?:[Rr]each|[Cc]ontact|E-?mail|[Ee]mail|[Ff]ollow|[Cc]all|Twitter|"
    r"(?:He|She|They) can be reached)\b.*)?$"
)  # ... where the writer is based or what they cover, and how to reach them, after it
# "This article originally appeared on The Conversation.", "This story was first
# published by ProPublica. Read the original article.": the note under a republished
# text naming where it comes from. It closes the story and stays its last paragraph (a
# reader, and the copy detection, see the original credited); the page that republishes
# the text is another outlet than the one it names.
REPUBLISHED = re.compile(
    r"^(?i:this|the) (?i:article|story|piece|report|post|essay) (?:was )?"
    r"(?i:originally|first) (?:appeared|published|ran)(?: (?:in|on|by|at))?\s+"
    r"(?P<org>(?:the )?[A-Z].{1,60}?)\.?$"
)
CONTRIBUTED = re.compile(
    r"^(?:[-–—]+\s*)?(?:(?P<org>(?:[A-Z][\w&.]*\s?){1,4})['’]s?\s+)?(?P<names>[A-Z].{2,160}?)\s+"
    r"(?:contributed|also contributed|contributed reporting)"
    r"(?:\s+(?:to|for)\s+this\s+(?:report|story|article|piece))?\.?$"
)
# Where a sentence ends before the contributors' names: "This story has been corrected.
# Jane Roe and John Doe contributed reporting." (an initial, "J. Doe", ends none)
SENTENCE_SPLIT = re.compile(r"(?<=\w{2}[.!?])\s+(?=[A-Z])")
# "Additional reporting by X; Editing by Y", "Reporting by X and Y", and the USA Today
# network's "Contributing: X, Y; The Associated Press". Each part's names run to the next
# part ("Reporting by A, B, with reporting by C and D, editing by E" credits A to D).
_CREDIT_ROLE = r"(?:(?:additional )?(?:reporting|writing|editing|compiled) by|contributing:)"
REPORTING_BY = re.compile(rf"^\(?{_CREDIT_ROLE}\s+.+$", I)
REPORTING_NAMES = re.compile(
    r"(?:(?:reporting|writing|compiled) by|^contributing:)\s+"
    rf"(?P<names>(?:(?![,;]?\s*(?:with |and )?{_CREDIT_ROLE})[^;])+)",
    I,
)
# "Ottawa Citizen, with files from Jane Doe", "With files from the Associated Press": the
# Canadian papers' credit for material from other reporters or agencies
FILES_FROM = re.compile(
    r"^(?:(?P<org>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4}),?\s+)?(?i:with files from)\s+"
    r"(?P<names>(?i:the )?[A-Z][\w.'’-]*(?:(?:\s*,\s*|\s+(?i:and)\s+|\s+)[A-Z][\w.'’-]*){0,8})"
    r"\.?$"
)
# The names a byline gives: "Jane Roe", "JANE ROE and John Doe", "Jane Roe, John Doe".
_BYLINE_NAMES = r"[A-Z][\w.'’-]+(?:(?:\s*,\s*|\s+(?i:and)\s+|\s+)[A-Z][\w.'’-]+){0,8}"
# How a date beside a byline opens: a month and a number, numbers and a separator, a day
# and a month ("16th Jan 2008"), or the time before them ("5:17 pm, March 31st, 2016").
_DATE_OPENING = (
    rf"(?:(?i:{MONTH})\b\.?\s*\d|\d{{1,4}}[-/.]\d|\d{{1,2}}(?i:st|nd|rd|th)?\s+(?i:{MONTH})\b|"
    r"\d{1,2}:\d{2}\b)"
)
# A byline with its time stamp and section on one line: "By Tariq Malik, Mike Wall
# 2019-11-18T22:05:36Z Spaceflight", "By Tim Childers - Live Science Contributor
# 2019-11-19T12:48:14Z Space": the names are the credit, the stamp the publication date.
BYLINE_STAMPED = re.compile(
    rf"^(?i:by)\s+(?P<names>{_BYLINE_NAMES})"
    r"(?:\s+[-–—|]\s+[^\d]{2,40}?)?\s+(?P<stamp>\d{4}-\d{2}-\d{2}T\d{1,2}:\d{2}(?::\d{2})?Z?)"
    r"(?:\s+\S.{0,30})?$"
)
# ... or its label and date: "by: Jane Roe, Action News Updated: Feb 6, 2017 - 3:44 PM".
BYLINE_DATED = re.compile(
    rf"^(?:(?i:posted|written) )?(?i:by):?\s+(?P<names>{_BYLINE_NAMES}?)"
    r"(?:\s+(?P<label>(?i:updated|posted|published|created))\s*:?\s*|"
    rf"\s*[-–—|,]?\s+(?:(?i:on)\s+)?(?={_DATE_OPENING}))"
    r"(?P<stamp>\S.{5,40}?)(?:\s+[-–—|]\s+(?i:updated|last updated)\s*:.*)?$"
)  # also with no label when a date follows ("by Tim Cashmere - January 16 2008"): then the
# stamp must read as a date (fields.dated_byline), or "By Friday, March 3 ..." is a byline
# ... or a blog's "Posted by X on 05 Jan 2016" (the date must read as one, as above)
# ... or its date first: "11/19/2019 by Lars Brandle", "November 19, 2019 | By Jane Roe"
# (the date must read as one, as above).
DATE_THEN_BYLINE = re.compile(
    r"^(?:(?i:updated|posted|published)(?: (?i:at|on))?:?\s+)?"
    rf"(?P<stamp>{_DATE_OPENING}.{{2,38}}?)\s*[-–—|,]?\s+(?i:by):?\s+"
    rf"(?P<names>{_BYLINE_NAMES}(?: (?i:staff))?)$"
)
# A blog post's line of who posted it, under which of the blog's categories, and when:
# "On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday,
# September 18, 2013.", "Posted in Hit and Run Accidents on Friday, September 20, 2013".
POSTED_IN = re.compile(
    r"^(?:(?i:on behalf of)\s+(?P<names>.{2,80}?)\.?\s+)?(?i:posted in)\s+\S.{1,60}?\s+"
    r"(?i:on)\s+(?P<stamp>\S.{5,50}?)\.?$"
)
# The dash some sites put between a date and its time: "Feb 6, 2017 - 3:44 PM".
DATE_TIME_DASH = re.compile(r"\s+[-–—]\s+(?=\d{1,2}:\d{2})")
# A name and its social-media handle under the headline: "Jane Roe @janeroe / 2 days", or
# glued to it where the page set them in two elements ("Natasha Turak@NatashaTurak").
NAME_HANDLE = re.compile(
    r"^(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})\s*@\w{2,30}(?:\s*[/|·•,-]\s*.{0,30})?$"
)
# "Jane Doe in Rio de Janeiro", "by Jane Doe in Karachi": a correspondent's byline names
# where the story was filed (without "by" it is read only between headline and body)
CORRESPONDENT = re.compile(
    r"^(?P<by>(?i:by)\s+)?(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}) in "
    r"(?P<place>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|da|del|do|of|la|el|al)){0,3})$"
)
# "By Jane Doe and John Roe", "By SANDRA CHEREB", "By Richard Lam (AP)", "By X, Staff Writer",
# "Written by X, Senior Correspondent", "Story by X", and with the writer's address (a
# scraped page's hidden one) and telephone: "By Jane Roe janer@example.com(509) 459-5382"
_BYLINE_ADDRESS = r"(?:\[email\s+protected\]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
BYLINE = re.compile(
    r"^(?:(?i:written|story|words|text|reported) )?(?i:by):?\s+"
    rf"(?P<names>{_BYLINE_NAMES})"
    r"(?:\s*\((?P<agency>[A-Za-z. ]{2,20})\))?(?:\s*[,|]\s*(?P<org>[A-Z][\w.&,'’ ]{1,60}))?"
    rf"(?:\s+{_BYLINE_ADDRESS}(?:\s*{_TELEPHONE})?)?$"
)
# ... or its age: "By HAMZA HENDAWI - 18 hours ago" (the dash often lost to a "?" in a
# scraped dump). The names are the credit; an age is no date without the page's own.
BYLINE_AGED = re.compile(
    rf"^(?i:by):?\s+(?P<names>{_BYLINE_NAMES}?)"
    r"\s*[-–—|?·,]?\s+\d{1,3}\s+(?i:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+(?i:ago)$"
)
# ... or set out in parts between bars or bullets: "By Jane Roe | August 5, 2021 | 3:15 PM",
# "By Jane Roe | Reuters | August 5, 2021", "Jane Roe | Staff Writer | August 5, 2021", "By
# Jane Roe • August 5, 2021 • 3 min read". The first part is the byline ("By X"; a name
# alone when a role follows it), each other part a date, a clock time, a reading time, a
# role, or the name of an outlet or agency, and one of them a date (fields.parted_byline):
# a byline stamp, not a menu between pipes.
BYLINE_PART_SPLIT = re.compile(r"\s*\|\s*|\s+[•·]\s+")
BYLINE_PARTS_MAX = 5
CLOCK_PART = re.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?$", I
)  # "3:15 PM", "15:41 GMT"
BYLINE_PART_NAME = re.compile(r"(?:The )?[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|&)){0,3}")
READING_TIME = re.compile(r"^\d{1,3}\s*[- ]?min(?:ute)?s?\.?(?:\s+read)?$", I)  # "3 min read"
# A reporter's beat or desk printed under the byline ("State Department", "White House",
# "Moscow Bureau", "CBC Sports", a region's desk: "South Asia"): part of the credit block,
# no person's name.
BEAT_LINE = re.compile(
    r"\b(?:department|ministry|bureau|desk|sports?|office|council|committee|commission|agency|"
    r"embassy|parliament|congress|senate|pentagon|white house|capitol hill|united nations|"
    r"city hall|court|asia|africa|europe|middle east|americas)$",
    I,
)
# A publication or an institution where a byline's name would stand ("Chicago Sun-Times
# Wire", "Paterson Press", "MGN Online", "ALBANY POLICE", "Guardian Unlimited"): words no
# person's name has.
# The nouns of a newspaper's masthead ("Chicago Tribune", "Harbour Courier"), which end a
# paper's name (PAPER_NAME_END) and stand in no person's name.
MASTHEAD_WORDS = (
    "Press",
    "Times",
    "Herald",
    "Tribune",
    "Journal",
    "Gazette",
    "Chronicle",
    "Dispatch",
    "Courier",
    "Examiner",
    "Bulletin",
    "Sentinel",
    "Telegraph",
    "Inquirer",
)
PUBLICATION_WORD = re.compile(
    rf"\b(?:{'|'.join(MASTHEAD_WORDS)}|wire|online|police|release|daily|radio|tv|television|"
    r"magazine|network|guardian|unlimited)\b",
    I,
)
# A byline run into the end of a standfirst, its names in capitals, perhaps with the
# role and an empty date label after them: "... under his pillow By BOBBY WARREN Staff
# Writer Published:".
GLUED_BYLINE = re.compile(
    r"\s+By\s+(?P<names>[A-Z][A-Z.'’-]+(?:\s+(?:AND\s+)?[A-Z][A-Z.'’-]+){1,5})"
    r"(?:\s+(?i:(?:staff|senior|special)\s+)?(?i:writer|reporter|correspondent|editor)s?)?"
    r"(?:\s+(?i:published|posted|updated)\s*:?)?\s*$"
)
# A byline set among the page's tools between headline and body: after them, behind a bar or
# another button's sign ("Email | Print | Text size ? + By Nelson Bocanegra"), or before a
# comment count and the tags ("by Agostino Di Maria (Scribe) 0 comments Filed Under: NHL").
# "Powered by Google News" or "Photo by Jane Roe" have a word before "by".
_TOOLS_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
BYLINE_IN_TOOLS = re.compile(
    rf"(?:(?<=[|+?»•·])\s*|^)(?i:by)\s+(?P<names>{_TOOLS_NAME}(?: and {_TOOLS_NAME})?)"
    r"(?:\s*\([^)]{1,20}\))?(?:\s+\d+\s+(?i:comments?)\b.*)?$"
)
# "Author: DPA", "Written by: Jane Doe"
AUTHOR_LINE = re.compile(r"^(?:author|writer|reporter|written by)\s*:\s*(?P<names>\S.{0,60})$", I)
# A news agency or staff credit alone on its line: "Associated Press Writer", "By the AP",
# and the agency's sign-off under the story: "- NZPA", "-- AAP"
AGENCY_LINE = re.compile(
    r"^(?:(?:--?|—|–)\s*)?(?:by )?(?:the )?(?:associated press|reuters|ap|afp|dpa|"
    r"agence france-presse|upi|bloomberg|pti|ians|xinhua|efe|ansa|kyodo|yonhap|"
    r"press association|canadian press|aap|nzpa)"
    r"(?: staff| writer| reporter| correspondent)?(?: writer)?$",
    I,
)
# A byline that names the publication after a bar: "By Andy Sahadeo | Fox News" (a role
# there is no publication: "Tom Jicha | TV and Radio Writer"; an agency's name credits the
# agency: fields._byline_brand).
BYLINE_BRAND = re.compile(
    rf"\s\|\s*(?P<outlet>(?![^|]*\b(?i:{_STAFF_ROLE}))[A-Z][\w&.'’ -]{{1,40}}?)\s*$"
)
# The lines that credit an article, each alone on its line (fields.is_credit_line, and
# fields.is_field_line beside dates and datelines)
CREDIT_LINES = (BYLINE, AUTHOR_LINE, AGENCY_LINE, STAFF_LINE, SOURCE_LINE)
# An outlet's name alone on its line in the byline block, beside the date or the byline:
# "CBC News", "Guardian Unlimited", "TRIBUNE-REVIEW", "CBNNews.com" (two to four capitalised
# words, or one joined by a hyphen or a dot: a plain word is a button or a section, "View";
# a last word "News" is part of the name, so it is left out of the interface-word test)
OUTLET_LINE = re.compile(
    r"^(?=\S+[.-]\S+$|\S+ \S)(?P<name>[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}?)"
    r"(?: (?i:news))?$"
)
OUTLET_LINE_MAX_WORDS = 4
NAME_SPLIT = re.compile(r"\s*(?:,\s*(?i:and)\s+|,\s*|\s+(?i:and)\s+|\s*&\s*)\s*")
# Where each reporter filed from, after the names: "Writing by Gene Cherry in Salvo, North
# Carolina" credits Gene Cherry; "by A in Tampa, Florida, B in New York and C" credits A,
# B and C (a place runs to the next comma, "and" or end, and may take one more part of
# one or two words: its state or country).
FILED_IN = re.compile(
    r"\s+in\s+[A-Z](?:(?!\s+and\s)[^,;)])*"
    r"(?:,\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)?(?=\s*,|\s+and\s|\s*;|\s*\)|\s*$))?"
)
# The labels of a review's box of the work's facts, over the names of its makers: a
# name under one is the film's director or star, not the review's writer.
FACT_BOX_LABEL = re.compile(
    r"^(?:directed by|directors?|starring|cast(?: list)?|produced by|producers?|"
    r"screenplay(?: by)?|music by|composers?)\s*:?\s*$",
    I,
)
# A name in a credit: two to four capitalised words.
PERSON = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}$")
# "Kevin Johnson and Kevin McCoy USA TODAY", "Jane Roe, John Doe and Ann Lee": between
# headline and body, two or more names (two or three words each, in mixed case, perhaps an
# initial) joined by "and" or commas, and perhaps the outlet after them in capitals, are
# the byline with no "By" (one name alone is a `name_line`).
_NAME_WORD = r"(?:[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*|[A-Z]\.)"
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}"
NAMES_LINE = re.compile(
    rf"^(?P<names>{_NAME}(?:(?:\s*,\s*|,?\s+and\s+){_NAME})+)"
    r"(?:\s+(?P<org>[A-Z][A-Z.&'’-]+(?: [A-Z][A-Z.&'’-]+){0,3}))?$"
)
# A standfirst that names its writer at its end, as Australian and British papers print it:
# "A spectacular save can only have helped this keeper's ambitions, writes Michael
# Cockerill." (a paper there, "..., reports Herald Sun.", is no writer: fields.
# standfirst_writers).
STANDFIRST_WRITER = re.compile(
    rf",\s+(?:writes|reports)\s+(?P<names>{_NAME}(?:\s+and\s+{_NAME})?)\.?$"
)
# ... or in capitals, joined by a lower-case "and" (a menu in capitals joins with "AND" or
# "&"): "KEVIN SCHOFIELD and GERRY BRAIDEN".
_CAPS_NAME = r"[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,2}"
CAPS_NAMES_LINE = re.compile(rf"^(?P<names>{_CAPS_NAME}(?:, {_CAPS_NAME})*,? and {_CAPS_NAME})$")
# ... that does not open with a word no name opens with ("From Times Online", "About Us",
# "We Matched", "Posted Thursday").
NOT_A_NAME_OPENER = re.compile(
    r"^(?:from|about|in|on|at|for|to|of|with|our|your|my|we|you|they|it|this|that|"
    r"posted|updated|published)\b",
    I,
)
# ... or a name alone and the date after a dash: "Rob Thomas — 1/17/2008 10:58 am" (the
# name must read as one, the date as a date: fields.dated_byline).
NAME_THEN_DATE = re.compile(
    rf"^(?P<names>{_NAME})\s+[-–—|]\s+(?P<stamp>{_DATE_OPENING}.{{2,38}}?)$"
)

# --- Outlet signals, strongest first ---------------------------------------------------------
# "The comments posted here are not from Cnews Live.", "... do not reflect the views of the
# Daily Herald.", "... are not those of The Daily Herald.", "... readers, not of X."
# ... and "Read the Sydney Morning Herald's community guidelines before posting."
OUTLET_FROM_GUIDELINES = re.compile(
    r"\b(?i:read) (?:the )?(?P<outlet>[A-Z][\w&.'’ ]{1,40}?)['’]s? "
    r"(?:community|comment(?:ing)?) (?:guidelines|policy|rules)\b"
)
OUTLET_FROM_COMMENTS = re.compile(
    r"\bnot (?:(?:necessarily )?(?:reflect|represent) )?"
    r"(?:from|endorsed by|(?:those|the views|the opinions?) of|of)\s+(?:the\s+)?"
    r"(?P<outlet>[A-Z][\w&.'’ ]{1,40}?)\s*[.,;]"
)
# A site's address: "houstonchronicle.com", "smh.com.au", "guardian.co.uk".
_DOMAIN = (
    r"(?:www\.)?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
    r"(?:(?:com|net|org|ca|ie|in)(?:\.[a-z]{2})?|co\.[a-z]{2}))"
)
# The site sending its reader back to itself for updates: "Stay with WAVY.com for updates.",
# "Stay tuned to ClickOnDetroit.com for updates on the shooting.", "More on NBC6.com:",
# "Also on rt.com <another story's headline>";
# or asking to be followed, tuned in to or downloaded, at the line's start: "Follow
# CBSDFW.COM: Facebook | Twitter", "For news and updates, download the WHIO mobile app".
# The address as printed names the outlet (a station's call sign alone: KOCO.com, KOCO).
_SENT_BACK = (
    r"\b(?:stay (?:with|tuned to)|keep it locked (?:to|on)|check back (?:with|at)|keep checking)|"
    r"^\W{0,3}(?:please )?(?:follow|monitor|tune in to|return to|check|"  # opening the line:
    r"(?:for [^.!?]{1,40},\s*)?download (?:the|our) (?:free )?)"  # "Follow CBSDFW.COM:"
)
OUTLET_FROM_PROMPT = re.compile(
    rf"(?:{_SENT_BACK}|^(?:more|also) on)"
    rf"\s+(?P<outlet>{_DOMAIN.replace('?P<domain>', '?:')})\b",
    I,
)
# The story's own link under it, as Gannett's sites print it: "Read or Share this story:
# http://on.freep.com/2fiu9Z2", "... http://www.theadvertiser.com/story/..." (fields.
# _shared_link: the last signal, a short link's host may be a shortener's, "on.tdo.com"
# on tallahassee.com).
SHARED_LINK = re.compile(
    r"^read or share this story:\s*https?://(?:on\.|www\.)?(?P<domain>[a-z0-9-]+\.(?:com|net|org))/",
    I,
)
# ... or the station by its brand, as its newsroom signs off a story: "Stay with KCRA 3 for
# the latest", "Check back with NBC 6 for updates", "Stay with 7 Action News and WXYZ" (a
# call sign after "and" names the station better than a brand without one). Not "stay
# with me" or "stay tuned to your local news": the brand is capitalised, and reads as a
# station's (fields._station_like).
STATION_PROMPT = re.compile(
    rf"(?i:{_SENT_BACK})\s+"
    r"(?P<outlet>[A-Z0-9][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){0,4}?)"
    r"(?:\s+(?i:and|&)\s+(?P<also>[A-Za-z0-9][\w'’-]*))?"
    r"(?=\s+(?i:for|as|on|to|and|at|(?:mobile |news )?apps?)\b|\s*[,.!;:]|\s*$)"
)
# ... or the station promising more, as it closes a story: "CBS12 will provide updates as
# they become available.", "Fox59 will continue to update this story ...", "FOX 4 will
# continue coverage ...", "WLWT is on the
# scene and will bring you more ...", "WESH 2 News has a crew on the scene ..." (a name that
# reads as a station's: fields._station_like).
STATION_PROMISE = re.compile(
    r"(?:^|[.!?]\s+)(?P<outlet>[A-Z0-9][\w'’&.-]*(?: [A-Z0-9][\w'’&-]*){0,3}) "
    r"(?:will (?:continue to )?(?:update|provide|have|bring)|will continue (?:its )?coverage|"
    r"is on the scene|has a crew)\b"
)
# The publication after a date stamp's last slash: "Updated on: November 19, 2019 / 10:07
# AM / CBS News" (a name that reads as a news site's: fields._station_like).
STAMP_BRAND = re.compile(r"\d\s*(?:[AaPp]\.?[Mm]\.?)?\s+/\s+(?P<outlet>[A-Z][\w&.'’ -]{1,30}?)\s*$")
# The site's own pages, in its menu or footer: "About Houston Chronicle", "- Contact CT
# Post", "About WYFF 4" name the site the page is on, where its copyright line may name
# only the owner ("© 2019 Hearst Communications"). The name is capitalised ("of", "on",
# "the", "and" inside it may not be), and is not ABOUT_NOT_A_SITE ("About Us"). Behind a
# lower-case "the", only a name in capitals ("About the BBC"): "About the Station", "About
# the McClatchy Company" name a page or the owner.
ABOUT_SITE = re.compile(
    r"^(?:-\s+)?(?P<kind>about|contact)\s+(?:(?-i:the)\s+(?=(?-i:[A-Z]{2,6})\s*\|?$))?"
    r"(?:(?P<outlet>(?-i:[A-Z0-9])[\w.&'’-]*"
    rf"(?:\s+(?:(?-i:[A-Z0-9])[\w.&'’-]*|of|on|the|and)){{0,4}})|{_DOMAIN})\s*\|?$",
    I,
)
# The site's search box, named after it ("Search News24", "- Search SlashGear", "Search
# CTV News", "Search icCheshireOnline for:"), or its box of more of its stories ("More from
# NBC News"): a name written like a brand (digits, capitals or a capital inside a word),
# not a section's ("Search Used Cars", "Search Sport", "More From The Web").
SEARCH_SITE = re.compile(
    r"^(?:-\s+)?(?:Search|More [Ff]rom)\s+(?P<outlet>(?=\S*(?:\d|[A-Z]{2}|[a-z][A-Z]))"
    r"[\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3})(?:\s+for)?:?$"
)
ABOUT_NOT_A_SITE = re.compile(
    r"^(?:us|me|our|my|this|these|cookies|ads|advertising|preferences|privacy|careers|"
    r"the (?:author|authors|site|team|show|blog|program|programme|series|project|company)\b)",
    I,
)
# The page greeting its reader ("Welcome to The Sydney Morning Herald. Skip to: ...",
# "Welcome to The Detroit News’s EUROPEAN UNION EXPERIENCE"), on one of its first
# SITE_HEAD_LINES lines: the name, up to a full stop, a possessive, a dash or a comma.
WELCOME_SITE = re.compile(
    r"^welcome to (?P<outlet>(?-i:[A-Z])[\w.&'’-]*?"
    r"(?: (?:(?-i:[A-Z])[\w.&'’-]*?|of|on|the|and)){0,5}?)(?:['’]s\b|\.(?:\s|$)|\s+-\s|[,!]|$)",
    I,
)
# A site's address alone on one of the page's first SITE_HEAD_LINES lines (its
# masthead: "brisbanetimes.com.au", "www.smh.com.au"), or opening a breadcrumb above the
# headline ("washingtonpost.com > Arts & Living > ...", "You are in > manchester.com > ...",
# "guardian.co.uk/commentisfree > Anne Perkins": its section's address).
SITE_ADDRESS_LINE = re.compile(rf"^{_DOMAIN}$", I)
SITE_CRUMB = re.compile(rf"^(?:you are in\s*[>»:]\s*)?{_DOMAIN}(?:/[\w/.-]*)?\s*[>»]\s*\S", I)
SITE_HEAD_LINES = 5
# The page's own address printed on it (a share box's link): a bare URL whose path names
# at least OWN_URL_SHARE of the headline's words of three letters or more
# ("https://www.timesunion.com/sports/article/Nelson-s-OT-goal-lifts-Isles-14848099.php"
# under "Nelson's OT goal lifts Isles"): its host is the site.
OWN_URL = re.compile(r"^https?://(?:www\.)?(?P<domain>[a-z0-9.-]+\.[a-z]{2,})(?P<path>/\S*)$", I)
OWN_URL_SHARE = 0.5
URL_WORD = re.compile(r"[a-z0-9]{3,}")
# "© 2024 Outlet Name", "Copyright 2024 Outlet Name. All rights reserved.", "© Copyright
# 2008 Outlet", "Copyright © Outlet 2008" (the signs, words and years around the name, a
# year in Roman numerals too: "© MMVIII, Outlet")
# A reporter's address on the article's credit line gives the publication's domain.
_MAIL_DOMAIN = r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}"
EMAIL_DOMAIN = re.compile(rf"\b[\w.+-]+@(?P<domain>{_MAIL_DOMAIN})\b", I)
# Free mail services and internet providers' mail: an address there is a person's, not
# a publication's ("topcatsports@canoemail.com", Canoe's webmail).
WEBMAIL_DOMAINS = frozenset(
    {"gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "rocketmail.com",
     "hotmail.com", "aol.com", "outlook.com", "icloud.com", "me.com", "mac.com", "msn.com",
     "live.com", "mail.com", "protonmail.com", "proton.me", "gmx.com", "gmx.net",
     "zoho.com", "fastmail.com", "yandex.com", "yandex.ru", "mail.ru", "qq.com", "163.com",
     "canoemail.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
     "bellsouth.net", "earthlink.net", "cox.net", "charter.net", "optonline.net",
     "shaw.ca", "rogers.com", "sympatico.ca", "btinternet.com", "web.de", "orange.fr",
     "wanadoo.fr", "free.fr", "libero.it", "bigpond.com"}
)  # fmt: skip
# A newspaper group's mail, which its papers' reporters share, names the owner, not the
# paper that ran the story ("sfreishtat@tribpub.com" on an Aurora Beacon-News report,
# "dawilliams@tribune.com" on a Chicago Tribune one, "chaire@scng.com" on an Orange County
# Register one).
GROUP_MAIL_DOMAINS = frozenset(
    {"tribpub.com", "tribune.com", "scng.com", "gannett.com", "mcclatchy.com", "hearst.com",
     "gatehousemedia.com", "lee.net", "medianewsgroup.com", "digitalfirstmedia.com",
     "tegna.com", "sbgtv.com", "nexstar.tv", "cmg.com"}
)  # fmt: skip
MAIL_DOMAINS_OF_NO_OUTLET = WEBMAIL_DOMAINS | GROUP_MAIL_DOMAINS
# ... nor is a government's, a school's or an army's: a police spokesman's address under
# the story ("scott.moreau@la.gov") is a source's.
PUBLIC_MAIL_DOMAIN = re.compile(r"\.(?:gov|mil|edu)(?:\.[a-z]{2})?$|\.(?:k12\.)?[a-z]{2}\.us$", I)
# A line made of nothing but the writers' ways to reach them, under the story: addresses,
# phone numbers and handles, perhaps labelled, joined by commas, bars or "or"
# ("glotan@orlandosentinel.com or 407-420-5774", "chayes@orlandosentinel.com;
# cdoornbos@orlandosentinel.com", "stephen.ceasar@latimes.com | Twitter: @stephenceasar",
# "david.chanen@startribune.com 612-673-4465"): the first address's domain is the paper's
# (fields._contact_mail_domain). A line that names someone ("Contact: Det. David Perez
# 886-2676 ...") is no such line.
_CONTACT_ITEM = (
    rf"(?:[\w.+-]+@{_MAIL_DOMAIN}|{_TELEPHONE}|\b\d{{3}}-\d{{4}}\b|"
    r"@\w{2,}|(?:www\.)?twitter\.com/\w+)"
)
_CONTACT_LABEL = r"(?:(?:e-?mail|twitter|instagram|facebook|phone|tel)(?: (?:&|and) \w+)?\s*:?)"
_CONTACT_JOIN = r"(?:\s*[,;|&/]\s*|\s+)(?:(?:or|and)\s+)?"
CONTACT_ITEMS_LINE = re.compile(
    rf"^(?:[—–-]\s*)?(?:{_CONTACT_LABEL}\s*)?{_CONTACT_ITEM}"
    rf"(?:{_CONTACT_JOIN}(?:{_CONTACT_LABEL}\s*)?{_CONTACT_ITEM})*(?:\s+on \w+)?\.?$",
    I,
)
# The holder a copyright notice names: "© 2008 The Daily Herald. All rights reserved.",
# "© Copyright of Telegraph Media Group Limited 2008 | Terms", "© Copyright 2006
# Charleston Daily Mail -- Privacy policy", "© Copyright Toronto Star 1996-2008 Privacy
# Code" (the years end it), "©independent.ie Sitemap | Contact Us" (a menu's word ends it).
OUTLET_FROM_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|copyright\b|of\b|\d{4}(?:\s*[-–]\s*\d{4})?|by\b|"
    r"(?-i:M{1,3}[CDLXVI]*\b)),?)*\s*(?!copyright\b|all rights\b|and\b)"
    r"(?P<outlet>[A-Z](?:[\w&.'’ ]|(?<=\w)-(?=\w)){1,40}?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?:\.(?!\w)|[,|)]|\s+all rights|\s+(?:--|[-–—])\s|(?<=\d{4})\s|"
    r"\s+(?:site ?map|privacy|contact|terms|advertise|about)\b|$)",
    I,
)

# The legal form after a publisher's name in its copyright line ("The New York Times
# Company", "Alabama Live LLC", "ScienceAlert Pty Ltd", "Groupe CNW Ltée", "Prisa S.A."):
# the outlet is the publication, not the company (fields.publication says when what stays
# is a name).
LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:inc|llc|ltd|lt[ée]e|plc|pty|pvt|limited|gmbh|ag|s\.?a|n\.?v|b\.?v|s\.?p\.?a|"
    r"s\.?r\.?l|pte|sdn|bhd)\.?)+$",
    I,
)
COMPANY_FORM = re.compile(r",?\s+(?:company|corporation|corp\.?)$", I)
CAMEL_CASE = re.compile(r"[a-z][A-Z]")
# A wire service that sells its text to others ("CanWest News Service", "PR Newswire"): the
# holder of an article's rights, never the outlet that ran it.
WIRE_SERVICE = re.compile(r"\b(?:news (?:service|agency)|wire service|newswire|wire)\b", I)
# ... nor one that lends the text: "Copyright 2008 Courtesy of The Sports Network".
LENT_BY = re.compile(r"courtesy\b", I)
# ... nor the holder a syndication notice names, behind the source the text came from:
# "(Source: Sun-Times Media Wire © Chicago Sun-Times 2015. All Rights Reserved. This
# material may not be published, broadcast, rewritten, or redistributed.)"
SOURCE_NOTICE = re.compile(r"^\(?\s*source\s*:", I)
# ... nor is a picture library whose photo the rights line credits ("© 2024 iStockphoto").
PICTURE_LIBRARY = re.compile(
    r"\b(?:shutterstock|istock\w*|alamy|dreamstime|depositphotos|adobe stock|unsplash)\b", I
)
# An article's own rights line names the outlet only as a full notice, with a year or the
# reservation of rights ("© 2024 The Daily Herald"); "© Shutterstock" alone is a photo's.
FULL_RIGHTS_NOTICE = re.compile(r"\b(?:19|20)\d\d\b|\ball rights reserved\b", I)
# A company that owns many outlets ("Cox Media Group", "CBS Local Media", "Hearst
# Communications", "Times Newspapers", "Fox Television Stations", "The Post Publishing
# Public Co", "APN News & Media Ltd"), or the technology company that runs a site ("Times
# Internet Limited", "Ventuno Technologies Pvt Ltd"): the holder of a station's or paper's
# rights, not the outlet's name.
_OWNER_WORDS = (
    r"group|holdings|communications|broadcasting|enterprises|newspapers|stations|"
    r"publishing(?: public)?(?: co)?|news (?:and|&) media|technologies|internet|software"
)
# ... and a network's divisions ("CBS Radio", "CBS Interactive"), the companies that own
# the local stations and papers by name ("Media General", "Raycom Media"), and those that
# build and host many stations' sites ("© 2008, Internet Broadcasting Systems, Inc",
# "WorldNow").
_OWNER_NAMES = (
    r"^(?:(?:CBS|NBC|ABC|FOX|Fox|CW)\s+(?:Radio|Television|Interactive|Local|Stations)\b|"
    r"Media General|Raycom|Gray Television|Tegna|TEGNA|Sinclair|Nexstar|Scripps|Meredith|"
    r"Hearst|Graham Media|Tribune Media|Gannett|McClatchy|Lee Enterprises|Advance Local|"
    r"Griffin Communications|Quincy Media|Cox Media|Tribune Publishing|Morris Communications|"
    r"Internet Broadcasting|World[Nn]ow|Frankly)"
)
OWNER_GROUP = re.compile(rf"\b(?:{_OWNER_WORDS}|media)$|{_OWNER_NAMES}", I)
# A copyright notice in the page's footer, whatever else the line holds ("Guardian Unlimited
# © ...", "Content Copyright WVVA TV 2008 ©", "© Copyright Toronto Star 1996-2008 Privacy
# Code | Site Map"), and one about the pictures only ("Pictures are © 2007 Allsport").
FOOTER_NOTICE = re.compile(r"©|\(c\)|\bcopyright\b", I)
PICTURE_RIGHTS = re.compile(
    r"\b(?:pictures?|photos?|photographs?|images?)\b\W+(?:\w+\W+)?(?:are\s+)?(?:©|\(c\)|copyright)",
    I,
)
# Words a newspaper's or site's name has and a company's or a person's seldom does, beside
# SITE_NAME_WORD's and PUBLICATION_WORD's: "Toronto Star", "The Southern Ledger".
NEWSPAPER_WORD = re.compile(
    r"\b(?:star|ledger|mail|courier|examiner|observer|standard|record|register|sun|mirror|"
    r"express|independent|guardian|inquirer|enquirer|sentinel|bulletin|review|leader|globe|"
    r"citizen|argus|advertiser|bee)\b",
    I,
)
# The same in a site's footer, but "... Media": there it is as often the publication's own
# company ("© 2008 Mountain Media LLC") as a group's.
FOOTER_OWNER_GROUP = re.compile(rf"\b(?:{_OWNER_WORDS})$|{_OWNER_NAMES}", I)
# The words a company that owns one publication puts after the publication's name
# ("Telegraph Media Group", "Guardian News and Media", "Al Jazeera Media Network"): cut,
# what is left is the publication when the page prints it elsewhere too
# (BRAND_MIN_LINES lines: "Telegraph TV", "You are here: Telegraph > Money"). Not a
# company that owns many outlets by name (OWNER_NAMES: "CBS Interactive" runs the local
# stations' sites too).
OWNER_NAMES = re.compile(_OWNER_NAMES)
# ... and such a company named first with the station, as joint holders: "All content ©
# Copyright 2000 - 2008 WorldNow and KMPH" is KMPH's.
OWNER_AND_STATION = re.compile(rf"{_OWNER_NAMES}\s+(?:and|&)\s+(?=[A-Z])")
OWNER_TAIL = re.compile(
    r"(?:\s+news\s+(?:and|&)\s+media|\s+(?:media|group|networks?|newspapers|holdings|"
    r"communications|broadcasting|enterprises|publishing|interactive|digital))+$",
    I,
)
BRAND_MIN_LINES = 2

# --- Photo captions and credits --------------------------------------------------------------
# A link to a photo gallery: a plural label, then the gallery's title (captions._gallery_link).
GALLERY_LINK = re.compile(r"^(?:photos|images|pictures|gallery)\s*:\s*(?P<title>\S.{0,80})$", I)
# The words in lower case a photo credit uses; any other names what the photo shows.
CREDIT_LOWER_WORDS = frozenset(
    {"of", "via", "for", "and", "the", "by", "to", "from", "photo", "photos", "file",
     "video", "family", "courtesy", "handout", "submitted", "staff", "image", "images",
     "provided", "contributed", "special", "photographer", "photography", "de", "van",
     "von", "da", "del", "la", "le", "and/or", "mug", "shot", "screenshot", "screen",
     "grab", "still", "pool", "illustration", "graphic", "map", "archive", "archives",
     "picture", "pictures", "profile"}
)  # fmt: skip
# A slideshow's caption on a line of its own, its counter first (normalise: a caption
# when the page has paragraphs of its own), or the gallery's label before a caption
# written in full ("Gallery: Pallbearers carry the casket ... at Bethel Christian
# Fellowship."; with no full stop it is the gallery's teaser, furniture)
# A slideshow's counter: "Image 24 of 111", "Photo 3 of 10", "Image 1 of / 28".
SLIDE_COUNTER = r"(?:image|photo|picture|slide)\s+\d{1,4}\s+of\s*/?\s*\d{1,4}"
_GALLERY_LABEL = r"gallery\s*:\s*"
SLIDE_LINE = re.compile(rf"^(?:{SLIDE_COUNTER}\s+\S|{_GALLERY_LABEL}\S.*[.!?][\"”’]?$)", I)
SLIDE_COUNTER_ALONE = re.compile(rf"^{SLIDE_COUNTER}$", I)  # "Image 2 of 5", its caption below
# A line cut off by the page, its last words replaced by an ellipsis ("... six children
# and two..."): a slideshow's teaser of the caption it prints in full.
CUT_OFF = re.compile(r"\s*(?:\.\.\.|…)$")
# A caption widget's toggle (Hearst's papers): the caption in full and its button "less",
# then the same caption cut short and its button "... more", on one line or on two
# (furniture.drop_collapsed_captions). The full caption is kept, without its button
# (captions.caption_text: the words after "less" must be the caption's again, so a credit
# may stand before it, "... Guiseppe Barranco/The Enterprise less ..."); "less" after a
# stop inside a sentence ("... \"Super Tuesday\" less than a month away") is prose.
CAPTION_LESS = re.compile(r"(?<=[.!?\"”)]) less$")
CAPTION_COLLAPSED = re.compile(r"(?<=\S) less (?P<again>\S.{19,}?) (?:\.\.\.|…) more\b")
COLLAPSED_LINE = re.compile(r"^(?P<again>\S.{19,}?) (?:\.\.\.|…) more$")
# A video's caption track scraped as text: the WebVTT format's header, then the cues
# ("WEBVTT >> IS EVERYONE READY?GOOD MORNING. ..."); the page's text when it has no other.
TRANSCRIPT_LINE = re.compile(r"^WEBVTT\b")
# ... or without the header: a broadcast's closed captions, one long run of capitals
# ("THOSE INVESTIGATORS SPENT ABOUT SEVEN HOURS GATHERING EVIDENCE ..."), of at least
# CAPTION_TRACK_MIN_WORDS words. Beside paragraphs in sentence case it is the video's.
CAPTION_TRACK_MIN_WORDS = 30
CAPTION_TRACK_CAPITALS = 0.95  # the share of its letters in capitals ("Anchor:" the others)
# The counter (and a "Buy photo" button) printed before each caption, or the widget's
# label or its loading notice ("Related Photos", "Loading...").
GALLERY_COUNTER = re.compile(
    rf"^(?:{SLIDE_COUNTER}\s+|{_GALLERY_LABEL}|related photos\s+|loading(?:\.\.\.|…)\s*)?"
    r"(?:buy photo\s+)?",
    I,
)
# Words that introduce a photo credit: "Image: Reuters/Stringer", "Photo: X", "Credit: X",
# "Image credit: X"
CREDIT_WORDS = (
    r"(?i:(?:image|photo|photograph|picture|credit|photo credit|image credit|photo source|"
    r"image source|source|foto)s?)"
)
# The buttons of a photo widget, scraped with the caption around them: "Buy Photo", "Buy
# This Photo", "View Full Caption", "Hide Caption", "Enlarge this image". Never part of
# the caption or credit.
PHOTO_CONTROL = (
    r"(?i:buy (?:this )?photo|(?:view|show|see) (?:full|larger) (?:caption|image|photo)|"
    r"hide caption|enlarge (?:this )?(?:image|photo))"
)
# A paragraph that goes on from the one above it opens with a pronoun standing for what
# that one named ("She had just parked her car ..."): under a date stamp, it shows the line
# over the stamp was the lede, not a standfirst (fields._over_head_stamp).
GOES_ON = re.compile(r"^[\"“]?(?:She|He|They|It|Her|His|Their|Its)\b")
# Under a headline printed twice the standfirst is a second deck, set as the headline is,
# with no sentence's stop in it: "Witnesses testify in the case that left 16-year-old
# dead"; a stop marks a photo's caption ("... he was evicting. Erin Meyer") or the
# summary that opens the body (fields.find_dek).
STOP_IN_LINE = re.compile(r"[.!?…][\"'”’)]*(?:\s|$)")
# Where a standfirst would stand, a photo's credit or its widget ("Photo: File/Google Maps
# Image 1 of / 28 Caption Close", "click to enlarge", "CC0 Public Domain", "... Photo via
# the Sheriff's Office."): furniture, dropped (fields.find_dek).
PHOTO_WIDGET_LINE = re.compile(
    rf"\b{CREDIT_WORDS}\s*:|{PHOTO_CONTROL}|\bclick to enlarge\b|\bcaption close\b|"
    r"\bpublic domain\b|\b(?:photo|picture|image)s? (?:sent in )?via\b",
    I,
)
# ... or, left to the passes after, a byline ("By Staff reports - ..."), a line that starts
# with a date ("on April 30, 2008 at 4:31 AM, updated ..."), an update's stamp over its
# text ("Update 1:30 p.m.", "UPDATE 3: 6/3/2016 11:38 p.m. With statements from the
# scene"), or one announcing what follows ("The following information was provided by
# police:").
ANNOUNCES = re.compile(r"\w.*\s\w+:\s*$")  # a sentence's words up to a colon that ends it
NOT_A_DEK = re.compile(
    r"^by\s+[A-Z]|:\s*$|"
    rf"^(?:(?:on|posted|updated|published)\s+)?(?:{WEEKDAY})?"
    rf"(?:{MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}\b|\d{{4}}-\d{{2}}-\d{{2}})|"
    rf"^update[d]?(?:\s+\d+)?\s*:?\s*(?:\d{{1,2}}[:/]\d|{MONTH}\b)",
    I,
)
# The page's furniture in the standfirst's place, never one (fields.find_dek drops it): a
# share or follow strip naming the networks ("13.9k SHARES Facebook Twitter", "FOR LIVE
# UPDATES: Twitter, Facebook"), a video player's controls ("Skip Ad Ad Loading... x Embed
# x Share ..."), attached files ("Attached Media Files: May_Blitz_Press_Release_(1).doc",
# "Attached video courtesy of ..."), "From Wikipedia, the free encyclopedia", a sponsor's
# advert ("... Visit our sponsor Command Fire Apparatus"), a link's prompt ("Tap an icon,
# or here for more scores", "Click/tap here for ..."), a bare web address, an update's
# stamp alone ("Update | 5:23 p.m."), a template's unfilled tags ("{* #socialForm *}").
_SOCIAL_NETWORK = r"(?:Facebook|Twitter|Pinterest|Instagram|LinkedIn|WhatsApp|Reddit|Google\+)"
DEK_FURNITURE = re.compile(
    rf"\b{_SOCIAL_NETWORK}\W+{_SOCIAL_NETWORK}\W*$|^view larger\b|"
    r"^(?:skip ad\b|ad loading\b)|\bx embed x share\b|"
    r"^attached (?:media files|files|documents|video)\b|"
    r"^from wikipedia\b|\bvisit our sponsor\b|"
    r"^(?:click|tap)(?:/tap)? (?:an icon|here)\b|"
    r"^(?:https?://|www\.)\S+$|"
    r"^update\s*\|\s*\d{1,2}:\d\d|"
    r"\{\*.*\*\}",
    I,
)
# A photo credit alone on its line: "Photo: Jane Roe". (In brackets, "(Photo: KHOU 11)", it
# sits under a headline or a paragraph as often as under a caption: not read as one.) Alone
# on its line "Source: X" credits the article ("Source: The Associated Press", under the
# last paragraph or beside the date), not a photo: it is a source credit (SOURCE_LINE).
CREDIT_LINE = re.compile(
    r"^(?i:(?:image|photo|photograph|picture|credit|photo credit|image credit|foto)s?)"
    r"(?: by)?\s*:\s*(?P<credit>\S.{0,80})$",
    I,
)
# A caption with its credit glued on: "Kim waves as his car is en route.Image: Reuters/Stringer",
# "A police van. (Photo: Jane Roe / The Sentinel)", widget buttons either side left out
GLUED_CREDIT = re.compile(
    rf"^(?:{PHOTO_CONTROL}\s*)?(?P<caption>.{{8,}}?)\s*\(?{CREDIT_WORDS}\s*:\s*"
    rf"(?P<credit>[A-Z][^:]{{1,80}}?)\)?(?:\s*{PHOTO_CONTROL})?$"
)
# ... or a staff photographer's credit in capitals after the caption's last stop, a slash or
# a dash between the name and the paper's word for its staff: "... in the Lindenwald area.
# GREG LYNCH / STAFF", "... wounded. RACHEL LUNA — STAFF PHOTOGRAPHER", "... NICK
# GRAHAM/STAFF".
STAFF_CREDIT_WORDS = ("STAFF PHOTOGRAPHER", "STAFF", "CONTRIBUTED")
STAFF_CREDIT_END = re.compile(
    r"^(?P<caption>[A-Z0-9\"“].{20,}?[.!?\"”])\s+"
    r"(?P<credit>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){1,3}\s*(?:/|—|–|-)\s*"
    rf"(?:{'|'.join(STAFF_CREDIT_WORDS)}))$"
)
# ... or a photographer's credit as a name and the paper or station after a slash, after
# the caption's last stop: "... on Sunday, May 24, 2015. Shannon Heupel/Advertiser", "...
# North Richards Street. Mike Anderson / WISN" (a name of two or three words, then one to
# three capitalised words).
SLASH_CREDIT_END = re.compile(
    r"^(?P<caption>[A-Z0-9\"“].{20,}?[.!?\"”])\s+"
    r"(?P<credit>[A-Z][a-z][\w'’-]*(?: [A-Z][\w.'’-]*){1,2}\s*/\s*"
    r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2})$"
)
# USA Today's head, scraped: the photo's caption and credit, then its "Story Highlights"
# label and the first highlight, on one line ("Police gather at the scene. (Photo: Jane
# Roe, Detroit Free Press) Story Highlights Shots rang out around 6 p.m. Wednesday"); the
# other highlights follow on lines of their own. The credit may hold brackets of its own
# ("T. J. Healy II, The (Wilmington, Del.) News Journal").
CAPTION_OVER_HIGHLIGHTS = re.compile(
    rf"^(?:{PHOTO_CONTROL}\s*)?(?P<caption>.{{8,}}?)\s*\({CREDIT_WORDS}\s*:\s*"
    r"(?P<credit>[^()]+(?:\([^()]*\)[^()]*)*)\)\s*(?i:buy photo\s*)?"
    r"(?i:story highlights)\s+(?P<point>\S.*)$"
)
# Agency credits that end a wire caption, with the agency's tags and codes after them;
# handout pictures name their source first: "(NASA via AP, File)", "(Jane Doe/AP)",
# "Jane Doe/AFP via Getty Images", "AFP via Getty Images". The tags and codes are no part
# of the credit: the subject tags in brackets ("(CHINA - Tags: SOCIETY)"), the sales
# restrictions ("CHINA OUT. NO COMMERCIAL OR EDITORIAL SALES IN CHINA"), the agency's
# notes to editors in capitals (WIRE_NOTE) and the picture's code ("- GM1E96319ZI01").
_WIRE_AGENCY = r"(?:REUTERS|Reuters|AFP|EPA|AP Photo|Getty Images)"
WIRE_CREDIT = re.compile(
    r"\s*(?:\((?P<paren>(?:[A-Z][^()]{0,40}(?:\s+via\s+|/))?(?:AP|AFP|Reuters|EPA|Getty)\b"
    r"[^()]{0,60})\)|"
    rf"(?P<bare>(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}/)?{_WIRE_AGENCY}"
    rf"(?: via {_WIRE_AGENCY})?(?:/[\w.'’-]+(?: [\w.'’-]+)*?)*))"
    r"(?P<tail>(?:\s*\([^()]*\))?(?:\s+[A-Z ,.]+OUT\.?)?(?:\s+[A-Z ,.]*SALES IN [A-Z ]+\.?)?"
    rf"(?:\s+(?:{WIRE_NOTE}))*(?:\s*-\s*[A-Z0-9]{{10,16}})?)\s*$"
)
# A news agency's caption that says what the photo shows, its credit in brackets or none:
# "Photo taken on Jan. 19, 2023 shows protesters marching in Paris. (Xinhua/Jane Roe)",
# "Aerial photo taken on May 3 shows the flooded valley."
PHOTO_TAKEN = re.compile(
    r"^(?P<caption>(?:(?:Aerial|File|Drone|Undated) (?i:photo|picture|image)|Photo|Picture|Image) "
    r"taken (?:on|in|at)\b.{3,60}?\bshows?\b.{3,}?)(?:\s*\((?P<credit>[A-Z][^()]{1,60})\))?$"
)
# The picture agencies a caption's credit names alone.
_PICTURE_AGENCY = r"(?:AP|AFP|EPA|Reuters|REUTERS|Getty Images|Getty|AAP|Xinhua|Bloomberg)"
# A credit that names a picture agency, whose captions run long (LONG_CAPTION_MAX_WORDS).
NAMES_PICTURE_AGENCY = re.compile(rf"\b{_PICTURE_AGENCY}\b")
# A short sentence with a picture agency's name after its full stop, the story's prose
# under it, is a photo's caption and its credit: "The WeWork logo is displayed outside of
# a co-working space in New York.Reuters" (scraped glued to it). On the story's last line
# "... he said. AFP" is the agency's sign-off (SENTENCE_END).
AGENCY_CAPTION = re.compile(
    rf"^(?P<caption>[A-Z\"“].{{10,}}[a-z)]\.)\s?(?P<credit>{_PICTURE_AGENCY})$"
)
# speed-up only: AGENCY_CAPTION is tried on the lines that end in one of these
AGENCY_CAPTION_ENDS = (
    "AP",
    "AFP",
    "EPA",
    "Reuters",
    "REUTERS",
    "Images",
    "Getty",
    "Xinhua",
    "Bloomberg",
)
# A caption ending in its agency credit in square brackets: "Troops patrol the city [EPA]",
# "Crowds gathered at dawn [Getty Images]", "[Jane Doe/AFP]"; or a handout's, naming who
# sent it: "The lander as an artist imagines it [SpaceX via Nasa]"
BRACKET_CREDIT = re.compile(
    r"^(?P<caption>\S.{7,}?)\s*\[(?P<credit>(?:[A-Z][\w.' -]{1,30}/)?"
    rf"{_PICTURE_AGENCY}"
    r"(?:/[\w.' -]{1,30})?|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} via [A-Z][\w.'-]*"
    r"(?: [A-Z][\w.'-]*){0,3})\]$"
)
# A caption ending in its photographer's credit in brackets: "Davis scored eight points.
# (Photo by Damon Tarver)", "... (Picture by Jane Roe/Getty Images)"
# A caption after its credit in brackets and a full stop, the credit naming the agency:
# "(AP Photo/David Goldman). Elsie Allen, center, ...", "(Mark Parren via AP). Sheriff's
# deputies ..." (a lede's "(CBS/AP) ALBUQUERQUE, N.M. - " has no full stop).
CREDIT_FIRST = re.compile(
    r"^\((?P<credit>AP Photo/[^()]{2,60}|[^()]{2,80}?\b(?:via AP|via Reuters|/AP|/Reuters|"
    r"Getty Images|/AFP))\)\.\s+(?P<caption>[A-Z\"“].{10,})$"
)
# A caption after its photo's rights notice (MSN's layout): "© John Brecher Needle poking
# skin during administration of flu shot ...". The holder is two capitalised words (a
# middle initial allowed), the caption a sentence in sentence case (a footer's "© Herald
# Publications Pvt Ltd, P.O.Box 160, ..." is no caption).
RIGHTS_FIRST_CAPTION = re.compile(
    r"^©\s*(?P<credit>[A-Z][\w'’-]+(?: [A-Z]\.)? [A-Z][\w'’-]+) "
    r"(?P<caption>[A-Z\"“].{10,}[.!?\"”])$"
)
# ... or before it, the notice naming the agency and the photographer after a slash (RT's
# layout): "A cyclist rides next to a blocked petrol plant ... November 19, 2019. ©
# Reuters / David Mercado" (a story's last line with its rights, "... police said. ©
# Associated Press", names no photographer).
RIGHTS_END_CAPTION = re.compile(
    r"^(?P<caption>[A-Z\"“].{10,}[.!?\"”])\s+©\s*"
    r"(?P<credit>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2} ?/ ?"
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})$"
)
# ... or after its photographer's credit between a name and a paper, a slash or "for"
# between them ("Andy Mai/New York Daily News A 16-year-old girl who ...", "Gregg
# Vigliotti/For New York Daily News Marquise Frederick, 19, ...", "Bill Brett for The
# Boston Globe Investigators searched ..."): the paper's name ends in a word that ends a
# paper's name (PAPER_NAME_END), and a sentence follows it. "David Soares/Albany County
# District Attorney: ..." and "The Centers for Disease Control and Prevention ..." name
# no paper.
PAPER_NAME_END = "|".join(
    (
        *MASTHEAD_WORDS,
        *("News", "Post", "Sun", "Star", "Globe", "Register", "Record", "Observer", "Review"),
        *("Democrat", "Republican", "Independent", "Leader", "Ledger", "Citizen"),
    )
)
_PHOTOGRAPHER_FOR = (  # "Andy Mai/", "Gregg Vigliotti/For ", "Bill Brett for The "
    r"[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,2}(?:\s*/\s*(?:[Ff]or )?| for )(?:[Tt]he )?"
)
SLASH_CREDIT_FIRST = re.compile(
    rf"^(?P<credit>{_PHOTOGRAPHER_FOR}(?:[A-Z][\w'’&.-]* ){{0,4}}?(?:{PAPER_NAME_END})) "
    r"(?P<caption>[A-Z0-9\"“].{20,}[.!?\"”])$"
)
CREDIT_FIRST_SLASH_WITHIN = 40  # characters: the slash stands in the credit's name
# A gallery scraped as one line: its photos' captions, each after its credit as above,
# run together and closed by the gallery's buttons ("Kendall Rodriguez for New York Daily
# News An “exchange of gunfire” erupted ... Kendall Rodriguez for new York Daily News A
# member of NYPD's ESU suits up ... Previous Next"). Split where each credit starts.
GALLERY_BUTTONS_END = re.compile(r"\s+Previous\s+Next\s*$")
GALLERY_ITEM_CREDIT = re.compile(  # (the paper's name in any case: "for new York Daily News")
    rf"(?:^|(?<=[.!?\"”’] ))(?P<credit>{_PHOTOGRAPHER_FOR}(?:[A-Za-z][\w'’&.-]* ){{0,4}}?"
    rf"(?:{PAPER_NAME_END})) (?=[A-Z0-9\"“])"
)
# A line that opens with the rights sign and is no caption is a rights notice, never the
# story's text ("© M/s Herald Publications Pvt Ltd, P.O.Box 160, Rua San Tome, ...").
RIGHTS_SIGN = re.compile(r"^\(?©")
PHOTO_BY_CREDIT = re.compile(
    r"^(?P<caption>\S.{7,}?)\s*\((?i:photo(?:graph)?|picture|image)s?\s+(?i:by)\s+"
    r"(?P<credit>[A-Z][^()]{1,60})\)$"
)
# ... or without brackets, after the caption's last sentence: "Fidel Edwards celebrates
# the victory. Photograph by Jane Roe / AFP."
GLUED_PHOTO_BY = re.compile(
    r"^(?P<caption>\S.{7,}?[.!?\"”’])\s+(?i:photo(?:graph)?|picture)s?\s+(?i:by)\s+"
    r"(?P<credit>[A-Z][^()]{1,60}?)\.?$"
)
# What a caption's brackets may say of its photo that names no one: "Pervez Musharraf (file
# photo)" is a caption whose credit the page does not give (captions._credited).
NO_ONE_CREDITS = frozenset({"file", "archive", "archives", "stock"})
# A caption ending in its credit in brackets, the bracket naming it a credit: "Police tape
# (Photo: stock photo)", "... (Photo/WLWT)", "... (Photo courtesy of Jane Roe)", "...
# (Courtesy: Jane Roe)", "... (Sheriff's Office / Courtesy photo)", "... (WISH photo)",
# "... (via 7NEWS)". Lower-case credits too; "(left)" or "(photos taken Monday)" is no credit.
PAREN_PHOTO_CREDIT = re.compile(
    r"^(?P<caption>\S.{7,}?)\s*\("
    r"(?P<pre>(?i:photo(?:graph)?|picture|image)s?"
    r"(?:\s*[:/]\s*|\s+(?i:courtesy)(?:\s+(?i:of))?\s*:?\s*)|"
    r"(?i:courtesy)(?:\s+(?i:of))?\s*[:,]?\s*|(?i:via)\s+(?=[A-Z0-9]))?"
    r"(?P<credit>[^()\s][^()]{1,80}?)"
    r"(?(pre)|(?P<post>\s*/\s*(?i:courtesy|file)(?:\s+(?i:photo))?|\s+(?i:photo)))\)$"
)  # a label before the credit (pre) or after it (post): one of the two
# A caption credited to a station in brackets, by its call sign or its network's brand,
# perhaps with its channel and a word or two: "The shooting happened at the bus station on
# Monday afternoon. (WSMV)", "... (KOCO 5)", "... (WUSA9)", "... (KTVA CBS 11 News)", "...
# (FOX10 News)" (a paragraph says "(WSMV) -" where it starts).
CALL_SIGN_CREDIT = re.compile(
    r"^(?P<caption>\S.{7,}?)\s*\((?P<credit>(?:[KW][A-Z]{2,3}(?:-TV)?|"
    rf"{_NETWORK}\s?)"
    r"\d{0,2}(?: (?:[A-Z][A-Za-z]*|\d{1,2})){0,3})\)$"
)
# A caption ending in its credit in brackets: a photographer's name and the outlet (or
# "Staff") with a slash between, either way round, perhaps printed twice: "... in the Old
# Town neighborhood. (Erin Hooley / Chicago Tribune) (Erin Hooley / Chicago Tribune)",
# "... at Doubles bar in Hamilton. (Jordyn Huffman/Staff)", "(Northeast News/Angie
# Rosete)". The caption is a sentence; each side of the slash capitalised words, one of
# them two words or more (a party and a state, "(D/Texas)", is no credit), or one a
# picture agency's ("(Ferrey/WireImage)"); or a chain of three or four credits
# ("(NASA/JPL-Caltech/ASU)").
_CREDIT_SIDE = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}?"  # as few words as the end allows
# ... the photo's date after the credit, the brackets spaced: "( Michael Lavine/ FOX /
# March 8, 2007)"
_CREDIT_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d"
_CREDIT_SHAPE = (
    r"(?=[^/()]* [^/()]*/|[^()]*/[^/()]* |[^()]*/[^()]*/|[^()]*(?:Image|Photo|Picture)s?\))"
)
_SLASHED_SIDES = rf"{_CREDIT_SHAPE}{_CREDIT_SIDE}(?: ?/ ?{_CREDIT_SIDE}){{1,3}}"
SLASH_CREDIT = re.compile(
    r"^(?P<caption>\S.{7,}?[.!?\"”’])\s*"
    rf"\( ?(?P<credit>{_SLASHED_SIDES})"
    rf"(?: ?/ ?{_CREDIT_DATE})? ?\)"
    r"(?:\s*\((?P=credit)\))?$"
)
# A gallery's or a video's item scraped as one line prints its caption twice, each time
# with its credit in brackets: "<title> <credit> <caption> <caption> (<credit>)
# (<credit>)" (a photo), "<title> <caption> (<credit>) <caption> (<credit>) See more
# videos" (a video), as the Chicago Tribune's and the Baltimore Sun's pages do (captions.
# gallery_item); the title and the first caption may be missing, and the one caption left
# then stands before its credit printed twice. BRACKETED_SLASH_CREDIT finds each credit;
# the player's link is cut first.
BRACKETED_SLASH_CREDIT = re.compile(rf"\( ?(?P<credit>{_SLASHED_SIDES}) ?\)")
VIDEO_PLAYER_LINK = re.compile(r"\s+see more videos$", I)
# ... or after a bar, with no brackets, perhaps a handout's through an agency: "Police
# investigate the scene in Logan Square. | Sam Charles/Sun-Times", "... in Champaign. |
# Holly Hart/The News-Gazette via AP".
BAR_SLASH_CREDIT = re.compile(
    r"^(?P<caption>\S.{7,}?[.!?\"”’])\s*\|\s*"
    rf"(?P<credit>{_CREDIT_SIDE} ?/ ?{_CREDIT_SIDE}(?: via (?:AP|AFP|Reuters|Getty Images))?)$"
)
# ... or such a credit alone on its line, under a sentence: "(Richard Lam/Canadian
# Press)", "Leader-Post/Bryan Schlosser", "Shayne Dwyer/WDBJ7" (a breadcrumb's "Local
# News / Crime" stands under no sentence). The sentence is its caption when it places the
# people in the picture (CAPTION_POSITION); else it is a paragraph the photo stood beside.
SLASH_CREDIT_LINE = re.compile(
    rf"^(?P<open>\()?(?P<credit>{_CREDIT_SHAPE}{_CREDIT_SIDE}(?: ?/ ?{_CREDIT_SIDE}){{1,3}}?)"
    r"(?:\s+(?P=credit))*(?(open)\))$"  # printed again: "Joel Hilton/WAVY Joel Hilton/WAVY"
)
SLASH_CREDIT_LINE_MAX_CHARS = 160  # four credits of 40 characters; paragraphs are longer
# ... or a photographer's name, then the agency that sells the picture, between bars:
# "Natalie Naccache | Bloomberg | Getty Images", "Jane Roe | AFP | Getty Images", "Jane Roe
# | Reuters" (CNBC's layout). A menu's last item is no picture agency.
BAR_CREDIT_LINE = re.compile(
    rf"^(?P<credit>{_CREDIT_SIDE}(?: \| {_CREDIT_SIDE})? \| {_PICTURE_AGENCY})$"
)
# Where a caption places someone in the picture: "Sami Salo, left, gets squeezed out",
# "general manager Eric Tillman (right) and Austin", "second from left".
CAPTION_POSITION = re.compile(
    r"[,(]\s*(?:(?:second |third )?(?:from )?(?:left|right)|cent(?:er|re)|top|bottom|"
    r"foreground|background|front|rear)\s*[,)]",
    I,
)
# A photo taken from a social network or given by the family, credited so in brackets
# after its caption: "Sarah Bonner, 24, died after being shot in the eye at a gun range.
# (Facebook)", "... (Family photo)", "... (Handout)"; or a mugshot, credited to the
# sheriff, police or jail that took it: "Larry Zamora, 37. (Tulare County Sheriff's
# Office)", "... police said. (Crawford County Jail)", a widget's copy of the credit after.
PHOTO_SOURCE_CREDIT = re.compile(
    r"^(?P<caption>\S.{7,}?[.!?\"”’])\s*\((?P<credit>Facebook|Instagram|Twitter|"
    r"Family photo|Handout|(?i:(?:family|police) handout)|GoFundMe|"
    r"(?:[A-Z][\w.'’&-]*\s){1,5}(?:Sheriff['’]s Office|Police Department|Jail|"
    r"Detention Center|Department of Corrections))\)(?:\s*\((?P=credit)\))?$"
)
# A caption, the photo gallery's expand control, then the credit (the control's label was
# scraped with the text around it): "The shooting happened near the park, police said. View
# Full Caption DNAinfo/Jane Roe", "Crews at the scene. Enlarge this image Shutterstock"
GALLERY_CONTROL_CREDIT = re.compile(
    rf"^(?P<caption>\S.{{7,}}?[.!?\"”’)])\s+{PHOTO_CONTROL}\s+(?P<credit>[A-Z].{{0,60}})$"
)
GALLERY_CONTROL_NEEDS = ("caption", "image", "photo")
# ... or the widget's "Buy Photo" button around a caption ending in its credit in brackets
# (Gannett's layout): "Buy Photo Members of the Montgomery Police Department attempt to
# calm the situation ... (Photo: Shannon Heupel/Advertiser)Buy Photo".
BUY_PHOTO_CAPTION = re.compile(
    rf"^(?:{PHOTO_CONTROL}\s+)?(?P<caption>\S.{{7,}}?)\s*\((?i:photo)s?\s*:\s*"
    rf"(?P<credit>[^()]{{1,80}})\)\s*{PHOTO_CONTROL}$"
)
# A caption printed with its widget's buttons is one however long: up to
# LONG_CAPTION_MAX_WORDS words (captions._credited; the layouts' rule names).
WIDGET_LAYOUTS = frozenset({"gallery_control_credit", "control_before_caption", "buy_photo"})
# The credit, the widget's controls, then the caption: "THE BLADE/JEREMY WADSWORTH
# Enlarge | Buy This Photo Alex and Susan Craig talk about ...". The credit is a name and
# an outlet (a slash between) or a name in capitals; the caption starts a sentence.
CREDIT_WORD = r"(?!(?i:buy|enlarge)\b)[A-Z][\w.'’&-]*"  # not one of the controls' words
CONTROL_BEFORE_CAPTION = re.compile(
    rf"^(?P<credit>{CREDIT_WORD}(?:[ /]+{CREDIT_WORD}){{0,7}})\s+"
    rf"(?:(?i:enlarge)\s*\|\s*)?{PHOTO_CONTROL}\s+(?P<caption>[A-Z\"“].{{10,}})$"
)
# A slideshow's photo as one line: its credit, the widget's controls, then the caption
# (captions._gallery_widget): "Photo: Paul Hart, Getty Images Image 1 of / 1 Caption Close
# Image 1 of 1 An 11-month-old girl ...".
GALLERY_WIDGET = re.compile(
    r"^(?:photo|image)s?\s*:\s*(?P<credit>.{0,80}?)\s*(?:/\s*)*"
    rf"{SLIDE_COUNTER}\s+caption close\s+(?P<caption>\S.*)$",
    I,
)
# ... or a story card's: its headline, the caption's controls, the caption, then the
# headline again with the story's summary ("Baby, man killed in shooting [ ] Hide Caption
# [ ] Show Caption An 11-month-old baby and ... Sunday afternoon. News Baby, man killed in
# shooting An eight-month-old ..."). The caption is what stands between the controls and
# the headline's repeat, up to its last full stop (a section's name, "Local News", cut).
CAPTION_CARD = re.compile(
    r"^(?P<headline>\S.{9,200}?)\s*(?:\[\s*\]\s*)?(?i:hide caption)\s*(?:\[\s*\]\s*)?"
    r"(?i:show caption)\s+(?P<rest>\S.*)$"
)
CAPTION_END = re.compile(r"^.*[.!?)\"”’]")
# The slideshow's controls alone, perhaps its first photo's credit before them ("Photo:
# Houston Chronicle Image 1 of / 12 Caption Close"), its captions on the lines below
# (SLIDE_LINE).
GALLERY_CONTROLS = re.compile(
    rf"^(?:(?:photo|image)s?\s*:\s*.{{0,80}}?)?{SLIDE_COUNTER}\s+caption close$", I
)
CREDIT_AGAIN = re.compile(r"\s(?:photo|image)s?\s*:\s", I)  # where the widget's caption ends
# A photographer's credit alone on its line between headline and body, where pages print
# it above the caption or with no caption at all: "photo by Ros O'Gorman", "AP Photo/Duane
# Burleson, File", "Tracy Glantz/tglantz@thestate.com" (two names, or a name and an
# address, either side of the slash: "News/Politics" is a section), "Kevork Djansezian,
# file" (a name and ", file": the wire's mark of an archive picture)
PHOTO_CREDIT_ALONE = re.compile(
    r"^(?:(?i:photo(?:graph)?s?|pictures?|images?)\s+(?i:by)\s+"
    r"(?P<by>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*/\s*[A-Z][\w.'’ -]{1,30})?)|"
    r"(?P<slash>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*"
    r"(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}|[\w.+-]+@[\w-]+\.[\w.]+))"
    r"(?:,\s*(?i:file|pool|handout))?|"
    r"(?P<file>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s*(?i:file))$"
)
# Speed-up only: WIRE_CREDIT never matches a line without one of these (case-sensitive).
WIRE_CREDIT_NEEDS = ("AP", "AFP", "Reuters", "REUTERS", "EPA", "Getty")
# "Picture taken January 8, 2012." is part of the agency boilerplate in wire captions.
WIRE_BOILERPLATE = re.compile(r"\s*Picture taken [^.]{3,40}\.\s*$")
# A short caption is at most this many words; a wire caption is longer than that.
CAPTION_MAX_WORDS = 45
# ... and a long one, two long sentences, as a picture agency writes them (who, where,
# when, what it was about) and as the Chicago Tribune's galleries print them.
LONG_CAPTION_MAX_WORDS = 2 * CAPTION_MAX_WORDS
# A line under a photographer's credit is its caption from this many words (a label is not).
CAPTION_MIN_WORDS = 5
# Captions printed with a label and no credit, the Daily Mail's layout: "Ambushed: Jeremy
# Lewis, of Fullerton, was carjacked and shot dead early on Tuesday in California". The
# label is one to five words; the caption after it is a clause of LABELLED_CAPTION_MIN_WORDS
# or more, in sentence case, with no full stop at its end, written in full: with an
# article or a form of "be" (FULL_CLAUSE), which headlines leave out ("San Leandro: Fatal
# stabbing during armed robbery attempt may be self-defense, police say" is another
# story's headline). A page captions its photos this way when it prints
# LABELLED_CAPTIONS_MIN of them beside its prose. In a run of them, a line without a label
# that says what the photo shows (PICTURED) is a caption too: "Trinity (pictured left and
# right) was just 15 years old when she was gunned down at a restaurant".
LABELLED_CAPTION = re.compile(
    r"^(?P<label>[A-Z][\w'’-]*(?: [\w'’-]+){0,4}): (?P<caption>[A-Z0-9‘'“\"].+)$"
)
LABELLED_CAPTION_MIN_WORDS = 7
# ... or a caption under the word itself: "Caption: The Rolling Stones have signed ...".
CAPTION_WORD_LABEL = re.compile(
    r"^(?i:(?:photo |image |picture )?caption)\s*:\s*(?P<caption>\S.+?)(?P<credit>)$"
)
LABELLED_CAPTIONS_MIN = 3
# A line under the headline ending in a credit in brackets after its words ("...
# injured 3 at an MLK Day celebration. (CNN Affiliate WPLG)", "(Family photo/WFLA)",
# "(WALB image)"), or saying what a photo shows ("sent us this photo", "booking photo",
# "in a photo from WNCT"): a photo's caption, not the standfirst (captions.dek_caption).
DEK_BRACKET_CREDIT = re.compile(r"^(?P<caption>\S.{15,}?)\s*\((?P<credit>[A-Z][^()]{1,60})\)$")
# ... not a clip's stamp or a link's label in brackets: "(Published 48 minutes ago)", "(Video)"
BRACKET_NOT_CREDIT = re.compile(
    r"(?:published|posted|updated|video|audio|photos?|graphic|map|live|watch|opinion|"
    r"analysis)\b\W*$|(?:published|posted|updated)\b",
    I,
)
# A line speaking of the photo beside it (captions._photo_phrase_captions): "Photo from
# the scene of ...", "... is pictured in this photo provided to FOX Carolina by family.",
# "... in this undated photo provided by the family".
PHOTO_PHRASE = re.compile(
    r"^(?:photo|image|picture)s? (?:of|from) (?:the )?(?:scene|a|an|the)\b|"
    r"\b(?:is|are) (?:pictured|shown|seen) (?:here )?in (?:this|a|the) (?:undated |file )?"
    r"(?:photo|picture|image)\b|"
    r"\bin (?:this|an?) (?:undated |file |family )?(?:photo|picture|image) "
    r"(?:provided|released|taken|posted|obtained|courtesy)\b",
    I,
)
PHOTO_WORD = re.compile(r"\b(?:photo(?:graph(?:er)?)?s?|image|picture|courtesy)\b", I)
PHOTO_WORDS = re.compile(
    r"\b(?:this|the|a|booking|file|family) (?:photo|picture|image)s?\b|"
    r"\bphotos? (?:of|from|provided|courtesy)\b|\bsent us this\b",
    I,
)
FULL_CLAUSE = re.compile(r"(?<!\.)\b(?:a|an|the|is|are|was|were|been|being)\b(?!\.)", I)
PICTURED = re.compile(
    r"\bpictured\b|^(?:above|below|inset)\b|"
    r"\((?:[a-z]+ )?(?:left|right|cent(?:er|re)|front|back|top|bottom|above|inset)\)",
    I,
)
# A clause in title case ("Star Wars Jedi: Fallen Order Around the Office Reviews"): more
# than this share of its words capitalised.
TITLE_CASE_SHARE = 0.6
# ... and, when it is the body's first line, a caption only if the lede under it (within
# this many lines) opens with a dateline: "Martz in action. / SAN FRANCISCO -- Mike ..."
CAPTION_LEDE_LINES = 3

# A web address alone on its line: a link, never a headline or a paragraph.
WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", I)

# --- Sentence shape -------------------------------------------------------------------------
# The wire's credit in brackets after the story's last stop: "(Editing by Sami Aboudi)",
# "(Reporting by Tom Ashby; Editing by X)".
GLUED_WIRE_CREDIT = r"\((?i:(?:additional )?reporting|writing|editing|edited) by [^()]{3,120}\)"
# (a character the page's encoding lost, U+FFFD, may follow it: "... is unknown.�")
# A sentence ends in its stop, perhaps with the wire's sign-off after it on the story's last
# line ("... the presidency said. AFP", "... said. - (ANI)") or a prompt glued to it
# (GLUED_TAIL_PROMPT, cut from the paragraph), or the wire's credit (GLUED_WIRE_CREDIT).
SIGNOFF_AGENCY = (
    r"(?:AFP|AP|Reuters|REUTERS|PTI|IANS|ANI|UPI|Xinhua|dpa|AAP|APP|IRNA|Bernama|Yonhap)"
)
SENTENCE_END = re.compile(
    rf"[.!?…](?: ?[\"'”’)\]])*(?:\[\d{{1,3}}\])*"  # an encyclopedia's reference marks: ".[17]"
    rf"(?:\s*[-—–]*\s*(?:\({SIGNOFF_AGENCY}\)|{SIGNOFF_AGENCY})|"
    rf"\s+{GLUED_TAIL_PROMPT}|\s+{GLUED_WIRE_CREDIT})?\ufffd?$"
)
# One sentence ending and the next beginning inside a line.
SENTENCE_BREAK = re.compile(r"\w{2}[.!?][\"'”’)\]]*\s+[\"“'‘]?[A-Z]")
# A line this long with a sentence break inside is a paragraph, never a link.
RUNNING_TEXT_WORDS = 50
# A video player's carousel item run into one line: the clip's title, its summary (often
# twice) and the carousel's button, "... (WGN-TV) See more videos" (furniture.
# drop_video_carousels; an item whose summary ends in a photographer's credit is a caption:
# captions.find_captions, rule gallery_item).
VIDEO_CAROUSEL = re.compile(r"\bsee more videos\W*$", I)
LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪►]|\d{1,2}[.)])\s+")
# ... or a dash or bullet glued to its item ("-Black archangel gun", "•Joshua Agosto, 25"),
# which marks a list only where a line ending in a colon announces one (block._announced_items).
GLUED_LIST_ITEM = re.compile(r"^\s*[-•▪►](?=[A-Z0-9])")
# A bullet before a line (no number): a page that sets its head's byline and date as the
# items of a list ("- Debbie White", "- 18 Nov 2019, 19:09") is read without it.
BULLET = re.compile(r"^\s*[-*•·▪►]\s+")
WORD = re.compile(r"\w+(?:['’]\w+)*")

# --- where the event happened ------------------------------------------------------------------
# An address as police and local reports give it: "the 6700 block of South Wabash Avenue",
# "the 2,100 block of Post Road": a block number (a multiple of 100), then the street,
# whose direction word is left out ("South", "NW"). Streets named by an ordinal are
# written one way ("Third Street" and "3rd Street" are one street).
BLOCK_ADDRESS = re.compile(
    r"(?<![\d,])(\d[\d,]*00) block of (?:(?:[NS][EW]?|[EW])\.? |"
    r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest) )?"
    r"([A-Z0-9][A-Za-z0-9]+)"
)
# ... and a headline's house number and street, as police releases title them
# ("Investigation into Fatal Shooting at 9780 Bissonnet", "... at 4000 Law Street"): the
# number is read as the block (NEAR_BLOCKS in cluster.py allows for it).
# An embedded tweet's signature, under its text: "— Rep. Jane Roe (@JaneRoe) November 19,
# 2019". The tweet is a quote the article makes; its text is the few lines above
# (TWEET_TEXT_LINES at most), or the signature's own line before it ("Killed in the line
# of duty pic.twitter.com/STezF6DikZ — Maria Medina (@mariaCBS13) October 25, 2014").
_TWEET_SIGNED = (
    r"[—–-]\s*\S.{0,60}\(@\w{1,15}\)\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+\d{4}$"
)
TWEET_SIGNATURE = re.compile(rf"^{_TWEET_SIGNED}")
SIGNED_TWEET = re.compile(rf"\S\s+{_TWEET_SIGNED}")
TWEET_TEXT_LINES = 3
HOUSE_ADDRESS = re.compile(r"\bat (\d{3,6}) ([A-Z][a-z]+)(?: [A-Z][a-z]+){0,2}\b")
ORDINAL_STREETS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
    "eleventh": "11th", "twelfth": "12th",
}  # fmt: skip

# --- What each rule name means, for `digest explain` ------------------------------------------
RULE_NOTES: dict[str, str] = {
    **{r.name: r.why for r in FURNITURE},
    "repeated_line": "same text as an earlier line (headline or caption printed twice)",
    "dated_teaser": "another story's headline printed twice, the second time with its date",
    "doubled_list": "a list of other stories, each item printed twice in a row (link, summary)",
    "lede_summary": "the article's summary printed over its lede in nearly the same words",
    "list_label": "label of a list of links to other articles",
    "short_label": "short label with no sentence (menu item, button, section name)",
    "link_list": "headline-shaped lines in a list of links to other articles",
    "shouted_link": "a long headline in capitals between two paragraphs: a link to another story",
    "labelled_link": "a headline behind a label and a colon between two paragraphs: a link",
    "bare_photo_credit": "a photo's credit alone in the body, the photo not in the page",
    "stray_headline": "a headline alone between paragraphs that share no words with it: a link",
    "place_line": "a place and its country in capitals alone over the lede: the dateline",
    "clip_link": "a line between paragraphs bidding the reader watch, hear or see a clip",
    "after_signoff": "after the article's closing credit line",
    "headline_above_body": "headline-shaped line above the body that the body talks about",
    "headline_over_points": "the page's first line, over summary points printed without bullets",
    "headline_opens_page": "the page's first line, a headline ended as a sentence, over the lede "
    "or a date line",
    "glued_headline": "the headline again, with a breadcrumb or label glued in front of it",
    "kicker": "a short label above the headline (a series, section or event): its kicker",
    "fixture_label": "an event named by its parts over the headline ('Third Test, day two, Old "
    "Trafford'): its kicker",
    "series_label": "the label of the series or coverage the story belongs to, under its headline",
    "subhead": "short line between two paragraphs: a section heading",
    "company_boilerplate": "a company describing itself at the end of a press release",
    "story_card": "a card of the site's other stories over the story, printed twice in a row",
    "abstract": "a summary printed over a station's story, above the lede that opens with its "
    "credit",
    "dashed_lede": "the lede over the body, opening with a dash where its dateline was or "
    "before it",
    "pictured_caption": "a clause without a final stop that says what the photo shows",
    "list_over_body": "a labelled list of other stories between the head and the body",
    "teaser_box": "a box of another story: its label, its headline and its blurb cut short",
    "headline_card": "the story's card: its headline, its section and its summary on one line",
    "cut_blurb": "another story's blurb the site cut short in mid-phrase, one of several",
    "caption_under_headline": "a photo's caption under the headline, where a standfirst would be",
    "photo_phrase": "a line speaking of the photo beside it ('in this photo provided by ...')",
    "glued_card": "a promo card: a headline in title case run into its blurb on one line",
    "transcript_line": "a transcript's turn under the body, its speaker named in the body's "
    "last lines",
    "closing_line": "short sentence right under the body: its closing line",
    "signoff_name": "a dash and the writer's name alone under the story: its sign-off",
    "quoted_line": "a line under the body that goes on with a quote left open above it",
    "quote_intro": "a clause ending in a colon under the body, over the quote it announces",
    "standfirst_page": "a page with no prose but a headline and a standfirst: the standfirst",
    "video_carousel": "a video player's item: a clip's title and summary over 'See more videos'",
    "announced_list": "list announced by a line ending in a colon in the body, above or under it",
    "comment_thread": "start of the comment thread: nothing below it is the article",
    "outside_article": "above the headline or below the article's last paragraph",
    "opening_sentence": "a short sentence between the head and the body: the story's first",
    "before_article": "between headline and body, and not a dek, byline, date or caption",
    "between_headline_and_lede": "standfirst between headline and lede",
    "dek_furniture": "the page's furniture where a standfirst would stand: a share strip, a "
    "player's controls, attached files, a bare address",
    "dek_after_headline": "the headline printed again with the standfirst run into it",
    "highlights": "summary points listed under the headline: the story's highlights",
    "highlights_label": "the label over the story's highlights ('Story Highlights')",
    "result_line": "a game's result between its report's headline and lede: a highlight",
    "paren_photo_credit": "a caption ending in its credit in brackets: (Photo: X), (Photo/X)",
    "slash_credit": "a caption ending in its credit in brackets: (Jane Roe / Harbour Times)",
    "gallery_item": "a gallery's or a video's item, its caption printed twice with its credit",
    "caption_over_highlights": 'a caption and credit, then "Story Highlights" and a point',
    "labelled_caption": 'a caption after a label, among the story\'s paragraphs: "Ambushed: ..."',
    "lost_dateline": "the dash that opened the lede, its dateline left out by the page",
    "embedded_tweet": "a tweet the article quotes: its text and its signature",
    "post_embed": "a social post's embed: who posted it, by handle, and when",
    "page_title": "the page's own title line at the top of the dump (no headline near the body)",
    "call_sign_credit": "a caption ending in a station's call sign or brand in brackets: (WSMV)",
    "advert_units": "advertisers' text links: title, blurb, web address, under an ad label",
    "video_list": "a video playlist: clip lengths before clip titles",
    "video_transcript": "a video's caption track (WEBVTT, or a long run of capitals) beside "
    "the story's own paragraphs",
    "date_stamps": "a line of labelled date stamps (posted, updated)",
    "headline_stamps": "the headline printed with its labelled date stamps",
    "date_line": "a date stated on its own line",
    "date_over_headline": "a date line a few lines over the headline, when the head states none",
    "agency_line": "news agency or staff credit on its own line",
    "staff_line": "staff or agency credit above the body",
    "source_line": "agency, source or contact credit",
    "copyright_line": "the first copyright line under the article: who owns its text",
    "teaser_list": "list of teasers: headline, one-line summary, headline, summary, ...",
    "name_line": "a name alone above the body: the byline",
    "names_line": "names joined by 'and' above the body, perhaps with the outlet: the byline",
    "outlet_line": "an outlet's name beside the byline or date above the body",
    "dateline_line": "dateline on its own line, before the lede",
    "contributed_line": "'X contributed to this report' credit",
    "signoff_line": "'— X, Publication': the writer's sign-off under the story",
    "writer_note": "'X is a staff writer for Publication': who the writer is, under the story",
    "republished": "'This article originally appeared on X': where the text was first published",
    "writer_mail": "the writer's e-mail address alone under the story ('jane.roe@example.com')",
    "contact_line": "the writer's contact line under the story ('Contact X at x@example.com')",
    "about_the_author": "the box about the writer under the story ('About the Author')",
    "writer_bio": "who the writer is and what they write about: the writer's credit",
    "reporting_by": "'Reporting by X', 'Contributing: X' credit",
    "files_from": "'with files from X' credit",
    "correspondent_line": "'Jane Doe in Place': a correspondent's byline",
    "byline": "'By X' byline",
    "staff_byline": "'By <publication> Staff' byline: the newsroom's credit, naming the outlet",
    "video_title": "a clip's title over its caption between the story's paragraphs",
    "byline_in_tools": "'By X' among the page's tools (print, text size, comment count)",
    "byline_stamped": "'By X <time stamp> <section>': byline and publication date on one line",
    "name_under_byline": "a name alone under the 'By' byline: a photo's credit or subject",
    "byline_dated": "'by: X Updated: <date>', '<date> by X', 'Posted by X on <date>': "
    "byline and its date on one line",
    "fact_box": "a name under a review's fact-box label ('directed by'): the work's, no writer",
    "caption_label": "a caption under the label 'Caption:'",
    "posted_in": "a blog post's 'posted in <category> on <date>' line, perhaps 'on behalf of X'",
    "byline_aged": "'By X - 18 hours ago': byline and its age on one line",
    "byline_parts": "'By X | <date> | <time>': a byline and its date in parts between bars",
    "photo_widget": "a photo's credit or its widget where a standfirst would stand",
    "announces_body": "a line announcing what follows, right above the body: its first paragraph",
    "promo_line": "the outlet's prompt after the story: follow, watch, read or download next, "
    "or check back for its updates",
    "split_paragraph": "the rest of the paragraph above, which the page broke across two lines",
    "paragraph_furniture": "an advert's label, a 'Click here' link or a share prompt cut from "
    "the paragraph",
    "photo_source_credit": "a photo caption credited to where the photo came from: (Facebook)",
    "gallery_widget": "a slideshow's photo as one line: credit, controls, caption",
    "lede_stamp": "the story's date stamped before its first paragraph, cut from it",
    "slide_caption": "a slideshow's caption with its counter",
    "slide_teaser": "a slideshow's caption printed again, cut off",
    "short_lede": "a short first paragraph that opens with its dateline, right above the body",
    "collapsed_caption": "a caption cut short before its '... more' button, under it in full",
    "credit_first": "a photo caption after its agency credit in brackets",
    "slash_credit_end": "a photo caption ending in its credit, a name and the paper after a slash",
    "buy_photo": "a photo caption inside its widget's 'Buy Photo' buttons, its credit in brackets",
    "glued_gallery": "a gallery's captions after their credits run into one line, ending "
    "'Previous Next'",
    "retold_paragraph": "a paragraph printed again, in full or its opening sentences, its "
    "punctuation or a word's ending aside",
    "glued_captions": "several photos' captions run into one line, each closed by its "
    "credit in brackets: '... in Brooklyn. (Jane Roe/Daily News) Police ... (Jane Roe/Daily News)'",
    "slash_credit_first": "a photo caption after its credit ('Jane Roe/Daily News <caption>', "
    "'Jane Roe for The Globe <caption>')",
    "staff_credit_end": "a photo caption ending in its staff photographer's credit in capitals",
    "rights_first": "a photo caption after its rights notice ('© Jane Roe <caption>')",
    "rights_end": "a photo caption before its rights notice ('<caption> © Agency / Jane Roe')",
    "rights_notice": "a line opening with the rights sign: a rights notice, not the story's",
    "gallery_link": "'Photos: <what they show>': a link to a photo gallery, no credit",
    "beat_line": "a beat or desk under the byline ('State Department'): credit, no person",
    "named_in_story": "a name above the body that the story names: a caption or cast, no byline",
    "name_handle": "'Jane Roe @janeroe': a name and its social-media handle above the body",
    "credit_line": "photo caption with its credit on the next line",
    "credit_without_caption": "photo credit with no caption above it",
    "glued_credit": "photo caption with its credit glued on",
    "bracket_credit": "photo caption ending in its agency credit in square brackets",
    "gallery_control_credit": "photo caption, the gallery's expand control, then its credit",
    "wire_credit": "agency (wire) caption ending in its photo credit",
    "photo_by_credit": "photo caption ending in '(Photo by X)'",
    "glued_photo_by": "photo caption ending in its credit: '... Photograph by X / AFP.'",
    "photo_taken": "an agency's caption: 'Photo taken on <date> shows ...', its credit in brackets",
    "tag_list": "the article's own tag list, next to it: kept as its tags",
    "photo_credit_line": "photographer's credit between headline and body, with no caption",
    "credit_above_caption": "photographer's credit between headline and body, and its caption",
    "bar_slash_credit": "caption ending in its photographer's credit after a bar (' | Jane Roe/"
    "Sun-Times')",
    "agency_caption": "a short sentence with a picture agency's name after its full stop, the "
    "story's prose under it: a photo's caption and its credit",
    "dateline": "paragraph opening with a dateline",
    "lede_credit": "paragraph opening with an outlet's or agency's name in brackets: '(CNN) -'",
    "table": "a table of figures printed one cell per line, between the article's paragraphs",
    "table_outside": "a table of figures printed one cell per line, but not inside the article",
}
