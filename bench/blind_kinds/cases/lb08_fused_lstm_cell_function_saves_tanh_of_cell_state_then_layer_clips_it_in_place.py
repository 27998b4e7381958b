"""An LSTM layer built on a hand-written autograd Function for the cell (one fused gate matmul,
a hand-written backward). The Function keeps the tanh of the new cell state for its backward,
as cuDNN-style cells do. The layer clips the carried cell state in place (`c.clamp_(-clip, clip)`,
cell clipping as in projected LSTMs) before the next step."""
import torch
import torch.nn as nn


class FusedLSTMCellFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, h, c, w_ih, w_hh, bias):
        gates = x @ w_ih.t() + h @ w_hh.t() + bias
        i, f, g, o = gates.chunk(4, dim=1)
        i, f, g, o = i.sigmoid(), f.sigmoid(), g.tanh(), o.sigmoid()
        c_new = f * c + i * g
        tc = torch.tanh(c_new)
        h_new = o * tc
        ctx.save_for_backward(x, h, c, w_ih, w_hh, i, f, g, o, tc)
        return h_new, c_new

    @staticmethod
    def backward(ctx, dh, dc):
        x, h, c, w_ih, w_hh, i, f, g, o, tc = ctx.saved_tensors
        dc = dc + dh * o * (1 - tc * tc)
        dgates = torch.cat([dc * g * i * (1 - i), dc * c * f * (1 - f), dc * i * (1 - g * g),
                            dh * tc * o * (1 - o)], dim=1)
        return (dgates @ w_ih, dgates @ w_hh, dc * f, dgates.t() @ x, dgates.t() @ h, dgates.sum(0))


class ClippedLSTM(nn.Module):
    def __init__(self, d_in, d_hid, cell_clip=3.0):
        super().__init__()
        self.d_hid, self.cell_clip = d_hid, cell_clip
        self.w_ih = nn.Parameter(torch.randn(4 * d_hid, d_in) * 0.3)
        self.w_hh = nn.Parameter(torch.randn(4 * d_hid, d_hid) * 0.3)
        self.bias = nn.Parameter(torch.zeros(4 * d_hid))

    def forward(self, xs):
        h = xs.new_zeros(xs.shape[1], self.d_hid)
        c = xs.new_zeros(xs.shape[1], self.d_hid)
        outs = []
        for x in xs:
            h, c = FusedLSTMCellFn.apply(x, h, c, self.w_ih, self.w_hh, self.bias)
            c.clamp_(-self.cell_clip, self.cell_clip)  # L
            outs.append(h)
        return torch.stack(outs)


def run():
    torch.manual_seed(0)
    rnn, head = ClippedLSTM(3, 5), nn.Linear(5, 1)
    opt = torch.optim.SGD([*rnn.parameters(), *head.parameters()], lr=0.1)
    for _ in range(2):
        xs, ys = torch.randn(6, 4, 3), torch.randn(6, 4, 1)
        loss = (head(rnn(xs)) - ys).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
