from django.conf import settings
from django.db import models
from reversion import register as keep_revisions

from imaging.fields import CheckedImageField
from links import address


@keep_revisions()  # every save in the admin keeps one (desk/admin/authors.py)
class Author(models.Model):
    """A journalist as readers see them: the author box and the author page."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=140,
        unique=True,
        help_text="The end of the author page's address: /authors/this-part/.",
    )
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text='Shown in the author box under the name ("North American news editor").',
    )
    short_bio = models.TextField(
        max_length=600,
        blank=True,
        help_text="Two or three sentences, shown in the author box under every article.",
    )
    bio = models.TextField(blank=True, help_text="The full biography on the author page.")
    # The Ukrainian edition's (editions/): each shown there when filled in, else the above.
    name_uk = models.CharField("name in Ukrainian", max_length=120, blank=True)
    role_uk = models.CharField("role in Ukrainian", max_length=120, blank=True)
    short_bio_uk = models.TextField("short bio in Ukrainian", max_length=600, blank=True)
    bio_uk = models.TextField("bio in Ukrainian", blank=True)
    avatar = CheckedImageField(
        upload_to="avatars/%Y/%m/",
        blank=True,
        width_field="avatar_width",
        height_field="avatar_height",
        renditions_field="avatar_renditions",
        square=True,
        help_text="A square portrait works best.",
    )
    avatar_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    avatar_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Pre-made square crops of the avatar, written when it is saved.
    avatar_renditions = models.JSONField(default=dict, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The staff account that may keep this profile up to date.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("authors:detail", slug=self.slug)
