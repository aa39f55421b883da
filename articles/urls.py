from django.urls import path

from . import preview_views, views

app_name = "articles"

urlpatterns = [
    path("news/", views.news_feed, name="news_feed"),
    path("news/<slug:slug>/", views.article_detail, name="detail"),
    path("news/<slug:slug>/preview/", preview_views.article_preview, name="preview"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
]
