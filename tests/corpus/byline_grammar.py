"""A grammar of bylines: small review pages in our own words, each saying who wrote it in one
of the ways web pages do, and pages that name people who did NOT write the review.

Every page is built from parts: some chrome, a headline, a byline in some position (above the
headline, under it, signing off under the body, a bio under the body, a possessive headline, the
page's title bar), a date, three or four paragraphs, and sometimes a distractor (the film's
credits, "Posted by admin", a film's title over a date, section words, "Share by email", a
comment thread, a photo credit). ``positive_cases`` and ``negative_cases`` enumerate every
combination; ``sample`` draws a fixed, seeded subset that still holds every form, every name
form and every distractor.

No sentence here comes from a real page: the forms are general knowledge of how newspapers,
blogs, DVD sites and forums set a byline; the prose is invented.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# --- names ------------------------------------------------------------------------------------
# Forms of a person's name, as a byline types it; the critic is expected exactly as written.
PERSON_NAMES: dict[str, tuple[str, ...]] = {
    "two words": ("Nora Haldane", "Felix Abara", "Iris Tamsin"),
    "three words": ("Mary Ellen Rusk", "Juan Carlos Ibarra"),
    "initials": ("J.D. Lorimer", "T. J. Okafor", "R.K. Mendel"),
    "middle initial": ("Tom R. Vance", "Ellen J. Stroud"),
    "inner capital": ("Ross McAllister", "Ada MacLeod", "Lena DeWitt", "Kai LaRue"),
    "hyphen": ("Anna-Lise Brandt", "Kit Hale-Moreno"),
    "apostrophe": ("Sean O'Malley", "Dara O’Reilly", "Rosa D'Angelo"),
    "particle": ("Pieter van Dijk", "Lucia de Vries"),
    "accents": ("Émile Roux", "Zoë Marsh", "Søren Holm", "Ana Núñez"),
    "capitals": ("NORA HALDANE", "FELIX ABARA"),
    "suffix": ("Carl Benning Jr.", "Walt Harmon III"),
    "short": ("Jo Li", "Ed Ng"),
    "initial last": ("Maya K.", "Theo B."),
}
# A site user's handle: only where the label says a user posted it.
USER_NAMES = ("reelfan81", "night_owl", "ShadowCaster", "moviebuff", "cinephile-jo", "kmarsh")

# --- dates ------------------------------------------------------------------------------------
# (date, forms): every form names the same day; days past the 12th keep numeric forms unambiguous.
_DAYS = ((2011, 3, 18), (2010, 11, 24), (2012, 7, 14))
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = {(2011, 3, 18): "Friday", (2010, 11, 24): "Wednesday", (2012, 7, 14): "Saturday"}


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


DATE_FORMS: dict[str, Callable[[int, int, int], str]] = {
    "Month D, YYYY": lambda y, m, d: f"{_MONTHS[m - 1]} {d}, {y}",
    "Mon D, YYYY": lambda y, m, d: f"{_MONTHS[m - 1][:3]} {d}, {y}",
    "Mon. D, YYYY": lambda y, m, d: f"{_MONTHS[m - 1][:3]}. {d}, {y}",
    "D Month YYYY": lambda y, m, d: f"{d} {_MONTHS[m - 1]} {y}",
    "Dth Month YYYY": lambda y, m, d: f"{_ordinal(d)} {_MONTHS[m - 1]} {y}",
    "Month Dth, YYYY": lambda y, m, d: f"{_MONTHS[m - 1]} {_ordinal(d)}, {y}",
    "Weekday, Month D, YYYY": lambda y, m, d: f"{_WEEKDAYS[(y, m, d)]}, {_MONTHS[m - 1]} {d}, {y}",
    "D Mon YYYY": lambda y, m, d: f"{d} {_MONTHS[m - 1][:3]} {y}",
    "YYYY-MM-DD": lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
    "MM/DD/YYYY": lambda y, m, d: f"{m:02d}/{d:02d}/{y}",
    "DD/MM/YYYY": lambda y, m, d: f"{d:02d}/{m:02d}/{y}",
    "DD.MM.YYYY": lambda y, m, d: f"{d:02d}.{m:02d}.{y}",
    "Month D, YYYY at time": lambda y, m, d: f"{_MONTHS[m - 1]} {d}, {y} at 9:14 pm",
    "D Mon YYYY, time": lambda y, m, d: f"{d} {_MONTHS[m - 1][:3]} {y}, 21:14",
    "D Month, YYYY": lambda y, m, d: f"{d} {_MONTHS[m - 1]}, {y}",
    "Mon Dth YYYY": lambda y, m, d: f"{_MONTHS[m - 1][:3]} {_ordinal(d)} {y}",
    "YYYY/MM/DD": lambda y, m, d: f"{y}/{m:02d}/{d:02d}",
    "D-Mon-YYYY": lambda y, m, d: f"{d}-{_MONTHS[m - 1][:3]}-{y}",
    "M/D/YYYY": lambda y, m, d: f"{m}/{d}/{y}",
}

JOBS = ("Film Critic", "Senior Editor", "Contributor", "Staff Writer", "Chief Film Critic",
        "Contributing Writer", "Movie Reviewer")
OUTLETS = ("The Daily Lantern", "Harbour Weekly", "The Westbrook Courier")
FILMS = ("The Salt Road", "Lantern Valley", "A Quiet Tide", "Northern Glass")
# People in and behind the films: never the critic.
CREW = ("Ann Quill", "Ben Oduya", "Cara Lind", "Dev Marlow", "Edith Sorel", "Gus Pellam")
COMMENTERS = ("Bob Stanton", "Lucy Farrow", "popcornpete")

# --- prose ------------------------------------------------------------------------------------
_PARAGRAPHS = (
    "{film} opens on a grey morning in a fishing town and never quite lets the light in. The "
    "first half hour is patient to the point of stubbornness, and I admired it for that.",
    "The story follows two sisters who inherit a failing boat yard and a debt they did not know "
    "about. Nothing here is new, but the film treats every small decision as if it mattered.",
    "The performances are the reason to go. {lead} plays the older sister with a dry, tired "
    "humour that keeps the melodrama at arm's length, and the supporting cast is just as sure.",
    "Not everything works. A subplot about a missing letter goes nowhere, and the score leans on "
    "the same four notes whenever the script runs out of ideas, which is more often than it should.",
    "The photography is the quiet star. Long shots of wet roofs and empty piers do more for the "
    "mood than any line of dialogue, and the editing lets them breathe.",
    "By the end of the film I cared about these people more than I expected to. By then the "
    "slow start had paid for itself, and the last scene lands without a word spoken.",
    "It is a small film that knows its size. If you have the patience for it, {film} rewards "
    "you with an ending that is earned rather than announced.",
    "Written by a first-time screenwriter, the script has the odd clumsy line, but it never "
    "talks down to its audience, and that counts for a great deal these days.",
)

# --- chrome -----------------------------------------------------------------------------------
CHROME_TOP = ("", "Home | Reviews | Interviews | About | Contact", "Menu\nSearch")
CHROME_BOTTOM = ("", "Share this:\nTwitter\nFacebook", "Tags: drama, festival, boats\nRelated Posts")

# What else stands around the headline: a kicker over it, a deck under it, a picture and its
# credit, a rating line.
LAYOUTS = ("plain", "kicker", "deck", "picture", "rating", "share", "comment count", "avatar")
HEADLINES = ("{film} review", "Review: {film}", "{film} (2011)", "{film}: slow, cold and worth it",
             "A slow tide carries {film}")


@dataclass(frozen=True)
class Byline:
    """One way to say who wrote the review: the lines it adds and where they go."""
    form: str  # the grammar's name for the form (failures are grouped by it)
    lines: tuple[str, ...]
    position: str  # "top" (above the headline), "under" (under it), "after" (under the body),
    # "headline" (it is the headline), "title bar" (the page's first line), "run-in" (closes
    # the last paragraph)
    critic: str
    dated: bool
    date_line: str | None = None  # a date of its own set over the headline (a blog's day header)


@dataclass(frozen=True)
class Case:
    page: str
    critic: str | None
    date: str | None  # ISO, when the byline carries one
    causes: tuple[str, ...]  # the choices that made this page (for grouping failures)


# --- the positive grammar ---------------------------------------------------------------------
# Labels before the name, as one string with "{n}" for the name.
LABELS = (
    "By {n}", "by {n}", "BY {n}", "By: {n}", "Written by {n}", "Written by: {n}", "Review by {n}",
    "Review by: {n}", "Reviewed by {n}", "Reviewed by: {n}", "Posted by {n}", "Author: {n}",
    "Critic: {n}", "Reviewer: {n}", "Words: {n}", "Words by {n}", "Words by: {n}",
    "Review from {n}", "Film review by {n}", "DVD review by {n}", "A review by {n}",
    "Article by {n}", "Submitted by {n}", "Contributed by {n}", "Reviewed by {job} {n}",
    "By {job} {n}", "— By {n}", "Posted by: {n}", "Published by {n}", "By {n} »",
)
# Labels that may carry a user's handle.
USER_LABELS = ("Uploaded by {n}", "Added by {n}",
               "Posted by {n}", "Review by {n}", "Reviewed by {n}", "Submitted by {n}", "by {n}",
               "Reviewer: {n}", "Author: {n}")
# What may follow the name on the byline's line: (name of the extra, template, dated).
EXTRAS = (
    ("nothing", "{b}", False),
    ("| date", "{b} | {d}", True),
    ("· date", "{b} · {d}", True),
    ("• date", "{b} • {d}", True),
    ("// date", "{b} // {d}", True),
    ("— date", "{b} — {d}", True),
    ("- date", "{b} - {d}", True),
    (", date", "{b}, {d}", True),
    ("on date", "{b} on {d}", True),
    ("space date", "{b} {d}", True),
    ("(date)", "{b} ({d})", True),
    (", job", "{b}, {job}", False),
    ("| job", "{b} | {job}", False),
    (", job | date", "{b}, {job} | {d}", True),
    ("(@handle)", "{b} (@{h})", False),
    ("for outlet", "{b} for {o}", False),
    (", outlet", "{b}, {o}", False),
    (" / outlet", "{b} / {o}", False),
    (", special to outlet", "{b}, Special to {o}", False),
    ("in Reviews", "{b} in Reviews", False),
    ("on date in Reviews | comments", "{b} on {d} in Reviews | 3 Comments", True),
    ("· read time", "{b} · 5 min read", False),
    ("| job | date", "{b} | {job} | {d}", True),
    ("@handle", "{b} @{h}", False),
    ("Updated date", "{b} Updated {d}", False),
    ("|| Posted On: date", "{b} || Posted On: {d}", True),
    (", Posted on date", "{b}, Posted on {d}", True),
    ("– rating", "{b} – 8/10", False),
    ("| date | sections | comments", "{b} | {d} | Reviews, Drama | 3 Comments", True),
    ("• job • @handle", "{b} • {job} • @{h}", False),
    ("| email", "{b} | {h}@lantern.example", False),
    ("for outlet on date", "{b} for {o} on {d}", True),
    ("newline date", "{b}\n{d}", True),
    ("newline Published: date", "{b}\nPublished: {d}", True),
    ("newline job", "{b}\n{job}", False),
)
# Whole byline lines where the date comes first.
DATE_FIRST = (
    ("date by", "{d} by {n}"),
    ("Posted on date by", "Posted on {d} by {n}"),
    ("date | name", "{d} | {n}"),
    ("date · name", "{d} · {n}"),
    ("Published date | By", "Published {d} | By {n}"),
    ("date newline By", "{d}\nBy {n}"),
    ("date — name", "{d} — {n}"),
    ("Published: date | Author: name", "Published: {d} | Author: {n}"),
    ("Posted in Reviews by name on date", "Posted in Reviews by {n} on {d}"),
)
# A name with no label: what follows it (or stands next to it) places it as the byline.
BARE = (
    ("name | date", "{n} | {d}", True),
    ("name · date", "{n} · {d}", True),
    ("name // date", "{n} // {d}", True),
    ("name, date", "{n}, {d}", True),
    ("name - date", "{n} - {d}", True),
    ("name — date", "{n} — {d}", True),
    ("name newline date", "{n}\n{d}", True),
    ("name newline job", "{n}\n{job}", False),
    ("name newline job newline date", "{n}\n{job}\n{d}", True),
    ("name, job", "{n}, {job}", False),
    ("name | job", "{n} | {job}", False),
    ("job name", "{job} {n}", False),
    ("name (@handle)", "{n} (@{h})", False),
    ("name @handle", "{n} @{h}", False),
    ("name, outlet", "{n}, {o}", False),
    ("name for outlet", "{n} for {o}", False),
    ("name, special to outlet", "{n}, Special to {o}", False),
    ("name — outlet", "{n} — {o}", False),
    ("Author newline name", "Author\n{n}", False),
    ("Written by newline name", "Written by\n{n}", False),
    ("By newline name", "By\n{n}", False),
)
# Under the body.
SIGN_OFFS = (
    ("— name", "— {n}"),
    ("-name", "-{n}"),
    ("– name", "– {n}"),
    ("--name", "--{n}"),
    ("~ name", "~ {n}"),
    ("— name, job", "— {n}, {job}"),
    ("-name, outlet", "-{n}, {o}"),
    ("bare name", "{n}"),
    ("Reviewed by name", "Reviewed by {n}"),
    ("Review by name", "Review by {n}"),
    ("Posted by name at time", "Posted by {n} at 9:14 PM"),
    ("Posted by name at time, comments", "Posted by {n} at 9:14 PM 3 comments"),
    ("Posted by name | date", "Posted by {n} | {d}"),
    ("By name, date", "By {n}, {d}"),
    ("Reviewed by name, date", "Reviewed by {n}, {d}"),
    ("(name)", "({n})"),
    ("This review was written by name.", "This review was written by {n}."),
    ("Reviewed for outlet by name.", "Reviewed for {o} by {n}."),
    ("Outlet - name", "{o} - {n}"),
    ("More reviews by name", "More reviews by {n}"),
)
BIOS = (
    ("is a film critic for outlet", "{n} is a film critic for {o}."),
    ("is a freelance writer", "{n} is a freelance writer and critic based in Leeds."),
    ("writes about film for outlet", "{n} writes about film for {o}."),
    ("has been reviewing films", "{n} has been reviewing films since 1998."),
    ("is the senior editor of outlet", "{n} is the senior editor of {o}."),
    ("About the author: name is", "About the author: {n} is a film critic for {o}."),
    ("About name heading", "About {n}\nShe has written about film for ten years."),
    ("Follow name on Twitter", "Follow {n} on Twitter: @{h}"),
    ("About the reviewer box", "About the reviewer\n{n}\nShe has written about film for ten years."),
    ("Written by box", "Written by\n{n}\n{job} at {o}"),
    ("name, job at outlet box", "{n}\n{job} at {o}"),
    ("is a critic (no outlet)", "{n} is a film critic."),
)
# The name owns the headline (first name only where a site shows only that).
# The headline carries the byline.
# Under the body, the writer owns the score: "Jo: 3.5/4", "JD Rating: B", "Jo's Rating: 7/10".
RATING_OWNERS = (
    ("First: score", "{first}: 3.5/4", "first"),
    ("Initials Rating: grade", "{initials} Rating: B", "initials"),
    ("First's Rating: score", "{first}'s Rating: 7/10", "first"),
)
# A deck over the review naming its writer.
DECKS = (
    (", writes name.", "{film} is a quiet drama about a family's debts, writes {n}."),
    ("name from outlet gives a review of film", "{n} from {o} gives her 4/5 star review of {film}."),
)
HEADLINE_BYLINES = (
    ("Review: film, by name", "Review: {film}, by {n}"),
    ("film – a review by name", "{film} – a review by {n}"),
    ("film review by name", "{film} review by {n}"),
)
POSSESSIVE = (
    ("First's review: film", "{first}'s review: {film}", "first"),
    ("First's Review of film", "{first}'s Review of {film}", "first"),
    ("Name's take on film", "{n}'s take on {film}", "full"),
    ("Name's take: film", "{n}'s take: {film}", "full"),
    ("First's Verdict", "{first}'s Verdict", "first"),
    ("Name reviews film", "{n} reviews {film}", "full"),
    ("Outlet's Name reviews film", "{o}'s {n} reviews {film}", "full"),
)
TITLE_BARS = (
    ("film | Name's blog", "{film} | {n}'s blog"),
    ("Name's Film Diary: film", "{n}'s Film Diary: {film}"),
    ("film – Name's movie reviews", "{film} – {n}'s movie reviews"),
)
USER_FORMS = (
    ("Post by user » date", "Post by {n} » Fri Mar 18, 2011 9:12 pm", "2011-03-18"),
    ("user (date)", "{n} (Mar 18, 2011)", "2011-03-18"),
    ("user - wrote on date", "{n} - wrote on 03/18/11", None),
    ("started by user, date", "Discussion in 'Reviews' started by {n}, Mar 18, 2011.", "2011-03-18"),
    ("Submitted by user on date", "Submitted by {n} on Fri, 03/18/2011 - 10:15", "2011-03-18"),
    ("user wrote:", "{n} wrote:", None),
    ("title bar: film | user's blog", "{film} | {n}'s blog", None),
    ("title bar: user's blog - film", "{n}'s blog - movies - {film}", None),
    ("headline: film Movie Review by user", "{film} Movie Review by {n}", None),
    ("segments: Movie Review | user | date", "Movie Review | {n} | 18th March 2011", "2011-03-18"),
)


def _first(name: str) -> str:
    return name.split()[0]


def _bylines(name: str, name_kind: str, date: str | None, rng: random.Random) -> Iterator[Byline]:
    """Every byline the grammar can write for ``name`` (one date text for the dated ones)."""
    handle = "".join(ch for ch in name.split()[-1].casefold() if ch.isalnum()) + "writes"
    fill = {"n": name, "job": rng.choice(JOBS), "o": rng.choice(OUTLETS), "h": handle, "d": date or ""}
    user = name_kind == "user"
    yield from _labelled(fill, user)
    for form, template in DATE_FIRST:
        if user and not form.endswith("by"):
            continue
        yield from _above_or_under(f"date first: {form}", template.format(**fill), name, True)
    if user:
        for form, template, iso in USER_FORMS:
            position = ("title bar" if form.startswith("title bar") else "headline"
                        if form.startswith("headline") else "under")
            yield Byline(f"user: {form}", (template.format(film="{film}", **fill),), position, name,
                         iso is not None)
        return
    for form, template, dated in BARE:
        yield from _above_or_under(f"bare: {form}", template.format(**fill), name, dated)
    yield from _under_the_body(fill, date)
    yield from _in_the_title(fill, name_kind)


def _above_or_under(form: str, text: str, name: str, dated: bool) -> Iterator[Byline]:
    for position in ("top", "under"):
        yield Byline(form, tuple(text.split("\n")), position, name, dated)


def _labelled(fill: dict[str, str], user: bool) -> Iterator[Byline]:
    for label in USER_LABELS if user else LABELS:
        for extra, template, dated in EXTRAS:
            if user and extra not in ("nothing", "| date", "on date", "newline date", ", date"):
                continue
            text = template.format(b=label.format(**fill), **fill)
            yield from _above_or_under(f"label {label!r} + {extra}", text, fill["n"], dated)


def _under_the_body(fill: dict[str, str], date: str | None) -> Iterator[Byline]:
    name = fill["n"]
    for form, template in SIGN_OFFS:
        dated = "{d}" in template
        yield Byline(f"sign-off: {form}", (template.format(**fill),), "after", name, dated)
        if form.startswith("Posted by name at time"):  # a blog's day header over the post
            yield Byline(f"sign-off: date header + {form}", (template.format(**fill),), "after", name,
                         True, date)
    yield Byline("run-in: — name", ("— " + name,), "run-in", name, False)
    if not _first(name).endswith(".") and not _first(name).isupper():
        yield Byline("dialogue: First: ... / Other: ...", (_first(name), "Maud"), "dialogue", _first(name),
                     False)
    for form, template in BIOS:
        yield Byline(f"bio: {form}", tuple(template.format(**fill).split("\n")), "after", name, False)


def _in_the_title(fill: dict[str, str], name_kind: str) -> Iterator[Byline]:
    name = fill["n"]
    for form, template, part in POSSESSIVE:
        if part == "first" and (name_kind == "capitals" or name.endswith(".") or _first(name).endswith(".")):
            continue  # a first name alone, never an initial
        owner = _first(name) if part == "first" else name
        yield Byline(f"possessive: {form}", (template.format(first=owner, film="{film}", **fill),),
                     "headline", owner, False)
    first, initials = _first(name), "".join(word[0] for word in name.split()[:2])
    for form, template, part in RATING_OWNERS:
        if first.endswith(".") or first.isupper():
            continue
        owner = first if part == "first" else initials
        yield Byline(f"rating owner: {form}", (template.format(first=first, initials=initials),), "after",
                     owner, False)
    for form, template in DECKS:
        yield Byline(f"deck: {form}", (template.format(film="{film}", **fill),), "under", name, False)
    for form, template in HEADLINE_BYLINES:
        yield Byline(f"headline byline: {form}", (template.format(film="{film}", **fill),), "headline",
                     name, False)
    for form, template in TITLE_BARS:
        yield Byline(f"title bar: {form}", (template.format(film="{film}", **fill),), "title bar",
                     name, False)


def _user_date(form: str) -> str | None:
    return next((iso for name, _template, iso in USER_FORMS if f"user: {name}" == form), None)


# --- the negative grammar ---------------------------------------------------------------------
# (name, lines, where): lines naming people (or words) that are not the review's writer.
def _distractors(film: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    a, b, c, d, e, f = CREW
    return (
        ("credits block", (f"Directed by {a}", f"Written by {b}", f"Starring {c}, {d} and {e}",
                           "Running time: 104 minutes"), "under"),
        ("labelled credits", (f"Director: {a}", f"Writer: {b}", f"Cast: {c}, {d}, {e}",
                              "Runtime: 104 min"), "under"),
        ("written by credit list", (f"Directed by {a}", f"Written by {b} and {f}"), "under"),
        ("written and directed by", (f"Written and directed by {a}",), "under"),
        ("credits after the body", (f"Directed by {a}", f"Written by {b}", f"Starring {c}, {d}"),
         "after"),
        ("a film by", (f"A film by {a}",), "under"),
        ("crew credits", (f"Screenplay by {b}", f"Cinematography by {f}", f"Music by {e}",
                          f"Produced by {d}"), "under"),
        ("crew credits after the body", (f"Story by {b}", f"Edited by {f}",
                                         "Distributed by Lantern Pictures"), "after"),
        ("photo by", (f"Photo by {f}",), "under"),
        ("photo credit", (f"Photo: {f}/Lantern Pictures",), "under"),
        ("based on the novel by", (f"Based on the novel by {e}",), "under"),
        ("Posted by admin", ("Posted by admin",), "under"),
        ("Posted by Admin on date", ("Posted by Admin on March 18, 2011",), "under"),
        ("By Staff", ("By Staff",), "under"),
        ("Posted by Anonymous", ("Posted by Anonymous",), "after"),
        ("film title over a date", (film.removeprefix("The ").removeprefix("A "), "March 18, 2011"),
         "top"),
        ("film title in capitals over a date", (film.removeprefix("The ").removeprefix("A ").upper(),
                                                "March 18, 2011"), "top"),
        ("film title | date", (f"{film.removeprefix('The ').removeprefix('A ')} | March 18, 2011",), "under"),
        ("film title — date", (f"{film.removeprefix('The ').removeprefix('A ')} — March 18, 2011",), "under"),
        ("capitals title over credits after the body", (film.upper(), f"Directed by {a}",
                                                        "Running time: 104 minutes"), "after"),
        ("actor's name over the credits after the body", (c, f"Directed by {a}"), "after"),
        ("press quotes above the headline", ('"Quietly devastating."', f"— {a}, Harbour Weekly",
                                             '"A small miracle."', f"— {e}"), "top"),
        ("tags naming people", (f"Tags: {a}, {c}, drama",), "after"),
        ("cast lines over a date", (c, d, e, "March 18, 2011"), "under"),
        ("spec line", (f"{a} | 2011 | 104 min | Lantern Pictures",), "under"),
        ("interview heading", (f"Interview with {a}",), "after"),
        ("director line", (f"Director {a}",), "under"),
        ("section words", ("Reviews | Drama",), "under"),
        ("breadcrumb", ("Home » Reviews » Drama",), "top"),
        ("section words and date", ("Reviews · Drama · March 18, 2011",), "under"),
        ("share by email", ("Share by email | Print",), "after"),
        ("subscribe by email", ("Subscribe by email",), "after"),
        ("sort by", ("Sort reviews by: Date | Title",), "top"),
        ("powered by", (f"Powered by WordPress | Theme by {f}",), "after"),
        ("comment thread", ("3 Comments", f"{COMMENTERS[0]} says:", "March 19, 2011 at 10:02 am",
                            "Great review, I agree about the ending.", f"{COMMENTERS[1]} says:",
                            "March 20, 2011 at 8:40 pm", "I thought the middle dragged a little."),
         "after"),
        ("caption: actor, film", (f"{c}, {film}",), "under"),
        ("about the director box", ("About the director", a, "She has made three films."), "after"),
        ("labelled sections", ("Plot", "Acting", "Verdict"), "body"),
        ("two score labels taking turns", ("Story", "Visuals"), "body"),
        ("pros and cons", ("Pros", "Cons"), "body"),
        ("interview turns", ("Q", "A"), "body"),
        ("said thread", (f"{COMMENTERS[2]} said...", "Nice write-up, going to see it tonight.",
                         "March 19, 2011 at 4:15 PM", "Post a Comment"), "after"),
    )


NEGATIVE_NAMES = frozenset(CREW + COMMENTERS + ("admin", "Admin", "Staff", "Anonymous"))


def _page(film: str, byline: Byline | None, distractor: tuple[str, tuple[str, ...], str] | None,
          rng: random.Random, layout: str = "plain") -> str:
    """Assemble one page: chrome, title bar, byline above/under the headline, body, sign-off or
    bio, distractor, chrome."""
    lead = CREW[2]
    chosen = rng.sample(range(len(_PARAGRAPHS)), rng.choice((3, 4)))
    body = [_PARAGRAPHS[i].format(film=film, lead=lead) for i in sorted(chosen)]
    parts: dict[str, list[str]] = {"top": [], "under": [], "after": []}
    headline = rng.choice(HEADLINES).format(film=film)
    chrome_top, chrome_bottom = rng.choice(CHROME_TOP), rng.choice(CHROME_BOTTOM)
    if byline is not None:
        headline = _place(byline, film, parts, body) or headline
    thread: tuple[str, ...] = ()
    if distractor is not None and distractor[0] in ("comment thread", "said thread"):
        thread = distractor[1]
    elif distractor is not None and distractor[2] == "body":  # labels opening the paragraphs
        labels = distractor[1]
        body[:] = [f"{labels[turn % len(labels)]}: {paragraph}" for turn, paragraph in enumerate(body)]
    elif distractor is not None:
        parts[distractor[2]].extend(distractor[1])
    kicker = ["Film review"] if layout == "kicker" else []
    deck = ["Two sisters, a boat yard and a debt nobody mentions"] if layout == "deck" else []
    if layout == "picture":
        parts["under"].extend([f"{lead} as Ruth in {film}", "Photo: Lantern Pictures"])
    elif layout == "rating":
        parts["under"].append("Rating: 4/5")
    elif layout == "share":
        parts["under"].append("Share: Facebook | Twitter | Email")
    elif layout == "comment count":
        parts["under"].append("3 Comments")
    elif layout == "avatar" and byline is not None and byline.position in ("top", "under"):
        parts[byline.position].insert(0, "Avatar photo")
    blocks = [chrome_top, *parts["top"], *kicker, headline, *deck, *parts["under"], *body,
              *parts["after"], *thread, chrome_bottom]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _place(byline: Byline, film: str, parts: dict[str, list[str]], body: list[str]) -> str | None:
    """Put the byline's lines where it stands; the headline when it is the headline."""
    lines = [line.format(film=film) for line in byline.lines]
    if byline.date_line:
        parts["top"].insert(0, byline.date_line)
    if byline.position in parts:
        parts[byline.position].extend(lines)
    elif byline.position == "title bar":
        parts["top"].insert(0, lines[0])
    elif byline.position == "run-in":
        body[-1] = f"{body[-1]} {lines[0]}"
    elif byline.position == "dialogue":  # two critics talk it over, each turn under a first name
        body[:] = [f"{lines[turn % 2]}: {paragraph}" for turn, paragraph in enumerate(body)]
    return lines[0] if byline.position == "headline" else None


def _all_names() -> list[tuple[str, str]]:
    names = [(kind, name) for kind, group in PERSON_NAMES.items() for name in group]
    return names + [("user", name) for name in USER_NAMES]


def positive_cases(seed: int = 7, full: bool = False) -> Iterator[Case]:
    """Every byline form for every name form. With ``full``, every name in every date form on
    every day (about a million pages); else each form once per name form, the name, the day and
    the date form turning over from one form to the next (a covering set)."""
    rng = random.Random(seed)
    forms = list(DATE_FORMS)
    for shift, (kind, names) in enumerate([*PERSON_NAMES.items(), ("user", USER_NAMES)]):
        for turn, date_form in enumerate(forms):
            chosen = names if full else names[turn % len(names):][:1]
            days = _DAYS if full else _DAYS[turn % len(_DAYS):][:1]
            for name, (y, m, d) in itertools.product(chosen, days):
                date = DATE_FORMS[date_form](y, m, d)
                for index, byline in enumerate(_bylines(name, kind, date, rng)):
                    if not full and (index + shift) % len(forms) != turn:
                        continue  # this form takes another date form on another turn
                    if full and not byline.dated and date_form != forms[0]:
                        continue  # an undated form once per name and day
                    yield _positive_case(byline, kind, date_form, f"{y}-{m:02d}-{d:02d}", rng)


def _positive_case(byline: Byline, kind: str, date_form: str, iso: str, rng: random.Random) -> Case:
    layout = rng.choice(LAYOUTS)
    page = _page(rng.choice(FILMS), byline, None, rng, layout)
    if byline.form.startswith("user: "):
        wanted = _user_date(byline.form) if byline.dated else None
        return Case(page, byline.critic, wanted,
                    (byline.form, f"name: {kind}", f"position: {byline.position}", f"layout: {layout}"))
    return Case(page, byline.critic, iso if byline.dated else None,
                (byline.form, f"name: {kind}", f"position: {byline.position}",
                 f"date: {date_form}" if byline.dated else "date: none", f"layout: {layout}"))


def negative_cases(seed: int = 11) -> Iterator[Case]:
    """Every distractor alone (no critic), and beside a plain byline (that byline's critic)."""
    rng = random.Random(seed)
    plain = (("By {n}", "top"), ("By {n} | {d}", "under"), ("— {n}", "after"),
             ("{n} | {d}", "under"), ("Reviewed by: {n}", "under"))
    for film in FILMS:
        for distractor in _distractors(film):
            for layout in LAYOUTS:
                yield Case(_page(film, None, distractor, rng, layout), None, None,
                           (f"negative: {distractor[0]}", "alone", f"layout: {layout}"))
            for (kind, name), (template, position) in itertools.product(
                    [(k, n) for k, n in _all_names() if k != "user"], plain):
                text = template.format(n=name, d="March 18, 2011")
                byline = Byline(f"plain {template!r}", (text,), position, name, "{d}" in template)
                layout = rng.choice(LAYOUTS)
                yield Case(_page(film, byline, distractor, rng, layout), name,
                           "2011-03-18" if byline.dated else None,
                           (f"negative: {distractor[0]}", f"beside: {template}", f"name: {kind}",
                            f"layout: {layout}"))


def sample(cases: list[Case], size: int, seed: int = 3) -> list[Case]:
    """A seeded subset of ``size`` cases holding every value of every cause at least once."""
    rng = random.Random(seed)
    order = list(range(len(cases)))
    rng.shuffle(order)
    chosen: list[int] = []
    seen: set[str] = set()
    for index in order:  # first, one case for each cause not seen yet
        new = set(cases[index].causes) - seen
        if new:
            chosen.append(index)
            seen |= new
    taken = set(chosen)
    chosen += [index for index in order if index not in taken][:max(size - len(chosen), 0)]
    return [cases[index] for index in sorted(chosen)]
