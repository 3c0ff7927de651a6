"""Links of list pages: page numbers and sortable columns that keep the other query parameters.

A filtered list is only useful if moving to page 3 or sorting by deadline keeps the filters, so
every link is built from the request's own query string with one parameter replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.requests import Request

from chidao.messages import msg

DROPPED = ("msg",)  # a flash message belongs to one answer only


def url_with(request: Request, path: str | None = None, **changes: str | int | None) -> str:
    """The request's path (or ``path``) and query with ``changes`` applied (None removes a key)."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and k not in DROPPED]
    kept += [(k, str(v)) for k, v in changes.items() if v is not None and v != ""]
    target = path if path is not None else request.url.path
    return f"{target}?{urlencode(kept)}" if kept else target


@dataclass(frozen=True)
class PageLink:
    label: str
    url: str | None  # None: the current page, or a gap ("…")
    current: bool = False
    rel: str = ""


@dataclass(frozen=True)
class Pager:
    page: int
    pages: int
    total: int
    per_page: int
    links: list[PageLink]
    exact: bool = True  # False: ``total`` is a lower bound (a search counted up to its cap)

    @property
    def first_item(self) -> int:
        return 0 if self.total == 0 else (self.page - 1) * self.per_page + 1

    @property
    def last_item(self) -> int:
        return min(self.total, self.page * self.per_page)


def _numbers(page: int, pages: int, around: int = 2) -> list[int | None]:
    """Page numbers to offer: the first, the last, a few around the current one; None is a gap."""
    wanted = sorted({1, pages, *range(max(1, page - around), min(pages, page + around) + 1)})
    numbers: list[int | None] = []
    for number in wanted:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def pager(request: Request, *, page: int, per_page: int, total: int, exact: bool = True) -> Pager:
    """Numbered links (with previous/next) for a list of ``total`` items (at least ``total``
    when not ``exact``: then "next" stays offered past the last counted page)."""
    pages = max(1, -(-total // per_page))
    links: list[PageLink] = []
    if page > 1:
        links.append(PageLink(msg("pager.previous"), url_with(request, page=min(page - 1, pages)), rel="prev"))
    for number in _numbers(min(page, pages), pages):
        if number is None:
            links.append(PageLink("…", None))
        elif number == page:
            links.append(PageLink(str(number), None, current=True))
        else:
            links.append(PageLink(str(number), url_with(request, page=number)))
    if page < pages or not exact:
        links.append(PageLink(msg("pager.next"), url_with(request, page=page + 1), rel="next"))
    return Pager(page=page, pages=pages, total=total, per_page=per_page, links=links, exact=exact)


@dataclass(frozen=True)
class SortLink:
    label: str
    url: str
    aria_sort: str  # "ascending", "descending" or "none"


def sort_link(request: Request, label: str, current: str, ascending: str, descending: str | None = None) -> SortLink:
    """A column header link: the first click sorts ascending, the next one descending."""
    if current == ascending:
        state, target = "ascending", descending or ascending
    elif descending is not None and current == descending:
        state, target = "descending", ascending
    else:
        state, target = "none", ascending
    return SortLink(label=label, url=url_with(request, sort=target, page=None), aria_sort=state)
