"""Front page, archive, topics, outlets, related stories and feeds, on made-up stories."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime

import frontmatter
import pytest

from generator import feeds, navigation, pages
from generator.config import validated
from generator.merge import unique_slugs
from generator.models import Article, Member, Paragraph, Relation, Story
from generator.pages import render

ATOM = "{http://www.w3.org/2005/Atom}"


def article(source: str, outlet: str | None, published: str | None = None) -> Article:
    return Article(source, f"Headline of {source}", False, None, None, published, outlet, (), (
        "Text.",), (), ())  # fmt: skip


def story(
    slug: str,
    published: str | None,
    text: str = "Nothing named here.",
    relations: tuple[Relation, ...] = (Relation.CANONICAL,),
    outlets: tuple[str | None, ...] = ("Daily Planet",),
    title: str | None = None,
) -> Story:
    members = tuple(
        Member(article(f"{slug}-{i}.txt", outlets[i % len(outlets)], published), rel, 1.0)
        for i, rel in enumerate(relations)
    )
    return Story(
        id=f"{abs(hash(slug)) % 16**12:012x}",
        slug=slug,
        title=title or slug.replace("-", " ").title(),
        dek=None,
        dateline=None,
        published=published,
        updated=None,
        members=members,
        paragraphs=tuple(Paragraph(p, members[0].article.source) for p in text.split("\n")),
        additions=(),
        gallery=(),
    )


def plan(stories: list[Story], days: int = 2, most: int = 40, min_stories: int = 2):
    return navigation.plan(stories, days, most, min_stories)


# --- ranking and the front page ---------------------------------------------------------------


def test_ranked_by_day_then_independent_reports_not_copies() -> None:
    copies = story("copies", "2024-05-02T09:00", relations=(Relation.CANONICAL,) + (
        Relation.COPY,) * 4)  # fmt: skip
    own = story("own", "2024-05-02T08:00", relations=(Relation.CANONICAL, Relation.COVERAGE))
    older = story("older", "2024-05-01", relations=(Relation.CANONICAL, Relation.COVERAGE) * 3)
    undated = story("undated", None, relations=(Relation.CANONICAL,) * 9)
    order = navigation.ranked([undated, older, copies, own])
    # 2 independent reports beat 1 original with 4 copies on the same day
    assert [s.slug for s in order] == ["own", "copies", "older", "undated"]


def test_front_page_shows_the_newest_days_and_fills_up_to_a_minimum() -> None:
    stories = [story(f"d{d}-{i}", f"2024-05-{d:02d}") for d in range(1, 11) for i in range(3)]
    nav = plan(stories, days=2)
    newest = {"2024-05-10", "2024-05-09"}
    assert len(nav.front) == navigation.FRONT_PAGE_MIN  # 6 from the two days, filled to 10
    assert {navigation.day(s) for s in nav.front[:6]} == newest
    assert [s.slug for s in nav.front] == [s.slug for s in nav.ranked[:10]]
    wide = plan(stories, days=5, most=12)
    assert len(wide.front) == 12  # 15 on the newest 5 days, capped


def test_every_story_is_in_the_archive_exactly_once() -> None:
    stories = [story(f"s{i}", f"2024-0{1 + i % 3}-1{i % 2}") for i in range(9)]
    stories += [story("undated-a", None), story("undated-b", None)]
    nav = plan(stories)
    archived = [s.slug for d in nav.days for s in d.stories] + [s.slug for s in nav.undated]
    assert sorted(archived) == sorted(s.slug for s in stories)
    assert [d.date for d in nav.days] == sorted({d.date for d in nav.days}, reverse=True)
    assert {s.slug for s in nav.undated} == {"undated-a", "undated-b"}


def test_only_undated_stories_still_make_a_front_page() -> None:
    nav = plan([story("a", None), story("b", None)])
    assert {s.slug for s in nav.front} == {"a", "b"} and nav.days == ()


# --- topics, outlets, related -----------------------------------------------------------------

KIM = "Kim Jong Un met officials. Kim Jong Un left for Russia. Russia welcomed him."
PUTIN = (
    "Vladimir Putin spoke. He said Russia would host Kim Jong Un. Russia and Kim Jong Un agreed."
)
OTHER = "Angela Merkel visited Berlin. Angela Merkel returned to Berlin later."


def test_topic_pages_need_two_stories_and_link_them() -> None:
    stories = [story("kim", "2024-05-02", KIM), story("putin", "2024-05-01", PUTIN),
               story("merkel", "2024-05-01", OTHER)]  # fmt: skip
    nav = plan(stories)
    topics = {(t.kind, t.name): [s.slug for s in t.stories] for t in nav.topics}
    assert topics == {("person", "Kim Jong Un"): ["kim", "putin"], ("place", "Russia"): [
        "kim", "putin"]}  # fmt: skip
    assert not any(t.name == "Angela Merkel" for t in nav.topics)  # one story only
    assert [t.name for t in nav.topics_of(stories[2])] == []
    files = render(stories, [], "stories")
    page = files["stories/topics/kim-jong-un.md"]
    assert "](../kim.md)" in page and "](../putin.md)" in page and "merkel" not in page
    index = files["stories/topics/index.md"]
    assert "## People" in index and "## Places" in index and "(kim-jong-un.md)" in index


def test_the_people_credited_for_a_story_are_no_topic_of_it() -> None:
    from dataclasses import replace

    from generator.models import Credit

    signed = " Jane Roe reported from Seoul. Jane Roe is the Asia correspondent."
    stories = [
        replace(
            story(slug, "2024-05-02", text + signed),
            credit_roll=(
                Credit("reporting", "Jane Roe", (f"{slug}-0.txt",)),
                Credit("photo", "Reuters/Kim Hong-Ji", (f"{slug}-0.txt",)),
            ),
        )
        for slug, text in (("kim", KIM), ("putin", PUTIN))
    ]
    assert {t.name for t in plan(stories).topics} == {"Kim Jong Un", "Russia"}
    uncredited = [replace(s, credit_roll=()) for s in stories]
    assert "Jane Roe" in {t.name for t in plan(uncredited).topics}  # the rule is what kept it out


def test_related_stories_share_names_rarest_first() -> None:
    stories = [story("kim", "2024-05-02", KIM), story("putin", "2024-05-01", PUTIN),
               story("merkel", "2024-05-01", OTHER)]  # fmt: skip
    nav = plan(stories)
    [related] = nav.related_to(stories[0])
    assert related.story.slug == "putin"
    assert set(related.shared) == {"Kim Jong Un", "Russia"}
    assert nav.related_to(stories[2]) == ()
    page = render(stories, [], "stories")["stories/kim.md"]
    assert (
        "## Same people and places" in page
        and "](putin.md)" in page
        and "](topics/kim-jong-un.md)" in page
    )


def test_outlet_pages_list_every_article_with_relation_and_story() -> None:
    s1 = story("one", "2024-05-02", relations=(Relation.CANONICAL, Relation.COPY),
               outlets=("Daily Planet", "Gazette"))  # fmt: skip
    s2 = story("two", "2024-05-01", outlets=("Gazette",))
    s3 = story("three", "2024-05-01", outlets=(None,))
    nav = plan([s1, s2, s3])
    assert [(o.name, o.slug, len(o.articles)) for o in nav.outlets] == [
        ("Daily Planet", "daily-planet", 1), ("Gazette", "gazette", 2)]  # fmt: skip
    page = render([s1, s2, s3], [], "stories")["stories/outlets/gazette.md"]
    assert "[Headline of one-1.txt](../one.md) <small>2024-05-02 · copy · in “One”" in page
    assert "[Headline of two-0.txt](../two.md) <small>2024-05-01 · original · in “Two”" in page


def test_a_story_cannot_take_the_name_of_a_navigation_folder() -> None:
    archive = story("archive", "2024-05-01")
    [renamed] = unique_slugs([archive])
    assert renamed.slug != "archive" and renamed.slug.startswith("archive-")


# --- the generated pages ----------------------------------------------------------------------


@pytest.fixture
def many() -> list[Story]:
    texts = [KIM, PUTIN, OTHER]
    stories = [story(f"s{i}", f"2024-0{1 + i % 4}-1{i % 3}", texts[i % 3]) for i in range(14)]
    return [*stories, story("nodate", None, KIM, outlets=(None,))]


def test_every_story_is_reachable_from_the_front_page_and_archive(many: list[Story]) -> None:
    files = render(many, [], "stories")
    linked = set()
    for rel, text in files.items():
        if rel == "index.md" or rel.startswith("stories/archive/"):
            linked |= {s.slug for s in many if f"{s.slug}.md)" in text}
    assert linked == {s.slug for s in many}
    archive = files["stories/archive/index.md"]
    for d in {navigation.day(s) for s in many} - {None}:
        month = files[f"stories/archive/{d[:7]}.md"]
        assert f"]({d[:7]}.md)" in archive and f"{{ #{d} }}" in month
    assert "](undated.md)" in archive and "stories/archive/undated.md" in files


def test_generated_pages_round_trip_their_front_matter(many: list[Story]) -> None:
    for rel, text in render(many, [], "stories").items():
        if rel.endswith(".md"):
            post = frontmatter.loads(text)
            assert post["generator"] == "digest" and post["title"], rel


# --- feeds ------------------------------------------------------------------------------------


def test_feeds_parse_back_with_every_story_newest_first(many: list[Story]) -> None:
    files = render(many, [], "stories", validated({"site_url": "https://news.example/"}))
    expected = [s for s in navigation.ranked(many)]
    urls = [f"https://news.example/stories/{s.slug}/" for s in expected]

    rss = ET.fromstring(files["rss.xml"])
    items = rss.findall("./channel/item")
    assert [i.findtext("link") for i in items] == urls
    assert rss.findtext("./channel/link") == "https://news.example/"
    for item, s in zip(items, expected, strict=True):
        assert item.findtext("title") == s.title
        date = item.findtext("pubDate")
        assert (date is None) == (s.published is None)
        if date:
            datetime.strptime(date, "%a, %d %b %Y %H:%M:%S %z")

    atom = ET.fromstring(files["atom.xml"])
    entries = atom.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == urls
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for e in entries:
        datetime.fromisoformat(e.findtext(f"{ATOM}updated"))  # required, and valid

    data = json.loads(files["feed.json"])
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["url"] for i in data["items"]] == urls
    assert data["feed_url"] == "https://news.example/feed.json"
    for i in data["items"]:
        if "date_published" in i:
            datetime.fromisoformat(i["date_published"])


def test_feeds_are_bounded_deterministic_and_relative_without_a_site_url(
    many: list[Story],
) -> None:
    first = render(many, [], "stories", validated({"feed_items": 3}))
    again = render(list(reversed(many)), [], "stories", validated({"feed_items": 3}))
    for name in feeds.FEED_FILES:
        assert first[name] == again[name]
    items = json.loads(first["feed.json"])["items"]
    assert [i["url"] for i in items] == [f"stories/{s.slug}/" for s in navigation.ranked(many)[:3]]
    assert len(ET.fromstring(first["rss.xml"]).findall("./channel/item")) == 3


def test_a_feed_of_undated_stories_uses_no_clock() -> None:
    files = render([story("a", None), story("b", None)], [], "stories")
    atom = ET.fromstring(files["atom.xml"])
    assert atom.findtext(f"{ATOM}updated").startswith("1970-01-01")


def test_the_briefing_is_its_newest_days_and_lists_the_stories_that_fill_it_up_apart() -> None:
    stories = [story("new-a", "2025-04-14"), story("new-b", "2025-04-14")]
    stories += [story(f"old-{i}", f"2008-03-{i + 1:02d}") for i in range(5)]
    stories += [story("undated", None)]
    nav = plan(stories, days=2)  # 14 and 13 April 2025: no story on the 13th
    assert [s.slug for s in nav.front[:2]] == ["new-a", "new-b"]
    assert {s.slug for s in nav.earlier} == {f"old-{i}" for i in range(5)} | {"undated"}
    assert nav.front[2:] == nav.earlier
    page = pages.index_page(nav, [], "stories")
    assert "14 April 2025 · 2 stories" in page  # the day's edition, not 2008 to 2025
    assert "2008" not in page.split("## Earlier and undated stories")[0]
    assert page.index("new-b.md") < page.index("## Earlier and undated stories")
    assert page.index("## Earlier and undated stories") < page.index("old-0.md")
    undated = plan([story("new", "2025-04-14"), story("a", None)])
    assert "## Undated stories" in pages.index_page(undated, [], "stories")
    alone = plan([story("a", None), story("b", None)])
    assert "Undated stories · 2 stories" in pages.index_page(alone, [], "stories")
    assert "## Earlier" not in pages.index_page(alone, [], "stories")
