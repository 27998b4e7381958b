"""Neural Episodic Control's differentiable neural dictionary (DND): keys are trained by backprop,
the Q estimate is an inverse-distance kernel over every key (torch.cdist), and the step's own key (and its value)
is appended through .data right after the lookup, before the TD loss's backward."""
import torch
import torch.nn as nn


class DND(nn.Module):
    def __init__(self, capacity=8, dim=4, delta=1e-3):
        super().__init__()
        self.delta = delta
        self.keys = nn.Parameter(torch.randn(capacity, dim))
        self.register_buffer("values", torch.randn(capacity))
        self.ptr = 0

    def lookup(self, h):
        d2 = torch.cdist(h, self.keys).pow(2)
        w = 1.0 / (d2 + self.delta)
        return (w / w.sum(1, keepdim=True)) @ self.values

    def write(self, key, value):
        slot = self.ptr % self.keys.shape[0]
        self.keys.data[slot] = key.detach()  # L
        self.values.data[slot] = value  # L
        self.ptr += 1


class NECAgent(nn.Module):
    def __init__(self, obs_dim=5, dim=4):
        super().__init__()
        self.embed = nn.Sequential(nn.Linear(obs_dim, 8), nn.ReLU(), nn.Linear(8, dim))
        self.dnd = DND(dim=dim)

    def forward(self, obs):
        h = self.embed(obs)
        return h, self.dnd.lookup(h)


def make_agent():
    torch.manual_seed(0)
    return NECAgent()


def grads(agent, obs, target):
    agent.zero_grad()
    h, q = agent(obs)
    agent.dnd.write(h[0], target[0])  # L
    (q - target).pow(2).mean().backward()
    return [p.grad.clone() for p in agent.parameters()]


def run():
    agent = make_agent()
    opt = torch.optim.RMSprop(agent.parameters(), lr=1e-3)
    torch.manual_seed(1)
    for _ in range(2):
        obs, target = torch.randn(3, 5), torch.randn(3)
        grads(agent, obs, target)
        opt.step()


def silent_hazard():
    """The embedding's gradient must use the keys the lookup measured: compare with the write done
    after backward."""
    torch.manual_seed(1)
    obs, target = torch.randn(3, 5), torch.randn(3)
    got = grads(make_agent(), obs, target)
    ref_agent = make_agent()
    ref_agent.zero_grad()
    h, q = ref_agent(obs)
    (q - target).pow(2).mean().backward()
    ref = [p.grad.clone() for p in ref_agent.parameters()]
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
