"""Fill the database in DATABASE_URL with stories for the drills, run by hand.

    .venv/bin/python bench/seed_stories.py [--stories 3000]

Made for deploy/local-cluster.sh's own PostgreSQL (it refuses a database that already
holds stories). Most stories are bulk-inserted, cheaply; a few go through the editor's
path instead, so the data has what a backup must keep: authors with portraits, stories
with photos and renditions in MEDIA_ROOT, and revisions (django-reversion).
"""

import argparse
import io
import os
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AUTHORS = 24
TAGS = 16
WITH_PHOTOS = 6


def photo(name, color, size=(1200, 800)):
    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for i in range(0, size[0], 40):  # stripes, so the JPEG is not trivially small
        draw.line([(i, 0), (size[0] - i, size[1])], fill="white", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=name)


def seed(count):
    import reversion
    from django.db import connection, transaction
    from django.utils import timezone
    from taggit.models import Tag

    from articles.models import Article, Authorship, Correction, Photo, TaggedArticle
    from articles.text import reading_minutes, render_markdown
    from authors.models import Author

    if Article.objects.exists():
        sys.exit("This database already holds stories: seed an empty one.")
    now = timezone.now()
    colors = ["#3b6ea5", "#a53b3b", "#3ba56e", "#a5963b", "#6e3ba5", "#3ba5a5"]
    authors = []
    for i in range(AUTHORS):
        author = Author(
            name=f"Reporter {i}",
            slug=f"reporter-{i}",
            role="Correspondent",
            short_bio=f"Reporter {i} covers the regions.",
            bio=f"Reporter {i} has written for the paper for {i + 2} years.",
        )
        if i < WITH_PHOTOS:
            author.avatar = photo(f"reporter-{i}.jpg", colors[i % len(colors)], (600, 600))
        author.save()
        authors.append(author)
    tags = Tag.objects.bulk_create(Tag(name=f"Topic {i}", slug=f"topic-{i}") for i in range(TAGS))

    body = "The council met late into the night. " * 60
    body_html = render_markdown(body)
    minutes = reading_minutes(body_html)
    bulk = count - WITH_PHOTOS
    for start in range(0, bulk, 2000):
        stories = Article.objects.bulk_create(
            Article(
                title=f"Archive story {i}",
                slug=f"archive-story-{i}",
                standfirst="A short standfirst for the list pages.",
                body=body,
                body_html=body_html,
                reading_minutes=minutes,
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(minutes=10 * (i + WITH_PHOTOS + 1)),
                primary_tag=tags[i % TAGS],
            )
            for i in range(start, min(start + 2000, bulk))
        )
        Authorship.objects.bulk_create(
            Authorship(article=s, author=authors[s.pk % AUTHORS]) for s in stories
        )
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=s, tag=tags[s.pk % TAGS]) for s in stories
        )

    # The newest few as an editor makes them: photo, renditions, revisions, a correction.
    for i in range(WITH_PHOTOS):
        with transaction.atomic(), reversion.create_revision():
            story = Article(
                title=f"Front-page story {i}",
                slug=f"front-page-story-{i}",
                standfirst="What happened, in one sentence.",
                body=body,
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(minutes=10 * (i + 1)),
                primary_tag=tags[i],
                lead_photo=Photo.objects.create(
                    image=photo(f"front-{i}.jpg", colors[i]),
                    alt_text=f"A striped test photo, number {i}",
                    caption="Drawn for the drill.",
                    credit="Newsroom drills",
                ),
            )
            story.save()
            Authorship.objects.create(article=story, author=authors[i], position=0)
            story.tags.add(tags[i])
        with transaction.atomic(), reversion.create_revision():
            story.standfirst = "What happened, in one sentence, now with more detail."
            story.save()
            Correction.objects.create(article=story, text="An earlier version misspelt a name.")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=3000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    seed(args.stories)
    print(f"seeded {args.stories} stories, {AUTHORS} authors, {TAGS} tags")


if __name__ == "__main__":
    main()
