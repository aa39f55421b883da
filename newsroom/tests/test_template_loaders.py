from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader


def test_templates_are_compiled_once_per_process():
    """Pages are drawn from dozens of small includes: each is read and compiled once,
    then kept (Django's cached loader, which it uses when no `loaders` are set)."""
    (loader,) = engines["django"].engine.template_loaders
    assert isinstance(loader, CachedLoader)
