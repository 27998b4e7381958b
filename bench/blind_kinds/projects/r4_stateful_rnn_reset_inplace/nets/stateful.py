import torch
import torch.nn as nn


class StatefulGRU(nn.Module):
    def __init__(self, d_in, d_h, d_out):
        super().__init__()
        self.cell = nn.GRUCell(d_in, d_h)
        self.head = nn.Linear(d_h, d_out)
        self.h = None

    def reset(self, batch):
        self.h = torch.zeros(batch, self.cell.hidden_size)

    def reset_done(self, done):
        self.h[done] = 0.0  # L

    def forward(self, x):
        self.h = self.cell(x, self.h)
        return self.head(self.h)
