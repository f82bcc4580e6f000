import pytest
from django.contrib.auth.models import User

from tests.accounts.signin import PASSWORD


@pytest.fixture
def editor(db) -> User:
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)
