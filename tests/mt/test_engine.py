"""The batched engine on its own: one model call per chunk, cache by fingerprint."""

from __future__ import annotations

from kintl_pub.mt import packages
from kintl_pub.mt.cache import TranslationCache
from kintl_pub.mt.engine import DecodeOptions, Engine


def _ja_en() -> packages.PackageInfo:
    return next(p for p in packages.installed() if p.to_code == "en")


def test_batches_and_caches(installed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    opts = DecodeOptions(beam_size=2, max_decoding_length=10, chunk_size=3)
    cache = TranslationCache(tmp_path / "c.sqlite3")
    eng = Engine(cache=cache, options=opts)
    texts = ["一つ目。", "二つ目。", "三つ目。", "四つ目。", "一つ目。", ""]
    out = eng.translate(_ja_en(), texts)
    assert set(out) == set(texts)
    assert out[""] == ""
    assert eng.stats.calls == 2 and eng.stats.sentences == 4  # chunks of 3, duplicates once
    again = Engine(cache=TranslationCache(tmp_path / "c.sqlite3"), options=opts)
    assert again.translate(_ja_en(), texts) == out
    assert again.stats.calls == 0


def test_fingerprint_changes_with_model_and_options(installed) -> None:  # type: ignore[no-untyped-def]
    info = _ja_en()
    a = Engine(options=DecodeOptions(beam_size=2)).fingerprint(info)
    b = Engine(options=DecodeOptions(beam_size=4)).fingerprint(info)
    assert a != b and info.name in a and "@1.0" in a
