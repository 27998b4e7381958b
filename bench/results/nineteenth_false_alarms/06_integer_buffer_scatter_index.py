"""Reduced from nemo-toolkit 3.0.0,
nemo/collections/asr/parts/utils/batched_beam_decoding_utils.py:160-168, 411-463
(``BatchedBeamHyps``, the hypotheses store of the batched beam searches)::

    self.current_lengths_wb = torch.zeros([batch_size, self.beam_size], device=device, dtype=torch.long)
    self.transcript_wb = torch.full((batch_size, self.beam_size, self._max_length),
                                    fill_value=NON_EXISTENT_LABEL_VALUE, device=device, dtype=torch.long)
    ...
    def add_results_no_checks_(self, next_indices, next_labels, next_hyps_prob, ...):
        self.transcript_wb.scatter_(dim=-1, index=self.current_lengths_wb.unsqueeze(-1),
                                    src=next_labels.unsqueeze(-1))
        ...
        torch.add(self.current_lengths_wb, 1, out=self.current_lengths_wb)

Safe: ``scatter_`` keeps its index only for the gradient of ``self`` or
``src``; here ``self`` is a ``long`` buffer, so ``src`` must be an integer
tensor too (scatter requires equal dtypes): neither can require grad, nothing is
saved, and the lengths may be advanced in place.  The scores that carry the
graph backpropagate.  The linter warns that ``scatter_`` (its index) saved the
lengths: the labels come in as an argument of unknown dtype.
"""
import torch
import torch.nn as nn


class Hypotheses:
    def __init__(self, batch_size, max_length=8):
        self.current_lengths = torch.zeros([batch_size], dtype=torch.long)
        self.transcript = torch.full((batch_size, max_length), fill_value=-1, dtype=torch.long)

    def add_results_(self, next_labels):
        self.transcript.scatter_(dim=-1, index=self.current_lengths.unsqueeze(-1), src=next_labels.unsqueeze(-1))
        torch.add(self.current_lengths, 1, out=self.current_lengths)


class Greedy(nn.Module):
    def __init__(self, dim=4, vocab=3):
        super().__init__()
        self.joint = nn.Linear(dim, vocab)

    def forward(self, encoder_output):
        hyps = Hypotheses(encoder_output.shape[0])
        total = 0
        for t in range(encoder_output.shape[1]):
            scores, labels = self.joint(encoder_output[:, t]).log_softmax(-1).max(-1)
            hyps.add_results_(labels)
            total = total + scores
        return total, hyps.transcript


def main():
    model = Greedy()
    encoder_output = torch.randn(2, 5, 4, requires_grad=True)
    total, transcript = model(encoder_output)
    total.sum().backward()
    assert encoder_output.grad is not None and transcript.shape == (2, 8)
    print("ok")


if __name__ == "__main__":
    main()
