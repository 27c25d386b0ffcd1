"""What the soak prints: answers by kind and status, and the workers' memory over the run."""

import collections
import dataclasses
import datetime
from pathlib import Path

from bench.report import machine


def rss_of_workers(master: int) -> dict[int, int]:
    """Resident memory in kB of each gunicorn worker (the master's children), read from /proc."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = {}
    for pid in map(int, children):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue  # a worker that just exited
        sizes[pid] = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return sizes


@dataclasses.dataclass
class Report:
    settings: dict
    growth_limit: float
    counts: collections.Counter = dataclasses.field(
        default_factory=collections.Counter
    )  # (kind, status) -> answers; status 0: no answer
    approved: int = 0
    reasons: dict = dataclasses.field(default_factory=dict)  # (kind, status) -> what the first refusal said
    seconds: float = 0.0
    samples: list = dataclasses.field(default_factory=list)  # {pid: kB} every quarter minute
    server_log: str = ""

    def sample(self, sizes: dict[int, int]) -> None:
        self.samples.append(sizes)

    @property
    def requests(self) -> int:
        return sum(self.counts.values())

    @property
    def server_errors(self) -> int:
        """5xx answers, and requests that got no answer at all."""
        return sum(n for (_, status), n in self.counts.items() if status >= 500 or status == 0)

    @property
    def same_workers(self) -> bool:
        return len(self.samples) >= 2 and set(self.samples[0]) == set(self.samples[-1])

    @property
    def growth(self) -> float | None:
        if not self.same_workers:
            return None
        start, end = sum(self.samples[0].values()), sum(self.samples[-1].values())
        return (end - start) / start

    @property
    def passed(self) -> bool:
        growth = self.growth
        return self.requests > 0 and self.server_errors == 0 and growth is not None and growth <= self.growth_limit

    def markdown(self) -> str:
        start, end = (self.samples[0], self.samples[-1]) if self.samples else ({}, {})
        peak = max((sum(sample.values()) for sample in self.samples), default=0)
        growth = self.growth
        lines = [
            "# Newsroom soak",
            "",
            f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {machine()}.",
            "",
            *(f"- {name}: {value}" for name, value in self.settings.items()),
            f"- requests: {self.requests:,} in {self.seconds / 60:g} minutes "
            f"({self.requests / self.seconds if self.seconds else 0:.0f}/s); comments approved: {self.approved:,}",
            "",
            "| kind | status | answers |",
            "| --- | ---: | ---: |",
            *(f"| {kind} | {status or 'no answer'} | {n:,} |" for (kind, status), n in sorted(self.counts.items())),
            "",
            "| worker | RSS after warming up | RSS at end |",
            "| --- | ---: | ---: |",
            *(
                f"| {pid} | {start.get(pid, 0) / 1024:.1f} MB | {end[pid] / 1024:.1f} MB |"
                if pid in end
                else f"| {pid} | {start[pid] / 1024:.1f} MB | (gone) |"
                for pid in sorted(set(start) | set(end))
            ),
            f"| all workers | {sum(start.values()) / 1024:.1f} MB | {sum(end.values()) / 1024:.1f} MB |",
            "",
            "All workers every quarter minute from the warm-up's end, MB: "
            + ", ".join(f"{sum(sample.values()) / 1024:.0f}" for sample in self.samples)
            + ".",
            "",
            f"Peak of the quarter-minute samples: {peak / 1024:.1f} MB. "
            + (
                f"Growth from start to end: {growth:+.1%} (limit {self.growth_limit:.0%})."
                if growth is not None
                else "Workers changed during the run: growth not comparable."
            ),
            "",
            f"5xx or unanswered: {self.server_errors}. Verdict: {'PASS' if self.passed else 'FAIL'}.",
        ]
        if self.reasons:
            lines += ["", "The first refusal of each kind said:", ""]
            lines += [f"- {kind}, {status}: {reason}" for (kind, status), reason in sorted(self.reasons.items())]
        errors = [line for line in self.server_log.splitlines() if "Traceback" in line or "ERROR" in line]
        if errors:
            lines += ["", f"The server logged {len(errors)} error lines; the first: `{errors[0][:200]}`"]
        return "\n".join(lines) + "\n"
