"""recbole 1.2.1: IPL003 warning at recbole/data/dataloader/general_dataloader.py:133
(``new_batch_size += inters_num[i]`` in ``NegSampleEvalDataLoader._init_batch_size_and_step``,
"`new_batch_size` is an output of a multi-output view function (unbind/split/chunk or iteration
over a tensor) and `+=` modifies it in place", via the constructor chain
``NegSampleEvalDataLoader.__init__`` -> ``NegSampleDataLoader.__init__`` ->
``AbstractDataLoader.__init__`` -> ``self._init_batch_size_and_step()``).

The evaluation loader counts each user's interactions in a numpy array
(``self.uid2items_num = np.zeros(user_num, dtype=np.int64)``), multiplies it by the number of rows
each interaction becomes (``self.times``: ``1``, ``1 + sample_num`` or ``sample_num``, a number
from the configuration's negative-sampling arguments), sorts it and packs the largest users into
one batch:

    inters_num = sorted(self.uid2items_num * self.times, reverse=True)
    new_batch_size = inters_num[0]
    for i in range(1, len(inters_num)):
        ...
        new_batch_size += inters_num[i]

No tensor is involved: ``sorted`` of an int64 ndarray gives numpy integers, and ``+=`` on one
rebinds the name.  (Had ``uid2items_num * times`` been a tensor, its items would be integer
tensors, which cannot require grad, so torch would still not refuse the write.)

In the engine's terms: ``times`` is the join, over two nested branches, of ``1``, ``1 + n`` and
``n`` with ``n`` an item of a dict the engine does not know (``neg_sample_args["sample_num"]``);
that join is a value that may be a tensor (with only ``1`` and ``1 + n``, or only ``1`` and
``n``, the copy is quiet), so ``ndarray * times`` may be a tensor, ``sorted`` of it iterates a
tensor, its items are multi-output views, and ``+=`` on one is flagged.  The engine would need a
product with a numpy array of known integer dtype to stay a numpy array (or, at least, a product
whose one known factor is not a tensor to take the kind of the other only when that one is known
to be a tensor).
"""
import numpy as np
import torch


class AbstractLoader(torch.utils.data.DataLoader):
    def __init__(self, config, dataset, sampler):
        self.config = config
        self._sampler = sampler
        self.step = None
        self._init_batch_size_and_step()
        super().__init__(dataset, batch_size=self.step)


class NegSampleLoader(AbstractLoader):
    def _set_neg_sample_args(self, config, neg_sample_args):
        self.neg_sample_args = neg_sample_args
        self.times = 1
        if self.neg_sample_args["sample_num"] != "none":
            self.neg_sample_num = self.neg_sample_args["sample_num"]
            if config["pointwise"]:
                self.times = 1 + self.neg_sample_num
            else:
                self.times = self.neg_sample_num


class EvalLoader(NegSampleLoader):
    def __init__(self, config, dataset, sampler, user_ids):
        phase = sampler.phase if sampler is not None else "test"
        self._set_neg_sample_args(config, config[f"{phase}_neg_sample_args"])
        if self.neg_sample_args["sample_num"] != "none":
            self.uid2items_num = np.zeros(int(user_ids.max()) + 1, dtype=np.int64)
            for uid in user_ids.tolist():
                self.uid2items_num[uid] += 1
        super().__init__(config, dataset, sampler)

    def _init_batch_size_and_step(self):
        batch_size = self.config["eval_batch_size"]
        if self.neg_sample_args["sample_num"] != "none":
            inters_num = sorted(self.uid2items_num * self.times, reverse=True)
            batch_num = 1
            new_batch_size = inters_num[0]
            for i in range(1, len(inters_num)):
                if new_batch_size + inters_num[i] > batch_size:
                    break
                batch_num = i + 1
                new_batch_size += inters_num[i]
            self.step = batch_num
        else:
            self.step = batch_size


class Sampler:
    phase = "valid"


if __name__ == "__main__":
    torch.manual_seed(0)
    config = {"valid_neg_sample_args": {"sample_num": 1}, "eval_batch_size": 6, "pointwise": False}
    users = torch.tensor([0, 0, 1, 2, 2, 2])
    loader = EvalLoader(config, list(range(6)), Sampler(), users)
    assert loader.step == 3
    # the batches it gives train a small scorer (what the loader feeds in recbole's evaluation)
    emb = torch.nn.Embedding(3, 4)
    opt = torch.optim.SGD(emb.parameters(), lr=0.1)
    for batch in loader:
        loss = emb(users[batch]).pow(2).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("ok")
