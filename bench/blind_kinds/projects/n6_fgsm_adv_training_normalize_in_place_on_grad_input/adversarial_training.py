import torch
import torch.nn.functional as F

from robust import SmallCNN, attacks, build_transform

PREPROCESS = [
    {"name": "to_float"},
    {"name": "normalize", "mean": [0.49, 0.48, 0.45], "std": [0.25, 0.24, 0.26], "inplace": True},
]


def main():
    torch.manual_seed(0)
    model = SmallCNN()
    preprocess = build_transform(PREPROCESS)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    for _ in range(2):
        images, labels = torch.rand(4, 3, 8, 8), torch.randint(0, 4, (4,))
        model.eval()
        adv = attacks.fgsm(model, preprocess, images, labels)  # L
        model.train()
        loss = F.cross_entropy(model(preprocess(torch.cat([images, adv]))), labels.repeat(2))
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(loss.item())


if __name__ == "__main__":
    main()
