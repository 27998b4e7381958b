"""Reduced from nemo-toolkit 3.0.0,
nemo/collections/asr/parts/submodules/transducer_decoding/rnnt_label_looping.py:344-441
(``GreedyBatchedRNNTLoopLabelsComputer.torch_impl``, greedy transducer decoding;
the same in tdt_label_looping.py:383-492)::

    batch_indices = torch.arange(batch_size, dtype=torch.long, device=device)
    last_timestamps = torch.maximum(encoder_output_length - 1, torch.zeros_like(encoder_output_length))
    time_indices = torch.zeros_like(batch_indices)
    safe_time_indices = torch.minimum(time_indices, last_timestamps)
    ...
        time_indices += blank_mask
        torch.minimum(time_indices, last_timestamps, out=safe_time_indices)

Safe: ``minimum`` keeps both inputs only for the gradient of an input that
requires grad; here both are integer tensors (frame indices from a ``long``
``arange``, and the utterances' lengths), so nothing is saved and the frame
counter may be advanced in place.  The picked encoder frames carry the graph
and backpropagate.  The linter warns that ``minimum`` (its input) saved
``time_indices``: the lengths come in as an argument of unknown dtype (with
``encoder_output_length = encoder_output_length.long()`` first, or the bound
built from ``batch_indices``, the file is quiet).
"""
import torch
import torch.nn as nn


class GreedyFrames(nn.Module):
    def __init__(self, dim=4, vocab=3, blank=2):
        super().__init__()
        self.joint = nn.Linear(dim, vocab)
        self.blank = blank

    def forward(self, encoder_output, encoder_output_length, steps=4):
        batch_size = encoder_output.shape[0]
        batch_indices = torch.arange(batch_size, dtype=torch.long)
        last_timestamps = torch.maximum(encoder_output_length - 1, torch.zeros_like(encoder_output_length))
        time_indices = torch.zeros_like(batch_indices)
        safe_time_indices = torch.minimum(time_indices, last_timestamps)
        scores = []
        for _ in range(steps):
            # (indexing keeps its indices: index with a copy, as the out= below rewrites them)
            logits = self.joint(encoder_output[batch_indices, safe_time_indices.clone()])
            best, labels = logits.max(-1)
            scores.append(best)
            time_indices += labels == self.blank
            torch.minimum(time_indices, last_timestamps, out=safe_time_indices)
        return torch.stack(scores, 1)


def main():
    model = GreedyFrames()
    encoder_output = torch.randn(3, 5, 4, requires_grad=True)
    lengths = torch.tensor([5, 3, 1])
    model(encoder_output, lengths).sum().backward()
    assert encoder_output.grad is not None
    print("ok")


if __name__ == "__main__":
    main()
