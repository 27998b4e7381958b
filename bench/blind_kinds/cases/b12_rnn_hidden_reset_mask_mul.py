import torch
import torch.nn as nn


class Policy(nn.Module):
    def __init__(self, obs, hid, act):
        super().__init__()
        self.cell = nn.GRUCell(obs, hid)
        self.head = nn.Linear(hid, act)
        self.hid = hid

    def rollout(self, obs_seq, dones):
        h = torch.zeros(obs_seq.size(1), self.hid)
        logits = []
        for t in range(obs_seq.size(0)):
            h = self.cell(obs_seq[t], h)
            logits.append(self.head(h))
            h = h * (~dones[t]).float().unsqueeze(1)
        return torch.stack(logits)


def run():
    torch.manual_seed(0)
    pol = Policy(3, 6, 2)
    obs = torch.randn(4, 2, 3)
    dones = torch.tensor([[False, True], [False, False], [True, False], [False, False]])
    pol.rollout(obs, dones).sum().backward()
