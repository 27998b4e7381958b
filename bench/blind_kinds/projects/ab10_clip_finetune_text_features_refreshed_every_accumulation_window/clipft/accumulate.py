from dataclasses import dataclass

import torch.nn.functional as F

from .zeroshot import ClassTextFeatures


@dataclass
class AccumConfig:
    accum_steps: int = 2
    text_refresh_every: int = 2


def train_epoch(model, optimizer, batches, prompt_tokens, cfg: AccumConfig):
    classes = ClassTextFeatures(model, prompt_tokens, cfg.text_refresh_every)
    optimizer.zero_grad()
    total = 0.0
    for i, (x, y) in enumerate(batches):
        text = classes.get(i)
        logits = model.logit_scale.exp() * model.encode_image(x) @ text.t()
        loss = F.cross_entropy(logits, y) / cfg.accum_steps
        loss.backward(retain_graph=True)  # the class features' graph is shared by later micro-batches
        total += loss.item()
        if (i + 1) % cfg.accum_steps == 0:
            optimizer.step()  # L
            optimizer.zero_grad()
    return total
