"""Actor-critic with generalised advantage estimation written into a preallocated advantage buffer
with torch.add(..., out=adv[t]); the bootstrap values are the critic's live outputs."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=4, n_act=3, hidden=16):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh())
        self.pi = nn.Linear(hidden, n_act)
        self.v = nn.Linear(hidden, 1)

    def forward(self, obs):
        h = self.body(obs)
        return self.pi(h), self.v(h).squeeze(-1)


def compute_gae(rewards, values, dones, gamma=0.99, lam=0.95):
    T = rewards.shape[0]
    adv = torch.zeros(T)
    running = torch.zeros(())
    for t in reversed(range(T)):
        next_v = values[t + 1] * (1.0 - dones[t])
        delta = rewards[t] + gamma * next_v - values[t]
        torch.add(delta, running, alpha=gamma * lam * (1.0 - dones[t].item()), out=adv[t])  # L
        running = adv[t]
    return adv


def rollout_values(model, obs):
    return model(obs)[1]


def run():
    torch.manual_seed(0)
    model = ActorCritic()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    T = 6
    for _ in range(2):
        obs = torch.randn(T + 1, 4)
        rewards, dones = torch.randn(T), (torch.rand(T) < 0.2).float()
        values = rollout_values(model, obs)
        adv = compute_gae(rewards, values, dones)
        logits, v = model(obs[:-1])
        actions = torch.randint(0, 3, (T,))
        logp = F.log_softmax(logits, -1).gather(1, actions[:, None]).squeeze(1)
        returns = adv + values[:-1].detach()
        loss = -(logp * adv.detach()).mean() + F.mse_loss(v, returns)
        opt.zero_grad()
        loss.backward()
        opt.step()
