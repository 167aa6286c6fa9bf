"""Zip exports of products and parts: the CSVs, manufacturing data, stored files and links."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest

from server import settings
from server.models import Asset, AssetVersion, Part
from server.services import assets
from tests.graphql.seed import seed_orders
from tests.web.conftest import WebClient, until
from web import export_jobs


def unzip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


def read_csv(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(archive.read(name).decode())))


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


async def test_a_products_zip_with_files_holds_stored_files_and_lists_the_others(
    admin_web: WebClient, space_key: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ASSET_DIR", tmp_path)
    rows = await seed_orders("demo-eyewear", 1)
    product = rows.products[0]
    stored = assets.store(product.order_id, "frame.stl", b"solid frame")  # type: ignore[attr-defined]
    asset = await Asset.get(product_id=product.id, part_id=None)
    await AssetVersion.create(asset_id=asset.id, position=9, url=stored.url, date=asset.created_at)
    await Asset.create(
        order_id=product.order_id,  # type: ignore[attr-defined]
        product_id=product.id,
        position=5,
        client_id="outside",
        name="outside.stl",
        url="https://files.example.com/outside.stl",
    )

    response = await admin_web.post(
        "/products/export", {"id": [str(product.id)], "column": ["title"], "format": "zip-files"}
    )

    archive = unzip(response.content)
    names = archive.namelist()
    stored_name = next(n for n in names if n.startswith("files/") and n.endswith(".stl"))
    assert archive.read(stored_name) == b"solid frame"
    links = read_csv(archive, "files/links.csv")
    assert links[0] == ["Folder", "File", "URL"]
    assert [row[2] for row in links[1:]] == ["https://files.example.com/outside.stl"]


async def test_a_background_zip_shows_progress_then_downloads(
    admin_web: WebClient,
    operator_web: WebClient,
    space_key: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(export_jobs, "export_dir", lambda: tmp_path)
    rows = await seed_orders("demo-eyewear", 1)
    ids = [str(p.id) for p in rows.products]

    started = await admin_web.post("/products/export-jobs", {"id": ids, "column": ["title"]})
    job_id = re.search(r'hx-get="/exports/([^"]+)"', started.text)
    assert job_id is not None and "<progress" in started.text
    status_url = f"/exports/{job_id.group(1)}"
    ready = await until(lambda: _ready(admin_web, status_url))
    download = await admin_web.get(f"{status_url}/download")
    stranger = await operator_web.get(f"{status_url}/download")

    assert f'href="{status_url}/download"' in ready
    archive = unzip(download.content)
    assert "csv/products.csv" in archive.namelist() and "files/links.csv" in archive.namelist()
    assert stranger.status_code == 404


async def _ready(web: WebClient, url: str) -> str | None:
    text = (await web.get(url)).text
    return text if "The zip is ready." in text else None


async def test_a_background_export_without_rows_says_so(admin_web: WebClient) -> None:
    response = await admin_web.post("/parts/export-jobs", {"column": ["name"]})

    assert "Select rows first." in response.text
