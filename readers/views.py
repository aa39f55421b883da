"""The /account/ pages: sign in by link, the account, its export and deletion, and the
private "who am I" endpoint the page script reads. Every response here is private."""

import json

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import account, session, throttle, tokens
from .forms import EmailForm, NameForm
from .models import Token
from .services import accounts


def _account_url():
    return reverse("readers:account")


@never_cache
@require_GET
def account_page(request):
    reader = session.current_reader(request)
    if reader is None:
        return render(request, "readers/sign_in.html", {"form": EmailForm()})
    return render(
        request,
        "readers/account.html",
        {
            "reader": reader,
            "name_form": NameForm(initial={"name": reader.name}),
            "sections": account.sections(reader),
        },
    )


@never_cache
@require_POST
def ask_for_link(request):
    form = EmailForm(request.POST)
    if not form.is_valid():
        return render(request, "readers/sign_in.html", {"form": form}, status=400)
    try:
        accounts.request_sign_in(request=request, email=form.cleaned_data["email"])
    except throttle.Throttled as refused:
        response = render(
            request, "readers/sign_in.html", {"form": form, "refused": str(refused)}, status=429
        )
        response["Retry-After"] = str(refused.retry_after)
        return response
    return render(request, "readers/link_sent.html", {"email": form.cleaned_data["email"]})


@never_cache
def link(request, secret):
    """GET shows a button and spends nothing (mail scanners open every link); its POST
    spends the link and signs the reader in."""
    if request.method == "POST":
        try:
            reader = accounts.sign_in(secret=secret)
        except tokens.InvalidToken as problem:
            return _invalid_link(request, problem, status=400)
        response = HttpResponseRedirect(_account_url())
        session.start(response, reader)
        return response
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    try:
        tokens.peek(secret, Token.Purpose.SIGN_IN)
    except tokens.InvalidToken as problem:
        return _invalid_link(request, problem)
    return render(request, "readers/confirm_sign_in.html", {})


def _invalid_link(request, problem, status=200):
    return render(
        request,
        "readers/sign_in.html",
        {"form": EmailForm(), "refused": str(problem)},
        status=status,
    )


def _signed_in(view):
    def wrapped(request, *args, **kwargs):
        reader = session.current_reader(request)
        if reader is None:
            return HttpResponseRedirect(_account_url())
        return view(request, reader, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return never_cache(wrapped)


@require_POST
@_signed_in
def change_name(request, reader):
    form = NameForm(request.POST)
    if form.is_valid():
        accounts.rename(reader=reader, name=form.cleaned_data["name"])
    return HttpResponseRedirect(_account_url())


@require_POST
@_signed_in
def sign_out(request, reader):
    if request.POST.get("everywhere"):
        accounts.sign_out_everywhere(reader=reader)
    response = HttpResponseRedirect(_account_url())
    session.end(response)
    return response


@require_GET
@_signed_in
def export(request, reader):
    """Everything kept about the reader, as JSON (GDPR art. 15 and 20)."""
    data = {
        "reader": {
            "email": reader.email,
            "name": reader.name,
            "created_at": reader.created_at.isoformat(),
            "signed_in_at": reader.signed_in_at.isoformat() if reader.signed_in_at else None,
        },
        **account.exports(reader),
    }
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@require_POST
@_signed_in
def delete(request, reader):
    if request.POST.get("confirm") != "yes":
        return render(
            request,
            "readers/account.html",
            {
                "reader": reader,
                "name_form": NameForm(initial={"name": reader.name}),
                "sections": account.sections(reader),
                "delete_error": gettext(
                    "Tick the box to confirm that the account should be deleted."
                ),
            },
            status=400,
        )
    accounts.delete(reader=reader)
    response = render(request, "readers/deleted.html", {})
    session.end(response)
    return response


@never_cache
@require_GET
def me(request):
    """Who is signed in, for the page script: never cached, never shared."""
    reader = session.current_reader(request)
    if reader is None:
        response = JsonResponse({"signed_in": False})
        # A hint left by an ended session: let it go, so the script stops asking.
        if session.HINT_COOKIE in request.COOKIES:
            session.end(response)
        return response
    return JsonResponse({"signed_in": True, "name": reader.display_name, "email": reader.email})
