"""Position schemes by name; each hooks into attention before or after the scores."""
import torch

POSITIONS = {}


def register(name):
    def deco(cls):
        POSITIONS[name] = cls
        return cls
    return deco


class Position:
    def rotate_(self, q, k):
        pass

    def bias_(self, scores):
        pass


@register("rope")
class Rotary(Position):
    def __init__(self, head_dim, max_len=64, base=10000.0):
        inv = 1.0 / base ** (torch.arange(0, head_dim, 2).float() / head_dim)
        ang = torch.outer(torch.arange(max_len).float(), inv)
        self.cos, self.sin = ang.cos().repeat(1, 2), ang.sin().repeat(1, 2)

    @staticmethod
    def _half_turn(x):
        a, b = x.chunk(2, dim=-1)
        return torch.cat([-b, a], dim=-1)

    def _apply_(self, x):
        T = x.size(-2)
        turned = self._half_turn(x) * self.sin[:T]
        x.mul_(self.cos[:T]).add_(turned)  # L

    def rotate_(self, q, k):
        self._apply_(q)  # L
        self._apply_(k)  # L


@register("alibi")
class ALiBi(Position):
    def __init__(self, head_dim, n_heads=2, max_len=64):
        slopes = torch.tensor([2.0 ** (-8 * (i + 1) / n_heads) for i in range(n_heads)])
        pos = torch.arange(max_len)
        self.bias = -(pos[None, :] - pos[:, None]).abs().float() * slopes[:, None, None]

    def bias_(self, scores):
        T = scores.size(-1)
        scores += self.bias[:, :T, :T]  # L
