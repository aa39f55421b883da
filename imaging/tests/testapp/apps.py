from django.apps import AppConfig


class ImagingTestAppConfig(AppConfig):
    name = "imaging.tests.testapp"
    label = "imaging_testapp"
    verbose_name = "Images (tests only)"
