"""A character-level GRU language model trained with truncated backprop through time. The model
returns the last time step of its output as the state to carry ("for a one-layer GRU the last
output is the final hidden state"), and the loop cuts the graph between chunks in place with
`hidden.detach_()`, as some TBPTT snippets do."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CharGRU(nn.Module):
    def __init__(self, vocab=11, d_emb=6, d_hid=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_emb)
        self.rnn = nn.GRU(d_emb, d_hid)  # time-major
        self.head = nn.Linear(d_hid, vocab)

    def forward(self, tokens, hidden):
        out, _ = self.rnn(self.embed(tokens), hidden)
        return self.head(out), out[-1:]


def chunks(stream, bptt):
    for i in range(0, stream.shape[0] - 1, bptt):
        n = min(bptt, stream.shape[0] - 1 - i)
        yield stream[i:i + n], stream[i + 1:i + 1 + n]


def run():
    torch.manual_seed(0)
    model = CharGRU()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    stream = torch.randint(0, 11, (13, 3))
    hidden = torch.zeros(1, 3, 8)
    for inp, tgt in chunks(stream, bptt=4):
        hidden.detach_()  # L
        logits, hidden = model(inp, hidden)
        loss = F.cross_entropy(logits.reshape(-1, 11), tgt.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
