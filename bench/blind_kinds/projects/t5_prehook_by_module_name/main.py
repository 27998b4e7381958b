import torch
import torch.nn.functional as F

from hooks import attach
from nets.router import MoEClassifier

EXPERIMENT = {
    "model": {"d_in": 6, "n_experts": 3, "n_classes": 4},
    # sharpen the routing read-out without editing the model
    "hooks": [{"module": "readout", "kind": "temperature", "arg": 0.5}],
    "lr": 1e-3,
}


def main():
    torch.manual_seed(0)
    model = MoEClassifier(**EXPERIMENT["model"])
    handles = [attach(model, spec) for spec in EXPERIMENT["hooks"]]  # L
    opt = torch.optim.Adam(model.parameters(), lr=EXPERIMENT["lr"])
    x, y = torch.randn(5, 6), torch.randint(0, 4, (5,))
    loss = F.cross_entropy(model(x), y)  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
    for h in handles:
        h.remove()
    print(loss.item())


if __name__ == "__main__":
    main()
