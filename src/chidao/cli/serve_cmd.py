"""``chidao serve``: the tracking service and its API."""

from __future__ import annotations

import click

from chidao.cli.context import load_settings, open_store


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int)
def serve_command(host: str, port: int, workers: int) -> None:
    """Serve the API (and its OpenAPI page at /api/v1/docs)."""
    import uvicorn

    from chidao.web.app import create_app

    settings = load_settings()
    engine = open_store(settings)
    app = create_app(settings, engine=engine)
    click.echo(f"chidao: http://{host}:{port}/api/v1/docs", err=True)
    uvicorn.run(app, host=host, port=port, workers=workers, log_level="warning")
