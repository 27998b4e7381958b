import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

try:
    from torch.nn.utils.parametrize import is_parametrized
except ImportError:  # older torch
    def is_parametrized(module, tensor_name=None):
        return False

MAX_NORM = 0.25


def max_norm_hook(module, args, output):
    """Keeps each unit's incoming weight vector inside the L2 ball (dropout-paper max-norm)."""
    w = module.weight.data
    w.renorm_(2, 0, MAX_NORM)  # L


def constrain(model, hook=max_norm_hook):
    for m in model.modules():
        if isinstance(m, nn.Linear) and m.in_features > 8 and not is_parametrized(m):
            m.register_forward_hook(hook)  # L


def capture(store):
    def hook(module, args, output):
        store[module] = module.weight.detach().clone()
    return hook


def train(steps=2, record=None):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 3))
    used = {}
    if record is not None:  # the weights each forward pass really used (hooks run in registration order)
        for m in model.modules():
            if isinstance(m, nn.Linear):
                m.register_forward_hook(capture(used))
    constrain(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
    for _ in range(steps):
        x, y = torch.randn(16, 6), torch.randint(0, 3, (16,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        if record is not None:
            ref = copy.deepcopy(model)
            for m_ref, m in zip(ref.modules(), model.modules()):
                m_ref._forward_hooks.clear()
                m_ref._forward_pre_hooks.clear()
                if m in used:
                    with torch.no_grad():
                        m_ref.weight.copy_(used[m])
            want = torch.autograd.grad(F.cross_entropy(ref(x), y), list(ref.parameters()))
            record.append((want, [p.grad.clone() for p in model.parameters()]))
        opt.step()


def run():
    train()


def silent_hazard():
    record = []
    train(record=record)
    return any(not torch.allclose(a, b, atol=1e-6) for want, got in record for a, b in zip(want, got))
