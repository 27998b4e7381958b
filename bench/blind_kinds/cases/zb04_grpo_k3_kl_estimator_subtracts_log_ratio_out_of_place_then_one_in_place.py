"""GRPO on a toy token policy: group-normalised rewards, clipped ratio, and the k3 estimator of the
KL to a frozen reference, exp(r) - r - 1 with r = ref - logp, the subtraction of the log ratio out of place and
only the "- 1" in place."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, HIDDEN, GROUP, LENGTH = 6, 16, 4, 5


class TokenPolicy(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, HIDDEN)
        self.rnn = nn.GRU(HIDDEN, HIDDEN, batch_first=True)
        self.head = nn.Linear(HIDDEN, VOCAB)

    def forward(self, tokens):
        h, _ = self.rnn(self.embed(tokens))
        return self.head(h)


def token_logps(model, tokens):
    logits = model(tokens[:, :-1])
    return logits.log_softmax(-1).gather(-1, tokens[:, 1:, None]).squeeze(-1)


def k3_kl(logp, ref_logp):
    log_ratio = ref_logp - logp
    return torch.exp(log_ratio).sub(log_ratio).sub_(1.0)  # L


def group_advantages(rewards):
    grouped = rewards.view(-1, GROUP)
    adv = (grouped - grouped.mean(1, keepdim=True)) / (grouped.std(1, keepdim=True) + 1e-4)
    return adv.view(-1, 1)


def grpo_loss(policy, ref, tokens, old_logp, rewards, clip=0.2, beta=0.04):
    logp = token_logps(policy, tokens)
    with torch.no_grad():
        ref_logp = token_logps(ref, tokens)
    adv = group_advantages(rewards)
    ratio = torch.exp(logp - old_logp)
    surrogate = torch.min(ratio * adv, ratio.clamp(1 - clip, 1 + clip) * adv)
    return -(surrogate - beta * k3_kl(logp, ref_logp)).mean()  # L


def run():
    torch.manual_seed(0)
    policy = TokenPolicy()
    ref = copy.deepcopy(policy).requires_grad_(False)
    opt = torch.optim.Adam(policy.parameters(), lr=1e-2)
    tokens = torch.randint(0, VOCAB, (2 * GROUP, LENGTH))
    rewards = (tokens == 3).float().sum(1)
    with torch.no_grad():
        old_logp = token_logps(policy, tokens)
    for _ in range(2):
        loss = grpo_loss(policy, ref, tokens, old_logp, rewards)
        opt.zero_grad()
        loss.backward()
        opt.step()
