"""Reads an HTML form back into the data a browser would submit, so admin tests post what
the page actually offers instead of a hand-written guess."""

from bs4 import BeautifulSoup, Tag


def form_data(html: bytes | str, form_selector: str = "form") -> dict[str, str | list[str]]:
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    assert isinstance(form, Tag), f"no {form_selector} on the page"
    data: dict[str, str | list[str]] = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = str(field["name"])
        if field.name == "textarea":
            # Browsers drop the one newline that may follow <textarea>.
            data[name] = field.text.removeprefix("\n").replace("\r\n", "\n")
        elif field.name == "select":
            chosen = [str(option.get("value", "")) for option in field.select("option[selected]")]
            data[name] = chosen if field.has_attr("multiple") else (chosen[0] if chosen else "")
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = str(field.get("value", "on"))
        elif field.get("type") not in {"submit", "button", "image", "file"}:
            data[name] = str(field.get("value", ""))
    return data
