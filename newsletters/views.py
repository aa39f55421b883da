"""/newsletters/: the newsletters and their archives (shared-cacheable public pages),
sign-up, confirmation and one-click unsubscribe (private).

The sign-up form sits on cached public pages, which carry no CSRF token (a token is a
cookie, and a page with a cookie is no one's to share). The sign-up POST is therefore
exempt from Django's CSRF check and refuses cross-site origins itself: all a forged
sign-up could do is mail a confirmation link, throttled, which subscribes no one until
its own POST. Confirmations and account changes keep Django's CSRF check.
"""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

import editions
from articles.models import Article
from pagecache import public_page
from pagecache.keys import record
from public import freshness
from readers import session, throttle, tokens
from readers.models import Token

from . import archive
from .forms import SignUpForm
from .models import Edition, Newsletter
from .services import subscriptions
from .unsubscribe import read as read_unsubscribe_key

ARCHIVE_LENGTH = 30


@public_page
def newsletter_list(request):
    """The edition's own newsletters: each is written in one edition's language."""
    record(archive.ARCHIVE_KEY)
    editions.set_counterparts(request, editions.everywhere(request.path))
    here = editions.current().language
    newsletters = list(Newsletter.objects.filter(is_active=True, language=here))
    return render(request, "newsletters/list.html", {"newsletters": newsletters})


@public_page
def newsletter_detail(request, slug):
    record(archive.ARCHIVE_KEY)
    newsletter = get_object_or_404(Newsletter, slug=slug)
    if newsletter.language != editions.current().language:  # its address is in its edition
        return redirect(newsletter, permanent=True)
    sent = newsletter.editions.filter(status=Edition.Status.SENT).only(
        "subject", "finished_at", "newsletter_id"
    )[:ARCHIVE_LENGTH]
    return render(request, "newsletters/detail.html", {"newsletter": newsletter, "archive": sent})


@public_page
def edition_detail(request, slug, pk):
    """An archived edition, drawn from its stories as they are now: a story withdrawn
    since it went out is not shown here (nothing not public shows anywhere public)."""
    record(archive.ARCHIVE_KEY)
    edition = get_object_or_404(
        Edition.objects.select_related("newsletter"),
        pk=pk,
        newsletter__slug=slug,
        status=Edition.Status.SENT,
    )
    if edition.newsletter.language != editions.current().language:
        return redirect(edition, permanent=True)
    stories = list(
        Article.objects.published()
        .filter(pk__in=edition.articles.values("pk"))
        .for_listing()
        .newest_first()
    )
    record(*map(freshness.story, stories))
    return render(request, "newsletters/edition.html", {"edition": edition, "stories": stories})


def _same_origin(request):
    origin = request.headers.get("Origin")
    if origin is None:  # a plain form POST from a browser that sends no Origin
        return True
    return origin in settings.CSRF_TRUSTED_ORIGINS or origin == (
        f"{request.scheme}://{request.get_host()}"
    )


@csrf_exempt
@never_cache
@require_POST
def sign_up(request):
    if not _same_origin(request):
        return HttpResponseForbidden(gettext("Sign up from this site's own pages."))
    form = SignUpForm(request.POST)
    if not form.is_valid():
        return render(request, "newsletters/sign_up_refused.html", {"form": form}, status=400)
    slug = form.cleaned_data["newsletter"]
    if slug:
        wanted = list(Newsletter.objects.filter(slug=slug, is_active=True))
        if not wanted:
            raise Http404("No such newsletter")
    else:
        wanted = subscriptions.default_newsletters()
    try:
        subscriptions.request(request=request, email=form.cleaned_data["email"], newsletters=wanted)
    except throttle.Throttled as refused:
        response = render(
            request,
            "newsletters/sign_up_refused.html",
            {"form": form, "refused": str(refused)},
            status=429,
        )
        response["Retry-After"] = str(refused.retry_after)
        return response
    return render(
        request,
        "newsletters/check_inbox.html",
        {"email": form.cleaned_data["email"], "newsletters": wanted},
    )


@never_cache
def confirm(request, secret):
    """GET shows a button and changes nothing; its POST confirms the subscription."""
    if request.method == "POST":
        try:
            subscription = subscriptions.confirm(secret=secret)
        except tokens.InvalidToken as problem:
            return render(
                request, "newsletters/confirm.html", {"problem": str(problem)}, status=400
            )
        return render(request, "newsletters/confirmed.html", {"subscription": subscription})
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    newsletter = None
    try:
        token = tokens.peek(secret, Token.Purpose.SUBSCRIBE)
        newsletter = Newsletter.objects.filter(pk=int(token.subject)).first()
    except tokens.InvalidToken as problem:
        return render(request, "newsletters/confirm.html", {"problem": str(problem)})
    return render(request, "newsletters/confirm.html", {"newsletter": newsletter})


@csrf_exempt
@never_cache
def unsubscribe(request, key):
    """RFC 8058: a POST here (the mail client's one click) unsubscribes at once. A GET
    (the link in the mail's footer, or a scanner) shows a button that POSTs."""
    found = read_unsubscribe_key(key)
    if found is None:
        raise Http404("Unknown unsubscribe address")
    reader_id, newsletter_id = found
    newsletter = get_object_or_404(Newsletter, pk=newsletter_id)
    if request.method == "POST":
        subscriptions.unsubscribe(reader_id=reader_id, newsletter_id=newsletter_id)
        return render(request, "newsletters/unsubscribed.html", {"newsletter": newsletter})
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(request, "newsletters/unsubscribe.html", {"newsletter": newsletter})


@never_cache
@require_POST
def account_subscriptions(request):
    reader = session.current_reader(request)
    if reader is None:
        return HttpResponseRedirect(reverse("readers:account"))
    chosen = request.POST.getlist("newsletter")
    wanted = list(Newsletter.objects.filter(slug__in=chosen[:50], is_active=True))
    subscriptions.set_subscriptions(reader=reader, newsletters=wanted)
    return HttpResponseRedirect(reverse("readers:account") + "#newsletters-heading")
