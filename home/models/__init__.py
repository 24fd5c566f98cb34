from .home_page import HomePage, HomePageFeaturedArticle
from .site_settings import SiteSettings

__all__ = ["HomePage", "HomePageFeaturedArticle", "SiteSettings"]
