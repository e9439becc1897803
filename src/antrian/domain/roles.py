"""Who may do what."""

from dataclasses import dataclass
from enum import StrEnum

from antrian.domain.errors import PermissionDenied


class Role(StrEnum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    OPERATOR = "operator"
    VIEWER = "viewer"  # reads the reports, the log, the settings and the audit; changes nothing
    KIOSK = "kiosk"  # the self-service kiosk: issues tickets, nothing else
    SYSTEM = "system"  # the local command line and scheduled jobs run by whoever owns the database


# the roles a person's account can have (the kiosk and the system are no one's)
USER_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR, Role.VIEWER})


class Permission(StrEnum):
    ISSUE = "issue tickets"
    SERVE = "work a counter"
    CANCEL = "cancel tickets"
    EXPIRE = "close the service day"
    MANAGE = "change the office set-up"
    STANDARDS = "set the service standards"
    REPORTS = "read the reports"
    SETTINGS = "read the office set-up"
    USERS = "manage users"
    AUDIT = "read the audit"
    SKM_ENTRY = "enter paper survey forms"
    SKM_TOUCH = "take survey answers at the counter"


_GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.ISSUE: frozenset(Role) - {Role.VIEWER},
    Permission.SERVE: frozenset({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR, Role.SYSTEM}),
    Permission.CANCEL: frozenset({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR, Role.SYSTEM}),
    Permission.EXPIRE: frozenset({Role.ADMIN, Role.SUPERVISOR, Role.SYSTEM}),
    Permission.MANAGE: frozenset({Role.ADMIN, Role.SYSTEM}),
    # the published standards are the supervisor's to keep (and to read back), not only the admin's
    Permission.STANDARDS: frozenset({Role.ADMIN, Role.SUPERVISOR, Role.SYSTEM}),
    # the service-time figures are for the supervisor (and the admin), not for the operators they measure
    Permission.REPORTS: frozenset({Role.ADMIN, Role.SUPERVISOR, Role.VIEWER, Role.SYSTEM}),
    # the set-up (users, standards history) is read by those who answer for it or inspect it
    Permission.SETTINGS: frozenset({Role.ADMIN, Role.SUPERVISOR, Role.VIEWER, Role.SYSTEM}),
    Permission.USERS: frozenset({Role.ADMIN, Role.SYSTEM}),
    # "who changed the standard, and when?": the supervisor and an inspector (viewer) ask it too
    Permission.AUDIT: frozenset({Role.ADMIN, Role.SUPERVISOR, Role.VIEWER, Role.SYSTEM}),
    # satisfaction answers are the citizens' own: operators neither enter nor read them
    Permission.SKM_ENTRY: frozenset({Role.ADMIN, Role.SUPERVISOR, Role.SYSTEM}),
    Permission.SKM_TOUCH: frozenset({Role.KIOSK, Role.SYSTEM}),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who performs an operation: a logged-in user, the kiosk, or the system."""

    role: Role
    user_id: int | None = None
    name: str = ""

    def may(self, permission: Permission) -> bool:
        return self.role in _GRANTS[permission]

    def require(self, permission: Permission) -> None:
        """Raise PermissionDenied (carrying this actor, for the audit) unless the role allows it."""
        if self.role not in _GRANTS[permission]:
            if self.name and self.name != self.role.value:
                error = PermissionDenied(
                    "permission.denied", who=self.name, role=self.role, permission=permission
                )
            else:
                error = PermissionDenied("permission.denied_role", role=self.role, permission=permission)
            error.actor = self
            raise error

    @property
    def is_operator(self) -> bool:
        return self.role is Role.OPERATOR


SYSTEM = Actor(Role.SYSTEM, name="system")
KIOSK = Actor(Role.KIOSK, name="kiosk")
