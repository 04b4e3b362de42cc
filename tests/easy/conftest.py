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
