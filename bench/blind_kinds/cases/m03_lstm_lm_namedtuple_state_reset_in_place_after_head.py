from typing import NamedTuple

import torch
import torch.nn as nn
import torch.nn.functional as F


class LSTMState(NamedTuple):
    h: torch.Tensor
    c: torch.Tensor

    @classmethod
    def zeros(cls, batch, hidden):
        return cls(torch.zeros(batch, hidden), torch.zeros(batch, hidden))

    def detach(self):
        return LSTMState(*(t.detach() for t in self))


class StepOutput(NamedTuple):
    logits: torch.Tensor
    state: LSTMState


class StreamingLM(nn.Module):
    """Reads several documents packed into one stream; the state is cleared at each boundary."""

    def __init__(self, vocab=11, dim=8, hidden=16, eos=0):
        super().__init__()
        self.eos = eos
        self.embed = nn.Embedding(vocab, dim)
        self.cell = nn.LSTMCell(dim, hidden)
        self.head = nn.Linear(hidden, vocab)

    def step(self, tok, state: LSTMState) -> StepOutput:
        h, c = self.cell(self.embed(tok), tuple(state))
        logits = self.head(h)
        # a document ended: the next token starts from an empty memory
        if (ended := tok == self.eos).any():
            h.masked_fill_(ended[:, None], 0.0)  # L
            c.masked_fill_(ended[:, None], 0.0)
        return StepOutput(logits, LSTMState(h, c))


def tbptt(model, stream, opt, chunk=5):
    state = LSTMState.zeros(stream.size(0), model.cell.hidden_size)
    for start in range(0, stream.size(1) - 1, chunk):
        inputs, targets = stream[:, start:start + chunk], stream[:, start + 1:start + chunk + 1]
        losses = []
        for t in range(targets.size(1)):
            out = model.step(inputs[:, t], state)  # L
            state = out.state
            losses.append(F.cross_entropy(out.logits, targets[:, t]))
        loss = torch.stack(losses).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        state = state.detach()


def run():
    torch.manual_seed(0)
    model = StreamingLM()
    stream = torch.randint(0, 11, (3, 12))
    stream[:, 4] = 0
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    tbptt(model, stream, opt)
