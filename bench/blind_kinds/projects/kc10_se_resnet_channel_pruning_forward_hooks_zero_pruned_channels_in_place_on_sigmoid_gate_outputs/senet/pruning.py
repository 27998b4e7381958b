import torch


class ChannelMasker:
    """Keeps the channels with the largest mean |output| and zeroes the others after each call."""

    def __init__(self, keep):
        self.keep = keep

    def channel_mask(self, out):
        score = out.detach().abs().mean(dim=(0, 2, 3))
        k = max(1, int(round(self.keep * score.numel())))
        mask = torch.zeros_like(score)
        mask[score.topk(k).indices] = 1.0
        return mask.view(1, -1, 1, 1)

    def hook(self, module, inputs, out):
        out.mul_(self.channel_mask(out))  # L

    def attach(self, model, pattern):
        return [m.register_forward_hook(self.hook) for name, m in model.named_modules()  # L
                if name.endswith(pattern)]
