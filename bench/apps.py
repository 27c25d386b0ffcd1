from django.apps import AppConfig


class BenchConfig(AppConfig):
    """`make bench`'s own app: the seed_bench command and the floor views. Never installed in production."""

    name = "bench"
    verbose_name = "Benchmarks"
