"""The guidance articles and the site's own pages, as site search reads them."""

from collections.abc import Iterator

from django.urls import reverse

from backspasm.publishing.searchdocs import Document, plain_text, rendered_page
from content.models import Article, Section


def guidance_articles() -> Iterator[Document]:
    sections = dict(Section.choices)
    for article in Article.objects.published().order_by("section", "order", "title"):
        yield Document(
            url=article.get_absolute_url(),
            title=article.title,
            kind=f"Guidance: {sections[article.section]}",
            text=f"{article.summary}\n{plain_text(article.body_html())}",
        )


def site_pages() -> Iterator[Document]:
    # Secondary: they rank below every help and guidance page a query also finds.
    yield rendered_page(reverse("about"), "About", "pages/about.html", secondary=True)
    yield rendered_page(reverse("privacy"), "About", "pages/privacy.html", secondary=True)
    yield rendered_page(
        reverse("accessibility"), "About", "pages/accessibility.html", secondary=True
    )
