class Callback:
    def on_train_start(self, trainer, first_batch):
        pass

    def on_step_end(self, trainer, loss):
        pass


class LSUVInit(Callback):
    """Data-dependent init on the first training batch."""

    def __init__(self, tol, max_iter):
        self.tol, self.max_iter = tol, max_iter

    def on_train_start(self, trainer, first_batch):
        images, _ = first_batch
        trainer.model.lsuv_init(images, tol=self.tol, max_iter=self.max_iter)  # L


class LossLogger(Callback):
    def __init__(self):
        self.losses = []

    def on_step_end(self, trainer, loss):
        self.losses.append(loss)


def build_callbacks(cfg):
    callbacks = [LossLogger()]
    if cfg.init == "lsuv":
        callbacks.insert(0, LSUVInit(cfg.lsuv_tol, cfg.lsuv_max_iter))
    return callbacks
