"""Training callbacks.  `on_loss` runs once the step's loss exists (logging, bookkeeping)."""
import torch


class DeadCodeReset:
    """Codes no vector chose for `patience` steps are moved onto random encoder outputs of the
    current batch (the restart trick of Jukebox / SoundStream)."""

    def __init__(self, num_codes, patience=1):
        self.unused = torch.zeros(num_codes, dtype=torch.long)
        self.patience = patience

    def on_loss(self, model, out):
        used = torch.bincount(out["idx"], minlength=len(self.unused)) > 0
        self.unused = torch.where(used, torch.zeros_like(self.unused), self.unused + 1)
        dead = self.unused >= self.patience
        if not dead.any():
            return
        z = out["z"].detach()
        pick = torch.randint(0, z.shape[0], (int(dead.sum()),))
        with torch.no_grad():
            model.quantizer.codebook[dead] = z[pick]  # L
        self.unused[dead] = 0
