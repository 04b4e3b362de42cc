"""The rewrite on mutated sheet text (held-out input nobody wrote a rule
for): cut, glued, reversed and re-punctuated sentences of the seed, with the
clause markers the rules look for dropped in at random places.  Whatever the
rules make of it, they must not raise, must write valid markup, and must
never lose a number, date or name without flagging it (``kept-source``)."""

from __future__ import annotations

import random

from sqlalchemy import select

from kintl_pub import segment
from kintl_pub.easy import markup, preserve
from kintl_pub.ingest.load import import_file
from kintl_pub.store.db import transaction
from kintl_pub.store.models import Segment

#: what the mutations insert: punctuation, brackets, list markers, and the
#: connectives and phrases the clause rules react to
_INSERTS = [*"、。・（）()「」①②ー～〜 \n", "については、", "により、", "ため、", "とともに、", "など、",
            "を行い、", "は、", "の影響により、", "を対象に、", "に向けて、", "であり、", "したり、",
            "2021年", "令和3年度", "10~12時"]
_FIELDS = (("p", None), ("p", "results"), ("li", None), ("label", None))


def _mutate(rng: random.Random, text: str) -> str:
    s = list(text)
    for _ in range(rng.randint(1, 4)):
        if not s:
            break
        i, op = rng.randrange(len(s)), rng.random()
        if op < 0.3:
            del s[i : i + rng.randint(1, 6)]
        elif op < 0.7:
            s[i:i] = list(rng.choice(_INSERTS))
        elif op < 0.85:
            j = rng.randrange(len(s))
            s[i:j] = s[i:j][::-1]
        else:
            s[i:i] = s[rng.randrange(len(s)) :][: rng.randint(1, 15)]
    return "".join(s)


def test_mutated_sheet_text_is_rewritten_safely(pipeline, engine, seed_path) -> None:  # type: ignore[no-untyped-def]
    with transaction(engine) as s:
        import_file(s, seed_path)
        segment.sync(s)
        sources = sorted(set(s.scalars(select(Segment.source))))
    rng = random.Random(20261202)
    problems = []
    for _ in range(300):
        src = _mutate(rng, rng.choice(sources))
        for kind, field in _FIELDS:
            marked, flags, _ = pipeline.run(src, kind, field)
            errors = markup.validate(marked)
            lost = [] if "kept-source" in flags else preserve.lost(src, markup.to_plain(marked, with_glosses=False))
            if errors or lost:
                problems.append((kind, field, src, errors, lost))
    assert not problems, problems[:3]
