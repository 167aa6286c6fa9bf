"""`generate-production-files`: build meshes from each product's configuration.

The generator is the payload's `generator`, else the product configuration's `generator`; a product
that names none is skipped with a history entry saying so, and an order where none names one
succeeds with "nothing to generate". `fileFormat` defaults to `stl`. Each mesh the generator
makes becomes a part of the product
(`generated-<key>`, reused when the task runs again, named after what it was made from: "Vase
(generated from Lamp shade — Spiral)") holding the file as a new asset version
(STL or OBJ) and its manufacturing data; a preview picture of the product becomes its thumbnail,
and the first one the order's. Meshes are built in a worker thread.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import numpy as np

from jobs.generators import mesh as meshes
from jobs.generators import preview
from jobs.generators.parameters import ParameterError
from jobs.generators.registry import Generator, choose, generators, get
from jobs.handlers.base import (
    STRING,
    Failed,
    Field,
    HandlerResult,
    HandlerSpec,
    Resumption,
    Succeeded,
    TaskContext,
    one_of,
)
from server.domain.search_text import search_words
from server.domain.statuses import AssetKind
from server.models import Order, Part, Product
from server.services import assets
from server.services.orders import context as order_context

SPEC = HandlerSpec(
    "generate-production-files",
    "Builds production files (meshes) from the configuration of each product and part.",
    (
        Field("fileFormat", one_of("stl", "obj"), description='"stl" (the default) or "obj".', default="stl"),
        Field("generator", STRING, description="the registered generator to use."),
    ),
)


@dataclass(frozen=True)
class BuiltPart:
    key: str
    name: str
    content: bytes
    data: dict[str, Any]


@dataclass(frozen=True)
class BuiltProduct:
    parts: list[BuiltPart]
    preview_png: bytes


def combined(parts: list[meshes.GeneratedPart]) -> meshes.Mesh:
    vertices, triangles, offset = [], [], 0
    for part in parts:
        vertices.append(part.mesh.vertices)
        triangles.append(part.mesh.triangles + offset)
        offset += len(part.mesh.vertices)
    return meshes.Mesh(np.concatenate(vertices), np.concatenate(triangles))


def build(generator: Generator, config: dict[str, Any], file_format: str, title: str) -> BuiltProduct:
    """Everything CPU-bound for one product: meshes, files, measures, preview."""
    made = generator.build(config)
    if not made:
        raise ParameterError(f"The generator {generator.key} made no mesh.")
    parts = [
        BuiltPart(part.key, part.name, meshes.write(part.mesh, file_format, f"{title} {part.name}"),
                  {"generator": generator.key, **meshes.manufacturing_data(part.mesh)})
        for part in made
    ]  # fmt: skip
    return BuiltProduct(parts, preview.render(combined(made)))


def generated_name(product: Product, built: BuiltPart) -> str:
    """Named after what it was made from, so it never reads as the part it was made from
    ("Vase (generated from Lamp shade — Spiral)")."""
    return f"{built.name} (generated from {product.title})"[:500]


async def generated_part(product: Product, built: BuiltPart) -> Part:
    client_id = f"generated-{built.key}"
    existing = await Part.get_or_none(product_id=product.id, client_id=client_id)
    if existing is not None:
        return existing
    siblings = await Part.filter(product_id=product.id, parent_id=None).count()
    return await Part.create(
        id=uuid4(),
        order_id=product.order_id,  # type: ignore[attr-defined]
        product_id=product.id,
        position=siblings,
        client_id=client_id,
        name=(name := generated_name(product, built)),
        data={"generated": True, "generatedFrom": {"product": product.title, "part": built.name}},
        tags=["generated"],
        order_name=product.order_name,
        product_title=product.title,
        search_text=search_words((name, client_id)),
    )


async def store_part(product: Product, built: BuiltPart, file_format: str) -> dict[str, Any]:
    part = await generated_part(product, built)
    order_id: UUID = product.order_id  # type: ignore[attr-defined]
    file_name = f"{assets.safe_name(product.title)}-{built.key}.{file_format}"
    stored = assets.store(order_id, file_name, built.content)
    owner = assets.Owner(order_id, product.id, part.id)
    await assets.add_version(
        owner,
        client_id=f"{built.key}-{file_format}",
        url=stored.url,
        name=file_name,
        kind=AssetKind.PRODUCTION,
    )
    part.manufacturing_data = built.data
    await part.save(update_fields=["manufacturing_data"])
    return {"part": part.client_id, "file": stored.url, "bytes": stored.size, **built.data}


async def store_preview(product: Product, png: bytes) -> str:
    order_id: UUID = product.order_id  # type: ignore[attr-defined]
    stored = assets.store(order_id, f"{assets.safe_name(product.title)}-preview.png", png)
    owner = assets.Owner(order_id, product.id)
    await assets.add_version(
        owner, client_id="preview", url=stored.url, name="preview.png", kind=AssetKind.PREVIEW, is_public=True
    )
    await Product.filter(id=product.id).update(thumbnail_url=stored.url)
    return stored.url


async def generate_product(product: Product, generator: Generator, file_format: str) -> dict[str, Any]:
    config = product.data if isinstance(product.data, dict) else {}
    built = await asyncio.to_thread(build, generator, config, file_format, product.title)
    parts = [await store_part(product, part, file_format) for part in built.parts]
    thumbnail = await store_preview(product, built.preview_png)
    return {"product": product.title, "generator": generator.key, "parts": parts, "preview": thumbnail}


def known() -> str:
    return ", ".join(sorted(generators()))


class GenerateProductionFiles:
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = self.spec.payload.normalize(context.payload)
        file_format, chosen = str(payload.get("fileFormat") or "stl"), payload.get("generator")
        if chosen and get(str(chosen)) is None:
            return Failed(f'There is no generator "{chosen}"; the known ones are {known()}.')
        results, problems = await self._generate_all(context, file_format, chosen)
        if problems:
            return Failed("; ".join(problems), {"products": results})
        if not results:
            return Succeeded({"products": [], "message": "nothing to generate"})
        await self._finish(context, results)
        return Succeeded({"products": results})

    async def _generate_all(
        self, context: TaskContext, file_format: str, chosen: Any
    ) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        problems: list[str] = []
        for product in await Product.filter(order_id=context.order_id).order_by("position"):
            key = choose(chosen, product.data if isinstance(product.data, dict) else {})
            generator = get(key) if key else None
            if key is None:
                await self._skipped(context, product)
                continue
            if generator is None:
                problems.append(f'{product.title}: there is no generator "{key}" (known: {known()})')
                continue
            try:
                results.append(await generate_product(product, generator, file_format))
            except ParameterError as exc:
                problems.append(f"{product.title}: {exc}")
        return results, problems

    @staticmethod
    async def _skipped(context: TaskContext, product: Product) -> None:
        await order_context.record_event(
            context.order_id,
            "files-skipped",
            f"Task {context.task_key}: {product.title} skipped: neither the task payload nor its "
            f'configuration names a "generator" (known: {known()}).',
            {"task": context.task_key, "product": product.title},
        )

    @staticmethod
    async def _finish(context: TaskContext, results: list[dict[str, Any]]) -> None:
        await Order.filter(id=context.order_id).update(thumbnail_url=results[0]["preview"])
        files = sum(len(result["parts"]) for result in results)
        await order_context.record_event(
            context.order_id,
            "files-generated",
            f"Task {context.task_key}: {files} production file(s) generated for {len(results)} product(s).",
            {"task": context.task_key, "products": [r["product"] for r in results]},
        )

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        return Failed("generate-production-files does not wait; there is nothing to resume.")


HANDLER = GenerateProductionFiles()
