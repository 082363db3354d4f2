"""Synthetic labelled references: invented works written out in the citation styles of the field.

Each style is a function that writes one reference to a :class:`Writer`, labelling every part
(author, title, container, volume, pages, place, publisher, year …) and marking its typography
(italic, bold; quotation marks are written as characters). The works are invented from the word
banks in ``citecheck/data/training/`` so that the parser learns the *shapes* of references, not
the works of any essay. Styles: Chicago notes (book, article, chapter, short forms), ibid and
op. cit., British/MIA notes with roman volumes, the bracketed style of An Anarchist FAQ,
Harvard / Wikipedia author-date, MLA, Russian GOST, the compact "Weekly Worker" style, inline
parentheticals, newspapers, attribution lines, "quoted in" and "see" notes, trailing comments.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from citecheck.extract.grammar.features import word_classes


@dataclass
class Writer:
    """Text being written, with its labelled spans and typography."""

    text: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    marks: list[tuple[int, int, str]] = field(default_factory=list)
    #: Typography for this reference: italics as marks, bold as marks, or none (plain text).
    title_mark: str | None = "italic"

    def put(self, s: str, label: str = "other", mark: str | None = None) -> None:
        """Append ``s`` labelled ``label`` (``other`` for punctuation and glue), set in ``mark``."""
        if not s:
            return
        a = len(self.text)
        self.text += s
        b = len(self.text)
        if label != "other" and s.strip():
            lead = len(s) - len(s.lstrip())
            trail = len(s) - len(s.rstrip())
            self.spans.append((a + lead, b - trail, label))
        if mark:
            self.marks.append((a, b, mark))

    def title(self, s: str, label: str) -> None:
        """A title in the reference's title typography."""
        self.put(s, label, self.title_mark)

    def quoted(self, s: str, label: str, rng: random.Random, comma_inside: bool = False) -> None:
        """A title in quotation marks (curly or straight, American comma inside or not)."""
        o, c = rng.choice([("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»")])
        self.put(o)
        self.put(s + ("," if comma_inside else ""), label)
        self.put(c)


@lru_cache(maxsize=1)
def _banks() -> dict[str, list[str]]:
    text = resources.files("citecheck").joinpath("data/training/title_words.txt").read_text(encoding="utf-8")
    banks: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and ":" in line:
            name, _, words = line.partition(":")
            banks[name.strip()] = [w.replace("_", " ") for w in words.split()]
    for name, file in (("surname", "surnames.txt"),):
        t = resources.files("citecheck").joinpath(f"data/training/{file}").read_text(encoding="utf-8")
        banks[name] = [w.strip() for w in t.splitlines() if w.strip() and not w.startswith("#")]
    t = resources.files("citecheck").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    banks["given"] = [w.strip() for w in t.splitlines() if w.strip() and not w.startswith("#")]
    return banks


class Invent:
    """Invented names, titles and publication data, drawn from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.b = _banks()

    def pick(self, bank: str) -> str:
        """One word of a bank."""
        return self.r.choice(self.b[bank])

    def surname(self) -> str:
        """A surname, sometimes with a particle or hyphenated."""
        s = self.pick("surname")
        x = self.r.random()
        if x < 0.05:
            s = f"{self.r.choice(['de', 'van', 'von', 'Le'])} {s}"
        elif x < 0.08:
            s = f"{s}-{self.pick('surname')}"
        return s

    def initials(self, glued: bool = False) -> str:
        """``V. I.``, ``V.I.``, ``VI`` or ``J-P``."""
        letters = [chr(self.r.randint(65, 90)) for _ in range(self.r.choice([1, 1, 2, 2, 3]))]
        if glued:
            return "".join(letters)
        return self.r.choice([" ".join(c + "." for c in letters), "".join(c + "." for c in letters)])

    def person(self) -> tuple[str, str]:
        """(full name as written in a note, surname)."""
        sur = self.surname()
        r = self.r
        x = r.random()
        if x < 0.35:
            return f"{self.pick('given')} {sur}", sur
        if x < 0.5:
            return f"{self.pick('given')} {chr(r.randint(65, 90))}. {sur}", sur
        if x < 0.58:
            return f"{self.pick('given')} {self.pick('surname')} {sur}", sur
        if x < 0.62:
            return f"{self.pick('given')}-{self.pick('given')} {sur}", sur
        if x < 0.66:
            o = f"O'{sur}"
            return f"{self.pick('given')} {chr(r.randint(65, 90))}. {o}", o
        return f"{self.initials()} {sur}", sur

    def organisation(self) -> str:
        """A body that authors documents: ``Socialist Workers Party``, ``SWP``, ``Central Committee``."""
        return self.r.choice(
            [
                f"{self.pick('periodical_adj')} {self.pick('noun')} Party",
                "Central Committee",
                "Executive Committee",
                f"{self.pick('periodical_adj')} League",
                "".join(chr(self.r.randint(65, 90)) for _ in range(3)),
                f"{self.pick('adjective')} Workers' Council",
            ]
        )

    def pseudonym(self) -> str:
        """``(as Ernst Zander)``-style aside after an author."""
        return self.r.choice(
            [f"as {self.person()[0]}", f"as {''.join(chr(self.r.randint(65, 90)) for _ in range(3))}", "pseud."]
        )

    def title(self, sentence_case: bool = False) -> str:
        """An invented book title."""
        r = self.r
        n, a = self.pick("noun"), self.pick("adjective")
        forms = [
            f"The {a} {n}",
            f"{n} and {self.pick('noun')}",
            f"The {n} of the {a} {self.pick('noun')}",
            f"{a} {n} in {self.pick('place')}",
            f"{n} in {self.pick('place')}, {r.randint(1900, 1939)}-{r.randint(1940, 1991)}",
            f"The {a} {n}: {a} {self.pick('noun')} in {self.pick('place')}",
            f"{self.pick('place')} and the {a} {n}",
            f"What is to be Done about the {n}?",
            f"{n}, {self.pick('noun')}, and {self.pick('noun')}: The Life of {self.person()[0]}",
            f'{n} on Trial: The Official Record of {self.person()[0]}\'s Testimony in the {a} "{self.pick("noun")}" Trial',
            f'{self.pick("surname")} Rediscovered: "What is to be Done?" in Context',
            f"A {a} in Defense of {n}: The Life and Politics of {self.person()[0]}",
            f"{self.person()[1]}'s {n}",
            f"The {n} and the {self.pick('noun')}: The {a} {self.pick('noun')} in {self.pick('place')}, {r.randint(1900, 1939)}--{r.randint(40, 99)}",
            f"{self.pick('surname')} {r.randint(1870, 1920)}-{r.randint(1921, 1940)}: Building the {n}",
            f"Writings, {r.randint(1929, 1939)}--{r.randint(30, 40)}",
            f"Writings of {self.person()[0]}, Supplement ({r.randint(1929, 1935)}--{r.randint(36, 40)})",
            f"The {n} of the {self.pick('surname')}-{self.pick('surname')} {self.pick('noun')}",
            f"{n}, {self.pick('noun')} and {self.pick('noun')}",
            " ".join(r.choice(self.b["russian"]) for _ in range(r.randint(2, 4))).capitalize(),
            " ".join(r.choice(self.b["russian"]) for _ in range(r.randint(2, 3))).capitalize()
            + ": "
            + " ".join(r.choice(self.b["russian"]) for _ in range(2)),
            f"The {n}",
            f"{a} {n}",
            f"{n}",
            f"The {a} {n}: A Documented Analysis of the {self.pick('noun')}",
            f"From {self.pick('place')} to {self.pick('place')}",
            f"From {self.pick('noun')} to {self.pick('noun')}",
            f"On the {a} {n}",
            f"In Defence of {n}",
            f"Against the {a} {n}",
            f"Towards a {a} {n}",
            f"After the {n}",
            f"Between {n} and {self.pick('noun')}",
            f"Beyond the {a} {n}",
        ]
        t = r.choice(forms)
        if sentence_case:
            words = t.split(" ")
            t = " ".join([words[0]] + [w if w in self.b["place"] else w.lower() for w in words[1:]])
        return t

    def short_title(self, title: str) -> str:
        """A short form of ``title``: its first words, without a leading article or the subtitle."""
        t = title.split(":")[0]
        words = t.split()
        if words and words[0] in ("The", "A", "An") and self.r.random() < 0.6:
            words = words[1:]
        k = min(len(words), self.r.choice([2, 3, 4, 9]))
        return " ".join(words[:k]).rstrip(",")

    def periodical(self) -> str:
        """An invented periodical title."""
        return self.r.choice(
            [
                f"{self.pick('periodical_adj')} {self.pick('periodical')}",
                f"The {self.pick('periodical_adj')} {self.pick('periodical')}",
                f"{self.pick('periodical')} of {self.pick('periodical_adj')} {self.pick('noun')}",
                f"{self.pick('noun')} {self.pick('periodical')}",
            ]
        )

    def collection(self) -> str:
        """A multi-volume edition or collection."""
        return self.r.choice(
            [
                "Collected Works",
                "Selected Works",
                "Works",
                "Sochineniya",
                "Collected Writings",
                "Selected Writings",
                f"Writings, {self.r.randint(1929, 1939)}-{self.r.randint(30, 40)}",
                "Polnoe sobranie sochinenii",
                "Complete Works",
                "Selected Correspondence",
                "Papers",
            ]
        )

    def publisher(self) -> str:
        """A publisher, sometimes a university press."""
        if self.r.random() < 0.3:
            return f"{self.r.choice(['University of ', ''])}{self.pick('university')} University Press".replace(
                "University of Oxford University", "Oxford University"
            )
        return self.pick("publisher")

    def place(self) -> str:
        """A place of publication: ``London``, ``Princeton, N.J.``, ``Chicago and London``."""
        x = self.r.random()
        if x < 0.12:
            return f"{self.pick('place_pub').split(',')[0]}, {self.r.choice(['N.J.', 'Mass.', 'N.C.', 'N.Y.', 'Calif.', 'Ill.', 'Conn.', 'CT', 'NY'])}"
        if x < 0.2:
            return f"{self.pick('place_pub').split(',')[0]} and {self.pick('place_pub').split(',')[0]}"
        return self.pick("place_pub")

    def year(self) -> int:
        """A year of publication."""
        return self.r.randint(1905, 2022)

    def pages(self, glued: bool = False) -> str:
        """A page locator with its keyword: ``p. 17``, ``pp. 32-3``, ``p208``, ``p. 12 and p. 40``."""
        r = self.r
        a = r.randint(1, 900)
        x = r.random()
        if x < 0.5:
            kw, body = "p", str(a)
        elif x < 0.8:
            b = a + r.randint(1, 30)
            sb = str(b)
            if r.random() < 0.4 and len(sb) == len(str(a)):
                sb = sb[len(sb) - r.randint(1, len(sb)) :]
            kw, body = "pp", f"{a}{r.choice(['-', '-', '–', '--'])}{sb}"
        elif x < 0.9:
            kw, body = "pp", f"{a}, {a + r.randint(2, 40)}"
        else:
            return f"p. {a} and p. {a + r.randint(2, 90)}"
        if glued:
            return f"{kw}{body}"
        return f"{r.choice([kw + '.', kw + '.', kw + '. ', 'page' if kw == 'p' else 'pages'])} {body}".replace(
            "  ", " "
        ).replace(". .", ".")

    def bare_pages(self) -> str:
        """A page number or range with no keyword (Chicago)."""
        a = self.r.randint(1, 900)
        if self.r.random() < 0.6:
            return str(a)
        b = str(a + self.r.randint(1, 20))
        if self.r.random() < 0.5 and len(b) == len(str(a)):
            b = b[-2:] if len(b) > 2 else b
        return f"{a}{self.r.choice(['-', '--', '–'])}{b}"

    def roman(self, n: int | None = None) -> str:
        """A roman numeral for a volume."""
        n = n or self.r.randint(1, 45)
        vals = [(40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        out = ""
        for v, s in vals:
            while n >= v:
                out += s
                n -= v
        return out

    def volume(self) -> str:
        """A volume with its keyword."""
        n = self.r.randint(1, 45)
        return self.r.choice(
            [f"vol. {n}", f"Vol. {n}", f"Vol {n}", f"Volume {n}", f"vol. {self.roman(n)}", f"Vol. {self.roman(n)}"]
        )

    def date(self) -> str:
        """A date as notes write it."""
        months = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Jan.",
            "Feb.",
            "Mar.",
            "Apr.",
            "Aug.",
            "Sept.",
            "Oct.",
            "Nov.",
            "Dec.",
        ]
        m, d, y = self.r.choice(months), self.r.randint(1, 28), self.r.randint(1900, 2020)
        return self.r.choice([f"{m} {d}, {y}", f"{d} {m} {y}", f"{m} {y}"])


Style = Callable[[Writer, Invent], None]


def _sep(w: Writer, inv: Invent, s: str = ", ") -> None:
    w.put(s)


def _pubparen(w: Writer, inv: Invent, reprint: bool = True) -> None:
    """``(Place: Publisher, 1974)`` and its variants."""
    r = inv.r
    w.put(" (")
    if reprint and r.random() < 0.08:
        w.put(str(inv.year() - 40), "year")
        w.put(r.choice(["; reprint ", "; "]))
    x = r.random()
    if x < 0.65:
        w.put(inv.place(), "place")
        w.put(": ")
        w.put(inv.publisher(), "publisher")
        w.put(r.choice([", ", ", ", " "]))
    elif x < 0.85:
        w.put(inv.place(), "place")
        w.put(", ")
    y = inv.year()
    w.put(str(y), "year")
    if reprint and r.random() < 0.15:
        o, c = r.choice([(" (", ")"), (" [", "]")])
        w.put(o)
        w.put(str(y - r.randint(5, 60)), "year")
        w.put(c)
    w.put(")")


def chicago_book(w: Writer, inv: Invent) -> None:
    """``Leon Trotsky, *Writings, 1938--39*, ed. Naomi Allen (New York: Pathfinder, 1974), 232.``"""
    r = inv.r
    if r.random() < 0.06:
        w.put(inv.organisation(), "author")
    else:
        w.put(inv.person()[0], "author")
    if r.random() < 0.1:
        w.put(r.choice([" and ", ", and ", " & "]))
        w.put(inv.person()[0], "author")
    if r.random() < 0.05:
        w.put(" (")
        w.put(inv.pseudonym(), "note")
        w.put(")")
    if r.random() < 0.08:
        w.put(", ed.", "editor")
    w.put(", ")
    if r.random() < 0.06:
        w.put(
            r.choice(["introduction to", "foreword to", "preface to", "afterword to", "review of"])
            + " "
            + inv.person()[0],
            "note",
        )
        w.put(", ")
    w.title(inv.title(), "title")
    if r.random() < 0.08:
        w.put(" (")
        w.put(inv.title(), "note")
        w.put(")")
    if r.random() < 0.2:
        w.put(", ")
        w.put(r.choice(["ed.", "edited by", "trans.", "translated by"]) + " " + inv.person()[0], "editor")
    if r.random() < 0.07:
        w.put(", ")
        w.put(r.choice(["2nd ed.", "4th ed.", "rev. ed.", "3rd edn."]), "note")
    if r.random() < 0.15:
        w.put(", ")
        w.put(inv.volume(), "volume")
    if r.random() < 0.85:
        _pubparen(w, inv)
    if r.random() < 0.7:
        w.put(", ")
        pages = inv.bare_pages() if r.random() < 0.7 else inv.pages()
        if r.random() < 0.1:
            pages += f", {inv.bare_pages()}"
        w.put(pages, "pages")
    w.put(r.choice([".", ".", ""]))


def interview(w: Writer, inv: Invent) -> None:
    """``Bookchin, video interview by Doug Morris, "Reflections," 1994, author's collection`` / ``Richardson interview``."""
    r = inv.r
    x = r.random()
    if x < 0.3:
        w.put(inv.person()[1], "author")
        w.put(r.choice([" interview", " interview with the author", " to the author"]), "note")
    else:
        w.put(inv.person()[r.choice([0, 1])], "author")
        w.put(", ")
        w.put(
            r.choice(["interview by ", "video interview by ", "letter to ", "interview with "]) + inv.person()[0],
            "note",
        )
        if r.random() < 0.5:
            w.put(", ")
            w.quoted(inv.title(), "part", r)
        w.put(", ")
        w.put(inv.date() if r.random() < 0.5 else str(inv.year()), "date")
        if r.random() < 0.5:
            w.put(", ")
            w.put(
                r.choice(
                    ["author's collection", "in the author's possession", "Tamiment Library", "private collection"]
                ),
                "note",
            )
    w.put(r.choice([".", ""]))


def chicago_article(w: Writer, inv: Invent) -> None:
    """``Wolfgang Alles, "German Trotskyism in the 1930s," *Revolutionary History* 2, no. 3 (Autumn 1989), 7.``"""
    r = inv.r
    w.put(inv.person()[0], "author")
    w.put(", ")
    inside = r.random() < 0.7
    w.quoted(inv.title(), "part", r, comma_inside=inside)
    if not inside:
        w.put(",")
    w.put(" ")
    if r.random() < 0.2:
        w.put("in ")
    if r.random() < 0.08:
        w.put(
            r.choice(["Resolution adopted by the ", "Report to the ", "Statement of the "]) + inv.organisation(), "note"
        )
        w.put(", ")
        w.put(inv.date(), "date")
        w.put(", ")
    w.title(inv.periodical() if r.random() < 0.85 else "".join(chr(r.randint(65, 90)) for _ in range(2)), "container")
    x = r.random()
    if x < 0.5:
        w.put(" ")
        w.put(str(r.randint(1, 120)), "volume")
        if r.random() < 0.6:
            w.put(", ")
            w.put(f"no. {r.randint(1, 12)}", "issue")
        w.put(" (")
        w.put(
            r.choice(["Autumn ", "Spring ", "Winter ", "Summer ", "Jul. ", "Nov.--Dec. ", "March ", ""])
            + str(inv.year()),
            "date",
        )
        w.put(")")
    elif x < 0.8:
        w.put(", ")
        w.put(inv.date(), "date")
    else:
        w.put(" ")
        w.put(str(r.randint(100, 999)), "volume")
        w.put(" (")
        w.put(inv.date(), "date")
        w.put(")")
    if r.random() < 0.6:
        w.put(r.choice([", ", ": "]))
        w.put(inv.bare_pages(), "pages")
    w.put(r.choice([".", ""]))


def chicago_chapter(w: Writer, inv: Invent) -> None:
    """``Vladimir Lenin, "Left-Wing Communism," in *Collected Works* Vol. 31 (Moscow: Progress, 1964 (1920)).``"""
    r = inv.r
    if r.random() < 0.8:
        w.put(inv.person()[0], "author")
        w.put(", ")
    inside = r.random() < 0.7
    w.quoted(inv.title(), "part", r, comma_inside=inside)
    if not inside:
        w.put(",")
    if r.random() < 0.2:
        w.put(" ")
        w.put(r.choice(["written ", "delivered ", ""]) + inv.date(), "date")
        w.put(",")
    w.put(" in ")
    if r.random() < 0.3:
        w.put(inv.person()[0], "editor")
        w.put(", ")
        w.put("ed.", "editor")
        w.put(", ")
    elif not any(lab == "author" for _, _, lab in w.spans) and r.random() < 0.6:
        w.put(inv.person()[r.choice([0, 1])], "author")
        w.put(", ")
    w.title(inv.collection() if r.random() < 0.6 else inv.title(), "container")
    if r.random() < 0.5:
        w.put(r.choice([" ", ", "]))
        w.put(inv.volume(), "volume")
    if r.random() < 0.3:
        w.put(", ")
        w.put(r.choice(["ed.", "edited by"]) + " " + inv.person()[0], "editor")
    if r.random() < 0.8:
        _pubparen(w, inv)
    if r.random() < 0.6:
        w.put(", ")
        w.put(inv.bare_pages(), "pages")
    w.put(r.choice([".", ""]))


def chicago_short(w: Writer, inv: Invent) -> None:
    """``Cannon, *Socialism on Trial*, 39.`` / ``Lenin, "Left-Wing Communism."`` / ``MBVB, part 13.``"""
    r = inv.r
    if r.random() < 0.12:
        w.title("".join(chr(r.randint(65, 90)) for _ in range(r.randint(2, 5))), "title")
        w.put(", ")
        w.put(r.choice([f"part {r.randint(1, 30)}", inv.bare_pages(), inv.pages(), f"ch. {r.randint(1, 30)}"]), "pages")
        w.put(r.choice([".", ""]))
        return
    _, sur = inv.person()
    w.put(sur, "author")
    if r.random() < 0.1:
        w.put(" (")
        w.put(inv.pseudonym(), "note")
        w.put(")")
    w.put(", ")
    if r.random() < 0.6:
        w.title(inv.short_title(inv.title()), "title")
        if r.random() < 0.8:
            w.put(r.choice([", ", ", "]))
            w.put(inv.bare_pages() if r.random() < 0.7 else inv.pages(), "pages")
        w.put(r.choice([".", ""]))
    else:
        comma = r.random() < 0.5
        w.quoted(inv.short_title(inv.title()), "part", r, comma_inside=comma)
        if comma:
            w.put(" ")
            w.put(inv.bare_pages(), "pages")
            w.put(".")
        else:
            w.put(".")


def ibid(w: Writer, inv: Invent) -> None:
    """``Ibid., p. 146.`` / ``*Ibid.*, pp. 123-4.`` / ``ibid Vol 29, p58.`` / ``Ibid.``"""
    r = inv.r
    word = r.choice(["Ibid.", "Ibid.", "ibid.", "Ibid", "ibid", "Id.", "Ibidem", "IBID."])
    w.put(word, "ibid", "italic" if r.random() < 0.3 and w.title_mark else None)
    if r.random() < 0.85:
        w.put(r.choice([", ", " ", ", "]))
        if r.random() < 0.25:
            w.put(inv.volume(), "volume")
            w.put(r.choice([", ", " "]))
        w.put(inv.pages(glued=r.random() < 0.2), "pages")
    if r.random() < 0.15:
        w.put(", ")
        w.put(f"n. {r.randint(1, 90)}", "note")
    w.put(r.choice([".", ""]))


def opcit(w: Writer, inv: Invent) -> None:
    """``Deutscher, *The Prophet Armed*, *op. cit.*, p. 493.`` / ``Carr, op. cit., II, p. 193.``"""
    r = inv.r
    if r.random() < 0.85:
        w.put(inv.person()[1] if r.random() < 0.8 else inv.person()[0], "author")
        w.put(", ")
        if r.random() < 0.35:
            w.title(inv.short_title(inv.title()), "title")
            w.put(", ")
    w.put(
        r.choice(["op. cit.", "op. cit.", "Op. Cit.", "op cit", "loc. cit."]),
        "ibid",
        "italic" if r.random() < 0.4 and w.title_mark else None,
    )
    if r.random() < 0.2:
        w.put(", ")
        w.put(inv.roman(r.randint(1, 4)), "volume")
    if r.random() < 0.9:
        w.put(r.choice([", ", " "]))
        w.put(inv.pages(), "pages")
    w.put(r.choice([".", ""]))


def british(w: Writer, inv: Invent) -> None:
    """``V. I. Lenin, "Speech ...", *Sochineniya*, XXV, p. 17.`` / ``Lenin, *Selected Works*, IX, p. 30.``"""
    r = inv.r
    name, sur = inv.person()
    w.put(name if r.random() < 0.6 else sur, "author")
    w.put(", ")
    if r.random() < 0.5:
        w.quoted(inv.title(), "part", r)
        w.put(", ")
    w.title(inv.collection(), "container")
    if r.random() < 0.3:
        w.put(" (")
        w.put(r.choice(["Works", "Collected Works", "Selected Works"]), "note")
        w.put(")")
    if r.random() < 0.3:
        _pubparen(w, inv, reprint=False)
    w.put(", ")
    w.put(inv.roman(), "volume")
    w.put(", ")
    w.put(inv.pages(), "pages")
    w.put(r.choice([".", ""]))


def congress(w: Writer, inv: Invent) -> None:
    """``Ninth Party Congress, pp. 254-5.`` / ``"Theses …" (Lenin's Theses), Ninth Party Congress, Appendix 12, p. 532.``"""
    r = inv.r
    ordn = r.choice(["First", "Second", "Third", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth"])
    body = r.choice([f"{ordn} Party Congress", f"{ordn} Congress of Soviets", f"{ordn} Trade Union Congress",
                     f"{ordn} Congress of the R.C.P.(B.)", f"{ordn} All-Russian Congress of Soviets"])  # fmt: skip
    if r.random() < 0.4:
        if r.random() < 0.5:
            w.put(inv.person()[1], "author")
            w.put(", ")
        w.quoted(inv.title(), "part", r)
        if r.random() < 0.5:
            w.put(" (")
            w.put(inv.title(), "note")
            w.put(")")
        w.put(", ")
    w.put(body, "container")
    if r.random() < 0.3:
        w.put(", ")
        w.put(f"Appendix {r.randint(1, 20)}", "note")
    if r.random() < 0.25:
        w.put(", ")
        w.put(r.choice(["Resolutions", "Protocols", "Minutes", "Stenographic Report"]), "container")
        w.put(r.choice([", ", " "]))
        w.put(inv.roman(r.randint(1, 3)), "volume")
    w.put(", ")
    w.put(inv.pages(), "pages")
    if r.random() < 0.2:
        w.put(r.choice([", ", " "]))
        w.put(r.choice([f"n. {r.randint(1, 90)}", "ff."]), "note")
    w.put(".")


def translated_title(w: Writer, inv: Invent) -> None:
    """``*Treti vserossiiski s'yezd …* (Third All-Russian Congress …) (Moscow, 1920), pp. 87-97.``"""
    r = inv.r
    if r.random() < 0.5:
        w.put(inv.person()[0], "author")
        w.put(", ")
    russian = " ".join(r.choice(inv.b["russian"]) for _ in range(r.randint(3, 6))).capitalize()
    if r.random() < 0.4:
        w.quoted(russian, "part", r)
    else:
        w.title(russian, "title")
    w.put(" (")
    w.put(inv.title(), "note")
    w.put(")")
    if w.spans[-2][2] == "part":
        w.put(", ")
        w.put(inv.title(), "container")
    if r.random() < 0.6:
        _pubparen(w, inv, reprint=False)
    if r.random() < 0.3:
        w.put(", ")
        w.put(inv.roman(r.randint(1, 3)), "volume")
    w.put(", ")
    w.put(inv.pages(), "pages")
    w.put(".")


def afaq(w: Writer, inv: Invent) -> None:
    """``**Title**, p. N`` / ``Author, **Title**, pp. N-M`` / ``quoted by Author, **Title**, p. N`` (inside brackets)."""
    r = inv.r
    w.title_mark = r.choice(["bold", "bold", None])
    x = r.random()
    if x < 0.15:
        w.put(r.choice(["quoted by ", "quoted in ", "Quoted in "]), "secondhand")
    if x < 0.55:
        w.put(inv.person()[0] if r.random() < 0.7 else inv.person()[1], "author")
        w.put(", ")
    if r.random() < 0.2:
        w.quoted(inv.title(), "part", r)
        w.put(", ")
    if r.random() < 0.25:
        w.title(inv.collection(), "container")
        w.put(", ")
        w.put(inv.volume(), "volume")
    else:
        w.title(inv.title(), "title")
        if r.random() < 0.1:
            w.put(", ")
            w.put(inv.volume(), "volume")
    if r.random() < 0.9:
        w.put(", ")
        w.put(inv.pages(), "pages")


def harvard(w: Writer, inv: Invent) -> None:
    """``Bakunin, Michael (1980). Bakunin on Anarchism. (Sam Dolgoff, Ed.). Montreal: Black Rose. p. 295``"""
    r = inv.r
    n = r.choice([1, 1, 1, 2, 3])
    for k in range(n):
        if k:
            w.put(r.choice(["; ", ", & ", " and "]))
        w.put(f"{inv.surname()}, {inv.pick('given') if r.random() < 0.6 else inv.initials()}", "author")
    w.put(" (")
    y = inv.year()
    w.put(str(y), "year")
    w.put(")")
    if r.random() < 0.15:
        o, c = r.choice([(" \\[", "\\]"), (" [", "]")])
        w.put(o)
        w.put(str(y - r.randint(5, 60)), "year")
        w.put(c)
    w.put(". ")
    if r.random() < 0.12:
        w.put(f"Introduction to the {inv.year()} Edition", "part")
        w.put(". ")
        w.put(inv.title(), "title")
        w.put(" by ")
        w.put(inv.person()[0], "note")
        w.put(". ")
    elif r.random() < 0.5:
        w.quoted(inv.title(), "part", r)
        w.put(". ")
        if r.random() < 0.65:
            w.title(inv.periodical(), "container")
            w.put(". ")
            w.put(str(r.randint(1, 130)), "volume")
            w.put(" (")
            w.put(str(r.randint(1, 900)), "issue")
            w.put("): ")
            w.put(inv.bare_pages(), "pages")
            return
        if r.random() < 0.5:
            w.put(
                r.choice(["The Anarchist Library", "Anarkismo.net", "Marxists Internet Archive", "libcom.org"]),
                "publisher",
            )
            return
    else:
        w.title(inv.title(), "title")
        w.put(". ")
    if r.random() < 0.2:
        w.put("(")
        w.put(f"{inv.person()[0]}, {r.choice(['Ed.', 'ed.', 'eds.', 'Ed. & Trans.'])}", "editor")
        w.put("). ")
    w.put(inv.place(), "place")
    w.put(": ")
    w.put(inv.publisher(), "publisher")
    w.put(". ")
    if r.random() < 0.8:
        w.put(inv.pages(), "pages")


def mla(w: Writer, inv: Invent) -> None:
    """``Surname, Given. *Title*. Place: Publisher, 1970. Print.``"""
    r = inv.r
    w.put(f"{inv.surname()}, {inv.pick('given')}", "author")
    w.put(". ")
    if r.random() < 0.5:
        w.title(inv.title(), "title")
        w.put(". ")
        w.put(inv.place(), "place")
        w.put(": ")
        w.put(inv.publisher(), "publisher")
        w.put(", ")
        w.put(str(inv.year()), "year")
        w.put(". ")
        if r.random() < 0.5:
            w.put(inv.bare_pages(), "pages")
            w.put(". ")
        w.put(r.choice(["Print.", ""]), "note")
    else:
        w.quoted(inv.title() + ".", "part", r)
        w.put(" ")
        w.title(inv.periodical(), "container")
        w.put(" ")
        w.put(f"{r.randint(1, 90)}", "volume")
        w.put(".")
        w.put(f"{r.randint(1, 6)}", "issue")
        w.put(" (")
        w.put(str(inv.year()), "year")
        w.put("): ")
        w.put(inv.bare_pages(), "pages")
        w.put(".")


def gost(w: Writer, inv: Invent) -> None:
    """``Surname, I. I. Title // Container. City, 1970. Vol. 2. P. 39.``"""
    r = inv.r
    w.put(f"{inv.surname()}{r.choice([', ', ' '])}{inv.initials()}", "author")
    w.put(" ")
    w.put(inv.title(), "part" if r.random() < 0.5 else "title")
    if w.spans[-1][2] == "part":
        w.put(" // ")
        w.put(inv.periodical() if r.random() < 0.5 else inv.collection(), "container")
    w.put(". ")
    if r.random() < 0.5:
        w.put(inv.place(), "place")
        w.put(r.choice([", ", ": "]))
    w.put(str(inv.year()), "year")
    w.put(". ")
    if r.random() < 0.5:
        w.put(f"{r.choice(['Vol.', 'T.', 'No.'])} {r.randint(1, 40)}", "volume")
        w.put(". ")
    w.put(f"{r.choice(['P.', 'S.', 'pp.'])} {inv.bare_pages()}", "pages")
    w.put(".")


def weekly_worker(w: Writer, inv: Invent) -> None:
    """``VI Lenin CW Vol 30, Moscow 1977, p208.`` / ``EH Carr The Bolshevik revolution Vol 3, Harmondsworth 1977, p218``"""
    r = inv.r

    def name() -> str:
        init = inv.initials(glued=True) if r.random() < 0.85 else f"{chr(r.randint(65, 90))}-{chr(r.randint(65, 90))}"
        sur = inv.surname()
        if r.random() < 0.08:
            sur = f"{inv.pick('surname')} d’{inv.pick('surname')}"
        return f"{init} {sur}"

    w.title_mark = None
    w.put(name(), "author")
    if r.random() < 0.12:
        w.put(r.choice([" and ", ", "]))
        w.put(name(), "author")
    if r.random() < 0.08:
        w.put(" ")
        w.put(r.choice(["(ed)", "(eds)", "(ed.)"]), "editor")
    w.put(" ")
    if r.random() < 0.4:
        w.put(
            r.choice(["CW", "SW", "Works", "Collected works", "Selected works", "Selected correspondence"]), "container"
        )
    else:
        w.put(inv.title(sentence_case=True), "title")
    if r.random() < 0.6:
        w.put(" ")
        w.put(f"Vol {r.randint(1, 45)}", "volume")
        w.put(",")
    w.put(" ")
    place = inv.place()
    if r.random() < 0.12 and len(place) > 6:
        k = r.randint(3, len(place) - 3)
        place = place[:k] + "-" + place[k:]
    w.put(place, "place")
    w.put(" ")
    w.put(r.choice([str(inv.year()), str(inv.year()), "nd"]), "year")
    if r.random() < 0.85:
        w.put(", ")
        w.put(inv.pages(glued=True), "pages")
    w.put(r.choice([".", ""]))


def inline(w: Writer, inv: Invent) -> None:
    """What parentheses in running text hold: ``Works, vol. 33, page 288, our emphasis`` / ``LCW, Vol. 27, p. 273.``"""
    r = inv.r
    x = r.random()
    if x < 0.25:
        if r.random() < 0.3:
            w.title(inv.title(), "part")
            w.put(", ")
        w.title(r.choice(["Works", "Collected Works", "LCW", "CW", "SW", "Selected Works"]), "container")
        w.put(", ")
        w.put(inv.volume(), "volume")
        w.put(", ")
        w.put(inv.pages(), "pages")
        if r.random() < 0.25:
            w.put(", ")
            w.put(r.choice(["our emphasis", "emphasis added", "my emphasis", "emphasis in original"]), "note")
    elif x < 0.45:
        w.put(inv.person()[1], "author")
        w.put(", ")
        w.title(inv.short_title(inv.title()), "title")
        w.put(", ")
        w.put(inv.pages(), "pages")
    elif x < 0.6:
        w.put(inv.person()[1], "author")
        w.put(" ")
        w.put(str(inv.year()), "year")
        w.put(r.choice([": ", ", ", ", p. "]))
        w.put(inv.bare_pages(), "pages")
    elif x < 0.68:
        w.put(inv.pages(), "pages")
    elif x < 0.75:
        w.title(r.choice(["Resolutions", "Protocols", inv.collection()]), "container")
        w.put(" ")
        w.put(inv.roman(r.randint(1, 4)), "volume")
        w.put(", ")
        w.put(inv.pages(), "pages")
    elif x < 0.85:
        w.title(inv.title(), "title")
        w.put(", ")
        w.put(inv.pages(), "pages")
    else:
        w.put(inv.person()[1], "author")
        w.put(" ")
        w.put(inv.pages(), "pages")
    w.put(r.choice(["", "", "."]))


def newspaper(w: Writer, inv: Invent) -> None:
    """``*Pravda*, March 12, 1920.`` / ``"Article", *Pravda*, January 21, 1921.``"""
    r = inv.r
    if r.random() < 0.4:
        if r.random() < 0.5:
            w.put(inv.person()[0], "author")
            w.put(", ")
        w.quoted(inv.title(), "part", r)
        w.put(", ")
    w.title(
        r.choice(["Pravda", "Izvestiya", "Iskra", "The Times", "Daily Worker", "Le Monde"])
        if r.random() < 0.5
        else inv.periodical(),
        "container",
    )
    if r.random() < 0.2:
        w.put(" of the Central Committee", "container")
    w.put(", ")
    w.put(inv.date(), "date")
    w.put(".")


def attribution(w: Writer, inv: Invent) -> None:
    """Lines under block quotations: ``- Trotsky, The Revolution Betrayed`` / ``Collected Works, Volume 33``."""
    r = inv.r
    x = r.random()
    if x < 0.3:
        w.put(r.choice(["- ", "— ", "-- ", ""]))
        w.put(inv.person()[1], "author")
        w.put(", ")
        w.title(inv.title(), "title")
        if r.random() < 0.4:
            w.put(" (")
            w.put(str(inv.year()), "year")
            w.put(")")
    elif x < 0.6:
        w.title(inv.collection(), "container")
        w.put(", ")
        w.put(inv.volume(), "volume")
        if r.random() < 0.5:
            w.put(", ")
            w.put(inv.pages(), "pages")
    else:
        w.put(
            r.choice(
                [
                    "Eighth Congress of the R.C.P.(B.)",
                    "Speech at a Meeting",
                    "Report to the Ninth Congress",
                    inv.title(),
                ]
            ),
            "part",
        )
        w.put(", ")
        w.put(inv.date(), "date")
        w.put(". ")
        w.quoted(inv.title(), "part", r)
        w.put(", ")
        w.title(inv.collection(), "container")
        w.put(", ")
        w.put(inv.volume(), "volume")


def quoted_in(w: Writer, inv: Invent) -> None:
    """``Quoted in EH Carr The interregnum Harmondsworth 1969, p361.`` / ``quoted in Lars T. Lih, *Title* (forthcoming).``"""
    r = inv.r
    w.put(r.choice(["Quoted in", "quoted in", "Cited in", "Quoted by", "as quoted in", "cited by"]), "secondhand")
    w.put(" ")
    style = r.choice([chicago_book, chicago_short, weekly_worker, chicago_article])
    style(w, inv)


def see(w: Writer, inv: Invent) -> None:
    """``See M Lewin Lenin's last struggle London 1975.`` / ``See also …``"""
    r = inv.r
    w.put(r.choice(["See", "see", "See also", "Cf.", "For more on this, see", "On this, see"]), "note")
    w.put(" ")
    r.choice([chicago_book, weekly_worker, chicago_article, chicago_chapter])(w, inv)


def comment_after(w: Writer, inv: Invent) -> None:
    """A full note followed by a comment: ``… 1964 (1920)). Emphasis added. Available online at <url>``."""
    r = inv.r
    r.choice([chicago_book, chicago_chapter, chicago_article])(w, inv)
    if not w.text.endswith("."):
        w.put(".")
    w.put(" ")
    w.put(r.choice(["Emphasis added.", "Emphasis in original.", "Translation modified.", "Available online at http://www.marxists.org/archive/x.htm",
                    "Originally published in 1920.", "Italics in the original."]), "note")  # fmt: skip


def possessive(w: Writer, inv: Invent) -> None:
    """``Peter Fryer's essay "Engels: A Man of his Time"`` / ``"Kornilov to Brest-Litovsk" by John Reed. Boni and Liveright N.Y., 1919.``"""
    r = inv.r
    if r.random() < 0.5:
        w.put(inv.person()[0], "author")
        w.put("'s " + r.choice(["essay", "article", "book", "pamphlet", "review of", "speech", "letter"]) + " ")
        if r.random() < 0.5:
            w.quoted(inv.title(), "part", r)
        else:
            w.title(inv.title(), "title")
        return
    if r.random() < 0.5:
        w.quoted(inv.title(), "part", r)
    else:
        w.title(inv.title(), "title")
    w.put(" by ")
    w.put(inv.person()[0], "author")
    if r.random() < 0.6:
        w.put(". ")
        w.put(inv.publisher(), "publisher")
        w.put(r.choice([" ", ", "]))
        w.put(inv.place(), "place")
        w.put(", ")
        w.put(str(inv.year()), "year")
    w.put(r.choice([".", ""]))


def letter(w: Writer, inv: Invent) -> None:
    """``Eisen to Brownstein, Nov. 2, 1946`` / ``Lenin to Gorky, letter of 15 September 1919``."""
    r = inv.r
    w.put(inv.person()[r.choice([0, 1, 1])], "author")
    w.put(" to ")
    w.put(inv.person()[r.choice([0, 1, 1])], "note")
    w.put(", ")
    if r.random() < 0.3:
        w.put("letter of ")
    w.put(inv.date(), "date")
    if r.random() < 0.3:
        w.put(", ")
        w.put(r.choice(["courtesy " + inv.person()[0], "author's collection", "Hoover Institution Archives"]), "note")
    w.put(r.choice([".", ""]))


def reprinted(w: Writer, inv: Invent) -> None:
    """``Dwight Macdonald, *The Root Is Man* (1953), reprinted in *Memoirs of a Revolutionist* (New York: Farrar, 1957), 33.``"""
    r = inv.r
    w.put(inv.person()[0], "author")
    w.put(", ")
    if r.random() < 0.5:
        w.title(inv.title(), "title")
    else:
        w.quoted(inv.title(), "part", r)
    w.put(" (")
    w.put(str(inv.year() - 30), "note")
    w.put("), ")
    w.put(r.choice(["reprinted in", "repr. in", "republished in"]), "note")
    w.put(" ")
    w.title(inv.title(), "container")
    _pubparen(w, inv, reprint=False)
    w.put(", ")
    w.put(inv.bare_pages(), "pages")
    w.put(".")


def prose(w: Writer, inv: Invent, closing: bool = True) -> None:
    """A sentence of commentary, labelled ``note``: what notes say around their references."""
    r = inv.r
    n1, n2 = inv.person()[r.choice([0, 1])], inv.person()[1]
    noun, adj, verb = inv.pick("prose_noun"), inv.pick("prose_adj"), inv.pick("prose_verb")
    forms = [
        f'In this {noun} {n1} {verb} his {inv.pick("prose_noun")}s as "{"".join(chr(r.randint(65, 90)) for _ in range(3))}"',
        f"The {adj} {noun} was {n2}, but {n1} says the {inv.pick('prose_noun')} was written by {inv.person()[0]}",
        f"{n1}'s {noun} of {inv.pick('place')} is in the {inv.pick('place')} area",
        f"These {noun}s are based on {n2}'s {adj} accounts",
        f"{n1} {verb} that the {adj} {noun} was {inv.pick('prose_adj')} in {inv.year()}",
        f'"{inv.person()[0]}" is a pseudonym for {inv.person()[0]}',
        f"He is {verb} about this {noun} in {inv.year()}",
        f"The {noun} was issued by a {inv.pick('prose_noun')} headed by {inv.person()[0]}",
        f"{n1} {verb} the same {noun} in his {inv.year()} {inv.pick('prose_noun')}",
        f"For the {adj} {noun} of the {inv.pick('prose_noun')}, which {verb} {inv.year()} {inv.pick('prose_noun')}s, there is no {adj} {inv.pick('prose_noun')}",
        r.choice(
            [
                "Emphasis added",
                "Emphasis in original",
                "Translation modified",
                "My translation",
                "Italics in the original",
            ]
        ),
    ]
    w.put(r.choice(forms) + ("." if closing else ""), "note")


def composite_note(w: Writer, inv: Invent) -> None:
    """A whole note: commentary, several references joined by semicolons or commas, "quoted in", comments."""
    r = inv.r
    singles = [
        chicago_book,
        chicago_article,
        chicago_chapter,
        chicago_short,
        ibid,
        letter,
        interview,
        british,
        weekly_worker,
    ]
    if r.random() < 0.35:
        if r.random() < 0.5:
            prose(w, inv, closing=False)
            w.put(r.choice(["; see ", ", see ", ". See "]))
        else:
            w.put(
                r.choice(["On ", "For "]) + f"{inv.person()[1]}'s {inv.pick('prose_noun')}s in {inv.pick('place')}",
                "note",
            )
            w.put(", see ")
    k = r.choice([1, 1, 2, 2, 3, 4])
    for j in range(k):
        if j:
            sep = r.choice(["; ", "; ", "; and ", ", ", ". "])
            w.put(sep)
        w.title_mark = r.choice(["italic", "italic", None])
        r.choice(singles)(w, inv)
        if r.random() < 0.15:
            w.put(r.choice([", online at ", ", available at "]))
            w.put("http://bit.ly/" + "".join(chr(r.randint(97, 122)) for _ in range(6)), "note")
    if r.random() < 0.2:
        w.put(r.choice([", quoted in ", "; quoted in "]).replace("quoted in", ""))
        w.put(r.choice(["quoted in", "cited in"]), "secondhand")
        w.put(" ")
        r.choice([chicago_book, chicago_short])(w, inv)
    if r.random() < 0.35:
        if not w.text.rstrip().endswith("."):
            w.put(".")
        w.put(" ")
        prose(w, inv)


STYLES: dict[str, tuple[Style, float]] = {
    "chicago_book": (chicago_book, 3.0),
    "chicago_article": (chicago_article, 2.0),
    "chicago_chapter": (chicago_chapter, 2.0),
    "chicago_short": (chicago_short, 2.0),
    "interview": (interview, 0.6),
    "possessive": (possessive, 0.6),
    "letter": (letter, 0.4),
    "reprinted": (reprinted, 0.4),
    "translated_title": (translated_title, 0.8),
    "ibid": (ibid, 1.5),
    "opcit": (opcit, 1.5),
    "british": (british, 1.5),
    "congress": (congress, 1.0),
    "afaq": (afaq, 2.0),
    "harvard": (harvard, 2.0),
    "mla": (mla, 1.0),
    "gost": (gost, 1.0),
    "weekly_worker": (weekly_worker, 2.5),
    "inline": (inline, 2.5),
    "newspaper": (newspaper, 0.8),
    "attribution": (attribution, 1.0),
    "quoted_in": (quoted_in, 1.0),
    "see": (see, 0.8),
    "comment_after": (comment_after, 1.0),
    "composite_note": (composite_note, 3.0),
}


def render(
    rng: random.Random, style: str | None = None
) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int, str]], str]:
    """One synthetic reference: ``(text, labelled spans, marks, style name)``."""
    names = list(STYLES)
    name = style or rng.choices(names, weights=[STYLES[n][1] for n in names])[0]
    w = Writer(title_mark=rng.choice(["italic", "italic", "italic", None]))
    STYLES[name][0](w, Invent(rng))
    text = w.text
    if rng.random() < 0.12:  # hard-wrapped
        cut = [i for i, c in enumerate(text) if c == " "]
        if cut:
            k = rng.choice(cut)
            text = text[:k] + "\n" + rng.choice(["", "   ", "    ", "\t"]) + text[k + 1 :]
            delta = len(text) - len(w.text)
            w.spans = [(a + (delta if a > k else 0), b + (delta if b > k else 0), lab) for a, b, lab in w.spans]
            w.marks = [(a + (delta if a > k else 0), b + (delta if b > k else 0), m) for a, b, m in w.marks]
    return text, w.spans, w.marks, name


def word_class(name: str) -> frozenset[str]:
    """A word class of the parser's lexicon (re-exported for the training script)."""
    return word_classes().get(name, frozenset())
