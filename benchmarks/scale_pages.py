"""Generated review pages for ``benchmarks/scale.py``: varied HTML pages in the shape of a film
review (headline, byline, date, rating, a dozen paragraphs, a few comments).

Every sentence is assembled here from small word banks written for this benchmark (no text from
real pages), seeded, so the same ``count`` always gives the same pages. The vocabulary is varied
on purpose (invented words drawn from a Zipf-like pool), so a thousand pages grow the search
index as a real collection would, and the banks hold the names, tone words and spoiler terms the
app's passes look for, so they have work to do.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

SEED = 20101001
CRITICS = ("Ada Quell", "Bram Oduya", "Cass Merrow", "Dina Holt", "Evan Strick", "Fen Laroche",
           "Gil Amani", "Hana Stove", "Ivo Brandt", "Jun Takeda", "Kit Verney", "Lia Osei")
OUTLETS = ("The Evening Lamp", "Reel North", "Cinema Ledger", "The Quiet Screen", "Frame Rate",
           "Matinee Weekly", "The Projectionist")
SUBJECTS = ("Kathy", "Tommy", "Ruth", "Carey Mulligan", "Andrew Garfield", "Keira Knightley",
            "Mark Romanek", "the film", "the script", "the score", "Hailsham", "the cast",
            "Miss Lucy", "the novel", "the director", "the camera", "the cottages")
VERBS = ("carries", "undercuts", "frames", "lingers on", "wastes", "elevates", "hides",
         "circles", "softens", "sharpens", "mutes", "trusts", "rushes", "holds")
OBJECTS = ("the quiet grief", "every glance", "the long silences", "the pale English light",
           "the love triangle", "the ending", "the school years", "the seaside trip",
           "the question of the soul", "the art gallery", "the sense of time running out")
TONE = ("beautiful", "haunting", "dull", "moving", "slow", "superb", "tedious", "lovely",
        "flawed", "powerful", "melodramatic", "subtle", "awful", "remarkable", "plodding")
SPOILERS = ("the donors", "the clones", "a deferral", "the carers", "her completion",
            "Tommy completes", "the final scene", "organs")
NEGATORS = ("not", "never", "hardly", "")
COMMENTERS = ("reel_fan", "anon", "mk", "ThirdRow", "popcorn", "late_show")
RATINGS = ("3/5", "4 out of 5", "2.5/4", "7/10", "★★★★", "B+")


def _invented(rng: random.Random) -> str:
    """A made-up word from a Zipf-like pool: a few common, a long tail of rare ones."""
    rank = int(rng.paretovariate(1.1)) % 20000
    syllables = ("ka", "lo", "mir", "ten", "sa", "vu", "rek", "do", "pli", "ost", "ne", "zar")
    word, n = "", rank + 7
    while n:
        n, digit = divmod(n, len(syllables))
        word += syllables[digit]
    return word


def _sentence(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS)
    words = [subject[0].upper() + subject[1:], rng.choice(VERBS), rng.choice(OBJECTS)]
    roll = rng.random()
    if roll < 0.5:
        negator = rng.choice(NEGATORS)
        words += ["and it is", negator, rng.choice(TONE)] if negator else ["and feels",
                                                                            rng.choice(TONE)]
    elif roll < 0.62:
        words += ["until", rng.choice(SPOILERS), "arrive"]
    words += [_invented(rng) for _ in range(rng.randint(1, 4))]
    return " ".join(w for w in words if w) + rng.choice((".", ".", ".", "!", "?"))


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))


def review_page(number: int, rng: random.Random) -> str:
    """One HTML page (a review numbered ``number``)."""
    critic, outlet = rng.choice(CRITICS), rng.choice(OUTLETS)
    year, month, day = rng.randint(2010, 2023), rng.randint(1, 12), rng.randint(1, 28)
    title = f"Review {number}: {rng.choice(TONE).capitalize()} and {rng.choice(TONE)}"
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(8, 16))]
    comments = [f"<li><p>{html.escape(rng.choice(COMMENTERS))} says:</p>"
                f"<p>{html.escape(_sentence(rng))}</p></li>" for _ in range(rng.randint(0, 4))]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {outlet}</title>
<meta name="author" content="{critic}">
<meta property="article:published_time" content="{year:04d}-{month:02d}-{day:02d}T10:00:00Z">
<meta property="og:site_name" content="{outlet}"></head>
<body><main><article>
<h1>{html.escape(title)}</h1>
<p class="byline">By {critic}</p>
{body}
<p>Rating: {rng.choice(RATINGS)}</p>
</article>
<section class="comments"><h3>{len(comments)} Comments</h3><ol class="comment-list">
{"".join(comments)}</ol></section></main></body></html>
"""


def write_pages(folder: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write ``count`` pages into ``folder`` (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = []
    for number in range(1, count + 1):
        path = folder / f"review-{number:05d}.html"
        path.write_text(review_page(number, rng), encoding="utf-8")
        written.append(path)
    return written
