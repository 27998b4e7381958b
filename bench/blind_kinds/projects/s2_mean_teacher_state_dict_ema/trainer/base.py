import torch


class Trainer:
    """Minimal loop with hooks; subclasses provide compute_loss."""

    def __init__(self, model, lr=0.05, grad_clip=1.0):
        self.model = model
        self.opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=True)
        self.grad_clip = grad_clip
        self.step_count = 0

    def compute_loss(self, batch):
        raise NotImplementedError

    def before_backward(self, loss):
        pass

    def after_step(self):
        pass

    def train_step(self, batch):
        self.model.train()
        loss = self.compute_loss(batch)
        self.before_backward(loss)  # L
        self.opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.grad_clip)
        self.opt.step()
        self.after_step()
        self.step_count += 1
        return loss.item()
