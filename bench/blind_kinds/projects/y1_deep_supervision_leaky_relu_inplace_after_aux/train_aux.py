import torch
import torch.nn.functional as F

from nets import DeeplySupervisedMLP

CONFIG = {
    "model": {"d_in": 6, "widths": (12, 8), "n_classes": 3, "act": "leaky_relu_"},
    "aux_weight": 0.3,
    "steps": 2,
}


def deep_supervision_loss(logits, aux_logits, y, aux_weight):
    loss = F.cross_entropy(logits, y)
    for aux in aux_logits:
        loss = loss + aux_weight * F.cross_entropy(aux, y)
    return loss


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = DeeplySupervisedMLP(**cfg["model"])
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    x, y = torch.randn(10, cfg["model"]["d_in"]), torch.randint(0, cfg["model"]["n_classes"], (10,))
    for _ in range(cfg["steps"]):
        logits, aux_logits = model(x)  # L
        loss = deep_supervision_loss(logits, aux_logits, y, cfg["aux_weight"])
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
