"""What apps above add to a reader's account, without readers knowing them.

An app registers a section of the account page (a template and a function giving its
context), and a part of the data export (a name and a function giving JSON-ready data).
Deleting a reader deletes what their foreign keys hold (on_delete=CASCADE): an app
keeping a reader's data keeps it on such a key.
"""

_sections = []
_exports = {}


def add_section(template: str, context):
    _sections.append((template, context))


def add_export(name: str, data):
    _exports[name] = data


def sections(reader):
    return [{"template": template, **context(reader)} for template, context in _sections]


def exports(reader):
    return {name: data(reader) for name, data in _exports.items()}
