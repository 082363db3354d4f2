"""The reference parser, one row a citation style, on references to works we invented.

Each row is ``(reference string with *italics* / **bold** marks, expected fields)``; a field left out
is not checked. ``work`` is the container when there is one, else the title, else the article.
"""

from __future__ import annotations

import pytest

from citecheck.extract.grammar.locators import normalise_pages, normalise_volume
from citecheck.extract.grammar.parse import _one_title_per_quotation, parse_reference, segments
from citecheck.extract.grammar.tokens import tokenize
from citecheck.extract.names import surname
from citecheck.models import ParsedReference


def marked(s: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``*x*`` -> italic, ``**x**`` -> bold: the text without the stars, and the marks."""
    out, marks, pos, open_at = "", [], 0, {}
    i = 0
    while i < len(s):
        if s.startswith("**", i):
            kind, step = "bold", 2
        elif s[i] == "*":
            kind, step = "italic", 1
        else:
            out += s[i]
            i += 1
            continue
        if kind in open_at:
            marks.append((open_at.pop(kind), len(out), kind))
        else:
            open_at[kind] = len(out)
        i += step
    del pos
    return out, sorted(marks)


def fields(p: ParsedReference) -> dict[str, object]:
    return {
        "author": surname(p.author) if p.author else None,
        "work": p.work,
        "volume": normalise_volume(p.volume) if p.volume else None,
        "pages": normalise_pages(p.pages) if p.pages else None,
        "year": p.year,
        "original_year": p.original_year,
        "publisher": p.publisher,
        "place": p.place,
        "ibid": p.ibid,
        "opcit": p.opcit,
        "secondhand": p.secondhand,
    }


STYLES = [
    # Chicago: book, article, chapter in a multi-volume edition, short forms
    (
        "Nikolai Orlov, *The Red Decade: Workers and Councils in Petrograd* (London: Verso, 1987), 112.",
        {
            "author": "Orlov",
            "work": "The Red Decade: Workers and Councils in Petrograd",
            "pages": "112",
            "year": "1987",
            "place": "London",
        },
    ),
    (
        'Maria Keller, "The Factory Committees Reconsidered," *Labour History Review* 14, no. 2 (Spring 1979), 31--40.',
        {"author": "Keller", "work": "Labour History Review", "volume": "14", "pages": "31-40", "year": "1979"},
    ),
    (
        'Karl Brandt, "On the Tax in Kind," in *Collected Writings* Vol. 12 (Berlin: Dietz, 1961 (1921)), 44.',
        {
            "author": "Brandt",
            "work": "Collected Writings",
            "volume": "12",
            "pages": "44",
            "year": "1961",
            "place": "Berlin",
        },
    ),
    ("Orlov, *Red Decade*, 140.", {"author": "Orlov", "work": "Red Decade", "pages": "140"}),
    ('Keller, "Factory Committees."', {"author": "Keller", "work": "Factory Committees"}),
    # ibid and op. cit.
    ("Ibid., p. 146.", {"ibid": True, "opcit": False, "pages": "146"}),
    ("*Ibid.*, pp. 162-3.", {"ibid": True, "pages": "162-163"}),
    ("ibid Vol 29, p58.", {"ibid": True, "volume": "29", "pages": "58"}),
    ("Volkov, *op. cit.*, II, p. 93.", {"author": "Volkov", "opcit": True, "volume": "2", "pages": "93"}),
    # British notes with roman volumes
    (
        'P. A. Semenov, "Speech to the Fourth Congress", *Sochineniya*, XXII, p. 54.',
        {"author": "Semenov", "work": "Sochineniya", "volume": "22", "pages": "54"},
    ),
    # bracketed (An Anarchist FAQ) style: bold titles
    ("**The Free Commune**, p. 88", {"work": "The Free Commune", "pages": "88"}),
    (
        "Anna Petrova, **Against the State**, pp. 12-4",
        {"author": "Petrova", "work": "Against the State", "pages": "12-14"},
    ),
    ("**Complete Works**, vol. 3, p. 41 and p. 77", {"work": "Complete Works", "volume": "3", "pages": "41, 77"}),
    ("quoted by John Miller, **The Council Movement**, p. 9", {"author": "Miller", "secondhand": True, "pages": "9"}),
    # author-date (Wikipedia / Harvard)
    (
        "Lindqvist, Erik (1974). The Iron Decade. Oxford: Clarendon Press. p. 95",
        {"author": "Lindqvist", "work": "The Iron Decade", "pages": "95", "year": "1974", "place": "Oxford"},
    ),
    (
        'Moreau, Anne; Hall, Peter (2003). "Planning Without Plans". Slavic Studies. 41 (3): 210–229',
        {"author": "Moreau", "work": "Slavic Studies", "volume": "41", "pages": "210-229", "year": "2003"},
    ),
    # MLA
    (
        "Fischer, Ruth. *Stalin and German Communism*. Cambridge: Harvard University Press, 1948. Print.",
        {"author": "Fischer", "work": "Stalin and German Communism", "year": "1948", "place": "Cambridge"},
    ),
    # Russian GOST
    (
        "Kuznetsov, I. P. Ocherki istorii // Voprosy istorii. Moscow, 1967. Vol. 3. P. 39.",
        {"author": "Kuznetsov", "volume": "3", "pages": "39", "year": "1967"},
    ),
    # GOST in Cyrillic: Т. (volume), С. (page), the abbreviated place and the imprint sentence,
    # the container after "//", an edition that is neither title nor place
    (
        "Кузнецов И. П. Очерки истории рабочего движения. 2-е изд. М.: Наука, 1967. Т. 3. С. 39.",
        {
            "author": "Кузнецов",
            "work": "Очерки истории рабочего движения",
            "volume": "3",
            "pages": "39",
            "year": "1967",
            "place": "М",
        },
    ),
    # one initial, and GOST's cues: "Цит. по:" (quoted from: second-hand), "См.:" (see)
    (
        "Цит. по: Сорокин А. Очерки рабочего движения. М., 1991. С. 312.",
        {"author": "Сорокин", "work": "Очерки рабочего движения", "secondhand": True, "pages": "312", "year": "1991"},
    ),
    ("См.: Сорокин А. Б. Очерки рабочего движения. М., 1991. С. 45.", {"author": "Сорокин", "pages": "45"}),
    (
        "Кузнецов И. П. О кооперации // Собр. соч. Т. 12. С. 40–44.",
        {"author": "Кузнецов", "work": "Собр. соч", "volume": "12", "pages": "40-44"},
    ),
    (
        "Орлов Н. А. Красное десятилетие. Л., 1987. С. 112.",
        {"author": "Орлов", "work": "Красное десятилетие", "pages": "112", "year": "1987", "place": "Л"},
    ),
    # volume and page without keywords: "33:487" after any work, "33, 212" after a collected works
    (
        "Anton Hale, *Collected Writings* (Leeds: Merlin, 1965), 33:487.",
        {"author": "Hale", "volume": "33", "pages": "487"},
    ),
    (
        "Hale, *Collected Works*, 33, 212.",
        {"author": "Hale", "work": "Collected Works", "volume": "33", "pages": "212"},
    ),
    ("Hale, *The Red Decade*, 33, 212.", {"volume": None, "pages": "33, 212"}),
    # "Place, Publisher, Year" with commas (French and other European styles); two places stay places
    (
        "Nikolai Orlov, La Décennie rouge, Paris, Gallimard, 1987, p. 94.",
        {"place": "Paris", "year": "1987", "pages": "94"},
    ),
    ("Orlov, *Councils* (Cambridge, MA: Harvard UP, 1960), p. 3.", {"place": "Cambridge, MA"}),
    # the field's authors in the spellings of other languages are known names
    ("Lénine, Oeuvres, t. 33, p. 487.", {"author": "Lénine", "volume": "33", "pages": "487"}),
    (
        "Trotzki, Die verratene Revolution, S. 94.",
        {"author": "Trotzki", "work": "Die verratene Revolution", "pages": "94"},
    ),
    # a letter, cited by who wrote to whom and when: the writer is the author (never in a title)
    ("Orlov to author, May 2008.", {"author": "Orlov"}),
    ("Anton Hale to Maria Keller, May 27, 1946.", {"author": "Hale"}),
    ("Objections to Anarchism, p. 5.", {"author": None, "pages": "5"}),
    # a keyword locator the labeller folded into a title is a locator
    ("**Post-Councils Socialism**, p. 138f", {"work": "Post-Councils Socialism", "pages": "138f"}),
    (
        '*"Preface"*, **The Red Decade in Petrograd**, p. xxxvi',
        {"work": "The Red Decade in Petrograd", "pages": "xxxvi"},
    ),
    # "Name, ed.,": the editor's whole name stands for the author
    (
        "James E. Vandermeer, ed., *The Councils Reader* (Leeds: Merlin, 1992), 346.",
        {"author": "Vandermeer", "pages": "346"},
    ),
    # a title, then "by Name": the author (a translator or an editor "by" is not)
    ("“The Red Decade” by Nikolai Orlov. Verso, London, 1987.", {"author": "Orlov", "work": "The Red Decade"}),
    ("*Councils*, translated by Maria Keller (Leeds: Merlin, 1980), p. 3.", {"author": None, "work": "Councils"}),
    # plain names before the first comma, then a title in italics, are the authors, known or not
    ("Orlov and Keller, *The Red Decade*, 146.", {"author": "Orlov", "work": "The Red Decade", "pages": "146"}),
    ("State and Revolution, CW 25, p. 400.", {"author": None, "work": "CW", "volume": "25"}),
    # known people before the first comma, then a title, are the authors
    ("Marx and Engels, *Collected Works*, vol. 6, p. 482.", {"author": "Marx", "volume": "6", "pages": "482"}),
    # ibid in the field's other languages; a locator read with its keyword is a locator
    ("Там же. С. 64.", {"pages": "64", "ibid": True}),
    ("Ebd., S. 12.", {"pages": "12", "ibid": True}),
    ("Ebenda, Bd. 2, S. 7.", {"volume": "2", "pages": "7", "ibid": True}),
    # italics are a title even when they name a person (a biography): not part of the author
    (
        "Quoted in Maria Keller, *Nikolai Orlov* (Leeds: Merlin, 1980), 180.",
        {"author": "Keller", "work": "Nikolai Orlov", "pages": "180", "year": "1980", "secondhand": True},
    ),
    # a catalogue number is a comment, never a container, a volume or a page
    (
        "Orlov, Nikolai (1987). The Red Decade. London: Verso. p. 112. ISBN 978-0-394-50241-3.",
        {"author": "Orlov", "work": "The Red Decade", "volume": None, "pages": "112", "year": "1987"},
    ),
    (
        "Keller, Maria (1980). Councils. Leeds: Merlin. OCLC 2613436.",
        {"author": "Keller", "work": "Councils", "volume": None, "pages": None, "year": "1980"},
    ),
    # the compact "Weekly Worker" note
    (
        "VI Lenin CW Vol 30, Moscow 1977, p208.",
        {"author": "Lenin", "work": "CW", "volume": "30", "pages": "208", "year": "1977", "place": "Moscow"},
    ),
    (
        "EH Carr The Bolshevik revolution Vol 3, Harmondsworth 1977, p218",
        {
            "author": "Carr",
            "work": "The Bolshevik revolution",
            "volume": "3",
            "pages": "218",
            "year": "1977",
            "place": "Harmondsworth",
        },
    ),
    # parentheticals of running text
    ("Works, vol. 33, page 288, our emphasis", {"work": "Works", "volume": "33", "pages": "288"}),
    ("LCW, Vol. 27, p. 273.", {"work": "LCW", "volume": "27", "pages": "273"}),
    ("p. 15", {"pages": "15", "work": None, "author": None}),
    # newspapers, letters
    ("*Pravda*, March 12, 1920.", {"work": "Pravda", "year": "1920"}),
    ("Harris to Becker, Nov. 2, 1946", {"author": "Harris", "year": "1946"}),
    # the reference after a leading cue reads as it would without it: a plain name is its author
    (
        "Quoted in Israel Hollander, Red Harbour 1917-1921: The Fate of a Fleet (Leeds: Merlin, 1983), 227.",
        {"author": "Hollander", "secondhand": True, "pages": "227", "year": "1983", "place": "Leeds"},
    ),
    # a month in a date is no place of publication
    ('Leon Hollis, "Hue and Cry," *New Review* 4, no. 4 (April 1938): 103.', {"place": None, "year": "1938"}),
    # Harvard's original year first, in brackets, in a reference list: the edition's year is the year
    (
        "Orlov, N. ([1917] 1964) *The Red Decade*. Leeds: Merlin.",
        {"year": "1964", "original_year": "1917", "work": "The Red Decade"},
    ),
    # MLA: a bare number right after an italic short title is the page; after a collected edition, the volume
    ("*Red Decade* 17", {"work": "Red Decade", "pages": "17", "volume": None}),
    ("Orlov, *Red Decade* 545", {"author": "Orlov", "work": "Red Decade", "pages": "545"}),
    ("Lenin, *Collected Works* 33", {"volume": "33", "pages": None}),
    # MLA's imprint has no place: "Leeds UP, 1954" is the publisher
    ("Orlov, Nikolai. *The Red Decade*. Leeds UP, 1954.", {"place": None, "year": "1954"}),
    # a publisher's name, then a known place, no colon between
    ("Anne Hollis, *The Long Winter* (Allen and Unwin N.Y., 1925), p. 5.", {"place": "N.Y.", "year": "1925"}),
    ("Hollis, *The Long Winter* (Verso London 1977), p. 3", {"place": "London", "year": "1977"}),
    # "vol. N of *Series*": the work is the multi-volume series, the volume its number
    (
        "R. Hollis, *The Long Winter*, vol. 1 of *A History of the Councils* (Leeds: Merlin, 1980), 116–17.",
        {"work": "A History of the Councils", "volume": "1", "pages": "116-117"},
    ),
    # German notes: "zit. nach" (second-hand), "vgl." (see), "in: dies., *Werke*" (the same author's
    # collected works), "a.a.O." (op. cit.)
    (
        "Zit. nach Anne Hollis, *Die Räte*, Bd. 3, Stuttgart 1963, S. 312.",
        {"author": "Hollis", "work": "Die Räte", "secondhand": True, "volume": "3", "pages": "312"},
    ),
    ("Vgl. Anne Hollis, *Die Räte*, Bd. 3, Stuttgart 1963, S. 312.", {"author": "Hollis", "secondhand": False}),
    (
        "Anne Hollis, *Die Räte*, in: dies., *Gesammelte Werke*, Bd. 4, Berlin 1974, S. 359.",
        {"author": "Hollis", "work": "Gesammelte Werke", "volume": "4", "pages": "359"},
    ),
    ("Karl Brandt, *Die Steuer*, in: Brandt, *Werke*, Bd. 25, Berlin 1960, S. 397.", {"work": "Werke", "volume": "25"}),
    ("vgl. a.a.O., S. 362.", {"pages": "362", "ibid": True, "opcit": True}),
    # a publisher alone: in parentheses after the title (International Socialism's reference list), or
    # before the year with no place
    ("Hollis, Anne, 1974, *The Long Winter* (Pluto).", {"author": "Hollis", "year": "1974", "publisher": "Pluto"}),
    ("Hollis, *The Long Winter* (Penguin, 1969).", {"place": None, "publisher": "Penguin", "year": "1969"}),
    # a bibliography entry: surname, a given name no list knows, a full stop, the italic title
    (
        "Hollander, Ysrael. *Red Harbour 1917–1921*. Leeds: Merlin, 1983.",
        {"author": "Hollander", "work": "Red Harbour 1917–1921", "year": "1983", "place": "Leeds"},
    ),
    # an extent counts the volumes or pages of the work: it is neither a volume nor a page cited
    ("Hollis, J. 1952. *The Long Winter*. 3 vols. London: Merlin.", {"volume": None, "pages": None, "year": "1952"}),
    ("J. Hollis, *The Long Winter*, 3 vols. (London, 1950), vol. 2, p. 5.", {"volume": "2", "pages": "5"}),
    ("Hollis, *The Long Winter*, xii + 340 pp.", {"volume": None, "pages": None}),
    # "quoted in", "see"
    (
        "Quoted in EH Carr The interregnum Harmondsworth 1969, p361.",
        {"author": "Carr", "secondhand": True, "pages": "361", "year": "1969", "place": "Harmondsworth"},
    ),
    ("See M Lewin Lenin's last struggle London 1975.", {"author": "Lewin", "year": "1975", "place": "London"}),
]


@pytest.mark.parametrize(("written", "expected"), STYLES, ids=[s[:40] for s, _ in STYLES])
def test_styles(written: str, expected: dict[str, object]) -> None:
    text, marks = marked(written)
    got = fields(parse_reference(text, marks))
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("written", "pieces"),
    [
        # several references in one string, without semicolons
        (
            '"The Long Strike," *Labour Weekly* 412 (May 3, 1979), "Aftermath," *Labour Weekly* 415 (May 24, 1979)',
            ['"The Long Strike," Labour Weekly 412 (May 3, 1979), ', '"Aftermath," Labour Weekly 415 (May 24, 1979)'],
        ),
        # two issues of one periodical joined by "and"
        (
            '"The Long Strike," *Labour Weekly* 57 (Jul. 1979) and *Labour Weekly* 59 (Nov.--Dec. 1979)',
            ['"The Long Strike," Labour Weekly 57 (Jul. 1979) and ', "Labour Weekly 59 (Nov.--Dec. 1979)"],
        ),
        # an ibid is a whole reference: a sentence after it naming another work is another reference
        (
            "Ibid., p. 251. Compare Hollis's reading in *The Long Winter* (London, 1963), p. 312.",
            ["Ibid., p. 251. ", "Compare Hollis's reading in The Long Winter (London, 1963), p. 312."],
        ),
        (
            "Ibid. See also Hollis, *The Long Winter*, vol. 1, p. 140.",
            ["Ibid. ", "See also Hollis, The Long Winter, vol. 1, p. 140."],
        ),
        # ... but not the ibid's own pages, nor a work after a comma
        ("Ibid., pp. 5--6, 9.", None),
        # one reference: an article and then its book is no second reference
        ('Semenov, "Introduction," in *The Iron Road* (Leeds: Merlin, 1971), 3', None),
    ],
)
def test_segments(written: str, pieces: list[str] | None) -> None:
    text, marks = marked(written)
    got = [text[a:b] for a, b in segments(parse_reference(text, marks))]
    assert got == (pieces or [text])


def test_an_address_is_never_a_title() -> None:
    p = parse_reference("Anna Hall, Memoirs, available at http://example.org/hall.html")
    assert "example" not in (p.work or "") and "example" not in (p.publisher or "")


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # a labeller's split of one quoted title: the field most of its words have, "and" included
        (["container", "other", "part", "part", "part"], ["part"] * 5),
        # a tie: the first word's field
        (["title", "title", "part", "part", "other"], ["title", "title", "title", "title", "other"]),
        # a quoted run mostly not a title (a phrase in a note) is left alone
        (["note", "note", "note", "part", "note"], ["note", "note", "note", "part", "note"]),
    ],
)
def test_a_quoted_title_stays_one_title(labels: list[str], expected: list[str]) -> None:
    text = '"SWP and European Revolutions,"'
    tokens = [t for t in tokenize(text) if t.quoted]
    assert _one_title_per_quotation(tokens, labels) == expected


@pytest.mark.parametrize(
    ("written", "title"),
    [
        # a title noun makes the only name-like part a work, not an author
        ("Hale-Vandermeer Reader, p. 731 and p. 730", "Hale-Vandermeer Reader"),
        ("Hale-Vandermeer Anthology, p. 12", "Hale-Vandermeer Anthology"),
    ],
)
def test_a_title_noun_is_no_author(written: str, title: str) -> None:
    p = parse_reference(written)
    assert (p.title, p.author) == (title, None)


def test_a_periodical_issue_date_gives_the_year() -> None:
    # the date of a resolution, then the issue date in parentheses: the issue's year is the year cited
    text = 'Hale, "Tasks," Resolution of the Plenum, Nov. 2, 1943, *Red Review* 4, no. 11 (Dec. 1944), 329--34.'
    plain, marks = marked(text)
    assert parse_reference(plain, marks).year == "1944"


def test_a_possessive_name_before_the_title_is_its_author() -> None:
    plain, marks = marked(
        "These summaries are based on Orlov's detailed accounts in *Soviet Councils*, *op. cit.*, pp. 42-52."
    )
    p = parse_reference(plain, marks)
    assert (p.author, p.work, p.opcit) == ("Orlov", "Soviet Councils", True)
