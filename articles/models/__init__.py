from .article_page import ArticlePage
from .contributor import Contributor
from .index_page import ArticleIndexPage

__all__ = ["ArticleIndexPage", "ArticlePage", "Contributor"]
