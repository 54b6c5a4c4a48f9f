#!/usr/bin/env python3
"""The lupa conformance runner: lupa 2.8's own README doctests and unittest suite, run against
rupa (``--impl rupa``, the default) or against the real lupa (``--impl lupa``, which proves the
runner). See conformance/README.md.

Exit status: 0 when every test passed or failed as listed in expected_failures.txt; 1 on a new
failure or on an unexpected pass (or skip) of a listed test; 2 when the run could not start.
"""

import argparse
import faulthandler
import gc
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import _report  # noqa: E402  (imported after sys.path is set, for `python -m` and direct runs)
import _sdist  # noqa: E402
import _suites  # noqa: E402
import _target  # noqa: E402

DEFAULT_EXPECTED = HERE / "expected_failures.txt"


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="run.py", description="Run lupa 2.8's doctests and unittest suite against rupa."
    )
    parser.add_argument(
        "--impl",
        choices=("rupa", "lupa"),
        default="rupa",
        help="rupa: rupa.install_as_lupa() (default); lupa: the real lupa 2.8 installed here",
    )
    parser.add_argument(
        "--lupa-backend",
        default="lua54",
        metavar="MODULE",
        help="with --impl lupa: the lupa.<MODULE> that `lupa` is pinned to (default: lua54)",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="where the sdist is cached (default: $RUPA_CONFORMANCE_CACHE or "
        "~/.cache/rupa-conformance)",
    )
    parser.add_argument("--sdist", type=Path, help="use this lupa-2.8.tar.gz (still sha-checked)")
    parser.add_argument("--index", default=_sdist.DEFAULT_INDEX, help="PyPI simple index URL")
    parser.add_argument("--expected-failures", type=Path, default=DEFAULT_EXPECTED)
    parser.add_argument(
        "-k",
        dest="filters",
        action="append",
        default=[],
        metavar="SUBSTRING",
        help="only run tests whose id contains SUBSTRING (repeatable)",
    )
    parser.add_argument("--list", action="store_true", help="list the test ids and exit")
    parser.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        help="seconds one test may run before the process is ended with tracebacks (0: none)",
    )
    parser.add_argument(
        "--isolate",
        action="store_true",
        help="run each test class in its own process, so a crash fails only that class",
    )
    # Used by --isolate to talk to its children.
    parser.add_argument("--group", help=argparse.SUPPRESS)
    parser.add_argument("--results-json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each test as it runs")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="do not print failure tracebacks"
    )
    return parser.parse_args(argv)


def iter_tests(suite):
    """The leaf tests of a suite, in order."""
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from iter_tests(item)
        else:
            yield item


def select(tests, filters):
    """The tests whose id contains one of ``filters``, plus the README sections before the last
    selected one: README sections share one namespace, so each needs its predecessors."""
    ids = [_report.short_id(test) for test in tests]
    chosen = [any(f in test_id for f in filters) for test_id in ids]
    readme = [i for i, test_id in enumerate(ids) if test_id.startswith("README.rst::")]
    last = max((i for i in readme if chosen[i]), default=None)
    if last is not None:
        for i in readme:
            chosen[i] = chosen[i] or i <= last
    return [test for test, keep in zip(tests, chosen) if keep]


def build(stage_root, lupa_module, test_module):
    """The whole suite, in upstream's order: module doctests, unittest classes, README."""
    suite = unittest.TestSuite()
    suite.addTests(
        _suites.pyx_docstring_suite(stage_root / "lupa" / "_lupa.pyx", vars(lupa_module))
    )
    suite.addTests(_suites.unittest_suite(test_module, lupa_module))
    suite.addTests(_suites.readme_suite(stage_root / "README.rst"))
    return suite


def run_inline(tests, args):
    """Run the tests in this process: ``(outcomes, details)``."""
    result = _report.RecordingResult(timeout=args.timeout or None, verbose=args.verbose)
    stdout, stderr = sys.stdout, sys.stderr
    try:
        unittest.TestSuite(tests).run(result)
    finally:
        # If the runner itself broke mid-test, the output buffers must not swallow the report.
        sys.stdout, sys.stderr = stdout, stderr
    gc.collect()
    return result.outcomes, result.details


def run_isolated(tests, args, cache_dir):
    """Run each group (test class, README, docstrings) in a child process: ``(outcomes,
    details)``. A child that dies (crash, abort, watchdog) fails every test of its group that it
    did not report, with the end of its stderr as the detail, and the other groups still run."""
    groups = []
    for test in tests:
        group = _report.group_of(_report.short_id(test))
        if group not in groups:
            groups.append(group)
    outcomes, details = {}, {}
    with tempfile.TemporaryDirectory(prefix="rupa-conformance-") as tmp:
        for n, group in enumerate(groups):
            out = Path(tmp) / f"group{n}.json"
            command = [
                sys.executable,
                str(Path(__file__).resolve()),
                "--impl", args.impl,
                "--lupa-backend", args.lupa_backend,
                "--cache-dir", str(cache_dir),
                "--index", args.index,
                "--expected-failures", str(args.expected_failures),
                "--timeout", str(args.timeout),
                "--group", group,
                "--results-json", str(out),
                "-q",
            ]
            if args.sdist:
                command += ["--sdist", str(args.sdist)]
            for substring in args.filters:
                command += ["-k", substring]
            if args.verbose:
                print(f"[{n + 1}/{len(groups)}] {group}", file=sys.stderr, flush=True)
            child = subprocess.run(command, capture_output=True, text=True)
            if out.is_file():
                report = json.loads(out.read_text(encoding="utf-8"))
                outcomes.update(report["outcomes"])
                details.update(report["details"])
            else:
                tail = "\n".join(child.stderr.rstrip().splitlines()[-40:])
                died = f"the child process running {group} died (exit status {child.returncode})"
                for test in tests:
                    test_id = _report.short_id(test)
                    if _report.group_of(test_id) == group and test_id not in outcomes:
                        outcomes[test_id] = "fail"
                        details[test_id] = f"{died}:\n{tail}"
    return outcomes, details


def report(tests, outcomes, details, expected, args):
    """Print failures, the table and the closing line; return the exit status."""
    order = [_report.short_id(test) for test in tests]
    for test_id in order:
        # A test that never reported (its class setup failed, say) must not pass silently.
        if test_id not in outcomes:
            outcomes[test_id] = "fail"
            details.setdefault(test_id, "no result was recorded for this test")
    verdicts = _report.judge(outcomes, expected)
    if not args.quiet:
        for test_id in order:
            verdict = verdicts.get(test_id)
            if verdict == "failed":
                print(f"\n===== FAILED {test_id}\n{details.get(test_id, '').rstrip()}")
            elif verdict in ("xpass", "xskip"):
                print(
                    f"\n===== UNEXPECTED {'PASS' if verdict == 'xpass' else 'SKIP'} {test_id}: "
                    f"listed in {args.expected_failures.name} ({expected[test_id]})"
                )
    marks = {
        _report.group_of(_report.short_id(test)): "+"
        for test in tests
        if not isinstance(test, _suites.DocTestSection)
        and not _suites.upstream_collects(type(test).__name__)
    }
    table, totals = _report.format_table(_report.summarize(verdicts, order), marks)
    print()
    print(table)
    if marks:
        print("+ not collected by upstream's load_tests (name lacks the Test prefix); run here too")
    examples = sum(t.example_count() for t in tests if isinstance(t, _suites.DocTestSection))
    stale = totals["xpass"]
    applicable = totals["passed"] + totals["failed"]
    rate = 100.0 * totals["passed"] / applicable if applicable else 100.0
    print(
        f"\n{totals['xfail']} expected failures, {stale} unexpected passes or skips of listed "
        f"tests, {totals['skipped']} skipped by upstream's conditions; "
        f"{rate:.1f}% of {applicable} applicable tests passed; {examples} doctest examples"
    )
    print(f"{totals['passed']} passed, {totals['failed']} failed")
    return 1 if totals["failed"] or stale else 0


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # An engine crash (abort, segfault) then leaves the Python traceback of where it happened.
    faulthandler.enable(file=sys.__stderr__)
    cache_dir = args.cache_dir or _sdist.default_cache_dir()
    try:
        expected = _report.parse_expected_failures(
            args.expected_failures.read_text(encoding="utf-8")
        )
    except (OSError, ValueError) as exc:
        print(f"conformance: {args.expected_failures}: {exc}", file=sys.stderr)
        return 2
    try:
        sdist = _sdist.fetch_sdist(cache_dir, index=args.index, sdist=args.sdist)
        stage_root = _sdist.extract(sdist, cache_dir)
    except _sdist.SdistError as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return 2
    try:
        lupa_module, test_module, description = _target.install(
            args.impl, stage_root, args.lupa_backend
        )
    except _target.TargetError as exc:
        print(f"conformance: --impl {args.impl}: {exc}", file=sys.stderr)
        return 2

    tests = list(iter_tests(build(stage_root, lupa_module, test_module)))
    unknown = sorted(set(expected) - {_report.short_id(test) for test in tests})
    if unknown:
        print(
            f"conformance: {args.expected_failures} lists tests that do not exist: "
            + ", ".join(unknown),
            file=sys.stderr,
        )
        return 2
    if args.filters:
        tests = select(tests, args.filters)
    if args.group is not None:
        tests = [t for t in tests if _report.group_of(_report.short_id(t)) == args.group]
    if args.list:
        for test in tests:
            print(_report.short_id(test))
        return 0
    # The list says what rupa cannot do; the real lupa must pass everything.
    if args.impl == "lupa":
        expected = {}

    print(f"conformance: lupa {_sdist.LUPA_VERSION} suite against {description}")
    print(f"conformance: {len(tests)} tests from {stage_root}")
    sys.stdout.flush()
    if args.isolate:
        outcomes, details = run_isolated(tests, args, cache_dir)
    else:
        outcomes, details = run_inline(tests, args)
    if args.results_json is not None:
        args.results_json.write_text(
            json.dumps({"outcomes": outcomes, "details": details}), encoding="utf-8"
        )
    return report(tests, outcomes, details, expected, args)


if __name__ == "__main__":
    sys.exit(main())
