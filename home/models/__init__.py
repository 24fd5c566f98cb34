from .home_page import HomePage, HomePageFeaturedArticle
from .site_settings import SiteSettings
from .standard_page import StandardPage

__all__ = ["HomePage", "HomePageFeaturedArticle", "SiteSettings", "StandardPage"]
