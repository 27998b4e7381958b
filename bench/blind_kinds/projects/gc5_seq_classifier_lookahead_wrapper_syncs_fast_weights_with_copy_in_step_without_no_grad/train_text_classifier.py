import torch
import torch.nn.functional as F

from textclf import BiGRUClassifier
from textclf.optim import Lookahead


def main(steps=4):
    torch.manual_seed(0)
    model = BiGRUClassifier()
    opt = Lookahead(torch.optim.Adam(model.parameters(), lr=1e-3), k=2)
    for step in range(steps):
        tokens, labels = torch.randint(0, 23, (4, 7)), torch.randint(0, 3, (4,))
        loss = F.cross_entropy(model(tokens), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()  # L
        print(step, loss.item())


if __name__ == "__main__":
    main()
