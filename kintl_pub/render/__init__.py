"""Renderers' shared view models: stored source + catalogs → what a reader sees."""
