"""Content catalogs: segments' translations in the store and as .po files.

* ``states``   – the rules every writer goes through (machine never over a
  person, conflicts, approval by a second person) and ``resolve_many``;
* ``entries``  – distinct source texts with their places and context;
* ``po``       – store ↔ Babel catalogs (state ↔ flags/comments mapping);
* ``update``   – ``catalogs update`` / ``export`` and ``outdate``;
* ``importer`` – ``catalogs import`` and ``load_repo_catalogs``;
* ``compile``  – validation and ``.mo`` files; ``stats`` – counts per state.

The states themselves (``State``) are defined with the model in
``store.models``.  May import: ``locales``, ``project``, ``checks``,
``segment``, ``store``.  Never ``web``, ``easy`` analysis or ``mt``.
"""
