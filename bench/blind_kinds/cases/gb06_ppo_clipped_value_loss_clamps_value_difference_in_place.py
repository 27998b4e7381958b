"""PPO's clipped surrogate objective with a value loss (clipped around the rollout's old values).
The policy ratio is clamped out of place; the clipped value prediction clamps the value's
difference from the old values in place (`(value - old_v).clamp_(-eps, eps)`)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

CLIP = 0.2


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=4, n_actions=3, hidden=16):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh())
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)

    def forward(self, obs):
        h = self.body(obs)
        return torch.distributions.Categorical(logits=self.pi(h)), self.v(h).squeeze(-1)


def ppo_loss(model, batch):
    dist, value = model(batch["obs"])
    logp = dist.log_prob(batch["actions"])
    ratio = torch.exp(logp - batch["old_logp"])
    surr1 = ratio * batch["adv"]
    surr2 = ratio.clamp(1.0 - CLIP, 1.0 + CLIP) * batch["adv"]
    policy_loss = -torch.min(surr1, surr2).mean()
    v_clipped = batch["old_v"] + (value - batch["old_v"]).clamp_(-CLIP, CLIP)  # L
    value_loss = torch.max((value - batch["ret"]) ** 2, (v_clipped - batch["ret"]) ** 2).mean()
    return policy_loss + 0.5 * value_loss - 0.01 * dist.entropy().mean()


def rollout(model, n=12):
    obs = torch.randn(n, 4)
    with torch.no_grad():
        dist, v = model(obs)
        actions = dist.sample()
        old_logp = dist.log_prob(actions)
    ret = torch.randn(n)
    return {"obs": obs, "actions": actions, "old_logp": old_logp, "old_v": v, "ret": ret, "adv": ret - v}


def run():
    torch.manual_seed(0)
    model = ActorCritic()
    opt = torch.optim.Adam(model.parameters(), lr=3e-4)
    batch = rollout(model)
    for _ in range(2):
        loss = ppo_loss(model, batch)
        opt.zero_grad()
        loss.backward()
        opt.step()
