import torch

from asr import CTCTrainer, ConvGRUEncoder, GreedyCTCDecoder


def batch(n=2, frames=12, vocab=6):
    feats = torch.randn(n, 8, frames)
    feat_lens = torch.tensor([frames, frames - 2])
    target_lens = torch.tensor([3, 2])
    targets = torch.randint(1, vocab, (int(target_lens.sum()),))
    return feats, feat_lens, targets, target_lens


def main(steps=2):
    torch.manual_seed(0)
    model = ConvGRUEncoder()
    trainer = CTCTrainer(model, GreedyCTCDecoder(blank=0), lr=1e-3)
    for i in range(steps):
        print(i, trainer.step(*batch()))


if __name__ == "__main__":
    main()
