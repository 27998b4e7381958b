"""A first text CNN with parallel Conv1d branches of different kernel sizes ("same" padding), each
followed by ReLU; the branch features are summed with += into a `torch.zeros_like` accumulator."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiKernelCNN(nn.Module):
    def __init__(self, vocab=30, dim=8, kernels=(1, 3, 5), n_classes=2):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.convs = nn.ModuleList(nn.Conv1d(dim, dim, k, padding=k // 2) for k in kernels)
        self.fc = nn.Linear(dim, n_classes)

    def forward(self, tokens):
        x = self.emb(tokens).transpose(1, 2)
        outs = [F.relu(conv(x)) for conv in self.convs]
        fused = torch.zeros_like(outs[0])
        for o in outs:
            fused += o  # L
        return self.fc(fused.amax(dim=2))


def run():
    torch.manual_seed(0)
    model = MultiKernelCNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        tokens, y = torch.randint(0, 30, (4, 7)), torch.randint(0, 2, (4,))
        loss = F.cross_entropy(model(tokens), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
