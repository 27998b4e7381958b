from .objectives import compute_losses


class GANTrainer:
    """Steps each player on its own loss, in the order the config gives."""

    def __init__(self, gen, disc, optimizers, step_order=("d", "g")):
        self.gen, self.disc = gen, disc
        self.optimizers = optimizers
        self.step_order = tuple(step_order)

    def step(self, real):
        losses = compute_losses(self.gen, self.disc, real)
        for name in self.step_order:
            opt = self.optimizers[name]
            opt.zero_grad(set_to_none=True)
            losses[name].backward()
            opt.step()  # L
        return {name: loss.item() for name, loss in losses.items()}

    def fit(self, batches, epochs=1):
        for epoch in range(epochs):
            for real in batches:
                logs = self.step(real)  # L
            print(epoch, logs)
