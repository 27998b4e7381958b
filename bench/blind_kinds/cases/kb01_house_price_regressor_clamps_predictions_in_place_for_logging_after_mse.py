"""A first regression model (house prices, standardised targets). To print a sane running
"predicted range" the loop clamps the predictions in place after computing the MSE loss and before
calling backward."""
import torch
import torch.nn as nn


class PriceNet(nn.Module):
    def __init__(self, n_features=5):
        super().__init__()
        self.fc1 = nn.Linear(n_features, 16)
        self.fc2 = nn.Linear(16, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def run():
    torch.manual_seed(0)
    model = PriceNet()
    criterion = nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(2):
        x, y = torch.randn(8, 5), torch.randn(8, 1)
        preds = model(x)
        loss = criterion(preds, y)
        preds.clamp_(-3.0, 3.0)  # L
        print(f"epoch {epoch} loss {loss.item():.3f} range [{preds.min().item():.2f}, {preds.max().item():.2f}]")
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
