"""Zip exports of products and parts: the CSVs, manufacturing data, stored files, the production
files of a product's parts at any depth, and files fetched from outside URLs (with a manifest of
what could not be fetched and why), made in the background."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from server import settings
from server.domain.statuses import AssetKind
from server.models import Asset, AssetVersion, ExportJob, Part
from server.services import assets, export_jobs
from tests.graphql.seed import Shape, seed_orders
from tests.web.conftest import WebClient
from tests.web.export_support import export_file, finished, read_csv, start_export, unzip

pytestmark = pytest.mark.usefixtures("jobs")

FETCHED = b"solid fetched from outside"


class FileServer(BaseHTTPRequestHandler):
    """Files at outside URLs, each path a way for a fetch to end."""

    def do_GET(self) -> None:
        if self.path == "/frame.stl":
            self._answer(200, FETCHED)
        elif self.path == "/moved.stl":
            self._redirect("/frame.stl")
        elif self.path == "/to-metadata.stl":
            self._redirect("https://169.254.169.254/latest/meta-data")
        elif self.path == "/huge.stl":
            self._answer(200, b"x" * 5000)
        elif self.path == "/endless.stl":  # no Content-Length: the body ends when the connection does
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"y" * 5000)
            self.close_connection = True
        else:
            self._answer(404, b"no such file")

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def outside(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 (listed in FABFLOW_ALLOWED_HOSTS); fetches capped at 1,000 bytes."""
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["127.0.0.1"])
    monkeypatch.setattr(settings, "EXPORT_FETCH_MAX_BYTES", 1000)
    server = ThreadingHTTPServer(("127.0.0.1", 0), FileServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def asset_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "ASSET_DIR", tmp_path / "assets")
    return tmp_path / "assets"


async def add_asset(
    order_id: uuid.UUID,
    url: str,
    *,
    product_id: uuid.UUID | None = None,
    part_id: uuid.UUID | None = None,
    name: str | None = None,
    kind: AssetKind = AssetKind.PRODUCTION,
) -> Asset:
    file_name = name or url.rsplit("/", 1)[-1]
    return await Asset.create(
        id=uuid.uuid4(),
        order_id=order_id,
        product_id=product_id,
        part_id=part_id,
        position=await Asset.filter(order_id=order_id).count(),
        client_id=file_name,
        name=file_name,
        url=url,
        kind=kind,
    )


async def test_a_parts_zip_has_a_csv_folder_with_manufacturing_data(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    part = rows.parts[0]
    await Part.filter(id=part.id).update(
        manufacturing_data={"volume": 12.5, "boundingBox": {"x": 10, "y": 4}}
    )

    response = await admin_web.post(
        "/parts/export", {"id": [str(part.id)], "column": ["name", "order"], "format": "zip"}
    )

    assert response.headers["content-type"] == "application/zip"
    archive = unzip(response.content)
    assert sorted(archive.namelist()) == ["csv/manufacturing.csv", "csv/parts.csv"]
    assert read_csv(archive, "csv/parts.csv") == [["Part", "Order"], ["Part-0-0", "ORD-0000"]]
    manufacturing = read_csv(archive, "csv/manufacturing.csv")
    assert manufacturing[0][-3:] == ["boundingBox.x", "boundingBox.y", "volume"]
    assert manufacturing[1][-3:] == ["10", "4", "12.5"]


async def test_a_products_zip_with_files_holds_the_files_of_its_parts_and_fetched_outside_files(
    admin_web: WebClient, space_key: tuple[str, str], asset_dir: Path, outside: str
) -> None:
    rows = await seed_orders("demo-eyewear", 1, Shape(products=1, parts=1, assets=0))
    product = rows.products[0]
    top = next(p for p in rows.parts if p.parent_id is None)  # type: ignore[attr-defined]
    child = next(p for p in rows.parts if p.parent_id == top.id)  # type: ignore[attr-defined]
    order_id = product.order_id  # type: ignore[attr-defined]
    frame = assets.store(order_id, "frame.stl", b"solid frame")
    hinge = assets.store(order_id, "hinge.stl", b"solid hinge")
    await add_asset(order_id, frame.url, product_id=product.id)
    await add_asset(order_id, hinge.url, product_id=product.id, part_id=top.id)
    await add_asset(order_id, f"{outside}/moved.stl", product_id=product.id, part_id=child.id, name="pin.stl")
    await add_asset(
        order_id, f"{outside}/frame.stl", product_id=product.id, part_id=top.id, kind=AssetKind.PREVIEW
    )
    for path in ("/to-metadata.stl", "/huge.stl", "/endless.stl", "/gone.stl"):
        await add_asset(order_id, outside + path, product_id=product.id)

    response = await export_file(
        admin_web, "products", {"id": [str(product.id)], "column": ["title"], "format": "zip-files"}
    )

    archive = unzip(response.content)
    files = {name: archive.read(name) for name in archive.namelist() if name.startswith("files/")}
    product_folder = f"files/Frame-0-of-ORD-0000-{str(product.id)[:8]}"
    top_folder = f"{product_folder}/Part-0-0-{str(top.id)[:8]}"
    child_folder = f"{top_folder}/Child-0-0-{str(child.id)[:8]}"
    assert files[f"{product_folder}/frame.stl"] == b"solid frame"
    assert files[f"{top_folder}/hinge.stl"] == b"solid hinge"
    assert files[f"{child_folder}/pin.stl"] == FETCHED  # through a redirect to an allowed address
    manifest = {row[2]: row for row in read_csv(archive, "files/manifest.csv")[1:]}
    assert f"{outside}/frame.stl" not in manifest  # a part's preview is not a production file
    refused = manifest[f"{outside}/to-metadata.stl"][4]
    assert refused.startswith("refused: ") and "169.254.169.254" in refused
    assert manifest[f"{outside}/huge.stl"][4] == "larger than 1,000 bytes (5,000 declared)"
    assert manifest[f"{outside}/endless.stl"][4] == "larger than 1,000 bytes"
    assert manifest[f"{outside}/gone.stl"][4] == "answered 404"
    assert manifest[f"{outside}/moved.stl"][3] == f"{child_folder}/pin.stl"
    assert not any(name.endswith(("huge.stl", "endless.stl", "gone.stl")) for name in files)


async def test_a_direct_download_never_fetches_and_sends_zips_with_files_to_the_background(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)

    response = await admin_web.post(
        "/products/export", {"id": [str(rows.products[0].id)], "column": ["title"], "format": "zip-files"}
    )

    assert response.status_code == 400
    assert "made in the background" in response.text


async def test_a_background_zip_shows_progress_then_downloads_for_its_user_only(
    admin_web: WebClient, operator_web: WebClient, space_key: tuple[str, str], asset_dir: Path
) -> None:
    rows = await seed_orders("demo-eyewear", 1, Shape(assets=0))
    ids = [str(p.id) for p in rows.products]

    status_url = await start_export(
        admin_web, "products", {"id": ids, "column": ["title"], "format": "zip-files"}
    )
    ready = await finished(admin_web, status_url)
    download = await admin_web.get(f"{status_url}/download")
    stranger_status = await operator_web.get(status_url)
    stranger = await operator_web.get(f"{status_url}/download")
    job = await ExportJob.get(id=status_url.rsplit("/", 1)[-1])
    as_a_stored_file = await admin_web.get(f"/assets/{job.file_key}")

    assert "The zip is ready (2 products)" in ready
    archive = unzip(download.content)
    assert read_csv(archive, "csv/products.csv")[1:] == [["Frame 0 of ORD-0000"], ["Frame 1 of ORD-0000"]]
    assert download.headers["content-type"] == "application/zip"
    assert stranger_status.status_code == 404 and stranger.status_code == 404
    assert as_a_stored_file.status_code == 404  # the asset route serves files of orders only


async def test_an_expired_export_is_gone_and_the_sweep_prunes_it(
    admin_web: WebClient, space_key: tuple[str, str], asset_dir: Path
) -> None:
    rows = await seed_orders("demo-eyewear", 1, Shape(assets=0))
    status_url = await start_export(admin_web, "orders", {"id": [str(rows.orders[0].id)]})
    await finished(admin_web, status_url)
    job = await ExportJob.get(id=status_url.rsplit("/", 1)[-1])
    stored = assets.file_path(job.file_key or "")
    assert stored.is_file()

    await ExportJob.filter(id=job.id).update(expires_at=job.created_at)
    gone = await admin_web.get(f"{status_url}/download")
    resent, pruned = await export_jobs.sweep()

    assert gone.status_code == 404
    assert pruned == 1 and resent == 0
    assert not stored.exists() and not await ExportJob.exists(id=job.id)


async def test_nothing_selected_says_so(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    in_background = await admin_web.post("/parts/export-jobs", {"column": ["name"]})
    direct = await admin_web.post("/orders/export", {"column": ["name"]})

    assert "Nothing is selected" in in_background.text and "<progress" not in in_background.text
    assert direct.status_code == 400 and "Nothing is selected" in direct.text
    assert not await ExportJob.exists()


async def test_a_version_of_a_stored_file_missing_from_the_store_is_listed(
    admin_web: WebClient, space_key: tuple[str, str], asset_dir: Path
) -> None:
    rows = await seed_orders("demo-eyewear", 1, Shape(products=1, parts=0, assets=0))
    product = rows.products[0]
    order_id = product.order_id  # type: ignore[attr-defined]
    kept = assets.store(order_id, "kept.stl", b"solid kept")
    asset = await add_asset(order_id, kept.url, product_id=product.id)
    lost_url = assets.public_url(f"{order_id}/0000/lost.stl")
    await AssetVersion.create(
        id=uuid.uuid4(), asset_id=asset.id, position=1, url=lost_url, date=asset.created_at
    )

    response = await export_file(
        admin_web, "products", {"id": [str(product.id)], "column": ["title"], "format": "zip-files"}
    )

    manifest = read_csv(unzip(response.content), "files/manifest.csv")
    assert manifest[1][2:] == [lost_url, "", "missing from the file store"]


async def test_a_parts_zip_with_files_holds_the_production_files_of_its_child_parts(
    admin_web: WebClient, space_key: tuple[str, str], asset_dir: Path
) -> None:
    rows = await seed_orders("demo-eyewear", 1, Shape(products=1, parts=1, assets=0))
    top = next(p for p in rows.parts if p.parent_id is None)  # type: ignore[attr-defined]
    child = next(p for p in rows.parts if p.parent_id == top.id)  # type: ignore[attr-defined]
    order_id, product_id = top.order_id, top.product_id  # type: ignore[attr-defined]
    hinge = assets.store(order_id, "hinge.stl", b"solid hinge")
    pin = assets.store(order_id, "pin.stl", b"solid pin")
    sketch = assets.store(order_id, "sketch.png", b"preview")
    await add_asset(order_id, hinge.url, product_id=product_id, part_id=top.id)
    await add_asset(order_id, pin.url, product_id=product_id, part_id=child.id)
    await add_asset(order_id, sketch.url, product_id=product_id, part_id=child.id, kind=AssetKind.PREVIEW)

    response = await export_file(
        admin_web, "parts", {"id": [str(top.id)], "column": ["name"], "format": "zip-files"}
    )

    archive = unzip(response.content)
    files = {name: archive.read(name) for name in archive.namelist() if name.startswith("files/")}
    top_folder = f"files/Part-0-0-{str(top.id)[:8]}"
    assert files[f"{top_folder}/hinge.stl"] == b"solid hinge"
    assert files[f"{top_folder}/Child-0-0-{str(child.id)[:8]}/pin.stl"] == b"solid pin"
    assert not any(name.endswith("sketch.png") for name in files)  # a child's preview is not production
    assert read_csv(archive, "csv/parts.csv") == [["Part"], ["Part-0-0"]]  # only the ticked row
