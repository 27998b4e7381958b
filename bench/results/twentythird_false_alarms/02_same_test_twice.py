"""``if training: backward`` then ``if training: step``: the two tests of one flag agree.

From spikingjelly 2.0.0, ``spikingjelly/activation_based/examples/profiling/nsys_multigpu.py``:
``main`` sets ``training = args.phase == "training" and args.parallel != "graph"`` once, and
its ``run_step`` checks a single-device reference model against the parallel one::

    expected = reference(images)                          # _SmallStage.forward, line 34
    ...
    if training:
        nn.functional.mse_loss(expected, targets).backward()
    ...
    if training:
        ...
        if reference is not None:
            reference_optimizer.step()                    # line 292

Nothing rebinds ``training`` between the tests, so the step runs only after the backward
that consumed the reference's graph; in inference both are skipped.

In the library the linter warns ("``reference_optimizer.step()`` updates parameters in place
that ``Linear`` at line 34 (its weight) saved for a backward that has not run yet"): it joins
the paths after the first ``if`` and judges the second one on its own, so the path "no
backward, then step" is taken as possible.  With ``training = True`` written in place of the
argparse test it still warns (``run_step`` reads ``training`` from the enclosing ``main``).
Here the same two tests around one forward; the step is flagged the same way (a warning),
and the script runs in either phase.
"""
import argparse

import torch
from torch import nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--phase", choices=("training", "inference"), default="training")
    args = parser.parse_args()
    training = args.phase == "training"
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    x, y = torch.randn(16, 4), torch.randn(16, 2)
    with torch.enable_grad() if training else torch.no_grad():
        for _ in range(3):
            optimizer.zero_grad()
            output = model(x)
            if training:
                nn.functional.mse_loss(output, y).backward()
            print(f"mean output {output.mean().item():.4f}")
            if training:
                optimizer.step()


if __name__ == "__main__":
    main()
