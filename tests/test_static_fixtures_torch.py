"""The labels of the value-model fixtures are true: checked by running them under torch.

In ``tests/fixtures/static/values_*.py`` and ``shapes_*.py`` every ``fire_*`` function must raise
torch's autograd error (at the op or at backward) and every ``quiet_*`` function
must run cleanly; the static labels (``# expect:``) are checked by
test_static_fixtures.py.
"""
import importlib.util
import pathlib
import sys
import warnings

import pytest

torch = pytest.importorskip("torch")

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "static"


def _labelled_files():
    return sorted(FIXTURES.glob("values_*.py")) + sorted(FIXTURES.glob("shapes_*.py"))


def _cases():
    out = []
    for path in _labelled_files():
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = mod  # as an import does (a fixture may look itself up there)
        spec.loader.exec_module(mod)
        for name in dir(mod):
            if name.startswith(("fire_", "quiet_")):
                out.append(pytest.param(getattr(mod, name), id=f"{path.stem}.{name}"))
    return out


@pytest.mark.parametrize("case", _cases())
def test_fixture_label_matches_torch(case):
    torch.manual_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if case.__name__.startswith("fire_"):
            with pytest.raises(RuntimeError):
                case()
        else:
            case()


def test_every_fixture_case_is_labelled_in_the_source():
    # A case and the helpers defined since the previous case form its group: a
    # fire_ group without an expected error (or a quiet_ one with one) is a wrong label.
    import re

    for path in _labelled_files():
        pending = ""
        for block in re.split(r"\n(?=def |class )", path.read_text()):
            m = re.match(r"def ((fire|quiet)_\w+)", block)
            if not m:
                pending += block
                continue
            group, pending = pending + block, ""
            has_error = re.search(r"#\s*expect:.*:error", group) is not None
            assert has_error == (m.group(2) == "fire"), f"{path.name}:{m.group(1)}"
