import copy

from .utils import timed


class GeneratorEMA:
    """Exponential moving average of the generator's weights, used for sampling (BigGAN, StyleGAN)."""

    def __init__(self, generator, beta=0.999):
        self.model = copy.deepcopy(generator).eval()
        self.beta = beta

    @timed
    def update(self, generator):
        for p_ema, p in zip(self.model.parameters(), generator.parameters()):
            p_ema.lerp_(p.detach(), 1 - self.beta)  # L
        for b_ema, b in zip(self.model.buffers(), generator.buffers()):
            b_ema.copy_(b)
