"""Shared fixtures: most tests run against rupa and, where lupa 2.8 is installed, against
``lupa.lua54`` too, so every expected value is checked against the real lupa."""

import importlib

import pytest

import rupa

_IMPLS = ["rupa"]
try:
    importlib.import_module("lupa.lua54")
    _IMPLS.append("lupa.lua54")
except ImportError:  # lupa is optional: the rupa half still runs
    pass


@pytest.fixture(params=_IMPLS)
def impl(request):
    """The module under test: rupa, or real lupa for comparison."""
    if request.param == "rupa":
        return rupa
    return importlib.import_module(request.param)


@pytest.fixture
def lua(impl):
    return impl.LuaRuntime()
