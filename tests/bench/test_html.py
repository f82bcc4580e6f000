from bench.html import parse_page

PAGE = """<!DOCTYPE html>
<html><head>
  <link rel="icon" href="/static/img/favicon.abc.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/static/css/main.abc.css">
  <link rel="stylesheet" href="/static/css/print.abc.css" media="print">
  <link rel="canonical" href="https://example.org/">
  <script src="/static/js/htmx.abc.js" defer nonce="n"></script>
  <script src="/static/js/htmx.abc.js" defer></script>
</head><body>
  <img src="logo.svg" alt=""><img src="data:image/png;base64,AAAA" alt="">
  <a href="/check/" class="govuk-button govuk-button--start">Start</a>
  <a href="#main">Skip</a><a href="tel:999">999</a><a href="/guidance/spasm/">Spasm</a>
  <form action="/check/emergency/" method="post" novalidate>
    <input type="hidden" name="csrfmiddlewaretoken" value="token">
    <input type="checkbox" name="signs" value="saddle_numbness">
    <input type="checkbox" name="signs" value="none">
    <input type="radio" name="pregnant" value="yes"><input type="radio" name="pregnant" value="no">
    <input type="text" name="age" inputmode="numeric" value="">
    <select name="unit"><option value="">Choose</option><option value="days">Days</option></select>
    <button type="submit" class="govuk-button">Continue</button>
  </form>
  <form action="/check/restart/" method="post">
    <input type="hidden" name="csrfmiddlewaretoken" value="t"><button>Start again</button>
  </form>
</body></html>"""


def test_subresources_are_what_a_browser_downloads_once_each_resolved_against_the_page():
    page = parse_page("http://127.0.0.1:8000/guidance/", PAGE)

    assert page.subresources == [
        "http://127.0.0.1:8000/static/img/favicon.abc.svg",
        "http://127.0.0.1:8000/static/css/main.abc.css",
        "http://127.0.0.1:8000/static/css/print.abc.css",
        "http://127.0.0.1:8000/static/js/htmx.abc.js",
        "http://127.0.0.1:8000/guidance/logo.svg",
    ]


def test_links_leave_out_fragments_and_phone_numbers_and_start_buttons_are_noted():
    page = parse_page("http://127.0.0.1:8000/", PAGE)

    assert page.links == ["http://127.0.0.1:8000/check/", "http://127.0.0.1:8000/guidance/spasm/"]
    assert page.start_links == ["http://127.0.0.1:8000/check/"]
    assert page.links_under("/guidance/") == ["http://127.0.0.1:8000/guidance/spasm/"]


def test_forms_group_choices_by_field_name_in_document_order():
    form = parse_page("http://127.0.0.1:8000/check/", PAGE).forms[0]

    assert form.action == "http://127.0.0.1:8000/check/emergency/"
    assert form.method == "post"
    assert [(f.name, f.kind, f.choices) for f in form.fields] == [
        ("csrfmiddlewaretoken", "hidden", ()),
        ("signs", "checkbox", ("saddle_numbness", "none")),
        ("pregnant", "radio", ("yes", "no")),
        ("age", "text", ()),
        ("unit", "select", ("", "days")),
    ]
    token = form.field("csrfmiddlewaretoken")
    assert token is not None
    assert token.value == "token"
    assert form.asks_something


def test_a_button_only_form_asks_nothing():
    restart = parse_page("http://127.0.0.1:8000/check/result/", PAGE).forms[1]

    assert restart.action == "http://127.0.0.1:8000/check/restart/"
    assert not restart.asks_something
