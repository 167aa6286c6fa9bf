"""`users`, `createUser`, `setUserTags`, `setUserRole`: admins only, never space keys."""

from __future__ import annotations

from server.models import User
from tests.graphql.conftest import Gql

USERS = "{ users { email role tags isActive } }"
CREATE_USER = """
mutation ($email: String!, $password: String!, $tags: [String!]) {
  createUser(email: $email, password: $password, role: OPERATOR, tags: $tags) {
    user { id email role tags } errors { field message code }
  }
}
"""
SET_TAGS = """
mutation ($id: ID!, $tags: [String!]!) {
  setUserTags(id: $id, tags: $tags) { user { tags } errors { field message code } }
}
"""
SET_ROLE = """
mutation ($id: ID!, $role: Role!) {
  setUserRole(id: $id, role: $role) { user { role } errors { field message code } }
}
"""


async def test_an_admin_creates_a_user_then_sets_tags_and_role(gql: Gql, admin_token: str) -> None:
    created = await gql(
        CREATE_USER,
        {"email": "ada@example.com", "password": "long enough pw", "tags": ["Eyewear"]},
        admin_token,
    )
    user = created["data"]["createUser"]["user"]
    tagged = await gql(SET_TAGS, {"id": user["id"], "tags": ["lamps", " rush "]}, admin_token)
    promoted = await gql(SET_ROLE, {"id": user["id"], "role": "ADMIN"}, admin_token)
    listed = await gql(USERS, token=admin_token)

    assert created["data"]["createUser"]["errors"] == [] and user["tags"] == ["eyewear"]
    assert tagged["data"]["setUserTags"]["user"]["tags"] == ["lamps", "rush"]
    assert promoted["data"]["setUserRole"]["user"]["role"] == "ADMIN"
    assert {u["email"] for u in listed["data"]["users"]} == {"admin@example.com", "ada@example.com"}


async def test_bad_input_comes_back_as_field_errors(gql: Gql, admin_token: str) -> None:
    created = await gql(CREATE_USER, {"email": "not-an-email", "password": "short"}, admin_token)
    bad_id = await gql(SET_TAGS, {"id": "nope", "tags": []}, admin_token)

    fields = {e["field"] for e in created["data"]["createUser"]["errors"]}
    assert fields == {"email", "password"}
    assert bad_id["data"]["setUserTags"]["errors"][0]["field"] == "id"


async def test_operators_and_space_keys_are_refused(
    gql: Gql, operator_token: str, space_key: tuple[str, str]
) -> None:
    for token in (operator_token, space_key[1]):
        listed = await gql(USERS, token=token)
        created = await gql(CREATE_USER, {"email": "x@example.com", "password": "long enough pw"}, token)

        assert listed["data"] is None and listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert created["data"]["createUser"]["errors"][0]["code"] == "forbidden"


async def test_the_last_admin_keeps_the_role(gql: Gql, admin_token: str) -> None:
    admin = await User.get(email="admin@example.com")

    demoted = await gql(SET_ROLE, {"id": str(admin.id), "role": "OPERATOR"}, admin_token)

    assert demoted["data"]["setUserRole"]["errors"][0]["code"] == "last_admin"
