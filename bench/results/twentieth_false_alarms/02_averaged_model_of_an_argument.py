"""An EMA copy (``AveragedModel``) of a model that comes in as an argument: the file is not checked.

From fairchem-core 2.24.0, ``fairchem/core/units/mlip_unit/mlip_unit.py``: ``MLIPTrainEvalUnit``
keeps ``self.ema_model = torch.optim.swa_utils.AveragedModel(self.model, multi_avg_fn=...)``
(line 583), where ``self.model`` is the constructor's ``model`` argument wrapped by
``prepare_module`` (line 574), and after each optimizer step calls
``self.ema_model.update_parameters(self.model)`` (line 767).  Safe: ``update_parameters`` writes
the average's own parameters under ``no_grad`` after ``backward`` and the step; the averaged
copy is only used for evaluation.

The linter does not report a false finding here but stops on the file with
``E902 internal error: AttributeError: 'Tensor' object has no attribute 'param_group'`` (the run
says "1 file could not be checked"), so nothing else in it is checked either; a JSON run
prints the E902 only on stderr.  Seven lines are enough: a function taking ``model``, building
the ``AveragedModel`` and calling ``update_parameters``.
"""
import torch
from torch import nn


def train(model, batches, ema_decay=0.999):
    ema = torch.optim.swa_utils.AveragedModel(
        model, multi_avg_fn=torch.optim.swa_utils.get_ema_multi_avg_fn(ema_decay))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for x, y in batches:
        loss = (model(x) - y).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        ema.update_parameters(model)
    return ema


def main():
    model = nn.Sequential(nn.Linear(4, 8), nn.SiLU(), nn.Linear(8, 1))
    batches = [(torch.randn(16, 4), torch.randn(16, 1)) for _ in range(3)]
    ema = train(model, batches)
    with torch.no_grad():
        print("ok", ema(torch.randn(2, 4)).shape)


if __name__ == "__main__":
    main()
