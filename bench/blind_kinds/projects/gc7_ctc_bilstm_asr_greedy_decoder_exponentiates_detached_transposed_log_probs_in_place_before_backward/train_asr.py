import torch

from asr import BiLSTMCTC, CTCTrainer


def main(steps=2):
    torch.manual_seed(0)
    trainer = CTCTrainer(BiLSTMCTC())
    T, B = 12, 3
    for _ in range(steps):
        feats, targets = torch.randn(T, B, 6), torch.randint(1, 6, (B, 4))
        trainer.step(feats, targets, torch.full((B,), T, dtype=torch.long), torch.tensor([4, 3, 2]))  # L


if __name__ == "__main__":
    main()
