"""CLIP fine-tuning with gradient accumulation: the micro-batch losses are summed and a single
backward runs at the end of the accumulation window (the features of the other ranks are a
fixed bank here)."""
import torch

from clipgc import ClipLoss, DualEncoder, FeatureGatherer

CFG = {"world_size": 2, "rank": 1, "micro_batches": 2, "micro_batch_size": 3, "steps": 2, "lr": 1e-3}


def remote_bank(cfg, d):
    torch.manual_seed(7)
    n = cfg["micro_batch_size"]
    return ([torch.nn.functional.normalize(torch.randn(n, d), dim=-1) for _ in range(cfg["world_size"])],
            [torch.nn.functional.normalize(torch.randn(n, d), dim=-1) for _ in range(cfg["world_size"])])


def main(cfg=CFG):
    torch.manual_seed(0)
    model = DualEncoder()
    criterion = ClipLoss(FeatureGatherer(cfg["world_size"], cfg["rank"]))
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    remote_img, remote_txt = remote_bank(cfg, 6)
    n = cfg["micro_batch_size"]
    for step in range(cfg["steps"]):
        total = 0.0
        for _ in range(cfg["micro_batches"]):
            images, tokens = torch.randn(n, 12), torch.randint(0, 30, (n, 5))
            img, txt = model.encode_image(images), model.encode_text(tokens)
            total = total + criterion(img, txt, remote_img, remote_txt, model.logit_scale.exp())  # L
        opt.zero_grad()
        (total / cfg["micro_batches"]).backward()
        opt.step()
        print(step, float(total))


if __name__ == "__main__":
    main()
