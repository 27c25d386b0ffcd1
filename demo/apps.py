from django.apps import AppConfig


class DemoConfig(AppConfig):
    # No models and no admin: the app only carries the seed_demo command, so its
    # name is never shown to editors and needs no translation.
    name = "demo"
    verbose_name = "Demo newsroom"
