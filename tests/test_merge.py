"""Merge stage: provenance, additions, one gallery, stable slugs, briefing order."""

from __future__ import annotations

from dataclasses import replace

from generator.cluster import cluster
from generator.merge import merge, ordered, slugify, story_id, unique_slugs
from generator.models import Caption, Cluster, Member, Relation


def _stories(samples, config):
    return {s.canonical.source[:3]: s for s in map(merge, cluster(list(samples.values()), config))}


def test_provenance_names_the_other_sources_per_paragraph(samples, config):
    russia = _stories(samples, config)["000"]
    assert [p.text for p in russia.paragraphs] == list(
        samples["000_769eb25042b505df.txt"].paragraphs
    )
    first = {p.source: p.how for p in russia.paragraphs[0].also_in}
    assert set(first) == {"001_d287f615382e4c94.txt", "002_6e10a5f34e632333.txt"}
    assert all(how in ("verbatim", "reworded") for how in first.values())
    # the copy republished the KCNA quote word for word
    quote = next(p for p in russia.paragraphs if p.text.startswith('"Our Dearest'))
    assert ("002_6e10a5f34e632333.txt", "verbatim") in {(p.source, p.how) for p in quote.also_in}


def test_own_coverage_paragraphs_are_what_the_source_adds(samples, config):
    hanoi = _stories(samples, config)["004"]
    (addition,) = hanoi.additions
    assert addition.source == "003_5b900e03b5c10ba5.txt"
    assert addition.paragraphs == samples["003_5b900e03b5c10ba5.txt"].paragraphs


def test_gallery_has_every_caption_once_with_its_sources(samples, config):
    stories = _stories(samples, config)
    assert sum(len(s.gallery) for s in stories.values()) == 19
    hanoi = stories["004"]
    assert hanoi.gallery[0].caption == "Ready to shake some hands."
    assert hanoi.gallery[0].sources == ("004_509b700b257930df.txt",)


def test_same_photo_from_two_outlets_is_one_item(samples, config):
    a, b = samples["003_5b900e03b5c10ba5.txt"], samples["004_509b700b257930df.txt"]
    shared = Caption("Kim waves from the train.", "Reuters/Stringer")
    a2 = replace(a, captions=(shared,))
    b2 = replace(b, captions=(Caption("Kim waves from the train", "REUTERS/Stringer"),))
    story = merge(
        Cluster((Member(b2, Relation.CANONICAL, 1.0), Member(a2, Relation.COVERAGE, 0.8)))
    )
    assert len(story.gallery) == 1
    assert story.gallery[0].sources == (b2.source, a2.source)


def test_dates_published_is_the_earliest_and_updated_the_latest(samples):
    a = replace(samples["000_769eb25042b505df.txt"], published=None)
    b = replace(samples["002_6e10a5f34e632333.txt"], published="2025-04-14T00:50:45")
    c = replace(samples["001_d287f615382e4c94.txt"], published="2025-04-15")
    story = merge(
        Cluster(
            (
                Member(a, Relation.CANONICAL, 1.0),
                Member(b, Relation.COPY, 0.9),
                Member(c, Relation.REWRITE, 0.9),
            )
        )
    )
    assert (story.published, story.updated) == ("2025-04-14T00:50:45", "2025-04-15")


def test_a_headline_a_source_printed_beats_one_built_from_the_leads_lede(samples):
    lead = samples["000_769eb25042b505df.txt"]
    lead = replace(lead, title="Built from a lede", title_derived=True)
    copy = samples["002_6e10a5f34e632333.txt"]
    built = replace(samples["001_d287f615382e4c94.txt"], title="Also built", title_derived=True)
    members = (
        Member(lead, Relation.CANONICAL, 1.0),
        Member(built, Relation.REWRITE, 0.9),
        Member(copy, Relation.COPY, 0.9),
    )
    story = merge(Cluster(members))
    assert story.title == copy.title and not copy.title_derived
    assert story.id == story_id(lead.source)  # the story is still the lead's
    alone = merge(Cluster(members[:2]))
    assert alone.title == "Built from a lede"  # no source printed one: the lead's own


def test_slugs_are_readable_ascii_and_ids_follow_the_canonical_source():
    assert slugify("Kim’s train: “Über” route — 2019!") == "kims-train-uber-route-2019"
    # a dash or quote of any script parts two words (it was dropped, joining them); an
    # apostrophe, straight or curly, joins its word
    assert slugify("Arson in Alaska–A Palin pattern") == "arson-in-alaska-a-palin-pattern"
    assert slugify("O'Brien’s «case»") == "obriens-case"
    assert len(slugify("word " * 40)) <= 60
    assert story_id("a.txt") == story_id("a.txt") != story_id("b.txt")


def test_colliding_slugs_get_their_id(samples, config):
    story = next(iter(_stories(samples, config).values()))
    twin = replace(story, id="ffffffffffff")
    slugs = [s.slug for s in unique_slugs([story, twin])]
    assert len(set(slugs)) == 2 and all(s.startswith(story.slug) for s in slugs)


def test_briefing_order_is_newest_first_then_undated(samples, config):
    stories = list(_stories(samples, config).values())
    dated = [s for s in stories if s.published]
    undated = [s for s in stories if not s.published]
    assert ordered(reversed(stories)) == ordered(stories) == tuple(dated + undated)


def test_abstract_is_lead_sentences_of_independent_reports_as_printed(samples, config):
    stories = _stories(samples, config)
    hanoi, russia = stories["004"], stories["000"]
    assert len(hanoi.abstract) == 2
    assert hanoi.abstract[0].startswith("Sixty years ago, North Korea’s leader, Kim Il Sung,")
    assert hanoi.abstract[1].startswith("After a train ride of more than two days")
    assert russia.abstract == (russia.paragraphs[0].text,)  # copies and rewrites add nothing
    texts = [p for m in hanoi.members for p in m.article.paragraphs]
    assert all(any(sentence in p for p in texts) for sentence in hanoi.abstract)


def test_first_sentence_does_not_stop_at_an_abbreviation():
    from generator.merge import first_sentence

    text = "U.S. officials said on Monday that talks had advanced. A second sentence follows."
    assert first_sentence(text) == "U.S. officials said on Monday that talks had advanced."
    # eight words and more before the abbreviation: it used to end the summary there
    for lede in (
        "The soldier was killed while serving as part of a U.S. Army unit in Kandahar.",
        "The man who died was identified Monday evening as David R. Smith of Dayton.",
        "Two men were shot on Sunday afternoon in St. Louis, police said.",
        "The bill drew sharp words from the administration, Rep. Jane Roe said on Friday.",
    ):
        assert first_sentence(f"{lede} Police said more later.") == lede
    quoted = 'The woman who saw it all said the car "just kept going." Then it was gone.'
    assert first_sentence(quoted) == 'The woman who saw it all said the car "just kept going."'


def _pair(samples, first: Caption, second: Caption):
    a, b = samples["003_5b900e03b5c10ba5.txt"], samples["004_509b700b257930df.txt"]
    return merge(
        Cluster(
            (
                Member(replace(b, captions=(first,)), Relation.CANONICAL, 1.0),
                Member(replace(a, captions=(second,)), Relation.COVERAGE, 0.8),
            )
        )
    )


def test_near_same_caption_is_one_photo_and_keeps_what_each_adds(samples):
    story = _pair(
        samples,
        Caption("Kim Jong Un waves from his armoured train at Dong Dang station.", None),
        Caption(
            "Kim Jong Un waves from his armoured train at Dong Dang station on Tuesday.",
            "REUTERS/Athit Perawongmetha",
            "A long wire caption.",
        ),
    )
    (item,) = story.gallery
    assert item.caption.endswith("Dong Dang station.")  # the first caption printed
    assert (item.credit, item.wire) == ("Reuters/Athit Perawongmetha", "A long wire caption.")
    assert len(item.sources) == 2


def test_same_credit_and_a_similar_caption_is_one_photo(samples):
    story = _pair(
        samples,
        Caption("Kim waves as his car is en route to Hanoi.", "Reuters/Stringer"),
        Caption("Kim waves from his car on the way to Hanoi.", "REUTERS/Stringer"),
    )
    assert len(story.gallery) == 1


def test_different_photos_stay_apart_even_with_one_credit(samples):
    story = _pair(
        samples,
        Caption("Kim waves as his car is en route to Hanoi.", "Reuters/Stringer"),
        Caption("High-speed trains at Wuhan Railway Station are pictured.", "Reuters/Stringer"),
    )
    assert len(story.gallery) == 2
    similar_uncredited = _pair(
        samples,
        Caption("Kim waves as his car is en route to Hanoi.", "Reuters/Stringer"),
        Caption("Kim waves from his car on the way to Hanoi.", "AP Photo/Minh Hoang"),
    )
    assert len(similar_uncredited.gallery) == 2  # similar words, other photographer


def test_evidence_pairs_the_uncredited_rewrite_with_the_original(samples, config):
    russia = _stories(samples, config)["000"]
    (evidence,) = russia.evidence  # the rewrite; the copy keeps ABC's credits
    assert evidence.source == "001_d287f615382e4c94.txt"
    assert evidence.relation == Relation.REWRITE
    rewrite = next(m for m in russia.members if m.article.source == evidence.source)
    matched = [a for a in rewrite.alignment if a.how is not None]
    assert len(evidence.pairs) == len(matched) > 0
    lead = russia.canonical.paragraphs
    for pair, a in zip(evidence.pairs, matched, strict=True):
        assert pair.original == lead[a.canonical]
        assert pair.derived == rewrite.article.paragraphs[a.index]
        assert (pair.how, pair.score) == (a.how, a.score)


def test_credited_copies_and_own_reports_have_no_evidence(samples, config):
    stories = _stories(samples, config)
    assert stories["004"].evidence == ()
    russia = stories["000"]
    flagged = {e.source for e in russia.evidence}
    assert "002_6e10a5f34e632333.txt" not in flagged
    credited = replace(russia.members[2], credits_original=True)
    again = merge(Cluster((*russia.members[:2], credited)))
    assert again.evidence == ()


def test_credit_roll_sorts_names_by_role_with_their_sources(samples, config):
    stories = _stories(samples, config)
    russia, hanoi = stories["000"], stories["004"]
    roll = {(c.role, c.name): c.sources for c in russia.credit_roll}
    # "ABC News' Ellie Kaufman and Joohee Cho contributed to this report." (the copy too)
    assert set(roll) == {("contributing", "Ellie Kaufman"), ("contributing", "Joohee Cho")}
    assert roll["contributing", "Ellie Kaufman"] == (
        "000_769eb25042b505df.txt",
        "002_6e10a5f34e632333.txt",
    )
    photos = [c.name for c in hanoi.credit_roll if c.role == "photo"]
    assert "Reuters/Andrew Harnik/Pool" in photos  # printed as "Andrew Harnik/Pool/Reuters"
    assert "Reuters via VNA/Nhan Sang" in photos  # printed as "Reuters Via VNA/Nhan Sang"
    assert len(photos) == len(set(photos))
