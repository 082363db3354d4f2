"""Who speaks: anyone the text names with a cue, resolved from the text itself."""

from __future__ import annotations

import pytest

from citecheck.extract.speakers import People, display, person_name
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
    # verbs of saying in the languages essays quote in
    ("Бухарин призывал: «обогащайтесь, накапливайте, развивайте своё хозяйство».\n", [("Бухарин", "cue")]),
    # a sentence opening on whose view it gives
    ("For Vandermeer, the councils were “a school of self-government for all”.\n", [("Vandermeer", "cue")]),
    # a body whose name holds a plural's apostrophe
    (
        "Hale wrote much. The Workers' Opposition insisted that “the unions must run the whole economy”.\n",
        [("Workers' Opposition", "cue")],
    ),
    # people in the plural speak together; a thing that speaks names nobody, and nobody is guessed
    (
        "Hale wrote much. The Kronstadt sailors demanded “free elections to all the soviets now”.\n",
        [("Kronstadt sailors", "context")],
    ),
    ("Hale wrote much. The resolution declared that “all factions must be dissolved at once”.\n", [(None, None)]),
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
    # ... or right after the document's name; a body the document addresses is not its author, and
    # with none named, the conference named last before the sentence passed it
    (
        "A resolution of the Ninth Party Conference sought “full equality within the party ranks”.\n",
        [("Ninth Party Conference", "context")],
    ),
    (
        "Ninth Party Conference.\n\nSapronov spoke for the minority.\n\nThe resolution instructed the Central "
        "Committee to abstain from “disciplinary transfers on political grounds”.\n",
        [("Ninth Party Conference", "context")],
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
    # a first name no list knows is one when the text pairs it with a surname that speaks alone
    (
        "Zbigniew Vandermeer joined in 1931. Vandermeer wrote pamphlets.\n\n"
        "Later Zbigniew was bitter. He wrote that “the councils were gone by the winter”.\n",
        [("Vandermeer", "cue")],
    ),
    # "he" after "his secretary Hale" is the one whose secretary she is; a quotation after other
    # people are named does not continue the last speaker's words
    (
        "Vandermeer wrote cautiously. According to his secretary Hale, he had “prepared a bombshell for the "
        "congress”. For each member he gives both sides: he praises “the most able man on the committee”.\n",
        [("Hale", "cue"), ("Vandermeer", "context")],
    ),
    # a sentence ending in a closing quotation mark and a note marker still ends: "Hale's" in the next
    # one is its subject, not an object of Lieberman's sentence
    (
        "Lieberman agreed that they were “the worst strikebreakers.”[^2] During this period, Hale's local "
        "elected him. He declined.\n\nThe workers showed no interest. “There was no prospect I could awaken them.”\n\n"
        "[^2]: Interview.\n",
        [("Lieberman", "cue"), ("Hale", "context")],
    ),
    # "the passage in NAME" names whose words follow, whoever's book is cited for them
    (
        "To quote again from the passage in Vandermeer that I referred to, “an army of workmen requires "
        "officers” (Hale, Councils, p. 3).\n",
        [("Vandermeer", "cue")],
    ),
    # a verb of saying in its base form, after "to"
    (
        "These circumstances led Vandermeer to describe the state as “a council state with bureaucratic deformations”.\n",
        [("Vandermeer", "cue")],
    ),
    # a verb of saying joined by "and" to the name's first verb; not to the object's
    (
        "Ilse Vandermeer criticized the chaos in the villages and warned: “the republic exists only in name.” "
        "(Hale, *Councils*, p. 3)\n",
        [("Vandermeer", "cue")],
    ),
    ("Ilse Vandermeer attacked Anton Hale and wrote: “the republic exists only in name.”\n", [("Vandermeer", "cue")]),
    # "he" is not the object of a verb just before it, but whom the "he" before that stood for
    (
        "Anton Hale eluded the police twice. He said the party was resisting Hitler.\n\n"
        "He had written an article, he told them: “the movement is scarcely breathing in Europe”.\n",
        [("Hale", "cue")],
    ),
    # ... though a name after "including" or "named" may well be the "he" that follows
    (
        "Lenin spoke at length.\n\nSo did the fellow travellers, including Anton Hale, a writer of talent. He considered that the "
        "state “was an optimistic notion, constructed too hastily”.\n",
        [("Hale", "cue")],
    ),
    # reported speech goes on past its sentence, in a paragraph with no quotation before
    (
        "Hale wrote. Hale spoke. Hale left.\n\nIlse Vandermeer retorted that the union was gone. "
        "It was a prison camp, “a modern despotism of immense proportions”.\n",
        [("Vandermeer", "context")],
    ),
    # a possessive opening the sentence is whose idea it discusses, not who speaks
    (
        "Ilse Vandermeer stressed that the unions were needed. Hale's assumption that they were not was "
        "wrong: “our state is such that the workers must defend themselves”.\n",
        [("Vandermeer", "context")],
    ),
    # a sentence adverb before a first name is not part of the name: "he" is Michael Vandermeer
    (
        "Michael Vandermeer joined in 1931.\n\nNonetheless Michael talked up the party to anyone. "
        "He tried to start “theoretical conversations about the councils”.\n",
        [("Vandermeer", "context")],
    ),
    # names after a comma before the colon are an apposition ("two giants, X and Y:"), not a clause
    # opening with its speaker: the sentence's subject introduces the block quotation
    (
        "Anton Hale contrasted the role of the councils with two other men, Ilse Vandermeer and Nikolai "
        "Orlov: “The councils were everywhere in those years, and nobody could stop them at all.”\n",
        [("Hale", "context")],
    ),
    # a quotation interrupted by its speaker and a verb of saying ("assured")
    (
        "Ilse Vandermeer was scathing. “The workers were pushed aside,” she declared.\n\n"
        "“The state is withering away slowly,” Hale assured the delegates, “but surely and for good.”\n",
        [("Vandermeer", "cue"), ("Hale", "cue"), ("Hale", "cue")],
    ),
    # one capitalised word after "the" is a thing: "he" is not the Thermidor
    (
        "Vandermeer's verdict on the Thermidor is well known. “The apparatus has expropriated the class "
        "politically,” he wrote.\n",
        [("Vandermeer", "cue")],
    ),
    # the verbs of saying of the languages essays quote in: a quotation in German or Russian after
    # its speaker's name and verb, not the person of the paragraph before
    (
        "Ilse Vandermeer antwortete: „Freiheit ist immer die Freiheit der anderen.“\n\n"
        "Орлов писал: «Коммунизм есть Советская власть плюс электрификация».\n",
        [("Vandermeer", "cue"), ("Орлов", "cue")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speaker_cues(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert speakers(text) == expected


def test_a_well_known_name_in_italics_is_a_name_not_a_title() -> None:
    text = "*Trotsky* reiterated his belief that “the unions must become production unions”.\n"
    assert speakers(text, "markdown") == [("Trotsky", "cue")]


REVIEW = "---\ntitle: 'Councils: A History, by Ilse Vandermeer'\n---\n\nTsar Nicholas ordered the garrison to fire. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (REVIEW + "The book notes that the regiment would be “viewed as collectively guilty” of this.\n", "Vandermeer"),
        (REVIEW + "According to the book, the regiment was “viewed as collectively guilty” of this.\n", "Vandermeer"),
        (REVIEW + "“The regiment was viewed as collectively guilty” (p. 9), the author states.\n", "Vandermeer"),
        # the book as a topic, not as a speaker
        (REVIEW + "The book is long. Nicholas said the regiment was “viewed as collectively guilty”.\n", "Nicholas"),
    ],
)
def test_in_a_review_the_book_speaks_for_its_author(text: str, expected: str) -> None:
    assert speakers(text, "markdown")[0][0] == expected


def test_a_name_in_a_whole_passage_in_italics_is_a_name() -> None:
    """Italics around a title hide its words from the names; italics around a long question do not."""
    text = (
        "Lenin wrote much. Lenin spoke.\n\n*One of the passages that I find interesting and thoughtful in the "
        "book is where Hale asks, “Why did no Marxists try to form such parties?” I wonder what you think.*\n"
    )
    assert speakers(text, "markdown") == [("Hale", "cue")]


def test_a_paragraph_opening_with_a_quotation_after_a_block_quotation_continues_it() -> None:
    text = (
        "It was 1920.\n\n> the labour of the whole country is obligatory, the basis of socialism. "
        "(Vandermeer, *Councils*, p. 3)\n\n“Wages must not be viewed from the angle of the individual worker” "
        "but should “measure the efficiency of the work”.\n"
    )
    assert speakers(text, "markdown") == [
        ("Vandermeer", "citation"),
        ("Vandermeer", "context"),
        ("Vandermeer", "context"),
    ]


@pytest.mark.parametrize(
    "head",
    ["By Ilse Vandermeer | August 26, 2002\n\n", "---\nauthor: Ilse Vandermeer\n---\n\n"],
)
def test_the_writer_quoting_themself_speaks(head: str) -> None:
    text = (
        head + "Michael Albert says much. Albert writes often.\n\nIn fact, I raised this question before. "
        "To repeat my argument: “public ownership is not unknown in the West”.\n"
    )
    assert speakers(text, "markdown") == [("Vandermeer", "cue")]


def test_an_anonymous_writer_is_nobody() -> None:
    text = (
        "---\nauthor: Unknown\n---\n\nMichael Albert says much. To repeat my argument: “public ownership is known”.\n"
    )
    assert speakers(text, "markdown") == [("Albert", "context")]


def test_a_block_quotation_takes_the_speaker_of_its_introduction() -> None:
    text = "Vandermeer, in a simple example, summed up the situation:\n\n> The councils were everywhere in those years.\n\nMore.\n"
    assert speakers(text, "markdown") == [("Vandermeer", "cue")]


@pytest.mark.parametrize(
    "intro",
    [
        # a title in quotation marks names nobody
        'The first section is entitled "The Years of Preparation for Revolution." I would like to read from this:',
        # a name in an aside is named in passing
        "The first section (which comrade Hale cited) is worth it. I would like to read from this:",
    ],
)
def test_a_block_quotation_without_a_cue_is_by_whom_the_passage_is_about(intro: str) -> None:
    text = f"This suggests that Vandermeer saw 1903 as significant.\n\n{intro}\n\n> The councils were everywhere in those years.\n"
    assert speakers(text, "markdown") == [("Vandermeer", "context")]


def test_the_author_of_the_cited_work_speaks_when_nothing_else_says() -> None:
    text = "The point was made plainly: “the councils were everywhere in those years” (Hale, *Councils*, p. 3).\n"
    assert speakers(text, "markdown") == [("Hale", "citation")]


def test_words_taken_from_inside_a_longer_attributed_quotation_give_its_speaker() -> None:
    text = (
        "Hale wrote: “An army of workmen requires officers, who command in the name of the capitalist.”\n\n"
        "Vandermeer disagreed. Managers who “command in the name of the capitalist” grew bold.\n"
    )
    assert speakers(text) == [("Hale", "cue"), ("Hale", "echo")]


def test_a_work_cited_by_title_alone_takes_the_author_a_later_citation_of_it_gives() -> None:
    text = (
        "The point was made plainly: “the councils were everywhere in those years” (*Councils*, p. 3).\n\n"
        "Ilse Vandermeer states that “the councils were gone by the winter” (*Councils*, p. 9).\n"
    )
    result = extract_text(text, "markdown")
    assert [c.author for c in result.citations] == ["Vandermeer", "Vandermeer"]
    assert [(q.speaker, q.speaker_basis) for q in result.quotations] == [
        ("Vandermeer", "citation"),
        ("Vandermeer", "cue"),
    ]


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
        ("Keller, M.", "Keller"),  # an author as a reference list writes it
        ("Orlov, Nikolai", "Orlov"),
        ("A.N. Orlov", "Orlov"),
        ("U.S. Army", "U.S. Army"),
    ],
)
def test_display(name: str, shown: str) -> None:
    assert display(name) == shown


@pytest.mark.parametrize(
    ("author", "name"),
    [("Orlov, N. A.", "N. A. Orlov"), ("Орлов Н. А.", "Н. А. Орлов"), ("Nikolai Orlov", "Nikolai Orlov")],
)
def test_person_name(author: str, name: str) -> None:
    assert person_name(author) == name


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
    "was resisting", "his secretary", "(", ")", "including", "in Lenin's words", "x " * 200,
]  # fmt: skip


def _plain_is_subject(people: People, i: int) -> bool:
    from citecheck.extract import speakers as sp

    m, text = people.mentions[i], people.text
    return people._speaks_in_possessive(m) or not (
        sp._AFTER_PREPOSITION.search(text, max(0, m.start - 8), m.start)
        or sp._RELATION.search(text, max(0, m.start - 40), m.start)
        or sp._in_aside(text, m.start)
        or sp._AFTER_VERB.search(text, max(0, m.start - 24), m.start)
        or (m.possessive and people._subject_before(i))
    )


def _plain_pronouns(people: People) -> dict[int, str | None]:
    """Every pronoun's person, in document order, by the plain walk."""
    out: dict[int, str | None] = {}
    for m in people.mentions:
        if m.pronoun:
            out[m.start] = _plain_last_person_before(people, m.start, max(0, m.start - 1500), m.name, out)
    return out


def _plain_last_person_before(
    people: People, pos: int, floor: int, pronoun: str = "", resolved: dict[int, str | None] | None = None
) -> str | None:
    """last_person_before as a walk back over every mention of ``[floor, pos)``, nearest first: a
    subject; past an object, a subject within 600 characters or whom the same pronoun before stood for."""
    from citecheck.extract.speakers import _PAST_OBJECT

    ms = people.mentions
    fallback: str | None = None
    chained = False
    for i in reversed(range(len(ms))):
        m = ms[i]
        if not floor <= m.start < pos:
            continue
        if fallback is not None and m.start < pos - _PAST_OBJECT:
            break
        if pronoun and m.pronoun and m.name == pronoun and not chained and resolved is not None:
            chained = True  # only the nearest one before
            if resolved.get(m.start):
                return resolved[m.start]
        if m.person and not m.pronoun:
            if _plain_is_subject(people, i):
                return m.name
            fallback = fallback or m.name
    return fallback


def _plain_salient(people: People, pos: int, floor: int) -> str | None:
    """salient as one count over the mentions of the passage, none named in an aside."""
    from citecheck.extract.speakers import _in_aside

    pronouns = _plain_pronouns(people)
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for m in people.between(floor, pos):
        if _in_aside(people.text, m.start):
            continue
        name = pronouns[m.start] if m.pronoun else (m.name if m.person else None)
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


def test_the_person_named_before_quoted_in_speaks() -> None:
    """``Hale, quoted in Orlov, …``: the note's source is Orlov's book, the words are Hale's."""
    text = (
        "The slogan was clear: “all power to the councils, and at once”.[^1]\n\n"
        "[^1]: Anton Hale, quoted in Nikolai Orlov, *The Red Decade* (London, 1987), p. 3.\n"
    )
    assert speakers(text, "markdown") == [("Hale", "citation")]
    unnamed = text.replace("Anton Hale, quoted in", "Quoted in")
    assert speakers(unnamed, "markdown") == [(None, None)]
