"""Credits in wire style: the rules in generator/credits.py, case by case."""

from __future__ import annotations

import pytest
from conftest import article_from as article

from generator.credits import agencies_in, article_credits, photo_credit, rights_notice

PHOTO_CREDITS = [
    # (as printed, in wire style)
    ("Reuters/Stringer", "Reuters/Stringer"),
    ("REUTERS/Stringer", "Reuters/Stringer"),
    ("REUTERS/JASON REED", "Reuters/Jason Reed"),
    ("(AP Photo/Minh Hoang)", "AP Photo/Minh Hoang"),
    ("AP PHOTO/Minh Hoang", "AP Photo/Minh Hoang"),
    ("Minh Hoang/AP", "AP Photo/Minh Hoang"),
    ("Jorge Silva/Reuters", "Reuters/Jorge Silva"),
    ("Andrew Harnik/Pool/Reuters", "Reuters/Andrew Harnik/Pool"),
    ("Reuters Via VNA/Nhan Sang", "Reuters via VNA/Nhan Sang"),
    ("Photo: Reuters / Ann Wang", "Reuters/Ann Wang"),
    ("Photo by Jane Roe/Getty Images", "Getty Images/Jane Roe"),
    ("GETTY IMAGES", "Getty Images"),
    ("AFP/Getty Images", "AFP/Getty Images"),
    ("REUTERS/STRINGER.", "Reuters/Stringer"),
    ("Hau Dinh, AP", "AP Photo/Hau Dinh"),
    ("Jane Roe, Getty Images", "Getty Images/Jane Roe"),
    # left as they are: a person, an outlet we do not know, an agency-looking word in a name
    ("Jane Roe", "Jane Roe"),
    ("The Quartz Desk", "The Quartz Desk"),
    ("Apollo Ap", "Apollo Ap"),
    ("Andrew Harnik, Pool", "Andrew Harnik, Pool"),
    ("Jane Roe, The Quartz Desk", "Jane Roe, The Quartz Desk"),
]


@pytest.mark.parametrize(("printed", "wire"), PHOTO_CREDITS)
def test_photo_credits_in_wire_style(printed, wire):
    assert photo_credit(printed) == wire
    assert photo_credit(wire) == wire  # already in wire style: unchanged


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("SEOUL (Reuters)", ["Reuters"]),
        ("By the Associated Press", ["AP"]),
        ("Associated Press Writer", ["AP"]),
        ("Brought to you by AFP and Reuters", ["AFP", "Reuters"]),
        ("With reporting from Agence France-Presse", ["AFP"]),
        ("Press Trust of India", ["PTI"]),  # the wires spelled out, as Indian,
        ("© AAP 2008", ["AAP"]),  # Australian and New Zealand pages print them
        ("Copyright New Zealand Press Association", ["NZPA"]),
        ("Map of the area", []),  # "ap" inside a word is no agency
        ("a pa in the park", []),  # short names only in capitals
    ],
)
def test_agencies_named_in_a_credit_line(line, agencies):
    assert agencies_in(line) == agencies


def test_byline_names_are_reporters_and_contributor_lines_contributors():
    credits = article_credits(
        article(
            "Quake shakes the coast\n"
            "By Jane Doe and John Roe\n"
            "TOKYO (Reuters) -- A strong earthquake shook the coast on Monday, officials said.\n"
            "Trains were halted for hours while engineers checked the tracks for damage.\n"
            "Rescuers searched collapsed houses in the small fishing towns along the bay.\n"
            "Mary Major contributed to this report.\n"
        )
    )
    assert ("reporting", "Jane Doe") in credits and ("reporting", "John Roe") in credits
    assert ("contributing", "Mary Major") in credits
    assert ("agency", "Reuters") in credits
    assert not {("reporting", "Mary Major"), ("contributing", "Jane Doe")} & set(credits)


def test_an_agency_in_brackets_opening_the_lede_is_credited():
    found = article(
        "Quake shakes the coast\n"
        "(Reuters) - A strong earthquake shook the coast on Monday, officials said.\n"
        "Trains were halted for hours while engineers checked the tracks for damage.\n"
    )
    assert found.paragraphs[0].startswith("A strong earthquake")
    assert ("agency", "Reuters") in article_credits(found)


def test_photo_credits_of_an_article_are_normalised():
    credits = article_credits(
        article(
            "Quake shakes the coast\n"
            "A strong earthquake shook the coast on Monday, officials said in a statement.\n"
            "Rescuers search a collapsed house.\n"
            "Image: REUTERS/KIM KYUNG-HOON\n"
            "Trains were halted for hours while engineers checked the tracks for damage.\n"
        )
    )
    assert ("photo", "Reuters/Kim Kyung-Hoon") in credits


RIGHTS = [
    # (copyright line as printed, the notice a reader sees)
    (
        "Copyright 2008 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
        "© 2008 The Associated Press",
    ),
    (
        "Copyright 2008 by The Associated Press . All rights reserved.",
        "© 2008 The Associated Press",
    ),
    ("(© 2008 CBS Broadcasting Inc. All Rights Reserved.)", "© 2008 CBS Broadcasting Inc"),
    ("© CanWest News Service 2007", "© 2007 CanWest News Service"),
    ("Copyright (c) PA Sport 2008, All Rights Reserved.", "© 2008 PA Sport"),
    ("© 1995 - 2007 The Jerusalem Post. All rights reserved.", "© 1995–2007 The Jerusalem Post"),
    ("Copyright © 2008, azcentral.com. All rights reserved.", "© 2008 azcentral.com"),
    ("© REUTERS 2008", "© 2008 Reuters"),
    ("Copyright 2008 Courtesy of The Sports Network .", "© 2008 The Sports Network"),
    ("© AAP", "© AAP"),
    ("© 2017 WFMY-TV", "© 2017 WFMY-TV"),  # a call sign stays in capitals
    ("© 2017 WBTV", "© 2017 WBTV"),
    ("© 2016 WSB-TV NEWS CHANNEL", "© 2016 WSB-TV News Channel"),
    # a call sign beside a network's brand: a station's name, kept as printed
    ("Copyright 2017 WWBT NBC12. All rights reserved.", "© 2017 WWBT NBC12"),
    ("© 2016 KING JOHNSON", "© 2016 King Johnson"),  # a person, whose name starts like one
    # the owner in brackets after the station is not part of the holder's name
    ("Copyright 2016 WSMV (Meredith Corporation). All rights reserved.", "© 2016 WSMV"),
    # no holder named: the line is kept, but there is no notice to show
    ("© All rights reserved. Reproduction in whole or in part is prohibited.", None),
    ("Copyright 2008", None),
]


@pytest.mark.parametrize(("line", "notice"), RIGHTS)
def test_rights_notice_names_the_holder_and_year(line, notice):
    assert rights_notice(line) == notice


def test_the_copyright_line_under_an_article_is_its_rights_credit():
    credits = article_credits(
        article(
            "Quake shakes the coast\n"
            "TOKYO (AP) -- A strong earthquake shook the coast on Monday, officials said.\n"
            "Trains were halted for hours while engineers checked the tracks for damage.\n"
            "Copyright 2008 The Associated Press. All rights reserved.\n"
        )
    )
    assert ("rights", "© 2008 The Associated Press") in credits
    # a copyright sentence inside the text is no credit
    credits = article_credits(
        article(
            "Quake shakes the coast\n"
            "TOKYO -- A strong earthquake shook the coast on Monday, officials said.\n"
            "Copyright lawyers said the photographs of the damage belong to the agency.\n"
        )
    )
    assert not [c for c in credits if c[0] == "rights"]


def test_a_photographers_credit_with_no_caption_is_a_photo_credit():
    credits = article_credits(
        article(
            "Band plays secret show in London\n"
            "photo by Ros O'Gorman\n"
            "The band announced on their website that they would play a free show at a store.\n"
            "Four hundred people quickly gathered outside before the show moved to a club.\n"
        )
    )
    assert ("photo", "Ros O'Gorman") in credits
    # above its caption, the credit is the caption's: named once
    credits = article_credits(
        article(
            "Harbour vote passes after two-year fight\n"
            "AP Photo/Richard Roe, File\n"
            "Residents protest outside city hall during the harbour debate last spring.\n"
            "- Gallery | Scenes from the harbour\n"
            "HALIFAX -- The city council voted on Tuesday to expand the harbour, ending a fight.\n"
            "Residents who opposed the plan said they would take the harbour vote to court.\n"
        )
    )
    assert [c for c in credits if c[0] == "photo"] == [("photo", "AP Photo/Richard Roe")]
