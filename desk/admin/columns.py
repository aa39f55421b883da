"""What the article list and the change form show about a story: its state, times and byline."""

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from imaging.admin_helpers import thumbnail_html


def state(article):
    """(css key, words) for where the article stands, as editors say it."""
    if article.is_scheduled:
        when = date_format(timezone.localtime(article.published_at), "j M H:i")
        return "scheduled", f"Scheduled for {when}"
    return article.status, article.get_status_display()


def badge(article):
    key, words = state(article)
    return format_html('<span class="nr-badge nr-badge--{}">{}</span>', key, words)


class ArticleColumns:
    """The read-only columns and fields of ArticleAdmin; none may query per row."""

    @admin.display(description="Status", ordering="status")
    def status_badge(self, article):
        # With where to read it: the public page once published, a preview before.
        if article.is_published:
            link = ("View on site", article.get_absolute_url())
        else:
            link = ("Preview", article.get_preview_url())
        return format_html('{}<br><a href="{}">{}</a>', badge(article), link[1], link[0])

    @admin.display(description="Publication time", ordering="published_at")
    def publication(self, article):
        if article.published_at is None:
            return "—"
        return date_format(timezone.localtime(article.published_at), "j M Y, H:i")

    @admin.display(description="State")
    def state_text(self, article):
        return badge(article) if article.pk else "New draft"

    @admin.display(description="Authors")
    def byline(self, article):
        return ", ".join(author.name for author in article.byline) or "—"

    @admin.display(description="Photo")
    def thumbnail(self, article):
        photo = article.lead_photo
        if photo is None:
            return ""
        return thumbnail_html(photo.image, photo.renditions, size=48, css_class="nr-thumb")

    @admin.display(description="Last saved")
    def last_saved(self, article):
        if not article.pk:
            return "—"
        who = article.modified_by.get_username() if article.modified_by else "someone"
        when = date_format(timezone.localtime(article.modified_at), "j M Y, H:i")
        return f"{when} by {who}"

    def view_on_site(self, article):
        return article.get_absolute_url() if article.is_published else None
