"""AWD-LSTM style word LM with activation regularisation (AR: L2 of the activations) and temporal
activation regularisation (TAR: L2 of the step-to-step change), as in Merity et al. 2017. As in
the original, AR is computed on the dropped output and TAR on the raw output; the output dropout
is applied in place on the LSTM output to save a (T, B, H) copy."""
import torch
import torch.nn as nn
import torch.nn.functional as F

AR_ALPHA, TAR_BETA, DROPOUT = 2.0, 1.0, 0.4


class WordLM(nn.Module):
    def __init__(self, vocab=17, emb=8, hidden=8):
        super().__init__()
        self.encoder = nn.Embedding(vocab, emb)
        self.rnn = nn.LSTM(emb, hidden)
        self.decoder = nn.Linear(hidden, vocab)

    def forward(self, ids, hidden=None):
        raw_out, hidden = self.rnn(self.encoder(ids), hidden)
        tar = TAR_BETA * (raw_out[1:] - raw_out[:-1]).pow(2).mean()
        out = F.dropout(raw_out, DROPOUT, self.training, inplace=True)  # L
        penalties = {"ar": AR_ALPHA * out.pow(2).mean(), "tar": tar}
        return self.decoder(out), hidden, penalties


def repackage(hidden):
    return tuple(h.detach() for h in hidden)


def run():
    torch.manual_seed(0)
    model = WordLM()
    opt = torch.optim.SGD(model.parameters(), lr=1.0)
    stream = torch.randint(0, 17, (13, 2))
    hidden = None
    for i in range(0, 12, 6):
        ids, target = stream[i:i + 6], stream[i + 1:i + 7]
        logits, hidden, pen = model(ids, hidden)
        hidden = repackage(hidden)
        loss = F.cross_entropy(logits.reshape(-1, 17), target.reshape(-1)) + sum(pen.values())
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 0.25)
        opt.step()
