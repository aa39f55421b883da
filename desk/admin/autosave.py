"""The change form's desk: autosave endpoints, the offer of an unsaved copy, the preview.

The autosave endpoints answer the form's script with JSON. They are admin views (signed
in, staff, CSRF-checked) and ask articles/autosave.py, which asks workflow.can_edit.
Restoring a copy needs no script: `?autosave=restore` opens the form on the copy's text,
based on the version the copy was written from, so saving it over a later save by
someone else shows the differences first (the edit-conflict rule).
"""

from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone

from articles import autosave, workflow
from articles.body import editable_html
from articles.models import Article
from articles.numbers import whole_number
from articles.templatetags.times import iso
from articles.text import reading_minutes, word_count

RESTORE = "restore"


class AutosaveViews:
    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path("autosave/", view(self.autosave_view), name="articles_article_autosave_new"),
            path(
                "autosave/discard/",
                view(self.discard_view),
                name="articles_article_autosave_discard_new",
            ),
            path(
                "<path:object_id>/autosave/",
                view(self.autosave_view),
                name="articles_article_autosave",
            ),
            path(
                "<path:object_id>/autosave/discard/",
                view(self.discard_view),
                name="articles_article_autosave_discard",
            ),
        ]
        return [*urls, *super().get_urls()]

    def _desk_article(self, request, object_id):
        """The article named in the URL (None for a new story), or 404."""
        if object_id is None:
            return None
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        return article

    def autosave_view(self, request, object_id=None):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._desk_article(request, object_id)
        based_on = whole_number(request.POST.get("based_on", ""))
        if article is not None and based_on is None:
            return JsonResponse(
                {"error": "The form did not say which version it edits."}, status=400
            )
        try:
            copy = autosave.store(
                user=request.user,
                article=article,
                title=request.POST.get("title", ""),
                standfirst=request.POST.get("standfirst", ""),
                body=request.POST.get("body", ""),
                based_on=based_on,
            )
        except workflow.NotAllowed as refusal:
            return JsonResponse({"error": refusal.message}, status=403)
        except workflow.WorkflowError as refusal:
            return JsonResponse({"error": refusal.message}, status=400)
        words = word_count(copy.body)
        warning = ""
        if article is not None and (since := autosave.saved_since(copy, article)):
            warning = f"{since} Saving will show you what they changed first."
        return JsonResponse(
            {
                "saved_at": iso(copy.saved_at),
                "saved_at_display": timezone.localtime(copy.saved_at).strftime("%H:%M:%S"),
                "words": words,
                "minutes": reading_minutes(copy.body),
                "warning": warning,
            }
        )

    def discard_view(self, request, object_id=None):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._desk_article(request, object_id)
        autosave.discard(user=request.user, article=article)
        if article is None:
            return HttpResponseRedirect(reverse("admin:articles_article_add"))
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    # What the change form shows and does with the copy.

    def restoring(self, request, obj):
        """The user's copy to open the form on (`?autosave=restore`), or None."""
        if request.method != "GET" or request.GET.get("autosave") != RESTORE:
            return None
        return autosave.offered(user=request.user, article=obj)

    def desk_context(self, request, obj, *, restored):
        editable = obj is None or self.has_change_permission(request, obj)
        if not editable:
            return {}
        if obj is None:
            autosave_url = reverse("admin:articles_article_autosave_new")
            discard_url = reverse("admin:articles_article_autosave_discard_new")
            preview = reverse("articles:desk_preview_new")
            cards = reverse("articles:desk_cards_new")
        else:
            autosave_url = reverse("admin:articles_article_autosave", args=[obj.pk])
            discard_url = reverse("admin:articles_article_autosave_discard", args=[obj.pk])
            preview = reverse("articles:desk_preview", args=[obj.pk])
            cards = reverse("articles:desk_cards", args=[obj.pk])
        context = {
            "desk": {
                "autosave_url": autosave_url,
                "discard_url": discard_url,
                "preview_url": preview,
                "cards_url": cards,
            }
        }
        copy = restored or autosave.offered(user=request.user, article=obj)
        if copy is None:
            return context
        # The article as saved: after a refused POST, `obj` carries the submitted text.
        saved = Article.objects.get(pk=obj.pk) if obj is not None else None
        context["desk"].update(
            autosaved=copy,
            copy_time=autosave.describe_time(copy.saved_at),
            saved_since=autosave.saved_since(copy, saved),
            restored=restored is not None,
        )
        if saved is not None:
            context["desk"].update(
                saved=saved,
                saved_time=autosave.describe_time(saved.modified_at),
                saved_body=editable_html(saved.body, saved.body_format),
            )
        return context
