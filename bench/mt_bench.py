"""Benchmark: batched drafting vs ``argostranslate.translate.translate`` per segment.

Builds a realistically sized random-weight Argos package (Transformer 6+6
layers, d_model 512, 8 heads, FFN 2048, int8, SentencePiece vocabulary of
8000 trained on the seed), imports the seed sheet into a throwaway store,
then, side by side in one run:

1. argostranslate's own path, one ``translate(text, "ja", X)`` per segment;
2. our batched path (``kintl_pub.mt.translate.run`` = what
   ``kintl-pub translate --lang X`` does, store writes included);
3. the same command again with nothing changed (model calls, wall time),
   in-process and as a CLI subprocess (imports included).

Random weights never emit end-of-sentence, so every hypothesis runs to the
decoding cap: both paths get the same ``max_decoding_length`` (argostranslate
has no setting for it, so its CTranslate2 translator is wrapped to pass it)
and the same beam size (argostranslate's default, 4).  Prints numbers; it
asserts nothing about timing.

    .venv-test/bin/python bench/mt_bench.py [--lang en] [--max-length 48] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed" / "000_d887f43b9ee9cda1.txt"
sys.path.insert(0, str(ROOT))


def _configure(work: Path) -> dict[str, str]:
    env = {
        "KINTL_INSTANCE_DIR": str(work / "instance"),
        "ARGOS_PACKAGES_DIR": str(work / "instance" / "argos-packages"),
        "KINTL_MT_CACHE": str(work / "instance" / "mt-cache.sqlite3"),
        "DATABASE_URL": f"sqlite:///{work / 'instance' / 'bench.sqlite3'}",
        "ARGOS_DEVICE_TYPE": "cpu",
    }
    os.environ.update(env)
    return env


def _build_packages(out: Path, lang: str) -> list[Path]:
    from kintl_pub import locales
    from kintl_pub.mt import synthetic

    ja = synthetic.seed_lines(SEED)
    en = synthetic.ENGLISH_TEXT.splitlines()
    built = [synthetic.build_package(out, "ja", "en", ja + en, shape=synthetic.ARGOS_LIKE, seed=1)]
    argos = locales.get(lang).argos
    if argos != "en":
        other = synthetic.SPANISH_TEXT.splitlines()
        built.append(
            synthetic.build_package(out, "en", argos, en + other, shape=synthetic.ARGOS_LIKE, seed=2)
        )
    return built


def _load_seed() -> str:
    """Import the seed and fill the Segment table; returns how."""
    from kintl_pub.segment import sync
    from kintl_pub.store.db import init_db, transaction

    init_db()
    try:
        from kintl_pub.ingest.load import import_file

        with transaction() as s:
            import_file(s, SEED, who="bench")
            report = sync(s)
        return f"kintl-pub import + segment sync ({report.total} segments)"
    except Exception as exc:  # ingest is another stage: fall back to raw cells
        from kintl_pub.segment import source_hash, split_sentences
        from kintl_pub.store.models import Segment

        seen: set[str] = set()
        with transaction() as s:
            for cell in (c.strip() for ln in SEED.read_text("utf-8").splitlines() for c in ln.split("\t")):
                for sent in split_sentences(cell) if len(cell) > 1 else []:
                    if sent not in seen:
                        seen.add(sent)
                        s.add(Segment(key=f"bench/{len(seen)}", initiative_number=0, field="bench",
                                      ordinal=0, kind="p", block=0, source=sent,
                                      source_hash=source_hash(sent)))
        return f"raw seed cells split into sentences ({len(seen)}; import failed: {exc})"


class _CappedTranslator:
    """argostranslate calls ``translate_batch`` with no length limit; pass ours."""

    def __init__(self, inner: Any, max_decoding_length: int) -> None:
        self.inner = inner
        self.max_decoding_length = max_decoding_length

    def translate_batch(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("max_decoding_length", self.max_decoding_length)
        return self.inner.translate_batch(*args, **kwargs)


def _argos_per_segment(texts: list[str], argos_to: str, cap: int) -> float:
    import ctranslate2
    from argostranslate import settings
    from argostranslate import translate as at

    from kintl_pub.mt.packages import argos_package_module

    argos_package_module()
    at.get_installed_languages.cache_clear()
    translation = at.get_translation_from_codes("ja", argos_to)
    # CachedTranslation(PackageTranslation) or a CompositeTranslation of two
    parts = [translation.t1, translation.t2] if hasattr(translation, "t1") else [translation]
    for part in parts:
        pt = getattr(part, "underlying", part)
        pt.translator = _CappedTranslator(
            ctranslate2.Translator(
                str(pt.pkg.package_path / "model"), device=settings.device,
                inter_threads=settings.inter_threads, intra_threads=settings.intra_threads,
                compute_type=settings.compute_type,
            ),
            cap,
        )
    at.translate("準備運転です。", "ja", argos_to)  # warm-up: sentence splitter, first allocations
    t0 = time.perf_counter()
    for text in texts:
        at.translate(text, "ja", argos_to)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="en", help="target URL code (en = direct ja→en; others pivot)")
    ap.add_argument("--max-length", type=int, default=48, help="max_decoding_length for both paths")
    ap.add_argument("--beam-size", type=int, default=4)
    ap.add_argument("--limit", type=int, default=0,
                    help="time argostranslate on N segments spread over the sheet (0 = all)")
    ap.add_argument("--workdir", type=Path, default=None, help="keep files here (default: temp)")
    args = ap.parse_args()

    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="mt-bench-")
        work = Path(tmp.name)
    else:
        work = args.workdir
    env = _configure(work)

    from kintl_pub import locales
    from kintl_pub.mt import packages, synthetic

    lang = locales.get(args.lang)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    shape = synthetic.ARGOS_LIKE
    print(f"model: Transformer {shape.encoder_layers}+{shape.decoder_layers} layers, d_model "
          f"{shape.d_model}, {shape.heads} heads, ffn {shape.ffn}, vocab {shape.vocab_size}, "
          f"{shape.quantization}; beam {args.beam_size}, max_decoding_length {args.max_length}")
    t0 = time.perf_counter()
    for pkg in _build_packages(work / "models", lang.code):
        packages.install(pkg)
        print(f"built + installed {pkg.name} ({pkg.stat().st_size / 1e6:.1f} MB)")
    print(f"  ({time.perf_counter() - t0:.1f} s)")
    print("segments:", _load_seed())

    from sqlalchemy import func, select

    from kintl_pub.mt import translate
    from kintl_pub.mt.engine import DecodeOptions, Engine
    from kintl_pub.store.db import transaction
    from kintl_pub.store.models import Segment

    with transaction() as s:
        sources = translate.segment_sources(s)
        n_segments = s.scalar(select(func.count(Segment.id)))
    print(f"{n_segments} segments, {len(sources)} distinct sources to translate into {lang.code}")

    # 1. argostranslate, one call per segment
    # an even stride over the sheet, not its first N (labels first = short texts)
    step = max(1, len(sources) // args.limit) if args.limit else 1
    sample = sources[::step][: args.limit] if args.limit else sources
    t_argos = _argos_per_segment(sample, lang.argos or "en", args.max_length)
    argos_rate = len(sample) / t_argos
    print(f"argostranslate.translate per segment: {len(sample)} segments in {t_argos:.1f} s "
          f"= {argos_rate:.2f} segments/s")

    # 2. our batched path (the `translate` command's code, store writes included)
    options = DecodeOptions(beam_size=args.beam_size, max_decoding_length=args.max_length)
    eng = Engine(options=options)
    print(f"batched path: max_batch_size {options.max_batch_size}, inter_threads "
          f"{options.inter_threads}, intra_threads {options.intra_threads} (argostranslate: "
          f"one segment per call, inter 1, intra 0 = all cores)")
    for info in packages.installed():  # load models outside the timing, as for argos
        eng.model(info)._load()
    t0 = time.perf_counter()
    with transaction() as s:
        report = translate.run(s, [lang.code], engine=eng)
    t_batch = time.perf_counter() - t0
    batch_rate = len(sources) / t_batch
    print(f"kintl-pub batched: {len(sources)} segments in {t_batch:.1f} s = {batch_rate:.2f} "
          f"segments/s ({report.model_calls} model calls, {report.sentences_translated} "
          f"sentences through the model, {report.drafted} drafts stored)")
    print(f"speed-up: {batch_rate / argos_rate:.1f}x (target >= 3x); "
          f"load average now {os.getloadavg()[0]:.1f}")

    # 3. nothing changed: run again
    t0 = time.perf_counter()
    eng2 = Engine(options=options)
    with transaction() as s:
        again = translate.run(s, [lang.code], engine=eng2)
    t_again = time.perf_counter() - t0
    print(f"re-run, nothing changed: {again.model_calls} model calls, {again.drafted} drafts, "
          f"{t_again:.2f} s in-process (target < 2 s)")
    cli = [sys.executable, "-m", "kintl_pub", "translate", "--lang", lang.code, "--no-progress",
           "--beam-size", str(args.beam_size), "--max-length", str(args.max_length)]
    t0 = time.perf_counter()
    proc = subprocess.run(cli, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True)
    t_cli = time.perf_counter() - t0
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-300:]
    print(f"re-run as `kintl-pub translate --lang {lang.code}`: {t_cli:.2f} s wall "
          f"(exit {proc.returncode}; {last})")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
