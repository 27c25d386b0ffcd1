"""Runs every benchmark in turn and prints its figures (`make bench`)."""

import importlib
import sys

BENCHMARKS = ["bench.pages", "bench.images"]


def main(names: list[str]) -> None:
    for name in names or BENCHMARKS:
        module = importlib.import_module(name)
        print(f"== {name}")
        module.main()


if __name__ == "__main__":
    main(sys.argv[1:])
