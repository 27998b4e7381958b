"""espnet 202511: IPL001 warnings at espnet/nets/scorers/ctc.py:98 (``self.impl =
CTCPrefixScoreTH(logp, xlen, 0, self.eos)`` in ``CTCPrefixScorer.batch_init_state``, "[in
__init__() at espnet/nets/ctc_prefix_score.py:52]"), at espnet/nets/scorers/ctc.py:139
(``self.impl.extend_prob(logp)`` in ``CTCPrefixScorer.extend_prob``, "[in extend_prob() at
ctc_prefix_score.py:237]") and at espnet/nets/scorers/uasr.py:48 (the ``batch_init_state`` of
``UASRPrefixScorer``, as ctc.py:98): "`x` is modified in place by `[]=` but `log_softmax` at line
96 (its output) saved it for backward ...".

The batched CTC prefix scorer pads the posteriors of each utterance past its length:

    for i, l in enumerate(xlens):
        if l < self.input_length:          # self.input_length = x.size(1)
            x[i, l:, :] = self.logzero
            x[i, l:, blank] = 0

``log_softmax`` keeps its output, so the write would break a backward through ``logp``.  But the
scorers pass the full length: ``batch_init_state`` builds ``xlen = torch.tensor([logp.size(1)])``
for a batch of one, so ``l < self.input_length`` is ``T < T``; ``extend_prob`` (streaming) runs
only when the new posteriors are longer than the stored ones and sets ``xlens = [x.size(1)]``,
while ``self.input_length`` is still the stored (shorter) length.  The padding write never runs
on either path.  (And the scorers run in beam search, under ``no_grad`` in espnet's inference
scripts; but the write cannot run even with a graph.)

In the engine's terms: the condition compares a value derived from ``x.size(1)`` with
``x.size(1)`` stored on ``self``; the engine keeps no relation between the two sizes, takes
both arms, and the write on the taken-if-true arm is a write into ``log_softmax``'s output.
With this file's ``train`` fixed to ``True`` (the driver's tensors then surely require grad), the
same two writes are reported as *errors*.  The engine would need to know that a slice length
built as ``[x.size(1)]`` / ``torch.tensor([x.size(1)])`` equals ``x.size(1)`` (a size
relation), which is out of reach of a value analysis without symbolic sizes; short of that, a
write guarded by a comparison of two sizes could stay a warning even when the saved tensor
surely requires grad.  The library's ctc.py:139 warning reads "(on the paths where it is the
saved tensor)" and this one "(if that op saved it on the path taken ...)"; same code, same
severity.  Runs with ``python FILE`` and ``python FILE --eval``.
"""
import sys

import torch
import torch.nn.functional as F
from torch import nn


class PrefixScore:
    def __init__(self, x, xlens, blank):
        self.logzero = -1e10
        self.blank = blank
        self.input_length = x.size(1)
        # pad the rest of each sequence of the batch
        for i, l in enumerate(xlens):
            if l < self.input_length:
                x[i, l:, :] = self.logzero
                x[i, l:, blank] = 0
        xn = x.transpose(0, 1)
        xb = xn[:, :, self.blank].unsqueeze(2).expand(-1, -1, x.size(2))
        self.x = torch.stack([xn, xb])

    def extend_prob(self, x):
        if self.x.shape[1] < x.shape[1]:
            xlens = [x.size(1)]
            for i, l in enumerate(xlens):
                if l < self.input_length:
                    x[i, l:, :] = self.logzero
                    x[i, l:, self.blank] = 0
            tmp_x = self.x
            xn = x.transpose(0, 1)
            xb = xn[:, :, self.blank].unsqueeze(2).expand(-1, -1, x.size(2))
            self.x = torch.stack([xn, xb])
            self.x[:, : tmp_x.shape[1], :, :] = tmp_x
            self.input_length = x.size(1)

    def score(self):
        return torch.logsumexp(self.x[0], dim=0).sum()


class CTC(nn.Module):
    def __init__(self, dim=8, odim=6):
        super().__init__()
        self.ctc_lo = nn.Linear(dim, odim)

    def log_softmax(self, hs_pad):
        return F.log_softmax(self.ctc_lo(hs_pad), dim=2)


class PrefixScorer:
    def __init__(self, ctc):
        self.ctc = ctc

    def batch_init_state(self, x):
        logp = self.ctc.log_softmax(x.unsqueeze(0))
        xlen = torch.tensor([logp.size(1)])
        self.impl = PrefixScore(logp, xlen, 0)

    def extend_prob(self, x):
        logp = self.ctc.log_softmax(x.unsqueeze(0))
        self.impl.extend_prob(logp)


def decode(scorers, enc, short):
    # scoring a prefix of the encoder output, then the whole of it (a streaming decoder)
    for d in scorers.values():
        d.batch_init_state(enc[:short])
    for d in scorers.values():
        d.extend_prob(enc)
    return sum(d.impl.score() for d in scorers.values())


train = "--eval" not in sys.argv  # scores with a graph unless told otherwise
encoder = nn.Linear(4, 8)
scorers = {"ctc": PrefixScorer(CTC())}
for short in (7, 12):
    with torch.set_grad_enabled(train):
        score = decode(scorers, encoder(torch.randn(12, 4)), short)
    if train:
        score.backward()
