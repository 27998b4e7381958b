import torch
import torch.nn.functional as F

from videoclf import VideoClassifier

CONFIG = {"classes": 5, "frames": 4, "size": 8, "batch": 2, "steps": 2, "lr": 3e-4, "frame_drop": 0.25}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = VideoClassifier(cfg["classes"], frame_drop=cfg["frame_drop"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.05)
    model.train()
    for step in range(cfg["steps"]):
        clips = torch.randn(cfg["batch"], cfg["frames"], 3, cfg["size"], cfg["size"])
        labels = torch.randint(0, cfg["classes"], (cfg["batch"],))
        loss = F.cross_entropy(model(clips), labels, label_smoothing=0.1)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
