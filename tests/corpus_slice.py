"""A small slice of real code plus the static fixtures, copied into a temp folder.

Real code: a dozen files of the installed torch (the test environment installs
it; only located, never imported) and, where the dev corpus is on disk, of
torchvision.  The fixtures add many findings, notebooks, a file with a syntax
error and a file the text prefilter skips.
"""
import importlib.util
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TORCHVISION = "/work/corpus/torchvision/torchvision"
TORCHVISION_FILES = (
    "transforms/v2/functional/_meta.py", "transforms/v2/functional/_color.py", "models/detection/transform.py",
    "models/detection/rpn.py", "ops/misc.py", "models/mobilenetv2.py", "ops/focal_loss.py",
    "models/detection/_utils.py", "models/__init__.py",
)
TORCH_FILES = (
    "nn/modules/batchnorm.py", "nn/utils/spectral_norm.py", "nn/utils/clip_grad.py", "optim/sgd.py",
    "nn/modules/normalization.py", "nn/modules/__init__.py", "nn/modules/dropout.py",
)
FIXTURES = [os.path.join("tests", "fixtures", "static", n)
            for n in sorted(os.listdir(os.path.join(ROOT, "tests", "fixtures", "static"))) if n.endswith(".py")]
FIXTURES += [os.path.join("tests", "fixtures", "frontends", n)
             for n in ("hazards.py", "noqa.py", "clean.py", "train.ipynb", "broken.ipynb")]


def torch_dir():
    spec = importlib.util.find_spec("torch")
    assert spec is not None and spec.origin, "the test environment installs torch"
    return os.path.dirname(spec.origin)


def make_slice(dest):
    """Copy the slice under ``dest``; returns the number of real-code files copied."""
    n = 0
    for base, names, sub in ((torch_dir(), TORCH_FILES, "torch"), (TORCHVISION, TORCHVISION_FILES, "torchvision")):
        if not os.path.isdir(base):
            continue
        for name in names:
            target = os.path.join(dest, sub, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(base, name), target)
            n += 1
    for rel in FIXTURES:
        target = os.path.join(dest, "fixtures", os.path.basename(rel))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(ROOT, rel), target)
    with open(os.path.join(dest, "fixtures", "syntax_error.py"), "w") as f:
        f.write("import torch\nx = torch.zeros(3)\nx.add_(1\n")
    return n
