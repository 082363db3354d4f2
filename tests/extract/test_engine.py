"""Extraction end to end, one row a citation style, each written in texts of our own.

Every style the extraction issue names has a row; the styles that exist in more
than one format (endnotes, block quotes) run through every format.
"""

from __future__ import annotations

import pytest

from citecheck.models import DocumentResult
from tests.conftest import extract_text


def cit(r: DocumentResult, i: int) -> dict[str, object]:
    c = r.citations[i]
    return {k: getattr(c, k) for k in ("kind", "author", "work", "volume", "pages", "year", "place")}


def linked_raw(r: DocumentResult, qi: int) -> str | None:
    c = r.citation(r.quotations[qi].citation)
    return c.raw if c else None


# ---------------------------------------------------------------- endnotes, in three formats
ENDNOTES = {
    "text": (
        "Lenin insisted that “the complete victory of the socialist revolution in one country is inconceivable”.1 "
        "Later he wrote: “We have bureaucrats in our party institutions as well as Soviet institutions.”2\n\n"
        "  1. VI Lenin CW Vol 28, Moscow 1977, p151.↩︎\n\n  2. ibid Vol 35, p495.↩︎\n"
    ),
    "markdown": (
        "Lenin insisted that “the complete victory of the socialist revolution in one country is inconceivable”.[^1] "
        "Later he wrote: “We have bureaucrats in our party institutions as well as Soviet institutions.”[^2]\n\n"
        "[^1]: VI Lenin CW Vol 28, Moscow 1977, p151.\n[^2]: ibid Vol 35, p495.\n"
    ),
    "html": (
        "<html><body><p>Lenin insisted that &ldquo;the complete victory of the socialist revolution in one country "
        'is inconceivable&rdquo;.<sup><a href="#fn1">1</a></sup> Later he wrote: &ldquo;We have bureaucrats in our '
        'party institutions as well as Soviet institutions.&rdquo;<sup><a href="#fn2">2</a></sup></p>\n'
        '<ol class="footnotes"><li id="fn1">VI Lenin CW Vol 28, Moscow 1977, p151. <a href="#r1">↩</a></li>\n'
        '<li id="fn2">ibid Vol 35, p495.</li></ol></body></html>\n'
    ),
}


@pytest.mark.parametrize("fmt", sorted(ENDNOTES))
def test_endnotes_and_ibid_in_every_format(fmt: str) -> None:
    r = extract_text(ENDNOTES[fmt], fmt)
    assert [c.kind for c in r.citations] == ["footnote", "ibid"]
    assert cit(r, 0) == {
        "kind": "footnote",
        "author": "Lenin, V. I.",
        "work": "CW",
        "volume": "28",
        "pages": "151",
        "year": "1977",
        "place": "Moscow",
    }
    ibid = r.citations[1]
    assert (ibid.resolves_to, ibid.author, ibid.volume, ibid.pages, ibid.note) == (
        r.citations[0].id,
        "Lenin, V. I.",
        "35",
        "495",
        2,
    )
    assert [q.speaker for q in r.quotations] == ["Lenin", "Lenin"]
    assert [q.citation for q in r.quotations] == [r.citations[0].id, r.citations[1].id]
    assert r.quotations[0].text.startswith("the complete victory")
    # line and column point at the text in the source file, whatever the markup
    src = ENDNOTES[fmt]
    for c in r.citations:
        assert src[c.start : c.end] == c.raw
        line_start = sum(len(x) + 1 for x in src.split("\n")[: c.line - 1])
        assert line_start + c.column - 1 == c.start


# ---------------------------------------------------------------- block quotes, in three formats
BLOCKS = {
    "text": (
        "As Trotsky explains:\n\n"
        "The bureaucracy does not form a class. It is a caste that lives on the privileges of office.\n\n"
        "The Revolution Betrayed (1937)\n\nMore prose follows here.\n"
    ),
    "markdown": (
        "As Trotsky explains:\n\n"
        "> “The bureaucracy does not form a class. It is a caste that lives on the privileges of office.” "
        "- Trotsky, [[The Revolution Betrayed (1937)]]\n\nMore prose follows here.\n"
    ),
    "html": (
        "<p>As Trotsky explains:</p><blockquote><p>The bureaucracy does not form a class. It is a caste that "
        "lives on the privileges of office.</p><p>&mdash; Trotsky, <i>The Revolution Betrayed (1937)</i></p>"
        "</blockquote><p>More prose follows here.</p>"
    ),
}


@pytest.mark.parametrize("fmt", sorted(BLOCKS))
def test_block_quote_with_attribution_in_every_format(fmt: str) -> None:
    r = extract_text(BLOCKS[fmt], fmt)
    assert len(r.quotations) == 1
    q = r.quotations[0]
    assert (q.form, q.speaker) == ("block", "Trotsky")
    assert q.text.startswith("The bureaucracy does not form a class") and q.text.endswith("privileges of office.")
    c = r.citation(q.citation)
    assert c is not None and c.kind == "attribution"
    assert (c.work, c.year) == ("The Revolution Betrayed", "1937")


INTERRUPTED = {
    "markdown": (
        "Hollis was blunt:\n\n> “If we take the capital,” he said, “with its thousands of officials, we must ask "
        "who is directing whom.” (Hollis, *Speeches*, p. 12)\n\nMore prose.\n"
    ),
    "html": (
        "<p>Hollis was blunt:</p><blockquote><p>&ldquo;If we take the capital,&rdquo; he said, &ldquo;with its "
        "thousands of officials, we must ask who is directing whom.&rdquo; (Hollis, <i>Speeches</i>, p. 12)</p>"
        "</blockquote><p>More prose.</p>"
    ),
}


@pytest.mark.parametrize("fmt", sorted(INTERRUPTED))
def test_a_block_quotation_broken_by_a_speech_tag_is_its_pieces(fmt: str) -> None:
    """A quotation interrupted by "he said" is two, in a block quotation too; both are sourced as the block is."""
    r = extract_text(INTERRUPTED[fmt], fmt)
    assert [q.text for q in r.quotations] == [
        "If we take the capital,",
        "with its thousands of officials, we must ask who is directing whom.",
    ]
    assert {linked_raw(r, 0), linked_raw(r, 1)} == {
        "(Hollis, *Speeches*, p. 12)" if fmt == "markdown" else "(Hollis, <i>Speeches</i>, p. 12)"
    }


# ---------------------------------------------------------------- one row a style
def test_chicago_markdown_footnotes_with_short_forms() -> None:
    text = (
        "Trotsky argued that “the bureaucracy is the planter and protector of privilege”.[^1] "
        "He later wrote that “the Soviet bureaucracy became more self-confident”.[^2] "
        "Again: “the leaders of the bureaucracy promoted the proletarian defeats”.[^3]\n\n"
        "[^1]: Leon Trotsky, *The Revolution Betrayed* (New York: Pathfinder, 1972), 90.\n"
        "[^2]: *Ibid*, 177.\n"
        "[^3]: Trotsky, *Revolution Betrayed*, 92.\n"
    )
    r = extract_text(text, "markdown")
    assert cit(r, 0) == {
        "kind": "footnote",
        "author": "Trotsky, L.",
        "work": "The Revolution Betrayed",
        "volume": None,
        "pages": "90",
        "year": "1972",
        "place": "New York",
    }
    assert (r.citations[1].kind, r.citations[1].pages, r.citations[1].resolves_to) == ("ibid", "177", r.citations[0].id)
    short = r.citations[2]
    assert (short.resolves_to, short.work, short.pages) == (r.citations[0].id, "The Revolution Betrayed", "92")
    assert [q.citation for q in r.quotations] == [c.id for c in r.citations]
    assert r.citations[0].publisher == "Pathfinder"


def test_inline_parentheticals_and_page_only_continuation() -> None:
    text = (
        "As Trotsky put it, “the masses were pushed away gradually from actual participation” (TRB, 76). "
        "He added that “the reaction within the proletariat caused an extraordinary flush of hope” (190). "
        "Lenin was blunter: “we must fight this scum again and again” (LCW, Vol. 29, pp. 32-3.) "
        "and “the bricks of which socialism will be composed have not yet been made”. (Ibid., p. 148.)\n"
    )
    r = extract_text(text)
    kinds = [(c.kind, c.raw) for c in r.citations]
    assert kinds == [
        ("inline", "(TRB, 76)"),
        ("inline", "(190)"),
        ("inline", "(LCW, Vol. 29, pp. 32-3.)"),
        ("ibid", "(Ibid., p. 148.)"),
    ]
    cont = r.citations[1]
    assert (cont.resolves_to, cont.work, cont.pages) == (r.citations[0].id, "TRB", "190")
    assert (r.citations[2].volume, r.citations[2].pages) == ("29", "32-33")
    assert (r.citations[3].volume, r.citations[3].pages, r.citations[3].resolves_to) == ("29", "148", r.citations[2].id)
    assert [q.citation for q in r.quotations] == [c.id for c in r.citations]
    assert [q.speaker for q in r.quotations][:2] == ["Trotsky", "Trotsky"]


def test_bracketed_citations_and_op_cit() -> None:
    text = (
        "Daniels notes that “the opposition was never allowed to organise” "
        "[Daniels, The Conscience of the Revolution, p. 85]. Lenin had warned that “we must fight this scum again "
        "and again” [**Collected Works**, vol. 29, p. 32]. The opposition “was broken by the apparatus in a year” "
        "[Daniels, **Op. Cit.**, p. 87]. Later “the scum had crawled back into every office” [<b>Op. Cit.</b>, vol. 32, p. 21].\n"
    )
    r = extract_text(text, "markdown")
    assert [c.kind for c in r.citations] == ["inline", "inline", "ibid", "ibid"]
    assert (r.citations[0].author, r.citations[0].work, r.citations[0].pages) == (
        "Daniels",
        "The Conscience of the Revolution",
        "85",
    )
    assert (r.citations[1].work, r.citations[1].volume, r.citations[1].author) == ("Collected Works", "29", "Lenin")
    opcit = r.citations[2]
    assert (opcit.resolves_to, opcit.work, opcit.pages) == (r.citations[0].id, "The Conscience of the Revolution", "87")
    last = r.citations[3]
    assert (last.resolves_to, last.volume, last.pages) == (r.citations[2].id, "32", "21")
    assert last.resolution_problem is not None and "ambiguous" in last.resolution_problem


def test_attribution_line_with_congress_date_and_roman_volume() -> None:
    text = (
        "Lenin, in a simple example, summed up the situation:\n\n"
        "If we could tomorrow give 100,000 first-class tractors, the middle peasant would say that he is for "
        "Communism.\n\nEighth Congress of the R.C.P.(B.), March 18-23, 1919. Collected Works, Vol. XXIX\n\nThen prose.\n"
    )
    r = extract_text(text)
    (c,) = r.citations
    assert (c.kind, c.author, c.work, c.volume, c.material_date) == (
        "attribution",
        "Lenin",
        "Collected Works",
        "29",
        "1919-03-18/1919-03-23",
    )
    assert c.volume_raw == "XXIX" and c.year is None
    (q,) = r.quotations
    assert (q.form, q.speaker, q.citation) == ("block", "Lenin", c.id)


def test_quoted_in_keeps_the_speaker_and_marks_the_source_secondhand() -> None:
    text = (
        "Krupskaya remarked that “if Ilyich were alive today, he would be in prison”.1 "
        "Or as Lenin commented: “the best workers have been taken for the front.” (Quoted by Carr.)\n\n"
        "  1. Quoted in I Deutscher The prophet unarmed Oxford 1982, p90.↩︎\n"
    )
    r = extract_text(text)
    kinds = {c.raw: (c.kind, c.author, c.secondhand) for c in r.citations}
    assert kinds["(Quoted by Carr.)"] == ("quoted-in", "Carr", True)
    assert kinds["Quoted in I Deutscher The prophet unarmed Oxford 1982, p90."] == ("quoted-in", "Deutscher, I.", True)
    assert [q.speaker for q in r.quotations] == ["Krupskaya", "Lenin"]


def test_quotation_over_several_paragraphs_counts_once() -> None:
    text = (
        "Lenin wrote:\n\n“Since Soviet power has been established, the task is to wage the struggle on a world scale.\n\n"
        "This situation is an entirely novel and difficult one.\n\n"
        "On the other hand, the main task is to organise the development of the country.”1\n\n"
        "  1. VI Lenin CW Vol 29, Moscow 1977, p58.↩︎\n"
    )
    r = extract_text(text)
    (q,) = r.quotations
    assert q.form == "block" and q.line == 3 and q.text.endswith("development of the country.")
    assert r.citation(q.citation) is not None


def test_interrupted_quotation_is_two_pieces_with_one_speaker() -> None:
    text = (
        "“We know,” Lenin told the party’s 10th Congress, “that so long as there is no revolution in other "
        "countries, only agreement with the peasantry can save the revolution.”\n"
    )
    r = extract_text(text)
    assert next(q.text for q in r.quotations) == "We know,"
    assert [q.speaker for q in r.quotations] == ["Lenin", "Lenin"]
    assert r.quotations[1].material_date == "1921-03"


def test_titles_and_scare_quotes_are_not_quotations() -> None:
    text = (
        "In his article, ‘Better fewer but better’, Lenin attacked it. The “Platform of the Communist International” "
        "was adopted. Stalin spoke of the “Lenin Enrolment”.\n"
    )
    r = extract_text(text)
    assert [q.text for q in r.quotations] == []
    (c,) = r.citations
    assert (c.kind, c.author, c.work) == ("prose", "Lenin", "Better fewer but better")


def test_ellipses_and_bracketed_insertions_are_kept_as_written() -> None:
    r = extract_text(
        "Trotsky wrote that “[Stalin] brought [the bureaucracy] all the necessary guarantees … and more”.\n"
    )
    assert r.quotations[0].text == "[Stalin] brought [the bureaucracy] all the necessary guarantees … and more"


def test_mojibake_is_repaired_and_reported() -> None:
    r = extract_text("Lenin said: “we have no more than a few thousandÉ Down below there are hundreds of thousands.”\n")
    assert "thousand… Down" in r.quotations[0].text
    (rep,) = r.repairs
    assert (rep.line, rep.original, rep.replacement) == (1, "É", "…")


def test_speaker_from_possessive_words_and_pronoun() -> None:
    text = (
        "Orjonikidze had struck a Georgian leader, thus in Lenin’s words “acting more like an arrogant satrap”. "
        "Turning the tables on Stalin’s attack, he made the point that: “the Georgian who flings about accusations "
        "violates the interests of solidarity”.\n"
    )
    r = extract_text(text)
    assert [q.speaker for q in r.quotations] == ["Lenin", "Lenin"]


def test_crlf_and_bare_cr_line_ends_keep_line_numbers() -> None:
    for eol in ("\r\n", "\r"):
        text = eol.join(
            [
                "Title",
                "",
                "Lenin wrote that “the state is a machine for the oppression of one class”.1",
                "",
                "  1. VI Lenin CW Vol 25, Moscow 1977, p393.↩︎",
                "",
            ]
        )
        r = extract_text(text)
        assert [c.line for c in r.citations] == [5]
        assert [q.line for q in r.quotations] == [3]


# ---------------------------------------------------------------- plain-text notes listed one per line
PLAIN_LIST = (
    "The trade union debate.\n\n"
    'Lenin argued that "ours is a workers\' state with a bureaucratic twist to it".1 '
    'He added: "This is a syndicalist deviation, and it must be fought."2 '
    'Bukharin called for "workers\' democracy in production".3\n\n'
    'According to Schapiro, the debate "was the last occasion on which a major issue was openly discussed".4\n\n'
    '    "Our Party is a governing party, and the decisions of the Party Congress are binding."\n\n'
    "    Lenin, Tenth Congress of the R.C.P.(B.), March 8-16, 1921, Collected Works, Vol. XXXII, p. 199.\n\n"
    "Notes\n\n"
    "  1. VI Lenin CW Vol 32, Moscow 1965, p24.\n"
    "  2. ibid p25.\n"
    "  3. Quoted in L Schapiro, The Origin of the Communist Autocracy, London 1955, p282.\n"
    "  4. Schapiro, op. cit., p. 290.\n"
)


def test_notes_one_per_line_straight_quotes_and_indented_attribution() -> None:
    r = extract_text(PLAIN_LIST)
    notes = [c for c in r.citations if c.note is not None]
    assert [c.note for c in notes] == [1, 2, 3, 4]
    assert [linked_raw(r, i) for i in range(len(r.quotations))] == [
        "VI Lenin CW Vol 32, Moscow 1965, p24.",
        "ibid p25.",
        "Quoted in L Schapiro, The Origin of the Communist Autocracy, London 1955, p282.",
        "Schapiro, op. cit., p. 290.",
        "Lenin, Tenth Congress of the R.C.P.(B.), March 8-16, 1921, Collected Works, Vol. XXXII, p. 199.",
    ]
    # the straight quotation closed before its note marker is found
    assert r.quotations[1].text == "This is a syndicalist deviation, and it must be fought."
    assert notes[1].resolves_to == notes[0].id and notes[1].pages == "25"
    # the indented source line is an attribution, not a second block quotation
    assert [q.form for q in r.quotations].count("block") == 1
    attribution = r.citations[0]
    assert (attribution.kind, attribution.volume, attribution.pages) == ("attribution", "32", "199")
    assert attribution.material_date == "1921-03-08/1921-03-16"
    # op. cit. takes the full name of the author it repeats
    assert notes[3].author == "Schapiro, L." and notes[3].resolves_to == notes[2].id


# --- speed: a body's document is looked up once per sentence ---------------------------------------


def _words_outside(text: str, words: frozenset[str], s: int, e: int, open_mark: int, close_mark: int) -> bool:
    """The plain reading: the words before the quotation and after it, each stretch read afresh."""
    from citecheck.extract.engine import _WORDS

    outside = (*_WORDS.findall(text, s, open_mark), *_WORDS.findall(text, close_mark, e))
    return any(w.lower() in words for w in outside)


@pytest.mark.parametrize(
    ("text", "s", "e", "open_mark", "close_mark", "expected"),
    [
        ("The resolution said “x y” today.", 0, 32, 19, 24, True),
        ("It said “the resolution” today.", 0, 31, 8, 23, False),  # the word is inside the quotation
        ("It said “x y” in a Decree.", 0, 26, 8, 12, True),
        ("It resolution’s “x y”", 3, 21, 16, 20, False),  # "resolution’s" is one word, not "resolution"
        ("Xresolution“x” a", 1, 16, 11, 13, True),  # the sentence starts inside a run: it is cut there
        ("It said ‘x y’resolution", 0, 23, 8, 12, False),  # a run crossing the closing mark, read from it
        ("a “b” c. The decree", 0, 8, 2, 4, False),  # a word past the sentence's end
        ("a “b” c. The decree “d”", 0, 8, 20, 22, True),  # a quotation outside its sentence: read as written
    ],
)
def test_words_around(text: str, s: int, e: int, open_mark: int, close_mark: int, expected: bool) -> None:
    from citecheck.extract.engine import _WordsAround

    words = frozenset({"resolution", "decree", "resolution’"})
    assert _words_outside(text, words, s, e, open_mark, close_mark) is expected
    around = _WordsAround(text, words)
    assert around.outside(s, e, open_mark, close_mark) is expected  # read as written
    assert around.outside(s, e, open_mark, close_mark) is expected  # by the sentence's index


def test_words_around_is_the_plain_reading_on_random_text() -> None:
    import random

    from citecheck.extract.engine import _WordsAround

    words = frozenset({"decree", "theses", "’s", "de", "d’"})
    pieces = ["decree", "Decree", "theses", "de", "cree", "’", "'", "-", "s", " ", " ", "“", "”", "‘", "x", "1", "."]
    rng = random.Random(11)
    hits = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        around = _WordsAround(text, words)  # one per text: the sentences' words are reused across questions
        for _ in range(10):
            s, e = sorted(rng.randint(0, len(text)) for _ in range(2))
            open_mark, close_mark = sorted(rng.randint(0, len(text)) for _ in range(2))
            expected = _words_outside(text, words, s, e, open_mark, close_mark)
            for _ in range(2):  # the first question reads the stretches, the second the sentence's index
                assert around.outside(s, e, open_mark, close_mark) is expected, (text, s, e, open_mark, close_mark)
            hits += expected
    assert hits > 1000


def test_a_source_line_set_wholly_in_italics_marks_no_title() -> None:
    """``<cite>Anton Hale, The Red Decade, p. 3</cite>`` under a block quotation: the italics are the
    element's, so the parse is given no title mark; a title in italics inside a line keeps its own."""
    from citecheck.extract.candidates import find_candidates
    from citecheck.extract.engine import _candidate_text
    from citecheck.extract.quotes import find_quotes
    from tests.conftest import view_of

    for html, expected in (
        ("<cite>Anton Hale, The Red Decade, p. 3</cite>", []),
        ("<p>Anton Hale, <i>The Red Decade</i>, p. 3</p>", [(12, 26, "italic")]),
    ):
        view = view_of(
            "<blockquote><p>The councils were everywhere in those years.</p>"
            + (html + "</blockquote>" if html.startswith("<cite>") else "</blockquote>" + html),
            "html",
        )
        (c,) = [c for c in find_candidates(view, find_quotes(view)) if c.kind == "attribution"]
        _, marks, _ = _candidate_text(view, c, [m.start for m in view.marks])
        assert marks == expected


@pytest.mark.parametrize(
    ("fmt", "text", "raw"),
    [
        # a reference ending on a title in a tag, or a link: raw holds the closing markup too
        (
            "html",
            "<p>Hale wrote in <i>The Councils</i>: &ldquo;nobody could stop them&rdquo;.</p>",
            "Hale wrote in <i>The Councils</i>",
        ),
        (
            "markdown",
            "Hale wrote in [The Councils](https://archive.example.org/hale.htm): “nobody could stop them”.\n",
            "Hale wrote in [The Councils](https://archive.example.org/hale.htm)",
        ),
    ],
)
def test_raw_holds_the_markup_a_reference_closes(fmt: str, text: str, raw: str) -> None:
    r = extract_text(text, fmt)
    assert [c.raw for c in r.citations] == [raw]
