"""View models: the one place that decides what a page says.

The stored source plus the catalogs, resolved for one locale into plain
dataclasses that every renderer reads (HTML today; the PDF and the JSON API
render the same models):

* ``shown``      – :class:`Shown` texts, the :class:`Resolver` (one query per
  page), a Shown as HTML, the sheet's numbering and rating scales;
* ``fields``     – a programme's prose fields and every field's heading;
* ``initiative`` – one initiative page;
* ``tree``       – the policy tree with its counts;
* ``charts``     – the overview charts (view models and SVG);
* ``search``     – search results, snippets and filter options;
* ``changes``    – what changed since a moment (source and translations);
* ``api``        – the JSON renderer of these models (``/api/v1/``);
* ``atom``       – the Atom renderer of ``changes`` (``/{lang}/changes.atom``).

May import ``store``, ``segment``, ``locales``, ``catalogs.states``,
``search.query`` and ``easy.markup``; never Flask or ``web``.  UI strings
come in as a ``gettext`` argument, so any renderer can pass its catalog.
"""
