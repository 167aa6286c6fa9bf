"""The slicing engines: finding them on this machine, and running one as a subprocess.

`cura` is CuraEngine (`CuraEngine slice -v -j <machine>.def.json -s key=value -l in.stl -o out.gcode`,
machine definitions found through `CURA_ENGINE_SEARCH_PATH`); `prusa` is PrusaSlicer's command line
(`prusa-slicer --export-gcode in.stl --output out.gcode [--load profile.ini] [--key value]`). Each
run is a subprocess on the event loop (never blocking it), at most `FABFLOW_SLICER_CONCURRENCY` at
once in a process, killed at its timeout.

CuraEngine on its own writes placeholders in the G-code header (its front end fills them in later);
it prints the real header on standard error, and Fabflow writes that into the file, so the stored
G-code carries its own true figures.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from server import settings

INSTALL_HINT = (
    "install the engines with scripts/install-slicers.sh (Debian: apt-get install cura-engine prusa-slicer; "
    "Cura's machine definitions from the cura package)"
)


@dataclass(frozen=True)
class Engine:
    key: str  # cura | prusa
    title: str
    binaries: tuple[str, ...]


ENGINES = {
    "cura": Engine("cura", "CuraEngine", ("CuraEngine",)),
    "prusa": Engine("prusa", "PrusaSlicer", ("prusa-slicer", "PrusaSlicer")),
}


@dataclass(frozen=True)
class Found:
    key: str
    path: str
    version: str


class SliceError(Exception):
    """The slicer refused the mesh or failed; the message is the slicer's own (its error lines)."""


@cache
def found(key: str) -> Found | None:
    """The engine on this machine and its version, or None (looked up once per process)."""
    engine = ENGINES[key]
    path = next((p for p in (shutil.which(name) for name in engine.binaries) if p), None)
    if path is None:
        return None
    return Found(key, path, _version(key, path))


def _version(key: str, path: str) -> str:
    argument = "help" if key == "cura" else "--help"
    try:
        done = subprocess.run([path, argument], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    text = done.stdout + done.stderr
    pattern = r"Cura_SteamEngine version (\S+)" if key == "cura" else r"PrusaSlicer-(\d[\w.+-]*)"
    match = re.search(pattern, text)
    return match.group(1) if match else "unknown"


def available() -> dict[str, Found]:
    return {key: engine for key in ENGINES if (engine := found(key)) is not None}


def cura_search_path() -> list[Path]:
    return [Path(part) for part in settings.CURA_ENGINE_SEARCH_PATH.split(os.pathsep) if part]


def cura_definition(printer: str) -> Path | None:
    """The machine definition `<printer>.def.json` on the search path, or None."""
    name = printer if printer.endswith(".def.json") else f"{printer}.def.json"
    if "/" in name or name.startswith("."):
        return None
    return next((d / name for d in cura_search_path() if (d / name).is_file()), None)


def cura_definition_count() -> int:
    return sum(len(list(d.glob("*.def.json"))) for d in cura_search_path() if d.is_dir())


_SEMAPHORES: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}


def semaphore() -> asyncio.Semaphore:
    """The bound on slicers running at once in this process: one per event loop (a worker process has
    one, where every task runs), made on first use."""
    loop = asyncio.get_running_loop()
    if loop not in _SEMAPHORES:
        for old in [known for known in _SEMAPHORES if known.is_closed()]:
            del _SEMAPHORES[old]
        _SEMAPHORES[loop] = asyncio.Semaphore(max(1, settings.SLICER_CONCURRENCY))
    return _SEMAPHORES[loop]


@dataclass(frozen=True)
class Run:
    gcode: str
    stderr: str


def cura_command(path: str, definition: Path, settings_: dict[str, str], mesh: Path, out: Path) -> list[str]:
    command = [path, "slice", "-v", "-j", str(definition)]
    for key, value in settings_.items():
        command += ["-s", f"{key}={value}"]
    return [*command, "-l", str(mesh), "-o", str(out)]


def prusa_command(
    path: str, profile: Path | None, settings_: dict[str, str], mesh: Path, out: Path
) -> list[str]:
    command = [path, "--export-gcode", str(mesh), "--output", str(out)]
    if profile is not None:
        command += ["--load", str(profile)]
    for key, value in settings_.items():
        command += [f"--{key.replace('_', '-')}", value]
    return command


async def run(command: list[str], out: Path, timeout: float) -> Run:
    """Run a slicer (bounded, with a timeout); the G-code it wrote, or SliceError with its message."""
    environment = {**os.environ, "CURA_ENGINE_SEARCH_PATH": settings.CURA_ENGINE_SEARCH_PATH}
    async with semaphore():
        process = await asyncio.create_subprocess_exec(
            *command,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            stdin=asyncio.subprocess.DEVNULL,
            env=environment,
        )
        try:
            stdout, stderr = await asyncio.wait_for(process.communicate(), timeout)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
            raise SliceError(f"the slicer took longer than {timeout:g} s and was stopped") from None
    errors = stderr.decode(errors="replace")
    said = stdout.decode(errors="replace") + "\n" + errors
    if process.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        raise SliceError(error_lines(said) or f"the slicer exited with code {process.returncode}")
    gcode = out.read_text(errors="replace")
    if "\n;LAYER" not in gcode:  # CuraEngine exits 0 on a mesh it could not read, with no layers
        raise SliceError(error_lines(said) or "the slicer made no layers of this mesh")
    return Run(gcode, errors)


ERROR_WORDS = r"\berror\b|failed|\bcannot\b|refus"
_NOISE = re.compile(r"^\[[\d\- :.]+\] \[0x[0-9a-f]+\] \[(\w+)\]\s*", re.I)


def error_lines(text: str, limit: int = 5) -> str:
    """The lines where a slicer says what went wrong, without its timestamps."""
    picked: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or " -s " in line:
            continue
        prefix = _NOISE.match(line)
        level = prefix.group(1).lower() if prefix else ""
        line = _NOISE.sub("", line)
        said_error = level in ("error", "fatal") or re.search(ERROR_WORDS, line, re.I)
        if said_error and line not in picked and "has no default_value" not in line:
            picked.append(line)
    return "; ".join(picked[:limit])


def cura_header(stderr: str) -> list[str]:
    """The true header CuraEngine printed after slicing (with -v)."""
    match = re.search(r"Gcode header after slicing:\n(.*?)\nEnd of gcode header\.", stderr, re.S)
    return match.group(1).splitlines() if match else []


def with_cura_header(gcode: str, header: list[str]) -> str:
    """The G-code with its placeholder header replaced by the true one (same lines, same order)."""
    if not header:
        return gcode
    lines = gcode.split("\n", len(header))
    if len(lines) <= len(header) or lines[0] != header[0]:
        return gcode
    return "\n".join([*header, lines[len(header)]])


def cura_setting(stderr: str, key: str) -> str | None:
    """A setting's value as CuraEngine listed it (`-s key="value"`) on standard error."""
    match = re.search(rf'-s {re.escape(key)}="([^"]*)"', stderr)
    return match.group(1) if match else None
