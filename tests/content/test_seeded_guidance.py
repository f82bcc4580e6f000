"""Every article the first migration seeds is on the site, with its sources and review dates."""

from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from content.models import Article
from content.readability import measure
from tests.support.html import attr, one

pytestmark = pytest.mark.django_db

SEEDED_SLUGS = [
    "what-is-a-back-spasm",
    "symptoms",
    "causes",
    "when-to-get-help",
    "nerve-problems",
    "serious-causes",
    "self-care",
    "medicines",
    "exercises",
]


def page_text(client: Client, url: str) -> str:
    return " ".join(BeautifulSoup(client.get(url).content, "html.parser").get_text().split())


@pytest.fixture(scope="module")
def all_guidance_text(django_db_setup: None, django_db_blocker: Any) -> str:
    """The words of every seeded article as the site shows them, read once for all the facts."""
    with django_db_blocker.unblock():
        client = Client()
        return " ".join(page_text(client, f"/guidance/{slug}/") for slug in SEEDED_SLUGS).lower()


def test_the_migration_seeds_every_article_published():
    assert sorted(Article.objects.published().values_list("slug", flat=True)) == sorted(
        SEEDED_SLUGS
    )


@pytest.mark.parametrize("slug", SEEDED_SLUGS)
def test_every_seeded_article_renders_with_sources_and_review_dates(client: Client, slug: str):
    article = Article.objects.get(slug=slug)
    response = client.get(f"/guidance/{slug}/")
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert one(page, "h1").get_text(strip=True) == article.title
    assert one(page, "title").get_text() == f"{article.title} - Back spasm help"
    source_links = [attr(link, "href") for link in page.select("article ul a[rel]")]
    assert 2 <= len(source_links) <= 5
    assert source_links == [source.url for source in article.sources.all()]
    assert all(
        url.startswith(
            ("https://www.nhs.uk/", "https://www.nice.org.uk/", "https://cks.nice.org.uk/")
        )
        for url in source_links
    )
    dates = one(page, ".app-review-dates").get_text(" ", strip=True)
    assert "Last reviewed: 26 November 2026" in dates
    assert "Next review due: 26 November 2027" in dates


@pytest.mark.parametrize("slug", SEEDED_SLUGS)
def test_every_seeded_article_reads_at_a_reading_age_of_11_or_under(slug: str):
    readability = measure(Article.objects.get(slug=slug).body)

    # The target is 9 to 11; plainer than 9 is no fault in a health page.
    assert readability.on_target, (readability.reading_age, readability.longest)


@pytest.mark.parametrize("slug", SEEDED_SLUGS)
def test_every_link_inside_the_seeded_articles_leads_to_a_page(client: Client, slug: str):
    page = BeautifulSoup(client.get(f"/guidance/{slug}/").content, "html.parser")
    internal = {
        attr(link, "href")
        for link in page.select(".app-prose a")
        if attr(link, "href").startswith("/guidance/")
    }

    for href in internal:
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize(
    "fact",
    [
        # What a back spasm is, and why it hurts
        "tighten (contract) on their own",
        "nerves that go in and out of the spinal cord",
        # Musculoskeletal symptoms
        "backache", "spine bending to one side", "buttock", "strained muscle", "foot drop",
        "stiffness in your back", "a stiff neck", "pain in your shoulder",
        "pain or numbness in one leg",
        # Neurological symptoms
        "headache at the back of your head", "sciatica", "pain, numbness or tingling in an arm",
        # Symptoms that need help now
        "weakness on one side of your body", "loss of control of your bladder or bowels",
        "problems with your balance", "weakness in your arms or legs",
        "loss of feeling in your arms or legs",
        # Causes and risk factors
        "dehydration", "calcium or potassium", "tight hamstrings", "weak stomach muscles",
        "weak back muscles",
        # Serious causes
        "slipped (herniated) disc", "spinal stenosis", "damaged for good", "gallstones",
        "ankylosing spondylitis", "kidney stones", "epidural abscess", "tumour", "kidney infection",
        # Cauda equina warning signs in concrete words
        "when you wipe", "new problems peeing", "new problems with sex", "like jelly", "both legs",
        "go to a&e immediately, day or night",
        # Self-care
        "rubbing or massaging", "cold first", "moist heat", "every 4 hours", "about 15 minutes",
        "out of date", "staying as active as you can", "footstool",
        "knees are bent at a right angle", "knees higher than your hips", "reading", "meditation",
        "talking with friends or family", "favourite tv programme", "bend and twist",
        # Medicines
        "ibuprofen", "naproxen", "paracetamol on its own is not recommended", "diazepam", "drowsy",
        # Exercises
        "lifting your knees", "raise one arm above your head", "10 times", "3 or 4 times a day",
        "pull one knee towards your chest", "hold for 10 seconds",
        "once the pain is less severe and the cramping has mostly stopped",
    ],
)  # fmt: skip
def test_every_fact_of_the_source_article_is_on_the_site(all_guidance_text: str, fact: str):
    assert fact.lower() in all_guidance_text


def test_the_guidance_says_plainly_where_it_differs_from_older_advice(client: Client):
    self_care = page_text(client, "/guidance/self-care/")
    serious = page_text(client, "/guidance/serious-causes/")

    assert (
        "You may read that you should rest in bed for 2 or 3 days. That advice is out of date."
        in self_care
    )
    assert (
        "You may read that all of the conditions below are emergencies. That is not quite right."
        in serious
    )


def test_the_guidance_index_lists_every_section_and_article(client: Client):
    page = BeautifulSoup(client.get("/guidance/").content, "html.parser")

    assert [h2.get_text(strip=True) for h2 in page.select("main h2")] == [
        "About back spasms",
        "When to get help",
        "Looking after yourself",
    ]
    assert [attr(link, "href") for link in page.select("main h3 a")] == [
        f"/guidance/{slug}/" for slug in SEEDED_SLUGS
    ]


def test_the_home_page_links_every_article_under_its_section(client: Client):
    page = BeautifulSoup(client.get("/").content, "html.parser")

    links = [attr(link, "href") for link in page.select("main ul.govuk-list a")]
    assert links == [f"/guidance/{slug}/" for slug in SEEDED_SLUGS]


def test_an_article_page_has_breadcrumbs_and_its_section_navigation(client: Client):
    page = BeautifulSoup(client.get("/guidance/medicines/").content, "html.parser")

    crumbs = [link.get_text(strip=True) for link in page.select(".govuk-breadcrumbs a")]
    assert crumbs == ["Home", "Guidance", "Looking after yourself"]
    nav = one(page, "nav.app-section-nav")
    assert [link.get_text(strip=True) for link in nav.select("li a")] == [
        "Looking after a back spasm at home",
        "Medicines for back spasms",
        "Exercises for back spasms",
    ]
    assert attr(one(nav, "[aria-current=page]"), "href") == "/guidance/medicines/"


def test_an_unknown_article_is_a_helpful_404_with_urgent_help(client: Client):
    response = client.get("/guidance/no-such-article/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'href="tel:999"' in response.content.decode()
