import torch.nn.functional as F


class StandardizedFeatureLoss:
    """MSE between a student feature and a target feature, both standardized per channel
    (data2vec-style target normalisation). The target is standardized in place: it is
    a detached tensor, so no gradient flows through it anyway."""

    def __init__(self, eps=1e-5):
        self.eps = eps

    def _standardize_(self, t):
        return t.sub_(t.mean(0)).div_(t.std(0) + self.eps)  # L

    def __call__(self, pred, target):
        pred = (pred - pred.mean(0)) / (pred.std(0) + self.eps)
        return F.mse_loss(pred, self._standardize_(target))
