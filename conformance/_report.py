"""Recording outcomes, judging them against expected_failures.txt, and printing the table.

Outcomes of one test: ``pass``, ``fail`` (assertion or error), ``skip``. Judged against the
expected-failure list they become: passed, failed (a new failure), xfail (listed and failed),
xpass (listed but passed: the list is stale, which fails the run like a new failure does).
"""

import faulthandler
import sys
import time
import unittest


def short_id(test):
    """The id used in reports and in expected_failures.txt: ``Class_variant.test_method``,
    or the doctest's own id (``README.rst::Section``)."""
    method = getattr(test, "_testMethodName", None)
    if method is None or method == "run_doctest":
        return test.id()
    return f"{type(test).__name__}.{method}"


def group_of(test_id):
    """The table row a test belongs to: its class, or the file of a doctest."""
    if "::" in test_id:
        return test_id.split("::", 1)[0]
    return test_id.rsplit(".", 1)[0]


def parse_expected_failures(text):
    """Parse the list: one test id per line, ``#`` starts a reason or comment.

    Returns ``{test_id: reason}``. A listed id without a reason is an error: every entry must
    say why it cannot apply.
    """
    expected = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        test_id, _, reason = line.partition("#")
        test_id, reason = test_id.strip(), reason.strip()
        if not reason:
            raise ValueError(f"line {lineno}: {test_id} has no `# reason`")
        if test_id in expected:
            raise ValueError(f"line {lineno}: {test_id} is listed twice")
        expected[test_id] = reason
    return expected


class RecordingResult(unittest.TestResult):
    """A TestResult that keeps one outcome per test id, with the failure text.

    A per-test watchdog (faulthandler) ends the process with every thread's traceback if a test
    runs longer than ``timeout`` seconds: a hung engine must not hang the gate.
    """

    def __init__(self, timeout=None, verbose=False, stream=None):
        super().__init__()
        self.buffer = not verbose
        self.outcomes = {}
        self.details = {}
        self.timeout = timeout
        self.verbose = verbose
        self.stream = stream or sys.stderr
        self._started = 0.0

    def startTest(self, test):
        if self.timeout:
            # The real stderr: while a test runs, sys.stderr is the output buffer, which has no
            # file descriptor for faulthandler to write to.
            faulthandler.dump_traceback_later(self.timeout, exit=True, file=sys.__stderr__)
        if self.verbose:
            print(f"{short_id(test)} ...", end=" ", file=self.stream, flush=True)
        self._started = time.monotonic()
        super().startTest(test)

    def stopTest(self, test):
        super().stopTest(test)
        if self.timeout:
            faulthandler.cancel_dump_traceback_later()
        if self.verbose:
            outcome = self.outcomes.get(short_id(test), "?")
            elapsed = time.monotonic() - self._started
            print(f"{outcome} ({elapsed:.2f}s)", file=self.stream, flush=True)

    def _record(self, test, outcome, detail=None):
        test_id = short_id(test)
        # A test that passed its body but failed in tearDown is recorded twice; failure wins.
        if self.outcomes.get(test_id) == "fail" and outcome == "pass":
            return
        self.outcomes[test_id] = outcome
        if detail is not None:
            self.details[test_id] = detail

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "pass")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "fail", self.failures[-1][1])

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "fail", self.errors[-1][1])

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skip", reason)

    def addExpectedFailure(self, test, err):
        # unittest.expectedFailure inside upstream's suite: upstream's verdict, not ours.
        super().addExpectedFailure(test, err)
        self._record(test, "pass")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "fail", "unexpected success of an upstream @expectedFailure test")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._record(test, "fail", self._exc_info_to_string(err, test))


def judge(outcomes, expected):
    """Classify each outcome against the list: ``{test_id: verdict}``.

    Verdicts: ``passed``, ``failed``, ``xfail``, ``xpass``, ``skipped``, ``xskip`` (listed but
    skipped: also a stale entry).
    """
    verdicts = {}
    for test_id, outcome in outcomes.items():
        listed = test_id in expected
        if outcome == "pass":
            verdicts[test_id] = "xpass" if listed else "passed"
        elif outcome == "fail":
            verdicts[test_id] = "xfail" if listed else "failed"
        else:
            verdicts[test_id] = "xskip" if listed else "skipped"
    return verdicts


COLUMNS = ("passed", "failed", "xfail", "xpass", "skipped")


def summarize(verdicts, order):
    """Count verdicts per group in first-seen order: ``[(group, {verdict: n})]``."""
    rows = {}
    for test_id in order:
        if test_id not in verdicts:
            continue
        counts = rows.setdefault(group_of(test_id), dict.fromkeys(COLUMNS + ("xskip",), 0))
        counts[verdicts[test_id]] += 1
    return list(rows.items())


def format_table(rows, marks=None):
    """The per-class table; ``marks`` maps a group to a one-character note."""
    marks = marks or {}
    width = max([len("test class")] + [len(group) + 2 for group, _ in rows])
    header = f"{'test class':<{width}} " + " ".join(f"{c:>7}" for c in COLUMNS)
    lines = [header, "-" * len(header)]
    totals = dict.fromkeys(COLUMNS, 0)
    for group, counts in rows:
        label = group + (f" {marks[group]}" if group in marks else "")
        # A listed test that was skipped counts as stale, like an unexpected pass.
        cells = dict(counts)
        cells["xpass"] += cells.get("xskip", 0)
        for column in COLUMNS:
            totals[column] += cells[column]
        lines.append(f"{label:<{width}} " + " ".join(f"{cells[c]:>7}" for c in COLUMNS))
    lines.append("-" * len(header))
    lines.append(f"{'total':<{width}} " + " ".join(f"{totals[c]:>7}" for c in COLUMNS))
    return "\n".join(lines), totals
