"""``sitemap.xml``: every page of the export once per locale, each listing
its versions in every locale (``xhtml:link rel="alternate" hreflang``) and
the language list as ``x-default`` (a static host cannot negotiate).

The hreflang values are the pages' own (``context.Alternate.hreflang``):
the HTML ``lang`` of the locale, ``ja-x-easy`` for Easy Japanese.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import quoteattr

from ... import locales
from ..context import Alternate

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
#: pages of a locale that are not documents of their own (search needs input)
_SKIP = ("search",)


def page_key(path: str) -> tuple[str, str] | None:
    """``/{lang}/rest`` → ``(lang, rest)`` for a locale page, else None."""
    first, _, rest = path.lstrip("/").partition("/")
    if first not in locales.BY_CODE or rest.split("/", 1)[0] in _SKIP:
        return None
    return first, rest


def sitemap(paths: Iterable[str], base: str) -> bytes:
    """The sitemap of the locale pages among ``paths`` (request paths of
    HTML documents), with absolute URLs under ``base`` (no trailing /)."""
    by_key: dict[str, dict[str, str]] = {}
    for path in paths:
        got = page_key(path)
        if got:
            by_key.setdefault(got[1], {})[got[0]] = path
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{NS}" xmlns:xhtml="{XHTML}">']
    for rest in sorted(by_key, key=_order):
        versions = by_key[rest]
        alts = [Alternate(loc, base + versions[loc.code])
                for loc in locales.LOCALES if loc.code in versions]
        links = [f'<xhtml:link rel="alternate" hreflang="{a.hreflang}" href={quoteattr(a.url)}/>'
                 for a in alts]
        links.append(f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(base + "/")}/>')
        for a in alts:
            lines.append(f"<url><loc>{_esc(a.url)}</loc>{''.join(links)}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode()


def _esc(text: str) -> str:
    return quoteattr(text)[1:-1]


def _order(rest: str) -> tuple[int, ...]:
    # the tree first, then initiatives by number, then the rest
    nums = [int(p) for p in rest.split("/") if p.isdigit()]
    return (0 if not rest else 1 if nums else 2, *nums)
