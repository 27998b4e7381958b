"""pykan 0.2.8, kan/MLP.py:263: IPL001 warning.

``MLP.fit`` trains with its LBFGS: each iteration runs ``optimizer.step(closure)`` (the closure
zeroes the gradients, runs the forward on the training batch, calls ``objective.backward()`` and
returns the objective), then evaluates the test batch with ``test_loss = loss_fn_eval(
self.forward(test_input), test_label)`` -- outside ``torch.no_grad()``, so that forward records a
graph and its ``Linear`` layers save their weights -- and only logs the number:
``torch.sqrt(test_loss).cpu().detach().numpy()``.  The next iteration's ``step`` updates the
weights in place.  That is safe: the only backward ever run is the closure's, on the graph the
closure has just built; the test graph is never backpropagated and is dropped when ``test_loss``
is rebound.  The linter takes the test forward's saves as waiting for a backward that has not
run, and the ``step`` as a write into them.  (Its forward, like pykan's, keeps the activations
under ``if self.save_act:``; without that branch in the layer loop the copy is quiet.)
"""
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, width, save_act=True):
        super().__init__()
        self.depth = len(width) - 1
        linears = []
        for i in range(self.depth):
            linears.append(nn.Linear(width[i], width[i + 1]))
        self.linears = nn.ModuleList(linears)
        self.act_fun = nn.SiLU()
        self.save_act = save_act

    def forward(self, x):
        self.acts = []
        for i in range(self.depth):
            if self.save_act:
                act = x.clone()
                self.acts.append(act)
            x = self.linears[i](x)
            if i < self.depth - 1:
                x = self.act_fun(x)
        return x

    def fit(self, dataset, steps=10, lr=1.0):
        optimizer = torch.optim.LBFGS(self.parameters(), lr=lr, history_size=10)
        loss_fn = loss_fn_eval = lambda x, y: torch.mean((x - y) ** 2)
        results = {'train_loss': [], 'test_loss': []}

        def closure():
            optimizer.zero_grad()
            objective = loss_fn(self.forward(dataset['train_input']), dataset['train_label'])
            objective.backward()
            results['train_loss'].append(objective.item())
            return objective

        for _ in range(steps):
            optimizer.step(closure)
            test_loss = loss_fn_eval(self.forward(dataset['test_input']), dataset['test_label'])
            results['test_loss'].append(torch.sqrt(test_loss).cpu().detach().numpy())
        return results


torch.manual_seed(0)
x = torch.rand(64, 2) * 2 - 1
y = torch.sin(3 * x[:, :1]) * x[:, 1:]
r = MLP([2, 8, 1]).fit(dict(train_input=x, train_label=y, test_input=x[:16], test_label=y[:16]))
assert r['train_loss'][-1] < r['train_loss'][0] and r['test_loss'][-1] < r['test_loss'][0]
