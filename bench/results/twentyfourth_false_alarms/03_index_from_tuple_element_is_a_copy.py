"""An unbound row indexed with kept indices is a copy; the linter keeps it a view.

From mmyolo 0.6.0, ``mmyolo/models/dense_heads/yolox_pose_head.py``, ``YOLOXPoseHead.predict_by_feat``
(lines 283-337): the kept indices of each image are collected from mmdet's
``filter_scores_and_topk`` (``keep_indices_topk = [out[2][:cfg.max_per_img] for out in
outputs_1]``, a LongTensor per image), and the keypoints of each image, a row of the decoded
keypoints got by iterating over them, are selected and rescaled::

    for pred_instances, kpts, kpts_vis, img_meta, keep_idxs in zip(
            results_list, flatten_decoded_kpts, vis_preds, batch_img_metas, keep_indices_topk):
        ...
        kpts = kpts[keep_idxs]
        ...
        if rescale:
            ...
            if pad_param is not None:
                kpts -= kpts.new_tensor([pad_param[2], pad_param[0]])   # line 336
            kpts /= kpts.new_tensor(scale_factor).repeat(...)            # line 337

Indexing with a LongTensor is advanced indexing: ``kpts`` is a fresh tensor, not a view of
the unbound row, so the writes cannot raise (and ``predict_by_feat`` runs under mmengine's
``no_grad`` val/test loops besides).  The linter warns (IPL003, "an output of a multi-output
view function ... torch raises '... is a view and is being modified inplace'"): the index,
``out[2][:n]`` of what an imported helper collected, is of a kind the engine cannot tell (it
may be a mask or a slice), so the subscript is kept as a possible view of the row, and the
multi-output check warns on it.  With ``kpts[keep_idxs.long()]`` in the library file the
warning goes away; here it goes away too when ``outputs`` is made inside ``predict``.

Here the same loop with the indices of ``topk``; the ``-=`` is flagged the same way (a
warning), and the script backpropagates through the selected rows cleanly.
"""
import torch
from torch import nn


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def predict(self, feats, outputs, max_per_img, rescale):
        keep_indices_topk = [out[2][:max_per_img] for out in outputs]
        flatten_decoded_kpts = self.fc(feats).reshape(feats.shape[0], -1, 2, 2)
        results = []
        for kpts, keep_idxs in zip(flatten_decoded_kpts, keep_indices_topk):
            kpts = kpts[keep_idxs]
            if rescale:
                kpts -= kpts.new_tensor([1.0, 2.0])
            results.append(kpts)
        return results


def topk(scores, k):
    values, idxs = scores.topk(k)
    return values, idxs, idxs


if __name__ == "__main__":
    head = Head()
    feats = torch.randn(2, 5, 4)
    outputs = [topk(s, 3) for s in torch.randn(2, 5)]
    out = head.predict(feats, outputs, 3, True)
    torch.stack(out).sum().backward()
