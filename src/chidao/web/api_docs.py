"""The API's documentation page (``/api/v1/docs``), served whole by chidao.

FastAPI's own page loads Swagger UI from a public CDN and starts it with an inline script: on an
intranet without internet it is a blank page, and the inline script needs a looser
Content-Security-Policy than the rest of the site (issue 14, item 5). Here Swagger UI's files
are vendored (``static/vendor/swagger-ui/``: Swagger UI 5, which reads OpenAPI 3.1 as FastAPI
writes it; Apache-2.0, its LICENSE and NOTICE beside them) and the page starts it from a file of
ours (``static/api-docs.js``): it needs nothing from another host and no inline script.
"""

from __future__ import annotations

from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from chidao.messages import msg

PAGE = """<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} · API</title>
  <link rel="stylesheet" href="{assets}/swagger-ui.css">
  <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body data-openapi="{openapi}">
  <div id="swagger-ui"><p>{loading}</p></div>
  <script src="{assets}/swagger-ui-bundle.js"></script>
  <script src="/static/api-docs.js"></script>
</body>
</html>
"""


ASSETS = "/static/vendor/swagger-ui"


def install(app: FastAPI, prefix: str) -> None:
    """``{prefix}/docs`` on ``app`` (created with ``docs_url=None``)."""
    app.state.api_docs_page = PAGE.format(
        title=escape(app.title),
        assets=ASSETS,
        openapi=escape(app.openapi_url or ""),
        loading=escape(msg("api_docs.loading")),
    )
    app.add_api_route(f"{prefix}/docs", api_docs, methods=["GET"], include_in_schema=False)


def api_docs(request: Request) -> HTMLResponse:
    """The page of the app serving it. One function for every app, not a closure per app:
    FastAPI keeps each endpoint and dependency callable in a module-level cache (4,096 of them),
    where a closure would outlive its app."""
    return HTMLResponse(request.app.state.api_docs_page)
