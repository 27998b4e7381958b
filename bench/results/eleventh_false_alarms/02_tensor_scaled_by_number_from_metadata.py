"""mmdet 3.3.0: IPL001 warnings at models/dense_heads/ddq_detr_head.py:220 and :335 (the DDQ-DETR
loss), detr_head.py:621 and grounding_dino_head.py:437 (their box decoding) and
models/task_modules/tracking/camera_motion_compensation.py:74.

Each scales a slice of a tensor by a number read from an image's meta-information and writes the
product back: ``det_bboxes[:, 0::2] = det_bboxes[:, 0::2] * img_shape[1]`` with ``img_shape =
batch_img_metas[img_id]['img_shape']`` (a tuple of ints), and ``warp_matrix[0, 2] = warp_matrix[0,
2] / scale_factor_w`` with ``scale_factor_h, scale_factor_w = metainfo['scale_factor']`` (floats;
``warp_matrix`` comes from ``torch.from_numpy``).  A product saves its tensor operand only for the
gradient of the *other* operand: ``a * s`` keeps ``a`` when ``s`` is a tensor that requires grad,
and ``a / s`` likewise.  With a Python number (or a tensor without grad) nothing of ``a`` is saved,
so writing the product back into ``a`` is safe: the box coordinates of DDQ-DETR's dense auxiliary
loss train through it.  The linter takes the value read from the meta dict for a tensor that may
require grad, so the mul/div for a save of the other operand, and the write for a write into it.
"""
import numpy as np
import torch


def cxcywh_to_xyxy(bbox):
    cx, cy, w, h = bbox.split((1, 1, 1, 1), dim=-1)
    return torch.cat([cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w, cy + 0.5 * h], dim=-1)


def scale_to_image(coords, batch_img_metas):
    coords = cxcywh_to_xyxy(coords)
    scaled = []
    for img_id in range(len(coords)):
        det_bboxes = coords[img_id]
        img_shape = batch_img_metas[img_id]['img_shape']
        det_bboxes[:, 0::2] = det_bboxes[:, 0::2] * img_shape[1]
        det_bboxes[:, 1::2] = det_bboxes[:, 1::2] * img_shape[0]
        scaled.append(det_bboxes)
    return torch.stack(scaled)


def rescale_warp(warp, metainfo):
    warp_matrix = torch.from_numpy(warp)
    scale_factor_h, scale_factor_w = metainfo['scale_factor']
    warp_matrix[0, 2] = warp_matrix[0, 2] / scale_factor_w
    warp_matrix[1, 2] = warp_matrix[1, 2] / scale_factor_h
    return warp_matrix


pred = torch.rand(2, 5, 4, requires_grad=True)
metas = [{'img_shape': (40, 60)}, {'img_shape': (32, 48)}]
boxes = scale_to_image(pred, metas)
gt = torch.rand(2, 5, 4) * 40
(boxes - gt).abs().mean().backward()
assert pred.grad is not None and pred.grad.abs().sum() > 0

warp = rescale_warp(np.eye(2, 3, dtype=np.float32) + 0.5, {'scale_factor': (0.5, 0.25)})
assert abs(float(warp[0, 2]) - 2.0) < 1e-6 and abs(float(warp[1, 2]) - 1.0) < 1e-6
