"""Overview and period report: the figures from a data folder, the pure figures at 10,000 participants, and
rendering the report. Usage: python benchmarks/bench_outcomes.py [--participants N]"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import large_folder, machine, summary, use_file_keyring

TODAY = date(2026, 11, 23)


def _timed(fn, n: int) -> dict[str, float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return summary(samples)


def synthetic(participants: int, visits: int):
    """10,000 participants and 100,000 visits in memory: the domain's share of the time, without storage."""
    from fieldapp.domain.outcomes.inputs import AssignmentFacts, JobFacts, OutcomeInputs, ParticipantFacts, VisitFacts

    rng = random.Random(17)
    people, jobs, assignments = [], [], []
    for i in range(participants):
        referred = TODAY - timedelta(days=rng.randint(30, 1500))
        people.append(ParticipantFacts(f"p{i}", referred))
        assignments.append(AssignmentFacts(f"p{i}", f"s{i % 40}", referred))
        if rng.random() < 0.3:
            assignments.append(AssignmentFacts(f"p{i}", f"s{(i + 1) % 40}", referred + timedelta(days=rng.randint(1, 300))))
        if rng.random() < 0.75:
            start = referred + timedelta(days=rng.randint(10, 200))
            end = start + timedelta(days=rng.randint(30, 600)) if rng.random() < 0.4 else None
            jobs.append(JobFacts(f"p{i}", start, end, rng.choice([10.0, 18.75, 30.0, 37.5]), rng.random() < 0.9,
                                 f"e{rng.randint(0, 3000)}", f"jobb {rng.randint(0, 200)}"))
    visit_rows = [VisitFacts(f"p{rng.randrange(participants)}", TODAY - timedelta(days=rng.randint(0, 700)),
                             rng.random() < 0.7) for _ in range(visits)]
    return OutcomeInputs(participants=people, jobs=jobs, visits=visit_rows, assignments=assignments,
                         specialists={f"s{k}": f"Spesialist {k}" for k in range(40)})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=2000)
    args = parser.parse_args()
    use_file_keyring()
    from fieldapp.domain.outcomes.inputs import Period
    from fieldapp.domain.outcomes.summary import summarize
    from fieldapp.services import outcomes, reports
    from fieldapp.services.workspace import open_workspace
    from tests.support.team_data import share_out

    year = Period(date(TODAY.year, 1, 1), TODAY)
    results: dict[str, object] = {"machine": machine(), "date": date.today().isoformat()}
    data = synthetic(10_000, 100_000)
    results["pure figures, 10,000 participants / 100,000 visits in memory (team + one specialist)"] = _timed(
        lambda: (summarize(data, year, today=TODAY), summarize(data, year, specialist_id="s3", today=TODAY)), 5)

    folder = large_folder(args.participants)
    with open_workspace(folder) as ws:
        if not outcomes.load_inputs(ws, today=TODAY).specialists:
            share_out(ws, today=TODAY, names=tuple(f"Jobbspesialist {k}" for k in range(max(3, args.participants // 20))))
        n = f"{args.participants} participants"
        results[f"overview opened: read the facts + team and one specialist's figures ({n})"] = _timed(
            lambda: (lambda inputs: (outcomes.overview(ws, year, inputs=inputs, today=TODAY),
                                     outcomes.overview(ws, year, inputs=inputs, specialist_id=next(iter(inputs.specialists)),
                                                       today=TODAY)))(outcomes.load_inputs(ws, today=TODAY)), 5)
        inputs = outcomes.load_inputs(ws, today=TODAY)
        results[f"switch specialist or period (facts already read) ({n})"] = _timed(
            lambda: outcomes.overview(ws, year, inputs=inputs, specialist_id=next(iter(inputs.specialists)), today=TODAY), 5)
        report = reports.period_report(ws, year, today=TODAY)
        results[f"report: figures from the folder ({n})"] = _timed(lambda: reports.period_report(ws, year, today=TODAY), 3)
        results["report: render PDF with charts"] = _timed(lambda: reports.render(report, ".pdf", made_on=TODAY), 5)
        results["report: render .xlsx"] = _timed(lambda: reports.render(report, ".xlsx", made_on=TODAY), 5)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
