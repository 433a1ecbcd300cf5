"""Web addresses: which ones may be fetched, their normal form, and the review id they give.

Only http and https are fetched. A host is resolved and *every* address it resolves to is
checked: loopback, private, link-local, multicast, reserved and unspecified addresses are
refused (a page must not make the importer probe the user's own network) unless the caller
allows local addresses (tests, and ``--allow-local``).
"""

from __future__ import annotations

import hashlib
import ipaddress
import queue
import socket
import threading
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from nlmg_tui.importer.decode import NotTextError

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = {"fbclid", "gclid"}


class FetchError(NotTextError):
    """An address could not be imported; ``kind`` says why, the message is one sentence.

    Kinds: ``address`` (not http/https, malformed), ``blocked`` (a local address), ``dns``,
    ``connect``, ``timeout``, ``gone`` (404/410), ``http`` (other status), ``redirects``,
    ``robots``, ``not-text``, ``too-large``, ``no-snapshot``.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def looks_like_address(argument: str) -> bool:
    """True for ``scheme://…`` arguments: they are addresses (``file://`` is refused later)."""
    head, sep, _ = argument.partition("://")
    return bool(sep) and head.isascii() and head.isalpha() and len(head) <= 10


def parse_address(address: str) -> SplitResult:
    """Split ``address``, refusing other schemes, user names and hostless forms."""
    try:
        parts = urlsplit(address.strip())
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise FetchError("address", "the address is malformed") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        shown = f"{scheme}://" if scheme else "no scheme"
        raise FetchError("address", f"only http and https addresses are imported ({shown} is not)")
    if not parts.hostname:
        raise FetchError("address", "the address names no host")
    if parts.username or parts.password:
        raise FetchError("address", "addresses with a user name or password are refused")
    return parts


def normalise_address(address: str) -> str:
    """The form two spellings of one page share: lower-case scheme and host, no default port,
    no fragment, ``/`` for an empty path, tracking parameters (``utm_*``, ``fbclid``) dropped."""
    parts = parse_address(address)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    netloc = host if parts.port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith(_TRACKING_PREFIXES)
                       and k.lower() not in _TRACKING_NAMES])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def address_id(address: str) -> str:
    """Same normal address, same id: re-importing an address updates that review in place."""
    digest = hashlib.sha1(f"address:{normalise_address(address)}".encode()).hexdigest()
    return f"imp-{digest[:12]}"


def is_public(ip: str) -> bool:
    """False for any address inside the machine or its local networks."""
    parsed = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    return not (parsed.is_loopback or parsed.is_private or parsed.is_link_local
                or parsed.is_multicast or parsed.is_reserved or parsed.is_unspecified)


@dataclass(frozen=True)
class Resolved:
    """A host and the addresses it resolved to (all checked); connections use the first."""

    host: str
    port: int
    addresses: tuple[str, ...]


def resolve(parts: SplitResult, allow_local: bool, timeout: float) -> Resolved:
    """Resolve the host of ``parts`` and check every address; raise ``FetchError``."""
    host = parts.hostname or ""
    port = parts.port or DEFAULT_PORTS[parts.scheme.lower()]
    try:
        infos = _literal(host, port) or _getaddrinfo_within(host, port, timeout)
    except TimeoutError:
        raise FetchError("timeout", f"looking up the host {host} timed out") from None
    except (socket.gaierror, UnicodeError):
        raise FetchError("dns", f"the host {host} could not be found") from None
    except OSError as error:
        raise FetchError("dns", f"the host {host} could not be resolved ({error.strerror or error})") \
            from None
    addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise FetchError("dns", f"the host {host} could not be found")
    if not allow_local:
        local = [a for a in addresses if not is_public(a)]
        if local:
            raise FetchError("blocked", f"the host {host} resolves to a local address ({local[0]}); "
                                        "use --allow-local to import from it")
    return Resolved(host, port, addresses)


def _literal(host: str, port: int) -> list | None:
    """An address written as digits needs no lookup (nor a thread to bound one)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None
    return [(None, None, None, "", (host, port))]


def _getaddrinfo_within(host: str, port: int, timeout: float) -> list:
    """``getaddrinfo`` has no timeout of its own: run it in a daemon thread and stop waiting
    after ``timeout`` seconds (the thread ends on its own when the resolver gives up)."""
    answers: queue.Queue = queue.Queue(maxsize=1)

    def lookup() -> None:
        try:
            answers.put(("ok", socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))
        except (OSError, UnicodeError) as error:
            answers.put(("error", error))

    threading.Thread(target=lookup, name=f"resolve {host}", daemon=True).start()
    try:
        outcome, value = answers.get(timeout=timeout)
    except queue.Empty:
        raise TimeoutError(host) from None
    if outcome == "error":
        raise value
    return value
