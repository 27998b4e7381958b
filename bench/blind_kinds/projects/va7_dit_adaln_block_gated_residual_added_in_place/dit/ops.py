"""adaLN-Zero helpers (Peebles & Xie), written in place to keep activation memory down."""


def modulate_(x, shift, scale):
    return x.mul_(1 + scale.unsqueeze(1)).add_(shift.unsqueeze(1))


def gated_add_(x, gate, y):
    return x.add_(gate.unsqueeze(1) * y)  # L
