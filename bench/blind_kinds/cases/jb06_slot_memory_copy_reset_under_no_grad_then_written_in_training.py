"""A reader that encodes each step of a sequence into a slot memory and then attends over the
slots. The memory is carved out of a preallocated max-batch buffer; reset() clears it and takes the
batch's rows as a copy, under @torch.no_grad()."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SlotMemoryReader(nn.Module):
    def __init__(self, d_in, d, n_slots, max_batch=16):
        super().__init__()
        self.enc = nn.Linear(d_in, d)
        self.query = nn.Parameter(torch.randn(d) * 0.1)
        self.head = nn.Linear(d, 3)
        self.register_buffer("storage", torch.zeros(max_batch, n_slots, d), persistent=False)
        self.slots = None

    @torch.no_grad()
    def reset(self, batch):
        self.storage.zero_()
        self.slots = self.storage[:batch].clone()

    def forward(self, seq):
        self.reset(seq.shape[0])
        for t in range(seq.shape[1]):
            self.slots[:, t] = torch.tanh(self.enc(seq[:, t]))  # L
        attn = torch.softmax(self.slots @ self.query, dim=1)
        return self.head((attn.unsqueeze(-1) * self.slots).sum(1))


def run():
    torch.manual_seed(0)
    model = SlotMemoryReader(5, 8, n_slots=4)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        seq, y = torch.randn(3, 4, 5), torch.randint(0, 3, (3,))
        loss = F.cross_entropy(model(seq), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
