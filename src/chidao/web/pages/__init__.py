"""Server-rendered pages in Vietnamese, on the same store, session cookie and access rules as the API.

``install(app)`` mounts the vendored static files and the page routes on the API application.
"""

from chidao.web.pages.setup import install

__all__ = ["install"]
