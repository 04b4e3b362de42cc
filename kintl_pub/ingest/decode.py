"""Decoding: the sheet's bytes → text, or an error that names the encoding.

UTF-8 only (BOM allowed).  Bytes that are not UTF-8 are tried as CP932/
Shift_JIS and EUC-JP only to *name* the encoding in the error; UTF-16 and
UTF-32 (with or without a byte-order mark) and binary input are named too,
and a file that ends inside a multi-byte character is called cut off (not
"not UTF-8").  Text that decodes as UTF-8 but is full of Latin-1 mojibake is
rejected as well.
"""

from __future__ import annotations

import re

from .model import EncodingError

# Byte-order marks, longest first: the UTF-32 LE mark begins with UTF-16 LE's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "UTF-32", "UTF-32BE"),
    (b"\xff\xfe", "UTF-16", "UTF-16LE"),
    (b"\xfe\xff", "UTF-16", "UTF-16BE"),
)
# Without a mark: ASCII tabs, digits and line breaks become NUL-padded units.
_WIDE = (("utf-32-le", "UTF-32LE"), ("utf-32-be", "UTF-32BE"), ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"))


def decode(raw: bytes) -> str:
    """UTF-8 text of the file, or a specific error."""
    for bom, name, iconv in _BOMS:
        if raw.startswith(bom):
            raise EncodingError(
                f"the file is {name} (byte-order mark found); save it as UTF-8, "
                f"e.g. `iconv -f {iconv} -t UTF-8`"
            )
    if b"\x00" in raw[:4096] and (wide := _wide_encoding(raw)):
        raise EncodingError(
            f"the file is {wide[:6]} ({'little' if wide.endswith('LE') else 'big'}-endian) without a "
            f"byte-order mark; save it as UTF-8, e.g. `iconv -f {wide} -t UTF-8`"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(_guess_encoding_message(raw, exc)) from None
    if "\x00" in text:
        raise EncodingError("the file contains NUL bytes: it is binary, not UTF-8 text")
    _reject_mojibake(text)
    return text


def _wide_encoding(raw: bytes) -> str | None:
    """The UTF-16/32 variant the bytes read as text in, if any: decodes
    cleanly, no NUL characters, and line breaks or tabs where a sheet has them."""
    for codec, name in _WIDE:
        width = 4 if "32" in codec else 2
        sample = raw[: len(raw) - len(raw) % width]
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and ("\n" in text or "\t" in text):
            return name
    return None


def _guess_encoding_message(raw: bytes, exc: UnicodeDecodeError) -> str:
    if exc.end == len(raw) and exc.reason == "unexpected end of data":
        return (
            f"the file is cut off: it ends inside a multi-byte UTF-8 character (byte {exc.start} "
            f"of {len(raw)}); the copy or download stopped early — get the whole file again"
        )
    where = f"byte {exc.start} (0x{raw[exc.start]:02x}) is not valid UTF-8"
    best: tuple[int, str] | None = None
    for codec, name in (("cp932", "Shift_JIS (CP932)"), ("euc_jp", "EUC-JP")):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        japanese = sum(1 for ch in text if _is_japanese(ch))
        if japanese and (best is None or japanese > best[0]):
            best = (japanese, name)
    if best:
        return (
            f"the file is not UTF-8: {where}; it decodes as {best[1]} "
            f"(probably saved by a Japanese Windows tool) — convert it to UTF-8, "
            f"e.g. `iconv -f {'CP932' if 'CP932' in best[1] else 'EUC-JP'} -t UTF-8`"
        )
    return f"the file is not UTF-8 text: {where}, and it is not Shift_JIS or EUC-JP either"


def _is_japanese(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"


# Same ranges as _is_japanese / the Latin-1 letters, counted by run.
_LATIN1_RUN = re.compile("[\u00c0-\u00ff]+")
_JAPANESE_RUN = re.compile("[\u3040-\u30ff\u4e00-\u9fff]+")


def _reject_mojibake(text: str) -> None:
    # Shift_JIS read as Latin-1 and re-saved as UTF-8 looks like "ì¬..." —
    # valid UTF-8, but no Japanese and many Latin-1 letters.
    latin1 = sum(map(len, _LATIN1_RUN.findall(text)))
    japanese = sum(map(len, _JAPANESE_RUN.findall(text)))
    if latin1 > 20 and latin1 > japanese:
        raise EncodingError(
            "the file is UTF-8 but its text is mojibake (Latin-1 letters where "
            "Japanese is expected): it was probably Shift_JIS decoded as Latin-1; "
            "re-export it from the original as UTF-8"
        )
