import pytest

from tests.support.checker import complete_checker


@pytest.mark.parametrize(
    ("answers", "disposition"),
    [
        ({"age": 35, "duration_days": 3, "pain_score": 6}, "self_care"),
        ({"age": 35, "duration_days": 3, "saddle_numbness": True}, "emergency"),
        ({"age": 35, "duration_days": 3, "fever": True}, "urgent"),
        ({"age": 35, "duration_days": 50}, "gp"),
    ],
)
def test_complete_checker_reaches_the_result(client, answers, disposition):
    response = complete_checker(client, answers)

    assert response.status_code == 200
    assert f'data-disposition="{disposition}"' in response.text
