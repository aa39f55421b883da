"""The front-matter reader: `key: value` lines between two `---` lines, then the body."""

import pytest

from demo.frontmatter import FrontMatterError, parse, read


def test_reads_keys_in_order_with_their_lines_and_keeps_the_body_as_written():
    document = parse(
        "---\ntitle: Budget: the sums\n\ntags: a, b\nempty:\n---\n\nFirst paragraph.\n\n> Quote\n",
        "story.md",
    )

    assert [(e.key, e.value, e.line) for e in document.entries] == [
        ("title", "Budget: the sums", 2),
        ("tags", "a, b", 4),
        ("empty", "", 5),
    ]
    assert document.body == "First paragraph.\n\n> Quote"
    assert document.end_line == 6


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: No fence\n", 1, "must start with a '---' line"),
        ("", 1, "must start with a '---' line"),
        ("---\ntitle: Never closed\n\n", None, "the front matter is never closed"),
        ("---\ntitle: Unclosed\n\nBody.\n", 4, "or the closing '---', got 'Body.'"),
        ("---\ntitle: Fine\nTitle: Capital\n---\n", 3, "expected `key: value`"),
        ("---\ntitle:Squashed\n---\n", 2, "expected `key: value`"),
        ("---\n  indented: no\n---\n", 2, "expected `key: value`"),
    ],
)
def test_a_malformed_file_is_named_with_the_line_to_look_at(text, line, message):
    with pytest.raises(FrontMatterError) as error:
        parse(text, "story.md")

    where = f"story.md, line {line}: " if line else "story.md: "
    assert str(error.value).startswith(where)
    assert message in str(error.value)


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes("---\ntitle: Café\n---\n".encode("latin-1"))

    with pytest.raises(FrontMatterError, match=r"latin\.md: is not UTF-8 text"):
        read(path)
