from .article_page import ArticlePage
from .contributor import Contributor
from .index_page import ArticleIndexPage
from .topic import Topic

__all__ = ["ArticleIndexPage", "ArticlePage", "Contributor", "Topic"]
