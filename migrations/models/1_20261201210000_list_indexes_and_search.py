"""list_indexes_and_search: keyset indexes for every sortable column, trigram search, kept sort columns.

Written for SQLite and PostgreSQL in the layout of scripts/make_migration.py. Backfills the order
name and product title kept on products and parts, their search words, and the customer's
name, e-mail and company in the orders' search words.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

SQLITE_UPGRADE = """
ALTER TABLE "product" ADD "order_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "product" ADD "search_text" TEXT NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "order_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "product_title" VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "search_text" TEXT NOT NULL DEFAULT '';
DROP INDEX IF EXISTS "idx_fab_order_created_51ef63";
DROP INDEX IF EXISTS "idx_fab_order_deadlin_0a0c18";
DROP INDEX IF EXISTS "idx_fab_order_name_bd5cb4";
DROP INDEX IF EXISTS "idx_product_created_9eb6f4";
DROP INDEX IF EXISTS "idx_product_title_e73efa";
DROP INDEX IF EXISTS "idx_part_created_37d50f";
DROP INDEX IF EXISTS "idx_part_name_f93ecc";
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_c0470f" ON "fab_order" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_deadlin_8ac9cc" ON "fab_order" ("deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_name_c5be9d" ON "fab_order" ("name", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_value_eab1d6" ON "fab_order" ("value", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_status_002883" ON "fab_order" ("status", "id");
CREATE INDEX IF NOT EXISTS "idx_product_created_606179" ON "product" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_product_title_a4c932" ON "product" ("title", "id");
CREATE INDEX IF NOT EXISTS "idx_product_order_n_60b4f5" ON "product" ("order_name", "id");
CREATE INDEX IF NOT EXISTS "idx_product_deadlin_aeacfd" ON "product" ("deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_product_amount__e9d7ef" ON "product" ("amount_of_units", "id");
CREATE INDEX IF NOT EXISTS "idx_product_value_p_86b392" ON "product" ("value_per_unit", "id");
CREATE INDEX IF NOT EXISTS "idx_part_created_86cbc8" ON "part" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_part_name_2fbdec" ON "part" ("name", "id");
CREATE INDEX IF NOT EXISTS "idx_part_order_n_e0e90a" ON "part" ("order_name", "id");
CREATE INDEX IF NOT EXISTS "idx_part_product_c7c8cd" ON "part" ("product_title", "id");
UPDATE "product" SET "order_name" = (SELECT o."name" FROM "fab_order" o WHERE o."id" = "product"."order_id");
UPDATE "product" SET "search_text" = lower("title" || char(10) || coalesce("client_id", '') || char(10) || "order_name");
UPDATE "part" SET "order_name" = (SELECT p."order_name" FROM "product" p WHERE p."id" = "part"."product_id"), "product_title" = (SELECT p."title" FROM "product" p WHERE p."id" = "part"."product_id");
UPDATE "part" SET "search_text" = lower("name" || char(10) || "client_id");
UPDATE "fab_order" SET "search_text" = "search_text" || char(10) || coalesce(lower(json_extract("data", '$.customerInfo.name')), '') || char(10) || coalesce(lower(json_extract("data", '$.customerInfo.email')), '') || char(10) || coalesce(lower(json_extract("data", '$.customerInfo.company')), '') || char(10) || coalesce((SELECT group_concat(lower(json_extract(a."data", '$.name')), char(10)) FROM "address" a WHERE a."order_id" = "fab_order"."id"), '');
"""

SQLITE_DOWNGRADE = """
DROP INDEX IF EXISTS "idx_fab_order_created_c0470f";
DROP INDEX IF EXISTS "idx_fab_order_deadlin_8ac9cc";
DROP INDEX IF EXISTS "idx_fab_order_name_c5be9d";
DROP INDEX IF EXISTS "idx_fab_order_value_eab1d6";
DROP INDEX IF EXISTS "idx_fab_order_status_002883";
DROP INDEX IF EXISTS "idx_product_created_606179";
DROP INDEX IF EXISTS "idx_product_title_a4c932";
DROP INDEX IF EXISTS "idx_product_order_n_60b4f5";
DROP INDEX IF EXISTS "idx_product_deadlin_aeacfd";
DROP INDEX IF EXISTS "idx_product_amount__e9d7ef";
DROP INDEX IF EXISTS "idx_product_value_p_86b392";
DROP INDEX IF EXISTS "idx_part_created_86cbc8";
DROP INDEX IF EXISTS "idx_part_name_2fbdec";
DROP INDEX IF EXISTS "idx_part_order_n_e0e90a";
DROP INDEX IF EXISTS "idx_part_product_c7c8cd";
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_51ef63" ON "fab_order" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_fab_order_deadlin_0a0c18" ON "fab_order" ("deadline");
CREATE INDEX IF NOT EXISTS "idx_fab_order_name_bd5cb4" ON "fab_order" ("name");
CREATE INDEX IF NOT EXISTS "idx_product_created_9eb6f4" ON "product" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_product_title_e73efa" ON "product" ("title");
CREATE INDEX IF NOT EXISTS "idx_part_created_37d50f" ON "part" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_part_name_f93ecc" ON "part" ("name");
ALTER TABLE "product" DROP COLUMN "order_name";
ALTER TABLE "product" DROP COLUMN "search_text";
ALTER TABLE "part" DROP COLUMN "order_name";
ALTER TABLE "part" DROP COLUMN "product_title";
ALTER TABLE "part" DROP COLUMN "search_text";
"""

POSTGRES_UPGRADE = """
ALTER TABLE "product" ADD "order_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "product" ADD "search_text" TEXT NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "order_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "product_title" VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "search_text" TEXT NOT NULL DEFAULT '';
DROP INDEX IF EXISTS "idx_fab_order_created_51ef63";
DROP INDEX IF EXISTS "idx_fab_order_deadlin_0a0c18";
DROP INDEX IF EXISTS "idx_fab_order_name_bd5cb4";
DROP INDEX IF EXISTS "idx_product_created_9eb6f4";
DROP INDEX IF EXISTS "idx_product_title_e73efa";
DROP INDEX IF EXISTS "idx_part_created_37d50f";
DROP INDEX IF EXISTS "idx_part_name_f93ecc";
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_c0470f" ON "fab_order" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_deadlin_8ac9cc" ON "fab_order" ("deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_name_c5be9d" ON "fab_order" ("name", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_value_eab1d6" ON "fab_order" ("value", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_status_002883" ON "fab_order" ("status", "id");
CREATE INDEX IF NOT EXISTS "idx_product_created_606179" ON "product" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_product_title_a4c932" ON "product" ("title", "id");
CREATE INDEX IF NOT EXISTS "idx_product_order_n_60b4f5" ON "product" ("order_name", "id");
CREATE INDEX IF NOT EXISTS "idx_product_deadlin_aeacfd" ON "product" ("deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_product_amount__e9d7ef" ON "product" ("amount_of_units", "id");
CREATE INDEX IF NOT EXISTS "idx_product_value_p_86b392" ON "product" ("value_per_unit", "id");
CREATE INDEX IF NOT EXISTS "idx_part_created_86cbc8" ON "part" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_part_name_2fbdec" ON "part" ("name", "id");
CREATE INDEX IF NOT EXISTS "idx_part_order_n_e0e90a" ON "part" ("order_name", "id");
CREATE INDEX IF NOT EXISTS "idx_part_product_c7c8cd" ON "part" ("product_title", "id");
UPDATE "product" p SET "order_name" = o."name" FROM "fab_order" o WHERE o."id" = p."order_id";
UPDATE "product" SET "search_text" = lower(concat_ws(E'\\n', "title", "client_id", "order_name"));
UPDATE "part" t SET "order_name" = p."order_name", "product_title" = p."title" FROM "product" p WHERE p."id" = t."product_id";
UPDATE "part" SET "search_text" = lower(concat_ws(E'\\n', "name", "client_id"));
UPDATE "fab_order" o SET "search_text" = concat_ws(E'\\n', NULLIF(o."search_text", ''), lower(o."data"->'customerInfo'->>'name'), lower(o."data"->'customerInfo'->>'email'), lower(o."data"->'customerInfo'->>'company'), (SELECT string_agg(lower(a."data"->>'name'), E'\\n') FROM "address" a WHERE a."order_id" = o."id"));
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "idx_fab_order_search_trgm" ON "fab_order" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "idx_product_search_trgm" ON "product" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "idx_part_search_trgm" ON "part" USING gin ("search_text" gin_trgm_ops);
"""

POSTGRES_DOWNGRADE = """
DROP INDEX IF EXISTS "idx_fab_order_search_trgm";
DROP INDEX IF EXISTS "idx_product_search_trgm";
DROP INDEX IF EXISTS "idx_part_search_trgm";
DROP INDEX IF EXISTS "idx_fab_order_created_c0470f";
DROP INDEX IF EXISTS "idx_fab_order_deadlin_8ac9cc";
DROP INDEX IF EXISTS "idx_fab_order_name_c5be9d";
DROP INDEX IF EXISTS "idx_fab_order_value_eab1d6";
DROP INDEX IF EXISTS "idx_fab_order_status_002883";
DROP INDEX IF EXISTS "idx_product_created_606179";
DROP INDEX IF EXISTS "idx_product_title_a4c932";
DROP INDEX IF EXISTS "idx_product_order_n_60b4f5";
DROP INDEX IF EXISTS "idx_product_deadlin_aeacfd";
DROP INDEX IF EXISTS "idx_product_amount__e9d7ef";
DROP INDEX IF EXISTS "idx_product_value_p_86b392";
DROP INDEX IF EXISTS "idx_part_created_86cbc8";
DROP INDEX IF EXISTS "idx_part_name_2fbdec";
DROP INDEX IF EXISTS "idx_part_order_n_e0e90a";
DROP INDEX IF EXISTS "idx_part_product_c7c8cd";
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_51ef63" ON "fab_order" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_fab_order_deadlin_0a0c18" ON "fab_order" ("deadline");
CREATE INDEX IF NOT EXISTS "idx_fab_order_name_bd5cb4" ON "fab_order" ("name");
CREATE INDEX IF NOT EXISTS "idx_product_created_9eb6f4" ON "product" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_product_title_e73efa" ON "product" ("title");
CREATE INDEX IF NOT EXISTS "idx_part_created_37d50f" ON "part" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_part_name_f93ecc" ON "part" ("name");
ALTER TABLE "product" DROP COLUMN "order_name";
ALTER TABLE "product" DROP COLUMN "search_text";
ALTER TABLE "part" DROP COLUMN "order_name";
ALTER TABLE "part" DROP COLUMN "product_title";
ALTER TABLE "part" DROP COLUMN "search_text";
"""

SQL = {
    "sqlite": (SQLITE_UPGRADE, SQLITE_DOWNGRADE),
    "postgres": (POSTGRES_UPGRADE, POSTGRES_DOWNGRADE),
}


def _dialect(db: BaseDBAsyncClient) -> str:
    return "postgres" if db.capabilities.dialect == "postgres" else "sqlite"


async def upgrade(db: BaseDBAsyncClient) -> str:
    return SQL[_dialect(db)][0]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return SQL[_dialect(db)][1]


MODELS_STATE = (
    "eJztXdty47gR/RWUXuKt8k7t+JaUk0qVLGt2lLUllyzvJhltMZAIWYwpkOHFHmcz/x6Ad4"
    "IXERJJUVi82BSJBskDEOg+3Wj81tsYKtLtD31VtZBt967Bbz0MN4gcsJdOQQ+aZnyBnnDg"
    "QvfKwkShhe1YcOmQ0yuo24icUpG9tDTT0QxMzmJX1+lJY0kKavg5PuVi7T8uUhzjGTlrZJ"
    "ELX34lpzWsoq+IPtyX33orDemqd9wzLBVZiqbSu5qGrXn1UwH01aRPQ37aYR3BSwU3ct5N"
    "77F7XmHyuN6Pb7Sg+aJ4t0hB4d/DO6+Esk9Po9tPXkn6MgtlaejuBselzXdnbeCouOtq6g"
    "cqQ689I4ws6CA1ARJ9tADO8JSPBznhWC6KgFDjEypaQVenUPf+snLxkiIAvDvRPxd/DR4t"
    "UUxRxpOZ8jicKUqPo2WWBEoCk4Ydr4988+uNAfF7Dr3B4HN/enJ+9V3QKM6z5V304Op98w"
    "ShA5W4GWOUozbMYD3CTj7USREGcPKsu0AdnoixjntxiGKIUwPIkucl/74/+3jxx4s/nV9d"
    "/IkU8R40OvPHEvBH45mHcYxp8GH6qGRwHayhlQ8sK8eASx75GMHdwK+KjvCzsyY/P/7wQw"
    "mUP/enXlcmpby+bJAxzR/rxsGlM/9aGm/TtUif5II6IdIeyr2mhoYWMKYDSBbgvz1OxvkA"
    "h+UZdFVt6YD/AV2zGxsoEqPywtV0R8P2B3rbQwzMFB9a88a2/6MnMT657/+dhX9wN7lhR3"
    "BawQ3TFMkpuOr0mJq2a5wkDzy47D4nUrVj9ZI7JXpYZcH9ZFhIe8Y/oXcP4hF5EIiXeUNI"
    "oMRNwnqOE9T4bKz7WPAt0tRSfYq8PXln5PjDbv9x0L8d+rrdAi5f3qClKim06RXjzGDORG"
    "WzlzZnG/YMxPDZQ4e+Bn3oUHk2NdJIvTy12r9SrlWbmvISFNqmVff6wEZLCzmASFyDf63I"
    "O/4L2EvDRCpwDGBgBGwTLomkYdHLLrlMKiToA2h7l10bWR96TLvUVe8cz/EE6+8AgsfP/e"
    "/PLq/AGtprYKwA0fXDe2g2uY3p/Nk7R5T4lfYVkL79boNXzdYILMA2SA3kUeZ4CcmoioCF"
    "lsYz1mzyOBr2RnPbe4ntxoRU9w+q7nv/OfSksLxwStJZJSXprERJOstRRL2Ph0sPjSREVP"
    "avquihV8Vq6BULsD9iKXQQ40GZEasH6u0DRmtAX11UAPrqohBoeikNNMGLQqEs3nlwTkuJ"
    "N2ZcVsGZlCoeMy4LkYZOFulbcsXRNqgcbV+SNbQC0Q/hwTGOJuQFVaq/BB9XCfiz0f3wcd"
    "a/f0hZW7f92ZBeOfPOvjNnT9iRJ6oE/DKafQb0J/jnZDxk59mo3OyfPfpM0HUMBRtvClQT"
    "40B4NkQt1eo6tB2F6Gi7tDsrW0PLB4/clYY/koYOMSltaQu9Gi87tXNaUrZyl1vZs8Y4OZ"
    "mkzB6WzPG06la7JcaTmq+ccCZEJJqlBJfX8WoguB7Deo4S0638VvL7zOe32B5bA6ZPdiXO"
    "8EghTXyjnWIMbRs5vTzC0LtwWsoXRkUqsIUrTUeUfYMYeOzpKYDAtAzVXTqUySM/oOWAE/"
    "SV1KO/e0Se8UY6AuXoKDu3Id85sE201Fba8rs83rCBOxw6QoB+ZYn6g7ehd6izVgLLvlVK"
    "blOGMhzaZK45lGGpawg7uZpYCQ2UFBKQ12yEO+4+M98avpeV8L0swfcyi69r6TzwBsUFRJ"
    "f0vYrdt7T/ZgDWbMV0F7q2zMJ8Yxg6grhgukvKMXgviGBTgEdn2p3gbiaTuxSrcTOaMTA/"
    "3d8MpycfPfRJIc3XkbOD8wt5vfw+PcTuJmNwpFAPZVsk6Q1Pe+RDvPcwndw+DWajyfg61G"
    "PJlTl+mA5/Hg1/oSfRq4be5ngy+zycXoP4Lgf3Vklqvxh6cal9GZ5VMxcYmmYceCZEJBfI"
    "xihE5jMPoCkpiakMIGwlgDCn49aA60Nc01H21q3Apr/WCtCS4bIOXINqBAU1nlN4uesY6V"
    "dk+bxiBu2bQPLTT1OkwwJSKklL/+xXJdD48K1xjj/ErIjqT2C6hfFXXhNFW1t9599arr6T"
    "lLWkrIsoa0n0NUz0UdqBl9AIZQSkMo6EuqgUxpScX6qO/ak5SXIXpZZhFCywp6YdxSUcJ6"
    "hbde1kn+pSoMjwFeHcQBH/QqnaiKIiWwNFJhgBUth6T0Zy/MEGa812DOs9G/dRRWCPMI4E"
    "HS2VzaNVNovdRfk4t+8iatHDXMnBXOJfZpWiDfkgyJiRxXdGPoB8fBMiAiyVKVODhn+fpT"
    "SgzCr4SAu6m4x/DIuzS+NlQoKOJiQgc5mRw3eXJDoJBVrs9/a77aBNU5Cnh5fzSobXeYnd"
    "dZ41u6Q3uRh96U2W3mTpq/s9Jvv4pHsfTsYg886fltljq7BErez9l3h1Dc0iQp49ccZ7xl"
    "9lRoxOWUWIa4l7UFxAm6iRtGEyqrnZqHGE6bvnDBSlIbcJqRYDbsPh42jjbaUGXtzVxdXA"
    "D7i0u2utLMRq5I6Cuvty5Cnp4dPRYNZmBBJVr2UAErelMnVzY4/CS6fb7BXFcluOOErafe"
    "QLtKQb6NgNHtKKjpvz+VdbNxRLt8jdTp/G49H4R06cQ7FrEBzM8dP487B/N/v8j2sQHc7x"
    "49NgMHx8vAbBwRx/6o/unqbDaxAczPGgPx4M7+6Gt9cgOuztYAU0kBPPIeON4uGXbdTCMD"
    "JGqr1Ish+a0kBrDiNzoP1iK8GQxwFsRk5Cy0JLbAU7L+ax2FUaS0hPKben1FMc9hv1mSp2"
    "aoR2wv57g+mQGI10mPYP5ng0Vh6mkx+n3hCf+JE38OdPEOx00JmB39qNjkhLSjrimOgIRB"
    "Ddpc2TcjKXYJeDcL3BNjDTOXmnHFFJP8ntM6RHvQPk0uleq1+TX3YN4IrJ37EQ5wyHezCn"
    "1LKjBNye1OmMVBOQfYLA3jhtWrJsk+nIW+jTxhZtfonCSYgttSDnZJRHp0jPoFUySBfSOL"
    "GAXGSZQ+HYhmvlee2KKZxYQojYjtbD3dFKwwVrhUuC3lNS7Ye+H6YBGglylzui5MU0yR1R"
    "JK9VD6/l6Wc7sB3SKK9ilIfaaQ1m4/FCWs1e3DfFz/4WYiIcRBCgG7UQ7yF2oU7N6l6OgZ"
    "i4elpmH268cooTFqzZPAzJg4xhmIq2iV1sNS25ZrLcR5yTjN85WlPW0RydK6Y+EhDC8Goh"
    "VXjyyTI4F1u4jJgAyn7bRi4ko9EzRmTshM85c2ixnZsR7MYqb3o/YVZ5H2Hc4ORhOOaE35"
    "O5BvTvHA8m9w93Qz+aJDyc4+nwb8OBdzI86nJ4IGlRQ3/lJi4YMQEGsxaYiwi0XTZ7TInK"
    "CI0uR2gsjc0mSOZUVTlIiAjwLbWtGEhKsHhYE5cSlJE6NYc+hSQEJ6aMmIRVBkC1HwAVEW"
    "j7AyteBA4LLfPFdilhi9+rc4jaqLuXxPDAhRJ9XY3lbcnN0pKmaRNLcZumbJP3av4OKlEm"
    "dA2jOutPq2D1btsaPW/tNYeZSOqt9RXqbgPVxp2wqXplClgRfAcyHU+z6XiOkCMNlsnx0q"
    "S/n2V20ZDN0A5oqW2gnv/dRDIs4eALfQiEm2rUphYCl0B7OxyM7vt3Jx8vTs+YREoh6hc5"
    "jrZ49uYhdZJykintMlPK68iT/rsQn3IOdQf/nUyY3Zmm8OLMOBNPJmU6vP5+R22skeSTrk"
    "knAYV3Q6iUlHhQN7UtlLN2NwsMNZ0X8IygxLwq5uRu8AUpa2iveRBnxAS07q6qePevip37"
    "Vxnfvo2gtVwrDvrK5fdlxKTvV/p+a+zz4vp+/Vl4l1ZPS8pW70qr59iLwdPLXLttuaZlrt"
    "1q/tOacu2Sjk+9JGjf7b79agTCm436Rk4dO6KLCpC3c+SeAEUbVIoIUJgaWa67K0MpscJt"
    "T6DSa+pExMpwnYXxVdlATd8Tq4lX0z2p6PhIjEpQmdDad3B6IFWI2pNMy1Dd5d4I+bWIBF"
    "KzQWbPEGv/hU5B1qjU9dOykDODLdlk5n0ZHSOjY7rBnzYSHSOZvGL0j5PTKWLyMhREFWvZ"
    "M7r3nCdFIybSnKiNrD3xebKFWlLQrBIRa+55KkRKry9RIGJLopL+0OtjgL6nxcELMh2gkV"
    "cmYwMwVsAmJjx57zUCaLNAqopUQG8I3jTS1K4DHu9nD6SQ4xAobSKNTBugV2S9A686onOg"
    "Dz0G7xZux7njkIw0FkGXOvhSs26a0nsu4LNpFv+ctWXFOmosIaKW2swi/qVmavmMa3G0XF"
    "qqGzFzQoUvLpc8zeGXls1QezMs+NphIRuiqXQ87uLfaJljSZfMBbGIgJPBx2oxdh/LYuw+"
    "5sTYrZ1NTjhjccRXWF4IiGWwV2eaQjCKqCOJPoQxE0qiftpOSNFNTGvIR1HMYjbJQ3ne0R"
    "wGKvSaFnNPZliite2iA29n+F0atr/5QI1L0mtJYcvUSXAillvNlTaZ9qCZ5AQ+tM3UHXaM"
    "KBmtTEJ8zPRe9GVnsC7cUScpIvfUydlTZ6lrwSiUAbVkg5GkkBAmRwuOaOnobziBtlxq3B"
    "WaSC7A70xTaLYCwzB1xoNvGDqCuEBFSYgxrbIgck01R3SmXeRvJpO7FPI3I5Y2erq/GU5P"
    "PjJZRrLzKY13XhGrx6XPovCOSfnSe30W3bSLW+v/afOi6tyblhJg/WwL+k3G2KoKdkZQOL"
    "wb0Xfk2nDpLuicmi/dBTIveMWwopj/5EA0JSQ9MPkzMCekafZcdtNOubU6CmrNedbNeKXZ"
    "nriKt2aNRTb9vVbA1hsy64C22oLJbg6t22FNziy7b8TaZl6BI0E6rTyvNV0lSO+HkFhdsd"
    "EFJeGAmOfLj8fKEnd+olBrHv2U4tyAP79JN3ldzuYW/eTNbWgAN4ZLRlVjpZAe4DSwWYCX"
    "9FoxCTT0BjXUL3380sd/aBZFDB9/x2bfFihwuUu2dPL/bpz8OVN7xQE7R1KO2znjdla3YZ"
    "wNW3cDSQkfZluQwxB8cmeQNlDukg8nxKR8ZxCZLr71dPEyAqMt9VNGBMiIgK7N0TIiQEYE"
    "SFdrZ5cQSseVzDjbSbeVn1Mvx2kVJdsrdllFGw7IvKniOgo4d7LbZxO7HRBuzWprZA87uV"
    "StYUON6C90gYeNiP7Pl00nIykg5o30adNCr5rh2sru4JdUIR4d1EgjpIFTLMPZ0W4urUhy"
    "sF3mYCVZUvwFikyWxFsacHMmGVFJnWyjTtIbSOzNoKSrO06IKxApmY62zz5spka3zt6XUj"
    "G1n3zT5ShnrO1baNWwfZZAXTJLMO+7E5Rg5GejpBPdXKzvOGhj5sZLJy+flhFQXkJxmCi5"
    "Nf/+BCPgJe13sQqWUNdpLnwIaEXgBAICA0ZLx7DAw+Rx9t01eFtDh5TbIEDfHEAitTbegG"
    "7gZ6A5wDGMl2zW/aZuwhnczaRbD3GSQbtHy8UlunrVELBYQoZ+5YR+cYan7BOU0jkoW4lK"
    "ISqv49oEQjWH6SzstozUTl23Y4pa3T1XdS1fgd7whIQyUnJMyEGWjMcmuQNS0NclsvKG2+"
    "IYnzxZGejDHeiDLMvICUkoxj0SkGDLqKoahxZxicKD7+HUtbZuhCAM4aqBHKRWsVgbmJ8y"
    "vCDTt7qUpj0Ev4CtCNplC1MR9IN6o2W+9IJqDUvVMNR7v5ZxAlSx9voYHZAN19l3Iz5mlX"
    "BUvarZJnSW6/23+iu6g44gUbNc7Gh6I/WTytwNkhsVHjVhEn4TGagLDaSEhDSOcowj8n08"
    "I8V7GT57Piklkc1B9pCBdoeGsvlQsDXEqo4shRNlRkxAtJuJPwpn0SzOQ+xuMhpvhvxrez"
    "XadNi//Qfn3OYLXQPv3xxPn8bj0fhH8ts/mONf+qOZdyY4mOPHp8FgOLwd3l6D6HCOP/VH"
    "d/SU/3+OqXV3q0yeZtcgOpzjQX88GN55BaND1vVUqcGvqrQ3a5kmmvsqs/LQdZYG57LDWE"
    "TAkL7aEQ7cOFyL/xMi7c23PxzJZEvNH2ISurz5+lNyMmE/R8L+hMGZgbycZUxLyqDTLged"
    "xlYzZyOnBGUbd7mNk8wLZyszorKdu9zOaQ6Ps6UzwrKtu9zWwfDLm/aLEZMb6Oye5iuMHO"
    "CEP5KR2O+OvQw3kOEGXej3Aocb2A60dlyCmJKUakSX1QhEINyljZNysoW73ML8EUMyWKhq"
    "sFA9cUJ0pZbYcUK7hwil9w+FukLjcvZc+XXv1USjgASCPK2xQV1Xil0QPGAxS7tEQavJ0L"
    "MnG6l3Gn7p5cSeRddOy4LPXFJK0cNiW9fI9YFNQNDR90QO0AQQSAVUGpyQF19p1sZr49PE"
    "OrYVQip92e+AQ5eyraENFghhQG+cXR7XQP0yi1QHZrZTUByIpWrPyOZKAhNLCJdL6uqign"
    "/46qLQP0wvMUl3XIs0CN9uwLGIgFEt52cVID4/K4SYXmL8l4eOlz8eo4ZjK01Ix3eebhsJ"
    "CMC8MV22UiDWeUkg1nk2EMub+vnt8YSYpNm6Yp8X0WwZi/IwSySILmoV6KhWuX5KrihuWE"
    "qmEhVWCUQbmBcyUDzYRwLCqYBnl1V0QFKqOMb5MqMFdj+d6DHv+mBC234zyChJzM81l6bN"
    "CgqobzeCuGUU7fK2PYg8lG2xbxsmrdPXTnnCyPu396PxNYDqRsNzPHkYTvuzyfQapOo7eA"
    "iyA59zuL/i2ISwfDd2hKP3E2ZHOM1WiIakveZ8HKXByym5FoOXw2n2aGOXTQutkIXIOMP1"
    "CTBi3fgShNobUcaSFM8HYhm5MsetzHHbIYhljtsOYN6o27WPLG257uUQWsGV01JKKy7TGU"
    "KrcKlg7jiYs0gw6BbdpVhqWSRYzF+9IsvOHQSLbf+EiIhW/+VlJRbrsoTFusysdSUfFQfC"
    "QXEB0W1kZT65o4NwjrpcbMYkRNo3YY58lcFBfTPf/g8kV6/o"
)
