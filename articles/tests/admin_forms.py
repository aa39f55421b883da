"""The admin's change forms as a browser sees them: their address and what they submit."""

from html.parser import HTMLParser

from django.urls import reverse


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


class _FormReader(HTMLParser):
    """What a browser would submit for one form: its fields with their current values."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        name = attrs.get("name", "")
        if not self.inside or not name or "__prefix__" in name:
            return
        if tag == "input" and attrs.get("type") not in ("submit", "file", "button"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data[name] = attrs.get("value", "on" if "checked" in attrs else "")
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = ""
        elif tag == "select":
            self._select = name

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline that may follow <textarea>.
            self.data[self._textarea] = self.data[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_data(response, form_id="article_form"):
    """The POST data of the admin form in `response`, as a browser would send it unchanged."""
    assert response.status_code == 200, response.status_code
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    return reader.data
