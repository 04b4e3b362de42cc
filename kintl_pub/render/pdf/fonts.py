"""The fonts every PDF embeds, where they come from, and the check that they
are there.

Typst is given explicit font folders and never looks at the system's fonts
(``ignore_system_fonts``), so a build is the same on every machine and works
offline; a family that is missing stops the build with the Debian package to
install, never a PDF with tofu.  ``KINTL_FONT_DIRS`` (``:``-separated) adds
folders in front, for a machine that keeps the fonts elsewhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ... import locales


@dataclass(frozen=True)
class Font:
    family: str  # as Typst names it
    package: str  # the Debian package that installs it
    folder: str  # where that package puts it


# One font per script: a universal-design Japanese face (BIZ UD Gothic, the
# monospaced one: furigana widths can be reckoned without measuring), Korean,
# Simplified Chinese, Devanagari, Thai and Latin with Vietnamese diacritics.
# Every text is set in the face of its own language (a Japanese fallback in a
# Chinese document gets Japanese glyph forms), the others behind it.
BY_SCRIPT: dict[str, Font] = {
    "Jpan": Font("BIZ UDGothic", "fonts-morisawa-bizud-gothic", "/usr/share/fonts/truetype/bizud-gothic"),
    "Kore": Font("NanumGothic", "fonts-nanum", "/usr/share/fonts/truetype/nanum"),
    # not Noto Sans CJK SC: Typst embeds that CFF face with widths that fail
    # PDF/UA-1's glyph-width rule (PDFUA1-FONT-GLYPH-WIDTH-001); this one is TrueType
    "Hans": Font("WenQuanYi Zen Hei", "fonts-wqy-zenhei", "/usr/share/fonts/truetype/wqy"),
    "Deva": Font("Noto Sans Devanagari", "fonts-noto-core", "/usr/share/fonts/truetype/noto"),
    # not Noto Sans Thai: with it Typst maps a vowel mark's glyph to its whole
    # cluster in /ToUnicode (typst/typst#8767), so ชีวิต extracts as ชีชีวิต
    "Thai": Font("Loma", "fonts-tlwg-loma-ttf", "/usr/share/fonts/truetype/tlwg"),
    "Latn": Font("Noto Sans", "fonts-noto-core", "/usr/share/fonts/truetype/noto"),
}
#: The face the furigana outlines are drawn from (``ruby.py``).
RUBY_FONT = BY_SCRIPT["Jpan"]
RUBY_FILE = "BIZUDGothic-Regular.ttf"


class FontMissingError(RuntimeError):
    """A font the PDFs need is not installed."""


def font_dirs() -> list[str]:
    extra = [d for d in os.environ.get("KINTL_FONT_DIRS", "").split(":") if d]
    return list(dict.fromkeys([*extra, *(f.folder for f in BY_SCRIPT.values())]))


def families_for(code: str) -> list[str]:
    """Font list for text in locale ``code``: its script's face first, then
    every other one (a Japanese fallback segment inside a Thai page, a Latin
    name inside a Nepali sentence)."""
    first = BY_SCRIPT[locales.BY_CODE[code].script]
    return list(dict.fromkeys([first.family, *(f.family for f in BY_SCRIPT.values())]))


@lru_cache(maxsize=4)
def _check(dirs: tuple[str, ...]) -> dict[str, str]:
    import typst

    found = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                        font_paths=list(dirs)).fonts()
    have = {fi.family: fi.path for fi in found}
    missing = sorted({f"{f.family} (Debian package {f.package})"
                      for f in BY_SCRIPT.values() if f.family not in have})
    if missing:
        raise FontMissingError(
            "fonts for the PDFs are missing: " + "; ".join(missing)
            + f". Install them (apt-get install …) or point KINTL_FONT_DIRS at them; looked in {', '.join(dirs)}"
        )
    ruby = next((fi.path for fi in found if fi.path and Path(fi.path).name == RUBY_FILE), None)
    if ruby is None:
        raise FontMissingError(f"{RUBY_FILE} (Debian package {RUBY_FONT.package}) is missing")
    return {"ruby": ruby}


def check() -> str:
    """Raise :class:`FontMissingError` naming the package of every missing
    font; return the path of the furigana face."""
    return _check(tuple(font_dirs()))["ruby"]
