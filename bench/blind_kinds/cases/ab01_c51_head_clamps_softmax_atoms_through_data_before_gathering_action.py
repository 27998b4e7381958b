"""C51 (distributional DQN): the network returns a softmax over return atoms per action.  To keep
log(p) finite the head floors the probabilities through .data right after the softmax, before the
learner gathers the taken action's distribution and takes its log."""
import torch
import torch.nn as nn
import torch.nn.functional as F

N_ATOMS, V_MIN, V_MAX = 11, -5.0, 5.0


class CategoricalQNet(nn.Module):
    def __init__(self, obs_dim=4, n_actions=3, hidden=32, p_floor=2e-2):
        super().__init__()
        self.n_actions = n_actions
        self.body = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU())
        self.head = nn.Linear(hidden, n_actions * N_ATOMS)
        self.p_floor = p_floor
        self.register_buffer("support", torch.linspace(V_MIN, V_MAX, N_ATOMS))

    def forward(self, obs):
        logits = self.head(self.body(obs)).view(-1, self.n_actions, N_ATOMS)
        dist = F.softmax(logits, dim=-1)
        dist.data.clamp_(min=self.p_floor)  # L
        return dist


@torch.no_grad()
def project(next_dist, rewards, dones, support, gamma=0.99):
    """Projects r + gamma * z onto the fixed support (Bellemare et al., 2017)."""
    delta = (V_MAX - V_MIN) / (N_ATOMS - 1)
    tz = (rewards[:, None] + gamma * (1 - dones[:, None]) * support[None]).clamp(V_MIN, V_MAX)
    b = (tz - V_MIN) / delta
    lo, hi = b.floor().long(), b.ceil().long()
    m = torch.zeros_like(next_dist)
    m.scatter_add_(1, lo, next_dist * (hi.float() - b + (lo == hi).float()))
    m.scatter_add_(1, hi, next_dist * (b - lo.float()))
    return m


def batch(scale=3.0):
    g = torch.Generator().manual_seed(1)
    obs, next_obs = scale * torch.randn(6, 4, generator=g), scale * torch.randn(6, 4, generator=g)
    actions = torch.randint(0, 3, (6,), generator=g)
    rewards, dones = torch.randn(6, generator=g), (torch.rand(6, generator=g) < 0.2).float()
    return obs, actions, rewards, next_obs, dones


def c51_loss(net, target_net, obs, actions, rewards, next_obs, dones):
    with torch.no_grad():
        next_dist = target_net(next_obs)
        next_q = (next_dist * net.support).sum(-1)
        next_best = next_dist[torch.arange(len(next_obs)), next_q.argmax(1)]
        m = project(next_best, rewards, dones, net.support)
    dist = net(obs)
    p_a = dist[torch.arange(len(obs)), actions]
    return -(m * p_a.log()).sum(-1).mean()


def make_nets():
    torch.manual_seed(0)
    net, target_net = CategoricalQNet(), CategoricalQNet()
    target_net.load_state_dict(net.state_dict())
    return net, target_net


def run():
    net, target_net = make_nets()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        loss = c51_loss(net, target_net, *batch())
        opt.zero_grad()
        loss.backward()
        opt.step()


def silent_hazard():
    """Compares with the straight-through floor the .data write means: same forward values,
    softmax's backward at the probabilities it really computed."""
    net, target_net = make_nets()
    obs, actions, rewards, next_obs, dones = batch()
    c51_loss(net, target_net, obs, actions, rewards, next_obs, dones).backward()
    got = [p.grad.clone() for p in net.parameters()]

    net, target_net = make_nets()
    with torch.no_grad():
        nd = target_net(next_obs)
        nb = nd[torch.arange(6), (nd * net.support).sum(-1).argmax(1)]
        m = project(nb, rewards, dones, net.support)
    logits = net.head(net.body(obs)).view(-1, net.n_actions, N_ATOMS)
    dist = F.softmax(logits, dim=-1)
    dist = dist + (dist.clamp(min=net.p_floor) - dist).detach()
    p_a = dist[torch.arange(6), actions]
    (-(m * p_a.log()).sum(-1).mean()).backward()
    want = [p.grad for p in net.parameters()]
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, want))
