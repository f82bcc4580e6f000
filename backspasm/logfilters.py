"""Logging filters that keep what people tell the site out of the logs."""

import logging


class WithoutTemplateContext(logging.Filter):
    """Drops django.template's own records.

    At DEBUG, Django logs every template variable it cannot resolve together with the whole
    template context, and on a checker result that context holds the person's answers. Turning on
    DEBUG logging to chase a fault must not write those answers down, so the filter sits on the
    logger itself and applies whatever the level or handler.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name != "django.template"
