import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, constraints=()):
        self.model, self.optimizer = model, optimizer
        self.constraints = list(constraints)

    def _apply_constraints(self):
        for constraint in self.constraints:
            constraint(self.model)  # L

    def step(self, tokens, labels):
        loss = F.cross_entropy(self.model(tokens), labels)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self._apply_constraints()  # L
        return loss.item()
