"""Read stage: decoding, repairs, front matter, and a reason for every rejection."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.models import RawDocument, Rejected
from generator.read import read_all, read_seed, seed_files

TEXT = "Héllo “world” — café\nSecond line.\n"


def _read(tmp_path: Path, data: bytes, name: str = "a.txt", limit: int = 10**6):
    path = tmp_path / name
    path.write_bytes(data)
    return read_seed(path, name, limit)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, data, encoding):
    doc = _read(tmp_path, data)
    assert isinstance(doc, RawDocument)
    assert doc.text == TEXT
    assert doc.encoding == encoding


def test_latin1_fallback_when_cp1252_cannot_decode(tmp_path):
    doc = _read(tmp_path, "caf\xe9 \x81".encode("latin-1"))
    assert isinstance(doc, RawDocument) and doc.encoding == "latin-1"
    assert doc.text.startswith("café")


def test_mojibake_is_repaired_and_recorded(tmp_path):
    doc = _read(tmp_path, "Kim’s train".encode().decode("cp1252").encode("utf-8"))
    assert isinstance(doc, RawDocument)
    assert doc.text == "Kim’s train"
    assert doc.repairs  # what ftfy did is kept


# What reading mends after ftfy (read.mend_text), by the repair it records. A tokeniser's
# spaces:
TOKENISER_SPACED = [
    ("a 59 - year - old driver", "a 59-year-old driver"),
    ("Woman Killed In Queens Hit - And - Run", "Woman Killed In Queens Hit-And-Run"),
    ("his co - workers and an ex - Mafia boss", "his co-workers and an ex-Mafia boss"),
    ("the Chiefs won 20 - 13 with a 7 - yard run", "the Chiefs won 20-13 with a 7-yard run"),
    ("a $2. 6 million heist in the U. S.", "a $2.6 million heist in the U.S."),
    ("shares rose 1. 2 percent", "shares rose 1.2 percent"),
    ("27 / 09 / 2013 - a two - party basis", "27/09/2013 - a two-party basis"),
    ("its first - ever vote, a well - known name", "its first-ever vote, a well-known name"),
    # a number word before a dash that opens an aside, and a fraction, stay
    ("he had three - and only three - chances", "he had three - and only three - chances"),
    ("won 3 / 4 of the seats", "won 3 / 4 of the seats"),
    # dashes, not hyphens: between clauses, around an aside, before a site's name or a time
    ("the man - who was 27 - fled", "the man - who was 27 - fled"),
    ("Teen shot in Hopewell - NBC12 - WWBT", "Teen shot in Hopewell - NBC12 - WWBT"),
    ("Updated: Feb 6, 2017 - 3:44 PM", "Updated: Feb 6, 2017 - 3:44 PM"),
    ("shot himself - KAIT", "shot himself - KAIT"),
    # a sentence's end before a number, and a person's initials, stay as printed
    ("It closed in 2008. 6 people lost jobs", "It closed in 2008. 6 people lost jobs"),
    ("said Pastor C. A. Deckard", "said Pastor C. A. Deckard"),
    ('told her, "said Unique Armstead', 'told her," said Unique Armstead'),
    ("gon na go at 3:33 a. m., Deadline. com said", "gonna go at 3:33 a.m., Deadline.com said"),
    ("a 45 - caliber handgun", "a 45-caliber handgun"),
    ("a fifteen - year worker on the third - floor", "a fifteen-year worker on the third-floor"),
    ("Al - Masry Al - Youm said he would re - think", "Al-Masry Al-Youm said he would re-think"),
    # a typed dash spaced out, and a quake's magnitude; a year before a number stays
    ("attack code - - to hijack their browser", "attack code -- to hijack their browser"),
    (
        "a 6. 4 - magnitude quake, a magnitude - 5. 9 temblor and 6. 1 on the Richter scale",
        "a 6.4-magnitude quake, a magnitude-5.9 temblor and 6.1 on the Richter scale",
    ),
    ("Built in 2008. 6 magnitude - 3 shocks", "Built in 2008. 6 magnitude-3 shocks"),
    # in a text the tokeniser spaced out: a clock, a closing quote, a plural's apostrophe
    ('a 43 - year - old at 8: 30pm: my innocence. "', 'a 43-year-old at 8:30pm: my innocence."'),
    ("a 43 - year - old got five years ' probation", "a 43-year-old got five years' probation"),
    # ... not in a text it did not touch
    ("Score at the half: 21 - 17, 8: 30 left", "Score at the half: 21-17, 8: 30 left"),
    ("Chapter 3: 16 people. He said", "Chapter 3: 16 people. He said"),
    # thousands, in a text the tokeniser spaced out; not a list's numbers, and not in
    # a text it did not touch (an age and an address)
    ("all - time: 2, 117 points, 22, 000 fans", "all-time: 2,117 points, 22,000 fans"),
    ("all - time high: rooms 101, 102 and 103", "all-time high: rooms 101, 102 and 103"),
    ("Jeffery Doby Jr., 19, 407 E. Tellico St.", "Jeffery Doby Jr., 19, 407 E. Tellico St."),
]
# Punctuation a page lost to "?":
LOST_PUNCTUATION = [
    # a text that lost its curly marks to "?": apostrophes, a dash, quotes
    ("DENVER (AP) ? Peterson?s grasp", "DENVER (AP) — Peterson’s grasp"),
    ("?They?re ready,? he said.", "“They’re ready,” he said."),
    ("Kim?s ?B? group, despite ?big efforts? on", "Kim’s “B” group, despite “big efforts” on"),
    ("It?s late. ?Where am I?? he asked.", "It’s late. “Where am I?” he asked."),
    # a question mark before a capital is the question's own, even inside a quote
    ("It?s over. ?Is it frustrating? A little.", "It’s over. “Is it frustrating? A little."),
    # with no lost apostrophe, quotes are not guessed; a lone "?" is still a dash
    ("?Where am I? Hello?", "?Where am I? Hello?"),
    ("two women ? were wounded", "two women — were wounded"),
    # ... unless a "?" follows a comma: no question's mark does, so the quotes were lost
    ("as ?Bowman? died. ?He slept,? she said.", "as “Bowman” died. “He slept,” she said."),
    ("Is it racist...? No, it is late.?", "Is it racist...? No, it is late.?"),
    # a quote closed after a question's mark, before a hyphen
    ("It?s ?fun? ? asks Tim, a ?Id?-type land", "It’s “fun?” asks Tim, a “Id”-type land"),
    # a page that lost each quote as two marks, and a word in capitals its apostrophe
    ("Allen?s ??Dream,?? or ??Vice?? to ??Ali.??", "Allen’s “Dream,” or “Vice” to “Ali.”"),
    ("Allen?s film. ALLEN?S DREAM", "Allen’s film. ALLEN’S DREAM"),
    # a plural's apostrophe and a dash between words, in a text that lost apostrophes
    ("It?s Fiennes? turn, the Phoenix?earned", "It’s Fiennes’ turn, the Phoenix—earned"),
    # a query's "?s=" and "?t=" are no apostrophes, and a question stays a question
    ("search.php?s=flood&t=1 Why?", "search.php?s=flood&t=1 Why?"),
    ("What is spiked ?", "What is spiked ?"),
    # a curly mark written in UTF-8, read as cp1252 and its last two bytes lost to "??"
    ("Canadaâ??s No. 1 story, the worldâ??s", "Canada’s No. 1 story, the world’s"),
    ("she said â??I need it,â?? and left", "she said “I need it,” and left"),
    ("It?s over. She said, â??Mine?â??, and left", "It’s over. She said, “Mine?”, and left"),
]  # fmt: skip
# Spaces a page lost or added, and typewriter quotes:
SPACING_AND_QUOTES = [
    ("West Philadelphia.It happened Friday.", "West Philadelphia. It happened Friday."),
    ("Alaska Gov.Sarah Palin attends", "Alaska Gov. Sarah Palin attends"),
    ("copy Extras , with Home and Away .", "copy Extras, with Home and Away."),
    ("worked out,'' Martin said. ``Most of them", "worked out,” Martin said. “Most of them"),
    # an address, a decimal, an ellipsis and a lone typewriter mark stay as printed
    ("by www.Areza.com and Amazon.Com Inc.", "by www.Areza.com and Amazon.Com Inc."),
    ("a .45 caliber gun ... and 5'11'' tall", "a .45 caliber gun ... and 5'11'' tall"),
    # a quote opened straight and closed with two apostrophes, closed straight; a single
    # quote's end inside it, and a quote opened so; a measure's inches stay
    ('"for my university,\'\' said Austin', '"for my university," said Austin'),
    ('"he said, \'Go?\'\'\' McGovern said', '"he said, \'Go?\'" McGovern said'),
    ("unlikely. ''The Congress is shocked,\" he", 'unlikely. "The Congress is shocked," he'),
    ('"Tall," she said of the 5\'11\'\' man', '"Tall," she said of the 5\'11\'\' man'),
]  # fmt: skip
MENDS = [
    *(("tokeniser spaces", printed, read) for printed, read in TOKENISER_SPACED),
    *(("lost punctuation", printed, read) for printed, read in LOST_PUNCTUATION),
    *(("spacing and quotes", printed, read) for printed, read in SPACING_AND_QUOTES),
]


def test_lost_quotes_shown_by_a_line_that_opens_with_one(tmp_path):
    """With no lost apostrophe or comma's mark, a line that opens with "?" before a capital
    and a "?" after a full stop show the quotes were lost; so was the dateline's dash."""
    doc = _read(tmp_path, b"Reno, Nev.? Jo White scored 20.\n?We can score again.?\n")
    assert isinstance(doc, RawDocument)
    assert doc.text.split("\n")[:2] == ["Reno, Nev. — Jo White scored 20.", "“We can score again.”"]
    alone = _read(tmp_path, b"?Where am I? Hello?\nReno, Nev.? Jo White scored.\n")
    assert isinstance(alone, RawDocument)
    assert alone.text.split("\n")[:2] == ["?Where am I? Hello?", "Reno, Nev.? Jo White scored."]


@pytest.mark.parametrize(("repair", "printed", "read"), MENDS)
def test_reading_mends_the_text_and_records_the_repair(tmp_path, repair, printed, read):
    doc = _read(tmp_path, f"{printed}\nSecond line.\n".encode())
    assert isinstance(doc, RawDocument)
    assert doc.text.split("\n")[0] == read
    assert (repair in doc.repairs) == (printed != read)


def test_curly_quotes_are_kept(tmp_path):
    doc = _read(tmp_path, "Kim’s “train”".encode())
    assert isinstance(doc, RawDocument) and doc.text == "Kim’s “train”"


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "a.txt", "empty file"),
        (b"   \n\n  ", "a.txt", "empty file"),
        (b"abc\x00def", "a.txt", "binary file"),
        (b"x" * 2000, "a.txt", "over the 1,000-byte limit"),
        (b"<p>hi</p>", "a.pdf", "unsupported file type '.pdf'"),
        (
            b"---\ntitle: [unclosed\n---\nBody.\n",
            "a.md",
            "front matter is not valid YAML at line 2",
        ),
        (b"---\ntitle: x\nBody never closes\n", "a.md", "never closed"),
        (b"---\ntitle: x\n---\n\n", "a.md", "front matter but no article text"),
    ],
)
def test_rejections_say_why(tmp_path, data, name, reason):
    result = _read(tmp_path, data, name, limit=1000)
    assert isinstance(result, Rejected)
    assert result.source == name
    assert reason in result.reason


def test_front_matter_overrides_and_body_line(tmp_path):
    data = (
        b"---\ntitle: 'Headline: with a colon'\noutlet: The Paper\npublished: 2024-05-01\n"
        b"credits: [A Writer, B Writer]\nignored: yes\n---\nBody text here.\n"
    )
    doc = _read(tmp_path, data, "a.md")
    assert isinstance(doc, RawDocument)
    assert dict(doc.meta) == {
        "title": "Headline: with a colon",
        "outlet": "The Paper",
        "published": "2024-05-01",
        "credits": ("A Writer", "B Writer"),
    }
    assert doc.text.strip() == "Body text here."
    assert doc.body_line == 8


def test_front_matter_keys_of_other_tools_are_read_when_digest_s_own_are_absent(tmp_path):
    data = (
        b"---\ndate: 2024-05-01\nauthor: A Writer\nsite_name: The Paper\n"
        b"description: What it means\ntitle: Own title\nheadline: Not this one\n---\nBody.\n"
    )
    doc = _read(tmp_path, data, "a.md")
    assert isinstance(doc, RawDocument)
    assert dict(doc.meta) == {
        "title": "Own title",
        "dek": "What it means",
        "outlet": "The Paper",
        "published": "2024-05-01",
        "credits": "A Writer",
    }


def test_front_matter_mappings_stand_for_their_name(tmp_path):
    data = (
        b"---\nauthor:\n  - {name: A Writer, url: 'https://a.example'}\n  - B Writer\n"
        b"  - {url: 'https://nameless.example'}\n"
        b"publisher: {'@type': Organization, name: The Paper}\n"
        b"description: {lang: en}\n---\nBody.\n"
    )
    doc = _read(tmp_path, data, "a.md")
    assert isinstance(doc, RawDocument)
    assert dict(doc.meta) == {"outlet": "The Paper", "credits": ("A Writer", "B Writer")}


def test_seed_files_are_recursive_sorted_and_skip_hidden_and_registries(tmp_path):
    for rel in ["b.txt", "a/z.txt", "a/b.txt", ".hidden.txt", ".git/x.txt", "outlets.yml"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("text")
    assert [s for s, _ in seed_files(tmp_path)] == ["a/b.txt", "a/z.txt", "b.txt"]


def test_read_all_yields_one_item_per_file(tmp_path):
    (tmp_path / "ok.txt").write_text("Some article text.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    items = list(read_all(tmp_path, 10**6))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Rejected", "bad.txt"),
        ("RawDocument", "ok.txt"),
    ]


def test_mixed_utf8_and_cp1252_is_repaired(tmp_path):
    data = "Kim’s train — “arrived”".encode() + " caf\xe9".encode("cp1252")
    doc = _read(tmp_path, data)
    assert isinstance(doc, RawDocument)
    assert doc.text == "Kim’s train — “arrived” café"
    assert doc.encoding in ("cp1252", "latin-1") and doc.repairs


HTML = b"""<html><head><title>Harbour plan approved - The Gazette</title>
<meta property="og:site_name" content="The Gazette"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-01T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour plan approved</h1>
<p>HALIFAX -- The city council voted on Tuesday to expand the harbour, ending a long debate.</p>
<p>Officials said construction would begin in the spring and last two years.</p></article>
<footer>Copyright 2024 The Gazette</footer></body></html>"""


def test_html_seed_is_read_from_its_markup(tmp_path):
    from generator.normalise import normalise

    doc = _read(tmp_path, HTML, "page.html")
    assert isinstance(doc, RawDocument) and doc.encoding == "utf-8"
    article = normalise(doc)
    assert article.title == "Harbour plan approved"
    assert (article.outlet, article.published, article.credits) == (
        "The Gazette",
        "2024-05-01",
        ("Jane Doe",),
    )
    assert article.dateline == "HALIFAX"
    assert article.paragraphs[-1].startswith("Officials said construction")
    assert not any("Home" in p or "Copyright" in p for p in article.paragraphs)


# A page with its furniture: a menu, a share prompt and a sign-up box inside the
# article, a list of related stories, a footer.
FURNISHED_HTML = b"""<html><head><meta charset="utf-8">
<title>Harbour plan approved | The Gazette</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour plan approved</h1>
<p class="dek">Work on the new quay starts in the spring</p>
<p class="byline">By Jane Doe</p>
<p>HALIFAX -- The city council voted on Tuesday to expand the harbour, ending a debate that
had run for two years.</p>
<p>Share this article</p>
<p>Officials said construction would begin in the spring and last two years, at a cost of 40
million dollars.</p>
<p>Fishing crews, who had opposed an earlier plan, said they could live with this one.</p>
<div class="related"><h3>Related stories</h3><ul><li><a href="/a">Council to vote on harbour
plan</a></li><li><a href="/b">Fishing crews protest at city hall</a></li>
<li><a href="/c">New ferry route announced</a></li></ul></div>
<p>Sign up for our newsletter to get the day's news in your inbox.</p>
</article><footer>Copyright 2024 The Gazette</footer></body></html>"""


def test_html_body_is_the_pages_lines_read_as_a_dump(tmp_path):
    """An HTML page's text is its lines, one per block, a list item's with "- ", as a
    scraper's dump has them: the normaliser reads the head and body off them and leaves
    out the furniture, and every line has its verdict (what `digest explain` prints)."""
    from generator.normalise import normalise

    doc = _read(tmp_path, FURNISHED_HTML, "page.html")
    assert isinstance(doc, RawDocument)
    assert doc.text.split("\n")[:2] == ["- Home", "- News"]
    article = normalise(doc)
    assert (article.title, article.dek, article.credits, article.dateline) == (
        "Harbour plan approved",
        "Work on the new quay starts in the spring",
        ("Jane Doe",),
        "HALIFAX",
    )
    assert [p[:20] for p in article.paragraphs] == [
        "The city council vot",
        "Officials said const",
        "Fishing crews, who h",
    ]
    verdicts = {v.text: v.kind for v in article.lines}
    for furniture in ("- Home", "Share this article", "- New ferry route announced"):
        assert verdicts[furniture] == "dropped"


def test_html_body_is_trafilaturas_when_the_lines_give_none(tmp_path):
    """A page whose lines the normaliser finds no body in (here its prose is all list
    items, which a dump's reader takes for a list of links) keeps the body trafilatura
    finds in the markup."""
    items = b"".join(
        b"<li>The council met on Tuesday and voted on the harbour plan, item %d.</li>" % k
        for k in range(5)
    )
    page = b'<html><body><nav><a href="/">Home</a></nav><ul>' + items + b"</ul></body></html>"
    doc = _read(tmp_path, page, "list.html")
    assert isinstance(doc, RawDocument)
    assert doc.text.startswith("- The council met on Tuesday")
    assert "item 4." in doc.text


# A page that states no date in its markup: the footer's copyright year and a date in a
# sentence about a past event are no publication date, so none is guessed from them.
UNDATED_HTML = b"""<html><head><title>Flooding forces evacuations | Alpine Courier</title>
<meta charset="utf-8"></head><body><nav><a href="/">Home</a></nav><article>
<h1>Flooding forces evacuations</h1>
<p>MUNICH -- Thousands of residents were evacuated from towns in Bavaria on Sunday.</p>
<p>The last flood of this size struck the region on June 3, 2013, in Passau.</p>
<p>Rescue teams used boats to reach people trapped in their homes, officials said.</p>
</article><footer>&copy; 2024 Alpine Courier. All rights reserved.</footer></body></html>"""


def test_html_date_is_only_one_the_markup_states(tmp_path):
    from generator.normalise import normalise

    undated = _read(tmp_path, UNDATED_HTML, "undated.html")
    assert isinstance(undated, RawDocument) and undated.meta_value("published") is None
    assert normalise(undated).published is None
    stated = UNDATED_HTML.replace(b"<h1>", b'<time datetime="2024-05-02">May 2</time><h1>')
    assert _read(tmp_path, stated, "stated.html").meta_value("published") == "2024-05-02"


# A page of the kind many sites served before article metadata: the masthead prints the
# day the page was saved in a date-classed element (htmldate's date for it), and the
# article's own date stands under its headline, in the text.
MASTHEAD_HTML = b"""<html><head><title>Dam repairs finished | Valley Herald</title></head>
<body><div class="date">Thursday, January 17 2008</div><nav><a href="/">Home</a></nav>
<div id="story"><h1>Dam repairs finished</h1><p class="byline">By Ann Lee</p>
<p>Friday December 28 2007</p>
<p>Crews finished repairing the Elm Creek dam on Thursday, two weeks ahead of plan.</p>
<p>The reservoir will be refilled over the winter, the water board said.</p>
<p>Anglers were told the lake would reopen to boats in the spring.</p></div>
<ul><li><a href="/a">Council votes on budget</a> January 16 2008</li></ul></body></html>"""


def test_html_date_without_metadata_is_the_one_under_the_headline(tmp_path):
    """With no publication date in the page's metadata, the text's date under the headline
    comes before a date-classed element's (the masthead's "today"); a page whose metadata
    states the date keeps that one, whatever its text prints."""
    from generator.normalise import normalise

    doc = _read(tmp_path, MASTHEAD_HTML, "masthead.html")
    assert isinstance(doc, RawDocument)
    assert normalise(doc).published == "2007-12-28"
    stated = MASTHEAD_HTML.replace(
        b"</title>", b'</title><meta property="article:published_time" content="2007-12-27">'
    )
    assert normalise(_read(tmp_path, stated, "stated.html")).published == "2007-12-27"
    undated = MASTHEAD_HTML.replace(b"<p>Friday December 28 2007</p>", b"")
    masthead = _read(tmp_path, undated, "undated.html")  # no date in the text: the element's
    assert normalise(masthead).published == "2008-01-17"


# A page whose <title> is the site's name and a section, with the headline printed over
# the story in a <span>: the kind of page trafilatura gives the <title>'s parts for.
SECTION_HTML = b"""<html><head><title>Valley Herald | Sports</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></div>
<div id="story"><span class="heading">Rockets edge Eagles in overtime</span>
<p>By Ann Lee</p>
<p>The Rockets beat the Eagles 3-2 in overtime on Saturday, their fifth win in a row.</p>
<p>Eagles coach Tom Hart said his team had played its best game of the season so far.</p>
<p>The teams meet again next month in the last round of the regular season.</p></div>
</body></html>"""


def _with_meta(page: bytes, meta: bytes) -> bytes:
    return page.replace(b"</title>", b"</title>" + meta, 1)


@pytest.mark.parametrize(
    ("page", "title", "outlet"),
    [
        # no title in the metadata: the headline printed over the body; a section is no outlet
        (SECTION_HTML, "Rockets edge Eagles in overtime", None),
        # the metadata's title is the printed headline and the site's name: cut to the first
        (
            _with_meta(
                SECTION_HTML,
                b'<meta property="og:title" '
                b'content="Rockets edge Eagles in overtime | Valley Herald">',
            ),
            "Rockets edge Eagles in overtime",
            "Valley Herald",
        ),
        # a headline the metadata states stands, whatever the text prints
        (
            _with_meta(SECTION_HTML, b'<meta property="og:title" content="Rockets win a fifth">'),
            "Rockets win a fifth",
            None,
        ),
        # a title bar's dotted part is the headline, not the site's name, unless an address
        (
            SECTION_HTML.replace(
                b"Valley Herald | Sports", b"Dr. Lee Named Head Coach : SPORTSWIRE"
            ).replace(b"Rockets edge Eagles in overtime", b"Dr. Lee Named Head Coach"),
            "Dr. Lee Named Head Coach",
            "SPORTSWIRE",
        ),
        # a headline tagged with the site that ran it
        (
            SECTION_HTML.replace(
                b"Valley Herald | Sports",
                b"Rockets Edge Eagles In Overtime (from The Valley Herald)",
            ),
            "Rockets edge Eagles in overtime",
            "The Valley Herald",
        ),
        # the <title> is the site, a section and the printed headline (trafilatura takes
        # the first part), though the body names the site more than it words the headline
        (
            SECTION_HTML.replace(
                b"Valley Herald | Sports",
                b"The Valley Herald and Hill County Times: Sports | Late goal sinks visitors",
            )
            .replace(b"Rockets edge Eagles in overtime", b"Late goal sinks visitors")
            .replace(b"in a row.", b"in a row, the Valley Herald and Hill County Times learnt."),
            "Late goal sinks visitors",
            None,
        ),
        # a site's name styled with its capitals inside
        (
            SECTION_HTML.replace(
                b"Valley Herald | Sports", b"oVALLEYo :: Rockets edge Eagles in overtime"
            ),
            "Rockets edge Eagles in overtime",
            "oVALLEYo",
        ),
        # a rights notice names the holder
        (
            _with_meta(
                SECTION_HTML,
                b'<meta name="copyright" content="Copyright 2008 Valley Herald Inc. All rights '
                b'reserved.">',
            ),
            "Rockets edge Eagles in overtime",
            "Valley Herald",
        ),
        # ... but the paper the <title> names, past its sections, before the group that
        # holds the rights
        (
            _with_meta(
                SECTION_HTML.replace(
                    b"Valley Herald | Sports",
                    b"Rockets edge Eagles in overtime - Hockey - Sport - The Valley Herald",
                ),
                b'<meta name="copyright" content="&copy; 2000 Hill Country Press Ltd.">',
            ),
            "Rockets edge Eagles in overtime",
            "The Valley Herald",
        ),
    ],
)
def test_html_headline_and_site_name(tmp_path, page, title, outlet):
    from generator.normalise import normalise

    article = normalise(_read(tmp_path, page, "page.html"))
    assert (article.title, article.outlet) == (title, outlet)


def test_html_page_lines_leave_out_what_a_reader_does_not_see():
    """A page laid out as lines (for its headline and date) has no line of a drop-down's
    choices, nor of what the markup hides until a script shows it."""
    from lxml import html

    from generator.read import _page_lines

    page = html.fromstring(
        "<html><body><form><select><option>Local Teams</option><option>Valley Rockets</option>"
        "</select></form><div hidden><p>Your E-mail:*</p></div>"
        '<div style="visibility: hidden">Close window</div>'
        "<h1>Rockets edge Eagles</h1><p>The Rockets won.</p></body></html>"
    )
    assert _page_lines(page) == ["Rockets edge Eagles", "The Rockets won."]


@pytest.mark.parametrize(
    ("name", "site"),
    [
        ("Copyright 2007 TV3", "TV3"),
        ("Winnipeg Sun 2004", "Winnipeg Sun"),  # a copyright tag's name and year
        ("Club 1902", "Club 1902"),  # no year: a four-figure number of another kind
        ("\u00a9 MMVIII, CBS Corporation. All Rights Reserved.", "CBS"),
        ("6.0", None),  # "Winona Daily News - 6.0": a version
        ("US World", None),
        ("Breaking News", None),
        ("Sports | Weather", None),
        ("The National", "The National"),  # names that hold a section's word
        ("Metro", "Metro"),
        ("Guardian Unlimited", "Guardian Unlimited"),
        ("washingtonpost.com", "washingtonpost.com"),
    ],
)
def test_html_site_name_is_a_name(name, site):
    from generator.read import _site_name

    assert _site_name(name) == site


def test_html_page_names_its_site_captions_and_charset(tmp_path):
    """With no og:site_name, the title bar's far end from the headline names the outlet;
    a <figcaption> is a caption with its credit; the encoding is the page's charset."""
    from generator.normalise import normalise

    figure = b"<figure><img src=a.jpg><figcaption>A woman wades through a flooded street "
    figure += b"in Passau. (AP Photo/Matthias Schrader)</figcaption></figure><p>MUNICH"
    doc = _read(tmp_path, UNDATED_HTML.replace(b"<p>MUNICH", figure, 1), "page.html")
    assert isinstance(doc, RawDocument) and doc.encoding == "utf-8"
    article = normalise(doc)
    assert article.outlet == "Alpine Courier"
    assert [(c.caption, c.credit) for c in article.captions] == [
        ("A woman wades through a flooded street in Passau.", "AP Photo/Matthias Schrader")
    ]
    assert not any("wades" in p for p in article.paragraphs)
    declared = UNDATED_HTML.replace(b'charset="utf-8"', b'charset="windows-1252"')
    declared = declared.replace(b"Thousands", "Z\u00fcrich's".encode("cp1252"))
    latin = _read(tmp_path, declared, "latin.html")
    assert isinstance(latin, RawDocument) and latin.encoding == "cp1252"
    assert "Z\u00fcrich's" in normalise(latin).paragraphs[0]


@pytest.mark.parametrize(
    "title_bar",
    [
        b"Flooding forces evacuations",  # the headline alone
        b"Flooding forces evacuations | Rescue teams reach the old town",  # a second headline
        b"Flooding forces evacuations - Munich, Bavaria",  # the site's place
        b"T.J. Ford Cleared To Practice : PROTRADE",  # no headline at either end
    ],
)
def test_html_title_bar_without_a_site_name_names_no_outlet(tmp_path, title_bar):
    from generator.normalise import normalise

    page = UNDATED_HTML.replace(b"Flooding forces evacuations | Alpine Courier", title_bar)
    page = page.replace(b"&copy; 2024 Alpine Courier. All rights reserved.", b"")
    doc = _read(tmp_path, page, "page.html")
    assert isinstance(doc, RawDocument) and normalise(doc).outlet is None


def test_html_without_an_article_has_no_paragraphs(tmp_path):
    from generator.normalise import normalise

    result = _read(tmp_path, b"<html><body><nav>Home</nav></body></html>", "empty.html")
    # either trafilatura finds nothing, or the normaliser finds no prose in what it found
    assert isinstance(result, Rejected) or normalise(result).paragraphs == ()


def test_a_line_break_after_a_title_before_a_name_is_joined(tmp_path):
    doc = _read(
        tmp_path,
        b'"We have no idea," the Rev.\nLarry Kroon said.\nOn Rio Vista Dr.\nPolice came.\n',
    )
    assert isinstance(doc, RawDocument)
    assert doc.text.split("\n")[:3] == [
        '"We have no idea," the Rev. Larry Kroon said.',
        "On Rio Vista Dr.",  # a street's name may end a sentence: not joined
        "Police came.",
    ]
