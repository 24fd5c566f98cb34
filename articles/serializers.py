"""API representations of the snippets an article links to.

Plain serializers rather than model serializers, so ``ArticlePage.api_fields``
can use them without importing the snippet models (which import the page).
"""

from rest_framework import serializers


class ContributorSerializer(serializers.Serializer):
    name = serializers.CharField()
    credentials = serializers.CharField()
    role = serializers.CharField()
    profile = serializers.CharField()


class TopicSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.SlugField()
