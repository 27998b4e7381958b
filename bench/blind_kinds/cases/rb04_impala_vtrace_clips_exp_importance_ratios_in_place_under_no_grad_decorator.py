"""IMPALA learner with V-trace targets: the importance ratios are exp(target - behaviour log-probs),
clipped in place with clamp_; the V-trace helper is decorated with torch.no_grad, as IMPALA's
learner computes its targets, so nothing it returns is part of a graph."""
import torch
import torch.nn as nn
import torch.nn.functional as F


@torch.no_grad()
def vtrace(behaviour_logp, target_logp, rewards, values, bootstrap, gamma=0.9, rho_bar=1.0, c_bar=1.0):
    rhos = torch.exp(target_logp - behaviour_logp)
    cs = torch.clamp(rhos, max=c_bar)
    clipped_rhos = rhos.clamp_(max=rho_bar)  # L
    values_tp1 = torch.cat([values[1:], bootstrap[None]])
    deltas = clipped_rhos * (rewards + gamma * values_tp1 - values)
    acc, out = torch.zeros_like(bootstrap), []
    for t in reversed(range(rewards.shape[0])):
        acc = deltas[t] + gamma * cs[t] * acc
        out.append(acc)
    vs = torch.stack(out[::-1]) + values
    vs_tp1 = torch.cat([vs[1:], bootstrap[None]])
    return vs, clipped_rhos * (rewards + gamma * vs_tp1 - values)


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=4, n_actions=3):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU())
        self.pi = nn.Linear(16, n_actions)
        self.v = nn.Linear(16, 1)

    def forward(self, obs):
        h = self.body(obs)
        return self.pi(h), self.v(h).squeeze(-1)


def run():
    torch.manual_seed(0)
    net = ActorCritic()
    opt = torch.optim.RMSprop(net.parameters(), lr=1e-3)
    T, B = 5, 3
    for _ in range(2):
        obs, actions = torch.randn(T + 1, B, 4), torch.randint(0, 3, (T, B))
        behaviour_logp = torch.log(torch.full((T, B), 1.0 / 3))
        rewards = torch.randn(T, B)
        logits, values = net(obs)
        logp = F.log_softmax(logits[:-1], -1).gather(-1, actions[..., None]).squeeze(-1)
        vs, pg_adv = vtrace(behaviour_logp, logp, rewards, values[:-1], values[-1])  # L
        entropy = -(F.softmax(logits, -1) * F.log_softmax(logits, -1)).sum(-1).mean()
        loss = -(logp * pg_adv).mean() + 0.5 * (vs - values[:-1]).pow(2).mean() - 0.01 * entropy
        opt.zero_grad()
        loss.backward()
        opt.step()
