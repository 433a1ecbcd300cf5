"""`compare ID1 ID2` and `topics`: the comparison and the agreement map from the command line."""

from __future__ import annotations

from collections.abc import Iterable

import click
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from nlmg_tui.cli.context import emit, fail, print_json
from nlmg_tui.cli.corpus_cmds import load_or_fail, resolve
from nlmg_tui.cli.spoilers import SPOILERS, hidden_bar, hidden_levels, hidden_note
from nlmg_tui.compare.agreement import TopicMap, topic_map
from nlmg_tui.compare.align import AlignedPair, PinError, align_reviews
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.gazetteer import Gazetteer, GazetteerError, Mention, default_gazetteer
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.textsafety import one_line, strip_unsafe

TONE_STYLES = {"positive": "green", "negative": "red", "mixed": "yellow", "unclear": "dim",
               "split": "magenta"}


def gazetteer_or_fail() -> Gazetteer:
    try:
        return default_gazetteer()
    except GazetteerError as error:
        fail(str(error))


def parse_pin(value: str) -> tuple[str, str]:
    left, sep, right = value.partition("=")
    if not sep or not left.strip() or not right.strip():
        raise click.BadParameter(f"{one_line(value)!r} is not LEFT=RIGHT (e.g. p2=p4)")
    return left.strip(), right.strip()


def highlighted(text: str, mentions: Iterable[Mention]) -> Text:
    """The paragraph as ``Text`` with the shared mentions styled (spans, never markup)."""
    result = Text(strip_unsafe(text))
    for mention in mentions:
        result.stylize("bold underline", mention.start, mention.end)
    return result


def side_title(review: Review) -> Text:
    return Text(f"{labels.short_id(review.id)} · {labels.short_title(review)}", style="bold")


def critic_label(corpus: Corpus, review_id: str) -> str:
    review = corpus.get(review_id)
    return labels.review_name(review) if review else labels.short_id(review_id)


def aligned_table(
    left: Review,
    right: Review,
    pairs: list[AlignedPair],
    gazetteer: Gazetteer,
    hidden: dict[str, dict[str, str]] | None = None,
) -> Table:
    """The aligned pairs side by side; ``hidden`` (review id -> paragraph id -> spoiler level)
    paragraphs show as a bar."""
    hidden = hidden or {}
    table = Table(show_lines=True, expand=True)
    table.add_column(side_title(left), ratio=5)
    table.add_column("match", ratio=2)
    table.add_column(side_title(right), ratio=5)
    for pair in pairs:
        cells = []
        for review, paragraph_id, mentions in (
            (left, pair.left, pair.left_mentions),
            (right, pair.right, pair.right_mentions),
        ):
            paragraph = review.paragraph(paragraph_id) if paragraph_id else None
            level = hidden.get(review.id, {}).get(paragraph_id or "")
            if paragraph is None:
                cells.append(Text("—", style="dim"))
            elif level:
                cell = Text(f"{paragraph.id}  ", style="dim")
                cell.append_text(hidden_bar(review, paragraph.id, level))
                cells.append(cell)
            else:
                cell = Text(f"{paragraph.id}  ", style="dim")
                cell.append_text(highlighted(paragraph.text, mentions))
                cells.append(cell)
        if pair.is_gap:
            middle = Text("gap", style="dim")
        else:
            middle = Text(f"{pair.score:.2f}" + ("  pinned" if pair.pinned else ""))
            names = [entity.name if (entity := gazetteer.get(e)) else e for e in pair.shared]
            if names:
                middle.append("\n" + one_line(", ".join(names)), style="cyan")
        table.add_row(cells[0], middle, cells[1])
    return table


@click.command("compare")
@click.argument("left_id")
@click.argument("right_id")
@click.option("--json", "as_json", is_flag=True, help="Print the aligned pairs as JSON.")
@SPOILERS
@click.option(
    "--pin",
    "pins",
    multiple=True,
    metavar="LEFT=RIGHT",
    help="Keep two paragraphs side by side (e.g. --pin p2=p4); the rest aligns around them.",
)
def compare_command(
    left_id: str, right_id: str, as_json: bool, show_spoilers: bool, pins: tuple[str, ...]
) -> None:
    """Compare two reviews passage by passage (ids or unique prefixes such as 000 002);
    passages that give the story away are hidden unless --spoilers."""
    corpus = load_or_fail()
    left, right = resolve(corpus, left_id), resolve(corpus, right_id)
    gazetteer = gazetteer_or_fail()
    try:
        pairs = align_reviews(left, right, pins=[parse_pin(p) for p in pins], gazetteer=gazetteer)
    except PinError as error:
        fail(str(error))
    if as_json:
        print_json([pair.to_json() for pair in pairs])
    else:
        hidden = {review.id: hidden_levels(review, show_spoilers) for review in (left, right)}
        emit(aligned_table(left, right, pairs, gazetteer, hidden))
        count = sum(len(levels) for levels in hidden.values())
        if count:
            click.echo(f"nlmg-tui: {hidden_note(count)}", err=True)


def topics_table(topics: TopicMap, corpus: Corpus) -> Table:
    table = Table(title="Where the critics agree", title_justify="left", show_lines=False)
    widest_topic = max((cell_len(row.topic.name) for row in topics.rows), default=5)
    table.add_column("topic", min_width=min(18, widest_topic))  # names wrap last
    table.add_column("critic", min_width=12)
    for column in ("tone", "quote", "decided by"):
        table.add_column(column, ratio=4 if column == "quote" else 1)
    for row in topics.rows:
        if not row.cells:
            continue
        for index, cell in enumerate(row.cells):
            topic = Text()
            if index == 0:
                topic = Text(one_line(row.topic.name), style="bold")
                topic.append(f"\n{row.summary}", style=TONE_STYLES.get(row.leading[0], ""))
                topic.append(f"\n{row.spread}", style="dim")
            table.add_row(
                topic,
                Text(critic_label(corpus, cell.review_id)),
                Text(cell.tone.label, style=TONE_STYLES.get(cell.tone.label, "")),
                Text(f"“{one_line(cell.quote)}” ({cell.paragraph_id})"),
                Text(one_line(cell.tone.explanation()), style="dim"),
            )
        table.add_section()
    return table


@click.command("topics")
@click.option("--json", "as_json", is_flag=True, help="Print the agreement map as JSON.")
def topics_command(as_json: bool) -> None:
    """For each topic: which critics address it, a quote and the tone of each."""
    corpus = load_or_fail()
    topics = topic_map(corpus, gazetteer_or_fail())
    if as_json:
        print_json(topics.to_json())
    else:
        emit(topics_table(topics, corpus))
