"""The one table of locales.

Every other module asks this table; nobody spells a Babel id or Argos code by
hand.  The URL code is the public contract (DESIGN.md), the Babel id names the
catalog folder under ``translations/``, and the Argos code is what the MT
engine's packages use (``None`` where no engine applies).

Babel traps this table exists to avoid (see DESIGN.md): ``Locale.parse('tl')``
gives ``fil_PH``; ``zh_CN`` does not find a ``zh_Hans`` folder; ``pt`` means
``pt_PT``; ``ja@easy`` parses and falls back to ``ja``.  So we never let Babel
*negotiate* a catalog folder: we map URL codes to folder names ourselves.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LocaleInfo:
    code: str  # URL code, also the value of HTML lang (BCP 47)
    babel_id: str  # catalog folder under translations/
    argos: str | None  # Argos Translate language code, None = no MT
    script: str  # ISO 15924
    native_name: str  # the language's own name, in its own script
    english_name: str
    html_lang: str  # value for the HTML lang attribute
    font_stack: str  # CSS font-family for this script
    babel_locale: str  # what to hand Babel for dates/numbers/plural rules
    direction: str = "ltr"
    # False for scripts written without spaces between words (Japanese,
    # Chinese, Thai): no space may be put around an inserted term
    word_spaces: bool = True
    # Where a reader finds a text nobody translated into this locale yet, in
    # order (URL codes; the Japanese source always comes last).  The reasons
    # for each chain are in the README ("Fallback chains").
    fallback: tuple[str, ...] = ()


_CJK_JA = (
    '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", '
    '"Yu Gothic", Meiryo, system-ui, sans-serif'
)
_EASY = "ja-easy"
_LATIN = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif'

LOCALES: tuple[LocaleInfo, ...] = (
    LocaleInfo("ja", "ja", "ja", "Jpan", "日本語", "Japanese", "ja", _CJK_JA, "ja", word_spaces=False),
    LocaleInfo(
        "ja-easy", "ja@easy", None, "Jpan", "やさしい にほんご", "Easy Japanese", "ja", _CJK_JA, "ja",
        word_spaces=False,
    ),
    LocaleInfo("en", "en", "en", "Latn", "English", "English", "en", _LATIN, "en", fallback=(_EASY,)),
    LocaleInfo(
        "zh-hans", "zh_Hans", "zh", "Hans", "简体中文", "Chinese (Simplified)", "zh-Hans",
        '"PingFang SC", "Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif',
        "zh_Hans", word_spaces=False, fallback=(_EASY, "en"),
    ),
    LocaleInfo(
        "ko", "ko", "ko", "Kore", "한국어", "Korean", "ko",
        '"Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", system-ui, sans-serif',
        "ko", fallback=(_EASY, "en"),
    ),
    LocaleInfo("vi", "vi", "vi", "Latn", "Tiếng Việt", "Vietnamese", "vi", _LATIN, "vi", fallback=(_EASY, "en")),
    LocaleInfo("fil", "fil", "tl", "Latn", "Filipino", "Filipino (Tagalog)", "fil", _LATIN, "fil",
               fallback=("en", _EASY)),
    LocaleInfo("pt-br", "pt_BR", "pb", "Latn", "Português (Brasil)", "Portuguese (Brazil)", "pt-BR", _LATIN, "pt_BR",
               fallback=(_EASY, "en")),
    LocaleInfo("es", "es", "es", "Latn", "Español", "Spanish", "es", _LATIN, "es", fallback=(_EASY, "en")),
    LocaleInfo(
        "ne", "ne", "ne", "Deva", "नेपाली", "Nepali", "ne",
        '"Noto Sans Devanagari", "Kohinoor Devanagari", "Nirmala UI", Mangal, system-ui, sans-serif',
        "ne", fallback=("en", _EASY),
    ),
    LocaleInfo(
        "th", "th", "th", "Thai", "ไทย", "Thai", "th",
        '"Noto Sans Thai", Thonburi, "Leelawadee UI", Tahoma, system-ui, sans-serif',
        "th", word_spaces=False, fallback=(_EASY, "en"),
    ),
    LocaleInfo("id", "id", "id", "Latn", "Bahasa Indonesia", "Indonesian", "id", _LATIN, "id", fallback=(_EASY, "en")),
)

BY_CODE: dict[str, LocaleInfo] = {loc.code: loc for loc in LOCALES}
BY_BABEL_ID: dict[str, LocaleInfo] = {loc.babel_id: loc for loc in LOCALES}

SOURCE = BY_CODE["ja"]
EASY = BY_CODE["ja-easy"]
#: Every locale that gets a content catalog (all but the source).
TARGETS: tuple[LocaleInfo, ...] = tuple(loc for loc in LOCALES if loc.code != "ja")
#: The language machine translation pivots through (ja→en→X); where people
#: wrote the English, drafts for the other locales start from it (en→X).
PIVOT = BY_CODE["en"]
#: Locales machine translation can draft (an Argos code, not Japanese itself).
MT_TARGETS: tuple[LocaleInfo, ...] = tuple(loc for loc in TARGETS if loc.argos)


def fallback_chain(code: str, first: str | None = None) -> tuple[str, ...]:
    """Where a text not translated into ``code`` is read, in order, ending
    with the Japanese source: the table's chain, with the reader's choice
    ``first`` moved to the front when it is one of :func:`fallback_options`."""
    loc = get(code)
    if loc == SOURCE:
        return ()
    chain = [*loc.fallback, SOURCE.code]
    if first in fallback_options(code):
        chain = [first, *(c for c in chain if c != first)]
    return tuple(chain)


def fallback_options(code: str) -> tuple[str, ...]:
    """The languages a reader of ``code`` may choose for untranslated text
    (the "show untranslated text in" switch): the table's chain and the
    Japanese original.  Empty for Japanese and Easy Japanese, whose only
    fallback is the Japanese itself."""
    loc = get(code)
    if loc in (SOURCE, EASY):
        return ()
    return (*loc.fallback, SOURCE.code)


def get(code: str) -> LocaleInfo:
    """Look a locale up by URL code; raise a clear KeyError otherwise."""
    try:
        return BY_CODE[code]
    except KeyError:
        known = ", ".join(BY_CODE)
        raise KeyError(f"unknown locale {code!r}; known: {known}") from None


def by_babel_id(babel_id: str) -> LocaleInfo:
    try:
        return BY_BABEL_ID[babel_id]
    except KeyError:
        known = ", ".join(BY_BABEL_ID)
        raise KeyError(f"unknown catalog locale {babel_id!r}; known: {known}") from None


def negotiate(accept_language: str | None, default: str = "en") -> str:
    """Pick a URL code from an Accept-Language header.

    Written here rather than with Babel's ``negotiate_locale`` because of the
    aliasing traps above (``tl``→``fil_PH``, ``pt``→``pt_PT``, ``zh-CN`` vs
    ``zh_Hans``): we want explicit, predictable matches.
    """
    if not accept_language:
        return default
    candidates: list[tuple[float, int, str]] = []
    for pos, part in enumerate(accept_language.split(",")):
        piece = part.strip()
        if not piece:
            continue
        tag, _, params = piece.partition(";")
        q = 1.0
        for p in params.split(";"):
            p = p.strip()
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        candidates.append((-q, pos, tag.strip().lower()))
    candidates.sort()
    for negq, _pos, tag in candidates:
        if negq == 0 or tag == "*":
            continue
        code = _match_tag(tag)
        if code:
            return code
    return default


_ALIASES = {
    "tl": "fil",
    "fil": "fil",
    "pt": "pt-br",
    "pt-br": "pt-br",
    "zh": "zh-hans",
    "zh-cn": "zh-hans",
    "zh-sg": "zh-hans",
    "zh-hans": "zh-hans",
    "zh-hans-cn": "zh-hans",
    "ja-easy": "ja-easy",
}


def _match_tag(tag: str) -> str | None:
    if tag in _ALIASES:
        return _ALIASES[tag]
    if tag in BY_CODE:
        return tag
    # Traditional Chinese readers still read Simplified better than nothing,
    # but we do not pretend: only map when the script is not Hant.
    if tag.startswith("zh") and "hant" not in tag and "tw" not in tag and "hk" not in tag:
        return "zh-hans"
    primary = tag.split("-")[0]
    if primary in _ALIASES:
        return _ALIASES[primary]
    if primary in BY_CODE:
        return primary
    return None
