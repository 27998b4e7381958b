"""Dreamer-style actor learning in imagination: a continue head (sigmoid) predicts whether each
imagined step is non-terminal, and the cumulative discount that weights the actor's loss is the
running product of gamma times the continue probabilities. The first imagined state is a real
(non-terminal) start, so its entry of the discount is set to 1 before the product is taken."""
import torch
import torch.nn as nn

GAMMA, HORIZON = 0.99, 5


class WorldModel(nn.Module):
    def __init__(self, z_dim=6, a_dim=2):
        super().__init__()
        self.dynamics = nn.GRUCell(a_dim, z_dim)
        self.reward = nn.Linear(z_dim, 1)
        self.cont = nn.Linear(z_dim, 1)

    def heads(self, states):
        return self.reward(states).squeeze(-1), torch.sigmoid(self.cont(states)).squeeze(-1)


def imagine(world, actor, z):
    states = [z]
    for _ in range(HORIZON - 1):
        z = world.dynamics(actor(z), z)
        states.append(z)
    return torch.stack(states)


def discount_weights(cont):
    disc = GAMMA * cont
    disc[0] = GAMMA  # L
    return torch.cumprod(disc, 0) / GAMMA


def actor_loss(world, actor, critic, z0):
    states = imagine(world, actor, z0)
    rewards, cont = world.heads(states)
    values = critic(states).squeeze(-1)
    weights = discount_weights(cont)  # L
    returns = rewards + GAMMA * cont * torch.cat([values[1:], values[-1:]])
    return -(weights * returns).mean()


def run():
    torch.manual_seed(0)
    world, critic = WorldModel(), nn.Linear(6, 1)
    actor = nn.Sequential(nn.Linear(6, 16), nn.ELU(), nn.Linear(16, 2), nn.Tanh())
    opt = torch.optim.Adam(actor.parameters(), lr=1e-3)
    for _ in range(2):
        loss = actor_loss(world, actor, critic, torch.randn(8, 6))
        opt.zero_grad()
        loss.backward()
        opt.step()
