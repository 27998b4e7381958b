"""A Clockwork RNN (Koutnik et al., 2014) on a toy sequence regression. The hidden state is split
into modules with periods 1, 2, 4, 8; at step t only the modules whose period divides t are updated.
The update copies the carried state and writes the active modules' new values into the copy in place;
the others keep their old values."""
import torch
import torch.nn as nn


class ClockworkRNN(nn.Module):
    def __init__(self, d_in=3, module_size=2, periods=(1, 2, 4, 8)):
        super().__init__()
        self.periods = periods
        self.size = module_size
        hid = module_size * len(periods)
        self.w_in = nn.Linear(d_in, hid)
        self.w_hh = nn.Linear(hid, hid, bias=False)
        # a module reads only from modules of equal or slower period (upper block triangle)
        mask = torch.zeros(hid, hid)
        for i in range(len(periods)):
            mask[i * module_size:(i + 1) * module_size, i * module_size:] = 1.0
        self.register_buffer("conn", mask)
        self.out = nn.Linear(hid, 1)

    def active(self, t):
        return [i for i, p in enumerate(self.periods) if t % p == 0]

    def step(self, x_t, h, t):
        new = torch.tanh(self.w_in(x_t) + h @ (self.w_hh.weight * self.conn).t())
        h = h.clone()
        for i in self.active(t):
            cols = slice(i * self.size, (i + 1) * self.size)
            h[:, cols] = new[:, cols]  # L
        return h

    def forward(self, x):
        h = x.new_zeros(x.shape[0], self.size * len(self.periods))
        outs = []
        for t in range(x.shape[1]):
            h = self.step(x[:, t], h, t)  # L
            outs.append(self.out(h))
        return torch.stack(outs, 1).squeeze(-1)


def run():
    torch.manual_seed(0)
    model = ClockworkRNN()
    opt = torch.optim.SGD(model.parameters(), lr=1e-2)
    for _ in range(2):
        x = torch.randn(4, 9, 3)
        y = x.sum(-1).cumsum(1)
        loss = (model(x) - y).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
