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
    "xtCpWbGIMWQ38LetVsQ4iqh7yyYL6JuzcHNoYwQH8UrX2LedVvqnnQVz1PDTmw6kuG+NiT"
    "bD7NQME39pBahL1a4UhVa5RBVdfH54EXsZOStBmkojK0B2l5kMu4ay/Vj7GcSWgzzZowNy"
    "ZAqi3U6Ad3lBsyEO5gU5umBS7Lq42Wh4fvlPyb0tJDoD/L8xHj3c3Fzd/ET/Dn+M8Zfzq3"
    "t+JfoxxncPFxfD4eXw8gwkP8f4x/Ora3Yp/H+Mmc54adw+3J+B5OcYX5zfXAyvecPkZ96h"
    "VWvCG6+rRqVT05VLFUqRKJgz0TjCG5Te0TV3qjZbnwv3dBUWEa0sBZih06UAJUoBptTYAu"
    "TVtssspc7q6XNWz0oXl5zkDKGe4z7PcdqeIznLOVI9z32e56xlUHKmC8R6rvs81ylzp+RE"
    "Zyn1LPd5lqNNlplLi9NcnnabI9sq83Z/ZreVFNs46kQS/oRGY7859jpURYeq9GHdKxyqQn"
    "zobVjJI0OpxYg+ixGIQrjJHKfp9Az3eYblo810oFndQLNmYsxY8rfaMWabh5elAr8gDqBj"
    "sJiuLbMHP/GeWASZQpBnJTboVJ3xIANWLi1QFbTaDFt8IMi6tvHTQBC3mNw7rApcDGgrw4"
    "mbrc2vPAeEguCg7ygdYHXUkAUYNTigLz61vTmf48NUDuQUIYu97GvgszTIGSRgghAGbOBi"
    "amUL/etirD3Y2Q5BebidZT8iIlVLcUWhXEnW0/c1ogBO35dGAbBbudqVgUcnRCrOIkWiYO"
    "xSC8dL7TrXYn+UGomzAyDj7zLLNiFQwPKWW7K1wu2OK8Ltjovhdnzr3+B8E6LNbL3Tz8vM"
    "bAWNcjfpNVQW9UpkVK9aPqV3jCBupSvyKysEojkUBYaUM/uEQDkR8OikjgxIW5VHsp8UpM"
    "D+V+Xf57MuF5CQpUu5JFU/Z1KSdp5QQXm7FcQ919k4VSCm7XBtuwvWZyidyiQLnF9+uro5"
    "A9Ca23iMbz8PR+f3t6MzkOlv54HmPpSryB6370c1djaeMtXYbWJQCcl+FnwclSHqGboOQ9"
    "TjbXZvI9QXHpoiD1E+I/UJ5Mj68SUodS6BjiUp3w/UUnJ12XxdNr9HEOuy+T3APBt69G3h"
    "er7xmzvZEqUh7+hnd6LQ6mzVQR2VT64oBpxrcVhlDIwrO0uXBGaFeMMivVEF8hf67jMEZn"
    "QfRB4BBGEfHLArE9d6ATbhd+O2r8jrQ34BYrJEXvibywB59av1wSRLBMedRlyGasYTSqRL"
    "0+ytmTSawQLSpQndKwJdPkVYC5S+FvGN6NuU0eAEpFqLa1yL0/WFdRVcVbNddGpRh2DvWT"
    "3tfSmJoq1sG63wHlnVaqV25BSJumJ+jkyb06rNaVbqPKstTWnqnpB1mLOm5dZYn6oK5yeh"
    "3PyRnqf19o/0OqlnAEHPzOgwdT3g0r88ZCLWwRmAGMSHix0Cevcg/gvc0IavufGBn6r4io"
    "CvwYJx4wfP+So2fDQ9yBiP8RfP9n2EgY1DQ4gHMYGhwuNO+SVzBvEjAgd0FH4o07fXfwO2"
    "TxLjytSmi5e1xIf86CV2z7Yis8sYf41A/c62vrIuEQMWRBamQ/oWhD4tpcCmE1i1UwrENY"
    "cxlexi41XDlYdjSKOvILW5NjgIn6RWR2ioV22l2qmVSp+61PKpS5zThkhJ4JylUhDukzpg"
    "n5RDfVIsScuMfJGgVdf2lCLR+mJeX2S7sozJI26vxGrt2uZRUVC53G7adWjkgoouDLROOI"
    "Qustt7DuGLj4cuRTNpr6HMQ5nXNwqgVlvoBOS6AEufrXS6xuqfZJ4h8Y3NPKMiUu0eLbJO"
    "jpO0gy5Lpb10ugCgZmAiBqZrwf0JZjhtj65rcc2R6ZIYuTNzUgb4+mkNKxqNZ85AsoAmks"
    "QzTaMd2tUObY5VEVxpb/Zd3M9+grrWh51eU2IHtoi3NgBs5H4epnrcSz6wFuHcxrIeZM42"
    "G0D4Nu5HTVzTu8vmFTdjI5PnLrfM0CmmkyjCMrpI00nYQHmgSppTrA9USXOqOsUlH0bXPH"
    "OGxXv46JGXOAjrOkbRJGGuDGeXr0gYcEKA7QMSTFhXExbp4YKDy+Hd1U83YBy8fQu//+tr"
    "UZ3JNoeSjQ9JcX8dAKEDIPbax9lhAIRUus6Koh9ZOkpVHUk/ZmFOys2lOTJtL5VPIcEMBg"
    "FPryz2kqLSpV7ql3rhsq402CkqffSrBNoEUVlIqiz0ikLBnbSVE9epcPlsuwEx5MEWkCp4"
    "Jncrx9xzwKiu62/o6hJ2oN0hfXaHTKHt0Hc1iC0MJq2e7wKxnus+z7VlEy5eGVSVJ5ICcZ"
    "FUC8UbBxFMBJHG5RtalkoB2DsoIa/DNcrRV7fGXpiit9HZARlKPet9mXXBvlYooqZ95dpX"
    "3geP43pfeR2PY5RCLUw12MDfKJFn30/Ju7qAoocWDty2xGQE1Yj3pdAC7cIzG4FW7pddob"
    "reK+ut2tbwybL3ePTcAFvgN3cSu0jDrPhUZv8rApieiiyw+rTAHFrsGD/Kr8BX/p+gckDj"
    "I7CyAVc+WLreE8vbp9375gyRuIQAt8emSy6ybpbIQ7yvv4GvZuAR16Myyte/xL9ZbQCGOy"
    "djQd5jzEoczCC26PMcAgKf6WMtbX8GEDRn4ZD0sgtg+ErwiR1JuADwkS4cAKc+fQQIiO8u"
    "wKNLx3cxWM7YM9j0wSGh78CEiMKLTtCUbgf8KVi3B19XYvTX18CkEPpnyV2G3ybu6E5KCS"
    "SZhunEE+3x3luP90aGrSYNWj3dLfZQ8i8qfHuRR+wFGO9xHrHv+lAQNFKe9hq312mvgtKW"
    "SBQdW4rlikCDWSjwF0tD0ha+NKH2WPSZvydSroyklCHSiSW59FGdif2n+HJ0CV/t19N+vT"
    "+TX08p7qXTsNWf4d2mYe/R56vzhrUvtF+gqpQ3vK8Q10ocLvc4t+obdL0n5F3ABZzYju2L"
    "3YP5NoeVHkLe2jCzzdc6Cb8wjx0Ec2jObFb5O7TEgrA3AkyIgeWCA+LYJrtORVfajPBq3M"
    "+0AfP1vD4EkPDa3DEVc7MBAm2r6DLsYLz1PjPtcNqpw2nmEql8hbh9Mwrgeoy7S7E8OamT"
    "YXlyUp5gye7l88r4J1MEuCLBckXSjwxLpc5B8xA7eXQjbS1HqnXy3mlsBUl4N/LEOfJscy"
    "aSIqI7lbIDXLVZJzCUT2zD226px0+46woE2Yit93craMTbV77LRuKSzEabIlEwDbOV3ZZ9"
    "VBIIR80VRLeVfEs6oi+MByiXZVIk3csyu9koG5NadrqZ/fH/X+Deww=="
)
