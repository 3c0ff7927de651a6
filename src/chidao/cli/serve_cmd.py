"""``chidao serve``: the tracking service and its API."""

from __future__ import annotations

import click

from chidao.cli.context import load_settings, open_store


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="worker processes")
def serve_command(host: str, port: int, workers: int) -> None:
    """Serve the web pages and the API (OpenAPI page at /api/v1/docs)."""
    import uvicorn

    from chidao.web.app import create_app
    from chidao.web.server import tune_gc

    settings = load_settings()
    engine = open_store(settings)  # migrated and seeded once, before any worker starts
    click.echo(f"chidao: http://{host}:{port}/  (API: http://{host}:{port}/api/v1/docs)", err=True)
    if workers == 1:
        app = create_app(settings, engine=engine, background=True)  # with the webhook sender
        tune_gc()
        uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
        return
    engine.dispose()
    uvicorn.run(
        "chidao.web.server:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=False,  # chidao.web.middleware.TrustedProxies decides, from CHIDAO_TRUSTED_PROXIES
    )
