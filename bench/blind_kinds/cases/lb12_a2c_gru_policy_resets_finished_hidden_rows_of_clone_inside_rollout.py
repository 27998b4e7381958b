"""An A2C agent with a recurrent (GRUCell) policy, trained on short rollouts from a batch of
environments. When an episode ends, that environment's hidden state is zeroed. Written first as
`h[done] = 0`, it raised "modified by an inplace operation"; the author cloned the state first
(`h = h.clone(); h[done] = 0`), which runs."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class GRUPolicy(nn.Module):
    def __init__(self, obs_dim=4, hid=6, n_act=3):
        super().__init__()
        self.enc = nn.Linear(obs_dim, hid)
        self.cell = nn.GRUCell(hid, hid)
        self.pi = nn.Linear(hid, n_act)
        self.v = nn.Linear(hid, 1)

    def forward(self, obs, h):
        h = self.cell(torch.relu(self.enc(obs)), h)
        return self.pi(h), self.v(h).squeeze(-1), h


def reset_finished(h, done):
    h = h.clone()
    h[done] = 0.0  # L
    return h


def reset_reference(h, done):
    return h.masked_fill(done.unsqueeze(1), 0.0)


def rollout(seed, steps=5, envs=3):
    g = torch.Generator().manual_seed(seed)
    obs = torch.randn(steps, envs, 4, generator=g)
    acts = torch.randint(0, 3, (steps, envs), generator=g)
    rewards = torch.randn(steps, envs, generator=g)
    dones = torch.zeros(steps, envs, dtype=torch.bool)
    dones[1, 0] = dones[2, 2] = dones[3, 1] = True
    return obs, acts, rewards, dones


def a2c_loss(policy, h, batch, reset=reset_finished, gamma=0.9):
    obs, acts, rewards, dones = batch
    logps, values = [], []
    for t in range(obs.shape[0]):
        logits, value, h = policy(obs[t], h)
        logps.append(F.log_softmax(logits, -1).gather(1, acts[t, :, None]).squeeze(1))
        values.append(value)
        h = reset(h, dones[t])  # L
    ret, returns = torch.zeros(obs.shape[1]), []
    for t in reversed(range(obs.shape[0])):
        ret = rewards[t] + gamma * ret * (~dones[t]).float()
        returns.append(ret)
    adv = torch.stack(returns[::-1]) - torch.stack(values)
    loss = -(torch.stack(logps) * adv.detach()).mean() + 0.5 * adv.pow(2).mean()
    return loss, h.detach()


def grads(reset):
    torch.manual_seed(0)
    policy = GRUPolicy()
    loss, _ = a2c_loss(policy, torch.zeros(3, 6), rollout(1), reset)
    loss.backward()
    return [p.grad for p in policy.parameters()]


def run():
    torch.manual_seed(0)
    policy = GRUPolicy()
    opt = torch.optim.RMSprop(policy.parameters(), lr=7e-4)
    h = torch.zeros(3, 6)
    for k in range(2):
        loss, h = a2c_loss(policy, h, rollout(k))
        opt.zero_grad()
        loss.backward()
        opt.step()


def silent_hazard():
    """The gradient must be the one of the function computed: zeroed rows pass no gradient back."""
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(grads(reset_finished), grads(reset_reference)))
