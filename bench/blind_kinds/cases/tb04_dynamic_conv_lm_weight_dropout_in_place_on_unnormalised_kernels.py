"""Dynamic convolution (Wu et al., 2019) in a small causal LM: every position predicts its own
depthwise kernel from the input, left unnormalised (weight_softmax off, as in the paper's ablation), and
DropConnect is applied to the predicted kernels. fairseq passes inplace=False here; this port
saves the copy."""
import torch
import torch.nn as nn
import torch.nn.functional as F

CONFIG = {"kernel_size": 3, "heads": 2, "weight_softmax": False, "weight_dropout": 0.2}


class DynamicConv1d(nn.Module):
    def __init__(self, dim, kernel_size, heads, weight_softmax, weight_dropout):
        super().__init__()
        self.k, self.h, self.softmax = kernel_size, heads, weight_softmax
        self.p = weight_dropout
        self.weight_linear = nn.Linear(dim, heads * kernel_size)

    def forward(self, x):
        b, t, c = x.shape
        weight = self.weight_linear(x).view(b, t, self.h, self.k)
        if self.softmax:
            weight = F.softmax(weight, dim=-1)
        weight = F.dropout(weight, self.p, self.training, inplace=True)  # L
        # causal unfold: position i sees i-k+1 .. i
        padded = F.pad(x, (0, 0, self.k - 1, 0))
        windows = padded.unfold(1, self.k, 1).view(b, t, self.h, c // self.h, self.k)
        return torch.einsum("bthck,bthk->bthc", windows, weight).reshape(b, t, c)


class DynConvLM(nn.Module):
    def __init__(self, vocab=13, dim=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.conv = DynamicConv1d(dim, **CONFIG)
        self.out = nn.Linear(dim, vocab)

    def forward(self, ids):
        x = self.embed(ids)
        return self.out(x + self.conv(x))


def run():
    torch.manual_seed(0)
    model = DynConvLM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    ids = torch.randint(0, 13, (2, 7))
    logits = model(ids[:, :-1])
    loss = F.cross_entropy(logits.reshape(-1, 13), ids[:, 1:].reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
