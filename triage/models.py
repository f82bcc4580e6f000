"""Safety monitoring: how checker journeys ended, counted per day and nothing else.

No answers, no session, no address and no time finer than a day: a row is a day, a name and a
count, so the privacy notice stays true. A clinical safety officer reads them to notice that a
change made the checker send more people to A&E.
"""

from django.db import models


class DailyOutcome(models.Model):
    day = models.DateField()
    # No choices: the ids come from triage/rules.py, which changes in commits without migrations.
    disposition = models.CharField(max_length=12)
    journeys = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "checker outcomes per day"
        verbose_name_plural = "checker outcomes per day"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "disposition"], name="triage_one_count_per_outcome_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.disposition} {self.journeys}"


class DailyRuleCount(models.Model):
    day = models.DateField()
    rule = models.CharField(max_length=10)
    journeys = models.PositiveIntegerField(default=0, help_text="Journeys in which the rule fired.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "rule"], name="triage_one_count_per_rule_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.rule} {self.journeys}"
