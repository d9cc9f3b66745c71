"""Normalise stage: the samples against the editor's gold file, and case files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import GOLD, article_from

from generator.models import Outlet
from generator.normalise import patterns as P
from generator.normalise.captions import caption_text, gallery_item
from generator.normalise.fields import date_of_line
from generator.normalise.patterns import LIST_ITEM, RULE_NOTES

CASES = sorted((Path(__file__).parent / "cases" / "normalise").glob("*.yaml"))


@pytest.mark.parametrize("name", sorted(GOLD["articles"]))
def test_sample_fields_match_gold(samples, name):
    gold, article = GOLD["articles"][name], samples[name]
    if gold["title"] is None:
        assert article.title_derived and article.title
    else:
        assert (article.title, article.title_derived) == (gold["title"], False)
    assert article.dek == gold["dek"]
    assert article.dateline == gold["dateline"]
    assert article.published == gold["published"]
    assert article.outlet == gold["outlet"]
    assert list(article.credits) == gold["credits"]


@pytest.mark.parametrize("name", sorted(GOLD["articles"]))
def test_sample_body_matches_gold(samples, name):
    body, article = GOLD["articles"][name]["body"], samples[name]
    assert len(article.paragraphs) == body["paragraphs"]
    assert article.paragraphs[0].startswith(body["first"])
    assert article.paragraphs[-1].startswith(body["last"])


@pytest.mark.parametrize("name", sorted(GOLD["articles"]))
def test_sample_furniture_is_dropped(samples, name):
    article = samples[name]
    dropped = {LIST_ITEM.sub("", v.text) for v in article.dropped}
    for line in GOLD["articles"][name]["drop"]:
        assert any(d.startswith(line) for d in dropped), line
        assert not any(p.startswith(line) for p in article.paragraphs), line


@pytest.mark.parametrize("name", sorted(GOLD["articles"]))
def test_sample_captions_match_gold(samples, name):
    gold = GOLD["articles"][name]["captions"]
    got = samples[name].captions
    assert [(c.caption, c.credit) for c in got] == [(g["caption"], g["credit"]) for g in gold]
    for c, g in zip(got, gold, strict=True):
        if g.get("wire"):
            assert c.wire and c.wire.startswith(g["wire"])
            assert "REUTERS" not in c.wire and "AP Photo" not in c.wire  # credit and codes gone
        else:
            assert c.wire is None


def test_every_line_has_a_verdict_and_every_drop_a_known_rule(samples):
    for article in samples.values():
        assert [v.line for v in article.lines] == list(range(1, len(article.lines) + 1))
        for v in article.dropped:
            assert v.rule in RULE_NOTES, v


def test_derived_title_comes_from_the_lede(samples):
    article = samples["003_5b900e03b5c10ba5.txt"]
    assert article.title.startswith("North Korea leader Kim Jong Un arrived in Hanoi")
    assert "(" not in article.title


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case_file(case):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    meta = {k: str(v) for k, v in (spec.get("meta") or {}).items()}
    outlets = [  # the seeds' outlets.yml, when the case gives one
        Outlet(o["name"], tuple(o.get("domains") or ()), tuple(o.get("aliases") or ()))
        for o in spec.get("outlets") or ()
    ]
    article = article_from(spec["input"], meta=meta, outlets=outlets)
    for field, expected in (spec.get("expect") or {}).items():
        value = getattr(article, field)
        if field == "captions":
            value = [
                {
                    k: v
                    for k, v in (("caption", c.caption), ("credit", c.credit), ("wire", c.wire))
                    if v
                }
                for c in value
            ]
        elif field == "tables":
            value = [
                {"title": t.title, "header": list(t.header), "rows": [list(r) for r in t.rows]}
                for t in value
            ]
        elif isinstance(value, tuple):  # pairs ("credited") as YAML lists give them
            value = [list(v) if isinstance(v, tuple) else v for v in value]
        assert value == expected, field
    kept = "\n".join(article.paragraphs)
    for text in spec.get("must_contain") or []:
        assert text in kept, text
    for text in spec.get("must_not_contain") or []:
        assert text not in kept, text
    for line, rule in (spec.get("dropped_by") or {}).items():
        assert any(v.text == line and v.rule == rule for v in article.dropped), (line, rule)
    for line, kind_rule in (spec.get("kept_as") or {}).items():
        kind, _, rule = kind_rule.partition("/")
        assert any(
            v.text == line and (v.kind, v.rule or "") == (kind, rule) for v in article.lines
        ), (line, kind_rule)


def test_street_addresses_are_read_as_police_reports_give_them():
    a = article_from(
        "Two men shot in separate attacks\n"
        "A man was shot in the 2,100 block of Post Road and another in the 100 block of "
        "East Third Street, police said.\n"
        "Both lived in a block of flats near the 300 block, and a 2450 block of ice was "
        "found in the 5600 block of N. Kedzie.\n"
    )
    assert a.addresses == ((2100, "post"), (100, "3rd"), (5600, "kedzie"))


@pytest.mark.parametrize(
    ("holder", "outlet"),
    [
        ("The New York Times Company", "The New York Times"),
        ("Alabama Live LLC", "Alabama Live"),
        ("Davies Brothers Pty Limited", "Davies Brothers"),
        ("CNBC LLC", "CNBC"),
        ("ScienceAlert Pty Ltd", "ScienceAlert"),
        # what would stay does not read as a name of its own: the company is the name
        ("Fast Company", "Fast Company"),
        ("Canoe Inc", "Canoe Inc"),
        # ... unless it is only a trade's word: an owner, named for what it does
        ("News Limited", None),
    ],
)
def test_the_outlet_is_the_publication_not_its_legal_form(holder, outlet):
    article = article_from(
        "Storm closes mountain passes\n"
        "DENVER -- A late-season storm closed three mountain passes on Sunday, stranding "
        "hundreds of drivers overnight.\n"
        "Crews expected to reopen the highways by Monday afternoon, officials said.\n"
        "© AP 2008\n"  # the article's own rights line; the site's footer follows
        f"© 2008 {holder}. All rights reserved.\n"
    )
    assert article.outlet == outlet


def test_every_pattern_name_is_defined_once() -> None:
    """A second definition of a name in patterns.py silently replaces the first for every
    rule that reads it (SENTENCE_SPLIT was nearly defined twice, with two meanings)."""
    source = Path(P.__file__).read_text(encoding="utf-8")
    names = re.findall(r"^([A-Z_][A-Z0-9_]*)\s*(?::[^=\n]*)?=", source, re.M)
    assert [n for n, count in Counter(names).items() if count > 1] == []


_ITEM = "Police work at the club."
_CREDIT = "(AP Photo/John Minchillo)"


@pytest.mark.parametrize(
    "line",
    [
        # a whole gallery run into one line: three captions, not one printed twice
        f"{_ITEM} {_CREDIT} {_ITEM} {_CREDIT} A body is removed from the club. {_CREDIT}",
        f"{_ITEM} {_CREDIT}",  # one credit: no item printed twice
        f"{_ITEM} {_CREDIT} (Jane Roe/Harbour Times)",  # two credits, not the same
        f"Title {_ITEM} {_CREDIT} A body is removed. {_CREDIT}",  # the video's texts differ
        f"{_ITEM} {_ITEM} {_CREDIT} {_CREDIT} Detectives said.",  # text after the credits
    ],
)
def test_a_line_that_is_no_single_gallery_item_gives_no_caption(line):
    assert gallery_item(line) is None


_FULL = "Police work at the scene on Friday, April 7, 2017. (Jane Roe / Houston Chronicle)"


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        # a caption widget's two states on one line: the full caption, "less", the cut one
        (f"{_FULL} less Police work at the scene on Friday, April 7, 2017. (Jane ... more", _FULL),
        (f"Image 3 of 8 {_FULL} less", _FULL),
        # "less" in a sentence, and a cut caption that is no copy of the one before
        ('Voters wait, with "Super Tuesday" less than a month away.', None),
        (f"{_FULL} less Officers said the man was shot in the ... more", None),
    ],
)
def test_a_caption_widget_gives_its_full_caption(line, caption):
    assert caption_text(line) == (caption or line)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago", "2019-11-20T04:29:00"),
        ("Posted: May 28, 2015 1:16 PM EDT Updated: May 29, 2015 9:02 AM", "2015-05-28T13:16:00"),
        ("Friday, Sep 10, 2010 | Updated 9:28 AM EDT", "2010-09-10"),
        ("Last Updated: 12:01am GMT 08/01/2008", "2008-01-08T00:01:00"),  # the label only
        ("Updated 2 hours ago", None),
    ],
)
def test_a_date_line_gives_the_date_before_its_update_stamp(line, date):
    assert date_of_line(line) == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("06 / 06 / 13 07:05 PM ET EDT", "2013-06-06T19:05:00"),  # the zone's region, its time
        ("12 / 23 / 12 06:03 PM ET EST", "2012-12-23T18:03:00"),
        ("06/06/13 07:05 PM ET", "2013-06-06T19:05:00"),
        ("Jan 16 2008 2:48 PM EST", "2008-01-16T14:48:00"),
    ],
)
def test_a_date_stamp_with_its_zone_named_twice(line, date):
    assert date_of_line(line) == date
