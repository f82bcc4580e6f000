import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**environment: str) -> subprocess.CompletedProcess[str]:
    """Imports the settings in a fresh interpreter, as a server process would."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import backspasm.settings as s; print(s.DEBUG, s.SECURE)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_without_a_secret_key_stops_with_one_clear_line():
    result = load_settings(DJANGO_ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: DJANGO_SECRET_KEY is not set. Set it to a long random string, "
        "or set DJANGO_DEBUG=1 for local development."
    )


def test_debug_is_off_and_https_settings_on_unless_asked():
    result = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.org")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True"


def test_debug_turns_on_only_when_asked():
    assert load_settings(DJANGO_DEBUG="1").stdout.strip() == "True False"


@pytest.mark.parametrize("value", ["yes", "on", "2"])
def test_junk_in_a_boolean_setting_is_refused_clearly(value: str):
    result = load_settings(DJANGO_DEBUG=value)

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be 1, 0, true or false" in result.stderr


def test_secure_can_be_turned_off_for_loopback_runs():
    result = load_settings(
        DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_SECURE="0"
    )

    assert result.stdout.strip() == "False False"


@pytest.mark.parametrize("value", ["0", "two", "-1"])
def test_junk_in_the_trusted_proxy_count_is_refused_clearly(value: str):
    result = load_settings(DJANGO_DEBUG="1", DJANGO_TRUSTED_PROXY_COUNT=value)

    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXY_COUNT must be a whole number from 1" in result.stderr


def fallbacks(**environment: str) -> list[str]:
    script = "import json, backspasm.settings as s; print(json.dumps(s.SECRET_KEY_FALLBACKS))"
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env |= {"DJANGO_DEBUG": "1", **environment}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_secret_key_fallbacks_come_comma_separated_or_from_a_file(tmp_path: Path):
    keys = tmp_path / "fallbacks"
    keys.write_text("old-key-one\nold-key-two,\n")

    assert fallbacks() == []
    assert fallbacks(DJANGO_SECRET_KEY_FALLBACKS=" old-key-one, old-key-two ,") == [
        "old-key-one",
        "old-key-two",
    ]
    assert fallbacks(DJANGO_SECRET_KEY_FALLBACKS_FILE=str(keys)) == ["old-key-one", "old-key-two"]
