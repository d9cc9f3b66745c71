"""The name extractor: people, places and organisations, and the words that are not names."""

from __future__ import annotations

import pytest

from generator.entities import entities


def found(text: str) -> set[tuple[str, str]]:
    return {(e.kind, e.name) for e in entities(text)}


def names(text: str) -> set[str]:
    return {e.name for e in entities(text)}


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("He met Vladimir Putin on the border.", "person", "Vladimir Putin"),
        ("Talks with Russian President Vladimir Putin began.", "person", "Vladimir Putin"),
        ("She spoke to Dr Jane Goodall at length.", "person", "Jane Goodall"),
        ("The train carrying Kim Jong Un arrived.", "person", "Kim Jong Un"),
        ("It was shown by the Korean Central News Agency on Monday.", "organisation",
         "Korean Central News Agency"),
        ("The statement came from the Bank of England yesterday.", "organisation",
         "Bank of England"),
        ("A spokesman for NATO declined to comment.", "organisation", "NATO"),
        ("Officials said Reuters had seen the letter.", "organisation", "Reuters"),
        ("The leader travelled to North Korea by train.", "place", "North Korea"),
        ("He was greeted by officials in Khasan on Tuesday.", "place", "Khasan"),
        ("The governor of the Primorsky region spoke.", "place", "Primorsky"),
        ("Ships crossed the Taiwan Strait overnight.", "place", "Taiwan Strait"),
        ("Russia's Primorsky region is far away.", "place", "Russia"),
        ("A statement from the Chicago Police came late.", "organisation", "Chicago Police"),
        ("Officers in Clinton Township said the man fled.", "place", "Clinton Township"),
        ("A man was shot on Brice Street late on Monday.", "place", "Brice Street"),
        ("A spokesman said the FBI had joined the search.", "organisation", "FBI"),
        ("It happened in Baton Rouge, Louisiana, on Sunday.", "place", "Baton Rouge"),
        ("Officers near Mountain Brook, Ala. found him.", "place", "Mountain Brook"),
        ("Shots were fired in Fort Wayne, TX on Friday.", "place", "Fort Wayne"),
        ("He said Baton Rouge police were called.", "place", "Baton Rouge"),
        ("The victim, Jane Roe of Fort Worth, Texas, died.", "place", "Fort Worth"),
    ],
)  # fmt: skip
def test_finds_a_name_and_its_kind(text: str, kind: str, name: str) -> None:
    assert (kind, name) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was delayed.",  # "The" opens a sentence
        "Yesterday officials met. Later they left.",  # sentence openers
        "In September the talks resumed on Monday and again in March.",  # months and days
        "On Tuesday, Wednesday and Friday the market was closed.",
        "Analysts expect a deal. However nothing was signed.",
        "The North Korean leader met Russian officials.",  # nationality adjectives
        "He spoke to the Deputy Prime Minister by phone.",  # a bare title names no one
        "Meanwhile, prices rose.",
        "He told Police the car had left, and the Office said nothing.",  # a cue word alone
        "Police found the SUV on Monday, and he won by KO in the third.",  # things in capitals
    ],
)
def test_words_capitalised_for_grammar_are_not_names(text: str) -> None:
    assert names(text) == set()


def test_a_compass_point_in_an_address_is_no_acronym() -> None:
    assert names("A man was shot in the 1300 block of U Street NW on Friday.") == {"U Street"}


def test_a_sentence_initial_word_counts_only_when_it_is_a_name_elsewhere() -> None:
    text = "Khasan is small. The train arrived in Khasan at dawn."
    assert [(e.kind, e.name, e.mentions) for e in entities(text)] == [("place", "Khasan", 2)]
    assert names("Khasan is small. The train stopped at dawn.") == set()
    assert names("Russia is vast.") == {"Russia"}  # a known place needs no second mention


def test_a_surname_alone_counts_as_a_mention_of_the_person() -> None:
    text = "Vladimir Putin arrived. Reporters said Putin smiled. Later Putin left."
    [putin] = [e for e in entities(text) if e.name == "Vladimir Putin"]
    assert putin.kind == "person" and putin.mentions == 3
    assert "Putin" not in names(text)


def test_a_word_shared_by_two_people_is_nobody_in_particular() -> None:
    text = "Kim Jong Un met Kim Yo Jong. Officials said Kim waved."
    counts = {e.name: e.mentions for e in entities(text)}
    assert counts == {"Kim Jong Un": 1, "Kim Yo Jong": 1}


def test_possessives_and_punctuation_cut_names() -> None:
    text = "Russia's Primorsky region, Vladivostok and Pyongyang. Trump—and Beijing."
    assert {"Russia", "Primorsky", "Vladivostok", "Pyongyang", "Beijing"} <= names(text)
    assert not any("Russia Primorsky" in n or "Vladivostok and" in n for n in names(text))


def test_most_mentioned_first_and_min_mentions() -> None:
    text = "China and Vietnam. China again. Vietnam, China."
    result = entities(text)
    assert [(e.name, e.mentions) for e in result] == [("China", 3), ("Vietnam", 2)]
    assert [e.name for e in entities(text, min_mentions=3)] == ["China"]


def test_headline_words_inside_a_sentence_are_not_a_person() -> None:
    assert names("it was reported by the New York Times today") == {"New York Times"}


def test_a_place_word_alone_names_no_place() -> None:
    assert names("Shots were fired on Lewis Street. Street lights were out.") == {"Lewis Street"}


def test_a_name_the_text_places_is_that_place_wherever_it_stands() -> None:
    text = "A man was shot in Baton Rouge on Sunday. Police in Baton Rouge, La. seek a suspect."
    assert found(text) == {("place", "Baton Rouge")}
    assert entities(text)[0].mentions == 2


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ken Paxton, Texas' attorney general, spoke on Monday.", "Ken Paxton"),
        ("He praised Joe Burrow, Ohio State quarterback, after the game.", "Joe Burrow"),
        ("Sen. Jane Roe, D-Texas, said the bill would pass.", "Jane Roe"),
        ("Jeff Terry, MD, chair of the society, spoke.", "Jeff Terry"),
        ("Mark Rockwell, California state representative, spoke.", "Mark Rockwell"),
    ],
)
def test_a_person_before_a_states_name_stays_a_person(text: str, person: str) -> None:
    assert ("person", person) in found(text)


def test_a_word_alone_before_police_is_not_made_a_place() -> None:
    assert ("place", "Metro") not in found("The suspect fled before Metro police arrived.")


def test_a_person_of_a_town_and_its_state_is_a_person_and_a_place() -> None:
    text = "The victim, Jane Roe of Fort Worth, Texas, died on Sunday."
    assert {("person", "Jane Roe"), ("place", "Fort Worth")} <= found(text)


def test_a_places_other_names_are_one_place() -> None:
    text = "The talks in the US ended. Officials in the United States and the USA agreed."
    assert found(text) == {("place", "United States")}
    assert entities(text)[0].mentions == 3


def test_a_states_postal_code_alone_is_no_topic() -> None:
    assert found("Rep. Jane Roe (R-CA) spoke in Mountain View, CA, on Monday.") == {
        ("person", "Jane Roe"),
        ("place", "Mountain View"),
    }
