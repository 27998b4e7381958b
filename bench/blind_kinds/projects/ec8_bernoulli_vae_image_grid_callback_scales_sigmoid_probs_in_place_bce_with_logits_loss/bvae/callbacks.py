class ImageGridLogger:
    """Keeps the first reconstructions of every `every`-th step as 8-bit images for the report."""

    def __init__(self, every=1, n=4):
        self.every, self.n, self.grids = every, n, []

    def after_forward(self, step, out):
        if step % self.every:
            return
        img = out["probs"][: self.n]
        self.grids.append(img.mul_(255).to("cpu").byte())  # L
