"""Full-text search: the index (built by batch steps) and querying it.

* ``index``    – build the index and tell whether it is stale (batch only:
  ``prepare``, ``search-index``, ``serve``/``build-static`` start-up);
* ``query``    – split a query into terms and find initiatives (the web's
  search view, through ``render.search``);
* ``commands`` – ``kintl-pub search-index``.

May import ``store``, ``segment``, ``locales``, ``catalogs.states`` (the text
a reader is shown) and ``easy.markup``; never Flask or ``web``.  The web
process imports ``query`` only: building the index is never a request's work.
"""
