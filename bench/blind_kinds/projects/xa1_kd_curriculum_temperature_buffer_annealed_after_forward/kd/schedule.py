class TemperatureCurriculum:
    """Anneals the distillation temperature geometrically towards a floor (easy -> hard targets)."""

    def __init__(self, loss_fn, decay=0.8, floor=1.0):
        self.loss_fn = loss_fn
        self.decay = decay
        self.floor = floor

    def __call__(self, trainer):
        self.loss_fn.T.mul_(self.decay).clamp_(min=self.floor)  # L
