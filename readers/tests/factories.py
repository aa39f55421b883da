from django.test import Client

from readers import session
from readers.models import Reader


def make_reader(*, email="reader@example.net", name=""):
    return Reader.objects.create(email=email, name=name)


def signed_in_client(reader) -> Client:
    """A browser holding `reader`'s sign-in cookies, as the link's POST leaves them."""
    client = Client()
    from django.http import HttpResponse

    response = HttpResponse()
    session.start(response, reader)
    for name, morsel in response.cookies.items():
        client.cookies[name] = morsel.value
    return client
