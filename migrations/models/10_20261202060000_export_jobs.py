"""export jobs: written by hand for SQLite and PostgreSQL (regenerate with scripts/make_migration.py)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

SQLITE_UPGRADE = """
CREATE TABLE IF NOT EXISTS "export_job" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "table" VARCHAR(16) NOT NULL,
    "format" VARCHAR(16) NOT NULL,
    "selection" JSON NOT NULL,
    "state" VARCHAR(16) NOT NULL DEFAULT 'queued',
    "attempts" INT NOT NULL DEFAULT 0,
    "done" INT NOT NULL DEFAULT 0,
    "total" INT,
    "total_is_exact" INT NOT NULL DEFAULT 1,
    "stage" VARCHAR(16) NOT NULL DEFAULT 'rows',
    "message" TEXT NOT NULL,
    "file_key" VARCHAR(500),
    "file_name" VARCHAR(200) NOT NULL DEFAULT '',
    "file_size" BIGINT,
    "lease_until" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP,
    "expires_at" TIMESTAMP NOT NULL,
    "user_id" CHAR(36) NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_export_job_user_id_4c1e2a" ON "export_job" ("user_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_export_job_state_5d2f3b" ON "export_job" ("state", "created_at");
CREATE INDEX IF NOT EXISTS "idx_export_job_expires_6e304c" ON "export_job" ("expires_at");
"""

SQLITE_DOWNGRADE = """
DROP TABLE IF EXISTS "export_job";
"""

POSTGRES_UPGRADE = """
CREATE TABLE IF NOT EXISTS "export_job" (
    "id" UUID NOT NULL PRIMARY KEY,
    "table" VARCHAR(16) NOT NULL,
    "format" VARCHAR(16) NOT NULL,
    "selection" JSONB NOT NULL,
    "state" VARCHAR(16) NOT NULL DEFAULT 'queued',
    "attempts" INT NOT NULL DEFAULT 0,
    "done" INT NOT NULL DEFAULT 0,
    "total" INT,
    "total_is_exact" BOOL NOT NULL DEFAULT TRUE,
    "stage" VARCHAR(16) NOT NULL DEFAULT 'rows',
    "message" TEXT NOT NULL,
    "file_key" VARCHAR(500),
    "file_name" VARCHAR(200) NOT NULL DEFAULT '',
    "file_size" BIGINT,
    "lease_until" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_export_job_user_id_4c1e2a" ON "export_job" ("user_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_export_job_state_5d2f3b" ON "export_job" ("state", "created_at");
CREATE INDEX IF NOT EXISTS "idx_export_job_expires_6e304c" ON "export_job" ("expires_at");
"""

POSTGRES_DOWNGRADE = """
DROP TABLE IF EXISTS "export_job";
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
    "eJztXWtz2za6/isYfakzo2YSJ3a63jNnRrGVxq1jZWS72d2qw0AiZHFNgSpB2nF7+t8PAF"
    "7EC0gREklRKL4kMokXIB+AL947/uwtHRPZ5OXANF1ESO8M/NnDcInoj+ytPujB1Wp9g13w"
    "4NTmbWGi0ZR4Lpx59PIc2gTRSyYiM9daeZaD6VXs2za76MxoQwvfry/52PrdR4bn3CNvgV"
    "x649ff6GULm+gbYg/365+9uYVsk//uOa6JXMMy2agrh1i8f0aAvq3Y09A/SdRH+FLhQN7z"
    "ij92jzemj8v/+Is1XD0YfIgUFMEY/LoR0d7dXV584C3Zy0yNmWP7S7xuvXr2Fg6Om/u+Zb"
    "5kNOzePcLIhR4yEyCxRwvhjC4FeNALnuujGAhzfcFEc+jbDOre/8x9PGMIAD4S++ft/4aP"
    "lmhmGNejW+NmeGsYPYmZmVEoKUwW9vga+Svodw1IsHLYAOcfB+OjN6cvwknx7l1+k8PV+4"
    "sTQg8a62lcoxzPYQ7rS+yJoU6SZACnz7oN1NGFNdbrVRyhGOHUALL0eel/3x+/fvvu7Q9v"
    "Tt/+QJvwB42vvCsB//L6lmO8xjT8MANUcrieL6ArBjZLlwGXPvIhgruE3wwb4XtvQf98/e"
    "pVCZS/DMZ8KdNWfC07lKcFvO46vHUc3EvjvfJduialoE6QtIdyrynW0ALGjIHkAf7pZnQt"
    "Bjhqn0HXtGYe+D9gW6QxRpHgylPfsj0Lk5ds2H0wZoYP63lJyO92EuOjT4N/ZeE/vxq9z3"
    "Jw1sH7zFQkt+Cq22Nq265xk9wzc9l+T2Rix/xBuCVyrPLgfnBcZN3jn9Ezh/iSPgjEMxEL"
    "CYW4UdTPYYK6vrqWfVz4FEtqqTVF356+M/ICtju4OR9cDAPZbgpnD0/QNY0U2uyOc+xkrs"
    "Rt87eWx8vsFYjhPUeHvQZ76Eh4Xll0knoisTq4Uy5VryzjIWy0SaruDQBBMxd5gFKcga9z"
    "+o5fAZk5K2QCzwEORoCs4IxSOi677dPbtEOKPoCE3/YJcl/2MvNSV78TPMEjbD8DCG4+Dr"
    "4/PjkFC0gWwJkDKutHY1iEDrPy/smvUSF+bn0DdG0/E/BoEYvCAohDe6CPMsEzSLkqAi6a"
    "OffYIvRxLMy5OeEvsVmZ0OL+XsV9/r+EnBS1V05IOq4kJB2XCEnHAkGUfzxScmhMoaKwf1"
    "pFDj0tFkNPswAHHMtgTEwG5QxZPVBvZhitAX36tgLQp28LgWa30kBTvBgUxvRZBuc0lXo8"
    "46QKzrRVMc84KUQaenmkL+gdz1qicrQDyqyiFZK+jH4cIjehL2gy+SX8uErAv738NLy5HX"
    "z6nNK2Lga3Q3bnmF99zlw9ynKeuBPw5fL2I2B/gv+MrofZfTZud/ufHnsm6HuOgZ0nA5oJ"
    "PhBdjVBLzboNiWdQGW2bec/S1jDz4SN3ZeIPZKIjTEpn2kWPzsNW85ym1LPc5Vnm2pikTS"
    "ZJs4MmczizulFvWePJ1FdJOBMkGs1SAxdfeDUYuG6ifg4S0432reT3KbZvZVdsDZjekUo2"
    "wwOFNPGNdspiSAjyeiKDIb/RL7UXxk0qWAvnlo2Y9Q1iwK2nfQDBynVMf+YxSx79A7oeOE"
    "LfaD/2MzfkOU90ITAbHbPOLel3DsgKzay5NXshshs2MMK+IwTYV5boP3wbNkKdvVJYdu1S"
    "2zZ1KMO+VeaaQxlmtoWwJ5TESsxASSIF7ZqN2I67b5lvDd+TSvielOB7ksfXd20ZeMPmCq"
    "JL117F5Vu6fnMAW8RY+VPbmuVhfu84NoK4YLtL0mXwnlLCpgCPr7S7wb0fja5SVo33l7cZ"
    "mO8+vR+Oj15z9GkjK5CR88z5gb6eeE0Psb/MKRwp1CPaFo30Dpce5RDvfR6PLu7Oby9H12"
    "eRHEvvTPDn8fCXy+EXdhE9Wuhpgke3H4fjM7AeZe/eKm3aL4ZeXdO+Ds+q2RYYqWYSeCZI"
    "tC0wG6MQq88ygKaoNKaZsATHd+XN/0kijagOyWwlJFPACmrA9fO6p4NcrRuBTfO/CtDSDa"
    "gOXMNuFAV1vUtvRjRglzVgGtv01QQ1ta2kYKVPAK7vrq7KvCyJhA/kWo9IsKO9Dwk//DxG"
    "NiywnqqJdWpBPiI3cBHsjtAvQVcKbUx/Ne6uizAr8tolMN3gvDMeE01bS6QNhtaJtNr7pL"
    "1PRd4nbbNv2GbPLIiytsmIRkGr5IFYIStFJCb3l6q8P7UnaTNkqUkijvtpSR3pKKgb9ZHk"
    "mupSzNfw28pxvZ+cqUiCXN8sFR8Rb2b8N2y3OQAMg4CER2gB3g84Or/5hYVm/WGtXoAlNB"
    "FLqWShWOw9713HxyaYPgOIn8GT4z6wkC7LI0GgV9gyXovpYLAmR5vQaadL/QwgKj0/g69z"
    "OJ3bzhMgyH1EX5mrbkaFWMDyRcmCXmed0Ivs+yK0dxMs2D+O7/EuWffbxJol4gkTLrMaw8"
    "Lo1xvsds10T7uxaD+79qpF/72K/gE/kBBUYwIFRdX63ehzx12KXOjF+K4pNMCVsmptNBPr"
    "rsUFXlJEuspLSi2oo8pLvPNUXfQxQYshPbSpj8ymIG963UPPQ8uVJ7DgFppskiTtmWxeNQ"
    "VwzfYa08GCJVsIZtRcA5kF0nM8KDB9FSIZt98Kyo55XxoB07CIwZNeBO6asujUPHGLIaqR"
    "tHywEap0T7qX3cTu297EXOeJHOoWtqTqohDiW6oeiiFOkChQoaPMZDv81225WBZbbK9G1z"
    "9GzbOyWkYZsWwU1QerrI4kaLaCvGsMuvlsDQ6ZbEpMikiBtd1C1hGHjFh/CHB+b90Xyhsp"
    "MoVkjn8cH7958+741ZvTH07evnt38sOrWPjI3yqTQt5f/sh2w9RE5LdHKnYQZPjYswTC3o"
    "YiMGlSXR2ky744nQhS/OGpmwgyt7BFFltNe4ZUf91d/roTThzJaU5TKvh1qzTNeytJdECT"
    "un04RbvlczoK6aHWz/lg828mF0bBr/fLIijmUYta425/XZe4Ymo3ffbEFf6Mv2WiCrQHfa"
    "8edEmDyi62lK59+i2c3aFLizRrREGYvbsoVabMs5Cg0i6F6i4FrUsXL3V1dek91lft2iw3"
    "In63XRK0o6BuXxN0TFf4+PL8tlpyZT25g0y81qmD0prK2BdmDUa3+pv0FcP1W84VTKb10y"
    "/QrSEQWSs8e1V4WLCeL/j8qxXvWlO36OUc311fX17/KIlzRHYGwh8TfHf9cTi4uv347zMQ"
    "/5zgm7vz8+HNzRkIf0zwh8Hl1d14eAbCHxN8Prg+H15dDS/OQPyzt4UW0EAILYtbMTh++U"
    "ktdKNmqHQcXC50C5IHYoQsTwLYHJ2GNgst1RWIKOK7OHBoTaFAbEXrcUNMcNiN62e66HAk"
    "Ue98PKRKI2PTwY8Jvrw2Po9HP445i0/8IWL84g0iux10hvG725kj0pTaHHFI5ghEEd1mzp"
    "N02qnfZW8vZ7ahmi5pdxKQavOTPsO6VXueLphYzZ4nVzAx+WXXAK6a9rssxAJ2uIPllGl2"
    "zAC3o+n0lnYTGvsUgb1xs2lJwbXMQt5gPm2s3NqvcTgJ1aWm9JqO8uiU0TOclRzShWacNY"
    "EujybKrisoiVpswllTKBHb0bYRh76AhQuq/BVXSkhTtV8qYT8T0EhRBH0suSimSR9Lru1a"
    "9di1uHy2hbVDK+VVlPJIOq1BbTxcSKvpi9vFuCe8WztriIlwEEWAblRD/GixeoDPQ+y5zz"
    "2Bipi63y8tqviIcMUDdUcYAcR6TJ54+x0Bi2Cw/Pm4VQh2iM2pqUigVlP3m4xQeKxeQTZC"
    "60fptRYuf1KttENJZQddsGTfOitd5lLaathel/SrXXule5kjMH8Vc5aYoMV1T56Jh5btaK"
    "5vKmXjvCnJxnmTz8bRmmsx+upqrtqhrB3KXdBeNzuU95Oi/QliH9rM7dkTaGeJu/0y3WzJ"
    "2xle1LBm913k3M057nI12YMQyGaKssdTqHW4g9XhPMuTLMkeESipxTVQoS/5ZDmci5W5DJ"
    "lW6KQVOki50T1GlHfCe4GNs1izyxF2Q8Vj4ymj4h1gXtfo8/BaEn5OcwbYvxN8Pvr0+WoY"
    "RPtHPyd4PPxpeM4vRr+6nL5FZ9SxH6UdyxkyBZhZC57lGDR5BT1DqiPouxxBP3OWy9CTU1"
    "U4SJAo8C21LRhow1cxW9OGL234qpiaEhkhJDHNkGlYtT2x/QSV2IC2O7DqZUhkoc18sV2y"
    "1garWmCojZd7SY4FnBrx19VYXU1hFc20mTZRKqlpk21yrOZHMKkwYVsY1dl/WgTb0fic6T"
    "t+3tp7jipF1tvrI7T9BrpdL8Km+tXxXyr4DnS51GbLpR6gjTQsYyJrJv37lEGJWXbG7IBm"
    "1hLa4u8mpskaHAKilyFxU5PaVKGmEmgvhueXnwZXR6/f9o8zhW4j1N8KHG3r3VvGqJOk05"
    "bSLltKZR152n8X4VNuQ93Cf6ejZTszFTwPSPakxQRNh+ujbSmNNXI4gL9im4Dhu4Ij6IqB"
    "TlOpBzUVWytKvqWibw5tb+EvpxhatizgOUKNeVXM6WjwARkLSBYyiGfIFNTuTqt490+Lnf"
    "unOd8+QdCdLQwPfZPy+2bItO9X2vf7u+94Ag2hWHCJCXaSXDrGT9oWUZ7QdOE4DwZB9PWx"
    "qBRLYWkbEakuUqwPe9EhDZFwuc2spyn1rHdl1gVmkPDp9RE/bUVc6CN+qoUF1HTED134zP"
    "mHdixDMgi6UQjvbDID8naFiPWhKkDRgUO6mk0ZSrxmzI4QZSvUqIhTIn9zR7TSGaMqYuX4"
    "3tT5ZiyhZe+I1Yj39Il2dLAqdTlUK+ju+vV9pl2oupJWrmP6s50RCnpRFaTIIELf1XpErr"
    "Wr4PQl6O8i6K4KRz+UL6/ZwNN7iK0/oFdQ6Tt1v18WhupkWzZ5WqKOmNMRc93wqTQSMafN"
    "oMXoH6ZBrMgMmrPfVDE1cIvFjtulaladtEGZIHdHfO6IUmlGzQoRa31HJEKktKESAWKtf1"
    "WSH3oDDND3rDl4QCsPWPSVKW9glV4Jwh597wUCaDlFpolMwAYETxadat8DN59uP9NGnkeh"
    "JJQarQhATGoEvDsqc6B8Ldnmh5OsRKuzD1SQpfaeftpNNWjHpF7CTl6Uqr25plBRSm2msM"
    "fMWlliQ2xxIEqaqhtxtEqFNM9mMtMRtNbTUPs0TOXmYaonoqkSXf70v2gm0KRL9oI1iYKb"
    "wetqcbevy+JuXwvibhfeUhDiXBwFGrVXAuK2A0C1iah4tatlIupI8R9l1ISSkKm2i9R0E9"
    "ODrXnNfcoCC1Tkay62Pa2iFk06rVLGm9BHHH2XDgkOjKyxTEUtZa0zfVKcqOZWc6dNlkJp"
    "pmBJAG0zfUcLIy5QrQuTH7J5L/6yc1gXpookSfQ5yKIsEdsKuVAO1JJDYZNESqgcLTiita"
    "O/4aL6uvxAV8xEuihHZ6bCIgaMYvwzHnzHsRHEBSJKgiwzK1NK19R0xFfaRf79aHSVQv79"
    "ZdZsdPfp/XB89DpTeSi/n7Io8TnVenz2LIYsTxJT6zTj7dd/Wr2ouvemqRTIqW9BvskpW1"
    "XBzhEqh3cj8o6uF6HdBZ0T87W7QJ8VUDGsaG3/lEA0RaQ9MOIdWBLStPVcL9NOubU6CmrN"
    "Zy+s1vl5O+KqXqZfFtn091oBW84y64C2WpppN1nrZliTO4usJ3Y/RRkOBOm08LywbJMivR"
    "tCai3FRhNKIoYo8uWveWWJOz/RqDWPfkpwbsCf36SbvC5nc4t+8uYOOYFLx6dc1ZkbdAV4"
    "DRwgwgvhGysKDRughv61j1/7+PdtRVHDx9+x3bcFE7i06XsPJm/t5D/TTv46PGuCrb0iwx"
    "ZQar4t4Nt52SbjbNh4QlCKeD9HBe3HwKdPC2oD5S75cCJMyk8L0kdItH6EhI7AaEv81BEB"
    "OiKga3u0jgjQEQHa1drZFELtuNJ1ejvptrpB2Cuqghbf65c5rlglMZkKaICVgfqORIXJHA"
    "wsj4An+Aw8hxckC0uPuY/IPQNPruV5CIMjiE0wc5ZL9qf5AkzRnPIn3j5oCiz+WOnyZ82N"
    "NcEzaNvI7IMldB+QyQuq0QFmiA5Be3ceeHs27EswABNeq4k+1qQHXOcpLrPGr3v04hJBTA"
    "AETw7tzQXEc1YrZE6whenw3hNCmE6dM3XMZ/BAN0r6Egvu4YtHAU/8AXyvD4jDnsEilMAL"
    "ngve0/UE6FvQ5tDjqADXxxUruGlXzV5dNXuvtrYF7p2UgToiVHZzV94RzyUihO4wks6vNJ"
    "V2zlTMSPCg6CDFktpQEYGCCL8+rQDw66z6mqgKdaorWWsrQyjGyk95gky7JLrmksgZPYoV"
    "9EZ1LF63XKRgRQXNS7SruIk+m0JZCf8BPcts52HzejbzvcryuSKPVfby8hKPuhxIy84w6x"
    "6zJHqCqPQjV7E0R6kg5o2s6ZWLHi3HJ8b24Jd0oZ7LvZFJSANnuI63pdZQ2pEWKrsmVKaV"
    "huCAjPyUF4dKJml0uGRqpusIlwzP6CPGI3KJXIC7iLS9gMlXTbHCuqPctXnkb2geSR6VKG"
    "02z5HqkIxNIRnpgyl3jsxId3eYEFcI0MgttFScxph+BOPL89uKgRory6Ca9q6hGivrZ6TS"
    "ya7Zg99rOPRdoSWZ9zHuei63YkFVIlltj+cpHzRsCJsrxxKeZbUFasOwN5VQa9KqfwvJw8"
    "Dz0HIlTPpP3u6XWfh5nAZMtNwYQjXCCPCTJ30WpwRtmx3oCIOoniMIKAwYzTzHBZ9HN7cv"
    "zsATi/mZ0ccD7M0Bi25aOE/AdvB9FKyUPzqyqUEkKxRkolginHTm+cE6OxJLvWoe45pC5y"
    "8KNHLJHKtdMqs6B2UrqVUsfsYnFEJT4EoqXLYZqq2Wbse0grpXrum7gba2lMlrzlBpniBA"
    "lvLjFR0BGejbDLkidlucqCai1dlq0tlqyHUdQV5NMe4xgQZbpwbWyFrUtUp3LzS+G5pwvd"
    "boCK4aLNFMKx77KhuhM2urS2cNRuAXWCvCedlgqQjXQb3hiL/2wm4d17QwtHu/ldkE4nB2"
    "xpAdn8ff7mIQyJS6i7s3LbKC3mwRbA5NjGAjSMUsH3uW3Uj/tDN/iXZ9em0w2avBJPomcl"
    "AXKkgJCq0cCZQj+n2wpCP2MnL6fJJKIytAdp+RzPuGsvlY2wXEpo1cQxLlDJmCaDcT4Fmc"
    "ZjfE/jIn8e475a43Hg4u/i25twVEZ4D/N8Hju+vry+sf6d/Bjwn+Mri85VfCHxN8c3d+Ph"
    "xeDC/OQPxzgj8MLq/YpeD/CWba3YUxurs9A/HPCT4fXJ8Pr3jD+GfW9VRpwmvP+qNy5MyR"
    "rJ21JlEwZrp2hEM3jlQFywSJjsTMbrZM/aEqoS976GSKTp86KXHqZELhzEFebmVMU+qo/i"
    "5H9a+1ZslJThHqOe7yHCctL5KznCHV89zleU7b8CRnOkes57rLcx2yX9na9RkyfQr09slX"
    "UeSAJPwxjcZ+e+x1uIEON+jCulc43IB40N0yxztFqcWILosRiEK4zRwn6fQMd3mG5SOGdL"
    "BQ1WCheuKEWFqg2nFC24cIJYJ3IPahbbC4nB1zwD7xnlgUkEKQpyU2aNtGsQtCBqxMapcq"
    "aDUZenZHkHll4YeeIPYsvtcvCz7zaSvDjppVKDNOKAg2+p7SAVZhB5mAUYMj+uJzy13yOe"
    "4n8tjmCJnsZV8ENbIXkIApQhiwgfPpcQ30r8v0dWBn64PiQCzTukdEqsrWmkK5Yn2nbyv4"
    "h0/fFvqH2a1MVTPfpRMi5YFPkCgY1fLmuALEb44LIWa3Mv7LfcfLH45SI1H7HDL+LrNsYw"
    "IFLG+ZJVspEOtNSSDWm3wgFt/65fXxBJk2s3VFPy8ys+U0yv2kSFBZ1C2QUd1y+ZTeMfyo"
    "la7VrKwQiKKjjqoy+5hAORHw+KSKDEhbFcc4n+SkwO7Xaz7ko0tXkJAnh3JJqn4upCTtLK"
    "GC8nYjiLuOvXUQeUTb4tp2VqzPQDqVCSMfXHy6vD4D0FxaeIJHn4fjwe1ofAZS/e09BNmD"
    "crV6o/bdqNPLxlOmTq9FDCohWY+Cj6M0eDlF12LwcrTNHmzs8spFc+QiymekPoEMWTe+BK"
    "UqVutYkuL9QC0lVxdU1gWVOwSxLqjcAczToUffVo7rGf91pjuiNOQd/eRMFVqdjTqowyK4"
    "JQVdMy36ZcbAqEKvdFlXVkw1KLQa1kR+PuMnPC/oPohcEpzmfMSu8KOgLcLvRm2/Iy/6/A"
    "LE5Am5wW8uA2TVr8YHkyzzGnUachmqGU8pkS5acrBm0nAGc0gXpvquCXRhDWE9R/paxDPC"
    "b1NGgxOQai2udi1O14jVlUxVzXbRqUUtgn1gNZEPpViGtrJttcI7ZFWrlNqRUSSqivkZMm"
    "1OKzenmYkTdnY0pal7Zk8/Y03LrLEuVYbNTkKx+SM5T5vtH8l1Us0Agh6Z0WHuuMChf7lo"
    "hlgHZwBiEB131Af07lH0F7imDV9w4wM/b+s7Ar76K8aN71z7q9jwUfcgEzzBX1zL8xAGFg"
    "4MIS7EBAYKjzPnl2YLiO8ROKKj8IN1vr34J7A8EhtX5hZdvKwl7vPjc9g9ywzNLhP8NQT1"
    "e8v8yrpEDFgQWpj69C0IfVpKgWe2b1ZOKRDXjcVUsouMVzXXvo0gDb+CxOZa4yB8khodoa"
    "ZetZVqr1YqfXJOwyfncE4bICWBc5pKQbhPqoB9Ugz1Sb5YKTPyhYJWVdtTgkTri1l9ke3K"
    "MiaPqL0Sq7Vtm0dJqd1iu2nboZErKrow0FrhELr8auc5hCc+sLYQzbi9hjILZVbfyIFabq"
    "ETkOsCLF220unqm3+TeYbEM7bzjIpItXs0zzo5TtIOujSV9tLpAoCagYkYmK4F9zeY4aQ9"
    "uqrFNUOmS2JkTlNJGOCrpzWsaTSeGQPJCs6QJJ5JGu3QLndoc6zy4Ep7s2+ifg4T1I0+7O"
    "SaEjuwRby1BmBD9/Mw0eNB8oGNCGc2ls0gc7ZZA8KjqB81cU3uLttX3IyMTK7ztGOGTj6d"
    "RBGW0UaaTswGigNVkpxic6BKklNVKS55N77imTMs3sND97zEQVDXMYwmCXJlOLv8jgQBJw"
    "RYHiD+lHU1ZZEeDji6GN5c/ngNJv6rV/DdP16I6kw2OZRsfEiC++sACB0AcdA+zhYDIKTS"
    "ddYU3cjSUarqSPIxc3NSbC7NkGl7qXwKCWYwCHh6abGXBJUu9VK91AuXdaXBTlDpQ0El0C"
    "aIykJSZaHXFArupI2cxU2Fy0fL8YkhD7aAVMHTmhs5AJ0DRnVdb0tXl7AD7Q7psjtkDi2b"
    "vqtBLGEwafl854j1XHd5rk2LcPHKoKo8kRSI86RaKN46iGAqiDQu3tDSVArA3kIJeR2uUY"
    "y+ujX2ghS9rc4OSFHqWe/KrAv2tVwRNe0r177yLngcN/vKq3gcwxRqYarBFv5GiTz7bkre"
    "LfsbHfcBuedwBadUtfHEmfHZNv1SjyNvbczSzTe6HL8whx8ESzhbWCxn3ceYggWC3giYQQ"
    "xMBxwR25qx61SYos0IzyOn0839ci/6ABKeVR5RsShgQKAlON+uhfH0UScd4PP9EufgwpE7"
    "7S5qr+BBJydVfIMnJyUHnZzkPIPBJ5MHuMQ1uCbphm9QqQp+LmI1c7dSFzKkCuoLh6sfBG"
    "phTp7dT6GdAZXkZguRFBHeKZUd4LpNZ04YK0zgEu66gtDNkK13dyuoJWGreJcNxSWZjTZB"
    "oqADsZHdln1UEgiHzRVEtxFPIR3RQ6I472JZJkHSviyzn42yNqllr5vZX/8PE53GIQ=="
)
