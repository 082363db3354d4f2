"""Who speaks: anyone the text names with a cue, resolved from the text itself."""

from __future__ import annotations

import pytest

from citecheck.extract.speakers import People, display
from tests.conftest import extract_text, view_of


def speakers(text: str, fmt: str = "text") -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_basis) for q in extract_text(text, fmt).quotations]


CASES = [
    # people nobody lists, named with a verb of saying
    ("Ilse Vandermeer wrote that “the councils were everywhere in those years”.\n", [("Vandermeer", "cue")]),
    ("“The councils were everywhere in those years,” said Vandermeer.\n", [("Vandermeer", "cue")]),
    ("“The councils were everywhere in those years,” Vandermeer recalled.\n", [("Vandermeer", "cue")]),
    # an aside between the name and the verb; a name inside the aside is not the speaker
    ("Vandermeer, in a letter of 1931, complained: “the councils were gone by the winter”.\n", [("Vandermeer", "cue")]),
    (
        "Lenin's widow Krupskaya, in a meeting of the Left Opposition, pointed out: “he would be in prison today”.\n",
        [("Krupskaya", "cue")],
    ),
    # possessive and "words of" cues
    ("In Vandermeer's words, “the councils were everywhere in those years”.\n", [("Vandermeer", "cue")]),
    ("In the uncompromising words of Anton Hale, “the councils were everywhere in those years”.\n", [("Hale", "cue")]),
    ("According to his secretary Hale, he had “prepared a bombshell for the congress”.\n", [("Hale", "cue")]),
    # a pronoun stands for the person named before it
    ("Vandermeer was bitter. He wrote that “the councils were gone by the winter”.\n", [("Vandermeer", "cue")]),
    # a body speaks too; a congress named in lower case is named properly
    (
        "As early as March 1919 the eighth party congress recognised the danger: “careerists are flooding in”.\n",
        [("Eighth Party Congress", "cue")],
    ),
    # an idea does not speak
    ("Anarchism argues that “the state must be abolished at once”.\n", [(None, None)]),
    # a place, a people or a party adjective is never the "he" of a later sentence
    (
        "Ilse Vandermeer travelled through Cuba and met Bolshevik exiles. He wrote that “the councils were gone by the winter”.\n",
        [("Vandermeer", "cue")],
    ),
    # a thing a person has ("his Critique") is not a person either
    (
        "It is worth recalling Vandermeer's remarks in his Critique of the councils: “Right,” he said, “is never higher than the economy”.\n",
        [("Vandermeer", "cue"), ("Vandermeer", "cue")],
    ),
    # a sentence adverb or participle capitalised at the start of a sentence is no name
    (
        "Vandermeer was bitter. Unfortunately: he wrote that “the councils were gone by the winter”.\n",
        [("Vandermeer", "cue")],
    ),
    # "wrote about" names a topic, not a speaker
    (
        "Hale claimed that the class that Vandermeer had written about was gone: “the councils were gone by the winter”.\n",
        [("Hale", "cue")],
    ),
    # a body's document: the body named in the sentence speaks
    (
        "At the party's 10th Congress a resolution was carried ordering the “complete abolition of all factionalism”.\n",
        [("10th Congress", "context")],
    ),
    # an adverb between the quotation and the verb; a first name alone takes the surname the text
    # gives anywhere ("Ilse Vandermeer" in a later note)
    (
        "“The councils were gone by the winter,” Michael once told me.\n\nLater.\n\nMichael Vandermeer, *Councils*.\n",
        [("Vandermeer", "cue")],
    ),
    # a word the text writes in lower case is no part of a name ("Like Ilse", "Nonetheless Ilse")
    (
        "Michael Vandermeer left, like many. Like Michael, he wrote that “the councils were gone by the winter”.\n",
        [("Vandermeer", "cue")],
    ),
    # names in a dashed list are two people, not one
    (
        "Tags: Michael Vandermeer - Anton Hale\n\nMichael wrote that “the councils were gone by the winter”.\n",
        [("Vandermeer", "cue")],
    ),
    # initials alone ("U.S.") and a number ("District Four") are nobody's name
    (
        "Michael Vandermeer was drafted into the U.S. Army and sat on the District Four council. "
        "He did not mind: “I was a conscientious soldier.”\n",
        [("Vandermeer", "context")],
    ),
    # a named body issues a decree; an acronym is a body, not a "he"
    (
        "A decree of Sovnarkom laid down labour service “to supply industry with labour power”.\n",
        [("Sovnarkom", "context")],
    ),
    (
        "In May the SWP carried a resolution for “the immediate recall of the delegates”.\n",
        [("SWP", "context")],
    ),
    # "was to say": a verb of saying after a future in the past
    (
        "At the Eleventh Congress in 1922, Vandermeer was to say: “It is essential that authority be concentrated”.\n",
        [("Vandermeer", "cue")],
    ),
    # "he" stands for a subject, not a name after a preposition
    (
        "Vandermeer wrote a bombshell for Hale. In Anton Hale's case, he speaks of “the most exceptional abilities of all the members”.\n",
        [("Vandermeer", "cue")],
    ),
    # "Michael and I": the writer and one person, who is the "he" that follows
    (
        "I think Michael Vandermeer and I agree. What he calls a council state—“It has public ownership”—is right.\n",
        [("Vandermeer", "cue")],
    ),
    # a building is nobody; a sentence adverb after a closing quotation mark starts a sentence
    (
        "Vandermeer was angry. The crowd stormed the Tauride Palace, and he wrote that “the councils were gone by the winter”.\n",
        [("Vandermeer", "cue")],
    ),
    (
        "Vandermeer wrote: “the war is lost.” Unfortunately, he added that “the councils were gone by the winter”.\n",
        [("Vandermeer", "cue"), ("Vandermeer", "cue")],
    ),
    # a regnal number is part of the name
    (
        "In 1915 Nicholas II wrote to his wife. Nicholas insisted that “the councils are a passing fever”.\n",
        [("Nicholas II", "cue")],
    ),
    # the one blamed "for" what they said said it
    (
        "Hale criticised Anton Orlov, the leader of the Leeds branch, for dismissing the workers as people who "
        "“express the interest of small proprietors”.\n",
        [("Orlov", "cue")],
    ),
    # a bracketed aside between the name and the verb; a name inside the aside is not the speaker
    (
        "As Orlov [an exile working with the Germans] explained to the minister, the “movement must be supported”.\n",
        [("Orlov", "cue")],
    ),
    # "to quote X,"
    ("To requote Malatesta, the freedom we want “is not an abstract freedom”.\n", [("Malatesta", "cue")]),
    # a verb of saying inverted between commas, before the quotation
    ("The program, said Vandermeer, would “be the guide of millions of workers”.\n", [("Vandermeer", "cue")]),
    # after the quotation: the person of "body title Person", with a middle initial
    (
        "“We were in very close contact with him after he came,” said SWP chairman James P. Cannon.\n",
        [("Cannon", "cue")],
    ),
    # "a response, authored by X, …"
    (
        "It came with an official response, authored by Anton Hale, explaining that “the struggle has unfolded”.\n",
        [("Hale", "cue")],
    ),
    # "he" after "X endorsed Y's idea." is X, the subject, not Y in the possessive
    (
        "Speaking for the group, Vandermeer endorsed Hale's idea. He observed a “clash of several cultures”.\n",
        [("Vandermeer", "cue")],
    ),
    # a first name alone is the full name the text gives it most often
    (
        "Michael Fox once agreed. Michael Albert disagreed, as Michael Albert does. Michael (Albert, not Fox) "
        "believes that “the coordinators rule the economy”.\n",
        [("Albert", "cue")],
    ),
    # a capitalised word before a number is a thing ("Catch 22"), not the "he" of the next clause
    (
        "I'm in a Catch 22 situation in challenging Michael Albert's assertion. “If you can show me,” he writes.\n",
        [("Albert", "cue")],
    ),
    # a cue opening a that-clause holds against a possessive noun inside it; a surname that is also
    # a common word ("cliff") is a name when it speaks
    (
        "They walked off a cliff. What is remarkable was Cliff's claim that Lenin's book displayed a "
        "“mechanical juxtaposition of spontaneity and consciousness”.\n",
        [("Cliff", "cue")],
    ),
    # a first name alone stands for the full name seen with it
    ("Michael Albert replied at length. Michael says that “the coordinators rule the economy”.\n", [("Albert", "cue")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speaker_cues(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert speakers(text) == expected


def test_a_well_known_name_in_italics_is_a_name_not_a_title() -> None:
    text = "*Trotsky* reiterated his belief that “the unions must become production unions”.\n"
    assert speakers(text, "markdown") == [("Trotsky", "cue")]


def test_a_block_quotation_takes_the_speaker_of_its_introduction() -> None:
    text = "Vandermeer, in a simple example, summed up the situation:\n\n> The councils were everywhere in those years.\n\nMore.\n"
    assert speakers(text, "markdown") == [("Vandermeer", "cue")]


def test_the_author_of_the_cited_work_speaks_when_nothing_else_says() -> None:
    text = "The point was made plainly: “the councils were everywhere in those years” (Hale, *Councils*, p. 3).\n"
    assert speakers(text, "markdown") == [("Hale", "citation")]


def test_the_same_words_attributed_earlier_give_the_speaker() -> None:
    text = "Hale wrote that “the councils were everywhere in those years”.\n\nLater the line “the councils were everywhere in those years” returned.\n"
    assert speakers(text) == [("Hale", "cue"), ("Hale", "echo")]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Michael Albert", "Albert"),
        ("V. I. Lenin", "Lenin"),
        ("Tenth Party Congress", "Tenth Party Congress"),
        ("Marx and Engels", "Marx and Engels"),
        ("YM Svedlov", "Sverdlov"),
    ],
)
def test_display(name: str, shown: str) -> None:
    assert display(name) == shown


def test_mentions_are_found_only_where_they_are_looked_for() -> None:
    view = view_of("Hale spoke. " * 3 + "Vandermeer spoke.\n")
    whole = People(view)
    part = People(view, regions=[(0, 12)])
    assert [m.name for m in whole.mentions] == ["Hale", "Hale", "Hale", "Vandermeer"]
    assert [m.name for m in part.mentions] == ["Hale"]
