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
    "eJztXWtz2za6/isYfakzo2YSJ3b3eM+cGcVWG28dyyPbm92tdliIhC0eU6BKkHa8Pf3vBw"
    "Av4gWkCImkKBRfEpnEC5APwBfvHb8Plq6FHPJ2ZFkeImRwBn4fYLhE9Ef+1hAM4Gq1vsEu"
    "+HDu8LYw1WhOfA+aPr38AB2C6CULEdOzV77tYnoVB47DLrombWjjx/WlANu/Bcjw3UfkL5"
    "BHb/zyb3rZxhb6htjD/fL74MFGjsV/D1zPQp5hW2zUlUts3j8jQN9W7GnonyTuI3qpaCD/"
    "dcUfe8Ab08flf/zBGq6eDD5EBopwDH7diGnv7y8vfuQt2cvMDdN1giVet169+gsXJ82DwL"
    "beMhp27xFh5EEfWSmQ2KNFcMaXQjzoBd8LUAKEtb5goQcYOAzqwX8/BNhkCAA+Evvn4/9E"
    "j5ZqZhjXkzvjdnxnGAOJmTEplBQmG/t8jfwR9rsGJFw5bIDzz6Pp0YfTN9Gk+I8ev8nhGv"
    "zBCaEPjfU0rlFO5rCA9SX2xVCnSXKA02fdBur4whrr9SqOUYxxagFZ+rz0v++P33/84eNf"
    "Ppx+/Attwh80ufJDBfiX13cc4zWm0YcZolLA9XwBPTGwebocuPSRDxHcJfxmOAg/+gv65/"
    "t37yqg/PtoypcybcXXskt5WsjrrqNbx+G9LN6rwKNrUgrqFEl3KA/aYg0dYMwYSBHgv91O"
    "rsUAx+1z6Fq26YP/A45NWmMUKa48D2zHtzF5y4bdB2Nm+LCel4T85qQxPvoy+kce/vOrya"
    "c8B2cdfMpNRXoLrrs9ZrbtBjfJPTOX7fdEJnY8PAm3RI5VEdwfXQ/Zj/hn9MohvqQPArEp"
    "YiGREDeJ+zlMUNdX17KPB18SSS2zpujb03dGfsh2R7fno4txKNvNofn0Aj3LyKDN7rjHbu"
    "5K0rZ4a3m8zF+BGD5ydNhrsIeOheeVTSdpIBKrwzvVUvXKNp6iRpuk6sEIEGR6yAeU4gz8"
    "+kDf8VdATHeFLOC7wMUIkBU0KaXrsdsBvU07pOgDSPjtgCDv7SA3L031O8MzPMHOK4Dg9v"
    "Po++OTU7CAZAHcB0Bl/XgMm9BhVv5f+TUqxD/Y3wBd268EPNvEprAA4tIe6KPMsAkpV0XA"
    "Q6b7iG1CH8fGnJsT/hKblQkt7u9V3Of/S8hJcXvlhKTjWkLScYWQdCwQRPnHIyWHJhQqCv"
    "undeTQ03Ix9DQPcMixDMbEZFDOkTUD9WaG0RnQpx9rAH36sRRodisLNMWLQWHMX2VwzlKp"
    "xzNO6uBMW5XzjJNSpKFfRPqC3vHtJapGO6TMK1oR6dv4xyFyE/qCFpNfoo+rAvy7yy/j27"
    "vRl5uMtnUxuhuzO8f86mvu6lGe8ySdgK+Xd58B+xP8a3I9zu+zSbu7fw3YM8HAdw3svhjQ"
    "SvGB+GqMWmbWHUh8g8po28x7nraBmY8euS8TfyATHWNSOdMeenaftprnLKWe5T7PMtfGJG"
    "0yaZodNJnDmdWNessaT6a+SsKZItFoVhq4+MJrwMB1G/dzkJhutG+lv0+xfSu/YhvA9J7U"
    "shkeKKSpb7RXFkNCkD8QGQz5jWGlvTBpUsNa+GA7iFnfIAbcejoEEKw81wpMn1ny6B/Q88"
    "ER+kb7cV65Ic99oQuB2eiYdW5Jv3NAVsi0H2zzjchu2MII+44QYF9Zqv/obdgITfZKYdm1"
    "S23b1KEM+1aZGw5lMB0bYV8oiVWYgdJECto1W7Ed998y3xm+J7XwPanA96SIb+A5MvBGzR"
    "VEl669msu3cv0WALaJsQrmjm0WYf7kug6CuGS7S9Pl8J5TwrYAT650u8F9mkyuMlaNT5d3"
    "OZjvv3waT4/ec/RpIzuUkYvM+Ym+nnhNj3GwLCgcGdRj2g6N9C6XHuUQH9xMJxf353eXk+"
    "uzWI6ld2b4Zjr+++X4K7uInm30MsOTu8/j6RlYj7J3b5U27ZdDr65pX4dnNWwLjFUzCTxT"
    "JNoWmI9RSNRnGUAzVBrTXFiCG3jy5v80kUZUh2R2EpIpYAUN4Hqz7ukgV+tGYLP8rwa0dA"
    "NqAteoG0VBXe/SmxEN2WUDmCY2fTVBzWwrGVjpE4Dr+6urKi9LKuEDefYzEuxonyLCH3+e"
    "IgeWWE/VxDqzIJ+RF7oIdkfo72FXCm1Mf7TurosxK/PapTDd4LwznlNNO0ukDYfWibTa+6"
    "S9T2XeJ22zb9lmzyyIsrbJmEZBq+SBWCFrRSSm95e6vD+zJ2kzZKVJIon76Ugd6SmoG/WR"
    "9JrqU8zXjw7/cArCI79eKTQ+xC0alRV/WYdlsvRT+uypK/wZ/61TKfsk8EVJwnWFk6i5gs"
    "JJK/UmdDhMu+FGCLN3F5l3qmI1UlQdRmrE7ONgAzV0IED5Ulc3EGCPOUF9m2Ul0lh6Cur2"
    "eSxTusKnl+d39RwCzdi7mXitzd3Smso0EFq641vDTfqK4QUd27fTrmj6BXrRLqYt3Aer8N"
    "BZ9APB518v4HRN3WHI6fT++vry+idJnGOyMxD9mOH768/j0dXd53+egeTnDN/en5+Pb2/P"
    "QPRjhn8cXV7dT8dnIPoxw+ej6/Px1dX44gwkPwdbaAEtFFPxKb8xOH4SToscVXd+i3dtSa"
    "ANOy18SJ6IEbE8CWALdBraPLRUVyAiD9sd3STEoK4pFKhGU6Ubjf9xl1GLCoUmE9XoanL9"
    "U9w8X30yCzcXHHbj+rkutpqEboJDBufTMVUaGZsOf8zw5bVxM538NOUsPvWHiPGLN4j8dt"
    "Abxu9tZ47IUmpzxCGZIxBFdJs5T9PpIjR9dvlyZhup6ZJ2JwGpNj/puss6yL8HxqXhTkH+"
    "6S+7AXDVtN/lIRawwx0sp0yzYwa4HU2nd7SbyNinCOytm00rgoRzC3mD+bS1EOFfknASqk"
    "vN6TUd5dEro2c0KwWkS804awId0isw4ZSl8ZSbcNYUSsR2dG3EoS9g45LI9IrjWzJU3R/i"
    "sp8JaOW4Fl1KWxTTpEtpa7tWM3YtLp9tYe3QSnkdpTyWThtQGw8X0nr64nYx7inv1s4aYi"
    "ocRBGgW9UQP1MBxvVex9j3hMdFZe4Pq3RE9IxwzSKwE4wAYj2mq7R+R8AiHKxY07UOwQ6x"
    "OamtT8fmHKyaWl4KriQbofPyb52Fy5/UKx5ZUTsyL1cu6QdBOYiM0poiUUB271xn1YeN9k"
    "V7pXuZKzB/VRxiHBN0uO7JK/HRshvN9UOtbJwPFdk4H4rZOFpzLUdfXc1VO5S1Q7kP2mtf"
    "D/L9AnEAHeb2HAi0s9TdYZVutuTtDD9u2LD7LnbuFhx3GY1rHQLZkL6VO74imUKtwx2sDu"
    "fbviOV85wQKKnFtXAGQPrJCjiXK3M5Mq3QSSt0kHKjR4wo74SPAhtnuWZXIOyHisfGU0bF"
    "O8C8rsnN+FoSfk5zBti/M3w++XJzNQ6j/eOfMzwd/218zi/Gv/qcvkVn1HWepR3LOTIFmF"
    "kHnuUEtG1Occ2Q6gj6PkfQm+5yGXly6goHKRIFvqWuBQNt+Cpna9rwpQ1fNVNTYiOEJKY5"
    "Mg2rtid2n6CSGNB2B1a9DIk8tLkvtk/W2nBVCwy1yXKvyLGAcyP5ulqrqymsopk106ZKJb"
    "Vtsk2P1f4IFhUmHBujJvvPimDNnsecPG/jPceVIpvt9Rk6QQvdrhdhW/3q+C8VfAe6XGq7"
    "5VIP0EYalTGRNZP+ecqgJCw7Z3ZApr2Ejvi7SWjyBoeQ6G1E3NaktlWoqQLai/H55ZfR1d"
    "H7j8PjXKHbGPWPAkfbeveWMeqk6bSltM+WUllHnvbfxfhU21C38N/paNneTAXPA5I8GCBN"
    "0+P6aFtKY60cDhCs2CZgyB4PlaFSD+q2DonyF8FyjqHtyAJeINSY18WcjgafkLGAZCGDeI"
    "5MQe3utI53/7TcuX9a8O0TBD1zYfjom5TfN0emfb/Svt/fAld0+ly54JIQ7CS59IyfdC2i"
    "vKD5wnWfDILo62NRKZbS0jYiUl2kWB/2okMaYuFym1nPUupZ78usC8wghTPA9RE/+oifPo"
    "QFNHTED134zPmHdj3TPuxGIbzzyQzI3xUixU59LVrBdDWbDSjxmjE7QpSvUKMiTqn8zR3R"
    "ymaMqoiVG/hz95uxhLazI1YT3tMX2tHBqtTVUK2gt+vXd0O7UHUlrTzXCsydEQp7URUkYv"
    "soPOEmmC9t0sDxiLdRj7dJh6piFxuT6Gvbz8izdxU6v4b9XYTd1dkND4VrtRu0+wix/R/o"
    "l1RJz9wfVoXwuvmWbZ40qaMNdbRhP/xRrUQbahNyOfqHaUwsMyEXbF91zDTc2rOroKGYRS"
    "xrjCfI2xGfe6JUila7QsRaVxSJEBlNskKAWOuuteSHwQgD9D1rDp7Qygc2fWXKG1iVXIKw"
    "T997gQBazpFlIQuwAcGLTac68MHtl7sb2sj3KZSEUqMVAYhJjYB3R2UOVKzD2/5wklV8de"
    "aGCrLU3lN3+6kG7ZgQTdiplVJ1S9cUKkqp7RRFMe2VLTZilwfxZKn6EYOsVDi4acpMR9ha"
    "T0Pj0zCXm4e5noi2ypsF8/9FpkCTrtgL1iQKbgbv68Usv6+KWX4viFle+EtBeHh5BG3cXg"
    "mIuw6e1Sai8tWulomoJ4WTlFETKsLNui7w009MD7ZeOPfHCyxQsZ++3Pa0ilu06bTKGG8i"
    "/3r8XbokPGyzwRIfjZQEz/VJcaKaW8OdtllGpp1iLyG07fQdL4ykuLcu6n7I5r3kyy5gXZ"
    "pmkybRZ0iLMmwcO+JCBVArDtRNEymhcnTgiNaO/pYPJNClG/piJtIFTXozFTYxYJwfkfPg"
    "u66DIC4RUVJkuVmZU7q2piO50i3ynyaTqwzyny7zZqP7L5/G06P3uapNxf2URdg/UK0nYM"
    "9iyPIkMbVO0d5+/WfVi7p7b5ZKgXoEHcg3BWWrLtgFQuXwbkXe0bU2tLugd2K+dhfocxZq"
    "hhWt7Z8SiGaItAdGvANLQpq1nutl2iu3Vk9BbfjcitU6t3FHXNXLkswjm/1ea2DLWWYT0N"
    "ZL0e0na90Ma3pnkfXE7qegxYEgnRWeF7ZjUaR3Q0itpdhqQknMEEW+/DWvrHDnpxp15tHP"
    "CM4t+PPbdJM35Wzu0E/e3gExcOkGlKu6DwZdAX4Lh6/wQwSMFYWGDdBA/9rHr338+7aiqO"
    "Hj79nu24EJXNr0vQeTt3byn2knfxOeNcHWXpNhCyg13xbw7aJsk3M2bDxdKUO8n2OW9mPg"
    "0yctdYFyn3w4MSbVJy3p4zc6P35DR2B0JX7qiAAdEdC3PVpHBOiIAO1q7W0KoXZc6RrHvX"
    "Rb3SLsl1VBS+4NqxxXrJKYTAU0wMpAfUfiwmQuBrZPwAt8Bb7LC5JFpce8Z+SdgRfP9n2E"
    "wRHEFjDd5ZL9ab0Bc/RA+RNvHzYFNn+sbPmz9saaYRM6DrKGYAm9J2Txgmp0ABPRIWjv7h"
    "Nvz4Z9C0Zgxms10ceaDYDnviRl1vh1n15cIogJgODFpb15gPjuaoWsGbYxHd5/QQjTqXPn"
    "rvUKnuhGSV9iwT18ySjghT9A4A8Bcdkz2IQS+OFzwUe6ngB9C9oc+hwV4AW4ZgU37arZq6"
    "tm79XWtsC9lzJQT4TKfu7KO+K5RITQHUbS+ZWl0s6ZmhkJPhQdQllRGyomUBDh96c1AH6f"
    "V19TVaFOdSVrbWWIxFj5KU+RaZdE31wSBaNHuYLeqo4VHZBy7mKMzLJjKwStqvWu+CAXM0"
    "tQQwPjxdipWvT5BtzQBeBPbgEbHbDTywA0TeY2PmMahoe4wsQFHwIeXcA0oxemQhD7keor"
    "TPlgehARlJ5uaxStr/RC9CvXV+aQIFm/X5pGQSGlLZ8fXNnGE3qVQTpFoiDQH2rh/KEC5g"
    "9Cf59DpTqCqHwn6/HLEiqBeNdeP/qYvo0Tm2/dhZ4jU8Dd2o1rm61YxvGZ7EN32SdRDsnG"
    "JV/sQC/9LZZ+fM76XIrFZ6mUW/it8Hit9Jejr67SH38p8rOepdSz3pdZF9gCikegpk6er6"
    "sMpml0QEl1QAmJz2nbMaBk6/Pe+uCf2hhOkl5RfapILTjOt8JalT30t4a1imQJNlqrJhgl"
    "/urvIiMRsPHalPQWfN3st4/ICLiZ3N4xrz1xASzYrFoca4YjXxeIDg9GVuyVp8uUMIc965"
    "Gj43PP/YI+FPBfbLP0oLVf1l8acQOPrqZ1/eyqrN/EHYSpGG+Y7CN09IlsB21z0zECbRzI"
    "lvuoCsBWeFyLpEoowF2YIA7Auz0I+TQ7HLMbnbd5Lzdlecjz6XBFqCsr1mbodMlaiZK1iQ"
    "i0FUMREauXHPW+7jFfVad8FThKyIwjl+MWbDxFqZw1rRUe7kDiG+hZWA+rHO0slXJIfziu"
    "Y7Y8LrdaHhfqINBWT6yCNQ6Wc7mjYwWkygHeytJO1CUfLVdS6fgCyu7S8d+1hXjDufg5lb"
    "SAbrVVtkitg7L6Y4gt2t+jqUKe5wq4V7mXMU+nAOvSubS9+cIO1PWhHV5/xlmv4/DSGdRN"
    "Wwa1B1FtD2I/QG3Ah1hgAw2gqhP99+SZ5atZ5IyNl3mF/zVp0mZxYe0F3KsXUDIUvNEw8L"
    "36+zowIutjRVt2+9EtiNkjy6Lsq1wjeUoFMW9lTa889Gy7ATG2B7+iC+2dquedygBneK6/"
    "pYZe2ZG2g/ZHPy+aZQjisQRSh/mmaXTZ5Wr76BZll1/QfOG6T8R4Rl4crVjT0SMi1Z6eQr"
    "V8bYBWzBRZr5jjI8T2f3hanrRFskCq7WibSjuuIWvE8JPt7jAhrmH/KSy0jBloSj+C6eX5"
    "Xc2Cj2HC9a4lH1f2z6G6fpBSWnXNRxbYtiM+LDpfoSVZtNvuiI9qNltxZOW6FMqOcImLsS"
    "iN3ToxpyHssqlBKmIXCfpGlNJjox2R+xr2dxF2V4fbHzRsCFsrl1M2gdo46k0l1Nr0Jt1B"
    "8jQKYxEHAp9S+vawyrPEc4hgqmWtlD438OduwHLooOMA9wHAMPPuCIKIibseT6B7cxaWgj"
    "Lp4wH25jxPbuG+AMfFj3Gx3WL9qbYGkTxhM5dhFeOkU+0O1smWWuo17UEpCn3+lsASJFkr"
    "TJcJky0TxjLkAkIhtAQuzNJlm6Paaun2TBtteuVagRdaCZYyiQA5Ks0TBMhSfryiIyADfT"
    "ORJ2K35dHhIlodIS4dIS4dla/D8XU4vvaGyHhD+le2oR+acLNekBiuBjwgTCueBioZtIY5"
    "50dubfUp/jUGv8RaEc3LBktFtA6aDYP9ZRB163qWjaFTs/4OY8hu4O9ae4dxFFH3lk1W0D"
    "cX4ebQxggO4nWbsW87rfRPOwuWSNcmOmiDSfxNFKAuVZBSFFo5ElUS8fmhOexl5PT5NJVG"
    "VoDsPiPo9w1l+zHeC4gtB3myJetzZAqi3U5gcXkhrTEOlgWJt2D867qo1nQ8uvin5N4WEp"
    "0B/t8MT++vry+vf6J/hz9m+Ovo8o5fiX7M8O39+fl4fDG+OAPJzxn+cXR5xS6F/88w0+4u"
    "jMn93RlIfs7w+ej6fHzFGyY/866nWhPeeD0vKkearuTZ72sSBWP1G0d4i5IvutZL1WbL1B"
    "+qEgYCk1dlCboMnS5BJ1GCLqVwFiCvtjJmKXU2SZ+zSdZas+QkZwj1HPd5jtOWF8lZzpHq"
    "ee7zPGdteJIzXSDWc93nuY7YLzOkFWe6PBEwR7ZTLuDhzG4rSX9x5IAk/AmNxn577HW4gQ"
    "436MO6VzjcgPjQ27K2QIZSixF9FiMQhXCbOU7T6Rnu8wzLRwzpYKG6wULNxAmxdFS144S2"
    "DxFKBe9AHEDHYHE5O+aAfeE9sSgghSDPSmzQqao6LwNWLrVLFbTaDD27J8i6svHTQBB7lt"
    "wbVgWfBbSV4cTNNubIjQChIDjoe0oHWGUnZAFGDY7oiz/Y3pLP8TCVx/aAkMVe9g3wWSrb"
    "AhIwRwgDNnAxPa6F/nV5yB7sbENQHohl2Y+ISFV3W1MoVyTy9GMN//Dpx1L/MLuVq6YXeH"
    "RCpDzwKRIFo1paOPBm3/Hyh6PUSFQzh4y/yyzbhEABy1sHZ8vzrX+LExeINrP1Tj8vM7MV"
    "NMr9pEhQWdQrkVG9avmU3jGCuJWuEa6sEIiWUBQyUM7sEwLlRMDjkzoyIG1VHuN8UpAC+1"
    "8n/JBP31tBQl5cyiWp+rmQkrTzhArK260g7rnO1kHkMW2Ha9tdsT5D6VQmjHx08eXy+gxA"
    "a2njGZ7cjKeju8n0DGT623sIsg/lakTH7ftRH5qNp0x9aJsYVEKynwUfR2Xwcoauw+DleJ"
    "s92NjllYcekIcon5H6BHJk/fgSlKqUrmNJyvcDtZRcXchbF/LuEcS6kHcPMG/V7RqVdq0o"
    "U5prMawyccV1Z6WLlbISoWH50KjS7yt99wUCC8rdkUcAQdgHR+zK3LVegU343bjtd+TNkF"
    "+AmLwgL/zNd7a8UtH6YJLFS+NOo2+H6ntzSqRLcRys8S+awQLSpQmsawJdLkJYpZC+FvGN"
    "6NuU0UsEpFo3aVw30ZVPdX1OVXM4dMJMh2AfWKXfQykBoW1HW63wHtmKaiUs5BSJumJ+jk"
    "wbiaqNRFbq3JgdDUTqnkQzzNmIcmusT/VO85NQbv5Iz9Nm+0d6ndQzgKBnZnR4cD3g0r88"
    "ZCLWwRmAGMSH+AwBvXsU/wWuacM33PjATy/7joBfgxXjxvee86vY8NH0IDM8w1892/cRBj"
    "YODSEexASGCo/7wC+ZC4gfETiio/DjYr69+SuwfZIYVx5sunhZSzzkh8Kwe7YVmV1m+NcI"
    "1O9t61fWJWLAgsjCNKRvQejTUgpsOoFVO1BeXA0VU8kuNl41XNE1hjT6ClKba4OD8ElqdY"
    "SGetVWqr1aqfR5MC2fB8M5bYiUBM5ZKgXhPqkD9kk51CfFEpzMyBcJWnVtTykSrS/m9UW2"
    "K8uYPOL2SqzWrm0eFQVky+2mXQf8rajowkDrhEPooqK95xC++BjWUjST9hrKPJR5faMAar"
    "WFTkCuy4r02Uqna0r+SeYZEt/YzjMqItXu0SLr5DhJO+iyVNpLp8vaaQYmYmC6wtmfYIbT"
    "9ui6FtccmS70kDsjJGWArx+sv6bReOYMJCtoIkk80zTaoV3t0OZYFcGV9mbfxv0cJqgbfd"
    "jpNSV2YIt4awPARu7ncarHg+QDGxHObSybQeZsswGEJ3E/auKa3l22ryMZG5k892XH7Jxi"
    "OokiLKOLNJ2EDZQHqqQ5xeZAlTSnqlMy8X56xTNnWLyHjx554n5YrTCKJglzZTi7/I6EAS"
    "cE2D4gwZx1NWeRHi44uhjfXv50DWbBu3fwh/96I6qe2OZQsvEhKe6vAyB0AMRB+zg7DICQ"
    "StdZU/QjS0epWhrpxyzMSbm5NEem7aXyKSSYwSDg6ZUlTFJUuoBJ/QImXNaVBjtFpY+6lE"
    "CbICoLSRU7XlMouJO2csI0FS6fbTcghjzYAlIFzyBu5VhvDhjVdf0tXV3CDrQ7pM/ukAdo"
    "O/RdDWILg0mr57tArOe6z3Nt2YSLVwZV5YmkQFwk1ULx1kEEc0GkcfmGlqVSAPYOCqPrcI"
    "1y9NWtHBem6G1VET9DqWe9L7Mu2NcK51dpX7n2lffB47jZV17H4xilUAtTDbbwN0rk2fdT"
    "8u7Y3+h6T8g7hys4p6qNL86Mz7cZVnoceWvDzDbf6HL8yhx+ECyhubBZznqAMQULhL0RYE"
    "IMLBccEcc22XUqTNFmhOeR0+nmfrk3QwAJzyqPqVgUMCDQFpza1sF4+gCPHvD5YYVzcOHK"
    "neEWt1fw+I6TOr7Bk5OK4ztOCp7B8JMpAlzhGlyT9MM3qFQFPw+t3C0PLc+RKqgvHK5+EK"
    "qFBXl2P4V2RlSSMxciKSK6Uyk7wHWb3pybVZrAJdx1BaGbEVvv71bQSMJW+S4biUsyG22K"
    "REEHYiu7LfuoJBCOmiuIbiueQjqij0Rx3uWyTIqke1lmPxtlY1LLXjezP/4fgIuUsw=="
)
