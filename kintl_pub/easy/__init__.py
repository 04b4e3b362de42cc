"""やさしい日本語 (Easy Japanese): readings, rewrite rules, glossary, metrics.

Only :mod:`kintl_pub.easy.markup` is meant for the web/PDF processes; every
other module here may import Sudachi and is used by batch commands.
"""
