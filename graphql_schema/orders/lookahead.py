"""Look ahead at the selection set and load the requested levels of the tree in bulk.

The root resolvers call `expand_*` once with what the client selected under the
node; each selected relation costs one bulk query for all rows of that level,
whatever their number, and the fields then resolve synchronously from the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graphql import FieldNode, FragmentDefinitionNode, FragmentSpreadNode, InlineFragmentNode, SelectionNode
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

from server.services.orders.rows import AssetRow, OrderRow, PartRow, ProductRow
from server.services.orders.tree import TreeLoader

Selection = dict[str, "Selection"]


def selection_of(nodes: Sequence[Any]) -> Selection:
    """Field name → merged sub-selection, across aliases and fragments."""
    merged: Selection = {}
    for node in nodes:
        if isinstance(node, SelectedField):
            _merge(merged.setdefault(node.name, {}), selection_of(node.selections))
        elif isinstance(node, (FragmentSpread, InlineFragment)):
            _merge(merged, selection_of(node.selections))
    return merged


def selection_of_nodes(
    field_nodes: Sequence[FieldNode], fragments: dict[str, FragmentDefinitionNode]
) -> Selection:
    """`selection_of` the sub-selection of a field, read straight off the document's field nodes.

    The same merge as `selection_of(info.selected_fields[0].selections)` (over every node of the
    field), without building Strawberry's copy of the selection tree first.
    """
    merged: Selection = {}
    for node in field_nodes:
        if node.selection_set is not None:
            _merge_nodes(merged, node.selection_set.selections, fragments)
    return merged


def _merge_nodes(
    into: Selection, nodes: Sequence[SelectionNode], fragments: dict[str, FragmentDefinitionNode]
) -> None:
    for node in nodes:
        if isinstance(node, FieldNode):
            sub = into.setdefault(node.name.value, {})
            if node.selection_set is not None:
                _merge_nodes(sub, node.selection_set.selections, fragments)
        elif isinstance(node, InlineFragmentNode):
            _merge_nodes(into, node.selection_set.selections, fragments)
        elif isinstance(node, FragmentSpreadNode):
            fragment = fragments.get(node.name.value)
            if fragment is not None:
                _merge_nodes(into, fragment.selection_set.selections, fragments)


def _merge(into: Selection, other: Selection) -> None:
    for name, sub in other.items():
        _merge(into.setdefault(name, {}), sub)


def path(selection: Selection, *names: str) -> Selection | None:
    for name in names:
        found = selection.get(name)
        if found is None:
            return None
        selection = found
    return selection


async def expand_orders(tree: TreeLoader, orders: Sequence[OrderRow], sel: Selection) -> None:
    if not orders:
        return
    if "products" in sel:
        await expand_products(tree, await tree.attach_products(orders), sel["products"])
    if "assets" in sel:
        await expand_assets(tree, await tree.attach_assets(orders), sel["assets"])
    if "addresses" in sel:
        await tree.attach_addresses(orders)
    if "events" in sel:
        await tree.attach_events(orders)
    if "manualTasks" in sel:
        await tree.attach_manual_tasks(orders)
    if "space" in sel:
        await tree.attach_spaces(orders)


async def expand_products(tree: TreeLoader, products: Sequence[ProductRow], sel: Selection) -> None:
    if not products:
        return
    if "parts" in sel:
        await expand_parts(tree, await tree.attach_parts(products), sel["parts"])
    if "assets" in sel:
        await expand_assets(tree, await tree.attach_assets(products), sel["assets"])
    if "order" in sel:
        await expand_orders(tree, await tree.attach_order(products), sel["order"])


async def expand_parts(tree: TreeLoader, parts: Sequence[PartRow], sel: Selection) -> None:
    if not parts:
        return
    if "children" in sel:
        await expand_parts(tree, await tree.attach_children(parts), sel["children"])
    if "assets" in sel:
        await expand_assets(tree, await tree.attach_assets(parts), sel["assets"])
    if "product" in sel:
        await expand_products(tree, await tree.attach_product(parts), sel["product"])
    if "order" in sel:
        await expand_orders(tree, await tree.attach_order(parts), sel["order"])


async def expand_assets(tree: TreeLoader, assets: Sequence[AssetRow], sel: Selection) -> None:
    if assets and ("versions" in sel or "currentVersion" in sel):
        await tree.attach_versions(assets)
