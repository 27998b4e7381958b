"""A temperature kept in a buffer and updated from a graph that no loss backpropagates.

From libauc 2.0.1, ``libauc/losses/contrastive.py``: ``GCLoss_v1.forward`` with
``enable_isogclr=True`` (iSogCLR) divides the logits by each sample's learnable temperature,
uses the result only for the moving estimate ``u`` and for weights it detaches, and updates
the temperatures in their buffer at the end::

    tau = self.learnable_tau[index].to(self.device)
    neg_logits1 = torch.exp(logits_ab_aa/tau)*neg_mask                      # line 162: div keeps tau
    ...
    u1 = (1 - gamma) * self.u[index].to(self.device) + gamma * torch.sum(neg_logits1, ...)/...
    self.u[index] = (u1.detach().cpu() + u2.detach().cpu())/2
    p_neg_weights1 = (neg_logits1/u1.clamp(min=self.eps)).detach()
    loss_a = softmax_cross_entropy_with_logits(labels, logits_ab_aa, p_neg_weights1)
    ...
    grad_tau_a = torch.log(u1) + self.rho - torch.sum(p_neg_weights1 * (logits_ab_aa/tau).detach(), ...)
    ...
    self.grad_tau[index] = (1.0 - self.beta) * self.grad_tau[index] + self.beta * grad_tau.cpu()
    self.learnable_tau[index] = (self.learnable_tau[index] - self.eta * self.grad_tau[index]).clamp_(...)  # line 208

The loss reaches the ``div`` only through ``.detach()``; its other route, ``log(u1)`` into
``grad_tau``, ends in the temperature buffers, which feed later losses only through the same
detached weights.  So no backward ever runs through the ``div``, and the write of line 208
cannot raise, even for an ``index`` that made ``tau`` a view.  (With the loss's documented
``index``, a LongTensor of dataset indices, ``tau`` is a copy besides.)  The graph does leak into
the buffers: after one step ``learnable_tau.requires_grad`` is True (a memory cost, not a raise).

In the library the linter warns ("``self.learnable_tau`` is modified in place by ``[]=`` but
``div`` at line 162 (its other) saved it ..."): the ``div``'s output reaches a value written into
a module buffer, which it counts as a use that could be backpropagated later, and it takes
``self.learnable_tau[index]`` for a view of the buffer.  (With ``grad_tau`` detached it is
quiet.)  Here the same update, trained first with LongTensor indices and then with a slice, which
makes ``tau`` a view: the same line is flagged, an error here (at the slice call; a warning
with LongTensor calls only, as in the library), and training runs.
"""
import torch
import torch.nn.functional as F
from torch import nn


class IndividualTemperatureLoss(nn.Module):
    def __init__(self, n=64, tau=0.1, eta=0.01, rho=0.3):
        super().__init__()
        self.eta, self.rho = eta, rho
        self.u = torch.zeros(n, 1)
        self.learnable_tau = torch.ones(n, 1) * tau

    def forward(self, h1, h2, index):
        h1, h2 = F.normalize(h1, dim=1), F.normalize(h2, dim=1)
        logits = h1 @ h2.T
        tau = self.learnable_tau[index]
        neg = torch.exp(logits / tau)
        u = 0.1 * self.u[index] + 0.9 * neg.mean(dim=1, keepdim=True)
        self.u[index] = u.detach()
        weights = (neg / u).detach()
        loss = -(logits.diagonal() - (weights * logits).mean(dim=1)).mean()
        grad_tau = torch.log(u) + self.rho - (weights * (logits / tau).detach()).mean(dim=1, keepdim=True)
        self.learnable_tau[index] = (self.learnable_tau[index] - self.eta * grad_tau).clamp_(min=0.05, max=0.7)
        return loss


if __name__ == "__main__":
    torch.manual_seed(0)
    encoder = nn.Linear(8, 4)
    loss_fn = IndividualTemperatureLoss()
    optimizer = torch.optim.SGD(encoder.parameters(), lr=0.1)
    for _ in range(3):
        x = torch.randn(16, 8)
        loss = loss_fn(encoder(x), encoder(x + 0.1 * torch.randn_like(x)), torch.randint(64, (16,)))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    for _ in range(3):  # even a slice, which makes tau a view: no backward reaches the div
        x = torch.randn(16, 8)
        loss = loss_fn(encoder(x), encoder(x + 0.1 * torch.randn_like(x)), slice(0, 16))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print("ok")
