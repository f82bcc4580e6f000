from django.apps import AppConfig
from django.core.signals import request_finished, request_started


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = "Symptom checker"

    def ready(self) -> None:
        from backspasm import registry
        from triage import monitoring
        from triage.models import DailyOutcome, DailyRuleCount

        # Clinical reviewers watch the safety counts.
        registry.register_reviewer_viewable(DailyOutcome, DailyRuleCount)

        request_started.connect(
            monitoring.forget_uncounted, dispatch_uid="triage.monitoring.forget"
        )
        # After the response has been sent, so that writing a count never delays a result.
        request_finished.connect(
            monitoring.record_after_response, dispatch_uid="triage.monitoring.count"
        )
