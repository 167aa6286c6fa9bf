"""Who is acting: a user, a space key, or the system itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID

from server.domain.statuses import Role


class ActorKind(StrEnum):
    USER = "user"  # a person, through the web session or a personal token (ffu_)
    SPACE_KEY = "key"  # a secret key of one space (ffk_)
    SYSTEM = "system"  # Fabflow itself: workers, the CLI


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    organization_id: UUID | None = None
    # For a space key: the only space it may see or touch.
    space_id: UUID | None = None
    user_id: UUID | None = None
    role: Role | None = None
    # What the history shows as "who": an e-mail, or a key's prefix.
    label: str = "system"
    tags: tuple[str, ...] = field(default_factory=tuple)
    # A user acting through a personal token (ffu_) rather than the web session.
    via_token: bool = False

    @property
    def is_admin(self) -> bool:
        return self.kind is ActorKind.USER and self.role is Role.ADMIN

    @property
    def event_actor(self) -> str:
        """The text stored in events: `user:ada@example.com`, `key:ffk_AbCd1234`, `system`."""
        if self.kind is ActorKind.SYSTEM:
            return "system"
        return f"{self.kind.value}:{self.label}"


SYSTEM = Actor(kind=ActorKind.SYSTEM)


def shown_actor(event_actor: str | None) -> str:
    """The person behind a stored actor text: `user:ada@example.com` → `ada@example.com`,
    `key:ffk_Ab12` → `key ffk_Ab12`, `system` (or nothing) → `Fabflow`."""
    if not event_actor or event_actor == "system":
        return "Fabflow"
    kind, _, label = event_actor.partition(":")
    return label if kind == "user" else f"{kind} {label}".strip()
