import torch.nn.functional as F


def age_loss(pred, target):
    return F.smooth_l1_loss(pred.squeeze(1), target)


def gender_loss(logits, target):
    return F.cross_entropy(logits, target)


LOSSES = {"age": age_loss, "gender": gender_loss}
