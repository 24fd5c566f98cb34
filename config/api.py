from wagtail.api.v2.router import WagtailAPIRouter

from articles.api import ArticlesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("articles", ArticlesAPIViewSet)
