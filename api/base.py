"""What every endpoint of the content API shares: a key, its rate limit, JSON, and the
edge's headers.

A 200 is cacheable by the edge under the surrogate keys of what it shows (the pages'
keys, public/freshness.py), so a save purges the API's copies with the pages', and no
copy outlives the next scheduled publication. The edge keeps one copy per key
(`Vary: Authorization`): a request reaches a copy only with the key it was made for, so
a missing key is refused by the origin, not served by the edge; and each copy names its
key among its surrogate keys, so revoking a key purges every copy made for it.
"""

from django.conf import settings
from django.utils.cache import patch_vary_headers
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from pagecache import edge, keys
from pagecache.store import next_deadline

from .authentication import ApiKeyAuthentication, HasApiKey
from .keys import key_surrogate
from .paging import CURSOR_PARAM, LIMIT_PARAM, MAX_LIMIT
from .serializers import ErrorSerializer
from .throttling import KeyRateThrottle

PAGE_PARAMS = (CURSOR_PARAM, LIMIT_PARAM)
EDITION_PARAM = "edition"


class ContentView(APIView):
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [HasApiKey]
    throttle_classes = [KeyRateThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = []

    # The query parameters the endpoint reads; any other is a 400 naming it, so a typo
    # (`?tags=`) is an error, not a silently unfiltered list.
    reads = ()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # the key and its limit come first
        if unknown := sorted(set(request.query_params) - set(self.reads)):
            known = ", ".join(f"`{name}`" for name in self.reads) or "none"
            raise exceptions.ParseError(
                f"Unknown query parameter {', '.join(map(repr, unknown))} (this one reads {known})."
            )
        for name in request.query_params:
            values = request.query_params.getlist(name)
            if len(values) > 1:
                raise exceptions.ParseError(f"`{name}` is given more than once.")
            if name in PAGE_PARAMS and not values[0]:
                raise exceptions.ParseError(f"`{name}` is empty: leave it out instead.")

    def permission_denied(self, request, message=None, code=None):
        # The one permission is holding a key: its absence is a 401 that says how to send one.
        raise exceptions.NotAuthenticated(HasApiKey.message)

    def dispatch(self, request, *args, **kwargs):
        with keys.collecting() as shown:
            response = super().dispatch(request, *args, **kwargs)
        key = getattr(self.request, "auth", None)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and key and shown:
            # The key's own surrogate key: revoking it purges every copy made for it.
            shown.add(key_surrogate(key.pk))
            edge.make_shared(response, shown, deadline=next_deadline())
            patch_vary_headers(response, ["Authorization"])
        return response


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = ApiKeyAuthentication
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key issued in the admin: `Authorization: Bearer <key>`.",
        }


def answers(ok, *, not_found=False):
    """The responses an endpoint documents: its 200, and the errors every endpoint has."""
    documented = {
        200: ok,
        400: OpenApiResponse(ErrorSerializer, description="A malformed parameter."),
        401: OpenApiResponse(ErrorSerializer, description="No valid API key."),
        429: OpenApiResponse(
            ErrorSerializer, description="Over the key's rate limit: see `Retry-After`."
        ),
    }
    if not_found:
        documented[404] = OpenApiResponse(ErrorSerializer, description="No such public item.")
    return documented


# What each kind of list's cursor looks like: (time in µs, id), an id, a place in a ranking.
TIMED_CURSOR = r"^(-[0-9]{1,16}|[0-9]{1,17})-[0-9]{1,18}$"
ID_CURSOR = r"^[0-9]{1,18}$"
RANK_CURSOR = r"^[0-9]{1,3}$"


def page_parameters(cursor_pattern=TIMED_CURSOR):
    return [
        OpenApiParameter(
            CURSOR_PARAM,
            {"type": "string", "pattern": cursor_pattern},
            description="The next page's cursor: take the whole `next` address instead.",
        ),
        LIMIT,
    ]


LIMIT = OpenApiParameter(
    LIMIT_PARAM,
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    description=f"Items per page, 1 to {MAX_LIMIT} (20 by default).",
)


def page_of(serializer_class, name):
    """The documented shape of a page of `serializer_class` items."""
    return type(
        name,
        (serializers.Serializer,),
        {
            "results": serializer_class(many=True),
            "next": serializers.URLField(
                allow_null=True, help_text="The next page's address; null on the last page."
            ),
        },
    )


# --- Editions -------------------------------------------------------------------------------


def edition_codes() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


EDITION = OpenApiParameter(
    EDITION_PARAM,
    {"type": "string", "enum": edition_codes(), "default": settings.LANGUAGE_CODE},
    description=(
        "The edition whose stories are listed, by its language "
        f"({', '.join(f'`{code}`' for code in edition_codes())}); "
        f"`{settings.LANGUAGE_CODE}` by default. A story's translation is in its own "
        "edition's lists only."
    ),
)


def edition_from(request) -> str:
    """The edition a list is asked for (`?edition=`), the default edition's without one:
    a consumer that never names one sees what it always saw."""
    language = request.query_params.get(EDITION_PARAM, settings.LANGUAGE_CODE)
    if language not in edition_codes():
        known = ", ".join(f"`{code}`" for code in edition_codes())
        raise exceptions.ParseError(f"Unknown edition {language!r} (the editions are {known}).")
    return language
