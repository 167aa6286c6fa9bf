"""Slicing through Fabflow tasks against the same slicer calls in a bare loop.

    .venv/bin/python bench/slicing.py [--parts 20] [--engine prusa|cura]

Makes a scratch embedded Fabflow (SQLite and assets in a temporary directory) with the in-process
worker, 20 orders of one part each holding a 20 mm cube STL, and a flow of one `slice` task. Then,
in the same run and at the same concurrency (`FABFLOW_SLICER_CONCURRENCY`, default the CPU count):

  (a) Fabflow: start the 20 flows at once; time until every order is *Success* (claims, the slicer
      subprocess, G-code parsing, storing the asset version and the part's data, the events);
  (b) bare: the same 20 command lines run with `asyncio.create_subprocess_exec` under a semaphore.

Prints both wall times, the ratio (a)/(b) (aim: ≤ 1.15) and the concurrency, and appends one JSON
line with the figures, the commit and the load average to `bench/results/slicing.jsonl`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="fabflow-bench-slicing-"))
os.environ["FABFLOW_VAR_DIR"] = str(SCRATCH / "var")
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

import manifold3d  # noqa: E402

from jobs.generators import mesh as meshes  # noqa: E402
from jobs.handlers.registry import install_handlers  # noqa: E402
from jobs.runtime import start_embedded  # noqa: E402
from jobs.slicing import engines  # noqa: E402
from server import db, settings  # noqa: E402
from server.domain.actors import SYSTEM  # noqa: E402
from server.domain.statuses import AssetKind, OrderStatus  # noqa: E402
from server.models import Order, Part, Product  # noqa: E402
from server.services import assets, auth, flow_runs, flows  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "slicing.jsonl"


def cube() -> bytes:
    return meshes.to_stl(meshes.Mesh.from_manifold(manifold3d.Manifold.cube([20.0] * 3)))


async def seed(count: int, engine: str) -> tuple[list[uuid.UUID], uuid.UUID, list[Path]]:
    await auth.create_space(SYSTEM, "bench", "Bench")
    from server.models import Space

    space = await Space.get(key="bench")
    definition = {"stages": [{"key": "print", "initialTaskDefinitionKeys": ["slice"], "taskDefinitions": [
        {"key": "slice", "handlerKey": "slice", "payload": {"engine": engine}}]}]}  # fmt: skip
    flow = (await flows.create_flow(SYSTEM, "bench", "Bench slicing", json.dumps(definition))).flow
    content, order_ids, files = cube(), [], []
    for index in range(count):
        order = await Order.create(
            id=uuid.uuid4(), space=space, name=f"B-{index}", intake_hash=uuid.uuid4().hex
        )
        product = await Product.create(
            id=uuid.uuid4(), order=order, position=0, title="cube", amount_of_units=1, value_per_unit=0
        )
        part = await Part.create(
            id=uuid.uuid4(), order=order, product=product, position=0, client_id="cube", name="cube"
        )
        stored = assets.store(order.id, "cube.stl", content)
        owner = assets.Owner(order.id, product.id, part.id)
        await assets.add_version(
            owner, client_id="cube", url=stored.url, name="cube.stl", kind=AssetKind.PRODUCTION
        )
        order_ids.append(order.id)
        files.append(assets.file_path(stored.key))
    return order_ids, flow.id, files


async def fabflow_side(order_ids: list[uuid.UUID], flow_id: uuid.UUID) -> float:
    started = time.perf_counter()
    await asyncio.gather(*(flow_runs.start_order_flow(SYSTEM, order_id, flow_id) for order_id in order_ids))
    while True:
        statuses = await Order.filter(id__in=order_ids).values_list("status", flat=True)
        if all(status in (OrderStatus.SUCCESS, OrderStatus.FAILURE) for status in statuses):
            break
        await asyncio.sleep(0.02)
    took = time.perf_counter() - started
    failed = [s for s in statuses if s != OrderStatus.SUCCESS]
    if failed:
        raise SystemExit(f"{len(failed)} orders failed; see their history")
    return took


def bare_command(engine: str, mesh: Path, out: Path) -> list[str]:
    found = engines.found(engine)
    assert found is not None
    if engine == "cura":
        definition = engines.cura_definition("ultimaker_s5")
        assert definition is not None
        return engines.cura_command(found.path, definition, {}, mesh, out)
    return engines.prusa_command(found.path, None, {"filament_density": "1.24"}, mesh, out)


async def bare_side(engine: str, files: list[Path], concurrency: int) -> float:
    limit = asyncio.Semaphore(concurrency)
    env = {**os.environ, "CURA_ENGINE_SEARCH_PATH": settings.CURA_ENGINE_SEARCH_PATH}

    async def one(index: int, mesh: Path) -> None:
        out = SCRATCH / f"bare-{index}.gcode"
        async with limit:
            process = await asyncio.create_subprocess_exec(
                *bare_command(engine, mesh, out),
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=env,
            )  # fmt: skip
            await process.communicate()
        assert process.returncode == 0 and out.stat().st_size > 0

    started = time.perf_counter()
    await asyncio.gather(*(one(i, f) for i, f in enumerate(files)))
    return time.perf_counter() - started


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parts", type=int, default=20)
    parser.add_argument("--engine", choices=("prusa", "cura"), default="prusa")
    args = parser.parse_args()
    if engines.found(args.engine) is None:
        raise SystemExit(f"{args.engine} is not installed: {engines.INSTALL_HINT}")
    install_handlers()
    await db.migrate()
    embedded = await start_embedded(threads=max(4, settings.SLICER_CONCURRENCY))
    load_before = os.getloadavg()[0]
    try:
        order_ids, flow_id, files = await seed(args.parts, args.engine)
        concurrency = settings.SLICER_CONCURRENCY
        await bare_side(args.engine, files[:1], 1)  # warm the page cache of the slicer binary
        bare = await bare_side(args.engine, files, concurrency)
        fabflow = await fabflow_side(order_ids, flow_id)
    finally:
        await embedded.stop()
        await db.close()
    ratio = fabflow / bare
    print(f"engine {args.engine}, {args.parts} parts, concurrency {concurrency}")
    print(f"bare CLI loop: {bare:.2f} s   Fabflow tasks: {fabflow:.2f} s   ratio {ratio:.3f} (aim ≤ 1.15)")
    figures = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"), "commit": commit(), "engine": args.engine,
        "parts": args.parts, "concurrency": concurrency, "bareSeconds": round(bare, 3),
        "fabflowSeconds": round(fabflow, 3), "ratio": round(ratio, 3),
        "loadAverage": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }  # fmt: skip
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a") as results:
        results.write(json.dumps(figures) + "\n")


if __name__ == "__main__":
    asyncio.run(main())
