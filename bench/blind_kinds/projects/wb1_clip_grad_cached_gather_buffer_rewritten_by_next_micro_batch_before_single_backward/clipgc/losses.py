import torch
import torch.nn.functional as F


class ClipLoss:
    """Local images against the texts of every rank (and the reverse)."""

    def __init__(self, gatherer):
        self.gather = gatherer

    def __call__(self, img, txt, remote_img, remote_txt, scale):
        all_txt = self.gather(txt, remote_txt)  # L
        logits_i2t = scale * img @ all_txt.t()
        all_img = torch.cat([remote_img[r] if r != self.gather.rank else img
                             for r in range(self.gather.world_size)])
        logits_t2i = scale * txt @ all_img.t()
        labels = torch.arange(img.shape[0]) + self.gather.rank * img.shape[0]
        return (F.cross_entropy(logits_i2t, labels) + F.cross_entropy(logits_t2i, labels)) / 2
