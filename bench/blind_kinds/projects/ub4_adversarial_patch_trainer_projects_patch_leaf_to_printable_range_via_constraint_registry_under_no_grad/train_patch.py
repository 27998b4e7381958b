import torch

from advpatch import AdversarialPatch, PatchTrainer, TinyDetector

CFG = {"constraint": "printable", "tv_weight": 0.1, "lr": 0.05, "epochs": 2}


def main():
    torch.manual_seed(0)
    trainer = PatchTrainer(TinyDetector(), AdversarialPatch(), CFG)
    images = torch.rand(4, 3, 8, 8)
    for epoch in range(CFG["epochs"]):
        for batch in images.split(2):
            print(epoch, trainer.step(batch))  # L


if __name__ == "__main__":
    main()
