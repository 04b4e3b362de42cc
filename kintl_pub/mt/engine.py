"""Batched translation with the files of installed Argos packages.

``argostranslate.translate.translate`` handles one text at a time: sentence
splitting (MiniSBD/stanza), tokenizing, then ``translate_batch`` with
``max_batch_size=32, batch_type="tokens"`` (often one sentence per batch).
Our segments are already sentences, so we skip the splitter and feed
CTranslate2 many sentences per call, tokenized in one SentencePiece batch:
that is where the speed-up comes from (see ``bench/mt_bench.py``).

Packages are found by argostranslate's own package code (``packages.py``);
here we only open what it installed: ``model/`` with CTranslate2 and
``sentencepiece.model`` with SentencePiece (``bpe.model`` packages fall back
to argostranslate's own tokenizer).  Nothing is ever downloaded.

Batch-only module: importing it imports ctranslate2.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .cache import TranslationCache
from .packages import PackageInfo, require_mt


@dataclass
class DecodeOptions:
    beam_size: int = 4  # argostranslate's default (ARGOS_BEAM_SIZE)
    max_decoding_length: int = 256  # CTranslate2's default
    max_batch_size: int = 32  # sentences per CTranslate2 batch
    chunk_size: int = 64  # sentences per model call: several batches, progress granularity
    device: str = "cpu"
    # Same threading as argostranslate (one worker using every core).  Two
    # workers with one core each (inter_threads=2, intra_threads=1) and batches
    # of 16 were tried on the shared 2-CPU box: not a clear win under its load.
    inter_threads: int = 1
    intra_threads: int = 0  # 0 = all cores
    compute_type: str = "auto"  # int8 models run int8 on CPU

    def key(self) -> str:
        return f"beam{self.beam_size}-len{self.max_decoding_length}"


@dataclass
class Stats:
    calls: int = 0  # translate_batch calls
    sentences: int = 0  # sentences sent to a model
    per_package: dict[str, int] = field(default_factory=dict)  # calls per package
    sentences_per_package: dict[str, int] = field(default_factory=dict)


class PairModel:
    """One installed package, loaded lazily."""

    def __init__(self, info: PackageInfo, options: DecodeOptions, stats: Stats) -> None:
        self.info = info
        self.options = options
        self.stats = stats
        self._translator: Any = None
        self._encode: Callable[[list[str]], list[list[str]]] | None = None
        self._decode: Callable[[list[str]], str] | None = None
        self._target_prefix = ""

    def _load(self) -> None:
        import ctranslate2

        o = self.options
        self._translator = ctranslate2.Translator(
            str(self.info.path / "model"),
            device=o.device,
            compute_type=o.compute_type,
            inter_threads=o.inter_threads,
            intra_threads=o.intra_threads,
        )
        sp_model = self.info.path / "sentencepiece.model"
        if sp_model.exists():
            import sentencepiece as spm

            sp = spm.SentencePieceProcessor(model_file=str(sp_model))
            self._encode = lambda texts: sp.encode(texts, out_type=str)
            self._decode = sp.decode_pieces
        else:  # legacy BPE packages: argostranslate's tokenizer, one sentence at a time
            from argostranslate.tokenizer import BPETokenizer

            tok = BPETokenizer(self.info.path / "bpe.model", self.info.from_code, self.info.to_code)
            self._encode = lambda texts: [tok.encode(t) for t in texts]
            self._decode = tok.decode
        import json

        meta = json.loads((self.info.path / "metadata.json").read_text(encoding="utf-8"))
        self._target_prefix = meta.get("target_prefix", "") or ""

    def translate(self, texts: list[str]) -> list[str]:
        """Translate sentences; one ``translate_batch`` call."""
        if not texts:
            return []
        if self._translator is None:
            self._load()
        assert self._encode is not None and self._decode is not None
        o = self.options
        tokens = self._encode(texts)
        prefix = [[self._target_prefix]] * len(tokens) if self._target_prefix else None
        results = self._translator.translate_batch(
            tokens,
            target_prefix=prefix,
            beam_size=o.beam_size,
            max_decoding_length=o.max_decoding_length,
            max_batch_size=o.max_batch_size,
            batch_type="examples",
            replace_unknowns=True,
            length_penalty=0.2,  # as argostranslate
        )
        self.stats.calls += 1
        self.stats.sentences += len(texts)
        key = self.info.name
        self.stats.per_package[key] = self.stats.per_package.get(key, 0) + 1
        per = self.stats.sentences_per_package
        per[key] = per.get(key, 0) + len(texts)
        out: list[str] = []
        for r in results:
            text = self._decode(r.hypotheses[0]).replace("▁", " ").strip()
            if self._target_prefix and text.startswith(self._target_prefix):
                text = text[len(self._target_prefix):].lstrip()
            out.append(text)
        return out


class Engine:
    """Translate lists of sentences along package routes, cached."""

    def __init__(
        self,
        cache: TranslationCache | None = None,
        options: DecodeOptions | None = None,
    ) -> None:
        require_mt()
        self.options = options or DecodeOptions()
        self.cache = cache or TranslationCache()
        self.stats = Stats()
        self._models: dict[str, PairModel] = {}

    def model(self, info: PackageInfo) -> PairModel:
        key = str(info.path)
        if key not in self._models:
            self._models[key] = PairModel(info, self.options, self.stats)
        return self._models[key]

    def fingerprint(self, info: PackageInfo) -> str:
        return f"{info.fingerprint()}|{self.options.key()}"

    def translate(
        self,
        info: PackageInfo,
        texts: list[str],
        progress: Callable[[int], None] | None = None,
    ) -> dict[str, str]:
        """Translate unique ``texts`` with one package; cached ones cost nothing."""
        unique = [t for t in dict.fromkeys(texts) if t]
        fp = self.fingerprint(info)
        done = self.cache.get_many(fp, unique)
        todo = [t for t in unique if t not in done]
        # Similar lengths in one call waste less padding; CTranslate2 sorts
        # within a call, sorting here also makes the chunks homogeneous.
        todo.sort(key=len)
        if progress is not None and done:
            progress(len(done))  # cached ones count as done on the bar
        model = self.model(info)
        size = max(1, self.options.chunk_size)
        for i in range(0, len(todo), size):
            chunk = todo[i : i + size]
            fresh = dict(zip(chunk, model.translate(chunk), strict=True))
            self.cache.put_many(fp, fresh)
            done.update(fresh)
            if progress is not None:
                progress(len(chunk))
        if "" in texts:
            done[""] = ""
        return done


def versions() -> dict[str, str]:
    """Installed versions of the MT stack, for provenance."""
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str] = {}
    for dist in ("argostranslate", "ctranslate2", "sentencepiece"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = "unknown"
    return out
