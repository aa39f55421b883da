"""`manage.py generate_articles --count N`: an archive of made-up published stories.

For load tests and benchmarks, never part of `make run` (the demo app's: run it with
DEMO=true). Stories are written in batches by `--jobs` worker processes. Each batch is
inserted set-based (PostgreSQL: one COPY per table; elsewhere one INSERT per table) in
one transaction with its search index entries, which `articles.search_index.refresh`
writes, the same function every save calls. On PostgreSQL the bodies' search vectors are
worked out in Python, and a large run drops most indexes first (the search document's GIN
index among them) and builds them once at the end, which is much cheaper than growing
them a row at a time (demo/bulk_writes.py).
"""

import multiprocessing
import os
import sys
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles import search_index
from articles.models import Article, Authorship, Correction, Photo, TaggedArticle
from articles.text import WORDS_PER_MINUTE
from authors.models import Author
from demo import bulk_writes
from demo.story_generator import TOPICS, StoryWriter

BATCH = 2000
REBUILD_INDEX_FROM = 50_000  # stories; below this the indexes are grown as usual


class Command(BaseCommand):
    help = "Generate N realistic published stories (for benchmarks; never in production)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many stories.")
        parser.add_argument(
            "--per-day",
            type=int,
            default=100,
            help="Stories a day: the archive reaches back count / per-day days (default 100).",
        )
        parser.add_argument("--authors", type=int, default=0, help="Authors (default: scaled).")
        parser.add_argument("--seed", type=int, default=0, help="The same seed, the same text.")
        parser.add_argument(
            "--jobs",
            type=int,
            # Each worker alternates between its own Python and its database connection:
            # one more than the cores keeps them all busy (3 on 2 cores: 2,050 stories a
            # second against 1,480 with 2 and 1,800 with 4).
            default=(os.cpu_count() or 1) + 1,
            help="Worker processes (default: the cores and one more; 1 runs inline).",
        )
        parser.add_argument(
            "--pictures",
            type=float,
            default=0.0,
            help="The share of stories with a lead picture, 0 to 1 (default 0). A few real "
            "pictures and their renditions are made once, through the storage, and shared.",
        )

    def handle(self, *args, count, per_day, authors, seed, jobs, pictures, **options):
        if count < 1 or per_day < 1 or jobs < 1:
            raise CommandError("--count, --per-day and --jobs must be at least 1.")
        if not 0 <= pictures <= 1:
            raise CommandError("--pictures is a share of the stories, from 0 to 1.")
        started = time.monotonic()
        plan = Plan(
            count=count,
            now=timezone.now(),
            span=timedelta(days=count / per_day),
            first_number=(Article.objects.aggregate(top=Max("pk"))["top"] or 0) + 1,
            seed=seed,
            tag_ids=[tag.pk for tag in _tags()],
            author_ids=_authors(StoryWriter(seed), authors or max(12, min(200, count // 5000))),
            pictures=_pictures() if pictures else [],
            picture_share=pictures,
            lexemes=bulk_writes.lexemes() if connection.vendor == "postgresql" else None,
        )
        batches = [(start, min(BATCH, count - start)) for start in range(0, count, BATCH)]
        rebuild = connection.vendor == "postgresql" and count >= REBUILD_INDEX_FROM
        dropped = bulk_writes.drop_secondary_indexes() if rebuild else []
        progress = Progress(self.stdout, count)
        try:
            if jobs == 1:
                for batch in batches:
                    progress.update(progress.count + plan.write(batch))
            else:
                connections.close_all()  # each worker opens its own connection
                context = multiprocessing.get_context("fork")
                with context.Pool(jobs) as pool:
                    for written in pool.imap_unordered(plan.write, batches):
                        progress.update(progress.count + written)
        finally:
            if dropped:
                self.stdout.write(f"Building {len(dropped)} indexes again…")
                bulk_writes.build_indexes(dropped)
        with connection.cursor() as cursor:
            # Fresh statistics, so the planner sees the new archive; on PostgreSQL the
            # visibility map too, so list pages can read their indexes alone.
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM (ANALYZE)" if vacuum else "ANALYZE")
        progress.done()
        self.stdout.write(
            f"Generated {count:,} stories in {time.monotonic() - started:.0f} s "
            f"({len(plan.author_ids)} authors, {len(plan.tag_ids)} tags)."
        )


class Plan:
    """What every batch needs to write its stories; sent to the worker processes."""

    def __init__(
        self, *, count, now, span, first_number, seed, tag_ids, author_ids, pictures=(),
        picture_share=0.0, lexemes=None,
    ):  # fmt: skip
        self.count, self.now, self.span = count, now, span
        self.first_number, self.seed = first_number, seed
        self.tag_ids, self.author_ids = tag_ids, author_ids
        self.pictures, self.picture_share = pictures, picture_share
        self.lexemes = lexemes  # PostgreSQL: see BodyVectors

    def write(self, batch):
        start, size = batch
        # Seeded by the batch, so the archive is the same whatever the number of workers.
        writer = StoryWriter(self.seed * 1_000_003 + start)
        stories = [
            writer.story(
                number=self.first_number + start + i,
                # Newest first, evenly spread with a little jitter, never in the future.
                published_at=self.now
                - self.span * ((start + i + writer.random.random()) / self.count)
                - timedelta(seconds=1),
            )
            for i in range(size)
        ]
        vectors = None
        if self.lexemes is not None:
            bodies = bulk_writes.BodyVectors(self.lexemes)
            vectors = [bodies.vector(story.body) for story in stories]
        bulk_writes.commit_without_waiting()
        with transaction.atomic():
            ids = _insert(stories, self, writer)
            search_index.refresh(ids, body_vectors=vectors)
        return size


def _tags():
    tags = []
    for name, _ in TOPICS:
        tag = Tag.objects.filter(name__iexact=name).first()
        tags.append(tag or Tag.objects.create(name=name, slug=slugify(name)))
    return tags


def _authors(writer, count):
    names = writer.author_names(count)
    slugs = [slugify(name) for name in names]
    existing = set(Author.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    Author.objects.bulk_create(
        Author(name=name, slug=slug, role="Reporter", short_bio=f"{name} reports for the paper.")
        for name, slug in zip(names, slugs, strict=True)
        if slug not in existing
    )
    return list(Author.objects.filter(slug__in=slugs).order_by("pk").values_list("pk", flat=True))


PICTURE_COLOURS = [((24, 60, 110), (200, 170, 120)), ((40, 90, 60), (230, 220, 190)),
                   ((120, 40, 40), (250, 200, 150)), ((60, 60, 70), (180, 200, 220))]  # fmt: skip


def _pictures():
    """A few real lead pictures (a sky-to-ground gradient each), stored with renditions
    through the storage as an upload would be; stories share them."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image

    from imaging.renditions import make_renditions

    pictures = []
    for number, (top, bottom) in enumerate(PICTURE_COLOURS):
        image = Image.linear_gradient("L").resize((1920, 1280))
        image = Image.merge("RGB", [
            image.point(lambda v, a=a, b=b: a + (b - a) * v // 255)
            for a, b in zip(top, bottom, strict=True)
        ])  # fmt: skip
        content = ContentFile(b"", name="x.jpg")
        image.save(content, format="JPEG", quality=85)
        name = default_storage.save(f"lead/generated/picture-{number}.jpg", content)
        renditions = make_renditions(image, name=name, storage=default_storage)
        # One library photo each: a photo's words are its own, wherever it leads a story.
        photo = Photo.objects.create(
            image=name,
            width=1920,
            height=1280,
            renditions=renditions,
            alt_text="Evening light over the town, from the harbour wall.",
            credit="Newsroom staff",
        )
        pictures.append({"photo_id": photo.pk})
    return pictures


def _picture_fields(plan, writer):
    if not plan.pictures or writer.random.random() >= plan.picture_share:
        return {}
    picture = writer.random.choice(plan.pictures)
    return {"lead_photo_id": picture["photo_id"]}


def _insert(stories, plan, writer):
    articles = [
        Article(
            title=story.title,
            slug=story.slug,
            standfirst=story.standfirst,
            body=story.body,
            body_html=story.body_html,
            reading_minutes=max(1, -(-story.word_count // WORDS_PER_MINUTE)),
            status=Article.Status.PUBLISHED,
            published_at=story.published_at,
            updated_at=story.updated_at,
            primary_tag_id=plan.tag_ids[story.topic_indexes[0]],
            created_at=plan.now,
            modified_at=plan.now,
            **_picture_fields(plan, writer),
        )
        for story in stories
    ]
    bulk_writes.insert_rows(Article, articles)
    bylines, tagged, corrections = [], [], []
    for article, story in zip(articles, stories, strict=True):
        authors = writer.random.sample(plan.author_ids, story.author_count)
        bylines.extend(
            Authorship(
                article_id=article.pk,
                author_id=author,
                position=position,
                published_at=article.published_at,
            )
            for position, author in enumerate(authors)
        )
        tagged.extend(
            TaggedArticle(content_object_id=article.pk, tag_id=plan.tag_ids[index])
            for index in story.topic_indexes
        )
        if story.correction:
            corrections.append(
                Correction(
                    article_id=article.pk,
                    text=story.correction,
                    corrected_at=story.updated_at or story.published_at + timedelta(hours=2),
                )
            )
    for model, rows in ((Authorship, bylines), (TaggedArticle, tagged), (Correction, corrections)):
        bulk_writes.insert_rows(model, rows)
    return [article.pk for article in articles]


class Progress:
    """A one-line progress bar that redraws itself: done, rate and time left."""

    WIDTH = 30

    def __init__(self, out, total):
        self.out, self.total, self.count = out, total, 0
        self.started = time.monotonic()
        self.interactive = getattr(sys.stdout, "isatty", lambda: False)()
        self.last_line = -10.0

    def update(self, done):
        self.count = done
        elapsed = time.monotonic() - self.started
        if not self.interactive and elapsed - self.last_line < 10 and done < self.total:
            return  # a log gets a line every ten seconds, not a redraw per batch
        self.last_line = elapsed
        rate = done / elapsed if elapsed else 0
        left = (self.total - done) / rate if rate else 0
        filled = int(self.WIDTH * done / self.total)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = (
            f"[{bar}] {100 * done / self.total:5.1f}% {done:,}/{self.total:,} stories, "
            f"{rate:,.0f}/s, {left:,.0f} s left"
        )
        self.out.write(f"\r{line}" if self.interactive else line, ending="")
        if not self.interactive:
            self.out.write("")
        self.out.flush()

    def done(self):
        if self.interactive:
            self.out.write("")
