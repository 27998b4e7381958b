import functools

import torch.nn.functional as F

LOSSES = {}


def register(name):
    def deco(fn):
        LOSSES[name] = fn
        return fn
    return deco


def centre_(feat):
    """Removes each channel's spatial mean; in place, the maps are large."""
    return feat.sub_(feat.mean(dim=(2, 3), keepdim=True))  # L


def attention_map(feat):
    return F.normalize(feat.pow(2).mean(1).flatten(1), dim=1)


@register("at")
def attention_transfer(student_feats, teacher_feats, beta=250.0):
    total = 0.0
    for fs, ft in zip(student_feats, teacher_feats):
        fs, ft = centre_(fs), centre_(ft)  # L
        total = total + (attention_map(fs) - attention_map(ft)).pow(2).mean()
    return beta / 2 * total


def build_loss(name, **kwargs):
    return functools.partial(LOSSES[name], **kwargs)

