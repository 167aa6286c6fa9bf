"""Realistic demo orders as connector JSON (DESIGN §3), made from a seed.

Pure: the same `(count, seed, now)` always gives the same orders. Each order
also carries what the intake does not take (status, creation time), for the
demo service to set after the orders are stored, and the files of its parts
(`DemoFile`): the loader makes them (`server.demo.pictures`) and stores them,
so no demo order names an outside host.

Deadlines lie 5 to 21 days after the order's creation; an order still open
(created, in progress, unhealthy) has its deadline in the future of `now`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from server.domain.statuses import OrderStatus

EYEWEAR = "demo-eyewear"
LIGHTING = "demo-lighting"
HISTORY_DAYS = 90
# Orders younger than this are still mostly being made.
RECENT = timedelta(days=14)

Json = dict[str, Any]


OPEN_STATUSES = (OrderStatus.CREATED, OrderStatus.IN_PROGRESS, OrderStatus.UNHEALTHY)


@dataclass(frozen=True)
class DemoFile:
    """A file of a demo part: the loader makes one stored file per version."""

    line: int  # the order line (product) position
    part: str  # the part's client id
    client_id: str
    name: str  # front.svg, front.stl…
    is_public: bool
    dates: tuple[datetime, ...]  # one per version, oldest first
    shape: str  # what a preview draws (frame, shade, vase, insole, tag)
    colour: str
    size_mm: tuple[float, float, float]  # what a mesh measures


@dataclass(frozen=True)
class DemoOrder:
    payload: Json  # the create-order JSON (its tags included)
    status: OrderStatus
    created_at: datetime
    tags: list[str]
    files: list[DemoFile]


FIRST_NAMES = (
    "Ada", "Bram", "Chloé", "Daan", "Elif", "Femke", "Gustav", "Hana", "Ines", "Jonas", "Kaja",
    "Lars", "Mila", "Noah", "Olga", "Pieter", "Rosa", "Sven", "Tess", "Yusuf",
)  # fmt: skip
LAST_NAMES = (
    "Peeters", "Janssens", "Müller", "Dubois", "Nowak", "Rossi", "Larsen", "de Vries", "Moreau",
    "Novák", "Svensson", "Kowalski", "Fischer", "Lambert", "Maes", "Bakker",
)  # fmt: skip
CITIES = (
    ("Kerkstraat", "2000", "Antwerpen", "BE"), ("Rue Neuve", "1000", "Bruxelles", "BE"),
    ("Prinsengracht", "1015", "Amsterdam", "NL"), ("Hauptstraße", "10827", "Berlin", "DE"),
    ("Rue de Rivoli", "75001", "Paris", "FR"), ("Via Roma", "20121", "Milano", "IT"),
    ("Drottninggatan", "11151", "Stockholm", "SE"), ("Karlova", "11000", "Praha", "CZ"),
)  # fmt: skip
MESSAGES = (
    "", "", "", "Gift wrap please", "Please call before delivery", "Deliver to the reception desk",
    "Same colour as my last order", "Is express shipping possible?",
)  # fmt: skip
CHANNELS = ("webshop", "configurator", "retail-store", "b2b-portal")
COMPANIES = ("Optiek Lumen", "Studio Noord", "Hotel Aurora", "Atelier Vega", "Podo Clinic Gent")

FRAME_MODELS = ("Aurora", "Boreal", "Cirrus", "Delta", "Ember", "Fjord")
FRAME_COLOURS = ("tortoise", "black", "crystal", "olive", "navy", "honey")
SHADE_PATTERNS = ("voronoi", "waves", "hexagon", "spiral", "ribs")
SHADE_COLOURS = ("white", "sand", "terracotta", "sage", "charcoal")


def demo_orders(count: int, seed: int, now: datetime, history_days: int = HISTORY_DAYS) -> list[DemoOrder]:
    """`count` orders over both demo spaces, created during the `history_days` before `now`
    (0: all at `now`, as fresh orders are).

    Oldest first; order ids count up with time in each space, as a shop's would.
    """
    rng = random.Random(seed)
    made = (_order(rng, now, history_days) for _ in range(count))
    orders = sorted(made, key=lambda order: order.created_at)
    numbers = {EYEWEAR: 1000, LIGHTING: 1000}
    for order in orders:
        space = order.payload["spaceKey"]
        numbers[space] += 1
        prefix = "EW" if space == EYEWEAR else "LT"
        order.payload["thirdPartyOrderId"] = f"{prefix}-{order.created_at.year}-{numbers[space]:06d}"
    return orders


def _order(rng: random.Random, now: datetime, history_days: int) -> DemoOrder:
    space = EYEWEAR if rng.random() < 0.6 else LIGHTING
    created_at = (now - timedelta(seconds=rng.uniform(0, history_days * 86400))).replace(microsecond=0)
    b2b = rng.random() < 0.15
    customer = _customer(rng, b2b)
    makers = EYEWEAR_PRODUCTS if space == EYEWEAR else LIGHTING_PRODUCTS
    lines = [rng.choice(makers)(rng, created_at) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
    status = _status(rng, now - created_at)
    if status in OPEN_STATUSES:
        _keep_ahead(rng, lines, now)
    tags = _tags(rng, b2b, lines)
    payload: Json = {
        "spaceKey": space,
        "thirdPartyOrderId": "",  # numbered in time order by demo_orders
        "tags": tags,
        "addresses": _addresses(rng, customer, b2b),
        "data": {
            "customerInfo": {key: customer[key] for key in ("name", "email", "phone", "message")},
            "channel": "b2b-portal" if b2b else rng.choice(CHANNELS[:3]),
        },
        "orderLines": lines,
    }
    return DemoOrder(
        payload=payload, status=status, created_at=created_at, tags=tags, files=_take_files(lines)
    )


def _keep_ahead(rng: random.Random, lines: list[Json], now: datetime) -> None:
    """An open order is not overdue yet: a deadline before `now` moves to 6 hours to 14 days ahead."""
    for line in lines:
        if datetime.fromisoformat(line["deadline"]) <= now:
            ahead = now + timedelta(hours=rng.randint(6, 14 * 24))
            line["deadline"] = _iso(ahead.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1))


def _take_files(lines: list[Json]) -> list[DemoFile]:
    """The files of every part, taken out of the payload (`files` is no field of the intake)."""
    found = []
    for position, line in enumerate(lines):
        stack = list(line["items"])
        while stack:
            item = stack.pop(0)
            found += [replace(made, line=position, part=item["id"]) for made in item.pop("files")]
            stack = item["items"] + stack
    return found


# Status weights (percent) of old and of young orders: old ones are mostly done, young ones under way.
OLD_ORDER_STATUSES = {
    OrderStatus.SUCCESS: 76,
    OrderStatus.IN_PROGRESS: 10,
    OrderStatus.FAILURE: 9,
    OrderStatus.UNHEALTHY: 5,
}
RECENT_ORDER_STATUSES = {
    OrderStatus.IN_PROGRESS: 45,
    OrderStatus.CREATED: 22,
    OrderStatus.SUCCESS: 18,
    OrderStatus.UNHEALTHY: 8,
    OrderStatus.FAILURE: 7,
}


def _status(rng: random.Random, age: timedelta) -> OrderStatus:
    weights = OLD_ORDER_STATUSES if age > RECENT else RECENT_ORDER_STATUSES
    return rng.choices(list(weights), list(weights.values()))[0]


def _tags(rng: random.Random, b2b: bool, lines: list[Json]) -> list[str]:
    tags = []
    if rng.random() < 0.12:
        tags.append("rush")
    if b2b:
        tags.append("b2b")
    if any("sls" in item["tags"] for line in lines for item in line["items"]):
        tags.append("sls")
    return tags


def _customer(rng: random.Random, b2b: bool) -> dict[str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    local = f"{first}.{last}".lower().replace(" ", "").replace("é", "e").replace("ü", "u").replace("á", "a")
    return {
        "name": f"{first} {last}",
        "email": f"{local}@example.com",
        "phone": "+32 4" + " ".join(str(rng.randint(10, 99)) for _ in range(4)),
        "message": rng.choice(MESSAGES),
        "company": rng.choice(COMPANIES) if b2b else "",
    }


def _addresses(rng: random.Random, customer: dict[str, str], b2b: bool) -> list[Json]:
    street, postal_code, city, country = rng.choice(CITIES)
    shipping = {
        "name": customer["name"],
        "street": f"{street} {rng.randint(1, 180)}",
        "postalCode": postal_code,
        "city": city,
        "country": country,
    }
    addresses: list[Json] = [{"addressType": "shipping", "purpose": "delivery", "data": shipping}]
    if b2b or rng.random() < 0.4:
        billing = {"name": customer["company"] or customer["name"], "country": country}
        if b2b:
            billing["vat"] = f"{country}0{rng.randint(100000000, 999999999)}"
        addresses.append({"addressType": "billing", "purpose": "invoice", "data": billing})
    return addresses


# --- order lines -------------------------------------------------------------------------------------


def _line(
    rng: random.Random,
    created_at: datetime,
    title: str,
    data: Json,
    value: tuple[float, float],
    items: list[Json],
    units: int = 1,
) -> Json:
    deadline = (created_at + timedelta(days=rng.randint(5, 21))).replace(hour=17, minute=0, second=0)
    return {
        "orderId": data["configurationId"],
        "title": title,
        "data": data,
        "deadline": _iso(deadline),
        "amountOfUnits": units,
        "valuePerUnit": round(rng.uniform(*value), 2),
        "items": items,
    }


def _item(
    item_id: str, data: Json, tags: list[str], files: list[DemoFile], items: list[Json] | None = None
) -> Json:
    """A part; its `files` are taken out of the payload by `_take_files`."""
    return {
        "id": item_id,
        "data": data,
        "tags": tags,
        "isAsset": False,
        "items": items or [],
        "assets": [],
        "files": files,
    }


def _file(
    rng: random.Random,
    created_at: datetime,
    name: str,
    public: bool,
    look: tuple[str, str],
    size_mm: tuple[float, float, float] = (60.0, 40.0, 5.0),
) -> DemoFile:
    """A file of 1 to 3 versions, the first within 90 minutes of the order, the next hours apart."""
    stem, _, extension = name.rpartition(".")
    when = created_at + timedelta(minutes=rng.randint(1, 90))
    dates = []
    for _ in range(rng.randint(1, 3)):
        dates.append(when)
        when += timedelta(hours=rng.randint(2, 40))
    shape, colour = look
    return DemoFile(0, "", f"{stem}-{extension}", name, public, tuple(dates), shape, colour, size_mm)


def _config_id(rng: random.Random) -> str:
    return f"cfg-{rng.getrandbits(32):08x}"


def _frame(rng: random.Random, created_at: datetime, sunglasses: bool = False) -> Json:
    cfg = _config_id(rng)
    model = rng.choice(FRAME_MODELS)
    data = {
        "configurationId": cfg,
        "productType": "sunglasses" if sunglasses else "eyeglass-frame",
        "model": model,
        "width": rng.randint(46, 58),
        "bridge": rng.randint(15, 22),
        "templeLength": rng.choice((135, 140, 145, 150)),
        "color": rng.choice(FRAME_COLOURS),
    }
    if rng.random() < 0.3:
        data["engraving"] = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
    hinges = [
        _item(f"hinge-{side}", {"name": f"Hinge {side}", "sku": "HG-02"}, ["stock"], [])
        for side in ("left", "right")
    ]
    look = ("frame", str(data["color"]))
    front_size = (float(data["width"]) * 2 + float(data["bridge"]), 45.0, 6.0)
    front = _item(
        "front",
        {"name": "Front", "material": "PA12", "color": data["color"]},
        ["sls", "dyed"],
        [
            _file(rng, created_at, "front.stl", False, look, front_size),
            _file(rng, created_at, "front.svg", True, look),
        ],
        hinges,
    )
    temples = _item(
        "temples",
        {"name": "Temples", "length": data["templeLength"], "material": "PA12"},
        ["sls", "dyed"],
        [_file(rng, created_at, "temples.stl", False, look, (float(data["templeLength"]), 12.0, 5.0))],
    )
    items = [front, temples]
    if sunglasses:
        items.append(
            _item("lenses", {"name": "Lenses", "tint": rng.choice(("grey", "brown", "green"))}, [], [])
        )
    title = f"{'Sunglasses' if sunglasses else 'Custom frame'} — {model}"
    return _line(rng, created_at, title, data, (219.0, 349.0) if sunglasses else (149.0, 289.0), items)


def _sunglasses(rng: random.Random, created_at: datetime) -> Json:
    return _frame(rng, created_at, sunglasses=True)


def _name_tag(rng: random.Random, created_at: datetime) -> Json:
    cfg = _config_id(rng)
    text = rng.choice(FIRST_NAMES).upper()
    width = rng.randint(40, 80)
    data: Json = {"configurationId": cfg, "productType": "name-tag", "text": text, "width": width}
    tag = _item("tag", {"name": "Tag", "material": "PLA", "text": text}, ["fdm"], [])
    ring = _item("key-ring", {"name": "Key ring", "sku": "KR-10"}, ["stock"], [])
    tag["items"] = [ring]
    tag["files"] = [
        _file(rng, created_at, "tag.stl", False, ("tag", "white"), (float(width), 25.0, 3.0)),
        _file(rng, created_at, "tag.svg", True, ("tag", "white")),
    ]
    units = rng.choice((1, 1, 2, 5, 10))
    return _line(rng, created_at, f"Name tag — {text}", data, (9.0, 19.0), [tag], units)


def _insoles(rng: random.Random, created_at: datetime) -> Json:
    cfg = _config_id(rng)
    data = {
        "configurationId": cfg,
        "productType": "orthopaedic-insole",
        "shoeSize": rng.randint(36, 47),
        "archHeight": rng.choice(("low", "medium", "high")),
        "heelCup": rng.randint(8, 18),
    }
    soles = []
    for side in ("left", "right"):
        cover = _item(f"cover-{side}", {"name": f"Top cover {side}", "sku": "TC-05"}, ["stock"], [])
        soles.append(
            _item(
                f"insole-{side}",
                {"name": f"Insole {side}", "material": "TPU 88A"},
                ["sls"],
                [
                    _file(
                        rng, created_at, f"insole-{side}.stl", False, ("insole", "sand"), (95.0, 260.0, 12.0)
                    )
                ],
                [cover],
            )
        )
    soles[0]["files"].append(_file(rng, created_at, "insoles.svg", True, ("insole", "sand")))
    soles[0]["files"].append(
        _file(rng, created_at, "foot-scan.stl", False, ("insole", "sand"), (100.0, 270.0, 80.0))
    )
    return _line(rng, created_at, "Orthopaedic insoles", data, (129.0, 219.0), soles)


def _shade(rng: random.Random, created_at: datetime, vase: bool = False) -> Json:
    cfg = _config_id(rng)
    pattern = rng.choice(SHADE_PATTERNS)
    data = {
        "configurationId": cfg,
        "productType": "vase" if vase else "lamp-shade",
        "height": rng.randint(12, 40) * 10,
        "diameter": rng.randint(10, 35) * 10,
        "pattern": pattern,
        "color": rng.choice(SHADE_COLOURS),
    }
    name = "Vase" if vase else "Shade"
    look = ("vase" if vase else "shade", str(data["color"]))
    size = (float(data["diameter"]), float(data["diameter"]), float(data["height"]))
    body = _item(
        "body",
        {"name": name, "material": "PA12" if rng.random() < 0.5 else "PLA"},
        ["sls"] if rng.random() < 0.5 else ["fdm"],
        [
            _file(rng, created_at, f"{name.lower()}.stl", False, look, size),
            _file(rng, created_at, "preview.svg", True, look),
        ],
    )
    if vase:
        body["items"] = [_item("liner", {"name": "Watertight liner", "sku": "LN-30"}, ["stock"], [])]
    else:
        socket = _item("socket", {"name": "E27 socket", "sku": "E27-01"}, ["stock"], [])
        cable = _item(
            "cable", {"name": "Textile cable", "length": rng.choice((100, 150, 200))}, ["stock"], []
        )
        body["items"] = [socket, cable]
    title = f"{'Vase' if vase else 'Lamp shade'} — {pattern.capitalize()}"
    return _line(rng, created_at, title, data, (39.0, 99.0) if vase else (69.0, 189.0), [body])


def _vase(rng: random.Random, created_at: datetime) -> Json:
    return _shade(rng, created_at, vase=True)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


LineMaker = Callable[[random.Random, datetime], Json]
EYEWEAR_PRODUCTS: tuple[LineMaker, ...] = (_frame, _frame, _frame, _sunglasses, _name_tag, _insoles)
LIGHTING_PRODUCTS: tuple[LineMaker, ...] = (_shade, _shade, _vase, _name_tag)
