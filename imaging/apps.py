from django.apps import AppConfig
from django.conf import settings


class ImagingConfig(AppConfig):
    name = "imaging"
    verbose_name = "Images"

    def ready(self):
        from PIL import Image

        # Pillow's own bomb guard matches ours, wherever an image is opened: it warns past
        # the limit and refuses at twice the limit.
        Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
