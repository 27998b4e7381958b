"""numpy arrays are not tensors: the method names the engine takes for ndarray-only are
absent from torch.Tensor, and present on numpy's ndarray (checked with both libraries)."""
import pytest

from inplace_lint.engine.pyobjects import ARRAY_METHODS, ARRAY_PROPERTIES, NDARRAY_ONLY_METHODS

torch = pytest.importorskip("torch")
np = pytest.importorskip("numpy")


def test_ndarray_only_methods_are_ndarray_methods_a_tensor_lacks():
    for name in NDARRAY_ONLY_METHODS:
        assert hasattr(np.ndarray, name), name
        assert not hasattr(torch.Tensor, name), name
        # nor a Python list, dict, str or set (a value of unknown type may be one of those)
        assert not any(hasattr(t, name) for t in (list, dict, str, set)), name


def test_array_attributes_are_ndarray_attributes():
    for name in ARRAY_METHODS | ARRAY_PROPERTIES:
        assert hasattr(np.ndarray, name) or hasattr(float, name), name
