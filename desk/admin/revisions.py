"""Revisions in the admin: a story's history, compare and restore; recovering a deletion.

django-reversion's stock views revert whatever Version id they are given, of any model,
before asking any permission, and save the rows raw: no audit entry, no purge, no search
refresh. None of them is served here. `OwnRevisionsAdmin` keeps reversion's revision on
every save and its history of the model's own revisions, and serves a recovery (and, for
stories, a restore) only through a workflow service, after that service's checks. Each
restore or recovery is itself kept as a revision and logged.
"""

from django.contrib import admin, messages
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
from .lookups import seen_story


def _saved_at(version):
    return date_format(timezone.localtime(version.revision.date_created), "j M Y, H:i")


class OwnRevisionsAdmin(VersionAdmin):
    """VersionAdmin serving only what a workflow service does, for this model's rows alone.

    A subclass says who may recover (`may_recover`) and which service does it (`recover`);
    one that restores revisions through a service sets `serves_restore` and its own
    `revision_view`.
    """

    serves_restore = False

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        stock = {f"{info}_{view}" for view in ("recoverlist", "recover", "revision")}
        kept = [url for url in super().get_urls() if getattr(url, "name", None) not in stock]
        site = self.admin_site
        ours = [
            path("recover/", site.admin_view(self.recoverlist_view), name=f"{info}_recoverlist"),
            path(
                "recover/<int:version_id>/",
                site.admin_view(self.recover_view),
                name=f"{info}_recover",
            ),
        ]
        if self.serves_restore:
            ours.append(
                path(
                    "<path:object_id>/history/<int:version_id>/",
                    site.admin_view(self.revision_view),
                    name=f"{info}_revision",
                )
            )
        return [*ours, *kept]

    def history_view(self, request, object_id, extra_context=None):
        if self.serves_restore:  # reversion's list, each revision linking to its restore
            return super().history_view(request, object_id, extra_context)
        return admin.ModelAdmin.history_view(self, request, object_id, extra_context)

    def may_recover(self, request):
        return False

    def recover(self, request, version):
        """Bring the deleted row back through its workflow service; return it."""
        raise NotImplementedError

    def recoverlist_view(self, request, extra_context=None):
        if not self.may_recover(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        """A GET shows what will come back; the POST recovers it, through the workflow."""
        if not self.may_recover(request):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_model(self.model).select_related("revision__user"),
            pk=version_id,
        )
        if self.model._default_manager.filter(pk=version.object_id).exists():
            raise Http404("Not a deleted row.")
        if request.method == "POST":
            return self._recover(request, version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "version": version,
            "saved_at": _saved_at(version),
            "title": f"Recover “{version.object_repr}”",
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/recover_confirm.html", context)

    def _recover(self, request, version):
        try:
            with self.create_revision(request):
                obj = self.recover(request, version)
                done = f"Recovered from its revision of {_saved_at(version)}, as a draft."
                self.log_change(request, obj, done)  # also the revision's comment
        except workflow.WorkflowError as refusal:
            self.message_user(request, f"Not recovered: {refusal.message}", messages.ERROR)
            return redirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_recoverlist")
            )
        self.message_user(request, done, messages.SUCCESS)
        info = f"admin:{self.opts.app_label}_{self.opts.model_name}_change"
        return redirect(reverse(info, args=[obj.pk]))


class RevisionViews:
    """A story's history: compare a revision with now, restore it (workflow.restore_revision)."""

    serves_restore = True

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="articles_article_compare",
        )
        return [compare, *super().get_urls()]

    def _article_and_version(self, request, object_id, version_id):
        article = seen_story(self, request, object_id)
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

    def may_recover(self, request):
        return workflow.can_recover(request.user)

    def recover(self, request, version):
        return workflow.recover_article(version=version, user=request.user)

    def changelist_view(self, request, extra_context=None):
        # Not VersionAdmin's: it would gather every article a bulk action touches into one
        # revision (and restoring it would restore them all). Each gets its own instead.
        context = {"can_recover": self.may_recover(request), **(extra_context or {})}
        return super(VersionAdmin, self).changelist_view(request, context)
