"""One name per review (corpus/labels.py): the app and the CLI both call it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from nlmg_tui.cli import cli as main
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Paragraph, Rating, Review
from nlmg_tui.corpus.store import load_corpus

FORBIDDEN = ("Unnamed", "· — ·", "#001")


def review(**fields: object) -> Review:
    base: dict[str, object] = dict(
        id="007_abc", source="x.txt", headline=None, critic=None, outlet=None, published=None,
        rating=None, site_rating=None, paragraphs=(Paragraph("p1", "One two three."),),
        film="Never Let Me Go")
    base.update(fields)
    return Review(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fields", "name"), [
    ({"critic": "Ken Hanke", "outlet": "Mountain Xpress"}, "Ken Hanke"),
    ({"outlet": "Variety", "headline": "A quiet tragedy"}, "Variety · A quiet tragedy"),
    ({"headline": "Never Let Me Go Movie Review"}, "Never Let Me Go Movie Review"),
    ({"outlet": "Variety", "headline": "Never Let Me Go"}, "Variety"),
    ({"published": "2011-01-22", "headline": "never let me go"}, "Unsigned review, 2011-01-22"),
    ({}, "Unsigned review"),
    ({"critic": " \x1b]0;x\x07Zoë\n Doe "}, "Zoë Doe"),
])
def test_a_review_is_named_by_critic_else_outlet_and_headline(fields, name) -> None:
    assert labels.review_name(review(**fields)) == name


@pytest.mark.parametrize(("fields", "line"), [
    ({"critic": "A B", "outlet": "O", "published": "2010-01-02",
      "rating": Rating("4/5", 0.8, "5")}, "A B · O · 2010-01-02 · rating 4/5"),
    ({"critic": "A B"}, "A B"),
    ({"outlet": "O", "published": "2010-01-02"}, "O · 2010-01-02"),
    ({}, "Unsigned review"),
])
def test_missing_fields_are_left_out_of_the_byline(fields, line) -> None:
    assert labels.byline(review(**fields)) == line


def test_no_bundled_review_is_unnamed() -> None:
    names = [labels.review_name(r) for r in load_corpus().reviews]
    assert len(set(names)) == len(names)
    for name in names + [labels.byline(r) for r in load_corpus().reviews]:
        assert not any(bad in name for bad in FORBIDDEN), name
        assert name.strip(" —0123456789")


@pytest.mark.parametrize(("text", "width", "fitted"), [
    ("Dark, Moving and Brilliant", 40, "Dark, Moving and Brilliant"),
    ("Dark, Moving and Brilliant", 16, "Dark, Moving…"),
    ("Supercalifragilistic", 8, "Superca…"),
    ("是枝裕和 監督", 6, "是枝…"),
    ("abc", 1, "…"),
    ("abc", 0, ""),
])
def test_fit_cuts_by_cells_at_word_boundaries(text, width, fitted) -> None:
    assert labels.fit(text, width) == fitted
    assert cell_len(labels.pad(text, width)) == max(width, 0)


def test_cjk_names_pad_to_the_same_column() -> None:
    assert cell_len(labels.pad("是枝裕和", 12)) == cell_len(labels.pad("Ken Hanke", 12)) == 12


def test_cli_names_reviews_without_unnamed_or_dashes(tmp_path) -> None:
    runner = CliRunner()
    for args in (["reviews"], ["show", "001"], ["show", "004"], ["compare", "001", "004"],
                 ["search", "hailsham", "--limit", "40"], ["topics"]):
        result = runner.invoke(main, ["--data-dir", str(tmp_path), *args],
                               env={"COLUMNS": "200"})
        assert result.exit_code in (0, 1), result.output
        assert "Unnamed" not in result.output, args
        assert "· — ·" not in result.output, args
    shown = runner.invoke(main, ["--data-dir", str(tmp_path), "show", "001"]).output
    assert "Unsigned review, 2011-01-22" in shown


def test_the_headline_is_not_repeated_after_a_name_that_holds_it() -> None:
    signed = review(critic="Ken Hanke", outlet="Xpress", headline="A quiet tragedy")
    unsigned = review(outlet="Variety", headline="A quiet tragedy")
    assert labels.headline_after_name(signed) == "A quiet tragedy"
    assert labels.headline_after_name(unsigned) == ""
    assert labels.name_beside_outlet(unsigned) == "A quiet tragedy"  # the outlet has a column
    assert labels.name_beside_outlet(signed) == "Ken Hanke"


def test_an_unsigned_byline_names_its_date_once() -> None:
    unsigned = review(published="2011-01-22", film=None)
    assert labels.byline(unsigned) == "Unsigned review, 2011-01-22"
