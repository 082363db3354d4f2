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


# --- speed: congresses() finds what the plain scan finds ------------------------------------------

_CONGRESS_PIECES = [
    "first", "Tenth", "eleventh", "fifteenth", "13th", "2nd", "99th", "1", "party", "All-Russian", "soviet",
    "comintern", "communist", "congress", "Congress", "conference", "PLENUM", "plenum", " ", "  ", "\n", "\t",
    "\x1c", "\xa0", "x", "(", "-", "re", "s", ".", "ſoviet",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("the Tenth Party Congress voted", 0, 30),
        ("the tenth   \n  party \t congress", 0, 31),
        ("Tenth Congress and 11th conference; the eighth plenum", 0, 53),
        ("the Tenth Congress", 4, 18),  # a region starting inside the match
        ("the Tenth Congress", 0, 17),  # a region ending inside the word
        ("Tenth Congresses", 0, 16),  # no word boundary after it
        ("xTenth Congress", 0, 15),  # none before it
        ("first all-russian soviet congress", 0, 33),  # two words between: not a match
    ],
)
def test_congresses_are_the_plain_scan(text: str, lo: int, hi: int) -> None:
    from citecheck.extract.speakers import _CONGRESS, congresses

    assert [m.span() for m in congresses(text, lo, hi)] == [m.span() for m in _CONGRESS.finditer(text, lo, hi)]


def test_congresses_are_the_plain_scan_on_random_text() -> None:
    import random

    from citecheck.extract.speakers import _CONGRESS, congresses

    rng = random.Random(7)
    found = 0
    for _ in range(20_000):
        text = "".join(
            rng.choice(_CONGRESS_PIECES) + rng.choice(("", " ", " ", "\n ")) for _ in range(rng.randint(0, 9))
        )
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        expected = [m.span() for m in _CONGRESS.finditer(text, lo, hi)]
        assert [m.span() for m in congresses(text, lo, hi)] == expected, (text, lo, hi)
        found += bool(expected)
    assert found > 100  # the random texts do hold congresses


@pytest.mark.parametrize(
    "text",
    [
        "Socialism and socialism; the State, the state.",
        "X-ray x-ray don't Don't l'Humanité ÉTAT état _under 1st 2nd",
        "naïve Ångström über Über\u00a0ørsted\tsoviet’s\nsoviets—councils",
        "",
        "a",
        "mid-Victorian re-Stalinised Lenin-ism 'quoted' ‘single’",
    ],
)
def test_lower_vocabulary_is_every_lower_case_word(text: str) -> None:
    """Read per distinct space-separated token, the vocabulary is what one scan of the text finds."""
    from citecheck.extract.speakers import _LOWER, _lower_vocabulary

    assert _lower_vocabulary(text) == frozenset(_LOWER.findall(text))


# --- speed: salience, pronouns and the last person, asked many times, are the plain scans ----------

_PASSAGE_PIECES = [
    "Lenin", "Trotsky", "Ilse Vandermeer", "he", "He", "she", "the Tenth Congress", "Bukharin's idea",
    "in Stalin", "of Lenin", "said", "wrote", "and", ",", ".", ". ", "“x y”", "the", "\n\n",
]  # fmt: skip


def _plain_last_person_before(people: People, pos: int, floor: int) -> str | None:
    """last_person_before as a filter over every mention of ``[floor, pos)``, nearest first."""
    from citecheck.extract.speakers import _AFTER_PREPOSITION

    ms = people.mentions
    near = [i for i in reversed(range(len(ms))) if floor <= ms[i].start < pos and ms[i].person and not ms[i].pronoun]
    subjects = [
        i
        for i in near
        if not _AFTER_PREPOSITION.search(people.text, max(0, ms[i].start - 8), ms[i].start)
        and not (ms[i].possessive and people._subject_before(i))
    ]
    if subjects:
        return ms[subjects[0]].name
    return next((ms[i].name for i in near if ms[i].name), None)


def _plain_salient(people: People, pos: int, floor: int) -> str | None:
    """salient as one count over the mentions of the passage."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for m in people.between(floor, pos):
        name = _plain_last_person_before(people, m.start, max(0, m.start - 1500)) if m.pronoun else None
        name = name if m.pronoun else (m.name if m.person else None)
        if name:
            counts[name] = counts.get(name, 0) + 1
            last[name] = m.start
    return max(counts, key=lambda n: (counts[n], last[n])) if counts else None


def test_people_questions_are_the_plain_scans_on_random_passages() -> None:
    import random

    rng = random.Random(13)
    asked = named = 0
    for _ in range(300):
        text = " ".join(rng.choice(_PASSAGE_PIECES) for _ in range(rng.randint(1, 60)))
        people = People(view_of(text))
        for _ in range(15):  # many questions of one People: the tables built by the first serve the rest
            floor, pos = sorted(rng.randint(0, len(people.text)) for _ in range(2))
            assert people.salient(pos, floor) == _plain_salient(people, pos, floor), (text, pos, floor)
            who = people.last_person_before(pos, floor)
            assert who == _plain_last_person_before(people, pos, floor), (text, pos, floor)
            expected = [m for m in people.between(floor, pos) if m.person and not m.pronoun]
            assert list(people.persons_between(floor, pos)) == expected
            asked += 1
            named += who is not None
    assert asked == 4500 and named > 1000


def test_salient_is_the_latest_of_equals() -> None:
    """Of two names counted as often, the latest wins; the counting order breaks no other tie."""
    people = People(view_of("Lenin met Trotsky. Trotsky met Lenin. He left."))
    assert people.salient(len(people.text), 0) == _plain_salient(people, len(people.text), 0)
    assert people.salient(10, 0) == "Lenin"


def test_people_are_freed_without_the_cycle_collector() -> None:
    """The tables salient() keeps hold no reference back to their People: a document's names go
    when its extraction ends, not at the next collection (peak memory of a run)."""
    import gc
    import weakref

    people = People(view_of("Lenin met Trotsky. He said “x y” and he said “z w”.\n"))
    assert people.salient(len(people.text), 0) is not None
    ref = weakref.ref(people)
    gc.disable()
    try:
        del people
        assert ref() is None
    finally:
        gc.enable()
