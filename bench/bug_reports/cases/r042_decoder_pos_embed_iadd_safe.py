# Source: https://github.com/thuanz123/enhancing-transformers/issues/11
# Safe twin: the decoder adds the positional embedding out of place (`x = token +
# self.de_pos_embedding`, the upstream fix), so `quant` is never written.
import torch
import torch.nn as nn


class PreNormMLP(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return x + self.fc2(torch.tanh(self.fc1(self.norm(x))))


class ViTDecoder(nn.Module):
    def __init__(self, num_tokens=4, dim=8, depth=2, patch_dim=6):
        super().__init__()
        self.de_pos_embedding = nn.Parameter(torch.randn(1, num_tokens, dim) * 0.02)
        self.transformer = nn.ModuleList([PreNormMLP(dim, 2 * dim) for _ in range(depth)])
        self.to_pixel = nn.Linear(dim, patch_dim)

    def forward(self, token):
        x = token + self.de_pos_embedding
        for block in self.transformer:
            x = block(x)
        return self.to_pixel(x)


class Quantizer(nn.Module):
    def __init__(self, dim=8, codes=5):
        super().__init__()
        self.embedding = nn.Embedding(codes, dim)

    def forward(self, z):
        d = (z.unsqueeze(-2) - self.embedding.weight).pow(2).sum(-1)
        z_q = self.embedding(d.argmin(-1))
        return z + (z_q - z).detach()  # straight-through


def run():
    torch.manual_seed(0)
    encoder = nn.Linear(6, 8)
    quantizer = Quantizer()
    decoder_a, decoder_b = ViTDecoder(), ViTDecoder()
    patches = torch.randn(2, 4, 6)
    quant = quantizer(encoder(patches))
    rec_a = decoder_a(quant)
    rec_b = decoder_b(quant)
    loss = (rec_a - patches).pow(2).mean() + (rec_b - patches).pow(2).mean()
    loss.backward()


if __name__ == "__main__":
    run()
