"""Benchmark: batched drafting vs ``argostranslate.translate.translate`` per segment.

Builds a realistically sized random-weight Argos package (Transformer 6+6
layers, d_model 512, 8 heads, FFN 2048, int8, SentencePiece vocabulary of
8000 trained on the seed), imports the seed sheet into a throwaway store,
then:

1. A/B rounds on the same segments: the sample is dealt into ``--rounds``
   slices of ``--round-size`` segments (each slice a similar mix of lengths);
   each round times argostranslate's own path (one ``translate(text, "ja", X)``
   per segment) and our batched engine (``Engine.translate`` of the same
   slice, no cache) back to back, alternating which goes first, so drift in
   the load of a shared machine hits both sides alike.  CPU time
   (``time.process_time``, all threads of this process) and wall time are
   recorded; the medians per round and the median of the per-round ratios
   are reported;
2. our full batched path (``kintl_pub.mt.translate.run`` = what
   ``kintl-pub translate --lang X`` does, store writes included; skip with
   ``--no-full``);
3. the same command again with nothing changed (model calls, wall time),
   in-process and as a CLI subprocess (imports included).

Random weights never emit end-of-sentence, so every hypothesis runs to the
decoding cap: both paths get the same ``max_decoding_length`` (argostranslate
has no setting for it, so its CTranslate2 translator is wrapped to pass it)
and the same beam size (argostranslate's default, 4).  Prints numbers; it
asserts nothing about timing.

    .venv-test/bin/python bench/mt_bench.py [--lang en] [--max-length 48]
        [--rounds 8] [--round-size 15] [--no-full]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
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
    from tests.mt import synthetic  # the test fixture that builds real Argos packages

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


def _argos_setup(argos_to: str, cap: int) -> Callable[[str], str]:
    """argostranslate's path as a user calls it, with our decoding cap passed through."""
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

    def one(text: str) -> str:
        return str(at.translate(text, "ja", argos_to))

    one("準備運転です。")  # warm-up: sentence splitter, first allocations
    return one


class _NoCache:
    """Stand-in for TranslationCache: every A/B round really runs the model."""

    def get_many(self, model: str, texts: Iterable[str]) -> dict[str, str]:
        return {}

    def put_many(self, model: str, pairs: dict[str, str]) -> None:
        return None


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) for one call."""
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="en", help="target URL code (en = direct ja→en; others pivot)")
    ap.add_argument("--max-length", type=int, default=48, help="max_decoding_length for both paths")
    ap.add_argument("--beam-size", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=8, help="A/B rounds")
    ap.add_argument("--round-size", type=int, default=15, help="segments per A/B round")
    ap.add_argument("--max-batch-size", type=int, default=0,
                    help="override DecodeOptions.max_batch_size for our path (0 = default)")
    ap.add_argument("--no-full", action="store_true",
                    help="skip the whole-sheet run of `translate` and the re-runs")
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
    from kintl_pub.mt import packages
    from tests.mt import synthetic

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
    from kintl_pub.store.db import transaction
    from kintl_pub.store.models import Segment

    with transaction() as s:
        sources = translate.segment_sources(s)
        n_segments = s.scalar(select(func.count(Segment.id)))
    print(f"{n_segments} segments, {len(sources)} distinct sources to translate into {lang.code}")

    from statistics import median

    from kintl_pub.mt.engine import DecodeOptions, Engine

    options = DecodeOptions(beam_size=args.beam_size, max_decoding_length=args.max_length)
    if args.max_batch_size:
        options.max_batch_size = args.max_batch_size
    steps = packages.plan_routes(packages.installed(), (lang,))[lang.code].steps

    # 1. A/B rounds: argostranslate per segment vs our engine, same slices
    n = args.rounds * args.round_size
    step = max(1, len(sources) // n)  # an even stride over the sheet, not its first N
    sample = sources[::step][:n]
    slices = [sample[r :: args.rounds] for r in range(args.rounds)]  # similar mixes of lengths
    argos_one = _argos_setup(lang.argos or "en", args.max_length)
    ab_engine = Engine(cache=_NoCache(), options=options)  # type: ignore[arg-type]
    for info in steps:  # load models outside the timing, as for argos
        ab_engine.model(info)._load()
    ab_engine.translate(steps[0], ["準備運転です。"])  # warm-up, as for argos

    def ours(texts: list[str]) -> None:
        for info in steps:
            out = ab_engine.translate(info, texts)
            texts = [out.get(t, "") for t in texts]

    print(f"A/B: {args.rounds} rounds x {args.round_size} segments (stride {step} over "
          f"{len(sources)}); batched: max_batch_size {options.max_batch_size}, chunk_size "
          f"{options.chunk_size}, inter_threads {options.inter_threads}, intra_threads "
          f"{options.intra_threads} (argostranslate: one segment per call, batch 32 tokens, "
          f"inter 1, intra 0 = all cores)")
    rows: list[tuple[float, float, float, float]] = []
    for r, texts in enumerate(slices):
        def run_argos(texts: list[str] = texts) -> None:
            for text in texts:
                argos_one(text)

        def run_ours(texts: list[str] = texts) -> None:
            ours(texts)

        if r % 2 == 0:
            a_cpu, a_wall = _timed(run_argos)
            b_cpu, b_wall = _timed(run_ours)
        else:
            b_cpu, b_wall = _timed(run_ours)
            a_cpu, a_wall = _timed(run_argos)
        rows.append((a_cpu, a_wall, b_cpu, b_wall))
        print(f"  round {r + 1} ({'argos first' if r % 2 == 0 else 'ours first'}, "
              f"{len(texts)} segs): argos cpu {a_cpu:6.2f} s wall {a_wall:6.2f} s | ours cpu "
              f"{b_cpu:6.2f} s wall {b_wall:6.2f} s | ratio cpu {a_cpu / b_cpu:4.2f}x wall "
              f"{a_wall / b_wall:4.2f}x | load {os.getloadavg()[0]:.1f}", flush=True)
    med = [median(col) for col in zip(*rows, strict=True)]
    r_cpu = median(a / b for a, _, b, _ in rows)
    r_wall = median(a / b for _, a, _, b in rows)
    per = args.round_size
    print(f"median per round ({per} segments): argos cpu {med[0]:.2f} s wall {med[1]:.2f} s "
          f"({per / med[1]:.2f} seg/s) | ours cpu {med[2]:.2f} s wall {med[3]:.2f} s "
          f"({per / med[3]:.2f} seg/s)")
    print(f"median speed-up: cpu {r_cpu:.2f}x, wall {r_wall:.2f}x (target >= 3x); "
          f"totals: cpu {sum(x[0] for x in rows) / sum(x[2] for x in rows):.2f}x, wall "
          f"{sum(x[1] for x in rows) / sum(x[3] for x in rows):.2f}x")

    if args.no_full:
        if tmp is not None:
            tmp.cleanup()
        return

    # 2. our full batched path (the `translate` command's code, store writes included)
    eng = Engine(options=options)
    for info in packages.installed():  # load models outside the timing
        eng.model(info)._load()
    c0, t0 = time.process_time(), time.perf_counter()
    with transaction() as s:
        report = translate.run(s, [lang.code], engine=eng)
    t_batch, c_batch = time.perf_counter() - t0, time.process_time() - c0
    print(f"kintl-pub batched, whole sheet: {len(sources)} segments in {t_batch:.1f} s wall, "
          f"{c_batch:.1f} s cpu = {len(sources) / t_batch:.2f} segments/s "
          f"({report.model_calls} model calls, {report.sentences_translated} sentences through "
          f"the model, {report.drafted} drafts stored); load average {os.getloadavg()[0]:.1f}")

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
