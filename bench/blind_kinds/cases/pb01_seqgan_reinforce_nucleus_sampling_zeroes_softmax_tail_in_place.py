"""A SeqGAN-style text generator trained with REINFORCE against a GRU discriminator. Tokens are drawn
by nucleus (top-p) sampling: the probability tail outside the nucleus is zeroed in place, the rest
renormalised, and the policy gradient uses the log of the sampled token's (filtered) probability."""
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, vocab=10, d=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.cell = nn.GRUCell(d, d)
        self.head = nn.Linear(d, vocab)


class Discriminator(nn.Module):
    def __init__(self, vocab=10, d=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.out = nn.Linear(d, 1)

    def forward(self, seq):
        _, h = self.rnn(self.embed(seq))
        return torch.sigmoid(self.out(h[-1])).squeeze(-1)


def nucleus_(probs, top_p):
    """Zero the tail outside the smallest set whose mass reaches top_p; renormalise."""
    sorted_p, order = probs.sort(dim=-1, descending=True)
    outside = (sorted_p.cumsum(-1) - sorted_p) > top_p
    remove = outside.scatter(-1, order, outside)
    probs[remove] = 0.0  # L
    probs /= probs.sum(-1, keepdim=True)  # L
    return probs


def rollout(gen, batch=4, length=5, temperature=0.9, top_p=0.8, bos=0):
    tok = torch.full((batch,), bos)
    h = torch.zeros(batch, 8)
    tokens, logps = [], []
    for _ in range(length):
        h = gen.cell(gen.embed(tok), h)
        probs = torch.softmax(gen.head(h) / temperature, dim=-1)
        probs = nucleus_(probs, top_p)  # L
        tok = torch.multinomial(probs.detach(), 1).squeeze(1)
        logps.append(torch.log(probs.gather(1, tok[:, None]).squeeze(1)))
        tokens.append(tok)
    return torch.stack(tokens, 1), torch.stack(logps, 1)


def run():
    torch.manual_seed(0)
    gen, disc = Generator(), Discriminator()
    g_opt = torch.optim.Adam(gen.parameters(), lr=1e-3)
    for _ in range(2):
        seq, logp = rollout(gen)
        with torch.no_grad():
            reward = disc(seq)
        loss = -(logp.sum(1) * (reward - reward.mean())).mean()
        g_opt.zero_grad()
        loss.backward()
        g_opt.step()
