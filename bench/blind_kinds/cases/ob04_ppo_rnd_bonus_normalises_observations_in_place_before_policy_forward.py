"""PPO with a random network distillation (RND) exploration bonus. The RND module whitens the
observations with its running mean/std in place and clips them; the step computes the bonus first,
so the policy/value network reads the whitened batch, and nothing had read the raw one."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class RunningMeanStd:
    def __init__(self, dim):
        self.mean, self.var, self.count = torch.zeros(dim), torch.ones(dim), 1e-4

    def update(self, x):
        b_mean, b_var, n = x.mean(0), x.var(0, unbiased=False), x.shape[0]
        delta, total = b_mean - self.mean, self.count + n
        self.mean = self.mean + delta * n / total
        self.var = (self.var * self.count + b_var * n + delta.pow(2) * self.count * n / total) / total
        self.count = total


class RND(nn.Module):
    def __init__(self, obs_dim, feat=8):
        super().__init__()
        self.target = nn.Sequential(nn.Linear(obs_dim, feat), nn.ReLU(), nn.Linear(feat, feat)).requires_grad_(False)
        self.predictor = nn.Sequential(nn.Linear(obs_dim, feat), nn.ReLU(), nn.Linear(feat, feat))
        self.obs_rms = RunningMeanStd(obs_dim)

    def bonus_and_loss(self, obs):
        self.obs_rms.update(obs)
        obs.sub_(self.obs_rms.mean).div_(self.obs_rms.var.sqrt() + 1e-8).clamp_(-5.0, 5.0)  # L
        err = (self.predictor(obs) - self.target(obs)).pow(2).mean(-1)
        return err.detach(), err.mean()


class ActorCritic(nn.Module):
    def __init__(self, obs_dim, n_actions):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, 16), nn.Tanh())
        self.pi, self.v = nn.Linear(16, n_actions), nn.Linear(16, 1)

    def forward(self, obs):
        h = self.body(obs)
        return self.pi(h), self.v(h).squeeze(-1)


def ppo_step(ac, rnd, opt, obs, actions, old_logp, returns, clip=0.2):
    bonus, rnd_loss = rnd.bonus_and_loss(obs)  # L
    logits, values = ac(obs)
    logp = torch.distributions.Categorical(logits=logits).log_prob(actions)
    adv = returns + 0.5 * bonus - values.detach()
    ratio = (logp - old_logp).exp()
    pg = -torch.min(ratio * adv, ratio.clamp(1 - clip, 1 + clip) * adv).mean()
    loss = pg + 0.5 * F.mse_loss(values, returns) + rnd_loss
    opt.zero_grad()
    loss.backward()
    opt.step()


def run():
    torch.manual_seed(0)
    ac, rnd = ActorCritic(6, 3), RND(6)
    opt = torch.optim.Adam(list(ac.parameters()) + list(rnd.predictor.parameters()), lr=3e-4)
    for _ in range(2):
        obs = torch.randn(8, 6) * 3 + 1
        ppo_step(ac, rnd, opt, obs, torch.randint(0, 3, (8,)), torch.full((8,), -1.1), torch.randn(8))
