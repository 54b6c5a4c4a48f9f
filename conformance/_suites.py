"""Building the conformance suite from upstream's files: README doctests, docstring doctests of
``lupa/_lupa.pyx``, and the unittest classes of ``lupa/tests/test.py``.

Upstream conventions followed (``lupa/tests/__init__.py``):

- README.rst is doctested with the globals ``{'__file__': <path>}``, cut before the section
  "Importing Lua binary modules" (upstream drops it whenever ``sys.platform != 'linux2'``, i.e.
  on every Python 3). We split what remains into one test per section, run in order in one
  shared namespace, so a failure names its section instead of failing the whole file.
- Each ``LupaTestCase`` subclass is instantiated once per Lua module as ``<Class>_<module>``
  with ``lupa = <module>``. We build one variant, ``<Class>_lupa``, whose module is the
  top-level ``lupa`` (the implementation under test; see _target.py).
- Upstream adds ``DocTestSuite(module)`` for each versioned module; those doctests live in
  ``_lupa.pyx`` docstrings, so we extract them from there and run them against the target.

One deliberate extension: upstream's ``build_suite_for_modules`` only collects classes whose
name starts with ``Test``, silently skipping six ``LupaTestCase`` classes
(``KwargsDecoratorTest``, ``PythonArgumentsInLuaTest``, ...). They pass on real lupa and test
API that rupa must have, so we run them too.
"""

import doctest
import io
import re
import unittest

README_CUT = "Importing Lua binary modules\n----------------------------\n"
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1*$")
_PYX_HEADER = re.compile(r"^\s*(?:cdef\s+|cpdef\s+)?(?:class|def)\s+(\w+)", re.M)
_DOCSTRING = re.compile(r'"""(.*?)"""', re.S)


class DocTestSection(unittest.TestCase):
    """One doctest (a README section or a docstring) run in a namespace shared with its peers.

    Sharing matters for the README: later sections use names (``lua``, ``lupa``) that earlier
    sections defined, exactly as when upstream runs the file as a single doctest.
    """

    def __init__(self, test_id, doctest_obj, namespace):
        super().__init__("run_doctest")
        self._test_id = test_id
        self._doctest = doctest_obj
        self._namespace = namespace

    def id(self):
        return self._test_id

    def __str__(self):
        return self._test_id

    def shortDescription(self):
        return None

    def run_doctest(self):
        """Run the examples; fail with doctest's own report when any example fails."""
        self._doctest.globs = self._namespace
        runner = doctest.DocTestRunner(verbose=False, optionflags=0)
        report = io.StringIO()
        result = runner.run(self._doctest, out=report.write, clear_globs=False)
        if result.failed:
            self.fail(
                f"{result.failed} of {result.attempted} examples failed\n{report.getvalue()}"
            )

    def example_count(self):
        """How many examples the doctest holds."""
        return len(self._doctest.examples)


def readme_sections(text):
    """Split RST text into ``(title, first_line_index, body)`` by section headings."""
    lines = text.splitlines(keepends=True)
    starts = []
    for i in range(len(lines) - 1):
        title = lines[i].rstrip("\n")
        underline = lines[i + 1].rstrip("\n")
        if (
            title.strip()
            and not title[0].isspace()
            and _UNDERLINE.match(underline)
            and len(underline) >= len(title.rstrip())
        ):
            starts.append((i, title.strip()))
    if not starts or starts[0][0] != 0:
        starts.insert(0, (0, "(preamble)"))
    sections = []
    for n, (start, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        sections.append((title, start, "".join(lines[start:end])))
    return sections


def readme_suite(readme_path):
    """The README doctests, one test per section that has examples, as upstream cuts them."""
    text = readme_path.read_text(encoding="utf-8")
    text = text.split(README_CUT, 1)[0]
    namespace = {"__file__": str(readme_path)}
    parser = doctest.DocTestParser()
    suite = unittest.TestSuite()
    seen = {}
    for title, start, body in readme_sections(text):
        test = parser.get_doctest(body, namespace, "README.rst", str(readme_path), start)
        if not test.examples:
            continue
        # Titles are unique in lupa 2.8's README; the counter keeps ids unique regardless.
        seen[title] = seen.get(title, 0) + 1
        name = title if seen[title] == 1 else f"{title} ({seen[title]})"
        suite.addTest(DocTestSection(f"README.rst::{name}", test, namespace))
    return suite


def pyx_docstring_suite(pyx_path, module_globals):
    """Doctests found in ``_lupa.pyx`` docstrings, named after the enclosing class or def.

    Upstream runs them through ``DocTestSuite(lupa.luaXY)``, i.e. with the module's globals;
    each docstring gets a fresh copy of the target module's globals, as DocTestSuite does.
    """
    source = pyx_path.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    suite = unittest.TestSuite()
    headers = [(m.start(), m.group(1)) for m in _PYX_HEADER.finditer(source)]
    for match in _DOCSTRING.finditer(source):
        body = match.group(1)
        if ">>>" not in body:
            continue
        owner = "(module)"
        for position, name in headers:
            if position > match.start():
                break
            owner = name
        lineno = source.count("\n", 0, match.start())
        namespace = dict(module_globals)
        test = parser.get_doctest(body, namespace, owner, str(pyx_path), lineno)
        suite.addTest(DocTestSection(f"lupa/_lupa.pyx::{owner}", test, namespace))
    return suite


def unittest_suite(test_module, lupa_module, loader=None):
    """One ``<Class>_lupa`` variant of every LupaTestCase class in upstream's test module."""
    loader = loader or unittest.defaultTestLoader
    base = test_module.LupaTestCase
    suite = unittest.TestSuite()
    for name, cls in list(vars(test_module).items()):
        if not (isinstance(cls, type) and issubclass(cls, unittest.TestCase)):
            continue
        if cls is base or cls.__module__ != test_module.__name__:
            continue
        if issubclass(cls, base):
            variant = type(cls)(f"{cls.__name__}_lupa", (cls,), {"lupa": lupa_module})
            variant.__qualname__ = f"{getattr(cls, '__qualname__', cls.__name__)}_lupa"
            variant.__module__ = test_module.__name__
            suite.addTests(loader.loadTestsFromTestCase(variant))
        elif name.startswith("Test"):
            suite.addTests(loader.loadTestsFromTestCase(cls))
    return suite


def upstream_collects(class_name):
    """Whether upstream's own ``build_suite_for_modules`` would run this class."""
    return class_name.startswith("Test")
