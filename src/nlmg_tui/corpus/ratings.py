"""Read a critic's rating as printed and normalise it to 0..1.

A site's aggregate ("7.1 / 10 - Overall Rating") is told apart by its label ("Overall: 4/5"
alone is the critic's summing up); a certificate ("Rated: R", "12A") is never a rating.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from nlmg_tui.corpus.labelled_scores import dash_grade, labelled_scores

_NUMBER = r"(\d{1,3}(?:\.\d+)?)"
_WORD_NUMBERS = {"zero": 0, "half": 0.5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_SCALE_NAMES = {"four": 4, "five": 5, "ten": 10, "hundred": 100}
# A score and its scale: "7/10", "3 out of 5", "three out of five", "3 of 5 stars", "3 stars out
# of 4", "7 out of a possible 10", with a half written out ("3½/5", "3 ½ / 5", "3 1/2 out of 4",
# "three and a half out of five", "½/5"); the scale in brackets after the score or its stars:
# "8 (out of 10)". A share of the film ("the last 1/4 of it", "1/2 hour") or a date ("3/5/2011")
# is no score.
_FRACTION = re.compile(
    r"(?<![\d.])(?:(?P<score>\d{1,3}(?:\.\d+)?|\b(?:" + "|".join(list(_WORD_NUMBERS)[2:]) + r"))"
    r"(?P<half>\s?½| 1/2(?!\d)|[ -]and[ -]a[ -]half)?|(?<![*★☆] )(?<![*★☆\w])(?P<lone>½))"
    r"(?:\s*stars?)?\s*(?:/|\bout of(?: a possible)?|(?P<paren>\()out of|\bof(?=\s*\w+\s+stars\b))\s*"
    r"(?P<scale>100|10|5|4|four|five|ten|hundred)\b(?!\s*/|\s+(?:of|hours?)\b|:\d)(?(paren)\)?)",
    re.I)
# Star glyphs, run together or spaced ("★★★☆☆", "★ ★ ☆ ☆ ☆"), five or ten of them.
# A row that shows its empty stars shows its scale too: "★★★☆" is three out of four; a row with
# no empty star is out of five (ten past five). A half alone counts only before empty stars
# ("½☆☆☆☆").
_STAR_GLYPHS = re.compile(r"(?<![★☆])(?<![★☆] )(★(?: ?★){0,9})?( ?½| ?1/2(?!\d))?((?: ?☆)*)(?! ?[★☆])")
# Other star glyphs read as the two above: "⭐⭐⭐", "🌟🌟", "✪✪✪✩✩" (one character each, so
# spans hold).
_OTHER_STARS = str.maketrans({"⭐": "★", "🌟": "★", "✪": "★", "✫": "★", "✬": "★", "✭": "★", "✮": "★",
                              "✯": "★", "✰": "★", "✩": "☆", "\ufe0f": " "})
# A rating widget's star images read as text: "1 Star2 Stars3 Stars4 Stars5 Stars" offers every
# score to the reader and gives none.
_WIDGET_STARS = re.compile(r"\b1 Stars?\s*2 Stars\s*3 Stars(?:\s*\d{1,2} Stars)*", re.I)
_WORD_NUMBER = r"(?:" + "|".join(_WORD_NUMBERS) + r"|\d(?:\.\d)?)"
_WORDS = re.compile(
    r"\b(?P<score>" + _WORD_NUMBER + r")(?P<half> and a half)?(?: stars?)? out of (?P<scale>"
    + _WORD_NUMBER + r")(?: stars?)?\b",
    re.I,
)
# Asterisks as stars, unspaced ("****", "***½", "(**)"); a spaced row ("* * * * *") is a widget.
# Also after a certificate in brackets ("Title (15)***") and with a spaced half ("*** ½", "*** 1/2").
_ASTERISKS = re.compile(
    r"(?:^|(?<=[\s:()]))(?<!\*\s)(?P<stars>\*{1,5})(?P<half> ?½| ?1/2(?!\d))?(?!\s\*)"
    r"(?=\s*$|\s*[().,|·\]]|\s+out\b|\s[-–—]\s)"
)
# "4 stars", "3½ Stars", "4 ½ STARS", "3.5 stars", "4.4 stars", "a 5-star film" with no scale:
# out of five.
_STARS_NO_SCALE = re.compile(
    r"(?<![\d.])(?P<score>[0-5](?:\.\d)?)(?P<half> ?½| 1/2| and a half)?(?:\s*|-)stars?\b"
    r"(?!\s*(?:out of|/))",
    re.I
)
# "Rated 4.0", "rated 3.5" with no scale: out of five (a certificate is a letter or 12A, 15, 18).
_RATED_NUMBER = re.compile(r"\brated\s*:?\s*(?P<score>[0-5](?:\.\d)?)(?![\d\w./%]|\s*(?:/|out\b))",
                           re.I)
# A grade alone on its line ("A-", "B+") under a review: the critic's letter grade.
_BARE_GRADE = re.compile(r"^\s*(?P<grade>[A-DF](?:[+-]|[ -](?:plus|minus))?)\s*$")
# "Rating: 1 2 3 4 and a half": star images whose alt texts count up, read as text.
_COUNTED_STARS = re.compile(
    r"\b(?:rating|score|stars)\s*:?\s*(?P<count>1(?: \d){0,9})(?P<half> and a half| ½)?\s*$", re.I
)
# "gives it 95%", "Rating: 80%".
_PERCENT = re.compile(
    r"\b(?:gives? (?:it|this(?: film| movie)?)|rating|score|verdict)\s*:?\s*(?P<score>\d{1,3})%", re.I
)
# "Movie: 45%", "By Jo | Verdict - 88%", "(Our take: 72%)", "72%" alone: a percentage behind any
# short label, or alone, closing its line, one of its fields or its brackets.
_LABELLED_PERCENT = re.compile(r"(?:^|[|·•(\[]\s*)(?:[A-Za-z][\w'’ ]{1,30}?\s*(?::|\s[-–—])\s*)?"
                               r"(?P<score>\d{1,3})%(?=\s*(?:$|[|·•)\]])|\s[-–—]\s)")
# Letter grades on grade points (A = 4, B = 3, C = 2, D = 1, F = 0; a plus or minus moves a
# third of a point) over 4: C is 0.5, A and A+ are 1.
# "I give it a B+", "it earns an A-": a grade given in words.
_GIVEN_GRADE = re.compile(
    r"\b(?:give[sn]?|gets?|earns?|deserves?|rate[sd]?)\s+(?:it\s+|this(?: film| movie| one)?\s+)?"
    r"an?\s+(?P<grade>(?-i:[A-DF])(?:[+-]|[ -](?:plus|minus)\b)?)(?![\w-])"
    r"(?=\s*(?:[.!;)]|$|(?:from|by) (?:me|us)\b))(?P<word>(?!))?", re.I)
_GRADE_POINTS = {"A": 4.0, "B": 3.0, "C": 2.0, "D": 1.0, "F": 0.0}
_SIGNS = {"+": 0.3, "-": -0.3, "plus": 0.3, "minus": -0.3}
_GRADE = re.compile(
    r"(?:\b(?:grade|rating|score|verdict)\b\s*:?|\b(?:film|movie|overall|take)\s*:)\s*"
    r"(?P<grade>(?-i:[A-DF])(?:[+-]|[ -](?:plus|minus)\b)?)"
    r"(?![\w-])"
    r"(?:\s*\((?P<word>[A-Za-z ]{2,20})\))?",
    re.I,
)
# A disc review's sub-scores in the site's own unit, with no scale: "Film: 4.5 Yaps Extras: 4
# Yaps", "Movie: 3 Reels | Video: 4 Reels". The film's score is the rating; out of five (ten when
# a score passes five). The unit must recur under a second label, so that "Film: 2 Hours" alone
# is no rating.
_UNIT_SCORE = re.compile(r"\b(?P<label>[A-Z][a-z]+)\s*:\s*(?P<score>\d{1,2}(?:\.\d)?)\s+"
                         r"(?P<unit>[A-Z][a-z]{1,15})\b")
_FILM_LABELS = ("Film", "Movie", "Feature", "Overall", "Story")
AGGREGATE_LABEL = re.compile(
    r"\b(overall (?:rating|score)|average|avg|users?|readers?|audience|community|members?|votes?|imdb|"
    r"metascore)"
    r"\b[\w ]*\b(rating|score)?",
    re.I,
)


@dataclass(frozen=True)
class FoundRating:
    text: str
    value: float
    scale: str
    label: str | None
    start: int
    end: int


def find_ratings(text: str) -> list[FoundRating]:
    """Every rating-shaped span in ``text``, with the label that follows it on the line if any."""
    found: list[FoundRating] = []
    text = _WIDGET_STARS.sub(lambda widget: " " * len(widget.group(0)), text.translate(_OTHER_STARS))
    text = text.replace("−", "-")  # a minus sign in a grade ("A−")
    original = text
    text = _EQUALS_LABEL.sub(lambda match: match.group(1) + ":  ", text)  # "My Rating = ..." (same length)
    for match in _FRACTION.finditer(text):
        score = _number(match["score"] or "0") + (0.5 if match["half"] or match["lone"] else 0.0)
        scale = _number(match["scale"])
        if score > scale or _counts_a_group(text, match.end()):
            continue
        label = _label_after(text, match.end()) or _label_before(text, match.start())
        found.append(
            FoundRating(match.group(0), round(score / scale, 4), match["scale"], label,
                        match.start(), match.end())
        )
    for match in _WORDS.finditer(text):
        named_score = _WORD_NUMBERS.get(match["score"].casefold())
        score = float(match["score"]) if named_score is None else named_score
        score += 0.5 if match["half"] else 0.0
        scale_word = match["scale"].casefold()
        scale = _WORD_NUMBERS.get(scale_word) or float(scale_word)
        if (scale > 0 and score <= scale and not _overlaps(found, match.start(), match.end())
                and not _counts_a_group(text, match.end())):
            found.append(FoundRating(match.group(0), round(score / scale, 4), f"{scale:g}",
                                     _label_after(text, match.end()), match.start(), match.end()))
    for match in _ASTERISKS.finditer(text):
        stars = len(match["stars"]) + (0.5 if match["half"] else 0.0)
        scale = _stated_scale(text, match.end()) or 5
        if stars > scale:
            continue
        end = _scale_end(text, match.end())
        found.append(FoundRating(match.group(0), round(stars / scale, 4), f"stars-{scale}",
                                 _label_after(text, end), match.start(), end))
    for match in [*_GRADE.finditer(text), *_GIVEN_GRADE.finditer(text)]:
        found.append(FoundRating(match.group(0)[match.start("grade") - match.start():],
                                 grade_value(match["grade"]), "letter",
                                 match["word"], match.start("grade"), match.end()))
    found.extend(_more_star_forms(text, found))
    found.extend(_unit_sub_score(text, found))
    found.extend(_labelled_forms(text, found))
    for match in _STAR_GLYPHS.finditer(text):
        full = (match.group(1) or "").count("★")
        half = 0.5 if match.group(2) else 0.0
        empty = match.group(3).count("☆")
        if not full and not (half and empty):
            continue
        shown = full + empty + (1 if half else 0)
        scale = shown if empty and shown in (4, 5, 10) else 5 if shown <= 5 else 10
        scale = _stated_scale(text, match.end()) or scale
        if full + half > scale:
            continue
        end = _scale_end(text, match.end())
        found.append(
            FoundRating(match.group(0), round((full + half) / scale, 4), f"stars-{scale}",
                        _label_after(text, end), match.start(), end)
        )
    found.extend(_site_units(text, found))
    kept = [rating for rating in found if not _is_scale_row(text, rating)
            and not _CATEGORY_AFTER.match(text, rating.end)]
    if original != text:
        kept = [replace(rating, text=original[rating.start:rating.end]) for rating in kept]
    return [] if _offers_every_score(kept) else kept


_MIN_MENU_SCORES = 4
_EQUALS_LABEL = re.compile(r"\b((?i:rating|score|grade|verdict)) = ")
# "4 Star Reviews", "5 Star Movies": a category of the site's, not a score.
_CATEGORY_AFTER = re.compile(r"\s+(?:Reviews|Movies|Films)\b")
# "Rating: 5 cats", "A.J.'s Rating: 5 'Q' Stars": a score of five in the site's own unit.
_SITE_UNIT = re.compile(r"\b(?i:rating)\s*:\s*(?P<score>[0-5](?:\.5)?)\s+"
                        r"(?:['‘\"“][^'’\"”]{1,6}['’\"”]\s+)?(?P<unit>(?i:stars?)|(?!(?:minutes|mins|hours|hrs|days|weeks|months|years|"
                        r"episodes|seasons|people|votes|reviews|comments|thumbs|times|goals|points)\b)[a-z]{3,12}s)\s*$")
# "starstarstar", "starstarhalfstar": star images' alt texts run together.
_GLUED_STARS = re.compile(r"(?<![a-z])(?P<stars>(?:star){2,5})(?P<half>half(?:star)?)?(?![a-z])", re.I)


def _site_units(text: str, found: list[FoundRating]) -> list[FoundRating]:
    more: list[FoundRating] = []
    for match in _SITE_UNIT.finditer(text):
        if not _overlaps(found, match.start("score"), match.end()):
            score = float(match["score"])
            more.append(FoundRating(text[match.start("score"):match.end()], round(score / 5, 4),
                                    "stars-5", None, match.start("score"), match.end()))
    for match in _GLUED_STARS.finditer(text):
        stars = len(match["stars"]) // 4 + (0.5 if match["half"] else 0.0)
        if not _overlaps(found + more, match.start(), match.end()):
            more.append(FoundRating(match.group(0), round(stars / 5, 4), "stars-5", None,
                                    match.start(), match.end()))
    return more


def _offers_every_score(found: list[FoundRating]) -> bool:
    """A line counting up the scale from its bottom in even steps ("Browse by rating: 0 star |
    0.5 star | 1 star | 1.5 star ...") is a menu or a legend of scores: it gives none."""
    values = [rating.value for rating in sorted(found, key=lambda rating: rating.start)]
    if len(values) < _MIN_MENU_SCORES:
        return False
    steps = {round(later - earlier, 3) for earlier, later in zip(values, values[1:], strict=False)}
    if len(steps) != 1:
        return False
    step = steps.pop()
    return step > 0 and round(values[0], 3) in (0.0, step)


_SCALE_ROW = re.compile(r"[★*]{4,10}")


def _is_scale_row(text: str, rating: FoundRating) -> bool:
    """The row of stars after "out of" ("★★★1/2 out of ★★★★") is the scale, not a score."""
    return bool(_SCALE_ROW.fullmatch(rating.text)) and bool(
        re.search(r"\bout of\s*\(?$", text[:rating.start], re.I))


# The scale also as a row of star glyphs: "★★★1/2 out of ★★★★".
_OUT_OF_AFTER = re.compile(r"\s*\(?(?:out of|of) (?:(?P<scale>four|five|ten|4|5|10)\b|"
                           r"(?P<glyphs>★{4,10}|\*{4,10})(?![★*]))", re.I)
_SCALE_WORDS = {"four": 4, "five": 5, "ten": 10}


def _stated_scale(text: str, end: int) -> int | None:
    """The scale stated right after stars: "*** (out of four)", "★★★ out of 4"."""
    match = _OUT_OF_AFTER.match(text, end)
    if match is None:
        return None
    if match["glyphs"]:
        return len(match["glyphs"])
    word = match["scale"].casefold()
    return _SCALE_WORDS.get(word) or int(word)


def _scale_end(text: str, end: int) -> int:
    """Where the rating ends: past a scale stated after its stars ("*** (out of four)")."""
    match = _OUT_OF_AFTER.match(text, end)
    if match is None:
        return end
    return match.end() + 1 if text.startswith(")", match.end()) else match.end()


def grade_value(grade: str) -> float:
    """A letter grade on grade points over 4, from 0 (F) to 1 (A, A+); "B plus" is "B+"."""
    sign = grade[1:].strip().casefold().lstrip(" -") if len(grade) > 2 else grade[1:]
    points = _GRADE_POINTS[grade[0].upper()] + _SIGNS.get(sign, 0.0)
    return round(min(max(points, 0.0), 4.0) / 4, 4)


# "On a scale of 1 to 10, I give it a 7", "On the Harbour Movie Gauge of 1 to 10, the film is
# a frothy, funny 9": the scale named first, then the score given in the same sentence.
_SCALE_FIRST = re.compile(
    r"\b(?i:on (?:a|the|my|our)(?: [\w'’-]+){0,4} (?:scale|gauge|meter|rating)) (?i:of|from) [01] "
    r"(?i:to) (?P<scale>100|10|5|4)\b,?(?P<gap>[^.!?\d]{2,80}?)"
    r"\b(?P<score>\d{1,3}(?:\.\d)?)(?![\d%]|\s*(?:/|out\b|stars?\b|points\b))")
_GIVES = re.compile(r"\b(?:is|it's|it’s|was|rates?|gets?|give|gives|earns?|scores?|deserves?)\b", re.I)


def _scale_first(text: str, found: list[FoundRating]) -> list[FoundRating]:
    """A score given after the scale it is on ("On a scale of 1 to 10, I give it a 7")."""
    more: list[FoundRating] = []
    for match in _SCALE_FIRST.finditer(text):
        score, scale = float(match["score"]), float(match["scale"])
        if (_GIVES.search(match["gap"]) and score <= scale
                and not _overlaps(found, match.start("score"), match.end())):
            more.append(FoundRating(match["score"], round(score / scale, 4), match["scale"], None,
                                    match.start("score"), match.end()))
    return more


def _more_star_forms(text: str, found: list[FoundRating]) -> list[FoundRating]:
    """Stars with no scale, star images counted out in alt text, percentages, and a score given
    after its scale in words."""
    more: list[FoundRating] = _scale_first(text, found)
    for match in _STARS_NO_SCALE.finditer(text):
        stars = float(match["score"]) + (0.5 if match["half"] else 0.0)
        if stars <= 5 and not _overlaps(found + more, match.start(), match.end()):
            more.append(FoundRating(match.group(0), round(stars / 5, 4), "stars-5",
                                    _label_after(text, match.end()), match.start(), match.end()))
    for match in _RATED_NUMBER.finditer(text):
        if not _overlaps(found + more, match.start("score"), match.end()):
            more.append(FoundRating(match["score"], round(float(match["score"]) / 5, 4), "stars-5",
                                    None, match.start("score"), match.end()))
    bare = _BARE_GRADE.match(text)
    if bare and not found:
        more.append(FoundRating(bare["grade"], grade_value(bare["grade"]), "letter", None,
                                bare.start("grade"), bare.end("grade")))
    for match in _COUNTED_STARS.finditer(text):
        count = match["count"].split()
        if count == [str(n) for n in range(1, len(count) + 1)] and len(count) <= 10:
            stars = len(count) + (0.5 if match["half"] else 0.0)
            scale = 5 if stars <= 5 else 10
            more.append(FoundRating(match.group(0), round(stars / scale, 4), f"stars-{scale}",
                                    None, match.start("count"), match.end()))
    for match in [*_PERCENT.finditer(text), *_LABELLED_PERCENT.finditer(text)]:
        score = int(match["score"])
        if score <= 100 and not _overlaps(found + more, match.start("score"), match.end()):
            more.append(FoundRating(f"{score}%", score / 100, "100", _label_before(
                text, match.start("score")), match.start("score"), match.end()))
    return more


def _labelled_forms(text: str, found: list[FoundRating]) -> list[FoundRating]:
    """Scores with no scale behind a label, site marks, a unit counted out of a scale, and a
    grade closing a heading (``labelled_scores``)."""
    more: list[FoundRating] = []
    for shown, value, scale, start, end in labelled_scores(text):
        if not _overlaps(found + more, start, end):
            more.append(FoundRating(shown, value, scale, _label_before(text, start), start, end))
    graded = dash_grade(text) if not found and not more else None
    if graded is not None:
        grade, start, end = graded
        more.append(FoundRating(grade, grade_value(grade), "letter", None, start, end))
    return more


def _unit_sub_score(text: str, found: list[FoundRating]) -> list[FoundRating]:
    scores = list(_UNIT_SCORE.finditer(text))
    units = [match["unit"] for match in scores]
    film = next((match for match in scores if match["label"] in _FILM_LABELS
                 and units.count(match["unit"]) >= 2), None)
    if film is None or _overlaps(found, film.start(), film.end()):
        return []
    same_unit = [float(match["score"]) for match in scores if match["unit"] == film["unit"]]
    scale = 5 if max(same_unit) <= 5 else 10
    if max(same_unit) > scale:
        return []
    return [FoundRating(film.group(0), round(float(film["score"]) / scale, 4), str(scale),
                        film["label"], film.start("score"), film.end())]


# "Nine out of ten people", "3 out of 5 films": a share of a group, not a score; "3 out of 5
# stars", "7 out of 10 for effort" are scores.
_GROUP_AFTER = re.compile(r"\s+(?P<word>[a-z]{3,})\b")
_GROUP_NOUNS = {"people", "men", "women", "children"}
_NOT_GROUPS = {"stars", "points", "marks", "ratings", "this", "does", "goes", "gets", "means", "was", "has",
               "is", "plus", "minus", "overall", "yes", "thus", "less"}


def _counts_a_group(text: str, end: int) -> bool:
    """The scale is followed by a plural noun: the fraction counts members of a group."""
    match = _GROUP_AFTER.match(text, end)
    if match is None:
        return False
    word = match["word"]
    return word in _GROUP_NOUNS or (word.endswith("s") and not word.endswith("ss")
                                    and word not in _NOT_GROUPS)


def _number(word: str) -> float:
    """A number written in digits or as a word ("three", "five", "hundred")."""
    named = _WORD_NUMBERS.get(word.casefold(), _SCALE_NAMES.get(word.casefold()))
    return float(word) if named is None else float(named)


def _overlaps(found: list[FoundRating], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


def is_aggregate(found: FoundRating) -> bool:
    return bool(found.label and AGGREGATE_LABEL.search(found.label))


def _label_after(text: str, end: int) -> str | None:
    """A short label right after a rating: ``7.1 / 10 - Overall Rating``."""
    match = re.match(r"\s*[-–—:|]\s*([A-Za-z][A-Za-z ]{2,40})\s*$", text[end:])
    return match.group(1).strip() if match else None


def _label_before(text: str, start: int) -> str | None:
    """A short label right before a rating: ``User rating: 7/10``."""
    match = re.search(r"([A-Za-z][A-Za-z'’ ]{2,30})\s*[:\-–]\s*$", text[:start])
    return match.group(1).strip() if match else None
