# From ultralytics 8.4.190, ultralytics/data/augment.py:2305 (`segments[..., 0] =
# segments[..., 0].clip(bboxes[:, 0:1], bboxes[:, 2:3])` in Albumentations.__call__, after
# `bboxes = np.array([segment2box(s, w, h) for s in segments], np.float32)`), reported as IPL001
# warning "`segments` is modified in place by `[]=` but `min` at ultralytics/utils/ops.py:97 (its
# self) saved it for backward; backward will raise ... (and 2 more writes to the same saved
# tensor: lines 2306, 2308)".
# Safe: every value here is a numpy array.  The augmentation runs in the dataset's __getitem__
# on the labels of one image (`Instances` holds ndarrays); the polygons are scaled with
# `.astype(np.float32)`, copied with `.copy()` (two ndarray methods a tensor does not have: a
# tensor would raise AttributeError there) and the boxes made with `np.array(...)`.  No autograd
# graph exists, so nothing can raise in a backward; the model trains on the result afterwards.
# The linter follows the numpy pipeline as tensor code: a value read from an untyped input
# (`labels: dict[str, Any]`) and reshaped, scaled, copied and row-selected with an index array
# that one branch narrows by a boolean mask (`i = i[keep[i]]`) is taken for a fresh tensor that
# may require grad; `min` on a column of one of its rows saves a view of it, and the write into
# the column is reported.  The helper's `segment: np.ndarray` annotation does not stop it (a
# caller's value that is not of unknown origin is not narrowed by the annotation).  Without the
# narrowing branch (`i` used as made) it is quiet.
# Checked below: the pipeline runs on ndarrays and a model trains on its boxes.
from typing import Any

import numpy as np
import torch
from torch import nn


def segment_box(segment: np.ndarray, width: int, height: int) -> np.ndarray:
    x, y = segment[:, 0], segment[:, 1]
    xmin, ymin, xmax, ymax = x.min(), y.min(), x.max(), y.max()
    return np.array([max(xmin, 0), max(ymin, 0), min(xmax, width), min(ymax, height)], dtype=segment.dtype)


def augment(labels: dict[str, Any], kept: np.ndarray) -> dict[str, Any]:
    segments = labels["segments"]  # (n, k, 2), normalised
    h, w = labels["img"].shape[:2]
    points = (segments.reshape(-1, 2) * (w, h)).astype(np.float32)  # an ndarray method
    moved = points.copy()  # an ndarray method
    i = np.arange(len(segments))
    n = segments.size // 2
    if n:
        all_lost = ~kept[:n].reshape(segments.shape[:2]).any(1)
        i = i[~all_lost[i]]  # drop the polygons whose points were all lost
    segments = moved[:n].reshape(segments.shape)[i]
    boxes = np.array([segment_box(s, w, h) for s in segments], np.float32).reshape(-1, 4)
    segments[..., 0] = segments[..., 0].clip(boxes[:, 0:1], boxes[:, 2:3])
    labels["segments"], labels["boxes"] = segments, boxes
    return labels


rng = np.random.default_rng(0)
kept = np.ones(3 * 5, bool)
kept[5:10] = False  # the second polygon is lost
labels = augment({"img": np.zeros((32, 48, 3)), "segments": rng.random((3, 5, 2))}, kept)
assert isinstance(labels["segments"], np.ndarray) and labels["boxes"].shape == (2, 4)

model = nn.Linear(4, 1)
boxes = torch.from_numpy(labels["boxes"])
loss = model(boxes).pow(2).mean()
loss.backward()
expected = 2 * (model(boxes).detach() * boxes).mean(0)  # d/dW of mean((Wx + b)^2)
assert torch.allclose(model.weight.grad[0], expected, atol=1e-6)
