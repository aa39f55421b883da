"""The live desk: a story's page for live coverage, at /admin/articles/article/<id>/live/.

One short form posts an entry (the body first; Ctrl or ⌘+Enter sends it), the entries are
listed below it with what may be done to each, and the coverage is started or ended here.
Every write is a service of articles/workflow.py, inside a revision.
"""

import reversion
from django import forms
from django.contrib import messages
from django.db.models import F
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from articles import workflow
from articles.models import LiveEntry
from authors.models import Author

from .forms import NewPhotoFields
from .lookups import seen_story

DESK_ENTRIES = 50  # the newest entries listed on the desk; the rest are in the entry list


class EntryPostForm(NewPhotoFields, forms.ModelForm):
    """A new entry, as short as posting can be: the body first, then what is optional."""

    photo_field = "photo"
    authors = forms.ModelMultipleChoiceField(
        queryset=Author.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Others can be added by editing the entry.",
    )

    class Meta:
        model = LiveEntry
        fields = ["body", "headline", "is_key_event", "is_pinned"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6, "autofocus": True}),
            "headline": forms.TextInput(attrs={"size": 60}),
        }
        labels = {"body": "What is happening"}

    def __init__(self, *args, article, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_photo"].label = "Photo (optional)"
        self.fields["new_photo"].help_text = "Added to the photo library."
        # The story's byline and the journalist's own profile; theirs first and ticked.
        own = Author.objects.filter(user=user).first()
        byline = [author for author in article.byline if author != own]
        self.choices = [own, *byline] if own else byline
        self.fields["authors"].queryset = Author.objects.filter(pk__in=[a.pk for a in self.choices])
        self.fields["authors"].choices = [(a.pk, a.name) for a in self.choices]
        if own:
            self.fields["authors"].initial = [own.pk]

    def chosen_authors(self):
        """The ticked authors in the order they are offered: the byline's order."""
        chosen = {author.pk for author in self.cleaned_data["authors"]}
        return [author for author in self.choices if author.pk in chosen]


class LiveDeskViews:
    """The live desk's views, for ArticleAdmin."""

    def get_urls(self):
        desk = [
            path(
                "<path:object_id>/live/",
                self.admin_site.admin_view(self.live_desk_view),
                name="articles_article_live",
            ),
            path(
                "<path:object_id>/live/coverage/",
                self.admin_site.admin_view(self.live_coverage_view),
                name="articles_article_live_coverage",
            ),
            path(
                "<path:object_id>/live/<int:entry_id>/publish/",
                self.admin_site.admin_view(self.live_publish_view),
                name="articles_article_live_publish",
            ),
        ]
        return [*desk, *super().get_urls()]

    def _desk_url(self, article):
        return reverse("admin:articles_article_live", args=[article.pk])

    def live_desk_view(self, request, object_id):
        article = seen_story(self, request, object_id)
        user = request.user
        form = EntryPostForm(
            request.POST or None, request.FILES or None, article=article, user=user
        )
        if request.method == "POST" and form.is_valid():
            publish = "_draft" not in request.POST
            try:
                with reversion.create_revision():
                    form.save_new_photo(user)
                    entry = workflow.post_entry(
                        entry=form.instance,
                        article=article,
                        user=user,
                        authors=form.chosen_authors(),
                        publish=publish,
                    )
                    reversion.set_user(user)
                    reversion.set_comment("Posted on the live desk.")
            except workflow.WorkflowError as refusal:
                form.add_error(None, refusal.message)
            else:
                self._report_posted(request, article, entry)
                return redirect(self._desk_url(article))
        entries = article.live_entries.with_byline().order_by(
            F("published_at").desc(nulls_first=True), "-pk"
        )[:DESK_ENTRIES]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": f"Live desk: {article.title}",
            "form": form,
            "entries": [(entry, workflow.can_change_entry(user, entry)) for entry in entries],
            "can_post": workflow.can_post_entries(user, article) and article.has_live_coverage,
            "can_publish": workflow.can_publish(user, article),
            "can_run_coverage": workflow.can_run_coverage(user, article),
            "entry_count": article.live_entries.count(),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/articles/article/live_desk.html", context)

    def _report_posted(self, request, article, entry):
        if entry.status == LiveEntry.Status.DRAFT:
            self.message_user(
                request,
                "Saved as a draft: publish it from the list when it is ready.",
                messages.SUCCESS,
            )
        elif article.is_published:
            self.message_user(
                request,
                format_html(
                    'Published at {}. <a href="{}">See it on the live page</a>.',
                    date_format(timezone.localtime(entry.published_at), "H:i"),
                    entry.get_stream_url(),
                ),
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                "Published, at the top of the live page: readers see it once the story "
                "is published.",
                messages.SUCCESS,
            )

    @staticmethod
    def _refused(request, refusal):
        messages.error(request, f"Not done: {refusal.message}")

    def live_coverage_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = seen_story(self, request, object_id)
        action = request.POST.get("action")
        services = {"start": workflow.start_coverage, "end": workflow.end_coverage}
        if action not in services:
            messages.error(request, "Choose whether to start or end the live coverage.")
            return redirect(self._desk_url(article))
        done = "Live coverage started." if action == "start" else "Live coverage ended."
        try:
            with reversion.create_revision():
                services[action](article=article, user=request.user)
                self.log_change(request, article, done)  # also the revision's comment
                reversion.set_user(request.user)
        except workflow.WorkflowError as refusal:
            self._refused(request, refusal)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return redirect(self._desk_url(article))

    def live_publish_view(self, request, object_id, entry_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = seen_story(self, request, object_id)
        entry = get_object_or_404(article.live_entries.all(), pk=entry_id)
        try:
            with reversion.create_revision():
                workflow.publish_entry(entry=entry, user=request.user)
                reversion.set_user(request.user)
                reversion.set_comment("Published on the live desk.")
        except workflow.WorkflowError as refusal:
            self._refused(request, refusal)
        else:
            self._report_posted(request, article, entry)
        return redirect(self._desk_url(article))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["live_desk_url"] = self._desk_url(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)
