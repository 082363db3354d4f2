"""Short forms resolved with explicit state, through whole documents of our own."""

from __future__ import annotations

import pytest

from citecheck.extract.resolve import resolve
from citecheck.models import Candidate, ParsedReference, Reference
from tests.conftest import extract_text


def rows(text: str, fmt: str = "markdown") -> list[tuple[object, ...]]:
    r = extract_text(text, fmt)
    ids = {c.id: i for i, c in enumerate(r.citations)}
    return [(c.author, c.work, c.volume, c.pages, c.year, c.place, ids.get(c.resolves_to or "")) for c in r.citations]


NOTES = "".join(f"Text.[^{i}] " for i in range(1, 8)) + "\n\n"

CASES = [
    # ibid repeats the last source, with year and place; a bare ibid takes the pages too
    (
        NOTES + "[^1]: Nikolai Orlov, *The Red Decade* (London: Verso, 1987), 112.\n[^2]: Ibid., 114.\n[^3]: Ibid.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "112", "1987", "London", None),
            ("Orlov, N.", "The Red Decade", None, "114", "1987", "London", 0),
            ("Orlov, N.", "The Red Decade", None, "114", "1987", "London", 1),
        ],
    ),
    # a short title finds its full reference; its container, volume and year come with it
    (
        NOTES + '[^1]: Karl Brandt, "On the Tax in Kind," in *Collected Writings* Vol. 12 (Berlin: Dietz, 1961), 44.\n'
        '[^2]: Maria Keller, *Councils* (Leeds: Merlin, 1980), 3.\n[^3]: Brandt, "Tax in Kind," 46.\n',
        [
            ("Brandt, K.", "Collected Writings", "12", "44", "1961", "Berlin", None),
            ("Keller, M.", "Councils", None, "3", "1980", "Leeds", None),
            ("Brandt, K.", "Collected Writings", "12", "46", "1961", "Berlin", 0),
        ],
    ),
    # op. cit. with an author goes to that author's latest work, not to the previous note
    (
        NOTES + "[^1]: Nikolai Orlov, *The Red Decade* (London: Verso, 1987), 112.\n"
        "[^2]: Maria Keller, *Councils* (Leeds: Merlin, 1980), 3.\n[^3]: Orlov, op. cit., p. 9.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "112", "1987", "London", None),
            ("Keller, M.", "Councils", None, "3", "1980", "Leeds", None),
            ("Orlov, N.", "The Red Decade", None, "9", "1987", "London", 0),
        ],
    ),
    # an abbreviation of a title the prose names in full
    (
        "Orlov's *The Red Decade* changed the field.[^1]\n\n[^1]: TRD, 12.\n",
        [("Orlov", "The Red Decade", None, "12", None, None, None)],
    ),
    # "loc. cit." repeats the place the work was last cited at, through ibids; "op. cit." does not
    (
        NOTES + "[^1]: Nikolai Orlov, *The Red Decade* (London: Verso, 1987), 112.\n[^2]: Ibid., 118.\n"
        "[^3]: Maria Keller, *Councils* (Leeds: Merlin, 1980), 3.\n[^4]: Orlov, loc. cit.\n[^5]: Orlov, op. cit.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "112", "1987", "London", None),
            ("Orlov, N.", "The Red Decade", None, "118", "1987", "London", 0),
            ("Keller, M.", "Councils", None, "3", "1980", "Leeds", None),
            ("Orlov, N.", "The Red Decade", None, "118", "1987", "London", 0),
            ("Orlov, N.", "The Red Decade", None, None, "1987", "London", 0),
        ],
    ),
    # "Id." with a title of its own: the same author, another work (nothing else carried over)
    (
        NOTES + "[^1]: Nikolai Orlov, *The Red Decade* (London: Verso, 1987), 112.\n[^2]: Id., *Councils*, 7.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "112", "1987", "London", None),
            ("Orlov, N.", "Councils", None, "7", None, None, 0),
        ],
    ),
    # an author-date list whose later parts name only a year: the author named before; ibid repeats the last
    (
        "Orlov saw “a retreat” (Orlov 1987a: 5; 1988: 7), then “a strategic one” (ibid.: 12).\n\n## References\n\n"
        "Orlov, N. (1987a) *The Red Decade*. London: Verso.\n\nOrlov, N. (1988) *Councils*. London: Verso.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "5", "1987", "London", 3),
            ("Orlov, N.", "Councils", None, "7", "1988", "London", 4),
            ("Orlov, N.", "Councils", None, "12", "1988", "London", 1),
            ("Orlov, N.", "The Red Decade", None, None, "1987", "London", None),
            ("Orlov, N.", "Councils", None, None, "1988", "London", None),
        ],
    ),
    # MLA: a short title in the running text names an entry of the works cited, after it
    (
        "Orlov calls it “a retreat” (*Red Decade* 17), and “a rout” (Orlov, *Decade* 45).\n\n## Works Cited\n\n"
        "Orlov, Nikolai. *The Red Decade*. Leeds UP, 1987.\n\nKeller, Maria. *Councils*. Merlin, 1980.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "17", "1987", None, 2),
            ("Orlov, N.", "The Red Decade", None, "45", "1987", None, 0),
            ("Orlov, N.", "The Red Decade", None, None, "1987", None, None),
            ("Keller, M.", "Councils", None, None, "1980", None, None),
        ],
    ),
    # numbered references: "[2, p. 10]" cites reference 2 at page 10, even before any plain "[2]"
    (
        "Orlov saw “a retreat of the whole party” [2, p. 10]. Keller saw “a school” [1].\n\n## References\n\n"
        "[1] M. Keller, *Councils*. Leeds: Merlin, 1980.\n\n[2] N. Orlov, *The Red Decade*. London: Verso, 1987.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "10", "1987", "London", 2),
            ("Keller, M.", "Councils", None, None, "1980", "Leeds", None),
            ("Orlov, N.", "The Red Decade", None, None, "1987", "London", None),
        ],
    ),
    # a page after a person's name goes to that person's work in the bibliography, not to the work cited last
    (
        "Keller wrote “a school” [Keller, *Councils*, 3]. Orlov's verdict (pp. 228–30) is milder.\n\n"
        "## Bibliography\n\n- Orlov, Nikolai. *The Red Decade*. London: Verso, 1987.\n",
        [
            ("Keller", "Councils", None, "3", None, None, None),
            ("Orlov, N.", "The Red Decade", None, "228-230", "1987", "London", 2),
            ("Orlov, N.", "The Red Decade", None, None, "1987", "London", None),
        ],
    ),
    # a surname alone and a page ("Orlov, 140."): that author's work cited before
    (
        NOTES + "[^1]: Nikolai Orlov, *The Red Decade* (London: Verso, 1987), 112.\n"
        "[^2]: Maria Keller, *Councils* (Leeds: Merlin, 1980), 3.\n[^3]: Orlov, 140.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "112", "1987", "London", None),
            ("Keller, M.", "Councils", None, "3", "1980", "Leeds", None),
            ("Orlov, N.", "The Red Decade", None, "140", "1987", "London", 0),
        ],
    ),
    # a note's commentary with a verb of prose holds its reference in parentheses; the person named
    # just before a title alone is its author (not a name inside the quotation the reference closes)
    (
        NOTES + "[^1]: As Hollis notes (*Red Harbour*, 317), the decision was his.\n",
        [("Hollis", "Red Harbour", None, "317", None, None, None)],
    ),
    (
        "The text condemned “the methods of Stalinist officials” (*Red Harbour*, p. 22).\n",
        [(None, "Red Harbour", None, "22", None, None, None)],
    ),
    # a misspelt surname in a short form still finds the work, under the right name
    (
        NOTES + "[^1]: Nikolai Orlov, *The Red Decade* (London: Verso, 1987), 112.\n[^2]: Orlow, *Red Decade*, 140.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "112", "1987", "London", None),
            ("Orlov, N.", "The Red Decade", None, "140", "1987", "London", 0),
        ],
    ),
    # op. cit. without an author, no cue: the work of the person the sentence is about
    (
        "Anton Hale wrote much [Hale, *The Councils*, p. 3]. Maria Keller disagreed [Keller, *Soviets*, p. 9].\n\n"
        'The trouble with Hale is simple: for him "the will of the single worker will always have to '
        'subordinate itself to the council" [Op. Cit., p. 5]\n',
        [
            ("Hale", "The Councils", None, "3", None, None, None),
            ("Keller", "Soviets", None, "9", None, None, None),
            ("Hale", "The Councils", None, "5", None, None, 0),
        ],
    ),
    # a work cited without an author takes the speaker of its quotation, a person, never a body
    (
        "Vandermeer declared that “the councils must rule”.[^1] The tenth party congress resolved that "
        "“the councils must be subordinated to the party”.[^2]\n\n[^1]: *Speeches*, p. 4.\n\n"
        "[^2]: *Tenth Congress Resolutions*, p. 9.\n",
        [
            ("Vandermeer", "Speeches", None, "4", None, None, None),
            (None, "Tenth Congress Resolutions", None, "9", None, None, None),
        ],
    ),
    # a work the prose names without its author belongs to the person its paragraph names, when a
    # later citation names that person and no work; a short title of a known work is not such a work
    (
        "Hale's *The Councils* is the book under review. I also read *A Peasant Tragedy*, and *The Councils* "
        "again (Orlov has blind spots of his own).\n\nThe peasants had no program [Orlov p. 581], "
        "and the cities starved [p. 298].\n",
        [
            ("Orlov", "A Peasant Tragedy", None, "581", None, None, None),
            ("Orlov", "A Peasant Tragedy", None, "298", None, None, 0),
        ],
    ),
    # an op. cit. naming a work that matches nothing keeps its own title, not the discussed author's
    (
        NOTES + "[^1]: Nikolai Orlov, *Councils in Soviet Russia* (London: Verso, 1987), 112.\n"
        "[^2]: Based on Keller's accounts in *Soviet Councils*, *op. cit.*, pp. 42-52.\n",
        [
            ("Orlov, N.", "Councils in Soviet Russia", None, "112", "1987", "London", None),
            ("Keller", "Soviet Councils", None, "42-52", None, None, None),
        ],
    ),
    # a short form naming only the container of an earlier article repeats the container, not the
    # article's volume or author
    (
        NOTES + '[^1]: Orlov, "On the Unions," Tenth Party Congress, Resolutions, I, p. 493.\n'
        "[^2]: Tenth Party Congress, pp. 26, 28.\n[^3]: Ibid.\n",
        [
            ("Orlov", "Tenth Party Congress", "1", "493", None, None, None),
            (None, "Tenth Party Congress", None, "26, 28", None, None, None),
            (None, "Tenth Party Congress", None, "26, 28", None, None, 1),
        ],
    ),
    # a periodical abbreviated after it was named in full is the periodical
    (
        "The group published *Current Debates*.[^1]\n\n"
        '[^1]: Anton Orlov, "The Problem of Social Consciousness," *CD* 8, no. 31 (Oct. 1957), 505.\n',
        [("Orlov, A.", "Current Debates", "8", "505", "1957", None, None)],
    ),
    # author-date citations (Harvard, Chicago) find their entry in the reference list after them,
    # by author and year: a year names one of two works; "Keller (1980: 9)" takes the name before it;
    # a parenthesis listing two citations is two
    (
        "Orlov wrote “the councils were everywhere in those years” (Orlov, 1987, p. 112). "
        "Keller (1980: 9) disagrees, as do others (Orlov 1991, pp. 3–4; Keller 1980: 12).\n\n"
        "## References\n\n"
        "Keller, M. (1980) *Councils*. Leeds: Merlin.\n\n"
        "Orlov, N. (1987) *The Red Decade*. London: Verso.\n\n"
        "Orlov, N. (1991) *After the Councils*. London: Verso.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "112", "1987", "London", 5),
            ("Keller, M.", "Councils", None, "9", "1980", "Leeds", 4),
            ("Orlov, N.", "After the Councils", None, "3-4", "1991", "London", 6),
            ("Keller, M.", "Councils", None, "12", "1980", "Leeds", 4),
            ("Keller, M.", "Councils", None, None, "1980", "Leeds", None),
            ("Orlov, N.", "The Red Decade", None, None, "1987", "London", None),
            ("Orlov, N.", "After the Councils", None, None, "1991", "London", None),
        ],
    ),
    # Wikipedia's short notes ("sfn"): an author-date note resolved to the sources list
    (
        "Orlov said “the councils were everywhere in those years”.[1]\n\n"
        "## References\n\n1. ^ Orlov 1987, p. 12.\n\n"
        "## Sources\n\n- Orlov, Nikolai (1987). *The Red Decade*. London: Verso. ISBN 978-0-394-50241-3.\n",
        [
            ("Orlov, N.", "The Red Decade", None, "12", "1987", "London", 1),
            ("Orlov, N.", "The Red Decade", None, None, "1987", "London", None),
        ],
    ),
    # notes are read where their markers stand: an ibid in the running text after a marker repeats
    # that note, though the note is written at the end
    (
        "Hale wrote “the councils were everywhere in those years”.[^1] Later “nobody stopped them” (ibid., p. 9).\n\n"
        "[^1]: Anton Hale, *Councils* (Leeds: Merlin, 1980), 3.\n",
        [
            ("Hale, A.", "Councils", None, "9", "1980", "Leeds", 1),
            ("Hale, A.", "Councils", None, "3", "1980", "Leeds", None),
        ],
    ),
    # a bare page in the running text after a note that cited the book: that book
    (
        "Hale wrote the history of the councils.[^1] He says “they were everywhere in those years” (p. 45).\n\n"
        "[^1]: Anton Hale, *Councils* (Leeds: Merlin, 1980).\n",
        [
            ("Hale, A.", "Councils", None, "45", "1980", "Leeds", 1),
            ("Hale, A.", "Councils", None, None, "1980", "Leeds", None),
        ],
    ),
    # a periodical a note abbreviates may be named in full only later in the running text
    (
        "Orlov wrote in 1957.[^1] The group published *Current Debates* from 1947.\n\n"
        '[^1]: Anton Orlov, "The Problem of Social Consciousness," *CD* 8, no. 31 (Oct. 1957), 505.\n',
        [("Orlov, A.", "Current Debates", "8", "505", "1957", None, None)],
    ),
    # two works of one author in one year: the letter after the year tells them apart
    (
        "Hale thought “the councils were everywhere” (Hale 1980b: 22) and “nobody stopped them” (Hale 1980a, p. 8).\n\n"
        "## Bibliography\n\n"
        "Hale, A. (1980a) 'The Councils Reconsidered', *Labour Review* 30: 8–17.\n\n"
        "Hale, A. (1980b) *Councils*. Leeds: Merlin.\n",
        [
            ("Hale, A.", "Councils", None, "22", "1980", "Leeds", 3),
            ("Hale, A.", "Labour Review", "30", "8", "1980", None, 2),
            ("Hale, A.", "Labour Review", "30", "8-17", "1980", None, None),
            ("Hale, A.", "Councils", None, None, "1980", "Leeds", None),
        ],
    ),
    # MLA: author and page; the author's one entry in the works cited
    (
        "Keller insists that “no council survived the winter” (Keller 212).\n\n"
        "## Works Cited\n\n"
        "Keller, Maria. *Councils*. Merlin, 1980.\n",
        [
            ("Keller, M.", "Councils", None, "212", "1980", None, 1),
            ("Keller, M.", "Councils", None, None, "1980", None, None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_resolution(text: str, expected: list[tuple[object, ...]]) -> None:
    assert rows(text) == expected


def _note(text: str, at: int, **fields: object) -> Reference:
    parsed = ParsedReference(text=text, **fields)  # type: ignore[arg-type]
    return Reference(
        "footnote", "note", at, at + len(text), parsed, Candidate("note", at, at + len(text), at, at + len(text), 0)
    )


def test_a_short_form_parsed_as_one_title_opening_with_a_cited_surname() -> None:
    """ "Orlov, Red Harbour, 229." read as the title "Orlov, Red Harbour": the surname of an author
    the document cites with that title, and the title."""
    refs = [
        _note(
            "Nikolai Orlov, Red Harbour (Leeds, 1970), 181.",
            0,
            author="Nikolai Orlov",
            title="Red Harbour",
            year="1970",
            place="Leeds",
            pages="181",
        ),
        _note("Orlov, Red Harbour, 229.", 100, title="Orlov, Red Harbour", pages="229"),
        _note("Keller, Red Harbour, 3.", 200, title="Keller, Red Harbour", pages="3"),
    ]
    got = [(r.author, r.work, r.year, r.pages) for r in resolve(refs)]
    assert got[1] == ("Nikolai Orlov", "Red Harbour", "1970", "229")
    assert got[2][:2] == (None, "Keller, Red Harbour")  # no work of Keller's: left as parsed


def test_bare_pages_cite_the_current_work_or_the_book_under_review() -> None:
    review = (
        "---\ntitle: The Red Decade by Nikolai Orlov\n---\n\n"
        "The book opens well: “the councils were everywhere in those years” (p. 15).\n\n"
        "Later Keller is cited: “no council survived the winter” [Maria Keller, *Councils*, p. 9]. "
        "And again: “the winter was long and hard for everybody” [p. 11].\n"
    )
    r = extract_text(review, "markdown")
    got = [(c.author, c.work, c.pages) for c in r.citations]
    assert got == [
        ("Orlov, N.", "The Red Decade", "15"),
        ("Keller, M.", "Councils", "9"),
        ("Keller, M.", "Councils", "11"),
    ]


def test_a_first_ibid_is_a_problem_not_a_guess() -> None:
    r = extract_text("Text.[^1]\n\n[^1]: Ibid., p. 4.\n", "markdown")
    (c,) = r.citations
    assert c.resolves_to is None and c.resolution_problem
