"""Who may do what."""

import pytest

from antrian import words
from antrian.domain.errors import IllegalAction, PermissionDenied
from antrian.domain.roles import KIOSK, SYSTEM, USER_ROLES, Actor, Permission, Role
from tests.helpers import raises_code

P, R = Permission, Role

GRANTED: dict[Role, set[Permission]] = {
    R.ADMIN: set(Permission) - {P.SKM_TOUCH},
    R.SUPERVISOR: {
        P.ISSUE,
        P.SERVE,
        P.CANCEL,
        P.EXPIRE,
        P.REPORTS,
        P.STANDARDS,
        P.SETTINGS,
        P.AUDIT,
        P.SKM_ENTRY,
    },
    R.OPERATOR: {P.ISSUE, P.SERVE, P.CANCEL},
    R.VIEWER: {P.REPORTS, P.SETTINGS, P.AUDIT},  # reads; changes nothing, not even a ticket
    # the survey at the counter: the citizen answers on the kiosk-role tablet, not the operator
    R.KIOSK: {P.ISSUE, P.SKM_TOUCH},
    R.SYSTEM: set(Permission),
}
MATRIX = [(role, permission) for role in Role for permission in Permission]


def test_matrix_covers_every_role() -> None:
    assert set(GRANTED) == set(Role)


@pytest.mark.parametrize(("role", "permission"), MATRIX, ids=lambda v: str(v.value))
def test_permission_matrix(role: Role, permission: Permission) -> None:
    actor = Actor(role, 1, "someone")
    if permission in GRANTED[role]:
        actor.require(permission)
    else:
        with raises_code(
            PermissionDenied, "permission.denied", who="someone", role=role, permission=permission
        ):
            actor.require(permission)


@pytest.mark.parametrize("permission", sorted(set(Permission) - {P.ISSUE, P.SKM_TOUCH}))
def test_kiosk_may_only_issue_and_take_the_survey(permission: Permission) -> None:
    KIOSK.require(P.ISSUE)
    with raises_code(PermissionDenied, "permission.denied_role", role=R.KIOSK, permission=permission):
        KIOSK.require(permission)


@pytest.mark.parametrize("permission", list(Permission))
def test_system_may_do_everything(permission: Permission) -> None:
    SYSTEM.require(permission)


@pytest.mark.parametrize(
    ("permission", "indonesian", "english"),
    [
        (
            P.MANAGE,
            "petugas1 (petugas) tidak berhak mengubah pengaturan kantor",
            "petugas1 (operator) may not change the office set-up",
        ),
        (
            P.EXPIRE,
            "petugas1 (petugas) tidak berhak menutup hari layanan",
            "petugas1 (operator) may not close the service day",
        ),
    ],
)
def test_operator_denied_message_names_the_user(
    permission: Permission, indonesian: str, english: str
) -> None:
    with raises_code(PermissionDenied, "permission.denied", who="petugas1", role=R.OPERATOR) as caught:
        Actor(R.OPERATOR, 5, "petugas1").require(permission)
    assert words.say(caught.value, lang="id") == indonesian
    assert words.say(caught.value, lang="en") == english


def test_denied_message_without_a_name_uses_the_role() -> None:
    with raises_code(PermissionDenied, "permission.denied_role", role=R.SUPERVISOR) as caught:
        Actor(R.SUPERVISOR, 3).require(P.MANAGE)
    assert words.say(caught.value, lang="en") == "The supervisor may not change the office set-up"
    assert words.say(caught.value, lang="id") == "Peran supervisor tidak berhak mengubah pengaturan kantor"


def test_permission_denied_is_an_illegal_action() -> None:
    with pytest.raises(IllegalAction) as caught:
        KIOSK.require(P.SERVE)
    assert caught.value.exit_code == 2


def test_builtin_actors() -> None:
    assert (KIOSK.role, KIOSK.user_id, KIOSK.name) == (R.KIOSK, None, "kiosk")
    assert (SYSTEM.role, SYSTEM.user_id, SYSTEM.name) == (R.SYSTEM, None, "system")


def test_user_roles_exclude_kiosk_and_system() -> None:
    assert frozenset({R.ADMIN, R.SUPERVISOR, R.OPERATOR, R.VIEWER}) == USER_ROLES


@pytest.mark.parametrize("role", list(Role))
def test_is_operator(role: Role) -> None:
    assert Actor(role).is_operator is (role is R.OPERATOR)


def test_actor_is_immutable() -> None:
    actor = Actor(R.OPERATOR, 1, "petugas1")
    with pytest.raises(AttributeError):
        actor.role = R.ADMIN  # type: ignore[misc]
