"""Helpers of the export tests: ask for a background export, wait for it, download it, read it."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import httpx

from tests.web.conftest import WebClient, until

JOB_URL = re.compile(r'hx-get="(/exports/[0-9a-f-]+)"')


async def start_export(web: WebClient, table: str, data: dict[str, object]) -> str:
    """POST the export form; the job's status URL (the first answer already shows the bar)."""
    started = await web.post(f"/{table}/export-jobs", data)
    found = JOB_URL.search(started.text)
    assert found is not None, started.text
    assert "<progress" in started.text
    return found.group(1)


async def finished(web: WebClient, status_url: str) -> str:
    async def ready() -> str | None:
        text = (await web.get(status_url)).text
        assert 'role="alert"' not in text, text
        return text if "is ready" in text else None

    text: str = await until(ready, timeout=30)
    return text


async def export_file(web: WebClient, table: str, data: dict[str, object]) -> httpx.Response:
    """Ask for the export, wait until it is ready, download it."""
    status_url = await start_export(web, table, data)
    ready = await finished(web, status_url)
    assert f'href="{status_url}/download"' in ready
    return await web.get(f"{status_url}/download")


def csv_rows(response: httpx.Response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def unzip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


def read_csv(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
