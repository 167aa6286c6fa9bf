"""order_flow_tags: written by hand for SQLite and PostgreSQL (regenerate with scripts/make_migration.py).

`fab_order.flow_tags`: the tags of the order that its flows added (shown as "from flow").
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

SQLITE_UPGRADE = """
ALTER TABLE "fab_order" ADD "flow_tags" JSON NOT NULL DEFAULT '[]';
"""

SQLITE_DOWNGRADE = """
ALTER TABLE "fab_order" DROP COLUMN "flow_tags";
"""

POSTGRES_UPGRADE = """
ALTER TABLE "fab_order" ADD "flow_tags" JSONB NOT NULL DEFAULT '[]'::jsonb;
"""

POSTGRES_DOWNGRADE = """
ALTER TABLE "fab_order" DROP COLUMN "flow_tags";
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
    "7vH2cK3Uaovxc42ta7t4xRJ0mnLaVdtpTKOvK0/y7Cp9yGuoX/jiefyM5HikhPSu2TokOY"
    "OzMVfKlLntaQpOlw0botReRGTmzwV2xnNmTP7EpRqQd1Uyd3eQt/OcPQsmUBzxFqzKtiTk"
    "eDj8hYQLKQQTxDpqDKfVol5OK0OOLiNBdwQRB05wvDQ9+knPEZMu2Ql3bI/+E7oiMBiwWX"
    "mGAnyaVj/KRtEeUZzRaO82gQRF8fi+rjFNYbEpHqytH6BB4dZxIJl9vMeppSz3pXZl1gm8"
    "odzK7PXdLnLnUhVqOmc5fowmceWbRjbZhB0I1CeGczTJC3K0SKHcWbt4LpEkMbUOKFfHaE"
    "KFs2SEWcEkm1O6KVTuNVESvH92bON2MJLXtHrEa8p2va0cGq1OVQraC769f3mXah6kpauY"
    "7pz3dGKOhFVZAigwh9V+sJudaugtOXoL+LoLsqHP1Qvrxmo4EfILb+F3oF5ddT9/tlscFO"
    "tmWTR1jqMEYdxtgNn0ojYYzaDFqM/mEaxIrMoDn7TRVTA7dY7LhdqmbVSRuUCXJ3xOeOKJ"
    "X71awQsdZ3RCJEShsqESDW+lcl+aE3wAD9yJqDR7TygEVfmfIGVn6XIOzR914ggJYzZJrI"
    "BGxA8GzRqfY9cHs9+UwbeR6FklBqtCIAMakR8O6ozIHyBX6bH06yPLBOCVFBltp7TnA31a"
    "AdM60JOw5TqiDqmkJFKbWZaitza2WJDbHFgShpqm7E0SoV0jyfy0xH0FpPQ+3TMJObh5me"
    "iKbqpvmz/0FzgSZdshesSRTcDN5Wi7t9WxZ3+1YQd7vwloIQ5+Io0Ki9EhC3HQCqTUTFq1"
    "0tE1FHKjIpoyaUhEy1XTmom5gebCFy7lMWWKAiX3Ox7WkVtWjSaZUy3oQ+4ui7dEhwimeN"
    "tUNqqTWe6ZPiRDW3mjttsj5NM1VkAmib6TtaGHHVcF0t/pDNe/GXncO6MFUkSaIPpxZlid"
    "hWyIVyoJac1JskUkLlaMERrR39DZ90oMsPdMVMpCuldGYqLGLAKMY/48F3HBtBXCCiJMgy"
    "szKjdE1NR3ylXeQ/jEZXKeQ/XGbNRnfXH4bjo7eZclD5/ZRFid9Trcdnz2LI8iQxtU4z3n"
    "79p9WLqntvmkqBnPoW5JucslUV7Byhcng3Iu/oehHaXdA5MV+7C/QBDhXDitb2TwlEU0Ta"
    "AyPegSUhTVvP9TLtlFuro6DWfCDGap2ftyOu6mX6ZZFNf68VsOUssw5oq6WZdpO1boY1ub"
    "PIemL3U5ThQJBOC88LyzYp0rshpNZSbDShJGKIIl/+mleWuPMTjVrz6KcE5wb8+U26yety"
    "NrfoJ2/u5Bm4dHzKVZ17g64Ar4FTXfjpBMaKQsMGqKF/7ePXPv59W1HU8PF3bPdtwQQubf"
    "reg8lbO/nPtJO/Ds+aYGuvyLAFlJpvC/h2XrbJOBs2HtuUIt7P+U37MfDpI5zaQLlLPpwI"
    "k/IjnPQREq0fIaEjMNoSP3VEgI4I6NoerSMCdESAdrV2NoVQO650nd5Ouq1uEfaKqqDF9/"
    "pljitWSUymAhpgZaB+IFFhMgcDyyPgGb4Az+EFycLSY+4Tcs/As2t5HsLgCGITzJ3lkv1p"
    "vgIzdE/5E28fNAUWf6x0+bPmxpriObRtZPbBErqPyOQF1egAc0SHoL07j7w9G/Y1GIApr9"
    "VEH2vaA67zHJdZ49c9enGJICYAgmeH9uYC4jmrFTKn2MJ0eO8ZIUynzpk55gt4pBslfYkF"
    "9/DFo4Bn/gC+1wfEYc9gEUrgBc8FH+h6AvQtaHPocVSA6+OKFdy0q2avrpq9V1vbAvdOyk"
    "AdESq7uSvviOcSEUJ3GEnnV5pKO2cqZiR4UHSQYkltqIhAQYTfnlYA+G1WfU1UhTrVlay1"
    "lSEUY+WnPEGmXRJdc0nkjB7FCnqjOhavWy5SsKKC5iXaVdxEn02hrIT/iF5ktvOweT2b+V"
    "5l+VyRxyp7eXmJR10OpGVnmPWAWRI9QVT6katYmqNUEPNG1vTKRU+W4xNje/BLulDP5d7I"
    "JKSBM1zH21JrKO1IC5VdEyrTSkNwQEZ+yotDJZM0OlwyNdN1hEuGZ/QR4wm5RC7AXUTaXs"
    "Dkm6ZYYd1R7to88hc0jySPSpQ2m+dIdUjGppCM9MGUO0dmpLs7TIgrBGjkFloqTmNMP4Lx"
    "5fmkYqDGyjKopr1rqMbK+gWpdLJr9uD3Gg59V2hJ5n2Mu57LrVhQlUhW2+N5ygcNG8Lmyr"
    "GEZ1ltgdow7E0l1Jq06k8geRx4HlquhEn/ydv9Mgs/j9OAiZYbQ6hGGAF+8qTP4pSgbbMD"
    "HWEQ1XMEAYUBo7nnuODz6Hby6gw8s5ifOX08wN4csOimhfMMbAc/RMFK+aMjmxpEskJBJo"
    "olwklnnh+ssyOx1KvmMa4pdP6iQCOXzLHaJbOqc1C2klrF4md8QiE0Ba6kwmWbodpq6XZM"
    "K6h75Zq+G2hrS5m85gyV5gkCZCk/XtERkIG+zZErYrfFiWoiWp2tJp2thlzXEeTVFOMeE2"
    "iwdWpgjaxFXat090Lju6EJ12uNjuCqwRLNtOKxr7IROrO2unTWYAR+gbUinJcNlopwHdQb"
    "jvhbL+zWcU0LQ7v3e5lNIA5nZwzZ8Xn87S4GgUypu7h70yIr6M0XwebQxAg2glTM8rFn2Y"
    "30Tzvzl2jXp9cGk70aTKJvIgd1oYKUoNDKkUA5ot8HSzpiLyOnzyepNLICZPcZybxvKJuP"
    "tV1AbNrINSRRzpApiHYzAZ7FaXZD7C9zEu++U+564+Hg4t+Se1tAdAb4f1M8vru5ubz5mf"
    "4d/JjiL4PLCb8S/pji27vz8+HwYnhxBuKfU/xxcHnFLgX/TzHT7i6M0d3kDMQ/p/h8cHM+"
    "vOIN459Z11OlCa8964/KkXNHsnbWmkTBmOnaEQ7dOFIVLBMkOhIzu9ky9YeqhL7soZMpOn"
    "3qpMSpkwmFMwd5uZUxTamj+rsc1b/WmiUnOUWo57jLc5y0vEjOcoZUz3OX5zltw5Oc6Ryx"
    "nusuz3XIfmVr12fI9CnQ2ydfRZEDkvDHNBr77bHX4QY63KAL617hcAPiQXfLHO8UpRYjui"
    "xGIArhNnOcpNMz3OUZlo8Y0sFCVYOF6okTYmmBascJbR8ilAjegdiHtsHicnbMAbvmPbEo"
    "IIUgT0ts0LaNYheEDFiZ1C5V0Goy9OyOIPPKwo89QexZfK9fFnzm01aGHTWrUGacUBBs9C"
    "OlA6zCDjIBowZH9MXvLXfJ57ifyGO7R8hkL/sqqJG9gATMEMKADZxPj2ugf12mrwM7Wx8U"
    "B2KZ1gMiUlW21hTKFes7fV/BP3z6vtA/zG5lqpr5Lp0QKQ98gkTBqJZ3xxUgfndcCDG7lf"
    "Ff7jte/nCUGona55Dxd5llGxMoYHnLLNlKgVjvSgKx3uUDsfjWL6+PJ8i0ma0r+nmRmS2n"
    "Ue4nRYLKom6BjOqWy6f0juFHrXStZmWFQBQddVSV2ccEyomAxydVZEDaqjjG+SQnBXa/Xv"
    "MhH126goQ8O5RLUvVzISVpZwkVlLcbQdx17K2DyCPaFte2s2J9BtKpTBj54OL68uYMQHNp"
    "4SkefR6OB5PR+Ayk+tt7CLIH5Wr1Ru27UaeXjadMnV6LGFRCsp4EH0dp8HKKrsXg5WibPd"
    "jY5ZWL7pGLKJ+R+gQyZN34EpSqWK1jSYr3A7WUXF1QWRdU7hDEuqByBzBv1O0alnYtKVOa"
    "adEvM3FFdWeli5WyEqFB+dCw0u/LGT+3eEG5O3JJcEbxEbvCDzi2CL8btf2BvOrzCxCTZ+"
    "QGv/nOllUqGh9Msnhp1Gn47VB9b0aJdCmOgzX+hTOYQ7owgXVNoMtFCKsU0tcinhF+mzJ6"
    "iYBU6ya16ya68qmuz6lqDodOmGkR7AOr9HsoJSC07WirFd4hW1GlhIWMIlFVzM+QaSNRuZ"
    "HITJwbs6OBSN2TaPoZG1FmjXWp3ml2EorNH8l52mz/SK6TagYQ9MSMDveOCxz6l4vmiHVw"
    "BiAG0SE+fUDvHkV/gRva8BU3PvBTpH4g4Ku/Ytz4zrW/ig0fdQ8yxVP8xbU8D2Fg4cAQ4k"
    "JMYKDwOPf80nwB8QMCR3QUflzMt1f/AJZHYuPKvUUXL2uJ+/xQGHbPMkOzyxR/DUH90TK/"
    "si4RAxaEFqY+fQtCn5ZS4Lntm5UD5cXVUDGV7CLjVc0VXSNIw68gsbnWOAifpEZHqKlXba"
    "Xaq5VKnwfT8HkwnNMGSEngnKZSEO6TKmCfFEN9ki/ByYx8oaBV1faUINH6YlZfZLuyjMkj"
    "aq/Eam3b5lFSQLbYbtp2wN+Kii4MtFY4hC4q2nkO4YmPYS1EM26vocxCmdU3cqCWW+gE5L"
    "qsSJetdLqm5F9kniHxjO08oyJS7R7Ns06Ok7SDLk2lvXS6rJ1mYCIGpiuc/QVmOGmPrmpx"
    "zZDpQg+ZM0ISBvjqwfprGo1nxkCygnMkiWeSRju0yx3aHKs8uNLe7Nuon8MEdaMPO7mmxA"
    "5sEW+tAdjQ/TxM9HiQfGAjwpmNZTPInG3WgPAo6kdNXJO7y/Z1JCMjk+s875idk08nUYRl"
    "tJGmE7OB4kCVJKfYHKiS5FRVSibeja945gyL9/DQA0/cD6oVhtEkQa4MZ5c/kCDghADLA8"
    "Sfsa5mLNLDAUcXw9vLn2/A1H/zBv7091ei6olNDiUbH5Lg/joAQgdAHLSPs8UACKl0nTVF"
    "N7J0lKqlkXzM3JwUm0szZNpeKp9CghkMAp5eWsIkQaULmFQvYMJlXWmwE1T6qEsJtAmisp"
    "BUseM1hYI7aSMnTFPh8slyfGLIgy0gVfAM4kaO9eaAUV3X29LVJexAu0O67A65h5ZN39Ug"
    "ljCYtHy+c8R6rrs816ZFuHhlUFWeSArEeVItFG8dRDATRBoXb2hpKgVgb6Ewug7XKEZf3c"
    "pxQYreVhXxU5R61rsy64J9LXd+lfaVa195FzyOm33lVTyOYQq1MNVgC3+jRJ59NyXvlv2N"
    "jvuI3HO4gjOq2njizPhsm36px5G3Nubp5htdjl+Yww+CJZwvLJaz7mNMwQJBbwTMIQamA4"
    "6Ibc3ZdSpM0WaE55HT6eZ+uVd9AAnPKo+oWBQwINASnNrWwnj6AI8O8Pl+iXNw4cid4Ra1"
    "V/D4jpMqvsGTk5LjO05ynsHgk8kDXOIaXJN0wzeoVAU/F62cLQ8tz5AqqC8crn4QqIU5eX"
    "Y/hXYGVJKbL0RSRHinVHaA6zadOTerMIFLuOsKQjdDtt7draCWhK3iXTYUl2Q22gSJgg7E"
    "RnZb9lFJIBw2VxDdRjyFdEQPieK8i2WZBEn7ssx+NsrapJa9bmbf/x/SVElt"
)
