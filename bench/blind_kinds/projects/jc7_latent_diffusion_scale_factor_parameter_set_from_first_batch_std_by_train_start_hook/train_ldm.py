import torch

from ldm import HOOKS, LatentDiffusion


def main(steps=3):
    torch.manual_seed(0)
    model = LatentDiffusion()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    batches = [torch.randn(8, 12) * 3 for _ in range(steps)]
    for fn in HOOKS.get("train_start", []):
        fn(model, batches[0])  # L
    for step, x in enumerate(batches):
        loss = model.loss(x)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4), round(model.scale_factor.item(), 4))


if __name__ == "__main__":
    main()
