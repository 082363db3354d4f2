"""The catalogue read from references.bib: authors, abbreviations, titles, volumes, errors."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest

from citecheck.bibliography.catalogue import Catalogue, CatalogueError
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return Catalogue.load(ROOT / "references.bib")


def test_references_bib_parses_with_no_failed_blocks() -> None:
    lib = bibtexparser.parse_file(str(ROOT / "references.bib"), parse_stack=[])
    assert lib.failed_blocks == []
    assert len(lib.entries) > 60


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("VI Lenin", "Lenin, V. I."),
        ("V. I. Lenin", "Lenin, V. I."),
        ("LENIN", "Lenin, V. I."),
        ("Shapiro", "Schapiro, L."),  # a misspelling is corrected
        ("Ellenstein", "Ellenstein, J."),  # an accepted variant is kept
        ("K Marx and F Engels", "Marx, K. and Engels, F."),
        ("Marx & Engels", "Marx, K. and Engels, F."),
        ("H Carrere d’Encausse", "Carrère d'Encausse, H."),
        ("Bukharin", None),
    ],
)
def test_canonical_author(cat: Catalogue, written: str, canonical: str | None) -> None:
    assert cat.canonical_author(written) == canonical


@pytest.mark.parametrize(
    ("token", "expanded"),
    [
        ("LCW", ("Lenin, V. I.", "Collected Works")),
        ("CW", (None, "Collected Works")),  # Lenin's and Marx and Engels' alike
        ("TRB", ("Trotsky, L.", "The Revolution Betrayed")),
        ("Works", None),  # Lenin's Collected Works and Stalin's Works: no title in common
        ("XYZ", None),
    ],
)
def test_expand_abbreviation(cat: Catalogue, token: str, expanded: tuple[str | None, str] | None) -> None:
    assert cat.expand_abbreviation(token) == expanded


@pytest.mark.parametrize(
    ("title", "author", "key"),
    [
        ("Collected Works", None, None),  # several authors: ambiguous
        ("Collected Works", "Lenin, V. I.", "lenin-cw"),
        ("Collected Works", "Marx, K. and Engels, F.", "marx-engels-cw"),
        ("The Revolution Betrayed (1937)", None, "trotsky-revolution-betrayed"),
        ("The interregnum", None, "carr-interregnum"),
        ("The Prophet Unarmed: Trotsky 1921–1929", None, "deutscher-prophet-unarmed"),
        ("Bolshevik revolution", None, "carr-bolshevik-revolution"),
        ("The Stalin phenomenon", "Ellenstein, J.", "elleinstein-stalin-phenomenon"),
        ("Stalin", None, None),  # Deutscher's and Carrère d'Encausse's
        ("Stalin", "Deutscher", "deutscher-stalin"),
        ("A Book Nobody Wrote", None, None),
    ],
)
def test_find_work(cat: Catalogue, title: str, author: str | None, key: str | None) -> None:
    w = cat.find_work(title, author)
    assert (w.key if w else None) == key


def test_volumes_carry_their_date_ranges(cat: Catalogue) -> None:
    v = cat.volume("lenin-cw", "33")
    assert v is not None and v.contents_dates == "1921-08/1923-03" and v.confirmed
    assert [x.volume for x in cat.volumes("lenin-cw")] == [str(n) for n in range(1, 46)]
    assert len(cat.volumes("stalin-works")) == 13
    unconfirmed = cat.volume("lenin-cw", "27")
    assert unconfirmed is not None and not unconfirmed.confirmed
    assert cat.volume("marx-engels-cw", "24") is None  # a volume number alone names nothing


def test_known_years_expand_ranges(cat: Catalogue) -> None:
    years = cat.known_years("trotsky-revolution-betrayed")
    assert {"1936", "1937", "1972"} <= years and "1950" not in years


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "refs.bib"
    p.write_text(text, encoding="utf-8")
    return p


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    p = _write(tmp_path, "@book{a, title={One}}\n\n@book{b, title={Two}}\n\n@book{a, title={Three}}\n")
    with pytest.raises(CatalogueError) as exc:
        Catalogue.load(p)
    assert exc.value.line == 5 and "line 1" in str(exc.value) and "'a'" in str(exc.value)


def test_block_that_does_not_parse_names_its_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "@book{a, title={One}}\n\n@book{b, title = {unclosed\n")
    with pytest.raises(CatalogueError) as exc:
        Catalogue.load(p)
    assert exc.value.line == 3


def test_string_macros_resolve(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        '@string{pp = "Progress Publishers"}\n@book{a, author={Lenin, V. I.}, title={X}, publisher=pp}\n',
    )
    entry = Catalogue.load(p).entry("a")
    assert entry is not None and entry.fields_dict["publisher"].value == "Progress Publishers"


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("1921-08/1923-03", True),
        ("1908", True),
        ("1917-10-25", True),
        ("1921-00/1923-03", False),  # month 00
        ("1921-08/1923-13", False),  # month 13
        ("1919-02-30", False),
        ("1923/1921", False),  # ends before it starts
        ("spring 1921", False),
    ],
)
def test_a_contentsdate_that_is_no_date_is_an_error_naming_its_line(tmp_path: Path, value: str, ok: bool) -> None:
    p = _write(
        tmp_path,
        "@collection{cw, author={Lenin, V. I.}, title={Collected Works}}\n\n"
        f"@book{{cw-33,\n  crossref = {{cw}},\n  volume = {{33}},\n  contentsdate = {{{value}}},\n}}\n",
    )
    if ok:
        assert Catalogue.load(p).volume("cw", "33") is not None
        return
    with pytest.raises(CatalogueError) as exc:
        Catalogue.load(p)
    assert exc.value.line == 3
    assert f"contentsdate '{value}' of 'cw-33' is not an ISO 8601 date or interval" in str(exc.value)


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        ("@book{a, title={Naïve}}\n".encode("latin-1"), 1, "not valid UTF-8 (invalid continuation byte at byte 18)"),
        (b"@book{a, title={One}}\n\n@book{b, title={T\xe9}}\n", 3, "not valid UTF-8 (invalid continuation byte"),
        ("@book{a, title={One}}\n".encode("utf-16-le"), None, "UTF-16-LE without a byte-order mark"),
    ],
)
def test_a_bibliography_that_is_not_utf8_names_the_line(
    tmp_path: Path, data: bytes, line: int | None, message: str
) -> None:
    p = tmp_path / "references.bib"
    p.write_bytes(data)
    with pytest.raises(CatalogueError) as exc:
        Catalogue.load(p)
    assert exc.value.line == line and message in exc.value.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_a_bibliography_with_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    p = tmp_path / "references.bib"
    p.write_bytes("@book{a, author={Lenin, V. I.}, title={Naïve}}\n".encode(encoding))
    entry = Catalogue.load(p).entry("a")
    assert entry is not None and entry.fields_dict["title"].value == "Naïve"
