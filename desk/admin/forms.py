"""The admin's forms: they collect what an editor asks for and ask workflow.py whether it may be.

None of them writes but through a service: ArticleAdmin hands their cleaned data to the
workflow's, and a photo uploaded on a form joins the library through articles/photos.py.
"""

from django import forms
from django.core.exceptions import ValidationError

from articles import body, history, photos, workflow
from articles.models import Article, Photo, PreviewLink
from articles.text import clean_html
from imaging.fields import UploadedImageField
from imaging.validators import validate_image

from .editor import BodyEditorWidget

Status = Article.Status

PUBLICATION_TIME_HELP = (
    "Publishing with no time, or a time already past, publishes now; a future time "
    "schedules the article, which appears by itself then. Saving a published article "
    "keeps its time."
)


NEW_PHOTO = ["new_photo", "new_photo_alt", "new_photo_caption", "new_photo_credit"]


class NewPhotoFields(forms.Form):
    """A photo uploaded on a story's or an entry's form: saved to the library through
    articles/photos.py when the form is saved, and chosen as its photo (`photo_field`)."""

    photo_field = None
    new_photo = UploadedImageField(
        label="or upload a new photo",
        required=False,
        validators=[validate_image],
        help_text="Added to the photo library, with the words below.",
    )
    new_photo_alt = forms.CharField(
        label="its alt text",
        required=False,
        max_length=Photo._meta.get_field("alt_text").max_length,
        help_text="What the photo shows, for readers who cannot see it.",
    )
    new_photo_caption = forms.CharField(
        label="its caption", required=False, max_length=Photo._meta.get_field("caption").max_length
    )
    new_photo_credit = forms.CharField(
        label="its credit",
        required=False,
        max_length=Photo._meta.get_field("credit").max_length,
        help_text="Photographer/Agency.",
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("new_photo") and not cleaned_data.get("new_photo_alt", "").strip():
            self.add_error("new_photo_alt", "Describe the photo for readers who cannot see it.")
        return cleaned_data

    def save_new_photo(self, user):
        """The upload, if any, into the library and onto the story or entry."""
        upload = self.cleaned_data.get("new_photo")
        if not upload:
            return
        photo = photos.upload_photo(
            image=upload,
            alt_text=self.cleaned_data["new_photo_alt"],
            caption=self.cleaned_data.get("new_photo_caption", ""),
            credit=self.cleaned_data.get("new_photo_credit", ""),
            user=user,
        )
        setattr(self.instance, self.photo_field, photo)


class ArticleForm(NewPhotoFields, forms.ModelForm):
    photo_field = "lead_photo"

    # The edit_version this form was opened at; saving a stale copy is refused.
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)
    mark_as_update = forms.BooleanField(
        label="Mark as an update",
        required=False,
        help_text="For a change readers should know about: the story shows “Updated:” with the "
        "time of this save. Leave it unticked for a typo fix.",
    )

    # Set for each request by ArticleAdmin.get_form: who is editing, and the autosaved copy
    # they asked to open the form on (`?autosave=restore`), if any.
    user = None
    restore = None

    class Meta:
        widgets = {"body": BodyEditorWidget}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "body" in self.fields:
            self._open_body()
        self.conflict = None
        # The article as saved, read and locked by clean(): what this save is judged against.
        self.saved = None
        if "based_on" in self.fields and "based_on" not in self.initial:
            self.fields["based_on"].initial = self.instance.edit_version
        if "status" in self.fields:
            self.fields["status"].choices = [
                (status.value, status.label)
                for status in workflow.allowed_statuses(self.user, self.instance)
            ]
        if "published_at" in self.fields:
            self.fields["published_at"].help_text = PUBLICATION_TIME_HELP

    def _open_body(self):
        # The editor edits HTML: a Markdown story opens as the HTML it renders to.
        article = self.instance
        if article.pk is not None:
            self.initial["body"] = body.editable_html(article.body, article.body_format)
        if self.restore is not None and not self.is_bound:
            copy = self.restore
            self.initial.update(title=copy.title, standfirst=copy.standfirst, body=copy.body)
            if copy.based_on is not None:
                self.initial["based_on"] = copy.based_on

    def clean_body(self):
        """The editor's HTML through the allowlist; a body of one empty paragraph is empty."""
        value = clean_html(self.cleaned_data.get("body", ""))
        if body.is_empty(value):
            raise ValidationError("Write the story before saving it.", code="required")
        return value

    def _post_clean(self):
        if "body" in self.fields:
            self.instance.body_format = body.HTML
        super()._post_clean()

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            try:
                # Locks the row until the admin's transaction ends: no save can slip between.
                self.saved = workflow.check_fresh(
                    article_id=self.instance.pk, based_on=cleaned_data.get("based_on")
                )
            except workflow.EditConflict as conflict:
                self._refuse_stale_copy(conflict, cleaned_data)
            self.instance.edit_version = self.saved.edit_version
        try:
            workflow.check_address(
                article=self.instance, slug=cleaned_data.get("slug"), previous=self.saved
            )
        except workflow.AddressTaken as refusal:
            self.add_error("slug", refusal.message)
        status = cleaned_data.get("status")
        if status is not None:
            try:
                workflow.check_transition(
                    user=self.user, article=self.saved or self.instance, to=status
                )
            except workflow.NotAllowed as refusal:
                self.add_error("status", refusal.message)
        if status == Status.PUBLISHED and "published_at" in self.fields:
            # The time the save will give it (workflow.save_article applies the same rule),
            # so the model's own check, "a published article has a time", sees it.
            cleaned_data["published_at"] = workflow.publication_time(
                published_at=cleaned_data.get("published_at"),
                already_published=self.saved is not None and self.saved.status == Status.PUBLISHED,
            )
        return cleaned_data

    def _refuse_stale_copy(self, conflict, cleaned_data):
        based_on = cleaned_data.get("based_on")
        self.conflict = {
            "message": conflict.message,
            "rows": history.changed_since(conflict.saved, based_on, cleaned_data),
        }
        # The submitted text stays in the form, now based on the saved copy: saving again
        # after reading the differences is a deliberate choice (and kept in the history).
        self.data = self.data.copy()
        self.data[self.add_prefix("based_on")] = conflict.saved.edit_version
        raise ValidationError(
            f"{conflict.message} Your changes are not saved yet: they are still in the form. "
            "Re-apply what is needed from the table above, then save again."
        )


class BylineFormSet(forms.BaseInlineFormSet):
    def authors(self):
        """The byline as submitted (save_article checks a published story with it)."""
        return [
            form.cleaned_data["author"]
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        """A published article stays complete: said here as a form error, early (the save
        refuses it too).

        Inline formsets are cleaned after the article's form, so `self.instance` already
        carries its new title, body, image and status.
        """
        super().clean()
        article = self.instance
        if article.status != Status.PUBLISHED:
            return
        try:
            workflow.check_complete(article, authors=self.authors())
        except workflow.Incomplete as incomplete:
            raise ValidationError(incomplete.message) from incomplete


class PreviewLinkForm(forms.ModelForm):
    """A new link's expiry, or an existing link's new expiry and revocation."""

    revoke = forms.BooleanField(required=False, help_text="The link stops working at once.")

    class Meta:
        model = PreviewLink
        fields = ["expires_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["expires_at"].initial = workflow.default_preview_expiry
        # Only a live link can be revoked: a new row is not one yet, a revoked one no more.
        if self.instance.pk is None or self.instance.revoked_at:
            self.fields["revoke"].disabled = True

    def has_changed(self):
        # A new row's default expiry is a choice too: "Add another" means make a link.
        return self.instance.pk is None or super().has_changed()


class RestoreForm(forms.Form):
    """The compare page's restore button: the edit_version the editor was looking at."""

    based_on = forms.IntegerField(widget=forms.HiddenInput)
