"""The `fabflow` command: serve, worker, migrate, create-admin, demo, check-flow, doctor.

Each command is a `Command`: a name, a help line, a function adding its
arguments and a function running it, so a new command is one more entry in
`COMMANDS`. Commands open and close the ORM themselves. Errors the user can fix
(a `ServiceError`) print as `error: <field>: <message>` lines and exit 1,
without a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tortoise.exceptions import DBConnectionError

from server import db, settings
from server.demo.loader import DEFAULT_ORDERS, DEFAULT_SEED, DemoAccess, make_demo_orders, prepare_demo
from server.domain.flows import load_flow
from server.services.auth import create_admin
from server.services.errors import ServiceError

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Handler


# --- database ----------------------------------------------------------------------------------------


async def _open_database() -> None:
    """Open the ORM; the embedded database is brought up to date first, so a new machine just works."""
    if settings.is_embedded():
        await db.migrate()
    else:
        await db.init()


def _with_database(work: Callable[[], Awaitable[int]]) -> int:
    async def run() -> int:
        await _open_database()
        try:
            return await work()
        finally:
            await db.close()

    return asyncio.run(run())


# --- serve -------------------------------------------------------------------------------------------


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument(
        "--no-access-log",
        action="store_true",
        help="do not log a line per request (errors and warnings are still logged)",
    )


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.access_log import log_config
    from server.http_protocol import HeadJoiningHttpToolsProtocol
    from server.websocket import FrameWritingProtocol

    if settings.is_embedded():
        _print_applied(asyncio.run(_apply_migrations()), quiet=True)
    host = f"[{args.host}]" if ":" in args.host else args.host
    if settings.PUBLIC_URL == settings.DEFAULT_PUBLIC_URL:  # not configured: links point here
        reachable = "127.0.0.1" if args.host in ("0.0.0.0", "::") else host
        settings.PUBLIC_URL = f"http://{reachable}:{args.port}"
    print(f"Fabflow at http://{host}:{args.port}/ ({_mode()})", flush=True)
    # Live pages hold their event streams open: on shutdown, give requests 5 s, then close what is left.
    # The websocket transport takes messages up to twice the app's limit, so the app (not the
    # transport) refuses them, with a reason naming FABFLOW_WS_MAX_MESSAGE_BYTES.
    # No per-message compression: live frames are a few hundred bytes, and a frame shared by many
    # subscribers would be compressed once per subscriber (a fifth of the server's time at 100).
    # The websocket protocol lets a shared live frame be written straight to each connection.
    # HTTP/1.1 is parsed by httptools (C): h11, uvicorn's pure-Python parser, costs more per request;
    # a response's head goes out in the same write as its body (`server.http_protocol`).
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        log_level="info",
        access_log=not args.no_access_log,
        log_config=log_config(),  # uvicorn's, with a cheaper access formatter (same lines)
        timeout_graceful_shutdown=5,
        ws_max_size=2 * settings.WS_MAX_MESSAGE_BYTES,
        ws_per_message_deflate=False,
        ws=FrameWritingProtocol,
        http=HeadJoiningHttpToolsProtocol,
    )
    return 0


def _mode() -> str:
    if settings.is_embedded():
        return f"embedded: data in {settings.VAR_DIR}"
    return "database from DATABASE_URL"


# --- migrate -----------------------------------------------------------------------------------------


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _migrate(args: argparse.Namespace) -> int:
    _print_applied(asyncio.run(_apply_migrations()))
    return 0


async def _apply_migrations() -> list[str]:
    try:
        return await db.migrate()
    finally:
        await db.close()


def _print_applied(applied: list[str], quiet: bool = False) -> None:
    for name in applied:
        print(f"applied {name}")
    if not applied and not quiet:
        print("nothing to apply: the database is up to date")


# --- create-admin ------------------------------------------------------------------------------------


def _create_admin_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--email", required=True, help="the admin's e-mail address (the login)")
    parser.add_argument(
        "--password", help="default: asked for on a terminal, else read as one line of standard input"
    )


def _create_admin(args: argparse.Namespace) -> int:
    password = args.password if args.password is not None else _read_password()

    async def work() -> int:
        user = await create_admin(args.email, password)
        print(f"admin {user.email} created")
        return 0

    return _with_database(work)


def _read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline().rstrip("\r\n")


# --- demo --------------------------------------------------------------------------------------------


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--orders", type=int, default=DEFAULT_ORDERS, help="how many orders to make")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the order generator")


def _demo(args: argparse.Namespace) -> int:
    async def work() -> int:
        _print_access(await prepare_demo())
        started = time.perf_counter()
        orders = await make_demo_orders(args.orders, args.seed)
        if orders.existing:
            print(f"The demo spaces hold {orders.existing} orders already; no more were made.")
        else:
            took = time.perf_counter() - started
            print(f"Orders: {orders.created} made in {took:.1f} s; {orders.live} of them run their flow now")
        return 0

    return _with_database(work)


def _print_access(access: DemoAccess) -> None:
    print(f"Organization: {access.organization}")
    for key in access.spaces_created:
        print(f"Space {key} created")
    if access.admin_password is None:
        print(f"Admin user {access.admin_email} exists; its password is unchanged.")
    else:
        print(f"Login: {access.admin_email}  Password: {access.admin_password}  (shown once)")
    print(f"API key: {access.api_key}  (space demo-eyewear, shown once)", flush=True)


# --- worker ------------------------------------------------------------------------------------------


def _worker_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--threads", type=int, default=8, help="tasks run at once in this process (default 8)"
    )


def _worker(args: argparse.Namespace) -> int:
    import logging

    from jobs.runtime import run_worker

    if not settings.REDIS_URL:
        print("error: REDIS_URL: must be set; the embedded mode runs its worker inside `fabflow serve`")
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pika").setLevel(logging.WARNING)  # RabbitMQ's client logs every connection
    broker = settings.without_password(settings.broker_url())
    print(f"Fabflow worker ({_mode()}, broker {broker})", flush=True)
    return run_worker(settings.REDIS_URL, settings.broker_url(), args.threads)


# --- check-flow --------------------------------------------------------------------------------------


def _check_flow_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a flow definition in JSON (stages, one stage, or a step list)")


def _check_flow(args: argparse.Namespace) -> int:
    try:
        with open(args.file, encoding="utf-8") as source:
            text = source.read()
    except OSError as exc:
        print(f"error: {args.file}: {exc.strerror}")
        return 1
    check = load_flow(text)
    if check.definition is None:
        for error in check.errors:
            where = (
                f"line {error.line}, column {error.column}"
                if error.line is not None
                else error.pointer or "/"
            )
            print(f"{args.file}: {where}: {error.message}")
        return 1
    stages = check.definition.stages
    tasks = sum(len(stage.task_definitions) for stage in stages)
    print(f"ok: {check.shape.value} with {len(stages)} stage(s) and {tasks} task(s)")
    for stage in stages:
        keys = ", ".join(f"{task.key} ({task.handler_key})" for task in stage.task_definitions)
        print(f"  {stage.key}: {keys}")
    return 0


# --- doctor ------------------------------------------------------------------------------------------


def _doctor(args: argparse.Namespace) -> int:
    """What this machine has: slicing engines, Cura definitions, database and Redis."""
    from jobs.slicing import engines

    for key, engine in engines.ENGINES.items():
        found = engines.found(key)
        state = f"{found.version} at {found.path}" if found else f"missing ({engines.INSTALL_HINT})"
        print(f"{engine.title} ({key}): {state}")
    count = engines.cura_definition_count()
    print(
        f"Cura machine and extruder definitions: {count} "
        f"on CURA_ENGINE_SEARCH_PATH={settings.CURA_ENGINE_SEARCH_PATH}"
    )
    print(f"Slicers at once per worker process: {settings.SLICER_CONCURRENCY}")
    database_ok = asyncio.run(_database_reachable())
    print(f"Database ({_mode()}): {database_ok}")
    print(f"Redis: {_redis_reachable()}")
    if settings.BROKER_URL.startswith("amqp"):
        print(f"RabbitMQ (FABFLOW_BROKER_URL): {_rabbitmq_reachable()}")
    return 0 if database_ok == "reachable" else 1


async def _database_reachable() -> str:
    try:
        await db.init()
        from tortoise import connections

        await connections.get("default").execute_query("SELECT 1")
    except Exception as exc:
        return f"NOT reachable ({exc})"
    finally:
        await db.close()
    return "reachable"


def _redis_reachable() -> str:
    if not settings.REDIS_URL:
        return "not used (embedded mode)"
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=3)
    try:
        client.ping()
    except Exception as exc:
        return f"NOT reachable at {settings.REDIS_URL} ({exc})"
    finally:
        client.close()
    return f"reachable at {settings.REDIS_URL}"


def _rabbitmq_reachable() -> str:
    import pika

    where = settings.without_password(settings.BROKER_URL)
    parameters = pika.URLParameters(settings.BROKER_URL)
    parameters.socket_timeout = parameters.blocked_connection_timeout = 3
    try:
        pika.BlockingConnection(parameters).close()
    except Exception as exc:
        return f"NOT reachable at {where} ({type(exc).__name__}: {exc})"
    return f"reachable at {where}"


# --- main --------------------------------------------------------------------------------------------

COMMANDS = (
    Command("serve", "run the web server (GraphQL, REST, web UI)", _serve_arguments, _serve),
    Command("migrate", "apply the database migrations that have not run yet", _no_arguments, _migrate),
    Command("create-admin", "make an admin user", _create_admin_arguments, _create_admin),
    Command("demo", "make demo spaces, an admin, a secret key and orders", _demo_arguments, _demo),
    Command("worker", "run flow tasks from the broker (production mode)", _worker_arguments, _worker),
    Command("check-flow", "validate a flow definition file", _check_flow_arguments, _check_flow),
    Command(
        "doctor",
        "show what this machine has: slicers, Cura definitions, database, Redis, RabbitMQ",
        _no_arguments,
        _doctor,
    ),
)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="fabflow", description="Order management for digital manufacturing.")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command_parser = sub.add_parser(command.name, help=command.help, description=command.help)
        command.arguments(command_parser)
        command_parser.set_defaults(run=command.run)
    return root


def print_errors(error: ServiceError) -> None:
    for problem in error.errors:
        where = f"{problem.field}: " if problem.field else ""
        print(f"error: {where}{problem.message}", file=sys.stderr)


# Commands of long-running or shared processes: in production mode they need the signing key.
NEED_SECRET_KEY = frozenset({"serve", "worker", "migrate"})


def secret_key_refusal(command: str) -> str | None:
    """The `error: FABFLOW_SECRET_KEY: …` line when `command` may not start without a key."""
    problem = settings.secret_key_problem() if command in NEED_SECRET_KEY else None
    return None if problem is None else f"error: FABFLOW_SECRET_KEY: {problem}"


# Commands of processes that send or take task messages.
USE_BROKER = frozenset({"serve", "worker"})


def broker_refusal(command: str) -> str | None:
    """The `error: FABFLOW_BROKER_URL: …` line when `command` would start with an unusable broker setting."""
    problem = settings.broker_url_problem() if command in USE_BROKER else None
    return None if problem is None else f"error: FABFLOW_BROKER_URL: {problem}"


def main(argv: list[str] | None = None) -> int:
    from jobs.handlers.registry import install_handlers

    args = parser().parse_args(argv)
    refusal = secret_key_refusal(args.command) or broker_refusal(args.command)
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 1
    install_handlers()  # every command that checks or runs flows needs the installed handlers
    try:
        return int(args.run(args))
    except ServiceError as error:
        print_errors(error)
        return 1
    except (DBConnectionError, OSError) as error:
        print(f"error: database: cannot connect ({error})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
