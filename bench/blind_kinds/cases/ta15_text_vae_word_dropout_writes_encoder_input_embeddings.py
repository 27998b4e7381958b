"""Sentence VAE (Bowman et al.), time-major batches: GRU encoder -> z -> GRU decoder with word dropout on its inputs."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SentenceVAE(nn.Module):
    def __init__(self, vocab=15, emb=6, hidden=8, latent=3, word_dropout=0.3, unk_idx=1):
        super().__init__()
        self.embed = nn.Embedding(vocab, emb)
        self.encoder = nn.GRU(emb, hidden)
        self.to_stats = nn.Linear(hidden, 2 * latent)
        self.z_to_h = nn.Linear(latent, hidden)
        self.decoder = nn.GRU(emb, hidden)
        self.out = nn.Linear(hidden, vocab)
        self.word_dropout, self.unk_idx = word_dropout, unk_idx

    def forward(self, tokens):
        emb = self.embed(tokens)
        _, h = self.encoder(emb)
        mu, logvar = self.to_stats(h[-1]).chunk(2, dim=-1)
        z = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
        dec_in = emb
        if self.training:
            drop = torch.rand(tokens.shape) < self.word_dropout
            dec_in[drop] = self.embed.weight[self.unk_idx]  # L
        out, _ = self.decoder(dec_in, torch.tanh(self.z_to_h(z)).unsqueeze(0))
        kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(-1).mean()
        return self.out(out), kl


def run():
    torch.manual_seed(0)
    vae = SentenceVAE()
    opt = torch.optim.Adam(vae.parameters(), lr=1e-2)
    for step in range(3):
        tokens = torch.randint(2, 15, (6, 3))  # (time, batch)
        logits, kl = vae(tokens[:-1])
        beta = min(1.0, step / 2)  # KL annealing
        loss = F.cross_entropy(logits.reshape(-1, 15), tokens[1:].reshape(-1)) + beta * kl
        opt.zero_grad()
        loss.backward()
        opt.step()
