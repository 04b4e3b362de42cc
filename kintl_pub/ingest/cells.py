"""Cell-level cleaning and classification for the progress sheet.

Everything here works on one cell's text at a time and knows nothing about
rows, initiatives or line numbers; :mod:`kintl_pub.ingest.parse` combines it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from ..segment import Block, format_blocks

WARDS = ("川崎区", "幸区", "中原区", "高津区", "宮前区", "多摩区", "麻生区")

_WS = re.compile(r"\s+")
# 施策番号 is "4-4-1"; the PDF sometimes cuts it to "1-1".
_CODE = r"\d{1,2}-\d{1,2}(?:-\d{1,2})?"
MEASURE_CODE = re.compile(rf"^{_CODE}$")
_WARD = "|".join(WARDS)
# Programme name with the 施策番号 or a ward glued on after a space.
GLUED_CODE = re.compile(rf"^(?P<name>.*\S)\s+(?P<code>{_CODE}|{_WARD})$")
# Initiative numbers: ASCII digits after NFKC (full-width １５ is 15); the city
# numbers 1–109, synthetic bench sheets go to five digits.  A number glued to
# its 取組名 ("15 環境…") has at most three (a title may start with a year).
NUMBER = re.compile(r"^[0-9]{1,5}$")
NUMBER_AND_NAME = re.compile(r"^(?P<number>[0-9]{1,3})\s+(?P<name>\S.*)$")
# What looks like a number but is none of those: digits of another script,
# or too many digits (alone, or glued to a name).
_ANY_DIGITS = re.compile(r"^(?P<digits>\d+)(?:\s+\S|$)")
MAX_GLUED_DIGITS = 5
# Full-width variants ("３．", "Ａ．") are accepted; the code is NFKC-folded.
ACHIEVEMENT = re.compile(r"^(?P<code>[1-5１-５])\s*[.．]\s*(?P<label>\S.*)$")
CONTRIBUTION = re.compile(r"^(?P<code>[A-CＡ-Ｃ])\s*[.．]\s*(?P<label>\S.*)$")
# Bureau names end like this (局, 区役所, 教育委員会, 危機管理本部 …); a
# bureau is a short label, never a sentence.
_BUREAU_END = re.compile(r"(局|区役所|委員会|本部|事務局|室|庁|部)$")
# A programme name in the sheet ends with 事業 / 業務 / 事務, possibly with a
# parenthesised qualifier: 地域課題対応事業(幸区), 教職員研修事業(一部).
PROGRAM_SUFFIX = re.compile(r"(事業|業務|事務)(\([^)]*\)?)?$")

# Tags the sheet's cells are known to carry.  Only cells containing one of
# these are run through the HTML parser: "<やさしい日本語>" is text.
_HTML_TAG = re.compile(r"</?(p|ul|ol|li|br|div|span|strong|b|i|em|u|font)\b[^>]*>", re.I)
_BLOCK_TAGS = {"p", "div", "ul", "ol", "li", "br"}
_LIST_TAGS = {"ul", "ol"}
_DROP_CONTENT_TAGS = {"script", "style"}


def nfkc(text: str) -> str:
    """Compatibility-normalised copy, used only for *matching* codes
    (full-width digits or letters), never for stored text."""
    return unicodedata.normalize("NFKC", text)


class NumberCell:
    """How the number column of a row reads (after NFKC)."""

    def __init__(self, cell: str) -> None:
        self.raw = cell.strip()
        self.folded = nfkc(self.raw)
        self.alone = NUMBER.match(self.folded)
        self.glued = NUMBER_AND_NAME.match(self.folded)

    @property
    def number(self) -> int | None:
        if self.alone:
            return int(self.alone.group())
        return int(self.glued["number"]) if self.glued else None

    @property
    def name(self) -> str | None:
        """The 取組名 glued after the number, as written (not NFKC'd)."""
        if not self.glued or self.alone:
            return None
        return self.raw.split(None, 1)[1]

    def problem(self) -> str | None:
        """Why a number-like cell is not a usable initiative number, or None."""
        if self.number == 0:
            return f"initiative number {self.raw!r} is 0: initiatives are numbered from 1"
        if self.number is not None:
            return None
        m = _ANY_DIGITS.match(self.folded)
        if m is None:
            return None  # not a number at all (a name)
        digits = m["digits"]
        foreign = [c for c in digits if not ("0" <= c <= "9")]
        if foreign:
            script = unicodedata.name(foreign[0], "digit").rsplit(" DIGIT", 1)[0].title()
            return (
                f"the number {self.raw[:20]!r} is written in {script} digits "
                f"({unicodedata.name(foreign[0], '?')}): write initiative numbers in ASCII "
                "digits 0–9 (full-width ０–９ are read as ASCII)"
            )
        if m.end() == len(self.folded) or len(digits) > MAX_GLUED_DIGITS:
            return (
                f"the number {self.raw[:30]!r} has {len(digits)} digits: an initiative number "
                f"has 1–{MAX_GLUED_DIGITS} (is the cell damaged?)"
            )
        return None


def squash(text: str) -> str:
    """Collapse whitespace runs to one space and strip."""
    return _WS.sub(" ", text).strip()


def has_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text))


@dataclass
class CellText:
    """A cleaned prose cell: stored text plus what the cleaner noticed."""

    text: str
    unexpected_tags: tuple[str, ...] = ()


class _BlockCollector(HTMLParser):
    """Turns an HTML fragment into paragraphs and list items.

    Text is collected, tags are only used as structure; nothing is ever
    rendered.  Entities are unescaped by ``convert_charrefs``.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._buf: list[str] = []
        self._list_depth = 0
        self._items: list[str] = []
        self._in_li = False
        self._li_seen = False  # a <ul> whose <li> tags survived extraction
        self._skip = 0
        self.unexpected: list[str] = []

    # -- helpers -----------------------------------------------------------
    def _flush_paragraph(self, in_list: bool = False) -> None:
        text = squash("".join(self._buf))
        self._buf = []
        if not text:
            return
        if self._list_depth or in_list:
            self._items.append(text)
        else:
            self.blocks.append(Block("p", (text,)))

    def _close_list(self) -> None:
        self._flush_paragraph(in_list=True)
        items = self._items
        if not self._li_seen:
            # The PDF extraction dropped the <li> tags of these lists and
            # left one space at each item boundary: split there.
            items = [i for chunk in items for i in split_flat_list(chunk)]
        if items:
            self.blocks.append(Block("ul", tuple(items)))
        self._items = []
        self._li_seen = False

    # -- HTMLParser callbacks ---------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in _DROP_CONTENT_TAGS:
            self._skip += 1
        if tag not in _BLOCK_TAGS and tag not in {"span", "strong", "b", "i", "em", "u", "font"}:
            self.unexpected.append(tag)
        if tag in _LIST_TAGS:
            if self._list_depth == 0:
                self._flush_paragraph()
            self._list_depth += 1
        elif tag == "li":
            self._li_seen = True
            self._flush_paragraph()
        elif tag in _BLOCK_TAGS:
            self._flush_paragraph()

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _DROP_CONTENT_TAGS:
            self._skip = max(0, self._skip - 1)
        if tag in _LIST_TAGS and self._list_depth:
            self._list_depth -= 1
            if self._list_depth == 0:
                self._close_list()
        elif tag in _BLOCK_TAGS:
            self._flush_paragraph()

    def handle_data(self, data: str) -> None:
        # script/style content is still kept as text (nothing a person wrote
        # is dropped); it is reported as an unexpected tag and never executed.
        self._buf.append(data)

    def close(self) -> None:
        super().close()
        if self._list_depth:
            # Cut-off cell: an unclosed <ul> still is a list.
            self._list_depth = 0
            self._close_list()
        else:
            self._flush_paragraph()


_OPEN, _CLOSE = "「『(（【", "」』)）】"


def split_flat_list(text: str) -> list[str]:
    """Items of a list whose <li> tags were lost: the extraction left one
    space at each item boundary.  Spaces between two ASCII characters
    ("Rainbow Journey") and spaces inside brackets (「…」, (…)) are not
    boundaries."""
    items: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch.isspace() and depth == 0:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if not (before.isascii() and after.isascii() and before.isalnum() and after.isalnum()):
                items.append(text[start:i])
                start = i + 1
    items.append(text[start:])
    return [squash(i) for i in items if i.strip()]


def clean_prose(raw: str) -> CellText:
    """A prose cell in the stored block format (see kintl_pub.segment)."""
    if not raw.strip():
        return CellText("")
    if not has_html(raw):
        return CellText(format_blocks([Block("p", (squash(raw),))]))
    parser = _BlockCollector()
    parser.feed(raw)
    parser.close()
    return CellText(format_blocks(parser.blocks), tuple(parser.unexpected))


def clean_label(raw: str) -> str:
    """A short label cell (name, bureau …): tags stripped, one line."""
    if has_html(raw):
        return squash(" ".join(b for blk in _blocks(raw) for b in blk.items))
    return squash(html.unescape(raw)) if "&" in raw else squash(raw)


def _blocks(raw: str) -> list[Block]:
    parser = _BlockCollector()
    parser.feed(raw)
    parser.close()
    return parser.blocks


def plain_text(raw: str) -> str:
    """Tags stripped, entities unescaped, whitespace collapsed: the form the
    lossless check compares."""
    if has_html(raw):
        return squash(" ".join(i for b in _blocks(raw) for i in b.items))
    return squash(raw)


# --------------------------------------------------------------------------
# classification
# --------------------------------------------------------------------------


def is_measure_code(cell: str) -> bool:
    return bool(MEASURE_CODE.match(nfkc(cell.strip())))


def is_ward(cell: str) -> bool:
    return cell.strip() in WARDS


def is_code_or_ward(cell: str) -> bool:
    return is_measure_code(cell) or is_ward(cell)


def split_glued_code(cell: str) -> tuple[str, str] | None:
    """("交流推進事業", "4-9-1") for "交流推進事業 4-9-1", else None."""
    m = GLUED_CODE.match(cell.strip())
    if not m:
        return None
    return m.group("name").strip(), m.group("code")


def _short_label(label: str) -> bool:
    # Labels are short phrases ("ほぼ目標どおり"); a sentence starting with
    # "1. " inside a prose cell is not an achievement cell.
    return len(label) <= 24 and "。" not in label


def parse_achievement(cell: str) -> tuple[int, str] | None:
    """(3, "ほぼ目標どおり") for "3. ほぼ目標どおり"; the label is kept verbatim."""
    m = ACHIEVEMENT.match(cell.strip())
    if not m or not _short_label(m.group("label")):
        return None
    return int(nfkc(m.group("code"))), m.group("label").strip()


def parse_contribution(cell: str) -> tuple[str, str] | None:
    """("A", "貢献している") for "A. 貢献している"."""
    m = CONTRIBUTION.match(cell.strip())
    if not m or not _short_label(m.group("label")):
        return None
    return nfkc(m.group("code")), m.group("label").strip()


def looks_like_bureau(cell: str) -> bool:
    text = cell.strip()
    return (
        0 < len(text) <= 16
        and not has_html(text)
        and not re.search(r"[。、,.・\s]", text)
        and bool(_BUREAU_END.search(text))
    )


def looks_like_program_name(text: str) -> bool:
    return bool(PROGRAM_SUFFIX.search(text.strip()))


# Words that mark 今後の事業の方向性 (what will be done) rather than
# 評価の理由 (why the contribution was rated so).
_FUTURE_MARKERS = re.compile(r"(いきます|まいります|継続し|引き続き|引続き|今後|検討して|予定|取り組みます|行います)")
_REASON_MARKERS = re.compile(r"(ため。|ため$|貢献して|貢献は|貢献し|できた|達成し|ことから)")


def future_or_reason(text: str) -> tuple[str, int, int]:
    """Which of the two prose columns a lone text most likely is, with the
    marker counts as evidence.  Ties go to "reason", the earlier column."""
    f = len(_FUTURE_MARKERS.findall(text))
    r = len(_REASON_MARKERS.findall(text))
    return ("future" if f > r else "reason"), f, r


# --------------------------------------------------------------------------
# OCR slips
# --------------------------------------------------------------------------

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+")
# A space inside a katakana word ("ハン ガール"); ・ is a separator, not a slip.
_KATAKANA_SPACE = re.compile(r"[ァ-ヺー][ \u3000]+[ァ-ヺー]")
# A lone Latin letter inside a katakana word ("ハンiガール").
_LATIN_IN_KATAKANA = re.compile(r"[ァ-ヺー][A-Za-z][ァ-ヺー]")
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
_REPLACEMENT = re.compile("\ufffd+")


@dataclass(frozen=True)
class Slip:
    kind: str
    found: str
    context: str


def find_ocr_slips(text: str) -> list[Slip]:
    """Suspicious character sequences a PDF/OCR extraction leaves behind.

    Deliberately narrow: Latin words glued to Japanese ("駅伝in川崎",
    "Jヴィレッジ", "eラーニング") are normal in this sheet and not reported.
    """
    slips: list[Slip] = []
    checks = (
        ("ocr-hangul", _HANGUL),
        ("ocr-space-in-katakana", _KATAKANA_SPACE),
        ("ocr-latin-in-katakana", _LATIN_IN_KATAKANA),
        ("ocr-halfwidth-kana", _HALFWIDTH_KANA),
        ("ocr-replacement-char", _REPLACEMENT),
    )
    for kind, pattern in checks:
        for m in pattern.finditer(text):
            ctx = text[max(0, m.start() - 12) : m.end() + 12]
            slips.append(Slip(kind, m.group(), ctx))
    return slips
