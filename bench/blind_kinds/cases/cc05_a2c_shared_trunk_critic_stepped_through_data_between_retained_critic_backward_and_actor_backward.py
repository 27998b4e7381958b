"""A2C with a shared trunk and a hand-written SGD written the pre-0.4 way (`p.data.add_`). The
critic is updated first, from a retained graph, then the actor's loss is backpropagated through
the same forward: the trunk weights the actor's backward reads were already moved."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=4, n_actions=3, hidden=12):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(obs_dim, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh())
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)

    def forward(self, obs):
        h = self.trunk(obs)
        return self.pi(h), self.v(h).squeeze(-1)


def sgd_(params, lr):
    for p in params:
        if p.grad is not None:
            p.data.add_(p.grad.data, alpha=-lr)  # L
            p.grad.data.zero_()


def losses(model, obs, actions, returns):
    logits, values = model(obs)
    adv = (returns - values).detach()
    logp = torch.distributions.Categorical(logits=logits).log_prob(actions)
    return -(logp * adv).mean(), F.mse_loss(values, returns)


def update(model, obs, actions, returns, lr=0.1):
    critic_params = list(model.trunk.parameters()) + list(model.v.parameters())
    actor_loss, critic_loss = losses(model, obs, actions, returns)
    critic_loss.backward(retain_graph=True)
    sgd_(critic_params, lr)  # L
    actor_loss.backward()
    sgd_(model.pi.parameters(), lr)


def batch():
    return torch.randn(6, 4), torch.randint(0, 3, (6,)), torch.randn(6)


def run():
    torch.manual_seed(0)
    model = ActorCritic()
    for _ in range(2):
        update(model, *batch())


def silent_hazard():
    """The first layer's gradient from the actor loss (the second contribution a hook sees) must be
    the one at the weights the forward used."""
    torch.manual_seed(0)
    model = ActorCritic()
    reference = ActorCritic()
    reference.load_state_dict(model.state_dict())
    torch.manual_seed(1)
    obs, actions, returns = batch()
    losses(reference, obs, actions, returns)[0].backward()
    seen = []
    model.trunk[0].weight.register_hook(lambda g: seen.append(g.clone()))
    update(model, obs, actions, returns)
    return not torch.allclose(seen[1], reference.trunk[0].weight.grad, atol=1e-6)
