import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyLM(nn.Module):
    """Bag-of-context language model with a separate output layer."""

    def __init__(self, vocab=20, dim=8, max_norm=1.0):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.out = nn.Linear(dim, vocab)
        self.max_norm = max_norm

    def forward(self, ctx):
        h = torch.tanh(self.mix(self.embed(ctx).mean(dim=1)))
        return self.out(h)

    @torch.no_grad()
    def renorm_embeddings(self):
        w = self.embed.weight
        norms = w.norm(dim=1, keepdim=True).clamp(min=self.max_norm)
        w.div_(norms / self.max_norm)  # L


def train_step(model, opt, ctx, target):
    logits = model(ctx)
    loss = F.cross_entropy(logits, target)
    # keep embeddings on the ball every step (the lookup copied the rows it used)
    model.renorm_embeddings()  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def run():
    torch.manual_seed(0)
    model = TinyLM()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    ctx = torch.randint(0, 20, (4, 3))
    target = torch.randint(0, 20, (4,))
    for _ in range(2):
        train_step(model, opt, ctx, target)


def silent_hazard():
    """True when the gradient torch computes differs from the true one (no error is raised)."""
    torch.manual_seed(0)
    model = TinyLM()
    ref = TinyLM()
    ref.load_state_dict(model.state_dict())
    ctx = torch.randint(0, 20, (4, 3))
    target = torch.randint(0, 20, (4,))
    loss = F.cross_entropy(model(ctx), target)
    model.renorm_embeddings()
    loss.backward()
    F.cross_entropy(ref(ctx), target).backward()
    return any(not torch.allclose(p.grad, q.grad) for p, q in zip(model.parameters(), ref.parameters()))
