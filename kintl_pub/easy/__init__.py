"""やさしい日本語 (Easy Japanese): readings, rewrite rules, glossary, metrics.

Only :mod:`kintl_pub.easy.markup` is meant for the web/PDF processes, and
:mod:`kintl_pub.easy.preserve` (pure Python) for the quality checks; every
other module here may import Sudachi and is used by batch commands.
May import: ``locales``, ``text``, ``project``, ``segment``, ``store``,
``catalogs.states``.
"""
