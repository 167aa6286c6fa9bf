"""list_indexes_and_search: keyset indexes for every sortable column, trigram search, kept sort columns.

Written for SQLite and PostgreSQL in the layout of scripts/make_migration.py. Backfills the order
name and product title kept on products and parts, their search words, and the customer's
name, e-mail and company in the orders' search words.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

SQLITE_UPGRADE = """
ALTER TABLE "product" ADD "order_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "product" ADD "search_text" TEXT NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "order_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "product_title" VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "search_text" TEXT NOT NULL DEFAULT '';
DROP INDEX IF EXISTS "idx_fab_order_created_51ef63";
DROP INDEX IF EXISTS "idx_fab_order_deadlin_0a0c18";
DROP INDEX IF EXISTS "idx_fab_order_name_bd5cb4";
DROP INDEX IF EXISTS "idx_product_created_9eb6f4";
DROP INDEX IF EXISTS "idx_product_title_e73efa";
DROP INDEX IF EXISTS "idx_part_created_37d50f";
DROP INDEX IF EXISTS "idx_part_name_f93ecc";
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_c0470f" ON "fab_order" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_deadlin_8ac9cc" ON "fab_order" ("deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_name_c5be9d" ON "fab_order" ("name", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_value_eab1d6" ON "fab_order" ("value", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_status_002883" ON "fab_order" ("status", "id");
CREATE INDEX IF NOT EXISTS "idx_product_created_606179" ON "product" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_product_title_a4c932" ON "product" ("title", "id");
CREATE INDEX IF NOT EXISTS "idx_product_order_n_60b4f5" ON "product" ("order_name", "id");
CREATE INDEX IF NOT EXISTS "idx_product_deadlin_aeacfd" ON "product" ("deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_product_amount__e9d7ef" ON "product" ("amount_of_units", "id");
CREATE INDEX IF NOT EXISTS "idx_product_value_p_86b392" ON "product" ("value_per_unit", "id");
CREATE INDEX IF NOT EXISTS "idx_part_created_86cbc8" ON "part" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_part_name_2fbdec" ON "part" ("name", "id");
CREATE INDEX IF NOT EXISTS "idx_part_order_n_e0e90a" ON "part" ("order_name", "id");
CREATE INDEX IF NOT EXISTS "idx_part_product_c7c8cd" ON "part" ("product_title", "id");
UPDATE "product" SET "order_name" = (SELECT o."name" FROM "fab_order" o WHERE o."id" = "product"."order_id");
UPDATE "product" SET "search_text" = lower("title" || char(10) || coalesce("client_id", '') || char(10) || "order_name");
UPDATE "part" SET "order_name" = (SELECT p."order_name" FROM "product" p WHERE p."id" = "part"."product_id"), "product_title" = (SELECT p."title" FROM "product" p WHERE p."id" = "part"."product_id");
UPDATE "part" SET "search_text" = lower("name" || char(10) || "client_id");
UPDATE "fab_order" SET "search_text" = "search_text" || char(10) || coalesce(lower(json_extract("data", '$.customerInfo.name')), '') || char(10) || coalesce(lower(json_extract("data", '$.customerInfo.email')), '') || char(10) || coalesce(lower(json_extract("data", '$.customerInfo.company')), '') || char(10) || coalesce((SELECT group_concat(lower(json_extract(a."data", '$.name')), char(10)) FROM "address" a WHERE a."order_id" = "fab_order"."id"), '');
"""

SQLITE_DOWNGRADE = """
DROP INDEX IF EXISTS "idx_fab_order_created_c0470f";
DROP INDEX IF EXISTS "idx_fab_order_deadlin_8ac9cc";
DROP INDEX IF EXISTS "idx_fab_order_name_c5be9d";
DROP INDEX IF EXISTS "idx_fab_order_value_eab1d6";
DROP INDEX IF EXISTS "idx_fab_order_status_002883";
DROP INDEX IF EXISTS "idx_product_created_606179";
DROP INDEX IF EXISTS "idx_product_title_a4c932";
DROP INDEX IF EXISTS "idx_product_order_n_60b4f5";
DROP INDEX IF EXISTS "idx_product_deadlin_aeacfd";
DROP INDEX IF EXISTS "idx_product_amount__e9d7ef";
DROP INDEX IF EXISTS "idx_product_value_p_86b392";
DROP INDEX IF EXISTS "idx_part_created_86cbc8";
DROP INDEX IF EXISTS "idx_part_name_2fbdec";
DROP INDEX IF EXISTS "idx_part_order_n_e0e90a";
DROP INDEX IF EXISTS "idx_part_product_c7c8cd";
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_51ef63" ON "fab_order" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_fab_order_deadlin_0a0c18" ON "fab_order" ("deadline");
CREATE INDEX IF NOT EXISTS "idx_fab_order_name_bd5cb4" ON "fab_order" ("name");
CREATE INDEX IF NOT EXISTS "idx_product_created_9eb6f4" ON "product" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_product_title_e73efa" ON "product" ("title");
CREATE INDEX IF NOT EXISTS "idx_part_created_37d50f" ON "part" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_part_name_f93ecc" ON "part" ("name");
ALTER TABLE "product" DROP COLUMN "order_name";
ALTER TABLE "product" DROP COLUMN "search_text";
ALTER TABLE "part" DROP COLUMN "order_name";
ALTER TABLE "part" DROP COLUMN "product_title";
ALTER TABLE "part" DROP COLUMN "search_text";
"""

POSTGRES_UPGRADE = """
ALTER TABLE "product" ADD "order_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "product" ADD "search_text" TEXT NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "order_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "product_title" VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE "part" ADD "search_text" TEXT NOT NULL DEFAULT '';
DROP INDEX IF EXISTS "idx_fab_order_created_51ef63";
DROP INDEX IF EXISTS "idx_fab_order_deadlin_0a0c18";
DROP INDEX IF EXISTS "idx_fab_order_name_bd5cb4";
DROP INDEX IF EXISTS "idx_product_created_9eb6f4";
DROP INDEX IF EXISTS "idx_product_title_e73efa";
DROP INDEX IF EXISTS "idx_part_created_37d50f";
DROP INDEX IF EXISTS "idx_part_name_f93ecc";
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_c0470f" ON "fab_order" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_deadlin_8ac9cc" ON "fab_order" ("deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_name_c5be9d" ON "fab_order" ("name", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_value_eab1d6" ON "fab_order" ("value", "id");
CREATE INDEX IF NOT EXISTS "idx_fab_order_status_002883" ON "fab_order" ("status", "id");
CREATE INDEX IF NOT EXISTS "idx_product_created_606179" ON "product" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_product_title_a4c932" ON "product" ("title", "id");
CREATE INDEX IF NOT EXISTS "idx_product_order_n_60b4f5" ON "product" ("order_name", "id");
CREATE INDEX IF NOT EXISTS "idx_product_deadlin_aeacfd" ON "product" ("deadline", "id");
CREATE INDEX IF NOT EXISTS "idx_product_amount__e9d7ef" ON "product" ("amount_of_units", "id");
CREATE INDEX IF NOT EXISTS "idx_product_value_p_86b392" ON "product" ("value_per_unit", "id");
CREATE INDEX IF NOT EXISTS "idx_part_created_86cbc8" ON "part" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_part_name_2fbdec" ON "part" ("name", "id");
CREATE INDEX IF NOT EXISTS "idx_part_order_n_e0e90a" ON "part" ("order_name", "id");
CREATE INDEX IF NOT EXISTS "idx_part_product_c7c8cd" ON "part" ("product_title", "id");
UPDATE "product" p SET "order_name" = o."name" FROM "fab_order" o WHERE o."id" = p."order_id";
UPDATE "product" SET "search_text" = lower(concat_ws(E'\\n', "title", "client_id", "order_name"));
UPDATE "part" t SET "order_name" = p."order_name", "product_title" = p."title" FROM "product" p WHERE p."id" = t."product_id";
UPDATE "part" SET "search_text" = lower(concat_ws(E'\\n', "name", "client_id"));
UPDATE "fab_order" o SET "search_text" = concat_ws(E'\\n', NULLIF(o."search_text", ''), lower(o."data"->'customerInfo'->>'name'), lower(o."data"->'customerInfo'->>'email'), lower(o."data"->'customerInfo'->>'company'), (SELECT string_agg(lower(a."data"->>'name'), E'\\n') FROM "address" a WHERE a."order_id" = o."id"));
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "idx_fab_order_search_trgm" ON "fab_order" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "idx_product_search_trgm" ON "product" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "idx_part_search_trgm" ON "part" USING gin ("search_text" gin_trgm_ops);
"""

POSTGRES_DOWNGRADE = """
DROP INDEX IF EXISTS "idx_fab_order_search_trgm";
DROP INDEX IF EXISTS "idx_product_search_trgm";
DROP INDEX IF EXISTS "idx_part_search_trgm";
DROP INDEX IF EXISTS "idx_fab_order_created_c0470f";
DROP INDEX IF EXISTS "idx_fab_order_deadlin_8ac9cc";
DROP INDEX IF EXISTS "idx_fab_order_name_c5be9d";
DROP INDEX IF EXISTS "idx_fab_order_value_eab1d6";
DROP INDEX IF EXISTS "idx_fab_order_status_002883";
DROP INDEX IF EXISTS "idx_product_created_606179";
DROP INDEX IF EXISTS "idx_product_title_a4c932";
DROP INDEX IF EXISTS "idx_product_order_n_60b4f5";
DROP INDEX IF EXISTS "idx_product_deadlin_aeacfd";
DROP INDEX IF EXISTS "idx_product_amount__e9d7ef";
DROP INDEX IF EXISTS "idx_product_value_p_86b392";
DROP INDEX IF EXISTS "idx_part_created_86cbc8";
DROP INDEX IF EXISTS "idx_part_name_2fbdec";
DROP INDEX IF EXISTS "idx_part_order_n_e0e90a";
DROP INDEX IF EXISTS "idx_part_product_c7c8cd";
CREATE INDEX IF NOT EXISTS "idx_fab_order_created_51ef63" ON "fab_order" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_fab_order_deadlin_0a0c18" ON "fab_order" ("deadline");
CREATE INDEX IF NOT EXISTS "idx_fab_order_name_bd5cb4" ON "fab_order" ("name");
CREATE INDEX IF NOT EXISTS "idx_product_created_9eb6f4" ON "product" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_product_title_e73efa" ON "product" ("title");
CREATE INDEX IF NOT EXISTS "idx_part_created_37d50f" ON "part" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_part_name_f93ecc" ON "part" ("name");
ALTER TABLE "product" DROP COLUMN "order_name";
ALTER TABLE "product" DROP COLUMN "search_text";
ALTER TABLE "part" DROP COLUMN "order_name";
ALTER TABLE "part" DROP COLUMN "product_title";
ALTER TABLE "part" DROP COLUMN "search_text";
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
    "eJztXVlz47i1/isovcRd5ema9paUb+pWybZ6WhlbcsnyTJLWFAORkMVrCmS42O3M7f8eAN"
    "xXExJJURi8dMskDkB+AA/Ojt8HG1NDhvNxqGk2cpzBJfh9gOEGkR/ZW8dgAC0rvkEvuHBp"
    "sLYw0WjpuDZUXXJ5BQ0HkUsaclRbt1zdxOQq9gyDXjRV0lDHT/ElD+v/9pDimk/IXSOb3P"
    "j6G7msYw19Q/Thvv4+WOnI0NjvgWlryFZ0jY5qmY7O+qcE6JtFn4b86YR9BC8VDOS+Weyx"
    "B6wxeVz2x3fa0HpW2BApKPwx2HUlpH18HN98Zi3pyywV1TS8DY5bW2/u2sRRc8/TtY+Uht"
    "57QhjZ0EVaAiT6aAGc4SUfD3LBtT0UAaHFFzS0gp5BoR78deVhlSIA2Ej0n7P/DR4t0UxR"
    "JtO58jCaK8qAY2ZUAiWBSccuWyPf/X5jQPyVQwe4/jKcHZ1efAgmxX2y2U0G1+A7I4QuVO"
    "JpjFGO5jCH9Ri7xVAnSTKAk2fdBurwQox1vIpDFEOcWkCWPC/574eTT2d/PvvL6cXZX0gT"
    "9qDRlT9XgD+ezBnGMabBh+mjksP1eg3tYmCzdBlwySMfIrgb+E0xEH5y1+TPTz/+WAHlL8"
    "MZW8qkFVvLJuFpPq+bBLdO/HtpvC3PJmuSC+oESXcoD9piDR1gTBlIHuC/PUwnxQCH7TPo"
    "arrqgv8Hhu60xigSXHnp6YarY+cjHXYfjJniQ3veOM6/jSTGR3fDv2fhv76dXmU5OO3gKj"
    "MVyS247vaY2rYb3CT3zFy23xOp2LF6LtwSGVZ5cD+bNtKf8M/ojUE8Jg8CsVrEQgIhbhr2"
    "c5igxldj2ceGr5GkllpT5O3JOyPXZ7vDh+vhzciX7ZZQfX6Ftqak0KZ3zBMzcyVqm7+1Od"
    "lkr0AMnxg69DXoQ4fCs6WTSRoUidX+nWqp2tKV56DRe1L1YAgcpNrIBYTiEvxrRd7xX8BR"
    "TQtpwDWBiRFwLKgSStOmtz1ym3RI0AfQYbc9B9kfB5l5aarfBV7gKTbeAAQPX4Y/nJxfgD"
    "V01sBcASLrh2PoDhnGcv+HXSNC/Er/BsjafnPAi+7oBBbgmKQH8igLrELCVRGwkWo+Yd0h"
    "j6Njxs0d9hLvKxNS3N+ruM/+55CTwvbCCUkntYSkkwoh6aRAEGUfD5ccGlGIKOxf1JFDL8"
    "rF0IsswD7HUigT40E5Q9YM1O8zjM6AvjirAfTFWSnQ9FYaaIIXhUJZvvHgnKYSj2ec18GZ"
    "tCrnGeelSEM3j/QNuePqG1SNtk+ZVbQC0o/hj0PkJuQFNSq/BB9XBfjz8d3oYT68u09pWz"
    "fD+YjeOWFX3zJXj7KcJ+oE/DqefwH0T/DP6WSU3WejdvN/DugzQc81FWy+KlBL8IHwaoha"
    "atYN6LgKkdG2mfcsbQMzHzxyXyb+QCY6xKRypm30Yj5vNc9pSjnLfZ5lpo1x2mSSNDtoMo"
    "czq+/qLTGeVH3lhDNBItGsNHCxhdeAgesh7OcgMX3XvpX8PovtW9kV2wCmj04tm+GBQpr4"
    "RntlMXQc5A6KDIbsxnGlvTBqUsNauNINRK1vEANmPT0GEFi2qXmqSy155A9ou+AIfSP9GG"
    "/MkGe+koVAbXTUOrch3zlwLKTqK139UGQ3bGGEfUcI0K8s0X/wNnSEJnslsOzapbRtylCG"
    "favMDYcyqIaOsFsoiVWYgZJEAto1W7Ed998y3xm+57XwPa/A9zyPr2cbPPAGzQVEl6y9ms"
    "u3cv3mANYdxfKWhq7mYb4yTQNBXLLdJekyeC8JYVuAR1e63eCuptPblFXjajzPwPx4dzWa"
    "HX1i6JNGui8j55nzM3m94jU9wt4mp3CkUA9pOzTSm0x65EN8cD+b3jxez8fTyWUox5I7C3"
    "w/G/0yHv1KL6IXHb0u8HT+ZTS7BPEoe/dWSdN+OfTimvZleFbDtsBQNePAM0EibYHZGIVI"
    "feYBNEUlMZUBhJ0EEBYs3AZwvY97OsjV+i6w6a+1BrSEXTaBa9CNoKDGewqv7TpG+gXZvl"
    "0xh/ZVQPn55xkyYIlRKmmW/sXvSiD+8L11G3+IWZmpP4HpOxZ/5SXRtLPsO39omX0nTdbS"
    "ZF1mspaGvpYNfdTswGvQCGkENGUciOmiVhhTcn+py/tTe5K0XVRqhlGwwI6SdhSXcJigvi"
    "trJ9dUnwJFRi8IFwaK+DcqxUYUNXk3UGSKESCN7bdkJMefHLDWHde03/JxH3UIdgjjSJij"
    "pbB5sMJmubuoGOfuXUQdephrOZgr/MtZoWhDPgjCM/L4zskHUIxvgkSAVJkqMWj093lKAs"
    "plwUdS0O108lPYPJsaLwsS9LQgAdnLzAJ7d0Whk5Cgw3XvvDku2rQFeZq9nNZSvE4r9K7T"
    "vNolvcnl6EtvsvQmS1/dH7HYx2eDfTg5hYxdP67Sx1Zhi0at91/j7BpaRYQ8e+IKe8bfZE"
    "WMXmlFiCvFPWguoE7UStkwGdXcbtQ4wvTdCxhFZchtgqrDgNuQfRxsvK2UwMuXurgS+B5T"
    "u/s2y0JkI/cU1O3TkWdkhc/G1/MuI5CoeC0DkLg1lZlXGHsU3jp+T19RbK/jiKOk3ke+QF"
    "u6gQ5d4SGz6HoFn3+9vKGYukPb7exxMhlPfuLEOSS7BMGPBX6cfBkNb+df/nEJop8L/PB4"
    "fT16eLgEwY8F/jwc3z7ORpcg+LHA18PJ9ej2dnRzCaKfgy20gBZq4rmE3ygMv/ykloaRZa"
    "i6iyT7sS0JtOEwMhc6z44SsDwOYHN0EtostERXcIpiHstdpTGF9JRye0qZ4LAb1890sdUk"
    "dBP2P7iejYjSSNm0/2OBxxPlfjb9acZYfOKPIsZfvEFkt4PeMH57O3NEmlKaIw7JHIEIot"
    "vMeZJO1hLscxAuY7aBms5pdyogleYneXyG9Kj3wLh0vFP2a/LLbgBcMe13WYgL2OEOllOq"
    "2VED3I6m0znpJjD2CQJ762bTirTNzEJ+x3zaWtLm1yichOhSS3JNRnn0yugZzEoO6VIzTk"
    "wgkywLTDiO6dlFXrtyE05MIURsR+fh7mil45Jc4Yqg9xRV96Hv+5mAVoLc5YkoRTFN8kQU"
    "addqxq7F5LMtrB1SKa+jlIfSaQNq4+FCWk9f3LXEz+4aYiIcRBCgW9UQ7yD2oEHV6kGBgp"
    "i4e1ylH25YO8UNGzasHobGg5ximIq2iV1sDaVcZ6rcRzYnGb9zsKqsq7sGV0x9RCCE4tVB"
    "qfDkk+VwLtdwM2QCCPtdK7mQcKMnjAjvhE8Fe2i5npsj7EeWNx1PmCzvA4wbnN6PJpzwM5"
    "pLQP9d4Ovp3f3tyI8mCX8u8Gz0t9E1uxj+6nN4IJlR03jhNlxkyARgZh1YLiLQtjnsMUUq"
    "IzT6HKGhmptNUMyprnCQIBHgW+paMJAmwXK2Jq5JUEbqNBz6FBohODHNkElYZQBU9wFQkQ"
    "Ftd2DFi8DJQpv5YvtUsMVf1QWG2mi5V8TwwKUSfV2t1W0prNKSNtMmUnHbNtkmx2p/BI0I"
    "E4aOUZP9p0WwZo9tjZ638Z7DSiTN9voCDa+FbuNF2Fa/sgSsCL4DWY6n3XI8B2gjDdLkeM"
    "2kf5w0u4hlZ8wOSNU30Cj+biKarMHBJ/oYELc1qW0lAldAezO6Ht8Nb48+nR2fZAophaif"
    "FTja4t2bx6iTpJOW0j5bSnkdedJ/F+JTbUPdwn8nC2b3ZipYnBln4ckkTY/z77eUxlopPu"
    "lZdBNQeA+ESlGJB3Vbx0K5a2+zxFA3eAHPEUrM62JORoPPSFlDZ82DeIZMQO3uoo53/6Lc"
    "uX+R8+07CNrqWnHRNy6/b4ZM+n6l77fBNS+u79ffhbeZ9TSlnPW+zHqBvhg8vay125VrWt"
    "barec/bajWLln41EuCdj3u2+9GILyzUd/IbeJEdFEBYidH7ghQdECliACFpZFl3l0VSokM"
    "tx2BSufUiYiV6blL85uygbqxI1ZT1tMd6ejwjBi1oLKgvStzuiddiLqSLNvUPHVnhPxeRA"
    "Kp3SCzJ4j1/0C3pGpU6v5xVciZmW3ZZuV9GR0jo2P6YT9tJTpGWvLK0T9Mm06ZJS9ngqij"
    "LTOle8d9UjTDRNom6iB7R3weHaFSCtoVImLJvUiESMn1FQJErEnUkh8GQwzQD7Q5eEaWC3"
    "TyyoQ3AHMFHKLCk/deI4A2S6RpSAN0QPCqk6n2XPBwN78njVyXQOkQamQ5AL0g+w2w7ojM"
    "gT4OMnh3MBzniUMy0lgEWWrvqWb9VKV3TOBzaBX/gtyychk1phBRSm0niV/VLb3Y4loeLZ"
    "em6kfMnFDhi6rKMx1+azkNjU/Dkm8elnIi2irH4y3/D6kFmnTFXhCTCLgZfKoXY/epKsbu"
    "U0GM3drdFIQzlkd8he2FgFgGe/VmKgQzEfWk0IcwakJF1E/XBSn6iWkD9SjKrZht2qGYd7"
    "TAAhV6TcttT1bYorPjogNvZ/hdmo5/+ECDKemNlLDN9ElwIppbw522WfagneIEPrTt9B0u"
    "jKgYrSxCfMjmvejLzmFdeqJOkkSeqVNwpo5q6AEXyoFaccBIkkgIlaMDR7R09LdcQFumGv"
    "fFTCQT8HszFbqjwDBMPePBN00DQVwioiTIMrOyJHRtTUd0pVvkr6bT2xTyV+Os2ejx7mo0"
    "O/qUqTKS309pvPOKaD0efRaFlycVU+/0WfRTL+5s/afVi7p7b5pKgPzZDuSbnLJVF+wcoX"
    "B4tyLvyNxw6S7onZgv3QWyLnjNsKLY/smBaIpIemCKd2BOSNPWc7lMe+XW6imoDddZt+JM"
    "sx1xFS9nLYts+nutgS1jmU1AWy9hsp+s9X1YkzvL9gexdllX4ECQTgvPa93QCNK7ISTWUm"
    "w1oSRkiEW+/JhXVrjzE4068+inBOcW/PltusmbcjZ36Cdv70ADuDE9wlXNlUJWgNvCYQGs"
    "6LViEWjoAA30L3380se/byuKGD7+nu2+HZjA5SnZ0sn/h3HyF2ztNRl2AaXk2wV8Oy/bZJ"
    "wN754GkiLez7Eg+zHwyZNBukC5Tz6cEJPqk0FkufjOy8XLCIyuxE8ZESAjAvq2R8uIABkR"
    "IF2tvU0hlI4rWXG2l26rB4Tdsipo0b3jKscVrSTGUwEN0DJQf3LCwmQmBrrrgFf4BlyTFS"
    "QLSo/ZL8i+BK+27roIgyOINaCamw39U/sAlmhF+BNr7zcFOnusdPmz9sZaYBUaBtKOwQba"
    "z0hjBdXIACoiQ5DezWfWng77EQzBgtVqIo+1GADbfI3KrLHrLrm4QRA7AIJXk/RmA8c1LQ"
    "tpC6xjMrz7ihAmU2cuTe0NPJONkrzEmnn4olHAK3sAzz0GjkmfQXcIges/F3wi6wmQtyDN"
    "octQAbaHa1Zwk66avbpq9l5tbQvceykD9USo7OeuvCOeG+Q4ZIfhdH6lqaRzpmZGgkvg4I"
    "E5IhAQ4ebPBJdWhnLoxbUyMDGWf8oTZNIl0TeXRM7oUa6gt6pjsbrlRQpWWNC8QruKmsiz"
    "KYSV8DlPC9/loPB+yfIdnBMuy4G07AzTnzBNoncQkX74KpbmKAXEvJU1bdnoRTc9R9ke/I"
    "ouxHO5tzIJaeAU23S31BoqO5JCZd+ESqkq1vsCxVUVk8fGcZsQc6TSPf2eezp9SN/OXup0"
    "d4cJcQ1ndW6h7XLWtaUrROvY1W1t6T/7qstB7ljvH1PcwBHFAi3JvL9l19N2BQswadWxTw"
    "9wHrou2liFOanJ28dVBijmRoSJlu96+KcYAXYwmkfd6NAw6Hlj0Hc6H0FAYMBIdU0b3E8f"
    "5h8uwSt1Savk8QB9c0Cd72vzFRgmfgp96fmTzdoahDOBNuNkDXGSiZEHa4tLLPW6aTYxhU"
    "yvKUiv4UwB2CXwv3dQdhL5T927nkMg1AosnaXLNkO11dLtmaDW9MrVPNsXoDc8aXcZKskT"
    "CpAl/NgiIyAFfVORXcRuy/MoimhlMgV3MgWybbMg7Lsc94hAgi0zVxpkLeIaCvsXudkPTb"
    "hZA2EIVwPGQaoVzzyR7YKZtdWno7BC8EusFcG8vGOpCNZBs9EyXwdBt6at6Rgag9+qbAJR"
    "tCVlyKbn7nrYeaYSU9S9pjsWdNX17sepl41gIEjELA+7utFK/6Qzb4PkYfAHbTAJv4kc1K"
    "UKUoJCKkcFyhH5PmhMPH0ZPn0+SSWRLUB2n4F2+4ay/VCwNcSagWyFE+UMmYBotxN/VJ4F"
    "MsLeJifx7jsjZDAbDW/+wbm3+USXgP23wLPHyWQ8+Yn87f9Y4F+H4zm7EvxY4IfH6+vR6G"
    "Z0cwminwv8eTi+pZf8/xeYanc3yvRxfgminwt8PZxcj25Zw+hn1vW0n6QUIkeqJmdpl5hE"
    "wJC+xhEO3DhcBdYSJN3ttz8eyGZL1R+iEnq8Z6Kl6OShaByHoiUUzhzk1VbGNKUMOu1z0G"
    "msNXNOcopQznGf5zhpeeGc5QypnOc+z3Pahsc50zliOdd9nuuA/fKWVs6QyUNKty+lHEYO"
    "cMIf0Ujst8dehhvIcIM+rHuBww0cF9pbpiCmKKUY0WcxAhEIt5njJJ2c4T7PMH/EkAwWqh"
    "ss1EycEM3UEjtOaPsQoUTwDsQeNBQal7Nj5tcd64lGAQkEeVpig4ahlLsgeMDKpHaJglab"
    "oWePDtJudfw8KIg9i+4dVwWfeaSVYoTNalTBdQgIBvqB0AFaAAJpgFKDI/LiK93esDk+Tu"
    "SxrRDS6Mt+8Eu4rqEDlghhQAfOp8e10L+sItWDne0YlAdiafoTcriKwMQUwtWSujir4R++"
    "OCv1D9NbmaI7nk0mhMsDnyARMKrl9KQGxKcnpRDTWxn/5b7j5Q9HqeEozQspf+dZthGBAJ"
    "a3zJKtFYh1WhGIdZoPxGJbP78+niCTZra+6OdlZracRrmfFAkii9olMqpdLZ+SO4oXtpKl"
    "RIUVAlF4EkddZh8RCCcCnpzXkQFJq/IY5/OcFNj/cqKHfLKeBR3n1SRckqifay5JO0sooL"
    "zdCuK2aWwdRB7Sdri2TYv26UunPGHkw5u78eQSQG2j4wWe3o9mw/l0dglS/e09BNmFTwW2"
    "v/LYhLB9P07dpuMJc+q27ihEQtJfCj6OyuDlFF2HwcvhNnuwscuWjVbIRoTPcH0CGbJ+fA"
    "lCnT8vY0nK9wOxlFxZ41bWuO0RxLLGbQ8wb9XtOkS2rq4HBQat4M5xpUkrbtMbg1ZpqmAh"
    "HyxIEgyWRX9NLI0kCZbbr16Q7RQywXLdP0EiotZ/fl7LinVeYcU6z+W6ko+KA+GguYDotp"
    "KZT0Z0ES4Ql8vVmARJ9yrMgWcZ7NU38/2/xisEQA=="
)
