"""Finding an item by its id or by a unique prefix of it (lists show shortened ids).

One rule for every caller (reviews, imports, bookmarks): surrounding whitespace is ignored, an
exact id wins, otherwise exactly one id must start with the prefix. An empty or blank prefix
is refused, never taken as "the first one" (it is a prefix of every id).
"""

from __future__ import annotations

from collections.abc import Iterable


class IdPrefixError(LookupError):
    """No id, or several, match; ``str()`` is one sentence for the user."""


def resolve_id_prefix(prefix: str, ids: Iterable[str], what: str = "item") -> str:
    """The id that is ``prefix`` or the only one starting with it; IdPrefixError otherwise."""
    wanted = prefix.strip() if isinstance(prefix, str) else ""
    if not wanted:
        raise IdPrefixError(f"give a {what} id (or the start of one); an empty id matches nothing")
    candidates = list(ids)
    if wanted in candidates:
        return wanted
    matches = [candidate for candidate in candidates if candidate.startswith(wanted)]
    if not matches:
        raise IdPrefixError(f"no {what} has an id starting with {wanted!r}")
    if len(matches) > 1:
        raise IdPrefixError(
            f"{len(matches)} {what}s have ids starting with {wanted!r}; give more of the id"
        )
    return matches[0]


def find_id(prefix: str, ids: Iterable[str]) -> str | None:
    """``resolve_id_prefix`` for callers that treat "none" and "several" alike."""
    try:
        return resolve_id_prefix(prefix, ids)
    except IdPrefixError:
        return None
