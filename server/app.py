"""The Starlette application: GraphQL, REST, web pages, static files, health and metrics."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from server import settings
from server.db import runtime_config
from server.metrics import metrics
from server.middleware import BodySizeLimit
from server.outage import DatabaseUnavailableMiddleware


async def healthz(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


async def readyz(request: Request) -> JSONResponse:
    """Ready when the database answers."""
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception as exc:  # any failure means not ready; say which
        return JSONResponse({"status": "unavailable", "database": str(exc)}, status_code=503)
    return JSONResponse({"status": "ok"})


async def flow_schema(request: Request) -> JSONResponse:
    """The JSON Schema of flow definitions, made from the same specs validation uses."""
    from server.domain.flows.schema import flow_json_schema

    schema_id = str(request.url_for("flow_schema"))
    return JSONResponse(flow_json_schema(schema_id), headers={"Cache-Control": "public, max-age=300"})


def _routes() -> list[BaseRoute]:
    from graphql_schema.app import make_graphql_app
    from web.assets import make_asset_app
    from web.confirm import routes as confirm_routes
    from web.feedback import routes as feedback_routes
    from web.rest import routes as rest_routes
    from web.siteflow import routes as siteflow_routes

    graphql_app = make_graphql_app()
    return [
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/schemas/flow.json", flow_schema, name="flow_schema"),
        Route("/metrics", metrics),
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql_app),  # subscriptions on the same path
        *feedback_routes,
        *siteflow_routes,
        Mount("/api/v1", routes=rest_routes),
        *confirm_routes,
        Mount("/assets", app=make_asset_app()),
    ]


def _web_ui() -> BaseRoute:
    """The web UI; mounted last, since it answers every path the routes above leave."""
    from web.app import make_web_app

    return Mount("", app=make_web_app())


@asynccontextmanager
async def _job_system() -> AsyncIterator[None]:
    """Embedded: an in-process worker. Production: only a dispatcher; `fabflow worker` runs tasks."""
    from jobs import runtime
    from server.events import get_bus

    bus = get_bus()
    await bus.start()
    if settings.REDIS_URL:
        stop = runtime.start_dispatcher(settings.broker_url())
    else:
        embedded = await runtime.start_embedded()
        stop = embedded.stop
    try:
        yield
    finally:
        await stop()
        await bus.close()


def _freeze_start_up_objects() -> None:
    """Leave what start-up made (modules, schema, templates) out of every later garbage collection.

    It lives as long as the process. Otherwise every full collection walks it all again
    (about 90,000 objects, tens of milliseconds), and a request that loads a large order
    tree sets one off almost every time (bench/tree_query.py).
    """
    gc.collect()
    gc.freeze()


def create_app(
    *, manage_database: bool = True, db_url: str | None = None, run_jobs: bool = True
) -> Starlette:
    """Build the app.

    `manage_database=False` leaves the ORM to the caller (tests open it once per session);
    `run_jobs=False` starts no worker, dispatcher or event listener.
    """
    from jobs.handlers.registry import install_handlers

    install_handlers()  # the handlers' payload specs join validation before any flow is checked

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            if manage_database:
                await stack.enter_async_context(RegisterTortoise(app, config=runtime_config(db_url)))
            if run_jobs:
                await stack.enter_async_context(_job_system())
            _freeze_start_up_objects()
            yield

    return Starlette(
        debug=settings.DEBUG,
        routes=[*_routes(), _web_ui()],
        middleware=[
            Middleware(DatabaseUnavailableMiddleware),
            Middleware(BodySizeLimit, max_bytes=settings.MAX_BODY_BYTES),
        ],
        lifespan=lifespan,
    )
