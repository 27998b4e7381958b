import torch.nn.functional as F


def multilabel_bce(logits, onehot):
    return F.binary_cross_entropy_with_logits(logits, onehot)


def softmax_ce(logits, onehot):
    return F.cross_entropy(logits, onehot.argmax(1))


TASK_LOSSES = {"bce": multilabel_bce, "ce": softmax_ce}


def channel_wise_kd(student, teacher, tau):
    """Channel-wise distillation (Shu et al.): each channel's spatial map as a distribution."""
    student.div_(tau)  # L
    s = F.log_softmax(student.flatten(2), dim=-1)
    t = F.softmax(teacher.flatten(2) / tau, dim=-1)
    return (t * (t.log() - s)).sum(-1).mean() * tau ** 2
