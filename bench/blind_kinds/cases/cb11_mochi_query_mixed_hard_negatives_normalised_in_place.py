"""MoCo with hard negative mixing (MoCHi): the hardest queue negatives for each query are mixed
with the query itself (h' = beta q + (1 - beta) n) and renormalised in place by their own norm
before joining the logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def hardest(queue, q, k):
    return (q @ queue.t()).topk(k, dim=1).indices  # [B, k]


def mix_with_query(q, queue, idx, generator):
    beta = torch.rand(idx.shape + (1,), generator=generator) * 0.5
    mixed = beta * q[:, None, :] + (1 - beta) * queue[idx]
    mixed.div_(mixed.norm(dim=-1, keepdim=True))  # L
    return mixed


def mix_negatives(queue, idx, generator):
    lam = torch.rand(idx.shape + (1,), generator=generator)
    partner = idx.roll(1, dims=1)
    mixed = lam * queue[idx] + (1 - lam) * queue[partner]
    mixed.div_(mixed.norm(dim=-1, keepdim=True))
    return mixed


class MoCHi(nn.Module):
    def __init__(self, d_in=6, dim=4, queue_size=16, n_hard=3, tau=0.2, synth=mix_with_query):
        super().__init__()
        self.encoder_q = nn.Sequential(nn.Linear(d_in, 8), nn.ReLU(), nn.Linear(8, dim))
        self.encoder_k = nn.Sequential(nn.Linear(d_in, 8), nn.ReLU(), nn.Linear(8, dim))
        self.encoder_k.load_state_dict(self.encoder_q.state_dict())
        self.encoder_k.requires_grad_(False)
        self.register_buffer("queue", F.normalize(torch.randn(queue_size, dim), dim=1))
        self.n_hard, self.tau, self.synth = n_hard, tau, synth
        self.generator = torch.Generator().manual_seed(0)

    def forward(self, x1, x2):
        q = F.normalize(self.encoder_q(x1), dim=1)
        with torch.no_grad():
            k = F.normalize(self.encoder_k(x2), dim=1)
        idx = hardest(self.queue, q.detach(), self.n_hard)
        if self.synth is mix_with_query:
            synthetic = mix_with_query(q, self.queue, idx, self.generator)  # L
        else:
            synthetic = mix_negatives(self.queue, idx, self.generator)
        l_pos = (q * k).sum(-1, keepdim=True)
        l_neg = q @ self.queue.t()
        l_syn = torch.einsum("bd,bkd->bk", q, synthetic)
        logits = torch.cat([l_pos, l_neg, l_syn], dim=1) / self.tau
        return F.cross_entropy(logits, torch.zeros(len(q), dtype=torch.long))


def run(synth=mix_with_query):
    torch.manual_seed(0)
    model = MoCHi(synth=synth)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for _ in range(2):
        x = torch.randn(5, 6)
        loss = model(x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x))
        opt.zero_grad()
        loss.backward()
        opt.step()
