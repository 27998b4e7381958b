import torch

from densedet import DenseHead, build_loss

CONFIG = {
    "head": {"in_channels": 4, "feat": 8, "num_classes": 3},
    "loss": {"type": "qfl", "beta": 2.0, "detach_scale": True},
    "lr": 0.01,
    "steps": 3,
}


def fake_targets(n_anchors, num_classes, generator):
    # label == num_classes is background; quality is the IoU of the decoded box with its target
    labels = torch.randint(0, num_classes + 1, (n_anchors,), generator=generator)
    quality = torch.rand(n_anchors, generator=generator)
    return labels, quality


def main(cfg=CONFIG):
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    head = DenseHead(**cfg["head"])
    criterion = build_loss(cfg["loss"])
    opt = torch.optim.SGD(head.parameters(), lr=cfg["lr"], momentum=0.9)
    for step in range(cfg["steps"]):
        feats = torch.randn(2, cfg["head"]["in_channels"], 4, 4, generator=g)
        labels, quality = fake_targets(2 * 4 * 4, cfg["head"]["num_classes"], g)
        loss = criterion(head(feats), labels, quality)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
