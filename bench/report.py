"""
The benchmark's table: every measured row with its ratio to the floor it is
judged against, and the issue's targets as pass or fail, as Markdown.
"""

import dataclasses
import datetime
import os
import platform
from pathlib import Path

from .load import Result

TEMPLATE_FLOOR = "template floor"
HANDLER_FLOOR = "handler floor"
STATIC_LIMIT = "static limit"

# The targets. Ratios are throughput against the row's floor.
RATIO_TARGETS = {
    "article, uncached": (TEMPLATE_FLOOR, 0.5),
    "article, cached": (HANDLER_FLOOR, 0.7),
    "article, nginx microcache": (STATIC_LIMIT, 0.5),
}
P99_TARGET_MS = 100  # for cached pages at the highest concurrency
SCALE_TARGET = 0.8  # growing the archive tenfold may cost under 20% throughput


@dataclasses.dataclass
class Row:
    database: str
    page: str
    concurrency: int
    result: Result
    floor: str = ""  # the floor row this one is judged against, by page name
    cached: bool = False
    note: str = ""


@dataclasses.dataclass
class ScaleRow:
    database: str
    page: str
    concurrency: int
    small: Result
    large: Result


@dataclasses.dataclass
class Report:
    settings: dict
    rows: list[Row] = dataclasses.field(default_factory=list)
    scale: list[ScaleRow] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)

    def find(self, database: str, page: str, concurrency: int) -> Result | None:
        for row in self.rows:
            if (row.database, row.page, row.concurrency) == (database, page, concurrency):
                return row.result
        return None

    def ratio(self, row: Row) -> float | None:
        floor = self.find(row.database, row.floor, row.concurrency) if row.floor else None
        if floor is None or floor.note or row.result.note or not floor.rps:
            return None
        return row.result.rps / floor.rps

    def targets(self, row: Row, top_concurrency: int) -> list[str]:
        """The targets this row answers, each with pass or fail."""
        verdicts = []
        ratio = self.ratio(row)
        if row.page in RATIO_TARGETS and ratio is not None:
            floor, least = RATIO_TARGETS[row.page]
            verdicts.append(f"≥ {least}× {floor}: {'pass' if ratio >= least else 'FAIL'}")
        if row.cached and row.concurrency == top_concurrency and not row.result.note:
            verdicts.append(f"p99 < {P99_TARGET_MS} ms: {'pass' if row.result.p99 < P99_TARGET_MS else 'FAIL'}")
        return verdicts

    def markdown(self) -> str:
        top = max((row.concurrency for row in self.rows), default=0)
        lines = [
            "# Newsroom benchmark",
            "",
            f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {machine()}.",
            "",
            *(f"- {name}: {value}" for name, value in self.settings.items()),
            "",
            "| database | page | c | req/s | p50 ms | p99 ms | errors | floor | × floor | targets | notes |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |",
        ]
        for row in self.rows:
            result, ratio = row.result, self.ratio(row)
            figures = (
                [result.note, "", "", ""]
                if result.note
                else [f"{result.rps:.0f}", f"{result.p50:.1f}", f"{result.p99:.1f}", str(result.errors)]
            )
            cells = [
                row.database,
                row.page,
                str(row.concurrency),
                *figures,
                row.floor,
                f"{ratio:.2f}" if ratio is not None else "",
                "; ".join(self.targets(row, top)),
                row.note,
            ]
            lines.append("| " + " | ".join(cells) + " |")
        if self.scale:
            lines += [
                "",
                "## Scale: the same pages, uncached, on a small and a large archive",
                "",
                "| database | page | c | req/s small | req/s large | large / small | target |",
                "| --- | --- | ---: | ---: | ---: | ---: | --- |",
            ]
            for row in self.scale:
                if row.small.note or row.large.note or not row.small.rps:
                    lines.append(f"| {row.database} | {row.page} | {row.concurrency} | n/a | n/a | | |")
                    continue
                change = row.large.rps / row.small.rps
                verdict = f"≥ {SCALE_TARGET}: {'pass' if change >= SCALE_TARGET else 'FAIL'}"
                lines.append(
                    f"| {row.database} | {row.page} | {row.concurrency} | {row.small.rps:.0f} | {row.large.rps:.0f}"
                    f" | {change:.2f} | {verdict} |"
                )
        if self.notes:
            lines += ["", "## Notes", "", *(f"- {note}" for note in self.notes)]
        return "\n".join(lines) + "\n"

    def write(self, path: Path) -> str:
        text = self.markdown()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return text


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}"
