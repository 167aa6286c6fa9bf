"""active_task_indexes: written by hand for SQLite and PostgreSQL (regenerate with scripts/make_migration.py).

The sweep's indexes on `task_run` hold the active tasks only, one state each where the sweep asks
about one, and the orders' sweep index holds the CREATED orders only: an ended task (or a started
order) leaves them, so the flow engine's writes of a step maintain fewer index entries.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = """
DROP INDEX IF EXISTS "idx_task_run_state_9746b9";
DROP INDEX IF EXISTS "idx_task_run_state_720ab1";
DROP INDEX IF EXISTS "idx_task_run_state_06e273";
DROP INDEX IF EXISTS "idx_task_run_state_e9f5aa";
DROP INDEX IF EXISTS "idx_fab_order_status_8cfa89";
CREATE INDEX IF NOT EXISTS "idx_task_run_timeout_active" ON "task_run" ("timeout_at") WHERE state IN ('READY', 'RUNNING', 'WAITING') AND timeout_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS "idx_task_run_ready_sent" ON "task_run" ("dispatched_at") WHERE state = 'READY';
CREATE INDEX IF NOT EXISTS "idx_task_run_running_lease" ON "task_run" ("lease_until") WHERE state = 'RUNNING';
CREATE INDEX IF NOT EXISTS "idx_task_run_waiting_resume" ON "task_run" ("resume_at") WHERE state IN ('READY', 'WAITING');
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_waiting" ON "fab_order" ("created_at") WHERE status = 'CREATED';
"""

DOWNGRADE = """
DROP INDEX IF EXISTS "idx_task_run_timeout_active";
DROP INDEX IF EXISTS "idx_task_run_ready_sent";
DROP INDEX IF EXISTS "idx_task_run_running_lease";
DROP INDEX IF EXISTS "idx_task_run_waiting_resume";
DROP INDEX IF EXISTS "idx_fab_order_created_waiting";
CREATE INDEX IF NOT EXISTS "idx_task_run_state_9746b9" ON "task_run" ("state", "timeout_at");
CREATE INDEX IF NOT EXISTS "idx_task_run_state_720ab1" ON "task_run" ("state", "dispatched_at");
CREATE INDEX IF NOT EXISTS "idx_task_run_state_06e273" ON "task_run" ("state", "lease_until");
CREATE INDEX IF NOT EXISTS "idx_task_run_state_e9f5aa" ON "task_run" ("state", "resume_at");
CREATE INDEX IF NOT EXISTS "idx_fab_order_status_8cfa89" ON "fab_order" ("status", "created_at");
"""

# Partial indexes are written alike in both dialects.
SQL = {
    "sqlite": (UPGRADE, DOWNGRADE),
    "postgres": (UPGRADE, DOWNGRADE),
}


def _dialect(db: BaseDBAsyncClient) -> str:
    return "postgres" if db.capabilities.dialect == "postgres" else "sqlite"


async def upgrade(db: BaseDBAsyncClient) -> str:
    return SQL[_dialect(db)][0]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return SQL[_dialect(db)][1]


MODELS_STATE = (
    "eJztXWtz2za6/isYfYkz4+YkTux2vWfPjGOrjbuOnZHtZnerMwxEQhZrCtQSpGV3T//7Ac"
    "CLeAEpQiIpCsWXRCbxAuQD8MV7x38Gc9dCDnlzZlkeImRwCv4zwHCO6I/8rUMwgIvF6ga7"
    "4MOJw9vCVKMJ8T1o+vTyFDoE0UsWIqZnL3zbxfQqDhyHXXRN2tDGD6tLAbb/HSDDdx+QP0"
    "MevfHr/9LLNrbQM2IP9+t/BlMbORb/PXA9C3mGbbFRFy6xef+MAD0v2NPQP0ncR/RS0UD+"
    "y4I/9oA3po/L//iDNVw8GnyIDBThGPy6EdPe319e/MhbspeZGKbrBHO8ar148WcuTpoHgW"
    "29YTTs3gPCyIM+slIgsUeL4IwvhXjQC74XoAQIa3XBQlMYOAzqwX9PA2wyBAAfif3z4X+i"
    "R0s1M4zrmzvjdnhnGAOJmTEplBQmG/t8jfwR9rsCJFw5bIDzT2ejg/cnr6NJ8R88fpPDNf"
    "iDE0IfGqtpXKGczGEB60vsi6FOk+QAp8+6CdTxhRXWq1Ucoxjj1AKy9Hnpf98dvfvw/Ycf"
    "3p98+IE24Q+aXPm+AvzL6zuO8QrT6MMMUSngej6DnhjYPF0OXPrI+wjuHD4bDsIP/oz++e"
    "7t2woofzkb8aVMW/G17FKeFvK66+jWUXgvi/ci8OialII6RdIdyoO2WEMHGDMGUgT459ub"
    "azHAcfscupZt+uD/gGOT1hhFiitPAtvxbUzesGF3wZgZPqznOSH/dtIYH3w++0ce/vOrm4"
    "95Ds46+JibivQWXHd7zGzbDW6SO2Yum++JTOyYPgq3RI5VEdwfXQ/ZD/jv6IVDfEkfBGJT"
    "xEIiIe4m7mc/QV1dXck+HlwmklpmTdG3p++M/JDtnt2en10MQ9luAs3HJfQsI4M2u+Meub"
    "krSdvirfnRPH8FYvjA0WGvwR46Fp4XNp2kgUisDu9US9UL23iMGq2TqgdngCDTQz6gFKfg"
    "25S+4zdATHeBLOC7wMUIkAU0KaXrsdsBvU07pOgDSPjtgCDvzSA3L031O8ZjfIOdFwDB7a"
    "ez746OT8AMkhlwp4DK+vEYNqHDLPy/8mtUiJ/az4Cu7RcCnmxiU1gAcWkP9FHG2ISUqyLg"
    "IdN9wDahj2Njzs0Jf4n1yoQW93cq7vP/JeSkuL1yQtJRLSHpqEJIOhIIovzjkZJDEwoVhf"
    "2TOnLoSbkYepIHOORYBmNiMijnyJqBej3D6Azokw81gD75UAo0u5UFmuLFoDAmLzI4Z6nU"
    "4xnHdXCmrcp5xnEp0tAvIn1B7/j2HFWjHVLmFa2I9E38Yx+5CX1Bi8kv0cdVAf7d5efh7d"
    "3Z5y8Zbevi7G7I7hzxqy+5qwd5zpN0Ar5e3n0C7E/wr5vrYX6fTdrd/WvAngkGvmtgd2lA"
    "K8UH4qsxaplZdyDxDSqjbTLvedoGZj565L5M/J5MdIxJ5Ux76Ml93Gies5R6lvs8y+h5Yd"
    "PuNpjlLKWe5T7PMte5JS1vaZot9NX9mdW12ukKT2akkIQzRaLRrDRj8oXXgBnzNu5nLzFd"
    "a8VMf59iK2Z+xTaA6T2pZRneU0hT32iv7MKEIH8gMgvzG4eVVuGkSQ2b8NR2ELOxQgy4jf"
    "wQQLDwXCswfWavpX9AzwcH6Jn247xwc627pAuBWWKZDXZOv3NAFsi0p7b5WmQdbmGEXceB"
    "sK8s1X/0NmyEJnulsGzbpbZg64CVXRtGGg5YMR0bYV8oiVUY+9JEClqvW/EQ9N//0hm+x7"
    "XwPa7A97iIb+A5MvBGzRVEl669msu3cv0WALaJsQgmjm0WYf7oug6CuGS7S9Pl8J5QwrYA"
    "T650u8F9vLm5ylg1Pl7e5WC+//xxODp4x9GnjexQRi4y50f6euI1PcTBvKBwZFCPaTt0xb"
    "hcepRDfPBldHNxf353eXN9Gsux9M4YfxkNf7kcfmUX0ZONlmN8c/dpODoFq1F27pPUDpxy"
    "6NV14OggvIZtgbFqJoFnikTbAvORKIn6LANohkpjmgs+cQNP3vyfJtKI6sDbTgJvBaygAV"
    "y/rHray9W6Ftgs/6sBLd2AmsA16kZRUFe79HpEQ3bZAKaJTV9NUDPbSgZW+gTg+v7qqsrL"
    "kkrrQZ79hAQ72seI8Me/j5ADS6ynamKdWZBPyAtdBNsj9EvYlUIb0x+tu+tizMq8dilM1z"
    "jvjKdU087SpcOhdbq09j5p71OZ90nb7Fu22TMLoqxtMqZR0Cq5J1bIWhGJ6f2lLu/P7Ena"
    "DFlpkkjifjpSR3oK6lp9JL2m+hTzNXxeuJ7/szsRSZCrm5XiI+LNjN+idusDwDAISXiEFu"
    "D9gIPz219YaNbv9uI1mEMLscRZForF3vPBcwNsgckLgPgFLF3vkYV02T4JA72ilslazAaD"
    "tTnamE47XeqnAFHp+QV8m8LJ1HGXgCDvCX1jrjqTCrGAZQWTGb3OOqEX2fdFaO8WmLF/3M"
    "DnXbLuN4k1S8UTplxmDYaF0a833O3a6T4V4q9F/70V/UN+ICGoJgQKiqrNu9GnrjcXudDL"
    "8V1RaIBr5U47yBTrruVlfDJEupZPRi1oopZPsvPUXfQJQYchPbRpgKy2IG973UPfR/OFL7"
    "Dglpps0iTdmWzetgVww/Yay8WCJVsKZtxcA5kH0nd9KDB9lSKZtN8Iyp55X1oB07CJwZNe"
    "BO6aqujUInGHIaqxtLy3Eap0T3qQ3cQeut7EPHdJ9nULm1N1UQjxHVUPxRCnSBSow1Jlsh"
    "3+465aLEsstlc31z/FzfOyWk4ZsR0UV4GrrY6kaDaCvG8Muv1sDQ6ZbEpMhkiBtd1B1hGH"
    "jNi/C3D+aD+UyhsZMoVkjr8cHb1///3R2/cnPxx/+P774x/eJsJH8VaVFPLx8ie2G2Ymor"
    "g9UrGDICPAvi0Q9taU+smS6uogffbF6USQ8g9P3USQqY1tMtto2nOk+uvu89fdowpPffu6"
    "VZrmnZUk2qNJ3TycotvyOT2FdF/r5/zo8G+mEEbBrx9WRVBM4xaNxt3+uipxxdRu+uypK/"
    "wZ/zcXVaA96Dv1oEsaVLaxpfTt0+/ghBZdWqRdIwrC7N1FqTJVnoUUlXYp1HcpaF26fKmr"
    "q0svoc3OMDF4gisxiI1FuYDV81/Wh9au+6x27bCybt++71YUr66LwfYU1M2rwY7oEh9dnt"
    "/VS6ttJmuUKVY6aVRaRx0FwnzR+NbhOk3V8IKOs0TTBR3oF+g1EIKuVd2dqrosTDMQfP71"
    "yratqDv0b4/ur68vr3+SxDkmOwXRjzG+v/40PLu6+/TPU5D8HOPb+/Pz4e3tKYh+jPGPZ5"
    "dX96PhKYh+jPH52fX58OpqeHEKkp+DekJx28HTLGLJ4PgVJ7XUgZ6j0hGQhaA9SB6pjB6y"
    "PAlgC3Qa2jy0VEskolj/8pCxFYUCUTWdR4wxwWE7rp/roscxZIPz0ZBqjYxNhz/G+PLa+D"
    "K6+WnEWXzqDxHjF28Q+e2gN4zf28wQlaXUhqi+2CPqGKIQRXSTOU/TaYNTnw1OnNlGarqk"
    "3UlAqs1P+oz6Tu15ulRmPXueXKnM9JfdALhq2u/yEAvY4RaWU6bZMQPclqbTO9pNZOxTBP"
    "bWzaYVpfZyC3mN+bS1Qnu/JoFEVJea0Gs6vqdXRs9oVgpIl5pxVgS6MJ4or7KkGG65CWdF"
    "oURUT9dGHPoCNi6p71heIyNL1X2RjN1MQCvlMOLgnYlUoGCWSgHjZS6a7fhDnWi24w/l0W"
    "zsng6w0nYtLp9tYO3QSnkdpTyWThtQG/cX0nr64mbZDSnv1tYaYiocRBGgW9UQP9msEuTL"
    "EPvey0CgImbuH1aW03xCuOZRyjcYAcR6TJ91/IqAWThY8WTkOgRbxOY0VB5Sq6m7TUMpPV"
    "CxJA+l80MUO0uUOK5X1KOipocuVbNrnZUucyltNWqvizk2rr3SvcwVmL/KOUtC0OG6Jy/E"
    "R/NuNNf3tfKw3lfkYb0v5mFpzbUcfXU1V+1Q1g7lPmiv6x3Ku0nO/wxxAB3m9hwItLPU3c"
    "Mq3WzO2xl+3LBh913s3C047grV+MMQyHbK8SdTqHW4vdXhfNuXLMYfEyipxbVQmzH9ZAWc"
    "y5W5HJlW6KQVOki50QNGlHfCB4GNs1yzKxD2Q8Vj4ymj4u1hXtfNl+G1JPyc5hSwf8f4/O"
    "bzl6thGO0f/xzj0fDn4Tm/GP/qc/oWnVHXeZJ2LOfIFGBmHXiWE9DkFfQcqY6g73MEvenO"
    "55Enp65wkCJR4FvqWjDQhq9ytqYNX9rwVTM1JTZCSGKaI9Owanti9wkqiQFte2DVy5DIQ5"
    "v7YvtkrQ1XtcBQmyz3ihwLODGSr6u1iqrC+qlZM22qVFLbJtv0WO2PYFFhwrExarL/rAi2"
    "pfE513fyvI33HNcIbbbXJ+gELXS7WoTN9lt7wdFxn43k8zRiuqgi4aBsQPD103A0BOHjg7"
    "+BV1FRhVfay7DrhCZdUrfVkrp7aE2Nvk1Zg+qfp2BKwtxzBgpk2nPoiL+bhCZvmgiJ3kTE"
    "bU1qWyWdKqC9GJ5ffj67Onj34fAoVww5Rv2DwCW32udlzD9pOm1T7bNNVdblpz19MT7V1t"
    "YNPH08TUV2PjJEelIanxQd7NybqeBLXfaI1BRNj8vbbSgit3KqR7BgO7MReIKzI8uBzlKp"
    "BzXVJWqqI5X6SAFtfxbMJxjajizgBUKNeV3M6WjwERkzSGYyiOfIFFS5T+oEZ5yUx2acFE"
    "IzCIKeOTN89Czlts+Rade9tOv+34HrC9S2csElIdhKcukZP+laRFmiycx1Hw2C6OsLj5Ip"
    "rUwkItU1pvUpTToiJRYuN5n1LKWe9b7MusA2FT29PqGpq4AZfUITqBXV0dAJTXThMy8u2r"
    "KKzFnYjUJ453NRkL8tRKwPVQGKz4vSxYiqUOIlf7aEKF9gSEWcUum3W6KVTfhVESs38Cfu"
    "szGHtrMlVje8p8+0o71VqauhWkBv26/vC+1C1ZW08FwrMLdGKOxFVZCI7aPwgKJgMrdJA6"
    "db3kY93iYdqopdbEyir20/Ic/eVuj8GvZ3EXZXZzfcF67Vbsz1A8T279AvKXKfuX9YFYHt"
    "5lu2eVCoDgHVIaD98Ee1EgKqTcjl6O+nMbHMhFywfdUx03Brz7aChmIWsawxniBvS3zuiV"
    "IZdu0KEStdUSRCZDTJCgFipbvWkh8GZxig71hz8IgWPrDpK1PewIocE4R9+t4zBNB8giwL"
    "WYANCJY2nerAB7ef777QRj7LQCGUGi0IQExqBLw7KnOgYhnl9oeTLMKsCy+rIEvtPPO6n2"
    "rQlvnshB06KlV2dkWhopTaTk0b017YYiN2eRBPlqofMchKhYObpsx0hK31NDQ+DRO5eZjo"
    "iWirOl0w+Q2ZAk26Yi9YkSi4GbyrF7P8ripm+Z0gZnnmzwXh4eURtHF7JSDuOnhWm4jKV7"
    "taJqKe1L1SRk2oCDfruj5TPzHd23Lv3B8vsEDFfvpy29MibtGm0ypjvIn86/F36ZLwrNQG"
    "K7Q0UtE91yfFiWpuDXfaZhWgdmr1hNC203e8MJLa7Lom/z6b95Ivu4B1aZpNmkQfAS7KsH"
    "HsiAsVQK04DzlNpITK0YEjWjv6Wz5PQpdu6IuZSFeZ6c1U2MSAcX5EzoPvug6CuERESZHl"
    "ZmVC6dqajuRKt8h/vLm5yiD/8TJvNrr//HE4OniXK6VV3E9ZhP2Uaj0BexZDlieJqXWK9u"
    "brP6te1N17s1QK1CPoQL4pKFt1wS4QKod3K/KOrrWh3QW9E/O1u0Afk1EzrGhl/5RANEOk"
    "PTDiHVgS0qz1XC/TXrm1egpqw8eOLFa5jVviql6WZB7Z7PdaA1vOMpuAtl6Kbj9Z63pY0z"
    "uLrCd2NwUt9gTprPA8sx2LIr0dQmotxVYTSmKGKPLlr3hlhTs/1agzj35GcG7Bn9+mm7wp"
    "Z3OHfvL2zveBczegXNWdGnQF+C2cncNPdjAWFBo2QAP9ax+/9vHv2oqiho+/Z7tvByZwad"
    "P3Dkze2sl/qp38TXjWBFt7TYYtoNR8W8C3i7JNztmw9sirDPFuzr7ajYFPH3/VBcp98uHE"
    "mFQff6WP3+j8+A0dgdGV+KkjAnREQN/2aB0RoCMCtKu1tymE2nGlaxz30m11i7BfVgUtuX"
    "dY5bhilcRkKqABVgbqFYkLk7kY2D4BS/gCfJcXJItKj3lPyDsFS8/2fYTBAcQWMN35nP1p"
    "vQYTNKX8ibcPmwKbP1a2/Fl7Y42xCR0HWYdgDr1HZPGCanQAE9EhaO/uI2/Phn0DzsCY12"
    "qijzUeAM9dJmXW+HWfXpwjiAmAYOnS3jxAfHexQNYY25gO7y8RwnTq3IlrvYBHulHSl5hx"
    "D18yCljyBwj8Q0Bc9gw2oQR++Fzwga4nQN+CNoc+RwV4Aa5ZwU27anbqqtl5tbUNcO+lDN"
    "QTobKfu/KWeM4RIXSHkXR+Zam0c6ZmRoIPRYdQVtSGigkURPjdSQ2A3+XV11RVqBNdyVpb"
    "GSIxVn7KU2TaJdE3l0TB6FGuoLeqY0UHpJy7GCOz7NgKQatqvSs+yMXMEtTQwHgxdqoWff"
    "oCvtAF4N/cAjY6YKeXAWiazG18yjQMD3GFiQs+BDy4gGlGS6ZCEPuB6itM+WB6EBGUnm5r"
    "FK2v9EL0K9dXJpAgWb9fmkZBIaUtnx9c2MYjepFBOkWiINDva+H8vgLm90J/n0OlOoKofC"
    "fr8csSKoF4114/+pi+jRObb92FniNTwN3ajWubrVjG8ZnsQ3fZR1EOydolX+xAL/0Nln58"
    "zvpEisVnqZRb+K3weK30l6OvrtIffynys56l1LPel1kX2AKKR6CmTp6vqwymaXRASXVACY"
    "nPadsyoGTj89764J9aG06SXlF9qkgtOM63wlqVPfS3hrWKZAnWWqtuMEr81a8iIxGw8cqU"
    "9AZ8Xe+3j8gI+HJze8e89sQFsGCzanGsMY58XSA6PBhZsVeeLlPCHPasR46Ozz33M/pQwF"
    "/aZulBa7+uvjTiBh5dTav62VVZv4k7CFMx3jDZR+joE9n22uamYwTaOJAt91EVgK3wuBZJ"
    "lVCAuzBB7IF3exDyaXY4Zjc6b/NebsrykOfT4YpQV1aszdDpkrUSJWsTEWgjhiIiVi856l"
    "3dY76qTvkqcJSQGUcuxw3YeIpSOWtaKzzcgcQ30JOwHlY52lkq5ZB+f1THbHlUbrU8KtRB"
    "oK0eWQVrHMwnckfHCkiVA7yVpZ2oSz6aL6TS8QWU3aXjv20L8YZz8XMqaQHdaqtskVoHZf"
    "XHEFu0v0dThTzPFXCvci9jnk4B1qVzaXvzhe2p60M7vP6Ms17H4aUzqJu2DGoPotoexH6A"
    "2oAPscAGGkBVJ/rvyDPLV7PIGRsv8wr/a9KkzeLC2gu4Uy+gZCh4o2HgO/X3dWBE1seKtu"
    "z2o1sQs0eWRdlXuUbylApi3sqaXnjoyXYDYmwOfkUX2jtVzzuVAc7wXH9DDb2yI20H7Y9+"
    "XjTLEMRjCaQO803T6LLL1fbRDcouL9Fk5rqPxHhCXhytWNPRIyLVnp5CtXxtgFbMFFmvmO"
    "MDxPbvPC1P2iJZINV2tHWlHVeQNWL4yXa3nxDXsP8UFlrGDDSiH8Ho8vyuZsHHMOF625KP"
    "C/vvobq+l1Jadc1HFti2JT4sOl+hJVm0226Jj2o2W3Fk5aoUypZwiYuxKI3dKjGnIeyyqU"
    "EqYhcJ+kaU0mOjLZH7GvZ3EXZXh9vvNWwIWwuXUzaB2jDqTXXUPLRw4LbiRITZiPelEmJt"
    "+t/uIHk8C6M3BwIvXPr2YZUvjmddwVTLWkmQbuBP3IBlHULHAe4UwDBX8QCCaNtzPZ5y+P"
    "o0LJ5l0scD7M15ZuHMXQLHxQ9xeeJixa62BpE8kzSXkxbjpJMT99YtmVrqNS1oKQp9YpnA"
    "diZZXU0XVpMtrMZyCgNCIbQETt/SZZuj2mjp9kx/b3rlWoEX2lXmMqkTOSrNEwTIUn68oC"
    "MgAz2byBOx2/J4ehGtjqmXjqmXzmPQCQw6gUH7j2T8R/0rdNEPTbhZv1EMVwM+I6YVjwKV"
    "TICHOXdRbm31KWI4Br/EWhHNyxpLRbQOmg0c/nUQdet6lo2hU12xiPFhN/DXFymiOvqzkU"
    "xIQkYV6Ce+RoUGAvD103A0BLyOCLi8BgevRsOzi3++OgSvRvfX15fXP7GfX88u79jP1+Ds"
    "+gKsnghc3gK63MD1/dVVGG+fenDLJgvom7Nwt5F5dsbCXwwSJcOvf+6/geipC8/gIF5cG/"
    "u2I/cEAebxZJy+/kNEiBUeg44ZzJEsDEtosygnI6TeZAqTeSs8kelAOos1ZkZbl3psXYoZ"
    "SAHqUm0yRaE1SVGhGp+fycReRs74kabSyAqQ3WWCxq6hbD+FYAax5SBP9kSEHJmCaLcTt1"
    "5ep22Ig3lBPShYSruu2cYlAsm9LSQ6Bfy/MY6EG/p3+GOMI+niFEQ/xvj2/vx8OLwYXpyC"
    "5OcY/3h2ecUuhf+PMVOFL4yb+7tTkPwc4/Oz6/PhFW+Y/Mz76WpNeOPl4qisa7pyGVApEg"
    "VTQRpHeIOKQrqUUNVm63Phnq7CIqKVFQ4zdLrCoUSFw5SaXoC82iSbpdTJSn1OVlop8pKT"
    "nCHUc9znOU7bjCRnOUeq57nP85y1T0rOdIFYz3Wf5zpl7pSc6CylnuU+z3K0yTJzaXGay7"
    "OJc2RbJRTvz+y2kjkcB9NIwp/QaOw3x15H4OgInD6se4UjcIgPvQ0LlGQotRjRZzECUQg3"
    "meM0nZ7hPs+wfBCdjp+rGz/XTOgcy2lXO3Ru86i5VDwbxAF0eMTQlkmRn3lPLDBOIcizEh"
    "t0qo6ukAErl+2oClptRmPeE2Rd2fhxIAjHTO4dVsVjBrSV4cTN1qaNngFCQXDQd5QOsPJw"
    "yAKMGhzQF5/a3pzP8WEqtXOKkMVe9jXwWXbnDBIwQQgDNnAxY7SF/nWN2R7sbIegPNzOsh"
    "8QkSoRuaJQrtLsyYcaUQAnH0qjANitXEnOwKMTIhVnkSJRMHaphVOzdp1Csj9KjcSRCJDx"
    "d5llmxAoYHnLLdla4XbvK8Lt3hfD7fjWv8GxLUSb2Xqnn5eZ2Qoa5W6yhqgs6pXIqF61fE"
    "rvGEHcSh80oKwQiOZQFBhSzuwTAuVEwKPjOjIgbVUeyX5ckAL7f9jAPh/huYCELF3KJan6"
    "OZOStPOECsrbrSDuuc7GqQIxbYdr212wPkPpVCZZ4Ozi8+X1KYDW3MZjfPNlODq7uxmdgk"
    "x/Ow8096Fcofm4fT+KzLPxlCkyb5NUbrJEiHqGrsMQ9Xib3dsI9YWHpshDlM9IfQI5sn58"
    "CUodt6BjScr3A7WUXH0agD4NoEcQ69MAeoB5NvToeeF6vvGbO9kSpSHv6Gd3otDqbNVBHV"
    "WFrqhxnGtxWGUMjAtWS1c6ZvWFw9rDUWH1F/ruMwRmdB9EHgGsKA44YFcmrvUCbMLvxm1f"
    "kdeH/ALEZIm88DeXAfLqV+uDSVY+jjuNuAzVjCeUSJem2VszaTSDBaRLE7pXBLp8irDEKX"
    "0t4hvRtymjwQlItRbXuBanyybr4r6qZrvo1KIOwd6zMuH7UhJFW9k2WuE9sqrVSu3IKRJ1"
    "xfwcmTanVZvTrNQxXVua0tQ9+OswZ03LrbE+FUvOT0K5+SM9T+vtH+l1Us8Agp6Y0WHqes"
    "Clf3nIRKyDUwAxiM9MOwT07kH8F7imDV9z4wM/LPIVAd+CBePG957zTWz4aHqQMR7jr57t"
    "+wgDG4eGEA9iAkOFx53yS+YM4gcEDugo/Kyp59d/BbZPEuPK1KaLl7XEh/xEKXbPtiKzyx"
    "h/i0D9zra+sS4RAxZEFqZD+haEPi2lwKYTWLVTCjJWmKQ0IaaSXWy82rZGcK7ycAxp9BWk"
    "NtcGB+GT1OoIDfWqrVQ7tVLpw6RaPkyKc9oQKQmcs1QKwn1cB+zjcqiPiyVpmZEvErTq2p"
    "5SJFpfzOuLbFeWMXnE7ZVYrV3bPCoKKpfbTbsOjVxQ0YWB1gmH0EV2e88hfPGp16VoJu01"
    "lHko8/pGAdRqC52AXBdg6bOVTtdY/ZPMMyS+sZlnVESq3aNF1slxknbQZam0l04XANQMTM"
    "TAdC24P8EMp+3RdS2uOTJdEiN3Zk7KAF8/rWFFo/HMGUgW0ESSeKZptEO72qHNsSqCK+3N"
    "vo372U9Q1/qw02tK7MAW8dYGgI3cz8NUj3vJB9YinNtY1oPM2WYDCN/E/aiJa3p32bziZm"
    "xk8tzllhk6xXQSRVhGF2k6CRsoD1RJc4r1gSppTlWnuOT96IpnzrB4Dx898BIHYV3HKJok"
    "zJXh7PIVCQNOCLB9QIIJ62rCIj1ccHAxvL386RqMg7dv4fd/eS2qM9nmULLxISnurwMgdA"
    "DEXvs4OwyAkErXWVH0I0tHqaoj6ccszEm5uTRHpu2l8ikkmMEg4OmVxV5SVLrUS/1SL1zW"
    "lQY7RaWPfpVAmyAqC0mVhV5RKLiTtnLiOhUun2w3IIY82AJSBc/kbuWYew4Y1XX9DV1dwg"
    "60O6TP7pAptB36rgaxhcGk1fNdINZz3ee5tmzCxSuDqvJEUiAukmqheOMggokg0rh8Q8tS"
    "KQB7ByXkdbhGOfrq1tgLU/Q2OjsgQ6lnvS+zLtjXCkXUtK9c+8r74HFc7yuv43GMUqiFqQ"
    "Yb+Bsl8uz7KXlXF1D00MKB25aYjKAa8b4UWqBdeGYj0Mr9sitU13tlvVXbGj5Z9h4Pnhtg"
    "C/zmTmIXaZgVn8rsf0UA01ORBVafFphDix3jR/kV+Mb/E1QOaHwEVjbg0gdL13tkefu0e9"
    "+cIRKXEOD22HTJRdbNEnmI9/VX8M0MPOJ6VEb59l/xb1YbgOHOyViQ9xizEgcziC36PIeA"
    "wCf6WEvbnwEEzVk4JL3sAhi+EnxkRxIuAHygCwfAqU8fAQLiuwvw4NLxXQyWM/YMNn1wSO"
    "g7MCGi8KITNKXbAX8K1u3Bt5UY/e01MCmE/mlyl+G3iTu6k1ICSaZhOvFEe7z31uO9kWGr"
    "SYNWT3eLPZT8iwrfXuQRewHGe5xH7Ls+FASNlKe9xu112qugtCUSRceWYrki0GAWCvzF0p"
    "C0hS9NqD0WfebviZQrIylliHRiSS59VGdi/ym+HF3CV/v1tF/vz+TXU4p76TRs9Wd4t2nY"
    "e/T56rxh7QvtF6gq5Q3vK8S1EofLPc6t+gZd7xF553ABJ7Zj+2L3YL7NYaWHkLc2zGzztU"
    "7Cr8xjB8EcmjObVf4OLbEg7I0AE2JgueCAOLbJrlPRlTYjvBr3E23AfD2vDwEkvDZ3TMXc"
    "bIBA2yq6DDsYb73PTDucdupwmrlEKl8hbt+MArge4+5SLI+P62RYHh+XJ1iye/m8Mv7JFA"
    "GuSLBckfQjw1Kpc9A8xE4e3Uhby5Fqnbx3GltBEt6NPHGGPNuciaSI6E6l7ABXbdYJDOUT"
    "2/C2W+rxE+66AkE2Yuv93Qoa8faV77KRuCSz0aZIFEzDbGW3ZR+VBMJRcwXRbSXfko7oC+"
    "MBymWZFEn3ssxuNsrGpJadbmZ//D/zfzJ8"
)
