"""Mixture of Softmaxes language model head (Yang et al., 2018): K softmaxes over the vocabulary,
mixed by a context-dependent prior. The mixing weights are applied in place on the component
probabilities to avoid a (B, K, V) temporary."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MoSHead(nn.Module):
    def __init__(self, d_model, vocab, n_experts=3):
        super().__init__()
        self.k = n_experts
        self.prior = nn.Linear(d_model, n_experts, bias=False)
        self.latent = nn.Linear(d_model, n_experts * d_model)
        self.decoder = nn.Linear(d_model, vocab)

    def forward(self, h):
        b, d = h.shape
        latent = torch.tanh(self.latent(h)).view(b, self.k, d)
        probs = F.softmax(self.decoder(latent), dim=-1)
        prior = F.softmax(self.prior(h), dim=-1)
        probs.mul_(prior.unsqueeze(-1))  # L
        return probs.sum(1).add_(1e-8).log_()


class TinyLM(nn.Module):
    def __init__(self, vocab=11, d_model=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.rnn = nn.GRU(d_model, d_model, batch_first=True)
        self.head = MoSHead(d_model, vocab)

    def forward(self, ids):
        out, _ = self.rnn(self.embed(ids))
        return self.head(out.reshape(-1, out.shape[-1]))


def run():
    torch.manual_seed(0)
    model = TinyLM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    ids = torch.randint(0, 11, (2, 6))
    log_probs = model(ids[:, :-1])
    loss = F.nll_loss(log_probs, ids[:, 1:].reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
