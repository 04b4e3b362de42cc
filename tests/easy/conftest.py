from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def reader():
    from kintl_pub.easy.readings import Reader

    return Reader()


@pytest.fixture(scope="session")
def glossary():
    from kintl_pub.easy.rewrite.glossary import load

    return load()


@pytest.fixture(scope="session")
def pipeline():
    from kintl_pub.easy.build import Pipeline

    return Pipeline()


def plain_easy(pipeline, source: str, field: str = "plan") -> str:  # type: ignore[no-untyped-def]
    """The whole pipeline's Easy Japanese of one prose text, as plain text
    without gloss explanations (``field``: results are told in the past)."""
    from kintl_pub.easy import markup

    return markup.to_plain(pipeline.run(source, "p", field)[0], with_glosses=False)


def rules_easy(text: str, reader, glossary, *, past: bool = False) -> str:  # type: ignore[no-untyped-def]
    """The rewrite rules alone (no readings) on one text."""
    from kintl_pub.easy.rewrite import rewrite

    return rewrite(text, reader=reader, glossary=glossary, past=past).text
