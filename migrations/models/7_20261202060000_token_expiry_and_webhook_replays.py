"""token expiry and webhook replays: written by hand for SQLite and PostgreSQL."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

SQLITE_UPGRADE = """
ALTER TABLE "api_key" ADD "expires_at" TIMESTAMP;
CREATE TABLE IF NOT EXISTS "webhook_replay" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "since" TIMESTAMP NOT NULL,
    "state" VARCHAR(16) NOT NULL DEFAULT 'running',
    "total" INT NOT NULL DEFAULT 0,
    "resent" INT NOT NULL DEFAULT 0,
    "cursor_at" TIMESTAMP,
    "cursor_id" CHAR(36),
    "lease_until" TIMESTAMP,
    "error" TEXT NOT NULL,
    "created_by" VARCHAR(300) NOT NULL DEFAULT '',
    "created_at" TIMESTAMP NOT NULL,
    "ended_at" TIMESTAMP,
    "space_id" CHAR(36) NOT NULL REFERENCES "space" ("id") ON DELETE CASCADE,
    "endpoint_id" CHAR(36) NOT NULL REFERENCES "webhook_endpoint" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_rep_endpoin_4c1e2a" ON "webhook_replay" ("endpoint_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_webhook_rep_state_l_5d2f3b" ON "webhook_replay" ("state", "lease_until");
"""

SQLITE_DOWNGRADE = """
DROP TABLE IF EXISTS "webhook_replay";
ALTER TABLE "api_key" DROP COLUMN "expires_at";
"""

POSTGRES_UPGRADE = """
ALTER TABLE "api_key" ADD "expires_at" TIMESTAMPTZ;
CREATE TABLE IF NOT EXISTS "webhook_replay" (
    "id" UUID NOT NULL PRIMARY KEY,
    "since" TIMESTAMPTZ NOT NULL,
    "state" VARCHAR(16) NOT NULL DEFAULT 'running',
    "total" INT NOT NULL DEFAULT 0,
    "resent" INT NOT NULL DEFAULT 0,
    "cursor_at" TIMESTAMPTZ,
    "cursor_id" UUID,
    "lease_until" TIMESTAMPTZ,
    "error" TEXT NOT NULL,
    "created_by" VARCHAR(300) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ NOT NULL,
    "ended_at" TIMESTAMPTZ,
    "space_id" UUID NOT NULL REFERENCES "space" ("id") ON DELETE CASCADE,
    "endpoint_id" UUID NOT NULL REFERENCES "webhook_endpoint" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_rep_endpoin_4c1e2a" ON "webhook_replay" ("endpoint_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_webhook_rep_state_l_5d2f3b" ON "webhook_replay" ("state", "lease_until");
"""

POSTGRES_DOWNGRADE = """
DROP TABLE IF EXISTS "webhook_replay";
ALTER TABLE "api_key" DROP COLUMN "expires_at";
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
    "eJztXVtz2ziW/isovcSpUmcTJ3bPure2SrGVjqdtyyXbnZlpdTEQCVscUyCbIO14evu/Lw"
    "BexLsIiaQoBC+JTOIA5Afw4Nzx52BpG8gib0aG4SJCBifgzwGGS0R/ZG8NwQA6zuoGu+DB"
    "ucXbwkSjOfFcqHv08j20CKKXDER013Q808b0KvYti120ddrQxA+rSz42//CR5tkPyFsgl9"
    "747Xd62cQG+obYw/325+DeRJbBfw9s10CuZhpsVMcmJu+fEaBvDnsa+ieJ+ghfKhzIe3H4"
    "Yw94Y/q4/I+/WEPnUeNDpKAIxuDXtYj27u787BNvyV5mrum25S/xqrXz4i1sHDf3fdN4w2"
    "jYvQeEkQs9ZCRAYo8WwhldCvCgFzzXRzEQxuqCge6hbzGoB/9z72OdIQD4SOyfD/8bPlqi"
    "maZdTW61m/Gtpg0EZkanUFKYTOzxNfJX0O8KkGDlsAFOP4+mB++PX4eT4j24/CaHa/AXJ4"
    "Qe1FbTuEI5nsMc1ufYK4Y6SZIBnD7rJlBHF1ZYr1ZxhGKEUwvI0uel//1w+O7Djx/+9v74"
    "w99oE/6g8ZUfK8A/v7rlGK8wDT/MAJUcrqcL6BYDm6XLgEsfeR/BXcJvmoXwg7egf757+7"
    "YCyl9HU76UaSu+lm3K0wJedxXeOgzupfF2fJeuSSGoEyTdoTxoizV0gDFjIHmA/34zuSoG"
    "OGqfQdcwdQ/8H7BM0hqjSHDluW9anonJGzbsLhgzw4f1vCTkDyuJ8cHl6B9Z+E8vJh+zHJ"
    "x18DEzFcktuO72mNq2G9wkd8xcNt8Tmdhx/1i4JXKs8uB+sl1kPuBf0AuH+Jw+CMR6EQsJ"
    "hbhJ1M9+grq6upJ9XPgcS2qpNUXfnr4z8gK2O7o5HZ2NA9luDvXHZ+gaWgptdsc+tDNX4r"
    "b5W8vDZfYKxPCBo8Negz10JDw7Jp2kQZFYHdyplqodU3sMG62TqgcjQJDuIg9QihPw9Z6+"
    "41dAdNtBBvBsYGMEiAN1Smm77LZPb9MOKfoAEn7bJ8h9M8jMS1P9zvAMT7D1AiC4+Tz64f"
    "DoGCwgWQD7HlBZPxrDJHQYx/uJX6NC/L35DdC1/ULAk0lMCgsgNu2BPsoM65ByVQRcpNsP"
    "2CT0cUzMuTnhL7FemVDi/k7Fff6/gJwUtZdOSDqsJSQdVghJhwWCKP94hOTQmEJGYf+4jh"
    "x6XC6GHmcBDjiWxpiYCMoZsmagXs8wOgP6+EMNoI8/lALNbqWBpngxKLT5iwjOaSr5eMZR"
    "HZxpq3KecVSKNPTySJ/RO565RNVoB5RZRSskfRP92EduQl/QYPJL+HFVgH97fjm+uR1dXq"
    "e0rbPR7ZjdOeRXXzJXD7KcJ+4EfDm//QzYn+Bfk6txdp+N293+a8CeCfqerWH7WYNGgg9E"
    "VyPUUrNuQeJpVEbbZN6ztA3MfPjIfZn4PZnoCJPKmXbRk/240TynKdUs93mW0TfHpN1tMM"
    "tpSjXLfZ5lrnMLWt6SNFvoq/szq2u10xWezEghCGeCRKFZacbkC68BM+ZN1M9eYrrWipn8"
    "PoutmNkV2wCmd6SWZXhPIU18o72yCxOCvEGRWZjfGFZaheMmNWzC96aFmI0VYsBt5EMAge"
    "Pahq97zF5L/4CuBw7QN9qP9cLNtfYzXQjMEstssEv6nQPiIN28N/XXRdbhFkbYdRwI+8oS"
    "/Ydvw0ZoslcKy7ZdKgu2CljZtWGk4YAV3TIR9golsQpjX5JIQut1Kx6C/vtfOsP3qBa+Rx"
    "X4HuXx9V1LBN6wuYTo0rVXc/lWrt8cwCbRHH9umXoe5o+2bSGIS7a7JF0G7zklbAvw+Eq3"
    "G9zHyeQiZdX4eH6bgfnu8uN4evCOo08bmYGMnGfOj/T1itf0GPvLnMKRQj2i7dAVY3PpUQ"
    "zxwfV0cnZ3ens+uTqJ5Fh6Z4avp+Nfz8df2EX0ZKLnGZ7cfh5PT8BqlJ37JJUDpxx6eR04"
    "KgivYVtgpJoJ4JkgUbbAbCRKrD6LAJqiUphmgk9s3xU3/yeJFKIq8LaTwNsCVtAArternv"
    "Zyta4FNs3/akBLN6AmcA27kRTU1S69HtGAXTaAaWzTlxPU1LaSgpU+Abi6u7io8rIk0nqQ"
    "az6hgh3tY0j46ZcpsmCJ9VROrFML8gm5gYtge4R+DbqSaGP6q3V3XYRZmdcugeka5532lG"
    "jaWbp0MLRKl1beJ+V9KvM+KZt9yzZ7ZkEUtU1GNBJaJffEClkrIjG5v9Tl/ak9SZkhK00S"
    "cdxPR+pIT0Fdq48k11SfYr4+WfzDyQmP/Hql0HgftWhUVvxtFZbJkozpsyeu8Gf8XSXM9k"
    "ngC1PB6wonYXMJhZNWqoqocJh2w40QZu9eZN6pitVIUHUYqRGxj70N1FCBAOVLXd5AgB3m"
    "BPVtlqVIY+kpqJvnsUzpCp+en97Wcwg0Y+9m4rUydwtrKlO/0NId3Rqu01c01+/Yvp10Rd"
    "Mv0A13MWXh3luFh86i5xd8/vUCTlfUHYacTu+urs6vfhbEOSI7AeGPGb67+jweXdx+/ucJ"
    "iH/O8M3d6en45uYEhD9m+NPo/OJuOj4B4Y8ZPh1dnY4vLsZnJyD+OdhAC2ihZI5H+Y3G8R"
    "NwWmSouvNbvG1LAm3YaeFB8ki0kOUJAJujU9BmoaW6AinysN3STaIY1BWFBDWHqnSj8T9u"
    "U2pRrpxorBpdTK5+jppna4ym4eaCw3ZcP9PFRpPQTXDI4HQ6pkojY9PBjxk+v9Kup5Ofp5"
    "zFJ/4oYvzFG0R2O+gN43c3M0ekKZU5Yp/MEYgiusmcJ+lUEZo+u3w5sw3VdEG7UwGpMj+p"
    "6toqyL8HxqXhVkH+yS+7AXDltN9lIS5gh1tYTplmxwxwW5pOb2k3obFPEthbN5tWBAlnFv"
    "Ia82lrIcK/xeEkVJea02sqyqNXRs9wVnJIl5pxVgQqpLfAhFOWxlNuwllRSBHb0bURh76A"
    "iUsi0ysO6UlRdX9Uz24moJVDeVTB9KKYJlUwXdm1mrFrcflsA2uHUsrrKOWRdNqA2ri/kN"
    "bTFzeLcU94t7bWEBPhIJIA3aqG+JkKMLb7MsaeW3goWOr+sEpHRE8I1ywCO8EIINZjskrr"
    "KwIWwWD5mq51CLaIzUlsfSo2Z2/V1PJScCXZCJ2Xf+ssXP6oXvHIitqRWblyST8IykFElN"
    "YEiQSye+c6qzpSti/aK93L7ALzV8VR1RFBh+uevBAPLbvRXN/XysZ5X5GN8z6fjaM013L0"
    "5dVclUNZOZT7oL329bjmS4h9aDG356BAO0vcHVbpZkveTvOihg277yLnbs5xl9K4ViGQDe"
    "lbmeMr4ilUOtze6nCe6VlCOc8xgZRaXAtnACSfLIdzuTKXIVMKnbBCByk3esCI8k74UGDj"
    "LNfscoT9UPHYeNKoeHuY1zW5Hl8Jws9pTgD7d4ZPJ5fXF+Mg2j/6OcPT8d/Hp/xi9KvP6V"
    "t0Rm3rSdixnCGTgJl14FmOQdvkrN4UqYqg73MEvW4vl6Enp65wkCCR4FvqWjBQhq9ytqYM"
    "X8rwVTM1JTJCCGKaIVOwKnti9wkqsQFte2Dly5DIQpv5YvtkrQ1WdYGhNl7uFTkWcK7FX1"
    "drdTULq2imzbSJUkltm2yTY7U/gkGFCcvEqMn+0yJYs+cxx8/beM9Rpchme32Clt9Ct6tF"
    "2Fa/Kv5LBt+BKpfabrnUPbSRhmVMRM2k308ZlJhlZ8wOSDeX0Cr+bmKarMEhIHoTErc1qW"
    "0VaqqA9mx8en45ujh492F4mCl0G6H+ocDRttq9RYw6STplKe2zpVTUkaf8dxE+1TbUDfx3"
    "Klq2N1PB84AEDwZI0vS4PtqG0lgrhwP4DtsENNHjoVJU8kHd1iFR3sJfzjE0LVHAc4QK87"
    "qY09HgI9IWkCxEEM+QSajdHdfx7h+XO/ePc759gqCrLzQPfRPy+2bIlO9X2Pf7h28XnT5X"
    "LrjEBFtJLj3jJ12LKM9ovrDtR40g+vq4qBRLaWmbIlJVpFgd9qJCGiLhcpNZT1OqWe/LrB"
    "eYQXJngKsjftQRP30IC2joiB+68JnzD217pn3QjUR4Z5MZkLctRJKd+pq3gqlqNmtQ4jVj"
    "toQoW6FGRpwS+ZtbopXOGJURK9v35vY3bQlNa0usJrynS9rR3qrU1VA50N3267umXci6kh"
    "zXNnx9a4SCXmQFKTKI0Hc1n5Brbis4fQn6Owu6q8PR9+XLazfw9AFi8z/QK6n0nbo/rApD"
    "tbMt2zwtUUXMqYi5fvhUWomYU2bQcvT30yBWZgbN2W/qmBq4xWLL7VI2q07aoEyQuyU+d0"
    "SqNKN2hYiVvlMkQqS0oQoBYqV/1ZIfBiMM0A+sOXhEjgdM+sqUN7BKrwRhj773AgG0nCPD"
    "QAZgA4Jnk06174Gby9tr2sjzKJSEUiOHAMSkRsC7ozIHyteSbX84wUq0KvtABllq5+mn/V"
    "SDtkzqJezkRaHamysKGaXUdgp76KZjFhtiywNR0lT9iKOVKqRZ10WmI2itpqHxaZiLzcNc"
    "TURbJbr8+b+RXqBJV+wFKxIJN4N39eJu31XF3b4riLtdeMuCEOfyKNCovRQQdx0AqkxE5a"
    "tdLhNRT4r/SKMmVIRMdV2kpp+Y7m3Na+5TLrBARb7mctuTE7Vo02mVMt6EPuLou7RJcGBk"
    "g2UqGilrnemT4kQ1t4Y7bbMUSjsFSwJo2+k7WhhxgWpVmHyfzXvxl53DujRVJEmizkEuyh"
    "KxzJAL5UCtOBQ2SSSFytGBI1o5+lsuqq/KD/TFTKSKcvRmKkyiwSjGP+PBt20LQVwioiTI"
    "MrMyp3RtTUd8pVvkP04mFynkP55nzUZ3lx/H04N3mcpD+f2URYnfU63HZ8+iifKkYmqVZr"
    "z5+k+rF3X33jSVBDn1Hcg3OWWrLtg5QunwbkXeUfUilLugd2K+cheoswJqhhWt7J8CiKaI"
    "lAemeAcWhDRtPVfLtFdurZ6C2vDZC84qP29LXOXL9Msim/5ea2DLWWYT0NZLM+0na10Pa3"
    "JnEfXE7qYow54gnRaeF6ZlUKS3Q0iupdhqQknEEIt8+SteWeHOTzTqzKOfEpxb8Oe36SZv"
    "ytncoZ+8vUNO4NL2KVe17zW6ArwWDhDhhfA1h0LDBmigf+XjVz7+XVtR5PDx92z37cAELm"
    "z63oHJWzn5T5STvwnPWsHWXpNhF1Aqvl3At/OyTcbZsPaEoBTxbo4K2o2BT50W1AXKffLh"
    "RJhUnxakjpDo/AgJFYHRlfipIgJUREDf9mgVEaAiApSrtbcphMpxper09tJtdYOwV1YFLb"
    "43rHJcsUpiIhXQACsD9YpEhclsDEyPgGf4AjybFyQLS4+5T8g9Ac+u6XkIgwOIDaDbyyX7"
    "03gN5uie8ifePmgKTP5Y6fJn7Y01wzq0LGQMwRK6j8jgBdXoADqiQ9De7Ufeng37BozAjN"
    "dqoo81GwDXfo7LrPHrHr24RBATAMGzTXtzAfFsx0HGDJuYDu89I4Tp1Nlz23gBj3SjpC+x"
    "4B6+eBTwzB/A94aA2OwZTEIJvOC54ANdT4C+BW0OPY4KcH1cs4KbctXs1FWz82prG+DeSx"
    "moJ0JlP3flLfFcIkLoDiPo/EpTKedMzYwEDxYdpFhRGyoikBDhd8c1AH6XVV8TVaGOVSVr"
    "ZWUIxVjxKU+QKZdE31wSOaNHuYLeqo7F65YXKVhRQfMK7Spuos6mkFbCf0QvItt52LyZzX"
    "ynsnyuyGOdvby6xKMqB9KxM8x8wCyJniAq/YhVLM1RSoh5K2vacdGTaftE2xz8ii7kc7m3"
    "Mglp4DTX9jbUGio7UkJl34TKtNIQHJCRn/LyUMkkjQqXTM10E+GS4Rl9RHtCLhELcC8i7S"
    "5g8m1brLDpKHdlHvkOzSPJoxKFzeY5UhWSsS4kI30w5daRGenu9hPiGgEauYWWitOY0o9g"
    "en56WzNQwzE1qmlvG6rhmL8gmU52zR783sCh7xItybyPcdtzuSULqiqS1XZ4nvJew4aw4d"
    "hm4VlWG6A2DnuTHTUXORbclq2HmE15XzIh1qYf5BaSx5HnoaVTWCYheXtY5RPhkS0w0XJt"
    "0NkEI8DP6vRZZBe0LHYEJgzioA4goDBgpHu2C64nN7evT8Azi5LS6eMB9uaAxYMt7Gdg2f"
    "ghCu/KH7bZ1iCCNR0ycT8RTipXf2/dQ4mlXjfzc0WhMj4LbBiCWWnb5KL1DspOktFYxJFP"
    "KIRGgfOtdNlmqDZauj3To5peuYbvBvrtUiQTPEOleEIBspQfO3QEpKFvOnKL2G15al8Rrc"
    "rvE87vQ65rF2QileMeEyiwVTJlg6xFXjt+/5IJ+qEJN2u/j+BqwHbPtOKpL7PZPrO2+nQ6"
    "YwR+ibUinJc1lopwHTQbwPnbIOzWdg0TQ2vwe5VNIE4AYAzZ9nnE8jYGgUxxwLh7wyQO9P"
    "RFsDm0MYKFIBWzfOyZViv90878Jdr26ZXBZKcGk+ibyEFdqiAlKJRyVKAc0e+DpWmxlxHT"
    "55NUCtkCZHcZ+71rKNuPTl5AbFjI1QRRzpBJiHY7IbHliYlj7C9zEu+ukxQH0/Ho7J+Ce1"
    "tAdAL4fzM8vbu6Or/6mf4d/JjhL6PzW34l/DHDN3enp+Px2fjsBMQ/Z/jT6PyCXQr+n2Gm"
    "3Z1pk7vbExD/nOHT0dXp+II3jH9mXU+1JrzxPEkqR+q2YLWxFYmEUeaNIxy6cYRqfiZIVO"
    "xqdrNl6g9VCX3RYzpTdOqcToFzOhMKZw7yaitjmlLlQfQ5D2KlNQtOcopQzXGf5zhpeRGc"
    "5Qypmuc+z3Pahic40zliNdd9nuuQ/YpW+8+QqXOzN09XiyIHBOGPaRT2m2Ovwg1UuEEf1r"
    "3E4QbEg+6GWfEpSiVG9FmMQBTCTeY4SadmuM8zLB4xpIKF6gYLNRMnxBIp5Y4T2jxEKBG8"
    "A7EPLY3F5WyZAXbJe2JRQBJBnpbYoGVp5S4IEbAyqV2yoNVm6NkdQcaFiR8HBbFn8b1hVf"
    "CZT1tpVtSsRmF2QkGw0A+UDrCaRMgAjBoc0Be/N90ln+NhIo/tHiGDvezroKr4AhIwRwgD"
    "NnA+Pa6F/lVhwx7sbENQHohlmA+ICNUlW1FIV97w+EMN//Dxh1L/MLuVqQPnu3RChDzwCR"
    "IJo1reH9aA+P1hKcTsVsZ/uet4+f1RagSqxUPG30WWbUwggeUts2RrBWK9rwjEep8PxOJb"
    "v7g+niBTZra+6OdlZracRrmbFAkqi7olMqpbLZ/SO5oftVLVraUVAlF0OFRdZh8TSCcCHh"
    "7VkQFpq/IY56OcFNj/Ctf7fNirAwl5timXpOrnQkjSzhJKKG+3grhrWxsHkUe0Ha5t22F9"
    "BtKpSBj56Ozy/OoEQGNp4hmeXI+no9vJ9ASk+tt5CLIHxaobR+37UdmYjSdNZWOTaFRCMp"
    "8KPo7K4OUUXYfBy9E2u7exy46L7pGLKJ8R+gQyZP34EqSq8a1iScr3A7mUXFWCWpWg7hHE"
    "qgR1DzBv1e0aFnatKFOaaTGsMnFFNWeFi5WyEqFB+dCwNvLLCT/peUG5O3JJcKrzAbvCj4"
    "Q2Cb8btX1FXg/5BYjJM3KD33xnyyoVrQ8mWLw06jT8dqi+N6dEqhTH3hr/whnMIV2awLoi"
    "UOUiCqsU0tcinhZ+myJ6SQGp0k0a101U5VNVn1PWHA6VMNMh2HtW6XdfSkAo29FGK7xHtq"
    "JaCQsZRaKumJ8hU0aiaiORkThpZ0sDkbxn9wwzNqLMGutTvdPsJJSbP5LztN7+kVwn9Qwg"
    "6IkZHe5tF9j0LxfpiHVwAiAG0bFHQ0DvHkR/gSva8DU3PvBzt14R8NV3GDe+c62vxYaPpg"
    "eZ4Rn+4pqehzAwcWAIcSEmMFB47Ht+SV9A/IDAAR2FHxfz7fVPwPRIbFy5N+niZS3xkB8K"
    "w+6ZRmh2meGvIag/mMZX1iViwILQwjSkb0Ho01IKrFu+UTtQvrgaKqaSXWS8ariiawRp+B"
    "UkNtcGB+GT1OoIDfWqrFQ7tVKp82BaPg+Gc9oAKQGc01QSwn1UB+yjcqiP8iU4mZEvFLTq"
    "2p4SJEpfzOqLbFcWMXlE7aVYrV3bPCoKyJbbTbsO+HOo6MJA64RDqKKivecQXvHBtaVoxu"
    "0VlFkos/pGDtRqC10BuSor0mcrnaop+Z3MMySetplntIhUuUfzrJPjJOygS1MpL50qa6cY"
    "WBEDUxXOvoMZTtqj61pcM2Sq0EPmjJCEAb5+sP6KRuGZMZA4UEeCeCZplEO72qHNscqDK+"
    "zNvon62U9Q1/qwk2uq2IFdxFsbADZ0P48TPe4lH1iLcGZjWQ8yZ5sNIDyJ+pET1+Tusnkd"
    "ycjI5NrPW2bn5NNJJGEZXaTpxGygPFAlySnWB6okOVWdkol30wueOcPiPTz0wBP3g2qFYT"
    "RJkCvD2eUrEgScEGB6gPhz1tWcRXrY4OBsfHP+8xWY+W/fwh//+3VR9cQ2hxKND0lwfxUA"
    "oQIg9trH2WEAhFC6zoqiH1k6UtXSSD5mbk7KzaUZMmUvFU8hwQyGAp5eWcIkQaUKmNQvYM"
    "JlXWGwE1TqqEsBtAmispBQseMVhYQ7aSsnTFPh8sm0faKJg11AKuEZxK0c680Bo7qut6Gr"
    "q7AD5Q7pszvkHpoWfVeNmIXBpNXznSNWc93nuTZMwsUrjaryRFAgzpMqoXjjIIJ5QaRx+Y"
    "aWppIA9g4Ko6twjXL05a0cF6TobVQRP0WpZr0vs16wr+XOr1K+cuUr74PHcb2vvI7HMUyh"
    "Lkw12MDfKJBn30/Ju/rsOhc5Fty2cGII1ZT3JdEC7cIzG4JW7pddobreK+uu2tbwybL3eH"
    "BtHxvg3/Y8cpEGWfGJzP5XBDA9FRlg9WmBJTTY4XSUX4Gv/L+CygGNj8DKBpx74Nl2H1ne"
    "Pu3e0xeIRCUEuD02WXKRdfOMXMT7+gl81X2X2C6VUb7+V/Sb1QZguHMyFuQ9w6zEwQJigz"
    "7PEBD4RB/r2fQWAEF9EQxJL9sABq8EH9lBew6AD3ThAHjv0UeAgHi2Ax5sOr6NwfOCPYNJ"
    "HxwS+g5MiMi96Bzd0+2APwXr9uDrSoz++hroFELvJL7L8NvEHd1JKYE40zCZeKI83nvr8d"
    "7IsNWkQaunu8UeSv55hW8v8ohdH+M9ziP2bA8WBI2Up71G7VXaa0FpS1QUHVuK5YpAgZkr"
    "8BdJQ8IWviSh8lj0mb/HUq6IpJQiUoklmfRRlYn9XXw5qoSv8uspv9735NeTinupNGz5Z3"
    "i3adh79PmqvGHlC+0XqDLlDe8rxLUSh8s9zq36Bm33Ebmn0IFz0zK9Yvdgts2w0kPIW2t6"
    "uvlaJ+EX5rGDYAn1hckqfweWWBD0RoAOMTBscEAsU2fXqehKmxFejfuJNmC+ntdDAAmvzR"
    "1RMTcbINA08i7DDsZb7zNTDqedOpwWNhHKV4jaN6MArse4uxTLo6M6GZZHR+UJluxeNq+M"
    "fzJ5gCsSLFck/ciwlOocNBc5truZSp4hVTp57zS2nCS8G3lihFxTXxRJEeGdStkBrtqsEx"
    "jKJ7bhbbfU41e46xYIsiFb7+9W0Ii3r3yXDcUlkY02QSJhGmYruy37qAQQDptLiG4r+ZZ0"
    "RK8wHqBclkmQdC/L7GajbExq2elm9tf/AwKUOhM="
)
