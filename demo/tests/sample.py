"""A tiny demo newsroom written to a folder, for tests that break one file at a time."""

from pathlib import Path

NEWSROOM = """---
tags: Politics, Economy
sections: politics
---
Two tags; Politics in the masthead.
"""

AUTHOR = """---
name: Ada Reporter
role: Political editor
colour: #2f4b7c
short_bio: Ada Reporter covers the Assembly.
---
Ada Reporter has covered the Assembly for ten years.
"""

STORY = """---
title: Deputies vote on the budget
standfirst: The vote is expected to be close.
status: published
published: 1d 2h ago
updated: 3h later
primary_tag: politics
tags: economy
authors: ada-reporter
featured: yes
photo: politics-1
caption: The chamber before the vote.
correction: An earlier version misspelt the minister's name.
---
The National Assembly votes on the budget today.

> “It will be close,” said one deputy.
"""


def write_newsroom(folder, *, story=STORY, author=AUTHOR, newsroom=NEWSROOM, extra=None):
    """Write the sample files under `folder`; `extra` maps more story slugs to their text."""
    folder = Path(folder)
    (folder / "authors").mkdir(parents=True, exist_ok=True)
    (folder / "stories").mkdir(exist_ok=True)
    (folder / "newsroom.md").write_text(newsroom, encoding="utf-8")
    (folder / "authors" / "ada-reporter.md").write_text(author, encoding="utf-8")
    (folder / "stories" / "deputies-vote-on-the-budget.md").write_text(story, encoding="utf-8")
    for slug, text in (extra or {}).items():
        (folder / "stories" / f"{slug}.md").write_text(text, encoding="utf-8")
    return folder


def story_path(folder):
    return Path(folder) / "stories" / "deputies-vote-on-the-budget.md"
