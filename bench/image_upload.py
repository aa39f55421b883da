"""Benchmark: a 24-megapixel photo through the upload path (validate, clean, renditions).

Run by hand, not in the test suite:

    .venv/bin/python bench/image_upload.py [--runs 5]

It draws a 6000×4000 JPEG with photo-like noise and GPS EXIF in a temporary folder, then
processes it in a fresh subprocess per run, so each run's peak resident memory
(ru_maxrss) is its own. Python allocations are traced (tracemalloc) in one further run:
tracing slows allocation, so it is kept out of the timed runs. Everything is written
under a temporary folder that is deleted at the end.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (6000, 4000)


def make_photo(path):
    """Smooth colour fields, edges and sensor-like noise: compresses as photos do."""
    from PIL import ExifTags, Image, ImageChops, ImageFilter

    mosaic = Image.merge("RGB", [Image.effect_noise((60, 40), 70) for _ in range(3)])
    base = mosaic.resize(SIZE, Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(8))
    grain = Image.merge("RGB", [Image.effect_noise(SIZE, 14) for _ in range(3)])
    photo = ImageChops.add(base, grain, scale=1.0, offset=-128)
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Bench Photographer"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (51.0, 30.0, 26.0)
    photo.save(path, "JPEG", quality=92, exif=exif)


def peak_rss_mb():
    """ru_maxrss, and the kernel's own high-water mark for this process image (VmHWM).

    ru_maxrss survives exec, so a child can inherit its parent's peak: the parent stays
    small (it draws the photo in a subprocess too) and VmHWM confirms the figure.
    """
    import resource

    hwm = next(
        line.split()[1]
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith("VmHWM:")
    )
    return (
        round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        round(int(hwm) / 1024, 1),
    )


def child(photo, media, trace):
    """One upload, in this fresh process, as the admin makes it: a ModelForm is validated
    (Django's image check, then ours) and saved (clean, store, renditions, credit).
    Prints the figures as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.test_settings",
        DATABASE_URL="sqlite://:memory:",
        MEDIA_ROOT=str(media),
    )
    import django

    django.setup()
    import tracemalloc

    from django.core.files.uploadedfile import TemporaryUploadedFile
    from django.core.management import call_command
    from django.forms import modelform_factory

    from articles.models import Photo
    from imaging import pipeline

    call_command("migrate", verbosity=0)
    times = {}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            begin = time.perf_counter()
            result = function(*args, **kwargs)
            times[name] = round(time.perf_counter() - begin, 3)
            return result

        return wrapper

    # Stage timings inside the save, without changing what runs.
    pipeline.clean_image = timed("save: clean", pipeline.clean_image)
    pipeline.make_renditions = timed("save: renditions", pipeline.make_renditions)
    # A library photo: what every story's lead photo and every placed photo is.
    form_class = modelform_factory(Photo, fields=["image", "alt_text"])
    data = {"alt_text": "Noise"}
    # As Django receives an upload this large: streamed into a temporary file first.
    upload = TemporaryUploadedFile("photo.jpg", "image/jpeg", Path(photo).stat().st_size, None)
    upload.write(Path(photo).read_bytes())
    upload.seek(0)

    rss_before = peak_rss_mb()
    if trace:
        tracemalloc.start()
    start, cpu_start = time.perf_counter(), time.process_time()
    form = form_class(data=data, files={"image": upload})
    assert form.is_valid(), form.errors
    times["validate"] = round(time.perf_counter() - start, 3)
    photo = form.save()
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    rss, hwm = peak_rss_mb()
    renditions = photo.renditions
    figures = {
        "seconds": round(total, 3),
        "cpu_seconds": round(cpu, 3),
        "stages": times,
        "ru_maxrss_mb": rss,
        "vm_hwm_mb": hwm,
        "before_upload_mb": rss_before[0],
        "files": sum(len(items) for key, items in renditions.items() if key != "sha256"),
        "formats": [key for key in renditions if key != "sha256"],
        "original_mb": round(photo.image.size / 1e6, 2),
    }
    if trace:
        figures["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    print(json.dumps(figures))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--make-photo", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.child[2] == "1")
        return
    if args.make_photo:
        make_photo(args.make_photo)
        return
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as tmp:
        photo = Path(tmp) / "photo.jpg"
        subprocess.run([sys.executable, __file__, "--make-photo", str(photo)], check=True)
        print(f"photo: {SIZE[0]}x{SIZE[1]} JPEG, {photo.stat().st_size / 1e6:.1f} MB")

        def run(index, trace):
            media = Path(tmp) / f"media-{index}"
            command = [sys.executable, __file__, "--child", str(photo), str(media), str(int(trace))]
            result = subprocess.run(command, check=True, capture_output=True, text=True)
            return json.loads(result.stdout)

        runs = [run(i, trace=False) for i in range(args.runs)]
        for figures in runs:
            print(json.dumps(figures))
        traced = run("traced", trace=True)
        print("traced:", json.dumps(traced))
        seconds = [r["seconds"] for r in runs]
        cpu = [r["cpu_seconds"] for r in runs]
        print(
            f"wall time: median {statistics.median(seconds):.2f} s, "
            f"min {min(seconds):.2f} s, max {max(seconds):.2f} s over {len(runs)} runs; "
            f"CPU time median {statistics.median(cpu):.2f} s"
        )
        print(
            f"peak RSS: ru_maxrss max {max(r['ru_maxrss_mb'] for r in runs):.0f} MB, "
            f"VmHWM max {max(r['vm_hwm_mb'] for r in runs):.0f} MB "
            f"(before the upload: {runs[0]['before_upload_mb']:.0f} MB)"
        )
        print(f"Python peak (tracemalloc): {traced['tracemalloc_peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
