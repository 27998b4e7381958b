import torch.nn as nn


class SRBase(nn.Module):
    """reconstruct() maps LR to an HR prediction; post_process() may use the LR input again."""

    def __init__(self, scale):
        super().__init__()
        self.scale = scale

    def reconstruct(self, lr):
        raise NotImplementedError

    def post_process(self, out, lr):
        return out

    def forward(self, lr):
        out = self.reconstruct(lr)
        return self.post_process(out, lr)  # L
