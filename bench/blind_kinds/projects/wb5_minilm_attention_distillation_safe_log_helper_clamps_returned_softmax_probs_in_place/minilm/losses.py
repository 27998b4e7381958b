import torch
import torch.nn.functional as F

from .utils import safe_log_


def _kl_rows(teacher_probs, student_probs):
    t_log = safe_log_(teacher_probs)
    s_log = safe_log_(student_probs)  # L
    return (teacher_probs * (t_log - s_log)).sum(-1)


def attention_transfer_loss(teacher_probs, student_probs, pad):
    keep = (~pad)[:, None, :, None].float()
    kl = _kl_rows(teacher_probs, student_probs)[..., None]  # L
    return (kl * keep).sum() / keep.sum() / teacher_probs.shape[1]


def value_relation_loss(teacher_values, student_values, pad):
    def relation(v):
        return torch.softmax(v @ v.transpose(-1, -2) / v.shape[-1] ** 0.5, -1)

    t, s = relation(teacher_values), relation(student_values)
    return F.kl_div(torch.log(s + 1e-8), t, reduction="batchmean")
