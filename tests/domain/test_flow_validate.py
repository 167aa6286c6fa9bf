"""Flow validation: pointers and sentences for every rule, odd JSON never raising, and a JSON Schema
that agrees with the validator."""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from server.domain.flows.definition import MAX_TIMEOUT_MS, FlowError
from server.domain.flows.payload_specs import (
    STRING,
    Field,
    HandlerSpec,
    handler_keys,
    handler_spec,
    re2_unsupported,
    register_handler,
    unregister_handler,
)
from server.domain.flows.schema import flow_json_schema
from server.domain.flows.validate import (
    load_flow,
    validate_flow,
    validate_step,
    validate_task_definition,
)

Json = dict[str, Any]


def base_flow() -> Json:
    """A valid flow using every built-in handler, with a branch, a loop and two stages."""
    return {
        "tags": ["demo"],
        "stages": [
            {
                "key": "make",
                "taskDefinitions": [
                    {
                        "key": "mail",
                        "handlerKey": "send-email",
                        "payload": {"recipients": ["{customerEmail}"], "subject": "Thanks", "body": "Hi"},
                        "next": [{"taskDefinitionKey": "files", "trigger": "success"}],
                    },
                    {
                        "key": "files",
                        "handlerKey": "generate-production-files",
                        "payload": {"fileFormat": "stl"},
                        "timeoutDuration": 60000,
                        "next": [
                            {"taskDefinitionKey": "connector", "trigger": "success"},
                            {"taskDefinitionKey": "check", "trigger": "failure"},
                        ],
                    },
                    {
                        "key": "connector",
                        "handlerKey": "consume-rest-api",
                        "payload": {"uri": "https://connector.example.com/orders", "sendsFeedback": True},
                        "timeoutDuration": 3600000,
                        "next": [{"taskDefinitionKey": "connector", "trigger": "timeout"}],
                    },
                    {
                        "key": "check",
                        "handlerKey": "manual-task",
                        "payload": {"title": "Check the files", "assigneeTags": ["qa"]},
                        "successStatus": "Unhealthy",
                    },
                ],
                "initialTaskDefinitionKeys": ["mail"],
            },
            {
                "key": "ship",
                "taskDefinitions": [
                    {"key": "pause", "handlerKey": "wait", "payload": {"duration": 1000}},
                    {
                        "key": "assets",
                        "handlerKey": "asset-email",
                        "payload": {
                            "filter": r"^\s*(.*\.[zZ][iI][pP])\s*$",
                            "recipients": ["ops@example.com"],
                            "subject": "Files",
                            "body": "{assetOverview}",
                            "needConfirmation": True,
                        },
                        "successStatus": "Success",
                    },
                ],
                "initialTaskDefinitionKeys": ["pause", "assets"],
            },
        ],
    }


def base_steps() -> list[Json]:
    return [
        {
            "stepDefinitionId": "generate",
            "type": "generate-production-files",
            "successStatus": "In progress",
            "options": {"fileFormat": "stl"},
            "onSuccess": "consume",
            "onError": "error",
        },
        {
            "stepDefinitionId": "consume",
            "type": "consume-rest-api",
            "options": {"uri": "https://httpbin.org/anything"},
            "timeout": 5000,
        },
        {
            "stepDefinitionId": "error",
            "type": "send-email",
            "successStatus": "Failed",
            "options": {"recipients": ["a@example.com"], "subject": "s", "message": "m"},
        },
    ]


TASK = "/stages/0/taskDefinitions"
SHIP = "/stages/1/taskDefinitions"
Mutation = Callable[[Any], Any]


def setting(path: str, value: Any) -> Mutation:
    """A mutation setting the value at a JSON pointer (created if absent)."""

    def mutate(document: Any) -> Any:
        *parents, last = path.split("/")[1:]
        node = document
        for token in parents:
            node = node[int(token)] if isinstance(node, list) else node[token]
        if isinstance(node, list) and int(last) == len(node):
            node.append(value)
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
        return document

    return mutate


def deleting(path: str) -> Mutation:
    def mutate(document: Any) -> Any:
        *parents, last = path.split("/")[1:]
        node = document
        for token in parents:
            node = node[int(token)] if isinstance(node, list) else node[token]
        del node[int(last) if isinstance(node, list) else last]
        return document

    return mutate


def test_the_base_flows_are_valid() -> None:
    assert validate_flow(base_flow()) == []
    assert validate_flow(base_steps()) == []


DELETE = object()  # as a case's value: remove the node instead


def case(name: str, path: str, value: Any, words: str, at: str | None = None) -> Any:
    """Break the node at `path`; the error must point `at` it (default: `path`) and hold `words`."""
    mutation = deleting(path) if value is DELETE else setting(path, value)
    return pytest.param(mutation, at or path, words, id=name)


P0, P1, P2, P3 = (f"{TASK}/{index}/payload" for index in range(4))
WAIT, ASSETS = f"{SHIP}/0/payload", f"{SHIP}/1/payload"
FLOW_CASES: list[Any] = [
    case(
        "unknown handler",
        f"{TASK}/0/handlerKey",
        "send-mail",
        '"send-mail" is not a known handler; did you mean "send-email"? The known handlers are',
    ),
    case("unknown handler, nothing close", f"{TASK}/0/handlerKey", "zzz", "handler. The known handlers are"),
    case("handler key not a string", f"{TASK}/0/handlerKey", 7, "must be a string"),
    case("missing uri", f"{P2}/uri", DELETE, '"uri" is missing'),
    case("uri null is missing", f"{P2}/uri", None, "is missing"),
    case("uri not a URL", f"{P2}/uri", "connector.example.com", "absolute http(s) URL"),
    case("uri ftp", f"{P2}/uri", "ftp://example.com", "http(s)"),
    case("uri without host", f"{P2}/uri", "https:///x", "http(s)"),
    case("misspelled payload key", f"{P2}/sendFeedback", True, 'did you mean "sendsFeedback"?'),
    case("unknown payload key", f"{P0}/attachments", [], "the fields are recipients, subject, body, cc, bcc"),
    case("wrong payload type", f"{P0}/subject", 3, '"subject" must be a string, not a number'),
    case("bool for a string", f"{P0}/body", True, "not a boolean"),
    case("recipients not a list", f"{P0}/recipients", "a@example.com", "must be a list"),
    case(
        "recipient not an address",
        f"{P0}/recipients",
        ["a@example.com", "nobody"],
        'Item 2 of "recipients" must be an e-mail address',
        at=f"{P0}/recipients/1",
    ),
    case("alias and name both given", f"{P0}/message", "Hello", 'give only "body"'),
    case("payload not an object", P0, ["x"], "must be an object"),
    case("payload missing", P0, DELETE, "is missing", at=f"{P0}/recipients"),
    case("file format case", f"{P1}/fileFormat", "STL", 'must be "stl" or "obj"; did you mean "stl"?'),
    case("file format unknown", f"{P1}/fileFormat", "gltf", 'must be "stl" or "obj"'),
    case("manual task tags", f"{P3}/assigneeTags", "qa", "must be a list"),
    case("manual task without title", f"{P3}/title", DELETE, "missing"),
    case("wait negative", f"{WAIT}/duration", -1, "0 or more"),
    case("wait fraction", f"{WAIT}/duration", 1.5, "whole number"),
    case("regex invalid", f"{ASSETS}/filter", "(zip", "not a valid regular expression"),
    case("regex lookahead", f"{ASSETS}/filter", r"^(?!tmp).*\.zip$", "RE2"),
    case("regex backreference", f"{ASSETS}/filter", r"(a)\1", "backreference"),
    case("confirmation not a bool", f"{ASSETS}/needConfirmation", "no", "true or false"),
    case("duplicate task key", f"{TASK}/1/key", "mail", 'task key "mail" is used twice'),
    case("duplicate stage key", "/stages/1/key", "make", 'stage key "make" is used twice'),
    case(
        "next names no task",
        f"{TASK}/0/next/0/taskDefinitionKey",
        "filez",
        '"filez" names no task here; did you mean "files"?',
    ),
    case(
        "next names a task of another stage",
        f"{TASK}/0/next/0/taskDefinitionKey",
        "pause",
        "names no task here",
    ),
    case(
        "duplicate next entry",
        f"{TASK}/0/next/1",
        {"taskDefinitionKey": "files", "trigger": "success"},
        "given twice",
    ),
    case(
        "initial names no task",
        "/stages/0/initialTaskDefinitionKeys/0",
        "start",
        '"start" names no task here',
    ),
    case("initial listed twice", "/stages/1/initialTaskDefinitionKeys/1", "pause", "listed twice"),
    case("no initial task", "/stages/0/initialTaskDefinitionKeys", [], "A stage needs an initial task"),
    case("initial keys missing", "/stages/0/initialTaskDefinitionKeys", DELETE, "is missing"),
    case("no task definitions", "/stages/0/taskDefinitions", [], "at least 1 item"),
    case("no stages", "/stages", [], "A flow needs at least one stage"),
    case(
        "unknown trigger",
        f"{TASK}/0/next/0/trigger",
        "done",
        '"success" or "failure" or "timeout" or "always"',
    ),
    case("trigger case", f"{TASK}/0/next/0/trigger", "Success", 'did you mean "success"?'),
    case("timeout zero", f"{TASK}/1/timeoutDuration", 0, "more than 0"),
    case("timeout negative", f"{TASK}/1/timeoutDuration", -1, "more than 0"),
    case(
        "timeout over 30 days",
        f"{TASK}/1/timeoutDuration",
        MAX_TIMEOUT_MS + 1,
        "at most 2592000000 (30 days)",
    ),
    case(
        "timeout as text", f"{TASK}/1/timeoutDuration", "1000", "whole number of milliseconds, not a string"
    ),
    case("timeout as bool", f"{TASK}/1/timeoutDuration", True, "not a boolean"),
    case("unknown status", f"{TASK}/3/successStatus", "Done", "is not an order status a flow can set"),
    case("created status", f"{TASK}/3/successStatus", "Created", 'cannot be "Created"'),
    case("misspelled task field", f"{TASK}/0/timeout", 5, 'task definition; did you mean "timeoutDuration"?'),
    case(
        "misspelled stage field",
        "/stages/0/initialTaskDefinitionKey",
        ["mail"],
        'did you mean "initialTaskDefinitionKeys"?',
    ),
    case("unknown flow field", "/name", "x", "is not a field of a flow"),
    case("stage not an object", "/stages/1", "ship", 'Item 2 of "stages" must be an object'),
    case("task key empty", f"{TASK}/3/key", " ", "non-empty string"),
    case("tags not strings", "/tags", [1], "must be a string", at="/tags/0"),
]


@pytest.mark.parametrize(("mutation", "at", "words"), FLOW_CASES)
def test_a_broken_flow_is_refused_with_a_pointer_and_a_sentence(
    mutation: Mutation, at: str, words: str
) -> None:
    errors = validate_flow(mutation(base_flow()))

    assert errors, "expected an error"
    matching = [error for error in errors if error.pointer == at]
    assert matching, f"no error at {at}: {[str(error) for error in errors]}"
    assert any(words in error.message for error in matching), [error.message for error in matching]
    for error in errors:
        assert error.message.endswith((".", "?")), error.message
        assert error.message[:1].isupper() or error.message.startswith('"'), error.message


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (f"{TASK}/2/payload/uri", "https://<your_endpoint_url>"),
        (f"{TASK}/2/payload/uri", "http://localhost:8000/orders"),
        (f"{TASK}/2/payload/uri", "HTTPS://Example.com"),
        (f"{TASK}/2/payload/uri", "https://{connectorHost}/orders?x=1"),
        (f"{TASK}/0/payload/recipients", ["{customerEmail}", "ops@example.com", "{data.contact.email}"]),
        (f"{TASK}/0/payload/cc", ["boss@example.com"]),
        (f"{TASK}/0/payload/cc", None),
        (f"{TASK}/0/payload/subject", ""),
        (f"{TASK}/1/timeoutDuration", MAX_TIMEOUT_MS),
        (f"{TASK}/1/timeoutDuration", None),
        (f"{TASK}/1/payload/generator", "name-tag"),
        (f"{TASK}/3/successStatus", "IN_PROGRESS"),
        (f"{TASK}/3/successStatus", "failed"),
        (f"{TASK}/3/next", [{"taskDefinitionKey": "mail", "trigger": "always"}]),
        (f"{SHIP}/1/payload/filter", r"[(?=]\(?=x\)\d{2,3}?"),
        (f"{SHIP}/1/payload/filter", r"(?P<name>\w+)\.(?:stl|obj)$"),
        ("/tags", None),
    ],
)
def test_what_users_may_write_is_accepted(path: str, value: Any) -> None:
    assert validate_flow(setting(path, value)(base_flow())) == []


def test_the_payload_alias_is_accepted_alone() -> None:
    flow = base_flow()
    payload = flow["stages"][0]["taskDefinitions"][0]["payload"]
    payload["recipient"], payload["message"] = payload.pop("recipients"), payload.pop("body")

    assert validate_flow(flow) == []


def test_a_payload_of_an_unknown_handler_is_not_checked_further() -> None:
    flow = setting(f"{TASK}/0/handlerKey", "fax")(base_flow())

    assert [error.pointer for error in validate_flow(flow)] == [f"{TASK}/0/handlerKey"]


STEP_CASES: list[Any] = [
    case("missing uri", "/1/options/uri", DELETE, "is missing"),
    case("message and body", "/2/options/body", "b", 'give only "body"', at="/2/options/message"),
    case("unknown type", "/0/type", "generate", "is not a known handler"),
    case("onError names no step", "/0/onError", "eror", 'did you mean "error"?'),
    case("onSuccess not a string", "/0/onSuccess", 1, "must be a non-empty string"),
    case("duplicate id", "/2/stepDefinitionId", "consume", "used twice"),
    case("bad status", "/0/successStatus", "Started", "is not an order status"),
    case("timeout zero", "/1/timeout", 0, "more than 0"),
    case("step not an object", "/1", None, "Item 2 of the step list must be an object"),
    case("misspelled field", "/1/option", {}, 'did you mean "options"?'),
]


@pytest.mark.parametrize(("mutation", "at", "words"), STEP_CASES)
def test_a_broken_step_list_is_refused_with_pointers_into_it(mutation: Mutation, at: str, words: str) -> None:
    errors = validate_flow(mutation(base_steps()))

    matching = [error for error in errors if error.pointer == at]
    assert matching, f"no error at {at}: {[str(error) for error in errors]}"
    assert any(words in error.message for error in matching), [error.message for error in matching]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "this is null"),
        (3, "this is a number"),
        ("flow", "this is a string"),
        ({}, "an object without stages"),
        ({"name": "x"}, "an object without stages"),
        ({"stepDefinitionId": "a", "type": "wait"}, "This is a single step"),
        ({"key": "t", "handlerKey": "wait"}, "This is a single task definition"),
        ([], "A step list needs at least one step."),
    ],
)
def test_what_is_no_flow_at_all_says_what_a_flow_is(value: Any, words: str) -> None:
    (error,) = validate_flow(value)

    assert error.pointer == ""
    assert words in error.message


def test_a_single_task_and_a_single_step_validate_on_their_own() -> None:
    task = base_flow()["stages"][0]["taskDefinitions"][0] | {
        "next": [{"taskDefinitionKey": "elsewhere", "trigger": "success"}]
    }
    step = base_steps()[0]

    assert validate_task_definition(task) == []
    assert validate_step(step) == []
    assert [e.pointer for e in validate_task_definition(task | {"payload": {}})] == [
        "/payload/recipients",
        "/payload/subject",
        "/payload/body",
    ]
    assert [e.pointer for e in validate_step(step | {"options": {"fileFormat": 1}})] == [
        "/options/fileFormat"
    ]
    assert validate_task_definition([]) == [
        FlowError("", "The task definition must be an object {...}, not a list.")
    ]


@pytest.mark.parametrize(
    ("pattern", "feature"),
    [
        (r"a(?=b)", "lookahead"),
        (r"a(?!b)", "negative lookahead"),
        (r"(?<=a)b", "lookbehind"),
        (r"(?<!a)b", "negative lookbehind"),
        (r"(?P<x>a)(?P=x)", "named backreference"),
        (r"(a)?(?(1)b|c)", "conditional"),
        (r"(?>ab)", "atomic"),
        (r"a*+", "possessive"),
        (r"a++", "possessive"),
        (r"\d?+", "possessive"),
        (r"(a)\2", "backreference"),
        (r"[a]]*+", "possessive"),
        (r"a{2}+", "possessive"),
        (r"a{2,}+", "possessive"),
        (r"a{2,3}?", None),
        (r"a}+", None),
        (r"^\s*(.*\.[zZ][iI][pP])\s*$", None),
        (r"[(?=]", None),
        (r"[^]++]", None),
        (r"[]a]", None),
        (r"\(?=", None),
        (r"\\d\++", None),
        (r"\0", None),
        (r"a+?b*?", None),
        ("", None),
    ],
)
def test_regex_features_re2_lacks_are_found(pattern: str, feature: str | None) -> None:
    found = re2_unsupported(pattern)
    if feature is None:
        assert found is None
    else:
        assert found is not None and feature in found


# --------------------------------------------------------------------------------------------------
# Extensibility


@pytest.fixture
def fax_handler() -> Iterator[HandlerSpec]:
    spec = HandlerSpec(
        "send-fax", "Sends a fax.", (Field("number", STRING, True, description="the fax number."),)
    )
    register_handler(spec)
    yield spec
    unregister_handler(spec.key)


def test_a_registered_handler_is_validated_and_in_the_schema(fax_handler: HandlerSpec) -> None:
    flow = setting(f"{TASK}/0/handlerKey", "send-fax")(base_flow())
    flow["stages"][0]["taskDefinitions"][0]["payload"] = {"numbr": "+32"}

    errors = validate_flow(flow)

    assert [(e.pointer, e.message) for e in errors] == [
        (f"{TASK}/0/payload/numbr", '"numbr" is not a field of a send-fax payload; did you mean "number"?'),
        (f"{TASK}/0/payload/number", '"number" is missing: the fax number.'),
    ]
    assert (
        "send-fax"
        in flow_json_schema()["properties"]["stages"]["items"]["properties"]["taskDefinitions"]["items"][
            "properties"
        ]["handlerKey"]["enum"]
    )


def test_a_handler_key_is_registered_once(fax_handler: HandlerSpec) -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_handler(fax_handler)
    register_handler(fax_handler, replace=True)
    assert handler_spec("send-fax") is fax_handler


def test_the_six_built_ins_are_registered() -> None:
    assert set(handler_keys()) >= {
        "send-email",
        "asset-email",
        "consume-rest-api",
        "generate-production-files",
        "manual-task",
        "wait",
    }


# --------------------------------------------------------------------------------------------------
# Odd JSON never raises


# The first twelve are scalars and shallow containers; the rest nest or are unusual strings.
ODD_VALUES: list[Any] = [
    *(None, True, False, 0, -1, 1.5, 1e308, 10**30, "", "x", "{customerEmail}", []),
    *([None], [[[]]], {}, {"": None}, {"stages": None}, {"key": []}, "\u0000", "🙂" * 3),
]
KEYS = ["stages", "key", "taskDefinitions", "handlerKey", "payload", "next", "trigger", "x", "uri"]
KEYS += ["initialTaskDefinitionKeys", "taskDefinitionKey", "stepDefinitionId", "type", "options", "filter"]


def random_json(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(8 if depth < 4 else 5)
    if kind < 5:
        return rng.choice(ODD_VALUES[:12])
    if kind == 5:
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(KEYS): random_json(rng, depth + 1) for _ in range(rng.randrange(5))}


def nodes(document: Any, at: str = "") -> Iterator[str]:
    """Pointers of every node of a document."""
    yield at
    if isinstance(document, dict):
        for key, value in document.items():
            yield from nodes(value, f"{at}/{key}")
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from nodes(value, f"{at}/{index}")


def resolve(document: Any, at: str) -> Any:
    for token in at.split("/")[1:]:
        document = document[int(token)] if isinstance(document, list) else document[token]
    return document


def assert_sound(value: Any) -> list[FlowError]:
    """Validation does not raise, and each pointer names a node, or a missing key of an object."""
    errors = validate_flow(value)
    for error in errors:
        assert isinstance(error, FlowError) and error.message
        parent, _, _ = error.pointer.rpartition("/")
        if error.pointer and "is missing" not in error.message:
            resolve(value, error.pointer)
        elif error.pointer:  # a missing key: of an object, or of a payload given as null or not at all
            grandparent, _, key = parent.rpartition("/")
            holder = resolve(value, grandparent)
            assert isinstance(holder.get(key) if isinstance(holder, dict) else holder[int(key)], dict | None)
    check = load_flow(json.dumps(value))
    assert check.ok is (check.definition is not None) is (not errors)
    if check.definition is not None:
        assert validate_flow(check.canonical()) == []
    return errors


def test_random_json_never_raises() -> None:
    rng = random.Random(20240611)
    for _ in range(3000):
        assert_sound(random_json(rng))
    for odd in ODD_VALUES:
        assert_sound(odd)
        validate_task_definition(odd)
        validate_step(odd)


@pytest.mark.parametrize("document", [base_flow(), base_steps()], ids=["canonical", "step list"])
def test_replacing_any_node_by_an_odd_value_never_raises(document: Any) -> None:
    for at in nodes(document):
        for odd in ODD_VALUES:
            mutated = odd if at == "" else setting(at, copy.deepcopy(odd))(copy.deepcopy(document))
            assert_sound(mutated)
        if at:
            assert_sound(deleting(at)(copy.deepcopy(document)))


# --------------------------------------------------------------------------------------------------
# The JSON Schema agrees with the validator


def schema_errors(schema: Json, value: Any, root: Json | None = None) -> list[str]:
    """A small Draft 2020-12 evaluator for the keywords flow_json_schema uses (no jsonschema installed)."""
    root = root or schema
    if "$ref" in schema:
        return schema_errors(resolve(root, schema["$ref"].removeprefix("#")), value, root)
    errors: list[str] = []
    types = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
    kind = schema.get("type")
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return ["type integer"]
    elif kind and not isinstance(value, types[kind]):
        return [f"type {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append("enum")
    if "const" in schema and value != schema["const"]:
        errors.append("const")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append("pattern")
    if "exclusiveMinimum" in schema and isinstance(value, int) and value <= schema["exclusiveMinimum"]:
        errors.append("exclusiveMinimum")
    if "minimum" in schema and isinstance(value, int) and value < schema["minimum"]:
        errors.append("minimum")
    if "maximum" in schema and isinstance(value, int) and value > schema["maximum"]:
        errors.append("maximum")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append("minItems")
        for item in value:
            errors += schema_errors(schema.get("items", {}), item, root)
    if isinstance(value, dict):
        errors += [f"required {key}" for key in schema.get("required", ()) if key not in value]
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(properties[key], item, root)
            elif schema.get("additionalProperties") is False:
                errors.append(f"additional {key}")
    for part in schema.get("allOf", ()):
        errors += schema_errors(part, value, root)
    if "anyOf" in schema and all(schema_errors(part, value, root) for part in schema["anyOf"]):
        errors.append("anyOf")
    if "not" in schema and not schema_errors(schema["not"], value, root):
        errors.append("not")
    if "if" in schema and not schema_errors(schema["if"], value, root):
        errors += schema_errors(schema.get("then", {}), value, root)
    return errors


def test_the_schema_is_draft_2020_12_and_names_every_handler() -> None:
    schema = flow_json_schema("https://fabflow.example/schemas/flow.json")

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://fabflow.example/schemas/flow.json"
    task = schema["properties"]["stages"]["items"]["properties"]["taskDefinitions"]["items"]
    assert [case["if"]["properties"]["handlerKey"]["const"] for case in task["allOf"]] == list(handler_keys())
    json.dumps(schema)  # serialisable


def test_the_schema_accepts_the_valid_flow() -> None:
    assert schema_errors(flow_json_schema(), base_flow()) == []


# Cross-references, duplicates and regex features are the validator's alone; the rest both refuse.
_VALIDATOR_ONLY = ("twice", "names no task", "RE2", "regular expression", "backreference")
SCHEMA_CASES = [
    pytest.param(param.values[0], id=param.id)
    for param in FLOW_CASES
    if not any(word in param.values[2] for word in _VALIDATOR_ONLY)
]


@pytest.mark.parametrize("mutation", SCHEMA_CASES)
def test_the_schema_refuses_what_it_can_express(mutation: Mutation) -> None:
    assert schema_errors(flow_json_schema(), mutation(base_flow())), (
        "the schema accepted what the validator refused"
    )


def test_the_schema_never_refuses_what_the_validator_accepts() -> None:
    rng = random.Random(7)
    schema = flow_json_schema()
    document = base_flow()
    for at in nodes(document):
        for odd in rng.sample(ODD_VALUES, 6):
            mutated = setting(at, copy.deepcopy(odd))(copy.deepcopy(document)) if at else odd
            if not validate_flow(mutated) and isinstance(mutated, dict) and "stages" in mutated:
                assert schema_errors(schema, mutated) == [], at
