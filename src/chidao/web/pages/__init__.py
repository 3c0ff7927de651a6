"""Server-rendered pages in Vietnamese, on the same store, session cookie and access rules as the API.

One package per area of the site (``review``, ``tasks``, ``documents``, ``uploads``, ``agencies``,
``admin``, ``account``, ``reports``, ``calendar``, ``dashboard``), each with its routes and the
modules that build its pages' data; the helpers they share (``templating``, ``formats``, ``forms``,
``respond``, ``listing``, ``history``, ``notices``) sit here beside them, and ``routes.ROUTERS``
collects every area's router. ``setup.install(app)`` mounts the vendored static files and the page
routes on the API application; ``templating.build_templates()`` builds their Jinja2 environment.
This package and the area packages import nothing, so importing one page module never loads the
others.
"""
