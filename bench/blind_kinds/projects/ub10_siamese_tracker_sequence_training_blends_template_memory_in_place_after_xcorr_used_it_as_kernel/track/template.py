class TemplateMemory:
    """A running template, blended toward each new frame's target appearance (UpdateNet-style
    linear update), so the tracker can follow appearance changes over a sequence."""

    def __init__(self, rate=0.2):
        self.rate = rate
        self.z = None

    def reset(self, z):
        self.z = z

    def update(self, z_new):
        self.z.mul_(1 - self.rate).add_(z_new, alpha=self.rate)  # L
