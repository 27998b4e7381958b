"""``mask = mask.squeeze(-1)`` after ``if mask is not None:``: the path with no mask ends there.

From funasr 1.4.16, ``funasr/models/paraformer/cif_predictor.py``, ``CifPredictorV2.forward``
(the same lines in ``CifPredictor.forward``, line 99, ``bicif_paraformer/cif_predictor.py``
line 291 and ``e_paraformer/pif_predictor.py`` line 113)::

    alphas = torch.nn.functional.relu(alphas * self.smooth_factor - self.noise_threshold)
    if mask is not None:
        mask = mask.transpose(-1, -2).float()
        alphas = alphas * mask
    ...
    alphas = alphas.squeeze(-1)
    mask = mask.squeeze(-1)
    ...
    token_num = alphas.sum(-1)
    if target_length is not None:
        alphas *= (target_length / token_num)[:, None].repeat(1, alphas.size(1))   # line 298

``relu`` keeps its output, so the write would break its backward if ``alphas`` were still
relu's output.  That is so only when ``mask`` is None, and then ``mask.squeeze(-1)`` raises
AttributeError before the write: on every path that reaches the write, ``alphas`` is the
product ``alphas * mask``, which nothing saved (``mul`` keeps its inputs, not its output).

The linter warns (IPL001, "`alphas` is modified in place by `*=` but `relu` at line ... (its
output) saved it for backward ... (on the paths where it is the saved tensor)"): the path on
which ``mask`` is None goes on past ``mask.squeeze(-1)``.
An explicit ``if mask is None: raise ValueError`` (or ``assert mask is not None``) before
the write still warns: after the first ``if`` joins, nothing ties ``mask`` being None to
``alphas`` being relu's output.

Here the predictor is trained with a padding mask (as funasr's models always pass one), cleanly.
"""
import torch
from torch import nn


class Predictor(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.proj = nn.Linear(dim, 1)

    def forward(self, hidden, mask=None, target_length=None):
        alphas = torch.sigmoid(self.proj(hidden))
        alphas = torch.nn.functional.relu(alphas * 1.0 - 0.0)
        if mask is not None:
            mask = mask.transpose(-1, -2).float()
            alphas = alphas * mask
        alphas = alphas.squeeze(-1)
        mask = mask.squeeze(-1)
        token_num = alphas.sum(-1)
        if target_length is not None:
            alphas *= (target_length / token_num)[:, None].repeat(1, alphas.size(1))
        return alphas, token_num


def main():
    pred = Predictor(4)
    hidden = torch.randn(2, 6, 4)
    mask = torch.ones(2, 1, 6, dtype=torch.bool)
    alphas, token_num = pred(hidden, mask, torch.tensor([3.0, 2.0]))
    (alphas.sum() + token_num.sum()).backward()


if __name__ == "__main__":
    main()
