import torch


class DeadCodeRestart:
    """Codes whose running usage falls below `threshold` are moved onto random encoder outputs
    (Dhariwal et al.'s Jukebox, Zeghidour et al.'s SoundStream)."""

    def __init__(self, threshold=1.0, when="after_step"):
        assert when in ("forward", "after_step"), when
        self.threshold, self.when = threshold, when

    @torch.no_grad()
    def __call__(self, codebook, usage, z):
        dead = (usage < self.threshold).nonzero().squeeze(1)
        if dead.numel() == 0:
            return 0
        rows = torch.randint(0, z.shape[0], (dead.numel(),))
        codebook.weight[dead] = z[rows].detach()  # L
        usage[dead] = self.threshold
        return dead.numel()
