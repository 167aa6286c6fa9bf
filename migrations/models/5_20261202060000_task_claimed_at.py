"""task_claimed_at: written by hand for SQLite and PostgreSQL (regenerate with scripts/make_migration.py)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

SQLITE_UPGRADE = """
ALTER TABLE "task_run" ADD "claimed_at" TIMESTAMP;
CREATE INDEX IF NOT EXISTS "idx_task_run_claimed_a52f3b" ON "task_run" ("claimed_at");
"""

SQLITE_DOWNGRADE = """
DROP INDEX IF EXISTS "idx_task_run_claimed_a52f3b";
ALTER TABLE "task_run" DROP COLUMN "claimed_at";
"""

POSTGRES_UPGRADE = """
ALTER TABLE "task_run" ADD "claimed_at" TIMESTAMPTZ;
CREATE INDEX IF NOT EXISTS "idx_task_run_claimed_a52f3b" ON "task_run" ("claimed_at");
"""

POSTGRES_DOWNGRADE = """
DROP INDEX IF EXISTS "idx_task_run_claimed_a52f3b";
ALTER TABLE "task_run" DROP COLUMN "claimed_at";
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
    "MptAHM7OGLLj8/jbXQwCmVJ3cfemRVbQmy+CzaGJEWwEqZjlY8+yG+mfduYvUc1PP7chxX"
    "1nTLQZZq9mmOhLy0FdqHYlKLTKJVC56FfHUpnYy8hZCZJUGlkBsvuMj943lM1H8C4gNm3k"
    "GpIoZ8gURLuZsNHi5L0h9pc5OXrfiXy98XBw8W/JvS0gOgP8vyke393cXN78TP8Ofkzxl8"
    "HlhF8Jf0zx7d35+XB4Mbw4A/HPKf44uLxil4L/p5jpjBfG6G5yBuKfU3w+uDkfXvGG8c+s"
    "Q6vShNeeS0il07kjWZFrTaJgJHbtCIfOIam6mAkSHd+Z3Ww9LtzTVZhHtPQoyxSdPstS4i"
    "zLhBqbg7zcdpmm1LkCXc4VWOvikpOcItRz3OU5TtpzJGc5Q6rnucvznLYMSs50jljPdZfn"
    "OmHulJzoNKWe5S7PcrjJyp57kCHTJ4hvn7gXRZ1Iwh/TaOy3x16HquhQlS6se4VDVYgH3S"
    "3rA6QotRjRZTECUQi3meMknZ7hLs+wfLSZDjSrGmhWT4wZSylVO8Zs+/CyROAXxD60DRbT"
    "tWP+4DXviUWQKQR5WmKDtm0UO5pkwMqkBaqCVpNhi3cEmVcWfuwJ4hbje/2ywEWftjLsqF"
    "mFEvWEgmCjHykdYNWZkAkYNTiiL35vuUs+x/1EDuQ9QiZ72VdBffUFJGCGEAZs4HxqZQP9"
    "6xKPHdjZ+qA43M60HhCRqtC2plCu0OPp+wpRAKfvC6MA2K1MRTzfpRMiFWeRIFEwdundcQ"
    "WI3x0XQsxuZbzU+861OBylRqJuPmT8XWbZxgQKWN4yS7ZSuN27knC7d/lwO771y+vjCTJt"
    "ZuuKfl5kZstplPtJr6GyqFsgo7rl8im9Y/hRK13nW1khEEXHZFVl9jGBciLg8UkVGZC2Ko"
    "5kP8lJgd2v9X3Ix96uICHPDuWSVP1cSEnaWUIF5e1GEHcde+tUgYi2xbXtrFifgXQqkyww"
    "uLi+vDkD0FxaeIpHn4fjwWQ0PgOp/vYeaO5BuTrPUftu1Hhm4ylT49kiBpWQrCfBx1Eaop"
    "6iazFEPdpmDzZCfeWie+QiymekPoEMWTe+BKWqnetYkuL9QC0lVxfj1sW4OwSxLsbdAcwb"
    "dbuGZYFLStxmWvTLTFxRzWLpQresvGxQejasEv1yxs+8XlDujlwSnG99xK7ww7Etwu9GbX"
    "8gr/r8AsTkGbnBb76zZZWKxgeTLHwbdRp+O1Tfm1EiXXDlYI1/4QzmkC5MU14T6KIgwgqX"
    "9LWIZ4TfpoxeIiDVukntuomumqtru6qaw6ETZloE+8CqRB9KoQ9tO9pqhXfIVlQpYSGjSF"
    "QV8zNk2khUbiQyE2cO7WggUvcUo37GRpRZY12qlZudhGLzR3KeNts/kuukmgEEPTGjw73j"
    "Aof+5aI5Yh2cAYhBdABUH9C7R9Ff4IY2fMWND/wEsh8I+OqvGDe+c+2vYsNH3YNM8RR/cS"
    "3PQxhYODCEuBATGCg8zj2/NF9A/IDAER2FHzX07dU/gOWR2Lhyb9HFy1riPj9QiN2zzNDs"
    "MsVfQ1B/tMyvrEvEgAWhhalP34LQp6UUeG77ZuVAeXElXUwlu8h4VXM93QjS8CtIbK41Ds"
    "InqdERaupVW6n2aqXSZwk1fJYQ57QBUhI4p6kUhPukCtgnxVCf5AutMiNfKGhVtT0lSLS+"
    "mNUX2a4sY/KI2iuxWtu2eZSUCS62m7Yd8LeiogsDrRUOoUvHdp5DeOIjfAvRjNtrKLNQZv"
    "WNHKjlFjoBuS4r0mUrna4c+heZZ0g8YzvPqIhUu0fzrJPjJO2gS1NpL50ua6cZmIiB6Qpn"
    "f4EZTtqjq1pcM2S60EPmJJiEAb56sP6aRuOZMZCs4BxJ4pmk0Q7tcoc2xyoPrrQ3+zbq5z"
    "BB3ejDTq4psQNbxFtrADZ0Pw8TPR4kH9iIcGZj2QwyZ5s1IDyK+lET1+Tusn0dycjI5DrP"
    "O2bn5NNJFGEZbaTpxGygOFAlySk2B6okOVWVkol34yueOcPiPTz0wBP3g2qFYTRJkCvD2e"
    "UPJAg4IcDyAPFnrKsZi/RwwNHF8Pby5xsw9d+8gT/9/ZWoemKTQ8nGhyS4vw6A0AEQB+3j"
    "bDEAQipdZ03RjSwdpWppJB8zNyfF5tIMmbaXyqeQYAaDgKeXljBJUOkCJtULmHBZVxrsBJ"
    "U+0FQCbYKoLCRV7HhNoeBO2sg54lS4fLIcnxjyYAtIFTxpupHD2zlgVNf1tnR1CTvQ7pAu"
    "u0PuoWXTdzWIJQwmLZ/vHLGe6y7PtWkRLl4ZVJUnkgJxnlQLxVsHEcwEkcbFG1qaSgHYWy"
    "iMrsM1itFXt3JckKK3VUX8FKWe9a7MumBfy51fpX3l2lfeBY/jZl95FY9jmEItTDXYwt8o"
    "kWffTcm7ZX+j4z4i9xyu4IyqNp44Mz7bpl/qceStjXm6+UaX4xfm8INgCecLi+Ws+xhTsE"
    "DQGwFziIHpgCNiW3N2nQpTtBnheeR0urlf7lUfQMKzyiMqFgUMCLQEp7a1MJ4+wKMDfL5f"
    "4hxcOHJnuEXtFTy+46SKb/DkpOT4jpOcZzD4ZPIAl7gG1yTd8A0qVcHPRStny0PLM6QK6g"
    "uHqx8EamFOnt1PoZ0BleTmC5EUEd4plR3guk1nzs0qTOAS7rqC0M2QrXd3K6glYat4lw3F"
    "JZmNNkGioAOxkd2WfVQSCIfNFUS3EU8hHdFDojjvYlkmQdK+LLOfjbI2qWWvm9n3/weN2X"
    "zF"
)
