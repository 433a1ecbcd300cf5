"""A grammar of critics' ratings, to test the cleaner on every way a page may state one.

Pages are small, made up and in our own words: top chrome, a headline, a byline and date, three
or four body paragraphs and a footer. A rating is stated in one FORM (a value on a scale, as a
fraction, stars, words, a letter grade or a percentage), behind one LABEL (or none), at one
POSITION (under the headline, in the header bar, as the last line of the body, in a verdict box,
in the headline, in a sentence of prose, in a card of sub-scores). The NEGATIVE grammar holds
numbers that look like ratings and are not the critic's (averages, certificates, runtimes, years,
a list of other reviews, another critic's quoted stars, disc specs, episode numbers): a page with
only those gives no rating, and one with a rating as well gives that rating.

``all_cases()`` is the whole grammar; ``sample(n, seed)`` a fixed, seeded part of it.
"""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

# --- values and forms -----------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """A rating as printed: its text, its value on 0..1 and its shape (which labels and
    positions it fits)."""

    text: str
    value: float
    shape: str  # fraction, percent, stars, asterisks, words, grade
    tag: str  # the grammar rule that made it, for grouping failures


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
          8: "eight", 9: "nine", 10: "ten"}
_SCALES = {4: (1, 2.5, 3, 3.5, 4), 5: (0.5, 2, 3.5, 4, 5), 10: (3, 6.5, 7, 7.8, 8.5, 10),
           100: (45, 72, 88)}


def _score_texts(score: float, scale: int) -> Iterator[tuple[str, str]]:
    """Ways to write a score: (text, rule)."""
    whole = int(score)
    if score == whole:
        yield str(whole), "int"
        if scale == 10 and whole < 10:
            yield f"0{whole}", "leading-zero"
        if scale == 5:
            yield f"{whole}.0", "point-zero"
        return
    yield f"{score:g}", "decimal-half" if score * 2 == int(score * 2) else "decimal"
    if score * 2 != int(score * 2):
        return
    yield f"{whole}½" if whole else "½", "glyph-half"
    if whole:
        yield f"{whole} ½", "spaced-glyph-half"
        yield f"{whole} 1/2", "fraction-half"


def _fraction_forms() -> Iterator[Form]:
    for scale, scores in _SCALES.items():
        for score in scores:
            value = score / scale
            for written, rule in _score_texts(score, scale):
                yield Form(f"{written}/{scale}", value, "fraction", f"slash/{rule}")
                yield Form(f"{written} / {scale}", value, "fraction", f"spaced-slash/{rule}")
                yield Form(f"{written} out of {scale}", value, "fraction", f"out-of/{rule}")
                if scale in _WORDS:
                    yield Form(f"{written} out of {_WORDS[scale]}", value, "fraction",
                               f"out-of-word/{rule}")
                    yield Form(f"{written} out of a possible {scale}", value, "fraction",
                               f"out-of-a-possible/{rule}")
                if scale in (5, 10):
                    yield Form(f"{written}/{scale}.0", value, "fraction", f"slash-point-zero-scale/{rule}")
                if scale in (4, 5):
                    stars = "star" if score == 1 else "stars"
                    yield Form(f"{written}/{scale} stars", value, "fraction", f"slash-stars/{rule}")
                    yield Form(f"{written} {stars} out of {scale}", value, "fraction",
                               f"stars-out-of/{rule}")
                    yield Form(f"{written} of {_WORDS[scale]} stars", value, "fraction",
                               f"of-word-stars/{rule}")
                    yield Form(f"{written} (out of {scale})", value, "fraction",
                               f"bracketed-scale/{rule}")
    for score in (45, 72, 88):
        yield Form(f"{score}%", score / 100, "percent", "percent")


def _star_rows() -> Iterator[Form]:
    for scale in (4, 5):
        for score in _SCALES[scale]:
            full, half = int(score), score != int(score)
            empty = scale - full - (1 if half else 0)
            value = score / scale
            if scale == 5 or empty:  # a bare row of four or fewer reads as out of five
                yield Form("★" * full + ("½" if half else "") + "☆" * empty, value, "stars",
                           f"glyph-row-{scale}")
                yield Form(" ".join("★" * full + ("½" if half else "") + "☆" * empty), value,
                           "stars", f"spaced-glyph-row-{scale}")
            if scale == 5:
                if full:
                    yield Form("★" * full + ("½" if half else ""), value, "stars", "glyphs-no-empties")
                    yield Form("⭐" * full + ("½" if half else ""), value, "stars", "emoji-stars")
                    yield Form("🌟" * full + ("½" if half else ""), value, "stars", "glowing-emoji-stars")
                    yield Form("*" * full + ("½" if half else ""), value, "asterisks", "asterisks")
                    if half:
                        yield Form("*" * full + "1/2", value, "asterisks", "asterisks-fraction-half")
                if full:  # a row of empty stars alone is an unfilled widget
                    yield Form("✭" * full + "✩" * (5 - full), full / 5, "stars", "other-glyph-row")
            elif full:
                yield Form("*" * full + ("½" if half else "") + " (out of four)", value,
                           "asterisks", "asterisks-out-of-four")
                yield Form("★" * full + ("½" if half else "") + " out of ★★★★", value, "stars",
                           "glyphs-out-of-glyph-row")


def _ten_star_rows() -> Iterator[Form]:
    for full in (3, 6, 8):
        yield Form("★" * full + "☆" * (10 - full), full / 10, "stars", "glyph-row-10")


def _word_forms() -> Iterator[Form]:
    for score in (1, 2, 2.5, 3, 3.5, 4, 5):
        whole, half = int(score), score != int(score)
        name = _WORDS[whole]
        plural = "s" if score != 1 else ""
        spoken = name + (" and a half" if half else "")
        yield Form(f"{spoken} star{plural}", score / 5, "words", "word-stars")
        yield Form(f"{spoken.title()} Star{plural}", score / 5, "words", "title-case-word-stars")
        yield Form(f"{score:g} star{plural}", score / 5, "words", "digit-stars")
        if half:
            yield Form(f"{name}-and-a-half stars", score / 5, "words", "hyphened-half-stars")
            yield Form(f"{whole}½ stars", score / 5, "words", "glyph-half-stars")
        yield Form(f"{spoken} star{plural} out of five", score / 5, "words", "word-stars-out-of-five")
        yield Form(f"{spoken} out of five", score / 5, "words", "word-out-of-five")
        yield Form(f"{spoken.capitalize()} out of Five stars", score / 5, "words",
                   "capitalised-word-out-of-five")
        if score <= 4:
            yield Form(f"{spoken} star{plural} out of four", score / 4, "words",
                       "word-stars-out-of-four")
    for score in (6, 7, 9):
        yield Form(f"{_WORDS[score]} out of ten", score / 10, "words", "word-out-of-ten")


def grade_value(grade: str) -> float:
    """Grade points over four: A = 4 ... F = 0, a plus or minus a third of a point."""
    points = {"A": 4.0, "B": 3.0, "C": 2.0, "D": 1.0, "F": 0.0}[grade[0]]
    rest = grade[1:].casefold()
    points += 0.3 if rest.endswith(("+", "plus")) else -0.3 if rest.endswith(("-", "minus")) else 0.0
    return round(min(max(points, 0.0), 4.0) / 4, 4)


def _grade_forms() -> Iterator[Form]:
    for grade in ("A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "F"):
        yield Form(grade, grade_value(grade), "grade", "letter-grade")
    for grade in ("B-minus", "B minus", "C plus", "A-minus"):
        yield Form(grade, grade_value(grade), "grade", "spelled-sign-grade")
    yield Form("A−", grade_value("A-"), "grade", "unicode-minus-grade")


def _unit_forms() -> Iterator[Form]:
    """A site's own unit counted out of a scale: "Seven ferry tickets out of 10."."""
    for score, unit, scale in ((7, "ferry tickets", 10), (3, "lanterns", 5), (9, "paper kites", 10)):
        yield Form(f"{_WORDS[score].capitalize()} {unit} out of {scale}.", score / scale, "unit",
                   "unit-out-of")
        yield Form(f"{score} {unit} out of {scale}", score / scale, "unit", "digit-unit-out-of")


def all_forms() -> list[Form]:
    return [*_fraction_forms(), *_star_rows(), *_ten_star_rows(), *_word_forms(), *_grade_forms(),
            *_unit_forms()]


# --- labels -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Label:
    text: str  # "" for none; "{first}" and "{initials}" are filled in
    shapes: frozenset[str]
    joined: bool = False  # no space between the label and the rating ("Rating:4/5")


_ANY = frozenset({"fraction", "percent", "stars", "asterisks", "words", "grade"})
_NUMERIC = frozenset({"fraction", "percent", "stars", "asterisks", "words"})
LABELS = (
    Label("Rating:", _ANY), Label("Our rating:", _ANY), Label("My rating:", _ANY),
    Label("Score:", _ANY), Label("Verdict:", _ANY), Label("Grade:", frozenset({"grade"})),
    Label("Our grade:", frozenset({"grade"})), Label("{first}'s rating:", _ANY),
    Label("{first}’s Rating:", _ANY), Label("Overall:", _ANY), Label("Final score:", _NUMERIC),
    Label("The Film:", _ANY), Label("Movie:", _ANY), Label("Film rating:", _ANY),
    Label("RATING:", _ANY), Label("Rating -", _NUMERIC), Label("Star rating:", _NUMERIC),
    Label("Critic's score:", _ANY), Label("Our verdict:", _ANY), Label("Reviewer's rating:", _ANY),
    Label("Score —", _NUMERIC), Label("Critical score:", _NUMERIC), Label("Our take:", _ANY),
    Label("Final grade:", frozenset({"grade"})), Label("{initials} Rating:", _ANY),
    Label("Rating:", _NUMERIC, joined=True), Label("Stars:", frozenset({"stars", "asterisks"})),
    Label("{first}:", _NUMERIC),
    Label("", frozenset({"fraction", "stars", "asterisks", "words", "unit"})),
)


# --- fillers: our own words -------------------------------------------------------------------

FILMS = ("The Glass Kite", "Lantern Valley", "North of the Salt Road", "Copper Tide")
CRITICS = (("Mara Quill", "Mara"), ("Tobias Fenn", "Tobias"), ("Ruth Okafor", "Ruth"),
           ("Dev Anand Rao", "Dev"))
DATES = ("March 3, 2011", "14 May 2010", "November 21, 2010", "2 February 2011")
PARAGRAPHS = (
    "{film} follows a retired ferry pilot who agrees to carry one last passenger across a bay "
    "that the town has been told to leave alone. The set-up is simple and the film trusts it.",
    "The lead gives a quiet, watchful performance, and the camera stays close enough to catch "
    "every doubt that crosses his face. The supporting cast has less to do but does it well.",
    "Where the story stumbles is the middle stretch, when a subplot about a missing ledger "
    "takes over for far too long and the tension leaks away with it.",
    "The score leans on strings when it should trust silence, and a few of the night scenes are "
    "so dark that the action is hard to follow, which may be the point.",
    "Still, the final crossing is handled with real patience, and the closing shot lands with a "
    "weight that the rest of the film has quietly earned.",
    "It is not a film for everyone, and it takes its time, but it rewards anyone willing to "
    "meet it halfway.",
)
TOP_CHROME = ("Home | Reviews | Interviews | Festivals | Contact", "Menu  Search  Subscribe",
              "Skip to content")
FOOTER = ("Share this: Facebook | Twitter | Email", "Leave a comment", "© 2011 Reel Harbour Media. "
          "All rights reserved.", "Tags: drama, ferry, thriller")
SUMMARIES = ("A patient, handsome drama that earns its ending.",
             "Slow in the middle, strong at the close.",
             "Worth the crossing, if you can sit still.")


@dataclass
class Page:
    """The blocks of a page; ``render`` lays them out as a cleaner would receive them."""

    film: str
    critic: str
    first: str
    date: str
    top: list[str] = field(default_factory=list)
    headline: str = ""
    under_headline: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    after_body: list[list[str]] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    prose: int = 0  # how many paragraphs of the body are prose (a rating line may follow them)

    def render(self) -> str:
        blocks: list[str] = ["\n".join(self.top)] if self.top else []
        blocks.append("\n".join([self.headline, *self.under_headline, *self.byline]))
        if self.info:
            blocks.append("\n".join(self.info))
        blocks.extend(self.body)
        blocks.extend("\n".join(block) for block in self.after_body)
        if self.footer:
            blocks.append("\n".join(self.footer))
        return "\n\n".join(blocks) + "\n"


def _page(rng: random.Random) -> Page:
    film = rng.choice(FILMS)
    critic, first = rng.choice(CRITICS)
    date = rng.choice(DATES)
    count = rng.choice((3, 4))
    body = [p.format(film=film) for p in PARAGRAPHS[:1] + tuple(rng.sample(PARAGRAPHS[1:], count - 1))]
    return Page(film, critic, first, date, top=[rng.choice(TOP_CHROME)],
                headline=rng.choice((f"Review: {film}", f"{film} review", f"{film}")),
                byline=[f"By {critic}", date], body=body,
                footer=rng.sample(FOOTER, 2), prose=len(body))


# --- positions --------------------------------------------------------------------------------

def _labelled(label: Label, form: Form, page: Page) -> str:
    initials = "".join(word[0] for word in page.critic.split())
    text = label.text.format(first=page.first, initials=initials)
    return (text + ("" if label.joined else " ") + form.text) if text else form.text


def _under_headline(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    page.under_headline.append(_labelled(label, form, page))


def _header_bar(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    if not label.text and form.shape not in ("stars", "asterisks"):
        raise _Skip
    page.byline = [f"By {page.critic} | {page.date} | {_labelled(label, form, page)}"]


def _date_bar(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    if not label.text:
        raise _Skip
    page.byline = [f"By {page.critic}", f"{page.date} · {_labelled(label, form, page)}"]


def _last_line(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    page.body.append(_labelled(label, form, page))


_QUIPS = ("well worth the ferry fare", "bring a coat", "see it twice")


def _last_line_with_quip(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    """"Rating: 4/5 – well worth the ferry fare.": the rating line with a few words after it."""
    if not label.text or form.shape == "unit":
        raise _Skip
    page.body.append(f"{_labelled(label, form, page)} – {rng.choice(_QUIPS)}.")


def _verdict_box(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    page.after_body.append(["The Verdict", rng.choice(SUMMARIES), _labelled(label, form, page)])


def _verdict_line(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    if label.text:
        raise _Skip
    shown = form.text[:1].upper() + form.text[1:] + "." if form.shape == "words" else form.text
    page.after_body.append([f"Bottom line: {rng.choice(SUMMARIES)} {shown}"])


def _label_above(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    """The label on a line of its own ("Our Rating"), the rating on the next."""
    if not label.text or label.text.endswith(("-", "—")) or label.joined:
        raise _Skip
    block = [_labelled(label, form, page)[:-len(form.text)].strip().rstrip(":"), form.text]
    if rng.random() < 0.5:
        page.after_body.append(block)
    else:
        page.under_headline.extend(block)


_FACTS = ("Director: Ana Kell", "Starring: Jo Brand, Sam Oduya", "Country: Norway",
          "Genre: Drama")


def _info_box(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    """The rating among the film's facts in a box above the body."""
    if not label.text:
        raise _Skip
    facts = list(rng.sample(_FACTS, 3))
    facts.insert(rng.randrange(len(facts) + 1), _labelled(label, form, page))
    page.info.extend(facts)


def _kicker(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    """Stars above the headline, in the site's kicker ("★★★★ | Film review")."""
    if label.text or form.shape not in ("stars", "asterisks"):
        raise _Skip
    page.top.append(rng.choice((f"{form.text} | Film review", f"Film review {form.text}")))


def _bracketed_in_prose(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    """The score in brackets closing the last paragraph: "... halfway. (7/10)"."""
    if label.text and not label.text.endswith(":") or "(" in form.text:
        raise _Skip
    if not label.text and form.shape == "asterisks":
        raise _Skip  # "(**)" after a sentence is as likely a footnote mark
    shown = _labelled(label, form, page)
    page.body[-1] = f"{page.body[-1]} " + rng.choice((f"({shown})", f"[{shown}]"))


def _in_headline(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    if label.text:
        raise _Skip
    if form.shape == "words":
        page.headline = rng.choice((f"{page.film} – {form.text}", f"{page.film} Review - {form.text}",
                                    f"Movie review: '{page.film}' ({form.text})"))
        return
    shapes = [f"{page.film} ({form.text})", f"Review: {page.film} {form.text}",
              f"{page.film} review – {form.text}", f"{page.film} (2010) {form.text}",
              f"{page.film} review: {form.text}"]
    if form.shape == "asterisks":
        shapes += [f"Review: {page.film} (15){form.text}", f"{page.film} (2010){form.text}"]
    page.headline = rng.choice(shapes)


def _byline_dash(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    """The rating after the critic's name: "By Jo Marsh – 9/10"."""
    if label.text or form.shape == "words":
        raise _Skip
    page.byline = [f"By {page.critic} – {form.text}", page.date]


_GIVING = ("I give it {r}.", "I'd give it {r}.", "I'm giving {film} {r}.", "{film} gets {r} from me.",
           "I rate it {r}.", "All told, I'd rate {film} {r}.")
_GIVING_GRADE = ("I give it {a} {r}.", "{film} earns {a} {r} from me.", "I'd give it {a} {r}.")


def _prose(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    if label.text or form.shape in ("stars", "asterisks"):
        raise _Skip
    if form.shape == "grade":
        article = "an" if form.text[0] in "AF" else "a"
        sentence = rng.choice(_GIVING_GRADE).format(a=article, r=form.text, film=page.film)
    elif form.tag in ("word-stars", "digit-stars") and rng.random() < 0.5:
        count = form.text.rsplit(" ", 1)[0].replace(" ", "-")  # "three and a half" -> hyphened
        sentence = f"It is a {count}-star film."
    else:
        sentence = rng.choice(_GIVING).format(r=form.text, film=page.film)
    page.body[-1] = f"{page.body[-1]} {sentence}"


def _prose_before_sign_off(page: Page, label: Label, form: Form, rng: random.Random) -> None:
    _prose(page, label, form, rng)
    page.body.append("See it on the biggest screen you can find.")


_WHOLE_LINE_POSITIONS = ("under-headline", "last-line", "verdict-box")


class _Skip(Exception):
    """This label or form does not go in this position."""


POSITIONS = {
    "under-headline": _under_headline, "header-bar": _header_bar, "date-bar": _date_bar,
    "last-line": _last_line, "verdict-box": _verdict_box, "verdict-line": _verdict_line,
    "headline": _in_headline, "prose": _prose, "prose-then-sign-off": _prose_before_sign_off,
    "label-above": _label_above, "info-box": _info_box, "kicker": _kicker,
    "bracketed-in-prose": _bracketed_in_prose, "byline-dash": _byline_dash,
    "last-line-with-quip": _last_line_with_quip,
}


# --- sub-score cards ----------------------------------------------------------------------------

@dataclass(frozen=True)
class CardStyle:
    name: str
    scale: int
    write: Callable[[float], str]


def _stars5(score: float) -> str:
    return "★" * int(score) + ("½" if score != int(score) else "") + "☆" * (5 - round(score + 0.01))


CARD_STYLES = (
    CardStyle("slash-5", 5, lambda s: f"{s:g}/5"),
    CardStyle("slash-10", 10, lambda s: f"{s:g}/10"),
    CardStyle("decimal-5", 5, lambda s: f"{s:.1f}/5"),
    CardStyle("out-of-5", 5, lambda s: f"{s:g} out of 5"),
    CardStyle("glyphs", 5, _stars5),
    CardStyle("stars-words", 5, lambda s: f"{s:g} stars"),
)
FILM_LINES = ("The Film", "Movie", "Film", "Feature")
PART_SETS = (("Video", "Audio", "Extras"), ("Picture", "Sound", "Special Features"),
             ("Video", "Audio", "Supplements"))


def _card_cases(rng: random.Random) -> Iterator[tuple[str, Page, float]]:
    for style in CARD_STYLES:
        film_score = 4.0 if style.scale == 5 else 8.0
        parts = (3.0, 4.5, 2.0) if style.scale == 5 else (6.0, 9.0, 4.0)
        overall = 3.5 if style.scale == 5 else 7.0
        for film_label in (*FILM_LINES, None):
            for with_overall in (False, True):
                if film_label is None and not with_overall:
                    continue
                for where in ("after-body", "header"):
                    page = _page(rng)
                    part_names = rng.choice(PART_SETS)
                    card = [f"{film_label}: {style.write(film_score)}"] if film_label else []
                    card += [f"{name}: {style.write(score)}"
                             for name, score in zip(part_names, parts, strict=True)]
                    if with_overall:
                        card.append(f"Overall: {style.write(overall)}")
                    wanted = (film_score if film_label else overall) / style.scale
                    if where == "header":
                        page.info = card
                    else:
                        page.after_body.append(card)
                    name = f"card/{style.name}/{film_label or 'overall-only'}/" \
                           f"{'with' if with_overall else 'no'}-overall/{where}"
                    yield name, page, wanted


# --- the negative grammar -----------------------------------------------------------------------

@dataclass(frozen=True)
class Negative:
    """Rating-shaped text that is not the critic's rating, and where it goes."""

    tag: str
    text: str
    where: str  # info (a line between byline and body), body (a sentence mid-body), last (a
    # sentence closing the body), after (a block under the body), top (above the headline)


NEGATIVES = (
    Negative("imdb-average", "IMDb rating: 7.8/10", "info"),
    Negative("imdb-average", "IMDb users give it 7.8/10, which seems generous to me.", "body"),
    Negative("users-average", "Users' rating: 4/5 (212 votes)", "info"),
    Negative("readers-average", "Readers' rating: ★★★★☆", "info"),
    Negative("readers-average", "Average reader score: 3.5 out of 5", "info"),
    Negative("readers-average", "Readers of this site gave it 4 out of 5 before it had even opened.",
             "body"),
    Negative("aggregator", "Rotten Tomatoes: 92%", "info"),
    Negative("aggregator", "Metascore: 74/100", "info"),
    Negative("certificate", "Rated R", "info"),
    Negative("certificate", "Rated PG-13 for violence and language", "info"),
    Negative("certificate", "MPAA rating: PG-13", "info"),
    Negative("certificate", "Rating: PG-13", "info"),
    Negative("certificate", "Rating: M", "info"),
    Negative("certificate", "Certificate: 15", "info"),
    Negative("certificate", "It is rated R for a handful of brutal scenes.", "body"),
    Negative("runtime", "Running time: 1 hr 45 min", "info"),
    Negative("runtime", "Runtime: 105 minutes", "info"),
    Negative("runtime", "At 1 hr 45 min it never quite drags.", "body"),
    Negative("year", "Year: 2010", "info"),
    Negative("year", "Set in 1974, the story barely leaves the harbour.", "body"),
    Negative("date", "Released: 3/5/2011", "info"),
    Negative("top-ten", "It has a place in my Top 10 of the year so far.", "body"),
    Negative("top-ten", "Top 10 films of 2010", "after"),
    Negative("fraction-of-film", "About 2/3 of the way through, the story turns on itself.", "body"),
    Negative("fraction-of-film", "The last 1/4 of the film is close to silent.", "body"),
    Negative("related-list", "Related reviews\nThe Iron Bell ★★★★\nA Quiet Harbour (2/5)\n"
                             "North Road – 8/10", "after"),
    Negative("related-list", "More reviews\nThe Iron Bell: 4 stars\nA Quiet Harbour: 2/5", "after"),
    Negative("box-office", "It has already taken $45.2 million at the box office.", "body"),
    Negative("box-office", "Box office: $120m", "info"),
    Negative("quoted-critic", "One critic called it \"a five-star triumph\", and I can see why "
                              "people say so.", "body"),
    Negative("quoted-critic", "\"5 stars! A triumph.\" – The Morning Ledger", "top"),
    Negative("quoted-critic", "\"★★★★★ Unmissable\" – Harbour Weekly", "top"),
    Negative("disc-region", "Region 2", "info"),
    Negative("disc-region", "Region: B", "info"),
    Negative("aspect-ratio", "Aspect ratio: 2.35:1", "info"),
    Negative("aspect-ratio", "Video: 1.85:1 anamorphic widescreen", "info"),
    Negative("disc-audio", "Audio: Dolby Digital 5.1", "info"),
    Negative("episode", "Episode 1/6", "info"),
    Negative("episode", "This is episode 1/6 of a series that grows on you.", "body"),
    Negative("part-of-series", "It is part 3 of 4 in the saga.", "body"),
    Negative("part-of-series", "Disc 1 of 2", "info"),
    Negative("surround-sound", "Audio: English 5.1 DTS-HD, French 2.0 stereo", "info"),
    Negative("surround-sound", "The 7.1 mix makes the storm scene shake the room.", "body"),
    Negative("screen-ratio", "Video: 4:3 full frame", "info"),
    Negative("actors-as-stars", "The two stars of the film have an easy, unforced chemistry.", "body"),
    Negative("hotel-stars", "They check into a five-star hotel on the coast.", "body"),
    Negative("share-of-film", "Close to 90% of the film takes place at sea.", "body"),
    Negative("price", "Price: $19.99", "info"),
    Negative("age", "Suitable for ages 12+", "info"),
    Negative("season", "Opened in the 2010/11 season", "info"),
    Negative("ranking", "It opened at number 3 in the charts.", "body"),
    Negative("readers-average", "Average: 3.9/5 from 120 readers", "after"),
    Negative("share-of-people", "Nine out of ten people who see it will forget it by Friday.", "body"),
    Negative("second-opinion", "Second opinion\nJo Marsh: ★★☆☆☆", "after"),
)
# Sentences of the body's look-alikes, said again at the very end of the last paragraph, where a
# closing rating is looked for.
NEGATIVES = NEGATIVES + tuple(Negative(negative.tag + "-at-the-end", negative.text, "last")
                              for negative in NEGATIVES if negative.where == "body")


def _add_negative(page: Page, negative: Negative) -> None:
    if negative.where == "info":
        page.info.append(negative.text)
    elif negative.where == "body":
        middle = len(page.body) // 2
        page.body[middle] = f"{page.body[middle]} {negative.text}"
    elif negative.where == "last":
        last = page.prose - 1  # the last paragraph of prose, not a rating line under it
        page.body[last] = f"{page.body[last]} {negative.text}"
    elif negative.where == "after":
        page.after_body.append(negative.text.split("\n"))
    else:
        page.top.append(negative.text)


# --- cases --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    name: str  # rule tags: position/label/form-tag[+negative]
    page: str
    expected: float | None


@functools.cache
def all_cases(seed: int = 7) -> list[Case]:
    """Every combination of form, label and position (with a negative added to one in three),
    every sub-score card, and every negative alone, beside a rating and in pairs."""
    rng = random.Random(seed)
    cases = _positive_cases(rng)
    cases += [Case(name, page.render(), round(wanted, 4)) for name, page, wanted in _card_cases(rng)]
    return cases + _negative_cases(rng)


def _positive_cases(rng: random.Random) -> list[Case]:
    cases: list[Case] = []
    forms = all_forms()
    for position, place in POSITIONS.items():
        for label in LABELS:
            for form in forms:
                if form.shape not in label.shapes or (
                        form.shape == "unit" and position not in _WHOLE_LINE_POSITIONS):
                    continue
                page = _page(rng)
                try:
                    place(page, label, form, rng)
                except _Skip:
                    continue
                shown = (label.text + (" (joined)" if label.joined else "")) or "no-label"
                name = f"{position}/{shown}/{form.shape}:{form.tag}/{form.text}"
                if len(cases) % 3 == 2:
                    negative = NEGATIVES[(len(cases) // 3) % len(NEGATIVES)]
                    _add_negative(page, negative)
                    name += f"+{negative.tag}"
                cases.append(Case(name, page.render(), round(form.value, 4)))
    return cases


# Ratings set beside each negative, in turn.
_BESIDE = (Form("3/5", 0.6, "fraction", "slash/int"), Form("★★★½", 0.7, "stars", "glyphs"),
           Form("B+", grade_value("B+"), "grade", "letter-grade"),
           Form("7/10", 0.7, "fraction", "slash/int"), Form("three stars", 0.6, "words", "word-stars"))
_BESIDE_POSITIONS = ("under-headline", "last-line", "verdict-box", "header-bar", "info-box",
                     "label-above")


def _negative_cases(rng: random.Random) -> list[Case]:
    cases: list[Case] = []
    for index, negative in enumerate(NEGATIVES):
        for copy in range(3):
            page = _page(rng)
            _add_negative(page, negative)
            cases.append(Case(f"negative-alone/{negative.tag}/{index}.{copy}", page.render(), None))
        for turn, position in enumerate(_BESIDE_POSITIONS):
            form = _BESIDE[(index + turn) % len(_BESIDE)]
            page = _page(rng)
            POSITIONS[position](page, LABELS[0], form, rng)
            _add_negative(page, negative)  # a list of other reviews comes after the rating
            cases.append(Case(f"negative-beside/{negative.tag}/{position}/{form.text}/{index}",
                              page.render(), round(form.value, 4)))
    for first, second in itertools.combinations(range(len(NEGATIVES)), 2):
        page = _page(rng)
        _add_negative(page, NEGATIVES[first])
        _add_negative(page, NEGATIVES[second])
        cases.append(Case(f"negative-pair/{NEGATIVES[first].tag}+{NEGATIVES[second].tag}/"
                          f"{first}.{second}", page.render(), None))
    return cases


def sample(size: int, seed: int = 7) -> list[Case]:
    """A fixed, seeded sample of ``all_cases``: every card and every look-alike alone, then a
    seeded draw of look-alikes in pairs (a fifth of the rest), beside a rating (a tenth), and of
    ratings stated every way, shared evenly between positions (the remainder)."""
    groups: dict[str, list[Case]] = {}
    for case in all_cases(seed):
        groups.setdefault(case.name.split("/")[0], []).append(case)
    chosen = groups.pop("card") + groups.pop("negative-alone")
    draw = random.Random(seed)
    left = max(0, size - len(chosen))
    pairs, beside = groups.pop("negative-pair"), groups.pop("negative-beside")
    chosen += draw.sample(pairs, min(left // 5, len(pairs)))
    chosen += draw.sample(beside, min(left // 10, len(beside)))
    left = max(0, size - len(chosen))
    for index, group in enumerate(sorted(groups.values(), key=len)):
        share = min(len(group), left // (len(groups) - index))
        chosen += draw.sample(group, share)
        left -= share
    return chosen
