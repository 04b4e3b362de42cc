"""Ingest: the city's progress sheet → ParsedSheet → store."""
