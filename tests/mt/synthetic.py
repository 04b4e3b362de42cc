"""Build *valid* Argos ``.argosmodel`` packages with random weights.

A test fixture (``tests/mt/conftest.py``), also used by ``bench/mt_bench.py``
(which imports it as ``tests.mt.synthetic``): both need real packages that go
through argostranslate's real install → load → translate path, offline, and
no real model may be downloaded.  A package built here holds exactly what
argostranslate 1.11 reads (see ``argostranslate/package.py`` and ``sbd.py``):

* ``metadata.json``  (from_code, to_code, package_version, argos_version …);
* ``model/``         a CTranslate2 Transformer from ``ctranslate2.specs``
                     with random weights (the output text is garbage, the
                     shapes, vocabulary and file format are real);
* ``sentencepiece.model`` trained with SentencePiece on local text;
* ``minisbd/<lang>.onnx`` a sentence splitter.  Without it argostranslate's
  ``MiniSBDSentencizer`` would *download* a model from GitHub on first use.
  The ``onnx`` package is not a dependency, so the tiny ONNX graph (one
  ``Gather`` from a per-character logits table: 。！？.!? end a sentence,
  every other character ends a token) is written with a few lines of
  protobuf wire encoding below.

Needs the ``mt`` extra (ctranslate2, sentencepiece, numpy).
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# --------------------------------------------------------------------------
# Model shape
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelShape:
    encoder_layers: int = 1
    decoder_layers: int = 1
    d_model: int = 32
    heads: int = 2
    ffn: int = 64
    vocab_size: int = 1600  # SentencePiece pieces; the CT2 vocabulary is padded up to it
    quantization: str | None = None  # e.g. "int8" like the published Argos models


TINY = ModelShape()
#: What the published Argos packages look like (OpenNMT-py Transformer base, int8).
ARGOS_LIKE = ModelShape(6, 6, 512, 8, 2048, 8000, "int8")

NAMES = {
    "ja": "Japanese", "en": "English", "es": "Spanish", "zh": "Chinese", "ko": "Korean",
    "vi": "Vietnamese", "tl": "Tagalog", "pb": "Portuguese (Brazil)", "ne": "Nepali",
    "th": "Thai", "id": "Indonesian",
}

# --------------------------------------------------------------------------
# Local text to train SentencePiece on (written here, so no download)
# --------------------------------------------------------------------------

ENGLISH_TEXT = """\
Kawasaki City promotes international exchange and multicultural coexistence.
The city supports foreign residents with information in many languages.
In fiscal year 2021 the project was carried out as planned.
The target was achieved as planned, despite the effects of the novel coronavirus.
We will continue to work with universities, companies and citizens.
The consultation desk answered 1,234 questions from residents of 52 countries.
Events were held online to prevent the spread of infection.
King Skyfront is an innovation hub for life sciences on the Tonomachi area.
The Haneda connecting road was completed and opened to traffic in March 2022.
Port logistics with overseas partners will be strengthened step by step.
Children with foreign roots receive Japanese language support at school.
Disaster prevention information is provided in easy Japanese and other languages.
The international centre organises volunteer training and cultural events.
Results: 3 seminars, 120 participants, and 15 companies took part.
The plan will be reviewed and improved from the next fiscal year onward.
"""

SPANISH_TEXT = """\
La ciudad de Kawasaki promueve el intercambio internacional.
El proyecto se llevó a cabo según lo previsto en el año fiscal 2021.
Seguiremos trabajando con universidades, empresas y ciudadanos.
Se celebraron eventos en línea para evitar la propagación de la infección.
"""


def seed_lines(seed: Path) -> list[str]:
    """Japanese cells of the seed sheet, one per line, for SentencePiece."""
    out: list[str] = []
    for line in seed.read_text(encoding="utf-8").splitlines():
        for cell in line.split("\t"):
            cell = cell.strip()
            if len(cell) > 1:
                out.append(cell)
    return out


def train_sentencepiece(lines: Iterable[str], vocab_size: int, dest: Path) -> Path:
    """Train a unigram SentencePiece model on ``lines``; returns the .model path."""
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)),
        model_writer=buf,
        vocab_size=vocab_size,
        character_coverage=1.0,
        model_type="unigram",
        hard_vocab_limit=False,  # small corpora cannot always fill the vocabulary
        minloglevel=2,
    )
    dest.write_bytes(buf.getvalue())
    return dest


# --------------------------------------------------------------------------
# CTranslate2 model with random weights
# --------------------------------------------------------------------------


def _shape_for(name: str, shape: ModelShape, src_v: int, tgt_v: int) -> tuple[int, ...]:
    d, f = shape.d_model, shape.ffn
    parts = name.split("/")
    leaf, parent = parts[-1], parts[-2] if len(parts) > 1 else ""
    if leaf in ("gamma", "beta"):
        return (d,)
    if parent.startswith("embeddings"):
        return (src_v if parts[0] == "encoder" else tgt_v, d)
    if parent == "projection":
        return (tgt_v, d)
    block = parts[-3]
    if parent == "linear_0" and block == "ffn":
        return (f, d)
    if parent == "linear_1" and block == "ffn":
        return (d, f)
    if block == "self_attention":
        return (3 * d, d) if parent == "linear_0" else (d, d)
    if block == "attention":  # decoder cross-attention: q, fused kv, output
        return (2 * d, d) if parent == "linear_1" else (d, d)
    raise ValueError(f"unexpected variable {name}")


def build_ct2_model(
    dest: Path, vocabulary: list[str], shape: ModelShape, *, seed: int = 0
) -> Path:
    """Write a random-weight CTranslate2 Transformer into ``dest``."""
    import numpy as np
    from ctranslate2.specs import TransformerSpec
    from ctranslate2.specs.model_spec import index_spec

    spec = TransformerSpec.from_config(
        (shape.encoder_layers, shape.decoder_layers), shape.heads
    )
    rng = np.random.default_rng(seed)
    v = len(vocabulary)
    for name, value in spec.variables().items():
        if value is not None:
            continue
        dims = _shape_for(name, shape, v, v)
        if name.endswith("gamma"):
            arr = np.ones(dims, dtype=np.float32)
        elif name.endswith("beta"):
            arr = np.zeros(dims, dtype=np.float32)
        else:
            arr = (rng.standard_normal(dims) * 0.05).astype(np.float32)
        scope, _, attr = name.rpartition("/")
        setattr(index_spec(spec, scope), attr, arr)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    # What ctranslate2.converters.Converter.convert does after loading a model.
    spec.validate()
    spec.optimize(quantization=shape.quantization)
    dest.mkdir(parents=True, exist_ok=True)
    spec.save(str(dest))
    return dest


def vocabulary_of(sp_model: Path, size: int) -> list[str]:
    """SentencePiece pieces as the CT2 vocabulary (<unk>, <s>, </s> first),
    padded to ``size`` so the embedding matrices have a realistic shape."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab += [f"<extra_{i}>" for i in range(max(0, size - len(vocab)))]
    return vocab


# --------------------------------------------------------------------------
# MiniSBD sentence splitter as a hand-written ONNX graph
# --------------------------------------------------------------------------


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _f_int(field: int, n: int) -> bytes:
    return _varint(field << 3) + _varint(n)


def _f_bytes(field: int, data: bytes | str) -> bytes:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return _varint((field << 3) | 2) + _varint(len(data)) + data


def _value_info(name: str, elem_type: int, dims: list[int | str]) -> bytes:
    dim_msgs = b"".join(
        _f_bytes(1, _f_bytes(2, d) if isinstance(d, str) else _f_int(1, d)) for d in dims
    )
    tensor_type = _f_int(1, elem_type) + _f_bytes(2, dim_msgs)
    return _f_bytes(1, name) + _f_bytes(2, _f_bytes(1, tensor_type))


_FLOAT, _INT64 = 1, 7
SENTENCE_END = "。！？.!?"


def minisbd_onnx(chars: Iterable[str], lang: str) -> bytes:
    """A MiniSBD-compatible ONNX model: ``units`` [B,N] int64 and ``features``
    [B,N,1] float in, per-character logits [B,N,5] out (class 1 = end of
    token, 2 = end of sentence), with the config/vocab MiniSBD reads from the
    model's metadata."""
    units = ["<PAD>", "<UNK>", *sorted(set(chars) - {"<PAD>", "<UNK>"})]
    rows: list[float] = []
    for u in units:
        cls = 0 if u == "<PAD>" else 2 if u in SENTENCE_END else 1
        rows.extend(8.0 if k == cls else 0.0 for k in range(5))
    table = (
        _f_int(1, len(units)) + _f_int(1, 5) + _f_int(2, _FLOAT)
        + _f_bytes(8, "table") + _f_bytes(9, struct.pack(f"<{len(rows)}f", *rows))
    )
    node = _f_bytes(1, "table") + _f_bytes(1, "units") + _f_bytes(2, "logits") + _f_bytes(
        3, "gather"
    ) + _f_bytes(4, "Gather")
    graph = (
        _f_bytes(1, node)
        + _f_bytes(2, "minisbd_synthetic")
        + _f_bytes(5, table)
        + _f_bytes(11, _value_info("units", _INT64, ["B", "N"]))
        + _f_bytes(11, _value_info("features", _FLOAT, ["B", "N", 1]))
        + _f_bytes(12, _value_info("logits", _FLOAT, ["B", "N", 5]))
    )
    vocab = {
        "lang": lang, "idx": 0, "cutoff": 0, "lower": False,
        "_id2unit": units, "_unit2id": {u: i for i, u in enumerate(units)},
    }
    config = {"feat_funcs": ["space_before"], "use_dictionary": False, "num_dict_feat": 0,
              "batch_size": 32, "max_seqlen": 1000, "skip_newline": False}
    meta = {"lang_code": lang, "config": json.dumps(config), "vocab": json.dumps(vocab),
            "lexicon": "null"}
    props = b"".join(_f_bytes(14, _f_bytes(1, k) + _f_bytes(2, v)) for k, v in meta.items())
    return (
        _f_int(1, 8)  # ir_version
        + _f_bytes(2, "kintl-pub synthetic")
        + _f_bytes(7, graph)
        + _f_bytes(8, _f_bytes(1, "") + _f_int(2, 13))  # opset 13
        + props
    )


# --------------------------------------------------------------------------
# The package
# --------------------------------------------------------------------------


def build_package(
    out_dir: Path,
    from_code: str,
    to_code: str,
    training_lines: list[str],
    *,
    shape: ModelShape = TINY,
    package_version: str = "1.0",
    seed: int = 0,
) -> Path:
    """Build ``translate-<from>_<to>-<version>.argosmodel`` in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        root.mkdir()
        sp_path = train_sentencepiece(training_lines, shape.vocab_size, root / "sentencepiece.model")
        build_ct2_model(root / "model", vocabulary_of(sp_path, shape.vocab_size), shape, seed=seed)
        (root / "minisbd").mkdir()
        chars = {c for line in training_lines for c in line} | set(SENTENCE_END) | {" "}
        (root / "minisbd" / f"{from_code}.onnx").write_bytes(minisbd_onnx(chars, from_code))
        metadata = {
            "package_version": package_version,
            "argos_version": "1.11.0",
            "from_code": from_code,
            "from_name": NAMES.get(from_code, from_code),
            "to_code": to_code,
            "to_name": NAMES.get(to_code, to_code),
            "type": "translate",
            "links": [],
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (root / "README.md").write_text(
            "Synthetic package with random weights (kintl-pub tests/benchmarks).\n",
            encoding="utf-8",
        )
        target = out_dir / f"{name}.argosmodel"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(root.rglob("*")):
                zf.write(path, path.relative_to(root.parent).as_posix())
        shutil.rmtree(root)
    return target
