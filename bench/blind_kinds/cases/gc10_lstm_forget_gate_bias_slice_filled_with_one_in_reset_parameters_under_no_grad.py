"""A stacked LSTM language model whose reset_parameters sets the forget-gate bias to 1
(Jozefowicz et al. 2015): PyTorch packs the gates as i, f, g, o, so the forget gate is the second
quarter of each bias vector, filled in place through a slice under torch.no_grad()."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LSTMLM(nn.Module):
    def __init__(self, vocab=13, d=8, layers=2):
        super().__init__()
        self.hidden = d
        self.emb = nn.Embedding(vocab, d)
        self.lstm = nn.LSTM(d, d, num_layers=layers, batch_first=True)
        self.out = nn.Linear(d, vocab)
        self.reset_parameters()

    def forget_biases(self):
        return [getattr(self.lstm, name) for name, _ in self.lstm.named_parameters() if name.startswith("bias_ih")]

    @torch.no_grad()
    def reset_parameters(self):
        H = self.hidden
        for bias in self.forget_biases():
            bias[H:2 * H].fill_(1.0)  # L

    def forward(self, tokens):
        y, _ = self.lstm(self.emb(tokens))
        return self.out(y)


def run():
    torch.manual_seed(0)
    model = LSTMLM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    tokens = torch.randint(0, 13, (3, 7))
    for _ in range(2):
        logits = model(tokens[:, :-1])
        loss = F.cross_entropy(logits.flatten(0, 1), tokens[:, 1:].flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()
