import math

import torch
import torch.nn as nn


class SRULayer(nn.Module):
    """Simple recurrent unit (Lei et al. 2017): every projection of the sequence is one matmul,
    computed up front; the recurrence is element-wise only."""

    def __init__(self, d_in, d_hid, workspace):
        super().__init__()
        k = 1 / math.sqrt(d_in)
        self.weight = nn.Parameter(torch.empty(3 * d_hid, d_in).uniform_(-k, k))
        self.v_f = nn.Parameter(torch.zeros(d_hid))
        self.b_f = nn.Parameter(torch.zeros(d_hid))
        self.b_r = nn.Parameter(torch.zeros(d_hid))
        self.skip = nn.Linear(d_in, d_hid, bias=False) if d_in != d_hid else nn.Identity()
        self.d_hid = d_hid
        self.workspace = workspace

    def project(self, x):
        T, B, _ = x.shape
        buf = self.workspace.take("proj", (T, B, 3 * self.d_hid), x)
        buf[:T] = x @ self.weight.t()  # L
        return buf[:T]

    def forward(self, x, c=None):
        if c is None:
            c = x.new_zeros(x.shape[1], self.d_hid)
        x_tilde, f_pre, r_pre = self.project(x).chunk(3, dim=-1)  # L
        skip = self.skip(x)
        outs = []
        for t in range(x.shape[0]):
            f = torch.sigmoid(f_pre[t] + self.v_f * c + self.b_f)
            c = f * c + (1 - f) * x_tilde[t]
            r = torch.sigmoid(r_pre[t] + self.b_r)
            outs.append(r * torch.tanh(c) + (1 - r) * skip[t])
        return torch.stack(outs), c
