"""A loop over an iterator class whose ``__iter__`` returns ``self``: the analysis stops.

From mmaction2 1.2.0, ``mmaction/engine/runner/multi_loop.py``: ``EpochMultiLoader`` (line 11)
zips several data loaders for ``MultiLoaderEpochBasedTrainLoop.run_epoch`` (line 38 is the
class, line 80 the loop ``for idx, data_batch in enumerate(EpochMultiLoader(...))``); its
``__iter__`` returns ``self`` and its ``__next__`` returns one batch of each loader.  Nothing in
it is in place; the loop is plain Python iteration.

The linter reports no finding but says "note: analysis incomplete: code nested too deeply at
line 38; the rest of the file was not analysed" ("1 file not fully analysed"; here at line 68,
the ``main()`` call that starts the run): taking the element of
``for ... in obj`` for an object of the file's own class calls its ``__iter__`` and takes the
element of what it returns, which is ``obj`` again, until Python's recursion limit
(``Expressions.iterate``, ``engine/expressions.py``).  A bare counter class (``__iter__``
returning ``self``, ``__next__`` counting down) iterated by ``for`` in any file that imports
torch does the same.
"""
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class EpochMultiLoader:
    """One batch of each loader per step, for as long as the shortest lasts."""

    def __init__(self, dataloaders):
        self._dataloaders = dataloaders
        self.iter_loaders = [iter(loader) for loader in self._dataloaders]

    def __iter__(self):
        return self

    def __next__(self):
        return tuple([next(loader) for loader in self.iter_loaders])

    def __len__(self):
        return min([len(loader) for loader in self._dataloaders])


class Trainer:
    def __init__(self, model, loaders):
        self.model = model
        self.loaders = loaders
        self.optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    def run_epoch(self):
        for idx, data_batch in enumerate(EpochMultiLoader(self.loaders)):
            self.run_iter(idx, data_batch)

    def run_iter(self, idx, data_batch):
        loss = sum((self.model(x) - y).pow(2).mean() for x, y in data_batch)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


def main():
    def loader(n):
        return DataLoader(TensorDataset(torch.randn(n, 4), torch.randn(n, 1)), batch_size=4)

    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    trainer = Trainer(model, [loader(16), loader(12)])
    trainer.run_epoch()
    print("ok")


if __name__ == "__main__":
    main()
