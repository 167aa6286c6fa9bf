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
    "eJztXVtz2ziW/isovbRTpU4lTuye8WxtlWIrHU/bVkqWOzPT6mIgEba4pkA1Qdrx9ua/Lw"
    "BexAtIERJJUWi8JDKJA5AfwINzx5+9pWMim7wemKaLCOmdgT97GC4R/ZG91Qc9uFqtb7AL"
    "HpzZvC1MNJoRz4Vzj16+hzZB9JKJyNy1Vp7lYHoV+7bNLjpz2tDCD+tLPrb+8JHhOQ/IWy"
    "CX3vjtd3rZwib6htjD/fZn795Ctsl/9xzXRK5hmWzUlUMs3j8jQN9W7GnonyTqI3ypcCDv"
    "ZcUfu8cb08flf3xnDVePBh8iBUUwBr9uRLR3d5cXH3lL9jIzY+7Y/hKvW69evIWD4+a+b5"
    "mvGQ2794AwcqGHzARI7NFCOKNLAR70guf6KAbCXF8w0T30bQZ177/ufTxnCAA+Evvn/X+H"
    "j5ZoZhg3o4lxO5wYRk9iZuYUSgqThT2+Rr4H/a4BCVYOG+D802B89O70VTgp3oPLb3K4et"
    "85IfSgsZ7GNcrxHOawvsSeGOokSQZw+qzbQB1dWGO9XsURihFODSBLn5f+9+Px2/c/vf/b"
    "u9P3f6NN+IPGV34qAf/yZsIxXmMafpgBKjlczxfQFQObpcuASx/5EMFdwm+GjfCDt6B/vn"
    "3zpgTKXwdjvpRpK76WHcrTAl53E946Du6l8V75Ll2TUlAnSNpDudcUa2gBY8ZA8gD/83Z0"
    "IwY4ap9B17TmHvg/YFukMUaR4Moz37I9C5PXbNh9MGaGD+t5ScgfdhLjo+vBv7Lwn1+NPm"
    "Q5OOvgQ2Yqkltw1e0xtW3XuEnumblsvycyseP+Ubglcqzy4H50XGQ94F/QC4f4kj4IxHMR"
    "CwmFuFHUz2GCur66ln1c+BxLaqk1Rd+evjPyArY7uD0fXAwD2W4G54/P0DWNFNrsjnPsZK"
    "7EbfO3lsfL7BWI4QNHh70Ge+hIeF5ZdJJ6IrE6uFMuVa8s4zFstEmq7g0AQXMXeYBSnIGv"
    "9/QdvwIyd1bIBJ4DHIwAWcE5pXRcdtunt2mHFH0ACb/tE+S+7mXmpa5+p3iKR9h+ARDcfh"
    "r8eHxyChaQLIBzD6isH41hETrMyvsHv0aF+HvrG6Br+4WAJ4tYFBZAHNoDfZQpnkPKVRFw"
    "0dx5wBahj2Nhzs0Jf4nNyoQW9/cq7vP/JeSkqL1yQtJxJSHpuERIOhYIovzjkZJDYwoVhf"
    "3TKnLoabEYepoFOOBYBmNiMihnyOqBejPDaA3o0/cVgD59Xwg0u5UGmuLFoDBmLzI4p6nU"
    "4xknVXCmrYp5xkkh0tDLI31B73jWEpWjHVBmFa2Q9HX04xC5CX1Bk8kv4cdVAv7k8np4Ox"
    "lcf05pWxeDyZDdOeZXXzJXj7KcJ+4EfLmcfALsT/Cf0c0wu8/G7Sb/6bFngr7nGNh5NqCZ"
    "4APR1Qi11KzbkHgGldG2mfcsbQ0zHz5yVyb+QCY6wqR0pl305DxuNc9pSj3LXZ5lro1J2m"
    "SSNDtoMoczqxv1ljWeTH2VhDNBotEsNXDxhVeDges26ucgMd1o30p+n2L7VnbF1oDpHalk"
    "MzxQSBPfaKcshoQgrycyGPIb/VJ7YdykgrXw3rIRs75BDLj1tA8gWLmO6c89Zsmjf0DXA0"
    "foG+3HfuGGPOeZLgRmo2PWuSX9zgFZobl1b81fieyGDYyw7wgB9pUl+g/fho1QZ68Ull27"
    "1LZNHcqwb5W55lCGuW0h7AklsRIzUJJIQbtmI7bj7lvmW8P3pBK+JyX4nuTx9V1bBt6wuY"
    "Lo0rVXcfmWrt8cwBYxVv7MtuZ5mD84jo0gLtjuknQZvGeUsCnA4yvtbnAfRqOrlFXjw+Uk"
    "A/Pd9Yfh+OgtR582sgIZOc+cH+nridf0EPvLnMKRQj2ibdFI73DpUQ7x3ufx6OLufHI5uj"
    "mL5Fh6Z4o/j4e/Xg6/sIvoyULPUzyafBqOz8B6lL17q7Rpvxh6dU37OjyrZltgpJpJ4Jkg"
    "0bbAbIxCrD7LAJqi0phmwhIc35U3/yeJNKI6JLOVkEwBK6gB18/rng5ytW4ENs3/KkBLN6"
    "A6cA27URTU9S69GdGAXdaAaWzTVxPU1LaSgpU+Abi5u7oq87IkEj6Qaz0hwY72IST8+MsY"
    "2bDAeqom1qkF+YTcwEWwO0K/Bl0ptDF9b9xdF2FW5LVLYLrBeWc8JZq2lkgbDK0TabX3SX"
    "ufirxP2mbfsM2eWRBlbZMRjYJWyQOxQlaKSEzuL1V5f2pP0mbIUpNEHPfTkjrSUVA36iPJ"
    "NdWlmK+PNv9wcsIjv14qNN5HLWqVFX9bh2Wy9FP67Ikr/Bl/16mUXRL4wiThqsJJ2FxB4a"
    "SRehM6HKbZcCOE2buLzDtlsRoJqhYjNSL2cbCBGjoQoHipqxsIsMecoK7NshJpLB0Fdfs8"
    "ljFd4ePL80k1h0A99m4mXmtzt7SmMvaFlu7oVn+TvmK4fsv27aQrmn6BbriLaQv3wSo8dB"
    "Y9X/D5Vws4XVO3GHI6vru5ubz5WRLniOwMhD+m+O7m03BwNfn07zMQ/5zi27vz8+Ht7RkI"
    "f0zxx8Hl1d14eAbCH1N8Prg5H15dDS/OQPyzt4UW0EAxFY/yG4PjJ+G0yFC157d405QEWr"
    "PTwoPkkRghy5MANkenoc1CS3UFIvKwTegmIQZ1TaFANZoy3Wj4r0lKLcoVmoxVo6vRzc9R"
    "82z1yTTcXHDYjetnuthqEtoJDumdj4dUaWRsOvgxxZc3xufx6OcxZ/GJP0SMX7xBZLeDzj"
    "B+dztzRJpSmyMOyRyBKKLbzHmSTheh6bLLlzPbUE2XtDsJSLX5Sddd1kH+HTAu9XcK8k9+"
    "2TWAq6b9LguxgB3uYDllmh0zwO1oOp3QbkJjnyKwN242LQkSzizkDebTxkKEf4vDSaguNa"
    "PXdJRHp4ye4azkkC4046wJdEivwIRTlMZTbMJZUygR29G2EYe+gIULItNLjm9JUbV/iMt+"
    "JqCR41p0KW1RTJMupa3tWvXYtbh8toW1QyvlVZTySDqtQW08XEir6YvbxbgnvFs7a4iJcB"
    "BFgG5UQ/xEBRjHfRlizxUeF5W63y/TEdETwhWLwI4wAoj1mKzS+gMBi2CwfE3XKgQ7xOYk"
    "tj4dm3OwampxKbiCbITWy7+1Fi5/Uq14ZEntyKxcuaQfBOUgMkprgkQB2b11nVUfNtoV7Z"
    "XuZY7A/FVyiHFE0OK6Jy/EQ8t2NNd3lbJx3pVk47zLZ+NozbUYfXU1V+1Q1g7lLmivXT3I"
    "9xpiH9rM7dkTaGeJu/0y3WzJ2xle1LBm913k3M057lIa1zoEsiZ9K3N8RTyFWoc7WB3Osz"
    "xbKuc5JlBSi2vgDIDkk+VwLlbmMmRaoZNW6CDlRg8YUd4JHwQ2zmLNLkfYDRWPjaeMineA"
    "eV2jz8MbSfg5zRlg/07x+ej689UwiPaPfk7xePjP4Tm/GP3qcvoWnVHHfpJ2LGfIFGBmLX"
    "iWY9C2OcU1Raoj6LscQT93lsvQk1NVOEiQKPAttS0YaMNXMVvThi9t+KqYmhIZISQxzZBp"
    "WLU9sf0EldiAtjuw6mVIZKHNfLFdstYGq1pgqI2Xe0mOBZwZ8dfVWF1NYRXNtJk2USqpaZ"
    "NtcqzmRzCpMGFbGNXZf1oEq/c85vh5a+85qhRZb69P0PYb6Ha9CJvqV8d/qeA70OVSmy2X"
    "eoA20rCMiayZ9K9TBiVm2RmzA5pbS2iLv5uYJmtwCIheh8RNTWpThZpKoL0Ynl9eD66O3r"
    "7vH2cK3Uaovxc42ta7t4xRJ0mnLaVdtpTKOvK0/y7Cp9yGuoX/TkfLdmYqeB6Q5MEASZoO"
    "10fbUhpr5HAAf8U2AUP2eKgUlXpQN3VIlLfwlzMMLVsW8Byhxrwq5nQ0+IiMBSQLGcQzZA"
    "pqd6dVvPunxc7905xvnyDozheGh75J+X0zZNr3K+37/cN3RKfPFQsuMcFOkkvH+EnbIsoz"
    "mi0c59EgiL4+FpViKSxtIyLVRYr1YS86pCESLreZ9TSlnvWuzLrADJI7A1wf8aOP+OlCWE"
    "BNR/zQhc+cf2jXM+2DbhTCO5vMgLxdIVLs1Ne8FUxXs9mAEq8ZsyNE2Qo1KuKUyN/cEa10"
    "xqiKWDm+N3O+GUto2TtiNeI9XdOODlalLodqBd1dv77PtAtVV9LKdUx/vjNCQS+qghQZRO"
    "i7Wk/ItXYVnL4E/V0E3VXh6Ify5TUbePoAsfW/0Cuo9J263y8LQ3WyLZs8LVFHzOmIuW74"
    "VBqJmNNm0GL0D9MgVmQGzdlvqpgauMVix+1SNatO2qBMkLsjPndEqTSjZoWItb4jEiFS2l"
    "CJALHWvyrJD70BBuhH1hw8opUHLPrKlDewSq8EYY++9wIBtJwh00QmYAOCZ4tOte+B2+vJ"
    "Z9rI8yiUhFKjFQGISY2Ad0dlDpSvJdv8cJKVaHX2gQqy1N7TT7upBu2Y1EvYyYtStTfXFC"
    "pKqc0U9phbK0tsiC0ORElTdSOOVqmQ5vlcZjqC1noaap+Gmdw8zPRENFWiy5/9D5oLNOmS"
    "vWBNouBm8LZa3O3bsrjbt4K424W3FIQ4F0eBRu2VgLjtAFBtIipe7WqZiDpS/EcZNaEkZK"
    "rtIjXdxPRga15zn7LAAhX5mottT6uoRZNOq5TxJvQRR9+lQ4IDI2ssU1FLWetMnxQnqrnV"
    "3GmTpVCaKVgSQNtM39HCiAtU68Lkh2zei7/sHNaFqSJJEn0OsihLxLZCLpQDteRQ2CSREi"
    "pHC45o7ehvuKi+Lj/QFTORLsrRmamwiAGjGP+MB99xbARxgYiSIMvMyozSNTUd8ZV2kf8w"
    "Gl2lkP9wmTUb3V1/GI6P3mYqD+X3UxYlfk+1Hp89iyHLk8TUOs14+/WfVi+q7r1pKgVy6l"
    "uQb3LKVlWwc4TK4d2IvKPrRWh3QefEfO0u0GcFVAwrWts/JRBNEWkPjHgHloQ0bT3Xy7RT"
    "bq2Oglrz2QurdX7ejriql+mXRTb9vVbAlrPMOqCtlmbaTda6GdbkziLrid1PUYYDQTotPC"
    "8s26RI74aQWkux0YSSiCGKfPlrXlnizk80as2jnxKcG/DnN+kmr8vZ3KKfvLlDTuDS8SlX"
    "de4NugK8Bg4Q4YXwjRWFhg1QQ//ax699/Pu2oqjh4+/Y7tuCCVza9L0Hk7d28p9pJ38dnj"
    "XB1l6RYQsoNd8W8O28bJNxNmw8IShFvJ+jgvZj4NOnBbWBcpd8OBEm5acF6SMkWj9CQkdg"
    "tCV+6ogAHRHQtT1aRwToiADtau1sCqF2XOk6vZ10W90i7BVVQYvv9cscV6ySmEwFNMDKQP"
    "1AosJkDgaWR8AzfAGewwuShaXH3CfknoFn1/I8hMERxCaYO8sl+9N8BWbonvIn3j5oCiz+"
    "WOnyZ82NNcVzaNvI7IMldB+RyQuq0QHmiA5Be3ceeXs27GswAFNeq4k+1rQHXOc5LrPGr3"
    "v04hJBTAAEzw7tzQXEc1YrZE6xhenw3jNCmE6dM3PMF/BIN0r6Egvu4YtHAc/8AXyvD4jD"
    "nsEilMALngs+0PUE6FvQ5tDjqADXxxUruGlXzV5dNXuvtrYF7p2UgToiVHZzV94RzyUihO"
    "4wks6vNJV2zlTMSPCg6CDFktpQEYGCCL89rQDw26z6mqgKdaorWWsrQyjGyk95gky7JLrm"
    "ksgZPYoV9EZ1LF63XKRgRQXNS7SruIk+m0JZCf8Rvchs52HzejbzvcryuSKPVfby8hKPuh"
    "xIy84w6wGzJHqCqPQjV7E0R6kg5o2s6ZWLnizHJ8b24Jd0oZ7LvZFJSANnuI63pdZQ2pEW"
    "KrsmVKaVhuCAjPyUF4dKJml0uGRqpusIlwzP6CPGE3KJXIC7iLS9gMk3TbHCuqPctXnkL2"
    "geSR6VKG02z5HqkIxNIRnpgyl3jsxId3eYEFcI0MgttFScxph+BOPL80nFQI2VZVBNe9dQ"
    "jZX1C1LpZNfswe81HPqu0JLM+xh3PZdbsaAqkay2x/OUDxo2hM2VYwnPstoCtWHYm0qoNW"
    "nVn0DyOPA8tFwJk/6Tt/tlFn4epwETLTeGUI0wAvzkSZ/FKUHbZgc6wiCq5wgCCgNGc89x"
    "wefR7eTVGXhmMT9z+niAvTlg0U0L5xnYDn6IgpXyR0c2NYhkhYJMFEuEk848P1hnR2KpV8"
    "1jXFPo/EWBRi6ZY7VLZlXnoGwltYrFz/iEQmgKXEmFyzZDtdXS7ZhWUPfKNX030NaWMnnN"
    "GSrNEwTIUn68oiMgA32bI1fEbosT1US0OltNOlsNua4jyKspxj0m0GDr1MAaWYu6Vunuhc"
    "Z3QxOu1xodwVWDJZppxWNfZSN0Zm116azBCPwCa0U4LxssFeE6qDcc8bde2K3jmhaGdu/3"
    "MptAHM7OGLLj8/jbXQwCmVJ3cfemRVbQmy+CzaGJEWwEqZjlY8+yG+mfduYv0a5Prw0mez"
    "WYRN9EDupCBSlBoZUjgXJEvw+WdMReRk6fT1JpZAXI7jOSed9QNh9ru4DYtJFrSKKcIVMQ"
    "7WYCPIvT7IbYX+Yk3n2n3PXGw8HFvyX3toDoDPD/pnh8d3NzefMz/Tv4McVfBpcTfiX8Mc"
    "W3d+fnw+HF8OIMxD+n+OPg8opdCv6fYqbdXRiju8kZiH9O8fng5nx4xRvGP7Oup0oTXnvW"
    "H5Uj545k7aw1iYIx07UjHLpxpCpYJkh0JGZ2s2XqD1UJfdlDJ1N0+tRJiVMnEwpnDvJyK2"
    "OaUkf1dzmqf601S05yilDPcZfnOGl5kZzlDKme5y7Pc9qGJznTOWI9112e65D9ytauz5Dp"
    "U6C3T76KIgck4Y9pNPbbY6/DDXS4QRfWvcLhBsSD7pY53ilKLUZ0WYxAFMJt5jhJp2e4yz"
    "MsHzGkg4WqBgvVEyfE0gLVjhPaPkQoEbwDsQ9tg8Xl7JgDds17YlFACkGeltigbRvFLggZ"
    "sDKpXaqg1WTo2R1B5pWFH3uC2LP4Xr8s+MynrQw7alahzDihINjoR0oHWIUdZAJGDY7oi9"
    "9b7pLPcT+Rx3aPkMle9lVQI3sBCZghhAEbOJ8e10D/ukxfB3a2PigOxDKtB0SkqmytKZQr"
    "1nf6voJ/+PR9oX+Y3cpUNfNdOiFSHvgEiYJRLe+OK0D87rgQYnYr47/cd7z84Sg1ErXPIe"
    "PvMss2JlDA8pZZspUCsd6VBGK9ywdi8a1fXh9PkGkzW1f08yIzW06j3E+KBJVF3QIZ1S2X"
    "T+kdw49a6VrNygqBKDrqqCqzjwmUEwGPT6rIgLRVcYzzSU4K7H695kM+unQFCXl2KJek6u"
    "dCStLOEioobzeCuOvYWweRR7Qtrm1nxfoMpFOZMPLBxfXlzRmA5tLCUzz6PBwPJqPxGUj1"
    "t/cQZA/K1eqN2nejTi8bT5k6vRYxqIRkPQk+jtLg5RRdi8HL0TZ7sLHLKxfdIxdRPiP1CW"
    "TIuvElKFWxWseSFO8Haim5uqCyLqjcIYh1QeUOYN6o2zUs7VpSpjTTol9m4orqzkoXK2Ul"
    "QoPyoWGl35czfm7xgnJ35JLgjOIjdoUfcGwRfjdq+wN51ecXICbPyA1+850tq1Q0Pphk8d"
    "Ko0/DbofrejBLpUhwHa/wLZzCHdGEC65pAl4sQVimkr0U8I/w2ZfQSAanWTWrXTXTlU12f"
    "U9UcDp0w0yLYB1bp91BKQGjb0VYrvEO2okoJCxlFoqqYnyHTRqJyI5GZODdmRwORuifR9D"
    "M2oswa61K90+wkFJs/kvO02f6RXCfVDCDoiRkd7h0XOPQvF80R6+AMQAyiQ3z6gN49iv4C"
    "N7ThK2584KdI/UDAV3/FuPGda38VGz7qHmSKp/iLa3kewsDCgSHEhZjAQOFx7vml+QLiBw"
    "SO6Cj8uJhvr/4BLI/ExpV7iy5e1hL3+aEw7J5lhmaXKf4agvqjZX5lXSIGLAgtTH36FoQ+"
    "LaXAc9s3KwfKi6uhYirZRcarmiu6RpCGX0Fic61xED5JjY5QU6/aSrVXK5U+D6bh82A4pw"
    "2QksA5TaUg3CdVwD4phvokX4KTGflCQauq7SlBovXFrL7IdmUZk0fUXonV2rbNo6SAbLHd"
    "tO2AvxUVXRhorXAIXVS08xzCEx/DWohm3F5DmYUyq2/kQC230AnIdVmRLlvpdE3Jv8g8Q+"
    "IZ23lGRaTaPZpnnRwnaQddmkp76XRZO83ARAxMVzj7C8xw0h5d1eKaIdOFHjJnhCQM8NWD"
    "9dc0Gs+MgWQF50gSzySNdmiXO7Q5Vnlwpb3Zt1E/hwnqRh92ck2JHdgi3loDsKH7eZjo8S"
    "D5wEaEMxvLZpA526wB4VHUj5q4JneX7etIRkYm13neMTsnn06iCMtoI00nZgPFgSpJTrE5"
    "UCXJqaqUTLwbX/HMGRbv4aEHnrgfVCsMo0mCXBnOLn8gQcAJAZYHiD9jXc1YpIcDji6Gt5"
    "c/34Cp/+YN/Onvr0TVE5scSjY+JMH9dQCEDoA4aB9niwEQUuk6a4puZOkoVUsj+Zi5OSk2"
    "l2bItL1UPoUEMxgEPL20hEmCShcwqV7AhMu60mAnqPRRlxJoE0RlIalix2sKBXfSRk6Yps"
    "Llk+X4xJAHW0Cq4BnEjRzrzQGjuq63patL2IF2h3TZHXIPLZu+q0EsYTBp+XzniPVcd3mu"
    "TYtw8cqgqjyRFIjzpFoo3jqIYCaINC7e0NJUCsDeQmF0Ha5RjL66leOCFL2tKuKnKPWsd2"
    "XWBfta7vwq7SvXvvIueBw3+8qreBzDFGphqsEW/kaJPPtuSt4t+xsd9xG553AFZ1S18cSZ"
    "8dk2/VKPI29tzNPNN7ocvzCHHwRLOF9YLGfdx5iCBYLeCJhDDEwHHBHbmrPrVJiizQjPI6"
    "fTzf1yr/oAEp5VHlGxKGBAoCU4ta2F8fQBHh3g8/0S5+DCkTvDLWqv4PEdJ1V8gycnJcd3"
    "nOQ8g8Enkwe4xDW4JumGb1CpCn4uWjlbHlqeIVVQXzhc/SBQC3Py7H4K7QyoJDdfiKSI8E"
    "6p7ADXbTpzblZhApdw1xWEboZsvbtbQS0JW8W7bCguyWy0CRIFHYiN7Lbso5JAOGyuILqN"
    "eArpiB4SxXkXyzIJkvZlmf1slLVJLXvdzL7/P1fdx94="
)
