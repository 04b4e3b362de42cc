"""Ingest: the city's progress sheet → ParsedSheet → store.

``parse.parse_sheet`` runs the stages (``decode`` → ``lines`` + ``rows`` →
``grouping`` → ``corrections`` → ``assemble`` → ``lossless``); ``load``
writes the result in one transaction; ``cells`` types single cells;
``model`` holds the plain dataclasses and errors.  May import: ``text``,
``project``, ``segment`` (the stored text format), ``store``; the
``import`` command also syncs segments and marks translations outdated.
"""
