"""The admin's door from the environment: where it is, and what it asks of passwords."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

ROOT = Path(__file__).resolve().parents[2]
BARE = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}

WHERE = """
import json, django
django.setup()
from django.conf import settings
from django.urls import reverse
print(json.dumps([settings.ADMIN_PATH, reverse("admin:index"), reverse("admin:login_code")]))
"""


def admin_address(**environment):
    env = {**BARE, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "SECRET_KEY": "k"}
    result = subprocess.run(
        [sys.executable, "-c", WHERE],
        cwd=ROOT,
        env=env | environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_admin_is_at_admin_unless_the_environment_says_otherwise():
    if (ROOT / ".env").exists() and "ADMIN_PATH" in (ROOT / ".env").read_text():
        pytest.skip("SKIPPED: this checkout's .env sets ADMIN_PATH")
    assert admin_address() == ["admin/", "/admin/", "/admin/login/code/"]
    moved = admin_address(ADMIN_PATH="/back-office-7f3a")
    assert moved == ["back-office-7f3a/", "/back-office-7f3a/", "/back-office-7f3a/login/code/"]


@pytest.mark.parametrize(
    ("password", "accepted"),
    [("Tr0ub4dor&3", False), ("password1234", False), ("harbour ferry at seven", True)],
)
def test_passwords_are_checked_as_django_ships_it_with_12_characters_at_least(password, accepted):
    try:
        validate_password(password)
    except ValidationError:
        assert not accepted
    else:
        assert accepted
