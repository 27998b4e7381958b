import torch.nn.functional as F


class LMTrainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model, self.optimizer, self.callbacks = model, optimizer, list(callbacks)

    def training_step(self, tokens):
        inputs, targets = tokens[:, :-1], tokens[:, 1:]
        logits = self.model(inputs)  # L
        return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))

    def fit(self, batches):
        self.model.train()
        for tokens in batches:
            loss = self.training_step(tokens)  # L
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            for cb in self.callbacks:
                cb.on_after_backward(self)
            self.optimizer.step()
            for cb in self.callbacks:
                cb.on_step_end(self, loss.item())
