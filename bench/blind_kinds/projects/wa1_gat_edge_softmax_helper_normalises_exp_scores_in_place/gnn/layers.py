import torch
import torch.nn as nn
import torch.nn.functional as F

from . import utils


class GATLayer(nn.Module):
    def __init__(self, d_in, d_out, heads=2, negative_slope=0.2, attn_dropout=0.1):
        super().__init__()
        self.heads, self.d_out = heads, d_out
        self.lin = nn.Linear(d_in, heads * d_out, bias=False)
        self.att_src = nn.Parameter(torch.randn(heads, d_out) * 0.1)
        self.att_dst = nn.Parameter(torch.randn(heads, d_out) * 0.1)
        self.negative_slope, self.attn_dropout = negative_slope, attn_dropout

    def forward(self, x, edge_index):
        n = x.shape[0]
        src, dst = edge_index
        h = self.lin(x).view(n, self.heads, self.d_out)
        scores = (h * self.att_src).sum(-1)[src] + (h * self.att_dst).sum(-1)[dst]
        scores = F.leaky_relu(scores, self.negative_slope)
        alpha = utils.edge_softmax(scores, dst, n)  # L
        alpha = F.dropout(alpha, self.attn_dropout, self.training)
        messages = h[src] * alpha[..., None]
        return utils.scatter_sum(messages, dst, n).mean(1)
