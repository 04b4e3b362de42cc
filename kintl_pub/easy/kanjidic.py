"""Per-kanji readings from KANJIDIC, for mono-ruby (one reading per kanji).

KANJIDIC (Electronic Dictionary Research and Development Group, CC BY-SA 4.0;
Debian package ``kanjidic``, file ``/usr/share/edict/kanjidic``, EUC-JP text)
lists the on (katakana) and kun (hiragana, ``.`` before the okurigana)
readings of every JIS X 0208 kanji.  :func:`split` spreads a word's reading
over its kanji where the reading is a sequence of those readings, allowing
the sound changes of compounds: rendaku (かわ → がわ), small tsu (がく → がっ),
h → p after ん/っ (ほ → ぽ) and 々 repeating the kanji before it.  A word whose
reading does not split that way (熟字訓: 今日 きょう, 大人 おとな) keeps one
reading over the whole word (group ruby).

No file, no mono-ruby: the build still works and writes group ruby, and the
rules version (:mod:`.version`) records which of the two a draft was made with.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .chars import to_hiragana

DEFAULT_PATH = Path("/usr/share/edict/kanjidic")
#: kana the KANJIDIC lines write before the name readings (T1/T2 sections)
_NAME_SECTION = ("T1", "T2")

_VOICED = dict(zip("かきくけこさしすせそたちつてとはひふへほ", "がぎぐげござじずぜぞだぢづでどばびぶべぼ", strict=True))
_SEMI_VOICED = dict(zip("はひふへほ", "ぱぴぷぺぽ", strict=True))
#: rendaku turns ち/つ into ぢ/づ, which modern spelling writes じ/ず
_MODERN = {"ぢ": "じ", "づ": "ず"}
_SOKUON_FROM = "つちくき"
#: marks that live inside kanji words (霞ヶ関, 〆切)
_EXTRA = {"ヶ": ("が", "か", "こ", "け"), "ヵ": ("か", "が"), "〆": ("しめ",), "〇": ("まる", "れい")}


def path() -> Path | None:
    """The KANJIDIC file, or None when it is not installed (``KINTL_KANJIDIC``
    names another place; ``KINTL_KANJIDIC=`` (empty) turns it off)."""
    env = os.environ.get("KINTL_KANJIDIC")
    p = DEFAULT_PATH if env is None else (Path(env) if env else None)
    return p if p is not None and p.is_file() else None


def edition() -> str:
    """Which KANJIDIC shaped the ruby ("none" without the file): part of the rules version."""
    p = path()
    if p is None:
        return "none"
    with p.open("rb") as fh:
        first = fh.readline().decode("euc_jp", errors="replace")
    return first.strip().rsplit("/", 2)[-2] if first.count("/") >= 2 else str(p.stat().st_size)


def _variants(reading: str) -> set[str]:
    out = {reading}
    if reading[0] in _VOICED:
        v = _VOICED[reading[0]]
        out.add(_MODERN.get(v, v) + reading[1:])
        out.add(v + reading[1:])
    if reading[0] in _SEMI_VOICED:
        out.add(_SEMI_VOICED[reading[0]] + reading[1:])
    for r in list(out):
        if len(r) > 1 and r[-1] in _SOKUON_FROM:
            out.add(r[:-1] + "っ")
    if reading.endswith("う") and len(reading) > 2:  # じゅう → じゅっ (十)
        out.add(reading[:-1] + "っ")
    return out


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, ...]]:
    """kanji → every reading it may take in a compound (hiragana, sound changes
    included), longest first."""
    p = path()
    if p is None:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    text = p.read_bytes().decode("euc_jp", errors="replace")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split(" {", 1)[0].split()
        if len(fields) < 2:
            continue
        readings: set[str] = set()
        for f in fields[2:]:
            if f in _NAME_SECTION:
                break  # name readings (nanori) fit too many splits of ordinary words
            if not ("\u3041" <= f[0] <= "\u30ff" or f[0] == "-"):
                continue  # an index code (B12, S8, …)
            stem = to_hiragana(f.split(".", 1)[0].strip("-"))
            if stem:
                readings |= _variants(stem)
            if "." in f:  # names drop the okurigana: 幸 さいわ(い) in 幸区 さいわいく
                readings |= _variants(to_hiragana(f.replace(".", "").strip("-")))
        if readings:
            found[fields[0]] = tuple(sorted(readings, key=lambda r: (-len(r), r)))
    return found


def split(kanji: str, reading: str) -> list[tuple[str, str]] | None:
    """(kanji, reading) pieces of a kanji run: one piece per kanji where its
    reading is a KANJIDIC reading, and as few kanji as possible in group pieces
    for the rest (日本貿易 にほんぼうえき → 日本|にほん, 貿|ぼう, 易|えき; 今日
    きょう stays one piece).  None when no kanji can have its own reading."""
    n = len(kanji)
    if n < 2:
        return None
    tab = table()
    if not tab:
        return None  # no KANJIDIC: group ruby
    sets = _sets()
    m = len(reading)
    empty = _EMPTY
    if n == 2:  # most compounds, in a few set lookups
        k0, k1 = kanji[0], kanji[1]
        s0 = sets.get(k0, empty)
        s1 = s0 if k1 == "々" else sets.get(k1) or frozenset(_EXTRA.get(k1, ()))
        for e in range(m - 1, 0, -1):
            head = reading[:e]
            if head in s0:
                tail = reading[e:]
                if tail in s1:
                    return [(k0, head), (k1, tail)]
        return None  # two kanji that do not align are one group (今日, 日本)
    look = [sets.get(kanji[i - 1] if ch == "々" and i else ch) or frozenset(_EXTRA.get(ch, ()))
            for i, ch in enumerate(kanji)]
    mono = _cut(look, reading, 0, 0)  # the common case, cheaply: every kanji has its reading
    if mono is not None:
        return list(zip(kanji, mono, strict=True))
    cands: list[tuple[str, ...]] = []
    for i, ch in enumerate(kanji):
        if ch == "々":
            cands.append(tab.get(kanji[i - 1], ()) if i else ())
        else:
            cands.append(_EXTRA.get(ch) or tab.get(ch, ()))
    Cost = tuple[int, int, int]  # kanji in groups; groups whose last, first kanji could read alone
    best: dict[tuple[int, int], tuple[Cost, list[tuple[str, str]]] | None] = {}

    def walk(i: int, j: int) -> tuple[Cost, list[tuple[str, str]]] | None:
        """(cost, pieces) for kanji[i:] read as reading[j:]."""
        if i == n:
            return ((0, 0, 0), []) if j == m else None
        key = (i, j)
        if key in best:
            return best[key]
        found: tuple[Cost, list[tuple[str, str]]] | None = None
        for r in cands[i]:
            if reading.startswith(r, j) and m - j - len(r) >= n - i - 1:
                rest = walk(i + 1, j + len(r))
                if rest is not None and (found is None or rest[0] < found[0]):
                    found = (rest[0], [(kanji[i], r), *rest[1]])
                    if rest[0][0] == 0:
                        break
        if found is None or found[0][0] > 0:
            # a group of two or more kanji with whatever reading fits (熟字訓);
            # of two equally long groups prefer the one whose ends do not read
            # alone (茨城|いばらき 県|けん, not 茨|いばら 城県|きけん)
            for k in range(i + 2, n + 1):
                for e in range(j + 1, m - (n - k) + 1):
                    rest = walk(k, e)
                    if rest is None or (found is not None and rest[0][0] + k - i > found[0][0]):
                        continue
                    g = reading[j:e]
                    end = any(g.endswith(r) and g != r for r in cands[k - 1])
                    start = any(g.startswith(r) and g != r for r in cands[i])
                    c = (rest[0][0] + k - i, rest[0][1] + end, rest[0][2] + start)
                    if found is None or c < found[0]:
                        found = (c, [(kanji[i:k], g), *rest[1]])
        best[key] = found
        return found

    got = walk(0, 0)
    if got is None or got[0][0] == n:
        return None
    return got[1]


_EMPTY: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in table().items()}


def _cut(look: list[frozenset[str]], reading: str, i: int, j: int) -> list[str] | None:
    """One reading per kanji for look[i:] over reading[j:], the longest that
    fits first (no groups): a set lookup per cut, a few dozen per word."""
    n, m = len(look), len(reading)
    if i == n:
        return [] if j == m else None
    left = n - i - 1
    for e in range(m - left, j, -1):
        if reading[j:e] in look[i]:
            rest = _cut(look, reading, i + 1, e)
            if rest is not None:
                return [reading[j:e], *rest]
    return None
