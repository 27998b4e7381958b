"""SAC critic update with both Q functions in one network: a shared torso and a final Linear with
two outputs, split into Q1 and Q2 by indexing the last dimension. The TD errors are formed in
place on the two Q estimates (they are not needed afterwards) before squaring."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TwinQ(nn.Module):
    def __init__(self, obs_dim=5, act_dim=2, hidden=16):
        super().__init__()
        self.torso = nn.Sequential(nn.Linear(obs_dim + act_dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.heads = nn.Linear(hidden, 2)

    def forward(self, obs, act):
        q = self.heads(self.torso(torch.cat([obs, act], -1)))
        return q[..., 0], q[..., 1]


def td_errors_(qs, target):
    for q in qs:
        q.sub_(target)  # L
    return qs


def critic_loss(critic, target_critic, batch, gamma=0.99, alpha=0.2):
    obs, act, rew, next_obs, done, next_act, next_logp = batch
    with torch.no_grad():
        q1_t, q2_t = target_critic(next_obs, next_act)
        target = rew + gamma * (1 - done) * (torch.min(q1_t, q2_t) - alpha * next_logp)
    td1, td2 = td_errors_(critic(obs, act), target)  # L
    return 0.5 * (td1.pow(2).mean() + td2.pow(2).mean())


def run():
    torch.manual_seed(0)
    critic, target_critic = TwinQ(), TwinQ()
    target_critic.load_state_dict(critic.state_dict())
    opt = torch.optim.Adam(critic.parameters(), lr=3e-4)
    for _ in range(2):
        b = 8
        batch = (torch.randn(b, 5), torch.rand(b, 2) * 2 - 1, torch.randn(b), torch.randn(b, 5),
                 torch.randint(0, 2, (b,)).float(), torch.rand(b, 2) * 2 - 1, torch.randn(b))
        loss = critic_loss(critic, target_critic, batch)
        opt.zero_grad()
        loss.backward()
        opt.step()
        with torch.no_grad():
            for p_t, p in zip(target_critic.parameters(), critic.parameters()):
                p_t.lerp_(p, 0.005)
