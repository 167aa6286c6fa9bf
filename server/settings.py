"""Configuration, read once from the environment (and `.env` when present).

Without `DATABASE_URL` and `REDIS_URL` Fabflow runs in the embedded mode:
SQLite under `./var/` of the working directory, an in-process worker and
in-process events.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from starlette.config import Config
from starlette.datastructures import CommaSeparatedStrings

config = Config(".env" if Path(".env").exists() else None)

VAR_DIR = Path(config("FABFLOW_VAR_DIR", default="var")).resolve()
DATABASE_URL: str = config("DATABASE_URL", default="")
REDIS_URL: str = config("REDIS_URL", default="")
# Where task messages go: `redis://…` (default: REDIS_URL) or `amqp://…` (RabbitMQ). Redis stays the
# event bus either way.
BROKER_URL: str = config("FABFLOW_BROKER_URL", default="")
# The Redis pub/sub channel of live events (default `fabflow:events:<db>` of REDIS_URL): pub/sub ignores
# database numbers, so installations sharing one Redis each need their own.
EVENTS_CHANNEL: str = config("FABFLOW_EVENTS_CHANNEL", default="")
DEBUG: bool = config("FABFLOW_DEBUG", cast=bool, default=False)
# "development" turns on GraphiQL and introspection; anything else is production.
ENVIRONMENT: str = config("FABFLOW_ENV", default="development" if not DATABASE_URL else "production")
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
# Where people reach this server (links in e-mails, order URLs); `fabflow serve` fills in its own
# address and port when this is left unset.
PUBLIC_URL: str = config("FABFLOW_PUBLIC_URL", default=DEFAULT_PUBLIC_URL)
SECRET_KEY: str = config("FABFLOW_SECRET_KEY", default="")

# A scraper of /metrics sends it as a bearer token; unset, only clients on this machine may read them.
METRICS_TOKEN: str = config("FABFLOW_METRICS_TOKEN", default="")
MAX_BODY_BYTES: int = config("FABFLOW_MAX_BODY_BYTES", cast=int, default=2 * 1024 * 1024)
# How deeply client JSON (bodies, GraphQL variables, websocket messages) may nest arrays and objects.
JSON_MAX_DEPTH: int = config("FABFLOW_JSON_MAX_DEPTH", cast=int, default=100)
# The largest websocket message (GraphQL subscriptions), in bytes.
WS_MAX_MESSAGE_BYTES: int = config("FABFLOW_WS_MAX_MESSAGE_BYTES", cast=int, default=1024 * 1024)
GRAPHQL_MAX_DEPTH: int = config("FABFLOW_GRAPHQL_MAX_DEPTH", cast=int, default=12)
GRAPHQL_MAX_TOKENS: int = config("FABFLOW_GRAPHQL_MAX_TOKENS", cast=int, default=2000)
GRAPHQL_MAX_ALIASES: int = config("FABFLOW_GRAPHQL_MAX_ALIASES", cast=int, default=15)
PAGE_SIZE_MAX: int = config("FABFLOW_PAGE_SIZE_MAX", cast=int, default=500)
ALLOWED_ORIGINS = list(config("FABFLOW_ALLOWED_ORIGINS", cast=CommaSeparatedStrings, default=""))

# Outgoing e-mail. Without a host, mails are kept in the outbox (shown in the web UI) instead.
SMTP_HOST: str = config("FABFLOW_SMTP_HOST", default="")
SMTP_PORT: int = config("FABFLOW_SMTP_PORT", cast=int, default=587)
SMTP_FROM: str = config("FABFLOW_SMTP_FROM", default="fabflow@localhost")
SMTP_USER: str = config("FABFLOW_SMTP_USER", default="")
SMTP_PASSWORD: str = config("FABFLOW_SMTP_PASSWORD", default="")
# "starttls" (upgrade a plain connection), "tls" (TLS from the start, usually port 465) or "none".
SMTP_TLS: str = config("FABFLOW_SMTP_TLS", default="starttls")
SMTP_TIMEOUT: float = config("FABFLOW_SMTP_TIMEOUT", cast=float, default=15.0)

# Files of orders (generated meshes, previews, connector uploads).
ASSET_DIR = Path(config("FABFLOW_ASSET_DIR", default=str(VAR_DIR / "assets"))).resolve()
# How long signed links to private assets (in e-mails) stay valid, in seconds.
ASSET_LINK_MAX_AGE: int = config("FABFLOW_ASSET_LINK_MAX_AGE", cast=int, default=30 * 24 * 3600)
# How long confirmation and feedback links stay valid, in seconds.
TASK_LINK_MAX_AGE: int = config("FABFLOW_TASK_LINK_MAX_AGE", cast=int, default=30 * 24 * 3600)

# Connector calls: hosts (names, IP addresses or networks such as 10.0.0.0/8) that may be called over
# plain http and may resolve to non-public addresses. The embedded mode allows the local machine.
ALLOWED_HOSTS = list(
    config(
        "FABFLOW_ALLOWED_HOSTS",
        cast=CommaSeparatedStrings,
        default="localhost,127.0.0.1,::1" if not DATABASE_URL else "",
    )
)
# Ports besides 80 and 443 that connector calls may use on public addresses (hosts listed above keep
# every port).
ALLOWED_PORTS = [
    int(port)
    for port in config("FABFLOW_ALLOWED_PORTS", cast=CommaSeparatedStrings, default="")
    if port.strip()
]
# Grace period after a signing-secret rotation during which webhooks carry both signatures, in seconds.
SIGNING_SECRET_GRACE: int = config("FABFLOW_SIGNING_SECRET_GRACE", cast=int, default=24 * 3600)


def is_embedded() -> bool:
    """True when no external database is configured."""
    return not DATABASE_URL


def is_development() -> bool:
    return ENVIRONMENT == "development"


BROKER_SCHEMES = ("redis", "rediss", "amqp", "amqps")


def broker_url() -> str:
    """The task broker's URL: `FABFLOW_BROKER_URL`, else Redis; empty in the embedded mode."""
    return BROKER_URL or REDIS_URL


def broker_url_problem() -> str | None:
    """What is wrong with `FABFLOW_BROKER_URL`, or None (unset is fine: the broker is Redis)."""
    if not BROKER_URL:
        return None
    scheme = urlsplit(BROKER_URL).scheme
    if scheme not in BROKER_SCHEMES:
        return f"must start with redis://, rediss://, amqp:// or amqps://, not {scheme or 'nothing'}://"
    if not REDIS_URL:
        return "needs REDIS_URL too: Redis carries the live events whichever broker carries the tasks"
    return None


def without_password(url: str) -> str:
    """`url` fit for a log line: the password, if any, replaced by `***`."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def database_url() -> str:
    """The database URL, defaulting to SQLite under the var directory."""
    if DATABASE_URL:
        return DATABASE_URL
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite://{VAR_DIR / 'fabflow.sqlite3'}"


MIN_SECRET_KEY_BYTES = 32
# Example values that were published (in docker-compose.yml); a key everyone knows signs nothing.
PUBLISHED_SECRET_KEYS = frozenset({"change-me-to-a-long-random-string"})
MAKE_A_KEY = "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"


class SecretKeyMissing(RuntimeError):
    """Production mode without a usable `FABFLOW_SECRET_KEY`; the message says what is wrong."""


def is_production_mode() -> bool:
    """`DATABASE_URL` or `REDIS_URL` set: several processes share the data, so they share a set key."""
    return bool(DATABASE_URL or REDIS_URL)


def secret_key_problem() -> str | None:
    """What is wrong with `FABFLOW_SECRET_KEY` for this mode, or None (the embedded mode needs none)."""
    if not is_production_mode():
        return None
    wanted = f"at least {MIN_SECRET_KEY_BYTES} random bytes (make one with: {MAKE_A_KEY})"
    if not SECRET_KEY:
        return f"must be set in production mode (DATABASE_URL or REDIS_URL is set) to {wanted}"
    if SECRET_KEY in PUBLISHED_SECRET_KEYS:
        return f"is a published example value; set it to {wanted}"
    size = len(SECRET_KEY.encode("utf-8"))
    if size < MIN_SECRET_KEY_BYTES:
        return f"is {size} bytes long; it must be {wanted}"
    return None


def secret_key() -> str:
    """The key that signs sessions and links.

    Taken from `FABFLOW_SECRET_KEY`, which production mode requires (`secret_key_problem`);
    in the embedded mode without it a random key is made once and kept in `var/secret_key`
    so that sessions survive restarts.
    """
    problem = secret_key_problem()
    if problem is not None:
        raise SecretKeyMissing(f"FABFLOW_SECRET_KEY: {problem}")
    if SECRET_KEY:
        return SECRET_KEY
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


# Slicing (`slice` tasks). Engines run as subprocesses, at most this many at once per worker process.
SLICER_CONCURRENCY: int = config("FABFLOW_SLICER_CONCURRENCY", cast=int, default=os.cpu_count() or 1)
# Seconds a slicer may take when the task's payload says nothing (`timeoutSeconds`), and the most it may ask.
SLICE_TIMEOUT: int = config("FABFLOW_SLICE_TIMEOUT", cast=int, default=600)
SLICE_TIMEOUT_MAX: int = config("FABFLOW_SLICE_TIMEOUT_MAX", cast=int, default=3600)
# Cura's machine definitions (`definitions/`, `extruders/`), as scripts/install-slicers.sh puts them.
CURA_DIR = Path(config("FABFLOW_CURA_DIR", default="/opt/fabflow/cura"))
# Where CuraEngine looks for definitions; default: the two folders of CURA_DIR.
CURA_ENGINE_SEARCH_PATH: str = config(
    "CURA_ENGINE_SEARCH_PATH", default=f"{CURA_DIR / 'definitions'}:{CURA_DIR / 'extruders'}"
)

# Webhooks (DESIGN §9). Seconds before each attempt of a delivery: the first at once, then the
# Svix schedule; each delay gets ±10 % jitter. Shorten it for tests, e.g. "0,0.05,0.1".
WEBHOOK_RETRY_SCHEDULE = [
    float(part)
    for part in config(
        "FABFLOW_WEBHOOK_RETRY_SCHEDULE",
        cast=CommaSeparatedStrings,
        default="0,5,300,1800,7200,18000,36000,36000",
    )
]
WEBHOOK_TIMEOUT: float = config("FABFLOW_WEBHOOK_TIMEOUT", cast=float, default=15.0)
# How long (seconds) a worker holds a delivery it is sending; past it the sweep gives the delivery to
# another worker (the first one died). Keep it well above the timeout: redirects add calls.
WEBHOOK_LEASE: float = config("FABFLOW_WEBHOOK_LEASE", cast=float, default=60.0)
# An endpoint whose every attempt failed for this long (seconds) is disabled, and the admins told.
WEBHOOK_DISABLE_AFTER: int = config("FABFLOW_WEBHOOK_DISABLE_AFTER", cast=int, default=5 * 24 * 3600)
# Deliveries and their attempts are deleted by the sweep after this many days.
WEBHOOK_RETENTION_DAYS: int = config("FABFLOW_WEBHOOK_RETENTION_DAYS", cast=int, default=30)
# The sweep re-sends a due delivery whose message went missing after this many seconds.
WEBHOOK_REDISPATCH_AFTER: float = config("FABFLOW_WEBHOOK_REDISPATCH_AFTER", cast=float, default=10.0)

# Exports (tables as CSV or zip): how long a finished export can be downloaded, in seconds, and the
# caps on each file a zip "with files" fetches from an outside URL (bytes, seconds for the whole fetch).
EXPORT_KEEP_SECONDS: int = config("FABFLOW_EXPORT_KEEP_SECONDS", cast=int, default=3600)
EXPORT_FETCH_MAX_BYTES: int = config("FABFLOW_EXPORT_FETCH_MAX_BYTES", cast=int, default=100 * 1024 * 1024)
EXPORT_FETCH_TIMEOUT: float = config("FABFLOW_EXPORT_FETCH_TIMEOUT", cast=float, default=60.0)
# A flow task's message counts as lost (and the sweep re-sends it) once a message sent this many
# seconds after it has been claimed, or, while no worker claims anything, once it is
# REDELIVERY_IDLE_AFTER seconds old. Until then it is still queued behind others and is not re-sent.
REDELIVERY_HORIZON: float = config("FABFLOW_REDELIVERY_HORIZON", cast=float, default=15.0)
REDELIVERY_IDLE_AFTER: float = config("FABFLOW_REDELIVERY_IDLE_AFTER", cast=float, default=60.0)
