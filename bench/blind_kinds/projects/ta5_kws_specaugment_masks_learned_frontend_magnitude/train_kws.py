import torch
import torch.nn.functional as F

from kws import KeywordSpotter, build_augment

CFG = dict(
    model=dict(n_keywords=4, n_filters=6),
    augment=[dict(name="time_mask", max_width=3), dict(name="freq_mask", max_width=2)],
    lr=3e-3,
    epochs=2,
)


def main():
    torch.manual_seed(0)
    model = KeywordSpotter(**CFG["model"], augment=build_augment(CFG["augment"]))
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=CFG["epochs"])
    waves, labels = torch.randn(6, 64), torch.randint(0, 4, (6,))
    for epoch in range(CFG["epochs"]):
        model.train()
        loss = F.cross_entropy(model(waves), labels)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
