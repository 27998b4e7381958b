import torch
import torch.nn as nn
import torch.nn.functional as F


class MoCoHead(nn.Module):
    """InfoNCE against a queue of negative keys (MoCo v2 style), negatives read from a copy of the queue."""

    def __init__(self, dim=6, queue_size=8, tau=0.2):
        super().__init__()
        self.tau = tau
        self.register_buffer("queue", F.normalize(torch.randn(queue_size, dim), dim=1))
        self.register_buffer("ptr", torch.zeros((), dtype=torch.long))

    @torch.no_grad()
    def _dequeue_and_enqueue(self, keys):
        n = keys.shape[0]
        idx = (self.ptr + torch.arange(n)) % self.queue.shape[0]
        self.queue.index_copy_(0, idx, keys)  # L
        self.ptr.fill_(int(idx[-1] + 1) % self.queue.shape[0])

    def forward(self, q, k):
        l_pos = (q * k).sum(1, keepdim=True)
        l_neg = q @ self.queue.clone().detach().T
        logits = torch.cat([l_pos, l_neg], dim=1) / self.tau
        self._dequeue_and_enqueue(k)
        return F.cross_entropy(logits, torch.zeros(q.shape[0], dtype=torch.long))


def run():
    torch.manual_seed(0)
    encoder_q, encoder_k = nn.Linear(5, 6), nn.Linear(5, 6)
    encoder_k.load_state_dict(encoder_q.state_dict())
    for p in encoder_k.parameters():
        p.requires_grad_(False)
    head = MoCoHead()
    opt = torch.optim.SGD(encoder_q.parameters(), lr=0.03)
    x = torch.randn(4, 5)
    q = F.normalize(encoder_q(x + 0.1 * torch.randn_like(x)), dim=1)
    k = F.normalize(encoder_k(x + 0.1 * torch.randn_like(x)), dim=1)
    loss = head(q, k)
    opt.zero_grad()
    loss.backward()
    opt.step()
