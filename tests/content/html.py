"""Typed look-ups in a parsed page: each fails the test, naming what it looked for, when the page
lacks it."""

from bs4 import Tag


def one(page: Tag, selector: str) -> Tag:
    found = page.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def attr(element: Tag, name: str) -> str:
    value = element.get(name)
    assert isinstance(value, str), f"{name} is {value!r} on {element}"
    return value
