"""Tests of the conformance runner (conformance/run.py) itself.

Unit tests of its parts, then whole runs in subprocesses: against the real lupa, and through the
`--impl rupa` path with fake `rupa` packages built on real lupa (one faithful, one broken), which
proves the gate: a new failure fails the run, a listed failure does not, a listed pass does.
Written with unittest so that both `python3 -m pytest` and `python3 -m unittest` run it.
"""

import io
import os
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT / "conformance"
sys.path.insert(0, str(CONFORMANCE))

import _report  # noqa: E402
import _sdist  # noqa: E402
import _suites  # noqa: E402
import run  # noqa: E402


class ExpectedFailuresFileTest(unittest.TestCase):
    def test_parses_ids_and_reasons(self):
        text = "# header\n\nA.test_x  # needs a C module\nREADME.rst::Intro # LuaJIT only\n"
        self.assertEqual(
            _report.parse_expected_failures(text),
            {"A.test_x": "needs a C module", "README.rst::Intro": "LuaJIT only"},
        )

    def test_reason_is_required(self):
        with self.assertRaisesRegex(ValueError, "line 1: A.test_x has no"):
            _report.parse_expected_failures("A.test_x\n")

    def test_duplicates_are_rejected(self):
        with self.assertRaisesRegex(ValueError, "listed twice"):
            _report.parse_expected_failures("A.t # r\nA.t # r\n")

    def test_committed_file_parses(self):
        text = (CONFORMANCE / "expected_failures.txt").read_text(encoding="utf-8")
        _report.parse_expected_failures(text)


class JudgeAndTableTest(unittest.TestCase):
    def test_verdicts(self):
        outcomes = {"A.a": "pass", "A.b": "fail", "A.c": "fail", "A.d": "pass", "B.e": "skip"}
        expected = {"A.c": "r", "A.d": "r"}
        self.assertEqual(
            _report.judge(outcomes, expected),
            {"A.a": "passed", "A.b": "failed", "A.c": "xfail", "A.d": "xpass", "B.e": "skipped"},
        )

    def test_table_counts_per_group_in_order(self):
        verdicts = {
            "B.x": "passed",
            "A.y": "failed",
            "B.z": "xfail",
            "README.rst::S": "passed",
            "A.w": "xskip",
        }
        rows = _report.summarize(verdicts, ["B.x", "A.y", "B.z", "README.rst::S", "A.w"])
        self.assertEqual([group for group, _ in rows], ["B", "A", "README.rst"])
        table, totals = _report.format_table(rows)
        self.assertEqual(
            totals, {"passed": 2, "failed": 1, "xfail": 1, "xpass": 1, "skipped": 0}
        )
        self.assertIn("total", table.splitlines()[-1])


class ReadmeSectionsTest(unittest.TestCase):
    def test_split_by_headings(self):
        text = "Title\n=====\n\nintro\n\nUsage\n-----\n  >>> 1\n  1\n\nNot a heading\n\n"
        sections = _suites.readme_sections(text)
        self.assertEqual([(t, start) for t, start, _ in sections], [("Title", 0), ("Usage", 5)])
        self.assertIn(">>> 1", sections[1][2])

    def test_text_before_first_heading_is_kept(self):
        sections = _suites.readme_sections("  >>> 1\n  1\nHead\n----\n")
        self.assertEqual([t for t, _, _ in sections], ["(preamble)", "Head"])

    def test_sections_share_one_namespace(self):
        with tempfile.TemporaryDirectory() as tmp:
            readme = Path(tmp) / "README.rst"
            readme.write_text("A\n-\n  >>> x = 41\n\nB\n-\n  >>> x + 1\n  42\n", encoding="utf-8")
            suite = _suites.readme_suite(readme)
            result = unittest.TestResult()
            suite.run(result)
            self.assertEqual((result.testsRun, result.failures, result.errors), (2, [], []))

    def test_failing_example_fails_its_section(self):
        with tempfile.TemporaryDirectory() as tmp:
            readme = Path(tmp) / "README.rst"
            readme.write_text("A\n-\n  >>> 1 + 1\n  3\n", encoding="utf-8")
            result = unittest.TestResult()
            _suites.readme_suite(readme).run(result)
            self.assertEqual(len(result.failures), 1)
            self.assertIn("README.rst::A", result.failures[0][0].id())


class _FakeDoctest:
    _testMethodName = "run_doctest"

    def __init__(self, test_id):
        self._id = test_id

    def id(self):
        return self._id


class SelectTest(unittest.TestCase):
    def test_readme_section_brings_its_predecessors(self):
        ids = ["T.test_a", "README.rst::A", "README.rst::B", "README.rst::C", "T.test_b"]
        tests = [_FakeDoctest(i) for i in ids]
        chosen = [t.id() for t in run.select(tests, ["::B", "test_b"])]
        self.assertEqual(chosen, ["README.rst::A", "README.rst::B", "T.test_b"])

    def test_no_readme_section_selected(self):
        tests = [_FakeDoctest(i) for i in ["README.rst::A", "T.test_a"]]
        self.assertEqual([t.id() for t in run.select(tests, ["test_a"])], ["T.test_a"])


def _tarball(directory, files):
    path = Path(directory) / "fake.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"lupa-{_sdist.LUPA_VERSION}/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


class SdistTest(unittest.TestCase):
    def test_wrong_digest_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = _tarball(tmp, {"README.rst": b"x"})
            with self.assertRaisesRegex(_sdist.SdistError, "is not the pinned"):
                _sdist.fetch_sdist(tmp, sdist=path)

    def test_extracts_wanted_files_only(self):
        with tempfile.TemporaryDirectory() as tmp:
            files = {name: name.encode() for name in _sdist.WANTED_FILES}
            files["lupa/lua54.pyx"] = b"not wanted"
            path = _tarball(tmp, files)
            digest = _sdist.sha256_of(path)
            self.assertEqual(_sdist.fetch_sdist(tmp, sdist=path, expected_sha256=digest), path)
            root = _sdist.extract(path, Path(tmp) / "cache", expected_sha256=digest)
            self.assertEqual((root / "lupa/tests/test.py").read_bytes(), b"lupa/tests/test.py")
            self.assertFalse((root / "lupa/lua54.pyx").exists())

    def test_missing_member_is_an_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = _tarball(tmp, {"README.rst": b"x"})
            with self.assertRaisesRegex(_sdist.SdistError, "is missing"):
                _sdist.extract(path, tmp, expected_sha256=_sdist.sha256_of(path))


FAKE_RUPA = """
import importlib, sys, types
_engine = importlib.import_module("lupa.lua54")
LuaRuntime = _engine.LuaRuntime
__version__ = "0+fake"

def install_as_lupa():
    shim = types.ModuleType("lupa")
    for name in dir(_engine):
        if not name.startswith("__"):
            setattr(shim, name, getattr(_engine, name))
    shim.__version__ = "2.8"
    {breakage}
    sys.modules["lupa"] = shim
    for alias in ("lua51", "lua52", "lua53", "lua54", "lua55"):
        sys.modules["lupa." + alias] = shim
        setattr(shim, alias, shim)
"""


def _real_lupa_available():
    try:
        import lupa
    except ImportError:
        return False
    return getattr(lupa, "__version__", None) == _sdist.LUPA_VERSION


def _sdist_available():
    try:
        _sdist.fetch_sdist(_sdist.default_cache_dir())
    except _sdist.SdistError:
        return False
    return True


@unittest.skipUnless(_real_lupa_available(), "needs `pip install lupa==2.8`")
class WholeRunTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not _sdist_available():
            raise unittest.SkipTest("lupa 2.8's sdist can neither be found in the cache nor fetched")
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_runner(self, *args, rupa_source=None, expected=None):
        env = dict(os.environ)
        if rupa_source is not None:
            fake = Path(self.tmp.name) / f"fake{abs(hash(rupa_source))}"
            (fake / "rupa").mkdir(parents=True, exist_ok=True)
            (fake / "rupa" / "__init__.py").write_text(rupa_source, encoding="utf-8")
            env["PYTHONPATH"] = os.pathsep.join([str(fake), env.get("PYTHONPATH", "")])
        if expected is not None:
            listing = Path(self.tmp.name) / f"expected{abs(hash(expected))}.txt"
            listing.write_text(expected, encoding="utf-8")
            args += ("--expected-failures", str(listing))
        return subprocess.run(
            [sys.executable, str(CONFORMANCE / "run.py"), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    def assertClosing(self, proc, passed, failed):
        self.assertEqual(proc.stdout.splitlines()[-1], f"{passed} passed, {failed} failed")

    def test_real_lupa_passes_readme(self):
        proc = self.run_runner("--impl", "lupa", "-k", "README.rst::", "-k", "_lupa.pyx")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("pinned to lupa.lua54: Lua 5.4", proc.stdout)
        self.assertClosing(proc, 10, 0)

    def test_rupa_without_install_as_lupa(self):
        proc = self.run_runner("--impl", "rupa", rupa_source="__version__ = '0'\n")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("has no install_as_lupa()", proc.stderr)

    def test_faithful_fake_rupa_passes(self):
        proc = self.run_runner(
            "-k", "TestLuaCoroutines_", "-k", "README.rst::", rupa_source=FAKE_RUPA.format(breakage="")
        )
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("rupa 0+fake", proc.stdout)

    def test_new_failure_fails_the_run(self):
        broken = FAKE_RUPA.format(breakage="shim.lua_type = lambda obj: None")
        proc = self.run_runner("-k", "test_lua_type", rupa_source=broken)
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("===== FAILED TestLuaRuntime_lupa.test_lua_type", proc.stdout)
        self.assertClosing(proc, 0, 1)

    def test_listed_failure_passes_the_run(self):
        broken = FAKE_RUPA.format(breakage="shim.lua_type = lambda obj: None")
        proc = self.run_runner(
            "-k",
            "test_lua_type",
            rupa_source=broken,
            expected="TestLuaRuntime_lupa.test_lua_type  # broken on purpose\n",
        )
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("1 expected failures", proc.stdout)

    def test_listed_pass_fails_the_run(self):
        proc = self.run_runner(
            "-k",
            "test_lua_type",
            rupa_source=FAKE_RUPA.format(breakage=""),
            expected="TestLuaRuntime_lupa.test_lua_type  # stale entry\n",
        )
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("===== UNEXPECTED PASS TestLuaRuntime_lupa.test_lua_type", proc.stdout)

    def test_isolated_crash_fails_only_its_class(self):
        crashing = FAKE_RUPA.format(breakage="shim.lua_type = lambda obj: __import__('os').abort()")
        proc = self.run_runner(
            "--isolate", "-k", "test_lua_type", "-k", "test_coroutine_status", rupa_source=crashing
        )
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("running TestLuaRuntime_lupa died", proc.stdout)
        self.assertClosing(proc, 1, 1)

    def test_watchdog_ends_a_hung_test(self):
        hanging = FAKE_RUPA.format(breakage="shim.lua_type = lambda obj: __import__('time').sleep(600)")
        proc = self.run_runner(
            "--isolate", "--timeout", "2", "-k", "test_lua_type", rupa_source=hanging
        )
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("Timeout", proc.stdout)
        self.assertClosing(proc, 0, 1)

    def test_unknown_listed_id_is_an_error(self):
        proc = self.run_runner(
            "--impl", "lupa", "--list", expected="TestNoSuch_lupa.test_x  # typo\n"
        )
        self.assertEqual(proc.returncode, 2)
        self.assertIn("TestNoSuch_lupa.test_x", proc.stderr)


if __name__ == "__main__":
    unittest.main()
