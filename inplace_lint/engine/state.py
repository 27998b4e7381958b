"""Flow state the interpreter carries along a path: grad mode, hook regions, graph liveness.

Graph liveness uses epochs.  Saves are stamped with the epoch that was current
when they happened; ``backward()`` marks every epoch seen so far dead and opens
a new one.  Each branch of an ``if`` opens its own epoch, so that at the join a
save made *and* backpropagated inside one branch stays dead, while saves the
other branch never backpropagated stay live.
"""
from __future__ import annotations

import itertools

from .epochs import Epochs

_epochs = itertools.count(1)


class State:
    __slots__ = ("grad", "hooked", "epoch", "seen", "dead", "grads", "retained", "unreached", "partial")

    def __init__(self, grad=True, hooked=False):
        self.grad = grad  # True / False / None
        self.hooked = hooked
        self.grads = None  # whether parameters hold .grad (optimizer.step() skips those without)
        self.epoch = next(_epochs)
        self.seen = Epochs().plus(self.epoch)  # (immutable: shared by copies, see epochs.py)
        self.dead = frozenset()  # (immutable too: replaced, never changed)
        # epochs backpropagated with retain_graph=True: their saves only matter
        # to a later backward that reaches them
        self.retained = frozenset()
        # saves a backward left alone (its root did not reach them: the actor's loss
        # when the critic's was backpropagated): alive, and like the retained ones
        # they only matter to a later backward that reaches them
        self.unreached = frozenset()
        # epochs seen on one branch of an ``if`` of unknown outcome and not on the other,
        # each with the storage id the branch started at: what was saved there of a tensor
        # made before the ``if`` was saved on some of the paths that reach here only
        self.partial = {}

    def copy(self):
        s = State.__new__(State)
        s.grad = self.grad
        s.hooked = self.hooked
        s.grads = self.grads
        s.epoch = self.epoch
        s.seen = self.seen
        s.dead = self.dead
        s.retained = self.retained
        s.unreached = self.unreached
        s.partial = self.partial
        return s

    def new_epoch(self):
        self.epoch = next(_epochs)
        self.seen = self.seen.plus(self.epoch)

    def branch(self):
        s = self.copy()
        s.new_epoch()
        return s

    def backward(self, free=True, spared=frozenset()):
        self.grads = True
        if free and spared:
            self.unreached = self.unreached | spared
        if not free:
            self.retained = self.retained | (self.seen.full() - self.dead)
        if free:
            self.dead = self.dead | self.seen.full()
            self.new_epoch()

    def live(self, save):
        # A save from another analysis entry (e.g. a shared standalone
        # instance) was never seen on this path.
        return save.epoch in self.seen and (save.epoch not in self.dead or id(save) in self.unreached)

    @staticmethod
    def join(a: "State", b: "State", branches=None) -> "State":
        """``branches``: a and b are the two arms of an ``if`` whose outcome is unknown that
        started when storage ids were at ``branches``."""
        s = State.__new__(State)
        s.grad = a.grad if a.grad == b.grad else None
        s.hooked = a.hooked or b.hooked
        s.grads = a.grads if a.grads == b.grads else None
        s.seen = a.seen | b.seen
        s.dead = (a.dead & b.dead) | _not_in(a.dead, b.seen) | _not_in(b.dead, a.seen)
        s.retained = a.retained | b.retained
        s.unreached = a.unreached | b.unreached
        if branches is not None:
            new = dict.fromkeys((a.seen - b.seen) | (b.seen - a.seen), branches)
            s.partial = {**a.partial, **new} if a.partial is b.partial else {**a.partial, **b.partial, **new}
        elif a.partial is b.partial or not b.partial:
            s.partial = a.partial  # (shared: a partial is never changed once made)
        elif not a.partial:
            s.partial = b.partial
        else:
            s.partial = {**a.partial, **b.partial}
        s.epoch = next(_epochs)
        s.seen = s.seen.plus(s.epoch)
        return s

    def assign(self, other: "State"):
        self.grad = other.grad
        self.hooked = other.hooked
        self.grads = other.grads
        self.epoch = other.epoch
        self.seen = other.seen
        self.dead = other.dead
        self.retained = other.retained
        self.unreached = other.unreached
        self.partial = other.partial


def _not_in(dead, seen):
    return frozenset(e for e in dead if e not in seen) if dead else dead
