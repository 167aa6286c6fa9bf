"""siteflow: written by hand for SQLite and PostgreSQL (regenerate with scripts/make_migration.py)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

SQLITE_UPGRADE = """
CREATE TABLE IF NOT EXISTS "siteflow_connection" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "base_url" VARCHAR(2000) NOT NULL,
    "api_key" VARCHAR(300) NOT NULL,
    "sealed_secret" TEXT NOT NULL,
    "destination" VARCHAR(200) NOT NULL DEFAULT '',
    "sealed_postback_token" TEXT NOT NULL,
    "updated_by" VARCHAR(300) NOT NULL DEFAULT '',
    "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "space_id" CHAR(36) NOT NULL UNIQUE REFERENCES "space" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "siteflow_submission" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "task_run_id" CHAR(36) NOT NULL UNIQUE,
    "source_order_id" VARCHAR(200) NOT NULL,
    "state" VARCHAR(16) NOT NULL DEFAULT 'submitting',
    "uncertain" INT NOT NULL DEFAULT 0,
    "siteflow_order_id" VARCHAR(100),
    "source_account" VARCHAR(200) NOT NULL DEFAULT '',
    "last_event" VARCHAR(32) NOT NULL DEFAULT '',
    "tracking_number" VARCHAR(200) NOT NULL DEFAULT '',
    "cancel_attempts" INT NOT NULL DEFAULT 0,
    "next_cancel_at" TIMESTAMP,
    "cancel_error" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "space_id" CHAR(36) NOT NULL REFERENCES "space" ("id") ON DELETE CASCADE,
    "order_id" CHAR(36) NOT NULL REFERENCES "fab_order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_siteflow_su_space_i_5e0c1a" UNIQUE ("space_id", "source_order_id")
);
CREATE INDEX IF NOT EXISTS "idx_siteflow_su_state_6f1d2b" ON "siteflow_submission" ("state", "next_cancel_at");
"""

SQLITE_DOWNGRADE = """
DROP TABLE IF EXISTS "siteflow_submission";
DROP TABLE IF EXISTS "siteflow_connection";
"""

POSTGRES_UPGRADE = """
CREATE TABLE IF NOT EXISTS "siteflow_connection" (
    "id" UUID NOT NULL PRIMARY KEY,
    "base_url" VARCHAR(2000) NOT NULL,
    "api_key" VARCHAR(300) NOT NULL,
    "sealed_secret" TEXT NOT NULL,
    "destination" VARCHAR(200) NOT NULL DEFAULT '',
    "sealed_postback_token" TEXT NOT NULL,
    "updated_by" VARCHAR(300) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "space_id" UUID NOT NULL UNIQUE REFERENCES "space" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "siteflow_submission" (
    "id" UUID NOT NULL PRIMARY KEY,
    "task_run_id" UUID NOT NULL UNIQUE,
    "source_order_id" VARCHAR(200) NOT NULL,
    "state" VARCHAR(16) NOT NULL DEFAULT 'submitting',
    "uncertain" BOOL NOT NULL DEFAULT FALSE,
    "siteflow_order_id" VARCHAR(100),
    "source_account" VARCHAR(200) NOT NULL DEFAULT '',
    "last_event" VARCHAR(32) NOT NULL DEFAULT '',
    "tracking_number" VARCHAR(200) NOT NULL DEFAULT '',
    "cancel_attempts" INT NOT NULL DEFAULT 0,
    "next_cancel_at" TIMESTAMPTZ,
    "cancel_error" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "space_id" UUID NOT NULL REFERENCES "space" ("id") ON DELETE CASCADE,
    "order_id" UUID NOT NULL REFERENCES "fab_order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_siteflow_su_space_i_5e0c1a" UNIQUE ("space_id", "source_order_id")
);
CREATE INDEX IF NOT EXISTS "idx_siteflow_su_state_6f1d2b" ON "siteflow_submission" ("state", "next_cancel_at");
"""

POSTGRES_DOWNGRADE = """
DROP TABLE IF EXISTS "siteflow_submission";
DROP TABLE IF EXISTS "siteflow_connection";
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
    "eJztXWtz2za6/isYfYkz42YTO3a73jNnxrHVxl3Hzsh2s7vVDgORkMWaArUEacXd0/9+AP"
    "AiXkCKkEiKQvElkUm8APkAfPHe8d/B3LWQQ96cW5aHCBmcgf8OMJwj+iN/6xAM4GKxusEu"
    "+HDi8LYw1WhCfA+aPr08hQ5B9JKFiOnZC992Mb2KA8dhF12TNrTx4+pSgO3/BMjw3Ufkz5"
    "BHb/z6b3rZxhb6htjD/frfwdRGjsV/D1zPQp5hW2zUhUts3j8jQN8W7GnonyTuI3qpaCD/"
    "ZcEfe8Ab08flf/zBGi6eDD5EBopwDH7diGkfHq4uf+Qt2ctMDNN1gjletV68+DMXJ82DwL"
    "beMBp27xFh5EEfWSmQ2KNFcMaXQjzoBd8LUAKEtbpgoSkMHAb14H+mATYZAoCPxP55/7/R"
    "o6WaGcbN7b1xN7w3jIHEzJgUSgqTjX2+Rv4I+10BEq4cNsDFx/PRwfHp62hS/EeP3+RwDf"
    "7ghNCHxmoaVygnc1jA+gr7YqjTJDnA6bNuAnV8YYX1ahXHKMY4tYAsfV7633dH795///6H"
    "49P3P9Am/EGTK99XgH91c88xXmEafZghKgVcL2bQEwObp8uBSx95H8Gdw2+Gg/CjP6N/vn"
    "v7tgLKX85HfCnTVnwtu5SnhbzuJrp1FN7L4r0IPLompaBOkXSH8qAt1tABxoyBFAH++e72"
    "Rgxw3D6HrmWbPvg/4NikNUaR4sqTwHZ8G5M3bNhdMGaGD+t5Tsh/nDTGB5/O/5GH/+L69k"
    "Oeg7MOPuSmIr0F190eM9t2g5vkjpnL5nsiEzumT8ItkWNVBPdH10P2I/47euEQX9EHgdgU"
    "sZBIiLuN+9lPUFdXV7KPB5eJpJZZU/Tt6TsjP2S753cX55fDULabQPNpCT3LyKDN7rhHbu"
    "5K0rZ4a340z1+BGD5ydNhrsIeOheeFTSdpIBKrwzvVUvXCNp6iRuuk6sE5IMj0kA8oxRn4"
    "OqXv+BUQ010gC/gucDECZAFNSul67HZAb9MOKfoAEn47IMh7M8jNS1P9jvEY32LnBUBw9/"
    "H8u6OTUzCDZAbcKaCyfjyGTegwC/9v/BoV4qf2N0DX9gsBzzaxKSyAuLQH+ihjbELKVRHw"
    "kOk+YpvQx7Ex5+aEv8R6ZUKL+zsV9/n/EnJS3F45IemolpB0VCEkHQkEUf7xSMmhCYWKwv"
    "5pHTn0tFwMPc0DHHIsgzExGZRzZM1AvZ5hdAb06fsaQJ++LwWa3coCTfFiUBiTFxmcs1Tq"
    "8YyTOjjTVuU846QUaegXkb6kd3x7jqrRDinzilZE+ib+sY/chL6gxeSX6OOqAP/+6tPw7v"
    "780+eMtnV5fj9kd4741Zfc1YM850k6AV+u7j8C9if41+3NML/PJu3u/zVgzwQD3zWwuzSg"
    "leID8dUYtcysO5D4BpXRNpn3PG0DMx89cl8mfk8mOsakcqY99Ow+bTTPWUo9y32eZfRtYd"
    "PuNpjlLKWe5T7PMte5JS1vaZot9NX9mdW12ukKT2akkIQzRaLRrDRj8oXXgBnzLu5nLzFd"
    "a8VMf59iK2Z+xTaA6QOpZRneU0hT32iv7MKEIH8gMgvzG4eVVuGkSQ2b8NR2ELOxQgy4jf"
    "wQQLDwXCswfWavpX9AzwcH6Bvtx3nh5lp3SRcCs8QyG+ycfueALJBpT23ztcg63MIIu44D"
    "YV9Zqv/obdgITfZKYdm2S23B1gEruzaMNBywYjo2wr5QEqsw9qWJFLRet+Ih6L//pTN8T2"
    "rhe1KB70kR38BzZOCNmiuILl17NZdv5fotAGwTYxFMHNsswvzBdR0Eccl2l6bL4T2hhG0B"
    "nlzpdoP7cHt7nbFqfLi6z8H88OnDcHTwjqNPG9mhjFxkzk/09cRreoiDeUHhyKAe03boin"
    "G59CiH+ODz6Pby4eL+6vbmLJZj6Z0x/jwa/nI1/MIuomcbLcf49v7jcHQGVqPs3CepHTjl"
    "0KvrwNFBeA3bAmPVTALPFIm2BeYjURL1WQbQDJXGNBd84gaevPk/TaQR1YG3nQTeClhBA7"
    "h+XvW0l6t1LbBZ/lcDWroBNYFr1I2ioK526fWIhuyyAUwTm76aoGa2lQys9AnAzcP1dZWX"
    "JZXWgzz7GQl2tA8R4Y9/HyEHllhP1cQ6syCfkRe6CLZH6JewK4U2pj9ad9fFmJV57VKYrn"
    "HeGc+ppp2lS4dD63Rp7X3S3qcy75O22bdss2cWRFnbZEyjoFVyT6yQtSIS0/tLXd6f2ZO0"
    "GbLSJJHE/XSkjvQU1LX6SHpN9Snma/ht4Xr+z+5EJEGublaKj4g3M36L2q0PAMMgJOERWo"
    "D3Aw4u7n5hoVm/24vXYA4txBJnWSgWe89Hzw2wBSYvAOIXsHS9JxbSZfskDPSKWiZrMRsM"
    "1uZoYzrtdKmfAUSl5xfwdQonU8ddAoK8Z/SVuepMKsQClhVMZvQ664ReZN8Xob1bYMb+cQ"
    "Ofd8m63yTWLBVPmHKZNRgWRr/ecLdrp/tUiL8W/fdW9A/5gYSgmhAoKKo270afut5c5EIv"
    "x3dFoQGulTvtIFOsu5aX8ckQ6Vo+GbWgiVo+yc5Td9EnBB2G9NCmAbLagrztdQ99H80Xvs"
    "CCW2qySZN0Z7J52xbADdtrLBcLlmwpmHFzDWQeSN/1ocD0VYpk0n4jKHvmfWkFTMMmBk96"
    "EbhrqqJTi8QdhqjG0vLeRqjSPelRdhN77HoT89wl2dctbE7VRSHE91Q9FEOcIlGgDkuVyX"
    "b4j/tqsSyx2F7f3vwUN8/LajllxHZQXAWutjqSotkI8r4x6PazNThksikxGSIF1nYHWUcc"
    "MmL/LsD5g/1YKm9kyBSSOf56dHR8/P3R2+PTH07ef//9yQ9vE+GjeKtKCvlw9RPbDTMTUd"
    "weqdhBkBFg3xYIe2tK/WRJdXWQPvvidCJI+YenbiLI1MY2mW007TlS/XX3+evuUYWnvn3d"
    "Kk3zzkoS7dGkbh5O0W35nJ5Cuq/1c350+DdTCKPg1w+rIiimcYtG425/XZW4Ymo3ffbUFf"
    "6M/85FFWgP+k496JIGlW1sKX379Ds4oUWXFmnXiIIwe3dRqkyVZyFFpV0K9V0KWpcuX+rq"
    "6tJLaLMzTAye4EoMYmNRLmD1/Jf1obXrPqtdO6ys27fvuxXFq+tisD0FdfNqsCO6xEdXF/"
    "f10mqbyRplipVOGpXWUUeBMF80vnW4TlM1vKDjLNF0QQf6BXoNhKBrVXenqi4L0wwEn3+9"
    "sm0r6g7926OHm5urm58kcY7JzkD0Y4wfbj4Oz6/vP/7zDCQ/x/ju4eJieHd3BqIfY/zj+d"
    "X1w2h4BqIfY3xxfnMxvL4eXp6B5OegnlDcdvA0i1gyOH7FSS11oOeodARkIWgPkicqo4cs"
    "TwLYAp2GNg8t1RKJKNa/PGRsRaFAVE3nEWNMcNiO6+e66HEM2eBiNKRaI2PT4Y8xvroxPo"
    "9ufxpxFp/6Q8T4xRtEfjvoDeP3NjNEZSm1Iaov9og6hihEEd1kztN02uDUZ4MTZ7aRmi5p"
    "dxKQavOTPqO+U3ueLpVZz54nVyoz/WU3AK6a9rs8xAJ2uIXllGl2zAC3pen0nnYTGfsUgb"
    "11s2lFqb3cQl5jPm2t0N6vSSAR1aUm9JqO7+mV0TOalQLSpWacFYEujCfKqywphltuwllR"
    "KBHV07URh76AjUvqO5bXyMhSdV8kYzcT0Eo5jDh4ZyIVKJilUsB4mYtmO3lfJ5rt5H15NB"
    "u7pwOstF2Ly2cbWDu0Ul5HKY+l0wbUxv2FtJ6+uFl2Q8q7tbWGmAoHUQToVjXEjzarBPky"
    "xL73MhCoiJn7h5XlNJ8RrnmU8i1GALEe02cdvyJgFg5WPBm5DsEWsTkNlYfUaupu01BKD1"
    "QsyUPp/BDFzhIlTuoV9aio6aFL1exaZ6XLXEpbjdrrYo6Na690L3MF5q9yzpIQdLjuyQvx"
    "0bwbzfW4Vh7WcUUe1nExD0trruXoq6u5aoeydij3QXtd71DeTXL+J4gD6DC350CgnaXuHl"
    "bpZnPezvDjhg2772LnbsFxV6jGH4ZAtlOOP5lCrcPtrQ7n275kMf6YQEktroXajOknK+Bc"
    "rszlyLRCJ63QQcqNHjGivBM+Cmyc5ZpdgbAfKh4bTxkVbw/zum4/D28k4ec0Z4D9O8YXt5"
    "8+Xw/DaP/45xiPhj8PL/jF+Fef07fojLrOs7RjOUemADPrwLOcgCavoOdIdQR9nyPoTXc+"
    "jzw5dYWDFIkC31LXgoE2fJWzNW340oavmqkpsRFCEtMcmYZV2xO7T1BJDGjbA6tehkQe2t"
    "wX2ydrbbiqBYbaZLlX5FjAiZF8Xa1VVBXWT82aaVOlkto22abHan8EiwoTjo1Rk/1nRbAt"
    "jc+5vpPnbbznuEZos70+QydoodvVImyrXx3/pYLvQBfKbbdQ7h7aSKMyJrJm0j9PGZSEZe"
    "fMDsi059ARfzcJTd7gEBK9iYjbmtS2CjVVQHs5vLj6dH598O794VGuxHGM+nuBo221e8sY"
    "ddJ02lLaZ0uprCNP++9ifKptqBv473jyiex8ZIj0pDQ+KTqEuTdTwZe67MGnKZoeF63bUE"
    "Ru5ayOYMF2ZiPwBCdClgOdpVIPaqpL1FRHKvWRAtr+LJhPMLQdWcALhBrzupjT0eATMmaQ"
    "zGQQz5EpqHKf1gm5OC2PuDgtBFwQBD1zZvjom5QzPkemHfLSDvn/BK4vUNvKBZeEYCvJpW"
    "f8pGsRZYkmM9d9Mgiiry88IKa03pCIVFeO1mcv6TiTWLjcZNazlHrW+zLrAttU9PT63KWu"
    "wmD0uUugVqxGQ+cu0YXPPLJoy9ow52E3CuGdzzBB/rYQsT5UBSg+BUqXGKpCiRfy2RKifN"
    "kgFXFKJdVuiVY2jVdFrNzAn7jfjDm0nS2xuuU9faId7a1KXQ3VAnrbfn2faReqrqSF51qB"
    "uTVCYS+qgkRsH4XHDgWTuU0aOLPyLurxLulQVexiYxJ9bfsZefa2QueXsL/LsLs6u+G+cK"
    "12I6kfIbZ/h35J6frM/cOquGo337LN4z91CKgOAe2HP6qVEFBtQi5Hfz+NiWUm5ILtq46Z"
    "hlt7thU0FLOIZY3xBHlb4vNAlMqba1eIWOmKIhEio0lWCBAr3bWW/DA4xwB9x5qDJ7TwgU"
    "1fmfIGVrqYIOzT954hgOYTZFnIAmxAsLTpVAc+uPt0/5k28n0KJaHUaEEAYlIj4N1RmQMV"
    "iyO3P5xkaWWdTqOCLLXzfOp+qkFbZqkTdpSoVDHZFYWKUmo7lWpMe2GLjdjlQTxZqn7EIC"
    "sVDm6aMtMRttbT0Pg0TOTmYaInoq2ac8HkN2QKNOmKvWBFouBm8K5ezPK7qpjld4KY5Zk/"
    "F4SHl0fQxu2VgLjr4FltIipf7WqZiHpSzUoZNaEi3Kzrqkv9xHRvi7hzf7zAAhX76cttT4"
    "u4RZtOq4zxJvKvx9+lS8ITUBusu9JInfZcnxQnqrk13GmbtX3aqcATQttO3/HCSCqu60r7"
    "+2zeS77sAtalaTZpEn2wtyjDxrEjLlQAteKU4zSREipHB45o7ehv+ZQIXbqhL2YiXWWmN1"
    "NhEwPG+RE5D77rOgjiEhElRZablQmla2s6kivdIv/h9vY6g/yHq7zZ6OHTh+Ho4F2ulFZx"
    "P2UR9lOq9QTsWQxZniSm1inam6//rHpRd+/NUilQj6AD+aagbNUFu0CoHN6tyDu61oZ2F/"
    "ROzNfuAn34Rc2wopX9UwLRDJH2wIh3YElIs9ZzvUx75dbqKagNHyayWOU2bomrelmSeWSz"
    "32sNbDnLbALaeim6/WSt62FN7yyyntjdFLTYE6SzwvPMdiyK9HYIqbUUW00oiRmiyJe/4p"
    "UV7vxUo848+hnBuQV/fptu8qaczR36yds7tQfO3YByVXdq0BXgt3AiDj/ZwVhQaNgADfSv"
    "ffzax79rK4oaPv6e7b4dmMClTd87MHlrJ/+ZdvI34VkTbO01GbaAUvNtAd8uyjY5Z8PaI6"
    "8yxLs5+2o3Bj59/FUXKPfJhxNjUn38lT5+o/PjN3QERlfip44I0BEBfdujdUSAjgjQrtbe"
    "phBqx5WucdxLt9Udwn5ZFbTk3mGV44pVEpOpgAZYGahXJC5M5mJg+wQs4QvwXV6QLCo95j"
    "0j7wwsPdv3EQYHEFvAdOdz9qf1GkzQlPIn3j5sCmz+WNnyZ+2NNcYmdBxkHYI59J6QxQuq"
    "0QFMRIegvbtPvD0b9g04B2Neq4k+1ngAPHeZlFnj1316cY4gJgCCpUt78wDx3cUCWWNsYz"
    "q8v0QI06lzJ671Ap7oRklfYsY9fMkoYMkfIPAPAXHZM9iEEvjhc8FHup4AfQvaHPocFeAF"
    "uGYFN+2q2amrZufV1jbAvZcyUE+Eyn7uylviOUeE0B1G0vmVpdLOmZoZCT4UHUJZURsqJl"
    "AQ4XenNQB+l1dfU1WhTnUla21liMRY+SlPkWmXRN9cEgWjR7mC3qqOFR2QcuFijMyyYysE"
    "rar1rvggFzNLUEMD48XYqVr08TP4TBeAf3sH2OiAnV4GoGkyt/EZ0zA8xBUmLvgQ8OgCph"
    "ktmQpB7EeqrzDlg+lBRFB6uq1RtL7SC9GvXF+ZQIJk/X5pGgWFlLZ8fnBhG0/oRQbpFImC"
    "QB/Xwvm4AuZjob/PoVIdQVS+k/X4ZQmVQLxrrx99TN/Gic237kLPkSngbu3Gtc1WLOP4TP"
    "ahu+yTKIdk7ZIvdqCX/gZLPz5nfSLF4rNUyi38Vni8VvrL0VdX6Y+/FPlZz1LqWe/LrAts"
    "AcUjUFMnz9dVBtM0OqCkOqCExOe0bRlQsvF5b33wT60NJ0mvqD5VpBYc51thrcoe+lvDWk"
    "WyBGutVbcYJf7qV5GRCNh4ZUp6A76s99tHZAR8vr27Z1574gJYsFm1ONYYR74uEB0ejKzY"
    "K0+XKWEOe9YjR8fnnvsZfSjgL22z9KC1X1dfGnEDj66mVf3sqqzfxB2EqRhvmOwjdPSJbH"
    "ttc9MxAm0cyJb7qArAVnhci6RKKMBdmCD2wLs9CPk0OxyzG523eS83ZXnI8+lwRagrK9Zm"
    "6HTJWomStYkItBFDERGrlxz1ru4xX1WnfBU4SsiMI5fjBmw8RamcNa0VHu5A4hvoWVgPqx"
    "ztLJVySB8f1TFbHpVbLY8KdRBoqydWwRoH84nc0bECUuUAb2VpJ+qSj+YLqXR8AWV36fhv"
    "20K84Vz8nEpaQLfaKluk1kFZ/THEFu3v0VQhz3MF3Kvcy5inU4B16Vza3nxhe+r60A6vP+"
    "Os13F46Qzqpi2D2oOotgexH6A24EMssIEGUNWJ/jvyzPLVLHLGxsu8wv+aNGmzuLD2Au7U"
    "CygZCt5oGPhO/X0dGJH1saItu/3oFsTskWVR9lWukTylgpi3sqYXHnq23YAYm4Nf0YX2Tt"
    "XzTmWAMzzX31BDr+xI20H7o58XzTIE8VgCqcN80zS67HK1fXSDsstLNJm57hMxnpEXRyvW"
    "dPSISLWnp1AtXxugFTNF1ivm+Aix/TtPy5O2SBZItR1tXWnHFWSNGH6y3e0nxDXsP4WFlj"
    "EDjehHMLq6uK9Z8DFMuN625OPC/nuoru+llFZd85EFtm2JD4vOV2hJFu22W+Kjms1WHFm5"
    "KoWyJVziYixKY7dKzGkIu2xqkIrYRYK+EaX02GhL5L6E/V2G3dXh9nsNG8LWwuWUTaA2jH"
    "pTHTUPLRy4rTgRYTbifamEWJv+t3tIns7D6M2BwAuXvn1Y5YvjWVcw1bJWEqQb+BM3YFmH"
    "0HGAOwUwzFU8gCDa9lyPpxy+PguLZ5n08QB7c55ZOHOXwHHxY1yeuFixq61BJM8kzeWkxT"
    "jp5MS9dUumlnpNC1qKQp9YJrCdSVZX04XVZAursZzCgFAILYHTt3TZ5qg2Wro909+bXrlW"
    "4IV2lblM6kSOSvMEAbKUHy/oCMhA30zkidhteTy9iFbH1EvH1EvnMegEBp3AoP1HMv6j/h"
    "W66Icm3KzfKIarAZ8R04pHgUomwMOcuyi3tvoUMRyDX2KtiOZljaUiWgfNBg7/Ooi6dT3L"
    "xtCpWbGIMWQ38LetVsQ4iqh7yyYL6JuzcHNoYwQH8UrX2LedVvqnnQVzpKs57bXBJP4mCl"
    "CXKkgpCq0ciWqv+PyYIfYycvp8mkojK0B2lzkHu4ay/aj4GcSWgzzZIv85MgXRbicUu7z0"
    "2BAH84LEWzD+dV2GbDQ8v/yn5N4WEp0B/t8Yjx5ubq5ufqJ/hz/G+Mv51T2/Ev0Y47uHi4"
    "vh8HJ4eQaSn2P84/nVNbsU/j/GTLu7NG4f7s9A8nOML85vLobXvGHyM+96qjXhjVdAo3Kk"
    "6col9aRIFMxuaBzhDYrk6Oo4VZstU3+oShgITF6VRfsydLpon0TRvpTCWYC82sqYpdT5N3"
    "3Ov1lpzZKTnCHUc9znOU5bXiRnOUeq57nP85y14UnOdIFYz3Wf5zpiv8yQVpzp8tTJHNlW"
    "2ZP7M7utpEnGkQOS8Cc0GvvNsdfhBjrcoA/rXuFwA+JDb8NqDBlKLUb0WYxAFMJN5jhNp2"
    "e4zzMsHzGkg4XqBgs1EyfEEnjVjhPaPEQoFbwDcQAdg8XlbJkB9on3xKKAFII8K7FBp6pO"
    "vwxYudQuVdBqM/TsgSDr2sZPA0HsWXLvsCr4LKCtDCdutjZH7hwQCoKDvqN0gNXCQhZg1O"
    "CAvvjU9uZ8jg9TeWxThCz2sq+Bz1LZZpCACUIYsIGL6XEt9K8LavZgZzsE5YFYlv2IiFQ9"
    "vBWFcmU1T9/X8A+fvi/1D7NbufqDgUcnRMoDnyJRMKqlhSOCdh0vvz9KjUT9d8j4u8yyTQ"
    "gUsLzllmytQKzjikCs42IgFt/6NzijgmgzW+/08zIzW0Gj3E2KBJVFvRIZ1auWT+kdI4hb"
    "6arqygqBaA5FIQPlzD4hUE4EPDqpIwPSVuUxzicFKbD/ldX3+bzCBSRk6VIuSdXPmZSknS"
    "dUUN5uBXHPdTYOIo9pO1zb7oL1GUqnMmHk55efrm7OALTmNh7j28/D0fn97egMZPrbeQiy"
    "D+Wqasft+1FRm42nTEVtmxhUQrKfBR9HZfByhq7D4OV4m93b2OWFh6bIQ5TPSH0CObJ+fA"
    "lK1ZbXsSTl+4FaSq4ufa5Ln/cIYl36vAeYZ0OPvi1czzd+cydbojTkHf3sThRana06qKMS"
    "uBUFXXMtDquMgXF1XumyrqyYalhoNaoi/ULffYbAjO6DyCOAIOyDA3Zl4lovwCb8btz2FX"
    "l9yC9ATJbIC39zGSCvfrU+mGSZ17jTiMtQzXhCiXTRkr01k0YzWEC6NNV3RaALawjrOdLX"
    "Ir4RfZsyGpyAVGtxjWtxukasrmSqaraLTi3qEOw9q4m8L8UytJVtoxXeI6tardSOnCJRV8"
    "zPkWlzWrU5zUqdSbSlKU3dU44Oc9a03BrrU2XY/CSUmz/S87Te/pFeJ/UMIOiZGR2mrgdc"
    "+peHTMQ6OAMQg/iAqENA7x7Ef4Eb2vA1Nz7wk/FeEfA1WDBu/OA5X8WGj6YHGeMx/uLZvo"
    "8wsHFoCPEgJjBUeNwpv2TOIH5E4ICOwg/W+fb6b8D2SWJcmdp08bKW+JAfn8Pu2VZkdhnj"
    "rxGo39nWV9YlYsCCyMJ0SN+C0KelFNh0Aqt2SoG4biymkl1svGq49m0MafQVpDbXBgfhk9"
    "TqCA31qq1UO7VS6ZNzWj45h3PaECkJnLNUCsJ9Ugfsk3KoT4rFSpmRLxK06tqeUiRaX8zr"
    "i2xXljF5xO2VWK1d2zwqSu2W2027Do1cUNGFgdYJh9DlV3vPIXzxEb+laCbtNZR5KPP6Rg"
    "HUagudgFwXYOmzlU5X3/yTzDMkvrGZZ1REqt2jRdbJcZJ20GWptJdOFwDUDEzEwHQtuD/B"
    "DKft0XUtrjkyXRIjd5pKygBfP61hRaPxzBlIFtBEknimabRDu9qhzbEqgivtzb6L+9lPUN"
    "f6sNNrSuzAFvHWBoCN3M/DVI97yQfWIpzbWNaDzNlmAwjfxv2oiWt6d9m84mZsZPLc5ZYZ"
    "OsV0EkVYRhdpOgkbKA9USXOK9YEqaU5Vp7jkw+iaZ86weA8fPfISB2FdxyiaJMyV4ezyFQ"
    "kDTgiwfUCCCetqwiI9XHBwOby7+ukGjIO3b+H3f30tqjPZ5lCy8SEp7q8DIHQAxF77ODsM"
    "gJBK11lR9CNLR6mqI+nHLMxJubk0R6btpfIpJJjBIODplcVeUlS61Ev9Ui9c1pUGO0WlDw"
    "WVQJsgKgtJlYVeUSi4k7ZyFjcVLp9tNyCGPNgCUgVPa27lAHQOGNV1/Q1dXcIOtDukz+6Q"
    "KbQd+q4GsYXBpNXzXSDWc93nubZswsUrg6ryRFIgLpJqoXjjIIKJINK4fEPLUikAewcl5H"
    "W4Rjn66tbYC1P0Njo7IEOpZ70vsy7Y1wpF1LSvXPvK++BxXO8rr+NxjFKohakGG/gbJfLs"
    "+yl5VxdQ9NDCgduWmIygGvG+FFqgXXhmI9DK/bIrVNd7Zb1V2xo+WfYej54bYAv85k5iF2"
    "mYFZ/K7H9FANNTkQVWnxaYQ4sd40f5FfjK/xNUDmh8BFY24MoHS9d7Ynn7tHvfnCESlxDg"
    "9th0yUXWzRJ5iPf1N/DVDDzielRG+fqX+DerDcBw52QsyHuMWYmDGcQWfZ5DQOAzfayl7c"
    "8AguYsHJJedgEMXwk+sSMJFwA+0oUD4NSnjwAB8d0FeHTp+C4Gyxl7Bps+OCT0HZgQUXjR"
    "CZrS7YA/Bev24OtKjP76GpgUQv8sucvw28Qd3UkpgSTTMJ14oj3ee+vx3siw1aRBq6e7xR"
    "5K/kWFby/yiL0A4z3OI/ZdHwqCRsrTXuP2Ou1VUNoSiaJjS7FcEWgwCwX+YmlI2sKXJtQe"
    "iz7z90TKlZGUMkQ6sSSXPqozsf8UX44u4av9etqv92fy6ynFvXQatvozvNs07D36fHXesP"
    "aF9gtUlfKG9xXiWonD5R7nVn2DrveEvAu4gBPbsX2xezDf5rDSQ8hbG2a2+Von4RfmsYNg"
    "Ds2ZzSp/h5ZYEPZGgAkxsFxwQBzbZNep6EqbEV6N+5k2YL6e14cAEl6bO6ZibjZAoG0VXY"
    "YdjLfeZ6YdTjt1OM1cIpWvELdvRgFcj3F3KZYnJ3UyLE9OyhMs2b18Xhn/ZIoAVyRYrkj6"
    "kWGp1DloHmInj26kreVItU7eO42tIAnvRp44R55tzkRSRHSnUnaAqzbrBIbyiW142y31+A"
    "l3XYEgG7H1/m4FjXj7ynfZSFyS2WhTJAqmYbay27KPSgLhqLmC6LaSb0lH9IXxAOWyTIqk"
    "e1lmNxtlY1LLTjezP/4fBZ8p6w=="
)
