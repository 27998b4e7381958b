import torch
import torch.nn as nn


class Agent(nn.Module):
    """Recurrent policy stepped through a batch of environments."""

    def __init__(self, obs_dim=5, hidden=8, n_actions=3):
        super().__init__()
        self.encoder = nn.Linear(obs_dim, hidden)
        self.core = nn.LSTMCell(hidden, hidden)
        self.policy = nn.Linear(hidden, n_actions)
        self.hidden = hidden

    def initial_state(self, batch):
        return {"h": torch.zeros(batch, self.hidden), "c": torch.zeros(batch, self.hidden)}

    def step(self, obs, state):
        h, c = self.core(torch.relu(self.encoder(obs)), (state["h"], state["c"]))
        return self.policy(h), {"h": h, "c": c}


def rollout(agent, observations, dones):
    state = agent.initial_state(observations.size(1))
    log_probs = []
    for obs, done in zip(observations, dones):
        logits, state = agent.step(obs, state)
        log_probs.append(torch.log_softmax(logits, -1)[:, 0])
        keep = (~done).float().unsqueeze(1)
        state["h"] = state["h"] * keep
        state["c"].mul_(keep)  # L
    return torch.stack(log_probs)


def run():
    torch.manual_seed(0)
    agent = Agent()
    obs = torch.randn(4, 3, 5)
    dones = torch.tensor([[False, False, True], [False, True, False], [False, False, False], [True, False, False]])
    returns = torch.randn(4, 3)
    loss = -(rollout(agent, obs, dones) * returns).mean()
    loss.backward()
