"""The API documentation page works on an intranet without internet (issue 14, item 5): in
Chromium with every request to another host refused, /api/v1/docs draws Swagger UI from chidao's
own files, lists the endpoints, and asks nothing of any other host."""

from __future__ import annotations

from conftest import screenshot


def test_the_api_docs_load_with_the_network_off(browser, server):
    context = browser.new_context(locale="en-US")
    foreign = []

    def only_this_server(route):
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_server)
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server.url}/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "chidao" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".opblock-tag")
    tags = page.locator(".opblock-tag").all_inner_texts()
    assert any("tasks" in tag for tag in tags) and any("documents" in tag for tag in tags)
    assert page.locator(".opblock").count() > 20
    screenshot(page, "50-api-docs-offline")
    assert foreign == [] and errors == []
    context.close()
