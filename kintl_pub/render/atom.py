"""The Atom feed (RFC 4287) of :class:`~.changes.ChangesView`: one entry per
changed initiative, linking to its page, saying what changed in the reader's
language.  Built with ElementTree, which escapes every text and attribute
(no hand-made XML strings)."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - we only write XML here, never parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from .api import iso
from .changes import ChangedInitiative, ChangesView
from .fields import field_titles
from .shown import Gettext

NS = "http://www.w3.org/2005/Atom"
#: the one date the feed says when nothing changed yet (Atom needs an <updated>)
EPOCH = datetime(2021, 4, 1, tzinfo=UTC)
#: entries in a feed: the most recently changed initiatives
ENTRIES = 50


@dataclass
class FeedInfo:
    """Where the feed and its pages are (absolute URLs) and in which language."""

    self_url: str  # the feed's own address
    site_url: str  # the locale's home page
    html_lang: str
    title: str
    page_url: Callable[[int], str]  # an initiative number → its page


def _summary(c: ChangedInitiative, _: Gettext, ngettext: Callable[..., str]) -> str:
    parts = []
    if c.removed:
        # TRANSLATORS: Atom feed of changes: an initiative was removed from the sheet
        parts.append(_("This initiative is no longer in the progress sheet."))
    names = field_titles(_)
    fields = [names.get(f, f) for f in c.source_fields if f != "*"]
    if fields:
        # TRANSLATORS: Atom feed of changes; %(fields)s lists headings, e.g. "Results, Next steps"
        parts.append(_("The Japanese text changed: %(fields)s.", fields=", ".join(fields)))
    if "*" in c.source_fields and not c.removed:
        # TRANSLATORS: Atom feed of changes: a program (事務事業) row of the initiative
        parts.append(_("A program row was added or removed."))
    if c.translated:
        # TRANSLATORS: Atom feed of changes: texts translated or corrected in the feed's language
        parts.append(ngettext("%(num)s text in this language was updated.",
                              "%(num)s texts in this language were updated.", c.translated, num=c.translated))
    return " ".join(parts)


def feed(view: ChangesView, info: FeedInfo, _: Gettext, ngettext: Callable[..., str]) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": info.html_lang})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{NS}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(root, "id", info.self_url)
    sub(root, "title", info.title)
    sub(root, "updated", iso(view.updated or EPOCH))
    sub(root, "link", rel="self", type="application/atom+xml", href=info.self_url)
    sub(root, "link", rel="alternate", type="text/html", href=info.site_url)
    author = sub(root, "author")
    # TRANSLATORS: the author of the Atom feed of changes
    sub(author, "name", _("Kawasaki City"))
    for c in view.initiatives[:ENTRIES]:
        entry = sub(root, "entry")
        url = info.page_url(c.number)
        # one entry per initiative, updated in place: its page is its identity
        sub(entry, "id", url)
        heading = _("Initiative %(num)s", num=c.number)
        sub(entry, "title", f"{heading}: {c.title.plain()}" if c.title else heading)
        sub(entry, "updated", iso(c.updated))
        if c.removed:  # no page to link to: Atom then wants the text as content
            sub(entry, "content", _summary(c, _, ngettext), type="text")
        else:
            sub(entry, "link", rel="alternate", type="text/html", href=url)
            sub(entry, "summary", _summary(c, _, ngettext), type="text")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
