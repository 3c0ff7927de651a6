"""Two ASGI middlewares every response goes through.

``TrustedProxies``: the client's address and scheme are the connection's, unless the connection
comes from a configured reverse proxy (``CHIDAO_TRUSTED_PROXIES``); then ``X-Forwarded-For``
(read from the right, skipping the trusted proxies, so that a client cannot prepend a fake
address) and ``X-Forwarded-Proto`` are believed. Login throttling counts the address, the
session cookie is Secure when the scheme is https. (uvicorn's own proxy handling, which believes
loopback by default, is turned off by ``chidao serve``.)

``SecurityHeaders``: a Content-Security-Policy without inline script (everything the pages load
is a file of this site), no framing, no MIME sniffing, no referrer sent to other sites.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The /api/v1/docs page is Swagger UI, served from our own files (api_docs.py): no inline script,
# no other host; its React code sets style attributes, hence the styles' 'unsafe-inline'.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class SecurityHeaders:
    def __init__(self, app: ASGIApp, docs_path: str = "/api/v1/docs") -> None:
        self.app = app
        self.docs_path = docs_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"] == self.docs_path else PAGE_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("content-security-policy", policy)  # a download keeps its sandbox
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def networks(values: Iterable[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(value, strict=False) for value in values)


def _trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def forwarded_client(peer: str, forwarded_for: str, trusted: tuple[Network, ...]) -> str:
    """The client's address: ``peer``, unless it is a trusted proxy; then the rightmost address
    of ``forwarded_for`` that is not a trusted proxy (each proxy appends the address it saw)."""
    if not _trusted(peer, trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted):
            return hop[:64]
    return hops[0][:64] if hops else peer


class TrustedProxies:
    def __init__(self, app: ASGIApp, trusted: Iterable[str] = ()) -> None:
        self.app = app
        self.trusted = networks(trusted)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and self.trusted and scope.get("client"):
            peer, port = scope["client"]
            if _trusted(peer, self.trusted):
                headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
                scope = dict(scope)
                scope["client"] = (forwarded_client(peer, headers.get("x-forwarded-for", ""), self.trusted), port)
                proto = headers.get("x-forwarded-proto", "").split(",")[-1].strip().lower()
                if proto in ("http", "https"):
                    scope["scheme"] = proto
        await self.app(scope, receive, send)
