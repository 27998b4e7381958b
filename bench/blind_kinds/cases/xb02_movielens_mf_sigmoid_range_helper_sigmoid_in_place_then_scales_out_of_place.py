"""A MovieLens-style matrix factorisation with user/item biases, as in the fastai course: ratings are
squashed into [0.5, 5.5] by a sigmoid_range helper whose sigmoid is taken in place on the fresh
score and scaled out of place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def sigmoid_range_(x, lo, hi):
    return lo + (hi - lo) * x.sigmoid_()  # L


class DotProductBias(nn.Module):
    def __init__(self, n_users, n_items, n_factors=4, y_range=(0.5, 5.5)):
        super().__init__()
        self.user_factors = nn.Embedding(n_users, n_factors)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_factors = nn.Embedding(n_items, n_factors)
        self.item_bias = nn.Embedding(n_items, 1)
        self.y_range = y_range

    def forward(self, users, items):
        dot = (self.user_factors(users) * self.item_factors(items)).sum(dim=1)
        dot = dot + self.user_bias(users).squeeze(1) + self.item_bias(items).squeeze(1)
        return sigmoid_range_(dot, *self.y_range)  # L


def run():
    torch.manual_seed(0)
    model = DotProductBias(7, 9)
    opt = torch.optim.Adam(model.parameters(), lr=5e-3, weight_decay=0.1)
    for _ in range(3):
        users, items = torch.randint(0, 7, (16,)), torch.randint(0, 9, (16,))
        ratings = torch.randint(1, 6, (16,)).float()
        loss = F.mse_loss(model(users, items), ratings)
        opt.zero_grad()
        loss.backward()
        opt.step()
