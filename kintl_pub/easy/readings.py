"""Readings: SudachiPy (split mode C, sudachidict-core) first, then the
human dictionary ``data/readings.tsv``, then context rules, with pykakasi as
a second opinion.

Where pykakasi reads a kanji word differently from the reading we keep, the
token carries ``alt`` and the word goes to the review queue
(:mod:`kintl_pub.easy.review`) instead of being decided silently.
Human overrides and context-rule readings are decisions already and are not
cross-checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from ..text import NUMBERED_MARKERS
from . import context, numerals, overrides
from .chars import KANJI_SEARCH as _KANJI_SEARCH
from .chars import KATA_TO_HIRA as _KATA_TO_HIRA
from .tokens import Token

_INFLECTING = frozenset(("動詞", "助動詞", "形容詞"))
#: pykakasi readings by surface, shared by every Reader in the process: pykakasi
#: scans its dictionary per lookup (~1–2 ms a word), so each word is asked once.
_KAKASI_CACHE: dict[str, str] = {}
_MARKER_SEARCH = re.compile(f"[{NUMBERED_MARKERS}]").search
_MARKER_SPLIT = re.compile(f"([{NUMBERED_MARKERS}])").split
_MARKER_POS = ("補助記号", "一般", "*", "*", "*", "*")
_NAME_POS = ("名詞", "固有名詞", "一般", "*", "*", "*")
_PREFIX_POS = ("接頭辞", "*", "*", "*", "*", "*")
#: prefixes that may stand before a dictionary entry inside one Sudachi word
_PREFIXES = {"同": "どう", "各": "かく", "全": "ぜん", "両": "りょう"}
_WORD_POS = ("名詞", "普通名詞", "一般", "*", "*", "*")
#: pykakasi spells some words differently without being wrong; compare on a
#: normalised form so those are not queued: katakana → hiragana, small ヶ/ヵ
#: as が/か, ー dropped, in one ``translate``
_NORMALISE = {**_KATA_TO_HIRA, ord("ゖ"): "が", ord("ゕ"): "か", ord("ヶ"): "が", ord("ヵ"): "か", ord("ー"): None}
_DIGIT_SEARCH = re.compile("[0-9０-９]").search


def _norm(reading: str) -> str:
    return reading.translate(_NORMALISE)


class Reader:
    """Thread-confined analyser (Sudachi tokenizers are not thread-safe)."""

    def __init__(self, overrides_path: Path = overrides.READINGS_TSV, *, cross_check: bool = True):
        self._tok = make_tokenizer("C")
        self.overrides = overrides.load(overrides_path)
        self._ov_re = (
            re.compile("|".join(re.escape(s) for s in sorted(self.overrides, key=len, reverse=True)))
            if self.overrides
            else None
        )
        self.cross_check = cross_check
        self._kakasi = None
        if cross_check:
            import pykakasi

            self._kakasi = pykakasi.kakasi()
        self._kakasi_cache = _KAKASI_CACHE
        self._pos_cache: dict[int, tuple[str, ...]] = {}
        #: tokens by dictionary word (the hot loop's look: an int key, the
        #: surface compared after), plain and cross-checked; a word written
        #: two ways (ＡＢＣ/abc, unknown words sharing an id) also by
        #: (surface, word) — see :meth:`_memo_token`
        self._token_by_id: dict[int, Token] = {}
        self._checked_by_id: dict[int, Token] = {}
        self._token_memo: dict[tuple[str, int], Token] = {}
        self._checked_memo: dict[tuple[str, int], Token] = {}
        #: called with each token whose readings disagree (the build queues them)
        self.on_disagreement: Callable[[Token], None] | None = None

    # -- raw Sudachi ------------------------------------------------------

    def sudachi(self, text: str, *, checked: bool = False) -> list[Token]:
        """Plain Sudachi tokens (readings in hiragana, kana kept as written);
        ``checked``: each kanji word already cross-checked with pykakasi (its
        ``alt`` set when the readers disagree), once per word."""
        # The hot loop of the whole stage: a text repeats its vocabulary, so a
        # token is built once per (surface, dictionary word) and shared (tokens
        # are never changed in place: rules make new ones with ``with_reading``).
        if _MARKER_SEARCH(text) is not None:
            # ①② are list markers, not numbers: each item is analysed on its own
            # (Sudachi read ①国の as a number and the suffix 国 こく)
            out = []
            for piece in _MARKER_SPLIT(text):
                if len(piece) == 1 and piece in NUMBERED_MARKERS:
                    out.append(Token(piece, piece, _MARKER_POS, piece, "kana"))
                elif piece:
                    out += self.sudachi(piece, checked=checked)
            return out
        out = []
        append = out.append
        get = (self._checked_by_id if checked else self._token_by_id).get
        for m in self._tok.tokenize(text):
            surface = m.surface()
            wid = m.word_id()
            tok = get(wid)
            # one dictionary word is nearly always written one way; where not
            # (ＡＢＣ/abc, out-of-vocabulary words sharing an id) the (surface,
            # word) memo decides: a token is a function of the two
            if tok is None or tok.surface != surface:
                tok = self._memo_token(m, surface, wid, checked)
            append(tok)
        return out

    def _memo_token(self, m, surface: str, wid: int, checked: bool) -> Token:
        """The token for (surface, dictionary word), made once per Reader: the
        word-id memo holds the word as last written, the (surface, word) memo
        the other ways it was written (no key tuple for most words)."""
        by_id = self._checked_by_id if checked else self._token_by_id
        memo = self._checked_memo if checked else self._token_memo
        tok = None
        other = by_id.get(wid)
        if other is not None:  # the same word written another way
            memo.setdefault((other.surface, wid), other)
            tok = memo.get((surface, wid))
        if tok is None:
            tok = self._token(m, surface)
            if checked and tok.source == "sudachi":
                # a new token, not shared yet: its alt is set, not copied
                tok.alt = self._alt(surface, tok.reading)
            if other is not None and len(memo) < 500_000:
                memo[(surface, wid)] = tok
        if len(by_id) < 500_000:
            by_id[wid] = tok
        return tok

    def _token(self, m, surface: str) -> Token:
        pid = m.part_of_speech_id()
        pos = self._pos_cache.get(pid)
        if pos is None:
            pos = self._pos_cache[pid] = tuple(m.part_of_speech())
        # only inflecting words need their dictionary form (rewrite rules)
        lemma = m.dictionary_form() if pos[0] in _INFLECTING else surface
        if _KANJI_SEARCH(surface) is None:
            return Token(surface, surface, pos, lemma, "kana")
        oov = m.is_oov()
        if (oov and pos[1] == "数詞") or (pos[1] == "固有名詞" and numerals.KANJI_NUMERAL.fullmatch(surface)):
            # numbers are read by rule (Sudachi read 三百 as a name, 8千 not at all)
            num = numerals.reading(surface)
            if num is not None:
                return Token(surface, num, ("名詞", "数詞", "*", "*", "*", "*"), surface, "rule:numerals")
        rd = m.reading_form().translate(_KATA_TO_HIRA)
        if not rd or rd == surface or oov:
            rd = surface  # unknown word: no reading rather than a wrong one
        return Token(surface, rd, pos, lemma, "sudachi")

    # -- overrides --------------------------------------------------------

    def _with_overrides(self, text: str, *, checked: bool = False) -> list[Token]:
        """Sudachi tokens with dictionary entries laid over them.

        An entry applies only where Sudachi starts a word, so 生田 is not
        found inside 先生田中.  Its end may fall inside a Sudachi word
        (元年 in 令和/元/年度): the rest of that word is analysed again.
        """
        full = self.sudachi(text, checked=checked)
        if self._ov_re is None or self._ov_re.search(text) is None:  # most lines
            return full
        matches = list(self._ov_re.finditer(text))
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for t in full:
            starts.append(pos)
            pos += len(t.surface)
            ends.append(pos)
        boundaries = set(starts)
        out: list[Token] = []
        i, n, pos = 0, len(full), 0
        for m in matches:
            a, b = m.span()
            # 同性的マイノリティ after 同幹事会: the prefix 同 ("the same") + an entry
            # (性的マイノリティ) that Sudachi read as one word with it (同性 + 的)
            prefixed = a not in boundaries and (a - 1) in boundaries and text[a - 1] in _PREFIXES
            if a < pos or not (a in boundaries or prefixed):
                continue
            while i < n and starts[i] < pos:  # a word cut by the previous entry
                if ends[i] > pos:
                    i, pos = self._rest_of_cut_word(text, out, i, pos, ends, a, checked)
                i += 1
            while i < n and ends[i] <= a - prefixed:
                out.append(full[i])
                i += 1
            if prefixed:
                out.append(Token(text[a - 1], _PREFIXES[text[a - 1]], _PREFIX_POS, text[a - 1], "rule:prefix"))
            surface = text[a:b]
            # a name if Sudachi saw one in it (溝口, 日本民家園), else a common word (板面, 施行日)
            name = False
            j = i
            while j < n and starts[j] < b:
                if len(full[j].pos) > 1 and full[j].pos[1] == "固有名詞":
                    name = True
                    break
                j += 1
            out.append(Token(surface, self.overrides[surface].reading,
                             _NAME_POS if name else _WORD_POS, surface, "override"))
            pos = b
        while i < n and starts[i] < pos:
            if ends[i] > pos:
                i, pos = self._rest_of_cut_word(text, out, i, pos, ends, len(text), checked)
            i += 1
        out.extend(full[i:])
        return out

    def _rest_of_cut_word(self, text: str, out: list[Token], i: int, pos: int, ends: list[int],
                          limit: int, checked: bool) -> tuple[int, int]:
        """Analyse again what an entry left of the Sudachi word it ended in.
        A single character left over (見 of 書見, after 申請書) is analysed with
        the next word (見本), not alone (見 as a verb)."""
        end = ends[i]
        if end - pos == 1 and i + 1 < len(ends) and ends[i + 1] <= limit:
            i += 1
            end = ends[i]
        out.extend(self.sudachi(text[pos:end], checked=checked))
        return i, end

    # -- cross-check ------------------------------------------------------

    def kakasi_reading(self, surface: str) -> str:
        cached = self._kakasi_cache.get(surface)
        if cached is None:
            assert self._kakasi is not None
            cached = "".join(part["hira"] for part in self._kakasi.convert(surface))
            self._kakasi_cache[surface] = cached
        return cached

    def _alt(self, surface: str, reading: str) -> str | None:
        """pykakasi's reading if it differs from ``reading`` (asked once per
        token the Reader makes: its caller keeps the token)."""
        if _DIGIT_SEARCH(surface) is not None or _KANJI_SEARCH(reading) is not None:
            return None
        k = self.kakasi_reading(surface)
        if k != reading and _norm(k) != _norm(reading):
            return k
        return None

    # -- public -----------------------------------------------------------

    def tokens(self, text: str) -> list[Token]:
        """Tokens with the reading we publish (override > context rule > Sudachi)."""
        if not self.cross_check:
            return context.apply(self._with_overrides(text), text)
        # cross-checked per word as the tokens are made; a context rule that
        # changes a reading drops ``alt`` (its reading is a decision)
        toks = context.apply(self._with_overrides(text, checked=True), text)
        report = self.on_disagreement
        if report is not None:
            for t in toks:
                if t.alt is not None:
                    report(t)
        return toks

    def reading(self, text: str) -> str:
        """Full hiragana reading: kanji replaced by their readings, everything
        else (kana, digits, Latin, punctuation) kept as written."""
        from .ruby import align

        return "".join(
            rd if rd is not None else part
            for t in self.tokens(text)
            for part, rd in align(t.surface, t.reading)
        )

    def disagreements(self, text: str) -> Iterable[Token]:
        return (t for t in self.tokens(text) if t.alt)


def kakasi_cache_path() -> Path:
    """Where ``easy build`` keeps pykakasi's readings between runs (runtime
    data under the instance folder, keyed by the pykakasi version)."""
    from importlib.metadata import version

    from ..project import instance_dir

    return instance_dir() / "easy" / f"pykakasi-{version('pykakasi')}.tsv"


def load_kakasi_cache(path: Path | None = None) -> int:
    path = path or kakasi_cache_path()
    if not path.exists():
        return 0
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        surface, _, reading = line.partition("\t")
        if surface and reading:
            _KAKASI_CACHE.setdefault(surface, reading)
            n += 1
    return n


def save_kakasi_cache(path: Path | None = None) -> None:
    path = path or kakasi_cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(_KAKASI_CACHE.items())), encoding="utf-8")
    tmp.replace(path)


def make_tokenizer(mode: str = "C"):
    """A SudachiPy tokenizer on sudachidict-core (``tokenizer()`` since 0.7,
    ``create()`` before), on the process's one dictionary."""
    from sudachipy import SplitMode

    d = _dictionary()
    split = getattr(SplitMode, mode)
    if hasattr(d, "tokenizer"):
        return d.tokenizer(mode=split)
    return d.create(mode=split)


@lru_cache(maxsize=1)
def _dictionary():
    """sudachidict-core, opened once per process and shared by every tokenizer
    (a tokenizer is thread-confined, the dictionary is not): a new Reader no
    longer opens the dictionary again, and the dictionary's own cache of the
    words' strings (readings, dictionary forms) stays filled, as it does for
    a long-lived tokenizer.  Nothing of ours is kept in it: per-word decisions
    live in the Reader."""
    from sudachipy import Dictionary

    return Dictionary(dict="core")
