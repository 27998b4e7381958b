"""UNITER-style pre-training step with the word-region alignment (WRA) task only."""
import torch

from uniter import ImageTextEncoder, wra_loss


def main(steps=2):
    torch.manual_seed(0)
    model = ImageTextEncoder()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    for step in range(steps):
        ids = torch.randint(0, 40, (3, 5))
        regions = torch.randn(3, 4, 10)
        words_pos, regions_pos = model(ids, regions)
        words_neg, regions_neg = model(ids, regions.roll(1, 0))
        loss = wra_loss(words_pos, regions_pos, words_neg, regions_neg)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
