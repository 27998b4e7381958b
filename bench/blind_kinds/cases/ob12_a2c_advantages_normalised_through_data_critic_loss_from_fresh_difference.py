"""A2C on a batch of n-step returns. The advantages are formed once; the critic loss squares
returns - values afresh; then the advantages are standardised for the actor through .data ("so the
normalisation stays out of the graph"), and the actor loss is taken with them, before one backward."""
import torch
import torch.nn as nn


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=5, n_actions=3):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU())
        self.pi, self.v = nn.Linear(16, n_actions), nn.Linear(16, 1)

    def forward(self, obs):
        h = self.body(obs)
        return torch.log_softmax(self.pi(h), -1), self.v(h).squeeze(-1)


def a2c_loss(model, obs, actions, returns):
    logp_all, values = model(obs)
    logp = logp_all.gather(1, actions[:, None]).squeeze(1)
    adv = returns - values
    value_loss = (returns - values).pow(2).mean()
    adv.data.sub_(adv.data.mean()).div_(adv.data.std() + 1e-8)  # L
    policy_loss = -(logp * adv.detach()).mean()
    entropy = -(logp_all.exp() * logp_all).sum(-1).mean()
    return policy_loss + 0.5 * value_loss - 0.01 * entropy


def reference_loss(model, obs, actions, returns):
    """The same objective with the normalisation out of place."""
    logp_all, values = model(obs)
    logp = logp_all.gather(1, actions[:, None]).squeeze(1)
    adv = returns - values
    norm = (adv.detach() - adv.detach().mean()) / (adv.detach().std() + 1e-8)
    entropy = -(logp_all.exp() * logp_all).sum(-1).mean()
    return -(logp * norm).mean() + 0.5 * adv.pow(2).mean() - 0.01 * entropy


def data():
    torch.manual_seed(1)
    return torch.randn(10, 5), torch.randint(0, 3, (10,)), torch.randn(10) * 2


def grads(loss_fn):
    torch.manual_seed(0)
    model = ActorCritic()
    loss_fn(model, *data()).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    torch.manual_seed(0)
    model = ActorCritic()
    opt = torch.optim.RMSprop(model.parameters(), lr=7e-4)
    for _ in range(2):
        loss = a2c_loss(model, *data())
        opt.zero_grad()
        loss.backward()
        opt.step()


def silent_hazard():
    got, ref = grads(a2c_loss), grads(reference_loss)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
