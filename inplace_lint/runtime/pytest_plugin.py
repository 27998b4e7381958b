"""pytest plugin: ``pytest --inplace-watch`` runs every test under
:func:`inplace_lint.watch`.

Projects already have training-step tests; with the flag they become hazard
detectors, including the silent cases torch cannot see (writes through
``.data``, mutations inside ``save_on_cpu()`` regions).  A test that hits a
hazard fails with the watch report; without the flag nothing changes (this
module does not even import torch then).

* ``--inplace-watch-mode=lite`` for the cheaper mode;
* ``@pytest.mark.inplace_watch_off`` on a test that provokes a hazard on
  purpose (e.g. asserts that torch raises).

Registered through the ``pytest11`` entry point of inplace-lint's
``runtime`` extra; load it explicitly with
``-p inplace_lint.runtime.pytest_plugin``.
"""
from __future__ import annotations

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("inplace-lint")
    group.addoption(
        "--inplace-watch",
        action="store_true",
        default=False,
        help="run every test under inplace_lint.watch(): a test that hits an "
        "in-place autograd hazard fails with the report (needs torch)",
    )
    group.addoption(
        "--inplace-watch-mode",
        choices=("full", "lite"),
        default="full",
        help="watch() mode for --inplace-watch (default: full)",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "inplace_watch_off: do not run this test under inplace_lint.watch() "
        "(a hazard provoked on purpose)",
    )
    if config.getoption("inplace_watch"):
        try:
            import torch  # noqa: F401
        except ImportError:
            raise pytest.UsageError(
                "--inplace-watch needs torch: pip install 'inplace-lint[runtime]'"
            )


def _watched(item) -> bool:
    return bool(item.config.getoption("inplace_watch")) and (
        item.get_closest_marker("inplace_watch_off") is None
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    if not _watched(item):
        return (yield)
    from inplace_lint.runtime.watch import watch

    w = watch(mode=item.config.getoption("inplace_watch_mode"), action="raise")
    with w:
        result = yield
    if w.reports:
        # the test caught the hazard error itself (pytest.raises, except ...)
        pytest.fail(
            "inplace-lint watch: an in-place autograd hazard was reported (and "
            "caught by the test):\n  "
            + "\n  ".join(w.reports)
            + "\n(mark the test with @pytest.mark.inplace_watch_off if the "
            "hazard is provoked on purpose)",
            pytrace=False,
        )
    return result


def pytest_report_header(config):
    if config.getoption("inplace_watch"):
        return "inplace-lint: every test runs under watch(mode=%r)" % (
            config.getoption("inplace_watch_mode"),
        )
    return None
