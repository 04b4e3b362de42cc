"""The API's query parameters, each checked once: an unknown name, a value
given twice, an unknown language, a number out of range or a date that is
not one is a :class:`BadParameter` (400 problem), never a guess."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from werkzeug.datastructures import MultiDict

from ... import locales
from ...render.search import MAX_FILTER_VALUE
from ...render.shown import ACHIEVEMENT_VALUES, CONTRIBUTION_VALUES
from ...search.query import MAX_QUERY
from .http import BadParameter

DEFAULT_LIMIT = 20
#: the longest list page: every initiative fits (the static export writes one file per locale)
MAX_LIMIT = 200
MAX_NUMBER = 99999  # what the ``num`` URL converter takes (five digits)
MAX_PAGE = 10000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: the filters every list takes (``policy``/``direction``/``focus`` name a tree node)
FILTERS = ("policy", "direction", "focus", "bureau", "ward", "achievement", "contribution")
LANG_CODES = tuple(loc.code for loc in locales.LOCALES)


@dataclass
class Paging:
    limit: int
    offset: int
    by_page: bool  # the client asked with ``page`` (links keep that style)


class Params:
    def __init__(self, args: MultiDict[str, str], allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for name, values in args.lists():
            if name not in allowed:
                takes = ", ".join(allowed) or "no parameters"
                raise BadParameter(name, f"unknown parameter (this operation takes: {takes})")
            if len(values) > 1:
                raise BadParameter(name, "given more than once")
        self.args = args

    def get(self, name: str) -> str | None:
        return self.args.get(name)

    def lang(self) -> str:
        code = self.args.get("lang", locales.SOURCE.code)
        if code not in locales.BY_CODE:
            raise BadParameter("lang", f"unknown language code (one of {', '.join(LANG_CODES)})")
        return code

    def text(self, name: str, max_len: int = MAX_FILTER_VALUE, *, required: bool = False) -> str:
        value = (self.args.get(name) or "").strip()
        if required and not value:
            raise BadParameter(name, "required, and not blank")
        if len(value) > max_len:
            raise BadParameter(name, f"at most {max_len} characters")
        return value

    def integer(self, name: str, lo: int, hi: int) -> int | None:
        raw = self.args.get(name)
        if raw is None:
            return None
        if not re.fullmatch(r"[0-9]{1,9}", raw) or not lo <= int(raw) <= hi:
            raise BadParameter(name, f"a whole number from {lo} to {hi}")
        return int(raw)

    def choice(self, name: str, values: Sequence[object]) -> str:
        raw = self.args.get(name)
        if raw is None:
            return ""
        if raw not in [str(v) for v in values]:
            raise BadParameter(name, f"one of {', '.join(map(str, values))}")
        return raw

    def area(self) -> str:
        """``policy``/``direction``/``focus`` as a tree anchor (``p1-d2-f3``):
        a direction's number counts within its policy, a focus area's within
        its direction, so each needs the one above it."""
        p, d, f = (self.integer(n, 1, 99) for n in ("policy", "direction", "focus"))
        if d is not None and p is None:
            raise BadParameter("direction", "needs policy (directions are numbered within a policy)")
        if f is not None and d is None:
            raise BadParameter("focus", "needs direction (focus areas are numbered within a direction)")
        return "-".join(f"{k}{v}" for k, v in (("p", p), ("d", d), ("f", f)) if v is not None)

    def filters(self) -> dict[str, str]:
        """The list filters, as ``render.search.Filters`` takes them."""
        return {"area": self.area(), "bureau": self.text("bureau"), "ward": self.text("ward"),
                "achievement": self.choice("achievement", ACHIEVEMENT_VALUES),
                "contribution": self.choice("contribution", CONTRIBUTION_VALUES)}

    def query(self) -> str:
        return self.text("q", MAX_QUERY, required=True)

    def paging(self) -> Paging:
        limit = self.integer("limit", 1, MAX_LIMIT) or DEFAULT_LIMIT
        offset, page = self.integer("offset", 0, 10**6), self.integer("page", 1, MAX_PAGE)
        if offset is not None and page is not None:
            raise BadParameter("page", "give page or offset, not both")
        if page is not None:
            return Paging(limit, (page - 1) * limit, True)
        return Paging(limit, offset or 0, False)

    def since(self) -> datetime:
        """``YYYY-MM-DD`` (midnight UTC) or an ISO 8601 date-time (UTC when
        it names no offset); required."""
        raw = self.text("since", 64, required=True)
        try:
            if _DATE.fullmatch(raw):
                return datetime.combine(date.fromisoformat(raw), time(), UTC)
            if "T" not in raw.upper():
                raise ValueError(raw)
            t = datetime.fromisoformat(raw.upper().replace("Z", "+00:00"))
            return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)
        except (ValueError, OverflowError):  # overflow: year 1 with an offset east of UTC
            raise BadParameter("since", "a date (2026-12-01) or an ISO 8601 date-time "
                                        "(2026-12-01T09:00:00+09:00)") from None
