import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test stores its files in a media folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
