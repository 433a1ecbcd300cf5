"""Who wrote an HTML page: each page is written for the test in the shape of a layout that
taught a rule in ``importer/html_author.py`` (invented films, critics and outlets)."""

from __future__ import annotations

import pytest

from nlmg_tui.importer.html_author import choose_author, clean_name, page_spelling
from nlmg_tui.importer.pipeline import extract

BODY = "".join(f"<p>{text}</p>" for text in (
    "Harbour of Small Hours follows a night ferry across a fjord, and its director trusts the "
    "engine noise more than any score.",
    "The two leads barely speak for the first half hour, which makes their one argument on the "
    "car deck land like a dropped crate.",
    "It is slow and sometimes wilfully so, but the last shot of the empty gangway stayed with me "
    "for the whole walk home.",
))


def _page(head: str = "", byline: str = "", article_class: str = "post", after: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<title>Harbour of Small Hours review</title>{head}</head><body>"
            f"<div id='main'><div class='{article_class}'><h1>Harbour of Small Hours</h1>"
            f"{byline}<div class='entry-content'>{BODY}</div></div>{after}</div>"
            "</body></html>").encode()


def _critic(page: bytes) -> str | None:
    return extract(page, "page.html").review.critic


def test_wordpress_byline_inside_a_post_whose_class_names_its_category() -> None:
    # WordPress gives every post "category-<slug>"; trafilatura drops such elements before it
    # looks for the author, so the byline must be read from the markup.
    byline = ("<div class='entry-meta'><span class='meta-sep'>by</span> <span class='author vcard'>"
              "<a class='url fn n' href='/author/quillmoth/' rel='author'>quillmoth</a></span></div>")
    comments = ("<ol class='commentlist'><li class='comment'><div class='comment-author vcard'>"
                "<cite class='fn'>Bram Oddly</cite> <span class='says'>says:</span></div>"
                "<p>Saw it last week and loved the ferry.</p></li></ol>")
    page = _page(byline=byline, after=comments,
                 article_class="post-12 post type-post hentry category-reviews")
    assert _critic(page) == "quillmoth"  # the handle as the page writes it, not "Quillmoth"


@pytest.mark.parametrize(("meta", "critic"), [
    ("Rosa T. Vendell", "Rosa T. Vendell"),  # trafilatura writes "Rosa T Vendell"
    ("Amos Quint Jr.", "Amos Quint Jr."),
    ("Frau_Lindqvist", "Frau_Lindqvist"),  # trafilatura writes "Frau Lindqvist"
])
def test_meta_author_keeps_the_page_spelling(meta: str, critic: str) -> None:
    assert _critic(_page(f"<meta name='author' content='{meta}'>")) == critic


def test_the_outlet_run_into_the_author_is_not_the_critic() -> None:
    head = ("<meta name='author' content='Pia Marlow, Tidewater Weekly'>"
            "<meta property='og:site_name' content='Tidewater Weekly'>")
    assert _critic(_page(head)) == "Pia Marlow"


def test_an_outlet_as_meta_author_gives_way_to_the_person_in_another_tag() -> None:
    head = ("<meta name='author' content='Tidewater Weekly'>"
            "<meta property='og:site_name' content='Tidewater Weekly'>"
            "<meta name='parsely-author' content='Odile Brandt'>")
    assert _critic(_page(head)) == "Odile Brandt"


def test_two_critics_keep_the_pages_own_join() -> None:
    byline = ("<div class='v-byline'>By <a href='/staff/jo'>Jo Marsh</a> "
              "<span class='concat'>and</span> <a href='/staff/ed'>Ed Vale</a></div>")
    head = "<meta name='author' content='Jo Marsh, Ed Vale'>"
    assert _critic(_page(head, byline)) == "Jo Marsh and Ed Vale"


def test_yoast_written_by_label_names_the_critic() -> None:
    head = ("<meta name='twitter:label1' content='Written by'>"
            "<meta name='twitter:data1' content='Corin Wexley'>"
            "<meta name='twitter:label2' content='Est. reading time'>"
            "<meta name='twitter:data2' content='3 minutes'>")
    assert _critic(_page(head)) == "Corin Wexley"


def test_a_first_name_byline_takes_the_surname_its_bio_opens_with() -> None:
    byline = "<p class='byline'>By <a rel='author' href='/author/ilse/'>Ilse</a></p>"
    bio = ("<div class='author-box'><p class='author-bio'>Ilse Marten is a freelance writer who "
           "has covered Nordic cinema for ten years.</p></div>")
    assert _critic(_page("<meta name='author' content='Ilse'>", byline, after=bio)) == "Ilse Marten"


def test_editorial_team_is_a_critic_but_a_cms_placeholder_is_not() -> None:
    assert clean_name("Redaktion") == "Redaktion"
    assert clean_name("admin") is None
    assert clean_name("wordpressadmin") is None
    assert clean_name("By Hal Verner | 3 March 2011") == "Hal Verner"
    assert clean_name("| Autor: quillmoth") == "quillmoth"
    assert clean_name("Bram Oddly says") is None


@pytest.mark.parametrize(("trafilatura_author", "html", "critic"), [
    # a part that is another part's initials
    ("Tessa Holm; TH", "<p>By Tessa Holm (TH)</p>", "Tessa Holm"),
    # a comment's author ("Name says") is never the critic; the byline element is
    ("Bram Oddly says", "<span class='author vcard'><a rel='author'>Nell Cade</a></span>",
     "Nell Cade"),
    # a lower-case login in an address does not beat the display name the page shows
    ("Mara Feld", "<a href='/author/mara.feld'>Mara Feld</a><meta name='author' "
     "content='mara.feld'>", "Mara Feld"),
    # a blog named after its writer: the only name there is, so it stays
    ("gullwing", "<meta property='og:site_name' content='gullwing'>", "gullwing"),
])
def test_choose_author(trafilatura_author: str, html: str, critic: str) -> None:
    assert choose_author(trafilatura_author, f"<html><head></head><body>{html}</body></html>") == critic


def test_page_spelling_needs_the_same_name_not_a_similar_one() -> None:
    assert page_spelling("Rosa T Vendell", "by Rosa T. Vendell") == "Rosa T. Vendell"
    assert page_spelling("Rosa Vendell", "by Rosa T. Vendell") == "Rosa Vendell"
    assert page_spelling("Gizmo", "<a href='/u/gizmo'>x</a>") == "Gizmo"  # only in an address


def test_a_text_byline_may_name_several_critics() -> None:
    from nlmg_tui.corpus.byline import parse_byline

    found = parse_byline("By Anna Lee Brandt and Tomas Reyne")
    assert found is not None and found.critic == "Anna Lee Brandt and Tomas Reyne"
    several = parse_byline("By Anna Lee Brandt and Tomas Reyne and Ola Brekke Storm Vik Dahl")
    assert several is not None and several.critic is None  # a name of five words is no name


@pytest.mark.parametrize(("line", "critic"), [
    ("<p><i>von Liesel Armbrecht</i></p>", "Liesel Armbrecht"),  # a German byline paragraph
    ("<div class='meta'>12.03.2011 <span>- Redaktion: Jonas Feld (Pressestelle)</span></div>",
     "Jonas Feld"),
    ("<p><span>Par</span> <a href='/contributors/odette'>Odette Marais</a></p>", "Odette Marais"),
])
def test_a_block_that_is_only_a_byline_names_the_critic(line: str, critic: str) -> None:
    assert _critic(_page(byline=line)) == critic


@pytest.mark.parametrize("line", [
    "<p>4 von 5 Sternen</p>",
    "<p>Powered by WordPress</p>",
    "<div class='sidebar'><p>von Liesel Armbrecht</p></div>",  # a widget, not this page's byline
])
def test_lines_that_only_look_like_a_byline_name_nobody(line: str) -> None:
    assert _critic(_page(byline=line)) is None


def test_an_agency_after_the_writer_is_not_part_of_the_name() -> None:
    byline = "<byline>Von Henrik Salo, dpa</byline>"
    head = "<meta name='author' content='tidewater.example'><meta property='og:url' " \
           "content='https://www.tidewater.example/film/harbour'>"
    assert _critic(_page(head, byline)) == "Henrik Salo"


def test_a_site_name_with_its_long_form_is_still_the_outlet() -> None:
    head = ("<meta name='author' content='Fjord Film Society e.V.'>"
            "<meta property='og:site_name' content='FFS - Fjord Film Society e.V.'>")
    line = "<p><strong>Autorin: Maren Holt, Leiterin des Filmclubs in Bergen.</strong></p>"
    assert _critic(_page(head, after=line)) == "Maren Holt"
