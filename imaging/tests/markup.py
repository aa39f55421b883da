"""Reading the HTML that `{% picture %}` and the admin helpers write: tags and srcsets."""

from html.parser import HTMLParser


class Tags(HTMLParser):
    """The tags of a fragment with their attributes, in order."""

    def __init__(self, markup):
        super().__init__()
        self.tags = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def named(self, name):
        return [attrs for tag, attrs in self.tags if tag == name]


def srcset_widths(srcset):
    return [int(part.split()[-1].rstrip("w")) for part in srcset.split(", ")]
