"""URLs from clients: the cheap check of common URLs agrees with the full parser, and nothing raises."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

from server.domain.json_values import BadValue, _is_http_url, http_url
from server.domain.order_input import _file_name

URLS = [
    "https://cdn.example.com/a/front.stl",
    "http://cdn.example.com",
    "https://cdn.example.com:8443/a.stl?v=2#top",
    "https://cdn.example.com?x=/y.stl",
    "https://cdn.example.com#frag/y.stl",
    "https://cdn.example.com/files/cloth%20cut.3mf",
    "https://cdn.example.com/a/",
    "HTTPS://CDN.example.com/A.STL",
    "https://user:secret@cdn.example.com/a.stl",
    "https://[::1]/a.stl",
    "https://[::1/a.stl",
    "https://cdn.example.com]/a.stl",
    "https://cdn.example.com/a b.stl",
    "https://cdn.example.com/a\n",
    "\x01https://cdn.example.com/a.stl",
    "https://",
    "https:///a.stl",
    "ftp://cdn.example.com/a.stl",
    "https://cdn.example.com:port/a.stl",
    "https://exämple.com/a.stl",
]


def _accepted(url: str) -> bool:
    try:
        http_url(url)
    except BadValue:
        return False
    return True


@pytest.mark.parametrize("url", URLS)
def test_the_cheap_check_of_a_url_answers_as_the_full_parser(url: str) -> None:
    assert _accepted(url) == _is_http_url(url)


@pytest.mark.parametrize("url", ["https://[::1/x", "http://[fe80::1/a.stl", "https://a]/x"])
def test_a_url_the_parser_refuses_is_a_bad_value_not_a_crash(url: str) -> None:
    with pytest.raises(BadValue, match="is not an http or https URL"):
        http_url(url)


@pytest.mark.parametrize("url", [url for url in URLS if _is_http_url(url)])
def test_the_file_name_of_a_url_is_the_last_segment_of_its_path_decoded(url: str) -> None:
    assert _file_name(url) == unquote(urlsplit(url).path.rpartition("/")[2])
