"""Markdown pages through markdown-it-py: what CommonMark says, one block per line."""

from __future__ import annotations

from nlmg_tui.importer.markdown_text import markdown_to_text
from nlmg_tui.importer.pipeline import extract

PAGE = """---
title: "Salt and Static"
author: Wren Adeyemi
date: 2012-05-09
rating: 3/5
---
Salt and Static
===============

Three reasons to go
-------------------

1. The sound design, which makes a radio station feel like a haunted house.
2. A lead performance that never asks for sympathy.
3. The last ten minutes.

The director's snake_case_file_names joke is funny once, and \\*only\\* once; the rest is *very*
good, with a [soundtrack](https://example.invalid/ost) worth buying.

```
not(review, text)
```
"""


def test_blocks_headings_and_numbered_items_come_out_one_per_line() -> None:
    text, hints = markdown_to_text(PAGE)
    assert text.split("\n\n") == [
        "Salt and Static",
        "Three reasons to go",
        "1. The sound design, which makes a radio station feel like a haunted house.",
        "2. A lead performance that never asks for sympathy.",
        "3. The last ten minutes.",
        "The director's snake_case_file_names joke is funny once, and *only* once; the rest is "
        "very good, with a soundtrack worth buying.",
    ]
    assert (hints.headline, hints.critic, hints.published, hints.rating_text) == (
        "Salt and Static", "Wren Adeyemi", "2012-05-09", "3/5")


def test_a_markdown_review_imports_with_its_front_matter() -> None:
    review = extract(PAGE.encode(), "salt.md").review
    assert review.critic == "Wren Adeyemi" and review.published == "2012-05-09"
    assert review.rating is not None and abs(review.rating.value - 0.6) < 1e-9
    assert any("snake_case_file_names" in p.text for p in review.paragraphs)
    assert not any(p.text.startswith(("===", "---")) for p in review.paragraphs)
