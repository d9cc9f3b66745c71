"""RSS 2.0 and Atom (feedgen) and JSON Feed 1.1 (json) of the newest stories.

Deterministic: every date comes from the stories (naive ISO dates are read as UTC), never
from the clock. A story with no date carries the newest story date in the feed (Atom needs
one); a feed with no dated story at all carries 1970-01-01.

The files sit at the site's root, beside sitemap.xml: Material fetches `sitemap.xml` next
to every `<link rel="alternate">` of a page (for its language switcher), so a feed in a
sub-folder would cost each page view a 404.

Links: with `site_url` (the plugin option, or mkdocs.yml's `site_url`) every link is
absolute. Without it they are relative to the feed's own address (`stories/<slug>/`
beside `rss.xml`), which feed readers resolve against the feed URL wherever the site is
hosted; feed validators want absolute links, so set `site_url` to publish.
Entry ids never depend on the address: `urn:uuid:` from the story id, stable across hosts."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .models import Story

if TYPE_CHECKING:  # feedgen (and dateutil under it) is imported when a feed is made:
    from feedgen.feed import FeedGenerator  # a build that finds nothing changed makes none

RSS, ATOM, JSON_FEED = "rss.xml", "atom.xml", "feed.json"  # at the root of the site
FEED_FILES = (RSS, ATOM, JSON_FEED)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ID_NAMESPACE = uuid.UUID("6f1d2c64-1b8e-5c1a-9a57-0d5a4b6f0e11")  # digest's own: fixed forever


def story_uuid(story: Story) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'story:' + story.id)}"


def feed_id(output: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed:' + output)}"


def when(iso: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as an aware datetime (UTC when it names no zone)."""
    if not iso:
        return None
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def base_url(site_url: str | None) -> str:
    """Where links start: absolute under site_url, else relative to the feed (the root)."""
    return f"{site_url.rstrip('/')}/" if site_url else ""


def render(
    stories: Sequence[Story], output: str, site_url: str | None, title: str | None, items: int
) -> dict[str, str]:
    """The three feed files, keyed by path relative to the content folder."""
    chosen = list(stories)[: max(items, 0)]
    newest = max((d for s in stories if (d := _date(s)) is not None), default=EPOCH)
    base = base_url(site_url)
    home = base or "./"
    name = title or "Briefing"
    stories_url = f"{base}{output.strip('/')}/"
    rss = _feedgen(chosen, output, (base, stories_url, RSS), home, name, newest)
    atom = _feedgen(chosen, output, (base, stories_url, ATOM), home, name, newest)
    return {
        RSS: rss.rss_str(pretty=True).decode("utf-8"),
        ATOM: atom.atom_str(pretty=True).decode("utf-8"),
        JSON_FEED: json_feed(chosen, base, stories_url, home, name),
    }


def _date(story: Story) -> datetime | None:
    return when(story.updated) or when(story.published)


def _summary(story: Story) -> str:
    if story.dek:
        return story.dek
    if story.abstract:
        return story.abstract[0]
    return story.paragraphs[0].text if story.paragraphs else story.title


def _feedgen(
    stories: Sequence[Story],
    output: str,
    urls: tuple[str, str, str],  # the site's base, the stories folder's, the feed's file name
    home: str,
    name: str,
    newest: datetime,
) -> FeedGenerator:
    base, stories_url, file_name = urls
    self_url = base + file_name
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id(feed_id(output))
    fg.title(name)
    fg.description(f"{name}: the newest stories, each with all its sources.")
    fg.link(href=self_url, rel="self")
    fg.link(href=home, rel="alternate")  # last: RSS's channel <link> is the last one given
    fg.language("en")
    fg.generator("digest")
    fg.updated(newest)
    fg.lastBuildDate(newest)
    for story in stories:
        entry = fg.add_entry(order="append")
        entry.id(story_uuid(story))
        entry.guid(story_uuid(story), permalink=False)
        entry.title(story.title)
        entry.link(href=f"{stories_url}{story.slug}/")
        entry.summary(_summary(story))
        published = when(story.published)
        if published:
            entry.published(published)
        entry.updated(_date(story) or newest)
        for outlet in dict.fromkeys(m.article.outlet for m in story.members if m.article.outlet):
            entry.category(term=outlet)
    return fg


def json_feed(stories: Sequence[Story], base: str, stories_url: str, home: str, name: str) -> str:
    items = []
    for story in stories:
        item: dict[str, object] = {
            "id": story_uuid(story),
            "url": f"{stories_url}{story.slug}/",
            "title": story.title,
            "summary": _summary(story),
            "content_text": "\n\n".join(p.text for p in story.paragraphs),
        }
        if published := when(story.published):
            item["date_published"] = published.isoformat()
        if (modified := when(story.updated)) is not None:
            item["date_modified"] = modified.isoformat()
        outlets = list(dict.fromkeys(m.article.outlet for m in story.members if m.article.outlet))
        if outlets:
            item["tags"] = outlets
        items.append(item)
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": name,
        "home_page_url": home,
        "feed_url": f"{base}{JSON_FEED}",
        "items": items,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
