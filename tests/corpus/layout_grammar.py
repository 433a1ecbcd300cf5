"""A grammar of review-page layouts, for testing the cleaner combinatorially.

A page is composed from interchangeable blocks in the orders review sites use: site chrome on
top, a title bar, the headline and its deck, a byline and date, a picture's caption, a spec
block, the review's BODY, then the blocks under it (a rating box, a sign-off, tags, a share bar,
related posts, the author's bio, comments, a newsletter box, the footer). Each block has several
wordings; order, presence, blank-line spacing and case vary. Every sentence here is written for
this grammar (films, people and sites are invented): no line comes from a real page.

``compose(rng)`` returns a ``Page``: its text, the body paragraphs the cleaner must keep (in
order), the lines it may keep or drop (a subheading inside the body) and the names of the blocks
used, so that a failure can be named by its cause.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field

FILMS = [("The Salt Road", "2011", "Ida Berg", "Tom Vale"),
         ("Lantern Valley", "2010", "Paul Ames", "Rosa Kell"),
         ("Winter Harbour", "2012", "Mara Lind", "Owen Pike"),
         ("Copper Sky", "2009", "Nell Harte", "Basil Crane")]
CRITICS = ["Jane Doe", "Alan Brisk", "Priya Mott", "Samuel Oake", "Lena Ferro"]
SITES = ["The Back Row", "Reel Notes", "Flickerhouse", "The Screening Room", "Cinema Lamp"]
DATES = ["March 3, 2011", "3 March 2011", "Friday, 14 January 2011", "2011-03-03",
         "Jan 14th, 2011", "October 9, 2010"]

# --- body paragraphs (own words; {film}, {star}, {director} are filled in) -------------------

PROSE = [
    "{film} begins with a long, patient shot of a ferry crossing grey water, and it sets the "
    "rhythm for everything after it. Nothing is hurried here, and the film trusts us to watch "
    "rather than to be told what we are looking at.",
    "{star} plays a woman who has spent ten years avoiding her family, and the performance is "
    "built from small refusals: a glance away, a door left half open, a reply that never comes. "
    "It is the kind of acting that only works when the camera stays close enough to catch it.",
    "The script, by {director} and a co-writer, has a habit of stopping scenes just before they "
    "resolve. At first this feels coy, but by the midpoint it becomes clear that the gaps are "
    "the point, and the story is in what the characters cannot bring themselves to say.",
    "Where the film stumbles is in its middle stretch, when a subplot about a missing boat "
    "takes over for twenty minutes and the tension drains away. The pacing recovers, but the "
    "detour leaves a mark on an otherwise tight piece of work.",
    "The photography deserves its own paragraph. Every interior is lit as if by a single lamp, "
    "and the exteriors are washed in a pale light that makes the whole coast look like an old "
    "photograph left too long in a window.",
    "{director} has made two films before this one, both of them louder and busier. This is "
    "the first time the director seems willing to let a scene breathe, and the result is the "
    "most confident work of a career that has been promising for a while.",
    "The supporting cast is strong throughout, with a standout turn from a young actor as the "
    "brother who stayed behind. Their last scene together, set in a kitchen at night, is the "
    "emotional centre of the film and is played without a single raised voice.",
    "The music is used sparingly, mostly a low cello line that returns at moments of loss. It "
    "never tells us how to feel, which is rarer than it should be in films of this kind, and "
    "the silence between the cues does a lot of the work.",
    "Some viewers will find the ending too open, since the film declines to say what happens "
    "to the family once the ferry leaves. I found it honest: these people were never going to "
    "fix everything in one weekend, and the film respects that.",
    "It is worth comparing {film} with the wave of quiet family dramas that came before it. "
    "Most of those leaned on a big revelation in the last act, whereas this one lets the truth "
    "leak out slowly, and it is stronger for the restraint.",
    "There is humour here too, which surprised me. A running joke about a broken radio that only "
    "picks up a farming report pays off beautifully near the end, and it keeps the film from "
    "sinking under the weight of its own sadness.",
    "On a second viewing the structure becomes clearer: each of the three days is shot from a "
    "different character's point of view, and small details in the first act take on a new "
    "meaning once we know who is watching whom.",
    "the film's editing is its quietest achievement, cutting away from scenes a beat earlier "
    "than expected and trusting the audience to fill in the rest, which is a risk that mostly "
    "pays off in the long run.",
    "By the time the credits rolled I realised I had been holding my breath for the last ten "
    "minutes. That is not a common feeling at the cinema these days, and it is the best "
    "argument I can make for seeking this film out.",
]
# A paragraph that runs on without a closing full stop (a blog's style, or a cut-off save).
NO_STOP = [
    "and so the film ends where it started, on the water, with the same grey light and the "
    "same silence, only now we know what the silence is hiding from the people in the boat",
    "It is not a perfect film and it is not trying to be one but it is honest about the people "
    "it shows and about the place they come from and that is more than enough for me",
]
# A paragraph of one short sentence between paragraphs.
ONE_LINE = ["It works.", "I was not convinced.", "Then the storm arrives.",
            "That is the whole trick.", "Go figure.", "Not quite.", "And then it stops.",
            "Nobody blinks.", "Fair enough."]
QUESTION = [
    "Is it too slow for a Saturday night crowd? Probably, but the patience is rewarded in the "
    "final act, when every quiet scene turns out to have been building towards something.",
    "What does the ferry stand for?",
    "Why does nobody in this family ever finish a sentence?",
]
QUOTED = [
    "“We go north at first light,” she tells her brother, and the film believes her even when "
    "he does not.",
    "“Nobody leaves the island in winter.”",
    "\"The road keeps what it takes,\" the old ferryman says, in the film's one line of "
    "outright poetry.",
]
CLOSING = ["Recommended.", "Go and see it.", "A small triumph.", "Worth the trip.",
           "Four stars, and I do not give many.", "Highly recommended.", "See it.", "A quiet gem."]
# Headings inside the body: the cleaner may keep them or drop them.
SUBHEADINGS = ["The performances", "WHERE IT FALTERS", "What works", "The Look of the Film",
               "Final Thoughts", "A note on the ending"]
LIST_INTROS = ["Three scenes stay with me:", "A few things I loved about it:",
               "What the film gets right, in short:"]
LIST_ITEMS = [
    "The ferry crossing at dawn, shot in a single unbroken take",
    "The kitchen argument, where nobody raises their voice",
    "The radio that only plays the farming report",
    "The final walk along the empty pier",
    "The brother's letter, read aloud in a car",
]
LIST_MARKS = ["{n}. ", "{n}) ", "• ", "- ", "* "]
# Body sentences that look like chrome: they must stay.
NEGATIVES = [
    "I shared the workshop screening with about twenty other people, and not one of them moved "
    "during the final scene.",
    "Share this feeling with someone you love, the poster seems to say, and for once the poster "
    "is right about the film.",
    "Related to the novel only by its title, the film invents a new family and a new coast, "
    "and it is better for the freedom.",
    "Posted to a lighthouse for the winter, the young keeper spends the first half of the film "
    "talking to nobody at all.",
    "Search parties comb the hills in the second act, and the film finds real suspense in "
    "their slow, methodical work.",
    "Comments from the director at the premiere suggested a longer cut exists, and I would "
    "gladly sit through it.",
    "Follow the brother closely in the first scene, because his small lie drives the whole "
    "story forward.",
    "Subscribe to its slow rhythm and the film pays you back with one of the best endings of "
    "the year.",
    "Home, for these characters, is a place you survive rather than a place you love.",
    "Read more into the final shot than the film intends and it becomes a ghost story; read "
    "less and it is still a fine family drama.",
    "Sign in at the front desk, the nurse tells her, and the hospital scenes that follow are "
    "the most frightening in the film.",
    "Tags on the suitcases give away the ending early, if you are paying attention.",
    "Filed under comedy by its distributor, this is in fact one of the saddest films I have "
    "seen in a long time.",
    "Next to the director's earlier films, this one looks modest, but it is the better work.",
    "About halfway through, the film changes its point of view, and it is a bold move.",
    "Copyright battles kept the film on a shelf for two years, which is a shame given how good "
    "it turned out to be.",
    "By the way, the dog in the second act deserves an award of its own.",
    "Directed by {director} with a sure and patient hand, the film never once raises its voice.",
    "Written and directed by {director}, it is a far more personal film than the last one.",
    "Thanks to a clever script, the twist in the final act feels earned rather than cheap.",
    "Print journalism is the heroine's trade, and the newsroom scenes ring true.",
    "Email is how the two sisters finally speak again, and the film makes typing look dramatic.",
    "Privacy is the one thing the heroine wants, and the one thing the island cannot give her.",
    "Previous films about this coast have made it look romantic; this one makes it look cold.",
    "Advertising executives will recognise the brother's job, and wince at how accurately it is drawn.",
    "Leave the cinema before the credits end and you will miss a small, funny final scene.",
    "Starring {star} as the elder sister, the film rests on a performance of real nerve.",
    "Photo albums and old letters carry much of the story, which suits its quiet mood.",
    "Watch the way the camera drifts away from the speakers in the dinner scene.",
    "Rated R for a single violent scene, it is otherwise a gentle film.",
    "Cookies and milk are all the boy will eat, in one of the film's odder running jokes.",
    "More than once I wanted the film to hurry, and more than once it proved me wrong.",
    "Recommended to me by a friend, it turned out to be the best film I saw this spring.",
    "Menu planning is the mother's obsession, and the dinner scenes are quietly terrifying.",
    "Login screens and passwords become a plot point when the brother locks his sister out.",
    "Terms of the will are read aloud in the second act, and the family falls apart.",
    "Contact with the outside world is cut when the ferry stops running in winter.",
    "Trending downwards after a strong start, the film recovers in its final half hour.",
    "Newsletter columns written by the father give the film its gentle voice-over.",
    "Shop windows along the harbour are shot like paintings, all blue and gold.",
    "Upcoming storms are announced on the radio in every scene, a nice running joke.",
    "Print the final shot and hang it on a wall: it is that beautiful.",
    "Like the best short stories, it ends a moment before you expect it to.",
]


# --- blocks around the body -----------------------------------------------------------------

def _site_chrome(rng: random.Random, ctx: dict) -> list[tuple[str, list[str]]]:
    """Site chrome on top: masthead, navigation, breadcrumbs, search, login, a tagline."""
    site = ctx["site"]
    film = ctx["film"]
    parts = {
        "masthead": [[site]],
        "nav_line": [[rng.choice(["Home | Reviews | News | Features | Contact",
                                  "Home · Reviews · Interviews · Festivals · About",
                                  "HOME REVIEWS NEWS TRAILERS CONTACT",
                                  "Menu"])]],
        "nav_lines": [rng.sample(["Home", "Reviews", "News", "Features", "Trailers", "About",
                                  "Contact", "Archive"], k=rng.randint(3, 6))],
        "breadcrumbs": [[rng.choice([f"Home » Reviews » {film}", f"Home > Movies > {film}",
                                     f"You are here: Home / Reviews / {film}"])]],
        "search": [[rng.choice(["Search", "Search for:", "Search this site", "Search …",
                                "Search movies, people, reviews"])]],
        "login": [[rng.choice(["Log in", "Sign in | Register", "Login / Sign up",
                               "Subscribe", "My account"])]],
        "tagline": [[rng.choice(["Films worth your evening", "Reviews from the back row since 2004",
                                 "Independent film criticism",
                                 "Where the lights go down"])]],
        "skip": [[rng.choice(["Skip to content", "Skip to main content", "Jump to navigation"])]],
        "cookies": [[rng.choice(["We use cookies to give you the best experience on our site. Accept",
                                 "This site uses cookies. By continuing to browse you agree to "
                                 "our use of cookies.", "Cookie settings"])]],
        "advert": [[rng.choice(["Advertisement", "ADVERTISEMENT", "Sponsored"])]],
        "social": [[rng.choice(["Follow us on Twitter", "Like us on Facebook",
                                "Follow | Facebook | Instagram"])]],
    }
    chosen = [name for name in parts if rng.random() < 0.45]
    ctx["recipe"].extend(f"top:{name}" for name in chosen)
    return [(f"top:{name}", block) for name in chosen for block in parts[name]]


def _title_bar(rng: random.Random, ctx: dict) -> list[str]:
    film, year = ctx["film"], ctx["year"]
    return [rng.choice([f"{film} ({year})", f"Review: {film}", f"{film} Review", film.upper(),
                        f"{film} movie review", f"Movie Review: {film} ({year})"])]


def _headline(rng: random.Random, ctx: dict) -> list[str]:
    return [rng.choice(["A quiet road movie that earns its silences",
                        "Grey Water, Warm Hearts",
                        f"{ctx['star']} finds her way home",
                        "The family drama of the year?",
                        "Small film, long shadow"])]


def _deck(rng: random.Random, ctx: dict) -> list[str]:
    return [rng.choice([f"{ctx['director']}'s third feature crosses a cold coast in search of a "
                        "lost brother", "A Slow, Sad and Funny Film About Going Home",
                        f"{ctx['star']} is superb in a patient, sad and funny family story.",
                        "A slow film that pays back every minute you give it"])]


def _byline(rng: random.Random, ctx: dict) -> list[str]:
    critic, date = ctx["critic"], ctx["date"]
    return rng.choice([[f"By {critic}", date], [f"By {critic} | {date}"],
                       [f"Posted by {critic} on {date}"], [date, f"By {critic}"],
                       [f"{critic}", date], [f"Written by {critic}", f"Published {date}"],
                       [f"BY {critic.upper()}", date.upper()], [f"Reviewed by {critic}"],
                       [f"{critic}, Staff Writer", date], [f"Posted on {date} by {critic}"],
                       [f"by {critic.lower()}", date]])


def _caption(rng: random.Random, ctx: dict) -> list[str]:
    star = ctx["star"]
    return rng.choice([[f"{star} in {ctx['film']}.", "Photo: Northlight Pictures"],
                       ["Image courtesy of Northlight Pictures"],
                       [f"{star} and a co-star on the ferry deck", "© Northlight Pictures"],
                       ["Photograph: Northlight Films"]])


def _spec(rng: random.Random, ctx: dict) -> list[str]:
    lines = [f"Director: {ctx['director']}", f"Cast: {ctx['star']}, Karl Moen, Dora Vey",
             f"Runtime: {rng.choice(['104 minutes', '1 hr 52 min', '98 mins'])}",
             f"Rated: {rng.choice(['R', 'PG-13', '15', '12A'])}",
             "Genre: Drama", f"Release date: {ctx['date']}"]
    return rng.sample(lines, k=rng.randint(2, len(lines))) if rng.random() < 0.5 else lines[:4]


def _rating(rng: random.Random, ctx: dict) -> list[str]:
    return rng.choice([["Rating: 4/5"], ["Our rating: ★★★★☆"], ["Verdict: 3.5 out of 5"],
                       ["Grade: B+"], ["Rating", "8/10"], ["My rating: 7/10"]])


def _kicker(rng: random.Random, ctx: dict) -> list[str]:
    return [rng.choice(["MOVIE REVIEW", "Film | Drama", "Reviews", "New in cinemas",
                        "Spoiler-free review"])]


def _meta(rng: random.Random, ctx: dict) -> list[str]:
    return rng.choice([["Reading time: 4 minutes"], [f"Updated: {ctx['date']}"], ["★★★★☆"],
                       ["3 Comments"], ["Share this article", "Facebook Twitter Email"],
                       ["5 min read"]])


def _mid_chrome(rng: random.Random, ctx: dict) -> list[str]:
    """Chrome set between the body's paragraphs."""
    others = [title for title, *_ in FILMS if title != ctx["film"]]
    return rng.choice([["Advertisement"], ["ADVERTISEMENT"], ["Story continues below advertisement"],
                       [f"Read more: Review: {others[0]}"], ["Watch the trailer"],
                       [f"{ctx['star']} in {ctx['film']}.", "Photo: Northlight Pictures"],
                       [f"RELATED: {others[1]} is the year's best surprise"]])


def _sign_off(rng: random.Random, ctx: dict) -> list[str]:
    critic = ctx["critic"]
    return [rng.choice([f"— {critic}", f"-{critic.split()[0]}", critic])]


def _tags(rng: random.Random, ctx: dict) -> list[str]:
    film, star = ctx["film"], ctx["star"]
    return rng.choice([[f"Tags: {film}, {star}, drama, family"], ["Filed under: Reviews, Drama"],
                       ["Categories: Film Reviews"], [f"Tagged {film}, {star}, road movie"],
                       ["Posted in Reviews | 3 Comments"],
                       ["Filed Under: Reviews Tagged With: drama, family"],
                       ["(Visited 1,204 times, 3 visits today)"]])


def _share(rng: random.Random, ctx: dict) -> list[str]:
    return rng.choice([["Share this:", "Facebook", "Twitter", "Email"],
                       ["Share on Facebook | Tweet | Pin it"], ["SHARE THIS", "Tweet", "Print"],
                       ["Share", "Facebook", "Twitter", "Reddit", "WhatsApp"],
                       ["Like this:", "Like Loading..."]])


def _related(rng: random.Random, ctx: dict) -> list[str]:
    heading = rng.choice(["Related posts", "You may also like", "RELATED REVIEWS", "More reviews",
                          "Recent Posts", "Related"])
    others = [f"Review: {title}" if rng.random() < 0.5 else title
              for title, *_ in FILMS if title != ctx["film"]]
    mark = rng.choice(["", "", "• ", "- ", "» "])  # a list of links, marked or not
    return [heading, *(mark + other for other in others)]


def _bio(rng: random.Random, ctx: dict) -> list[str]:
    critic = ctx["critic"]
    return rng.choice([["About the author", f"{critic} writes about film for {ctx['site']} and "
                        "teaches evening classes on cinema history."],
                       [f"About {critic}", f"{critic} has reviewed films since 2004. She lives "
                        "by the sea with two cats and too many DVDs."],
                       [f"{critic} is a film critic and the editor of {ctx['site']}."],
                       ["About The Author", f"{critic} writes about film for {ctx['site']} and "
                        "teaches evening classes on cinema history."]])


def _comments(rng: random.Random, ctx: dict) -> list[str]:
    film = ctx["film"]
    return rng.choice([
        [f"2 thoughts on “{film}”", "1. Tom Reed says:", "    I thought the ending dragged a "
         "little, but the ferry scene has stayed with me all week.", "2. mara_k says:",
         "    Great write-up, I am seeing it on Saturday because of this."],
        ["3 Comments", "Leave a Reply", "Your email address will not be published."],
        ["Comments", "Tom Reed said...", "Lovely review, and I agree about the cello.",
         "March 5, 2011 at 9:12 PM"],
        ["Leave a comment", "Name", "Email", "Website", "Post Comment"],
        ["No comments:", "Post a Comment"],
        ["12 Comments", "Sort by Best", "Tom Reed · 2 years ago",
         "The cello score is the best thing in it, I have had it on repeat.", "Reply"],
    ])


def _newsletter(rng: random.Random, ctx: dict) -> list[str]:
    return rng.choice([["Sign up for our newsletter",
                        "Get the week's new reviews in your inbox every Friday."],
                       ["NEWSLETTER", "Subscribe to our weekly email"],
                       ["Never miss a review: subscribe by email."]])


def _post_nav(rng: random.Random, ctx: dict) -> list[str]:
    """A blog's own lines under a post: its stamp, labels, share links, the pager."""
    others = [title for title, *_ in FILMS if title != ctx["film"]]
    return rng.choice([[f"Posted by {ctx['critic']} at 10:41 PM", "Labels: drama, reviews",
                        "Email ThisBlogThis!Share to TwitterShare to Facebook"],
                       ["Newer Post Older Post Home", "Subscribe to: Post Comments (Atom)"],
                       [f"← Previous post: Review: {others[0]}", f"Next post: Review: {others[1]} →"],
                       ["Previous", "Next"], ["Print", "Report an error"]])


def _shop(rng: random.Random, ctx: dict) -> list[str]:
    return rng.choice([["Where to watch", "Netflix", "Amazon Prime Video"],
                       [f"Buy {ctx['film']} on Amazon"], ["Rate this film", "1 2 3 4 5"],
                       ["Showtimes and tickets"]])


def _pager(rng: random.Random, ctx: dict) -> list[str]:
    return rng.choice([["Pages: 1 2"], ["Page 1 of 2", "Next »"], ["« Older entries"],
                       ["Back to reviews"], ["Continue reading →"]])


def _footer(rng: random.Random, ctx: dict) -> list[str]:
    site = ctx["site"]
    return rng.choice([[f"© 2011 {site}. All rights reserved."],
                       ["About | Contact | Privacy Policy | Terms of Use"],
                       [f"Copyright {site} 2011", "Powered by WordPress"],
                       ["Back to top", f"© {site}"]])


# The header's block orders (blocks may be left out), and the trailer's.
HEADER_ORDERS = [
    ["title", "headline", "deck", "byline", "caption", "spec"],
    ["title", "byline", "headline", "deck", "caption"],
    ["kicker", "headline", "deck", "byline", "meta", "caption"],
    ["title", "kicker", "headline", "meta", "byline"],
    ["headline", "byline", "meta", "spec", "rating"],
    ["headline", "byline", "caption", "spec"],
    ["title", "spec", "rating", "byline"],
    ["byline", "headline", "deck"],
    ["title", "headline", "caption", "deck", "byline", "rating"],
    ["headline", "deck", "spec", "byline"],
]
TRAILER_ORDERS = [
    ["rating", "sign_off", "tags", "share", "related", "bio", "comments", "newsletter", "footer"],
    ["sign_off", "rating", "share", "tags", "bio", "related", "comments", "footer"],
    ["spec", "rating", "tags", "share", "related", "newsletter", "footer"],
    ["sign_off", "bio", "share", "comments", "related", "footer"],
    ["rating", "share", "newsletter", "related", "tags", "comments", "footer"],
    ["sign_off", "post_nav", "comments", "footer"],
    ["rating", "shop", "share", "post_nav", "bio", "related", "footer"],
    ["post_nav", "tags", "shop", "related", "comments", "newsletter", "footer"],
    ["pager", "rating", "sign_off", "share", "footer"],
]
BLOCKS = {"title": _title_bar, "headline": _headline, "deck": _deck, "byline": _byline,
          "caption": _caption, "spec": _spec, "rating": _rating, "sign_off": _sign_off,
          "tags": _tags, "share": _share, "related": _related, "bio": _bio,
          "comments": _comments, "newsletter": _newsletter, "footer": _footer,
          "kicker": _kicker, "meta": _meta, "post_nav": _post_nav, "shop": _shop, "pager": _pager}
# How often a block of an order is kept.
_KEEP = 0.6


@dataclass
class Page:
    text: str
    body: list[str]  # the paragraphs the cleaner must keep, in order
    optional: list[str] = field(default_factory=list)  # it may keep these or not
    recipe: list[str] = field(default_factory=list)  # the blocks and body variants used
    kinds: dict[str, str] = field(default_factory=dict)  # each line -> the block it came from


def _fill(template: str, ctx: dict) -> str:
    return template.format(film=ctx["film"], star=ctx["star"], director=ctx["director"])


def _body(rng: random.Random, ctx: dict) -> tuple[list[list[str]], list[str], list[str]]:
    """The body as blocks of lines (a list's items are one block), the paragraphs to keep and
    the optional ones (subheadings)."""
    paragraphs = [_fill(text, ctx) for text in rng.sample(PROSE, k=rng.randint(3, 6))]
    units: list[tuple[str, list[str]]] = [("prose", [text]) for text in paragraphs]
    recipe = ctx["recipe"]

    def insert(kind: str, lines: list[str], where: str = "inside") -> None:
        recipe.append(f"body:{kind}@{where}")
        if where == "first":
            units.insert(0, (kind, lines))
        elif where == "last":
            units.append((kind, lines))
        else:
            units.insert(rng.randint(1, len(units) - 1), (kind, lines))

    _vary_body(rng, ctx, units, insert)
    keep = [line for kind, lines in units if kind not in ("subheading", "mid_chrome") for line in lines]
    optional = [line for kind, lines in units if kind == "subheading" for line in lines]
    for kind, lines in units:
        for line in lines:
            ctx["kinds"].setdefault(line, f"body:{kind}")
    return [lines for _, lines in units], keep, optional


def _vary_body(rng: random.Random, ctx: dict, units: list[tuple[str, list[str]]], insert) -> None:
    """Put the body's variants among its paragraphs."""
    if rng.random() < 0.3:
        insert("one_line", [rng.choice(ONE_LINE)])
    # a short question or quotation opening the page is a deck or an epigraph as much as the
    # review's first line: only the long ones open the body
    if rng.random() < 0.25:
        question = rng.choice(QUESTION)
        insert("question", [question], rng.choice(["inside", "first"]) if question == QUESTION[0]
               else "inside")
    if rng.random() < 0.3:
        quoted = rng.choice(QUOTED)
        insert("quoted", [quoted], "inside" if quoted == QUOTED[1] else rng.choice(["inside", "first"]))
    if rng.random() < 0.3:
        # after two paragraphs at least: one short paragraph over a heading and the rest reads
        # as a logline set in the header
        ctx["recipe"].append("body:subheading@inside")
        units.insert(rng.randint(2, len(units) - 1) if len(units) > 2 else len(units) - 1,
                     ("subheading", [rng.choice(SUBHEADINGS)]))
    if rng.random() < 0.3:
        mark = rng.choice(LIST_MARKS)
        items = [mark.format(n=n) + _fill(item, ctx) + rng.choice(["", ".", ";"])
                 for n, item in enumerate(rng.sample(LIST_ITEMS, k=rng.randint(2, 4)), start=1)]
        insert("list", [rng.choice(LIST_INTROS), *items])
    _vary_more(rng, ctx, insert)


def _vary_more(rng: random.Random, ctx: dict, insert) -> None:
    """Look-alikes, an unpunctuated or closing line, a warning and chrome between paragraphs."""
    if rng.random() < 0.5:
        for text in rng.sample(NEGATIVES, k=rng.randint(1, 2)):
            insert("negative", [_fill(text, ctx)], rng.choice(["inside", "inside", "first", "last"]))
    if rng.random() < 0.2:
        insert("no_stop", [_fill(rng.choice(NO_STOP), ctx)], rng.choice(["inside", "last"]))
    if rng.random() < 0.3:
        insert("closing", [rng.choice(CLOSING)], "last")
    if rng.random() < 0.1:  # a warning over the rest: the cleaner may keep it or not
        insert("subheading", [rng.choice(["SPOILER WARNING", "Spoilers ahead", "[Spoilers below]"])])
    if rng.random() < 0.25:
        insert("mid_chrome", _mid_chrome(rng, ctx))
    if rng.random() < 0.15:
        insert("mid_chrome", [rng.choice(["* * *", "***", "—", "~"])])  # a section break


def _case(rng: random.Random, lines: list[str]) -> list[str]:
    """Chrome in capitals now and then, as many themes set it."""
    return [line.upper() if rng.random() < 0.15 and len(line.split()) <= 4 else line for line in lines]


def _ambiguous_opening(header: list[tuple[str, list[str]]], optional: list[str],
                       recipe: list[str]) -> None:
    """A short sentence in the header with nothing but a picture or a rating (maybe spec lines
    with it) between it and the review may be the review's opening line (a paragraph over a
    picture, a summary over the rating): the cleaner may keep it or drop it."""
    for index in range(len(header) - 1, -1, -1):
        name, block = header[index]
        if _sentence(block[-1]):
            under = [other for other, _ in header[index + 1:]]
            if under and any(other in ("head:caption", "head:rating", "head:meta") for other in under):
                optional.append(block[-1])
                recipe.append(f"ambiguous:{name}_over_{'_'.join(under)}")
                if index and _sentence(header[index - 1][1][-1]):
                    optional.append(header[index - 1][1][-1])  # a headline set as a sentence over it
            return


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False))


def _sentence(line: str) -> bool:
    """Shaped like a sentence (the cleaner may read it as prose)."""
    return line[-1:] in ".?!" and len(line.split()) >= 4


def compose(rng: random.Random) -> Page:
    """One page from the grammar, chosen by ``rng``."""
    film, year, star, director = rng.choice(FILMS)
    ctx = {"film": film, "year": year, "star": star, "director": director,
           "critic": rng.choice(CRITICS), "site": rng.choice(SITES), "date": rng.choice(DATES),
           "recipe": [], "kinds": {}}
    recipe: list[str] = ctx["recipe"]
    top = _site_chrome(rng, ctx)
    header_order = rng.choice(HEADER_ORDERS)
    header: list[tuple[str, list[str]]] = []
    for name in header_order:
        if name in ("title", "headline") or rng.random() < _KEEP:
            recipe.append(f"head:{name}")
            block = BLOCKS[name](rng, ctx)
            header.append((f"head:{name}", _case(rng, block) if name == "title" else block))
    body_blocks, keep, optional = _body(rng, ctx)
    trailer: list[tuple[str, list[str]]] = []
    for name in rng.choice(TRAILER_ORDERS):
        if rng.random() < _KEEP:
            recipe.append(f"tail:{name}")
            block = BLOCKS[name](rng, ctx)
            trailer.append((f"tail:{name}", _case(rng, block) if name in ("share", "related", "newsletter")
                            else block))
    body_gap = "\n" * rng.choice([1, 2, 2, 3])  # the body keeps one spacing
    block_gap = "\n" * rng.choice([1, 2, 3])
    if body_gap == "\n":
        # no blank line between paragraphs: a paragraph going on in lower case would read as
        # the line above it wrapped
        body_blocks = [[line[:1].upper() + line[1:] for line in block] for block in body_blocks]
        keep = [line[:1].upper() + line[1:] for line in keep]
        ctx["kinds"].update({line[:1].upper() + line[1:]: kind for line, kind in ctx["kinds"].items()})
    # a sentence-shaped deck or headline right over the body is told from the body's first
    # paragraph only by a wider gap under it (otherwise nothing tells them apart)
    _ambiguous_opening(header, optional, recipe)
    above_body = header[-1][1][-1] if header else ""
    # the body is set apart from the header at least as widely as its paragraphs from each
    # other (else a paragraph going on in lower case reads as a wrapped header line)
    under_header = max(block_gap, body_gap)
    if _sentence(above_body):
        under_header = "\n" * max(len(block_gap), len(body_gap) + 1)
    tight = rng.random() < 0.5  # chrome lines of one block with or without blank lines
    line_gap = "\n" if tight else "\n\n"

    def render(blocks: list[tuple[str, list[str]]]) -> list[str]:
        return [line_gap.join(block) for _, block in blocks]

    list_gap = rng.choice(["\n", body_gap])  # a list's items with or without blank lines
    if body_gap != "\n" and rng.random() < 0.2:
        # a text rendering wraps each paragraph at a fixed width
        width = rng.choice([60, 72, 78])
        recipe.append(f"wrapped:{width}")
        body_blocks = [[_wrap(line, width) for line in block] for block in body_blocks]
        # (with a blank line around the body: a wrapped paragraph's last line running straight
        # into the next block reads as one more wrapped line)
        block_gap = "\n" * max(2, len(block_gap))
    body_text = body_gap.join(list_gap.join(block) for block in body_blocks)
    for name, block in (*top, *header, *trailer):
        for line in block:
            ctx["kinds"].setdefault(line, name)
    text = (block_gap.join([*render(top), *render(header)]) + under_header + body_text
            + block_gap + block_gap.join(render(trailer)) + "\n")
    return Page(text=text, body=keep, optional=optional, recipe=recipe, kinds=ctx["kinds"])


def sample(count: int, seed: int = 7) -> list[Page]:
    """``count`` pages from one seeded generator: the same pages on every run."""
    rng = random.Random(seed)
    return [compose(rng) for _ in range(count)]
