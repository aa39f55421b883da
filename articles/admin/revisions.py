"""An article's history in the admin: compare a revision with now, restore it, recover a deletion.

A restore is one write, workflow.restore_revision, confirmed on the compare page (which
shows what it will change); the article's form then opens on the restored text.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles import history, workflow

from .forms import RestoreForm


def _saved_at(version):
    return date_format(timezone.localtime(version.revision.date_created), "j M Y, H:i")


class RevisionViews:
    def get_urls(self):
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="articles_article_compare",
        )
        return [compare, *super().get_urls()]

    def _article_and_version(self, request, object_id, version_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(article).select_related("revision__user"),
            pk=version_id,
        )
        return article, version

    def compare_view(self, request, object_id, version_id):
        article, version = self._article_and_version(request, object_id, version_id)
        then, now = history.version_snapshot(version), history.article_snapshot(article)
        rows = [
            (history.label(name), then[name], now[name], then[name] != now[name])
            for name in history.FIELDS
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "version": version,
            "rows": rows,
            "title": f"The revision of {_saved_at(version)} beside the article now",
            "restore_url": reverse(
                "admin:articles_article_revision", args=[article.pk, version.pk]
            ),
            "restore_form": RestoreForm(initial={"based_on": article.edit_version}),
            "can_restore": self.has_change_permission(request, article),
            "media": self.media,
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore the revision (a POST from the compare page); a GET shows that page."""
        compare_url = reverse("admin:articles_article_compare", args=[object_id, version_id])
        if request.method != "POST":
            return redirect(compare_url)
        article, version = self._article_and_version(request, object_id, version_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        form = RestoreForm(request.POST)
        based_on = form.cleaned_data["based_on"] if form.is_valid() else None
        done = f"Restored the revision of {_saved_at(version)}."
        try:
            with self.create_revision(request):
                workflow.restore_revision(
                    article=article, version=version, user=request.user, based_on=based_on
                )
                self.log_change(request, article, done)  # also the revision's comment
        except workflow.WorkflowError as refusal:
            self.message_user(request, f"Not restored: {refusal.message}", messages.ERROR)
            return redirect(compare_url)
        self.message_user(request, f"{done} Edit it here if needed.", messages.SUCCESS)
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

    def _can_recover(self, request):
        return self.has_add_permission(request) and self.has_delete_permission(request)

    def changelist_view(self, request, extra_context=None):
        # Not VersionAdmin's: it would gather every article a bulk action touches into one
        # revision (and restoring it would restore them all). Each gets its own instead.
        context = {"can_recover": self._can_recover(request), **(extra_context or {})}
        return super(VersionAdmin, self).changelist_view(request, context)

    def recoverlist_view(self, request, extra_context=None):
        if not self._can_recover(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        # Reversion puts the deleted rows back, then the change form saves the article
        # through workflow.save_article like any other save.
        if not self._can_recover(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)
