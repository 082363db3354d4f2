"""A synthetic corpus of any size, grown from the texts in ``corpus/``.

Each generated file is one corpus text with its references and quotations
varied: volume and page numbers redrawn, some quotations lightly reworded or
moved into other files (so matching has near-duplicates and real conflicts to
find), paragraphs of the body reordered.  The same seed and size give the same
files byte for byte.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

_VOLUME = re.compile(r"(?i)\b(vol\.?\s*|volume\s+)(\d{1,2})\b")
_PAGE = re.compile(r"\b(pp?\.?\s?)(\d{1,3})\b")
_QUOTE = re.compile(r"“([^”\n]{40,400})”")


def _vary_quote(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    if len(words) > 8 and rng.random() < 0.5:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def _variant(rng: random.Random, source: str, pool: list[str]) -> str:
    text = _VOLUME.sub(lambda m: m.group(1) + (str(rng.randint(1, 45)) if rng.random() < 0.3 else m.group(2)), source)
    text = _PAGE.sub(lambda m: m.group(1) + (str(rng.randint(1, 600)) if rng.random() < 0.3 else m.group(2)), text)
    text = _QUOTE.sub(lambda m: "“" + (_vary_quote(rng, m.group(1)) if rng.random() < 0.2 else m.group(1)) + "”", text)
    paragraphs = text.split("\n\n")
    head, body = paragraphs[:3], paragraphs[3:]
    cut = max(1, len(body) * 2 // 3)  # the notes stay at the end
    moved = body[:cut]
    rng.shuffle(moved)
    extra = [
        f"As was written elsewhere, “{rng.choice(pool)}” "
        f"(Lenin, CW, vol. {rng.randint(1, 45)}, p. {rng.randint(1, 600)})."
        for _ in range(rng.randint(0, 3))
    ]
    return "\n\n".join(head + moved + extra + body[cut:])


#: Where each quotation of the pool is "really" cited: a fixed, seeded choice.
_HOME = [(random.Random(i).randint(1, 45), random.Random(-i).randint(1, 600)) for i in range(500)]
_SPEAKERS = ("Lenin", "Trotsky", "Stalin", "Bukharin", "Zinoviev", "Kamenev", "Deutscher", "Carr")


def _short_essay(rng: random.Random, n: int, size: int, pool: list[str]) -> str:
    """A small essay of about ``size`` bytes: paragraphs quoting the pool, each with a note."""
    body: list[str] = []
    notes: list[str] = []
    while sum(len(p) for p in body) + sum(len(x) for x in notes) < size:
        k = len(notes) + 1
        who = rng.choice(_SPEAKERS)
        q = rng.randrange(len(pool))
        quote = _vary_quote(rng, pool[q]) if rng.random() < 0.2 else pool[q]
        when = f"In {rng.randint(1917, 1929)} " if rng.random() < 0.2 else "Elsewhere "
        body.append(f"{when}{who} wrote that “{quote}”.{k} The point was taken up again later.")
        # most essays cite a quotation where the others do; some cite it elsewhere
        vol, page = _HOME[q % len(_HOME)] if rng.random() < 0.85 else (rng.randint(1, 45), rng.randint(1, 600))
        notes.append(f"  {k}. VI Lenin CW Vol {vol}, Moscow 1965, p{page}.")
    return f"Essay {n}\n\n" + "\n\n".join(body) + "\n\nNotes\n\n" + "\n\n".join(notes) + "\n"


def generate(corpus: Path, size: int, seed: int = 1917, file_size: int | None = None) -> Iterator[tuple[str, str]]:
    """(file name, text) pairs adding up to about ``size`` bytes of UTF-8.

    Without ``file_size`` each file is a varied copy of a whole corpus text;
    with it, each is a short essay of about that many bytes.
    """
    sources = sorted(p for p in corpus.iterdir() if p.is_file())
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in sources]
    pool = sorted({m.group(1) for _, t in texts for m in _QUOTE.finditer(t)})
    rng = random.Random(seed)
    total, n = 0, 0
    while (n < size // file_size) if file_size else (total < size):
        suffix, text = texts[n % len(texts)]
        if file_size:
            suffix = ".txt"
        out = _short_essay(rng, n, file_size, pool) if file_size else _variant(rng, text, pool)
        total += len(out.encode("utf-8"))
        yield f"essay-{n:05d}{suffix}", out
        n += 1


def write_corpus(corpus: Path, target: Path, size: int, seed: int = 1917, file_size: int | None = None) -> int:
    """Write a synthetic corpus of about ``size`` bytes into ``target``; the number of files."""
    target.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, text in generate(corpus, size, seed, file_size):
        (target / name).write_text(text, encoding="utf-8")
        n += 1
    return n
