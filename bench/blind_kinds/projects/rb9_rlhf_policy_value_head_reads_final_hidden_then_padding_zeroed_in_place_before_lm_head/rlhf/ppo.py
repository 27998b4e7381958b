import torch

from .utils import logprobs_of, masked_mean


def ppo_loss(model, batch, clip=0.2, vf_coef=0.1):
    logits, values = model(batch["input_ids"], batch["attention_mask"])  # L
    logp = logprobs_of(logits[:, :-1], batch["input_ids"][:, 1:])
    mask = batch["attention_mask"][:, 1:]
    ratio = torch.exp(logp - batch["old_logprobs"])
    adv = batch["advantages"]
    pg = torch.max(-adv * ratio, -adv * ratio.clamp(1 - clip, 1 + clip))
    vf = (values[:, :-1] - batch["returns"]).pow(2)
    return masked_mean(pg, mask) + vf_coef * masked_mean(vf, mask)
