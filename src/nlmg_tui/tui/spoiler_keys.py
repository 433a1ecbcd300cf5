"""What ``s`` and ``S`` do on the screens that show review text (reader, comparison): show or
hide spoilers, tell the user, and tell every open screen (``app.spoiler_shield_changed``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.spoiler_shield import SpoilerShield
from nlmg_tui.tui.typed_app import nlmg_app

if TYPE_CHECKING:
    from nlmg_tui.tui.app import NlmgApp

MODE_OFF = "Spoiler-free mode is off: every paragraph is shown. Z turns it on."


def shield_of(screen: Screen[Any]) -> SpoilerShield:
    return nlmg_app(screen).spoiler_shield


def shield_usable(screen: Screen[Any]) -> bool:
    """True in spoiler-free mode; otherwise say the mode is off (nothing to show or hide)."""
    if not shield_of(screen).enabled:
        screen.notify(MODE_OFF, markup=False)
        return False
    return True


def toggle_spoilers(screen: Screen[Any], places: Sequence[tuple[Review, str]],
                    nothing: str) -> None:
    """Show ``places`` (review, paragraph id) if any of their spoilers is hidden, else hide them
    all again; ``nothing`` is said when none of them gives anything away."""
    if not shield_usable(screen):
        return
    shield = shield_of(screen)
    spoilers = [(review, pid) for review, pid in places if shield.level(review, pid).shielded]
    if not spoilers:
        screen.notify(nothing, markup=False)
        return
    hidden = any(shield.hides(review, pid) for review, pid in spoilers)
    for review, pid in spoilers:
        (shield.reveal if hidden else shield.cover)(review, pid)
    nlmg_app(screen).spoiler_shield_changed.publish(None)


def toggle_all_spoilers(screen: Screen[Any], reviews: Sequence[Review], nothing: str) -> None:
    """Show every hidden spoiler of ``reviews``; when none is hidden, hide them all again."""
    if not shield_usable(screen):
        return
    shield = shield_of(screen)
    shown = sum(shield.reveal_all(review) for review in reviews)
    if shown:
        screen.notify(f"Showing {shown} spoiler paragraph{'s' * (shown != 1)}.", markup=False)
    else:
        covered = sum(shield.cover_all(review) for review in reviews)
        if not covered:
            screen.notify(nothing, markup=False)
            return
        screen.notify(f"Hiding {covered} spoiler paragraph{'s' * (covered != 1)} again.",
                      markup=False)
    nlmg_app(screen).spoiler_shield_changed.publish(None)


def toggle_spoiler_free_mode(app: NlmgApp) -> None:
    """What ``Z`` does on every screen: the mode on or off, remembered in the settings, every
    screen that shows text redrawn (the key bar's indicator too), and a toast saying so."""
    app.spoiler_shield.enabled = enabled = not app.spoiler_shield.enabled
    app.spoiler_shield_changed.publish(None)
    state = "on: spoilers are hidden" if enabled else "off: every paragraph is shown"
    if problem := app.preferences.set_spoiler_free(enabled):
        app.notify(f"Spoiler-free mode {state}, for this session only: {problem}",
                   severity="warning", markup=False)
    else:
        app.notify(f"Spoiler-free mode {state}.", markup=False)
