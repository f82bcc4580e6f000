"""What the public guidance pages show, as plain frozen data built from the published articles."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from content.models import Article, Section


@dataclass(frozen=True, slots=True)
class ArticleLink:
    slug: str
    title: str
    summary: str
    url: str


@dataclass(frozen=True, slots=True)
class SectionListing:
    key: str
    title: str
    articles: tuple[ArticleLink, ...]

    @property
    def anchor(self) -> str:
        return f"section-{self.key}"


@dataclass(frozen=True, slots=True)
class SourceLink:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class ArticlePage:
    slug: str
    title: str
    summary: str
    body_html: str
    section: SectionListing
    last_reviewed: date
    next_review_due: date
    reviewer: str
    sources: tuple[SourceLink, ...]


@dataclass(frozen=True, slots=True)
class Guidance:
    """Every published article, grouped by section in reading order."""

    sections: tuple[SectionListing, ...]

    def section_of(self, slug: str) -> SectionListing | None:
        for section in self.sections:
            if any(article.slug == slug for article in section.articles):
                return section
        return None


def link_to(article: Article) -> ArticleLink:
    return ArticleLink(
        slug=article.slug,
        title=article.title,
        summary=article.summary,
        url=article.get_absolute_url(),
    )


def build_guidance(articles: Iterable[Article]) -> Guidance:
    by_section: dict[str, list[Article]] = {section.value: [] for section in Section}
    for article in articles:
        by_section[article.section].append(article)
    return Guidance(
        sections=tuple(
            SectionListing(
                key=section.value,
                title=section.label,
                articles=tuple(
                    link_to(article)
                    for article in sorted(
                        by_section[section.value], key=lambda item: (item.order, item.title)
                    )
                ),
            )
            for section in Section
            if by_section[section.value]
        )
    )


def build_article_page(article: Article, section: SectionListing) -> ArticlePage:
    return ArticlePage(
        slug=article.slug,
        title=article.title,
        summary=article.summary,
        body_html=article.body_html(),
        section=section,
        last_reviewed=article.last_reviewed,
        next_review_due=article.next_review_due,
        reviewer=article.reviewer,
        sources=tuple(
            SourceLink(title=source.title, url=source.url) for source in article.sources.all()
        ),
    )


def draft_section(article: Article) -> SectionListing:
    """A draft is in no published listing yet: its preview shows its section with it alone."""
    return SectionListing(
        key=article.section,
        title=Section(article.section).label,
        articles=(link_to(article),),
    )


def published_guidance() -> Guidance:
    return build_guidance(
        Article.objects.published().only("slug", "title", "summary", "section", "order")
    )


def published_article(slug: str) -> ArticlePage | None:
    guidance = published_guidance()
    section = guidance.section_of(slug)
    if section is None:
        return None
    article = Article.objects.published().prefetch_related("sources").filter(slug=slug).first()
    return build_article_page(article, section) if article else None
