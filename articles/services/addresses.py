"""An article's address: a slug is its story's for good, old addresses included."""

from ..models import SlugRedirect
from .errors import AddressTaken


def check_address(*, article, slug, previous=None):
    """Refuse a slug that is another story's old address: a redirect never changes owner.

    A story may take back one of its own old slugs; a slug unchanged since `previous`
    (the article as saved) is not asked about again.
    """
    if not slug or (previous is not None and previous.slug == slug):
        return
    if SlugRedirect.objects.filter(old_slug=slug).exclude(article_id=article.pk).exists():
        raise AddressTaken(slug)


def remember_old_slug(*, article, old_slug):
    """Keep a published article's old address answering, for good, after its slug changes.

    An address never changes owner: the story's new slug was checked (check_address), and
    an old slug already leading elsewhere stays with its story. An old slug the story
    takes back is its own page again, and stops redirecting.
    """
    if not old_slug or old_slug == article.slug:
        return
    SlugRedirect.objects.filter(article=article, old_slug=article.slug).delete()
    SlugRedirect.objects.get_or_create(old_slug=old_slug, defaults={"article": article})
