import torch.nn.functional as F

from .masking import mask_unseen_


class DerPlusPlus:
    """Dark Experience Replay++ (Buzzega et al. 2020): CE on the stream, logit distillation (MSE) and
    CE on a replayed batch (one batch serves both replay terms here)."""

    def __init__(self, model, buffer, cfg):
        self.model, self.buffer, self.cfg = model, buffer, cfg

    def loss(self, x, y, n_seen):
        cfg = self.cfg
        out = self.model(x)
        self.buffer.add(x, y, out.detach())     # stores copies of the unmasked logits
        if cfg["mask_on"] == "stream":
            mask_unseen_(out, n_seen)  # L
        loss = F.cross_entropy(out, y)
        if len(self.buffer) >= cfg["replay_batch"]:
            bx, by, blogits = self.buffer.sample(cfg["replay_batch"])
            replay_out = self.model(bx)
            loss = loss + cfg["alpha"] * F.mse_loss(replay_out, blogits)
            if cfg["mask_on"] == "buffer":
                mask_unseen_(replay_out, n_seen)  # L
            loss = loss + cfg["beta"] * F.cross_entropy(replay_out, by)
        return loss
