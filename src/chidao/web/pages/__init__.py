"""Server-rendered pages in Vietnamese, on the same store, session cookie and access rules as the API.

``setup.install(app)`` mounts the vendored static files and the page routes on the API
application; ``templating.build_templates()`` builds their Jinja2 environment. The package
itself imports nothing, so importing one page module never loads the others.
"""
