"""An action wrapper masks the logits in place; the test that runs it never backpropagates.

From DI-engine 0.5.3, ``ding/model/wrapper/model_wrappers.py``: ``ArgmaxSampleWrapper.forward``
(line 437), ``HybridArgmaxSampleWrapper.forward`` (518) and ``MultinomialSampleWrapper.forward``
(549) call the wrapped model and, when its output carries an ``action_mask``, write the mask
into the logits in place before taking the action::

    output = self._model.forward(*args, **kwargs)
    logit = output['logit']
    ...
    logit = [l.sub_(1e8 * (1 - m)) for l, m in zip(logit, mask)]
    action = [l.argmax(dim=-1) for l in logit]

The linter reaches them through ``ding/model/wrapper/test_model_wrappers.py``, whose
``ActorMLP`` ends in ``nn.Softmax`` (which keeps its output for backward), and reports an
error ("``Softmax`` at line 50 (its output) saved it for backward; backward will raise").  But
the tests only compare the actions with ``argmax`` of the (re-masked) logits: no backward ever
runs on those graphs, so nothing can raise.  (The library's training uses of the wrappers,
e.g. DQN's ``_learn_model``, mask Q-values that a ``Linear`` or dueling head made; neither
keeps its output.)

The linter spares a save whose output nothing that may backpropagate consumes (a bare
``l.sub_(...)`` here is quiet), but it takes every member of a list display (``[logit]``, the
comprehension's result) for consumed, so once the logit is put in a list the write is an
error.

Here the same wrapper, a softmax actor, and a test-like call that only reads the action; the
actor is trained separately beforehand with a backward of its own.  The ``sub_`` is flagged
the same way (an error), and the script runs cleanly.
"""
import torch
from torch import nn


class ActorMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 6)
        self.out = nn.Softmax(dim=-1)

    def forward(self, inputs):
        x = self.out(self.fc(inputs["obs"]))
        ret = {"logit": x}
        if "mask" in inputs:
            ret["action_mask"] = inputs["mask"]
        return ret


class ArgmaxSampleWrapper:
    def __init__(self, model):
        self._model = model

    def forward(self, *args, **kwargs):
        output = self._model.forward(*args, **kwargs)
        logit = output["logit"]
        if isinstance(logit, torch.Tensor):
            logit = [logit]
        if "action_mask" in output:
            mask = output["action_mask"]
            if isinstance(mask, torch.Tensor):
                mask = [mask]
            logit = [l.sub_(1e8 * (1 - m)) for l, m in zip(logit, mask)]
        action = [l.argmax(dim=-1) for l in logit]
        if len(action) == 1:
            action, logit = action[0], logit[0]
        output["action"] = action
        return output


def train_step(actor, optimizer):
    probs = actor({"obs": torch.randn(4, 3)})["logit"]
    loss = -probs[:, 0].log().mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def test_argmax_sample_wrapper(actor):
    model = ArgmaxSampleWrapper(actor)
    data = {"obs": torch.randn(4, 3), "mask": torch.randint(0, 2, size=(4, 6))}
    output = model.forward(data)
    logit = output["logit"]
    assert output["action"].eq(logit.argmax(dim=-1)).all()


if __name__ == "__main__":
    actor = ActorMLP()
    train_step(actor, torch.optim.SGD(actor.parameters(), lr=0.1))
    test_argmax_sample_wrapper(actor)
