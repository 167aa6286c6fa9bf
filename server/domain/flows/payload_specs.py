"""The language of handler payload specs (DESIGN §4.4), and the registry validation reads them from.

A `Field` has a name, a value type, whether it is required, aliases and a description. A value type
can both *check* a Python value (producing `FlowError`s with JSON pointers) and *render* itself as a
JSON Schema fragment, so validation and `/schemas/flow.json` never disagree.

Rules common to every object: a key whose value is `null` counts as absent; unknown keys are refused
with the closest known name as a suggestion; a field and its alias may not both be given.

The registry starts empty. Each handler module (built-in or plug-in, entry points `fabflow.handlers`)
declares its own spec; the composition root registers the installed ones at start-up
(`server.task_handlers.install`), so the domain never imports the handlers.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import re2

from server.domain.flows.definition import FlowError, Json
from server.domain.json_values import kind_of
from server.domain.jsonpos import child

# --------------------------------------------------------------------------------------------------
# The schema language


class ValueType(Protocol):
    def check(self, value: object, at: str, label: str) -> list[FlowError]:
        """Problems of `value` found at pointer `at`; `label` names it in sentences ('"uri"')."""
        ...

    def json_schema(self) -> Json: ...


Rule = Callable[[dict[str, Any], str], list[FlowError]]


@dataclass(frozen=True)
class Scalar:
    """A leaf type: a JSON Schema fragment and a predicate that say the same thing.

    `problem(value)` returns None when the value fits, else the rest of a sentence ("must be a string").
    """

    schema: Json
    problem: Callable[[Any], str | None]

    def check(self, value: object, at: str, label: str) -> list[FlowError]:
        problem = self.problem(value)
        if problem is None:
            return []
        return [FlowError(at, f"{label} {problem}" + ("" if problem.endswith(("?", ".")) else "."))]

    def json_schema(self) -> Json:
        return dict(self.schema)


@dataclass(frozen=True)
class ListOf:
    item: ValueType
    min_items: int = 0
    too_few: str = ""  # the sentence when there are fewer than min_items; a generic one if empty

    def check(self, value: object, at: str, label: str) -> list[FlowError]:
        if not isinstance(value, list):
            return [FlowError(at, f"{label} must be a list [...], not {kind_of(value)}.")]
        if len(value) < self.min_items:
            plural = "item" if self.min_items == 1 else "items"
            message = self.too_few or f"{label} must hold at least {self.min_items} {plural}."
            return [FlowError(at, message)]
        errors: list[FlowError] = []
        for index, item in enumerate(value):
            errors += self.item.check(item, child(at, index), f"Item {index + 1} of {_inner(label)}")
        return errors

    def json_schema(self) -> Json:
        schema: Json = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


def _inner(label: str) -> str:
    """A label as it reads inside a sentence: "The flow" → "the flow"."""
    return "the" + label[3:] if label.startswith("The ") else label


@dataclass(frozen=True)
class Field:
    name: str
    type: ValueType
    required: bool = False
    aliases: tuple[str, ...] = ()
    description: str = ""
    default: Any = None  # documentation (JSON Schema `default`); handlers apply it

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class ObjectOf:
    fields: tuple[Field, ...]
    title: str  # completes "is not a field of …", e.g. "a send-fax payload"
    # Checks across fields (unique keys, references), run on any object even if some fields are wrong:
    # they must skip what they cannot read. `extra_schema` says in JSON Schema what they can.
    rules: tuple[Rule, ...] = ()
    extra_schema: Callable[[], Json] | None = None

    def check(self, value: object, at: str, label: str) -> list[FlowError]:
        if not isinstance(value, dict):
            return [FlowError(at, f"{label} must be an object {{...}}, not {kind_of(value)}.")]
        errors = [self._unknown(key, at) for key in value if key not in self.known_names()]
        for spec in self.fields:
            errors += self._check_field(spec, value, at)
        for rule in self.rules:
            errors += rule(value, at)
        return errors

    def known_names(self) -> list[str]:
        return [name for spec in self.fields for name in spec.names]

    def _unknown(self, key: str, at: str) -> FlowError:
        key = str(key)  # always already a string in parsed JSON
        names = [spec.name for spec in self.fields]
        hint = closest(key, self.known_names())
        advice = f'did you mean "{hint}"?' if hint else f"the fields are {', '.join(names) or 'none'}."
        return FlowError(child(at, key), f'"{key}" is not a field of {self.title}; {advice}')

    def _check_field(self, spec: Field, value: dict[str, Any], at: str) -> list[FlowError]:
        given = [name for name in spec.names if value.get(name) is not None]
        if not given:
            if not spec.required:
                return []
            return [FlowError(child(at, spec.name), f'"{spec.name}" is missing: {spec.description}')]
        if len(given) > 1:
            message = f'"{given[0]}" and "{given[1]}" mean the same; give only "{spec.name}".'
            return [FlowError(child(at, given[1]), message)]
        return spec.type.check(value[given[0]], child(at, given[0]), f'"{given[0]}"')

    def normalize(self, value: dict[str, Any]) -> Json:
        """Aliases renamed to their field's name, null values dropped, order of the fields kept."""
        result: Json = {}
        for spec in self.fields:
            for name in spec.names:
                if value.get(name) is not None:
                    result[spec.name] = value[name]
        return result

    def json_schema(self) -> Json:
        schema: Json = {"type": "object", "properties": {}, "additionalProperties": False}
        required: list[str] = []
        all_of: list[Json] = []
        for spec in self.fields:
            for name in spec.names:
                schema["properties"][name] = _property_schema(spec, name)
            if spec.required and not spec.aliases:
                required.append(spec.name)
            elif spec.required:
                all_of.append({"anyOf": [_given(spec, name) for name in spec.names]})
            if spec.aliases:
                all_of.append({"not": {"allOf": [_given(spec, name) for name in spec.names]}})
        if required:
            schema["required"] = required
        if self.extra_schema is not None:
            all_of += self.extra_schema().get("allOf", [])
        if all_of:
            schema["allOf"] = all_of
        return schema


def _property_schema(spec: Field, name: str) -> Json:
    own = spec.type.json_schema()
    if not spec.required or spec.aliases:  # null counts as absent
        own = {"anyOf": [own, {"type": "null"}]}
    if spec.description:
        own["description"] = spec.description if name == spec.name else f'Another name for "{spec.name}".'
    if spec.default is not None:
        own["default"] = spec.default
    return own


def _given(spec: Field, name: str) -> Json:
    """JSON Schema for "`name` is present and not null"."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word` (ignoring case), if one is near enough to be a likely typo."""
    by_lower = {candidate.lower(): candidate for candidate in candidates}
    match = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[match[0]] if match else None


# --------------------------------------------------------------------------------------------------
# Value types


def _type_is(kind: type, name: str) -> Callable[[Any], str | None]:
    def problem(value: Any) -> str | None:
        return None if isinstance(value, kind) else f"must be {name}, not {kind_of(value)}"

    return problem


def pattern_type(pattern: str, name: str) -> Scalar:
    """A string matching `pattern` (searched, as JSON Schema does; write the anchors)."""
    compiled = re.compile(pattern)

    def problem(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"must be {name}, not {kind_of(value)}"
        return None if compiled.search(value) else f"must be {name}; {value!r} is not"

    return Scalar({"type": "string", "pattern": pattern}, problem)


def one_of(*choices: str) -> Scalar:
    def problem(value: Any) -> str | None:
        if isinstance(value, str) and value in choices:
            return None
        hint = closest(value, choices) if isinstance(value, str) else None
        listed = " or ".join(f'"{choice}"' for choice in choices)
        return f"must be {listed}" + (f'; did you mean "{hint}"?' if hint else "")

    return Scalar({"type": "string", "enum": list(choices)}, problem)


def positive_integer(name: str, maximum: int | None = None, maximum_text: str = "") -> Scalar:
    def problem(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be {name}, not {kind_of(value)}"
        if value <= 0:
            return f"must be more than 0, not {value}"
        if maximum is not None and value > maximum:
            return f"must be at most {maximum}{maximum_text}, not {value}"
        return None

    schema: Json = {"type": "integer", "exclusiveMinimum": 0}
    if maximum is not None:
        schema["maximum"] = maximum
    return Scalar(schema, problem)


def non_negative_integer(name: str) -> Scalar:
    """A whole number, 0 or more (a `wait` of 0 ms succeeds at once)."""

    def problem(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be {name}, not {kind_of(value)}"
        if value < 0:
            return f"must be 0 or more, not {value}"
        return None

    return Scalar({"type": "integer", "minimum": 0}, problem)


STRING = Scalar({"type": "string"}, _type_is(str, "a string"))
BOOLEAN = Scalar({"type": "boolean"}, _type_is(bool, "true or false"))
OBJECT = Scalar({"type": "object"}, _type_is(dict, "an object {...}"))
KEY = pattern_type(r"\S", "a non-empty string")
STRING_LIST = ListOf(STRING)
# An address, or text with a {placeholder} that gives one at run time.
EMAIL = pattern_type(r"^(?:[^@\s]+@[^@\s]+|.*\{[^{}]+\}.*)$", "an e-mail address or a {placeholder}")
EMAIL_LIST = ListOf(EMAIL)
# Deliberately lax: placeholders such as https://<your_endpoint_url> pass; the https-only and
# public-address rules are the connector's business when it calls.
HTTP_URL = pattern_type(
    r"^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\s]+",
    "an absolute http(s) URL such as https://example.com/orders",
)


# Python `re` features that RE2 (which will run these patterns) refuses.
_RE2_UNSUPPORTED = (
    ("(?=", "a lookahead (?=…)"),
    ("(?!", "a negative lookahead (?!…)"),
    ("(?<=", "a lookbehind (?<=…)"),
    ("(?<!", "a negative lookbehind (?<!…)"),
    ("(?P=", "a named backreference (?P=…)"),
    ("(?(", "a conditional group (?(…)"),
    ("(?>", "an atomic group (?>…)"),
    ("*+", "a possessive quantifier *+"),
    ("++", "a possessive quantifier ++"),
    ("?+", "a possessive quantifier ?+"),
)


_POSSESSIVE_BRACES = re.compile(r"\{\d+(?:,\d*)?\}\+")


def re2_unsupported(pattern: str) -> str | None:
    """The first feature of `pattern` that RE2 lacks (outside escapes and [classes]), or None."""
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            following = pattern[index + 1 : index + 2]
            if not in_class and following and following in "123456789":
                return f"a backreference \\{following}"
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1
            index += pattern.startswith("^", index)
            index += pattern.startswith("]", index)  # "[]…]" and "[^]…]" hold a literal ]
            continue
        elif _POSSESSIVE_BRACES.match(pattern, index):
            return "a possessive quantifier {…}+"
        else:
            found = next((name for token, name in _RE2_UNSUPPORTED if pattern.startswith(token, index)), None)
            if found:
                return found
        index += 1
    return None


def _regex_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be a regular expression in a string, not {kind_of(value)}"
    unsupported = re2_unsupported(value)
    if unsupported:
        return f"uses {unsupported}, which RE2 (the linear-time engine that runs filters) does not support"
    return re2_problem(value)


def re2_problem(pattern: str) -> str | None:
    """Why RE2 (which runs the filters) refuses `pattern`, or None when it compiles."""
    options = re2.Options()
    options.log_errors = False
    try:
        re2.compile(pattern, options)
    except re2.error as exc:
        detail = exc.args[0] if exc.args else exc
        text = detail.decode(errors="replace") if isinstance(detail, bytes) else str(detail)
        return f"is not a valid regular expression: {text}"
    return None


# No "format": "regex" in the schema: editors would check it as an ECMAScript pattern, which is not RE2.
REGEX = Scalar({"type": "string"}, _regex_problem)


# --------------------------------------------------------------------------------------------------
# Handler specs and their registry


@dataclass(frozen=True)
class HandlerSpec:
    key: str
    description: str
    fields: tuple[Field, ...]

    @property
    def payload(self) -> ObjectOf:
        article = "an" if self.key[:1] in tuple("aeiou") else "a"
        return ObjectOf(self.fields, f"{article} {self.key} payload")


_REGISTRY: dict[str, HandlerSpec] = {}


class _HandlerKey:
    """A handler key known to the registry at the time of the check."""

    def check(self, value: object, at: str, label: str) -> list[FlowError]:
        if not isinstance(value, str):
            return [FlowError(at, f"{label} must be a string, not {kind_of(value)}.")]
        if value in _REGISTRY:
            return []
        hint = closest(value, _REGISTRY)
        advice = f'; did you mean "{hint}"?' if hint else "."
        known = ", ".join(_REGISTRY)
        return [FlowError(at, f'"{value}" is not a known handler{advice} The known handlers are: {known}.')]

    def json_schema(self) -> Json:
        return {"type": "string", "enum": list(_REGISTRY)}


HANDLER_KEY = _HandlerKey()


def register_handler(spec: HandlerSpec, *, replace: bool = False) -> None:
    """Make a handler known to validation, the JSON Schema and the editor."""
    if spec.key in _REGISTRY and not replace:
        raise ValueError(f"A handler with the key {spec.key!r} is already registered.")
    _REGISTRY[spec.key] = spec


def unregister_handler(key: str) -> None:
    """Forget a handler (tests, plug-in reloads); unknown keys are ignored."""
    _REGISTRY.pop(key, None)


def handler_spec(key: str) -> HandlerSpec | None:
    return _REGISTRY.get(key)


def handler_specs() -> tuple[HandlerSpec, ...]:
    return tuple(_REGISTRY.values())


def handler_keys() -> tuple[str, ...]:
    return tuple(_REGISTRY)
