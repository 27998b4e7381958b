import torch
import torch.nn.functional as F

from .model import Wav2Vec2


def contrastive_loss(context, targets, mask, num_negatives, temperature):
    c, t = context[mask], targets[mask]
    n = len(t)
    neg_idx = torch.randint(0, n - 1, (n, num_negatives))
    neg_idx = neg_idx + (neg_idx >= torch.arange(n).unsqueeze(1)).long()
    candidates = torch.cat([t.unsqueeze(1), t[neg_idx]], 1)
    logits = F.cosine_similarity(c.unsqueeze(1), candidates, dim=-1) / temperature
    return F.cross_entropy(logits, torch.zeros(n, dtype=torch.long))


def pretrain(cfg, audio_fn):
    model = Wav2Vec2(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr)
    for step in range(cfg.steps):
        context, targets, mask, diversity = model(audio_fn())  # L
        loss = contrastive_loss(context, targets, mask, cfg.num_negatives, cfg.temperature)
        loss = loss + cfg.diversity_weight * diversity
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())
