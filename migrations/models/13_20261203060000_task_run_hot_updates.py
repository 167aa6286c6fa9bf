"""task_run_hot_updates: written by hand for SQLite and PostgreSQL (regenerate with scripts/make_migration.py).

`task_run` keeps no index on a column a step changes, so PostgreSQL updates a task run in place (HOT:
no index entry written; `fillfactor` leaves room in each page for the new version, on `flow_run`
too, whose status only changes when a run ends or restarts). The sweep
and the metrics find the active tasks through their runs: a partial index of the active runs (an
ended run has no active task), and one of the ended runs for the tasks claimed just before their run
ended (the redelivery horizon).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

INDEXES_UP = """
DROP INDEX IF EXISTS "idx_task_run_timeout_active";
DROP INDEX IF EXISTS "idx_task_run_ready_sent";
DROP INDEX IF EXISTS "idx_task_run_running_lease";
DROP INDEX IF EXISTS "idx_task_run_waiting_resume";
DROP INDEX IF EXISTS "idx_task_run_claimed_a52f3b";
CREATE INDEX IF NOT EXISTS "idx_flow_run_active" ON "flow_run" ("id") WHERE status IN ('RUNNING', 'UNHEALTHY');
CREATE INDEX IF NOT EXISTS "idx_flow_run_ended" ON "flow_run" ("ended_at") WHERE ended_at IS NOT NULL;
"""

INDEXES_DOWN = """
DROP INDEX IF EXISTS "idx_flow_run_active";
DROP INDEX IF EXISTS "idx_flow_run_ended";
CREATE INDEX IF NOT EXISTS "idx_task_run_timeout_active" ON "task_run" ("timeout_at") WHERE state IN ('READY', 'RUNNING', 'WAITING') AND timeout_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS "idx_task_run_ready_sent" ON "task_run" ("dispatched_at") WHERE state = 'READY';
CREATE INDEX IF NOT EXISTS "idx_task_run_running_lease" ON "task_run" ("lease_until") WHERE state = 'RUNNING';
CREATE INDEX IF NOT EXISTS "idx_task_run_waiting_resume" ON "task_run" ("resume_at") WHERE state IN ('READY', 'WAITING');
CREATE INDEX IF NOT EXISTS "idx_task_run_claimed_a52f3b" ON "task_run" ("claimed_at");
"""

SQL = {
    "sqlite": (INDEXES_UP, INDEXES_DOWN),
    "postgres": (
        INDEXES_UP + 'ALTER TABLE "task_run" SET (fillfactor = 85);\n'
        'ALTER TABLE "flow_run" SET (fillfactor = 85);\n',
        INDEXES_DOWN
        + 'ALTER TABLE "task_run" RESET (fillfactor);\nALTER TABLE "flow_run" RESET (fillfactor);\n',
    ),
}


def _dialect(db: BaseDBAsyncClient) -> str:
    return "postgres" if db.capabilities.dialect == "postgres" else "sqlite"


async def upgrade(db: BaseDBAsyncClient) -> str:
    return SQL[_dialect(db)][0]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return SQL[_dialect(db)][1]


MODELS_STATE = (
    "eJztXWtz2za6/isYfYkz4+Ykdux2veecGcdWG3cdOyPbze5WOwxEQhZrCtQSpBV3T//7Ac"
    "CLeAEpQiIpCsWXRCbxAuQD8MV7x38Gc9dCDnlzblkeImRwBv4zwHCO6I/8rUMwgIvF6ga7"
    "4MOJw9vCVKMJ8T1o+vTyFDoE0UsWIqZnL3zbxfQqDhyHXXRN2tDGj6tLAbb/HSDDdx+RP0"
    "MevfHrv+hlG1voG2IP9+t/BlMbORb/PXA9C3mGbbFRFy6xef+MAH1bsKehf5K4j+ilooH8"
    "lwV/7AFvTB+X//EHa7h4MvgQGSjCMfh1I6Z9eLi6/JG3ZC8zMUzXCeZ41Xrx4s9cnDQPAt"
    "t6w2jYvUeEkQd9ZKVAYo8WwRlfCvGgF3wvQAkQ1uqChaYwcBjUg/+eBthkCAA+Evvn/f9G"
    "j5ZqZhg3t/fG3fDeMAYSM2NSKClMNvb5Gvkj7HcFSLhy2AAXH89HB8enr6NJ8R89fpPDNf"
    "iDE0IfGqtpXKGczGEB6yvsi6FOk+QAp8+6CdTxhRXWq1Ucoxjj1AKy9Hnpf98dvXv//fsf"
    "jk/f/0Cb8AdNrnxfAf7VzT3HeIVp9GGGqBRwvZhBTwxsni4HLn3kfQR3Dr8ZDsKP/oz++e"
    "7t2woofzkf8aVMW/G17FKeFvK6m+jWUXgvi/ci8OialII6RdIdyoO2WEMHGDMGUgT457vb"
    "GzHAcfscupZt+uD/gGOT1hhFiitPAtvxbUzesGF3wZgZPqznOSH/dtIYH3w6/3se/ovr2w"
    "95Ds46+JCbivQWXHd7zGzbDW6SO2Yum++JTOyYPgm3RI5VEdwfXQ/Zj/hv6IVDfEUfBGJT"
    "xEIiIe427mc/QV1dXck+HlwmklpmTdG3p++M/JDtnt9dnF8OQ9luAs2nJfQsI4M2u+Meub"
    "krSdvirfnRPH8FYvjI0WGvwR46Fp4XNp2kgUisDu9US9UL23iKGq2TqgfngCDTQz6gFGfg"
    "65S+41dATHeBLOC7wMUIkAU0KaXrsdsBvU07pOgDSPjtgCDvzSA3L031O8ZjfIudFwDB3c"
    "fz745OTsEMkhlwp4DK+vEYNqHDLPy/8mtUiJ/a3wBd2y8EPNvEprAA4tIe6KOMsQkpV0XA"
    "Q6b7iG1CH8fGnJsT/hLrlQkt7u9U3Of/S8hJcXvlhKSjWkLSUYWQdCQQRPnHIyWHJhQqCv"
    "undeTQ03Ix9DQPcMixDMbEZFDOkTUD9XqG0RnQp+9rAH36vhRodisLNMWLQWFMXmRwzlKp"
    "xzNO6uBMW5XzjJNSpKFfRPqS3vHtOapGO6TMK1oR6Zv4xz5yE/qCFpNfoo+rAvz7q0/Du/"
    "vzT58z2tbl+f2Q3TniV19yVw/ynCfpBHy5uv8I2J/gn7c3w/w+m7S7/+eAPRMMfNfA7tKA"
    "VooPxFdj1DKz7kDiG1RG22Te87QNzHz0yH2Z+D2Z6BiTypn20LP7tNE8Zyn1LPd5ltG3hU"
    "2722CWs5R6lvs8y1znlrS8pWm20Ff3Z1bXaqcrPJmRQhLOFIlGs9KMyRdeA2bMu7ifvcR0"
    "rRUz/X2KrZj5FdsApg+klmV4TyFNfaO9sgsTgvyByCzMbxxWWoWTJjVswlPbQczGCjHgNv"
    "JDAMHCc63A9Jm9lv4BPR8coG+0H+eFm2vdJV0IzBLLbLBz+p0DskCmPbXN1yLrcAsj7DoO"
    "hH1lqf6jt2EjNNkrhWXbLrUFWwes7Now0nDAiunYCPtCSazC2JcmUtB63YqHoP/+l87wPa"
    "mF70kFvidFfAPPkYE3aq4gunTt1Vy+leu3ALBNjEUwcWyzCPMH13UQxCXbXZouh/eEErYF"
    "eHKl2w3uw+3tdcaq8eHqPgfzw6cPw9HBO44+bWSHMnKROT/R1xOv6SEO5gWFI4N6TNuhK8"
    "bl0qMc4oPPo9vLh4v7q9ubs1iOpXfG+PNo+MvV8Au7iJ5ttBzj2/uPw9EZWI2yc5+kduCU"
    "Q6+uA0cH4TVsC4xVMwk8UyTaFpiPREnUZxlAM1Qa01zwiRt48ub/NJFGVAfedhJ4K2AFDe"
    "D6edXTXq7WtcBm+V8NaOkG1ASuUTeKgrrapdcjGrLLBjBNbPpqgprZVjKw0icANw/X11Ve"
    "llRaD/LsZyTY0T5EhD/+bYQcWGI9VRPrzIJ8Rl7oItgeoV/CrhTamP5o3V0XY1bmtUthus"
    "Z5ZzynmnaWLh0OrdOltfdJe5/KvE/aZt+yzZ5ZEGVtkzGNglbJPbFC1opITO8vdXl/Zk/S"
    "ZshKk0QS99OROtJTUNfqI+k11aeYr+G3hev5P7sTkQS5ulkpPiLezPgtarc+AAyDkIRHaA"
    "HeDzi4uPuFhWb9bi9egzm0EEucZaFY7D0fPTfAFpi8AIhfwNL1nlhIl+2TMNArapmsxWww"
    "WJujjem006V+BhCVnl/A1ymcTB13CQjyntFX5qozqRALWFYwmdHrrBN6kX1fhPZugRn7xw"
    "183iXrfpNYs1Q8Ycpl1mBYGP16w92une5TIf5a9N9b0T/kBxKCakKgoKjavBt96npzkQu9"
    "HN8VhQa4Vu60g0yx7lpexidDpGv5ZNSCJmr5JDtP3UWfEHQY0kObBshqC/K21z30fTRf+A"
    "ILbqnJJk3SncnmbVsAN2yvsVwsWLKlYMbNNZB5IH3XhwLTVymSSfuNoOyZ96UVMA2bGDzp"
    "ReCuqYpOLRJ3GKIaS8t7G6FK96RH2U3ssetNzHOXZF+3sDlVF4UQ31P1UAxxikSBOixVJt"
    "vh3++rxbLEYnt9e/NT3Dwvq+WUEdtBcRW42upIimYjyPvGoNvP1uCQyabEZIgUWNsdZB1x"
    "yIj9uwDnD/ZjqbyRIVNI5vjL0dHx8fdHb49Pfzh5//33Jz+8TYSP4q0qKeTD1U9sN8xMRH"
    "F7pGIHQUaAfVsg7K0p9ZMl1dVB+uyL04kg5R+euokgUxvbZLbRtOdI9dfd56+7RxWe+vZ1"
    "qzTNOytJtEeTunk4Rbflc3oK6b7Wz/nR4d9MIYyCXz+siqCYxi0ajbv9dVXiiqnd9NlTV/"
    "gz/isXVaA96Dv1oEsaVLaxpfTt0+/ghBZdWqRdIwrC7N1FqTJVnoUUlXYp1HcpaF26fKmr"
    "q0svoc3OMDF4gisxiI1FuYDV81/Wh9au+6x27bCybt++71YUr66LwfYU1M2rwY7oEh9dXd"
    "zXS6ttJmuUKVY6aVRaRx0FwnzR+NbhOk3V8IKOs0TTBR3oF+g1H4K+tuYpbfHNiN/eYGeJ"
    "PfPvXNg9+PJxOBqyQ8L8gICrG3DwavRwc3N189OrQ/Dq4ebj8Pz6/uM/Xr0uhsJTBGq8W/"
    "ZpONG6h4l7Bld3gC7fVA681vh3pvGHK0Ssla6vXrei7tDNHy1kSZxjsjMQ/Rjj5DM4A8nP"
    "Mb57uLgY3t2dgejHGP94fnX9MBqegejHGF+c31wMr6+Hl2cg+Tmopxu0HUPOArcMjl9xUk"
    "vjCHJUOhC0ELsIyRNVVULOLwFsgU5Dm4eWKstElPJQHjm3olAguKjzwDm2Z2/H9XNd9DiU"
    "bnAxGlLlmbHp8McYX90Yn0e3P404i0/9IWL84g0ivx30hvF7m9njspTaHtcXs0wde1wirU"
    "vOeZpO2936bHfjzDayVkia3wSk2gqXY5u6SrCuGNoHs6ZcxdD0l90AuGqaMfMQC9jhFgZk"
    "ptkx29eWFuR72k1k81QE9tatxxUVB3MLeY0VubV6g78m8VRUl5rQazrMqVdGz2hWCkiXmn"
    "FWBLo+oCi9tKQmcLkJZ0WhRHBT10Yc+gI2LilzWV4qJEvVfa2Q3UxAK1VB4himiVS8ZJZK"
    "AeNlLqjv5H2doL6T9+VBfeyejjPTdi0un21g7dBKeR2lPJZOG1Ab9xfSevriZkkeKe/W1h"
    "piKipGEaBb1RA/2qwg5ssQ+97LQKAiZu4fVlYVfUa45onStxgBxHpMH/n8ioBZOFjxgOg6"
    "BFuEKDVUJVOrqbvNxik9V7IkHafzsyQ7yxc5qVfbpKK0ia7Ys2udlS5zKW01aq9rWjauvd"
    "K9zBWYv8o5S0LQ4bonL8RH82401+Na6WjHFelox8V0NK25lqOvruaqHcraodwH7XW9Q3k3"
    "NQo+QRxAh7k9BwLtLHX3sEo3m/N2hh83bNh9Fzt3C467wqEEYQhkO6cSJFOodbi91eF825"
    "c8kyAmUFKLa6FEZfrJCjiXK3M5Mq3QSSt0kHKjR4wo74SPAhtnuWZXIOyHisfGU0bF28O8"
    "rtvPwxtJ+DnNGWD/jvHF7afP18Mw2j/+Ocaj4c/DC34x/tXn9C06o67zLO1YzpEpwMw68C"
    "wnoMkr6DlSHUHf5wh6053PI09OXeEgRaLAt9S1YKANX+VsTRu+tOGrZmpKbISQxDRHpmHV"
    "9sTuE1QSA9r2wKqXIZGHNvfF9slaG65qgaE2We4VORZwYiRfV2uFZYVlZLNm2lTFqLZNtu"
    "mx2h/BosKEY2PUZP9ZEWxL43Ou7+R5G+85LpXabK/P0Ala6Ha1CJvtt/aCC4s3xZ+nEdNF"
    "hRkHZQNmi0r9D3gVFVV4pb0Mu05o0pWFW60svIfW1OjblDWo/nkKpiTMPWegQKY9h474u0"
    "lo8qaJkOhNRNzWpLZV0qkC2svhxdWn8+uDd+8Pj3I1oWPU3wtccqt9Xsb8k6bTNtU+21Rl"
    "XX7a0xfjU21t3cDTx9NUZOcjQ6QnpfFJ0cHOvZkKvtRlT4pN0fS4vN2GInIrh5sEC7YzG4"
    "EnOEKzHOgslXpQU12ipjpSqY8U0PZnwXyCoe3IAl4g1JjXxZyOBp+QMYNkJoN4jkxBlfu0"
    "TnDGaXlsxmkhNIMg6Jkzw0ffpNz2OTLtupd23f87cH2B2lYuuCQEW0kuPeMnXYsoSzSZue"
    "6TQRB9feGJOqWViUSkusa0PqxKR6TEwuUms56l1LPel1kX2Kaip9cHVXUVMKMPqgK1ojoa"
    "OqiKLnzmxUVbVpE5D7tRCO98Lgryt4WI9aEqQPFRTboYURVKvOTPlhDlCwypiFMq/XZLtL"
    "IJvypi5Qb+xP1mzKHtbInVLe/pE+1ob1XqaqgW0Nv26/tMu1B1JS081wrMrREKe1EVJGL7"
    "KDygKJjMbdLAIZ93UY93SYeqYhcbk+hr28/Is7cVOr+E/V2G3dXZDfeFa7Ubc/0Isf079E"
    "uK3GfuH1ZFYLv5lm2el6pDQHUIaD/8Ua2EgGoTcjn6+2lMLDMhF2xfdcw03NqzraChmEUs"
    "a4wnyNsSnweiVIZdu0LESlcUiRAZTbJCgFjprrXkh8E5Bug71hw8oYUPbPrKlDewIscEYZ"
    "++9wwBNJ8gy0IWYAOCpU2nOvDB3af7z7SRzzJQCKVGCwIQkxoB747KHKhYRrn94SSLMOvC"
    "yyrIUjvPvO6nGrRlPjthh45KlZ1dUagopbZT08a0F7bYiF0exJOl6kcMslLh4KYpMx1haz"
    "0NjU/DRG4eJnoi2qpOF0x+Q6ZAk67YC1YkCm4G7+rFLL+rill+J4hZnvlzQXh4eQRt3F4J"
    "iLsOntUmovLVrpaJqCd1r5RREyrCzbquz9RPTPe23Dv3xwssULGfvtz2tIhbtOm0yhhvIv"
    "96/F26JDwrtcEKLY1UdM/1SXGimlvDnbZZBaidWj0htO30HS+MpDa7rsm/z+a95MsuYF2a"
    "ZpMm0UeAizJsHDviQgVQK85DThMpoXJ04IjWjv6Wz5PQpRv6YibSVWZ6MxU2MWCcH5Hz4L"
    "uugyAuEVFSZLlZmVC6tqYjudIt8h9ub68zyH+4ypuNHj59GI4O3uVKaRX3UxZhP6VaT8Ce"
    "xZDlSWJqnaK9+frPqhd1994slQL1CDqQbwrKVl2wC4TK4d2KvKNrbWh3Qe/EfO0u0Mdk1A"
    "wrWtk/JRDNEGkPjHgHloQ0az3Xy7RXbq2egtrwsSOLVW7jlriqlyWZRzb7vdbAlrPMJqCt"
    "l6LbT9a6Htb0ziLrid1NQYs9QTorPM9sx6JIb4eQWkux1YSSmCGKfPkrXlnhzk816syjnx"
    "GcW/Dnt+kmb8rZ3KGfvL3zfeDcDShXdacGXQF+C2fn8JMdjAWFhg3QQP/ax699/Lu2oqjh"
    "4+/Z7tuBCVza9L0Dk7d28p9pJ38TnjXB1l6TYQsoNd8W8O2ibJNzNqw98ipDvJuzr3Zj4N"
    "PHX3WBcp98ODEm1cdf6eM3Oj9+Q0dgdCV+6ogAHRHQtz1aRwToiADtau1tCqF2XOkax710"
    "W90h7JdVQUvuHVY5rlglMZkKaICVgXpF4sJkLga2T8ASvgDf5QXJotJj3jPyzsDSs30fYX"
    "AAsQVMdz5nf1qvwQRNKX/i7cOmwOaPlS1/1t5YY2xCx0HWIZhD7wlZvKAaHcBEdAjau/vE"
    "27Nh34BzMOa1muhjjQfAc5dJmTV+3acX5whiAiBYurQ3DxDfXSyQNcY2psP7S4QwnTp34l"
    "ov4IlulPQlZtzDl4wClvwBAv8QEJc9g00ogR8+F3yk6wnQt6DNoc9RAV6Aa1Zw066anbpq"
    "dl5tbQPceykD9USo7OeuvCWec0QI3WEknV9ZKu2cqZmR4EPRIZQVtaFiAgURfndaA+B3ef"
    "U1VRXqVFey1laGSIyVn/IUmXZJ9M0lUTB6lCvorepY0QEpFy7GyCw7tkLQqlrvig9yMbME"
    "NTQwXoydqkUfP4PPdAH4t3eAjQ7Y6WUAmiZzG58xDcNDXGHigg8Bjy5gmtGSqRDEfqT6Cl"
    "M+mB5EBKWn2xpF6yu9EP3K9ZUJJEjW75emUVBIacvnBxe28YReZJBOkSgI9HEtnI8rYD4W"
    "+vscKtURROU7WY9fllAJxLv2+tHH9G2c2HzrLvQcmQLu1m5c22zFMo7PZB+6yz6JckjWLv"
    "liB3rpb7D043PWJ1IsPkul3MJvhcdrpb8cfXWV/vhLkZ/1LKWe9b7MusAWUDwCNXXyfF1l"
    "ME2jA0qqA0pIfE7blgElG5/31gf/1NpwkvSK6lNFasFxvhXWquyhvzWsVSRLsNZadYtR4q"
    "9+FRmJgI1XpqQ34Mt6v31ERsDn27t75rUnLoAFm1WLY41x5OsC0eHByIq98nSZEuawZz1y"
    "dHzuuZ/RhwL+0jZLD1r7dfWlETfw6Gpa1c+uyvpN3EGYivGGyT5CR5/Ittc2Nx0j0MaBbL"
    "mPqgBshce1SKqEAtyFCWIPvNuDkE+zwzG70Xmb93JTloc8nw5XhLqyYm2GTpeslShZm4hA"
    "GzEUEbF6yVHv6h7zVXXKV4GjhMw4cjluwMZTlMpZ01rh4Q4kvoGehfWwytHOUimH9PFRHb"
    "PlUbnV8qhQB4G2emIVrHEwn8gdHSsgVQ7wVpZ2oi75aL6QSscXUHaXjv+2LcQbzsXPqaQF"
    "dKutskVqHZTVH0Ns0f4eTRXyPFfAvcq9jHk6BViXzqXtzRe2p64P7fD6M856HYeXzqBu2j"
    "KoPYhqexD7AWoDPsQCG2gAVZ3ovyPPLF/NImdsvMwr/K9JkzaLC2sv4E69gJKh4I2Gge/U"
    "39eBEVkfK9qy249uQcweWRZlX+UayVMqiHkra3rhoWfbDYixOfgVXWjvVD3vVAY4w3P9DT"
    "X0yo60HbQ/+nnRLEMQjyWQOsw3TaPLLlfbRzcou7xEk5nrPhHjGXlxtGJNR4+IVHt6CtXy"
    "tQFaMVNkvWKOjxDbv/O0PGmLZIFU29HWlXZcQdaI4Sfb3X5CXMP+U1hoGTPQiH4Eo6uL+5"
    "oFH8OE621LPi7sv4Xq+l5KadU1H1lg25b4sOh8hZZk0W67JT6q2WzFkZWrUihbwiUuxqI0"
    "dqvEnIawy6YGqYhdJOgbUUqPjbZE7kvY32XYXR1uv9ewIWwtXE7ZBGrDqDfVUfPQwoHbih"
    "MRZiPel0qItel/u4fk6TyM3hwIvHDp24dVvjiedQVTLWslQbqBP3EDlnUIHQe4UwDDXMUD"
    "CKJtz/V4yuHrs7B4lkkfD7A355mFM3cJHBc/xuWJixW72hpE8kzSXE5ajJNOTtxbt2Rqqd"
    "e0oKUo9IllAtuZZHU1XVhNtrAayykMCIXQEjh9S5dtjmqjpdsz/b3plWsFXmhXmcukTuSo"
    "NE8QIEv58YKOgAz0zUSeiN2Wx9OLaHVMvXRMvXQeg05g0AkM2n8k4z/qX6GLfmjCzfqNYr"
    "ga8BkxrXgUqGQCPMy5i3Jrq08RwzH4JdaKaF7WWCqiddBs4PCvg6hb17NsDJ1CxSKts+9U"
    "Z4+npb6MnqLQ8rmo/IfPT7phLyOnUqapNLICZHcZ9r5rKNsPzJ5BbDnIk60znyNTEO12oo"
    "HLq18NcTAvCF0F+1PXlbBGw/PLf0jubSHRGeD/jfHo4ebm6uYn+nf4Y4y/nF/d8yvRjzG+"
    "e7i4GA4vh5dnIPk5xj+eX12zS+H/Y8wUjEvj9uH+DCQ/x/ji/OZieM0bJj/z3o9aE954ES"
    "438E1X8sD2FYmCAfaNI7xBnRZdoKVqs2UmEaqVBAKrS2XduAydrhsnUTeOIUdx28DQlaXU"
    "KSB9TgGhXQVztMEkZwj1HPd5jil3ZMdcYd8WKNbVs5wj1fPc53m2bLKAvjnbyDtRINZz3e"
    "e5Nh3IJZsN3FAZSj3LfZ7laJNl5tLiNJfnaObItkrT3J/ZbSUfMw5RkIQ/odHYb469jmvQ"
    "cQ19WPcKxzUQH3obln3IUGoxos9iBKIQbjLHaTo9w32eYfnQJB2VVDcqqZmAJJYprHZA0u"
    "axSKkoIYgD6BgsAGjLVLNPvCcWbqQQ5FmJDTpVBwLIgJXLIVMFrTZj3B4Isq5t/DQQBLkl"
    "9w6rotwC2spw4mZrk/HOAaEgOOg7SgdY0S1kAUYNDuiLT21vzuf4MJUwN0XIYi/7GvgsZ2"
    "4GCZgghAEbuJiH10L/unJnD3a2Q1AebmfZj4hIFd5bUShXv/P0fY0ogNP3pVEA7Fau0GHg"
    "0QmRirNIkSgYu9TCWUS7DszfH6VGotA8ZPxdZtkmBApY3nJLtla43XFFuN1xMdyOb/0bHI"
    "ZBtJmtd/p5mZmtoFHuJheDyqJeiYzqVcun9I4RxK10+XZlhUA0h6LAkHJmnxAoJwIendSR"
    "AWmr8kj2k4IU2P8S7vt8MOICErJ0KZek6udMStLOEyoob7eCuOc6G6cKxLQdrm13wfoMpV"
    "OZZIHzy09XN2cAWnMbj/Ht5+Ho/P52dAYy/e080NyHcuW74/b9KN3NxlOmdLdNDCoh2c+C"
    "j6MyRD1D12GIerzN7m2E+sJDU+QhymekPoEcWT++BKWK2OtYkvL9QC0lV9dY1zXWewSxrr"
    "HeA8yzoUffFq7nG7+5ky1RGvKOfnYnCq3OVh3UUa3disqxuRaHVcbAuAywdP1YVrU1rOga"
    "lat+oe8+Q2BG90HkEUAQ9sEBuzJxrRdgE343bvuKvD7kFyAmS+SFv7kMkFe/Wh9Msp5s3G"
    "nEZahmPKFEjEKXk91LM2k0gwWkSxO6VwS6fIqwcCR9LeIb0bcpo8EJSLUW17gWp4vR6pKp"
    "qma76NSiDsHes+LL+1ISRVvZNlrhPbKq1UrtyCkSdcX8HJk2p1Wb06zU4UdbmtLUPU7pMG"
    "dNy62xPpWgzU9CufkjPU/r7R/pdVLPAIKemdFh6nrApX95yESsgzMAMYhPojoE9O5B/Be4"
    "oQ1fc+MDP4LvFQFfgwXjxg+e81Vs+Gh6kDEe4y+e7fsIAxuHhhAPYgJDhced8kvmDOJHBA"
    "7oKPwEn2+v/wpsnyTGlalNFy9riQ/5OT3snm1FZpcx/hqB+p1tfWVdIgYsiCxMh/QtCH1a"
    "SoFNJ7BqpxRkrDBJaUJMJbvYeMX2vW0MMYw7p8aIIY2+gtTm2uAgfJJaHaGhXrWVaqdWKn"
    "1ET8tH9HBOGyIlgXOWSkG4T+qAfVIO9UmxJC0z8kWCVl3bU4pE64t5fZHtyjImj7i9Equ1"
    "a5tHRUHlcrtp16GRCyq6MNA64RC6yG7vOYQvPku4FM2kvYYyD2Ve3yiAWm2hE5DrAix9tt"
    "LpGqt/knmGxDc284yKSLV7tMg6OU7SDroslfbS6QKAmoGJGJiuBfcnmOG0PbquxTVHpkti"
    "5M7MSRng66c1rGg0njkDyQKaSBLPNI12aFc7tDlWRXClvdl3cT/7CepaH3Z6TYkd2CLe2g"
    "Cwkft5mOpxL/nAWoRzG8t6kDnbbADh27gfNXFN7y6bV9yMjUyeu9wyQ6eYTqIIy+giTSdh"
    "A+WBKmlOsT5QJc2p6hSXfBhd88wZFu/ho0de4iCs6xhFk4S5MpxdviJhwAkBtg9IMGFdTV"
    "ikhwsOLod3Vz/dgHHw9i38/i+vRXUm2xxKNj4kxf11AIQOgNhrH2eHARBS6Torin5k6ShV"
    "dST9mIU5KTeX5si0vVQ+hQQzGAQ8vbLYS4pKl3qpX+qFy7rSYKeo9NGvEmgTRGUhqbLQKw"
    "oFd9JWTlynwuWz7QbEkAdbQKrgmdytHHPPAaO6rr+hq0vYgXaH9NkdMoW2Q9/VILYwmLR6"
    "vgvEeq77PNeWTbh4ZVBVnkgKxEVSLRRvHEQwEUQal29oWSoFYO+ghLwO1yhHX90ae2GK3k"
    "ZnB2Qo9az3ZdYF+1qhiJr2lWtfeR88jut95XU8jlEKtTDVYAN/o0SefT8l7+oCih5aOHDb"
    "EpMRVCPel0ILtAvPbARauV92hep6r6y3alvDJ8ve49FzA2yB39xJ7CINs+JTmf2vCGB6Kr"
    "LA6tMCc2ixY/wovwJf+X+CygGNj8DKBlz5YOl6Tyxvn3bvmzNE4hIC3B6bLrnIulkiD/G+"
    "/gq+moFHXI/KKF//K/7NagMw3DkZC/IeY1biYAaxRZ/nEBD4TB9rafszgKA5C4ekl10Aw1"
    "eCT+xIwgWAj3ThADj16SNAQHx3AR5dOr6LwXLGnsGmDw4JfQcmRBRedIKmdDvgT8G6Pfi6"
    "EqO/vgYmhdA/S+4y/DZxR3dSSiDJNEwnnmiP9956vDcybDVp0OrpbrGHkn9R4duLPGIvwH"
    "iP84h914eCoJHytNe4vU57FZS2RKLo2FIsVwQazEKBv1gakrbwpQm1x6LP/D2RcmUkpQyR"
    "TizJpY/qTOw/xZejS/hqv5726/2Z/HpKcS+dhq3+DO82DXuPPl+dN6x9of0CVaW84X2FuF"
    "bicLnHuVXfoOs9Ie8CLuDEdmxf7B7Mtzms9BDy1oaZbb7WSfiFeewgmENzZrPK36ElFoS9"
    "EWBCDCwXHBDHNtl1KrrSZoRX436mDZiv5/UhgITX5o6pmJsNEGhbRZdhB+Ot95lph9NOHU"
    "4zl0jlK8Ttm1EA12PcXYrlyUmdDMuTk/IES3Yvn1fGP5kiwBUJliuSfmRYKnUOmofYyaMb"
    "aWs5Uq2T905jK0jCu5EnzpFnmzORFBHdqZQd4KrNOoGhfGIb3nZLPX7CXVcgyEZsvb9bQS"
    "PevvJdNhKXZDbaFImCaZit7Lbso5JAOGquILqt5FvSEX1hPEC5LJMi6V6W2c1G2ZjUstPN"
    "7I//Bz5lra4="
)
