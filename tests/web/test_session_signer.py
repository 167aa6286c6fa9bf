"""The session cookie's signer: a value it has verified before is taken again only while it is
young enough, and a changed value is refused as `TimestampSigner` refuses it."""

from __future__ import annotations

import pytest
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner

from server.sessions import RememberingSigner

SECRET = "a secret key of the tests, long enough"


class Clock:
    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


def test_a_remembered_cookie_still_expires_and_a_changed_one_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock(1_800_000_000)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: clock())
    signed = TimestampSigner(SECRET).sign(b"payload")
    signer = RememberingSigner(SECRET)

    assert signer.unsign(signed, max_age=60) == b"payload"
    assert signer.unsign(signed.decode(), max_age=60) == b"payload"  # remembered, as text too
    clock.now += 61
    with pytest.raises(SignatureExpired):
        signer.unsign(signed, max_age=60)
    clock.now -= 120  # a clock set back: older than the signature
    with pytest.raises(SignatureExpired):
        signer.unsign(signed, max_age=60)
    clock.now += 59
    changed = signed[:-1] + (b"A" if signed[-1:] != b"A" else b"B")
    with pytest.raises(BadSignature):
        signer.unsign(changed, max_age=60)
    with pytest.raises(BadSignature):
        RememberingSigner("another secret key of the tests").unsign(signed, max_age=60)
    assert signer.unsign(signed, max_age=60) == b"payload"
