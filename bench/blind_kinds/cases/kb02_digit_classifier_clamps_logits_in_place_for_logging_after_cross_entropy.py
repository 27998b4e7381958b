"""A first classifier (flattened 4x4 "digits"). To print a sane running "logit range" the loop
clamps the logits in place after computing the cross-entropy loss and before calling backward."""
import torch
import torch.nn as nn


class DigitNet(nn.Module):
    def __init__(self, n_features=16, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_features, 16)
        self.fc2 = nn.Linear(16, n_classes)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def run():
    torch.manual_seed(0)
    model = DigitNet()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(2):
        x, y = torch.randn(8, 16), torch.randint(0, 4, (8,))
        logits = model(x)
        loss = criterion(logits, y)
        logits.clamp_(-3.0, 3.0)  # L
        print(f"epoch {epoch} loss {loss.item():.3f} range [{logits.min().item():.2f}, {logits.max().item():.2f}]")
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
