"""Models that exist only for imaging's tests (installed by newsroom/test_settings.py).

imaging is the bottom layer and knows no model of the apps above it, so its tests hold
images the way those apps do: through CheckedImageField's arguments, on models of their own.
"""
