from .article_page import ArticlePage
from .contributor import Contributor
from .index_page import ArticleIndexPage
from .page_creation import PageCreation
from .review_settings import ReviewSettings
from .review_task import ClinicalReviewTask
from .topic import Topic

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ClinicalReviewTask",
    "Contributor",
    "PageCreation",
    "ReviewSettings",
    "Topic",
]
