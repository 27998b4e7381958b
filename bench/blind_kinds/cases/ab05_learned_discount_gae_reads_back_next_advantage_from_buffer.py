"""Actor-critic with a learned discount factor (gamma = sigmoid(eta), trained through the policy
loss, a one-step meta-gradient): generalised advantage estimation fills a preallocated buffer
backwards, reading the next step's advantage back from the same buffer."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Agent(nn.Module):
    def __init__(self, obs_dim=4, n_actions=2, hidden=16):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh())
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)
        self.eta = nn.Parameter(torch.tensor(2.0))  # gamma = sigmoid(2.0) ~ 0.88

    @property
    def gamma(self):
        return torch.sigmoid(self.eta)

    def forward(self, obs):
        h = self.body(obs)
        return F.log_softmax(self.pi(h), -1), self.v(h).squeeze(-1)


def gae(rewards, values, last_value, dones, gamma, lam=0.95):
    T = rewards.shape[0]
    adv = torch.zeros_like(rewards)
    for t in reversed(range(T)):
        nonterminal = 1.0 - dones[t]
        next_value = last_value if t == T - 1 else values[t + 1]
        delta = rewards[t] + gamma * nonterminal * next_value - values[t]
        next_adv = adv[t + 1] if t < T - 1 else torch.zeros_like(delta)
        adv[t] = delta + gamma * lam * nonterminal * next_adv  # L
    return adv


def rollout(T=6, n_envs=3):
    g = torch.Generator().manual_seed(1)
    obs = torch.randn(T, n_envs, 4, generator=g)
    actions = torch.randint(0, 2, (T, n_envs), generator=g)
    rewards = torch.randn(T, n_envs, generator=g)
    dones = (torch.rand(T, n_envs, generator=g) < 0.2).float()
    return obs, actions, rewards, dones, torch.randn(n_envs, 4, generator=g)


def run():
    torch.manual_seed(0)
    agent = Agent()
    opt = torch.optim.Adam(agent.parameters(), lr=1e-3)
    for _ in range(2):
        obs, actions, rewards, dones, last_obs = rollout()
        logp, values = agent(obs)
        with torch.no_grad():
            last_value = agent(last_obs)[1]
        adv = gae(rewards, values.detach(), last_value, dones, agent.gamma)
        returns = (adv + values).detach()
        logp_a = logp.gather(-1, actions.unsqueeze(-1)).squeeze(-1)
        loss = -(logp_a * adv).mean() + 0.5 * F.mse_loss(values, returns)
        opt.zero_grad()
        loss.backward()
        opt.step()
