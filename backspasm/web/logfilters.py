"""Logging filters that keep what people tell the site out of the logs."""

import logging
import re

# From the "?" to the space before the protocol, or to the end.
QUERY_STRING = re.compile(r"\?[^ ]*")


class WithoutTemplateContext(logging.Filter):
    """Drops django.template's own records.

    At DEBUG, Django logs every template variable it cannot resolve together with the whole
    template context, and on a checker result that context holds the person's answers. Turning on
    DEBUG logging to chase a fault must not write those answers down, so the filter sits on the
    logger itself and applies whatever the level or handler.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name != "django.template"


class WithoutQueryString(logging.Filter):
    """Cuts the query string out of the development server's request lines.

    ``make run`` logs every request line, and at WARNING every 4xx, which still reaches the
    console: "GET /search/?q=can't+pee" says what someone feared. gunicorn's access log format
    already writes the path alone (gunicorn.conf.py).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args and isinstance(record.args[0], str):
            record.args = (QUERY_STRING.sub("", record.args[0]), *record.args[1:])
        return True
