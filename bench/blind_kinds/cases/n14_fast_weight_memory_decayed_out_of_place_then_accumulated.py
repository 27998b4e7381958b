"""Fast-weight (linear-attention, recurrent form) sequence classifier.

Each step reads the memory with ``M @ q`` and then writes the new association into it. The
decay is taken out of place, ``M = M * decay`` (a fresh tensor nothing saved yet), and the new
association is then added into it in place before the next read saves it.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FastWeightMemory(nn.Module):
    def __init__(self, d_in, d_key, decay=0.9):
        super().__init__()
        self.qkv = nn.Linear(d_in, 3 * d_key)
        self.decay = decay
        self.d_key = d_key

    def init_state(self, batch):
        return torch.zeros(batch, self.d_key, self.d_key)

    def step(self, M, x):
        q, k, v = self.qkv(x).split(self.d_key, dim=-1)
        read = torch.bmm(M, F.elu(q).add(1.0).unsqueeze(-1)).squeeze(-1)
        outer = v.unsqueeze(-1) * F.elu(k).add(1.0).unsqueeze(-2)
        M = M * self.decay
        M.add_(outer)  # L
        return M, read

    def forward(self, xs):
        M = self.init_state(xs.size(0))
        reads = []
        for x in xs.unbind(1):
            M, r = self.step(M, x)  # L
            reads.append(r)
        return torch.stack(reads, 1)


class Classifier(nn.Module):
    def __init__(self, d_in=5, d_key=4, classes=3):
        super().__init__()
        self.memory = FastWeightMemory(d_in, d_key)
        self.head = nn.Linear(d_key, classes)

    def forward(self, xs):
        return self.head(self.memory(xs)[:, -1])


def run():
    torch.manual_seed(0)
    model = Classifier()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    for _ in range(2):
        xs, y = torch.randn(2, 4, 5), torch.randint(0, 3, (2,))
        loss = F.cross_entropy(model(xs), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
