"""TabNet (Arik & Pfister) for a small tabular classifier: each decision step's attentive
transformer picks features with a sparsemax mask over `a * prior`, and the prior scales are then
relaxed for the next step, prior <- prior * (gamma - M). Here the relaxation is written in place
("the prior is our own running buffer"). The GLU outputs are scaled by 1/sqrt(n_steps) in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def sparsemax(z, dim=-1):
    """Martins & Astudillo's projection onto the simplex, written with sort and cumsum."""
    z_sorted, _ = torch.sort(z, dim=dim, descending=True)
    k = torch.arange(1, z.size(dim) + 1, dtype=z.dtype)
    cssv = z_sorted.cumsum(dim) - 1
    support = (k * z_sorted > cssv).to(z.dtype)
    k_z = support.sum(dim=dim, keepdim=True)
    tau = cssv.gather(dim, k_z.long() - 1) / k_z
    return torch.clamp(z - tau, min=0)


class GLUBlock(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.fc = nn.Linear(d_in, 2 * d_out)
        self.bn = nn.BatchNorm1d(2 * d_out)

    def forward(self, x):
        return F.glu(self.bn(self.fc(x)), dim=-1)


class AttentiveTransformer(nn.Module):
    def __init__(self, d_a, n_features):
        super().__init__()
        self.fc = nn.Linear(d_a, n_features)
        self.bn = nn.BatchNorm1d(n_features)

    def forward(self, a, prior):
        return sparsemax(self.bn(self.fc(a)) * prior)


class TabNet(nn.Module):
    def __init__(self, n_features=7, d_step=8, n_steps=3, n_classes=3, gamma=1.3):
        super().__init__()
        self.n_d = d_step // 2
        self.gamma = gamma
        self.initial_bn = nn.BatchNorm1d(n_features)
        self.first = GLUBlock(n_features, d_step)
        self.steps = nn.ModuleList(
            nn.ModuleDict({"att": AttentiveTransformer(d_step - self.n_d, n_features),
                           "feat": GLUBlock(n_features, d_step)})
            for _ in range(n_steps))
        self.head = nn.Linear(self.n_d, n_classes)

    def forward(self, x):
        x = self.initial_bn(x)
        prior = torch.ones_like(x)
        a = self.first(x)[:, self.n_d:]
        out, entropy = 0.0, 0.0
        for step in self.steps:
            mask = step["att"](a, prior)
            prior *= self.gamma - mask  # L
            entropy = entropy + (-mask * torch.log(mask + 1e-10)).sum(1).mean()
            h = step["feat"](x * mask)
            h *= 1.0 / len(self.steps) ** 0.5
            out = out + F.relu(h[:, :self.n_d])
            a = h[:, self.n_d:]
        return self.head(out), entropy / len(self.steps)


def run():
    torch.manual_seed(0)
    model = TabNet()
    opt = torch.optim.Adam(model.parameters(), lr=2e-2)
    x, y = torch.randn(16, 7), torch.randint(0, 3, (16,))
    for _ in range(2):
        logits, sparsity = model(x)
        loss = F.cross_entropy(logits, y) + 1e-3 * sparsity
        opt.zero_grad()
        loss.backward()
        opt.step()
