import torch
import torch.nn.functional as F

from .augment import cutmix_, mix_targets_, rand_box


def soft_cross_entropy(logits, targets):
    return -(targets * F.log_softmax(logits, dim=-1)).sum(-1).mean()


def train_step(model, opt, soft_targets, images, labels, cfg):
    logits = model(images)
    probs = soft_targets.tempered(logits)
    loss = F.cross_entropy(logits, labels) + cfg["penalty"] * soft_targets.confidence_penalty(probs)
    targets = soft_targets.targets(logits, probs)
    lam = float(torch.distributions.Beta(cfg["alpha"], cfg["alpha"]).sample())
    perm = torch.randperm(images.size(0))
    box = rand_box(images.size(2), images.size(3), lam)
    lam = 1 - (box[1] - box[0]) * (box[3] - box[2]) / (images.size(2) * images.size(3))
    mixed = cutmix_(images.clone(), perm, box)
    mixed_targets = mix_targets_(targets, perm, lam)  # L
    loss = loss + cfg["distill"] * soft_cross_entropy(model(mixed), mixed_targets)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()
