"""Finding published articles for a few words a person typed.

PostgreSQL ranks with its full-text search (English stemming, so "spasms" finds "spasm");
any other database matches every word, ignoring case, in the title, summary or body.
"""

import unicodedata
from typing import Final

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

from backspasm.content.models import Article, ArticleQuerySet

MAX_QUERY_LENGTH: Final = 200
MAX_TERMS: Final = 12


def normalise_query(raw: str) -> str:
    """Letters, digits, punctuation and single spaces: control characters (NUL among them, which
    PostgreSQL refuses), formatting marks and unpaired surrogates become spaces."""
    cleaned = "".join(
        " " if unicodedata.category(char)[0] in {"C", "Z"} else char
        for char in unicodedata.normalize("NFKC", raw)
    )
    return " ".join(cleaned.split())


def search_articles(query: str) -> list[Article]:
    terms = query.split()[:MAX_TERMS]
    if not terms:
        return []
    published = Article.objects.published()
    if connection.vendor == "postgresql":
        return list(_full_text(published, " ".join(terms)))
    return list(_word_match(published, terms))


def _full_text(articles: ArticleQuerySet, query: str) -> ArticleQuerySet:
    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )
    search_query = SearchQuery(query, search_type="websearch", config="english")
    return (
        articles.annotate(rank=SearchRank(vector, search_query))
        .filter(rank__gt=0)
        .order_by("-rank", "section", "order")
    )


def _word_match(articles: ArticleQuerySet, terms: list[str]) -> ArticleQuerySet:
    for term in terms:
        articles = articles.filter(
            Q(title__icontains=term) | Q(summary__icontains=term) | Q(body__icontains=term)
        )
    title_hits = sum(
        (Case(When(title__icontains=term, then=Value(1)), default=Value(0)) for term in terms),
        start=Value(0, output_field=IntegerField()),
    )
    return articles.annotate(title_hits=title_hits).order_by("-title_hits", "section", "order")
