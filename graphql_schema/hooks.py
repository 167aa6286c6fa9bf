"""Strawberry's extension hooks, with the hook of each extension class looked up once.

For every phase of every operation (operation, parse, validate, execute), Strawberry looks up
each extension's hook on its class, asks `inspect` what kind of function it is and wraps it with
`contextlib.contextmanager` (`functools.wraps` included): a tenth of a small query's time. What
the lookup finds depends only on the class, so here it is kept per class and phase, and a
generator hook becomes the same `_GeneratorContextManager` that `contextmanager` would make,
without the wrapper function. Entering, leaving and errors are Strawberry's own (its exit stacks).
"""

from __future__ import annotations

import contextlib
import inspect
from functools import partial
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.extensions.context import (
    ExecutingContextManager,
    ExtensionContextManagerBase,
    OperationContextManager,
    ParsingContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner

# (extension class, hook name) -> (hook function or None, "sync" | "async" | "other")
_KINDS: dict[tuple[type, str], tuple[Any, str]] = {}


def _kind(extension_class: type, hook_name: str) -> tuple[Any, str]:
    key = (extension_class, hook_name)
    found = _KINDS.get(key)
    if found is None:
        hook = getattr(extension_class, hook_name)
        if hook is getattr(SchemaExtension, hook_name):
            found = (None, "none")
        elif inspect.isgeneratorfunction(hook):
            found = (hook, "sync")
        elif inspect.isasyncgenfunction(hook):
            found = (hook, "async")
        else:
            found = (hook, "other")  # Strawberry's own way (callables, or its error)
        _KINDS[key] = found
    return found


class _KeptHooks(ExtensionContextManagerBase):
    __slots__ = ()

    def get_hook(self, extension: SchemaExtension) -> WrappedHook | None:
        hook, kind = _kind(type(extension), self.HOOK_NAME)
        if kind == "none":
            return None
        if kind == "sync":
            manager = partial(contextlib._GeneratorContextManager, hook, (extension,), {})
            return WrappedHook(extension=extension, hook=manager, is_async=False)
        if kind == "async":
            async_manager = partial(contextlib._AsyncGeneratorContextManager, hook, (extension,), {})
            return WrappedHook(extension=extension, hook=async_manager, is_async=True)
        return super().get_hook(extension)


class KeptOperationHooks(_KeptHooks, OperationContextManager):
    __slots__ = ()


class KeptParsingHooks(_KeptHooks, ParsingContextManager):
    __slots__ = ()


class KeptValidationHooks(_KeptHooks, ValidationContextManager):
    __slots__ = ()


class KeptExecutingHooks(_KeptHooks, ExecutingContextManager):
    __slots__ = ()


class KeptHooksRunner(SchemaExtensionsRunner):
    """Strawberry's runner, its phases with `_KeptHooks` (stream results keep Strawberry's)."""

    def operation(self) -> OperationContextManager:
        return KeptOperationHooks(self.extensions)

    def validation(self) -> ValidationContextManager:
        return KeptValidationHooks(self.extensions)

    def parsing(self) -> ParsingContextManager:
        return KeptParsingHooks(self.extensions)

    def executing(self) -> ExecutingContextManager:
        return KeptExecutingHooks(self.extensions)
