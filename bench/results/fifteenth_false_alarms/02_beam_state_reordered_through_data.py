"""stanza 1.15.0: IPL004 error at stanza/models/common/seq2seq_model.py:328
(``s.data.copy_(s.data.index_select(0, positions))`` in ``Seq2SeqModel.predict``'s nested
``update_state``, "`s.data` writes through `.data` to a tensor that `LSTMCell` at
seq2seq_modules.py:227 (its hx) saved for backward"), first seen on session 15's final engine.

Beam search reorders the decoder's LSTM states after each step: the state the decoder returns
is written through ``.data`` (one view per batch element), and only then fed to the next step,
whose ``LSTMCell`` keeps it as ``hx``. No step keeps the state it returns (``LSTMCell`` keeps its
input state, not its output), so each write comes before the save of the state it writes, and
nothing a backward reads is changed.

In the engine's terms: ``LSTMCell``'s ``hx`` counts as saved since session 15 (helper recall15,
blind rb3), and the decoder's loop over ``range(input.size(0))`` (of unknown length) returns a
join of its input state (no iteration) and a later iteration's state; the input state is the one
the loop's ``LSTMCell`` saved, on the paths where the loop ran. Without ``.data`` the write is
quiet (the joined value hides what the loop saved from its zero-iteration member), but ``x.data``
is a new tensor that keeps neither the join's members nor what each cannot see. A change that
kept them (``x.data`` as the value on its path) removed this error but turned two ``.data``
hazards of the blind batches (n11, ta01: a list of parameters joined for ``zip``) into warnings
and was reverted.  Runs and backpropagates cleanly.
"""
import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.lstm_cell = nn.LSTMCell(dim, dim)

    def forward(self, input, hidden):
        input = input.transpose(0, 1)
        output = []
        steps = range(input.size(0))
        for i in steps:
            hidden = self.lstm_cell(input[i], hidden)
            hy, cy = hidden
            output.append(hy)
        return torch.stack(output, 0).transpose(0, 1), hidden


class Model(nn.Module):
    def __init__(self, dim=4, vocab=5):
        super().__init__()
        self.encoder = nn.LSTM(dim, dim // 2, bidirectional=True, batch_first=True)
        self.decoder = Decoder(dim)
        self.embedding = nn.Embedding(vocab, dim)
        self.out = nn.Linear(dim, vocab)

    def predict(self, src, beam_size=2, max_len=3):
        _, (hn, cn) = self.encoder(self.embedding(src))
        hn = torch.cat((hn[-1], hn[-2]), 1)
        cn = torch.cat((cn[-1], cn[-2]), 1)
        with torch.no_grad():
            hn = hn.data.repeat(beam_size, 1)
            cn = cn.data.repeat(beam_size, 1)
        batch_size = src.size(0)

        def update_state(states, idx, positions, beam_size):
            for e in states:
                br, d = e.size()
                s = e.contiguous().view(beam_size, br // beam_size, d)[:, idx]
                s.data.copy_(s.data.index_select(0, positions))

        tokens = torch.zeros(beam_size * batch_size, 1, dtype=torch.long)
        scores = []
        for i in range(max_len):
            h_out, (hn, cn) = self.decoder(self.embedding(tokens), (hn, cn))
            log_probs = self.out(h_out).log_softmax(-1)
            tokens = log_probs.argmax(-1)
            scores.append(log_probs)
            for b in range(batch_size):
                update_state((hn, cn), b, torch.arange(beam_size).flip(0), beam_size)
        return tokens, torch.stack(scores)


def main():
    torch.manual_seed(0)
    m = Model()
    tokens, log_probs = m.predict(torch.randint(0, 5, (3, 4)))
    log_probs.sum().backward()
    print("ok", tokens.shape)


if __name__ == "__main__":
    main()
