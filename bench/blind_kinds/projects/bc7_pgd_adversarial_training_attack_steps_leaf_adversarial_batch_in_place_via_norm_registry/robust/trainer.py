import torch
import torch.nn.functional as F


class AdversarialTrainer:
    def __init__(self, model, attack, lr=0.1):
        self.model = model
        self.attack = attack
        self.opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)

    def train_step(self, x, y):
        self.model.eval()  # attack with frozen batch-norm statistics
        x_adv = self.attack(self.model, x, y)  # L
        self.model.train()
        loss = F.cross_entropy(self.model(x_adv), y)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
