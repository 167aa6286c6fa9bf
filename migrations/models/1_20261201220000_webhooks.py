"""webhooks: written by hand for SQLite and PostgreSQL (regenerate with scripts/make_migration.py)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

SQLITE_UPGRADE = """
ALTER TABLE "space" ADD "webhooks_version" INT NOT NULL DEFAULT 0;
ALTER TABLE "fab_order" ADD "webhook_sequence" INT NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS "webhook_endpoint" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "url" VARCHAR(2000) NOT NULL,
    "events" JSON NOT NULL,
    "description" TEXT NOT NULL,
    "enabled" INT NOT NULL DEFAULT 1,
    "ordered" INT NOT NULL DEFAULT 0,
    "secret" VARCHAR(100) NOT NULL,
    "previous_secret" VARCHAR(100),
    "secret_rotated_at" TIMESTAMP,
    "failing_since" TIMESTAMP,
    "disabled_reason" TEXT NOT NULL,
    "created_by" VARCHAR(300) NOT NULL DEFAULT '',
    "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "space_id" CHAR(36) NOT NULL REFERENCES "space" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_end_space_i_3a1f0e" ON "webhook_endpoint" ("space_id", "created_at");
CREATE TABLE IF NOT EXISTS "webhook_delivery" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "url" VARCHAR(2000) NOT NULL,
    "event_type" VARCHAR(50) NOT NULL,
    "sequence" INT NOT NULL DEFAULT 0,
    "body" TEXT NOT NULL,
    "state" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "attempts" INT NOT NULL DEFAULT 0,
    "tries" INT NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP,
    "lease_until" TIMESTAMP,
    "last_status_code" INT,
    "last_error" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "ended_at" TIMESTAMP,
    "space_id" CHAR(36) NOT NULL REFERENCES "space" ("id") ON DELETE CASCADE,
    "endpoint_id" CHAR(36) REFERENCES "webhook_endpoint" ("id") ON DELETE CASCADE,
    "order_id" CHAR(36) REFERENCES "fab_order" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_del_state_5b2c1d" ON "webhook_delivery" ("state", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_webhook_del_endpoin_7c3d2e" ON "webhook_delivery" ("endpoint_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_webhook_del_order_i_8d4e3f" ON "webhook_delivery" ("order_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_webhook_del_created_9e5f40" ON "webhook_delivery" ("created_at");
CREATE TABLE IF NOT EXISTS "webhook_attempt" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "number" INT NOT NULL,
    "request_headers" JSON NOT NULL,
    "status_code" INT,
    "response_excerpt" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "duration_ms" INT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP NOT NULL,
    "delivery_id" CHAR(36) NOT NULL REFERENCES "webhook_delivery" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_att_deliver_a06051" ON "webhook_attempt" ("delivery_id", "number");
"""

SQLITE_DOWNGRADE = """
DROP TABLE IF EXISTS "webhook_attempt";
DROP TABLE IF EXISTS "webhook_delivery";
DROP TABLE IF EXISTS "webhook_endpoint";
ALTER TABLE "space" DROP COLUMN "webhooks_version";
ALTER TABLE "fab_order" DROP COLUMN "webhook_sequence";
"""

POSTGRES_UPGRADE = """
ALTER TABLE "space" ADD "webhooks_version" INT NOT NULL DEFAULT 0;
ALTER TABLE "fab_order" ADD "webhook_sequence" INT NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS "webhook_endpoint" (
    "id" UUID NOT NULL PRIMARY KEY,
    "url" VARCHAR(2000) NOT NULL,
    "events" JSONB NOT NULL,
    "description" TEXT NOT NULL,
    "enabled" BOOL NOT NULL DEFAULT TRUE,
    "ordered" BOOL NOT NULL DEFAULT FALSE,
    "secret" VARCHAR(100) NOT NULL,
    "previous_secret" VARCHAR(100),
    "secret_rotated_at" TIMESTAMPTZ,
    "failing_since" TIMESTAMPTZ,
    "disabled_reason" TEXT NOT NULL,
    "created_by" VARCHAR(300) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "space_id" UUID NOT NULL REFERENCES "space" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_end_space_i_3a1f0e" ON "webhook_endpoint" ("space_id", "created_at");
CREATE TABLE IF NOT EXISTS "webhook_delivery" (
    "id" UUID NOT NULL PRIMARY KEY,
    "url" VARCHAR(2000) NOT NULL,
    "event_type" VARCHAR(50) NOT NULL,
    "sequence" INT NOT NULL DEFAULT 0,
    "body" TEXT NOT NULL,
    "state" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "attempts" INT NOT NULL DEFAULT 0,
    "tries" INT NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ,
    "lease_until" TIMESTAMPTZ,
    "last_status_code" INT,
    "last_error" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "ended_at" TIMESTAMPTZ,
    "space_id" UUID NOT NULL REFERENCES "space" ("id") ON DELETE CASCADE,
    "endpoint_id" UUID REFERENCES "webhook_endpoint" ("id") ON DELETE CASCADE,
    "order_id" UUID REFERENCES "fab_order" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_del_state_5b2c1d" ON "webhook_delivery" ("state", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_webhook_del_endpoin_7c3d2e" ON "webhook_delivery" ("endpoint_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_webhook_del_order_i_8d4e3f" ON "webhook_delivery" ("order_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_webhook_del_created_9e5f40" ON "webhook_delivery" ("created_at");
CREATE TABLE IF NOT EXISTS "webhook_attempt" (
    "id" UUID NOT NULL PRIMARY KEY,
    "number" INT NOT NULL,
    "request_headers" JSONB NOT NULL,
    "status_code" INT,
    "response_excerpt" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "duration_ms" INT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ NOT NULL,
    "delivery_id" UUID NOT NULL REFERENCES "webhook_delivery" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_att_deliver_a06051" ON "webhook_attempt" ("delivery_id", "number");
"""

POSTGRES_DOWNGRADE = """
DROP TABLE IF EXISTS "webhook_attempt";
DROP TABLE IF EXISTS "webhook_delivery";
DROP TABLE IF EXISTS "webhook_endpoint";
ALTER TABLE "space" DROP COLUMN "webhooks_version";
ALTER TABLE "fab_order" DROP COLUMN "webhook_sequence";
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


# The state before this migration: aerich's next `migrate` must be regenerated from the models.
MODELS_STATE = (
    "eJztXdty47gR/RWUXuKt8k7t+JaUk0qVLGt2lLUllyzvJhltMZAIWYwpkOHFHmcz/x6A9w"
    "tIERJJUVi8zMgkGiQPwGb36Ubjt97GUJFuf+irqoVsu3cNfuthuEHkR/bUKehB04xP0AMO"
    "XOheW5hotLAdCy4dcngFdRuRQyqyl5ZmOpqByVHs6jo9aCxJQw0/x4dcrP3HRYpjPCNnjS"
    "xy4suv5LCGVfQV0Zv78ltvpSFd9X73DEtFlqKp9KqmYWte/1QAfTXp3ZA/7bCP4KGCCznv"
    "pnfbPa8xuV3vj2+0ofmieJdIQeFfwzuuhLJPT6PbT15L+jALZWno7gbHrc13Z23gqLnrau"
    "oHKkPPPSOMLOggNQESvbUAzvCQjwc54FguioBQ4wMqWkFXp1D3/rJy8ZIiALwr0X8u/hrc"
    "WqKZoownM+VxOFOUHsfILAmUBCYNO94c+eb3GwPizxx6gcHn/vTk/Oq7YFCcZ8s76cHV++"
    "YJQgcq8TDGKEdjmMN6hB021EmRDODkXneBOjwQYx3P4hDFEKcGkCX3S/77/uzjxR8v/nR+"
    "dfEn0sS70ejIH0vAH41nHsYxpsGL6aOSw3WwhhYb2KxcBlxyy8cI7gZ+VXSEn501+fPjDz"
    "+UQPlzf+pNZdLKm8sG0Wm+rhsHp878c2m8Tdcic5IL6oRIeyj3mlINLWBMFUge4L89TsZs"
    "gMP2GXRVbemA/wFdsxtTFAmtvHA13dGw/YFe9hCKmeJDe97Y9n/0JMYn9/2/Z+Ef3E1ush"
    "qcdnCTGYrkJ7jq5zH12a7xI3lg5bL7N5GaHasX5ifRwyoP7ifDQtoz/gm9exCPyI1AvGSp"
    "kMCIm4T9HCeo8dHY9rHgW2SppeYUeXryzMjx1W7/cdC/Hfq23QIuX96gpSoptOkZ48zIHI"
    "na5k9tzjbZIxDDZw8d+hj0pkPj2dTIIPVYZrV/ptyqNjXlJWi0zaru9YGNlhZyAJG4Bv9a"
    "kWf8F7CXholU4BjAwAjYJlwSScOip11ymnRI0AfQ9k67NrI+9DLjUle/czzHE6y/AwgeP/"
    "e/P7u8Amtor4GxAsTWD6+h2eQypvNn7xgx4lfaV0Dm9rsNXjVbI7AA2yA9kFuZ4yUkWhUB"
    "Cy2NZ6zZ5HY07Glz23uI7c6ENPcPau57/3PYSWF74Yyks0pG0lmJkXTGMES9l4fLDo0kRD"
    "T2r6rYoVfFZuhVFmBfYylUifGgnBGrB+rtCqM1oK8uKgB9dVEIND2VBprgRaFQFu88OKel"
    "xNMZl1VwJq2KdcZlIdLQySN9S8442gaVo+1LZh2tQPRD+OMYtQl5QJXaL8HLVQL+bHQ/fJ"
    "z17x9S3tZtfzakZ868o++ZoydZzRN1An4ZzT4D+if452Q8zH5no3azf/boPUHXMRRsvClQ"
    "TeiB8GiIWmrUdWg7CrHRdhn3rGwNIx/cclcG/kgGOsSkdKQt9Gq87DTOaUk5yl0eZc8b4+"
    "RkkjJ7eDLHM6pb/ZYYT+q+csKZEJFolhJc3sSrgeB6DPs5Sky38lvJ95PNb2VnbA2YPtmV"
    "OMMjhTTxjnaKMbRt5PRYhKF34rSUL4yaVGALV5qOKPsGMfDY01MAgWkZqrt0KJNH/oCWA0"
    "7QV9KP/u4RecYbmQiUo6Ps3Ia858A20VJbacvvWLxhA1c4dIYAfcsS/QdPQ69QZ68Eln27"
    "lNymTGU4tMtccyrDUtcQdpiWWAkNlBQSkNdshDvuPjPfGr6XlfC9LMH3Mo+va+k88AbNBU"
    "SXzL2K07d0/uYA1mzFdBe6tszDfGMYOoK44HOXlMvgvSCCTQEeHWn3A3czmdylWI2b0SwD"
    "89P9zXB68tFDnzTSfBs5r5xfyOOx5/QQu5ucw5FCPZRtkaQ3POuRD/Hew3Ry+zSYjSbj69"
    "COJWfm+GE6/Hk0/IUeRK8aepvjyezzcHoN4qscPFolqf1i6MWl9mV6Vs1cYOiaceCZEJFc"
    "YDZHIXKfeQBNSUlMZQJhKwmEjIlbA64PcU9HOVu3Apt+WytAS9RlHbgG3QgKavxN4eWuY6"
    "RfkeXzijm0bwLJTz9NkQ4LSKkkLf2z35VA+uFb4xx/iFkR1Z/AdAvjr7wmmra2+s6/tFx9"
    "JylrSVkXUdaS6GuY6KO0Ay+hEcoISGUcCXVRKY0p+X2pqvtT3yTJXZR6hlGywJ6WdpSXcJ"
    "ygbrW1k3OqS4kiw1eEmYki/olSsxFFTbYmikwwAqSx9Z7M5PiDDdaa7RjWez7vo4rAHmkc"
    "CTpaGptHa2wWh4vYOLcfImoxwlwpwFwSX84aRRvyQhCdkcd3Rl4ANr4JEQGWypSZQcO/z1"
    "IWUG4VfGQF3U3GP4bNs0vjZUGCjhYkIN8yg8F3lxQ6CQVanPf2u+2gTVOQp9XLeSXH67zE"
    "7zrPu10ymlyMvowmy2iyjNX9Hot9fNK9FyfnkHnHT8v8sVXYolb2/ku8uoZWESH3njji3e"
    "OvsiJGp7wixLXEPWguoE/USNkwmdXcbNY4wvTZGYqiNOU2IdViwm2oPo4231Za4MVTXVwL"
    "/IBLu7s2ykKsRu4oqLsvR56SGT4dDWZtZiBR81omIHF7KlOXmXsUnjrd5q8olttyxlHS7y"
    "NvoCXDQMfu8JBRdFzG619t3VAs3SJ3O30aj0fjHzlxDsWuQfBjjp/Gn4f9u9nnf1yD6Occ"
    "Pz4NBsPHx2sQ/JjjT/3R3dN0eA2CH3M86I8Hw7u74e01iH72dvACGqiJ5xB9o3j45Qe1MI"
    "0sI9VeJtkPTVmgNaeROdB+sZVA5XEAm5OT0GahJb6Czcp5LA6VxhIyUsodKfUMh/20fqaL"
    "nQahnbT/3mA6JE4jVdP+jzkejZWH6eTHqafiE3+wFD/7A5H9HHRG8Vu70RFpSUlHHBMdgQ"
    "iiu4x5Uk7WEuxyEq6nbAM3nZN3YohK+klunyEj6h0gl073Wv2afLNrAFdM/i4LMUMd7sGc"
    "Us+OEnB7Uqcz0k1A9gkCe+O0acmyzcxE3kKfNrZo80uUTkJ8qQU5JrM8OkV6BqOSQ7qQxo"
    "kF5CJLBoVjG67FitoVUzixhBC5Ha2nu6OVhgvWCpckvaek2k99P8wANJLkLndEYeU0yR1R"
    "JK9VD6/l2Wc7sB3SKa/ilIfWaQ1u4/FCWs1f3LfEz/4eYiIdRBCgG/UQ7yF2oU7d6h7DQU"
    "ycPS3zDzdeO8UJG9bsHobkQc4xTGXbxCG2mpZcZ6rcR5yTzN85WlfW0RydK6c+EhDC8Wqh"
    "VHjyznI4F3u4GTEBjP22nVxItNEzRkR3wmfGN7TYz80JdmOVN72eMKu8jzBvcPIwHHPC78"
    "lcA/rvHA8m9w93Qz+bJPw5x9Ph34YD72D4q8vpgWREDf2Vm7jIiAmgzFpgLiLQdtnsMSUq"
    "MzS6nKGxNDaboJhTVeMgISLAu9S2YSApwWK1Ji4lKDN1ak59CkkITkwzYhJWmQDVfgJURK"
    "DtD6x4GThZaDNvbJcKtvizmkHURtO9JIcHLpTo7WqsbguzSkuapk0sxW2ask1eq/krqMSY"
    "0DWM6uy/mbtu4k6bHkt/Zu3Rn6TeD5tFJqvZNFrN5ggpxmCVGS/L+PtZpfYKdZe1XQBaah"
    "uos9+bSCbrr/tCHwLhpga1qXW0JdDeDgej+/7dyceL07NMHaIQ9QtGnCr4BObRLd+MISEn"
    "icYuE428cTAZ/grxqT38JetNd2YovDQtzrqNSZkOL1/f0RprpHaja9KPgMK7n1JKSjyom9"
    "pVyVm7mwWGms4LeE5QYl55y3rswBekrKG95kE8Iyagd3dVJTh+VRwbv8qFxm0EreVacdBX"
    "rrBpRkyGTmXotMY5L27o1P8K7zLqaUk56l0ZdYa/GNy9LFXbVmRXlqqtFn6sqVQtmfg0So"
    "L23S3b70YgvLNJ08ipY0NxUQHyNl7cE6Bof0cRAQorC8tla2UoJRaI7QlUekmaiFgZrrMw"
    "viobqOl7YjXxeronHR0fiVEJKhNa+yqnB9KFqDPJtAzVXe6NkN+LSCA1m6P1DLH2X+gUFF"
    "1KnT8ty9gysi2bLFwvs2Nkdkw3+NNGsmMkk1eM/nFyOkVMXo6CqOIte073nt9J0YiJNCdq"
    "I2tPfJ5soTLymzUiYsudZUKk7PoSAyL2JCrZD70+Buh72hy8INMBGnlkohuAsQI2ceHJc6"
    "8RQJsFUlWkAnpB8KaRoXYd8Hg/eyCNHIdAaRNpZNoAvSLrHXjdEZsDfehl8G7hcpwb9tSU"
    "uSxtqcMW+Tj0Sq1uutJ7rn+zaRF8rp3qYwkRrdRm1sAvNVNjM67F2XJpqW7kzAmVvrhc8g"
    "yH31oOQ+3DsOAbh4UciKaq2biLf6Mlw5Mu+RbEIgJ+DD5Wy7H7WJZj95GRY7d2Nox0xuKM"
    "r7C9EBDLZK/ODIVgFFFH6mQI4yaUZP20Xc+hm5jWUM7hMAUHvOgog4EKo6bF3JMZtmhtt+"
    "Ug2hm+l4bt1+6vcQl6LRVgM30SnIjnVnOncgW+5MXyujh6JXJYF+7kkhSRe7kw9nJZ6lrw"
    "+uZALdnYIikkhK3eQgRXRsgbLtws1+h2hV+RK9c7MxSarcAwvzsT+jYMHUFcYKIkxDKjsi"
    "ByTQ1HdKRd5G8mk7sU8jejLN/ydH8znJ58zJTnyH9PaaLwirgLLr0XhVcnsaX3ei266VC2"
    "F/qQpJgkxWTx2H2D57GXz4FoSkjyjBlEU2xPZUjTHJGcpp0ibzsKas3FeM14PcWeuIq3Mi"
    "OLbPp9rYCtpzLrgLbasqBuqtbtsCa/LLvv1tfm6tkjQTptPK81XSVI74eQWFOx0bTpUCGy"
    "IlaxriwJWiUatRa3ShnODUStmgkG+RvjyWiQjAbJaNCho0EdU/0tBIPkPp4yHPS7CQfBje"
    "ESBWGsFIILy94uVNgMSam3GXrbq5mumMQMozgxmO6tBddTwoepvH4YdkkWX28D5S4FEEJM"
    "youvy4q8rVfklbG64gGQsToZq5NBkK6msEtKWVY86ySh7Nd0YdDJUbGXYjI5Kngr63aJy6"
    "Jy7qSyzyYqOyDcmknbyB4qMuO74R0Dif1C8yRtROx/vtXcOUkBMW9kTpsWetUM11Z2B7+k"
    "C/F85UYGIQ2cYhnOjn5zaUeSoOoyQSXJkuI3UGSyJC6py82Z5EQldbKNOkkXMN6bQUl3d5"
    "wQVyBSchNtn31ATI1u3bgvpWJqP/muy1F+sbZv4VDD9g0CTck8wbzvTgSCkZ+Nkk50c4u+"
    "46CNycxkTJ4+LSOgvIKWMNFya/3XCUbAKxrrYhUsoa7TWqwQ0I7ACQQEBoyWjmGBh8nj7L"
    "tr8LaGDmm3QYA+OYBEam28Ad3Az0BzgGMYL/mqr01dhDPtMlPuM8RJZjQeLReXmOpV82Ni"
    "CZkXw8iL4d2+eI+IfeegbCVkT0xex7UJhCqD6SycthmpnaZuxwy1umeu6lq+Ab3hyZfLSE"
    "mdwECW6GOTXAEp6OsSWSx1W1yfkiUrtyXmrlSJLMtgpCQU4x4JSLBlWdAaVYu4ROHB9xDo"
    "2lg3QhCGcNVADlKvWKwNNE8zvGBmbnWpTGgIfgFbEYzLFqYimAf1Zst86QXdGpaqYaj3fi"
    "3jBKhh7c0xqpAN16l5zWTUvarZJnSW69pXZUZX0BEkZpaLHU1vpH/SmbtBcqOcoyZMwnci"
    "B3Whg5SQkM4Rwzki78czUryH4fPnk1ISWQayh0y0OzSUzaeCrSFWdWQpnChnxAREu5n8o/"
    "Armsd5iN1NzuLNkX8tpzn2psP+7T84v22+0DXw/pvj6dN4PBr/SP72f8zxL/3RzDsS/Jjj"
    "x6fBYDi8Hd5eg+jnHH/qj+7oIf//Oabe3a0yeZpdg+jnHA/648HwzmsY/cyGnioN+FWV8c"
    "56ponhvsqONrEjlwZfJmtCRMCUvtoRDsI4XCujEyLtfW9/OJKPLXV/iEvo8pa9TcnJurcc"
    "dW8TDmcO8nKWMS0pk067nHQae82cg5wSlGPc5TFOMi+co5wRlePc5XFOc3icI50TlmPd5b"
    "EO1C9vTaSMmKxDv3sNpDBzgBP+SEZivzv2Mt1Apht0Yd4LnG5gO9DacQliSlKaEV02IxCB"
    "cJcxTsrJEe7yCPNnDMlkoarJQvXkCdGVWmLnCe2eIpTehgvqCs3L2XPl173XE80CEgjytM"
    "UGdV0pDkHwgJVZ2iUKWk2mnj3ZSL3T8EuPkXsWnTstSz5zSStFD5ttXSPXBzYBQUffEzlA"
    "C0AgFVBpcEIefKVZG2+MTxPr2FYIqfRhvwMOXcq2hjZYIIQBvXB+eVwD/csqUh34sp2C4k"
    "QsVXtGNlcRmFhCuFpSVxcV4sNXF4XxYXoqU3THtciAcEXgEyICZrWcn1WA+PysEGJ6Krtl"
    "7YHz5Y/HqeHY5A5S/c4zbSMBAZi3zJStlIh1XpKIdZ5PxPI+/fz+eEJM0mxd8c+LaLacR3"
    "mYJRLEFrUKbFSr3D4lZxQ3bCVLiQprBKINZKUMFCv7SEA4E/DssooNSFoV5zhf5qzA7pcT"
    "belT2kgGuQlt+80gWpK4n2suSzsrKKC93QjillG0Bdb2JPJQtsW5bZi0T9865Ukj79/ej8"
    "bXAKobDc/x5GE47c8m02uQ6u/gKcgOfGZwf8W5CWH7bmyXRa8nzHZZmq0QC0l7ZbwcpcnL"
    "KbkWk5fDz+zR5i6bFlohCxE9w/UKZMS68SYItXGczCUp/h6I5eTKGreyxm2HIJY1bjuAea"
    "Nh1z6ytOW6xyC0gjOnpZRW3KYzhFbhUkGmHmQsEgymRXcplloWCRbzV6/IsplKsNj3T4iI"
    "6PVfXlZisS5LWKzL3FpX8lJxIBw0FxDdRlbmkys6CDPM5WI3JiHSvgtz5KsMDhqb+fZ/Kf"
    "Z/BQ=="
)
